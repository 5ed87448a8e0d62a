// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * rasapi32.c: the Windows half of rasapi32.dll for Wine, over librasdial.
 *
 * Built with winegcc: the exports (rasapi32.spec) are WINAPI (ms_abi) and
 * named wine_Ras* so that librasdial's System V Ras* stay the only ELF
 * symbols of those names.  Everything Linux is in unixlib.c, reached
 * through unixlib.h's plain C functions.
 *
 * Notifiers: librasdial runs in manual dispatch mode; a thread created
 * here with CreateThread waits on its fd and dispatches, so
 * RasDialFunc/1/2 run on a Wine thread (PE code on a pthread Wine did not
 * create crashes).  dwNotifierType 0xFFFFFFFF posts the message Windows
 * posts: RegisterWindowMessage("RasDialEvent"), WM_RASDIALEVENT when that
 * fails; wParam the state, lParam the error.
 *
 * Phone books: a program's DOS path becomes a Unix path
 * (wine_get_unix_file_name); librasdial takes a peers directory there.
 */
#include <stdarg.h>
#include <stdint.h>
#include <windef.h>
#include <winbase.h>
#include <winnls.h>
#include <winuser.h>

#include "unixlib.h"

/* From the SDK's ras.h and raserror.h (Wine's own ras.h is not used). */
#define WM_RASDIALEVENT			0xCCCD
#define RASDIALEVENT			"RasDialEvent"
#define ERROR_CANNOT_OPEN_PHONEBOOK	615
#define ERROR_RASMAN_CANNOT_INITIALIZE	711
#define NOTIFIER_HWND			0xFFFFFFFF

typedef VOID (WINAPI *RASDIALFUNC)(UINT, DWORD, DWORD);
typedef VOID (WINAPI *RASDIALFUNC1)(HANDLE, UINT, DWORD, DWORD, DWORD);
typedef DWORD (WINAPI *RASDIALFUNC2)(ULONG_PTR, DWORD, HANDLE, UINT, DWORD,
				     DWORD, DWORD);

/* A dial with a notifier; found by the handle librasdial reports. */
struct dial {
	struct dial *next;
	uintptr_t h;
	DWORD type;
	void *notifier;
	ULONG_PTR callback_id;
	BOOL stopped;		/* a RasDialFunc2 returned 0 */
};

static CRITICAL_SECTION dials_cs;
static struct dial *dials;
static DWORD init_error;
static UINT dial_msg = WM_RASDIALEVENT;
static INIT_ONCE thread_once = INIT_ONCE_STATIC_INIT;
static BOOL thread_started;

/* Called with dials_cs held. */
static struct dial **find_dial(uintptr_t h)
{
	struct dial **d;

	for (d = &dials; *d; d = &(*d)->next)
		if ((*d)->h == h)
			return d;
	return NULL;
}

static void forget_dial(uintptr_t h)
{
	struct dial **d, *gone = NULL;

	EnterCriticalSection(&dials_cs);
	d = find_dial(h);
	if (d) {
		gone = *d;
		*d = gone->next;
	}
	LeaveCriticalSection(&dials_cs);
	HeapFree(GetProcessHeap(), 0, gone);
}

/* rasu_notify_fn: runs on dispatch_thread (or inside a synchronous
 * RasDial of the program's thread), both Wine threads. */
static void notify(uintptr_t h, uint32_t state, uint32_t error,
		   uint32_t ext_error)
{
	struct dial **pd, d;

	EnterCriticalSection(&dials_cs);
	pd = find_dial(h);
	if (pd)
		d = **pd;
	LeaveCriticalSection(&dials_cs);
	if (!pd || d.stopped)
		return;
	switch (d.type) {
	case 0:
		((RASDIALFUNC)d.notifier)(WM_RASDIALEVENT, state, error);
		break;
	case 1:
		((RASDIALFUNC1)d.notifier)((HANDLE)h, WM_RASDIALEVENT, state,
					   error, ext_error);
		break;
	case 2:
		if (((RASDIALFUNC2)d.notifier)(d.callback_id, 1, (HANDLE)h,
					       WM_RASDIALEVENT, state, error,
					       ext_error))
			break;
		EnterCriticalSection(&dials_cs);
		pd = find_dial(h);
		if (pd)
			(*pd)->stopped = TRUE;
		LeaveCriticalSection(&dials_cs);
		break;
	default:
		PostMessageW(d.notifier, dial_msg, state, error);
		break;
	}
}

static DWORD WINAPI dispatch_thread(void *arg)
{
	int fd = (int)(INT_PTR)arg;

	/* Ends only on a broken fd; the process's end ends it otherwise. */
	while (rasu_wait(fd, -1) >= 0)
		rasu_dispatch();
	return 1;
}

static BOOL WINAPI start_thread(INIT_ONCE *once __attribute__((unused)),
				void *param __attribute__((unused)),
				void **ctx __attribute__((unused)))
{
	int fd = rasu_get_fd();
	HANDLE t;

	if (fd >= 0) {
		t = CreateThread(NULL, 0, dispatch_thread,
				 (void *)(INT_PTR)fd, 0, NULL);
		if (t) {
			thread_started = TRUE;
			CloseHandle(t);
		}
	}
	return TRUE;
}

/* "C:\\x" (UTF-16) as a Unix path; *UNIX NULL for a NULL path. */
static DWORD unix_path_w(const WCHAR *path, char **unix_path)
{
	*unix_path = NULL;
	if (!path)
		return 0;
	*unix_path = wine_get_unix_file_name(path);
	return *unix_path ? 0 : ERROR_CANNOT_OPEN_PHONEBOOK;
}

static DWORD unix_path_a(const char *path, char **unix_path)
{
	WCHAR w[MAX_PATH + 1];

	*unix_path = NULL;
	if (!path)
		return 0;
	if (!MultiByteToWideChar(CP_ACP, 0, path, -1, w, ARRAYSIZE(w)))
		return ERROR_CANNOT_OPEN_PHONEBOOK;
	return unix_path_w(w, unix_path);
}

static DWORD dial(int wide, void *ext, char *pbk, void *params, DWORD type,
		  void *notifier, HANDLE *h)
{
	struct dial *d = NULL, **old;
	uintptr_t uh = h ? (uintptr_t)*h : 0;
	DWORD ret;

	ret = init_error;
	if (ret)
		goto out;
	/* Also for a synchronous dial: its pppd is reaped by a dispatch. */
	InitOnceExecuteOnce(&thread_once, start_thread, NULL, NULL);
	if (notifier) {
		ret = ERROR_INVALID_PARAMETER;
		if (type > 2 && type != NOTIFIER_HWND)
			goto out;
		/* No fd: librasdial's own error (kernel module missing). */
		if (thread_started) {
			ret = ERROR_NOT_ENOUGH_MEMORY;
			d = HeapAlloc(GetProcessHeap(), HEAP_ZERO_MEMORY,
				      sizeof(*d));
			if (!d)
				goto out;
			d->type = type;
			d->notifier = notifier;
			d->callback_id = params && type == 2 ?
					 rasu_callback_id(wide, params) : 0;
		}
	}
	/*
	 * Held across an asynchronous dial: its first event must find it
	 * listed.  Not across a synchronous one, which runs other dials'
	 * notifiers itself until it is over.
	 */
	if (d)
		EnterCriticalSection(&dials_cs);
	ret = rasu_dial(wide, ext, pbk, params, notifier != NULL,
			h ? &uh : NULL);
	if (h)
		*h = (HANDLE)uh;
	if (d && uh) {
		/* A handle librasdial gave again is a new dial. */
		old = find_dial(uh);
		if (old) {
			struct dial *gone = *old;

			*old = gone->next;
			HeapFree(GetProcessHeap(), 0, gone);
		}
		d->h = uh;
		d->next = dials;
		dials = d;
		LeaveCriticalSection(&dials_cs);
	} else if (d) {
		LeaveCriticalSection(&dials_cs);
		HeapFree(GetProcessHeap(), 0, d);
	}
out:
	HeapFree(GetProcessHeap(), 0, pbk);
	return ret;
}

DWORD WINAPI wine_RasDialA(void *ext, const char *phonebook, void *params,
			   DWORD type, void *notifier, HANDLE *h)
{
	char *pbk;
	DWORD ret = unix_path_a(phonebook, &pbk);

	return ret ? ret : dial(0, ext, pbk, params, type, notifier, h);
}

DWORD WINAPI wine_RasDialW(void *ext, const WCHAR *phonebook, void *params,
			   DWORD type, void *notifier, HANDLE *h)
{
	char *pbk;
	DWORD ret = unix_path_w(phonebook, &pbk);

	return ret ? ret : dial(1, ext, pbk, params, type, notifier, h);
}

/* Windows: no notifier call after RasHangUp returns. */
static DWORD hang_up(int wide, HANDLE h)
{
	if (init_error)
		return init_error;
	/* A handle of another process's dial: its end is dispatched too. */
	InitOnceExecuteOnce(&thread_once, start_thread, NULL, NULL);
	forget_dial((uintptr_t)h);
	return rasu_hang_up(wide, (uintptr_t)h);
}

DWORD WINAPI wine_RasHangUpA(HANDLE h)
{
	return hang_up(0, h);
}

DWORD WINAPI wine_RasHangUpW(HANDLE h)
{
	return hang_up(1, h);
}

DWORD WINAPI wine_RasGetConnectStatusA(HANDLE h, void *status)
{
	return init_error ? init_error :
	       rasu_get_connect_status(0, (uintptr_t)h, status);
}

DWORD WINAPI wine_RasGetConnectStatusW(HANDLE h, void *status)
{
	return init_error ? init_error :
	       rasu_get_connect_status(1, (uintptr_t)h, status);
}

DWORD WINAPI wine_RasEnumConnectionsA(void *conns, DWORD *cb, DWORD *count)
{
	return init_error ? init_error :
	       rasu_enum_connections(0, conns, cb, count);
}

DWORD WINAPI wine_RasEnumConnectionsW(void *conns, DWORD *cb, DWORD *count)
{
	return init_error ? init_error :
	       rasu_enum_connections(1, conns, cb, count);
}

DWORD WINAPI wine_RasEnumEntriesA(const char *reserved, const char *phonebook,
				  void *names, DWORD *cb, DWORD *count)
{
	char *pbk;
	DWORD ret = init_error;

	if (!ret)
		ret = unix_path_a(phonebook, &pbk);
	if (ret)
		return ret;
	ret = rasu_enum_entries(0, reserved, pbk, names, cb, count);
	HeapFree(GetProcessHeap(), 0, pbk);
	return ret;
}

DWORD WINAPI wine_RasEnumEntriesW(const WCHAR *reserved,
				  const WCHAR *phonebook, void *names,
				  DWORD *cb, DWORD *count)
{
	char *pbk;
	DWORD ret = init_error;

	if (!ret)
		ret = unix_path_w(phonebook, &pbk);
	if (ret)
		return ret;
	ret = rasu_enum_entries(1, reserved, pbk, names, cb, count);
	HeapFree(GetProcessHeap(), 0, pbk);
	return ret;
}

/* Error texts need no librasdial connection: only the library. */
DWORD WINAPI wine_RasGetErrorStringA(UINT code, char *buf, DWORD cch)
{
	return rasu_get_error_string(0, code, buf, cch);
}

DWORD WINAPI wine_RasGetErrorStringW(UINT code, WCHAR *buf, DWORD cch)
{
	return rasu_get_error_string(1, code, buf, cch);
}

DWORD WINAPI wine_RasGetProjectionInfoA(HANDLE h, DWORD proj, void *buf,
					DWORD *cb)
{
	return init_error ? init_error :
	       rasu_get_projection_info(0, (uintptr_t)h, proj, buf, cb);
}

DWORD WINAPI wine_RasGetProjectionInfoW(HANDLE h, DWORD proj, void *buf,
					DWORD *cb)
{
	return init_error ? init_error :
	       rasu_get_projection_info(1, (uintptr_t)h, proj, buf, cb);
}

DWORD WINAPI wine_RasGetConnectionStatistics(HANDLE h, void *stats)
{
	return init_error ? init_error :
	       rasu_get_connection_statistics((uintptr_t)h, stats);
}

DWORD WINAPI wine_RasGetLinkStatistics(HANDLE h, DWORD subentry, void *stats)
{
	return init_error ? init_error :
	       rasu_get_link_statistics((uintptr_t)h, subentry, stats);
}

BOOL WINAPI DllMain(HINSTANCE inst, DWORD reason,
		    void *reserved __attribute__((unused)))
{
	UINT msg;

	if (reason != DLL_PROCESS_ATTACH)
		return TRUE;
	DisableThreadLibraryCalls(inst);
	InitializeCriticalSection(&dials_cs);
	msg = RegisterWindowMessageA(RASDIALEVENT);
	if (msg)
		dial_msg = msg;
	/* Not the dispatch thread: DllMain holds the loader lock. */
	init_error = rasu_init(GetACP(), notify);
	return TRUE;
}
