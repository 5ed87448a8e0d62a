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
#include <stdlib.h>
#include <string.h>
#include <sys/eventfd.h>
#include <unistd.h>
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
	X(rasdial_set_dispatch_mode) X(rasdial_get_fd) X(rasdial_dispatch) \
	X(RasEnumDevicesA) X(RasEnumDevicesW) \
	X(RasGetEntryPropertiesA) X(RasGetEntryPropertiesW) \
	X(RasSetEntryPropertiesA) X(RasSetEntryPropertiesW) \
	X(RasValidateEntryNameA) X(RasValidateEntryNameW) \
	X(RasDeleteEntryA) X(RasDeleteEntryW) \
	X(RasRenameEntryA) X(RasRenameEntryW) \
	X(RasGetCredentialsA) X(RasGetCredentialsW) \
	X(RasSetCredentialsA) X(RasSetCredentialsW) \
	X(RasGetEntryDialParamsA) X(RasGetEntryDialParamsW) \
	X(RasSetEntryDialParamsA) X(RasSetEntryDialParamsW) \
	X(RasConnectionNotificationA) X(RasConnectionNotificationW) \
	X(rasdial_event_create) X(rasdial_event_fd) X(rasdial_event_close)

static struct {
#define X(name) __typeof__(name) *name;
	RASU_FUNCS(X)
#undef X
} lib;

static uint32_t ansi_cp;
static rasu_notify_fn notify_fn;
static rasu_dos_path_fn dos_path_fn;
static int loaded;
static int wake_fd = -1;

/* A missing function of an older librasdial is 711, like a missing library. */
#define CALL(name, ...) \
	(lib.name ? lib.name(__VA_ARGS__) : ERROR_RASMAN_CANNOT_INITIALIZE)

uint32_t rasu_init(uint32_t cp, rasu_notify_fn notify,
		   rasu_dos_path_fn dos_path)
{
	void *so;
	DWORD ret;

	ansi_cp = cp;
	notify_fn = notify;
	dos_path_fn = dos_path;
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
	/* Without it new RasConnectionNotification events wait for the
	 * next dispatch; everything else works. */
	wake_fd = eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
	loaded = 1;
	return ERROR_SUCCESS;
}

int rasu_get_fd(void)
{
	return loaded && lib.rasdial_get_fd ? lib.rasdial_get_fd() : -1;
}

#define RASU_MAX_FDS	256

/* 1: some fd is readable, 0: timeout, -1: error.  Negative fds are
 * ignored (poll's rule). */
int rasu_wait(const int *fds, int nfds, int timeout_ms)
{
	struct pollfd p[RASU_MAX_FDS];
	int i, n;

	if (nfds < 0 || nfds > RASU_MAX_FDS)
		return -1;
	for (i = 0; i < nfds; i++)
		p[i] = (struct pollfd){ .fd = fds[i], .events = POLLIN };
	do
		n = poll(p, nfds, timeout_ms);
	while (n < 0 && errno == EINTR);
	return n < 0 ? -1 : n > 0;
}

int rasu_wake_fd(void)
{
	return wake_fd;
}

void rasu_wake(void)
{
	uint64_t one = 1;

	/* EAGAIN: the counter is full, the thread is woken anyway. */
	if (wake_fd >= 0 && write(wake_fd, &one, sizeof(one)) < 0)
		return;
}

int rasu_event_reset(int fd)
{
	uint64_t v;

	return fd >= 0 && read(fd, &v, sizeof(v)) == sizeof(v);
}

uintptr_t rasu_event_create(int *fd)
{
	HANDLE ev;

	if (!loaded || !lib.rasdial_event_create || !lib.rasdial_event_fd ||
	    !lib.rasdial_event_close)
		return 0;
	ev = lib.rasdial_event_create();
	if (!ev)
		return 0;
	*fd = lib.rasdial_event_fd(ev);
	if (*fd < 0) {
		lib.rasdial_event_close(ev);
		return 0;
	}
	return (uintptr_t)ev;
}

void rasu_event_close(uintptr_t ev)
{
	if (ev && lib.rasdial_event_close)
		lib.rasdial_event_close((HANDLE)ev);
}

uint32_t rasu_connection_notification(int wide, uintptr_t h, uintptr_t ev,
				      uint32_t flags)
{
	return wide ? CALL(RasConnectionNotificationW, (HRASCONN)h,
			   (HANDLE)ev, flags) :
		      CALL(RasConnectionNotificationA, (HRASCONN)h,
			   (HANDLE)ev, flags);
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
 * INLEN bytes at IN into OUT (OUTSIZE bytes, NUL included); the length
 * written, or -1.  Into UTF-8 (TO_UTF8): -1 when it does not fit or is
 * not valid in the code page (the caller gives an error: a password must
 * not be cut).  Out of UTF-8: characters the code page lacks become '?',
 * and what does not fit is cut, as WideCharToMultiByte does.
 */
static int cp_convert(const char *in_s, size_t inleft, char *out,
		      size_t outsize, int to_utf8)
{
	char *in = (char *)in_s, *o = out;
	size_t outleft = outsize - 1;
	iconv_t cd;
	int ret = 0;

	if (!outsize)
		return -1;
	cd = open_cp(to_utf8);
	if (cd == (iconv_t)-1)
		return -1;
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
	*o = 0;
	return ret ? -1 : (int)(o - out);
}

/* The string in S (a field of SIZE bytes), converted in place. */
static int convert_field(char *s, size_t size, int to_utf8)
{
	char out[1024];
	int n;

	if (same_bytes(s, size))
		return 0;
	if (size > sizeof(out))
		return -1;
	n = cp_convert(s, strnlen(s, size), out, size, to_utf8);
	if (n < 0)
		return -1;
	memcpy(s, out, n + 1);
	return 0;
}

/* A string argument of an A function in UTF-8 (*OUT, to free); NULL
 * stays NULL.  -1: not valid in the code page, or no memory. */
static int arg_utf8(const char *s, char **out)
{
	size_t len;

	*out = NULL;
	if (!s)
		return 0;
	len = strlen(s);
	/* A code page character is at most 3 bytes of UTF-8 (BMP). */
	*out = malloc(3 * len + 1);
	if (!*out)
		return -1;
	if (same_bytes(s, len + 1)) {
		memcpy(*out, s, len + 1);
		return 0;
	}
	if (cp_convert(s, len, *out, 3 * len + 1, 1) < 0) {
		free(*out);
		*out = NULL;
		return -1;
	}
	return 0;
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

/*
 * A phone book path librasdial returns (a Unix path) as the DOS path the
 * program would pass back, in place: A fields hold UTF-8 (the code page
 * when Wine has no DOS name for it), W fields UTF-16.
 */
static void path_field_a(char *field, size_t size)
{
	char unix_path[PATH_MAX];

	if (!field[0])
		return;
	snprintf(unix_path, sizeof(unix_path), "%.*s",
		 (int)strnlen(field, size), field);
	if (dos_path_fn(unix_path, 0, field, size))
		convert_field(field, size, 0);
}

static void path_field_w(WCHAR *field, size_t cch)
{
	char unix_path[PATH_MAX], *in = (char *)field, *o = unix_path;
	size_t inleft = 0, outleft = sizeof(unix_path) - 1;
	iconv_t cd;

	while (inleft < cch && field[inleft])
		inleft++;
	if (!inleft)
		return;
	inleft *= sizeof(WCHAR);
	cd = iconv_open("UTF-8", "UTF-16LE");
	if (cd == (iconv_t)-1)
		return;
	if (iconv(cd, &in, &inleft, &o, &outleft) != (size_t)-1) {
		*o = 0;
		dos_path_fn(unix_path, 1, field, cch);
	}
	iconv_close(cd);
}

#define PATH_A(base, dwsize, type, field) \
	(FIELD_IN(base, dwsize, type, field) ? \
	 path_field_a(((type *)(base))->field, sizeof(((type *)0)->field)) : \
	 (void)0)
#define PATH_W(base, dwsize, type, field) \
	(FIELD_IN(base, dwsize, type, field) ? \
	 path_field_w(((type *)(base))->field, \
		      sizeof(((type *)0)->field) / sizeof(WCHAR)) : (void)0)

/* PBK for librasdial's W functions (NULL stays NULL); -1: no UTF-16. */
struct wbook {
	const WCHAR *p;
	WCHAR buf[PATH_MAX];
};

static int book_w(const char *pbk, struct wbook *b)
{
	b->p = NULL;
	if (!pbk)
		return 0;
	if (path_to_w(pbk, b->buf, PATH_MAX))
		return -1;
	b->p = b->buf;
	return 0;
}

/*
 * The A functions' RASDIALPARAMSA is converted in a copy; the NT 3.5
 * layout (other offsets) and dwSizes librasdial refuses go to it as they
 * are, so that it judges them.
 */
static int dialparams_copyable(DWORD size)
{
	return size >= offsetof(RASDIALPARAMSA, dwSubEntry) &&
	       size <= sizeof(RASDIALPARAMSA);
}

static int dialparams_conv(RASDIALPARAMSA *p, DWORD size, int to_utf8)
{
	return CONV(p, size, RASDIALPARAMSA, szEntryName, to_utf8) ||
	       CONV(p, size, RASDIALPARAMSA, szPhoneNumber, to_utf8) ||
	       CONV(p, size, RASDIALPARAMSA, szCallbackNumber, to_utf8) ||
	       CONV(p, size, RASDIALPARAMSA, szUserName, to_utf8) ||
	       CONV(p, size, RASDIALPARAMSA, szPassword, to_utf8) ||
	       CONV(p, size, RASDIALPARAMSA, szDomain, to_utf8) ? -1 : 0;
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
	if (!dialparams_copyable(size)) {
		ret = CALL(RasDialA, (LPRASDIALEXTENSIONS)ext, pbk, params, 1,
			   fn, ph);
		goto out;
	}
	memcpy(&p, params, size);
	ret = ERROR_INVALID_PARAMETER;
	if (!dialparams_conv(&p, size, 1))
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

	ret = wide ? CALL(RasEnumConnectionsW, conns, cb, count) :
		     CALL(RasEnumConnectionsA, conns, cb, count);
	if (ret || !conns || !count)
		return ret;
	/* The array's stride is the dwSize of its first element. */
	stride = *(DWORD *)conns;
	for (i = 0, c = conns; i < *count; i++, c += stride) {
		if (wide) {
			PATH_W(c, stride, RASCONNW, szPhonebook);
			continue;
		}
		CONV(c, stride, RASCONNA, szEntryName, 0);
		CONV(c, stride, RASCONNA, szDeviceType, 0);
		CONV(c, stride, RASCONNA, szDeviceName, 0);
		PATH_A(c, stride, RASCONNA, szPhonebook);
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
		ret = CALL(RasEnumEntriesW, reserved, pbk ? wpbk : NULL, names,
			   cb, count);
	} else {
		ret = CALL(RasEnumEntriesA, reserved, pbk, names, cb, count);
	}
	if (ret || !names || !count)
		return ret;
	stride = *(DWORD *)names;
	for (i = 0, c = names; i < *count; i++, c += stride) {
		if (wide) {
			PATH_W(c, stride, RASENTRYNAMEW, szPhonebookPath);
			continue;
		}
		CONV(c, stride, RASENTRYNAMEA, szEntryName, 0);
		PATH_A(c, stride, RASENTRYNAMEA, szPhonebookPath);
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

/* ------------------------------------- devices, entries, credentials */

uint32_t rasu_enum_devices(int wide, void *devs, uint32_t *cb,
			   uint32_t *count)
{
	/* Device types and names are printable ASCII (librasdial lists no
	 * other), the same bytes in every ANSI code page. */
	return wide ? CALL(RasEnumDevicesW, devs, cb, count) :
		      CALL(RasEnumDevicesA, devs, cb, count);
}

/* The strings of a RASENTRYA that dwSize covers, converted in place
 * (not szPrerequisitePbk, a path). */
static int entry_conv(RASENTRYA *e, DWORD size, int to_utf8)
{
#define ENTRY_CONV(f) || CONV(e, size, RASENTRYA, f, to_utf8)
	return 0 ENTRY_CONV(szAreaCode) ENTRY_CONV(szLocalPhoneNumber)
	       ENTRY_CONV(szScript) ENTRY_CONV(szAutodialDll)
	       ENTRY_CONV(szAutodialFunc) ENTRY_CONV(szDeviceType)
	       ENTRY_CONV(szDeviceName) ENTRY_CONV(szX25PadType)
	       ENTRY_CONV(szX25Address) ENTRY_CONV(szX25Facilities)
	       ENTRY_CONV(szX25UserData) ENTRY_CONV(szCustomDialDll)
	       ENTRY_CONV(szDnsSuffix) ENTRY_CONV(szPrerequisiteEntry)
	       ENTRY_CONV(szIDi) ENTRY_CONV(szIDr) ? -1 : 0;
#undef ENTRY_CONV
}

/*
 * The alternate numbers after a RASENTRY (dwAlternateOffset: strings up
 * to an empty one, within the buffer's LEN bytes) from IN to OUT
 * (OUTSIZE bytes); the bytes written, or -1.
 */
static long alternates_conv(const char *in, size_t len, char *out,
			    size_t outsize, int to_utf8)
{
	size_t r = 0, w = 0, n;
	int k;

	while (r < len && in[r]) {
		n = strnlen(in + r, len - r);
		if (r + n == len || w >= outsize)
			return -1;
		if (is_ascii(in + r, n) || ansi_cp == 65001) {
			if (w + n + 1 > outsize)
				return -1;
			memcpy(out + w, in + r, n + 1);
			k = n;
		} else {
			k = cp_convert(in + r, n, out + w, outsize - w,
				       to_utf8);
			if (k < 0)
				return -1;
		}
		r += n + 1;
		w += k + 1;
	}
	if (w >= outsize)
		return -1;
	out[w++] = 0;
	return w;
}

uint32_t rasu_get_entry_properties(int wide, const char *pbk,
				   const void *entry, void *buf, uint32_t *cb,
				   void *dev, uint32_t *dev_cb)
{
	RASENTRYA *e = buf;
	struct wbook b;
	char *name, *alt, *tmp;
	long n;
	DWORD ret;

	if (wide) {
		if (book_w(pbk, &b))
			return ERROR_CANNOT_OPEN_PHONEBOOK;
		ret = CALL(RasGetEntryPropertiesW, b.p, entry, buf, cb, dev,
			   dev_cb);
		if (!ret && buf)
			PATH_W(buf, e->dwSize, RASENTRYW, szPrerequisitePbk);
		return ret;
	}
	if (arg_utf8(entry, &name))
		return ERROR_CANNOT_FIND_PHONEBOOK_ENTRY;
	ret = CALL(RasGetEntryPropertiesA, pbk, name, buf, cb, dev, dev_cb);
	free(name);
	if (ret || !e || !cb)
		return ret;
	/* A path: mapped, not only converted. */
	PATH_A(e, e->dwSize, RASENTRYA, szPrerequisitePbk);
	entry_conv(e, e->dwSize, 0);
	/* UTF-8 -> code page never grows: convert the list in place. */
	if (FIELD_IN(e, e->dwSize, RASENTRYA, dwAlternateOffset) &&
	    e->dwAlternateOffset >= e->dwSize && e->dwAlternateOffset < *cb) {
		alt = (char *)buf + e->dwAlternateOffset;
		tmp = malloc(*cb - e->dwAlternateOffset);
		n = tmp ? alternates_conv(alt, *cb - e->dwAlternateOffset, tmp,
					  *cb - e->dwAlternateOffset, 0) : -1;
		if (n > 0)
			memcpy(alt, tmp, n);
		free(tmp);
	}
	return ret;
}

uint32_t rasu_set_entry_properties(int wide, const char *pbk,
				   const void *entry, const void *buf,
				   uint32_t cb, const void *dev,
				   uint32_t dev_cb)
{
	const RASENTRYA *in = buf;
	RASENTRYA *e = NULL;
	struct wbook b;
	char *name;
	size_t size;
	long n;
	DWORD ret;

	if (wide)
		return book_w(pbk, &b) ? ERROR_CANNOT_OPEN_PHONEBOOK :
		       CALL(RasSetEntryPropertiesW, b.p, entry,
			    (LPRASENTRYW)buf, cb, (BYTE *)dev, dev_cb);
	if (arg_utf8(entry, &name))
		return ERROR_INVALID_NAME;
	/* A dwSize librasdial does not know: it judges the program's own. */
	if (!in || cb < sizeof(DWORD) || in->dwSize > sizeof(RASENTRYA) ||
	    in->dwSize > cb || in->dwSize < offsetof(RASENTRYA, dwSubEntries)) {
		ret = CALL(RasSetEntryPropertiesA, pbk, name, (LPRASENTRYA)buf,
			   cb, (BYTE *)dev, dev_cb);
		goto out;
	}
	/* Alternates may grow up to 3 times in UTF-8. */
	size = (size_t)cb * 3 + 1;
	ret = ERROR_NOT_ENOUGH_MEMORY;
	e = malloc(size);
	if (!e)
		goto out;
	memcpy(e, in, cb);
	ret = ERROR_INVALID_PARAMETER;
	/* szPrerequisitePbk: converted, not mapped to a Unix path (pppd
	 * has no prerequisite entries; librasdial does not use it). */
	if (entry_conv(e, e->dwSize, 1) ||
	    CONV(e, e->dwSize, RASENTRYA, szPrerequisitePbk, 1))
		goto out;
	if (FIELD_IN(e, e->dwSize, RASENTRYA, dwAlternateOffset) &&
	    e->dwAlternateOffset >= e->dwSize && e->dwAlternateOffset < cb) {
		n = alternates_conv((const char *)in + e->dwAlternateOffset,
				    cb - e->dwAlternateOffset,
				    (char *)e + e->dwAlternateOffset,
				    size - e->dwAlternateOffset, 1);
		if (n < 0)
			goto out;
		cb = e->dwAlternateOffset + n;
	}
	ret = CALL(RasSetEntryPropertiesA, pbk, name, e, cb, (BYTE *)dev,
		   dev_cb);
out:
	free(e);
	free(name);
	return ret;
}

/* RasDeleteEntry (DEL) or RasValidateEntryName of ENTRY in PBK: an ENTRY
 * that does not convert is not in the book, or not a valid name. */
static uint32_t entry_name_call(int wide, const char *pbk, const void *entry,
				int del)
{
	struct wbook b;
	char *name;
	DWORD ret;

	if (wide) {
		if (book_w(pbk, &b))
			return ERROR_CANNOT_OPEN_PHONEBOOK;
		return del ? CALL(RasDeleteEntryW, b.p, entry) :
			     CALL(RasValidateEntryNameW, b.p, entry);
	}
	if (arg_utf8(entry, &name))
		return del ? ERROR_CANNOT_FIND_PHONEBOOK_ENTRY :
			     ERROR_INVALID_NAME;
	ret = del ? CALL(RasDeleteEntryA, pbk, name) :
		    CALL(RasValidateEntryNameA, pbk, name);
	free(name);
	return ret;
}

uint32_t rasu_validate_entry_name(int wide, const char *pbk,
				  const void *entry)
{
	return entry_name_call(wide, pbk, entry, 0);
}

uint32_t rasu_delete_entry(int wide, const char *pbk, const void *entry)
{
	return entry_name_call(wide, pbk, entry, 1);
}

uint32_t rasu_rename_entry(int wide, const char *pbk, const void *old,
			   const void *new_name)
{
	struct wbook b;
	char *from, *to = NULL;
	DWORD ret;

	if (wide)
		return book_w(pbk, &b) ? ERROR_CANNOT_OPEN_PHONEBOOK :
		       CALL(RasRenameEntryW, b.p, old, new_name);
	if (arg_utf8(old, &from))
		return ERROR_CANNOT_FIND_PHONEBOOK_ENTRY;
	ret = arg_utf8(new_name, &to) ? ERROR_INVALID_NAME :
	      CALL(RasRenameEntryA, pbk, from, to);
	free(from);
	free(to);
	return ret;
}

uint32_t rasu_get_credentials(int wide, const char *pbk, const void *entry,
			      void *creds)
{
	RASCREDENTIALSA *c = creds;
	struct wbook b;
	char *name;
	DWORD ret;

	if (wide)
		return book_w(pbk, &b) ? ERROR_CANNOT_OPEN_PHONEBOOK :
		       CALL(RasGetCredentialsW, b.p, entry, creds);
	if (arg_utf8(entry, &name))
		return ERROR_CANNOT_FIND_PHONEBOOK_ENTRY;
	ret = CALL(RasGetCredentialsA, pbk, name, creds);
	free(name);
	if (!ret) {
		CONV(c, c->dwSize, RASCREDENTIALSA, szUserName, 0);
		CONV(c, c->dwSize, RASCREDENTIALSA, szPassword, 0);
		CONV(c, c->dwSize, RASCREDENTIALSA, szDomain, 0);
	}
	return ret;
}

uint32_t rasu_set_credentials(int wide, const char *pbk, const void *entry,
			      const void *creds, int clear)
{
	RASCREDENTIALSA c;
	struct wbook b;
	char *name;
	DWORD ret;

	if (wide)
		return book_w(pbk, &b) ? ERROR_CANNOT_OPEN_PHONEBOOK :
		       CALL(RasSetCredentialsW, b.p, entry,
			    (LPRASCREDENTIALSW)creds, clear);
	if (arg_utf8(entry, &name))
		return ERROR_CANNOT_FIND_PHONEBOOK_ENTRY;
	/* Any other dwSize (and NULL): librasdial's error. */
	if (!creds || *(const DWORD *)creds != sizeof(c)) {
		ret = CALL(RasSetCredentialsA, pbk, name,
			   (LPRASCREDENTIALSA)creds, clear);
		goto out;
	}
	memcpy(&c, creds, sizeof(c));
	ret = ERROR_INVALID_PARAMETER;
	if (!CONV(&c, c.dwSize, RASCREDENTIALSA, szUserName, 1) &&
	    !CONV(&c, c.dwSize, RASCREDENTIALSA, szPassword, 1) &&
	    !CONV(&c, c.dwSize, RASCREDENTIALSA, szDomain, 1))
		ret = CALL(RasSetCredentialsA, pbk, name, &c, clear);
	explicit_bzero(&c, sizeof(c));
out:
	free(name);
	return ret;
}

uint32_t rasu_get_entry_dial_params(int wide, const char *pbk, void *params,
				    int32_t *password)
{
	RASDIALPARAMSA p;
	struct wbook b;
	DWORD ret, size;

	if (wide)
		return book_w(pbk, &b) ? ERROR_CANNOT_OPEN_PHONEBOOK :
		       CALL(RasGetEntryDialParamsW, b.p, params,
			    (LPBOOL)password);
	size = params ? *(DWORD *)params : 0;
	if (!dialparams_copyable(size))
		return CALL(RasGetEntryDialParamsA, pbk, params,
			    (LPBOOL)password);
	memcpy(&p, params, size);
	/* Only the name is read; the rest is the program's garbage. */
	ret = ERROR_CANNOT_FIND_PHONEBOOK_ENTRY;
	if (!CONV(&p, size, RASDIALPARAMSA, szEntryName, 1))
		ret = CALL(RasGetEntryDialParamsA, pbk, &p, (LPBOOL)password);
	if (!ret) {
		dialparams_conv(&p, size, 0);
		memcpy(params, &p, size);
	}
	explicit_bzero(&p, sizeof(p));
	return ret;
}

uint32_t rasu_set_entry_dial_params(int wide, const char *pbk,
				    const void *params, int remove_password)
{
	RASDIALPARAMSA p;
	struct wbook b;
	DWORD ret, size;

	if (wide)
		return book_w(pbk, &b) ? ERROR_CANNOT_OPEN_PHONEBOOK :
		       CALL(RasSetEntryDialParamsW, b.p,
			    (LPRASDIALPARAMSW)params, remove_password);
	size = params ? *(const DWORD *)params : 0;
	if (!dialparams_copyable(size))
		return CALL(RasSetEntryDialParamsA, pbk,
			    (LPRASDIALPARAMSA)params, remove_password);
	memcpy(&p, params, size);
	ret = ERROR_INVALID_PARAMETER;
	if (!dialparams_conv(&p, size, 1))
		ret = CALL(RasSetEntryDialParamsA, pbk, &p, remove_password);
	explicit_bzero(&p, sizeof(p));
	return ret;
}
