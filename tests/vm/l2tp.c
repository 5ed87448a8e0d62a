// SPDX-License-Identifier: GPL-2.0
/*
 * L2TP: RasDial of a peers entry that xl2tpd dials, against another xl2tpd
 * as LNS in another network namespace, across a veth pair (UDP 1701):
 *
 *   RasDial -- "c rdlac client PW" -->  xl2tpd (LAC)      ip netns rasdial-srv
 *   (CONN_NEW, RASDIAL_F_ADOPT)         -> pppd           xl2tpd (LNS)
 *                                          plugin rasdial.so  -> pppd
 *                                          rasdial-entry l2tp    (require-chap)
 *   rdveth-c 192.0.2.130/25  <-- veth -->  rdveth-s 192.0.2.129/25
 *
 * xl2tpd starts the session's pppd itself; its rasdial.so adopts the conn
 * RasDial made, so the callbacks see the usual RASCONNSTATE sequence.  A
 * wrong password fails with 691; with no LNS answering, the dial fails
 * with ERROR_VPN_TIMEOUT (809) once the entry's rasdial-l2tp-timeout is
 * over.  PPP addresses: 192.0.2.1 (LNS) and 192.0.2.10..19 (LAC), outside
 * the veth /25 so that the tunnel's own route stays on the veth.
 *
 * A user who is not root dials too: xl2tpd's pppd runs as root, and the
 * kernel lets it adopt only root's dials and those of the user that the
 * admin names in its options file (rasdial-adopt-user, a privileged
 * option); the admin also lets that user write xl2tpd's control FIFO.
 *
 * vm-timeout: 600
 */
#include <grp.h>
#include <poll.h>

#include "linktest.h"

#include "kselftest_harness.h"
#include "../setup_skip.h"

#define ENTRY		"l2tp"
#define LAC		"rdlac"
#define DIR		"/tmp/rdl2tp"
#define LNS_ADDR	"192.0.2.129"
#define LAC_ADDR	"192.0.2.130"
#define PPP_SRV		"192.0.2.1"
#define TIMEOUT_S	12
#define USER_UID	2001	/* a user in group dip, not root */
#define GID_DIP		30

FIXTURE(l2tp) {
	HRASCONN h;
	struct dt_call calls[DT_MAX_CALLS];
	int n;
	pid_t lac, lns;
};

/* xl2tpd -D (foreground) as our child, logging to DIR/NAME.log; waits
 * (bounded) until its control FIFO is there.  NETNS: run it there. */
static pid_t start_xl2tpd(const char *name, int netns)
{
	char conf[128], pid[128], ctl[128], log[128];
	pid_t p;

	snprintf(conf, sizeof(conf), DIR "/%s.conf", name);
	snprintf(pid, sizeof(pid), DIR "/%s.pid", name);
	snprintf(ctl, sizeof(ctl), DIR "/%s.control", name);
	snprintf(log, sizeof(log), DIR "/%s.log", name);
	unlink(ctl);
	p = fork();
	if (p < 0)
		return -1;
	if (p == 0) {
		dt_output_to(log);
		if (netns)
			execlp("ip", "ip", "netns", "exec", LT_NS,
			      "/usr/sbin/xl2tpd", "-D", "-c", conf, "-p", pid,
			      "-C", ctl, (char *)NULL);
		else
			execl("/usr/sbin/xl2tpd", "xl2tpd", "-D", "-c", conf,
			      "-p", pid, "-C", ctl, (char *)NULL);
		_exit(127);
	}
	for (int i = 0; i < 100; i++) {
		struct stat st;

		if (stat(ctl, &st) == 0 && S_ISFIFO(st.st_mode))
			return p;
		usleep(50000);
	}
	fprintf(stderr, "# %s: no control FIFO %s\n", name, ctl);
	return p;
}

static void stop_pid(pid_t *p)
{
	if (*p <= 0)
		return;
	kill(*p, SIGTERM);
	for (int i = 0; i < 100; i++) {
		if (waitpid(*p, NULL, WNOHANG) == *p) {
			*p = 0;
			return;
		}
		usleep(50000);
	}
	kill(*p, SIGKILL);
	waitpid(*p, NULL, 0);
	*p = 0;
}

FIXTURE_SETUP(l2tp)
{
	const char *plugin = getenv("RASDIAL_PLUGIN");
	char text[2048];

	self->h = NULL;
	self->n = 0;
	self->lac = self->lns = 0;
	if (!lt_ready("/usr/sbin/xl2tpd", "/usr/lib/pppd/2.4.9/pppol2tp.so"))
		SETUP_SKIP("no xl2tpd/pppol2tp.so (package xl2tpd, ppp) or no /dev/ppp");
	if (!getenv("RASDIAL_KO_LOADED") || !plugin)
		SETUP_SKIP("rasdial.ko is not loaded or RASDIAL_PLUGIN unset");
	ASSERT_EQ(0, lt_netns_up(LAC_ADDR "/25", LNS_ADDR "/25"));
	lt_sh("rm -rf " DIR "; mkdir -p " DIR);
	mkdir("/etc/ppp/peers", 0755);
	dt_rec_reset();

	/* The LNS's pppd checks the client's CHAP answer against these. */
	dt_write_file("/etc/ppp/chap-secrets",
		      DT_USER " " DT_SERVER " " DT_SECRET " *\n");
	dt_write_file(DIR "/lns.conf",
		      "[global]\nport = 1701\n"
		      "[lns default]\nip range = 192.0.2.10-192.0.2.19\n"
		      "local ip = " PPP_SRV "\nrequire chap = yes\nrefuse pap = yes\n"
		      "require authentication = yes\nname = " DT_SERVER "\n"
		      "length bit = yes\npppoptfile = " DIR "/lns.options\n");
	dt_write_file(DIR "/lns.options",
		      "name " DT_SERVER "\nlcp-echo-interval 0\nnodefaultroute\n"
		      "logfile " DIR "/lns-ppp.log\n");
	/* xl2tpd gives up an unanswered tunnel after a few tries. */
	dt_write_file(DIR "/lac.conf",
		      "[global]\nport = 1701\nmax retries = 3\n"
		      "[lac " LAC "]\nlns = " LNS_ADDR "\nredial = no\n"
		      "refuse pap = yes\nrequire authentication = no\n"
		      "length bit = yes\npppoptfile = " DIR "/lac.options\n");
	/* The LAC's pppd: our plugin adopts RasDial's conn for ENTRY. */
	snprintf(text, sizeof(text),
		 "plugin %s\nrasdial-entry " ENTRY "\nrasdial-device-type vpn\n"
		 "remotename " DT_SERVER "\nnoauth\nnoipdefault\nnodefaultroute\n"
		 "lcp-echo-interval 0\nlogfile " DIR "/lac-ppp.log\n", plugin);
	dt_write_file(DIR "/lac.options", text);
	dt_write_file("/etc/ppp/peers/" ENTRY,
		      "# dialed by xl2tpd (" DIR "/lac.conf), not by pppd call\n"
		      "rasdial-l2tp-lac " LAC "\n"
		      "rasdial-l2tp-control " DIR "/lac.control\n"
		      "rasdial-l2tp-timeout " "12" "\n");
}

FIXTURE_TEARDOWN(l2tp)
{
	if (self->h)
		RasHangUpA(self->h);
	dt_wait_registry_empty(15000);
	stop_pid(&self->lac);
	stop_pid(&self->lns);
	lt_netns_down();
	lt_sh("for f in " DIR "/*.log; do test -s $f && sed \"s|^|# $(basename $f): |\" $f; done; "
	      "rm -rf " DIR " /etc/ppp/peers/" ENTRY "; true");
}

static int has_disconnected(const struct dt_call *c, int n)
{
	for (int i = 0; i < n; i++)
		if (c[i].state == RASCS_Disconnected)
			return 1;
	return 0;
}

/* Connected through xl2tpd: states in order, IPv4 projection, hang-up. */
TEST_F_TIMEOUT(l2tp, dial, 120)
{
	char type[RAS_MaxDeviceType + 1] = "";
	struct dt_kconn k;
	RASPPPIPA ip;
	pid_t pppd;

	self->lns = start_xl2tpd("lns", 1);
	self->lac = start_xl2tpd("lac", 0);
	ASSERT_LT(0, self->lns);
	ASSERT_LT(0, self->lac);
	lt_dial_up(_metadata, ENTRY, &self->h, self->calls, &self->n, &ip,
		   type);
	EXPECT_EQ(0, strncmp(ip.szIpAddress, "192.0.2.1", 9));
	EXPECT_EQ(10, strlen(ip.szIpAddress));	/* 192.0.2.1x: the LNS range */
	EXPECT_STREQ(PPP_SRV, ip.szServerIpAddress);
	EXPECT_STREQ("vpn", type);

	/* The conn is xl2tpd's pppd's, named by the entry. */
	ASSERT_EQ(0, dt_kernel_get(dt_conn_id(self->h), &k));
	ASSERT_EQ(1, k.found);
	EXPECT_STREQ(ENTRY, k.entry);
	pppd = (pid_t)k.pid;
	ASSERT_LT(0, pppd);

	/* a real L2TP session: the LNS answers through it */
	EXPECT_EQ(0, lt_sh("timeout 20 ping -c 1 -W 5 " PPP_SRV " >/dev/null"));

	EXPECT_EQ(0, RasHangUpA(self->h));
	self->h = NULL;
	EXPECT_TRUE(dt_wait(has_disconnected, 15000, self->calls, &self->n));
	dt_print_calls(self->calls, self->n);
	EXPECT_TRUE(dt_wait_pid_gone(pppd, 15000));
	EXPECT_TRUE(dt_wait_registry_empty(15000));
}

/* The same link from a Windows phone book: DEVICE=vpn + LinuxL2tpLac. */
TEST_F_TIMEOUT(l2tp, pbk_entry, 120)
{
	RASDIALPARAMSA p;

	self->lns = start_xl2tpd("lns", 1);
	self->lac = start_xl2tpd("lac", 0);
	dt_write_file(DIR "/book.pbk",
		      "[" ENTRY "]\r\nMEDIA=rastapi\r\nDEVICE=vpn\r\n"
		      "PhoneNumber=" LNS_ADDR "\r\nLinuxL2tpLac=" LAC "\r\n"
		      "LinuxL2tpControl=" DIR "/lac.control\r\n"
		      "LinuxL2tpTimeout=12\r\n");
	unlink("/etc/ppp/peers/" ENTRY);
	dt_params(&p, ENTRY, NULL);
	ASSERT_EQ(0, RasDialA(NULL, DIR "/book.pbk", &p, 1, lt_cb, &self->h));
	dt_wait(dt_done_connected_or_error, LT_DIAL_MS, self->calls, &self->n);
	dt_print_calls(self->calls, self->n);
	EXPECT_TRUE(lt_sequence_ok(self->calls, self->n));
	EXPECT_EQ(0, RasHangUpA(self->h));
	self->h = NULL;
	EXPECT_TRUE(dt_wait_registry_empty(15000));
}

/* A wrong password fails in Authenticate with 691, as over a modem. */
TEST_F_TIMEOUT(l2tp, wrong_password, 120)
{
	DWORD status = 0;

	self->lns = start_xl2tpd("lns", 1);
	self->lac = start_xl2tpd("lac", 0);
	lt_dial_fails(_metadata, ENTRY, "wrong-password", &self->h, self->calls,
		      &self->n, ERROR_AUTHENTICATION_FAILURE);
	/* xl2tpd reaped its pppd; the plugin's last event has the status. */
	EXPECT_EQ(0, rasdial_get_pppd_exit_status(self->h, &status));
	EXPECT_EQ(19, status);	/* EXIT_AUTH_TOPEER_FAILED */
}

/* No LNS answers: 809 once the entry's timeout is over, no pppd left. */
TEST_F_TIMEOUT(l2tp, no_lns, 120)
{
	const struct dt_call *err;
	long long t0 = dt_now_ms();

	self->lac = start_xl2tpd("lac", 0);
	err = lt_dial_fails(_metadata, ENTRY, NULL, &self->h, self->calls,
			    &self->n, ERROR_VPN_TIMEOUT);
	TH_LOG("error %u after %lld ms", err->error, err->at_ms - t0);
	EXPECT_GE(err->at_ms - t0, TIMEOUT_S * 1000 - 500);
	EXPECT_LT(err->at_ms - t0, TIMEOUT_S * 1000 + 5000);
	EXPECT_TRUE(dt_wait_registry_empty(5000));
}

/* The same in manual dispatch mode: the fd wakes the program at the
 * deadline, with no event or child exit to wake it otherwise. */
TEST_F_TIMEOUT(l2tp, no_lns_manual_dispatch, 120)
{
	struct dt_call calls[DT_MAX_CALLS];
	const struct dt_call *err = NULL;
	RASDIALPARAMSA p;
	long long t0 = dt_now_ms();
	int fd, n = 0;

	self->lac = start_xl2tpd("lac", 0);
	ASSERT_EQ(0, rasdial_set_dispatch_mode(RASDIAL_DISPATCH_MANUAL));
	fd = rasdial_get_fd();
	ASSERT_LE(0, fd);
	dt_params(&p, ENTRY, NULL);
	ASSERT_EQ(0, RasDialA(NULL, NULL, &p, 1, lt_cb, &self->h));
	/* Bounded: each poll waits at most 30 s, the whole at most 60 s. */
	while (!err && dt_now_ms() - t0 < 60000) {
		struct pollfd pfd = { .fd = fd, .events = POLLIN };

		if (poll(&pfd, 1, 30000) <= 0)
			break;
		EXPECT_EQ(0, rasdial_dispatch());
		dt_wait(dt_done_final, 0, calls, &n);
		err = lt_error(calls, n);
	}
	dt_print_calls(calls, n);
	ASSERT_NE(NULL, err);
	TH_LOG("error %u after %lld ms", err->error, err->at_ms - t0);
	EXPECT_EQ(ERROR_VPN_TIMEOUT, err->error);
	EXPECT_LT(err->at_ms - t0, TIMEOUT_S * 1000 + 5000);
	EXPECT_TRUE(dt_wait_registry_empty(5000));
}

/* RasHangUp before xl2tpd's pppd came: 631 at once, xl2tpd told to stop. */
TEST_F_TIMEOUT(l2tp, hangup_before_adoption, 60)
{
	RASDIALPARAMSA p;
	const struct dt_call *err;
	long long t0;

	self->lac = start_xl2tpd("lac", 0);
	dt_params(&p, ENTRY, NULL);
	ASSERT_EQ(0, RasDialA(NULL, NULL, &p, 1, lt_cb, &self->h));
	t0 = dt_now_ms();
	EXPECT_EQ(0, RasHangUpA(self->h));
	self->h = NULL;
	EXPECT_TRUE(dt_wait(dt_done_final, 5000, self->calls, &self->n));
	dt_print_calls(self->calls, self->n);
	err = lt_error(self->calls, self->n);
	ASSERT_NE(NULL, err);
	EXPECT_EQ(ERROR_USER_DISCONNECTION, err->error);
	EXPECT_LT(err->at_ms - t0, 3000);
	EXPECT_TRUE(dt_wait_registry_empty(5000));
}

/* RasDial of ENTRY fails at once with ERROR; nothing stays registered. */
static void expect_refused(struct __test_metadata *_metadata, DWORD error)
{
	RASDIALPARAMSA p;
	HRASCONN h = NULL;

	dt_params(&p, ENTRY, NULL);
	EXPECT_EQ(error, RasDialA(NULL, NULL, &p, 1, lt_cb, &h));
	if (h)
		RasHangUpA(h);
	EXPECT_TRUE(dt_wait_registry_empty(5000));
}

/* xl2tpd has no such LAC: RasDial says so at once. */
TEST_F_TIMEOUT(l2tp, unknown_lac, 60)
{
	self->lac = start_xl2tpd("lac", 0);
	dt_write_file("/etc/ppp/peers/" ENTRY,
		      "rasdial-l2tp-lac nosuchlac\n"
		      "rasdial-l2tp-control " DIR "/lac.control\n");
	expect_refused(_metadata, ERROR_CANNOT_FIND_PHONEBOOK_ENTRY);
}

/* xl2tpd is not running: the connection manager could not start. */
TEST_F_TIMEOUT(l2tp, no_xl2tpd, 60)
{
	expect_refused(_metadata, ERROR_RASMAN_CANNOT_INITIALIZE);
}

/* What the user's dial, in a child process, saw. */
struct user_report {
	DWORD ret;		/* RasDialA */
	int seq_ok;		/* the states of a connected dial, in order */
	DWORD error;		/* the first callback error, 0 for none */
	DWORD hangup;		/* RasHangUpA */
	int disconnected;	/* its Disconnected callback came */
	unsigned int conn_pid;	/* the conn's pppd, from the kernel */
	char detail[200];
};

/* Drops this (forked) process to USER_UID in group dip. */
static int become_user(void)
{
	gid_t dip = GID_DIP;

	if (setgroups(1, &dip) || setresgid(USER_UID, USER_UID, USER_UID) ||
	    setresuid(USER_UID, USER_UID, USER_UID))
		return -1;
	return getuid() == USER_UID && geteuid() == USER_UID ? 0 : -1;
}

/* RasDial ENTRY as USER_UID; the report goes to FD.  Never returns. */
static void __attribute__((noreturn)) user_dial(int fd)
{
	struct user_report r = { .ret = (DWORD)-1 };
	struct dt_call calls[DT_MAX_CALLS];
	const struct dt_call *err;
	struct dt_kconn k;
	HRASCONN h = NULL;
	int n = 0;

	if (become_user())
		_exit(10);
	r.ret = lt_dial(ENTRY, NULL, &h, calls, &n);
	snprintf(r.detail, sizeof(r.detail), "%s", rasdial_last_detail());
	r.seq_ok = lt_sequence_ok(calls, n);
	err = lt_error(calls, n);
	r.error = err ? err->error : 0;
	if (h && dt_kernel_get(dt_conn_id(h), &k) == 0 && k.found)
		r.conn_pid = k.pid;
	if (h) {
		r.hangup = RasHangUpA(h);
		r.disconnected = dt_wait(has_disconnected, 15000, calls, &n);
		dt_print_calls(calls, n);
	}
	if (write(fd, &r, sizeof(r)) != (ssize_t)sizeof(r))
		_exit(11);
	_exit(0);
}

/* Runs user_dial() in a child; 0 with its report, or -1. */
static int run_user_dial(struct user_report *r)
{
	int fds[2], status = -1;
	ssize_t got = -1;
	pid_t pid;

	if (pipe2(fds, O_CLOEXEC))
		return -1;
	pid = fork();
	if (pid == 0) {
		close(fds[0]);
		user_dial(fds[1]);
	}
	close(fds[1]);
	if (pid > 0) {
		struct pollfd pfd = { .fd = fds[0], .events = POLLIN };

		/* Bounded: a dial, its timeout and a hang-up. */
		if (poll(&pfd, 1, LT_DIAL_MS + 30000) > 0)
			got = read(fds[0], r, sizeof(*r));
		if (got != (ssize_t)sizeof(*r))
			kill(pid, SIGKILL);
		waitpid(pid, &status, 0);
	}
	close(fds[0]);
	return got == (ssize_t)sizeof(*r) ? 0 : -1;
}

/* The admin lets the user's dials through: its FIFO, its adoption. */
static void grant_user(int adopt)
{
	char text[2048];
	const char *plugin = getenv("RASDIAL_PLUGIN");

	snprintf(text, sizeof(text),
		 "plugin %s\nrasdial-entry " ENTRY "\nrasdial-device-type vpn\n"
		 "%sremotename " DT_SERVER "\nnoauth\nnoipdefault\nnodefaultroute\n"
		 "lcp-echo-interval 0\nlogfile " DIR "/lac-ppp.log\n", plugin,
		 adopt ? "rasdial-adopt-user 2001\n" : "");
	dt_write_file(DIR "/lac.options", text);
	chmod("/etc/ppp/peers/" ENTRY, 0644);
}

static void grant_fifo(void)
{
	if (chown(DIR "/lac.control", 0, GID_DIP) || chmod(DIR "/lac.control", 0620))
		fprintf(stderr, "# cannot open xl2tpd's FIFO to group dip: %s\n",
			strerror(errno));
}

/* Both xl2tpds up, the FIFO granted, ADOPT or not: the user dials. */
static int user_dials(FIXTURE_DATA(l2tp) *self, int adopt,
		      struct user_report *r)
{
	grant_user(adopt);
	self->lns = start_xl2tpd("lns", 1);
	self->lac = start_xl2tpd("lac", 0);
	if (self->lns <= 0 || self->lac <= 0)
		return -1;
	grant_fifo();
	return run_user_dial(r);
}

/*
 * A user in group dip dials; xl2tpd's pppd (root's) adopts the user's
 * conn because the admin's rasdial-adopt-user names the user: the user
 * gets the callbacks and hangs the link up.
 */
TEST_F_TIMEOUT(l2tp, user_dial_adopted, 150)
{
	struct user_report r;

	ASSERT_EQ(0, user_dials(self, 1, &r));
	TH_LOG("RasDialA %u (%s), first error %u, pppd %u, hang-up %u",
	       r.ret, r.detail, r.error, r.conn_pid, r.hangup);
	ASSERT_EQ(0, r.ret);
	EXPECT_EQ(0, r.error);
	EXPECT_TRUE(r.seq_ok);
	EXPECT_LT(0u, r.conn_pid);
	EXPECT_EQ(0, r.hangup);
	EXPECT_TRUE(r.disconnected);
	/* The user's hang-up ended root's pppd. */
	if (r.conn_pid)
		EXPECT_TRUE(dt_wait_pid_gone((pid_t)r.conn_pid, 15000));
	EXPECT_TRUE(dt_wait_registry_empty(15000));
}

/*
 * Without rasdial-adopt-user, root's pppd does not take a user's dial
 * (an entry name is no secret): it registers a conn of its own, and the
 * user's RasDial ends with ERROR_VPN_TIMEOUT.
 */
TEST_F_TIMEOUT(l2tp, user_dial_not_adopted_without_adopt_user, 150)
{
	struct user_report r;

	ASSERT_EQ(0, user_dials(self, 0, &r));
	TH_LOG("RasDialA %u (%s), first error %u", r.ret, r.detail, r.error);
	ASSERT_EQ(0, r.ret);
	EXPECT_EQ(ERROR_VPN_TIMEOUT, r.error);
	EXPECT_FALSE(r.seq_ok);
}

/* The admin did not open xl2tpd's FIFO to the user: access denied. */
TEST_F_TIMEOUT(l2tp, user_without_fifo_access_denied, 60)
{
	struct user_report r;

	grant_user(1);
	self->lac = start_xl2tpd("lac", 0);
	ASSERT_LT(0, self->lac);
	ASSERT_EQ(0, run_user_dial(&r));
	TH_LOG("RasDialA %u (%s)", r.ret, r.detail);
	EXPECT_EQ(ERROR_ACCESS_DENIED, r.ret);
	EXPECT_TRUE(dt_wait_registry_empty(5000));
}

/* Whose dials root's pppd serves is the admin's word: pppd refuses
 * rasdial-adopt-user from a user's command line (OPT_PRIV). */
TEST_F_TIMEOUT(l2tp, adopt_user_is_privileged, 60)
{
	int fds[2], status = -1, reaped = 0;
	char out[4096] = "", text[1024];
	ssize_t n = 0;
	pid_t pid;

	/* The entry (root's, privileged) loads the plugin; the user adds the
	 * option on the command line. */
	snprintf(text, sizeof(text), "plugin %s\nrasdial-entry " ENTRY
		 "\nnodetach\nnoauth\n", getenv("RASDIAL_PLUGIN"));
	dt_write_file("/etc/ppp/peers/" ENTRY "-priv", text);
	chmod("/etc/ppp/peers/" ENTRY "-priv", 0644);
	ASSERT_EQ(0, pipe2(fds, O_CLOEXEC));
	pid = fork();
	ASSERT_LE(0, pid);
	if (pid == 0) {
		dup2(fds[1], 1);
		dup2(fds[1], 2);
		if (become_user())
			_exit(10);
		execl("/usr/sbin/pppd", "pppd", "call", ENTRY "-priv",
		      "rasdial-adopt-user", "0", (char *)NULL);
		_exit(127);
	}
	close(fds[1]);
	/* Bounded: 20 s at most. */
	for (int i = 0; i < 100 && !reaped; i++) {
		struct pollfd pfd = { .fd = fds[0], .events = POLLIN };
		ssize_t m;

		if (poll(&pfd, 1, 200) > 0 && (size_t)n < sizeof(out) - 1) {
			m = read(fds[0], out + n, sizeof(out) - 1 - (size_t)n);
			if (m > 0)
				n += m;
		}
		reaped = waitpid(pid, &status, WNOHANG) == pid;
	}
	/* EOF on the pipe ends the loop above at once: wait, bounded. */
	for (int i = 0; i < 200 && !reaped; i++) {
		usleep(50000);
		reaped = waitpid(pid, &status, WNOHANG) == pid;
	}
	if (!reaped) {
		kill(pid, SIGKILL);
		waitpid(pid, &status, 0);
	}
	out[n] = '\0';
	close(fds[0]);
	unlink("/etc/ppp/peers/" ENTRY "-priv");
	TH_LOG("pppd (status 0x%x): %s", status, out);
	if (WIFEXITED(status) && WEXITSTATUS(status) == 10)
		SKIP(return, "cannot become uid %d", USER_UID);
	EXPECT_NE(NULL, strstr(out, "rasdial-adopt-user option requires root privilege"));
	/* pppd stopped at the option: it did not dial. */
	EXPECT_TRUE(reaped);
	EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) != 0);
}

TEST_HARNESS_MAIN
