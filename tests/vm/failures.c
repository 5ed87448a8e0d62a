// SPDX-License-Identifier: GPL-2.0
/*
 * Failure fidelity: every way a dial fails gets its own RAS error, with
 * rasdial.ko and without it (vm/failures@direct).
 * vm-relays: kernel direct
 *
 * Each case dials through the real API (RasDialA, a RasDialFunc1
 * recorder) a peers entry whose modem is build/tests/modemsim, dialed by
 * the distro's chat (run by the plugin's rasdial-connect helper), with a
 * real answering pppd behind it where the case needs one.  Each asserts
 * the error, the RASCONNSTATE it came in, dwExtendedError 0, that the
 * notifier was called for that state first without and then with the
 * error, that RasGetErrorString has a message for it, and that
 * RasGetConnectStatus reports the same state and error.
 *
 * Runs inside the test VM (scripts/vm tests/vm/run-in-vm failures).
 */
#include <limits.h>
#include <sys/sysmacros.h>

#include "dialtest.h"

#include "kselftest_harness.h"
#include "../setup_skip.h"

#define F_ENTRY		"fail"
#define F_LINK		"/dev/ttyRASF"
#define F_NUMBER	"5551234"
#define F_MSLOG		"/tmp/failures-modemsim.log"
#define F_MSOUT		"/tmp/failures-modemsim.out"
#define F_PPPLOG	"/tmp/failures-pppd.log"
#define F_NODEV		"/dev/ttyRASnodev"
#define DIAL_TIMEOUT_MS	45000

/* The answering pppd behind modemsim (exec: its pid is modemsim's child). */
#define F_ANSWER(opts) \
	"exec /usr/sbin/pppd notty name " DT_SERVER " local nodefaultroute" \
	" noipdefault lcp-echo-interval 0 " DT_REMOTE_ADDR ":" DT_LOCAL_ADDR \
	" " opts

static pid_t ms_pid;

/* modemsim on F_LINK answering RESULT; ANSWER/DROP optional. */
static int modemsim_start(const char *result, const char *answer,
			  const char *drop)
{
	const char *args[11] = { "--link", F_LINK, "--result", result,
				 "--delay", "50" };
	int n = 6;

	if (answer) {
		args[n++] = "--answer";
		args[n++] = answer;
	}
	if (drop) {
		args[n++] = "--drop";
		args[n++] = drop;
	}
	args[n] = NULL;
	ms_pid = dt_modemsim_start(F_MSLOG, F_MSOUT, args);
	return ms_pid > 0 ? 0 : -1;
}

/*
 * /etc/ppp/peers/fail: the modem on DEVICE dialed by chat with every
 * usual ABORT string; \T is the number RASDIALPARAMS gives.  EXTRA is
 * appended.  /etc/ppp/options says auth, lock, crtscts, modem: a pty
 * has no modem lines, and authenticating the peer is per case.
 */
static void write_entry_chat(const char *device, int chat_timeout,
			     const char *extra)
{
	char text[2048];

	dt_write_secrets();
	snprintf(text, sizeof(text),
		 "%s 115200\n"
		 "connect \"/usr/sbin/chat -v -t %d ABORT BUSY ABORT 'NO CARRIER'"
		 " ABORT 'NO DIALTONE' ABORT 'NO ANSWER' ABORT ERROR"
		 " '' ATZ OK 'ATDT\\\\T' CONNECT\"\n"
		 "local\nnocrtscts\nlock\n"
		 "remotename " DT_SERVER "\n"
		 "nodefaultroute\nnoipdefault\nlcp-echo-interval 0\n"
		 "debug\nlogfile " F_PPPLOG "\n%s\n",
		 device, chat_timeout, extra ? extra : "noauth");
	dt_write_file("/etc/ppp/peers/" F_ENTRY, text);
	unlink(F_PPPLOG);
}

static void write_entry(const char *device, const char *extra)
{
	write_entry_chat(device, 3, extra);
}

/* What each case expects. */
struct expect {
	DWORD error;
	RASCONNSTATE state;
	int pppd[2];		/* pppd exit statuses accepted, 0 = none */
};

static void WINAPI fail_cb(HRASCONN h, UINT msg, RASCONNSTATE state,
			   DWORD error, DWORD ext_error)
{
	dt_record(h, msg, state, error, ext_error);
}

static int connected(const struct dt_call *c, int n)
{
	return dt_done_connected_or_error(c, n);
}

FIXTURE(fail) {
	HRASCONN h;
	struct dt_call calls[DT_MAX_CALLS];
	int n;
};

FIXTURE_SETUP(fail)
{
	if (geteuid())
		SETUP_SKIP("needs root");
	if (access("/dev/ppp", F_OK) || access("/usr/sbin/chat", X_OK))
		SETUP_SKIP("no /dev/ppp or no chat");
	/* pppd's UUCP lock dir; /var is a fresh tmpfs in the VM. */
	mkdir("/var/lock", 0755);
	dt_rec_reset();
	self->h = NULL;
	self->n = 0;
	ms_pid = 0;
}

FIXTURE_TEARDOWN(fail)
{
	if (self->h)
		RasHangUpA(self->h);
	dt_modemsim_stop(&ms_pid);
	dt_wait_registry_empty(15000);
	unlink(F_LINK);
}

static DWORD start_dial(HRASCONN *h, const char *password)
{
	RASDIALPARAMSA p;

	dt_params(&p, F_ENTRY, password);
	snprintf(p.szPhoneNumber, sizeof(p.szPhoneNumber), "%s", F_NUMBER);
	return RasDialA(NULL, NULL, &p, 1, fail_cb, h);
}

/*
 * The end of a failed dial as the contract has it: the notifier heard
 * STATE with dwError 0, then STATE again with ERROR; dwExtendedError 0;
 * RasGetErrorString knows ERROR; RasGetConnectStatus says the same.
 */
static void check_failure(struct __test_metadata *_metadata,
			  FIXTURE_DATA(fail) *self, const struct expect *want,
			  int status_too)
{
	const struct dt_call *last;
	RASCONNSTATUSA st;
	char msg[512] = "";
	int ok, i, entered = -1;

	ok = dt_wait(dt_done_final, DIAL_TIMEOUT_MS, self->calls, &self->n);
	dt_print_calls(self->calls, self->n);
	if (!ok || !self->n || self->calls[self->n - 1].error != want->error) {
		dt_dump(F_PPPLOG);
		dt_dump(F_MSLOG);
	}
	ASSERT_TRUE(ok);
	last = &self->calls[self->n - 1];
	EXPECT_EQ(want->error, last->error);
	EXPECT_EQ(want->state, last->state)
		TH_LOG("state %s", rasdial_state_name(last->state));
	EXPECT_EQ(0u, last->ext_error);
	EXPECT_EQ(WM_RASDIALEVENT, last->msg);
	for (i = 0; i < self->n - 1; i++)
		if (self->calls[i].state == last->state && !self->calls[i].error)
			entered = i;
	EXPECT_LE(0, entered) TH_LOG("no call for the state without error first");
	/* Exactly one call carries the error. */
	for (i = 0; i < self->n - 1; i++)
		EXPECT_EQ(0u, self->calls[i].error) TH_LOG("call %d", i);

	EXPECT_EQ(0u, RasGetErrorStringA(last->error, msg, sizeof(msg)));
	EXPECT_NE(0u, strlen(msg));
	fprintf(stderr, "# %u: %s\n", last->error, msg);

	if (!status_too)
		return;
	memset(&st, 0, sizeof(st));
	st.dwSize = sizeof(st);
	ASSERT_EQ(0u, RasGetConnectStatusA(self->h, &st));
	EXPECT_EQ(want->error, st.dwError);
	EXPECT_EQ(want->state, st.rasconnstate);

	/* pppd's own exit status, through the Linux extension. */
	if (want->pppd[0]) {
		DWORD ret = PENDING, pst = 0;

		for (i = 0; i < 400 && ret == PENDING; i++) {
			ret = rasdial_get_pppd_exit_status(self->h, &pst);
			if (ret == PENDING)
				usleep(50000);
		}
		EXPECT_EQ(0u, ret);
		EXPECT_TRUE(pst == (DWORD)want->pppd[0] ||
			    pst == (DWORD)want->pppd[1])
			TH_LOG("pppd exit status %u", pst);
		fprintf(stderr, "# pppd exit status %u\n", pst);
	}
}

/*
 * A dial that fails as WANT says: the entry on F_LINK with EXTRA, modemsim
 * answering RESULT (then ANSWER, if given), PASSWORD offered.
 */
static void modem_fails(struct __test_metadata *_metadata,
			FIXTURE_DATA(fail) *self, const struct expect *want,
			const char *extra, const char *result,
			const char *answer, const char *password)
{
	write_entry(F_LINK, extra);
	ASSERT_EQ(0, modemsim_start(result, answer, NULL));
	ASSERT_EQ(0u, start_dial(&self->h, password));
	check_failure(_metadata, self, want, 1);
}

/* Chat's ABORT strings and timeout, one result per case. */
static void chat_case(struct __test_metadata *_metadata,
		      FIXTURE_DATA(fail) *self, const char *result, DWORD error)
{
	struct expect want = { error, RASCS_ConnectDevice, { 8 } };

	modem_fails(_metadata, self, &want, NULL, result, NULL, NULL);
	/* chat dialed RASDIALPARAMS.szPhoneNumber (\T = -T from the plugin). */
	EXPECT_TRUE(dt_file_has(F_MSLOG, "dial " F_NUMBER " "));
	if (error == ERROR_NO_ANSWER && !strcmp(result, "SILENT"))
		EXPECT_TRUE(dt_file_has(F_PPPLOG, "chat exit 3"));
}

/* One test per modem answer: NAME, what modemsim answers, the error. */
#define CHAT_CASE(name, result, error)					\
	TEST_F_TIMEOUT(fail, name, 60)					\
	{								\
		chat_case(_metadata, self, result, error);		\
	}

CHAT_CASE(busy_676, "BUSY", ERROR_LINE_BUSY)
CHAT_CASE(no_carrier_679, "NO_CARRIER", ERROR_NO_CARRIER)
CHAT_CASE(no_dialtone_680, "NO DIALTONE", ERROR_NO_DIALTONE)
CHAT_CASE(no_answer_678, "NO_ANSWER", ERROR_NO_ANSWER)
CHAT_CASE(chat_timeout_678, "SILENT", ERROR_NO_ANSWER)
CHAT_CASE(modem_error_651, "ERROR", ERROR_FROM_DEVICE)

/* Wrong password against a server demanding AUTH: 691 in Authenticate. */
static void wrong_password(struct __test_metadata *_metadata,
			   FIXTURE_DATA(fail) *self, const char *answer)
{
	/* pppd may say HANGUP: the peer's close can beat its own verdict. */
	struct expect want = { ERROR_AUTHENTICATION_FAILURE, RASCS_Authenticate,
			       { 19, 16 } };

	modem_fails(_metadata, self, &want, NULL, "CONNECT", answer,
		    "not-the-password");
}

TEST_F_TIMEOUT(fail, chap_wrong_password_691, 60)
{
	wrong_password(_metadata, self, F_ANSWER("auth require-chap"));
}

TEST_F_TIMEOUT(fail, pap_wrong_password_691, 60)
{
	wrong_password(_metadata, self, F_ANSWER("auth require-pap"));
}

/* We require CHAP of the server and it answers with the wrong secret. */
TEST_F_TIMEOUT(fail, server_fails_our_auth_778, 60)
{
	struct expect want = { ERROR_UNABLE_TO_AUTHENTICATE_SERVER,
			       RASCS_Authenticate, { 11, 16 } };

	modem_fails(_metadata, self, &want, "auth\nrequire-chap", "CONNECT",
		    F_ANSWER("noauth password not-the-secret"), NULL);
}

/* A device node with no device behind it (an unplugged modem): 797. */
TEST_F_TIMEOUT(fail, device_missing_797, 60)
{
	struct expect want = { ERROR_CONNECTING_DEVICE_NOT_FOUND,
			       RASCS_ConnectDevice, { 7 } };

	unlink(F_NODEV);
	/* ttyS127: far beyond the 8250 ports the kernel registered. */
	ASSERT_EQ(0, mknod(F_NODEV, S_IFCHR | 0600, makedev(4, 64 + 127)));
	write_entry(F_NODEV, NULL);
	ASSERT_EQ(0u, start_dial(&self->h, NULL));
	check_failure(_metadata, self, &want, 1);
	EXPECT_TRUE(dt_file_has(F_PPPLOG, "Failed to open"));
	unlink(F_NODEV);
}

/* A device path that does not exist at all (a USB modem never plugged
 * in): pppd stops at option parsing with status 2; still 797. */
TEST_F_TIMEOUT(fail, device_path_missing_797, 60)
{
	struct expect want = { ERROR_CONNECTING_DEVICE_NOT_FOUND,
			       RASCS_OpenPort, { 2 } };

	unlink("/dev/ttyUSB-rasdial-none");
	write_entry("/dev/ttyUSB-rasdial-none", NULL);
	ASSERT_EQ(0u, start_dial(&self->h, NULL));
	check_failure(_metadata, self, &want, 1);
}

/* The same, dialed synchronously: RasDial's own return is 797 (the
 * device check runs on the caller's thread then, not the spawner's). */
TEST_F_TIMEOUT(fail, device_path_missing_797_sync, 60)
{
	RASDIALPARAMSA p;

	unlink("/dev/ttyUSB-rasdial-none");
	write_entry("/dev/ttyUSB-rasdial-none", NULL);
	dt_params(&p, F_ENTRY, NULL);
	snprintf(p.szPhoneNumber, sizeof(p.szPhoneNumber), "%s", F_NUMBER);
	EXPECT_EQ(ERROR_CONNECTING_DEVICE_NOT_FOUND,
		  RasDialA(NULL, NULL, &p, 0, NULL, &self->h));
	EXPECT_EQ(0, self->n);
}

/* Another pppd holds the device's UUCP lock: 633. */
TEST_F_TIMEOUT(fail, device_locked_633, 60)
{
	struct expect want = { ERROR_PORT_NOT_AVAILABLE, RASCS_ConnectDevice,
			       { 6 } };
	pid_t holder;
	int locked = 0;

	write_entry(F_LINK, NULL);
	ASSERT_EQ(0, modemsim_start("SILENT", NULL, NULL));
	holder = fork();
	if (holder == 0) {
		int nul = open("/dev/null", O_RDWR);

		dup2(nul, 0);
		dup2(nul, 1);
		dup2(nul, 2);
		setsid();
		execl("/usr/sbin/pppd", "pppd", F_LINK, "lock", "local",
		      "nocrtscts", "noauth", "nodetach", "connect", "sleep 30",
		      (char *)NULL);
		_exit(127);
	}
	ASSERT_LT(0, holder);
	for (int i = 0; i < 100 && !locked; i++) {
		locked = !access("/var/lock/LCK..ttyRASF", F_OK) ||
			 !access("/run/lock/LCK..ttyRASF", F_OK);
		usleep(100000);
	}
	EXPECT_TRUE(locked);
	ASSERT_EQ(0u, start_dial(&self->h, NULL));
	check_failure(_metadata, self, &want, 1);
	kill(holder, SIGTERM);
	for (int i = 0; i < 100 && waitpid(holder, NULL, WNOHANG) == 0; i++)
		usleep(100000);
	if (waitpid(holder, NULL, WNOHANG) == 0) {
		kill(holder, SIGKILL);
		waitpid(holder, NULL, 0);
	}
}

/* The answering side never speaks PPP: LCP gets no answer, 718. */
TEST_F_TIMEOUT(fail, lcp_no_answer_718, 60)
{
	/* pppd's exit code may be HANGUP: modemsim drops carrier as it quits. */
	struct expect want = { ERROR_PPP_TIMEOUT, RASCS_AllDevicesConnected,
			       { 10, 16 } };

	modem_fails(_metadata, self, &want,
		    "noauth\nlcp-max-configure 3\nlcp-restart 1", "CONNECT",
		    "exec sleep 60", NULL);
}

/* The line echoes everything: LCP sees its own magic number, 737. */
TEST_F_TIMEOUT(fail, loopback_737, 60)
{
	struct expect want = { ERROR_PPP_LOOPBACK_DETECTED,
			       RASCS_AllDevicesConnected, { 17 } };

	modem_fails(_metadata, self, &want, "noauth\nlcp-restart 1", "CONNECT",
		    "exec cat", NULL);
}

/* The server runs no network protocol at all: 720 in AuthProject. */
TEST_F_TIMEOUT(fail, no_network_protocol_720, 60)
{
	struct expect want = { ERROR_PPP_NO_PROTOCOLS_CONFIGURED,
			       RASCS_AuthProject, { 10, 16 } };

	write_entry(F_LINK, "noauth\nlcp-restart 1");
	ASSERT_EQ(0, modemsim_start("CONNECT",
				    F_ANSWER("noauth noip noipv6"), "-1"));
	ASSERT_EQ(0u, start_dial(&self->h, NULL));
	check_failure(_metadata, self, &want, 1);
}

/* Dial to Connected against a server without authentication. */
static void dial_up(struct __test_metadata *_metadata,
		    FIXTURE_DATA(fail) *self, const char *extra,
		    const char *drop)
{
	char text[512];

	snprintf(text, sizeof(text), "noauth\n%s", extra);
	write_entry(F_LINK, text);
	ASSERT_EQ(0, modemsim_start("CONNECT", F_ANSWER("noauth"), drop));
	ASSERT_EQ(0u, start_dial(&self->h, NULL));
	ASSERT_TRUE(dt_wait(connected, DIAL_TIMEOUT_MS, self->calls, &self->n));
	if (self->calls[self->n - 1].state != RASCS_Connected) {
		dt_print_calls(self->calls, self->n);
		dt_dump(F_PPPLOG);
	}
	ASSERT_EQ(RASCS_Connected, self->calls[self->n - 1].state);
}

/* The server stops answering LCP echoes after Connected: 829. */
TEST_F_TIMEOUT(fail, lcp_echo_failure_829, 90)
{
	struct expect want = { ERROR_LINK_FAILURE, RASCS_Disconnected, { 15, 16 } };
	pid_t peer;

	dial_up(_metadata, self, "lcp-echo-interval 1\nlcp-echo-failure 2\nlcp-restart 1",
		NULL);
	peer = dt_modemsim_answer_pid(F_MSLOG);
	ASSERT_LT(0, peer);
	kill(peer, SIGSTOP);
	check_failure(_metadata, self, &want, 1);
	kill(peer, SIGKILL);
	kill(peer, SIGCONT);
}

/* "idle 2": no traffic for 2 s ends the link, 828. */
TEST_F_TIMEOUT(fail, idle_timeout_828, 90)
{
	struct expect want = { ERROR_IDLE_TIMEOUT, RASCS_Disconnected, { 12 } };

	dial_up(_metadata, self, "idle 2\nnoipv6", NULL);
	check_failure(_metadata, self, &want, 1);
}

/* The server dies after Connected; the modem loses carrier: 629. */
TEST_F_TIMEOUT(fail, peer_hangs_up_629, 90)
{
	/* 5 when the tty's SIGHUP beats the EOF (pppd: "Hangup (SIGHUP)"). */
	struct expect want = { ERROR_REMOTE_DISCONNECTION, RASCS_Disconnected,
			       { 16, 5 } };
	pid_t peer;

	dial_up(_metadata, self, "", NULL);
	peer = dt_modemsim_answer_pid(F_MSLOG);
	ASSERT_LT(0, peer);
	kill(peer, SIGKILL);
	check_failure(_metadata, self, &want, 1);
}

/* An administrator stops our pppd (SIGTERM, as RasHangUp does): 631. */
TEST_F_TIMEOUT(fail, local_hangup_631, 90)
{
	struct expect want = { ERROR_USER_DISCONNECTION, RASCS_Disconnected,
			       { 5 } };
	struct dt_kconn k;

	dial_up(_metadata, self, "", NULL);
	ASSERT_EQ(0, dt_kernel_get(dt_conn_id(self->h), &k));
	ASSERT_LT(0u, k.pid);
	kill((pid_t)k.pid, SIGTERM);
	check_failure(_metadata, self, &want, 1);
}

/*
 * RasHangUp: the notifier hears 631 last.  The handle belongs to the
 * hang-up now, so RasGetConnectStatus is not asked.
 */
TEST_F_TIMEOUT(fail, rashangup_631, 90)
{
	struct expect want = { ERROR_USER_DISCONNECTION, RASCS_Disconnected, { 0 } };

	dial_up(_metadata, self, "", NULL);
	ASSERT_EQ(0u, RasHangUpA(self->h));
	check_failure(_metadata, self, &want, 0);
	self->h = NULL;
}

/*
 * RasHangUp while chat dials: chat must go with pppd, or it keeps the
 * modem dialing (a call billed after the user cancelled, the tty held).
 * pppd signals only its child, rasdial-connect, which passes it on.
 */
TEST_F_TIMEOUT(fail, hangup_while_dialing_drops_line, 60)
{
	long long t0, t = 0;
	int dialing = 0, dropped = 0;

	/* chat would wait 30 s for an answer: only the hang-up ends it. */
	write_entry_chat(F_LINK, 30, NULL);
	ASSERT_EQ(0, modemsim_start("SILENT", NULL, NULL));
	ASSERT_EQ(0u, start_dial(&self->h, NULL));
	for (int i = 0; i < 400 && !dialing; i++) {
		dialing = dt_file_has(F_MSLOG, "dial " F_NUMBER " ");
		if (!dialing)
			usleep(50000);
	}
	ASSERT_TRUE(dialing) dt_dump(F_MSLOG);
	t0 = dt_now_ms();
	ASSERT_EQ(0u, RasHangUpA(self->h));
	self->h = NULL;
	/* Bounded: 3 s, to say how late a late drop was. */
	while (!dropped && (t = dt_now_ms() - t0) < 3000) {
		dropped = dt_file_has(F_MSLOG, "hangup: dialer closed the line");
		if (!dropped)
			usleep(20000);
	}
	fprintf(stderr, "# line %s %lld ms after RasHangUp\n",
		dropped ? "dropped" : "still held", t);
	if (!dropped || t > 1000) {
		dt_dump(F_MSLOG);
		dt_dump(F_PPPLOG);
	}
	EXPECT_TRUE(dropped);
	EXPECT_LE(t, 1000);
}

/*
 * szPhoneNumber reaches the modem only as a dial string: a ';' (back to
 * command mode) and AT commands after it are refused before chat runs.
 */
TEST_F_TIMEOUT(fail, phone_number_not_a_dial_string_refused, 60)
{
	RASDIALPARAMSA p;
	int ok;

	write_entry(F_LINK, NULL);
	ASSERT_EQ(0, modemsim_start("BUSY", NULL, NULL));
	dt_params(&p, F_ENTRY, NULL);
	snprintf(p.szPhoneNumber, sizeof(p.szPhoneNumber), "555;ATS0=1");
	ASSERT_EQ(0u, RasDialA(NULL, NULL, &p, 1, fail_cb, &self->h));
	ok = dt_wait(dt_done_final, DIAL_TIMEOUT_MS, self->calls, &self->n);
	dt_print_calls(self->calls, self->n);
	ASSERT_TRUE(ok);
	EXPECT_NE(0u, self->calls[self->n - 1].error);
	EXPECT_FALSE(dt_file_has(F_MSLOG, "dial ")) dt_dump(F_MSLOG);
	EXPECT_FALSE(dt_file_has(F_MSLOG, "S0=1"));
}

/* The extension's own answers. */
TEST(pppd_exit_status_args)
{
	DWORD st = 0;

	EXPECT_EQ((DWORD)ERROR_INVALID_HANDLE,
		  rasdial_get_pppd_exit_status(NULL, &st));
	EXPECT_EQ((DWORD)ERROR_INVALID_HANDLE,
		  rasdial_get_pppd_exit_status((HRASCONN)(uintptr_t)0xfffffff0u, &st));
	EXPECT_EQ((DWORD)ERROR_INVALID_PARAMETER,
		  rasdial_get_pppd_exit_status((HRASCONN)(uintptr_t)1, NULL));
}

/*
 * A status no row maps: "socket" to a closed port fails as
 * EXIT_PTYCMD_FAILED, which says nothing RAS has a code for: 635.
 */
TEST_F_TIMEOUT(fail, unmapped_635, 60)
{
	struct expect want = { ERROR_UNKNOWN, RASCS_ConnectDevice, { 9 } };

	write_entry("socket 127.0.0.1:9", NULL);
	ASSERT_EQ(0u, start_dial(&self->h, NULL));
	check_failure(_metadata, self, &want, 1);
}

TEST_HARNESS_MAIN
