// SPDX-License-Identifier: GPL-2.0
/*
 * Windows' notifier and handle rules, and saved credentials, against a
 * real pppd CHAP peer on a pty (dialtest.h):
 *   - no notifier call after RasHangUp returns (from inside the callback,
 *     from another thread while a callback runs, in manual dispatch mode);
 *   - no call after RASCS_Connected by default, the link's end with
 *     RDEOPT_RasdialNotifyLinkEnd;
 *   - a second RasDial of a connected entry: same handle, no second pppd,
 *     the link survives the first RasHangUp;
 *   - *lphRasConn must be NULL, RDEOPT_PausedStates is refused;
 *   - RasEnumConnections with a NULL buffer;
 *   - RasSetCredentials/RasGetCredentials, RasSet/GetEntryDialParams, a
 *     dial with an empty password, fRemovePassword, a wrong saved
 *     password (691), szDomain reaching CHAP as DOMAIN\user.
 */
#define DT_WINDOWS_RULES
#include "dialtest.h"

#include <poll.h>

#include "kselftest_harness.h"

#define ENTRY		"winrules"
#define CREDS		"/tmp/winrules-credentials"
#define DIAL_MS		30000
#define QUIET_MS	2000

static void WINAPI rec1(HRASCONN h, UINT msg, RASCONNSTATE state,
			DWORD error, DWORD ext)
{
	dt_record(h, msg, state, error, ext);
}

/* A link of the kernel's for H that has not ended. */
static int link_alive(HRASCONN h)
{
	RASCONNSTATUSA st = { .dwSize = sizeof(st) };

	return RasGetConnectStatusA(h, &st) == 0 &&
	       st.rasconnstate == RASCS_Connected && !st.dwError;
}

FIXTURE(win) {
	HRASCONN h, h2;
};

FIXTURE_SETUP(win)
{
	dt_setup_entry(ENTRY, DT_AUTH_CHAP, NULL);
	dt_use_credentials(CREDS);
	self->h = self->h2 = NULL;
	dt_rec_reset();
}

FIXTURE_TEARDOWN(win)
{
	dt_hang_up_both(self->h, self->h2);
	dt_wait_no_pppd(10000);
	unlink(CREDS);
}

/* ------------------------------------------------ RasHangUp, callback */

static struct {
	RASCONNSTATE at;	/* hang up on entering this state */
	int done;
	int n_at_hangup;
	DWORD ret;
	long long slow_ms;	/* callback sleeps this long in state AT */
	long long cb_end_ms;
} hu;

static void WINAPI hangup_cb(HRASCONN h, UINT msg, RASCONNSTATE state,
			     DWORD error, DWORD ext)
{
	dt_record(h, msg, state, error, ext);
	if (state == hu.at && !error && !hu.done) {
		hu.done = 1;
		hu.ret = RasHangUpA(h);
		hu.n_at_hangup = dt_rec_count();
	}
}

TEST_F_TIMEOUT(win, hangup_inside_callback_ends_calls, 60)
{
	RASDIALPARAMSA p;
	struct dt_call calls[DT_MAX_CALLS];
	int n;

	memset(&hu, 0, sizeof(hu));
	hu.at = RASCS_Authenticate;
	dt_params(&p, ENTRY, NULL);
	ASSERT_EQ(0, RasDialA(NULL, NULL, &p, 1, hangup_cb, &self->h));
	ASSERT_TRUE(dt_wait(dt_done_connected_or_error, DIAL_MS, NULL, NULL) ||
		    hu.done);
	/* Only the call that hung up, none after it for 2 s. */
	usleep(QUIET_MS * 1000);
	dt_wait(dt_done_connected_or_error, 0, calls, &n);
	ASSERT_TRUE(hu.done);
	EXPECT_EQ(0, hu.ret);
	EXPECT_EQ(hu.n_at_hangup, n);
	if (hu.n_at_hangup != n)
		dt_print_calls(calls, n);
	EXPECT_EQ(RASCS_Authenticate, calls[n - 1].state);
	/* The dial is over: pppd gone, the handle with it. */
	EXPECT_TRUE(dt_wait_registry_empty(10000));
	self->h = NULL;
}

static void WINAPI slow_cb(HRASCONN h, UINT msg, RASCONNSTATE state,
			   DWORD error, DWORD ext)
{
	dt_record(h, msg, state, error, ext);
	if (state == hu.at && !error && !hu.done) {
		hu.done = 1;
		usleep(hu.slow_ms * 1000);
		hu.cb_end_ms = dt_now_ms();
	}
}

static int reached(const struct dt_call *c, int n)
{
	for (int i = 0; i < n; i++)
		if (c[i].state == hu.at || c[i].error)
			return 1;
	return 0;
}

/* RasHangUp on another thread while the event thread is inside the
 * notifier: it returns only once that call has, and no call follows. */
TEST_F_TIMEOUT(win, hangup_other_thread_races_callback, 60)
{
	RASDIALPARAMSA p;
	struct dt_call calls[DT_MAX_CALLS];
	long long returned;
	int n_ret, n;

	memset(&hu, 0, sizeof(hu));
	hu.at = RASCS_Authenticate;
	hu.slow_ms = 500;
	dt_params(&p, ENTRY, NULL);
	ASSERT_EQ(0, RasDialA(NULL, NULL, &p, 1, slow_cb, &self->h));
	ASSERT_TRUE(dt_wait(reached, DIAL_MS, NULL, NULL));
	/* The callback is sleeping now (it started 0..few ms ago). */
	EXPECT_EQ(0, RasHangUpA(self->h));
	returned = dt_now_ms();
	n_ret = dt_rec_count();
	EXPECT_NE(0, hu.cb_end_ms);
	EXPECT_LE(hu.cb_end_ms, returned);
	usleep(QUIET_MS * 1000);
	dt_wait(dt_done_connected_or_error, 0, calls, &n);
	EXPECT_EQ(n_ret, n);
	if (n_ret != n)
		dt_print_calls(calls, n);
	EXPECT_TRUE(dt_wait_registry_empty(10000));
	self->h = NULL;
}

/* Manual dispatch: the notifier runs inside rasdial_dispatch(); after the
 * RasHangUp it made there, further dispatching calls it no more. */
TEST_F_TIMEOUT(win, hangup_manual_dispatch, 60)
{
	RASDIALPARAMSA p;
	long long end;
	int fd, n;

	ASSERT_EQ(0, rasdial_set_dispatch_mode(RASDIAL_DISPATCH_MANUAL));
	fd = rasdial_get_fd();
	ASSERT_LE(0, fd);
	memset(&hu, 0, sizeof(hu));
	hu.at = RASCS_Authenticate;
	dt_params(&p, ENTRY, NULL);
	ASSERT_EQ(0, RasDialA(NULL, NULL, &p, 1, hangup_cb, &self->h));
	end = dt_now_ms() + DIAL_MS;
	while (!hu.done && dt_now_ms() < end) {
		struct pollfd pfd = { .fd = fd, .events = POLLIN };

		poll(&pfd, 1, 100);
		ASSERT_EQ(0, rasdial_dispatch());
	}
	ASSERT_TRUE(hu.done);
	EXPECT_EQ(0, hu.ret);
	/* 2 s more of dispatching (pppd's exit, the final event). */
	end = dt_now_ms() + QUIET_MS;
	while (dt_now_ms() < end) {
		struct pollfd pfd = { .fd = fd, .events = POLLIN };

		poll(&pfd, 1, 100);
		ASSERT_EQ(0, rasdial_dispatch());
	}
	n = dt_rec_count();
	EXPECT_EQ(hu.n_at_hangup, n);
	self->h = NULL;
}

/* ------------------------------------------- the end of a link */

/* Ends link H as another process would (RasHangUp of a link not its
 * own): our notifier is not told by RasHangUp of ours. */
static int hangup_from_child(HRASCONN h)
{
	pid_t pid = fork();
	int st;

	if (pid == 0)
		_exit(RasHangUpA(h) ? 1 : 0);
	if (pid < 0 || waitpid(pid, &st, 0) != pid)
		return -1;
	return WIFEXITED(st) ? WEXITSTATUS(st) : -1;
}

static int event_fired(HANDLE ev, int ms)
{
	struct pollfd p = { .fd = rasdial_event_fd(ev), .events = POLLIN };

	return p.fd >= 0 && poll(&p, 1, ms) == 1;
}

static void link_end_calls(struct __test_metadata *_metadata,
			   FIXTURE_DATA(win) *self, bool extension)
{
	RASDIALEXTENSIONS ext = {
		.dwSize = sizeof(ext),
		.dwfOptions = RDEOPT_RasdialNotifyLinkEnd,
	};
	HANDLE ev = rasdial_event_create();
	struct dt_call calls[DT_MAX_CALLS];
	RASDIALPARAMSA p;
	int n_conn, n;

	ASSERT_NE(NULL, ev);
	dt_params(&p, ENTRY, NULL);
	ASSERT_EQ(0, RasDialA(extension ? &ext : NULL, NULL, &p, 1, rec1,
			      &self->h));
	ASSERT_TRUE(dt_wait(dt_done_connected_or_error, DIAL_MS, calls, &n));
	ASSERT_LE(0, dt_find(calls, n, RASCS_Connected));
	n_conn = n;
	ASSERT_EQ(0, RasConnectionNotificationA(self->h, ev,
						RASCN_Disconnection));
	ASSERT_EQ(0, hangup_from_child(self->h));
	/* The end reaches RasConnectionNotification in any case. */
	EXPECT_TRUE(event_fired(ev, 10000));
	usleep(QUIET_MS * 1000);
	dt_wait(dt_done_connected_or_error, 0, calls, &n);
	if (extension) {
		/* Entering Disconnected, then the same state with the error. */
		ASSERT_EQ(n_conn + 2, n);
		EXPECT_EQ(RASCS_Disconnected, calls[n - 2].state);
		EXPECT_EQ(0, calls[n - 2].error);
		EXPECT_EQ(RASCS_Disconnected, calls[n - 1].state);
		EXPECT_NE(0, calls[n - 1].error);
	} else {
		EXPECT_EQ(n_conn, n);
		if (n != n_conn)
			dt_print_calls(calls, n);
	}
	rasdial_event_close(ev);
	EXPECT_EQ(0, RasHangUpA(self->h));
	self->h = NULL;
}

TEST_F_TIMEOUT(win, no_call_after_connected, 60)
{
	link_end_calls(_metadata, self, false);
}

TEST_F_TIMEOUT(win, extension_reports_link_end, 60)
{
	link_end_calls(_metadata, self, true);
}

/* ------------------------------------------- handles */

TEST_F_TIMEOUT(win, second_dial_same_handle, 90)
{
	RASDIALPARAMSA p;
	struct dt_call calls[DT_MAX_CALLS];
	HRASCONN h3 = NULL;
	int pppds, n = 0, i, seen = 0;

	dt_params(&p, ENTRY, NULL);
	ASSERT_EQ(0, RasDialA(NULL, NULL, &p, 0, NULL, &self->h));
	ASSERT_TRUE(link_alive(self->h));
	pppds = dt_count_pppd();
	/* Synchronous: the same handle at once, no new pppd. */
	ASSERT_EQ(0, RasDialA(NULL, NULL, &p, 0, NULL, &self->h2));
	EXPECT_EQ(self->h, self->h2);
	EXPECT_EQ(pppds, dt_count_pppd());
	/* With a notifier: one call, Connected. */
	ASSERT_EQ(0, RasDialA(NULL, NULL, &p, 1, rec1, &h3));
	EXPECT_EQ(self->h, h3);
	dt_wait(dt_done_connected_or_error, 10000, calls, &n);
	usleep(500 * 1000);
	dt_wait(dt_done_connected_or_error, 0, calls, &n);
	for (i = 0; i < n; i++)
		seen += calls[i].h == h3;
	EXPECT_EQ(1, seen);
	EXPECT_EQ(RASCS_Connected, calls[0].state);
	EXPECT_EQ(0, calls[0].error);
	EXPECT_EQ(0, RasHangUpA(h3));
	/* The first RasHangUp leaves the link up; the last ends it. */
	EXPECT_EQ(0, RasHangUpA(self->h2));
	self->h2 = NULL;
	usleep(1000 * 1000);
	EXPECT_TRUE(link_alive(self->h));
	EXPECT_EQ(0, RasHangUpA(self->h));
	EXPECT_TRUE(dt_wait_registry_empty(10000));
	self->h = NULL;
}

TEST_F(win, handle_must_be_null)
{
	RASDIALEXTENSIONS ext = {
		.dwSize = sizeof(ext),
		.dwfOptions = RDEOPT_PausedStates,
	};
	HRASCONN h = (HRASCONN)(uintptr_t)0x1234;
	RASDIALPARAMSA p;

	dt_params(&p, ENTRY, NULL);
	EXPECT_EQ(ERROR_INVALID_HANDLE, RasDialA(NULL, NULL, &p, 1, rec1, &h));
	EXPECT_EQ((HRASCONN)(uintptr_t)0x1234, h);
	h = NULL;
	EXPECT_EQ(ERROR_NOT_SUPPORTED, RasDialA(&ext, NULL, &p, 1, rec1, &h));
	EXPECT_EQ(NULL, h);
	EXPECT_EQ(0, dt_count_pppd());
}

TEST_F_TIMEOUT(win, enum_null_buffer, 60)
{
	RASDIALPARAMSA p;
	DWORD cb = 100000, n = 77;
	RASCONNA c[2];

	dt_params(&p, ENTRY, NULL);
	cb = 100000;
	EXPECT_EQ(0, RasEnumConnectionsA(NULL, &cb, &n));
	EXPECT_EQ(0, cb);
	EXPECT_EQ(0, n);
	ASSERT_EQ(0, RasDialA(NULL, NULL, &p, 0, NULL, &self->h));
	cb = 100000;
	EXPECT_EQ(ERROR_BUFFER_TOO_SMALL, RasEnumConnectionsA(NULL, &cb, &n));
	EXPECT_EQ(sizeof(RASCONNA), cb);
	EXPECT_EQ(1, n);
	cb = 0;
	EXPECT_EQ(ERROR_BUFFER_TOO_SMALL, RasEnumConnectionsA(NULL, &cb, &n));
	EXPECT_EQ(sizeof(RASCONNA), cb);
	c[0].dwSize = sizeof(c[0]);
	cb = sizeof(c);
	ASSERT_EQ(0, RasEnumConnectionsA(c, &cb, &n));
	EXPECT_EQ(1, n);
	EXPECT_EQ(self->h, c[0].hrasconn);
}

/* ------------------------------------------- saved credentials */

static DWORD set_creds(const char *user, const char *password)
{
	RASCREDENTIALSA rc = { .dwSize = sizeof(rc) };

	rc.dwMask = RASCM_UserName | RASCM_Password;
	snprintf(rc.szUserName, sizeof(rc.szUserName), "%s", user);
	snprintf(rc.szPassword, sizeof(rc.szPassword), "%s", password);
	return RasSetCredentialsA(NULL, ENTRY, &rc, 0);
}

/* A dial with szUserName and szPassword empty: what is saved. */
static DWORD dial_saved(HRASCONN *h)
{
	RASDIALPARAMSA p;

	dt_params(&p, ENTRY, "");
	p.szUserName[0] = '\0';
	return RasDialA(NULL, NULL, &p, 0, NULL, h);
}

TEST_F_TIMEOUT(win, saved_credentials_dial, 90)
{
	RASCREDENTIALSA rc = { .dwSize = sizeof(rc) };
	RASDIALPARAMSA p;
	BOOL saved = -1;
	struct stat st;

	ASSERT_EQ(0, set_creds(DT_USER, DT_SECRET));
	ASSERT_EQ(0, stat(CREDS, &st));
	EXPECT_EQ(0600, st.st_mode & 0777);

	rc.dwMask = RASCM_UserName | RASCM_Password | RASCM_Domain;
	ASSERT_EQ(0, RasGetCredentialsA(NULL, ENTRY, &rc));
	EXPECT_EQ(RASCM_UserName | RASCM_Password, rc.dwMask);
	EXPECT_STREQ(DT_USER, rc.szUserName);
	/* Never the password itself. */
	EXPECT_STRNE(DT_SECRET, rc.szPassword);
	EXPECT_EQ(16, strlen(rc.szPassword));

	memset(&p, 0, sizeof(p));
	p.dwSize = sizeof(p);
	strcpy(p.szEntryName, ENTRY);
	ASSERT_EQ(0, RasGetEntryDialParamsA(NULL, &p, &saved));
	EXPECT_EQ(1, saved);
	EXPECT_STREQ(DT_USER, p.szUserName);

	/* Empty password: the saved one authenticates. */
	ASSERT_EQ(0, dial_saved(&self->h));
	EXPECT_TRUE(link_alive(self->h));
	EXPECT_EQ(0, RasHangUpA(self->h));
	EXPECT_TRUE(dt_wait_registry_empty(10000));
	self->h = NULL;

	/* The handle from RasGetCredentials works as the password too. */
	dt_params(&p, ENTRY, rc.szPassword);
	ASSERT_EQ(0, RasDialA(NULL, NULL, &p, 0, NULL, &self->h));
	EXPECT_EQ(0, RasHangUpA(self->h));
	EXPECT_TRUE(dt_wait_registry_empty(10000));
	self->h = NULL;

	/* fRemovePassword: no password saved any more. */
	dt_params(&p, ENTRY, "");
	ASSERT_EQ(0, RasSetEntryDialParamsA(NULL, &p, 1));
	saved = -1;
	ASSERT_EQ(0, RasGetEntryDialParamsA(NULL, &p, &saved));
	EXPECT_EQ(0, saved);
	EXPECT_STREQ("", p.szPassword);
	EXPECT_STREQ(DT_USER, p.szUserName);
}

TEST_F_TIMEOUT(win, wrong_saved_password, 90)
{
	ASSERT_EQ(0, set_creds(DT_USER, "not-the-secret"));
	EXPECT_EQ(ERROR_AUTHENTICATION_FAILURE, dial_saved(&self->h));
}

/* szDomain reaches CHAP: the peer knows only "WORK\client". */
TEST_F_TIMEOUT(win, domain_reaches_chap, 90)
{
	RASCREDENTIALSA rc = { .dwSize = sizeof(rc) };

	dt_write_file("/etc/ppp/chap-secrets",
		      "\"WORK\\\\" DT_USER "\" " DT_SERVER " " DT_SECRET " *\n");
	rc.dwMask = RASCM_UserName | RASCM_Password | RASCM_Domain;
	strcpy(rc.szUserName, DT_USER);
	strcpy(rc.szPassword, DT_SECRET);
	strcpy(rc.szDomain, "WORK");
	ASSERT_EQ(0, RasSetCredentialsA(NULL, ENTRY, &rc, 0));
	ASSERT_EQ(0, dial_saved(&self->h));
	EXPECT_TRUE(link_alive(self->h));
}

TEST_HARNESS_MAIN
