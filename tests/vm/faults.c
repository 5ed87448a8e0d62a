// SPDX-License-Identifier: GPL-2.0
/*
 * Faults: pppd killed in each phase, the dialing process dying mid-dial,
 * rasdial.ko unloaded under live links.  Real pppd peers in the test VM.
 * In both relays (vm/faults@direct: no module; there the owner cases check
 * what direct mode promises instead, see each).
 * vm-relays: kernel direct
 *
 * While a RasDialFunc1 callback runs, pppd's plugin waits for the ACK, so
 * pppd sits in a known phase: killing it from inside the callback for a
 * state kills it in that state's phase, deterministically.
 */
#include <sys/prctl.h>

#include "dialtest.h"

#include "kselftest_harness.h"
#include "../setup_skip.h"

#define DIAL_TIMEOUT_MS 30000

static struct {
	RASCONNSTATE kill_in;	/* SIGKILL pppd inside this state's callback */
	int armed;
	pid_t killed_pid;
	long long killed_at;
} fault;

static void WINAPI fault_cb(HRASCONN h, UINT msg, RASCONNSTATE state,
			    DWORD error, DWORD ext_error)
{
	dt_record(h, msg, state, error, ext_error);
	if (fault.armed && !error && state == fault.kill_in) {
		struct dt_kconn k;

		fault.armed = 0;
		if (dt_kernel_get(dt_conn_id(h), &k) == 0 && k.pid) {
			fault.killed_pid = k.pid;
			fault.killed_at = dt_now_ms();
			kill(k.pid, SIGKILL);
		}
	}
}

/* Reaps PID (our child, or an orphan we are subreaper of), bounded. */
static int reap(pid_t pid, int timeout_ms)
{
	long long end = dt_now_ms() + timeout_ms;

	while (dt_now_ms() < end) {
		pid_t r = waitpid(pid, NULL, WNOHANG);

		if (r == pid || (r < 0 && errno == ECHILD))
			return dt_wait_pid_gone(pid, 1000);
		usleep(20000);
	}
	return 0;
}

static pid_t parent_of(pid_t pid)
{
	char path[64], buf[512], *p;
	pid_t ppid = -1;
	ssize_t n;
	int fd;

	snprintf(path, sizeof(path), "/proc/%d/stat", pid);
	fd = open(path, O_RDONLY);
	if (fd < 0)
		return -1;
	n = read(fd, buf, sizeof(buf) - 1);
	close(fd);
	if (n <= 0)
		return -1;
	buf[n] = '\0';
	p = strrchr(buf, ')');	/* comm may hold spaces */
	if (p && sscanf(p + 2, "%*c %d", &ppid) != 1)
		ppid = -1;
	return ppid;
}

/* Finds the answering pppd of DIALER's pty link: a "pppd notty ... name
 * server" among DIALER's descendants (stale peers of earlier tests may
 * still be around, orphaned). */
static pid_t find_answering_pppd(pid_t dialer)
{
	char path[64], cmd[4096];

	for (pid_t pid = 2; pid < 65536; pid++) {
		pid_t up = pid;
		ssize_t n;
		int fd, depth;

		snprintf(path, sizeof(path), "/proc/%d/cmdline", pid);
		fd = open(path, O_RDONLY);
		if (fd < 0)
			continue;
		n = read(fd, cmd, sizeof(cmd) - 1);
		close(fd);
		if (n <= 0)
			continue;
		cmd[n] = '\0';
		for (ssize_t i = 0; i < n; i++)
			if (!cmd[i])
				cmd[i] = ' ';
		if (strncmp(cmd, "/usr/sbin/pppd notty", 20) ||
		    !strstr(cmd, "name " DT_SERVER))
			continue;
		for (depth = 0; depth < 4 && up > 1 && up != dialer; depth++)
			up = parent_of(up);
		if (up == dialer)
			return pid;
	}
	return -1;
}

/* Both fixtures: the CHAP entry "faults", no fault armed, and pppds
 * orphaned below us reaped here. */
static void faults_setup(HRASCONN *h)
{
	dt_setup_entry("faults", DT_AUTH_CHAP, NULL);
	memset(&fault, 0, sizeof(fault));
	prctl(PR_SET_CHILD_SUBREAPER, 1);
	*h = NULL;
}

FIXTURE(kill) {
	HRASCONN h;
	struct dt_call calls[DT_MAX_CALLS];
	int n;
};

FIXTURE_VARIANT(kill) {
	RASCONNSTATE state;
	const char *phase;
};

FIXTURE_VARIANT_ADD(kill, serialconn) { RASCS_ConnectDevice, "SERIALCONN" };
FIXTURE_VARIANT_ADD(kill, establish) { RASCS_DeviceConnected, "ESTABLISH" };
FIXTURE_VARIANT_ADD(kill, authenticate) { RASCS_Authenticate, "AUTHENTICATE" };
FIXTURE_VARIANT_ADD(kill, network) { RASCS_AuthProject, "NETWORK" };
FIXTURE_VARIANT_ADD(kill, running) { RASCS_Connected, "RUNNING" };

FIXTURE_SETUP(kill)
{
	faults_setup(&self->h);
}

FIXTURE_TEARDOWN(kill)
{
	dt_hang_up_both(self->h, NULL);
}

/* pppd SIGKILLed in each phase: Disconnected with an error within 200 ms,
 * the registry empty, nothing waiting. */
TEST_F_TIMEOUT(kill, pppd_killed_in_phase, 60)
{
	RASDIALPARAMSA p;
	struct dt_call *last;

	fault.kill_in = variant->state;
	fault.armed = 1;
	dt_params(&p, "faults", NULL);
	ASSERT_EQ(0, RasDialA(NULL, NULL, &p, 1, fault_cb, &self->h));
	ASSERT_TRUE(dt_wait(dt_done_final, DIAL_TIMEOUT_MS, self->calls,
			    &self->n));
	dt_print_calls(self->calls, self->n);
	ASSERT_GT(fault.killed_pid, 0) TH_LOG("never reached %s",
					      variant->phase);
	last = &self->calls[self->n - 1];
	EXPECT_EQ(RASCS_Disconnected, last->state);
	EXPECT_NE(0, last->error);
	EXPECT_EQ(0, last->ext_error);
	EXPECT_LE(last->at_ms - fault.killed_at, 200)
		TH_LOG("Disconnected came %lld ms after SIGKILL in %s",
		       last->at_ms - fault.killed_at, variant->phase);
	EXPECT_TRUE(dt_wait_pid_gone(fault.killed_pid, 5000));
	EXPECT_TRUE(dt_wait_registry_empty(5000));
	RasHangUpA(self->h);
	self->h = NULL;
}

/* One dial each, no variants. */
FIXTURE(link) {
	HRASCONN h;
	struct dt_call calls[DT_MAX_CALLS];
	int n;
};

FIXTURE_SETUP(link)
{
	faults_setup(&self->h);
}

FIXTURE_TEARDOWN(link)
{
	dt_hang_up_both(self->h, NULL);
}

/* A synchronous RasDial is not left waiting when pppd dies. */
TEST_F_TIMEOUT(link, sync_dial_returns_when_pppd_dies, 60)
{
	RASDIALPARAMSA p;
	pid_t killer;
	DWORD ret;

	/* a peer that never answers LCP: the dial stays in ESTABLISH */
	dt_setup_entry("faults", DT_AUTH_CHAP, NULL);
	dt_write_file("/etc/ppp/peers/faults",
		      "pty \"sleep 60\"\nnoauth\nlocal\nnodefaultroute\n"
		      "noipdefault\nlcp-echo-interval 0\nlcp-max-configure 30\n");
	killer = fork();
	ASSERT_GE(killer, 0);
	if (killer == 0) {
		struct dt_kconn k;

		for (int i = 0; i < 200; i++) {		/* at most 10 s */
			/* Direct: only the dialer (our parent) knows its
			 * dial; its pppd is its child. */
			if (dt_direct())
				k.pid = dt_direct_pppd(0, getppid(), NULL);
			else if (dt_kernel_get(0, &k) || !k.found)
				k.pid = 0;
			if (k.pid) {
				kill(k.pid, SIGKILL);
				_exit(0);
			}
			usleep(50000);
		}
		_exit(1);
	}
	dt_params(&p, "faults", NULL);
	ret = RasDialA(NULL, NULL, &p, 1, NULL, &self->h);
	EXPECT_NE(0, ret);
	EXPECT_NE(NULL, self->h);
	EXPECT_EQ(killer, waitpid(killer, NULL, 0));
}

/* pppd killed while hanging up (TERMINATE: the peer is stopped, so our
 * TermReq waits for an ack that never comes). */
TEST_F_TIMEOUT(link, pppd_killed_in_terminate, 60)
{
	RASDIALPARAMSA p;
	struct dt_kconn k;
	pid_t peer;
	struct dt_call *last;
	long long late;

	dt_params(&p, "faults", NULL);
	ASSERT_EQ(0, RasDialA(NULL, NULL, &p, 1, fault_cb, &self->h));
	ASSERT_TRUE(dt_wait(dt_done_connected_or_error, DIAL_TIMEOUT_MS,
			    self->calls, &self->n));
	ASSERT_GE(dt_find(self->calls, self->n, RASCS_Connected), 0);
	ASSERT_EQ(0, dt_kernel_get(dt_conn_id(self->h), &k));
	ASSERT_GT(k.pid, 0);
	peer = find_answering_pppd(k.pid);
	ASSERT_GT(peer, 0);
	ASSERT_EQ(0, kill(peer, SIGSTOP));
	ASSERT_EQ(0, RasHangUpA(self->h));
	usleep(500 * 1000);	/* pppd sent TermReq; the ack will not come */
	EXPECT_EQ(0, kill(k.pid, 0));
	ASSERT_EQ(0, dt_kill_until_end(k.pid, self->calls, &self->n, &last,
				       &late));
	EXPECT_EQ(RASCS_Disconnected, last->state);
	EXPECT_NE(0, last->error);
	EXPECT_LE(late, 200);
	kill(peer, SIGKILL);
	kill(peer, SIGCONT);
	EXPECT_TRUE(dt_wait_pid_gone(k.pid, 5000));
	EXPECT_TRUE(dt_wait_registry_empty(5000));
	self->h = NULL;
}

FIXTURE(owner) {
	int unused;
};

FIXTURE_SETUP(owner)
{
	dt_setup_entry("faults", DT_AUTH_CHAP, NULL);
	prctl(PR_SET_CHILD_SUBREAPER, 1);
}

FIXTURE_TEARDOWN(owner)
{
	dt_wait_registry_empty(10000);
}

static void WINAPI exit_in_authenticate(HRASCONN h, UINT msg,
					RASCONNSTATE state, DWORD error,
					DWORD ext_error)
{
	(void)h; (void)msg; (void)error; (void)ext_error;
	if (state == RASCS_Authenticate)
		_exit(0);	/* the dialing process dies mid-dial */
}

/* The dialing process exits mid-dial (inside its callback, pppd waiting
 * for the ACK): the link goes on to Connected, another process lists it
 * and hangs it up. */
TEST_F_TIMEOUT(owner, dialer_exits_mid_dial, 60)
{
	RASCONN conns[8];
	DWORD cb = sizeof(conns), n = 0;
	struct dt_kconn k = { 0 };
	HRASCONN found = NULL;
	pid_t dialer, pppd;
	int status;

	dialer = fork();
	ASSERT_GE(dialer, 0);
	if (dialer == 0) {
		RASDIALPARAMSA p;
		HRASCONN h = NULL;

		dt_params(&p, "faults", NULL);
		if (RasDialA(NULL, NULL, &p, 1, exit_in_authenticate, &h))
			_exit(2);
		sleep(30);
		_exit(3);
	}
	ASSERT_EQ(dialer, waitpid(dialer, &status, 0));
	ASSERT_TRUE(WIFEXITED(status));
	ASSERT_EQ(0, WEXITSTATUS(status));

	if (dt_direct()) {
		/* Direct: pppd dials on unreported (its socket's other end
		 * is gone) and no RAS call of ours can see it; it is ours
		 * to reap (subreaper). */
		pppd = 0;
		for (int i = 0; i < 300 && !(pppd && dt_ppp_up()); i++) {
			pppd = dt_direct_pppd(0, getpid(), NULL);
			usleep(50000);
		}
		ASSERT_GT(pppd, 0);
		EXPECT_TRUE(dt_ppp_up());
		memset(conns, 0, sizeof(conns));
		conns[0].dwSize = sizeof(conns[0]);
		EXPECT_EQ(0, RasEnumConnectionsA(conns, &cb, &n));
		EXPECT_EQ(0, n);
		kill(pppd, SIGTERM);
		EXPECT_TRUE(reap(pppd, 10000));
		return;
	}

	/* the link carries on without its dialer */
	for (int i = 0; i < 300; i++) {			/* at most 15 s */
		if (dt_kernel_get(0, &k) == 0 && k.found == 1 &&
		    k.state == RASCS_Connected)
			break;
		usleep(50000);
	}
	ASSERT_EQ(RASCS_Connected, k.state);
	pppd = k.pid;

	memset(conns, 0, sizeof(conns));
	conns[0].dwSize = sizeof(conns[0]);
	ASSERT_EQ(0, RasEnumConnectionsA(conns, &cb, &n));
	for (DWORD i = 0; i < n; i++)
		if (!strcmp(conns[i].szEntryName, "faults"))
			found = conns[i].hrasconn;
	ASSERT_NE(NULL, found);
	EXPECT_EQ(0, RasHangUpA(found));
	EXPECT_TRUE(reap(pppd, 10000));
	EXPECT_TRUE(dt_wait_registry_empty(5000));
}

/* rmmod rasdial under a live link: pppd keeps running (the plugin never
 * blocks or kills it), hangs up normally later, and the module comes back.
 * scripts/vm fails the suite if the kernel logs an Oops or WARN. */
TEST_F_TIMEOUT(owner, rmmod_with_live_link, 60)
{
	const char *top = getenv("TOPDIR");
	char cmd[4200];
	RASDIALPARAMSA p;
	HRASCONN h = NULL, h2;
	struct dt_kconn k;
	pid_t pppd;

	if (!top)
		SKIP(return, "TOPDIR not set (run through tests/vm/run-in-vm)");
	if (dt_direct())
		SKIP(return, "direct mode: no module to unload (reload_keeps_events loads one)");
	dt_params(&p, "faults", NULL);
	ASSERT_EQ(0, RasDialA(NULL, NULL, &p, 1, NULL, &h));
	ASSERT_EQ(0, dt_kernel_get(dt_conn_id(h), &k));
	pppd = k.pid;
	ASSERT_GT(pppd, 0);

	ASSERT_EQ(0, system("rmmod rasdial"));
	system("cat /proc/modules | grep rasdial | sed 's/^/# /'");
	usleep(1000 * 1000);
	EXPECT_EQ(0, kill(pppd, 0));
	EXPECT_TRUE(dt_ppp_up());
	h2 = NULL;
	EXPECT_EQ(ERROR_RASMAN_CANNOT_INITIALIZE,
		  RasDialA(NULL, NULL, &p, 1, NULL, &h2));

	snprintf(cmd, sizeof(cmd), "insmod %s/kernel/rasdial.ko", top);
	ASSERT_EQ(0, system(cmd));
	/* the link still ends cleanly */
	ASSERT_EQ(0, kill(pppd, SIGTERM));
	EXPECT_TRUE(reap(pppd, 10000));
	EXPECT_TRUE(dt_wait_registry_empty(5000));
}

static void WINAPI reload_cb(HRASCONN h, UINT msg, RASCONNSTATE state,
			     DWORD error, DWORD ext_error)
{
	dt_record(h, msg, state, error, ext_error);
}

/* One async dial with reload_cb to Connected, hung up to its final call;
 * 1 when both came. */
static int dial_and_hang_up(struct __test_metadata *_metadata)
{
	struct dt_call c[DT_MAX_CALLS];
	RASDIALPARAMSA p;
	HRASCONN h = NULL;
	int n, ok;

	pthread_mutex_lock(&dt_rec.lock);
	dt_rec.n = 0;
	pthread_mutex_unlock(&dt_rec.lock);
	dt_params(&p, "faults", NULL);
	if (RasDialA(NULL, NULL, &p, 1, reload_cb, &h))
		return 0;
	ok = dt_wait(dt_done_connected_or_error, DIAL_TIMEOUT_MS, c, &n) &&
	     dt_find(c, n, RASCS_Connected) >= 0;
	RasHangUpA(h);
	ok &= dt_wait(dt_done_final, 10000, c, &n);
	dt_print_calls(c, n);
	TH_LOG("%d calls, connected %d", n, ok);
	return ok;
}

/* rasdial.ko unloaded and loaded again (new family and group ids) while
 * the process runs: its next dial's notifier still hears every event (the
 * event socket rejoins "events"). */
TEST_F_TIMEOUT(owner, reload_keeps_events, 90)
{
	const char *top = getenv("TOPDIR");
	char cmd[4200];

	if (!top)
		SKIP(return, "TOPDIR not set (run through tests/vm/run-in-vm)");
	if (dt_direct()) {
		/* Direct: the module loaded while the process runs changes
		 * nothing; the relay stays the one in use. */
		ASSERT_TRUE(dial_and_hang_up(_metadata));
		ASSERT_TRUE(dt_wait_registry_empty(10000));
		snprintf(cmd, sizeof(cmd), "insmod %s/kernel/rasdial.ko", top);
		ASSERT_EQ(0, system(cmd));
		EXPECT_EQ(RASDIAL_RELAY_DIRECT, rasdial_get_relay_mode());
		EXPECT_TRUE(dial_and_hang_up(_metadata));
		EXPECT_TRUE(dt_wait_registry_empty(10000));
		EXPECT_EQ(0, system("rmmod rasdial"));
		return;
	}
	ASSERT_TRUE(dial_and_hang_up(_metadata));
	ASSERT_TRUE(dt_wait_registry_empty(10000));
	ASSERT_EQ(0, system("rmmod rasdial"));
	snprintf(cmd, sizeof(cmd), "insmod %s/kernel/rasdial.ko", top);
	ASSERT_EQ(0, system(cmd));
	EXPECT_TRUE(dial_and_hang_up(_metadata));
	EXPECT_TRUE(dt_wait_registry_empty(10000));
}

/*
 * The relay loses one event (relayfault.so in pppd: the kernel's socket
 * buffer full, ENOBUFS; or no reply within the plugin's 5 s) while pppd
 * dials on.  That must not publish "pppd vanished" (619) for a link that
 * then comes up unlisted and out of RasHangUp's reach: the dial reaches
 * Connected without an error, stays listed, and hangs up.
 */
FIXTURE(relay) {
	HRASCONN h;
	struct dt_call calls[DT_MAX_CALLS];
	int n;
};

FIXTURE_VARIANT(relay) {
	const char *fault;	/* RASDIAL_RELAY_FAULT: "N ERRNO" */
};

/* Event 4 is DeviceConnected. */
FIXTURE_VARIANT_ADD(relay, enobufs) { "4 105" };
FIXTURE_VARIANT_ADD(relay, no_reply) { "4 0" };

FIXTURE_SETUP(relay)
{
	char so[PATH_MAX + 64];

	dt_setup_entry("faults", DT_AUTH_CHAP, NULL);
	memset(&fault, 0, sizeof(fault));
	prctl(PR_SET_CHILD_SUBREAPER, 1);
	self->h = NULL;
	self->n = 0;
	snprintf(so, sizeof(so), "%s/build/tests/preload/relayfault.so",
		 dt_topdir());
	if (access(so, R_OK))
		SETUP_SKIP("no build/tests/preload/relayfault.so (make tests)");
	/* pppd inherits them from RasDial (the shim passes environ). */
	setenv("LD_PRELOAD", so, 1);
	setenv("RASDIAL_RELAY_FAULT", variant->fault, 1);
}

FIXTURE_TEARDOWN(relay)
{
	unsetenv("LD_PRELOAD");
	unsetenv("RASDIAL_RELAY_FAULT");
	if (self->h)
		RasHangUpA(self->h);
	dt_wait_registry_empty(10000);
}

TEST_F_TIMEOUT(relay, lost_event_keeps_the_link_listed, 90)
{
	RASDIALPARAMSA p;
	RASCONNSTATUSA st = { .dwSize = sizeof(st) };
	struct dt_kconn k = { 0 };
	pid_t pppd = 0;

	dt_params(&p, "faults", NULL);
	ASSERT_EQ(0, RasDialA(NULL, NULL, &p, 1, fault_cb, &self->h));
	unsetenv("LD_PRELOAD");
	unsetenv("RASDIAL_RELAY_FAULT");
	ASSERT_TRUE(dt_wait(dt_done_connected_or_error, DIAL_TIMEOUT_MS,
			    self->calls, &self->n));
	dt_print_calls(self->calls, self->n);
	for (int i = 0; i < self->n; i++) {
		EXPECT_EQ(0, self->calls[i].error) TH_LOG("call %d", i);
	}
	ASSERT_GE(dt_find(self->calls, self->n, RASCS_Connected), 0);
	/* Listed, with its pppd, and its status is Connected. */
	ASSERT_EQ(0, dt_kernel_get(dt_conn_id(self->h), &k));
	EXPECT_EQ(1, k.found);
	EXPECT_EQ(RASCS_Connected, k.state);
	pppd = (pid_t)k.pid;
	EXPECT_LT(0, pppd);
	EXPECT_EQ(0, RasGetConnectStatusA(self->h, &st));
	EXPECT_EQ(RASCS_Connected, st.rasconnstate);
	/* RasHangUp still reaches pppd. */
	EXPECT_EQ(0, RasHangUpA(self->h));
	self->h = NULL;
	if (pppd > 0)
		EXPECT_TRUE(dt_wait_pid_gone(pppd, 15000));
	EXPECT_TRUE(dt_wait_registry_empty(5000));
}

TEST_HARNESS_MAIN
