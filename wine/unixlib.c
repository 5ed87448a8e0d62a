// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * unixlib.c: rasapi32's Linux half.  Built with plain gcc against
 * <rasdial/rasdial.h> (System V ABI), never under Wine's <windows.h>.
 * librasdial.so.1 is dlopen'ed so that a missing library is error 711 to
 * the Windows program rather than a DLL that does not load.
 */
#define WINVER 0x0A00	/* the newest layouts: the largest buffers */
#include <dlfcn.h>
#include <errno.h>
#include <iconv.h>
#include <limits.h>
#include <poll.h>
#include <pthread.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>
#include <rasdial/rasdial.h>

#include "unixlib.h"

/*
 * librasdial's functions used here.  Adding an export: one line here, a
 * rasu_ function below, its declaration in unixlib.h and the Windows side
 * in rasapi32.c and rasapi32.spec.
 */
#define RASU_FUNCS(X) \
	X(RasDialA) X(RasHangUpA) X(RasGetConnectStatusA) \
	X(RasEnumConnectionsA) X(RasEnumEntriesA) X(RasGetErrorStringA) \
	X(RasGetProjectionInfoA) X(RasGetConnectionStatistics) \
	X(RasGetLinkStatistics) \
	X(RasDialW) X(RasHangUpW) X(RasGetConnectStatusW) \
	X(RasEnumConnectionsW) X(RasEnumEntriesW) X(RasGetErrorStringW) \
	X(RasGetProjectionInfoW) \
	X(rasdial_set_dispatch_mode) X(rasdial_get_fd) X(rasdial_dispatch)

static struct {
#define X(name) __typeof__(name) *name;
	RASU_FUNCS(X)
#undef X
} lib;

static uint32_t ansi_cp;
static rasu_notify_fn notify_fn;
static int loaded;

/* A missing function of an older librasdial is 711, like a missing library. */
#define CALL(name, ...) \
	(lib.name ? lib.name(__VA_ARGS__) : ERROR_RASMAN_CANNOT_INITIALIZE)

uint32_t rasu_init(uint32_t cp, rasu_notify_fn notify)
{
	void *so;
	DWORD ret;

	ansi_cp = cp;
	notify_fn = notify;
	so = dlopen("librasdial.so.1", RTLD_NOW | RTLD_LOCAL);
	if (!so)
		return ERROR_RASMAN_CANNOT_INITIALIZE;
#define X(name) lib.name = (__typeof__(name) *)dlsym(so, #name);
	RASU_FUNCS(X)
#undef X
	/* Notifiers must run on a thread Wine created, not librasdial's. */
	ret = CALL(rasdial_set_dispatch_mode, RASDIAL_DISPATCH_MANUAL);
	if (ret)
		return ret;
	loaded = 1;
	return ERROR_SUCCESS;
}

int rasu_get_fd(void)
{
	return loaded && lib.rasdial_get_fd ? lib.rasdial_get_fd() : -1;
}

/* 1: FD is readable, 0: timeout, -1: error. */
int rasu_wait(int fd, int timeout_ms)
{
	struct pollfd p = { .fd = fd, .events = POLLIN };
	int n;

	do
		n = poll(&p, 1, timeout_ms);
	while (n < 0 && errno == EINTR);
	return n < 0 ? -1 : n > 0;
}

uint32_t rasu_dispatch(void)
{
	return loaded ? CALL(rasdial_dispatch) : ERROR_RASMAN_CANNOT_INITIALIZE;
}

/* ---------------------------------------------------- ANSI <-> UTF-8 */

static int is_ascii(const char *s, size_t size)
{
	for (size_t i = 0; i < size && s[i]; i++)
		if ((unsigned char)s[i] >= 0x80)
			return 0;
	return 1;
}

/* Pure ASCII, or the ANSI code page is UTF-8: nothing to convert. */
static int same_bytes(const char *s, size_t size)
{
	return ansi_cp == 65001 || is_ascii(s, size);
}

static iconv_t open_cp(int to_utf8)
{
	char cp[16];

	snprintf(cp, sizeof(cp), "CP%u", ansi_cp);
	return to_utf8 ? iconv_open("UTF-8", cp) : iconv_open(cp, "UTF-8");
}

/*
 * Converts the string in S (a field of SIZE bytes) in place.  Into UTF-8
 * (TO_UTF8): -1 when it does not fit or is not valid in the code page (the
 * caller gives ERROR_INVALID_PARAMETER: a password must not be cut).  Out
 * of UTF-8: characters the code page lacks become '?', and what does not
 * fit is cut, as WideCharToMultiByte does.
 */
static int convert_field(char *s, size_t size, int to_utf8)
{
	char out[1024], *in = s, *o = out;
	size_t inleft = strnlen(s, size), outleft;
	iconv_t cd;
	int ret = 0;

	if (same_bytes(s, size))
		return 0;
	if (size > sizeof(out))
		return -1;
	cd = open_cp(to_utf8);
	if (cd == (iconv_t)-1)
		return -1;
	outleft = size - 1;
	while (inleft) {
		if (iconv(cd, &in, &inleft, &o, &outleft) != (size_t)-1)
			break;
		if (errno == EILSEQ && !to_utf8 && outleft) {
			/* Skip one UTF-8 sequence, write '?' for it. */
			do {
				in++;
				inleft--;
			} while (inleft && ((unsigned char)*in & 0xc0) == 0x80);
			*o++ = '?';
			outleft--;
			continue;
		}
		if (to_utf8 || errno != E2BIG)
			ret = -1;
		break;
	}
	iconv_close(cd);
	if (!ret) {
		*o = 0;
		memcpy(s, out, o - out + 1);
	}
	return ret;
}

#define FIELD_IN(base, dwsize, type, field) \
	((dwsize) >= offsetof(type, field) + sizeof(((type *)0)->field))

/* Converts FIELD of the struct at BASE when its dwSize covers it. */
#define CONV(base, dwsize, type, field, to_utf8) \
	(FIELD_IN(base, dwsize, type, field) ? \
	 convert_field(((type *)(base))->field, \
		       sizeof(((type *)0)->field), to_utf8) : 0)

/* A Unix path (UTF-8) into UTF-16 for librasdial's W functions. */
static int path_to_w(const char *path, WCHAR *w, size_t cch)
{
	char *in = (char *)path, *o = (char *)w;
	size_t inleft = strlen(path) + 1, outleft = cch * sizeof(WCHAR);
	iconv_t cd = iconv_open("UTF-16LE", "UTF-8");
	size_t n;

	if (cd == (iconv_t)-1)
		return -1;
	n = iconv(cd, &in, &inleft, &o, &outleft);
	iconv_close(cd);
	return n == (size_t)-1 ? -1 : 0;
}

/* ------------------------------------------------------------- calls */

static void WINAPI on_event(HRASCONN h, UINT msg, RASCONNSTATE state,
			    DWORD error, DWORD ext_error)
{
	(void)msg;
	notify_fn((uintptr_t)h, state, error, ext_error);
}

uintptr_t rasu_callback_id(int wide, const void *params)
{
	DWORD size = *(const DWORD *)params;

	if (wide)
		return FIELD_IN(params, size, RASDIALPARAMSW, dwCallbackId) ?
		       ((const RASDIALPARAMSW *)params)->dwCallbackId : 0;
	return FIELD_IN(params, size, RASDIALPARAMSA, dwCallbackId) ?
	       ((const RASDIALPARAMSA *)params)->dwCallbackId : 0;
}

uint32_t rasu_dial(int wide, const void *ext, const char *pbk, void *params,
		   int notify, uintptr_t *h)
{
	RASDIALFUNC1 fn = notify ? on_event : NULL;
	HRASCONN hc = h ? (HRASCONN)*h : NULL, *ph = h ? &hc : NULL;
	RASDIALPARAMSA p;
	WCHAR wpbk[PATH_MAX];
	DWORD ret, size;

	if (wide) {
		if (pbk && path_to_w(pbk, wpbk, PATH_MAX))
			return ERROR_CANNOT_OPEN_PHONEBOOK;
		ret = CALL(RasDialW, (LPRASDIALEXTENSIONS)ext,
			   pbk ? wpbk : NULL, params, 1, fn, ph);
		goto out;
	}
	/* librasdial judges a dwSize it would not copy (and NULL). */
	size = params ? *(DWORD *)params : 0;
	if (size < offsetof(RASDIALPARAMSA, dwSubEntry) || size > sizeof(p)) {
		ret = CALL(RasDialA, (LPRASDIALEXTENSIONS)ext, pbk, params, 1,
			   fn, ph);
		goto out;
	}
	memcpy(&p, params, size);
	ret = ERROR_INVALID_PARAMETER;
	if (!CONV(&p, size, RASDIALPARAMSA, szEntryName, 1) &&
	    !CONV(&p, size, RASDIALPARAMSA, szPhoneNumber, 1) &&
	    !CONV(&p, size, RASDIALPARAMSA, szCallbackNumber, 1) &&
	    !CONV(&p, size, RASDIALPARAMSA, szUserName, 1) &&
	    !CONV(&p, size, RASDIALPARAMSA, szPassword, 1) &&
	    !CONV(&p, size, RASDIALPARAMSA, szDomain, 1))
		ret = CALL(RasDialA, (LPRASDIALEXTENSIONS)ext, pbk, &p, 1, fn,
			   ph);
	explicit_bzero(&p, sizeof(p));
out:
	if (h)
		*h = (uintptr_t)hc;
	return ret;
}

uint32_t rasu_hang_up(int wide, uintptr_t h)
{
	return wide ? CALL(RasHangUpW, (HRASCONN)h) :
		      CALL(RasHangUpA, (HRASCONN)h);
}

uint32_t rasu_get_connect_status(int wide, uintptr_t h, void *status)
{
	RASCONNSTATUSA *s = status;
	DWORD ret;

	if (wide)
		return CALL(RasGetConnectStatusW, (HRASCONN)h, status);
	ret = CALL(RasGetConnectStatusA, (HRASCONN)h, s);
	if (!ret) {
		CONV(s, s->dwSize, RASCONNSTATUSA, szDeviceType, 0);
		CONV(s, s->dwSize, RASCONNSTATUSA, szDeviceName, 0);
		CONV(s, s->dwSize, RASCONNSTATUSA, szPhoneNumber, 0);
	}
	return ret;
}

uint32_t rasu_enum_connections(int wide, void *conns, uint32_t *cb,
			       uint32_t *count)
{
	DWORD ret, i, stride;
	char *c;

	if (wide)
		return CALL(RasEnumConnectionsW, conns, cb, count);
	ret = CALL(RasEnumConnectionsA, conns, cb, count);
	if (ret || !conns || !count)
		return ret;
	/* The array's stride is the dwSize of its first element. */
	stride = *(DWORD *)conns;
	for (i = 0, c = conns; i < *count; i++, c += stride) {
		CONV(c, stride, RASCONNA, szEntryName, 0);
		CONV(c, stride, RASCONNA, szDeviceType, 0);
		CONV(c, stride, RASCONNA, szDeviceName, 0);
		CONV(c, stride, RASCONNA, szPhonebook, 0);
	}
	return ret;
}

uint32_t rasu_enum_entries(int wide, const void *reserved, const char *pbk,
			   void *names, uint32_t *cb, uint32_t *count)
{
	WCHAR wpbk[PATH_MAX];
	DWORD ret, i, stride;
	char *c;

	if (wide) {
		if (pbk && path_to_w(pbk, wpbk, PATH_MAX))
			return ERROR_CANNOT_OPEN_PHONEBOOK;
		return CALL(RasEnumEntriesW, reserved, pbk ? wpbk : NULL, names,
			    cb, count);
	}
	ret = CALL(RasEnumEntriesA, reserved, pbk, names, cb, count);
	if (ret || !names || !count)
		return ret;
	stride = *(DWORD *)names;
	for (i = 0, c = names; i < *count; i++, c += stride) {
		CONV(c, stride, RASENTRYNAMEA, szEntryName, 0);
		CONV(c, stride, RASENTRYNAMEA, szPhonebookPath, 0);
	}
	return ret;
}

uint32_t rasu_get_error_string(int wide, uint32_t code, void *buf,
			       uint32_t cch)
{
	DWORD ret;

	if (wide)
		return CALL(RasGetErrorStringW, code, buf, cch);
	ret = CALL(RasGetErrorStringA, code, buf, cch);
	if (!ret && cch)
		convert_field(buf, cch, 0);
	return ret;
}

uint32_t rasu_get_projection_info(int wide, uintptr_t h, uint32_t proj,
				  void *buf, uint32_t *cb)
{
	/* The address strings are ASCII in every code page. */
	return wide ? CALL(RasGetProjectionInfoW, (HRASCONN)h, proj, buf, cb) :
		      CALL(RasGetProjectionInfoA, (HRASCONN)h, proj, buf, cb);
}

uint32_t rasu_get_connection_statistics(uintptr_t h, void *stats)
{
	return CALL(RasGetConnectionStatistics, (HRASCONN)h, stats);
}

uint32_t rasu_get_link_statistics(uintptr_t h, uint32_t subentry,
				  void *stats)
{
	return CALL(RasGetLinkStatistics, (HRASCONN)h, subentry, stats);
}
