// SPDX-License-Identifier: GPL-2.0
/*
 * The RasDialFunc1 contract (shared/seed-RASDIALFUNC1.md), sentence by
 * sentence, against a real answering pppd in the test VM.  Every sentence
 * holds in both relays: make check runs the suite with rasdial.ko and
 * again without it (vm/seed_callback@direct).
 * vm-relays: kernel direct
 */
#include "dialtest.h"

#include "kselftest_harness.h"

#define DIAL_TIMEOUT_MS 30000

/* What the callback does besides recording, set by each test. */
static struct {
	RASCONNSTATE sleep_in;		/* sleep this long in this state */
	int sleep_ms;
	RASCONNSTATE hangup_in;		/* call RasHangUp in this state */
	RASCONNSTATE dial_in;		/* call RasDial in this state */
	RASCONNSTATE status_in;		/* call RasGetConnectStatus here */
	int armed;			/* which of the above are on */
	/* results, written by the callback */
	DWORD hangup_ret;
	long long hangup_ms;		/* how long RasHangUp took */
	int pppd_alive_after_hangup;
	DWORD dial_ret;
	long long dial_ms;
	DWORD status_ret;
	RASCONNSTATUSA status;
	DWORD errstr_ret;
	char errstr[512];
	struct dt_kconn kernel_after_sleep;
	long queued_after_sleep;	/* direct mode: events pppd sent */
	unsigned int phase_before_sleep;
} act;

enum { ARM_SLEEP = 1, ARM_HANGUP = 2, ARM_DIAL = 4, ARM_STATUS = 8 };

static void WINAPI record_cb(HRASCONN h, UINT msg, RASCONNSTATE state,
			     DWORD error, DWORD ext_error)
{
	dt_record(h, msg, state, error, ext_error);
	if (error)
		return;
	if ((act.armed & ARM_SLEEP) && state == act.sleep_in) {
		struct dt_kconn before;

		act.armed &= ~ARM_SLEEP;
		dt_kernel_get(dt_conn_id(h), &before);
		act.phase_before_sleep = before.phase;
		usleep(act.sleep_ms * 1000);
		/* pppd must not have moved on while we slept */
		dt_kernel_get(dt_conn_id(h), &act.kernel_after_sleep);
		act.queued_after_sleep = dt_direct() ? dt_direct_queued() : 0;
	}
	if ((act.armed & ARM_HANGUP) && state == act.hangup_in) {
		struct dt_kconn k;
		long long t0 = dt_now_ms();

		act.armed &= ~ARM_HANGUP;
		act.hangup_ret = RasHangUpA(h);
		act.hangup_ms = dt_now_ms() - t0;
		usleep(300 * 1000);
		dt_kernel_get(dt_conn_id(h), &k);
		act.pppd_alive_after_hangup = k.found && k.pid &&
					      kill(k.pid, 0) == 0;
	}
	if ((act.armed & ARM_DIAL) && state == act.dial_in) {
		RASDIALPARAMSA p;
		HRASCONN h2 = NULL;
		long long t0 = dt_now_ms();

		act.armed &= ~ARM_DIAL;
		dt_params(&p, "seed", NULL);
		act.dial_ret = RasDialA(NULL, NULL, &p, 1, record_cb, &h2);
		act.dial_ms = dt_now_ms() - t0;
	}
	if ((act.armed & ARM_STATUS) && state == act.status_in) {
		act.armed &= ~ARM_STATUS;
		act.status.dwSize = sizeof(act.status);
		act.status_ret = RasGetConnectStatusA(h, &act.status);
		act.errstr_ret = RasGetErrorStringA(ERROR_LINE_BUSY,
						    act.errstr,
						    sizeof(act.errstr));
	}
}

FIXTURE(seed) {
	HRASCONN h;
	struct dt_call calls[DT_MAX_CALLS];
	int n;
};

FIXTURE_VARIANT(seed) {
	enum dt_auth auth;
};

FIXTURE_VARIANT_ADD(seed, chap) { .auth = DT_AUTH_CHAP };
FIXTURE_VARIANT_ADD(seed, pap) { .auth = DT_AUTH_PAP };

FIXTURE_SETUP(seed)
{
	dt_setup_entry("seed", variant->auth, NULL);
	self->h = NULL;
	memset(&act, 0, sizeof(act));
}

FIXTURE_TEARDOWN(seed)
{
	if (self->h)
		RasHangUpA(self->h);
	dt_wait_registry_empty(10000);
}

static DWORD dial(struct __test_metadata *_metadata, HRASCONN *h,
		  const char *password)
{
	RASDIALPARAMSA p;
	DWORD ret;

	dt_params(&p, "seed", password);
	ret = RasDialA(NULL, NULL, &p, 1, record_cb, h);
	EXPECT_EQ(0, ret);
	EXPECT_NE(NULL, *h);
	return ret;
}

/* A full dial: one hrasconn throughout, unMsg always WM_RASDIALEVENT,
 * the documented states in order, dwError 0 on entry to each state. */
TEST_F_TIMEOUT(seed, sequence_handle_and_message, 60)
{
	static const RASCONNSTATE expected[] = {
		RASCS_OpenPort, RASCS_DeviceConnected, RASCS_Authenticate,
		RASCS_Authenticated, RASCS_Projected, RASCS_Connected,
	};
	int last = -1;

	ASSERT_EQ(0, dial(_metadata, &self->h, NULL));
	ASSERT_TRUE(dt_wait(dt_done_connected_or_error, DIAL_TIMEOUT_MS,
			    self->calls, &self->n));
	dt_print_calls(self->calls, self->n);
	for (int i = 0; i < self->n; i++) {
		EXPECT_EQ(self->h, self->calls[i].h);
		EXPECT_EQ(WM_RASDIALEVENT, self->calls[i].msg);
		EXPECT_EQ(0xCCCD, self->calls[i].msg);
		EXPECT_EQ(0, self->calls[i].error);
		EXPECT_EQ(0, self->calls[i].ext_error);
	}
	for (size_t i = 0; i < sizeof(expected) / sizeof(expected[0]); i++) {
		int at = dt_find(self->calls, self->n, expected[i]);

		EXPECT_GT(at, last) TH_LOG("state %s missing or out of order",
					   rasdial_state_name(expected[i]));
		last = at;
	}
}

/* "RasDial calls RasDialFunc1 with dwError set to zero upon entry to each
 * connection state.  If an error occurs within a state, RasDial calls
 * RasDialFunc1 again with a nonzero dwError value."  The handle stays
 * valid until RasHangUp. */
TEST_F_TIMEOUT(seed, error_called_again_handle_valid, 60)
{
	RASCONNSTATUSA st = { .dwSize = sizeof(st) };
	struct dt_call *err_call = NULL;
	int entered = -1;

	ASSERT_EQ(0, dial(_metadata, &self->h, "wrong-password"));
	ASSERT_TRUE(dt_wait(dt_done_connected_or_error, DIAL_TIMEOUT_MS,
			    self->calls, &self->n));
	dt_print_calls(self->calls, self->n);
	for (int i = 0; i < self->n; i++)
		if (self->calls[i].error && !err_call)
			err_call = &self->calls[i];
	ASSERT_NE(NULL, err_call);
	EXPECT_EQ(ERROR_AUTHENTICATION_FAILURE, err_call->error);
	EXPECT_EQ(0, err_call->ext_error);
	/* the erroring state was entered before, with dwError 0 */
	entered = dt_find(self->calls, self->n, err_call->state);
	EXPECT_GE(entered, 0);
	EXPECT_LT(entered, (int)(err_call - self->calls));
	EXPECT_EQ(-1, dt_find(self->calls, self->n, RASCS_Connected));

	/* pppd is gone, the handle still answers with the failure */
	usleep(500 * 1000);
	ASSERT_EQ(0, RasGetConnectStatusA(self->h, &st));
	EXPECT_EQ(ERROR_AUTHENTICATION_FAILURE, st.dwError);
	EXPECT_EQ(err_call->state, st.rasconnstate);

	EXPECT_EQ(0, RasHangUpA(self->h));
	st.dwSize = sizeof(st);
	EXPECT_EQ(ERROR_INVALID_HANDLE, RasGetConnectStatusA(self->h, &st));
	self->h = NULL;
}

/* "A RasDial connection operation is suspended during a call to a
 * RasDialFunc1 callback function": while the callback sleeps, pppd stays
 * in the phase it was in and the kernel sees no newer state. */
TEST_F_TIMEOUT(seed, dial_suspended_during_callback, 60)
{
	int at, next;

	act.armed = ARM_SLEEP;
	act.sleep_in = RASCS_Authenticate;
	act.sleep_ms = 500;
	ASSERT_EQ(0, dial(_metadata, &self->h, NULL));
	ASSERT_TRUE(dt_wait(dt_done_connected_or_error, DIAL_TIMEOUT_MS,
			    self->calls, &self->n));
	dt_print_calls(self->calls, self->n);
	ASSERT_EQ(1, act.kernel_after_sleep.found);
	EXPECT_EQ(RASCS_Authenticate, act.kernel_after_sleep.state);
	/* The kernel has pppd's phase; in direct mode nothing pppd sent
	 * waits on our socket (it would have, ~10 ms into the sleep). */
	EXPECT_EQ(act.phase_before_sleep, act.kernel_after_sleep.phase);
	EXPECT_EQ(0, act.queued_after_sleep);
	at = dt_find(self->calls, self->n, RASCS_Authenticate);
	ASSERT_GE(at, 0);
	next = at + 1;
	ASSERT_LT(next, self->n);
	EXPECT_GE(self->calls[next].at_ms - self->calls[at].at_ms, 500);
	EXPECT_GE(dt_find(self->calls, self->n, RASCS_Connected), 0);
}

/* "RasHangUp can be called from within a RasDialFunc1 callback function.
 * However, much of the hang-up processing occurs after the callback
 * function has returned." */
TEST_F_TIMEOUT(seed, hangup_inside_callback, 60)
{
	struct dt_kconn k;

	act.armed = ARM_HANGUP;
	act.hangup_in = RASCS_AuthProject;
	ASSERT_EQ(0, dial(_metadata, &self->h, NULL));
	ASSERT_TRUE(dt_wait(dt_done_final, DIAL_TIMEOUT_MS, self->calls,
			    &self->n));
	dt_print_calls(self->calls, self->n);
	EXPECT_EQ(0, act.hangup_ret);
	EXPECT_LT(act.hangup_ms, 100);
	/* 300 ms after RasHangUp, still inside the callback: pppd waits */
	EXPECT_TRUE(act.pppd_alive_after_hangup);
	EXPECT_EQ(-1, dt_find(self->calls, self->n, RASCS_Connected));
	EXPECT_EQ(ERROR_USER_DISCONNECTION,
		  self->calls[self->n - 1].error);
	EXPECT_TRUE(dt_wait_registry_empty(5000));
	EXPECT_EQ(0, dt_kernel_get(0, &k));
	self->h = NULL;
}

/* "Do not call the RasDial function from within a RasDialFunc1 callback
 * function": doing so anyway gets an error, not a deadlock, and the first
 * dial carries on. */
TEST_F_TIMEOUT(seed, rasdial_inside_callback_fails, 60)
{
	act.armed = ARM_DIAL;
	act.dial_in = RASCS_Authenticated;
	ASSERT_EQ(0, dial(_metadata, &self->h, NULL));
	ASSERT_TRUE(dt_wait(dt_done_connected_or_error, DIAL_TIMEOUT_MS,
			    self->calls, &self->n));
	dt_print_calls(self->calls, self->n);
	EXPECT_NE(0, act.dial_ret);
	EXPECT_LT(act.dial_ms, 1000);
	EXPECT_GE(dt_find(self->calls, self->n, RASCS_Connected), 0);
	for (int i = 0; i < self->n; i++)
		EXPECT_EQ(self->h, self->calls[i].h);
}

/* RasGetConnectStatus and RasGetErrorString work inside the callback. */
TEST_F_TIMEOUT(seed, status_and_errorstring_inside_callback, 60)
{
	act.armed = ARM_STATUS;
	act.status_in = RASCS_Authenticate;
	ASSERT_EQ(0, dial(_metadata, &self->h, NULL));
	ASSERT_TRUE(dt_wait(dt_done_connected_or_error, DIAL_TIMEOUT_MS,
			    self->calls, &self->n));
	EXPECT_EQ(0, act.status_ret);
	EXPECT_EQ(RASCS_Authenticate, act.status.rasconnstate);
	EXPECT_EQ(0, act.status.dwError);
	EXPECT_EQ(0, act.errstr_ret);
	EXPECT_GT(strlen(act.errstr), 0);
}

/* RasHangUp after Connected: Disconnected with 631, pppd gone, registry
 * empty. */
TEST_F_TIMEOUT(seed, hangup_after_connected, 60)
{
	struct dt_kconn k;
	pid_t pid;

	ASSERT_EQ(0, dial(_metadata, &self->h, NULL));
	ASSERT_TRUE(dt_wait(dt_done_connected_or_error, DIAL_TIMEOUT_MS,
			    self->calls, &self->n));
	ASSERT_GE(dt_find(self->calls, self->n, RASCS_Connected), 0);
	ASSERT_EQ(0, dt_kernel_get(dt_conn_id(self->h), &k));
	ASSERT_EQ(1, k.found);
	pid = k.pid;
	ASSERT_GT(pid, 0);
	EXPECT_EQ(RASCS_Connected, k.state);
	EXPECT_STREQ("seed", k.entry);

	EXPECT_EQ(0, RasHangUpA(self->h));
	ASSERT_TRUE(dt_wait(dt_done_final, 10000, self->calls, &self->n));
	dt_print_calls(self->calls, self->n);
	EXPECT_EQ(RASCS_Disconnected, self->calls[self->n - 1].state);
	EXPECT_EQ(ERROR_USER_DISCONNECTION, self->calls[self->n - 1].error);
	EXPECT_TRUE(dt_wait_pid_gone(pid, 5000));
	EXPECT_TRUE(dt_wait_registry_empty(5000));
	self->h = NULL;
}

/* pppd killed outright: the callback hears Disconnected with an error
 * within 200 ms, from the kernel's watch on pppd's socket. */
TEST_F_TIMEOUT(seed, pppd_sigkill_reported, 60)
{
	struct dt_kconn k;
	struct dt_call *last;
	long long late;

	ASSERT_EQ(0, dial(_metadata, &self->h, NULL));
	ASSERT_TRUE(dt_wait(dt_done_connected_or_error, DIAL_TIMEOUT_MS,
			    self->calls, &self->n));
	ASSERT_GE(dt_find(self->calls, self->n, RASCS_Connected), 0);
	ASSERT_EQ(0, dt_kernel_get(dt_conn_id(self->h), &k));
	ASSERT_GT(k.pid, 0);
	ASSERT_EQ(0, dt_kill_until_end(k.pid, self->calls, &self->n, &last,
				       &late));
	EXPECT_EQ(RASCS_Disconnected, last->state);
	EXPECT_NE(0, last->error);
	EXPECT_LE(late, 200);
	EXPECT_TRUE(dt_wait_registry_empty(5000));
}

/* Another process sees the link while it is up, through the kernel; in
 * direct mode it does not (rasdial.h "The relay"): rasdial --status, a
 * fresh process, is not connected to it. */
TEST_F_TIMEOUT(seed, second_process_sees_link, 60)
{
	int status = -1;
	pid_t child;

	ASSERT_EQ(0, dial(_metadata, &self->h, NULL));
	ASSERT_TRUE(dt_wait(dt_done_connected_or_error, DIAL_TIMEOUT_MS,
			    self->calls, &self->n));
	ASSERT_GE(dt_find(self->calls, self->n, RASCS_Connected), 0);
	child = fork();
	ASSERT_GE(child, 0);
	if (child == 0 && dt_direct()) {
		char tool[PATH_MAX];
		int null = open("/dev/null", O_WRONLY);

		snprintf(tool, sizeof(tool), "%s/tools/rasdial",
			 getenv("TOPDIR") ? getenv("TOPDIR") : ".");
		dup2(null, 1);
		execl(tool, "rasdial", "--status", "seed", (char *)NULL);
		_exit(127);
	}
	if (child == 0) {
		struct dt_kconn k;

		/* a fresh socket: nothing of the dialer's shim state */
		if (dt_kernel_get(dt_conn_id(self->h), &k) || k.found != 1 ||
		    strcmp(k.entry, "seed") || k.state != RASCS_Connected)
			_exit(1);
		_exit(0);
	}
	ASSERT_EQ(child, waitpid(child, &status, 0));
	EXPECT_TRUE(WIFEXITED(status));
	/* rasdial --status: 1 "You are not connected to seed." */
	EXPECT_EQ(dt_direct() ? 1 : 0, WEXITSTATUS(status));
}

/* A synchronous RasDial (no notifier) returns 0 once connected. */
TEST_F_TIMEOUT(seed, synchronous_dial, 60)
{
	RASCONNSTATUSA st = { .dwSize = sizeof(st) };
	RASDIALPARAMSA p;

	dt_params(&p, "seed", NULL);
	ASSERT_EQ(0, RasDialA(NULL, NULL, &p, 1, NULL, &self->h));
	ASSERT_NE(NULL, self->h);
	ASSERT_EQ(0, RasGetConnectStatusA(self->h, &st));
	EXPECT_EQ(RASCS_Connected, st.rasconnstate);
	EXPECT_EQ(0, st.dwError);
}

/* A synchronous RasDial that fails returns the error and a handle. */
TEST_F_TIMEOUT(seed, synchronous_dial_failure, 60)
{
	RASDIALPARAMSA p;

	dt_params(&p, "seed", "wrong-password");
	EXPECT_EQ(ERROR_AUTHENTICATION_FAILURE,
		  RasDialA(NULL, NULL, &p, 1, NULL, &self->h));
	EXPECT_NE(NULL, self->h);
}

TEST_HARNESS_MAIN
