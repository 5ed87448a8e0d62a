// SPDX-License-Identifier: GPL-2.0-only
/*
 * kernel_genl: the generic netlink family "rasdial" of rasdial.ko, driven
 * straight through libnl, the way pppd's plugin and librasdial use it.
 *
 * Runs inside the test VM as root with rasdial.ko inserted (tests/vm/run-in-vm
 * kernel_genl).  "Plugins" are forked children that report events over their
 * own sockets and answer the test through a pipe; the test process is the
 * conns' owner and also listens on the "events" group.
 */

#include <errno.h>
#include <poll.h>
#include <sched.h>
#include <signal.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <arpa/inet.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <sys/wait.h>

#include <linux/netlink.h>
#include <linux/rasdial.h>
#include <netlink/genl/ctrl.h>
#include <netlink/genl/genl.h>
#include <netlink/netlink.h>

#include "kselftest_harness.h"

#define RASCS_AUTHENTICATE	5u
#define RASCS_CONNECTED		0x2000u
#define RASCS_DISCONNECTED	0x2001u
#define PHASE_RUNNING		8u
#define NOBODY			65534u
#define ERROR_AUTHENTICATION_FAILURE	691u

/* How long a reply or an event may take (TCG is slow, but not this slow). */
#define WAIT_MS			5000

/* ------------------------------------------------------------------ netlink */

/* One received generic netlink message of the family, attributes copied. */
struct gmsg {
	uint8_t cmd;
	bool used;
	bool has[RASDIAL_A_MAX + 1];
	uint16_t len[RASDIAL_A_MAX + 1];
	unsigned char data[RASDIAL_A_MAX + 1][RASDIAL_ENTRY_MAX + 1];
};

struct chan {
	struct nl_sock *sk;
	struct nl_cb *cb;
	int fam;
	struct gmsg *m;		/* received, in order */
	int n, cap;
	int first;		/* first message of the current request */
	bool done;
	int err;		/* 0 or -errno of the current request */
	char ext[256];		/* its extack message */
};

/* Netlink fds this process opened: a forked "plugin" closes its copies so
 * that closing a socket in the test really releases it.
 */
static int open_fds[16];
static int n_open_fds;

static uint32_t g32(const struct gmsg *m, int attr)
{
	uint32_t v = 0xdeadbeef;

	if (m->has[attr] && m->len[attr] == sizeof(v))
		memcpy(&v, m->data[attr], sizeof(v));
	return v;
}

static const char *gstr(const struct gmsg *m, int attr)
{
	return m->has[attr] ? (const char *)m->data[attr] : "(absent)";
}

static int valid_cb(struct nl_msg *msg, void *arg)
{
	struct nlmsghdr *nlh = nlmsg_hdr(msg);
	struct nlattr *tb[RASDIAL_A_MAX + 1];
	struct chan *c = arg;
	struct gmsg *m;
	int i;

	if (nlh->nlmsg_type != c->fam ||
	    genlmsg_parse(nlh, 0, tb, RASDIAL_A_MAX, NULL) < 0)
		return NL_SKIP;
	if (c->n == c->cap) {
		int cap = c->cap ? 2 * c->cap : 16;
		struct gmsg *nm = realloc(c->m, cap * sizeof(*nm));

		if (!nm)
			return NL_STOP;
		c->m = nm;
		c->cap = cap;
	}
	m = &c->m[c->n++];
	memset(m, 0, sizeof(*m));
	m->cmd = ((struct genlmsghdr *)nlmsg_data(nlh))->cmd;
	for (i = 1; i <= RASDIAL_A_MAX; i++) {
		int len;

		if (!tb[i])
			continue;
		len = nla_len(tb[i]);
		if (len > RASDIAL_ENTRY_MAX)
			len = RASDIAL_ENTRY_MAX;
		m->has[i] = true;
		m->len[i] = len;
		memcpy(m->data[i], nla_data(tb[i]), len);
	}
	return NL_OK;
}

/* NLMSG_DONE (a dump's end, carrying its error) or an ACK. */
static int finish_cb(struct nl_msg *msg, void *arg)
{
	struct nlmsghdr *nlh = nlmsg_hdr(msg);
	struct nlattr *tb[NLMSGERR_ATTR_MAX + 1];
	struct chan *c = arg;
	int e;

	c->done = true;
	if (nlh->nlmsg_type != NLMSG_DONE ||
	    nlh->nlmsg_len < NLMSG_LENGTH(sizeof(e)))
		return NL_STOP;
	memcpy(&e, nlmsg_data(nlh), sizeof(e));
	c->err = e;
	if ((nlh->nlmsg_flags & NLM_F_ACK_TLVS) &&
	    nla_parse(tb, NLMSGERR_ATTR_MAX,
		      (struct nlattr *)((char *)nlmsg_data(nlh) + sizeof(e)),
		      nlh->nlmsg_len - NLMSG_LENGTH(sizeof(e)), NULL) == 0 &&
	    tb[NLMSGERR_ATTR_MSG])
		snprintf(c->ext, sizeof(c->ext), "%s",
			 (char *)nla_data(tb[NLMSGERR_ATTR_MSG]));
	return NL_STOP;
}

static int seq_ok_cb(struct nl_msg *msg, void *arg)
{
	(void)msg;
	(void)arg;
	return NL_OK;
}

/* Keeps the errno and the extack message (NLMSGERR_ATTR_MSG). */
static int err_cb(struct sockaddr_nl *nla, struct nlmsgerr *e, void *arg)
{
	struct nlmsghdr *nlh = (struct nlmsghdr *)((char *)e - NLMSG_HDRLEN);
	struct nlattr *tb[NLMSGERR_ATTR_MAX + 1];
	int ack_len = NLMSG_HDRLEN + sizeof(*e);
	struct chan *c = arg;

	(void)nla;
	c->done = true;
	c->err = e->error;
	if (!(nlh->nlmsg_flags & NLM_F_ACK_TLVS))
		return NL_STOP;
	if (!(nlh->nlmsg_flags & NLM_F_CAPPED))
		ack_len += e->msg.nlmsg_len - NLMSG_HDRLEN;
	if ((int)nlh->nlmsg_len <= ack_len)
		return NL_STOP;
	if (nla_parse(tb, NLMSGERR_ATTR_MAX,
		      (struct nlattr *)((char *)nlh + ack_len),
		      nlh->nlmsg_len - ack_len, NULL) == 0 &&
	    tb[NLMSGERR_ATTR_MSG])
		snprintf(c->ext, sizeof(c->ext), "%s",
			 (char *)nla_data(tb[NLMSGERR_ATTR_MSG]));
	return NL_STOP;
}

static int chan_open(struct chan *c)
{
	struct timeval tv = { .tv_sec = WAIT_MS / 1000 };
	int one = 1, fd;

	memset(c, 0, sizeof(*c));
	c->sk = nl_socket_alloc();
	if (!c->sk)
		return -ENOMEM;
	if (genl_connect(c->sk) < 0)
		goto err;
	fd = nl_socket_get_fd(c->sk);
	if (setsockopt(fd, SOL_NETLINK, NETLINK_EXT_ACK, &one, sizeof(one)) ||
	    setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof(tv)))
		goto err;
	nl_socket_enable_msg_peek(c->sk);
	c->fam = genl_ctrl_resolve(c->sk, RASDIAL_GENL_NAME);
	if (c->fam < 0)
		goto err;
	c->cb = nl_cb_alloc(NL_CB_DEFAULT);
	if (!c->cb)
		goto err;
	/* Plugin sockets get unsolicited ACKs; events are unsolicited too. */
	nl_cb_set(c->cb, NL_CB_SEQ_CHECK, NL_CB_CUSTOM, seq_ok_cb, NULL);
	nl_cb_set(c->cb, NL_CB_VALID, NL_CB_CUSTOM, valid_cb, c);
	nl_cb_set(c->cb, NL_CB_FINISH, NL_CB_CUSTOM, finish_cb, c);
	nl_cb_set(c->cb, NL_CB_ACK, NL_CB_CUSTOM, finish_cb, c);
	nl_cb_err(c->cb, NL_CB_CUSTOM, err_cb, c);
	if (n_open_fds < (int)ARRAY_SIZE(open_fds))
		open_fds[n_open_fds++] = fd;
	return 0;
err:
	nl_socket_free(c->sk);
	c->sk = NULL;
	return -ENOENT;
}

static void chan_close(struct chan *c)
{
	int i;

	if (!c->sk)
		return;
	for (i = 0; i < n_open_fds; i++)
		if (open_fds[i] == nl_socket_get_fd(c->sk))
			open_fds[i] = -1;
	nl_cb_put(c->cb);
	nl_socket_free(c->sk);
	free(c->m);
	memset(c, 0, sizeof(*c));
}

/* Drop what was read, except kernel ACKs nobody has looked at yet. */
static void chan_compact(struct chan *c)
{
	int i, n = 0;

	for (i = 0; i < c->n; i++)
		if (!c->m[i].used && c->m[i].cmd == RASDIAL_CMD_ACK)
			c->m[n++] = c->m[i];
	c->n = n;
}

static struct nl_msg *req_new(struct chan *c, uint8_t cmd, int flags)
{
	struct nl_msg *msg = nlmsg_alloc();

	if (msg && !genlmsg_put(msg, NL_AUTO_PORT, NL_AUTO_SEQ, c->fam, 0,
				flags, cmd, RASDIAL_GENL_VERSION)) {
		nlmsg_free(msg);
		msg = NULL;
	}
	return msg;
}

/* Sends MSG (freed) and reads until its ACK, error or NLMSG_DONE. */
static int req_do(struct chan *c, struct nl_msg *msg)
{
	int ret, guard;

	if (!msg)
		return -ENOMEM;
	chan_compact(c);
	c->first = c->n;
	c->done = false;
	c->err = 0;
	c->ext[0] = '\0';
	ret = nl_send_auto(c->sk, msg);
	nlmsg_free(msg);
	if (ret < 0)
		return c->err = -EIO;
	for (guard = 0; !c->done && guard < 100000; guard++) {
		ret = nl_recvmsgs(c->sk, c->cb);
		if (ret < 0 && !c->done) {
			c->err = ret == -NLE_AGAIN ? -ETIMEDOUT : -EIO;
			break;
		}
	}
	return c->err;
}

/* The reply of the last request, or NULL. */
static struct gmsg *reply_of(struct chan *c, uint8_t cmd)
{
	int i;

	for (i = c->first; i < c->n; i++)
		if (c->m[i].cmd == cmd && !c->m[i].used)
			return &c->m[i];
	return NULL;
}

static int64_t now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* Next unread message with command CMD (and CONN_ID ID unless 0), waiting
 * up to TIMEOUT_MS for it.  Copied to OUT.
 */
static bool chan_wait(struct chan *c, uint8_t cmd, uint32_t id, struct gmsg *out,
		    int timeout_ms)
{
	int64_t end = now_ms() + timeout_ms;
	int i;

	for (;;) {
		struct pollfd p = { .fd = nl_socket_get_fd(c->sk),
				    .events = POLLIN };
		int64_t left;

		for (i = 0; i < c->n; i++) {
			struct gmsg *m = &c->m[i];

			if (m->used || m->cmd != cmd ||
			    (id && g32(m, RASDIAL_A_CONN_ID) != id))
				continue;
			m->used = true;
			if (out)
				*out = *m;
			return true;
		}
		left = end - now_ms();
		if (left <= 0)
			return false;
		if (poll(&p, 1, (int)left) > 0)
			nl_recvmsgs(c->sk, c->cb);
	}
}

static int conn_new(struct chan *c, const char *entry, uint32_t flags,
		    uint32_t *id)
{
	struct nl_msg *msg = req_new(c, RASDIAL_CMD_CONN_NEW, 0);
	struct gmsg *r;
	int ret;

	if (msg && entry)
		nla_put_string(msg, RASDIAL_A_ENTRY, entry);
	if (msg && flags)
		nla_put_u32(msg, RASDIAL_A_FLAGS, flags);
	ret = req_do(c, msg);
	if (ret)
		return ret;
	r = reply_of(c, RASDIAL_CMD_CONN_NEW);
	if (!r)
		return -EBADMSG;
	r->used = true;
	*id = g32(r, RASDIAL_A_CONN_ID);
	return 0;
}

/* GET, HANGUP or ACK for one conn. */
static int conn_cmd(struct chan *c, uint8_t cmd, uint32_t id, uint32_t seq,
		    struct gmsg *out)
{
	struct nl_msg *msg = req_new(c, cmd, 0);
	struct gmsg *r;
	int ret;

	if (msg)
		nla_put_u32(msg, RASDIAL_A_CONN_ID, id);
	if (msg && cmd == RASDIAL_CMD_ACK)
		nla_put_u32(msg, RASDIAL_A_SEQ, seq);
	ret = req_do(c, msg);
	if (ret || !out)
		return ret;
	r = reply_of(c, cmd);
	if (!r)
		return -EBADMSG;
	r->used = true;
	*out = *r;
	return 0;
}

static int conn_get(struct chan *c, uint32_t id, struct gmsg *out)
{
	return conn_cmd(c, RASDIAL_CMD_GET, id, 0, out);
}

/* Dump; the conn messages are c->m[c->first .. c->n). */
static int conn_dump(struct chan *c)
{
	return req_do(c, req_new(c, RASDIAL_CMD_GET, NLM_F_DUMP));
}

static const struct gmsg *dump_find(struct chan *c, uint32_t id)
{
	int i;

	for (i = c->first; i < c->n; i++)
		if (c->m[i].cmd == RASDIAL_CMD_GET &&
		    g32(&c->m[i], RASDIAL_A_CONN_ID) == id)
			return &c->m[i];
	return NULL;
}

/* GET until ENOENT: the release of a socket is handled asynchronously. */
static bool conn_gone(struct chan *c, uint32_t id)
{
	int i;

	for (i = 0; i < 250; i++) {
		if (conn_get(c, id, NULL) == -ENOENT)
			return true;
		usleep(20000);
	}
	return false;
}

/* ------------------------------------------------------------------ plugins */

enum kid_op { K_EVENT, K_WAIT_ACK, K_REQ, K_FORK, K_SUBSCRIBE,
	      K_WAIT_EVENT, K_DUMP, K_JOIN_EVENTS };

struct kreq {
	int op;
	uint8_t cmd;		/* K_REQ */
	bool has_id;
	bool full;		/* K_EVENT: every optional attribute */
	uint32_t id, seq, state, error, flags;
	char entry[32];		/* K_EVENT: RASDIAL_A_ENTRY when not "";
				 * K_REQ CONN_NEW: the entry when not "" */
	bool has_adopt_uid;	/* K_EVENT: RASDIAL_A_ADOPT_UID */
	uint32_t adopt_uid;
};

struct kresp {
	int err;
	uint32_t id, seq, flags;
	char ext[256];
};

struct kid {
	pid_t pid;
	int to, from;
};

static const uint8_t ifid_local[8] = { 0x02, 0, 0, 0, 0, 0, 0, 0x01 };
static const uint8_t ifid_remote[8] = { 0x02, 0, 0, 0, 0, 0, 0, 0x02 };

static bool xfer(int fd, void *buf, size_t len, bool out, int timeout_ms)
{
	size_t done = 0;

	while (done < len) {
		struct pollfd p = { .fd = fd, .events = out ? POLLOUT : POLLIN };
		ssize_t n;

		if (timeout_ms >= 0 && poll(&p, 1, timeout_ms) <= 0)
			return false;
		n = out ? write(fd, (char *)buf + done, len - done) :
			  read(fd, (char *)buf + done, len - done);
		if (n <= 0)
			return false;
		done += n;
	}
	return true;
}

static void kid_event(struct chan *c, const struct kreq *q, struct kresp *r)
{
	struct nl_msg *msg = req_new(c, RASDIAL_CMD_EVENT, 0);
	struct in_addr a;
	struct gmsg *g;

	if (!msg) {
		r->err = -ENOMEM;
		return;
	}
	if (q->has_id)
		nla_put_u32(msg, RASDIAL_A_CONN_ID, q->id);
	nla_put_u32(msg, RASDIAL_A_SEQ, q->seq);
	nla_put_u32(msg, RASDIAL_A_STATE, q->state);
	if (q->error)
		nla_put_u32(msg, RASDIAL_A_ERROR, q->error);
	if (q->flags)
		nla_put_u32(msg, RASDIAL_A_FLAGS, q->flags);
	if (q->entry[0])
		nla_put_string(msg, RASDIAL_A_ENTRY, q->entry);
	if (q->has_adopt_uid)
		nla_put_u32(msg, RASDIAL_A_ADOPT_UID, q->adopt_uid);
	if (q->full) {
		nla_put_u32(msg, RASDIAL_A_EXT_ERROR, 0);
		nla_put_u32(msg, RASDIAL_A_PHASE, PHASE_RUNNING);
		nla_put_string(msg, RASDIAL_A_IFNAME, "ppp7");
		nla_put_u32(msg, RASDIAL_A_IFINDEX, 7);
		nla_put_string(msg, RASDIAL_A_DEVICE_NAME, "/dev/ttyS0");
		nla_put_string(msg, RASDIAL_A_DEVICE_TYPE, "modem");
		inet_pton(AF_INET, "192.0.2.2", &a);
		nla_put(msg, RASDIAL_A_LOCAL_ADDR, 4, &a);
		inet_pton(AF_INET, "192.0.2.1", &a);
		nla_put(msg, RASDIAL_A_REMOTE_ADDR, 4, &a);
		nla_put(msg, RASDIAL_A_LOCAL_IFID6, 8, ifid_local);
		nla_put(msg, RASDIAL_A_REMOTE_IFID6, 8, ifid_remote);
		nla_put_u32(msg, RASDIAL_A_BAUD, 115200);
		nla_put_u32(msg, RASDIAL_A_AUTH_PROTO, 0xC223);
		nla_put_u32(msg, RASDIAL_A_AUTH_DATA, 0x81);
		nla_put_u32(msg, RASDIAL_A_LCP_OPTIONS, 0x3);
		nla_put_u32(msg, RASDIAL_A_PEER_LCP_OPTIONS, 0x1);
	}
	r->err = req_do(c, msg);
	g = reply_of(c, RASDIAL_CMD_EVENT);
	if (!r->err && g) {
		g->used = true;
		r->id = g32(g, RASDIAL_A_CONN_ID);
		r->flags = g32(g, RASDIAL_A_FLAGS);
	}
}

/* Set by a test before kid_start: keep euid 0 (setuid pppd). */
static int kid_setuid_style;

static void kid_main(struct kid *k, uid_t uid)
{
	struct chan c;
	int i;

	for (i = 0; i < n_open_fds; i++)
		if (open_fds[i] >= 0)
			close(open_fds[i]);
	n_open_fds = 0;
	if (uid && kid_setuid_style) {
		/* like setuid-root pppd run by UID: real uid UID, euid 0,
		 * so CAP_NET_ADMIN stays */
		if (setresuid(uid, 0, 0))
			_exit(2);
	} else if (uid && (setresgid(uid, uid, uid) ||
			   setresuid(uid, uid, uid))) {
		_exit(2);
	}
	if (chan_open(&c))
		_exit(3);

	for (;;) {
		struct kresp r = { 0 };
		struct kreq q;
		struct gmsg g;

		if (!xfer(k->to, &q, sizeof(q), false, -1))
			_exit(0);
		switch (q.op) {
		case K_EVENT:
			kid_event(&c, &q, &r);
			break;
		case K_WAIT_ACK:
			if (chan_wait(&c, RASDIAL_CMD_ACK, 0, &g, WAIT_MS)) {
				r.id = g32(&g, RASDIAL_A_CONN_ID);
				r.seq = g32(&g, RASDIAL_A_SEQ);
			} else {
				r.err = -ETIMEDOUT;
			}
			break;
		case K_REQ:
			if (q.cmd == RASDIAL_CMD_CONN_NEW)
				r.err = conn_new(&c, q.entry[0] ? q.entry :
						 "nobody's", q.flags, &r.id);
			else
				r.err = conn_cmd(&c, q.cmd, q.id, q.seq, NULL);
			break;
		case K_SUBSCRIBE:
			r.err = req_do(&c, req_new(&c, RASDIAL_CMD_SUBSCRIBE, 0));
			break;
		case K_WAIT_EVENT:
			/* q.seq: how long (ms); r.seq: the event's SEQ */
			if (chan_wait(&c, RASDIAL_CMD_EVENT, q.id, &g, q.seq))
				r.seq = g32(&g, RASDIAL_A_SEQ);
			else
				r.err = -ETIMEDOUT;
			break;
		case K_DUMP:
			/* r.id: conns listed; r.seq: q.id among them;
			 * r.flags: conns of another owner listed */
			r.err = conn_dump(&c);
			for (i = c.first; !r.err && i < c.n; i++) {
				if (c.m[i].cmd != RASDIAL_CMD_GET)
					continue;
				r.id++;
				if (g32(&c.m[i], RASDIAL_A_CONN_ID) == q.id)
					r.seq = 1;
				if (g32(&c.m[i], RASDIAL_A_OWNER_UID) != getuid())
					r.flags++;
			}
			break;
		case K_JOIN_EVENTS:
			i = genl_ctrl_resolve_grp(c.sk, RASDIAL_GENL_NAME,
						  RASDIAL_MCGRP_EVENTS);
			r.err = i < 0 ? -ENOENT :
				nl_socket_add_membership(c.sk, i);
			if (r.err == -NLE_PERM)
				r.err = -EPERM;
			break;
		case K_FORK: {
			/* like pppd's updetach: the parent leaves, the child
			 * goes on with the socket (and answers) */
			pid_t p = fork();

			if (p > 0)
				_exit(0);
			if (p < 0)
				r.err = -errno;
			else
				r.id = (uint32_t)getpid();
			break;
		}
		}
		snprintf(r.ext, sizeof(r.ext), "%s", c.ext);
		if (!xfer(k->from, &r, sizeof(r), true, -1))
			_exit(0);
	}
}

/* A "pppd plugin": a child with its own socket, running as UID. */
static bool kid_start(struct kid *k, uid_t uid)
{
	int to[2], from[2];

	if (pipe(to) || pipe(from))
		return false;
	k->pid = fork();
	if (k->pid < 0)
		return false;
	if (k->pid == 0) {
		close(to[1]);
		close(from[0]);
		k->to = to[0];
		k->from = from[1];
		kid_main(k, uid);
		_exit(0);
	}
	close(to[0]);
	close(from[1]);
	k->to = to[1];
	k->from = from[0];
	return true;
}

static bool kid_call(struct kid *k, const struct kreq *q, struct kresp *r)
{
	memset(r, 0, sizeof(*r));
	return xfer(k->to, (void *)q, sizeof(*q), true, WAIT_MS) &&
	       xfer(k->from, r, sizeof(*r), false, WAIT_MS);
}

static struct kresp kid_ev(struct kid *k, uint32_t id, uint32_t seq,
			   uint32_t state, uint32_t flags, bool full)
{
	struct kreq q = { .op = K_EVENT, .has_id = true, .id = id, .seq = seq,
			  .state = state, .flags = flags, .full = full };
	struct kresp r;

	if (!kid_call(k, &q, &r))
		r.err = -EPIPE;
	return r;
}

/* Bounded wait for the child; returns its wait status or -1. */
static int kid_wait(struct kid *k)
{
	int i, status;

	for (i = 0; i < 500; i++) {
		pid_t p = waitpid(k->pid, &status, WNOHANG);

		if (p == k->pid) {
			k->pid = 0;
			return status;
		}
		if (p < 0)
			return -1;
		usleep(10000);
	}
	return -1;
}

/* Closing the pipe makes the child exit (and its socket close). */
static int kid_stop(struct kid *k)
{
	int status;

	if (k->to >= 0)
		close(k->to);
	if (k->from >= 0)
		close(k->from);
	k->to = k->from = -1;
	if (!k->pid)
		return 0;
	status = kid_wait(k);
	if (status == -1 && k->pid > 0) {
		kill(k->pid, SIGKILL);
		waitpid(k->pid, &status, 0);
		k->pid = 0;
		return -1;
	}
	return status;
}

/* A conn "office" (its id in *ID) and a kid to publish it as its pppd. */
static void office_kid(struct __test_metadata *_metadata, struct chan *c,
		       struct kid *k, uint32_t *id)
{
	ASSERT_EQ(0, conn_new(c, "office", 0, id));
	ASSERT_TRUE(kid_start(k, 0));
}

/* The kid publishes event SEQ (STATE, FULL) of ID: the kernel accepts it. */
static struct kresp kid_ev_ok(struct __test_metadata *_metadata,
			      struct kid *k, uint32_t id, uint32_t seq,
			      uint32_t state, bool full)
{
	struct kresp r = kid_ev(k, id, seq, state, 0, full);

	ASSERT_EQ(0, r.err) TH_LOG("EVENT: %s", r.ext);
	return r;
}

/* Same, and the event reaches the "events" group EV (into G, if given). */
static struct kresp kid_ev_seen(struct __test_metadata *_metadata,
				struct chan *ev, struct kid *k, uint32_t id,
				uint32_t seq, uint32_t state, bool full,
				struct gmsg *g)
{
	struct kresp r = kid_ev_ok(_metadata, k, id, seq, state, full);

	ASSERT_TRUE(chan_wait(ev, RASDIAL_CMD_EVENT, id, g, WAIT_MS));
	return r;
}

/* -------------------------------------------------------------------- tests */

FIXTURE(genl) {
	struct chan c;	/* the conns' owner */
	struct chan ev;	/* listens on "events" */
	int grp;
};

FIXTURE_SETUP(genl)
{
	ASSERT_EQ(0, chan_open(&self->c));
	ASSERT_EQ(0, chan_open(&self->ev));
	self->grp = genl_ctrl_resolve_grp(self->ev.sk, RASDIAL_GENL_NAME,
					  RASDIAL_MCGRP_EVENTS);
	ASSERT_LT(0, self->grp);
	nl_socket_set_buffer_size(self->ev.sk, 1 << 20, 0);
	ASSERT_EQ(0, nl_socket_add_membership(self->ev.sk, self->grp));
}

FIXTURE_TEARDOWN(genl)
{
	chan_close(&self->ev);
	chan_close(&self->c);
}

TEST_F(genl, family_and_group_resolve)
{
	EXPECT_LT(0, self->c.fam);
	EXPECT_LT(0, self->grp);
}

TEST_F(genl, conn_new_distinct_ids)
{
	uint32_t id[3];
	struct gmsg g;
	int i;

	for (i = 0; i < 3; i++) {
		ASSERT_EQ(0, conn_new(&self->c, "office", 0, &id[i]));
		ASSERT_NE(0u, id[i]);
	}
	EXPECT_NE(id[0], id[1]);
	EXPECT_NE(id[1], id[2]);
	EXPECT_NE(id[0], id[2]);

	ASSERT_EQ(0, conn_get(&self->c, id[1], &g));
	EXPECT_EQ(id[1], g32(&g, RASDIAL_A_CONN_ID));
	EXPECT_STREQ("office", gstr(&g, RASDIAL_A_ENTRY));
	EXPECT_EQ(0u, g32(&g, RASDIAL_A_OWNER_UID));
	EXPECT_EQ(0u, g32(&g, RASDIAL_A_FLAGS));
	EXPECT_FALSE(g.has[RASDIAL_A_PID]);
	/* Windows allows dialing without an entry: the name may be empty. */
	EXPECT_EQ(0, conn_new(&self->c, "", 0, &id[0]));
}

/* One CONN_NEW request built by the caller: returns -errno. */
static int bad_conn_new(struct chan *c, void (*fill)(struct nl_msg *msg))
{
	struct nl_msg *msg = req_new(c, RASDIAL_CMD_CONN_NEW, 0);

	if (msg)
		fill(msg);
	return req_do(c, msg);
}

static void fill_nothing(struct nl_msg *msg)
{
	(void)msg;
}

static void fill_long_entry(struct nl_msg *msg)
{
	char s[RASDIAL_ENTRY_MAX + 2];

	memset(s, 'e', sizeof(s) - 1);
	s[sizeof(s) - 1] = '\0';
	nla_put_string(msg, RASDIAL_A_ENTRY, s);
}

static void fill_max_entry(struct nl_msg *msg)
{
	char s[RASDIAL_ENTRY_MAX + 1];

	memset(s, 'e', sizeof(s) - 1);
	s[sizeof(s) - 1] = '\0';
	nla_put_string(msg, RASDIAL_A_ENTRY, s);
}

/* Short string, long attribute: still a wrong length. */
static void fill_padded_entry(struct nl_msg *msg)
{
	char s[RASDIAL_ENTRY_MAX + 8] = "short";

	nla_put(msg, RASDIAL_A_ENTRY, sizeof(s), s);
}

static void fill_unterminated_entry(struct nl_msg *msg)
{
	nla_put(msg, RASDIAL_A_ENTRY, 4, "abcd");
}

static void fill_unknown_flag(struct nl_msg *msg)
{
	nla_put_string(msg, RASDIAL_A_ENTRY, "x");
	nla_put_u32(msg, RASDIAL_A_FLAGS, 1u << 7);
}

static void fill_kernel_flag(struct nl_msg *msg)
{
	nla_put_string(msg, RASDIAL_A_ENTRY, "x");
	nla_put_u32(msg, RASDIAL_A_FLAGS, RASDIAL_F_FINAL);
}

static void fill_short_flags(struct nl_msg *msg)
{
	nla_put_string(msg, RASDIAL_A_ENTRY, "x");
	nla_put_u16(msg, RASDIAL_A_FLAGS, RASDIAL_F_WANT_ACK);
}

static void fill_unknown_attr(struct nl_msg *msg)
{
	nla_put_string(msg, RASDIAL_A_ENTRY, "x");
	nla_put_u32(msg, RASDIAL_A_MAX + 1, 0);
}

static void fill_owner_uid(struct nl_msg *msg)
{
	nla_put_string(msg, RASDIAL_A_ENTRY, "x");
	nla_put_u32(msg, RASDIAL_A_OWNER_UID, 0);
}

static void fill_foreign_attr(struct nl_msg *msg)
{
	nla_put_string(msg, RASDIAL_A_ENTRY, "x");
	nla_put_u32(msg, RASDIAL_A_SEQ, 1);
}

TEST_F(genl, conn_new_rejects_bad_input)
{
	struct chan *c = &self->c;

	EXPECT_EQ(-EINVAL, bad_conn_new(c, fill_nothing));
	EXPECT_STREQ("rasdial: missing entry name", c->ext);

	/* too long to hold its NUL within the limit */
	EXPECT_EQ(-EINVAL, bad_conn_new(c, fill_long_entry));
	EXPECT_STREQ("Attribute failed policy validation", c->ext);
	EXPECT_EQ(-ERANGE, bad_conn_new(c, fill_padded_entry));
	EXPECT_STREQ("Attribute failed policy validation", c->ext);
	EXPECT_EQ(0, bad_conn_new(c, fill_max_entry));
	EXPECT_EQ(-EINVAL, bad_conn_new(c, fill_unterminated_entry));
	EXPECT_NE('\0', c->ext[0]);
	TH_LOG("unterminated entry: %s", c->ext);

	EXPECT_EQ(-EINVAL, bad_conn_new(c, fill_unknown_flag));
	EXPECT_NE('\0', c->ext[0]);
	TH_LOG("unknown flag: %s", c->ext);
	EXPECT_EQ(-EINVAL, bad_conn_new(c, fill_kernel_flag));
	EXPECT_STREQ("reserved bit set", c->ext);

	EXPECT_EQ(-EINVAL, bad_conn_new(c, fill_short_flags));
	EXPECT_STREQ("invalid attribute length", c->ext);

	EXPECT_EQ(-EINVAL, bad_conn_new(c, fill_unknown_attr));
	EXPECT_STREQ("Unknown attribute type", c->ext);
	EXPECT_EQ(-EINVAL, bad_conn_new(c, fill_owner_uid));
	EXPECT_STREQ("rasdial: attribute is set by the kernel only", c->ext);
	EXPECT_EQ(-EINVAL, bad_conn_new(c, fill_foreign_attr));
	EXPECT_STREQ("Unsupported attribute", c->ext);
}

/* Limits of one attribute in the policy of command CMD, read back through
 * CTRL_CMD_GETPOLICY; false when the command's policy lacks it.
 */
struct pol_attr {
	bool found;
	uint32_t type, min_len, max_len;
};

static int policy_cb(struct nl_msg *msg, void *arg)
{
	struct nlattr *tb[CTRL_ATTR_MAX + 1], *pol, *at, *f;
	struct pol_attr *pa = arg;
	int r1, r2, r3;

	if (genlmsg_parse(nlmsg_hdr(msg), 0, tb, CTRL_ATTR_MAX, NULL) < 0 ||
	    !tb[CTRL_ATTR_POLICY])
		return NL_OK;
	/* CTRL_ATTR_POLICY { policy index { attr { NL_POLICY_TYPE_ATTR_* } } } */
	nla_for_each_nested(pol, tb[CTRL_ATTR_POLICY], r1)
		nla_for_each_nested(at, pol, r2) {
			if (nla_type(at) != pa[0].type)
				continue;
			pa[1].found = true;
			nla_for_each_nested(f, at, r3) {
				if (nla_type(f) == NL_POLICY_TYPE_ATTR_TYPE)
					pa[1].type = nla_get_u32(f);
				else if (nla_type(f) == NL_POLICY_TYPE_ATTR_MIN_LENGTH)
					pa[1].min_len = nla_get_u32(f);
				else if (nla_type(f) == NL_POLICY_TYPE_ATTR_MAX_LENGTH)
					pa[1].max_len = nla_get_u32(f);
			}
		}
	return NL_OK;
}

static int policy_of(uint8_t cmd, int attr, struct pol_attr *out)
{
	struct pol_attr pa[2] = { { .type = attr } };
	struct nl_sock *sk = nl_socket_alloc();
	struct nl_msg *msg = nlmsg_alloc();
	int ret = -ENOMEM;

	if (!sk || !msg || genl_connect(sk) < 0)
		goto out;
	if (!genlmsg_put(msg, NL_AUTO_PORT, NL_AUTO_SEQ, GENL_ID_CTRL, 0,
			 NLM_F_DUMP, CTRL_CMD_GETPOLICY, 1) ||
	    nla_put_string(msg, CTRL_ATTR_FAMILY_NAME, RASDIAL_GENL_NAME) < 0 ||
	    nla_put_u32(msg, CTRL_ATTR_OP, cmd) < 0)
		goto out;
	nl_socket_modify_cb(sk, NL_CB_VALID, NL_CB_CUSTOM, policy_cb, pa);
	ret = nl_send_auto(sk, msg);
	if (ret >= 0)
		ret = nl_recvmsgs_default(sk);
	*out = pa[1];
out:
	nlmsg_free(msg);
	nl_socket_free(sk);
	return ret < 0 ? ret : 0;
}

/* Issue #20 style: per-command policies carry the real limits. */
TEST_F(genl, policies_show_the_real_limits)
{
	struct pol_attr pa;

	ASSERT_EQ(0, policy_of(RASDIAL_CMD_CONN_NEW, RASDIAL_A_ENTRY, &pa));
	ASSERT_TRUE(pa.found);
	EXPECT_EQ((uint32_t)NL_ATTR_TYPE_NUL_STRING, pa.type);
	EXPECT_EQ((uint32_t)RASDIAL_ENTRY_MAX, pa.max_len);
	/* CONN_NEW takes no SEQ: its policy does not have it */
	ASSERT_EQ(0, policy_of(RASDIAL_CMD_CONN_NEW, RASDIAL_A_SEQ, &pa));
	EXPECT_FALSE(pa.found);

	ASSERT_EQ(0, policy_of(RASDIAL_CMD_EVENT, RASDIAL_A_LOCAL_IFID6, &pa));
	ASSERT_TRUE(pa.found);
	EXPECT_EQ((uint32_t)NL_ATTR_TYPE_BINARY, pa.type);
	EXPECT_EQ(8u, pa.min_len);
	EXPECT_EQ(8u, pa.max_len);
	ASSERT_EQ(0, policy_of(RASDIAL_CMD_EVENT, RASDIAL_A_DEVICE_TYPE, &pa));
	ASSERT_TRUE(pa.found);
	EXPECT_EQ((uint32_t)RASDIAL_DEVICE_TYPE_MAX, pa.max_len);
}

TEST_F(genl, get_hangup_ack_reject_bad_input)
{
	struct chan *c = &self->c;
	struct nl_msg *msg;
	uint32_t id;

	EXPECT_EQ(-EINVAL, req_do(c, req_new(c, RASDIAL_CMD_GET, 0)));
	EXPECT_NE(NULL, strstr(c->ext, "missing connection id"));

	msg = req_new(c, RASDIAL_CMD_GET, 0);
	nla_put_u64(msg, RASDIAL_A_CONN_ID, 1);
	EXPECT_EQ(-EINVAL, req_do(c, msg));
	EXPECT_STREQ("invalid attribute length", c->ext);

	EXPECT_EQ(-ENOENT, conn_get(c, 0, NULL));
	EXPECT_EQ(-ENOENT, conn_get(c, 0x7ffffff0, NULL));
	EXPECT_STREQ("rasdial: unknown connection id", c->ext);
	EXPECT_EQ(-ENOENT, conn_cmd(c, RASDIAL_CMD_HANGUP, 0x7ffffff0, 0, NULL));
	EXPECT_STREQ("rasdial: unknown connection id", c->ext);
	EXPECT_EQ(-EINVAL, req_do(c, req_new(c, RASDIAL_CMD_HANGUP, 0)));
	EXPECT_STREQ("rasdial: missing connection id", c->ext);

	ASSERT_EQ(0, conn_new(c, "office", RASDIAL_F_WANT_ACK, &id));
	msg = req_new(c, RASDIAL_CMD_ACK, 0);
	nla_put_u32(msg, RASDIAL_A_CONN_ID, id);
	EXPECT_EQ(-EINVAL, req_do(c, msg));
	EXPECT_STREQ("rasdial: missing event sequence number", c->ext);
	/* No pppd bound yet: nobody to relay the ACK to. */
	EXPECT_EQ(-ENOENT, conn_cmd(c, RASDIAL_CMD_ACK, id, 1, NULL));
	EXPECT_STREQ("rasdial: no pppd is bound to this connection", c->ext);
}

/* An EVENT request for conn ID: seq 1, state 0; the caller adds to it. */
static struct nl_msg *event_req(struct chan *c, uint32_t id)
{
	struct nl_msg *msg = req_new(c, RASDIAL_CMD_EVENT, 0);

	nla_put_u32(msg, RASDIAL_A_CONN_ID, id);
	nla_put_u32(msg, RASDIAL_A_SEQ, 1);
	nla_put_u32(msg, RASDIAL_A_STATE, 0);
	return msg;
}

TEST_F(genl, event_rejects_bad_input)
{
	struct chan *c = &self->c;
	struct nl_msg *msg;
	uint32_t id;

	ASSERT_EQ(0, conn_new(c, "office", 0, &id));

	msg = req_new(c, RASDIAL_CMD_EVENT, 0);
	nla_put_u32(msg, RASDIAL_A_CONN_ID, id);
	nla_put_u32(msg, RASDIAL_A_STATE, 0);
	EXPECT_EQ(-EINVAL, req_do(c, msg));
	EXPECT_STREQ("rasdial: missing event sequence number", c->ext);

	msg = req_new(c, RASDIAL_CMD_EVENT, 0);
	nla_put_u32(msg, RASDIAL_A_CONN_ID, id);
	nla_put_u32(msg, RASDIAL_A_SEQ, 1);
	EXPECT_EQ(-EINVAL, req_do(c, msg));
	EXPECT_STREQ("rasdial: missing connection state", c->ext);

	msg = event_req(c, id);
	nla_put(msg, RASDIAL_A_LOCAL_ADDR, 5, "\xc0\x00\x02\x01\x00");
	EXPECT_EQ(-ERANGE, req_do(c, msg));
	EXPECT_STREQ("binary attribute size out of range", c->ext);

	msg = event_req(c, id);
	nla_put(msg, RASDIAL_A_REMOTE_IFID6, 4, "\x02\x00\x00\x01");
	EXPECT_EQ(-ERANGE, req_do(c, msg));
	EXPECT_STREQ("binary attribute size out of range", c->ext);

	msg = event_req(c, id);
	nla_put_string(msg, RASDIAL_A_IFNAME, "ppp456789abcdef0");
	EXPECT_EQ(-EINVAL, req_do(c, msg));
	EXPECT_STREQ("Attribute failed policy validation", c->ext);

	msg = event_req(c, id);
	nla_put_u32(msg, RASDIAL_A_FLAGS, RASDIAL_F_WANT_ACK);
	EXPECT_EQ(-EINVAL, req_do(c, msg));
	EXPECT_STREQ("reserved bit set", c->ext);

	msg = event_req(c, id);
	nla_put_u32(msg, RASDIAL_A_PID, getpid());
	EXPECT_EQ(-EINVAL, req_do(c, msg));
	EXPECT_STREQ("rasdial: attribute is set by the kernel only", c->ext);

	msg = event_req(c, 0x7ffffff0);
	EXPECT_EQ(-ENOENT, req_do(c, msg));
	EXPECT_STREQ("rasdial: unknown connection id", c->ext);

	/* None of that bound the conn. */
	EXPECT_EQ(0, conn_get(c, id, NULL));
	EXPECT_EQ(-ENOENT, conn_cmd(c, RASDIAL_CMD_ACK, id, 1, NULL));
}

static void expect_full_conn(struct __test_metadata *_metadata,
			     const struct gmsg *g, uint32_t id, pid_t pid)
{
	struct in_addr a;

	EXPECT_EQ(id, g32(g, RASDIAL_A_CONN_ID));
	EXPECT_EQ(1u, g32(g, RASDIAL_A_SEQ));
	EXPECT_EQ(RASCS_CONNECTED, g32(g, RASDIAL_A_STATE));
	EXPECT_EQ(0u, g32(g, RASDIAL_A_ERROR));
	EXPECT_EQ(0u, g32(g, RASDIAL_A_EXT_ERROR));
	EXPECT_EQ(PHASE_RUNNING, g32(g, RASDIAL_A_PHASE));
	EXPECT_EQ(0u, g32(g, RASDIAL_A_OWNER_UID));
	EXPECT_EQ(0u, g32(g, RASDIAL_A_FLAGS));
	EXPECT_EQ((uint32_t)pid, g32(g, RASDIAL_A_PID));
	EXPECT_STREQ("office", gstr(g, RASDIAL_A_ENTRY));
	EXPECT_STREQ("ppp7", gstr(g, RASDIAL_A_IFNAME));
	EXPECT_EQ(7u, g32(g, RASDIAL_A_IFINDEX));
	EXPECT_STREQ("/dev/ttyS0", gstr(g, RASDIAL_A_DEVICE_NAME));
	EXPECT_STREQ("modem", gstr(g, RASDIAL_A_DEVICE_TYPE));
	inet_pton(AF_INET, "192.0.2.2", &a);
	EXPECT_EQ(a.s_addr, g32(g, RASDIAL_A_LOCAL_ADDR));
	inet_pton(AF_INET, "192.0.2.1", &a);
	EXPECT_EQ(a.s_addr, g32(g, RASDIAL_A_REMOTE_ADDR));
	EXPECT_EQ(8u, g->len[RASDIAL_A_LOCAL_IFID6]);
	EXPECT_EQ(0, memcmp(ifid_local, g->data[RASDIAL_A_LOCAL_IFID6], 8));
	EXPECT_EQ(8u, g->len[RASDIAL_A_REMOTE_IFID6]);
	EXPECT_EQ(0, memcmp(ifid_remote, g->data[RASDIAL_A_REMOTE_IFID6], 8));
	EXPECT_EQ(115200u, g32(g, RASDIAL_A_BAUD));
	EXPECT_EQ(0xC223u, g32(g, RASDIAL_A_AUTH_PROTO));
	EXPECT_EQ(0x81u, g32(g, RASDIAL_A_AUTH_DATA));
	EXPECT_EQ(0x3u, g32(g, RASDIAL_A_LCP_OPTIONS));
	EXPECT_EQ(0x1u, g32(g, RASDIAL_A_PEER_LCP_OPTIONS));
	EXPECT_FALSE(g->has[RASDIAL_A_EXIT_STATUS]);
}

TEST_F(genl, event_binds_multicasts_and_shows_in_get)
{
	struct kid k = { .to = -1, .from = -1 };
	const struct gmsg *d;
	struct nl_msg *msg;
	struct kresp r;
	struct gmsg g;
	uint32_t id;

	office_kid(_metadata, &self->c, &k, &id);

	r = kid_ev_ok(_metadata, &k, id, 1, RASCS_CONNECTED, true);
	EXPECT_EQ(id, r.id);
	EXPECT_EQ(0u, r.flags);

	ASSERT_TRUE(chan_wait(&self->ev, RASDIAL_CMD_EVENT, id, &g, WAIT_MS));
	expect_full_conn(_metadata, &g, id, k.pid);

	ASSERT_EQ(0, conn_get(&self->c, id, &g));
	expect_full_conn(_metadata, &g, id, k.pid);

	ASSERT_EQ(0, conn_dump(&self->c));
	d = dump_find(&self->c, id);
	ASSERT_NE(NULL, d);
	expect_full_conn(_metadata, d, id, k.pid);

	/* ERROR belongs to its event; the rest stays once sent. */
	kid_ev_seen(_metadata, &self->ev, &k, id, 2, RASCS_DISCONNECTED, false,
		    &g);
	EXPECT_EQ(2u, g32(&g, RASDIAL_A_SEQ));
	EXPECT_EQ(RASCS_DISCONNECTED, g32(&g, RASDIAL_A_STATE));
	EXPECT_EQ(PHASE_RUNNING, g32(&g, RASDIAL_A_PHASE));
	EXPECT_STREQ("ppp7", gstr(&g, RASDIAL_A_IFNAME));
	EXPECT_EQ(115200u, g32(&g, RASDIAL_A_BAUD));
	EXPECT_EQ(0xC223u, g32(&g, RASDIAL_A_AUTH_PROTO));
	EXPECT_EQ(0x81u, g32(&g, RASDIAL_A_AUTH_DATA));
	EXPECT_EQ(0x3u, g32(&g, RASDIAL_A_LCP_OPTIONS));
	EXPECT_EQ(0x1u, g32(&g, RASDIAL_A_PEER_LCP_OPTIONS));
	EXPECT_EQ(0u, g32(&g, RASDIAL_A_FLAGS));

	/* Another socket may not report for a bound conn. */
	msg = req_new(&self->c, RASDIAL_CMD_EVENT, 0);
	nla_put_u32(msg, RASDIAL_A_CONN_ID, id);
	nla_put_u32(msg, RASDIAL_A_SEQ, 3);
	nla_put_u32(msg, RASDIAL_A_STATE, 0);
	EXPECT_EQ(-EBUSY, req_do(&self->c, msg));
	EXPECT_STREQ("rasdial: connection is bound to another pppd",
		     self->c.ext);
	ASSERT_EQ(0, conn_get(&self->c, id, &g));
	EXPECT_EQ(2u, g32(&g, RASDIAL_A_SEQ));

	EXPECT_EQ(0, kid_stop(&k));
}

static uint64_t g64(const struct gmsg *m, int attr)
{
	uint64_t v = ~0ULL;

	if (m->has[attr] && m->len[attr] == sizeof(v))
		memcpy(&v, m->data[attr], sizeof(v));
	return v;
}

/* RASDIAL_A_CONNECTED_MS: absent before Connected, then the kernel's
 * count since the first Connected, frozen when the link leaves it; a
 * request may not carry it. */
TEST_F(genl, connected_ms_counts_from_connected)
{
	struct kid k = { .to = -1, .from = -1 };
	struct nl_msg *msg;
	uint64_t ms1, ms2, ms3;
	struct gmsg g;
	uint32_t id;

	office_kid(_metadata, &self->c, &k, &id);

	kid_ev_seen(_metadata, &self->ev, &k, id, 1, RASCS_AUTHENTICATE, true,
		    &g);
	EXPECT_FALSE(g.has[RASDIAL_A_CONNECTED_MS]);
	ASSERT_EQ(0, conn_get(&self->c, id, &g));
	EXPECT_FALSE(g.has[RASDIAL_A_CONNECTED_MS]);

	kid_ev_seen(_metadata, &self->ev, &k, id, 2, RASCS_CONNECTED, false,
		    &g);
	ASSERT_TRUE(g.has[RASDIAL_A_CONNECTED_MS]);
	ms1 = g64(&g, RASDIAL_A_CONNECTED_MS);
	EXPECT_LT(ms1, 1000u);

	usleep(300 * 1000);
	ASSERT_EQ(0, conn_get(&self->c, id, &g));
	ms2 = g64(&g, RASDIAL_A_CONNECTED_MS);
	EXPECT_GE(ms2, ms1 + 300);
	EXPECT_LT(ms2, ms1 + 3000);

	/* A second Connected does not restart the clock. */
	kid_ev_seen(_metadata, &self->ev, &k, id, 3, RASCS_CONNECTED, false,
		    &g);
	EXPECT_GE(g64(&g, RASDIAL_A_CONNECTED_MS), ms2);

	/* Disconnected stops it. */
	kid_ev_seen(_metadata, &self->ev, &k, id, 4, RASCS_DISCONNECTED, false,
		    &g);
	ms3 = g64(&g, RASDIAL_A_CONNECTED_MS);
	EXPECT_GE(ms3, ms2);
	usleep(200 * 1000);
	ASSERT_EQ(0, conn_get(&self->c, id, &g));
	EXPECT_EQ(ms3, g64(&g, RASDIAL_A_CONNECTED_MS));

	/* Set by the kernel only. */
	msg = req_new(&self->c, RASDIAL_CMD_CONN_NEW, 0);
	nla_put_string(msg, RASDIAL_A_ENTRY, "x");
	nla_put_u64(msg, RASDIAL_A_CONNECTED_MS, 5);
	EXPECT_EQ(-EINVAL, req_do(&self->c, msg));
	EXPECT_STREQ("rasdial: attribute is set by the kernel only",
		     self->c.ext);

	EXPECT_EQ(0, kid_stop(&k));
}

/* pppd's persist (or demand) redials in the same session: the clock
 * starts again at the next Connected. */
TEST_F(genl, connected_ms_restarts_after_a_redial)
{
	struct kid k = { .to = -1, .from = -1 };
	uint64_t ms1, ms2, ms3;
	struct gmsg g;
	uint32_t id;

	office_kid(_metadata, &self->c, &k, &id);
	kid_ev_ok(_metadata, &k, id, 1, RASCS_CONNECTED, false);
	usleep(1500 * 1000);
	kid_ev_ok(_metadata, &k, id, 2, RASCS_DISCONNECTED, false);
	ASSERT_EQ(0, conn_get(&self->c, id, &g));
	ms1 = g64(&g, RASDIAL_A_CONNECTED_MS);
	EXPECT_GE(ms1, 1500u);

	kid_ev_ok(_metadata, &k, id, 3, RASCS_CONNECTED, false);
	ASSERT_EQ(0, conn_get(&self->c, id, &g));
	ms2 = g64(&g, RASDIAL_A_CONNECTED_MS);
	EXPECT_LT(ms2, ms1);
	usleep(300 * 1000);
	ASSERT_EQ(0, conn_get(&self->c, id, &g));
	ms3 = g64(&g, RASDIAL_A_CONNECTED_MS);
	EXPECT_GE(ms3, ms2 + 300);
	EXPECT_EQ(0, kid_stop(&k));
}

/* A conn that never connected: its vanish carries no CONNECTED_MS; one
 * that did carries the frozen count. */
TEST_F(genl, connected_ms_in_vanish_event)
{
	struct kid k = { .to = -1, .from = -1 };
	struct gmsg g;
	uint32_t id;

	office_kid(_metadata, &self->c, &k, &id);
	kid_ev_seen(_metadata, &self->ev, &k, id, 1, RASCS_CONNECTED, false,
		    &g);
	usleep(100 * 1000);
	EXPECT_EQ(0, kid_stop(&k));
	ASSERT_TRUE(chan_wait(&self->ev, RASDIAL_CMD_EVENT, id, &g, WAIT_MS));
	EXPECT_EQ((uint32_t)RASDIAL_F_FINAL | RASDIAL_F_VANISHED,
		  g32(&g, RASDIAL_A_FLAGS));
	ASSERT_TRUE(g.has[RASDIAL_A_CONNECTED_MS]);
	EXPECT_GE(g64(&g, RASDIAL_A_CONNECTED_MS), 100u);

	office_kid(_metadata, &self->c, &k, &id);
	kid_ev_seen(_metadata, &self->ev, &k, id, 1, RASCS_AUTHENTICATE, false,
		    &g);
	EXPECT_EQ(0, kid_stop(&k));
	ASSERT_TRUE(chan_wait(&self->ev, RASDIAL_CMD_EVENT, id, &g, WAIT_MS));
	EXPECT_EQ(RASCS_DISCONNECTED, g32(&g, RASDIAL_A_STATE));
	EXPECT_FALSE(g.has[RASDIAL_A_CONNECTED_MS]);
}

TEST_F(genl, unprivileged_user_is_refused)
{
	struct kid k = { .to = -1, .from = -1 };
	struct kreq q = { .op = K_REQ };
	struct kresp r;
	uint32_t id, id2;
	struct gmsg g;

	ASSERT_EQ(0, conn_new(&self->c, "office", RASDIAL_F_WANT_ACK, &id));
	ASSERT_TRUE(kid_start(&k, NOBODY));

	r = kid_ev(&k, id, 1, 0, 0, false);
	EXPECT_EQ(-EPERM, r.err);
	EXPECT_NE(NULL, strstr(r.ext, "CAP_NET_ADMIN")) TH_LOG("%s", r.ext);
	r = kid_ev(&k, 0, 1, 0, 0, false);
	EXPECT_EQ(-EPERM, r.err);

	q.cmd = RASDIAL_CMD_HANGUP;
	q.id = id;
	ASSERT_TRUE(kid_call(&k, &q, &r));
	EXPECT_EQ(-EPERM, r.err);
	EXPECT_NE('\0', r.ext[0]);

	q.cmd = RASDIAL_CMD_ACK;
	q.seq = 1;
	ASSERT_TRUE(kid_call(&k, &q, &r));
	EXPECT_EQ(-EPERM, r.err);

	/* Another user's conn is not to be read; asking for one is free. */
	q.cmd = RASDIAL_CMD_GET;
	ASSERT_TRUE(kid_call(&k, &q, &r));
	EXPECT_EQ(-EPERM, r.err);
	EXPECT_NE('\0', r.ext[0]);
	q.cmd = RASDIAL_CMD_CONN_NEW;
	ASSERT_TRUE(kid_call(&k, &q, &r));
	ASSERT_EQ(0, r.err) TH_LOG("%s", r.ext);
	id2 = r.id;
	ASSERT_EQ(0, conn_get(&self->c, id2, &g));
	EXPECT_EQ(NOBODY, g32(&g, RASDIAL_A_OWNER_UID));

	/* Root (CAP_NET_ADMIN) may hang up anybody's (pending: no pppd). */
	EXPECT_EQ(0, conn_cmd(&self->c, RASDIAL_CMD_HANGUP, id2, 0, NULL));
	EXPECT_EQ(0, conn_get(&self->c, id2, NULL));
	/* Its owner reads it. */
	q.cmd = RASDIAL_CMD_GET;
	q.id = id2;
	ASSERT_TRUE(kid_call(&k, &q, &r));
	EXPECT_EQ(0, r.err) TH_LOG("%s", r.ext);
	/* Its owner may hang its own conn up: with no pppd, that frees it. */
	q.cmd = RASDIAL_CMD_HANGUP;
	ASSERT_TRUE(kid_call(&k, &q, &r));
	EXPECT_EQ(0, r.err);
	EXPECT_TRUE(conn_gone(&self->c, id2));

	EXPECT_EQ(0, kid_stop(&k));
	EXPECT_EQ(0, conn_get(&self->c, id, NULL));
}

/* Issue #20 item 9: entries, devices, addresses and pids are their owner's
 * business.  The "events" group is for admins only.
 */
TEST_F(genl, events_group_is_for_admins_only)
{
	struct kid k = { .to = -1, .from = -1 };
	struct kreq q = { .op = K_JOIN_EVENTS };
	struct kresp r;

	ASSERT_TRUE(kid_start(&k, NOBODY));
	ASSERT_TRUE(kid_call(&k, &q, &r));
	EXPECT_EQ(-EPERM, r.err);
	EXPECT_EQ(0, kid_stop(&k));

	/* setuid pppd, root: they may */
	ASSERT_TRUE(kid_start(&k, 0));
	ASSERT_TRUE(kid_call(&k, &q, &r));
	EXPECT_EQ(0, r.err);
	EXPECT_EQ(0, kid_stop(&k));
}

/* Starts U as NOBODY with a conn of its own: its id, 0 on failure. */
static uint32_t kid_user_conn(struct kid *u)
{
	struct kreq q = { .op = K_REQ, .cmd = RASDIAL_CMD_CONN_NEW };
	struct kresp r;

	if (!kid_start(u, NOBODY) || !kid_call(u, &q, &r) || r.err)
		return 0;
	return r.id;
}

/* A subscribed socket hears of its uid's conns, not of anybody else's. */
TEST_F(genl, subscriber_hears_only_its_users_conns)
{
	struct kid u = { .to = -1, .from = -1 };
	struct kid p = { .to = -1, .from = -1 };
	struct kreq q = { 0 };
	uint32_t mine, roots;
	struct kresp r;

	ASSERT_EQ(0, conn_new(&self->c, "root's", 0, &roots));
	mine = kid_user_conn(&u);
	ASSERT_NE(0u, mine);
	q.op = K_SUBSCRIBE;
	ASSERT_TRUE(kid_call(&u, &q, &r));
	ASSERT_EQ(0, r.err) TH_LOG("%s", r.ext);
	/* twice is no error */
	ASSERT_TRUE(kid_call(&u, &q, &r));
	EXPECT_EQ(0, r.err) TH_LOG("%s", r.ext);

	/* root's pppd reports root's dial first, then the user's */
	ASSERT_TRUE(kid_start(&p, 0));
	kid_ev_ok(_metadata, &p, roots, 1, RASCS_AUTHENTICATE, true);
	r = kid_ev_ok(_metadata, &p, mine, 7, RASCS_AUTHENTICATE, true);

	q.op = K_WAIT_EVENT;
	q.id = mine;
	q.seq = WAIT_MS;
	ASSERT_TRUE(kid_call(&u, &q, &r));
	EXPECT_EQ(0, r.err) TH_LOG("the owner's subscriber missed its event");
	EXPECT_EQ(7u, r.seq);
	/* in order on one socket: root's would have come first */
	q.id = roots;
	q.seq = 0;
	ASSERT_TRUE(kid_call(&u, &q, &r));
	EXPECT_EQ(-ETIMEDOUT, r.err) TH_LOG("a user heard of root's dial");

	/* the admin monitor hears of both */
	EXPECT_TRUE(chan_wait(&self->ev, RASDIAL_CMD_EVENT, roots, NULL,
			      WAIT_MS));
	EXPECT_TRUE(chan_wait(&self->ev, RASDIAL_CMD_EVENT, mine, NULL,
			      WAIT_MS));
	EXPECT_EQ(0, kid_stop(&p));
	EXPECT_EQ(0, kid_stop(&u));
}

/* An unsubscribed socket of the owner hears nothing: the group is shut. */
TEST_F(genl, owner_without_subscription_hears_nothing)
{
	struct kid u = { .to = -1, .from = -1 };
	struct kid p = { .to = -1, .from = -1 };
	struct kreq q = { 0 };
	struct kresp r;
	uint32_t mine;

	mine = kid_user_conn(&u);
	ASSERT_NE(0u, mine);
	ASSERT_TRUE(kid_start(&p, 0));
	r = kid_ev_ok(_metadata, &p, mine, 1, RASCS_AUTHENTICATE, false);
	ASSERT_TRUE(chan_wait(&self->ev, RASDIAL_CMD_EVENT, mine, NULL,
			      WAIT_MS));
	q.op = K_WAIT_EVENT;
	q.id = mine;
	q.seq = 200;
	ASSERT_TRUE(kid_call(&u, &q, &r));
	EXPECT_EQ(-ETIMEDOUT, r.err);
	EXPECT_EQ(0, kid_stop(&p));
	EXPECT_EQ(0, kid_stop(&u));
}

/* A user's dump lists its own conns only; root's lists everybody's. */
TEST_F(genl, dump_lists_only_the_users_own_conns)
{
	struct kid u = { .to = -1, .from = -1 };
	struct kreq q = { 0 };
	uint32_t mine, roots;
	struct kresp r;

	ASSERT_EQ(0, conn_new(&self->c, "root's", 0, &roots));
	mine = kid_user_conn(&u);
	ASSERT_NE(0u, mine);

	q.op = K_DUMP;
	q.id = mine;
	ASSERT_TRUE(kid_call(&u, &q, &r));
	ASSERT_EQ(0, r.err) TH_LOG("%s", r.ext);
	EXPECT_EQ(1u, r.seq) TH_LOG("the user's own conn is not listed");
	EXPECT_EQ(0u, r.flags) TH_LOG("%u conns of others listed", r.flags);
	q.id = roots;
	ASSERT_TRUE(kid_call(&u, &q, &r));
	EXPECT_EQ(0u, r.seq);

	ASSERT_EQ(0, conn_dump(&self->c));
	EXPECT_NE(NULL, dump_find(&self->c, mine));
	EXPECT_NE(NULL, dump_find(&self->c, roots));
	EXPECT_EQ(0, kid_stop(&u));
}

/* The owner in a pid namespace of its own (a container's RasDial): exits
 * 0 when the event of its conn carries no pid (pppd is outside), 1 when
 * it carries one, 2 without the event, 3.. when setting up failed. */
static int pidns_owner(int idw, int gor)
{
	struct chan own, ev;
	struct gmsg g;
	uint32_t id;
	char x;
	int grp;

	if (chan_open(&own) || chan_open(&ev))
		return 3;
	grp = genl_ctrl_resolve_grp(ev.sk, RASDIAL_GENL_NAME,
				    RASDIAL_MCGRP_EVENTS);
	if (grp < 0 || nl_socket_add_membership(ev.sk, grp))
		return 4;
	if (conn_new(&own, "office", 0, &id) ||
	    write(idw, &id, sizeof(id)) != sizeof(id) || read(gor, &x, 1) != 1)
		return 5;
	if (!chan_wait(&ev, RASDIAL_CMD_EVENT, id, &g, WAIT_MS))
		return 2;
	return g.has[RASDIAL_A_PID] ? 1 : 0;
}

/* Each reader of a multicast sees it: the pid is the owner's view. */
TEST_F(genl, event_pid_is_the_owners_view)
{
	struct kid k = { .to = -1, .from = -1 };
	int idp[2], gop[2], status = -1;
	struct gmsg g;
	uint32_t id;
	char x = 0;
	pid_t p;

	ASSERT_EQ(0, pipe(idp));
	ASSERT_EQ(0, pipe(gop));
	p = fork();
	ASSERT_LE(0, p);
	if (p == 0) {
		pid_t q;

		close(idp[0]);
		close(gop[1]);
		if (unshare(CLONE_NEWPID))
			_exit(10);
		q = fork();	/* the first process of the new namespace */
		if (q == 0)
			_exit(pidns_owner(idp[1], gop[0]));
		if (q < 0 || waitpid(q, &status, 0) != q || !WIFEXITED(status))
			_exit(11);
		_exit(WEXITSTATUS(status));
	}
	close(idp[1]);
	close(gop[0]);
	ASSERT_TRUE(xfer(idp[0], &id, sizeof(id), false, WAIT_MS));
	ASSERT_TRUE(kid_start(&k, 0));
	kid_ev_ok(_metadata, &k, id, 1, RASCS_AUTHENTICATE, false);
	ASSERT_EQ(1, write(gop[1], &x, 1));
	ASSERT_EQ(p, waitpid(p, &status, 0));
	ASSERT_TRUE(WIFEXITED(status));
	EXPECT_EQ(0, WEXITSTATUS(status));
	/* a GET from here sees pppd */
	ASSERT_EQ(0, conn_get(&self->c, id, &g));
	EXPECT_EQ((uint32_t)k.pid, g32(&g, RASDIAL_A_PID));
	close(idp[0]);
	close(gop[1]);
	EXPECT_EQ(0, kid_stop(&k));
}

TEST_F(genl, hangup_sends_sigterm_to_bound_pppd)
{
	struct kid k = { .to = -1, .from = -1 };
	struct gmsg g;
	uint32_t id;
	int status;

	office_kid(_metadata, &self->c, &k, &id);
	kid_ev_seen(_metadata, &self->ev, &k, id, 1, RASCS_AUTHENTICATE, false,
		    NULL);

	EXPECT_EQ(0, conn_cmd(&self->c, RASDIAL_CMD_HANGUP, id, 0, NULL));
	status = kid_wait(&k);
	ASSERT_NE(-1, status);
	EXPECT_TRUE(WIFSIGNALED(status));
	EXPECT_EQ(SIGTERM, WTERMSIG(status));

	/* It died without a final event. */
	ASSERT_TRUE(chan_wait(&self->ev, RASDIAL_CMD_EVENT, id, &g, WAIT_MS));
	EXPECT_EQ(RASCS_DISCONNECTED, g32(&g, RASDIAL_A_STATE));
	EXPECT_EQ((uint32_t)RASDIAL_ERROR_PPPD_VANISHED, g32(&g, RASDIAL_A_ERROR));
	EXPECT_EQ(-ENOENT, conn_get(&self->c, id, NULL));
	kid_stop(&k);
}

/* pppd's updetach (or multilink's master_detach): the process that bound
 * the conn forks and exits, the child keeps the socket.  HANGUP says it
 * could not signal anyone until the child reports; then it signals the
 * child. */
TEST_F(genl, hangup_follows_pppd_across_a_fork)
{
	struct kid k = { .to = -1, .from = -1 };
	struct kreq q = { .op = K_FORK };
	struct kresp r;
	struct gmsg g;
	pid_t child;
	uint32_t id;
	int status;

	/* the forked child becomes ours to reap when its parent exits */
	ASSERT_EQ(0, prctl(PR_SET_CHILD_SUBREAPER, 1));
	office_kid(_metadata, &self->c, &k, &id);
	r = kid_ev_ok(_metadata, &k, id, 1, RASCS_AUTHENTICATE, false);

	ASSERT_TRUE(kid_call(&k, &q, &r));
	ASSERT_EQ(0, r.err);
	child = (pid_t)r.id;
	ASSERT_EQ(k.pid, waitpid(k.pid, &status, 0));
	EXPECT_TRUE(WIFEXITED(status));
	k.pid = child;

	EXPECT_EQ(-ESRCH, conn_cmd(&self->c, RASDIAL_CMD_HANGUP, id, 0, NULL));
	EXPECT_STREQ("rasdial: cannot signal the connection's pppd",
		     self->c.ext);

	kid_ev_ok(_metadata, &k, id, 2, RASCS_CONNECTED, false);
	ASSERT_EQ(0, conn_get(&self->c, id, &g));
	EXPECT_EQ((uint32_t)child, g32(&g, RASDIAL_A_PID));

	EXPECT_EQ(0, conn_cmd(&self->c, RASDIAL_CMD_HANGUP, id, 0, NULL));
	status = kid_wait(&k);
	ASSERT_NE(-1, status);
	EXPECT_TRUE(WIFSIGNALED(status));
	EXPECT_EQ(SIGTERM, WTERMSIG(status));
	EXPECT_TRUE(conn_gone(&self->c, id));
	kid_stop(&k);
	prctl(PR_SET_CHILD_SUBREAPER, 0);
}

TEST_F(genl, hangup_before_bind_is_delivered_at_bind)
{
	struct kid k = { .to = -1, .from = -1 };
	struct kresp r;
	uint32_t id;
	int status;

	ASSERT_EQ(0, conn_new(&self->c, "office", 0, &id));
	/* from another socket than the owner's: kept, pending */
	EXPECT_EQ(0, conn_cmd(&self->ev, RASDIAL_CMD_HANGUP, id, 0, NULL));
	EXPECT_EQ(0, conn_get(&self->c, id, NULL));

	ASSERT_TRUE(kid_start(&k, 0));
	r = kid_ev(&k, id, 1, 0, 0, false);
	(void)r;	/* the child may die before it can answer */
	status = kid_wait(&k);
	ASSERT_NE(-1, status);
	EXPECT_TRUE(WIFSIGNALED(status));
	EXPECT_EQ(SIGTERM, WTERMSIG(status));
	EXPECT_TRUE(conn_gone(&self->c, id));
	kid_stop(&k);
}

TEST_F(genl, owner_hangup_before_bind_frees_the_conn)
{
	struct kid k = { .to = -1, .from = -1 };
	struct kresp r;
	uint32_t id;

	ASSERT_EQ(0, conn_new(&self->c, "office", RASDIAL_F_WANT_ACK, &id));
	EXPECT_EQ(0, conn_cmd(&self->c, RASDIAL_CMD_HANGUP, id, 0, NULL));
	EXPECT_TRUE(conn_gone(&self->c, id));

	/* a pppd that binds late finds nothing to report to */
	ASSERT_TRUE(kid_start(&k, 0));
	r = kid_ev(&k, id, 1, 0, 0, false);
	EXPECT_EQ(-ENOENT, r.err);
	EXPECT_EQ(0, kid_stop(&k));
}

/* A setuid pppd run by another user has CAP_NET_ADMIN, yet may not bind
 * (take over) a conn root asked for: its real uid is not the owner's. */
TEST_F(genl, setuid_pppd_of_another_user_cannot_bind)
{
	struct kid k = { .to = -1, .from = -1 };
	struct kresp r;
	uint32_t id;

	ASSERT_EQ(0, conn_new(&self->c, "office", RASDIAL_F_WANT_ACK, &id));
	kid_setuid_style = 1;
	ASSERT_TRUE(kid_start(&k, NOBODY));
	kid_setuid_style = 0;
	r = kid_ev(&k, id, 1, 0 /* OpenPort */, 0, false);
	EXPECT_EQ(-EPERM, r.err);
	EXPECT_NE(NULL, strstr(r.ext, "another user")) TH_LOG("%s", r.ext);
	/* and it may still register a session of its own */
	r = kid_ev(&k, 0, 1, 0 /* OpenPort */, 0, false);
	EXPECT_EQ(0, r.err);
	EXPECT_EQ(0, kid_stop(&k));
	EXPECT_EQ(0, conn_get(&self->c, id, NULL));
}

TEST_F(genl, ack_is_relayed_to_the_bound_plugin)
{
	struct kid k = { .to = -1, .from = -1 };
	struct kreq q = { .op = K_WAIT_ACK };
	struct kresp r;
	struct gmsg g;
	uint32_t id;

	ASSERT_EQ(0, conn_new(&self->c, "office", RASDIAL_F_WANT_ACK, &id));
	ASSERT_TRUE(kid_start(&k, 0));

	r = kid_ev_ok(_metadata, &k, id, 7, RASCS_AUTHENTICATE, false);
	EXPECT_EQ((uint32_t)RASDIAL_F_WANT_ACK, r.flags);
	ASSERT_TRUE(chan_wait(&self->ev, RASDIAL_CMD_EVENT, id, &g, WAIT_MS));
	EXPECT_EQ((uint32_t)RASDIAL_F_WANT_ACK, g32(&g, RASDIAL_A_FLAGS));
	EXPECT_EQ(7u, g32(&g, RASDIAL_A_SEQ));
	ASSERT_EQ(0, conn_get(&self->c, id, &g));
	EXPECT_EQ((uint32_t)RASDIAL_F_WANT_ACK, g32(&g, RASDIAL_A_FLAGS));

	EXPECT_EQ(0, conn_cmd(&self->c, RASDIAL_CMD_ACK, id, 7, NULL));
	ASSERT_TRUE(kid_call(&k, &q, &r));
	EXPECT_EQ(0, r.err);
	EXPECT_EQ(id, r.id);
	EXPECT_EQ(7u, r.seq);

	ASSERT_EQ(0, conn_get(&self->c, id, &g));
	EXPECT_EQ(0u, g32(&g, RASDIAL_A_FLAGS));
	EXPECT_EQ(0, kid_stop(&k));
}

/* One relayed ACK per event pppd waits for: others are refused, so that
 * no process of the owner's uid can fill pppd's receive queue. */
TEST_F(genl, ack_is_relayed_only_for_the_pending_event)
{
	struct kid k = { .to = -1, .from = -1 };
	struct kreq q = { .op = K_WAIT_ACK };
	struct kresp r;
	uint32_t id;
	int i;

	ASSERT_EQ(0, conn_new(&self->c, "office", RASDIAL_F_WANT_ACK, &id));
	ASSERT_TRUE(kid_start(&k, 0));
	r = kid_ev_ok(_metadata, &k, id, 7, RASCS_AUTHENTICATE, false);
	ASSERT_EQ((uint32_t)RASDIAL_F_WANT_ACK, r.flags);

	for (i = 0; i < 50; i++)
		EXPECT_EQ(-ESTALE, conn_cmd(&self->c, RASDIAL_CMD_ACK, id, 6, NULL));
	EXPECT_STREQ("rasdial: pppd waits for no ACK of this event", self->c.ext);
	EXPECT_EQ(0, conn_cmd(&self->c, RASDIAL_CMD_ACK, id, 7, NULL));
	EXPECT_EQ(-ESTALE, conn_cmd(&self->c, RASDIAL_CMD_ACK, id, 7, NULL));

	ASSERT_TRUE(kid_call(&k, &q, &r));
	EXPECT_EQ(0, r.err);
	EXPECT_EQ(7u, r.seq);

	/* The next event: an ACK of the old one is stale.  The plugin's
	 * queue is in order: its next ACK is 8, so nothing else came. */
	r = kid_ev_ok(_metadata, &k, id, 8, RASCS_CONNECTED, false);
	EXPECT_EQ(-ESTALE, conn_cmd(&self->c, RASDIAL_CMD_ACK, id, 7, NULL));
	EXPECT_EQ(0, conn_cmd(&self->c, RASDIAL_CMD_ACK, id, 8, NULL));
	ASSERT_TRUE(kid_call(&k, &q, &r));
	EXPECT_EQ(0, r.err);
	EXPECT_EQ(8u, r.seq);
	EXPECT_EQ(0, kid_stop(&k));
}

TEST_F(genl, vanished_pppd_is_published_and_freed)
{
	struct kid k = { .to = -1, .from = -1 };
	struct gmsg g;
	uint32_t id;

	office_kid(_metadata, &self->c, &k, &id);
	kid_ev_seen(_metadata, &self->ev, &k, id, 3, RASCS_AUTHENTICATE, true,
		    &g);
	EXPECT_EQ(RASCS_AUTHENTICATE, g32(&g, RASDIAL_A_STATE));

	EXPECT_EQ(0, kid_stop(&k));
	ASSERT_TRUE(chan_wait(&self->ev, RASDIAL_CMD_EVENT, id, &g, WAIT_MS));
	EXPECT_EQ(RASCS_DISCONNECTED, g32(&g, RASDIAL_A_STATE));
	EXPECT_EQ((uint32_t)RASDIAL_ERROR_PPPD_VANISHED, g32(&g, RASDIAL_A_ERROR));
	EXPECT_EQ((uint32_t)RASDIAL_F_FINAL | RASDIAL_F_VANISHED,
		  g32(&g, RASDIAL_A_FLAGS));
	EXPECT_EQ(3u, g32(&g, RASDIAL_A_SEQ));
	EXPECT_STREQ("ppp7", gstr(&g, RASDIAL_A_IFNAME));
	EXPECT_EQ(-ENOENT, conn_get(&self->c, id, NULL));
}

TEST_F(genl, final_event_then_exit_is_not_a_vanish)
{
	struct kid k = { .to = -1, .from = -1 };
	struct kreq q = { .op = K_EVENT, .has_id = true, .seq = 4,
			  .state = RASCS_DISCONNECTED,
			  .error = ERROR_AUTHENTICATION_FAILURE,
			  .flags = RASDIAL_F_FINAL };
	struct kresp r;
	struct gmsg g;
	uint32_t id;

	office_kid(_metadata, &self->c, &k, &id);
	q.id = id;
	ASSERT_TRUE(kid_call(&k, &q, &r));
	ASSERT_EQ(0, r.err);
	ASSERT_TRUE(chan_wait(&self->ev, RASDIAL_CMD_EVENT, id, &g, WAIT_MS));
	EXPECT_EQ((uint32_t)RASDIAL_F_FINAL, g32(&g, RASDIAL_A_FLAGS));
	EXPECT_EQ(ERROR_AUTHENTICATION_FAILURE, g32(&g, RASDIAL_A_ERROR));
	ASSERT_EQ(0, conn_get(&self->c, id, &g));
	EXPECT_EQ((uint32_t)RASDIAL_F_FINAL, g32(&g, RASDIAL_A_FLAGS));

	EXPECT_EQ(0, kid_stop(&k));
	EXPECT_TRUE(conn_gone(&self->c, id));
	EXPECT_FALSE(chan_wait(&self->ev, RASDIAL_CMD_EVENT, id, &g, 300));
}

TEST_F(genl, owner_close_acks_the_waiting_plugin)
{
	struct kid k = { .to = -1, .from = -1 };
	struct kreq q = { .op = K_WAIT_ACK };
	struct chan own;
	struct kresp r;
	struct gmsg g;
	uint32_t id;

	ASSERT_EQ(0, chan_open(&own));
	ASSERT_EQ(0, conn_new(&own, "office", RASDIAL_F_WANT_ACK, &id));
	ASSERT_TRUE(kid_start(&k, 0));
	r = kid_ev_ok(_metadata, &k, id, 4, RASCS_AUTHENTICATE, false);
	EXPECT_EQ((uint32_t)RASDIAL_F_WANT_ACK, r.flags);

	chan_close(&own);
	ASSERT_TRUE(kid_call(&k, &q, &r));
	EXPECT_EQ(0, r.err);
	EXPECT_EQ(id, r.id);
	EXPECT_EQ(4u, r.seq);

	/* No owner, no more waiting; the conn lives on with its pppd. */
	r = kid_ev_ok(_metadata, &k, id, 5, RASCS_CONNECTED, false);
	EXPECT_EQ(0u, r.flags);
	ASSERT_EQ(0, conn_get(&self->c, id, &g));
	EXPECT_EQ(0u, g32(&g, RASDIAL_A_FLAGS));
	EXPECT_EQ(5u, g32(&g, RASDIAL_A_SEQ));
	EXPECT_EQ(0, kid_stop(&k));
	EXPECT_TRUE(conn_gone(&self->c, id));
}

TEST_F(genl, owner_close_frees_a_conn_without_pppd)
{
	struct chan own;
	uint32_t id;

	ASSERT_EQ(0, chan_open(&own));
	ASSERT_EQ(0, conn_new(&own, "office", 0, &id));
	ASSERT_EQ(0, conn_get(&self->c, id, NULL));
	chan_close(&own);
	EXPECT_TRUE(conn_gone(&self->c, id));
}

TEST_F(genl, self_registration_with_conn_id_0)
{
	struct kid k = { .to = -1, .from = -1 };
	struct kreq q = { .op = K_EVENT, .seq = 1, .state = RASCS_CONNECTED };
	struct kresp r;
	struct gmsg g;
	uint32_t id, id2;

	ASSERT_TRUE(kid_start(&k, 0));
	r = kid_ev_ok(_metadata, &k, 0, 1, RASCS_CONNECTED, false);
	id = r.id;
	ASSERT_NE(0u, id);
	EXPECT_EQ(0u, r.flags);

	ASSERT_TRUE(chan_wait(&self->ev, RASDIAL_CMD_EVENT, id, &g, WAIT_MS));
	EXPECT_EQ((uint32_t)RASDIAL_F_SELF_REGISTERED, g32(&g, RASDIAL_A_FLAGS));
	EXPECT_EQ(0u, g32(&g, RASDIAL_A_OWNER_UID));
	EXPECT_EQ((uint32_t)k.pid, g32(&g, RASDIAL_A_PID));
	EXPECT_FALSE(g.has[RASDIAL_A_ENTRY]);

	/* Later events name the conn by its new id. */
	r = kid_ev(&k, id, 2, RASCS_CONNECTED, 0, false);
	EXPECT_EQ(0, r.err);
	EXPECT_EQ(id, r.id);
	ASSERT_TRUE(chan_wait(&self->ev, RASDIAL_CMD_EVENT, id, &g, WAIT_MS));
	EXPECT_EQ(2u, g32(&g, RASDIAL_A_SEQ));
	ASSERT_EQ(0, conn_get(&self->c, id, &g));
	EXPECT_EQ((uint32_t)RASDIAL_F_SELF_REGISTERED, g32(&g, RASDIAL_A_FLAGS));
	EXPECT_EQ(2u, g32(&g, RASDIAL_A_SEQ));

	/* No CONN_ID at all means 0, too. */
	ASSERT_TRUE(kid_call(&k, &q, &r));
	ASSERT_EQ(0, r.err);
	id2 = r.id;
	EXPECT_NE(0u, id2);
	EXPECT_NE(id, id2);

	EXPECT_EQ(0, kid_stop(&k));
	ASSERT_TRUE(chan_wait(&self->ev, RASDIAL_CMD_EVENT, id, &g, WAIT_MS));
	EXPECT_EQ((uint32_t)RASDIAL_F_SELF_REGISTERED | RASDIAL_F_FINAL |
		  RASDIAL_F_VANISHED, g32(&g, RASDIAL_A_FLAGS));
	EXPECT_EQ(-ENOENT, conn_get(&self->c, id, NULL));
	EXPECT_EQ(-ENOENT, conn_get(&self->c, id2, NULL));
}

/* A pppd another program started (xl2tpd's) adopts RasDial's conn by
 * entry name: the oldest unbound one of its uid, else it registers. */
static struct kresp kid_adopt(struct kid *k, const char *entry, uint32_t seq)
{
	struct kreq q = { .op = K_EVENT, .seq = seq, .state = 0 /* OpenPort */,
			  .flags = RASDIAL_F_ADOPT };
	struct kresp r;

	snprintf(q.entry, sizeof(q.entry), "%s", entry ? entry : "");
	if (!kid_call(k, &q, &r))
		r.err = -EPIPE;
	return r;
}

TEST_F(genl, adopt_binds_the_oldest_dial_of_the_entry)
{
	struct kid k1 = { .to = -1, .from = -1 }, k2 = { .to = -1, .from = -1 };
	struct kid k3 = { .to = -1, .from = -1 }, kn = { .to = -1, .from = -1 };
	uint32_t plain, old, young, other;
	struct kresp r;
	struct gmsg g;

	/* Not offered for adoption, other entry, then two for "vpn". */
	ASSERT_EQ(0, conn_new(&self->c, "vpn", 0, &plain));
	ASSERT_EQ(0, conn_new(&self->c, "other", RASDIAL_F_ADOPT, &other));
	ASSERT_EQ(0, conn_new(&self->c, "vpn", RASDIAL_F_ADOPT | RASDIAL_F_WANT_ACK, &old));
	ASSERT_EQ(0, conn_new(&self->c, "vpn", RASDIAL_F_ADOPT, &young));
	ASSERT_EQ(0, conn_get(&self->c, old, &g));
	EXPECT_EQ((uint32_t)RASDIAL_F_ADOPT, g32(&g, RASDIAL_A_FLAGS));

	/* Without the entry name there is nothing to match. */
	ASSERT_TRUE(kid_start(&k1, 0));
	r = kid_adopt(&k1, NULL, 1);
	EXPECT_EQ(-EINVAL, r.err);
	EXPECT_NE(NULL, strstr(r.ext, "entry")) TH_LOG("%s", r.ext);

	/* Another user's pppd (setuid style) may not take root's dials. */
	kid_setuid_style = 1;
	ASSERT_TRUE(kid_start(&kn, NOBODY));
	kid_setuid_style = 0;
	r = kid_adopt(&kn, "vpn", 1);
	ASSERT_EQ(0, r.err) TH_LOG("%s", r.ext);
	EXPECT_NE(old, r.id);
	EXPECT_NE(young, r.id);
	EXPECT_NE(plain, r.id);

	/* The oldest first, with the owner's ACK wish; then the next. */
	r = kid_adopt(&k1, "vpn", 1);
	ASSERT_EQ(0, r.err) TH_LOG("%s", r.ext);
	EXPECT_EQ(old, r.id);
	EXPECT_EQ((uint32_t)RASDIAL_F_WANT_ACK, r.flags);
	ASSERT_TRUE(chan_wait(&self->ev, RASDIAL_CMD_EVENT, old, &g, WAIT_MS));
	EXPECT_EQ((uint32_t)k1.pid, g32(&g, RASDIAL_A_PID));
	EXPECT_STREQ("vpn", gstr(&g, RASDIAL_A_ENTRY));
	ASSERT_TRUE(kid_start(&k2, 0));
	r = kid_adopt(&k2, "vpn", 1);
	ASSERT_EQ(0, r.err);
	EXPECT_EQ(young, r.id);
	EXPECT_EQ(0u, r.flags);

	/* None left: it registers a conn of its own under the entry. */
	ASSERT_TRUE(kid_start(&k3, 0));
	r = kid_adopt(&k3, "vpn", 1);
	ASSERT_EQ(0, r.err);
	EXPECT_NE(plain, r.id);
	EXPECT_NE(old, r.id);
	EXPECT_NE(young, r.id);
	EXPECT_NE(other, r.id);
	ASSERT_EQ(0, conn_get(&self->c, r.id, &g));
	EXPECT_EQ((uint32_t)RASDIAL_F_SELF_REGISTERED, g32(&g, RASDIAL_A_FLAGS));
	EXPECT_STREQ("vpn", gstr(&g, RASDIAL_A_ENTRY));

	/* Later events of the adopter go by id, as usual. */
	r = kid_ev(&k1, old, 2, RASCS_CONNECTED, 0, false);
	EXPECT_EQ(0, r.err);
	EXPECT_EQ(old, r.id);

	/* Newest first: a later child holds copies of the earlier pipes. */
	EXPECT_EQ(0, kid_stop(&k3));
	EXPECT_EQ(0, kid_stop(&k2));
	EXPECT_EQ(0, kid_stop(&kn));
	EXPECT_EQ(0, kid_stop(&k1));
	EXPECT_TRUE(conn_gone(&self->c, old));
	EXPECT_TRUE(conn_gone(&self->c, young));
	/* Untouched: the plain dial and the other entry's. */
	EXPECT_EQ(0, conn_get(&self->c, plain, NULL));
	EXPECT_EQ(0, conn_get(&self->c, other, NULL));
}

static struct kresp kid_adopt_uid(struct kid *k, const char *entry,
				  uint32_t seq, uint32_t uid)
{
	struct kreq q = { .op = K_EVENT, .seq = seq, .state = 0 /* OpenPort */,
			  .flags = RASDIAL_F_ADOPT, .has_adopt_uid = true,
			  .adopt_uid = uid };
	struct kresp r;

	snprintf(q.entry, sizeof(q.entry), "%s", entry);
	if (!kid_call(k, &q, &r))
		r.err = -EPIPE;
	return r;
}

/* An entry name is no secret: a user who asks first for the entry that
 * xl2tpd dials for root must not get root's pppd.  Root's pppd adopts
 * root's dials, and another user's only when the admin names that uid
 * (RASDIAL_A_ADOPT_UID, from a privileged pppd option). */
TEST_F(genl, adopt_by_root_takes_no_other_users_dial)
{
	struct kid ku = { .to = -1, .from = -1 }, ks = { .to = -1, .from = -1 };
	struct kid kr1 = { .to = -1, .from = -1 }, kr2 = { .to = -1, .from = -1 };
	struct kid kr3 = { .to = -1, .from = -1 };
	struct kreq q = { .op = K_REQ, .cmd = RASDIAL_CMD_CONN_NEW,
			  .flags = RASDIAL_F_ADOPT | RASDIAL_F_WANT_ACK,
			  .entry = "vpn" };
	uint32_t users, roots;
	struct kresp r;
	struct gmsg g;

	/* The user asks first (its conn is the oldest), root second. */
	ASSERT_TRUE(kid_start(&ku, NOBODY));
	ASSERT_TRUE(kid_call(&ku, &q, &r));
	ASSERT_EQ(0, r.err) TH_LOG("%s", r.ext);
	users = r.id;
	ASSERT_EQ(0, conn_new(&self->c, "vpn", RASDIAL_F_ADOPT, &roots));

	/* xl2tpd's pppd (root) takes root's dial, not the user's ... */
	ASSERT_TRUE(kid_start(&kr1, 0));
	r = kid_adopt(&kr1, "vpn", 1);
	ASSERT_EQ(0, r.err) TH_LOG("%s", r.ext);
	EXPECT_EQ(roots, r.id);
	EXPECT_EQ(0u, r.flags);

	/* ... nor the user's when root's is taken: it registers its own. */
	ASSERT_TRUE(kid_start(&kr2, 0));
	r = kid_adopt(&kr2, "vpn", 1);
	ASSERT_EQ(0, r.err) TH_LOG("%s", r.ext);
	EXPECT_NE(users, r.id);
	EXPECT_NE(roots, r.id);
	ASSERT_EQ(0, conn_get(&self->c, r.id, &g));
	EXPECT_EQ((uint32_t)RASDIAL_F_SELF_REGISTERED, g32(&g, RASDIAL_A_FLAGS));
	ASSERT_EQ(0, conn_get(&self->c, users, &g));
	EXPECT_FALSE(g.has[RASDIAL_A_PID]);

	/* A setuid pppd run by a user may not name a uid. */
	kid_setuid_style = 1;
	ASSERT_TRUE(kid_start(&ks, NOBODY));
	kid_setuid_style = 0;
	r = kid_adopt_uid(&ks, "vpn", 1, 0);
	EXPECT_EQ(-EPERM, r.err);
	EXPECT_STREQ("rasdial: only root's pppd may adopt another user's dials",
		     r.ext);

	/* The admin lets root's pppd adopt this user's dials. */
	ASSERT_TRUE(kid_start(&kr3, 0));
	r = kid_adopt_uid(&kr3, "vpn", 1, NOBODY);
	ASSERT_EQ(0, r.err) TH_LOG("%s", r.ext);
	EXPECT_EQ(users, r.id);
	EXPECT_EQ((uint32_t)RASDIAL_F_WANT_ACK, r.flags);
	ASSERT_EQ(0, conn_get(&self->c, users, &g));
	EXPECT_EQ((uint32_t)kr3.pid, g32(&g, RASDIAL_A_PID));
	EXPECT_EQ(NOBODY, g32(&g, RASDIAL_A_OWNER_UID));

	/* The uid goes only with an adoption. */
	q = (struct kreq){ .op = K_EVENT, .has_id = true, .id = users, .seq = 2,
			   .has_adopt_uid = true, .adopt_uid = NOBODY };
	ASSERT_TRUE(kid_call(&kr3, &q, &r));
	EXPECT_EQ(-EINVAL, r.err);
	EXPECT_STREQ("rasdial: adoption uid without adoption", r.ext);

	/* Newest first: a later child holds copies of the earlier pipes. */
	EXPECT_EQ(0, kid_stop(&kr3));
	EXPECT_EQ(0, kid_stop(&ks));
	EXPECT_EQ(0, kid_stop(&kr2));
	EXPECT_EQ(0, kid_stop(&kr1));
	EXPECT_EQ(0, kid_stop(&ku));
	EXPECT_TRUE(conn_gone(&self->c, users));
	EXPECT_TRUE(conn_gone(&self->c, roots));
}

#define PARAMS	"/sys/module/rasdial/parameters/"

static int write_text(const char *path, const char *text)
{
	FILE *f = fopen(path, "w");
	int ret;

	if (!f)
		return -errno;
	ret = fputs(text, f) < 0 ? -EIO : 0;
	if (fclose(f) && !ret)
		ret = -errno;
	return ret;
}

static long read_param(const char *name)
{
	char path[128];
	long v = -1;
	FILE *f;

	snprintf(path, sizeof(path), PARAMS "%s", name);
	f = fopen(path, "r");
	if (!f)
		return -1;
	if (fscanf(f, "%ld", &v) != 1)
		v = -1;
	fclose(f);
	return v;
}

static int write_param(const char *name, long v)
{
	char path[128], text[32];

	snprintf(path, sizeof(path), PARAMS "%s", name);
	snprintf(text, sizeof(text), "%ld\n", v);
	return write_text(path, text);
}

/* One user cannot take the namespace's conns by asking for conns no pppd
 * binds; a bound one leaves the count; CAP_NET_ADMIN is not counted. */
TEST_F(genl, unbound_conns_are_capped_per_user)
{
	struct kid ku = { .to = -1, .from = -1 }, ks = { .to = -1, .from = -1 };
	struct kreq q = { .op = K_REQ, .cmd = RASDIAL_CMD_CONN_NEW };
	uint32_t ids[3], id;
	struct kresp r;
	long saved;
	int i;

	saved = read_param("max_unbound_per_user");
	ASSERT_EQ(256, saved);
	ASSERT_EQ(0, write_param("max_unbound_per_user", 3));
	ASSERT_TRUE(kid_start(&ku, NOBODY));
	for (i = 0; i < 3; i++) {
		ASSERT_TRUE(kid_call(&ku, &q, &r));
		EXPECT_EQ(0, r.err) TH_LOG("%s", r.ext);
		ids[i] = r.id;
	}
	ASSERT_TRUE(kid_call(&ku, &q, &r));
	EXPECT_EQ(-ENOSPC, r.err);
	EXPECT_STREQ("rasdial: too many connections of this user wait for a pppd",
		     r.ext);
	for (i = 0; i < 5; i++)
		EXPECT_EQ(0, conn_new(&self->c, "root's", 0, &id));

	/* the user's setuid pppd binds one: room for another */
	kid_setuid_style = 1;
	ASSERT_TRUE(kid_start(&ks, NOBODY));
	kid_setuid_style = 0;
	r = kid_ev(&ks, ids[0], 1, 0, 0, false);
	EXPECT_EQ(0, r.err) TH_LOG("%s", r.ext);
	ASSERT_TRUE(kid_call(&ku, &q, &r));
	EXPECT_EQ(0, r.err) TH_LOG("%s", r.ext);

	EXPECT_EQ(0, write_param("max_unbound_per_user", saved));
	EXPECT_EQ(0, kid_stop(&ks));
	EXPECT_EQ(0, kid_stop(&ku));
}

/* A user namespace whose root is CT_ROOT outside, with a network namespace
 * of its own: a container. */
#define CT_ROOT		100000u
#define CT_USER		1000u

/* Exit status of the container's child: 0 when its root could bind its
 * user's conn, 1 on EPERM, 2 on another error, 3.. when setting up failed. */
static int ct_main(int ready, int go)
{
	int to[2], from[2];
	struct chan c;
	uint32_t id = 0;
	struct kid d = { .to = -1, .from = -1 };
	struct kreq q = { .op = K_EVENT, .has_id = true, .seq = 1 };
	struct kresp r;
	struct gmsg g;
	char x = 0;

	/* tell the parent unshare's errno (EPERM in a chroot) */
	if (unshare(CLONE_NEWUSER))
		x = (char)errno;
	if (write(ready, &x, 1) != 1 || x || read(go, &x, 1) != 1)
		return 3;
	if (setresgid(0, 0, 0) || setresuid(0, 0, 0) || unshare(CLONE_NEWNET))
		return 4;
	/* the user's RasDial: CONN_NEW from a socket of its own */
	if (pipe(to) || pipe(from))
		return 5;
	d.pid = fork();
	if (d.pid < 0)
		return 5;
	if (d.pid == 0) {
		close(to[1]);
		close(from[0]);
		if (setresgid(CT_USER, CT_USER, CT_USER) ||
		    setresuid(CT_USER, CT_USER, CT_USER) || chan_open(&c) ||
		    conn_new(&c, "office", 0, &id))
			id = 0;
		if (write(from[1], &id, sizeof(id)) == sizeof(id))
			(void)!read(to[0], &x, 1);	/* until told */
		_exit(0);
	}
	close(to[0]);
	close(from[1]);
	d.to = to[1];
	d.from = from[0];
	if (!xfer(d.from, &id, sizeof(id), false, WAIT_MS) || !id)
		return 6;
	if (chan_open(&c))
		return 7;
	if (conn_get(&c, id, &g) || g32(&g, RASDIAL_A_OWNER_UID) != CT_USER)
		return 8;
	/* the container's pppd (its root) reports for that conn */
	q.id = id;
	kid_event(&c, &q, &r);
	kid_stop(&d);
	if (r.err)
		fprintf(stderr, "# container root's EVENT: %s\n", c.ext);
	return r.err == -EPERM ? 1 : r.err ? 2 : 0;
}

/* Root of a container binds its users' dials as root does on the host. */
TEST(container_root_binds_its_users_dials)
{
	int ready[2], go[2], status = -1;
	char path[64], map[64], x = 0;
	pid_t p;

	ASSERT_EQ(0, pipe(ready));
	ASSERT_EQ(0, pipe(go));
	p = fork();
	ASSERT_LE(0, p);
	if (p == 0) {
		close(ready[0]);
		close(go[1]);
		_exit(ct_main(ready[1], go[0]));
	}
	close(ready[1]);
	close(go[0]);
	ASSERT_EQ(1, read(ready[0], &x, 1));
	if (x) {
		waitpid(p, &status, 0);
		SKIP(return, "no user namespace here: %s", strerror(x));
	}
	snprintf(path, sizeof(path), "/proc/%d/uid_map", p);
	snprintf(map, sizeof(map), "0 %u 2000\n", CT_ROOT);
	EXPECT_EQ(0, write_text(path, map));
	snprintf(path, sizeof(path), "/proc/%d/gid_map", p);
	EXPECT_EQ(0, write_text(path, map));
	ASSERT_EQ(1, write(go[1], &x, 1));
	close(go[1]);
	close(ready[0]);
	ASSERT_EQ(p, waitpid(p, &status, 0));
	ASSERT_TRUE(WIFEXITED(status));
	EXPECT_EQ(0, WEXITSTATUS(status));
}

TEST_F(genl, dump_spans_many_messages)
{
	char entry[201];
	uint32_t ids[300];
	struct chan own;
	int i, found = 0;

	memset(entry, 'd', sizeof(entry) - 1);
	entry[sizeof(entry) - 1] = '\0';
	ASSERT_EQ(0, chan_open(&own));
	for (i = 0; i < 300; i++) {
		ASSERT_EQ(0, conn_new(&own, entry, 0, &ids[i]));
	}

	ASSERT_EQ(0, conn_dump(&self->c));
	TH_LOG("dump: %d conns", self->c.n - self->c.first);
	EXPECT_LE(300, self->c.n - self->c.first);
	for (i = 0; i < 300; i++) {
		const struct gmsg *d = dump_find(&self->c, ids[i]);

		if (d && !strcmp(gstr(d, RASDIAL_A_ENTRY), entry))
			found++;
	}
	EXPECT_EQ(300, found);
	/* Each conn exactly once. */
	for (i = self->c.first; i < self->c.n; i++) {
		int j;

		for (j = i + 1; j < self->c.n; j++) {
			ASSERT_NE(g32(&self->c.m[i], RASDIAL_A_CONN_ID),
				  g32(&self->c.m[j], RASDIAL_A_CONN_ID));
		}
	}
	chan_close(&own);
}

TEST_F(genl, dump_takes_no_attributes)
{
	struct nl_msg *msg = req_new(&self->c, RASDIAL_CMD_GET, NLM_F_DUMP);

	nla_put_u32(msg, RASDIAL_A_CONN_ID, 1);
	EXPECT_EQ(-EINVAL, req_do(&self->c, msg));
	EXPECT_STREQ("rasdial: a dump takes no attribute but a generation", self->c.ext);
	EXPECT_EQ(0, self->c.n - self->c.first);
}

/* Dump asking with RASDIAL_A_GENERATION HELD; *gen gets the registry's. */
static int conn_dump_since(struct chan *c, uint32_t held, uint32_t *gen)
{
	struct nl_msg *msg = req_new(c, RASDIAL_CMD_GET, NLM_F_DUMP);
	const struct gmsg *g;
	int ret;

	if (msg)
		nla_put_u32(msg, RASDIAL_A_GENERATION, held);
	ret = req_do(c, msg);
	if (ret)
		return ret;
	g = &c->m[c->first];
	if (c->n == c->first || !g->has[RASDIAL_A_GENERATION] ||
	    g->has[RASDIAL_A_CONN_ID])
		return -EBADMSG;
	*gen = g32(g, RASDIAL_A_GENERATION);
	return 0;
}

TEST_F(genl, dump_generation_says_whether_anything_changed)
{
	uint32_t g0, g1, g2, g3, id;
	struct gmsg g;

	/* Holding nothing: the generation first, then every conn. */
	ASSERT_EQ(0, conn_new(&self->c, "gen", 0, &id));
	ASSERT_EQ(0, conn_dump_since(&self->c, 0, &g0));
	EXPECT_NE(0u, g0);
	EXPECT_NE(NULL, dump_find(&self->c, id));

	/* Holding the current one: that message alone. */
	ASSERT_EQ(0, conn_dump_since(&self->c, g0, &g1));
	EXPECT_EQ(g0, g1);
	EXPECT_EQ(1, self->c.n - self->c.first);

	/* A conn added: a new generation and the full dump again. */
	ASSERT_EQ(0, conn_new(&self->c, "gen2", 0, &id));
	ASSERT_EQ(0, conn_dump_since(&self->c, g1, &g2));
	EXPECT_NE(g1, g2);
	EXPECT_NE(NULL, dump_find(&self->c, id));

	/* A conn removed (hung up by its owner before any pppd). */
	ASSERT_EQ(0, conn_cmd(&self->c, RASDIAL_CMD_HANGUP, id, 0, NULL));
	ASSERT_EQ(0, conn_dump_since(&self->c, g2, &g3));
	EXPECT_NE(g2, g3);
	EXPECT_EQ(NULL, dump_find(&self->c, id));

	/* A plain dump or a GET of one conn carries no generation. */
	ASSERT_EQ(0, conn_new(&self->c, "gen3", 0, &id));
	ASSERT_EQ(0, conn_dump(&self->c));
	EXPECT_FALSE(self->c.m[self->c.first].has[RASDIAL_A_GENERATION]);
	ASSERT_EQ(0, conn_get(&self->c, id, &g));
	EXPECT_FALSE(g.has[RASDIAL_A_GENERATION]);
	EXPECT_TRUE(g.has[RASDIAL_A_CONN_ID]);
}

TEST_F(genl, dump_generation_changes_with_an_event)
{
	uint32_t g0, g1, id;
	struct kresp r;
	struct kid k;

	ASSERT_EQ(0, conn_new(&self->c, "gen", 0, &id));
	ASSERT_EQ(0, conn_dump_since(&self->c, 0, &g0));
	ASSERT_TRUE(kid_start(&k, 0));
	r = kid_ev(&k, id, 1, RASCS_AUTHENTICATE, 0, false);
	EXPECT_EQ(0, r.err);
	ASSERT_EQ(0, conn_dump_since(&self->c, g0, &g1));
	EXPECT_NE(g0, g1);
	EXPECT_NE(NULL, dump_find(&self->c, id));
	EXPECT_EQ(0, kid_stop(&k));
	EXPECT_TRUE(conn_gone(&self->c, id));
}

static int dump_send(struct chan *c)
{
	struct nl_msg *msg = req_new(c, RASDIAL_CMD_GET, NLM_F_DUMP);
	int ret;

	if (!msg)
		return -ENOMEM;
	ret = nl_send_auto(c->sk, msg);
	nlmsg_free(msg);
	return ret;
}

/* Reads one datagram of a dump; counts NLM_F_DUMP_INTR; true at its end. */
static bool dump_read_one(int fd, int *intr, int *msgs)
{
	static char buf[1 << 16];
	struct nlmsghdr *nlh;
	ssize_t n = recv(fd, buf, sizeof(buf), 0);

	if (n <= 0)
		return true;
	for (nlh = (struct nlmsghdr *)buf; NLMSG_OK(nlh, n);
	     nlh = NLMSG_NEXT(nlh, n)) {
		if (nlh->nlmsg_flags & NLM_F_DUMP_INTR)
			(*intr)++;
		if (nlh->nlmsg_type == NLMSG_DONE ||
		    nlh->nlmsg_type == NLMSG_ERROR)
			return true;
		(*msgs)++;
	}
	return false;
}

TEST_F(genl, dump_that_spans_a_change_is_marked_interrupted)
{
	int fd = nl_socket_get_fd(self->c.sk);
	int i, intr = 0, msgs = 0, reads = 0;
	char entry[201];
	struct chan own;
	uint32_t id;
	bool done;

	memset(entry, 'i', sizeof(entry) - 1);
	entry[sizeof(entry) - 1] = '\0';
	ASSERT_EQ(0, chan_open(&own));
	for (i = 0; i < 300; i++)
		ASSERT_EQ(0, conn_new(&own, entry, 0, &id));

	/* Unchanged: a many-part dump is not marked. */
	ASSERT_LE(0, dump_send(&self->c));
	for (done = false; !done && reads < 1000; reads++)
		done = dump_read_one(fd, &intr, &msgs);
	ASSERT_TRUE(done);
	EXPECT_EQ(0, intr);
	EXPECT_LE(300, msgs);

	/* A conn added after the first part: a later part says so. */
	msgs = 0;
	ASSERT_LE(0, dump_send(&self->c));
	done = dump_read_one(fd, &intr, &msgs);
	ASSERT_FALSE(done);
	ASSERT_EQ(0, conn_new(&own, "late", 0, &id));
	for (reads = 0; !done && reads < 1000; reads++)
		done = dump_read_one(fd, &intr, &msgs);
	ASSERT_TRUE(done);
	EXPECT_LT(0, intr);
	chan_close(&own);
}

/* A fresh network namespace: its own registry. */
FIXTURE(netns) {
	struct chan outer;	/* in the test's original namespace */
	uint32_t outer_id;
	struct chan c;
};

FIXTURE_SETUP(netns)
{
	ASSERT_EQ(0, chan_open(&self->outer));
	ASSERT_EQ(0, conn_new(&self->outer, "outer", 0, &self->outer_id));
	ASSERT_EQ(0, unshare(CLONE_NEWNET));
	ASSERT_EQ(0, chan_open(&self->c));
}

FIXTURE_TEARDOWN(netns)
{
	chan_close(&self->c);
	chan_close(&self->outer);
}

TEST_F(netns, registry_is_per_namespace)
{
	uint32_t id;

	EXPECT_EQ(-ENOENT, conn_get(&self->c, self->outer_id, NULL));
	ASSERT_EQ(0, conn_dump(&self->c));
	EXPECT_EQ(0, self->c.n - self->c.first);
	ASSERT_EQ(0, conn_new(&self->c, "inner", 0, &id));
	ASSERT_EQ(0, conn_dump(&self->c));
	EXPECT_EQ(1, self->c.n - self->c.first);
	EXPECT_EQ(0, conn_get(&self->outer, self->outer_id, NULL));
}

/* The bound is the module parameter max_conns, RASDIAL_MAX_CONNS by
 * default; it is per namespace. */
TEST_F_TIMEOUT(netns, enospc_at_the_bound, 300)
{
	long saved = read_param("max_conns");
	uint32_t id;
	int i, ret = 0;

	ASSERT_EQ(RASDIAL_MAX_CONNS, saved);
	ASSERT_EQ(0, write_param("max_conns", 100));
	for (i = 0; i < 100 && !ret; i++)
		ret = conn_new(&self->c, "x", 0, &id);
	EXPECT_EQ(0, ret) TH_LOG("conn %d", i);
	EXPECT_EQ(-ENOSPC, conn_new(&self->c, "x", 0, &id));
	EXPECT_STREQ("rasdial: too many connections in this network namespace",
		     self->c.ext);
	/* The other namespace is not affected. */
	EXPECT_EQ(0, conn_new(&self->outer, "outer", 0, &id));
	EXPECT_EQ(0, write_param("max_conns", saved));
	EXPECT_EQ(0, conn_new(&self->c, "x", 0, &id));
}

static void __attribute__((constructor)) __constructor_order_last(void)
{
	if (!__constructor_order)
		__constructor_order = _CONSTRUCTOR_ORDER_BACKWARD;
}

int main(int argc, char **argv)
{
	struct chan c;

	if (chan_open(&c)) {
		if (!getenv("RASDIAL_KO_LOADED"))
			ksft_exit_skip("generic netlink family \"%s\" not found (rasdial.ko not loaded)\n",
				       RASDIAL_GENL_NAME);
	} else {
		chan_close(&c);
	}
	return test_harness_run(argc, argv);
}
