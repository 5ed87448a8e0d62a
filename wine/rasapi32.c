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
 * RasConnectionNotification: the program's Win32 event cannot reach
 * librasdial, so each one gets a librasdial event (an eventfd); the
 * dispatch thread polls those fds too and SetEvent()s the program's event
 * (a duplicate of its handle) when librasdial sets ours.
 *
 * Phone books: a program's DOS path (C:\users\me\x.pbk, Z:\etc\ppp\peers)
 * becomes the Unix path (wine_get_unix_file_name) librasdial is given:
 * a .pbk file or a peers directory.  NULL stays NULL (/etc/ppp/peers).
 */
#include <stdarg.h>
#include <stdint.h>
#include <string.h>
#include <windef.h>
#include <winbase.h>
#include <winnls.h>
#include <winuser.h>

#include "unixlib.h"

/* From the SDK's ras.h and raserror.h (Wine's own ras.h is not used). */
#define WM_RASDIALEVENT			0xCCCD
#define RASDIALEVENT			"RasDialEvent"
#define ERROR_CANNOT_OPEN_PHONEBOOK	621
#define ERROR_RASMAN_CANNOT_INITIALIZE	711
#define NOTIFIER_HWND			0xFFFFFFFF

/* kernelbase (Windows 10); Wine 8's headers lack the prototype. */
BOOL WINAPI CompareObjectHandles(HANDLE first, HANDLE second);

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

/*
 * A program's event of RasConnectionNotification and librasdial's event
 * that stands for it; kept for the process's life (registrations on a
 * link end with the link, those on INVALID_HANDLE_VALUE never do).  Its
 * fd is polled by dispatch_thread with librasdial's fd and the wake fd.
 */
#define MAX_EVENTS 250
static struct event_map {
	HANDLE program;		/* the program's handle value */
	HANDLE dup;		/* ours to SetEvent */
	uintptr_t ev;		/* librasdial's */
	int fd;
} events[MAX_EVENTS];
static int nevents;
static CRITICAL_SECTION events_cs;

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

/* SetEvent each program event whose librasdial event is set. */
static void signal_events(void)
{
	int i;

	EnterCriticalSection(&events_cs);
	for (i = 0; i < nevents; i++)
		if (rasu_event_reset(events[i].fd))
			SetEvent(events[i].dup);
	LeaveCriticalSection(&events_cs);
}

static DWORD WINAPI dispatch_thread(void *arg)
{
	int fds[2 + MAX_EVENTS], n, i;

	fds[0] = (int)(INT_PTR)arg;
	fds[1] = rasu_wake_fd();
	/* Ends only on a broken fd; the process's end ends it otherwise. */
	for (;;) {
		EnterCriticalSection(&events_cs);
		for (n = 2, i = 0; i < nevents; i++)
			fds[n++] = events[i].fd;
		LeaveCriticalSection(&events_cs);
		if (rasu_wait(fds, n, -1) < 0)
			return 1;
		rasu_event_reset(fds[1]);
		rasu_dispatch();
		/* Set by this dispatch, or by a synchronous RasDial's own
		 * dispatching on the program's thread. */
		signal_events();
	}
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

/* init_error, then the program's phone book (A or W) as a Unix path. */
static DWORD book(int wide, const void *phonebook, char **pbk)
{
	*pbk = NULL;
	if (init_error)
		return init_error;
	return wide ? unix_path_w(phonebook, pbk) : unix_path_a(phonebook, pbk);
}

static DWORD enum_entries(int wide, const void *reserved,
			  const void *phonebook, void *names, DWORD *cb,
			  DWORD *count)
{
	char *pbk;
	DWORD ret = book(wide, phonebook, &pbk);

	if (!ret)
		ret = rasu_enum_entries(wide, reserved, pbk, names, cb, count);
	HeapFree(GetProcessHeap(), 0, pbk);
	return ret;
}

DWORD WINAPI wine_RasEnumEntriesA(const char *reserved, const char *phonebook,
				  void *names, DWORD *cb, DWORD *count)
{
	return enum_entries(0, reserved, phonebook, names, cb, count);
}

DWORD WINAPI wine_RasEnumEntriesW(const WCHAR *reserved,
				  const WCHAR *phonebook, void *names,
				  DWORD *cb, DWORD *count)
{
	return enum_entries(1, reserved, phonebook, names, cb, count);
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

/* ------------------------------------- devices, entries, credentials */

DWORD WINAPI wine_RasEnumDevicesA(void *devs, DWORD *cb, DWORD *count)
{
	return init_error ? init_error : rasu_enum_devices(0, devs, cb, count);
}

DWORD WINAPI wine_RasEnumDevicesW(void *devs, DWORD *cb, DWORD *count)
{
	return init_error ? init_error : rasu_enum_devices(1, devs, cb, count);
}

/* RasGetEntryProperties, or RasSetEntryProperties (SET: *CB and *DEV_CB
 * are only read), on PHONEBOOK's unix path. */
static DWORD entry_properties(int set, int wide, const void *phonebook,
			      const void *entry, void *buf, DWORD *cb,
			      BYTE *dev, DWORD *dev_cb)
{
	char *pbk;
	DWORD ret = book(wide, phonebook, &pbk);

	if (!ret)
		ret = set ? rasu_set_entry_properties(wide, pbk, entry, buf,
						      *cb, dev, *dev_cb) :
			    rasu_get_entry_properties(wide, pbk, entry, buf,
						      cb, dev, dev_cb);
	HeapFree(GetProcessHeap(), 0, pbk);
	return ret;
}

DWORD WINAPI wine_RasGetEntryPropertiesA(const char *phonebook,
					 const char *entry, void *buf,
					 DWORD *cb, BYTE *dev, DWORD *dev_cb)
{
	return entry_properties(0, 0, phonebook, entry, buf, cb, dev, dev_cb);
}

DWORD WINAPI wine_RasGetEntryPropertiesW(const WCHAR *phonebook,
					 const WCHAR *entry, void *buf,
					 DWORD *cb, BYTE *dev, DWORD *dev_cb)
{
	return entry_properties(0, 1, phonebook, entry, buf, cb, dev, dev_cb);
}

DWORD WINAPI wine_RasSetEntryPropertiesA(const char *phonebook,
					 const char *entry, void *buf,
					 DWORD cb, BYTE *dev, DWORD dev_cb)
{
	return entry_properties(1, 0, phonebook, entry, buf, &cb, dev,
				&dev_cb);
}

DWORD WINAPI wine_RasSetEntryPropertiesW(const WCHAR *phonebook,
					 const WCHAR *entry, void *buf,
					 DWORD cb, BYTE *dev, DWORD dev_cb)
{
	return entry_properties(1, 1, phonebook, entry, buf, &cb, dev,
				&dev_cb);
}

/* Validate, delete (NEW_NAME NULL) or rename (RENAME) an entry. */
static DWORD entry_op(int wide, const void *phonebook, const void *entry,
		      BOOL rename, const void *new_name, BOOL validate)
{
	char *pbk;
	DWORD ret = book(wide, phonebook, &pbk);

	if (!ret)
		ret = validate ? rasu_validate_entry_name(wide, pbk, entry) :
		      rename ? rasu_rename_entry(wide, pbk, entry, new_name) :
		      rasu_delete_entry(wide, pbk, entry);
	HeapFree(GetProcessHeap(), 0, pbk);
	return ret;
}

DWORD WINAPI wine_RasValidateEntryNameA(const char *phonebook,
					const char *entry)
{
	return entry_op(0, phonebook, entry, FALSE, NULL, TRUE);
}

DWORD WINAPI wine_RasValidateEntryNameW(const WCHAR *phonebook,
					const WCHAR *entry)
{
	return entry_op(1, phonebook, entry, FALSE, NULL, TRUE);
}

DWORD WINAPI wine_RasDeleteEntryA(const char *phonebook, const char *entry)
{
	return entry_op(0, phonebook, entry, FALSE, NULL, FALSE);
}

DWORD WINAPI wine_RasDeleteEntryW(const WCHAR *phonebook, const WCHAR *entry)
{
	return entry_op(1, phonebook, entry, FALSE, NULL, FALSE);
}

DWORD WINAPI wine_RasRenameEntryA(const char *phonebook, const char *old,
				  const char *new_name)
{
	return entry_op(0, phonebook, old, TRUE, new_name, FALSE);
}

DWORD WINAPI wine_RasRenameEntryW(const WCHAR *phonebook, const WCHAR *old,
				  const WCHAR *new_name)
{
	return entry_op(1, phonebook, old, TRUE, new_name, FALSE);
}

/* Get (SET FALSE) or set saved credentials. */
static DWORD credentials(int wide, const void *phonebook, const void *entry,
			 void *creds, BOOL set, BOOL clear)
{
	char *pbk;
	DWORD ret = book(wide, phonebook, &pbk);

	if (!ret)
		ret = set ? rasu_set_credentials(wide, pbk, entry, creds, clear) :
		      rasu_get_credentials(wide, pbk, entry, creds);
	HeapFree(GetProcessHeap(), 0, pbk);
	return ret;
}

DWORD WINAPI wine_RasGetCredentialsA(const char *phonebook, const char *entry,
				     void *creds)
{
	return credentials(0, phonebook, entry, creds, FALSE, FALSE);
}

DWORD WINAPI wine_RasGetCredentialsW(const WCHAR *phonebook,
				     const WCHAR *entry, void *creds)
{
	return credentials(1, phonebook, entry, creds, FALSE, FALSE);
}

DWORD WINAPI wine_RasSetCredentialsA(const char *phonebook, const char *entry,
				     void *creds, BOOL clear)
{
	return credentials(0, phonebook, entry, creds, TRUE, clear);
}

DWORD WINAPI wine_RasSetCredentialsW(const WCHAR *phonebook,
				     const WCHAR *entry, void *creds,
				     BOOL clear)
{
	return credentials(1, phonebook, entry, creds, TRUE, clear);
}

/* Get (PASSWORD: the program's BOOL *) or set (SET) saved dial params. */
static DWORD dial_params(int wide, const void *phonebook, void *params,
			 BOOL *password, BOOL set, BOOL remove)
{
	char *pbk;
	DWORD ret = book(wide, phonebook, &pbk);

	if (!ret)
		ret = set ? rasu_set_entry_dial_params(wide, pbk, params,
						       remove) :
		      rasu_get_entry_dial_params(wide, pbk, params,
						 (int32_t *)password);
	HeapFree(GetProcessHeap(), 0, pbk);
	return ret;
}

DWORD WINAPI wine_RasGetEntryDialParamsA(const char *phonebook, void *params,
					 BOOL *password)
{
	return dial_params(0, phonebook, params, password, FALSE, FALSE);
}

DWORD WINAPI wine_RasGetEntryDialParamsW(const WCHAR *phonebook,
					 void *params, BOOL *password)
{
	return dial_params(1, phonebook, params, password, FALSE, FALSE);
}

DWORD WINAPI wine_RasSetEntryDialParamsA(const char *phonebook, void *params,
					 BOOL remove)
{
	return dial_params(0, phonebook, params, NULL, TRUE, remove);
}

DWORD WINAPI wine_RasSetEntryDialParamsW(const WCHAR *phonebook,
					 void *params, BOOL remove)
{
	return dial_params(1, phonebook, params, NULL, TRUE, remove);
}

/* ------------------------------------------- RasConnectionNotification */

/*
 * The librasdial event standing for the program's EVENT (DUP: our
 * duplicate of it, closed here when it is not kept); *FRESH when it was
 * made for this call.  Called with events_cs held.
 */
static struct event_map *map_event(HANDLE event, HANDLE dup, BOOL *fresh)
{
	struct event_map *m = NULL;
	int i, fd;

	*fresh = FALSE;
	for (i = 0; i < nevents && !m; i++)
		if (events[i].program == event)
			m = &events[i];
	if (m && CompareObjectHandles(m->dup, event)) {
		CloseHandle(dup);
		return m;
	}
	if (m) {
		/* The program closed that event; the value is reused. */
		rasu_event_close(m->ev);
		CloseHandle(m->dup);
		*m = events[--nevents];
	}
	if (nevents == MAX_EVENTS) {
		CloseHandle(dup);
		return NULL;
	}
	m = &events[nevents];
	m->ev = rasu_event_create(&fd);
	if (!m->ev) {
		CloseHandle(dup);
		return NULL;
	}
	m->program = event;
	m->dup = dup;
	m->fd = fd;
	nevents++;
	*fresh = TRUE;
	return m;
}

static DWORD connection_notification(int wide, HANDLE h, HANDLE event,
				     DWORD flags)
{
	struct event_map *m;
	HANDLE dup;
	BOOL fresh;
	DWORD ret;

	if (init_error)
		return init_error;
	InitOnceExecuteOnce(&thread_once, start_thread, NULL, NULL);
	/* Not a handle of ours: librasdial's answer for a bad event (it
	 * checks dwFlags first, as Windows). */
	if (!event || event == INVALID_HANDLE_VALUE ||
	    !DuplicateHandle(GetCurrentProcess(), event, GetCurrentProcess(),
			     &dup, 0, FALSE, DUPLICATE_SAME_ACCESS))
		return rasu_connection_notification(wide, (uintptr_t)h, 0,
						    flags);
	EnterCriticalSection(&events_cs);
	m = map_event(event, dup, &fresh);
	ret = ERROR_NOT_ENOUGH_MEMORY;
	if (m)
		ret = rasu_connection_notification(wide, (uintptr_t)h, m->ev,
						   flags);
	/* No thread: librasdial failed too (no kernel module). */
	if (!ret && !thread_started)
		ret = ERROR_NOT_ENOUGH_MEMORY;
	if (ret && fresh) {
		rasu_event_close(m->ev);
		CloseHandle(m->dup);
		nevents--;
	}
	LeaveCriticalSection(&events_cs);
	/* The thread polls the new fd from now on. */
	if (!ret && fresh)
		rasu_wake();
	return ret;
}

DWORD WINAPI wine_RasConnectionNotificationA(HANDLE h, HANDLE event,
					     DWORD flags)
{
	return connection_notification(0, h, event, flags);
}

DWORD WINAPI wine_RasConnectionNotificationW(HANDLE h, HANDLE event,
					     DWORD flags)
{
	return connection_notification(1, h, event, flags);
}

/* rasu_dos_path_fn */
static int dos_path(const char *unix_path, int wide, void *out, uint32_t chars)
{
	WCHAR *dos = wine_get_dos_file_name(unix_path);
	char a[2 * MAX_PATH + 2];
	size_t len;
	int ret = -1;

	if (!dos)
		return -1;
	len = lstrlenW(dos);
	if (wide && len < chars) {
		memcpy(out, dos, (len + 1) * sizeof(WCHAR));
		ret = 0;
	} else if (!wide && WideCharToMultiByte(CP_ACP, 0, dos, -1, a, sizeof(a),
						NULL, NULL) &&
		   strlen(a) < chars) {
		memcpy(out, a, strlen(a) + 1);
		ret = 0;
	}
	HeapFree(GetProcessHeap(), 0, dos);
	return ret;
}

BOOL WINAPI DllMain(HINSTANCE inst, DWORD reason,
		    void *reserved __attribute__((unused)))
{
	UINT msg;

	if (reason != DLL_PROCESS_ATTACH)
		return TRUE;
	DisableThreadLibraryCalls(inst);
	InitializeCriticalSection(&dials_cs);
	InitializeCriticalSection(&events_cs);
	msg = RegisterWindowMessageA(RASDIALEVENT);
	if (msg)
		dial_msg = msg;
	/* Not the dispatch thread: DllMain holds the loader lock. */
	init_error = rasu_init(GetACP(), notify, dos_path);
	return TRUE;
}
