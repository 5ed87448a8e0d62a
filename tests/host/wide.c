// SPDX-License-Identifier: GPL-2.0-only
/*
 * wide: the W entry points on the host (no rasdial.ko needed): every
 * dwSize the W layouts have accepted and its neighbours refused, UTF-16
 * <-> UTF-8 both ways (non-ASCII names, unpaired surrogates, names that
 * do not fit), and the buffer protocols in W units.  Where the answer
 * comes from the kernel, the W function must answer as the A one.
 */
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* Every layout, the newest included. */
#define WINVER 0x0A00
#include <rasdial/rasdial.h>

#include "kselftest_harness.h"

#define FORGED	((HRASCONN)(uintptr_t)0x7ffffff0)
#define END(type, field) \
	((offsetof(type, field) + sizeof(((type *)0)->field) + 3) & ~(size_t)3)

static size_t wlen(const WCHAR *s)
{
	size_t n = 0;

	while (s[n])
		n++;
	return n;
}

static void wcpy(WCHAR *dst, const WCHAR *src)
{
	memcpy(dst, src, (wlen(src) + 1) * sizeof(WCHAR));
}

static int wcmp(const WCHAR *a, const WCHAR *b)
{
	size_t n = wlen(a);

	return n != wlen(b) || memcmp(a, b, n * sizeof(WCHAR));
}

TEST(error_string_every_code_as_a)
{
	char a[512];
	WCHAR w[512];
	UINT code;
	size_t i, n = 0;

	for (code = 0; code < 1000; code++) {
		DWORD ra = RasGetErrorStringA(code, a, sizeof(a));
		DWORD rw = RasGetErrorStringW(code, w, 512);

		ASSERT_EQ(ra, rw);
		if (ra)
			continue;
		n++;
		/* The texts are ASCII: one unit per byte. */
		ASSERT_EQ(strlen(a), wlen(w));
		for (i = 0; a[i]; i++)
			ASSERT_EQ((WCHAR)(unsigned char)a[i], w[i]);
	}
	ASSERT_LT(100, n);
}

TEST(error_string_size_in_wchars)
{
	WCHAR w[512];
	size_t len;

	ASSERT_EQ(0, RasGetErrorStringW(ERROR_BUFFER_TOO_SMALL, w, 512));
	len = wlen(w);
	/* Exactly the text and its NUL, in WCHARs (not bytes). */
	memset(w, 0x55, sizeof(w));
	ASSERT_EQ(0, RasGetErrorStringW(ERROR_BUFFER_TOO_SMALL, w, len + 1));
	ASSERT_EQ(len, wlen(w));
	/* One less: nothing written. */
	memset(w, 0x55, sizeof(w));
	ASSERT_EQ(ERROR_INSUFFICIENT_BUFFER,
		  RasGetErrorStringW(ERROR_BUFFER_TOO_SMALL, w, len));
	ASSERT_EQ(0x5555, w[0]);
	ASSERT_EQ(ERROR_INVALID_PARAMETER,
		  RasGetErrorStringW(ERROR_BUFFER_TOO_SMALL, NULL, 512));
	ASSERT_EQ(ERROR_INVALID_PARAMETER, RasGetErrorStringW(999999, w, 512));
}

/* A peers directory: "alpha", "café", "日本" and one not UTF-8. */
FIXTURE(book) {
	char dir[64];
	WCHAR wdir[64];
};

static const char *const names[] = { "alpha", "caf\xc3\xa9", "\xe6\x97\xa5\xe6\x9c\xac", "bad\xff" };

FIXTURE_SETUP(book)
{
	char path[160];
	size_t i;
	FILE *f;

	snprintf(self->dir, sizeof(self->dir), "/tmp/wide.XXXXXX");
	ASSERT_NE(NULL, mkdtemp(self->dir));
	for (i = 0; i < 4; i++) {
		snprintf(path, sizeof(path), "%s/%s", self->dir, names[i]);
		f = fopen(path, "w");
		ASSERT_NE(NULL, f);
		fputs("plugin rasdial.so\nnoauth\n", f);
		fclose(f);
	}
	for (i = 0; self->dir[i]; i++)
		self->wdir[i] = (WCHAR)self->dir[i];
	self->wdir[i] = 0;
}

FIXTURE_TEARDOWN(book)
{
	char path[160];
	size_t i;

	for (i = 0; i < 4; i++) {
		snprintf(path, sizeof(path), "%s/%s", self->dir, names[i]);
		unlink(path);
	}
	rmdir(self->dir);
}

TEST_F(book, enum_entries_utf16)
{
	RASENTRYNAMEW e[8];
	DWORD cb = 0, n = 0, i;
	bool seen[3] = { false };

	/* NULL buffer: the size, whatever *lpcb says. */
	ASSERT_EQ(ERROR_BUFFER_TOO_SMALL,
		  RasEnumEntriesW(NULL, self->wdir, NULL, &cb, &n));
	/* The name that is not UTF-8 is left out. */
	ASSERT_EQ(3, n);
	ASSERT_EQ(3 * sizeof(RASENTRYNAMEW), cb);
	cb = 12345;
	ASSERT_EQ(ERROR_BUFFER_TOO_SMALL,
		  RasEnumEntriesW(NULL, self->wdir, NULL, &cb, &n));
	ASSERT_EQ(3 * sizeof(RASENTRYNAMEW), cb);
	/* One byte short. */
	e[0].dwSize = sizeof(e[0]);
	cb = 3 * sizeof(RASENTRYNAMEW) - 1;
	ASSERT_EQ(ERROR_BUFFER_TOO_SMALL,
		  RasEnumEntriesW(NULL, self->wdir, e, &cb, &n));
	ASSERT_EQ(3 * sizeof(RASENTRYNAMEW), cb);
	cb = sizeof(e);
	ASSERT_EQ(0, RasEnumEntriesW(NULL, self->wdir, e, &cb, &n));
	ASSERT_EQ(3, n);
	ASSERT_EQ(3 * sizeof(RASENTRYNAMEW), cb);
	for (i = 0; i < n; i++) {
		ASSERT_EQ(sizeof(RASENTRYNAMEW), e[i].dwSize);
		ASSERT_EQ(0, wcmp(e[i].szPhonebookPath, self->wdir));
		if (!wcmp(e[i].szEntryName, u"alpha"))
			seen[0] = true;
		if (!wcmp(e[i].szEntryName, u"caf\u00e9"))
			seen[1] = true;
		if (!wcmp(e[i].szEntryName, u"\u65e5\u672c"))
			seen[2] = true;
	}
	ASSERT_TRUE(seen[0] && seen[1] && seen[2]);
}

TEST_F(book, enum_entries_sizes)
{
	static const DWORD good[] = { END(RASENTRYNAMEW, szEntryName),
				      sizeof(RASENTRYNAMEW) };
	union {
		RASENTRYNAMEW e[4];
		unsigned char raw[8192];
	} u;
	DWORD cb, n, i, bad[3];

	for (i = 0; i < 2; i++) {
		memset(&u, 0, sizeof(u));
		u.e[0].dwSize = good[i];
		cb = sizeof(u);
		ASSERT_EQ(0, RasEnumEntriesW(NULL, self->wdir, u.e, &cb, &n));
		ASSERT_EQ(3, n);
		ASSERT_EQ(3 * good[i], cb);
		/* The second item starts dwSize bytes on. */
		ASSERT_EQ(good[i], *(DWORD *)(u.raw + good[i]));
		bad[0] = 0;
		bad[1] = good[i] - 1;
		bad[2] = good[i] + 1;
		for (int j = 0; j < 3; j++) {
			u.e[0].dwSize = bad[j];
			cb = sizeof(u);
			n = 0x7777;
			ASSERT_EQ(ERROR_INVALID_SIZE,
				  RasEnumEntriesW(NULL, self->wdir, u.e, &cb, &n));
			ASSERT_EQ(0x7777, n);
		}
	}
	/* The A sizes are not W sizes. */
	u.e[0].dwSize = sizeof(RASENTRYNAMEA);
	cb = sizeof(u);
	ASSERT_EQ(ERROR_INVALID_SIZE,
		  RasEnumEntriesW(NULL, self->wdir, u.e, &cb, &n));
}

TEST_F(book, enum_entries_arguments)
{
	RASENTRYNAMEW e[4];
	DWORD cb = sizeof(e), n;
	WCHAR bad[80];

	e[0].dwSize = sizeof(e[0]);
	ASSERT_EQ(ERROR_NOT_SUPPORTED,
		  RasEnumEntriesW(u"", self->wdir, e, &cb, &n));
	ASSERT_EQ(ERROR_INVALID_PARAMETER,
		  RasEnumEntriesW(NULL, self->wdir, e, NULL, &n));
	ASSERT_EQ(ERROR_INVALID_PARAMETER,
		  RasEnumEntriesW(NULL, self->wdir, e, &cb, NULL));
	/* A lone surrogate in the phone-book path. */
	wcpy(bad, self->wdir);
	bad[wlen(bad) + 1] = 0;
	bad[wlen(bad)] = 0xD800;
	ASSERT_EQ(ERROR_INVALID_PARAMETER,
		  RasEnumEntriesW(NULL, bad, e, &cb, &n));
	/* A missing phone book: as the A function says. */
	{
		RASENTRYNAMEA ea[2];
		DWORD cba = sizeof(ea);

		ea[0].dwSize = sizeof(ea[0]);
		ASSERT_EQ(RasEnumEntriesA(NULL, "/nonexistent-wide", ea, &cba, &n),
			  RasEnumEntriesW(NULL, u"/nonexistent-wide", e, &cb, &n));
	}
}

/* RasDialW's checks before anything is dialed. */
TEST_F(book, dial_params)
{
	static const DWORD good[] = {
		4 + 2 * (21 + 129 + 49 + 257 + 257 + 16) + 2,	/* NT 3.5 */
		END(RASDIALPARAMSW, szDomain),
		END(RASDIALPARAMSW, dwCallbackId),
		END(RASDIALPARAMSW, dwIfIndex),
		sizeof(RASDIALPARAMSW),
	};
	RASDIALPARAMSW p;
	HRASCONN h = NULL;
	DWORD i, ra;
	RASDIALPARAMSA a;

	ASSERT_EQ(1464, good[0]);
	for (i = 0; i < 5; i++) {
		memset(&p, 0, sizeof(p));
		p.dwSize = good[i];
		wcpy(p.szEntryName, u"missing");
		/* Accepted: the entry is looked up (and is not there). */
		ASSERT_EQ(ERROR_CANNOT_FIND_PHONEBOOK_ENTRY,
			  RasDialW(NULL, self->wdir, &p, 0, NULL, &h));
		ASSERT_EQ(NULL, h);
		p.dwSize = good[i] + 1;
		ASSERT_EQ(ERROR_INVALID_SIZE,
			  RasDialW(NULL, self->wdir, &p, 0, NULL, &h));
		p.dwSize = good[i] - 1;
		ASSERT_EQ(ERROR_INVALID_SIZE,
			  RasDialW(NULL, self->wdir, &p, 0, NULL, &h));
	}
	memset(&p, 0, sizeof(p));
	ASSERT_EQ(ERROR_INVALID_SIZE, RasDialW(NULL, self->wdir, &p, 0, NULL, &h));
	p.dwSize = sizeof(RASDIALPARAMSA);
	ASSERT_EQ(ERROR_INVALID_SIZE, RasDialW(NULL, self->wdir, &p, 0, NULL, &h));
	p.dwSize = sizeof(p);
	ASSERT_EQ(ERROR_INVALID_PARAMETER, RasDialW(NULL, self->wdir, NULL, 0, NULL, &h));
	ASSERT_EQ(ERROR_INVALID_PARAMETER, RasDialW(NULL, self->wdir, &p, 0, NULL, NULL));
	/* Unpaired surrogates: high alone, low alone, high at the end. */
	wcpy(p.szEntryName, u"a\xD800" u"b");
	ASSERT_EQ(ERROR_INVALID_PARAMETER, RasDialW(NULL, self->wdir, &p, 0, NULL, &h));
	wcpy(p.szEntryName, u"a\xDC00");
	ASSERT_EQ(ERROR_INVALID_PARAMETER, RasDialW(NULL, self->wdir, &p, 0, NULL, &h));
	wcpy(p.szEntryName, u"alpha");
	p.szPassword[0] = 0xD83D;
	p.szPassword[1] = 0;
	ASSERT_EQ(ERROR_INVALID_PARAMETER, RasDialW(NULL, self->wdir, &p, 0, NULL, &h));
	/* A pair is a character: past the conversion to the lookup. */
	wcpy(p.szPassword, u"");
	wcpy(p.szEntryName, u"x\U0001F600");
	ASSERT_EQ(ERROR_CANNOT_FIND_PHONEBOOK_ENTRY,
		  RasDialW(NULL, self->wdir, &p, 0, NULL, &h));
	/* Unterminated entry name: refused as RasDialA refuses it. */
	for (i = 0; i <= RAS_MaxEntryName; i++)
		p.szEntryName[i] = u'a';
	ASSERT_EQ(ERROR_INVALID_PARAMETER, RasDialW(NULL, self->wdir, &p, 0, NULL, &h));
	/* 256 "é": 512 bytes of UTF-8, more than RASDIALPARAMSA holds. */
	for (i = 0; i < RAS_MaxEntryName; i++)
		p.szEntryName[i] = 0xE9;
	p.szEntryName[RAS_MaxEntryName] = 0;
	ASSERT_EQ(ERROR_INVALID_PARAMETER, RasDialW(NULL, self->wdir, &p, 0, NULL, &h));
	/* Phone book path with a lone surrogate. */
	wcpy(p.szEntryName, u"alpha");
	ASSERT_EQ(ERROR_INVALID_PARAMETER, RasDialW(NULL, u"/tmp/\xDFFF", &p, 0, NULL, &h));
	ASSERT_EQ(NULL, h);
	/* A notifier that is a window handle: as RasDialA. */
	memset(&a, 0, sizeof(a));
	a.dwSize = sizeof(a);
	strcpy(a.szEntryName, "alpha");
	ra = RasDialA(NULL, self->dir, &a, 0xFFFFFFFF, (LPVOID)1, &h);
	ASSERT_EQ(ra, RasDialW(NULL, self->wdir, &p, 0xFFFFFFFF, (LPVOID)1, &h));
}

TEST(connect_status)
{
	static const DWORD good[] = {
		4 + 4 + 4 + 2 * (17 + 33) + 0,
		END(RASCONNSTATUSW, szDeviceName),
		END(RASCONNSTATUSW, szPhoneNumber),
		sizeof(RASCONNSTATUSW),
	};
	union {
		RASCONNSTATUSW st;
		RASCONNSTATUSA sa;
		unsigned char raw[2048];
	} u;
	DWORD i;

	memset(&u, 0, sizeof(u));
	u.st.dwSize = sizeof(u.st);
	ASSERT_EQ(ERROR_INVALID_HANDLE, RasGetConnectStatusW(NULL, &u.st));
	ASSERT_EQ(ERROR_INVALID_PARAMETER, RasGetConnectStatusW(FORGED, NULL));
	for (i = 0; i < 4; i++) {
		u.st.dwSize = good[i];
		u.sa.dwSize = sizeof(RASCONNSTATUSA);
		/* Accepted: the answer is the A function's for this handle. */
		{
			DWORD ra = RasGetConnectStatusA(FORGED, &u.sa);

			u.st.dwSize = good[i];
			ASSERT_EQ(ra, RasGetConnectStatusW(FORGED, &u.st));
		}
		u.st.dwSize = good[i] + 1;
		ASSERT_EQ(ERROR_INVALID_SIZE, RasGetConnectStatusW(FORGED, &u.st));
		u.st.dwSize = good[i] - 2;
		ASSERT_EQ(ERROR_INVALID_SIZE, RasGetConnectStatusW(FORGED, &u.st));
	}
	u.st.dwSize = sizeof(RASCONNSTATUSA);
	ASSERT_EQ(ERROR_INVALID_SIZE, RasGetConnectStatusW(FORGED, &u.st));
	ASSERT_EQ(ERROR_INVALID_HANDLE, RasHangUpW(NULL));
	ASSERT_EQ(RasHangUpA(FORGED), RasHangUpW(FORGED));
}

TEST(enum_connections)
{
	static const DWORD good[] = {
		4 + 8 + 2 * 21 + 2,			/* NT 3.5 (pack 4) */
		END(RASCONNW, szDeviceName),
		END(RASCONNW, dwSubEntry),
		END(RASCONNW, guidEntry),
		END(RASCONNW, luid),
		sizeof(RASCONNW),
	};
	union {
		RASCONNW c[4];
		unsigned char raw[8192];
	} u;
	DWORD cb, n, ca, na, ra, i;

	ASSERT_EQ(ERROR_INVALID_PARAMETER, RasEnumConnectionsW(NULL, NULL, &n));
	cb = 0;
	ASSERT_EQ(ERROR_INVALID_PARAMETER, RasEnumConnectionsW(NULL, &cb, NULL));
	for (i = 0; i < 6; i++) {
		memset(&u, 0, sizeof(u));
		u.c[0].dwSize = good[i];
		cb = sizeof(u);
		ca = sizeof(u);
		/* No module, or no connection: the A answer, in W sizes. */
		{
			RASCONNA a[2];

			a[0].dwSize = sizeof(a[0]);
			ca = sizeof(a);
			ra = RasEnumConnectionsA(a, &ca, &na);
		}
		ASSERT_EQ(ra, RasEnumConnectionsW(u.c, &cb, &n));
		if (!ra) {
			ASSERT_EQ(na, n);
			ASSERT_EQ(n * good[i], cb);
		}
		n = 0x7777;
		u.c[0].dwSize = good[i] + 1;
		ASSERT_EQ(ERROR_INVALID_SIZE, RasEnumConnectionsW(u.c, &cb, &n));
		u.c[0].dwSize = good[i] - 1;
		ASSERT_EQ(ERROR_INVALID_SIZE, RasEnumConnectionsW(u.c, &cb, &n));
		ASSERT_EQ(0x7777, n);
	}
	u.c[0].dwSize = 0;
	ASSERT_EQ(ERROR_INVALID_SIZE, RasEnumConnectionsW(u.c, &cb, &n));
	u.c[0].dwSize = sizeof(RASCONNA);
	ASSERT_EQ(ERROR_INVALID_SIZE, RasEnumConnectionsW(u.c, &cb, &n));
}

TEST(projection_sizes)
{
	union {
		RASPPPIPW ip;
		RASPPPLCPW lcp;
		RASPPPIPV6 ip6;
		unsigned char raw[4096];
	} u;
	DWORD cb;

	memset(&u, 0, sizeof(u));
	ASSERT_EQ(ERROR_INVALID_HANDLE,
		  RasGetProjectionInfoW(NULL, RASP_PppIp, &u, &cb));
	ASSERT_EQ(ERROR_INVALID_PARAMETER,
		  RasGetProjectionInfoW(FORGED, RASP_PppIp, NULL, &cb));
	/* Too small for dwSize: the newest W size. */
	cb = 2;
	ASSERT_EQ(ERROR_BUFFER_TOO_SMALL,
		  RasGetProjectionInfoW(FORGED, RASP_PppIp, &u, &cb));
	ASSERT_EQ(sizeof(RASPPPIPW), cb);
	ASSERT_EQ(80, sizeof(RASPPPIPW));
	cb = 2;
	ASSERT_EQ(ERROR_BUFFER_TOO_SMALL,
		  RasGetProjectionInfoW(FORGED, RASP_PppLcp, &u, &cb));
	ASSERT_EQ(sizeof(RASPPPLCPW), cb);
	/* Every W size accepted (then the handle is looked at)... */
	u.ip.dwSize = END(RASPPPIPW, szIpAddress);
	cb = sizeof(u);
	ASSERT_EQ(ERROR_INVALID_HANDLE == RasGetProjectionInfoW(FORGED, RASP_PppIp, &u, &cb) ||
		  ERROR_RASMAN_CANNOT_INITIALIZE == RasGetProjectionInfoW(FORGED, RASP_PppIp, &u, &cb), 1);
	u.ip.dwSize = END(RASPPPIPW, szServerIpAddress);
	ASSERT_NE(ERROR_INVALID_SIZE, RasGetProjectionInfoW(FORGED, RASP_PppIp, &u, &cb));
	u.ip.dwSize = sizeof(RASPPPIPW);
	ASSERT_NE(ERROR_INVALID_SIZE, RasGetProjectionInfoW(FORGED, RASP_PppIp, &u, &cb));
	u.lcp.dwSize = 8;
	ASSERT_NE(ERROR_INVALID_SIZE, RasGetProjectionInfoW(FORGED, RASP_PppLcp, &u, &cb));
	/* ...and the A ones and the neighbours refused. */
	u.ip.dwSize = sizeof(RASPPPIPA);
	ASSERT_EQ(ERROR_INVALID_SIZE, RasGetProjectionInfoW(FORGED, RASP_PppIp, &u, &cb));
	u.ip.dwSize = sizeof(RASPPPIPW) + 4;
	ASSERT_EQ(ERROR_INVALID_SIZE, RasGetProjectionInfoW(FORGED, RASP_PppIp, &u, &cb));
	u.lcp.dwSize = sizeof(RASPPPLCPA);
	ASSERT_EQ(ERROR_INVALID_SIZE, RasGetProjectionInfoW(FORGED, RASP_PppLcp, &u, &cb));
	/* A buffer smaller than its dwSize: the size needed. */
	u.lcp.dwSize = sizeof(RASPPPLCPW);
	cb = sizeof(RASPPPLCPW) - 1;
	ASSERT_EQ(ERROR_BUFFER_TOO_SMALL,
		  RasGetProjectionInfoW(FORGED, RASP_PppLcp, &u, &cb));
	ASSERT_EQ(sizeof(RASPPPLCPW), cb);
	/* RASPPPIPV6 has no strings: the A function's answer. */
	u.ip6.dwSize = sizeof(RASPPPIPV6);
	cb = sizeof(u);
	{
		DWORD cba = sizeof(u), ra;

		ra = RasGetProjectionInfoA(FORGED, RASP_PppIpv6, &u, &cba);
		ASSERT_EQ(ra, RasGetProjectionInfoW(FORGED, RASP_PppIpv6, &u, &cb));
	}
	ASSERT_EQ(ERROR_INVALID_PARAMETER,
		  RasGetProjectionInfoW(FORGED, (RASPROJECTION)0x1234, &u, &cb));
}

TEST(connection_notification)
{
	HANDLE ev = rasdial_event_create();

	ASSERT_NE(NULL, ev);
	ASSERT_EQ(ERROR_INVALID_PARAMETER,
		  RasConnectionNotificationW((HRASCONN)INVALID_HANDLE_VALUE, ev, 0));
	ASSERT_EQ(ERROR_INVALID_HANDLE,
		  RasConnectionNotificationW((HRASCONN)INVALID_HANDLE_VALUE, NULL,
					     RASCN_Connection));
	ASSERT_EQ(RasConnectionNotificationA(FORGED, ev, RASCN_Disconnection),
		  RasConnectionNotificationW(FORGED, ev, RASCN_Disconnection));
	rasdial_event_close(ev);
}

/* With UNICODE the unsuffixed names are the W ones (tests/abi builds a
 * whole program both ways); here: the A mapping of this build. */
TEST(unsuffixed_is_a_without_unicode)
{
	ASSERT_EQ(sizeof(RASCONNA), sizeof(RASCONN));
	ASSERT_EQ(sizeof(RASDIALPARAMSA), sizeof(RASDIALPARAMS));
	ASSERT_EQ(sizeof(char), sizeof(TCHAR));
	ASSERT_TRUE((void *)RasDial == (void *)RasDialA);
}

TEST_HARNESS_MAIN
