// SPDX-License-Identifier: GPL-2.0-only
/*
 * wide: the W entry points on a real link (dialtest.h's CHAP peer on a
 * pty): RasDialW + RasDialFunc1 gets the same states and errors as
 * RasDialA (wrong password: 691), RasEnumConnectionsW,
 * RasGetConnectStatusW and RasGetProjectionInfoW return the right UTF-16
 * strings, and an entry with a non-ASCII (UTF-8) peers file name dials,
 * lists and round-trips.
 */
#include "dialtest.h"

#include "kselftest_harness.h"

#define DIAL_TIMEOUT_MS	30000
#define ENTRY		"wchap"
#define ENTRY_U8	"w\xc3\xaf" "de-\xe6\x97\xa5\xe6\x9c\xac"
#define ENTRY_W		u"w\u00efde-\u65e5\u672c"

static void WINAPI rec1(HRASCONN h, UINT msg, RASCONNSTATE state,
			DWORD error, DWORD ext_error)
{
	dt_record(h, msg, state, error, ext_error);
}

static int wcmp(const WCHAR *a, const WCHAR *b)
{
	size_t i;

	for (i = 0; a[i] && a[i] == b[i]; i++)
		;
	return a[i] != b[i];
}

static void w_params(RASDIALPARAMSW *p, const WCHAR *entry, const WCHAR *pw)
{
	size_t i;

	memset(p, 0, sizeof(*p));
	p->dwSize = sizeof(*p);
	for (i = 0; entry[i]; i++)
		p->szEntryName[i] = entry[i];
	for (i = 0; DT_USER[i]; i++)
		p->szUserName[i] = (WCHAR)DT_USER[i];
	for (i = 0; pw[i]; i++)
		p->szPassword[i] = pw[i];
}

/*
 * Dials P (RASDIALPARAMSW when WIDE, else RASDIALPARAMSA; async,
 * RasDialFunc1) and waits until Connected or an error, the calls in C/N;
 * false when RasDial failed or nothing came in time.
 */
static int dial_wait(int wide, void *p, HRASCONN *h, struct dt_call *c,
		     int *n)
{
	dt_rec_reset();
	if (wide ? RasDialW(NULL, NULL, p, 1, (LPVOID)rec1, h) :
		   RasDialA(NULL, NULL, p, 1, (LPVOID)rec1, h))
		return 0;
	return dt_wait(dt_done_connected_or_error, DIAL_TIMEOUT_MS, c, n);
}

static int dial_w(const WCHAR *entry, const WCHAR *pw, HRASCONN *h,
		  struct dt_call *c, int *n)
{
	RASDIALPARAMSW p;

	w_params(&p, entry, pw);
	return dial_wait(1, &p, h, c, n);
}

static int dial_a(const char *entry, const char *pw, HRASCONN *h,
		  struct dt_call *c, int *n)
{
	RASDIALPARAMSA p;

	dt_params(&p, entry, pw);
	return dial_wait(0, &p, h, c, n);
}

static void hang_up(HRASCONN *h)
{
	if (*h)
		RasHangUpW(*h);
	*h = NULL;
	dt_wait_registry_empty(10000);
}

/* RasEnumConnectionsW into CONNS (4): *MINE is H's, or NULL. */
static DWORD conn_w(HRASCONN h, RASCONNW conns[4], const RASCONNW **mine)
{
	DWORD cb = 4 * sizeof(conns[0]), n = 0, ret;

	*mine = NULL;
	conns[0].dwSize = sizeof(conns[0]);
	ret = RasEnumConnectionsW(conns, &cb, &n);
	for (DWORD i = 0; !ret && i < n; i++)
		if (conns[i].hrasconn == h)
			*mine = &conns[i];
	return ret;
}

FIXTURE(wide) {
	HRASCONN h;
	struct dt_call a[DT_MAX_CALLS], w[DT_MAX_CALLS];
	int na, nw;
};

FIXTURE_SETUP(wide)
{
	dt_setup_entry(ENTRY, DT_AUTH_CHAP, NULL);
	dt_setup_entry(ENTRY_U8, DT_AUTH_CHAP, NULL);
	self->h = NULL;
}

FIXTURE_TEARDOWN(wide)
{
	hang_up(&self->h);
	unlink("/etc/ppp/peers/" ENTRY);
	unlink("/etc/ppp/peers/" ENTRY_U8);
}

static void same_calls(struct __test_metadata *_metadata,
		       const struct dt_call *a, int na,
		       const struct dt_call *w, int nw)
{
	dt_print_calls(w, nw);
	ASSERT_EQ(na, nw);
	for (int i = 0; i < na; i++) {
		EXPECT_EQ(a[i].state, w[i].state);
		EXPECT_EQ(a[i].error, w[i].error);
		EXPECT_EQ(a[i].msg, w[i].msg);
	}
}

TEST_F_TIMEOUT(wide, same_sequence_and_utf16_strings, 120)
{
	RASCONNSTATUSA sa = { .dwSize = sizeof(sa) };
	RASCONNSTATUSW sw = { .dwSize = sizeof(sw) };
	RASPPPIPW ip = { .dwSize = sizeof(ip) };
	RASCONNW conns[4];
	const RASCONNW *mine;
	DWORD cb, i;

	ASSERT_TRUE(dial_a(ENTRY, NULL, &self->h, self->a, &self->na));
	ASSERT_GE(dt_find(self->a, self->na, RASCS_Connected), 0);
	hang_up(&self->h);

	ASSERT_TRUE(dial_w(u"wchap", u"" DT_SECRET, &self->h, self->w, &self->nw));
	same_calls(_metadata, self->a, self->na, self->w, self->nw);
	ASSERT_GE(dt_find(self->w, self->nw, RASCS_Connected), 0);

	ASSERT_EQ(0, RasGetConnectStatusA(self->h, &sa));
	ASSERT_EQ(0, RasGetConnectStatusW(self->h, &sw));
	EXPECT_EQ(RASCS_Connected, sw.rasconnstate);
	EXPECT_EQ(sa.dwError, sw.dwError);
	for (i = 0; i <= strlen(sa.szDeviceName); i++)
		EXPECT_EQ((WCHAR)(unsigned char)sa.szDeviceName[i], sw.szDeviceName[i]);
	for (i = 0; i <= strlen(sa.szDeviceType); i++)
		EXPECT_EQ((WCHAR)(unsigned char)sa.szDeviceType[i], sw.szDeviceType[i]);

	cb = sizeof(ip);
	ASSERT_EQ(0, RasGetProjectionInfoW(self->h, RASP_PppIp, &ip, &cb));
	EXPECT_EQ(sizeof(ip), cb);
	EXPECT_EQ(0, wcmp(ip.szIpAddress, u"" DT_LOCAL_ADDR));
	EXPECT_EQ(0, wcmp(ip.szServerIpAddress, u"" DT_REMOTE_ADDR));

	ASSERT_EQ(0, conn_w(self->h, conns, &mine));
	EXPECT_NE(NULL, mine);
	if (mine) {
		EXPECT_EQ(0, wcmp(mine->szEntryName, u"wchap"));
		EXPECT_EQ(0, wcmp(mine->szPhonebook, u"/etc/ppp/peers"));
	}
}

TEST_F_TIMEOUT(wide, wrong_password_691_as_a, 120)
{
	int at;

	ASSERT_TRUE(dial_a(ENTRY, "wrong", &self->h, self->a, &self->na));
	hang_up(&self->h);
	ASSERT_TRUE(dial_w(u"wchap", u"wrong", &self->h, self->w, &self->nw));
	same_calls(_metadata, self->a, self->na, self->w, self->nw);
	at = self->nw - 1;
	EXPECT_EQ(ERROR_AUTHENTICATION_FAILURE, self->w[at].error);
}

TEST_F_TIMEOUT(wide, non_ascii_entry_round_trips, 120)
{
	RASCONNW conns[4];
	const RASCONNW *mine;
	RASENTRYNAMEW names[64];
	DWORD cb, n, i;
	bool found = false;

	ASSERT_TRUE(dial_w(ENTRY_W, u"" DT_SECRET, &self->h, self->w, &self->nw));
	dt_print_calls(self->w, self->nw);
	ASSERT_GE(dt_find(self->w, self->nw, RASCS_Connected), 0);
	ASSERT_EQ(0, conn_w(self->h, conns, &mine));
	EXPECT_NE(NULL, mine);
	if (mine) {
		EXPECT_EQ(0, wcmp(mine->szEntryName, ENTRY_W));
	}
	names[0].dwSize = sizeof(names[0]);
	cb = sizeof(names);
	ASSERT_EQ(0, RasEnumEntriesW(NULL, NULL, names, &cb, &n));
	for (i = 0; i < n; i++)
		if (!wcmp(names[i].szEntryName, ENTRY_W))
			found = true;
	EXPECT_TRUE(found);
}

TEST_F_TIMEOUT(wide, synchronous_dial, 120)
{
	RASDIALPARAMSW p;

	w_params(&p, u"wchap", u"" DT_SECRET);
	ASSERT_EQ(0, RasDialW(NULL, NULL, &p, 0, NULL, &self->h));
	ASSERT_NE(NULL, self->h);
	EXPECT_EQ(0, RasHangUpW(self->h));
	self->h = NULL;
	dt_wait_registry_empty(10000);
	w_params(&p, u"wchap", u"wrong");
	EXPECT_EQ(ERROR_AUTHENTICATION_FAILURE,
		  RasDialW(NULL, NULL, &p, 0, NULL, &self->h));
}

TEST_HARNESS_MAIN
