// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * nl_event.c: the event socket, one per process, read by the event thread
 * only (nl.c has the command socket).  It hears the conn messages the
 * kernel sends to our SUBSCRIBE and carries the ACKs pppd waits for.
 */
#include <errno.h>
#include <string.h>
#include <sys/socket.h>
#include <linux/netlink.h>
#include <netlink/netlink.h>
#include <netlink/msg.h>
#include <netlink/attr.h>
#include <netlink/genl/genl.h>
#include <netlink/genl/ctrl.h>

#include "direct.h"
#include "nl.h"
#include <rasdial/rasdial.h>

#ifndef SOL_NETLINK
#define SOL_NETLINK 270
#endif

static struct nl_sock *event_sk;
static int event_family = -1;	/* "rasdial"'s id as last announced */
static bool event_rejoined;	/* events may have been missed meanwhile */

/*
 * Called by the event thread once the notifier has returned.  Sent on the
 * event socket without asking for the kernel's answer: pppd waits for this
 * ACK, so a round trip here would stand between every event and the next.
 * An ACK the kernel refuses (conn gone) needs no handling: its error
 * message is skipped by event_msg().
 */
int rasdial_nl_ack(uint32_t id, uint32_t seq)
{
	struct nl_msg *msg;
	int err;

	if (rasdial_relay_direct())
		return rasdial_direct_ack(id, seq);
	if (!event_sk || event_family < 0)
		return rasdial_nl_ack_cmd(id, seq);
	/* Sized to fit, not libnl's default page. */
	msg = nlmsg_alloc_size(NLMSG_SPACE(GENL_HDRLEN +
					   2 * nla_total_size(sizeof(uint32_t))));
	if (!msg)
		return -ENOMEM;
	if (!genlmsg_put(msg, NL_AUTO_PORT, 0, event_family, 0, NLM_F_REQUEST,
			 RASDIAL_CMD_ACK, RASDIAL_GENL_VERSION) ||
	    nla_put_u32(msg, RASDIAL_A_CONN_ID, id) < 0 ||
	    nla_put_u32(msg, RASDIAL_A_SEQ, seq) < 0) {
		nlmsg_free(msg);
		return -EMSGSIZE;
	}
	err = nl_send(event_sk, msg);
	nlmsg_free(msg);
	return err < 0 ? rasdial_nlerr_to_errno(err) : 0;
}

/*
 * SUBSCRIBE on the event socket: the kernel sends it the events of our
 * uid's conns (of all conns when we have CAP_NET_ADMIN).  Its answer,
 * like an ACK's, is skipped by event_msg().
 */
static int event_subscribe(struct nl_sock *sk, int family, int nlflags)
{
	struct nl_msg *msg;
	int err;

	msg = nlmsg_alloc_size(NLMSG_SPACE(GENL_HDRLEN));
	if (!msg)
		return -ENOMEM;
	if (!genlmsg_put(msg, NL_AUTO_PORT, NL_AUTO_SEQ, family, 0,
			 NLM_F_REQUEST | nlflags, RASDIAL_CMD_SUBSCRIBE,
			 RASDIAL_GENL_VERSION)) {
		nlmsg_free(msg);
		return -EMSGSIZE;
	}
	err = nl_send(sk, msg);
	nlmsg_free(msg);
	return err < 0 ? rasdial_nlerr_to_errno(err) : 0;
}

/*
 * nlctrl announces a family: if it is "rasdial" (the module loaded again,
 * under a new id), subscribe again.  Unloading the module forgets every
 * subscriber, so without this a running process would never hear of its
 * dials again.  Not waiting for the answer: a read on this socket would
 * take (and lose) queued events.
 */
static void event_family_new(struct nlmsghdr *nlh)
{
	struct nlattr *tb[CTRL_ATTR_MAX + 1];

	if (genlmsg_parse(nlh, 0, tb, CTRL_ATTR_MAX, NULL) < 0 ||
	    !tb[CTRL_ATTR_FAMILY_NAME] || !tb[CTRL_ATTR_FAMILY_ID] ||
	    strcmp(nla_get_string(tb[CTRL_ATTR_FAMILY_NAME]), RASDIAL_GENL_NAME))
		return;
	event_family = nla_get_u16(tb[CTRL_ATTR_FAMILY_ID]);
	if (event_subscribe(event_sk, event_family, 0) == 0)
		event_rejoined = true;
}

static rasdial_event_fn event_fn;

static void event_msg(struct nlmsghdr *nlh)
{
	struct genlmsghdr *gh = nlmsg_data(nlh);
	struct rasdial_conn_info ci;

	/* Errors only answer our ACKs: nothing to do. */
	if (!genlmsg_valid_hdr(nlh, 0))
		return;
	if (nlh->nlmsg_type == GENL_ID_CTRL) {
		if (gh->cmd == CTRL_CMD_NEWFAMILY)
			event_family_new(nlh);
		return;
	}
	if (nlh->nlmsg_type != event_family || gh->cmd != RASDIAL_CMD_EVENT)
		return;
	if (rasdial_nl_parse_conn_hdr(nlh, &ci) == 0)
		event_fn(&ci);
}

int rasdial_nl_event_open(rasdial_event_fn fn)
{
	struct nl_sock *sk;
	int grp, err;

	if (rasdial_relay_direct())
		return rasdial_direct_event_open(fn);
	if (event_sk)
		return 0;
	sk = nl_socket_alloc();
	if (!sk)
		return -ENOMEM;
	/* Multicast events answer no request of ours. */
	nl_socket_disable_seq_check(sk);
	err = genl_connect(sk);
	if (err < 0)
		goto err_connect;
	event_family = genl_ctrl_resolve(sk, RASDIAL_GENL_NAME);
	if (event_family < 0) {
		err = -NLE_OBJ_NOTFOUND;
		goto err_connect;
	}
	/* First, so that its answer comes before any event. */
	err = event_subscribe(sk, event_family, NLM_F_ACK);
	if (err < 0)
		goto err_free;
	err = nl_wait_for_ack(sk);
	if (err < 0)
		goto err_connect;
	/* Best effort: without it, a reloaded module's events are missed. */
	grp = genl_ctrl_resolve_grp(sk, "nlctrl", "notify");
	if (grp >= 0)
		nl_socket_add_membership(sk, grp);
	/* Room for bursts: a lost event costs a resync (see events.c). */
	nl_socket_set_buffer_size(sk, 1 << 20, 0);
	err = nl_socket_set_nonblocking(sk);
	if (err < 0)
		goto err_connect;
	event_fn = fn;
	event_sk = sk;
	return 0;

err_connect:
	err = rasdial_nlerr_to_errno(err);
err_free:
	nl_socket_free(sk);
	return err;
}

/*
 * Read here rather than by nl_recvmsgs(): libnl allocates a receive buffer
 * per datagram and copies each message again, and this is the path from
 * pppd's event to the notifier (pppd waits for the ACK after it).
 */
static char event_buf[65536] __attribute__((aligned(NLMSG_ALIGNTO)));

int rasdial_nl_event_drain(void)
{
	struct sockaddr_nl from;
	struct nlmsghdr *nlh;
	socklen_t from_len;
	ssize_t n;
	int i, len, fd;

	if (rasdial_relay_direct())
		return rasdial_direct_event_drain();
	fd = nl_socket_get_fd(event_sk);
	/* Bounded: a steady flood must not starve the pidfds. */
	for (i = 0; i < 4096; i++) {
		from_len = sizeof(from);
		n = recvfrom(fd, event_buf, sizeof(event_buf), MSG_DONTWAIT,
			     (struct sockaddr *)&from, &from_len);
		if (n < 0) {
			if (errno == EINTR)
				continue;
			if (errno == EAGAIN || errno == EWOULDBLOCK)
				return 0;
			return -errno;	/* ENOBUFS: events were lost */
		}
		/* Only the kernel speaks on this socket. */
		if (from_len != sizeof(from) || from.nl_pid != 0)
			continue;
		len = (int)n;
		for (nlh = (struct nlmsghdr *)event_buf; nlmsg_ok(nlh, len);
		     nlh = nlmsg_next(nlh, &len))
			event_msg(nlh);
		/* Rejoined after a reload: ask for what we missed. */
		if (event_rejoined) {
			event_rejoined = false;
			return -ENOBUFS;
		}
	}
	return 0;
}

int rasdial_nl_event_fd(void)
{
	if (rasdial_relay_direct())
		return rasdial_direct_event_fd();
	return event_sk ? nl_socket_get_fd(event_sk) : -1;
}
