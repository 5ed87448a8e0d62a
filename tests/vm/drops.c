// SPDX-License-Identifier: GPL-2.0
/*
 * Link drops after RASCS_Connected, and pppd redialing by itself.
 *
 * Each drop case dials to Connected through the real API (RasDialA with
 * a RasDialFunc1 recorder and, from dialtest.h, RDEOPT_RasdialNotifyLinkEnd
 * so the notifier hears the end of the link), a peers entry whose modem is
 * build/tests/modemsim dialed by chat, with a real answering pppd behind
 * it; then the link is dropped one way and the case asserts:
 *   - the notifier's last call is RASCS_Disconnected with the case's
 *     dwError (after a call for Disconnected with dwError 0), ext 0;
 *   - RasConnectionNotification fired RASCN_Disconnection, for the handle
 *     and for every link (INVALID_HANDLE_VALUE);
 *   - RasGetConnectStatus says Disconnected and the same error, and pppd's
 *     exit status (Linux extension) is the expected one;
 *   - after RasHangUp (0) the handle is gone: ERROR_INVALID_HANDLE.
 *
 *   (a) the peer terminates LCP (its pppd gets SIGTERM)   629
 *   (b) carrier lost: modemsim drops carrier (SIGUSR1),
 *       the peer still running, no LCP Terminate          629
 *   (c) LCP echoes unanswered (peer SIGSTOPped)           829
 *   (d) idle 2                                            828
 *   (e) maxconnect 3                                      828
 *
 * persist maxfail 2 holdoff 1: the link drops (carrier lost), pppd
 * redials in the same session: same handle, RASCN_Disconnection at the
 * drop, RasGetConnectStatus gives each state of the redial as it comes,
 * RASCN_Connection again once connected; RasHangUp during holdoff returns
 * 0 and pppd exits.
 *
 * Runs inside the test VM (scripts/vm tests/vm/run-in-vm drops).
 */
#include <limits.h>
#include <poll.h>

#include "dialtest.h"

#include "kselftest_harness.h"
#include "../setup_skip.h"

#define D_ENTRY		"drop"
#define D_LINK		"/dev/ttyRASD"
#define D_NUMBER	"5550199"
#define D_MSLOG		"/tmp/drops-modemsim.log"
#define D_MSOUT		"/tmp/drops-modemsim.out"
#define D_PPPLOG	"/tmp/drops-pppd.log"
#define DIAL_TIMEOUT_MS	45000
#define DROP_TIMEOUT_MS	30000

/* The answering pppd behind modemsim (exec: its pid is modemsim's child). */
#define D_ANSWER(opts) \
	"exec /usr/sbin/pppd notty name " DT_SERVER " local nodefaultroute" \
	" noipdefault lcp-echo-interval 0 " DT_REMOTE_ADDR ":" DT_LOCAL_ADDR \
	" noauth " opts

static pid_t ms_pid;

/*
 * modemsim on D_LINK answering CONNECT with the answering pppd; DROP:
 * its --drop (NULL: the default, carrier drops 1 s after the peer ends).
 */
static int modemsim_start(const char *answer, const char *drop)
{
	const char *args[] = { "--link", D_LINK, "--result", "CONNECT",
			       "--delay", "50", "--answer", answer,
			       drop ? "--drop" : NULL, drop, NULL };

	ms_pid = dt_modemsim_start(D_MSLOG, D_MSOUT, args);
	return ms_pid > 0 ? 0 : -1;
}

/* /etc/ppp/peers/drop: the modem dialed by chat, EXTRA appended. */
static void write_entry(const char *extra)
{
	char text[2048];

	mkdir("/etc/ppp/peers", 0755);
	snprintf(text, sizeof(text),
		 D_LINK " 115200\n"
		 "connect \"/usr/sbin/chat -v -t 5 ABORT BUSY ABORT 'NO CARRIER'"
		 " '' ATZ OK 'ATDT\\\\T' CONNECT\"\n"
		 "local\nnocrtscts\nlock\nnoauth\n"
		 "remotename " DT_SERVER "\n"
		 "nodefaultroute\nnoipdefault\nlcp-echo-interval 0\n"
		 "debug\nlogfile " D_PPPLOG "\n%s\n",
		 extra ? extra : "");
	dt_write_file("/etc/ppp/peers/" D_ENTRY, text);
	unlink(D_PPPLOG);
}

/*
 * The recorder, plus what RasGetConnectStatus said from inside each call
 * (allowed there; the dial is suspended meanwhile, so it is the state the
 * call is about).
 */
static struct {
	RASCONNSTATE state;
	DWORD error, ret;
} gcs[DT_MAX_CALLS];

static void WINAPI drop_cb(HRASCONN h, UINT msg, RASCONNSTATE state,
			   DWORD error, DWORD ext_error)
{
	RASCONNSTATUSA st = { .dwSize = sizeof(st) };
	DWORD ret = RasGetConnectStatusA(h, &st);
	int i;

	pthread_mutex_lock(&dt_rec.lock);
	i = dt_rec.n;
	if (i < DT_MAX_CALLS) {
		gcs[i].ret = ret;
		gcs[i].state = st.rasconnstate;
		gcs[i].error = st.dwError;
	}
	pthread_mutex_unlock(&dt_rec.lock);
	dt_record(h, msg, state, error, ext_error);
}

static int connected(const struct dt_call *c, int n)
{
	return dt_done_connected_or_error(c, n);
}

/* Is the event set?  Waits up to MS for it, then resets it. */
static int event_fired(HANDLE ev, int ms)
{
	struct pollfd p = { .fd = rasdial_event_fd(ev), .events = POLLIN };
	uint64_t v;

	if (p.fd < 0 || poll(&p, 1, ms) != 1)
		return 0;
	return read(p.fd, &v, sizeof(v)) == sizeof(v) && v > 0;
}

FIXTURE(drop) {
	HRASCONN h;
	HANDLE one, all;
	struct dt_call calls[DT_MAX_CALLS];
	int n;
};

FIXTURE_SETUP(drop)
{
	if (geteuid())
		SETUP_SKIP("needs root");
	if (access("/dev/ppp", F_OK) || access("/usr/sbin/chat", X_OK))
		SETUP_SKIP("no /dev/ppp or no chat");
	mkdir("/var/lock", 0755);
	pthread_mutex_lock(&dt_rec.lock);
	dt_rec.n = 0;
	pthread_mutex_unlock(&dt_rec.lock);
	memset(gcs, 0, sizeof(gcs));
	self->h = NULL;
	self->n = 0;
	self->one = rasdial_event_create();
	self->all = rasdial_event_create();
	ASSERT_NE(NULL, self->one);
	ASSERT_NE(NULL, self->all);
	ms_pid = 0;
}

FIXTURE_TEARDOWN(drop)
{
	if (self->h)
		RasHangUpA(self->h);
	dt_modemsim_stop(&ms_pid);
	dt_wait_registry_empty(15000);
	dt_wait_no_pppd(10000);
	if (self->one)
		rasdial_event_close(self->one);
	if (self->all)
		rasdial_event_close(self->all);
	unlink(D_LINK);
}

/*
 * Dial to Connected (entry EXTRA, answering pppd options ANSWER), then
 * watch the link: RASCN_Disconnection for the handle, RASCN_Connection
 * and RASCN_Disconnection for every link.
 */
static void dial_up_drop(struct __test_metadata *_metadata,
			 FIXTURE_DATA(drop) *self, const char *extra,
			 const char *answer, const char *drop)
{
	RASDIALPARAMSA p;

	write_entry(extra);
	ASSERT_EQ(0, modemsim_start(answer, drop));
	ASSERT_EQ(0, RasConnectionNotificationA((HRASCONN)INVALID_HANDLE_VALUE,
						self->all, RASCN_Connection |
						RASCN_Disconnection));
	dt_params(&p, D_ENTRY, NULL);
	snprintf(p.szPhoneNumber, sizeof(p.szPhoneNumber), "%s", D_NUMBER);
	ASSERT_EQ(0u, RasDialA(NULL, NULL, &p, 1, drop_cb, &self->h));
	ASSERT_TRUE(dt_wait(connected, DIAL_TIMEOUT_MS, self->calls, &self->n));
	if (self->calls[self->n - 1].state != RASCS_Connected) {
		dt_print_calls(self->calls, self->n);
		dt_dump(D_PPPLOG);
		dt_dump(D_MSLOG);
	}
	ASSERT_EQ(RASCS_Connected, self->calls[self->n - 1].state);
	ASSERT_EQ(0, RasConnectionNotificationA(self->h, self->one,
						RASCN_Disconnection));
	EXPECT_TRUE(event_fired(self->all, 5000));	/* RASCN_Connection */
	EXPECT_FALSE(event_fired(self->one, 0));
}

static void dial_up(struct __test_metadata *_metadata,
		    FIXTURE_DATA(drop) *self, const char *extra,
		    const char *answer)
{
	dial_up_drop(_metadata, self, extra, answer, NULL);
}

/* pppd's exit status through the extension, waited for (bounded). */
static DWORD pppd_exit(HRASCONN h)
{
	DWORD ret = PENDING, st = 0;

	for (int i = 0; i < 400 && ret == PENDING; i++) {
		ret = rasdial_get_pppd_exit_status(h, &st);
		if (ret == PENDING)
			usleep(50000);
	}
	return ret ? 1000 + ret : st;
}

/*
 * After RasHangUp: RasGetConnectStatus until ERROR_INVALID_HANDLE, as
 * Windows tells programs to wait (bounded).  Returns its last answer.
 */
static DWORD wait_handle_gone(HRASCONN h)
{
	RASCONNSTATUSA st;
	DWORD ret = 0;

	for (int i = 0; i < 200; i++) {
		memset(&st, 0, sizeof(st));
		st.dwSize = sizeof(st);
		ret = RasGetConnectStatusA(h, &st);
		if (ret == ERROR_INVALID_HANDLE)
			break;
		usleep(50000);
	}
	return ret;
}

/*
 * The link's end as a program sees it: ERROR in RASCS_Disconnected, exit
 * status one of PPPD[0..1].
 */
static void check_drop(struct __test_metadata *_metadata,
		       FIXTURE_DATA(drop) *self, DWORD error,
		       const int pppd[2])
{
	RASCONNSTATUSA st;
	const struct dt_call *last;
	char msg[512] = "";
	int ok, i, entered = -1;
	DWORD exit_status;

	ok = dt_wait(dt_done_final, DROP_TIMEOUT_MS, self->calls, &self->n);
	dt_print_calls(self->calls, self->n);
	if (!ok || self->calls[self->n - 1].error != error) {
		dt_dump(D_PPPLOG);
		dt_dump(D_MSLOG);
	}
	ASSERT_TRUE(ok);
	last = &self->calls[self->n - 1];
	EXPECT_EQ(error, last->error);
	EXPECT_EQ(RASCS_Disconnected, last->state)
		TH_LOG("state %s", rasdial_state_name(last->state));
	EXPECT_EQ(0u, last->ext_error);
	EXPECT_EQ(self->h, last->h);
	for (i = 0; i < self->n - 1; i++) {
		EXPECT_EQ(0u, self->calls[i].error) TH_LOG("call %d", i);
		if (self->calls[i].state == RASCS_Disconnected)
			entered = i;
	}
	EXPECT_LE(0, entered) TH_LOG("no Disconnected without error first");
	EXPECT_EQ(0u, RasGetErrorStringA(last->error, msg, sizeof(msg)));
	fprintf(stderr, "# %u: %s\n", last->error, msg);

	/* RasConnectionNotification: the handle's watch and every link's. */
	EXPECT_TRUE(event_fired(self->one, 10000));
	EXPECT_TRUE(event_fired(self->all, 5000));

	/* The error stays readable until RasHangUp. */
	memset(&st, 0, sizeof(st));
	st.dwSize = sizeof(st);
	ASSERT_EQ(0u, RasGetConnectStatusA(self->h, &st));
	EXPECT_EQ(RASCS_Disconnected, st.rasconnstate);
	EXPECT_EQ(error, st.dwError);
	exit_status = pppd_exit(self->h);
	fprintf(stderr, "# pppd exit status %u\n", exit_status);
	EXPECT_TRUE(exit_status == (DWORD)pppd[0] ||
		    exit_status == (DWORD)pppd[1])
		TH_LOG("pppd exit status %u", exit_status);

	/* Then the handle goes. */
	EXPECT_EQ(0u, RasHangUpA(self->h));
	EXPECT_EQ((DWORD)ERROR_INVALID_HANDLE, wait_handle_gone(self->h));
	EXPECT_EQ((DWORD)ERROR_INVALID_HANDLE,
		  RasConnectionNotificationA(self->h, self->one,
					     RASCN_Disconnection));
	self->h = NULL;
	EXPECT_TRUE(dt_wait_registry_empty(10000));
}

/* (a) The peer ends the link: its pppd (SIGTERM) sends LCP Terminate. */
TEST_F_TIMEOUT(drop, peer_terminates_lcp_629, 90)
{
	pid_t peer;

	dial_up(_metadata, self, NULL, D_ANSWER(""));
	peer = dt_modemsim_answer_pid(D_MSLOG);
	ASSERT_LT(0, peer);
	kill(peer, SIGTERM);
	/* 0 when our side finishes first, 16 (or 5 for the tty's SIGHUP)
	 * when modemsim drops carrier after the peer is gone. */
	check_drop(_metadata, self, ERROR_REMOTE_DISCONNECTION,
		   (const int[2]){ 16, 5 });
	EXPECT_TRUE(dt_file_has(D_PPPLOG, "LCP terminated by peer"))
		dt_dump(D_PPPLOG);
}

/* (b) Carrier lost under a running link: no LCP Terminate, a tty hangup. */
TEST_F_TIMEOUT(drop, carrier_lost_629, 90)
{
	dial_up(_metadata, self, NULL, D_ANSWER(""));
	ASSERT_EQ(0, kill(ms_pid, SIGUSR1));
	/* 5: pppd counts the tty's SIGHUP as a user request when it comes
	 * before the read's EOF; the plugin maps it back to HANGUP. */
	check_drop(_metadata, self, ERROR_REMOTE_DISCONNECTION,
		   (const int[2]){ 16, 5 });
	EXPECT_TRUE(dt_file_has(D_MSLOG, "carrier lost (SIGUSR1)"));
	EXPECT_FALSE(dt_file_has(D_PPPLOG, "LCP terminated by peer"));
}

/* (c) The peer stops answering LCP echoes (SIGSTOP): link failure. */
TEST_F_TIMEOUT(drop, lcp_echo_failure_829, 90)
{
	pid_t peer;

	dial_up(_metadata, self,
		"lcp-echo-interval 1\nlcp-echo-failure 2\nlcp-restart 1",
		D_ANSWER(""));
	peer = dt_modemsim_answer_pid(D_MSLOG);
	ASSERT_LT(0, peer);
	kill(peer, SIGSTOP);
	check_drop(_metadata, self, ERROR_LINK_FAILURE,
		   (const int[2]){ 15, 16 });
	kill(peer, SIGKILL);
	kill(peer, SIGCONT);
	EXPECT_TRUE(dt_file_has(D_PPPLOG, "No response to 2 echo-requests"))
		dt_dump(D_PPPLOG);
}

/* (d) "idle 2": no traffic for 2 s ends the link. */
TEST_F_TIMEOUT(drop, idle_timeout_828, 90)
{
	dial_up(_metadata, self, "idle 2\nnoipv6", D_ANSWER("noipv6"));
	check_drop(_metadata, self, ERROR_IDLE_TIMEOUT,
		   (const int[2]){ 12, 12 });
}

/* (e) "maxconnect 3": the connect-time limit ends the link. */
TEST_F_TIMEOUT(drop, maxconnect_828, 90)
{
	dial_up(_metadata, self, "maxconnect 3", D_ANSWER(""));
	check_drop(_metadata, self, ERROR_IDLE_TIMEOUT,
		   (const int[2]){ 13, 13 });
	EXPECT_TRUE(dt_file_has(D_PPPLOG, "Connect time expired"))
		dt_dump(D_PPPLOG);
}

/* ------------------------------------------------------------ persist */

/* Index of the first call with an error, or -1. */
static int first_error(const struct dt_call *c, int n)
{
	for (int i = 0; i < n; i++)
		if (c[i].error)
			return i;
	return -1;
}

/* Connected again after the drop (or a second error). */
static int reconnected(const struct dt_call *c, int n)
{
	int e = first_error(c, n);

	if (e < 0)
		return 0;
	for (int i = e + 1; i < n; i++)
		if (c[i].state == RASCS_Connected || c[i].error)
			return 1;
	return 0;
}

/* The drop came (the first call with an error). */
static int dropped(const struct dt_call *c, int n)
{
	return first_error(c, n) >= 0;
}

/* A second call with an error (the end after RasHangUp). */
static int second_error(const struct dt_call *c, int n)
{
	int e = first_error(c, n);

	if (e < 0)
		return 0;
	for (int i = e + 1; i < n; i++)
		if (c[i].error)
			return 1;
	return 0;
}

/*
 * persist maxfail 2 holdoff 1: carrier lost, pppd redials by itself in
 * the same session; the program keeps its handle and sees it all.
 */
TEST_F_TIMEOUT(drop, persist_redial_same_handle, 120)
{
	RASCONNSTATUSA st;
	int e, i, open2 = -1, up2 = -1;
	HANDLE up_all = rasdial_event_create();
	HANDLE down_all = rasdial_event_create();

	ASSERT_NE(NULL, up_all);
	ASSERT_NE(NULL, down_all);
	dial_up(_metadata, self, "persist\nmaxfail 2\nholdoff 1",
		D_ANSWER(""));
	ASSERT_EQ(0, RasConnectionNotificationA((HRASCONN)INVALID_HANDLE_VALUE,
						up_all, RASCN_Connection));
	ASSERT_EQ(0, RasConnectionNotificationA((HRASCONN)INVALID_HANDLE_VALUE,
						down_all, RASCN_Disconnection));
	ASSERT_EQ(0, kill(ms_pid, SIGUSR1));
	ASSERT_TRUE(dt_wait(dropped, DROP_TIMEOUT_MS, NULL, NULL));
	/* The drop: RASCN_Disconnection for the handle and every link. */
	EXPECT_TRUE(event_fired(self->one, 5000));
	EXPECT_TRUE(event_fired(down_all, 5000));
	ASSERT_TRUE(dt_wait(reconnected, DIAL_TIMEOUT_MS, self->calls,
			    &self->n)) {
		dt_print_calls(self->calls, self->n);
		dt_dump(D_PPPLOG);
		dt_dump(D_MSLOG);
	}
	dt_print_calls(self->calls, self->n);
	e = first_error(self->calls, self->n);
	/* The drop: Disconnected with 629, not the end of the handle. */
	EXPECT_EQ(RASCS_Disconnected, self->calls[e].state);
	EXPECT_EQ((DWORD)ERROR_REMOTE_DISCONNECTION, self->calls[e].error);
	/* The redial: from OpenPort to Connected again, no error. */
	for (i = e + 1; i < self->n; i++) {
		EXPECT_EQ(0u, self->calls[i].error) TH_LOG("call %d", i);
		EXPECT_EQ(self->h, self->calls[i].h);
		if (self->calls[i].state == RASCS_OpenPort && open2 < 0)
			open2 = i;
		if (self->calls[i].state == RASCS_Connected)
			up2 = i;
		/* RasGetConnectStatus from the notifier: the redial's own
		 * state, no error left over from the drop. */
		EXPECT_EQ(0u, gcs[i].ret);
		EXPECT_EQ(self->calls[i].state, gcs[i].state) TH_LOG("call %d", i);
		EXPECT_EQ(0u, gcs[i].error) TH_LOG("call %d", i);
	}
	EXPECT_LT(e, open2);
	EXPECT_LT(open2, up2);
	if (open2 > e)
		fprintf(stderr, "# redial began %lld ms after the drop\n",
			self->calls[open2].at_ms - self->calls[e].at_ms);
	/* Connected again: RASCN_Connection (every link), same handle. */
	EXPECT_TRUE(event_fired(up_all, 5000));
	EXPECT_FALSE(event_fired(self->one, 0));
	memset(&st, 0, sizeof(st));
	st.dwSize = sizeof(st);
	ASSERT_EQ(0u, RasGetConnectStatusA(self->h, &st));
	EXPECT_EQ(RASCS_Connected, st.rasconnstate);
	EXPECT_EQ(0u, st.dwError);
	EXPECT_EQ(2, dt_file_count(D_MSLOG, "dial " D_NUMBER " "));

	/* The per-handle watch is still armed: it fires at the end too. */
	EXPECT_EQ(0u, RasHangUpA(self->h));
	ASSERT_TRUE(dt_wait(second_error, DROP_TIMEOUT_MS, self->calls,
			    &self->n));
	EXPECT_EQ((DWORD)ERROR_USER_DISCONNECTION,
		  self->calls[self->n - 1].error);
	EXPECT_TRUE(event_fired(self->one, 5000));
	EXPECT_TRUE(event_fired(down_all, 5000));
	EXPECT_EQ((DWORD)ERROR_INVALID_HANDLE, wait_handle_gone(self->h));
	self->h = NULL;
	rasdial_event_close(up_all);
	rasdial_event_close(down_all);
}

/*
 * persist: RasHangUp while pppd holds off before redialing returns 0,
 * pppd exits (USER_REQUEST), the handle goes; no second call is dialed.
 * The peer ends the link by its own "maxconnect 5" (LCP Terminate) and
 * modemsim keeps the line up (--drop -1): a carrier drop would raise
 * SIGHUP on pppd's tty, and SIGHUP during holdoff makes pppd redial at
 * once (pppd(8)), so the holdoff would not be there to hang up in.
 */
TEST_F_TIMEOUT(drop, persist_hangup_in_holdoff, 120)
{
	RASCONNSTATUSA st;
	struct dt_kconn k;
	pid_t pppd;
	int e;

	/* holdoff 3: a window that a slow VM still hits after the ACK. */
	dial_up_drop(_metadata, self,
		     "persist\nmaxfail 2\nholdoff 3\nlcp-restart 1\nnoipv6",
		     D_ANSWER("maxconnect 5 noipv6"), "-1");
	ASSERT_EQ(0, dt_kernel_get(dt_conn_id(self->h), &k));
	pppd = (pid_t)k.pid;
	ASSERT_LT(0, pppd);
	ASSERT_TRUE(dt_wait(dropped, DROP_TIMEOUT_MS, self->calls, &self->n)) {
		dt_print_calls(self->calls, self->n);
		dt_dump(D_PPPLOG);
	}
	e = first_error(self->calls, self->n);
	EXPECT_EQ(RASCS_Disconnected, self->calls[e].state);
	EXPECT_EQ((DWORD)ERROR_REMOTE_DISCONNECTION, self->calls[e].error);
	EXPECT_TRUE(event_fired(self->one, 5000));
	/* Past the drop's ACK: pppd is in holdoff now. */
	usleep(500000);
	memset(&st, 0, sizeof(st));
	st.dwSize = sizeof(st);
	ASSERT_EQ(0u, RasGetConnectStatusA(self->h, &st));
	EXPECT_EQ(RASCS_Disconnected, st.rasconnstate);
	EXPECT_EQ((DWORD)ERROR_REMOTE_DISCONNECTION, st.dwError);
	/* The same pppd holds the handle: still listed, not over. */
	ASSERT_EQ(0, dt_kernel_get(dt_conn_id(self->h), &k));
	EXPECT_EQ(1, k.found);
	EXPECT_EQ((unsigned int)pppd, k.pid);
	EXPECT_EQ(0, waitpid(pppd, NULL, WNOHANG));

	EXPECT_EQ(0u, RasHangUpA(self->h));
	EXPECT_TRUE(dt_wait_pid_gone(pppd, 10000));
	ASSERT_TRUE(dt_wait(second_error, DROP_TIMEOUT_MS, self->calls,
			    &self->n));
	dt_print_calls(self->calls, self->n);
	EXPECT_EQ(RASCS_Disconnected, self->calls[self->n - 1].state);
	EXPECT_EQ((DWORD)ERROR_USER_DISCONNECTION,
		  self->calls[self->n - 1].error);
	/* No redial began. */
	for (int i = e + 1; i < self->n; i++)
		EXPECT_NE(RASCS_OpenPort, self->calls[i].state);
	EXPECT_EQ(1, dt_file_count(D_MSLOG, "dial " D_NUMBER " "));
	/* USER_REQUEST: the handle is gone, so pppd's own log says it. */
	EXPECT_TRUE(dt_file_has(D_PPPLOG, "Terminating on signal 15"))
		dt_dump(D_PPPLOG);
	EXPECT_EQ((DWORD)ERROR_INVALID_HANDLE, wait_handle_gone(self->h));
	self->h = NULL;
}

TEST_HARNESS_MAIN
