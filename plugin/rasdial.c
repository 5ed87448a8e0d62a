// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * rasdial.so: pppd plugin that reports each step of a dial to the kernel's
 * "rasdial" generic netlink family as a Win32 RASCONNSTATE, so that
 * librasdial can call a program's RasDialFunc1 as Windows would.
 *
 *   plugin rasdial.so rasdial-conn ID [rasdial-callback-timeout S]
 *          [rasdial-passwd-fd FD] [rasdial-device-type TYPE]
 *          [rasdial-phone NUMBER] [rasdial-chat-report]
 *   plugin rasdial.so rasdial-entry NAME [rasdial-device-type TYPE]
 *          [rasdial-adopt-user USER]
 *
 * With rasdial-conn (the id librasdial got from CONN_NEW) the plugin waits
 * after each event until the owner has run its callback (RASDIAL_CMD_ACK),
 * at most rasdial-callback-timeout seconds (default 10; up to 60 from the
 * command line, up to 86400 from a privileged source such as an options
 * file): the dial is suspended while RasDialFunc1 runs.  After one ACK
 * that did not come in time the plugin waits for no more in that attempt:
 * pppd's main loop must not stand still at every later event.  Without it, the pppd registers itself (conn id 0) and
 * never waits, so links that no shim started are listed too.
 *
 * rasdial-entry NAME (a pppd that another program starts, as xl2tpd does
 * for L2TP, from an options file the admin wrote): the plugin asks the
 * kernel to adopt the oldest conn RasDial is dialing for entry NAME
 * (RASDIAL_F_ADOPT) and from then on reports and waits for ACKs as with
 * rasdial-conn; with no such dial it registers itself under NAME.
 *
 * The plugin never stops pppd: without the family or on any netlink error
 * it logs once and pppd dials on without it.
 *
 * Events: each pppd phase/notifier maps to RASCONNSTATEs (common/pppd-map.c);
 * OpenPort is reported with the first one (pppd enters INITIALIZE before
 * loading plugins).  Projected and Connected wait until every enabled NCP
 * is up or has given up, so "Connected" means the addresses are set.  A
 * failure is reported on entering DEAD with the error from the exit
 * status and the phase the link died in, in the last state reported
 * (Disconnected once connected or hung up); dwExtendedError stays 0.
 *
 * persist/demand: a link that dies while pppd will dial again is reported
 * without RASDIAL_F_FINAL, and the next attempt starts afresh from
 * RASCS_OpenPort (SEQ keeps counting up).  Only the last death is FINAL.
 *
 * Entry name: with rasdial-conn the shim's (CONN_NEW) stands and none is
 * sent; a self-registered pppd is named by rasdial-entry, else by its
 * "linkname", else "ipparam", else the NAME of "call NAME", else its device.
 *
 * rasdial-passwd-fd: read once, up to EOF (one trailing newline dropped),
 * when pppd first needs the secret, then closed; never logged.
 *
 * Chat's result: pppd keeps only "connect script failed" of chat's exit
 * status.  With "rasdial-chat-report" (librasdial passes it; no other
 * dial's connect line is touched), on entering SERIALCONN the plugin puts
 * its rasdial-connect helper (next to rasdial.so) in front of pppd's
 * connect command when chat is that command, and hands it a pipe (env RASDIAL_CONNECT_FD) and the phone
 * number override (env RASDIAL_PHONE, from "rasdial-phone", a dial
 * string checked against a whitelist, which the helper passes to chat as
 * -T for "\T").  The helper reports chat's exit
 * status and the ABORT string that matched; rasdial_chat_error() turns
 * that into 676/679/680/678/651.  A connect command that is not chat (a
 * script of its own, chat as its argument) runs as it is and fails as 678.
 *
 * rasdial-adopt-user USER|UID (privileged: from root or an options file
 * root controls) with rasdial-entry: root's pppd (xl2tpd's) may adopt
 * that user's RasDial of the entry (RASDIAL_A_ADOPT_UID); without it the
 * kernel lets it adopt only root's.
 *
 * Relay failures: a lost event (no memory, ENOBUFS, no reply within 5 s,
 * a refusal) is logged and skipped; the socket stays open, so the conn
 * stays listed and RasHangUp still reaches pppd.  If the kernel says the
 * conn librasdial made is not this pppd's (ENOENT, EBUSY, EPERM), pppd
 * ends as if hung up: it must not dial on for nobody.
 */
/* dladdr() and pipe2(): defined before any header (pppd-compat.h too). */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include "pppd-compat.h"	/* first: pppd.h 2.4.9 typedefs bool */

#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <limits.h>
#include <net/if.h>
#include <poll.h>
#include <pwd.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#include <linux/netlink.h>
#include <netlink/genl/ctrl.h>
#include <netlink/genl/genl.h>
#include <netlink/netlink.h>

#include <linux/rasdial.h>
#include "pppd-map.h"
#include "ras-codes.h"
#include "chat-cmd.h"

#define RASDIAL_EXPORT	__attribute__((visibility("default")))

/* pppd-map.h carries pppd's numbers without pppd's headers: keep them equal. */
#define RASDIAL_SAME(a, b) _Static_assert((int)(a) == (int)(b), #a " != " #b)
RASDIAL_SAME(RASDIAL_PPP_PHASE_DEAD, PHASE_DEAD);
RASDIAL_SAME(RASDIAL_PPP_PHASE_INITIALIZE, PHASE_INITIALIZE);
RASDIAL_SAME(RASDIAL_PPP_PHASE_SERIALCONN, PHASE_SERIALCONN);
RASDIAL_SAME(RASDIAL_PPP_PHASE_DORMANT, PHASE_DORMANT);
RASDIAL_SAME(RASDIAL_PPP_PHASE_ESTABLISH, PHASE_ESTABLISH);
RASDIAL_SAME(RASDIAL_PPP_PHASE_AUTHENTICATE, PHASE_AUTHENTICATE);
RASDIAL_SAME(RASDIAL_PPP_PHASE_CALLBACK, PHASE_CALLBACK);
RASDIAL_SAME(RASDIAL_PPP_PHASE_NETWORK, PHASE_NETWORK);
RASDIAL_SAME(RASDIAL_PPP_PHASE_RUNNING, PHASE_RUNNING);
RASDIAL_SAME(RASDIAL_PPP_PHASE_TERMINATE, PHASE_TERMINATE);
RASDIAL_SAME(RASDIAL_PPP_PHASE_DISCONNECT, PHASE_DISCONNECT);
RASDIAL_SAME(RASDIAL_PPP_PHASE_HOLDOFF, PHASE_HOLDOFF);
RASDIAL_SAME(RASDIAL_PPP_PHASE_MASTER, PHASE_MASTER);
RASDIAL_SAME(RASDIAL_PPP_EXIT_OK, EXIT_OK);
RASDIAL_SAME(RASDIAL_PPP_EXIT_FATAL_ERROR, EXIT_FATAL_ERROR);
RASDIAL_SAME(RASDIAL_PPP_EXIT_OPTION_ERROR, EXIT_OPTION_ERROR);
RASDIAL_SAME(RASDIAL_PPP_EXIT_NOT_ROOT, EXIT_NOT_ROOT);
RASDIAL_SAME(RASDIAL_PPP_EXIT_NO_KERNEL_SUPPORT, EXIT_NO_KERNEL_SUPPORT);
RASDIAL_SAME(RASDIAL_PPP_EXIT_USER_REQUEST, EXIT_USER_REQUEST);
RASDIAL_SAME(RASDIAL_PPP_EXIT_LOCK_FAILED, EXIT_LOCK_FAILED);
RASDIAL_SAME(RASDIAL_PPP_EXIT_OPEN_FAILED, EXIT_OPEN_FAILED);
RASDIAL_SAME(RASDIAL_PPP_EXIT_CONNECT_FAILED, EXIT_CONNECT_FAILED);
RASDIAL_SAME(RASDIAL_PPP_EXIT_PTYCMD_FAILED, EXIT_PTYCMD_FAILED);
RASDIAL_SAME(RASDIAL_PPP_EXIT_NEGOTIATION_FAILED, EXIT_NEGOTIATION_FAILED);
RASDIAL_SAME(RASDIAL_PPP_EXIT_PEER_AUTH_FAILED, EXIT_PEER_AUTH_FAILED);
RASDIAL_SAME(RASDIAL_PPP_EXIT_IDLE_TIMEOUT, EXIT_IDLE_TIMEOUT);
RASDIAL_SAME(RASDIAL_PPP_EXIT_CONNECT_TIME, EXIT_CONNECT_TIME);
RASDIAL_SAME(RASDIAL_PPP_EXIT_CALLBACK, EXIT_CALLBACK);
RASDIAL_SAME(RASDIAL_PPP_EXIT_PEER_DEAD, EXIT_PEER_DEAD);
RASDIAL_SAME(RASDIAL_PPP_EXIT_HANGUP, EXIT_HANGUP);
RASDIAL_SAME(RASDIAL_PPP_EXIT_LOOPBACK, EXIT_LOOPBACK);
RASDIAL_SAME(RASDIAL_PPP_EXIT_INIT_FAILED, EXIT_INIT_FAILED);
RASDIAL_SAME(RASDIAL_PPP_EXIT_AUTH_TOPEER_FAILED, EXIT_AUTH_TOPEER_FAILED);
#if RASDIAL_PPPD_2_5 || defined(EXIT_TRAFFIC_LIMIT)
RASDIAL_SAME(RASDIAL_PPP_EXIT_TRAFFIC_LIMIT, EXIT_TRAFFIC_LIMIT);
#endif
RASDIAL_SAME(RASDIAL_PPP_EXIT_CNID_AUTH_FAILED, EXIT_CNID_AUTH_FAILED);

RASDIAL_EXPORT char pppd_version[] = RASDIAL_PPPD_VERSION;

/* A kernel that does not answer within this long is treated as broken. */
#define RASDIAL_REPLY_TIMEOUT_MS	5000
/* Guard for any blocking recv (libnl's resolve) on the netlink socket. */
#define RASDIAL_SOCK_TIMEOUT_S		5
/* How long a password writer may take to close its end of the pipe. */
#define RASDIAL_PASSWD_TIMEOUT_MS	5000

/* ---- options (parsed after plugin_init: only stored here) ---- */

static uint32_t rasdial_opt_conn;		/* 0: self-register */
static char rasdial_opt_entry[RASDIAL_ENTRY_MAX + 1];	/* adopt by name */
static uint32_t rasdial_opt_adopt_uid;	/* rasdial-adopt-user, when set */
static int rasdial_opt_adopt_uid_set;
/*
 * While pppd waits for an ACK its main loop stands still (no LCP echo
 * replies, no retransmits): a short default, a bound on what the caller
 * (an unprivileged option) may ask, more from the admin's options only.
 */
#define RASDIAL_CB_TIMEOUT_DEFAULT	10
#define RASDIAL_CB_TIMEOUT_USER_MAX	60
#define RASDIAL_CB_TIMEOUT_MAX		86400
static int rasdial_opt_cb_timeout = RASDIAL_CB_TIMEOUT_DEFAULT; /* s; 0: no ACKs */
static int rasdial_passwd_fd = -1;
static char rasdial_opt_device_type[RASDIAL_DEVICE_TYPE_MAX + 1] = "modem";
/* RAS_MaxPhoneNumber; only dial-string characters (rasdial_phone_ok). */
#define RASDIAL_PHONE_MAX	128
static char rasdial_opt_phone[RASDIAL_PHONE_MAX + 1];
static int rasdial_opt_chat_report;	/* rasdial-chat-report: wrap chat */

/* ---- netlink relay ---- */

static struct nl_sock *rasdial_sk;
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

/* ---- the current dial attempt ---- */

static int rasdial_phase = PHASE_INITIALIZE;	/* pppd's, tracked */
static int rasdial_attempt;		/* OpenPort reported, not yet dead */
static int rasdial_progress;		/* last phase moved forward to */
static int rasdial_going_down;		/* TERMINATE/DISCONNECT seen */
static int rasdial_authenticated;	/* RASCS_Authenticated reported */
static int rasdial_connected;		/* RASCS_Connected reported */
static int rasdial_ip_up;		/* IPCP is up */
static int rasdial_ipv6_up;		/* IPv6CP is up */
static int rasdial_settle_armed;	/* rasdial_settle_check() scheduled */
static uint32_t rasdial_last_state;	/* for the failure report */
static int rasdial_final_sent;
static volatile sig_atomic_t rasdial_hangup_sig; /* set in signal context */
static volatile sig_atomic_t rasdial_fatal_sig;	/* pppd dies in a handler */
static int rasdial_down_status = -1;	/* pppd's status when the link
					 * started to go down, -1 before */
static int rasdial_down_on_sig;		/* a hang-up signal had come by then */

/* ---- the connect script's (chat's) result, from rasdial-connect ---- */

#define RASDIAL_CONNECT_HELPER	"rasdial-connect"
static char *rasdial_connect_cmd;	/* our rewrite of connect_script */
static int rasdial_chat_rd = -1;	/* report pipe, read end */
static int rasdial_chat_wr = -1;	/* write end, inherited by the script */
static int rasdial_chat_exit = -1;	/* chat's exit status, -1 unknown */
static char rasdial_chat_abort[128];	/* the ABORT string that matched */

/* ---- password ---- */

static char rasdial_secret[MAXSECRETLEN];
static int rasdial_secret_state;	/* 0 unread, 1 loaded, -1 failed */

static int64_t rasdial_now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* Full-string unsigned parse; -1 on junk or overflow. */
static int rasdial_parse_ulong(const char *s, unsigned long max,
			       unsigned long *out)
{
	char *end;
	unsigned long v;

	if (!s || !*s || *s == '-' || *s == '+')
		return -1;
	errno = 0;
	v = strtoul(s, &end, 10);
	if (errno || *end || v > max)
		return -1;
	*out = v;
	return 0;
}

/* ---------------------------------------------------------------- netlink */

/* Gives up reporting for good: only when no conn is bound to the socket,
 * or the conn is not (or no longer) ours. */
static void rasdial_relay_stop(void)
{
	if (rasdial_sk)
		nl_socket_free(rasdial_sk);
	rasdial_sk = NULL;
	rasdial_relay_off = 1;
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

/*
 * Whether the family this pppd reports to is still the one registered:
 * a request to a family that went away (rmmod) gets ENOENT too.  Asked on
 * a socket of its own, so that nothing queued on ours is read.
 */
static int rasdial_family_still_there(void)
{
	struct nl_sock *sk = nl_socket_alloc();
	int id = -1;

	if (sk && genl_connect(sk) == 0)
		id = genl_ctrl_resolve(sk, RASDIAL_GENL_NAME);
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
	rasdial_sk = nl_socket_alloc();
	if (!rasdial_sk) {
		error("rasdial: out of memory; not reporting to RAS");
		goto err_off;
	}
	err = genl_connect(rasdial_sk);
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

	rasdial_family = genl_ctrl_resolve(rasdial_sk, RASDIAL_GENL_NAME);
	if (rasdial_family < 0) {
		warn("rasdial: generic netlink family \"%s\" not found (rasdial.ko not loaded?): %s; not reporting to RAS",
		     RASDIAL_GENL_NAME, nl_geterror(rasdial_family));
		goto err_free;
	}
	rasdial_conn = rasdial_opt_conn;
	if (rasdial_opt_adopt_uid_set && (!rasdial_opt_entry[0] || rasdial_opt_conn))
		warn("rasdial: rasdial-adopt-user applies to rasdial-entry without rasdial-conn only; ignored");
	else if (rasdial_opt_adopt_uid_set && getuid() != 0)
		warn("rasdial: rasdial-adopt-user ignored: only a pppd that root runs may adopt another user's dial");
	dbglog("rasdial: family %d, conn %u%s", rasdial_family, rasdial_conn,
	       rasdial_conn ? "" : " (self-registering)");
	return 0;

err_free:
	nl_socket_free(rasdial_sk);
	rasdial_sk = NULL;
err_off:
	rasdial_relay_off = 1;
	return -1;
}

struct rasdial_reply {
	int done;		/* the request's NLMSG_ERROR (ACK) arrived */
	int error;		/* its errno, 0 for success */
	int got_reply;		/* the EVENT reply arrived */
	uint32_t conn;
	uint32_t flags;
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
	if (nh->nlmsg_type != rasdial_family ||
	    nh->nlmsg_len < NLMSG_LENGTH(GENL_HDRLEN))
		return;
	gh = NLMSG_DATA(nh);
	if (genlmsg_parse(nh, 0, tb, RASDIAL_A_MAX, rasdial_reply_policy) < 0)
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
 * Waits up to TIMEOUT_MS for the socket and handles what arrived.
 * Returns 1 when something was read, 0 on timeout or signal, -errno on a
 * socket error.
 */
static int rasdial_recv_once(int timeout_ms, uint32_t req_seq,
			     struct rasdial_reply *r)
{
	static char buf[16384] __attribute__((aligned(NLMSG_ALIGNTO)));
	struct pollfd pfd = { .fd = nl_socket_get_fd(rasdial_sk), .events = POLLIN };
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

/* Waits, bounded, until the owner ACKs SEQ: its RasDialFunc1 has returned. */
static void rasdial_wait_ack(uint32_t seq)
{
	int64_t deadline, left;
	int ret;

	/*
	 * One missed ACK: the owner's callback is stuck.  Waiting the full
	 * timeout again at every later event would stall pppd for minutes.
	 */
	if (rasdial_opt_cb_timeout <= 0 || rasdial_ack_missed)
		return;
	deadline = rasdial_now_ms() + (int64_t)rasdial_opt_cb_timeout * 1000;
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
				     rasdial_conn, seq, rasdial_opt_cb_timeout);
			return;
		}
		ret = rasdial_recv_once(left > INT_MAX ? INT_MAX : (int)left, 0, NULL);
		if (ret < 0) {
			/* The conn stays bound: go on without this ACK. */
			rasdial_ack_missed = 1;
			warn("rasdial: netlink receive failed: %s; not waiting for ACK %u",
			     strerror(-ret), seq);
			return;
		}
	}
}

struct rasdial_event {
	uint32_t state;
	uint32_t error;
	uint32_t flags;
	int exit_status;		/* < 0: not known */
	int with_if;			/* add ifname/ifindex */
	int with_ip;			/* add the IPv4 addresses */
	int with_ipv6;			/* add the IPv6 interface ids */
	int with_lcp;			/* add authentication, LCP options */
};

/* The entry name of a pppd no shim started: linkname, ipparam, peer, device. */
static const char *rasdial_self_entry(char *buf, size_t size)
{
	const char *s;
	ssize_t n;
	int fd;

	if (rasdial_opt_entry[0])
		return rasdial_opt_entry;
	s = rasdial_pppd_linkname();
	if (s && *s)
		return s;
	s = rasdial_pppd_ipparam();
	if (s && *s)
		return s;
	/* "pppd call NAME": pppd keeps NAME only in the scripts' environment. */
	fd = open("/proc/self/cmdline", O_RDONLY | O_CLOEXEC);
	if (fd >= 0) {
		char cmd[4096];
		const char *p, *end;

		n = read(fd, cmd, sizeof(cmd) - 1);
		close(fd);
		if (n > 0) {
			cmd[n] = 0;
			end = cmd + n;
			for (p = cmd; p < end; p += strlen(p) + 1) {
				if (strcmp(p, "call"))
					continue;
				p += strlen(p) + 1;
				if (p < end && *p) {
					snprintf(buf, size, "%s", p);
					return buf;
				}
				break;
			}
		}
	}
	s = rasdial_pppd_devnam();
	if (s && *s)
		return s;
	return "pppd";
}

static int rasdial_put_str(struct nl_msg *msg, int attr, const char *s,
			   size_t max)
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
	const char *dev = rasdial_pppd_devnam();
	int baud = rasdial_pppd_baud();
	uint32_t flags = ev->flags;
	int err = 0;

	/* Until the kernel has told us our conn: adopt RasDial's by name. */
	if (!rasdial_conn && rasdial_opt_entry[0]) {
		flags |= RASDIAL_F_ADOPT;
		/*
		 * Root's pppd (xl2tpd's) adopts only root's dials unless the
		 * admin names the user it dials for; the kernel refuses the
		 * attribute from anyone else (rasdial_relay_open() warned).
		 */
		if (rasdial_opt_adopt_uid_set && getuid() == 0)
			err |= nla_put_u32(msg, RASDIAL_A_ADOPT_UID,
					   rasdial_opt_adopt_uid);
	}
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
	/* With rasdial-conn the shim already named the conn (phonebook entry). */
	if (!rasdial_conn) {
		char entry[RASDIAL_ENTRY_MAX + 1];

		err |= rasdial_put_str(msg, RASDIAL_A_ENTRY,
				       rasdial_self_entry(entry, sizeof(entry)),
				       RASDIAL_ENTRY_MAX);
	}
	if (dev && *dev)
		err |= rasdial_put_str(msg, RASDIAL_A_DEVICE_NAME, dev,
				       RASDIAL_DEVICE_NAME_MAX);
	err |= nla_put_string(msg, RASDIAL_A_DEVICE_TYPE, rasdial_opt_device_type);
	if (baud > 0)
		err |= nla_put_u32(msg, RASDIAL_A_BAUD, (uint32_t)baud);

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
 * Sends one RASDIAL_CMD_EVENT, reads the kernel's reply and, when asked,
 * waits for the owner's ACK.  A failure loses this event only
 * (rasdial_event_lost()), unless the conn turns out not to be ours or
 * there is none: a pppd registering itself gives up when the kernel
 * refuses it, or when it cannot tell whether the kernel registered it.
 */
static void rasdial_send(const struct rasdial_event *ev)
{
	struct rasdial_reply r = { 0 };
	struct nl_msg *msg;
	int64_t deadline, left;
	uint32_t req_seq;
	int ret;

	if (rasdial_in_child || rasdial_relay_off ||
	    (!rasdial_sk && (rasdial_relay_tried || rasdial_relay_open() < 0)))
		return;

	rasdial_seq++;
	msg = nlmsg_alloc();
	if (!msg) {
		rasdial_event_lost("out of memory", 0);
		return;
	}
	if (!genlmsg_put(msg, NL_AUTO_PORT, NL_AUTO_SEQ, rasdial_family, 0, 0,
			 RASDIAL_CMD_EVENT, RASDIAL_GENL_VERSION) ||
	    rasdial_put_event(msg, ev) < 0) {
		nlmsg_free(msg);
		rasdial_event_lost("does not fit a netlink message", 0);
		return;
	}
	/* Not sent, so nothing was registered: the next event tries again. */
	ret = nl_send_auto(rasdial_sk, msg);
	req_seq = nlmsg_hdr(msg)->nlmsg_seq;
	nlmsg_free(msg);
	if (ret < 0) {
		rasdial_event_lost(nl_geterror(ret), 0);
		return;
	}

	deadline = rasdial_now_ms() + RASDIAL_REPLY_TIMEOUT_MS;
	while (!r.done) {
		left = deadline - rasdial_now_ms();
		if (left <= 0) {
			ret = -ETIMEDOUT;
			break;
		}
		ret = rasdial_recv_once((int)left, req_seq, &r);
		if (ret < 0)
			break;
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
		if (r.error == ENOENT && !rasdial_family_still_there()) {
			error("rasdial: the \"%s\" family went away; not reporting to RAS",
			      RASDIAL_GENL_NAME);
			rasdial_relay_stop();
			return;
		}
		if (rasdial_opt_conn && (r.error == ENOENT || r.error == EBUSY ||
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
		if (rasdial_opt_entry[0])
			info("rasdial: RAS connection %u for entry %q (adopted, or registered when no RasDial waited)",
			     rasdial_conn, rasdial_opt_entry);
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
	    (rasdial_opt_conn || rasdial_opt_entry[0]))
		rasdial_wait_ack(rasdial_seq);
}

static void rasdial_report(uint32_t state)
{
	struct rasdial_event ev = { .state = state, .exit_status = -1 };

	rasdial_last_state = state;
	rasdial_send(&ev);
}

/* ------------------------------------------------- chat's result (connect) */

/*
 * connect_script and remote_number are pppd globals in 2.4.9 and 2.5
 * (2.5 no longer declares them in a public header, but pppd exports all
 * its symbols to plugins): looked up at run time, no compat macro needed.
 */
static char **rasdial_connect_script_ptr(void)
{
	return dlsym(RTLD_DEFAULT, "connect_script");
}

/* rasdial-connect next to this rasdial.so, or NULL. */
static const char *rasdial_helper_path(void)
{
	static char path[PATH_MAX];
	static int tried;
	Dl_info info;
	char *slash;

	if (tried)
		return path[0] ? path : NULL;
	tried = 1;
	if (!dladdr((void *)rasdial_helper_path, &info) || !info.dli_fname)
		return NULL;
	snprintf(path, sizeof(path), "%s", info.dli_fname);
	slash = strrchr(path, '/');
	if (!slash || (size_t)(slash + 1 - path) + sizeof(RASDIAL_CONNECT_HELPER) >
		      sizeof(path) || strchr(path, '\'')) {
		path[0] = 0;
		return NULL;
	}
	strcpy(slash + 1, RASDIAL_CONNECT_HELPER);
	if (access(path, X_OK) < 0) {
		dbglog("rasdial: no %s: chat's result will not be known", path);
		path[0] = 0;
		return NULL;
	}
	return path;
}

/* CMD with "'HELPER' " put before its chat, or NULL when chat is not the
 * command (rasdial_chat_cmd_offset()). */
static char *rasdial_wrap_chat(const char *cmd, const char *helper)
{
	int off = rasdial_chat_cmd_offset(cmd);
	size_t len;
	char *out;

	if (off < 0)
		return NULL;
	len = strlen(cmd) + strlen(helper) + 4;
	out = malloc(len);
	if (!out)
		return NULL;
	snprintf(out, len, "%.*s'%s' %s", off, cmd, helper, cmd + off);
	return out;
}

/* Entering SERIALCONN: chat will run under rasdial-connect, reporting. */
static void rasdial_chat_arm(void)
{
	char **cs = rasdial_connect_script_ptr();
	const char *helper;
	char fdbuf[16];
	int p[2];

	rasdial_chat_exit = -1;
	rasdial_chat_abort[0] = 0;
	/* Only librasdial's dials: every other dial's connect line stays as
	 * the admin wrote it (an /etc/ppp/options plugin line loads us for
	 * all of them). */
	if (!rasdial_opt_chat_report || !cs || !*cs || !**cs)
		return;
	if (*cs != rasdial_connect_cmd) {
		helper = rasdial_helper_path();
		if (!helper)
			return;
		free(rasdial_connect_cmd);
		rasdial_connect_cmd = rasdial_wrap_chat(*cs, helper);
		if (!rasdial_connect_cmd) {
			dbglog("rasdial: no chat in the connect command: chat's result will not be known");
			return;
		}
		/* pppd runs connector = connect_script via /bin/sh -c. */
		*cs = rasdial_connect_cmd;
	}
	if (rasdial_chat_rd >= 0)
		close(rasdial_chat_rd);
	if (rasdial_chat_wr >= 0)
		close(rasdial_chat_wr);
	rasdial_chat_rd = rasdial_chat_wr = -1;
	if (pipe2(p, O_CLOEXEC | O_NONBLOCK) < 0) {
		warn("rasdial: pipe: %m; chat's result will not be known");
		return;
	}
	/* Only the write end goes through sh to rasdial-connect. */
	fcntl(p[1], F_SETFD, 0);
	rasdial_chat_rd = p[0];
	rasdial_chat_wr = p[1];
	snprintf(fdbuf, sizeof(fdbuf), "%d", p[1]);
	setenv("RASDIAL_CONNECT_FD", fdbuf, 1);
	if (rasdial_opt_phone[0])
		setenv("RASDIAL_PHONE", rasdial_opt_phone, 1);
	else
		unsetenv("RASDIAL_PHONE");
}

/* The connect script is over: read what rasdial-connect said. */
static void rasdial_chat_collect(void)
{
	char buf[256];
	ssize_t n;
	int code, off = 0;

	if (rasdial_chat_wr >= 0)
		close(rasdial_chat_wr);
	rasdial_chat_wr = -1;
	unsetenv("RASDIAL_CONNECT_FD");
	if (rasdial_chat_rd < 0)
		return;
	n = read(rasdial_chat_rd, buf, sizeof(buf) - 1);
	close(rasdial_chat_rd);
	rasdial_chat_rd = -1;
	if (n <= 0)
		return;
	buf[n] = 0;
	buf[strcspn(buf, "\n")] = 0;
	if (sscanf(buf, "chat %d %n", &code, &off) < 1)
		return;
	rasdial_chat_exit = code;
	if (off > 0 && buf[off])
		snprintf(rasdial_chat_abort, sizeof(rasdial_chat_abort), "%s",
			 buf + off);
	dbglog("rasdial: chat exit %d%s%q", code, rasdial_chat_abort[0] ? ", abort on " : "",
	       rasdial_chat_abort);
}

/* --------------------------------------------------------------- the dial */

static void rasdial_settle_check(void *arg);

static void rasdial_attempt_begin(void)
{
	uint32_t st[RASDIAL_PPP_MAX_STATES];
	unsigned int i, n;

	rasdial_attempt = 1;
	rasdial_progress = PHASE_INITIALIZE;
	rasdial_going_down = 0;
	rasdial_authenticated = 0;
	rasdial_connected = 0;
	rasdial_ip_up = 0;
	rasdial_ipv6_up = 0;
	rasdial_hangup_sig = 0;
	rasdial_ack_missed = 0;
	rasdial_down_status = -1;
	rasdial_down_on_sig = 0;
	rasdial_chat_exit = -1;
	rasdial_chat_abort[0] = 0;
	/* pppd entered INITIALIZE before loading us: report it now. */
	n = rasdial_ppp_states(RASDIAL_PPP_PHASE_INITIALIZE, st);
	for (i = 0; i < n; i++)
		rasdial_report(st[i]);
}

static void rasdial_report_states(int phase_or_notifier)
{
	uint32_t st[RASDIAL_PPP_MAX_STATES];
	unsigned int i, n;

	n = rasdial_ppp_states(phase_or_notifier, st);
	for (i = 0; i < n; i++)
		rasdial_report(st[i]);
}

static void rasdial_report_authenticated(void)
{
	if (rasdial_authenticated)
		return;
	rasdial_authenticated = 1;
	rasdial_report_states(RASDIAL_PPP_NOTIFY_AUTH_UP);
}

/*
 * The link died (DEAD) or pppd exits: one event with the error, in the
 * last state reported (Windows calls RasDialFunc1 again for the state in
 * which the error occurred), or Disconnected once connected or hung up.
 */
static void rasdial_report_end(int exit_status, int final)
{
	struct rasdial_event ev = { .exit_status = exit_status };
	struct rasdial_ppp_end_info end = {
		.exit_status = exit_status,
		.hung_up = rasdial_hangup_sig,	/* attempt_begin() clears it */
	};

	if (!rasdial_attempt) {
		if (!rasdial_seq)
			rasdial_attempt_begin();	/* died before dialing */
		else
			rasdial_last_state = RASDIAL_RASCS_Disconnected; /* between attempts */
	}
	end.down_status = rasdial_down_status;
	end.down_on_sig = rasdial_down_on_sig;
	end.died_in_phase = rasdial_progress;
	end.was_connected = rasdial_connected;
	end.last_state = rasdial_last_state;
	end.device_type = rasdial_opt_device_type;
	end.chat_exit = rasdial_chat_exit;
	end.chat_abort = rasdial_chat_abort;
	ev.error = rasdial_ppp_end(&end, &ev.state);
	ev.flags = final ? RASDIAL_F_FINAL : 0;
	info("rasdial: link %s in phase %d with status %d (%d going down, chat %d%s%q): RAS error %u",
	     rasdial_connected ? "ended" : "failed", rasdial_progress,
	     exit_status, rasdial_down_status, rasdial_chat_exit,
	     rasdial_chat_abort[0] ? " " : "", rasdial_chat_abort, ev.error);
	rasdial_send(&ev);
	if (final)
		rasdial_final_sent = 1;
	rasdial_attempt = 0;
	rasdial_progress = PHASE_INITIALIZE;
	if (rasdial_settle_armed && !rasdial_in_child)
		rasdial_pppd_untimeout(rasdial_settle_check, NULL);
	rasdial_settle_armed = 0;
}

static void rasdial_phase_notify(void *ctx, int p)
{
	(void)ctx;
	rasdial_phase = p;
	if (rasdial_in_child)
		return;
	/* The connect script has run (pppd waited for it): collect. */
	if (p != PHASE_SERIALCONN)
		rasdial_chat_collect();
	if (rasdial_final_sent)
		return;
	/*
	 * The first step back (link_down() re-enters ESTABLISH) or into
	 * TERMINATE/DISCONNECT: status now says why the link goes down.
	 */
	if (rasdial_attempt && rasdial_down_status < 0 &&
	    (p == PHASE_TERMINATE || p == PHASE_DISCONNECT ||
	     (p != PHASE_DEAD && p <= rasdial_progress &&
	      rasdial_progress > PHASE_SERIALCONN))) {
		rasdial_down_status = rasdial_pppd_status();
		rasdial_down_on_sig = rasdial_hangup_sig;
	}

	switch (p) {
	case PHASE_DEAD:
		/*
		 * Report now: the exit notifier can come seconds later, after
		 * pppd has waited for its children.
		 */
		if (rasdial_attempt)
			rasdial_report_end(rasdial_pppd_status(),
					   !rasdial_pppd_will_redial());
		return;
	case PHASE_TERMINATE:
	case PHASE_DISCONNECT:
		/* Going down: the phase it died in is the one before. */
		rasdial_going_down = 1;
		return;
	case PHASE_SERIALCONN:
	case PHASE_ESTABLISH:
	case PHASE_AUTHENTICATE:
	case PHASE_CALLBACK:
	case PHASE_NETWORK:
	case PHASE_RUNNING:
		break;
	default:
		/* INITIALIZE, DORMANT (demand: idle), HOLDOFF, MASTER. */
		return;
	}

	if (!rasdial_attempt) {
		rasdial_attempt_begin();
	} else if (rasdial_going_down || p <= rasdial_progress) {
		/*
		 * Teardown (link_down() re-enters ESTABLISH, np_down() NETWORK)
		 * or LCP renegotiating: no step forward.
		 */
		return;
	}
	/*
	 * Past the furthest phase after a step back: the link came back (LCP
	 * renegotiated, say a stale Configure-Request in Opened), so the
	 * status it had then (NEGOTIATION_FAILED before RUNNING) no longer
	 * says why it will go down.
	 */
	rasdial_down_status = -1;
	rasdial_down_on_sig = 0;
	rasdial_progress = p;
	if (p == PHASE_SERIALCONN)
		rasdial_chat_arm();
	if (rasdial_connected)
		return;
	/*
	 * 2.4.x notifies auth_up only when the peer authenticated to us
	 * (network_phase(): go->neg_chap/upap/eap), not for a client that
	 * authenticated to its server: catch up.  2.5.x notifies it always,
	 * so there this finds Authenticated already reported.
	 */
	if ((p == PHASE_CALLBACK || p == PHASE_NETWORK ||
	     p == PHASE_RUNNING) && rasdial_last_state == RASDIAL_RASCS_Authenticate)
		rasdial_report_authenticated();
	rasdial_report_states(p);
}

static void rasdial_auth_up_notify(void *ctx, int arg)
{
	(void)ctx;
	(void)arg;
	if (rasdial_in_child || rasdial_final_sent || !rasdial_attempt ||
	    rasdial_going_down || rasdial_connected)
		return;
	rasdial_report_authenticated();
}

/*
 * Projected, then Connected, once every enabled NCP has settled (is up or
 * has given up) and one is up: Debian's pppd runs IPv6CP too, which often
 * comes up first, and a program told "Connected" expects its IPv4 address.
 */
static void rasdial_try_connect(void)
{
	struct rasdial_event ev = { .exit_status = -1 };
	uint32_t st[RASDIAL_PPP_MAX_STATES];
	unsigned int i, n;

	if (rasdial_in_child || rasdial_final_sent || !rasdial_attempt ||
	    rasdial_going_down || rasdial_connected ||
	    (!rasdial_ip_up && !rasdial_ipv6_up))
		return;
	if (rasdial_pppd_ncp_negotiating(0) || rasdial_pppd_ncp_negotiating(1)) {
		/* Each NCP gives up on its own within max-configure tries. */
		if (!rasdial_settle_armed) {
			rasdial_settle_armed = 1;
			rasdial_pppd_timeout(rasdial_settle_check, NULL, 1);
		}
		return;
	}
	n = rasdial_ppp_states(rasdial_ip_up ? RASDIAL_PPP_NOTIFY_IP_UP :
					       RASDIAL_PPP_NOTIFY_IPV6_UP, st);
	for (i = 0; i < n; i++) {
		ev.state = st[i];
		/* Interface, addresses and LCP's results go with the
		 * first (Projected). */
		ev.with_if = i == 0;
		ev.with_lcp = i == 0;
		ev.with_ip = i == 0 && rasdial_ip_up;
		ev.with_ipv6 = i == 0 && rasdial_ipv6_up;
		if (st[i] == RASDIAL_RASCS_Connected)
			rasdial_connected = 1;
		rasdial_last_state = st[i];
		rasdial_send(&ev);
	}
}

static void rasdial_settle_check(void *arg)
{
	(void)arg;
	rasdial_settle_armed = 0;
	rasdial_try_connect();
}

static void rasdial_up(int ipv6)
{
	if (rasdial_in_child || rasdial_final_sent || !rasdial_attempt ||
	    rasdial_going_down)
		return;
	if (ipv6)
		rasdial_ipv6_up = 1;
	else
		rasdial_ip_up = 1;
	if (rasdial_connected) {
		/* The contract has no state-less update to carry it. */
		dbglog("rasdial: %s up after Connected: not reported",
		       ipv6 ? "IPv6CP" : "IPCP");
		return;
	}
	rasdial_try_connect();
}

static void rasdial_ip_up_notify(void *ctx, int arg)
{
	(void)ctx;
	(void)arg;
	rasdial_up(0);
}

static void rasdial_ipv6_up_notify(void *ctx, int arg)
{
	(void)ctx;
	(void)arg;
	rasdial_up(1);
}

/* Runs in signal context: only set a flag. */
static void rasdial_signal_notify(void *ctx, int sig)
{
	(void)ctx;
	/*
	 * RasHangUp is SIGTERM.  Not SIGHUP: a modem's carrier loss can raise
	 * it too, and pppd already counts it as a user request when not.
	 */
	if (sig == SIGTERM || sig == SIGINT)
		rasdial_hangup_sig = 1;
	/*
	 * pppd notifies SIGHUP, SIGTERM and SIGINT from hup() and term();
	 * any other signal from bad_signal() (SIGSEGV, SIGQUIT, ...), which
	 * calls die() next, still inside the handler: the exit notifier then
	 * runs in signal context.
	 */
	else if (sig != SIGHUP)
		rasdial_fatal_sig = sig;
}

static void rasdial_exit_notify(void *ctx, int exit_status)
{
	(void)ctx;
	if (rasdial_in_child)
		return;
	/*
	 * Called from a fatal signal's handler (maybe interrupting our own
	 * send or wait): no malloc, libnl or waiting here.  The socket
	 * closes as the process exits, and the kernel publishes the conn's
	 * end as RASDIAL_ERROR_PPPD_VANISHED.
	 */
	if (rasdial_fatal_sig) {
		explicit_bzero(rasdial_secret, sizeof(rasdial_secret));
		return;
	}
	/*
	 * Only if DEAD never reported a final event: pppd died before its
	 * link did, or a 2.5 pppd gave up on "persist".  Reported for a
	 * conn the shim is waiting on, or for a link already announced.
	 */
	if (!rasdial_final_sent && (rasdial_opt_conn || rasdial_seq))
		rasdial_report_end(exit_status, 1);
	if (rasdial_sk)
		nl_socket_free(rasdial_sk);
	rasdial_sk = NULL;
	explicit_bzero(rasdial_secret, sizeof(rasdial_secret));
}

static void rasdial_fork_notify(void *ctx, int arg)
{
	(void)ctx;
	(void)arg;
	/* In the child: it must not speak for pppd nor keep the conn bound. */
	rasdial_in_child = 1;
	if (rasdial_sk)
		close(nl_socket_get_fd(rasdial_sk));
	if (rasdial_passwd_fd >= 0)
		close(rasdial_passwd_fd);
	explicit_bzero(rasdial_secret, sizeof(rasdial_secret));
}

/* --------------------------------------------------------------- password */

/* Reads the password once from rasdial-passwd-fd, then closes the fd. */
static int rasdial_secret_load(void)
{
	int64_t deadline;
	size_t len = 0;
	ssize_t n;
	int ret;

	if (rasdial_secret_state)
		return rasdial_secret_state > 0 ? 0 : -1;
	rasdial_secret_state = -1;
	deadline = rasdial_now_ms() + RASDIAL_PASSWD_TIMEOUT_MS;
	for (;;) {
		struct pollfd pfd = { .fd = rasdial_passwd_fd, .events = POLLIN };
		int64_t left = deadline - rasdial_now_ms();

		if (left <= 0) {
			error("rasdial: rasdial-passwd-fd %d: no end of password within %d s",
			      rasdial_passwd_fd, RASDIAL_PASSWD_TIMEOUT_MS / 1000);
			goto out;
		}
		ret = poll(&pfd, 1, (int)left);
		if (ret < 0 && errno != EINTR) {
			error("rasdial: rasdial-passwd-fd %d: %m", rasdial_passwd_fd);
			goto out;
		}
		if (ret <= 0)
			continue;
		n = read(rasdial_passwd_fd, rasdial_secret + len,
			 sizeof(rasdial_secret) - len);
		if (n < 0) {
			if (errno == EINTR || errno == EAGAIN)
				continue;
			error("rasdial: rasdial-passwd-fd %d: %m", rasdial_passwd_fd);
			goto out;
		}
		if (n == 0)
			break;
		len += (size_t)n;
		if (len >= sizeof(rasdial_secret)) {
			error("rasdial: rasdial-passwd-fd %d: password longer than %d bytes",
			      rasdial_passwd_fd, MAXSECRETLEN - 1);
			goto out;
		}
	}
	/* One trailing newline is the writer's ("echo"), not the password's. */
	if (len && rasdial_secret[len - 1] == '\n')
		len--;
	rasdial_secret[len] = 0;
	rasdial_secret_state = 1;
out:
	if (rasdial_secret_state < 0)
		explicit_bzero(rasdial_secret, sizeof(rasdial_secret));
	close(rasdial_passwd_fd);
	rasdial_passwd_fd = -1;
	return rasdial_secret_state > 0 ? 0 : -1;
}

/* pap_passwd_hook: PASSWD NULL asks only whether we have one. */
static int rasdial_pap_passwd(char *user, char *passwd)
{
	(void)user;
	if (!passwd)
		return 1;
	if (rasdial_secret_load() < 0)
		return 0;	/* no password: PAP fails, 691 */
	strlcpy(passwd, rasdial_secret, MAXSECRETLEN);
	return 1;
}

/* chap_passwd_hook: PASSWD has room for MAXWORDLEN bytes. */
static int rasdial_chap_passwd(char *user, char *passwd)
{
	(void)user;
	if (rasdial_secret_load() < 0)
		return -1;	/* pppd: no CHAP secret, CHAP fails, 691 */
	strlcpy(passwd, rasdial_secret, MAXSECRETLEN);
	return 1;
}

/* pap/chap_check_hook: yes, there is a secret (as passwordfd.so says). */
static int rasdial_have_secret(void)
{
	return 1;
}

/* ---------------------------------------------------------------- options */

static int rasdial_opt_conn_set(char **argv)
{
	unsigned long v;

	if (rasdial_parse_ulong(*argv, UINT32_MAX, &v) < 0 || !v) {
		rasdial_pppd_option_error("rasdial-conn: %s is not a connection id",
					  *argv);
		return 0;
	}
	rasdial_opt_conn = (uint32_t)v;
	return 1;
}

static int rasdial_opt_cb_timeout_set(char **argv)
{
	unsigned long v;
	unsigned long max = rasdial_pppd_privileged_option() ?
			    RASDIAL_CB_TIMEOUT_MAX : RASDIAL_CB_TIMEOUT_USER_MAX;

	if (rasdial_parse_ulong(*argv, max, &v) < 0) {
		rasdial_pppd_option_error("rasdial-callback-timeout: %s is not 0..%lu seconds%s",
					  *argv, max,
					  max < RASDIAL_CB_TIMEOUT_MAX ?
					  " (more only from a privileged source)" : "");
		return 0;
	}
	rasdial_opt_cb_timeout = (int)v;
	return 1;
}

static int rasdial_opt_passwd_fd_set(char **argv)
{
	unsigned long v;
	int fd;

	if (rasdial_parse_ulong(*argv, INT_MAX, &v) < 0) {
		rasdial_pppd_option_error("rasdial-passwd-fd: %s is not a file descriptor",
					  *argv);
		return 0;
	}
	fd = (int)v;
	/* The fork notifier closes it after pppd's dup2() onto 0..2 (the tty). */
	if (fd < 3) {
		rasdial_pppd_option_error("rasdial-passwd-fd: %d is a standard stream; use a descriptor above 2",
					  fd);
		return 0;
	}
	if (fcntl(fd, F_GETFD) < 0) {
		rasdial_pppd_option_error("rasdial-passwd-fd: %d is not open", fd);
		return 0;
	}
	/* Scripts pppd runs must not inherit the password. */
	fcntl(fd, F_SETFD, FD_CLOEXEC);
	rasdial_passwd_fd = fd;
	/*
	 * Installed only now: chap_passwd_hook has no "fall back to
	 * chap-secrets" answer, so a pppd without this option keeps pppd's.
	 */
	rasdial_pppd_pap_passwd_hook = rasdial_pap_passwd;
	rasdial_pppd_chap_passwd_hook = rasdial_chap_passwd;
	rasdial_pppd_pap_check_hook = rasdial_have_secret;
	rasdial_pppd_chap_check_hook = rasdial_have_secret;
	return 1;
}

static int rasdial_opt_entry_set(char **argv)
{
	size_t len = strlen(*argv);

	if (!len || len > RASDIAL_ENTRY_MAX) {
		rasdial_pppd_option_error("rasdial-entry: \"%s\" is not 1..%d characters",
					  *argv, RASDIAL_ENTRY_MAX);
		return 0;
	}
	memcpy(rasdial_opt_entry, *argv, len + 1);
	return 1;
}

/*
 * rasdial-adopt-user USER|UID: the user whose RasDial of the rasdial-entry
 * this pppd, run by root for them (xl2tpd's), may adopt.  Privileged: the
 * admin's options file says whose dials root's link serves.
 */
static int rasdial_opt_adopt_user_set(char **argv)
{
	const struct passwd *pw;
	unsigned long v;

	if (rasdial_parse_ulong(*argv, UINT32_MAX - 1, &v) == 0) {
		rasdial_opt_adopt_uid = (uint32_t)v;
	} else {
		pw = getpwnam(*argv);
		if (!pw) {
			rasdial_pppd_option_error("rasdial-adopt-user: %q is neither a user nor a uid",
						  *argv);
			return 0;
		}
		rasdial_opt_adopt_uid = (uint32_t)pw->pw_uid;
	}
	rasdial_opt_adopt_uid_set = 1;
	return 1;
}

static int rasdial_opt_device_type_set(char **argv)
{
	size_t len = strlen(*argv);

	if (!len || len > RASDIAL_DEVICE_TYPE_MAX) {
		rasdial_pppd_option_error("rasdial-device-type: \"%s\" is not 1..%d characters",
					  *argv, RASDIAL_DEVICE_TYPE_MAX);
		return 0;
	}
	memcpy(rasdial_opt_device_type, *argv, len + 1);
	return 1;
}

/*
 * What a Hayes dial string may hold: digits, DTMF, the dial modifiers
 * T P W , ! @ and formatting.  Not ';' (back to command mode, where the
 * rest of the line would run as AT commands) nor any other letter.
 */
static int rasdial_phone_ok(const char *s)
{
	for (; *s; s++)
		if (!strchr("0123456789*#ABCDabcdTtPpWw,!@+-(). ", *s))
			return 0;
	return 1;
}

/*
 * RASDIALPARAMS.szPhoneNumber from librasdial, for "\T" in the connect
 * line's chat script.  Not OPT_PRIV (any caller dials), so filtered;
 * pppd's own "remotenumber" is not used: it is unfiltered and unprivileged.
 */
static int rasdial_opt_phone_set(char **argv)
{
	size_t len = strlen(*argv);

	if (!len || len > RASDIAL_PHONE_MAX || !rasdial_phone_ok(*argv)) {
		rasdial_pppd_option_error("rasdial-phone: %q is not a dial string of 1..%d digits and dial modifiers",
					  *argv, RASDIAL_PHONE_MAX);
		return 0;
	}
	memcpy(rasdial_opt_phone, *argv, len + 1);
	return 1;
}

static int rasdial_opt_chat_report_set(char **argv)
{
	(void)argv;
	rasdial_opt_chat_report = 1;
	return 1;
}

#define RASDIAL_OPT(n, fn, d) \
	{ .name = (n), .type = o_special, .addr = (void *)(fn), .description = (d) }
/* Only from root's command line or a file root controls (pppd checks). */
#define RASDIAL_OPT_PRIV(n, fn, d) \
	{ .name = (n), .type = o_special, .addr = (void *)(fn), \
	  .flags = OPT_PRIV, .description = (d) }

/* Not OPT_PRIV but one: librasdial passes them on any user's command line. */
static option_t rasdial_options[] = {
	RASDIAL_OPT("rasdial-conn", rasdial_opt_conn_set,
		    "RAS connection id (HRASCONN) from librasdial"),
	RASDIAL_OPT("rasdial-callback-timeout", rasdial_opt_cb_timeout_set,
		    "Seconds to wait for the RasDialFunc1 callback, 0 = do not wait"),
	RASDIAL_OPT("rasdial-passwd-fd", rasdial_opt_passwd_fd_set,
		    "Read the password for authenticating us from this fd"),
	RASDIAL_OPT("rasdial-entry", rasdial_opt_entry_set,
		    "Adopt the RasDial of this entry (pppd started by xl2tpd)"),
	{ .name = "rasdial-chat-report", .type = o_special_noarg,
	  .addr = (void *)rasdial_opt_chat_report_set,
	  .description = "Run the connect line's chat under rasdial-connect (librasdial's dials)" },
	RASDIAL_OPT_PRIV("rasdial-adopt-user", rasdial_opt_adopt_user_set,
			 "Whose RasDial of rasdial-entry root's pppd may adopt"),
	RASDIAL_OPT("rasdial-phone", rasdial_opt_phone_set,
		    "Phone number for \\T in the chat script (RASDIALPARAMS)"),
	RASDIAL_OPT("rasdial-device-type", rasdial_opt_device_type_set,
		    "RAS device type (RASDT_*) to report, default \"modem\""),
	{ .name = NULL }
};

/*
 * Exported, so that a second copy of rasdial.so (another path) binds to
 * the first one's counter: "plugin rasdial.so" both in the entry (or
 * /etc/ppp/options) and on the command line must not report each event
 * twice.  pppd itself dlopen()s and runs plugin_init for every "plugin".
 */
RASDIAL_EXPORT unsigned int rasdial_plugin_loads;

RASDIAL_EXPORT void plugin_init(void)
{
	unsigned int *first = dlsym(RTLD_DEFAULT, "rasdial_plugin_loads");

	if ((first && first != &rasdial_plugin_loads) ||
	    rasdial_plugin_loads++) {
		info("rasdial: plugin already loaded; this \"plugin\" is ignored");
		return;
	}
	/* Only what we set reaches rasdial-connect, never an inherited one. */
	unsetenv("RASDIAL_PHONE");
	unsetenv("RASDIAL_CONNECT_FD");
	rasdial_pppd_add_options(rasdial_options);
	rasdial_pppd_add_notify(RASDIAL_NF_PHASE_CHANGE, rasdial_phase_notify);
	rasdial_pppd_add_notify(RASDIAL_NF_EXIT, rasdial_exit_notify);
	rasdial_pppd_add_notify(RASDIAL_NF_SIGNALED, rasdial_signal_notify);
	rasdial_pppd_add_notify(RASDIAL_NF_AUTH_UP, rasdial_auth_up_notify);
	rasdial_pppd_add_notify(RASDIAL_NF_IP_UP, rasdial_ip_up_notify);
	if (rasdial_pppd_add_notify(RASDIAL_NF_IPV6_UP, rasdial_ipv6_up_notify) < 0)
		dbglog("rasdial: this pppd has no IPv6 notifier");
	rasdial_pppd_add_notify(RASDIAL_NF_FORK, rasdial_fork_notify);
	info("rasdial: plugin loaded");
}
