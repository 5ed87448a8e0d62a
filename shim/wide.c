// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * wide.c: the UTF-16 ("W") entry points.  Each one checks the W layout
 * the caller gave (dwSize, buffer sizes in W units), converts its strings
 * to UTF-8 with utf16.c, calls the A function (the one implementation),
 * and converts what comes back.  A string is never cut short: input that
 * is not valid UTF-16 or does not fit the A field is refused, and output
 * that does not fit the caller's W field is refused or, in a listing,
 * left out (see ras.h).
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "layouts.h"
#include "utf16.h"

/* Longest W string field (RASCONNW.szPhonebook has MAX_PATH units). */
#define FIELD_MAX	(MAX_PATH + 2)

/*
 * W field SRC of UNITS units -> UTF-8 in DST[DST_SIZE].  An unterminated
 * field ends at its last unit (as RasDialA reads its own fields), unless
 * MUST_END (the entry name, which RasDialA refuses unterminated).
 */
static DWORD field_in(const WCHAR *src, size_t units, char *dst,
		      size_t dst_size, bool must_end)
{
	WCHAR tmp[FIELD_MAX];
	size_t len = rasdial_wcsnlen(src, units);

	if (len == units && must_end)
		return ERROR_INVALID_PARAMETER;
	memcpy(tmp, src, len * sizeof(WCHAR));
	tmp[len] = 0;
	/* An unpaired surrogate, or more UTF-8 bytes than the A field has. */
	return rasdial_w_to_utf8(tmp, len + 1, dst, dst_size) ?
	       ERROR_INVALID_PARAMETER : ERROR_SUCCESS;
}

/*
 * A UTF-8 string the library holds -> the caller's W field: too long for
 * the field is ERROR_BUFFER_TOO_SMALL; not UTF-8 (a peers file, or a
 * phone number RasDialA was given, in another charset) has no UTF-16
 * form: ERROR_INVALID_PARAMETER.
 */
static DWORD field_out(const char *src, WCHAR *dst, size_t units)
{
	int err = rasdial_utf8_to_w(src, dst, units, NULL);

	if (err == -E2BIG)
		return ERROR_BUFFER_TOO_SMALL;
	return err ? ERROR_INVALID_PARAMETER : ERROR_SUCCESS;
}

/* A pointer argument (phone book): NULL stays NULL. */
static DWORD arg_in(const WCHAR *src, char **out)
{
	int err = rasdial_w_to_utf8_alloc(src, out);

	if (err == -ENOMEM)
		return ERROR_NOT_ENOUGH_MEMORY;
	return err ? ERROR_INVALID_PARAMETER : ERROR_SUCCESS;
}

#define FIELD_IN(w, a, must_end) \
	field_in((w), RASDIAL_ARRAY_SIZE(w), (a), sizeof(a), (must_end))
#define FIELD_OUT(a, w)	field_out((a), (w), RASDIAL_ARRAY_SIZE(w))

/* The caller's RASDIALPARAMSW, whatever its WINVER, as the newest A one. */
static DWORD dialparams_in(const RASDIALPARAMSW *in, RASDIALPARAMSA *a)
{
	static const size_t sizes[] = RASDIAL_DIALPARAMSW_SIZES;
	DWORD size = in->dwSize, ret;

	memset(a, 0, sizeof(*a));
	a->dwSize = sizeof(*a);
	if (!rasdial_size_in(sizes, RASDIAL_ARRAY_SIZE(sizes), size))
		return ERROR_INVALID_SIZE;
	if (size == sizeof(struct rasdial_dialparams_nt35w)) {
		const struct rasdial_dialparams_nt35w *o = (const void *)in;

		ret = FIELD_IN(o->szEntryName, a->szEntryName, true);
		if (!ret)
			ret = FIELD_IN(o->szPhoneNumber, a->szPhoneNumber, false);
		if (!ret)
			ret = FIELD_IN(o->szCallbackNumber, a->szCallbackNumber, false);
		if (!ret)
			ret = FIELD_IN(o->szUserName, a->szUserName, false);
		if (!ret)
			ret = FIELD_IN(o->szPassword, a->szPassword, false);
		if (!ret)
			ret = FIELD_IN(o->szDomain, a->szDomain, false);
		return ret;
	}
	ret = FIELD_IN(in->szEntryName, a->szEntryName, true);
	if (!ret)
		ret = FIELD_IN(in->szPhoneNumber, a->szPhoneNumber, false);
	if (!ret)
		ret = FIELD_IN(in->szCallbackNumber, a->szCallbackNumber, false);
	if (!ret)
		ret = FIELD_IN(in->szUserName, a->szUserName, false);
	if (!ret)
		ret = FIELD_IN(in->szPassword, a->szPassword, false);
	if (!ret)
		ret = FIELD_IN(in->szDomain, a->szDomain, false);
	if (ret)
		return ret;
	if (size >= RASDIAL_END(RASDIALPARAMSW, dwCallbackId)) {
		a->dwSubEntry = in->dwSubEntry;
		a->dwCallbackId = in->dwCallbackId;
	}
	if (size >= RASDIAL_END(RASDIALPARAMSW, dwIfIndex))
		a->dwIfIndex = in->dwIfIndex;
	return ERROR_SUCCESS;
}

RASDIAL_API DWORD APIENTRY RasDialW(LPRASDIALEXTENSIONS lpRasDialExtensions,
				    LPCWSTR lpszPhonebook,
				    LPRASDIALPARAMSW lpRasDialParams,
				    DWORD dwNotifierType, LPVOID lpvNotifier,
				    LPHRASCONN lphRasConn)
{
	RASDIALPARAMSA a;
	char *book = NULL;
	DWORD ret;

	if (!lpRasDialParams || !lphRasConn)
		return ERROR_INVALID_PARAMETER;
	ret = dialparams_in(lpRasDialParams, &a);
	if (!ret)
		ret = arg_in(lpszPhonebook, &book);
	/* The notifier gets no strings: RasDialA calls it as it is. */
	if (!ret)
		ret = RasDialA(lpRasDialExtensions, book, &a, dwNotifierType,
			       lpvNotifier, lphRasConn);
	free(book);
	explicit_bzero(&a, sizeof(a));
	return ret;
}

RASDIAL_API DWORD APIENTRY RasHangUpW(HRASCONN hrasconn)
{
	return RasHangUpA(hrasconn);
}

RASDIAL_API DWORD APIENTRY RasGetConnectStatusW(HRASCONN hrasconn,
						LPRASCONNSTATUSW lpRasConnStatus)
{
	static const size_t sizes[] = RASDIAL_CONNSTATUSW_SIZES;
	RASCONNSTATUSA a = { .dwSize = sizeof(a) };
	RASCONNSTATUSW w;
	DWORD size, ret;

	/* RasGetConnectStatusA's order: handle, pointer, size. */
	if (!rasdial_handle_id(hrasconn))
		return ERROR_INVALID_HANDLE;
	if (!lpRasConnStatus)
		return ERROR_INVALID_PARAMETER;
	size = lpRasConnStatus->dwSize;
	if (!rasdial_size_in(sizes, RASDIAL_ARRAY_SIZE(sizes), size))
		return ERROR_INVALID_SIZE;
	ret = RasGetConnectStatusA(hrasconn, &a);
	if (ret)
		return ret;

	memset(&w, 0, sizeof(w));
	w.dwSize = size;
	w.rasconnstate = a.rasconnstate;
	w.dwError = a.dwError;
	ret = FIELD_OUT(a.szDeviceType, w.szDeviceType);
	if (!ret && size == sizeof(struct rasdial_connstatus_nt35w)) {
		struct rasdial_connstatus_nt35w o;

		memcpy(&o, &w, sizeof(o));
		ret = FIELD_OUT(a.szDeviceName, o.szDeviceName);
		if (!ret)
			memcpy(lpRasConnStatus, &o, size);
		return ret;
	}
	if (!ret)
		ret = FIELD_OUT(a.szDeviceName, w.szDeviceName);
	if (!ret)
		ret = FIELD_OUT(a.szPhoneNumber, w.szPhoneNumber);
	if (ret)
		return ret;
	w.localEndPoint = a.localEndPoint;
	w.remoteEndPoint = a.remoteEndPoint;
	w.rasconnsubstate = a.rasconnsubstate;
	memcpy(lpRasConnStatus, &w, size);
	return ERROR_SUCCESS;
}

/*
 * Calls LIST (RasEnumConnectionsA or RasEnumEntriesA through a wrapper)
 * until its whole listing fits: *BUF gets the items of SIZE bytes each,
 * *N how many.  Bounded: the listing may grow between two calls; if it
 * never fits, ERROR_BUFFER_TOO_SMALL with *N the last count.
 */
typedef DWORD (*list_fn)(void *arg, void *buf, LPDWORD cb, LPDWORD n);

static DWORD list_all(list_fn list, void *arg, size_t size, void **bufp,
		      DWORD *np)
{
	DWORD cb = 0, n = 0, ret = ERROR_BUFFER_TOO_SMALL;
	void *buf = NULL, *nb;
	int tries;

	for (tries = 0; tries < 8 && ret == ERROR_BUFFER_TOO_SMALL; tries++) {
		if (tries) {
			/* Room for one more, should one appear meanwhile. */
			cb += (DWORD)size;
			nb = realloc(buf, cb);
			if (!nb) {
				ret = ERROR_NOT_ENOUGH_MEMORY;
				break;
			}
			buf = nb;
			memset(buf, 0, cb);
			*(DWORD *)buf = (DWORD)size;
		}
		ret = list(arg, buf, &cb, &n);
	}
	*np = n;
	if (ret) {
		free(buf);
		return ret;
	}
	*bufp = buf;
	return ERROR_SUCCESS;
}

/* LIST_ALL's answer when it gives up: the size as the A one gave it. */
static DWORD list_too_small(DWORD n, DWORD size, LPDWORD lpcb, LPDWORD lpcount)
{
	*lpcb = n * size;
	*lpcount = n;
	return ERROR_BUFFER_TOO_SMALL;
}

/*
 * Windows' buffer protocol over the N converted items of SIZE bytes in
 * W: *LPCB in bytes; a NULL buffer asks for the size.
 */
static DWORD list_out(const void *w, size_t n, DWORD size, void *out,
		      LPDWORD lpcb, LPDWORD lpcount)
{
	size_t need = n * size;

	if (need > UINT32_MAX)
		return ERROR_NOT_ENOUGH_MEMORY;
	*lpcount = (DWORD)n;
	if (need > *lpcb || (!out && need)) {
		*lpcb = (DWORD)need;
		return ERROR_BUFFER_TOO_SMALL;
	}
	*lpcb = (DWORD)need;
	if (need)
		memcpy(out, w, need);
	return ERROR_SUCCESS;
}

static DWORD list_conns(void *arg, void *buf, LPDWORD cb, LPDWORD n)
{
	(void)arg;
	return RasEnumConnectionsA(buf, cb, n);
}

/* One RASCONNA as the caller's RASCONNW layout of SIZE bytes at OUT. */
static DWORD conn_out(const RASCONNA *a, DWORD size, void *out)
{
	RASCONNW w;
	DWORD ret;

	memset(&w, 0, sizeof(w));
	w.dwSize = size;
	w.hrasconn = a->hrasconn;
	if (size == sizeof(struct rasdial_conn_nt35w)) {
		struct rasdial_conn_nt35w o;

		memcpy(&o, &w, sizeof(o));
		ret = FIELD_OUT(a->szEntryName, o.szEntryName);
		if (!ret)
			memcpy(out, &o, size);
		return ret;
	}
	ret = FIELD_OUT(a->szEntryName, w.szEntryName);
	if (!ret)
		ret = FIELD_OUT(a->szDeviceType, w.szDeviceType);
	if (!ret)
		ret = FIELD_OUT(a->szDeviceName, w.szDeviceName);
	if (!ret)
		ret = FIELD_OUT(a->szPhonebook, w.szPhonebook);
	if (ret)
		return ret;
	w.dwSubEntry = a->dwSubEntry;
	w.guidEntry = a->guidEntry;
	w.dwFlags = a->dwFlags;
	w.luid = a->luid;
	w.guidCorrelationId = a->guidCorrelationId;
	memcpy(out, &w, size);
	return ERROR_SUCCESS;
}

RASDIAL_API DWORD APIENTRY RasEnumConnectionsW(LPRASCONNW lprasconn,
					       LPDWORD lpcb,
					       LPDWORD lpcConnections)
{
	static const size_t sizes[] = RASDIAL_CONNW_SIZES;
	DWORD size = sizeof(RASCONNW), n, i, m = 0, ret;
	RASCONNA *a = NULL;
	char *w = NULL;

	if (!lpcb || !lpcConnections)
		return ERROR_INVALID_PARAMETER;
	if (lprasconn) {
		size = lprasconn->dwSize;
		if (!rasdial_size_in(sizes, RASDIAL_ARRAY_SIZE(sizes), size))
			return ERROR_INVALID_SIZE;
	}
	ret = list_all(list_conns, NULL, sizeof(RASCONNA), (void **)&a, &n);
	if (ret == ERROR_BUFFER_TOO_SMALL)
		return list_too_small(n, size, lpcb, lpcConnections);
	if (ret)
		return ret;
	if (n) {
		w = malloc((size_t)n * size);
		if (!w) {
			free(a);
			return ERROR_NOT_ENOUGH_MEMORY;
		}
	}
	/* A name the caller's layout cannot hold whole is no name it could
	 * use: that connection is left out. */
	for (i = 0; i < n; i++)
		if (!conn_out(&a[i], size, w + (size_t)m * size))
			m++;
	ret = list_out(w, m, size, lprasconn, lpcb, lpcConnections);
	free(w);
	free(a);
	return ret;
}

struct entries_arg {
	const char *book;
};

static DWORD list_entries(void *arg, void *buf, LPDWORD cb, LPDWORD n)
{
	const struct entries_arg *e = arg;

	return RasEnumEntriesA(NULL, e->book, buf, cb, n);
}

RASDIAL_API DWORD APIENTRY RasEnumEntriesW(LPCWSTR reserved,
					   LPCWSTR lpszPhonebook,
					   LPRASENTRYNAMEW lprasentryname,
					   LPDWORD lpcb, LPDWORD lpcEntries)
{
	static const size_t sizes[] = RASDIAL_ENTRYNAMEW_SIZES;
	DWORD size = sizeof(RASENTRYNAMEW), n, i, m = 0, ret;
	struct entries_arg e = { NULL };
	RASENTRYNAMEA *a = NULL;
	char *book = NULL, *w = NULL;

	/* RasEnumEntriesA's order of checks. */
	if (reserved)
		return ERROR_NOT_SUPPORTED;
	if (!lpcb || !lpcEntries)
		return ERROR_INVALID_PARAMETER;
	if (lprasentryname) {
		size = lprasentryname->dwSize;
		if (!rasdial_size_in(sizes, RASDIAL_ARRAY_SIZE(sizes), size))
			return ERROR_INVALID_SIZE;
	}
	ret = arg_in(lpszPhonebook, &book);
	if (ret)
		return ret;
	e.book = book;
	ret = list_all(list_entries, &e, sizeof(RASENTRYNAMEA), (void **)&a, &n);
	if (ret == ERROR_BUFFER_TOO_SMALL)
		ret = list_too_small(n, size, lpcb, lpcEntries);
	if (ret)
		goto out;
	ret = ERROR_NOT_ENOUGH_MEMORY;
	if (n) {
		w = malloc((size_t)n * size);
		if (!w)
			goto out;
	}
	for (i = 0; i < n; i++) {
		RASENTRYNAMEW full;

		memset(&full, 0, sizeof(full));
		full.dwSize = size;
		full.dwFlags = a[i].dwFlags;
		/* A file name that is not UTF-8 cannot be passed back in
		 * UTF-16: that entry is left out. */
		if (FIELD_OUT(a[i].szEntryName, full.szEntryName) ||
		    FIELD_OUT(a[i].szPhonebookPath, full.szPhonebookPath))
			continue;
		memcpy(w + (size_t)m++ * size, &full, size);
	}
	ret = list_out(w, m, size, lprasentryname, lpcb, lpcEntries);
out:
	free(w);
	free(a);
	free(book);
	return ret;
}

RASDIAL_API DWORD APIENTRY RasGetErrorStringW(UINT uErrorValue,
					      LPWSTR lpszErrorString,
					      DWORD cBufSize)
{
	char text[1024];
	WCHAR *tmp;
	size_t need = 0;
	DWORD ret;
	int err;

	if (!lpszErrorString)
		return ERROR_INVALID_PARAMETER;
	/* Every text is well under 1024 bytes (errors.c). */
	ret = RasGetErrorStringA(uErrorValue, text, sizeof(text));
	if (ret)
		return ret;
	tmp = malloc(sizeof(text) * sizeof(WCHAR));
	if (!tmp)
		return ERROR_NOT_ENOUGH_MEMORY;
	err = rasdial_utf8_to_w(text, tmp, sizeof(text), &need);
	if (!err)
		need = rasdial_wcsnlen(tmp, sizeof(text)) + 1;
	/* cBufSize counts WCHARs; as the A function, nothing is written
	 * unless the whole text fits. */
	if (err)
		ret = ERROR_INVALID_PARAMETER;
	else if (cBufSize < need)
		ret = ERROR_INSUFFICIENT_BUFFER;
	else
		memcpy(lpszErrorString, tmp, need * sizeof(WCHAR));
	free(tmp);
	return ret;
}

RASDIAL_API DWORD APIENTRY RasGetProjectionInfoW(HRASCONN hrasconn,
						 RASPROJECTION rasprojection,
						 LPVOID lpprojection,
						 LPDWORD lpcb)
{
	static const size_t ip_sizes[] = RASDIAL_PPPIPW_SIZES;
	static const size_t lcp_sizes[] = RASDIAL_PPPLCPW_SIZES;
	union {
		RASPPPIPA ip;
		RASPPPLCPA lcp;
	} a;
	union {
		RASPPPIPW ip;
		RASPPPLCPW lcp;
	} w;
	const size_t *sizes;
	size_t n_sizes;
	DWORD size, cb, ret;

	if (!rasdial_handle_id(hrasconn))
		return ERROR_INVALID_HANDLE;
	if (!lpprojection || !lpcb)
		return ERROR_INVALID_PARAMETER;
	switch ((unsigned int)rasprojection) {
	case RASP_PppIp:
		sizes = ip_sizes;
		n_sizes = RASDIAL_ARRAY_SIZE(ip_sizes);
		break;
	case RASP_PppLcp:
		sizes = lcp_sizes;
		n_sizes = RASDIAL_ARRAY_SIZE(lcp_sizes);
		break;
	default:
		/* RASPPPIPV6 has no strings; the rest are refused there. */
		return RasGetProjectionInfoA(hrasconn, rasprojection,
					     lpprojection, lpcb);
	}
	/* The A function's protocol, in the W sizes. */
	if (*lpcb < sizeof(DWORD)) {
		*lpcb = (DWORD)sizes[n_sizes - 1];
		return ERROR_BUFFER_TOO_SMALL;
	}
	memcpy(&size, lpprojection, sizeof(size));
	if (!rasdial_size_in(sizes, n_sizes, size))
		return ERROR_INVALID_SIZE;
	if (*lpcb < size) {
		*lpcb = size;
		return ERROR_BUFFER_TOO_SMALL;
	}

	memset(&a, 0, sizeof(a));
	memset(&w, 0, sizeof(w));
	if (rasprojection == RASP_PppIp) {
		cb = a.ip.dwSize = sizeof(a.ip);
		ret = RasGetProjectionInfoA(hrasconn, rasprojection, &a, &cb);
		if (ret)
			return ret;
		w.ip.dwError = a.ip.dwError;
		ret = FIELD_OUT(a.ip.szIpAddress, w.ip.szIpAddress);
		if (!ret)
			ret = FIELD_OUT(a.ip.szServerIpAddress,
					w.ip.szServerIpAddress);
		w.ip.dwOptions = a.ip.dwOptions;
		w.ip.dwServerOptions = a.ip.dwServerOptions;
	} else {
		cb = a.lcp.dwSize = sizeof(a.lcp);
		ret = RasGetProjectionInfoA(hrasconn, rasprojection, &a, &cb);
		if (ret)
			return ret;
		/* Everything up to szReplyMessage, then the rest. */
		memcpy(&w.lcp, &a.lcp, offsetof(RASPPPLCPA, szReplyMessage));
		ret = FIELD_OUT(a.lcp.szReplyMessage, w.lcp.szReplyMessage);
		w.lcp.dwOptions = a.lcp.dwOptions;
		w.lcp.dwServerOptions = a.lcp.dwServerOptions;
	}
	if (ret)
		return ret;
	memcpy(&w, &size, sizeof(size));
	memcpy(lpprojection, &w, size);
	*lpcb = size;
	return ERROR_SUCCESS;
}

RASDIAL_API DWORD APIENTRY RasConnectionNotificationW(HRASCONN hrasconn,
						      HANDLE hEvent,
						      DWORD dwFlags)
{
	return RasConnectionNotificationA(hrasconn, hEvent, dwFlags);
}
