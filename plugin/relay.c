// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * relay.c: the plugin's netlink client of the "rasdial" generic netlink
 * family (include/uapi/linux/rasdial.h): one RASDIAL_CMD_EVENT per step
 * of the dial, the kernel's reply, the owner's RASDIAL_CMD_ACK.
 *
 * With rasdial-conn (the id librasdial got from CONN_NEW) the plugin waits
 * after each event until the owner has run its callback (RASDIAL_CMD_ACK),
 * at most rasdial-callback-timeout seconds (default 10; up to 60 from the
 * command line, up to 86400 from a privileged source such as an options
 * file): the dial is suspended while RasDialFunc1 runs.  After one ACK
 * that did not come in time the plugin waits for no more in that attempt:
 * pppd's main loop must not stand still at every later event.  A pppd
 * that registered itself (no rasdial-conn) has no owner to wait for.
 *
 * Direct mode (rasdial-fd, librasdial without rasdial.ko): the same
 * messages over an inherited AF_UNIX SOCK_SEQPACKET socket, one per
 * datagram, with nlmsg_type RASDIAL_DIRECT_FAMILY; the dialing program
 * answers as the kernel would.  When it is gone (EOF, EPIPE) pppd dials
 * on unreported, as a link outlives its program on Windows.
 *
 * Relay failures: a lost event (no memory, ENOBUFS, no reply within 5 s,
 * a refusal) is logged and skipped; the socket stays open, so the conn
 * stays listed and RasHangUp still reaches pppd.  If the kernel says the
 * conn librasdial made is not this pppd's (ENOENT, EBUSY, EPERM), pppd
 * ends as if hung up: it must not dial on for nobody.
 */
#include "pppd-compat.h"	/* first: pppd.h 2.4.9 typedefs bool */

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <net/if.h>
#include <poll.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include <linux/genetlink.h>
#include <linux/netlink.h>
#include <netlink/attr.h>
#include <netlink/msg.h>
#include <netlink/netlink.h>
#include <netlink/socket.h>

#include <linux/rasdial.h>

#include "link.h"
#include "options.h"
#include "rasdial.h"
#include "relay.h"

/* A kernel that does not answer within this long is treated as broken. */
#define RASDIAL_REPLY_TIMEOUT_MS	5000
/* Guard for any blocking send or recv on the netlink socket. */
#define RASDIAL_SOCK_TIMEOUT_S		5

static struct nl_sock *rasdial_sk;
static int rasdial_direct_fd = -1;	/* rasdial-fd: direct mode */
static uint32_t rasdial_direct_nlseq;	/* nlmsg_seq of direct requests */
static int rasdial_family;
static int rasdial_relay_tried;		/* socket opened once (or failed) */
static int rasdial_relay_off;		/* gave up: pppd goes on alone */
static unsigned int rasdial_events_lost;	/* not reported, socket kept */
static int rasdial_in_child;		/* a forked pppd child: stay silent */
static uint32_t rasdial_conn;		/* conn id in use, 0 until known */
static uint32_t rasdial_seq;		/* last SEQ sent */
static uint32_t rasdial_acked;		/* highest SEQ the owner ACKed */
static uint32_t rasdial_early_conn;	/* an ACK that beat our first reply */
static uint32_t rasdial_early_seq;
static int rasdial_ack_timeouts;	/* warned about a missing ACK */
static int rasdial_ack_missed;		/* this attempt: wait for no more */

/* Gives up reporting for good: only when no conn is bound to the socket,
 * or the conn is not (or no longer) ours. */
static void rasdial_relay_stop(void)
{
	if (rasdial_sk)
		nl_socket_free(rasdial_sk);
	rasdial_sk = NULL;
	if (rasdial_direct_fd >= 0)
		close(rasdial_direct_fd);
	rasdial_direct_fd = -1;
	rasdial_relay_off = 1;
}

void rasdial_relay_use_fd(int fd)
{
	rasdial_direct_fd = fd;
}

/* The socket events go out on and replies and ACKs come in on. */
static int rasdial_relay_fd(void)
{
	return rasdial_direct_fd >= 0 ? rasdial_direct_fd :
	       nl_socket_get_fd(rasdial_sk);
}

/*
 * The plugin links libnl-3 only, not libnl-genl-3: of that library it
 * used genl_connect(), genlmsg_put() and genlmsg_parse(), each a few
 * lines over libnl-3 (nl_connect(), nlmsg_put(), nlmsg_parse() past the
 * genlmsghdr), and genl_ctrl_resolve() (rasdial_resolve_family()).
 * Loading it and its constructors cost every pppd 3.4 ms of CPU in the
 * TCG test VM, a fifth of what the plugin cost a dial
 * (docs/performance.md, "Sixth round").
 */
static struct genlmsghdr *rasdial_genlmsg_put(struct nl_msg *msg, int family,
					      uint8_t cmd, uint8_t version)
{
	struct nlmsghdr *nh = nlmsg_put(msg, NL_AUTO_PORT, NL_AUTO_SEQ, family,
					GENL_HDRLEN, 0);
	struct genlmsghdr *gh;

	if (!nh)
		return NULL;
	gh = nlmsg_data(nh);
	gh->cmd = cmd;		/* nlmsg_alloc() zeroed the rest */
	gh->version = version;
	return gh;
}

/* Direct mode: the program that dialed has closed its end. */
static void rasdial_owner_gone(void)
{
	warn("rasdial: conn %u: the program that dialed is gone; the link goes on unreported",
	     rasdial_conn);
	rasdial_relay_stop();
}

/*
 * One event did not get through (no memory, a full socket buffer, no
 * reply in time, the kernel refused it), but pppd dials on.  The socket
 * stays open: closing it would make the kernel publish the conn as
 * vanished (619) while the link comes up unlisted, out of RasHangUp's
 * reach.  The conn keeps its last state until the next event, which is
 * reported as usual.
 */
static void rasdial_event_lost(const char *why, int err)
{
	if (!rasdial_events_lost++)
		warn("rasdial: conn %u: event %u not reported (%s%s%s); reporting the next ones",
		     rasdial_conn, rasdial_seq, why, err ? ": " : "",
		     err ? strerror(err) : "");
	else
		dbglog("rasdial: conn %u: event %u not reported (%s)",
		       rasdial_conn, rasdial_seq, why);
}

/* As RasHangUp ends pppd: SIGTERM (exit status EXIT_USER_REQUEST). */
static void rasdial_end_pppd(void *arg)
{
	(void)arg;
	kill(getpid(), SIGTERM);
}

static int rasdial_resolve_family(struct nl_sock *sk);

/*
 * Whether the family this pppd reports to is still the one registered:
 * a request to a family that went away (rmmod) gets ENOENT too.  Asked on
 * a socket of its own, so that nothing queued on ours is read.
 */
static int rasdial_family_still_there(void)
{
	struct nl_sock *sk = nl_socket_alloc();
	int id = -1;

	if (sk && nl_connect(sk, NETLINK_GENERIC) == 0)
		id = rasdial_resolve_family(sk);
	if (sk)
		nl_socket_free(sk);
	return id == rasdial_family;
}

/*
 * The kernel says the conn librasdial made for this pppd is not ours:
 * ENOENT (RasHangUp came before our first event, or rasdial.ko was
 * reloaded), EBUSY (another pppd bound it), EPERM (another user's).
 * This pppd would dial for nobody, unlisted, and no RasHangUp would
 * reach it: it ends as a hang-up ends it (pppd exits EXIT_USER_REQUEST).
 */
static void rasdial_conn_lost(int err, const char *detail)
{
	error("rasdial: conn %u is not this pppd's: %s%s%q; ending the link",
	      rasdial_conn, strerror(err), detail[0] ? ": " : "", detail);
	rasdial_relay_stop();
	/*
	 * From pppd's main loop (its timeouts run there), where SIGTERM is
	 * handled at once: a SIGTERM raised while the link is being set up
	 * was seen to be lost.
	 */
	rasdial_pppd_timeout(rasdial_end_pppd, NULL, 0);
}

static int rasdial_relay_open(void)
{
	struct timeval tv = { .tv_sec = RASDIAL_SOCK_TIMEOUT_S };
	int one = 1;
	int fd, err;

	rasdial_relay_tried = 1;
	if (rasdial_direct_fd >= 0) {
		/* The program's id for this dial: nothing to register. */
		if (!rasdial_opt.conn) {
			error("rasdial: rasdial-fd needs rasdial-conn; not reporting to RAS");
			goto err_off;
		}
		rasdial_family = RASDIAL_DIRECT_FAMILY;
		rasdial_conn = rasdial_opt.conn;
		dbglog("rasdial: conn %u, direct to the dialing program on fd %d",
		       rasdial_conn, rasdial_direct_fd);
		return 0;
	}
	rasdial_sk = nl_socket_alloc();
	if (!rasdial_sk) {
		error("rasdial: out of memory; not reporting to RAS");
		goto err_off;
	}
	err = nl_connect(rasdial_sk, NETLINK_GENERIC);
	if (err < 0) {
		error("rasdial: cannot open a generic netlink socket: %s; not reporting to RAS",
		      nl_geterror(err));
		goto err_free;
	}
	fd = nl_socket_get_fd(rasdial_sk);
	/* Children (connect script, charshunt) must not keep the conn bound. */
	fcntl(fd, F_SETFD, FD_CLOEXEC);
	setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof(tv));
	setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &tv, sizeof(tv));
	/* The kernel's reason for a rejection, for the log. */
	setsockopt(fd, SOL_NETLINK, NETLINK_EXT_ACK, &one, sizeof(one));

	rasdial_family = rasdial_resolve_family(rasdial_sk);
	if (rasdial_family < 0) {
		warn("rasdial: generic netlink family \"%s\" not found (rasdial.ko not loaded?): %s; not reporting to RAS",
		     RASDIAL_GENL_NAME, strerror(-rasdial_family));
		goto err_free;
	}
	rasdial_conn = rasdial_opt.conn;
	rasdial_link_check();
	dbglog("rasdial: family %d, conn %u%s", rasdial_family, rasdial_conn,
	       rasdial_conn ? "" : " (self-registering)");
	return 0;

err_free:
	nl_socket_free(rasdial_sk);
	rasdial_sk = NULL;
err_off:
	rasdial_relay_stop();
	return -1;
}

struct rasdial_reply {
	int done;		/* the request's NLMSG_ERROR (ACK) arrived */
	int error;		/* its errno, 0 for success */
	int got_reply;		/* the EVENT reply arrived */
	uint32_t conn;
	uint32_t flags;
	int family;		/* CTRL_CMD_GETFAMILY's answer: the id */
	char detail[128];	/* extack message */
};

static void rasdial_note_extack(const struct nlmsghdr *nh,
				struct rasdial_reply *r)
{
	const struct nlmsgerr *e = NLMSG_DATA(nh);
	const struct nlattr *attrs, *msg;
	size_t off;
	int len;

	if (!(nh->nlmsg_flags & NLM_F_ACK_TLVS))
		return;
	off = sizeof(*e);
	if (!(nh->nlmsg_flags & NLM_F_CAPPED))
		off += e->msg.nlmsg_len - NLMSG_HDRLEN;
	off = NLMSG_HDRLEN + NLMSG_ALIGN(off);
	if (off >= nh->nlmsg_len)
		return;
	attrs = (const struct nlattr *)((const char *)nh + off);
	len = (int)(nh->nlmsg_len - off);
	msg = nla_find((struct nlattr *)attrs, len, NLMSGERR_ATTR_MSG);
	if (msg && nla_len(msg) > 0)
		snprintf(r->detail, sizeof(r->detail), "%.*s", nla_len(msg),
			 (const char *)nla_data(msg));
}

/* Kernel replies, but check lengths before nla_get_u32() all the same. */
static const struct nla_policy rasdial_reply_policy[RASDIAL_A_MAX + 1] = {
	[RASDIAL_A_CONN_ID] = { .type = NLA_U32 },
	[RASDIAL_A_SEQ] = { .type = NLA_U32 },
	[RASDIAL_A_FLAGS] = { .type = NLA_U32 },
};

static void rasdial_handle_msg(struct nlmsghdr *nh, uint32_t req_seq,
			       struct rasdial_reply *r)
{
	struct nlattr *tb[RASDIAL_A_MAX + 1];
	struct genlmsghdr *gh;

	if (nh->nlmsg_type == NLMSG_ERROR) {
		const struct nlmsgerr *e = NLMSG_DATA(nh);

		if (nh->nlmsg_len < NLMSG_LENGTH(sizeof(*e)) ||
		    e->msg.nlmsg_seq != req_seq || !r)
			return;
		r->done = 1;
		r->error = -e->error;
		if (e->error)
			rasdial_note_extack(nh, r);
		return;
	}
	if (nh->nlmsg_type == GENL_ID_CTRL) {
		/* rasdial_resolve_family()'s answer. */
		struct nlattr *ctrl[CTRL_ATTR_MAX + 1];

		if (r && nh->nlmsg_seq == req_seq &&
		    nlmsg_parse(nh, GENL_HDRLEN, ctrl, CTRL_ATTR_MAX, NULL) == 0 &&
		    ctrl[CTRL_ATTR_FAMILY_ID] &&
		    nla_len(ctrl[CTRL_ATTR_FAMILY_ID]) >= (int)sizeof(uint16_t))
			r->family = nla_get_u16(ctrl[CTRL_ATTR_FAMILY_ID]);
		return;
	}
	if (nh->nlmsg_type != rasdial_family ||
	    nh->nlmsg_len < NLMSG_LENGTH(GENL_HDRLEN))
		return;
	gh = NLMSG_DATA(nh);
	if (nlmsg_parse(nh, GENL_HDRLEN, tb, RASDIAL_A_MAX,
			rasdial_reply_policy) < 0)
		return;

	if (gh->cmd == RASDIAL_CMD_ACK) {
		/* The owner's callback returned (relayed by the kernel). */
		if (!tb[RASDIAL_A_CONN_ID] || !tb[RASDIAL_A_SEQ])
			return;
		/*
		 * Adopted (rasdial-entry): the kernel multicasts the first
		 * event before it replies with our id, so the owner's ACK
		 * can come first.  Only the kernel sends to this socket, and
		 * only for the conn it bound to it: keep it for then.
		 */
		if (!rasdial_conn) {
			rasdial_early_conn = nla_get_u32(tb[RASDIAL_A_CONN_ID]);
			rasdial_early_seq = nla_get_u32(tb[RASDIAL_A_SEQ]);
			return;
		}
		if (nla_get_u32(tb[RASDIAL_A_CONN_ID]) == rasdial_conn &&
		    nla_get_u32(tb[RASDIAL_A_SEQ]) > rasdial_acked)
			rasdial_acked = nla_get_u32(tb[RASDIAL_A_SEQ]);
		return;
	}
	if (gh->cmd == RASDIAL_CMD_EVENT && r && nh->nlmsg_seq == req_seq) {
		r->got_reply = 1;
		if (tb[RASDIAL_A_CONN_ID])
			r->conn = nla_get_u32(tb[RASDIAL_A_CONN_ID]);
		if (tb[RASDIAL_A_FLAGS])
			r->flags = nla_get_u32(tb[RASDIAL_A_FLAGS]);
	}
}

/*
 * Waits up to TIMEOUT_MS for socket FD and handles what arrived.
 * Returns 1 when something was read, 0 on timeout or signal, -errno on a
 * socket error.
 */
static int rasdial_recv_once(int fd, int timeout_ms, uint32_t req_seq,
			     struct rasdial_reply *r)
{
	static char buf[16384] __attribute__((aligned(NLMSG_ALIGNTO)));
	struct pollfd pfd = { .fd = fd, .events = POLLIN };
	struct nlmsghdr *nh;
	ssize_t n;
	int len;

	n = poll(&pfd, 1, timeout_ms);
	if (n < 0)
		return errno == EINTR ? 0 : -errno;
	if (n == 0)
		return 0;
	n = recv(pfd.fd, buf, sizeof(buf), MSG_DONTWAIT);
	if (n < 0) {
		if (errno == EINTR || errno == EAGAIN || errno == EWOULDBLOCK)
			return 0;
		/* ENOBUFS: we dropped something; an ACK may be lost (bounded). */
		return errno == ENOBUFS ? 1 : -errno;
	}
	if (n == 0)
		return -EPIPE;
	len = (int)n;
	for (nh = (struct nlmsghdr *)buf; nlmsg_ok(nh, len);
	     nh = nlmsg_next(nh, &len))
		rasdial_handle_msg(nh, req_seq, r);
	return 1;
}

/*
 * Reads socket FD until the kernel's answer to request SEQ (its
 * NLMSG_ERROR) is in R, for at most RASDIAL_REPLY_TIMEOUT_MS.  Returns 0,
 * or -errno (-ETIMEDOUT) with R incomplete.
 */
static int rasdial_await_reply(int fd, uint32_t seq, struct rasdial_reply *r)
{
	int64_t deadline = rasdial_now_ms() + RASDIAL_REPLY_TIMEOUT_MS, left;
	int ret;

	while (!r->done) {
		left = deadline - rasdial_now_ms();
		if (left <= 0)
			return -ETIMEDOUT;
		ret = rasdial_recv_once(fd, (int)left, seq, r);
		if (ret < 0)
			return ret;
	}
	return 0;
}

/*
 * The id of the "rasdial" family, or -errno (ENOENT: rasdial.ko is not
 * loaded): one CTRL_CMD_GETFAMILY, read as the events' replies are.
 * genl_ctrl_resolve() would build a whole genl_family object through
 * libnl's object and callback code, which pppd runs nowhere else: its
 * first call in a process took 9.4 ms of CPU in the TCG test VM, this
 * way 5.5 (docs/performance.md, "Sixth round"), in every pppd.
 */
static int rasdial_resolve_family(struct nl_sock *sk)
{
	struct rasdial_reply r = { 0 };
	struct nl_msg *msg = nlmsg_alloc();
	uint32_t seq;
	int ret;

	if (!msg)
		return -ENOMEM;
	if (!rasdial_genlmsg_put(msg, GENL_ID_CTRL, CTRL_CMD_GETFAMILY, 1) ||
	    nla_put_string(msg, CTRL_ATTR_FAMILY_NAME, RASDIAL_GENL_NAME) < 0) {
		nlmsg_free(msg);
		return -EMSGSIZE;
	}
	ret = nl_send_auto(sk, msg);
	seq = nlmsg_hdr(msg)->nlmsg_seq;
	nlmsg_free(msg);
	if (ret < 0)
		return -EIO;
	/* The family's message, then the ACK; or an error alone. */
	ret = rasdial_await_reply(nl_socket_get_fd(sk), seq, &r);
	if (ret < 0)
		return ret;
	if (r.error)
		return -r.error;
	return r.family ? r.family : -ENOENT;
}

/* Waits, bounded, until the owner ACKs SEQ: its RasDialFunc1 has returned. */
static void rasdial_wait_ack(uint32_t seq)
{
	int64_t deadline, left;
	int ret;

	/*
	 * One missed ACK: the owner's callback is stuck.  Waiting the full
	 * timeout again at every later event would stall pppd for minutes.
	 */
	if (rasdial_opt.cb_timeout <= 0 || rasdial_ack_missed)
		return;
	deadline = rasdial_now_ms() + (int64_t)rasdial_opt.cb_timeout * 1000;
	while (rasdial_acked < seq) {
		/* RasHangUp from another thread while the callback hangs. */
		if (rasdial_hangup_sig) {
			dbglog("rasdial: hang-up signal; not waiting for ACK %u", seq);
			return;
		}
		left = deadline - rasdial_now_ms();
		if (left <= 0) {
			rasdial_ack_missed = 1;
			if (!rasdial_ack_timeouts++)
				warn("rasdial: conn %u: no ACK for event %u within %d s; not waiting again in this attempt",
				     rasdial_conn, seq, rasdial_opt.cb_timeout);
			return;
		}
		ret = rasdial_recv_once(rasdial_relay_fd(),
					left > INT_MAX ? INT_MAX : (int)left, 0, NULL);
		if (ret < 0 && rasdial_direct_fd >= 0) {
			rasdial_owner_gone();
			return;
		}
		if (ret < 0) {
			/* The conn stays bound: go on without this ACK. */
			rasdial_ack_missed = 1;
			warn("rasdial: netlink receive failed: %s; not waiting for ACK %u",
			     strerror(-ret), seq);
			return;
		}
	}
}



int rasdial_put_str(struct nl_msg *msg, int attr, const char *s, size_t max)
{
	char buf[RASDIAL_ENTRY_MAX + 1];
	size_t len = strnlen(s, max < RASDIAL_ENTRY_MAX ? max : RASDIAL_ENTRY_MAX);

	/* The kernel rejects over-long strings: cut them instead. */
	memcpy(buf, s, len);
	buf[len] = 0;
	return nla_put(msg, attr, (int)len + 1, buf);
}

static int rasdial_put_event(struct nl_msg *msg, const struct rasdial_event *ev)
{
	uint32_t flags = ev->flags;
	int err;

	err = rasdial_link_put_adopt(msg, rasdial_conn, &flags);
	err |= nla_put_u32(msg, RASDIAL_A_CONN_ID, rasdial_conn);
	err |= nla_put_u32(msg, RASDIAL_A_SEQ, rasdial_seq);
	err |= nla_put_u32(msg, RASDIAL_A_STATE, ev->state);
	err |= nla_put_u32(msg, RASDIAL_A_ERROR, ev->error);
	err |= nla_put_u32(msg, RASDIAL_A_PHASE, (uint32_t)rasdial_phase);
	if (flags)
		err |= nla_put_u32(msg, RASDIAL_A_FLAGS, flags);
	if (ev->exit_status >= 0)
		err |= nla_put_u32(msg, RASDIAL_A_EXIT_STATUS,
				   (uint32_t)ev->exit_status);
	err |= rasdial_link_put_device(msg, rasdial_conn);

	if (ev->with_if) {
		const char *ifn = rasdial_pppd_ifname();
		unsigned int idx;

		if (ifn && *ifn) {
			err |= rasdial_put_str(msg, RASDIAL_A_IFNAME, ifn,
					       IFNAMSIZ - 1);
			idx = if_nametoindex(ifn);
			if (idx)
				err |= nla_put_u32(msg, RASDIAL_A_IFINDEX, idx);
		}
	}
	if (ev->with_ip) {
		uint32_t local, remote;

		rasdial_pppd_ipcp_addrs(&local, &remote);
		if (local)
			err |= nla_put(msg, RASDIAL_A_LOCAL_ADDR, 4, &local);
		if (remote)
			err |= nla_put(msg, RASDIAL_A_REMOTE_ADDR, 4, &remote);
	}
	if (ev->with_lcp) {
		uint32_t proto, data, ours, peers;

		rasdial_pppd_lcp_info(&proto, &data, &ours, &peers);
		err |= nla_put_u32(msg, RASDIAL_A_AUTH_PROTO, proto);
		err |= nla_put_u32(msg, RASDIAL_A_AUTH_DATA, data);
		err |= nla_put_u32(msg, RASDIAL_A_LCP_OPTIONS, ours);
		err |= nla_put_u32(msg, RASDIAL_A_PEER_LCP_OPTIONS, peers);
	}
	if (ev->with_ipv6) {
		eui64_t local, remote;

		if (rasdial_pppd_ipv6cp_ids(&local, &remote) == 0) {
			if (!eui64_iszero(local))
				err |= nla_put(msg, RASDIAL_A_LOCAL_IFID6, 8, &local);
			if (!eui64_iszero(remote))
				err |= nla_put(msg, RASDIAL_A_REMOTE_IFID6, 8, &remote);
		}
	}
	return err ? -1 : 0;
}

/*
 * Direct mode: MSG as one datagram, completed as nl_send_auto() would
 * (a request that wants its NLMSG_ERROR answer).  0 or -errno; no
 * SIGPIPE when the program is gone.
 */
static int rasdial_direct_send(struct nl_msg *msg)
{
	struct nlmsghdr *nh = nlmsg_hdr(msg);
	ssize_t n;

	nh->nlmsg_flags |= NLM_F_REQUEST | NLM_F_ACK;
	nh->nlmsg_seq = ++rasdial_direct_nlseq;
	nh->nlmsg_pid = 0;
	do {
		n = send(rasdial_direct_fd, nh, nh->nlmsg_len, MSG_NOSIGNAL);
	} while (n < 0 && errno == EINTR);
	if (n < 0)
		return -errno;
	return n == (ssize_t)nh->nlmsg_len ? 0 : -EMSGSIZE;
}

/*
 * Sends one RASDIAL_CMD_EVENT, reads the kernel's reply and, when asked,
 * waits for the owner's ACK.  A failure loses this event only
 * (rasdial_event_lost()), unless the conn turns out not to be ours or
 * there is none: a pppd registering itself gives up when the kernel
 * refuses it, or when it cannot tell whether the kernel registered it.
 */
void rasdial_send(const struct rasdial_event *ev)
{
	struct rasdial_reply r = { 0 };
	struct nl_msg *msg;
	uint32_t req_seq;
	int ret;

	if (rasdial_in_child || rasdial_relay_off ||
	    (!rasdial_relay_tried && rasdial_relay_open() < 0))
		return;

	rasdial_seq++;
	msg = nlmsg_alloc();
	if (!msg) {
		rasdial_event_lost("out of memory", 0);
		return;
	}
	if (!rasdial_genlmsg_put(msg, rasdial_family, RASDIAL_CMD_EVENT,
				 RASDIAL_GENL_VERSION) ||
	    rasdial_put_event(msg, ev) < 0) {
		nlmsg_free(msg);
		rasdial_event_lost("does not fit a netlink message", 0);
		return;
	}
	/* Not sent, so nothing was registered: the next event tries again. */
	ret = rasdial_direct_fd >= 0 ? rasdial_direct_send(msg) :
	      nl_send_auto(rasdial_sk, msg);
	req_seq = nlmsg_hdr(msg)->nlmsg_seq;
	nlmsg_free(msg);
	if (rasdial_direct_fd >= 0 && (ret == -EPIPE || ret == -ECONNRESET)) {
		rasdial_owner_gone();
		return;
	}
	if (ret < 0) {
		/* errno from send(), libnl's own code from nl_send_auto() */
		rasdial_event_lost(rasdial_direct_fd >= 0 ? strerror(-ret) :
				   nl_geterror(ret), 0);
		return;
	}

	ret = rasdial_await_reply(rasdial_relay_fd(), req_seq, &r);
	if (!r.done && rasdial_direct_fd >= 0 && ret < 0 && ret != -ETIMEDOUT) {
		rasdial_owner_gone();
		return;
	}
	if (!r.done) {
		/* Registering: whether the kernel made a conn is unknown. */
		if (!rasdial_conn) {
			error("rasdial: no answer from the kernel to registering: %s; not reporting to RAS",
			      strerror(-ret));
			rasdial_relay_stop();
			return;
		}
		rasdial_event_lost("no reply from the kernel", -ret);
		return;
	}
	if (r.error) {
		/* rasdial.ko went away with every conn: pppd dials on. */
		if (r.error == ENOENT && rasdial_direct_fd < 0 &&
		    !rasdial_family_still_there()) {
			error("rasdial: the \"%s\" family went away; not reporting to RAS",
			      RASDIAL_GENL_NAME);
			rasdial_relay_stop();
			return;
		}
		if (rasdial_opt.conn && (r.error == ENOENT || r.error == EBUSY ||
					 r.error == EPERM)) {
			rasdial_conn_lost(r.error, r.detail);
			return;
		}
		/* ENOSPC, ENOMEM: the registry is full for now; the next
		 * event may register or be taken. */
		if (rasdial_conn || r.error == ENOSPC || r.error == ENOMEM) {
			rasdial_event_lost(r.detail[0] ? r.detail : "refused", r.error);
			return;
		}
		error("rasdial: kernel refused to register this pppd: %s%s%q; not reporting to RAS",
		      strerror(r.error), r.detail[0] ? ": " : "", r.detail);
		rasdial_relay_stop();
		return;
	}
	if (!r.got_reply || !r.conn) {
		rasdial_event_lost("reply without conn id", 0);
		return;
	}
	if (!rasdial_conn) {
		rasdial_conn = r.conn;
		if (rasdial_early_conn == rasdial_conn &&
		    rasdial_early_seq > rasdial_acked)
			rasdial_acked = rasdial_early_seq;
		if (rasdial_opt.entry[0])
			info("rasdial: RAS connection %u for entry %q (adopted, or registered when no RasDial waited)",
			     rasdial_conn, rasdial_opt.entry);
		else
			info("rasdial: registered as RAS connection %u", rasdial_conn);
	}
	dbglog("rasdial: conn %u event %u: state %u error %u%s%s",
	       rasdial_conn, rasdial_seq, ev->state, ev->error,
	       ev->flags & RASDIAL_F_FINAL ? " final" : "",
	       r.flags & RASDIAL_F_WANT_ACK ? ", waiting for ACK" : "");
	/*
	 * A self-registered pppd has no owner to wait for; an adopted one
	 * has (the kernel asks for ACKs only for a conn RasDial made).
	 */
	if ((r.flags & RASDIAL_F_WANT_ACK) &&
	    (rasdial_opt.conn || rasdial_opt.entry[0]))
		rasdial_wait_ack(rasdial_seq);
}


uint32_t rasdial_relay_sent(void)
{
	return rasdial_seq;
}

void rasdial_relay_attempt(void)
{
	rasdial_ack_missed = 0;
}

void rasdial_relay_close(int in_child)
{
	if (in_child) {
		rasdial_in_child = 1;
		if (rasdial_sk)
			close(nl_socket_get_fd(rasdial_sk));
		if (rasdial_direct_fd >= 0)
			close(rasdial_direct_fd);
		return;
	}
	/* pppd exits: nothing is sent after this. */
	rasdial_relay_stop();
}
