// SPDX-License-Identifier: GPL-2.0
/*
 * fake-pppd - plays pppd with its rasdial.so plugin on librasdial's direct
 * relay (include/uapi/linux/rasdial.h, "Direct mode"), for
 * tests/host/direct_relay.c, whose RasDial runs it as RASDIAL_PPPD.  No
 * PPP: it sends the events a script names, as plugin/relay.c builds them,
 * checks every answer of the library against the contract and writes
 * what it saw to a report.
 *
 * Arguments: pppd's, as librasdial writes them; "rasdial-conn ID",
 * "rasdial-fd FD" and "rasdial-passwd-fd FD" are read, the rest ignored.
 *
 * FAKE_PPPD_DIR: the report goes to DIR/report.ID; the test's notifier
 * appends one line "STATE ERROR" to DIR/cb.ID as each call returns.
 * FAKE_PPPD_SCRIPT: steps separated by blanks, run in order:
 *   acks:1, acks:0  every later answer must ask for an ACK (1), or must
 *                   not (0); by default either is taken
 *   cb:1, cb:0      (1) when each later ACK arrives, the notifier's last
 *                   call (the last line of DIR/cb.ID) must be for the
 *                   event's state: it has returned
 *   ev:STATE[,error=N][,exit=N][,phase=N][,final][,local=IP][,remote=IP]
 *                   one RASDIAL_CMD_EVENT (numbers in C notation).  The
 *                   answer must be one datagram: the EVENT reply with our
 *                   CONN_ID and FLAGS, and the NLMSG_ERROR 0, both with
 *                   the request's nlmsg_seq.  With RASDIAL_F_WANT_ACK the
 *                   ACK of this SEQ must follow within 5 s; without it
 *                   nothing may come for 150 ms
 *   badid:STATE     the event with CONN_ID ID + 1: the answer must be the
 *                   NLMSG_ERROR -ENOENT alone, and nothing may follow for
 *                   150 ms
 *   term            waits (at most 10 s) for SIGTERM, which must come
 *                   from our parent, the dialing program
 *   hold            writes "hold", then waits (at most 20 s) to be killed
 *   exit:N          exits with status N (the script's end: exit 0)
 *
 * Report lines, each one write: "pid P", "conn ID fd FD", "passwd TEXT",
 * "sent SEQ STATE", "ack SEQ", "sigterm from PID", "hold", "FAIL WHY",
 * and last "exit N NS", NS being CLOCK_MONOTONIC in ns just before the
 * exit.  The first FAIL ends the script: exit 99; so does a SIGTERM that
 * no "term" step took.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <poll.h>
#include <signal.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#include <linux/netlink.h>
#include <netlink/attr.h>
#include <netlink/genl/genl.h>
#include <netlink/msg.h>
#include <netlink/netlink.h>

#include <linux/rasdial.h>

#define ANSWER_MS	5000	/* the library's answer to an event */
#define ACK_MS		5000	/* its ACK, the notifier's 10 ms included */
#define QUIET_MS	150	/* nothing may come after an answer without ACK */
#define TERM_MS		10000
#define HOLD_MS		20000
#define FAIL_EXIT	99

static int report_fd = -1;
static int relay_fd = -1;
static uint32_t conn;
static uint32_t seq;		/* RASDIAL_A_SEQ of the last event */
static uint32_t nlseq;		/* nlmsg_seq of the last request */
static int acks_mode = -1;	/* acks:N, -1: either */
static bool cb_check;
static const char *dir;

static int64_t now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000000000 + ts.tv_nsec;
}

static void report(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static void report(const char *fmt, ...)
{
	char line[512];
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(line, sizeof(line) - 1, fmt, ap);
	va_end(ap);
	if (n < 0)
		return;
	if (n > (int)sizeof(line) - 2)
		n = (int)sizeof(line) - 2;
	line[n++] = '\n';
	if (report_fd >= 0 && write(report_fd, line, (size_t)n) < 0) {
		/* nowhere else to say it */
	}
}

static void __attribute__((noreturn)) finish(int status)
{
	struct timespec zero = { 0 };
	sigset_t set;
	siginfo_t si;

	/* A SIGTERM no "term" step took: RasHangUp where none was made. */
	sigemptyset(&set);
	sigaddset(&set, SIGTERM);
	if (sigtimedwait(&set, &si, &zero) == SIGTERM) {
		report("FAIL SIGTERM from %d that the script did not wait for",
		       (int)si.si_pid);
		status = FAIL_EXIT;
	}
	report("exit %d %lld", status, (long long)now_ns());
	exit(status);
}

static void fail(const char *fmt, ...)
	__attribute__((noreturn, format(printf, 1, 2)));
static void fail(const char *fmt, ...)
{
	char why[400];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(why, sizeof(why), fmt, ap);
	va_end(ap);
	report("FAIL %s", why);
	finish(FAIL_EXIT);
}

/* What one datagram from the library held. */
struct dgram {
	int msgs;
	int errs;			/* NLMSG_ERROR */
	int err;
	uint32_t err_seq, err_req_seq;	/* its header's, the echoed request's */
	int replies;			/* RASDIAL_CMD_EVENT */
	uint32_t reply_seq, reply_conn, reply_flags;
	bool reply_has_conn, reply_has_flags;
	int acks;			/* RASDIAL_CMD_ACK */
	uint32_t ack_conn, ack_seq;
	bool ack_complete;
	int others;
};

static const struct nla_policy answer_policy[RASDIAL_A_MAX + 1] = {
	[RASDIAL_A_CONN_ID] = { .type = NLA_U32 },
	[RASDIAL_A_SEQ] = { .type = NLA_U32 },
	[RASDIAL_A_FLAGS] = { .type = NLA_U32 },
};

static void parse_msg(struct nlmsghdr *nh, struct dgram *d)
{
	struct nlattr *tb[RASDIAL_A_MAX + 1];
	struct genlmsghdr *gh;

	d->msgs++;
	if (nh->nlmsg_type == NLMSG_ERROR) {
		const struct nlmsgerr *e = nlmsg_data(nh);

		if (nh->nlmsg_len < NLMSG_LENGTH(sizeof(*e))) {
			d->others++;
			return;
		}
		d->errs++;
		d->err = e->error;
		d->err_seq = nh->nlmsg_seq;
		d->err_req_seq = e->msg.nlmsg_seq;
		return;
	}
	if (nh->nlmsg_type != RASDIAL_DIRECT_FAMILY ||
	    !genlmsg_valid_hdr(nh, 0) ||
	    genlmsg_parse(nh, 0, tb, RASDIAL_A_MAX, answer_policy) < 0) {
		d->others++;
		return;
	}
	gh = nlmsg_data(nh);
	if (gh->cmd == RASDIAL_CMD_EVENT) {
		d->replies++;
		d->reply_seq = nh->nlmsg_seq;
		d->reply_has_conn = tb[RASDIAL_A_CONN_ID];
		d->reply_has_flags = tb[RASDIAL_A_FLAGS];
		if (tb[RASDIAL_A_CONN_ID])
			d->reply_conn = nla_get_u32(tb[RASDIAL_A_CONN_ID]);
		if (tb[RASDIAL_A_FLAGS])
			d->reply_flags = nla_get_u32(tb[RASDIAL_A_FLAGS]);
	} else if (gh->cmd == RASDIAL_CMD_ACK) {
		d->acks++;
		d->ack_complete = tb[RASDIAL_A_CONN_ID] && tb[RASDIAL_A_SEQ];
		if (tb[RASDIAL_A_CONN_ID])
			d->ack_conn = nla_get_u32(tb[RASDIAL_A_CONN_ID]);
		if (tb[RASDIAL_A_SEQ])
			d->ack_seq = nla_get_u32(tb[RASDIAL_A_SEQ]);
	} else {
		d->others++;
	}
}

/* One datagram within TIMEOUT_MS: 1, 0 on timeout; EOF fails. */
static int recv_dgram(int timeout_ms, struct dgram *d)
{
	static char buf[16384] __attribute__((aligned(NLMSG_ALIGNTO)));
	int64_t deadline = now_ns() + (int64_t)timeout_ms * 1000000;
	struct pollfd pfd = { .fd = relay_fd, .events = POLLIN };
	struct nlmsghdr *nh;
	ssize_t n;
	int len;

	memset(d, 0, sizeof(*d));
	for (;;) {
		int64_t left = (deadline - now_ns()) / 1000000;

		if (left < 0)
			return 0;
		n = poll(&pfd, 1, (int)left);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			fail("poll: %s", strerror(errno));
		if (n == 0)
			return 0;
		n = recv(relay_fd, buf, sizeof(buf), MSG_DONTWAIT);
		if (n < 0 && (errno == EINTR || errno == EAGAIN))
			continue;
		if (n < 0)
			fail("recv: %s", strerror(errno));
		if (n == 0)
			fail("the library closed its end");
		break;
	}
	len = (int)n;
	for (nh = (struct nlmsghdr *)buf; nlmsg_ok(nh, len);
	     nh = nlmsg_next(nh, &len))
		parse_msg(nh, d);
	if (len)
		d->others++;	/* trailing bytes that are no message */
	return 1;
}

static void describe(const struct dgram *d, char *buf, size_t size)
{
	snprintf(buf, size,
		 "%d msgs: %d errors (%d, seq %u/%u), %d replies (seq %u conn %u flags %#x), %d acks (conn %u seq %u), %d others",
		 d->msgs, d->errs, d->err, d->err_seq, d->err_req_seq,
		 d->replies, d->reply_seq, d->reply_conn, d->reply_flags,
		 d->acks, d->ack_conn, d->ack_seq, d->others);
}

/* Nothing may arrive for QUIET_MS (after an answer that asked no ACK). */
static void expect_quiet(const char *after)
{
	struct dgram d;
	char what[256];

	if (recv_dgram(QUIET_MS, &d)) {
		describe(&d, what, sizeof(what));
		fail("unasked message after %s: %s", after, what);
	}
}

struct event {
	uint32_t state, error, phase;
	int64_t exit_status;		/* -1: none */
	bool final;
	bool has_local, has_remote;
	struct in_addr local, remote;
};

/* pppd's phase (PHASE_*) when the plugin reports STATE. */
static uint32_t default_phase(uint32_t state)
{
	if (state <= 3)
		return 2;		/* SERIALCONN */
	if (state == 4)
		return 4;		/* ESTABLISH */
	if (state < 18)
		return 5;		/* AUTHENTICATE */
	if (state == 0x2000)
		return 8;		/* RUNNING */
	if (state == 0x2001)
		return 0;		/* DEAD */
	return 7;			/* NETWORK */
}

static void send_event(uint32_t id, const struct event *ev)
{
	struct nl_msg *msg = nlmsg_alloc();
	struct nlmsghdr *nh;
	int err = 0;
	ssize_t n;

	if (!msg)
		fail("nlmsg_alloc");
	seq++;
	nlseq++;
	if (!genlmsg_put(msg, NL_AUTO_PORT, nlseq, RASDIAL_DIRECT_FAMILY, 0,
			 NLM_F_REQUEST | NLM_F_ACK, RASDIAL_CMD_EVENT,
			 RASDIAL_GENL_VERSION))
		fail("genlmsg_put");
	err |= nla_put_u32(msg, RASDIAL_A_CONN_ID, id);
	err |= nla_put_u32(msg, RASDIAL_A_SEQ, seq);
	err |= nla_put_u32(msg, RASDIAL_A_STATE, ev->state);
	err |= nla_put_u32(msg, RASDIAL_A_ERROR, ev->error);
	err |= nla_put_u32(msg, RASDIAL_A_PHASE, ev->phase);
	if (ev->final)
		err |= nla_put_u32(msg, RASDIAL_A_FLAGS, RASDIAL_F_FINAL);
	if (ev->exit_status >= 0)
		err |= nla_put_u32(msg, RASDIAL_A_EXIT_STATUS,
				   (uint32_t)ev->exit_status);
	if (ev->has_local)
		err |= nla_put(msg, RASDIAL_A_LOCAL_ADDR, 4, &ev->local);
	if (ev->has_remote)
		err |= nla_put(msg, RASDIAL_A_REMOTE_ADDR, 4, &ev->remote);
	if (err)
		fail("nla_put");
	nh = nlmsg_hdr(msg);
	do {
		n = send(relay_fd, nh, nh->nlmsg_len, MSG_NOSIGNAL);
	} while (n < 0 && errno == EINTR);
	if (n != (ssize_t)nh->nlmsg_len)
		fail("send event %u: %s", seq, n < 0 ? strerror(errno) : "short");
	nlmsg_free(msg);
	report("sent %u %#x", seq, ev->state);
}

/* The notifier's last call, from DIR/cb.ID: its state, or -1. */
static int64_t last_callback_state(void)
{
	char path[PATH_MAX], buf[4096], *last;
	unsigned long state;
	ssize_t n;
	int fd;

	snprintf(path, sizeof(path), "%s/cb.%u", dir, conn);
	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return -1;
	n = read(fd, buf, sizeof(buf) - 1);
	close(fd);
	if (n <= 0)
		return -1;
	buf[n] = '\0';
	while (n > 0 && buf[n - 1] == '\n')
		buf[--n] = '\0';
	last = strrchr(buf, '\n');
	last = last ? last + 1 : buf;
	if (sscanf(last, "%lu", &state) != 1)
		return -1;
	return (int64_t)state;
}

static void wait_ack(const struct event *ev)
{
	struct dgram d;
	char what[256];
	int64_t cb;

	if (!recv_dgram(ACK_MS, &d))
		fail("no ACK of event %u within %d ms", seq, ACK_MS);
	if (d.msgs != 1 || d.acks != 1 || !d.ack_complete) {
		describe(&d, what, sizeof(what));
		fail("waiting for the ACK of event %u: %s", seq, what);
	}
	if (d.ack_conn != conn || d.ack_seq != seq)
		fail("ACK of conn %u seq %u, waiting for conn %u seq %u",
		     d.ack_conn, d.ack_seq, conn, seq);
	if (cb_check && (cb = last_callback_state()) != (int64_t)ev->state)
		fail("ACK of event %u (state %#x) before the notifier returned from it (its last call: %lld)",
		     seq, ev->state, (long long)cb);
	report("ack %u", seq);
}

static void step_event(const struct event *ev)
{
	struct dgram d;
	char what[256];
	bool want;

	send_event(conn, ev);
	if (!recv_dgram(ANSWER_MS, &d))
		fail("no answer to event %u within %d ms", seq, ANSWER_MS);
	describe(&d, what, sizeof(what));
	if (d.msgs != 2 || d.errs != 1 || d.replies != 1)
		fail("answer to event %u is not the reply and the ack in one datagram: %s",
		     seq, what);
	if (d.err != 0)
		fail("event %u refused: %s", seq, strerror(-d.err));
	if (d.err_seq != nlseq || d.err_req_seq != nlseq || d.reply_seq != nlseq)
		fail("answer to event %u has the wrong nlmsg_seq (request's %u): %s",
		     seq, nlseq, what);
	if (!d.reply_has_conn || d.reply_conn != conn || !d.reply_has_flags)
		fail("reply to event %u: CONN_ID or FLAGS missing or wrong: %s",
		     seq, what);
	if (d.reply_flags & ~(uint32_t)RASDIAL_F_WANT_ACK)
		fail("reply to event %u: flags %#x", seq, d.reply_flags);
	want = d.reply_flags & RASDIAL_F_WANT_ACK;
	if (acks_mode >= 0 && want != (acks_mode == 1))
		fail("reply to event %u %s an ACK", seq,
		     want ? "asks for" : "does not ask for");
	if (want) {
		wait_ack(ev);
	} else {
		snprintf(what, sizeof(what), "event %u", seq);
		expect_quiet(what);
	}
}

static void step_badid(uint32_t state)
{
	struct event ev = { .state = state, .phase = default_phase(state),
			    .exit_status = -1 };
	struct dgram d;
	char what[256];

	send_event(conn + 1, &ev);
	if (!recv_dgram(ANSWER_MS, &d))
		fail("no answer to event %u (conn %u) within %d ms", seq,
		     conn + 1, ANSWER_MS);
	describe(&d, what, sizeof(what));
	if (d.msgs != 1 || d.errs != 1 || d.err != -ENOENT ||
	    d.err_seq != nlseq || d.err_req_seq != nlseq)
		fail("event %u for conn %u: not an NLMSG_ERROR -ENOENT alone: %s",
		     seq, conn + 1, what);
	snprintf(what, sizeof(what), "the refused event %u", seq);
	expect_quiet(what);
}

static void step_term(void)
{
	struct timespec ts = { .tv_sec = TERM_MS / 1000 };
	sigset_t set;
	siginfo_t si;

	sigemptyset(&set);
	sigaddset(&set, SIGTERM);
	if (sigtimedwait(&set, &si, &ts) != SIGTERM)
		fail("no SIGTERM within %d ms", TERM_MS);
	report("sigterm from %d", (int)si.si_pid);
	if (si.si_pid != getppid())
		fail("SIGTERM from %d, not from the dialing program %d",
		     (int)si.si_pid, (int)getppid());
}

static void step_hold(void)
{
	int64_t deadline = now_ns() + (int64_t)HOLD_MS * 1000000;
	int64_t left;

	report("hold");
	while ((left = (deadline - now_ns()) / 1000000) > 0)
		poll(NULL, 0, (int)left);
	fail("not killed within %d ms", HOLD_MS);
}

static uint32_t number(const char *s, const char *step)
{
	unsigned long v;
	char *end;

	errno = 0;
	v = strtoul(s, &end, 0);
	if (errno || end == s || *end || v > UINT32_MAX)
		fail("script: \"%s\" in \"%s\" is no number", s, step);
	return (uint32_t)v;
}

static void parse_event(char *arg, const char *step, struct event *ev)
{
	char *key, *save = NULL, *val;

	memset(ev, 0, sizeof(*ev));
	ev->exit_status = -1;
	key = strtok_r(arg, ",", &save);
	if (!key)
		fail("script: \"%s\" names no state", step);
	ev->state = number(key, step);
	ev->phase = default_phase(ev->state);
	while ((key = strtok_r(NULL, ",", &save))) {
		val = strchr(key, '=');
		if (val)
			*val++ = '\0';
		if (!strcmp(key, "final") && !val)
			ev->final = true;
		else if (!strcmp(key, "error") && val)
			ev->error = number(val, step);
		else if (!strcmp(key, "exit") && val)
			ev->exit_status = number(val, step);
		else if (!strcmp(key, "phase") && val)
			ev->phase = number(val, step);
		else if (!strcmp(key, "local") && val &&
			 inet_pton(AF_INET, val, &ev->local) == 1)
			ev->has_local = true;
		else if (!strcmp(key, "remote") && val &&
			 inet_pton(AF_INET, val, &ev->remote) == 1)
			ev->has_remote = true;
		else
			fail("script: bad \"%s\" in \"%s\"", key, step);
	}
}

static void run_step(char *step)
{
	char copy[256], *arg = strchr(step, ':');
	struct event ev;

	snprintf(copy, sizeof(copy), "%s", step);
	if (arg)
		*arg++ = '\0';
	if (!strcmp(step, "acks") && arg) {
		acks_mode = (int)number(arg, copy) != 0;
	} else if (!strcmp(step, "cb") && arg) {
		cb_check = number(arg, copy) != 0;
	} else if (!strcmp(step, "ev") && arg) {
		parse_event(arg, copy, &ev);
		step_event(&ev);
	} else if (!strcmp(step, "badid") && arg) {
		step_badid(number(arg, copy));
	} else if (!strcmp(step, "term") && !arg) {
		step_term();
	} else if (!strcmp(step, "hold") && !arg) {
		step_hold();
	} else if (!strcmp(step, "exit") && arg) {
		finish((int)number(arg, copy));
	} else {
		fail("script: unknown step \"%s\"", copy);
	}
}

/* The password librasdial piped to rasdial-passwd-fd. */
static void report_password(int fd)
{
	char pw[512];
	size_t len = 0;
	ssize_t n;

	while (len < sizeof(pw) - 1 &&
	       (n = read(fd, pw + len, sizeof(pw) - 1 - len)) != 0) {
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			fail("rasdial-passwd-fd %d: %s", fd, strerror(errno));
		len += (size_t)n;
	}
	pw[len] = '\0';
	close(fd);
	report("passwd %s", pw);
}

int main(int argc, char **argv)
{
	char path[PATH_MAX], *script, *save = NULL, *step;
	const char *s;
	int domain = 0, type = 0, passwd_fd = -1, i;
	socklen_t len = sizeof(int);
	sigset_t term;

	/* SIGTERM is taken by the "term" step (sigtimedwait). */
	sigemptyset(&term);
	sigaddset(&term, SIGTERM);
	sigprocmask(SIG_BLOCK, &term, NULL);

	for (i = 1; i + 1 < argc; i++) {
		if (!strcmp(argv[i], "rasdial-conn"))
			conn = (uint32_t)strtoul(argv[++i], NULL, 10);
		else if (!strcmp(argv[i], "rasdial-fd"))
			relay_fd = atoi(argv[++i]);
		else if (!strcmp(argv[i], "rasdial-passwd-fd"))
			passwd_fd = atoi(argv[++i]);
	}
	dir = getenv("FAKE_PPPD_DIR");
	if (!dir)
		return 2;
	snprintf(path, sizeof(path), "%s/report.%u", dir, conn);
	report_fd = open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0644);
	if (report_fd < 0)
		return 2;
	report("pid %d", (int)getpid());
	if (!conn || relay_fd < 3)
		fail("no rasdial-conn or rasdial-fd above 2 in the arguments");
	if (getsockopt(relay_fd, SOL_SOCKET, SO_DOMAIN, &domain, &len) < 0 ||
	    getsockopt(relay_fd, SOL_SOCKET, SO_TYPE, &type, &len) < 0 ||
	    domain != AF_UNIX || type != SOCK_SEQPACKET)
		fail("rasdial-fd %d is not an AF_UNIX SOCK_SEQPACKET socket",
		     relay_fd);
	report("conn %u fd %d", conn, relay_fd);
	if (passwd_fd >= 0)
		report_password(passwd_fd);

	s = getenv("FAKE_PPPD_SCRIPT");
	script = strdup(s ? s : "");
	if (!script)
		fail("out of memory");
	for (step = strtok_r(script, " \t\n", &save); step;
	     step = strtok_r(NULL, " \t\n", &save))
		run_step(step);
	free(script);
	finish(0);
}
