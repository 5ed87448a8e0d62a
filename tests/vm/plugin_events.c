// SPDX-License-Identifier: GPL-2.0
/*
 * plugin/rasdial.so in real pppd, watched from the kernel's side: the conn
 * is created with RASDIAL_CMD_CONN_NEW (WANT_ACK) by this test, which then
 * plays the shim's part by hand (listens on "events", sends ACKs).  The
 * "modem" is an answering pppd on a pty that demands CHAP.
 *
 * Runs inside the test VM (scripts/vm tests/vm/run-in-vm plugin_events)
 * as root with rasdial.ko loaded.
 *
 * vm-timeout: 600
 */
#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include <arpa/inet.h>

#include <netlink/genl/ctrl.h>
#include <netlink/genl/genl.h>
#include <netlink/netlink.h>

#include <linux/rasdial.h>
#include <rasdial/ras.h>
#include <rasdial/raserror.h>

#include "dialtest.h"

#include "kselftest_harness.h"
#include "../setup_skip.h"

#define PE_ENTRY	"rdplugin"
#define PE_ENTRY_PAP	"rdplugin-pap"
#define PE_ENTRY_FAIL	"rdplugin-fail"
#define PE_ENTRY_CHAT	"rdplugin-chat"
#define PE_USER		"client"
#define PE_SERVER	"server"
#define PE_SECRET	"plugin-s3cret"
#define PE_LOCAL	"192.0.2.2"	/* the dialing side's, from the peer */
#define PE_REMOTE	"192.0.2.1"
#define PE_LOG		"/tmp/plugin_events-pppd.log"
#define PE_OUT		"/tmp/plugin_events-pppd.out"
#define PE_MAX		64

struct pe_event {
	uint32_t conn, seq, state, error, flags, phase, pid, exit_status;
	int has_exit;
	uint32_t local, remote;		/* network order, 0 = absent */
	int has_ifid6;			/* both IPv6 interface ids */
	char ifname[16];
	char entry[RASDIAL_ENTRY_MAX + 1];
	char devtype[RASDIAL_DEVICE_TYPE_MAX + 1];
	long long at_ms;
};

struct pe_ctx {
	struct nl_sock *cmd;		/* the owner: CONN_NEW and ACK */
	struct nl_sock *ev;		/* member of "events" */
	int family;
	uint32_t conn;			/* followed conn; 0: by pid */
	pid_t pppd;
	struct pe_event evs[PE_MAX];
	int n;
	int ack;			/* ACK events that want one */
	uint32_t late_seq;		/* ACK this one late ... */
	int late_ms;			/* ... by this much, or never if < 0 */
	long long busy_until_ms;	/* owner's callback busy: no ACKs */
	int ack_errors;
	uint32_t new_conn;		/* CONN_NEW reply */
	uint32_t inject_state;		/* before ACKing this state's event, */
	int injected;			/* an LCP ConfReq went into the link */
};

static long long pe_now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1000LL + ts.tv_nsec / 1000000;
}

static const char *pe_state_name(uint32_t s)
{
	static const char *const names[] = {
		[RASCS_OpenPort] = "OpenPort",
		[RASCS_PortOpened] = "PortOpened",
		[RASCS_ConnectDevice] = "ConnectDevice",
		[RASCS_DeviceConnected] = "DeviceConnected",
		[RASCS_AllDevicesConnected] = "AllDevicesConnected",
		[RASCS_Authenticate] = "Authenticate",
		[RASCS_AuthProject] = "AuthProject",
		[RASCS_Authenticated] = "Authenticated",
		[RASCS_PrepareForCallback] = "PrepareForCallback",
		[RASCS_WaitForCallback] = "WaitForCallback",
		[RASCS_Projected] = "Projected",
	};

	if (s == RASCS_Connected)
		return "Connected";
	if (s == RASCS_Disconnected)
		return "Disconnected";
	if (s < sizeof(names) / sizeof(names[0]) && names[s])
		return names[s];
	return "?";
}

static void pe_write(const char *path, const char *text, mode_t mode)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, mode);

	if (fd < 0 || write(fd, text, strlen(text)) != (ssize_t)strlen(text)) {
		fprintf(stderr, "# cannot write %s: %s\n", path, strerror(errno));
		exit(1);
	}
	close(fd);
}

/* The dialing side's peers file; the answering pppd demands AUTH. */
static void pe_write_peer(const char *entry, const char *auth,
			  const char *extra)
{
	char path[256], text[1024];

	snprintf(path, sizeof(path), "/etc/ppp/peers/%s", entry);
	snprintf(text, sizeof(text),
		 "pty \"/usr/sbin/pppd notty auth %s name " PE_SERVER
		 " local nodefaultroute noipdefault lcp-echo-interval 0"
		 " " PE_REMOTE ":" PE_LOCAL "\"\n"
		 "user " PE_USER "\n"
		 "remotename " PE_SERVER "\n"
		 "noauth\nlocal\nnodefaultroute\nnoipdefault\n"
		 "lcp-echo-interval 0\n"
		 "debug\nlogfile " PE_LOG "\n%s", auth, extra);
	pe_write(path, text, 0644);
}

static void pe_setup_files(void)
{
	mkdir("/etc/ppp/peers", 0755);
	/* Read by both pppds: the answering one checks the client with them. */
	pe_write("/etc/ppp/chap-secrets",
		 PE_USER " " PE_SERVER " " PE_SECRET " *\n", 0600);
	pe_write("/etc/ppp/pap-secrets",
		 PE_USER " " PE_SERVER " " PE_SECRET " *\n", 0600);
	pe_write_peer(PE_ENTRY, "require-chap", "");
	pe_write_peer(PE_ENTRY_PAP, "require-pap", "");
	/* chat failing: pppd only knows "connect script failed". */
	pe_write_peer(PE_ENTRY_FAIL, "require-chap", "connect /bin/false\n");
	/* chat as the connect command: sends one CR down the link. */
	pe_write_peer(PE_ENTRY_CHAT, "require-chap",
		      "connect \"/usr/sbin/chat -v '' ''\"\n");
}

static int pe_send_ack(struct pe_ctx *c, uint32_t conn, uint32_t seq)
{
	struct nl_msg *msg = nlmsg_alloc();

	if (!msg)
		return -NLE_NOMEM;
	if (!genlmsg_put(msg, NL_AUTO_PORT, NL_AUTO_SEQ, c->family, 0, 0,
			 RASDIAL_CMD_ACK, RASDIAL_GENL_VERSION) ||
	    nla_put_u32(msg, RASDIAL_A_CONN_ID, conn) ||
	    nla_put_u32(msg, RASDIAL_A_SEQ, seq)) {
		nlmsg_free(msg);
		return -NLE_NOMEM;
	}
	return nl_send_sync(c->cmd, msg);	/* waits for the kernel's ACK */
}

/*
 * The answering pppd's end of the link: the pty master the dialing pppd
 * gave it as fd 0 (its own ppp line discipline sits on the slave, which
 * takes no writes).  With "notty" that fd stays with pppd's charshunt
 * child: the "name server" pppd whose fd 0 is a master.  A copy through
 * pidfd_getfd, or -1.
 */
static int pe_peer_link_fd(void)
{
	static const char want[] = "notty\0auth\0";
	char path[300], buf[1024];
	struct dirent *de;
	int fd = -1;
	DIR *d = opendir("/proc");

	while (d && fd < 0 && (de = readdir(d))) {
		int pidfd, cf;
		ssize_t n;

		if (de->d_name[0] < '1' || de->d_name[0] > '9')
			continue;
		snprintf(path, sizeof(path), "/proc/%s/cmdline", de->d_name);
		cf = open(path, O_RDONLY | O_CLOEXEC);
		if (cf < 0)
			continue;
		n = read(cf, buf, sizeof(buf));
		close(cf);
		if (n <= 0 || !memmem(buf, (size_t)n, want, sizeof(want) - 1) ||
		    !memmem(buf, (size_t)n, "name\0" PE_SERVER, 5 + strlen(PE_SERVER)))
			continue;
		/* "notty": pppd's charshunt child holds the original fd 0. */
		snprintf(path, sizeof(path), "/proc/%s/fd/0", de->d_name);
		n = readlink(path, buf, sizeof(buf) - 1);
		if (n <= 0 || (buf[n] = '\0', strcmp(buf, "/dev/ptmx")))
			continue;
		pidfd = (int)syscall(SYS_pidfd_open, atoi(de->d_name), 0);
		if (pidfd < 0)
			continue;
		fd = (int)syscall(SYS_pidfd_getfd, pidfd, 0, 0);
		close(pidfd);
	}
	if (d)
		closedir(d);
	return fd;
}

#define PE_INJECT_ID	0x77

/*
 * Writes an LCP Configure-Request (id PE_INJECT_ID, a magic number) into
 * the link as the answering pppd would.  HDLC-like framing (RFC 1662):
 * every byte below 0x20 escaped (the default ACCM), FCS-16 low byte
 * first.
 */
static int pe_inject_lcp_confreq(void)
{
	const uint8_t pkt[] = { 0xff, 0x03, 0xc0, 0x21, 0x01, PE_INJECT_ID,
				0x00, 0x0a, 0x05, 0x06, 0x1e, 0x2d, 0x3c, 0x4b };
	uint8_t frame[64], body[sizeof(pkt) + 2];
	uint16_t fcs = 0xffff;
	size_t n = 0;
	ssize_t w;
	int fd;

	for (size_t i = 0; i < sizeof(pkt); i++) {
		fcs ^= pkt[i];
		for (int b = 0; b < 8; b++)
			fcs = fcs & 1 ? (fcs >> 1) ^ 0x8408 : fcs >> 1;
	}
	fcs ^= 0xffff;
	memcpy(body, pkt, sizeof(pkt));
	body[sizeof(pkt)] = fcs & 0xff;
	body[sizeof(pkt) + 1] = fcs >> 8;
	frame[n++] = 0x7e;
	for (size_t i = 0; i < sizeof(body); i++) {
		if (body[i] < 0x20 || body[i] == 0x7d || body[i] == 0x7e) {
			frame[n++] = 0x7d;
			frame[n++] = body[i] ^ 0x20;
		} else {
			frame[n++] = body[i];
		}
	}
	frame[n++] = 0x7e;
	fd = pe_peer_link_fd();
	if (fd < 0) {
		fprintf(stderr, "# no answering pppd's link fd: %s\n",
			strerror(errno));
		return 0;
	}
	w = write(fd, frame, n);
	if (w != (ssize_t)n)
		fprintf(stderr, "# injecting: %zd of %zu bytes: %s\n", w, n,
			strerror(errno));
	close(fd);
	return w == (ssize_t)n;
}

static int pe_event_cb(struct nl_msg *msg, void *arg)
{
	struct nlattr *tb[RASDIAL_A_MAX + 1];
	struct pe_ctx *c = arg;
	struct pe_event e = { .at_ms = pe_now_ms() };

	if (genlmsg_hdr(nlmsg_hdr(msg))->cmd != RASDIAL_CMD_EVENT ||
	    genlmsg_parse(nlmsg_hdr(msg), 0, tb, RASDIAL_A_MAX, NULL) < 0 ||
	    !tb[RASDIAL_A_CONN_ID])
		return NL_SKIP;
	e.conn = nla_get_u32(tb[RASDIAL_A_CONN_ID]);
	if (tb[RASDIAL_A_PID])
		e.pid = nla_get_u32(tb[RASDIAL_A_PID]);
	if (c->conn ? e.conn != c->conn : (pid_t)e.pid != c->pppd)
		return NL_SKIP;
#define GET32(a, f) do { if (tb[a]) e.f = nla_get_u32(tb[a]); } while (0)
	GET32(RASDIAL_A_SEQ, seq);
	GET32(RASDIAL_A_STATE, state);
	GET32(RASDIAL_A_ERROR, error);
	GET32(RASDIAL_A_FLAGS, flags);
	GET32(RASDIAL_A_PHASE, phase);
#undef GET32
	if (tb[RASDIAL_A_EXIT_STATUS]) {
		e.exit_status = nla_get_u32(tb[RASDIAL_A_EXIT_STATUS]);
		e.has_exit = 1;
	}
	if (tb[RASDIAL_A_LOCAL_ADDR] && nla_len(tb[RASDIAL_A_LOCAL_ADDR]) == 4)
		memcpy(&e.local, nla_data(tb[RASDIAL_A_LOCAL_ADDR]), 4);
	if (tb[RASDIAL_A_REMOTE_ADDR] && nla_len(tb[RASDIAL_A_REMOTE_ADDR]) == 4)
		memcpy(&e.remote, nla_data(tb[RASDIAL_A_REMOTE_ADDR]), 4);
	e.has_ifid6 = tb[RASDIAL_A_LOCAL_IFID6] && tb[RASDIAL_A_REMOTE_IFID6];
	if (tb[RASDIAL_A_IFNAME])
		snprintf(e.ifname, sizeof(e.ifname), "%s",
			 nla_get_string(tb[RASDIAL_A_IFNAME]));
	if (tb[RASDIAL_A_ENTRY])
		snprintf(e.entry, sizeof(e.entry), "%s",
			 nla_get_string(tb[RASDIAL_A_ENTRY]));
	if (tb[RASDIAL_A_DEVICE_TYPE])
		snprintf(e.devtype, sizeof(e.devtype), "%s",
			 nla_get_string(tb[RASDIAL_A_DEVICE_TYPE]));
	if (c->n < PE_MAX)
		c->evs[c->n++] = e;

	/* pppd waits for this event's ACK: the frame is there when it reads. */
	if (c->inject_state && e.state == c->inject_state && !c->injected)
		c->injected = pe_inject_lcp_confreq();
	/* The shim's part: the callback ran, let the dial go on. */
	if (c->ack && (e.flags & RASDIAL_F_WANT_ACK)) {
		if (e.at_ms < c->busy_until_ms)
			return NL_OK;
		if (e.seq == c->late_seq) {
			if (c->late_ms < 0)
				return NL_OK;
			usleep(c->late_ms * 1000);
		}
		if (pe_send_ack(c, e.conn, e.seq) < 0)
			c->ack_errors++;
	}
	return NL_OK;
}

static int pe_conn_new_cb(struct nl_msg *msg, void *arg)
{
	struct nlattr *tb[RASDIAL_A_MAX + 1];
	struct pe_ctx *c = arg;

	if (genlmsg_parse(nlmsg_hdr(msg), 0, tb, RASDIAL_A_MAX, NULL) == 0 &&
	    tb[RASDIAL_A_CONN_ID])
		c->new_conn = nla_get_u32(tb[RASDIAL_A_CONN_ID]);
	return NL_OK;
}

/* RASDIAL_CMD_CONN_NEW with WANT_ACK; returns the id or 0. */
static uint32_t pe_conn_new(struct pe_ctx *c)
{
	struct nl_msg *msg = nlmsg_alloc();
	int err;

	if (!msg)
		return 0;
	c->new_conn = 0;
	genlmsg_put(msg, NL_AUTO_PORT, NL_AUTO_SEQ, c->family, 0, 0,
		    RASDIAL_CMD_CONN_NEW, RASDIAL_GENL_VERSION);
	nla_put_string(msg, RASDIAL_A_ENTRY, PE_ENTRY);
	nla_put_u32(msg, RASDIAL_A_FLAGS, RASDIAL_F_WANT_ACK);
	nl_socket_modify_cb(c->cmd, NL_CB_VALID, NL_CB_CUSTOM, pe_conn_new_cb, c);
	err = nl_send_auto(c->cmd, msg);
	nlmsg_free(msg);
	if (err >= 0)
		err = nl_recvmsgs_default(c->cmd);
	if (err >= 0)
		err = nl_wait_for_ack(c->cmd);
	nl_socket_modify_cb(c->cmd, NL_CB_VALID, NL_CB_DEFAULT, NULL, NULL);
	return err < 0 ? 0 : c->new_conn;
}

/* Receives events until DONE holds or TIMEOUT_MS; returns DONE's value. */
static int pe_wait(struct pe_ctx *c, int (*done)(const struct pe_ctx *),
		   int timeout_ms)
{
	long long end = pe_now_ms() + timeout_ms;
	struct pollfd pfd = { .fd = nl_socket_get_fd(c->ev), .events = POLLIN };

	while (!done(c)) {
		long long left = end - pe_now_ms();

		if (left <= 0)
			return 0;
		if (poll(&pfd, 1, (int)left) > 0)
			nl_recvmsgs_default(c->ev);
	}
	return 1;
}

static int pe_connected(const struct pe_ctx *c)
{
	for (int i = 0; i < c->n; i++)
		if (c->evs[i].state == RASCS_Connected || c->evs[i].error)
			return 1;
	return 0;
}

static int pe_final(const struct pe_ctx *c)
{
	for (int i = 0; i < c->n; i++)
		if (c->evs[i].flags & RASDIAL_F_FINAL)
			return 1;
	return 0;
}

static void pe_print(const struct pe_ctx *c, const char *title)
{
	long long t0 = c->n ? c->evs[0].at_ms : 0;

	fprintf(stderr, "# %s: %d events\n", title, c->n);
	for (int i = 0; i < c->n; i++) {
		const struct pe_event *e = &c->evs[i];
		char l[16] = "", r[16] = "", x[16] = "";

		if (e->local)
			inet_ntop(AF_INET, &e->local, l, sizeof(l));
		if (e->remote)
			inet_ntop(AF_INET, &e->remote, r, sizeof(r));
		if (e->has_exit)
			snprintf(x, sizeof(x), " exit %u", e->exit_status);
		fprintf(stderr,
			"#   +%5lld ms conn %u seq %2u %-19s err %3u phase %2u flags 0x%x%s%s%s%s%s%s%s%s\n",
			e->at_ms - t0, e->conn, e->seq, pe_state_name(e->state),
			e->error, e->phase, e->flags, x,
			*e->ifname ? " if " : "", e->ifname,
			*l ? " local " : "", l, *r ? " remote " : "", r,
			e->has_ifid6 ? " ifid6" : "");
	}
}

/* pppd's log lines containing WHAT (all with ""), as diagnostics. */
static void pe_dump_log_lines(const char *what)
{
	char line[512];
	FILE *f = fopen(PE_LOG, "r");

	if (!f)
		return;
	while (fgets(line, sizeof(line), f))
		if (strstr(line, what))
			fprintf(stderr, "# pppd: %s", line);
	fclose(f);
}

static void pe_dump_log(void)
{
	pe_dump_log_lines("");
}

/*
 * Starts the dialing pppd: "pppd call ENTRY nodetach plugin ... [rasdial-conn
 * CONN] [rasdial-passwd-fd N] EXTRA..." with PASSWORD (if any) in a pipe.
 */
static const char *pe_entry = PE_ENTRY;

static pid_t pe_start_pppd(uint32_t conn, const char *password,
			   const char *const *extra)
{
	const char *plugin = getenv("RASDIAL_PLUGIN");
	char conn_s[16], fd_s[16], plugin_s[PATH_MAX + 32];
	const char *argv[32];
	int pfd[2] = { -1, -1 };
	int n = 0;
	pid_t pid;

	if (!plugin) {
		snprintf(plugin_s, sizeof(plugin_s), "%s/plugin/rasdial.so",
			 dt_topdir());
		plugin = plugin_s;
	}
	unlink(PE_LOG);
	if (password) {
		if (pipe(pfd) < 0)
			return -1;
		if (write(pfd[1], password, strlen(password)) < 0 ||
		    write(pfd[1], "\n", 1) < 0)
			return -1;
		close(pfd[1]);
		snprintf(fd_s, sizeof(fd_s), "%d", pfd[0]);
	}
	snprintf(conn_s, sizeof(conn_s), "%u", conn);
	argv[n++] = "/usr/sbin/pppd";
	argv[n++] = "call";
	argv[n++] = pe_entry;
	argv[n++] = "nodetach";
	argv[n++] = "plugin";
	argv[n++] = plugin;
	if (conn) {
		argv[n++] = "rasdial-conn";
		argv[n++] = conn_s;
	}
	if (password) {
		argv[n++] = "rasdial-passwd-fd";
		argv[n++] = fd_s;
	}
	while (extra && *extra && n < 31)
		argv[n++] = *extra++;
	argv[n] = NULL;

	pid = fork();
	if (pid == 0) {
		dt_output_to(PE_OUT);
		setsid();
		execv(argv[0], (char **)argv);
		_exit(127);
	}
	if (pfd[0] >= 0)
		close(pfd[0]);
	return pid;
}

/* Waits (bounded) for PID; returns its exit status, or -1. */
static int pe_wait_exit(pid_t pid, int timeout_ms)
{
	long long end = pe_now_ms() + timeout_ms;
	int st;

	while (pe_now_ms() < end) {
		pid_t r = waitpid(pid, &st, WNOHANG);

		if (r == pid)
			return WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st);
		if (r < 0)
			return -1;
		usleep(20000);
	}
	return -1;
}

FIXTURE(plugin) {
	struct pe_ctx c;
};

FIXTURE_SETUP(plugin)
{
	struct pe_ctx *c = &self->c;
	int grp;

	memset(c, 0, sizeof(*c));
	if (geteuid())
		SETUP_SKIP("needs root");
	if (access("/usr/sbin/pppd", X_OK) || access("/dev/ppp", F_OK))
		SETUP_SKIP("no pppd or no /dev/ppp");
	c->cmd = nl_socket_alloc();
	c->ev = nl_socket_alloc();
	ASSERT_NE(NULL, c->cmd);
	ASSERT_NE(NULL, c->ev);
	ASSERT_EQ(0, genl_connect(c->cmd));
	ASSERT_EQ(0, genl_connect(c->ev));
	c->family = genl_ctrl_resolve(c->cmd, RASDIAL_GENL_NAME);
	if (c->family < 0)
		SETUP_SKIP("no \"rasdial\" family (rasdial.ko not loaded)");
	grp = genl_ctrl_resolve_grp(c->ev, RASDIAL_GENL_NAME,
				    RASDIAL_MCGRP_EVENTS);
	ASSERT_LE(0, grp);
	nl_socket_disable_seq_check(c->ev);
	nl_socket_modify_cb(c->ev, NL_CB_VALID, NL_CB_CUSTOM, pe_event_cb, c);
	ASSERT_EQ(0, nl_socket_add_membership(c->ev, grp));
	nl_socket_set_buffer_size(c->ev, 1 << 20, 0);
	pe_setup_files();
	c->ack = 1;
}

#define PE_MAX_CONNS	"/sys/module/rasdial/parameters/max_conns"
static char pe_saved_max_conns[32];	/* to restore, when changed */

static int pe_set_max_conns(const char *v)
{
	int fd = open(PE_MAX_CONNS, O_WRONLY);
	ssize_t n = -1;

	if (fd >= 0) {
		n = write(fd, v, strlen(v));
		close(fd);
	}
	return n == (ssize_t)strlen(v) ? 0 : -1;
}

FIXTURE_TEARDOWN(plugin)
{
	struct pe_ctx *c = &self->c;

	if (pe_saved_max_conns[0])
		pe_set_max_conns(pe_saved_max_conns);

	if (c->pppd > 0 && pe_wait_exit(c->pppd, 0) < 0) {
		kill(c->pppd, SIGTERM);
		if (pe_wait_exit(c->pppd, 15000) < 0) {
			kill(c->pppd, SIGKILL);
			pe_wait_exit(c->pppd, 5000);
		}
	}
	/* The answering pppd goes with its pty; give it a moment. */
	usleep(200000);
	if (c->cmd)
		nl_socket_free(c->cmd);
	if (c->ev)
		nl_socket_free(c->ev);
}

/*
 * pppd's exit status after a SIGTERM (RasHangUp's, or the plugin's own):
 * EXIT_USER_REQUEST, or EXIT_HANGUP.  pppd passes the signal on to its
 * pty child (the answering pppd here), and when that end of the pty
 * closes before LCP has finished terminating, pppd's "Modem hangup"
 * overwrites the status.  That race is pppd's; what RAS reports stays
 * ERROR_USER_DISCONNECTION (common/pppd-map.c).
 */
static int pe_sigterm_exit(int status)
{
	return status == 5 || status == 16;
}

/* Ends the test's pppd as RasHangUp would, and checks how it exited. */
static void pe_sigterm_pppd(struct __test_metadata *_metadata,
			    struct pe_ctx *c)
{
	int status;

	kill(c->pppd, SIGTERM);
	status = pe_wait_exit(c->pppd, 20000);
	EXPECT_TRUE(pe_sigterm_exit(status)) TH_LOG("pppd exited %d", status);
	if (status >= 0)
		c->pppd = 0;	/* else the teardown kills it */
}

/*
 * RasHangUp of a connected link (the kernel sends pppd SIGTERM; here we
 * do): one final Disconnected with ERROR_USER_DISCONNECTION, and the
 * status pppd exits with in the event.  Returns the number of events
 * that came after the SIGTERM.
 */
static int pe_hang_up_by_user(struct __test_metadata *_metadata,
			      struct pe_ctx *c, const char *title)
{
	struct pe_event *last;
	int ok, status;

	c->n = 0;
	kill(c->pppd, SIGTERM);
	ok = pe_wait(c, pe_final, 30000);
	pe_print(c, title);
	EXPECT_TRUE(ok);
	status = pe_wait_exit(c->pppd, 20000);
	if (status >= 0)
		c->pppd = 0;
	if (!ok || !c->n)
		return c->n;
	last = &c->evs[c->n - 1];
	EXPECT_EQ((uint32_t)RASCS_Disconnected, last->state);
	EXPECT_EQ((uint32_t)ERROR_USER_DISCONNECTION, last->error);
	EXPECT_TRUE(last->has_exit);
	EXPECT_TRUE(pe_sigterm_exit(status)) TH_LOG("pppd exited %d", status);
	EXPECT_EQ((uint32_t)status, last->exit_status);
	return c->n;
}

static const uint32_t pe_dial_states[] = {
	RASCS_OpenPort, RASCS_PortOpened, RASCS_ConnectDevice,
	RASCS_DeviceConnected, RASCS_AllDevicesConnected,
	RASCS_Authenticate, RASCS_Authenticated, RASCS_AuthProject,
	RASCS_Projected, RASCS_Connected,
};
#define PE_NDIAL ((int)(sizeof(pe_dial_states) / sizeof(pe_dial_states[0])))

/* Dial, every event ACKed (one 500 ms late), then RasHangUp's SIGTERM. */
TEST_F_TIMEOUT(plugin, dial_ack_hangup, 90)
{
	struct pe_ctx *c = &self->c;
	struct pe_event *last;
	long long gap_late = -1;
	int i, ok;

	c->conn = pe_conn_new(c);
	ASSERT_NE(0u, c->conn);
	c->late_seq = 2;		/* PortOpened: ConnectDevice follows at once */
	c->late_ms = 500;
	c->pppd = pe_start_pppd(c->conn, PE_SECRET, NULL);
	ASSERT_LT(0, c->pppd);

	ok = pe_wait(c, pe_connected, 60000);
	pe_print(c, "dial");
	if (!ok || c->n != PE_NDIAL)
		pe_dump_log();
	ASSERT_TRUE(ok);
	ASSERT_EQ(PE_NDIAL, c->n);
	for (i = 0; i < PE_NDIAL; i++) {
		EXPECT_EQ(pe_dial_states[i], c->evs[i].state) TH_LOG("event %d", i);
		EXPECT_EQ(0u, c->evs[i].error) TH_LOG("event %d", i);
		EXPECT_EQ((uint32_t)i + 1, c->evs[i].seq) TH_LOG("event %d", i);
		EXPECT_TRUE(!!(c->evs[i].flags & RASDIAL_F_WANT_ACK)) TH_LOG("event %d", i);
		EXPECT_FALSE(!!(c->evs[i].flags & RASDIAL_F_FINAL)) TH_LOG("event %d", i);
		EXPECT_EQ((uint32_t)c->pppd, c->evs[i].pid) TH_LOG("event %d", i);
		EXPECT_STREQ(PE_ENTRY, c->evs[i].entry);
		EXPECT_STREQ("modem", c->evs[i].devtype);
	}
	EXPECT_EQ(0, c->ack_errors);
	last = &c->evs[PE_NDIAL - 1];
	EXPECT_EQ(inet_addr(PE_LOCAL), last->local);
	EXPECT_EQ(inet_addr(PE_REMOTE), last->remote);
	EXPECT_EQ(0, strncmp(last->ifname, "ppp", 3)) TH_LOG("ifname %s", last->ifname);
	/* Both NCPs settled before Projected: it carries IPv4 and IPv6. */
	EXPECT_EQ(inet_addr(PE_LOCAL), c->evs[PE_NDIAL - 2].local);
	EXPECT_TRUE(c->evs[PE_NDIAL - 2].has_ifid6);
	for (i = 0; i < PE_NDIAL - 2; i++)
		EXPECT_EQ(0u, c->evs[i].local) TH_LOG("address before Projected, event %d", i);

	/* The late ACK held the dial: the next event waited for it. */
	for (i = 1; i < PE_NDIAL; i++)
		if (c->evs[i - 1].seq == c->late_seq)
			gap_late = c->evs[i].at_ms - c->evs[i - 1].at_ms;
	fprintf(stderr, "# PortOpened -> ConnectDevice with a 500 ms late ACK: %lld ms\n",
		gap_late);
	EXPECT_LE(500, gap_late);

	EXPECT_EQ(1, pe_hang_up_by_user(_metadata, c, "hang-up"))
		TH_LOG("only the final event after Connected");

	/* The password came through the pipe and went nowhere else. */
	EXPECT_FALSE(dt_file_has(PE_LOG, PE_SECRET));
	EXPECT_FALSE(dt_file_has(PE_OUT, PE_SECRET));
	EXPECT_FALSE(dt_file_has("/var/log/messages", PE_SECRET));
}

/*
 * LCP renegotiated before RUNNING (a stale Configure-Request arriving in
 * Opened: seen with 256 links dialing at once), then the link comes up and
 * is hung up: the hang-up is the user's, not the renegotiation's
 * NEGOTIATION_FAILED status of back then.
 */
TEST_F_TIMEOUT(plugin, lcp_renegotiated_then_hangup, 90)
{
	struct pe_ctx *c = &self->c;
	char id[32];
	int i, ok;

	c->conn = pe_conn_new(c);
	ASSERT_NE(0u, c->conn);
	c->inject_state = RASCS_Authenticate;
	c->pppd = pe_start_pppd(c->conn, PE_SECRET, NULL);
	ASSERT_LT(0, c->pppd);
	ok = pe_wait(c, pe_connected, 60000);
	pe_print(c, "dial");
	if (!ok)
		pe_dump_log();
	ASSERT_TRUE(c->injected);
	ASSERT_TRUE(ok);
	/* The renegotiation really happened. */
	snprintf(id, sizeof(id), "rcvd [LCP ConfReq id=0x%x", PE_INJECT_ID);
	EXPECT_TRUE(dt_file_has(PE_LOG, id));
	pe_dump_log_lines("LCP ConfReq");
	for (i = 0; i < c->n; i++)
		EXPECT_EQ(0u, c->evs[i].error) TH_LOG("event %d", i);
	EXPECT_EQ((uint32_t)RASCS_Connected, c->evs[c->n - 1].state);

	pe_hang_up_by_user(_metadata, c, "hang-up");
}

/* A wrong password: the error comes in the state it failed in, FINAL. */
TEST_F_TIMEOUT(plugin, wrong_password, 90)
{
	struct pe_ctx *c = &self->c;
	struct pe_event *last;
	int ok, i, status;

	c->conn = pe_conn_new(c);
	ASSERT_NE(0u, c->conn);
	c->pppd = pe_start_pppd(c->conn, "not-the-password", NULL);
	ASSERT_LT(0, c->pppd);

	ok = pe_wait(c, pe_final, 60000);
	pe_print(c, "wrong password");
	if (!ok)
		pe_dump_log();
	ASSERT_TRUE(ok);
	ASSERT_LE(7, c->n);
	for (i = 0; i < 6; i++) {
		EXPECT_EQ(pe_dial_states[i], c->evs[i].state) TH_LOG("event %d", i);
		EXPECT_EQ(0u, c->evs[i].error) TH_LOG("event %d", i);
	}
	last = &c->evs[c->n - 1];
	EXPECT_EQ(7, c->n);
	EXPECT_EQ((uint32_t)RASCS_Authenticate, last->state);
	EXPECT_EQ((uint32_t)ERROR_AUTHENTICATION_FAILURE, last->error);
	EXPECT_TRUE(!!(last->flags & RASDIAL_F_FINAL));
	EXPECT_TRUE(last->has_exit);
	/* AUTH_TOPEER_FAILED, or HANGUP when the peer's close wins the race. */
	status = pe_wait_exit(c->pppd, 30000);
	EXPECT_TRUE(status == 19 || status == 16) TH_LOG("exit status %d", status);
	c->pppd = 0;
}

/* An unanswered callback holds the dial for rasdial-callback-timeout only. */
TEST_F_TIMEOUT(plugin, ack_timeout_bounded, 90)
{
	struct pe_ctx *c = &self->c;
	long long gap = -1;
	int ok, i;

	c->conn = pe_conn_new(c);
	ASSERT_NE(0u, c->conn);
	c->late_seq = 2;
	c->late_ms = -1;		/* never ACK PortOpened */
	c->pppd = pe_start_pppd(c->conn, PE_SECRET, (const char *const[]){
				"rasdial-callback-timeout", "2", NULL });
	ASSERT_LT(0, c->pppd);
	ok = pe_wait(c, pe_connected, 60000);
	pe_print(c, "one ACK missing, rasdial-callback-timeout 2");
	ASSERT_TRUE(ok);
	ASSERT_EQ(PE_NDIAL, c->n);
	EXPECT_EQ((uint32_t)RASCS_Connected, c->evs[PE_NDIAL - 1].state);
	for (i = 1; i < c->n; i++)
		if (c->evs[i - 1].seq == 2)
			gap = c->evs[i].at_ms - c->evs[i - 1].at_ms;
	fprintf(stderr, "# PortOpened -> ConnectDevice without ACK: %lld ms\n", gap);
	EXPECT_LE(2000, gap);
	EXPECT_GT(6000, gap);
}

/*
 * A callback that hangs (the owner ACKs nothing for 8 s) costs the dial
 * one callback timeout, not one per event: pppd's main loop must not
 * stand still again at every later event.  Each would have waited 1 s,
 * so the dial could not be Connected before the 8 s are over.
 */
TEST_F_TIMEOUT(plugin, missed_ack_not_waited_again, 90)
{
	struct pe_ctx *c = &self->c;
	long long t0;
	int ok, slow = 0, i;

	c->conn = pe_conn_new(c);
	ASSERT_NE(0u, c->conn);
	t0 = pe_now_ms();
	c->busy_until_ms = t0 + 8000;
	c->pppd = pe_start_pppd(c->conn, PE_SECRET, (const char *const[]){
				"rasdial-callback-timeout", "1", NULL });
	ASSERT_LT(0, c->pppd);
	ok = pe_wait(c, pe_connected, 60000);
	pe_print(c, "owner busy for 8 s, rasdial-callback-timeout 1");
	ASSERT_TRUE(ok);
	ASSERT_EQ(PE_NDIAL, c->n);
	for (i = 1; i < c->n; i++)
		slow += c->evs[i].at_ms - c->evs[i - 1].at_ms >= 1000;
	fprintf(stderr, "# Connected %lld ms after start, %d gaps of 1 s or more\n",
		c->evs[c->n - 1].at_ms - t0, slow);
	EXPECT_GT(c->busy_until_ms, c->evs[c->n - 1].at_ms);
	/* The one timeout, plus slow steps of the dial itself under TCG. */
	EXPECT_GE(PE_NDIAL / 2, slow);
}

/* rasdial-passwd-fd 0..2 would close the tty under chat: refused. */
TEST_F_TIMEOUT(plugin, passwd_fd_below_3_refused, 60)
{
	struct pe_ctx *c = &self->c;
	static const char *const fds[] = { "0", "1", "2" };

	for (int i = 0; i < 3; i++) {
		c->pppd = pe_start_pppd(0, NULL, (const char *const[]){
					"rasdial-passwd-fd", fds[i], NULL });
		ASSERT_LT(0, c->pppd);
		/* EXIT_OPTION_ERROR */
		EXPECT_EQ(2, pe_wait_exit(c->pppd, 20000)) TH_LOG("fd %s", fds[i]);
		c->pppd = 0;
		EXPECT_TRUE(dt_file_has(PE_OUT, "is a standard stream"));
	}
}

/* A pppd no shim started registers itself and never waits. */
TEST_F_TIMEOUT(plugin, self_register, 90)
{
	struct pe_ctx *c = &self->c;
	int ok, i;

	c->conn = 0;			/* follow by pid */
	c->pppd = pe_start_pppd(0, NULL, NULL);
	ASSERT_LT(0, c->pppd);
	ok = pe_wait(c, pe_connected, 60000);
	pe_print(c, "self-registered");
	if (!ok)
		pe_dump_log();
	ASSERT_TRUE(ok);
	ASSERT_EQ(PE_NDIAL, c->n);
	for (i = 0; i < PE_NDIAL; i++) {
		EXPECT_EQ(pe_dial_states[i], c->evs[i].state) TH_LOG("event %d", i);
		EXPECT_TRUE(!!(c->evs[i].flags & RASDIAL_F_SELF_REGISTERED));
		EXPECT_FALSE(!!(c->evs[i].flags & RASDIAL_F_WANT_ACK));
		EXPECT_EQ(c->evs[0].conn, c->evs[i].conn);
		/* The peers name, from "pppd call NAME". */
		EXPECT_STREQ(PE_ENTRY, c->evs[i].entry);
	}
	EXPECT_NE(0u, c->evs[0].conn);

	c->conn = c->evs[0].conn;
	pe_hang_up_by_user(_metadata, c, "self-registered hang-up");
}

/* The connect script fails: the error comes in ConnectDevice. */
TEST_F_TIMEOUT(plugin, connect_failed, 60)
{
	struct pe_ctx *c = &self->c;
	struct pe_event *last;
	int ok, status;

	pe_entry = PE_ENTRY_FAIL;
	c->conn = pe_conn_new(c);
	ASSERT_NE(0u, c->conn);
	c->pppd = pe_start_pppd(c->conn, PE_SECRET, NULL);
	ASSERT_LT(0, c->pppd);
	ok = pe_wait(c, pe_final, 30000);
	pe_print(c, "connect script fails");
	if (!ok)
		pe_dump_log();
	ASSERT_TRUE(ok);
	ASSERT_EQ(4, c->n);
	EXPECT_EQ((uint32_t)RASCS_ConnectDevice, c->evs[2].state);
	last = &c->evs[3];
	EXPECT_EQ((uint32_t)RASCS_ConnectDevice, last->state);
	EXPECT_EQ((uint32_t)ERROR_NO_ANSWER, last->error);
	EXPECT_TRUE(!!(last->flags & RASDIAL_F_FINAL));
	status = pe_wait_exit(c->pppd, 30000);
	EXPECT_EQ(8, status);		/* EXIT_CONNECT_FAILED */
	c->pppd = 0;
}

/* The answering pppd (the one with "notty"), or 0. */
static pid_t pe_find_peer(void)
{
	char path[64], buf[1024];
	int pid;

	for (pid = 2; pid < 32768; pid++) {
		ssize_t n;
		int fd;

		snprintf(path, sizeof(path), "/proc/%d/cmdline", pid);
		fd = open(path, O_RDONLY);
		if (fd < 0)
			continue;
		n = read(fd, buf, sizeof(buf) - 1);
		close(fd);
		if (n <= 0)
			continue;
		buf[n] = 0;
		/* argv[0] is /usr/sbin/pppd, argv[1] "notty" (see the peers file). */
		if (!strcmp(buf, "/usr/sbin/pppd") &&
		    (size_t)n > strlen(buf) + 1 && !strcmp(buf + strlen(buf) + 1, "notty"))
			return pid;
	}
	return 0;
}

/* The line drops after Connected: Disconnected with 629, FINAL. */
TEST_F_TIMEOUT(plugin, peer_hangs_up, 90)
{
	struct pe_ctx *c = &self->c;
	struct pe_event *last;
	pid_t peer;
	int ok, status;

	c->conn = pe_conn_new(c);
	ASSERT_NE(0u, c->conn);
	c->pppd = pe_start_pppd(c->conn, PE_SECRET, NULL);
	ASSERT_LT(0, c->pppd);
	ASSERT_TRUE(pe_wait(c, pe_connected, 60000));
	ASSERT_EQ((uint32_t)RASCS_Connected, c->evs[c->n - 1].state);
	peer = pe_find_peer();
	ASSERT_LT(0, peer);
	c->n = 0;
	kill(peer, SIGKILL);		/* carrier lost: no LCP goodbye */
	ok = pe_wait(c, pe_final, 30000);
	pe_print(c, "peer killed after Connected");
	if (!ok)
		pe_dump_log();
	ASSERT_TRUE(ok);
	EXPECT_EQ(1, c->n);
	last = &c->evs[c->n - 1];
	EXPECT_EQ((uint32_t)RASCS_Disconnected, last->state);
	EXPECT_EQ((uint32_t)ERROR_REMOTE_DISCONNECTION, last->error);
	status = pe_wait_exit(c->pppd, 30000);
	EXPECT_EQ(16, status);		/* EXIT_HANGUP */
	c->pppd = 0;
}

/* PAP takes the password from rasdial-passwd-fd as well. */
TEST_F_TIMEOUT(plugin, pap_passwd_fd, 90)
{
	struct pe_ctx *c = &self->c;
	int ok;

	pe_entry = PE_ENTRY_PAP;
	c->conn = pe_conn_new(c);
	ASSERT_NE(0u, c->conn);
	c->pppd = pe_start_pppd(c->conn, PE_SECRET, NULL);
	ASSERT_LT(0, c->pppd);
	ok = pe_wait(c, pe_connected, 60000);
	pe_print(c, "PAP");
	if (!ok || !dt_file_has(PE_LOG, "PAP authentication succeeded"))
		pe_dump_log();
	ASSERT_TRUE(ok);
	EXPECT_EQ((uint32_t)RASCS_Connected, c->evs[c->n - 1].state);
	EXPECT_TRUE(dt_file_has(PE_LOG, "PAP authentication succeeded"));
	pe_sigterm_pppd(_metadata, c);
	EXPECT_FALSE(dt_file_has(PE_LOG, PE_SECRET));
	EXPECT_FALSE(dt_file_has(PE_OUT, PE_SECRET));
	EXPECT_FALSE(dt_file_has("/var/log/messages", PE_SECRET));
}

/*
 * persist: a failed attempt is reported without FINAL, the next one starts
 * afresh from OpenPort, and only the last failure is FINAL.
 */
TEST_F_TIMEOUT(plugin, persist_redial, 120)
{
	struct pe_ctx *c = &self->c;
	int ok, i, open_ports = 0, errors = 0, status;

	c->conn = pe_conn_new(c);
	ASSERT_NE(0u, c->conn);
	c->pppd = pe_start_pppd(c->conn, "not-the-password", (const char *const[]){
				"persist", "maxfail", "2", "holdoff", "1", NULL });
	ASSERT_LT(0, c->pppd);
	ok = pe_wait(c, pe_final, 90000);
	pe_print(c, "persist maxfail 2, wrong password");
	if (!ok)
		pe_dump_log();
	ASSERT_TRUE(ok);
	for (i = 0; i < c->n; i++) {
		if (c->evs[i].state == RASCS_OpenPort && !c->evs[i].error)
			open_ports++;
		if (c->evs[i].error) {
			errors++;
			EXPECT_EQ((uint32_t)ERROR_AUTHENTICATION_FAILURE,
				  c->evs[i].error);
			EXPECT_EQ((uint32_t)RASCS_Authenticate, c->evs[i].state);
			/* FINAL only on the last one. */
			EXPECT_EQ(i == c->n - 1, !!(c->evs[i].flags & RASDIAL_F_FINAL))
				TH_LOG("event %d", i);
		}
	}
	EXPECT_EQ(2, open_ports);
	EXPECT_EQ(2, errors);
	for (i = 1; i < c->n; i++)
		EXPECT_EQ(c->evs[i - 1].seq + 1, c->evs[i].seq);
	/* pppd may clobber it with HANGUP (design.md): 691 all the same. */
	status = pe_wait_exit(c->pppd, 30000);
	EXPECT_TRUE(status == 19 || status == 16) TH_LOG("exit status %d", status);
	c->pppd = 0;
}

static int pe_two_events(const struct pe_ctx *c)
{
	return c->n >= 2;
}

static int pe_dial_up(pid_t pppd, long long timeout_ms)
{
	long long end = pe_now_ms() + timeout_ms;

	while (pe_now_ms() < end && pe_wait_exit(pppd, 0) < 0) {
		if (dt_file_has(PE_LOG, "local  IP address " PE_LOCAL))
			return 1;
		usleep(100000);
	}
	return 0;
}

/* rasdial.ko goes away while pppd waits for an ACK: pppd dials on. */
TEST_F_TIMEOUT(plugin, module_unloaded_mid_dial, 90)
{
	struct pe_ctx *c = &self->c;
	char cmd[PATH_MAX + 32];

	c->conn = pe_conn_new(c);
	ASSERT_NE(0u, c->conn);
	c->late_seq = 2;
	c->late_ms = -1;		/* hold the dial at PortOpened */
	c->pppd = pe_start_pppd(c->conn, PE_SECRET, (const char *const[]){
				"rasdial-callback-timeout", "3", NULL });
	ASSERT_LT(0, c->pppd);
	ASSERT_TRUE(pe_wait(c, pe_two_events, 30000));
	nl_socket_free(c->cmd);
	nl_socket_free(c->ev);
	c->cmd = c->ev = NULL;
	if (system("rmmod rasdial"))
		SKIP(return, "cannot rmmod rasdial");
	EXPECT_TRUE(pe_dial_up(c->pppd, 60000));
	EXPECT_TRUE(dt_file_has(PE_LOG, "not reporting to RAS"));
	pe_dump_log_lines("rasdial");
	pe_sigterm_pppd(_metadata, c);
	snprintf(cmd, sizeof(cmd), "insmod %s/kernel/rasdial.ko", dt_topdir());
	ASSERT_EQ(0, system(cmd));
}

/* Without the module the plugin steps aside and pppd dials on (last: rmmod). */
TEST_F_TIMEOUT(plugin, no_module_dials_on, 90)
{
	struct pe_ctx *c = &self->c;
	char cmd[PATH_MAX + 32];
	int up;

	nl_socket_free(c->cmd);
	nl_socket_free(c->ev);
	c->cmd = c->ev = NULL;
	if (system("rmmod rasdial"))
		SKIP(return, "cannot rmmod rasdial");
	c->pppd = pe_start_pppd(12345, PE_SECRET, NULL);
	ASSERT_LT(0, c->pppd);
	up = pe_dial_up(c->pppd, 60000);
	if (!up)
		pe_dump_log();
	EXPECT_TRUE(up);
	EXPECT_TRUE(dt_file_has(PE_LOG, "rasdial: generic netlink family"));
	pe_sigterm_pppd(_metadata, c);
	snprintf(cmd, sizeof(cmd), "insmod %s/kernel/rasdial.ko", dt_topdir());
	EXPECT_EQ(0, system(cmd));
}

static int pe_any(const struct pe_ctx *c)
{
	return c->n > 0;
}

/*
 * pppd dies of a fatal signal (SIGQUIT: pppd's bad_signal() calls die())
 * while it waits for an ACK the owner holds back: its exit notifier runs
 * inside the signal handler, where the plugin must not send or wait.
 * pppd is gone at once, and the kernel publishes the end when the socket
 * closes: Disconnected, 619, FINAL | VANISHED.
 */
TEST_F_TIMEOUT(plugin, fatal_signal_does_not_wait, 90)
{
	struct pe_ctx *c = &self->c;
	struct pe_event *last;
	long long t;
	int ok, status;

	c->conn = pe_conn_new(c);
	ASSERT_NE(0u, c->conn);
	c->busy_until_ms = pe_now_ms() + 3600 * 1000;	/* never ACKs */
	c->pppd = pe_start_pppd(c->conn, PE_SECRET, (const char *const[]){
				"rasdial-callback-timeout", "30", NULL });
	ASSERT_LT(0, c->pppd);
	ASSERT_TRUE(pe_wait(c, pe_any, 30000));
	/* pppd now waits up to 30 s for the ACK of OpenPort. */
	usleep(300000);
	t = pe_now_ms();
	kill(c->pppd, SIGQUIT);
	status = pe_wait_exit(c->pppd, 5000);
	ok = pe_wait(c, pe_final, 5000);
	pe_print(c, "SIGQUIT while waiting for an ACK");
	EXPECT_EQ(127, status);		/* die(127), not the signal */
	if (status >= 0)
		c->pppd = 0;
	ASSERT_TRUE(ok);
	last = &c->evs[c->n - 1];
	EXPECT_EQ((uint32_t)RASCS_Disconnected, last->state);
	EXPECT_EQ((uint32_t)RASDIAL_ERROR_PPPD_VANISHED, last->error);
	EXPECT_TRUE(!!(last->flags & RASDIAL_F_VANISHED));
	EXPECT_GT(3000, last->at_ms - t);
}

/* RASDIAL_CMD_HANGUP from the owner socket; the kernel's answer. */
static int pe_send_hangup(struct pe_ctx *c, uint32_t conn)
{
	struct nl_msg *msg = nlmsg_alloc();

	if (!msg)
		return -NLE_NOMEM;
	if (!genlmsg_put(msg, NL_AUTO_PORT, NL_AUTO_SEQ, c->family, 0, 0,
			 RASDIAL_CMD_HANGUP, RASDIAL_GENL_VERSION) ||
	    nla_put_u32(msg, RASDIAL_A_CONN_ID, conn)) {
		nlmsg_free(msg);
		return -NLE_NOMEM;
	}
	return nl_send_sync(c->cmd, msg);
}

/*
 * The owner hangs up before its pppd's first event (the kernel frees a
 * conn no pppd has bound): that event gets ENOENT.  The pppd must not
 * dial on for nobody, unlisted and out of RasHangUp's reach: it ends as
 * a hang-up ends it, and the plugin's last word is 631.  (It used to
 * stop reporting and connect.)
 */
TEST_F_TIMEOUT(plugin, conn_gone_before_bind_ends_pppd, 60)
{
	struct pe_ctx *c = &self->c;
	int ended_as_hangup;
	uint32_t conn;
	int status;

	conn = pe_conn_new(c);
	ASSERT_NE(0u, conn);
	ASSERT_EQ(0, pe_send_hangup(c, conn));
	c->pppd = pe_start_pppd(conn, PE_SECRET, NULL);
	ASSERT_LT(0, c->pppd);
	status = pe_wait_exit(c->pppd, 20000);
	ended_as_hangup = dt_file_has(PE_LOG, "): RAS error 631");
	if (!pe_sigterm_exit(status) || !ended_as_hangup)
		pe_dump_log();
	TH_LOG("pppd exited %d", status);
	EXPECT_TRUE(pe_sigterm_exit(status));
	if (status >= 0)
		c->pppd = 0;
	EXPECT_TRUE(dt_file_has(PE_LOG, "is not this pppd's"));
	EXPECT_TRUE(ended_as_hangup);	/* ERROR_USER_DISCONNECTION */
	EXPECT_FALSE(dt_file_has(PE_LOG, "local  IP address"));
}

/*
 * The connect line runs under rasdial-connect only when asked
 * (rasdial-chat-report, which librasdial passes): a pppd that loads the
 * plugin from /etc/ppp/options for every dial keeps its connect line as
 * the admin wrote it.
 */
TEST_F_TIMEOUT(plugin, chat_report_only_when_asked, 120)
{
	struct pe_ctx *c = &self->c;

	if (access("/usr/sbin/chat", X_OK))
		SKIP(return, "no /usr/sbin/chat");
	pe_entry = PE_ENTRY_CHAT;
	for (int with = 0; with < 2; with++) {
		int ok, status;

		c->conn = 0;
		c->n = 0;
		c->pppd = pe_start_pppd(0, NULL, with ? (const char *const[]){
					"rasdial-chat-report", NULL } : NULL);
		ASSERT_LT(0, c->pppd);
		ok = pe_wait(c, pe_connected, 60000);
		pe_print(c, with ? "with rasdial-chat-report" : "without");
		if (!ok)
			pe_dump_log();
		ASSERT_TRUE(ok);
		EXPECT_EQ((uint32_t)RASCS_Connected, c->evs[c->n - 1].state);
		/* The plugin read chat's report (pppd's "debug" log). */
		EXPECT_EQ(with, dt_file_has(PE_LOG, "rasdial: chat exit 0"))
			TH_LOG("with %d", with);
		pe_dump_log_lines("rasdial: chat");
		kill(c->pppd, SIGTERM);
		/* USER_REQUEST, or HANGUP when the pty peer (in pppd's
		 * process group, signalled too) closes first. */
		status = pe_wait_exit(c->pppd, 20000);
		EXPECT_TRUE(status == 5 || status == 16) TH_LOG("exit %d", status);
		c->pppd = 0;
	}
}

/*
 * The registry is full (ENOSPC) when a pppd no shim started registers
 * itself: the plugin loses those events but not the relay, and once
 * there is room again the next event registers the link, which is then
 * listed.  (It used to give up at the first refusal.)
 */
TEST_F_TIMEOUT(plugin, registry_full_then_registers, 90)
{
	struct pe_ctx *c = &self->c;
	int fd, ok, full = 0;
	ssize_t n;

	fd = open(PE_MAX_CONNS, O_RDONLY);
	if (fd < 0)
		SKIP(return, "no %s", PE_MAX_CONNS);
	n = read(fd, pe_saved_max_conns, sizeof(pe_saved_max_conns) - 1);
	close(fd);
	ASSERT_LT(0, n);
	pe_saved_max_conns[n] = '\0';
	ASSERT_EQ(0, pe_set_max_conns("0"));
	c->conn = 0;			/* follow by pid */
	c->pppd = pe_start_pppd(0, NULL, NULL);
	ASSERT_LT(0, c->pppd);
	/* Bounded: 10 s for the first refusal to be logged. */
	for (int i = 0; i < 1000 && !full; i++) {
		full = dt_file_has(PE_LOG, "not reported");
		if (!full)
			usleep(10000);
	}
	ASSERT_EQ(0, pe_set_max_conns(pe_saved_max_conns));
	pe_saved_max_conns[0] = '\0';
	ASSERT_TRUE(full);
	ok = pe_wait(c, pe_connected, 60000);
	pe_print(c, "registered after the registry had room again");
	if (!ok)
		pe_dump_log();
	ASSERT_TRUE(ok);
	EXPECT_EQ((uint32_t)RASCS_Connected, c->evs[c->n - 1].state);
	EXPECT_TRUE(!!(c->evs[0].flags & RASDIAL_F_SELF_REGISTERED));
	EXPECT_LT(1u, c->evs[0].seq);	/* the first ones were lost */
	c->conn = c->evs[0].conn;
	pe_hang_up_by_user(_metadata, c, "hang-up after a full registry");
}

TEST_HARNESS_MAIN
