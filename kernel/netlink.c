// SPDX-License-Identifier: GPL-2.0
/*
 * rasdial: generic netlink family "rasdial".  The protocol is specified in
 * include/uapi/linux/rasdial.h.
 */

#include <linux/capability.h>
#include <linux/err.h>
#include <linux/netlink.h>
#include <linux/pid.h>
#include <linux/pid_namespace.h>
#include <linux/sched.h>
#include <linux/sched/signal.h>
#include <linux/signal.h>
#include <linux/timekeeping.h>
#include <linux/uidgid.h>
#include <net/genetlink.h>
#include <net/net_namespace.h>
#include <net/netlink.h>
#include <net/sock.h>

#include "attrs.h"
#include "netlink.h"
#include "registry.h"

enum rasdial_nl_mcgrp {
	RASDIAL_NLGRP_EVENTS,
};

static struct genl_family rasdial_nl_family;

/* Milliseconds the conn has been (or was) connected, at this moment. */
static u64 rasdial_connected_ms(const struct rasdial_conn *conn)
{
	u64 end = conn->ended_ns ?: ktime_get_boottime_ns();

	return div_u64(end - conn->connected_ns, NSEC_PER_MSEC);
}

/* The conn message: RASDIAL_CMD_EVENT multicast and RASDIAL_CMD_GET reply.
 * @pid_ns NULL means pppd's own pid namespace.
 */
static int rasdial_conn_fill(struct sk_buff *skb,
			     const struct rasdial_conn *conn, u32 portid,
			     u32 seq, int nlflags, u8 cmd,
			     struct user_namespace *user_ns,
			     struct pid_namespace *pid_ns)
{
	u32 flags = conn->flags;
	pid_t nr = 0;
	void *hdr;

	if (conn->ack_pending)
		flags |= RASDIAL_F_WANT_ACK;
	if (conn->pid)
		nr = pid_nr_ns(conn->pid, pid_ns ?: ns_of_pid(conn->pid));

	hdr = genlmsg_put(skb, portid, seq, &rasdial_nl_family, nlflags, cmd);
	if (!hdr)
		return -EMSGSIZE;

	if (rasdial_put_slots(skb, conn, true) ||
	    nla_put_u32(skb, RASDIAL_A_OWNER_UID,
			from_kuid_munged(user_ns, conn->owner_uid)) ||
	    nla_put_u32(skb, RASDIAL_A_FLAGS, flags))
		goto cancel;
	if (nr > 0 && nla_put_u32(skb, RASDIAL_A_PID, nr))
		goto cancel;
	if (rasdial_put_slots(skb, conn, false))
		goto cancel;
	if (conn->connected_ns &&
	    nla_put_u64_64bit(skb, RASDIAL_A_CONNECTED_MS,
			      rasdial_connected_ms(conn), RASDIAL_A_PAD))
		goto cancel;

	genlmsg_end(skb, hdr);
	return 0;

cancel:
	genlmsg_cancel(skb, hdr);
	return -EMSGSIZE;
}

/* A conn message for one reader: @user_ns and @pid_ns are its own. */
static struct sk_buff *rasdial_conn_msg(const struct rasdial_conn *conn,
					struct user_namespace *user_ns,
					struct pid_namespace *pid_ns)
{
	struct sk_buff *skb;

	skb = genlmsg_new(rasdial_conn_msg_size(), GFP_KERNEL);
	if (skb && rasdial_conn_fill(skb, conn, 0, 0, 0, RASDIAL_CMD_EVENT,
				     user_ns, pid_ns)) {
		nlmsg_free(skb);
		skb = NULL;
	}
	return skb;
}

/* Without the flag the group could not be kept to admins: nothing is sent
 * to it, and admins subscribe instead.
 */
#ifdef GENL_MCAST_CAP_NET_ADMIN
#define RASDIAL_MONITOR_FLAGS	GENL_MCAST_CAP_NET_ADMIN
#define RASDIAL_MONITOR_SAFE	true
#else
#define RASDIAL_MONITOR_FLAGS	0
#define RASDIAL_MONITOR_SAFE	false
#endif

/**
 * rasdial_nl_notify() - send a conn's new state to those who may read it
 * @net: the conn's namespace
 * @conn: the conn; caller holds genl_lock() and the registry lock
 *
 * Unicast to each subscribed socket of the conn's owner uid (and to admin
 * ones), multicast to the admin-only "events" group.  Best effort: a
 * reader that misses it sees ENOBUFS on its socket.
 */
static void rasdial_nl_notify(struct net *net,
			      const struct rasdial_conn *conn)
{
	struct rasdial_net *rn = rasdial_net(net);
	struct rasdial_listener *l;
	struct sk_buff *skb;
	unsigned long id;

	xa_for_each(&rn->listeners, id, l) {
		if (!rasdial_listener_hears(l, conn))
			continue;
		skb = rasdial_conn_msg(conn, l->user_ns, l->pid_ns);
		if (!skb)
			return;
		/* A socket that is gone is dropped by the release work. */
		genlmsg_unicast(net, skb, l->portid);
	}

	if (!RASDIAL_MONITOR_SAFE ||
	    !genl_has_listeners(&rasdial_nl_family, net, RASDIAL_NLGRP_EVENTS))
		return;
	/* A multicast has many readers: the pid is the one the owner sees. */
	skb = rasdial_conn_msg(conn, net->user_ns, conn->owner_pid_ns);
	if (skb)
		genlmsg_multicast_netns(&rasdial_nl_family, net, skb, 0,
					RASDIAL_NLGRP_EVENTS, GFP_KERNEL);
}

/**
 * rasdial_nl_send_ack() - send RASDIAL_CMD_ACK to a conn's plugin socket
 * @net: the conn's namespace
 * @conn: a conn with a bound plugin; caller holds genl_lock() and the
 *	registry lock
 * @seq: the event number being acknowledged
 *
 * Return: 0, or a negative errno when the message could not be queued.
 */
static int rasdial_nl_send_ack(struct net *net,
			       const struct rasdial_conn *conn, u32 seq)
{
	struct sk_buff *skb;
	void *hdr;

	skb = genlmsg_new(2 * nla_total_size(sizeof(u32)), GFP_KERNEL);
	if (!skb)
		return -ENOMEM;
	hdr = genlmsg_put(skb, 0, 0, &rasdial_nl_family, 0, RASDIAL_CMD_ACK);
	if (!hdr)
		goto nospace;
	if (nla_put_u32(skb, RASDIAL_A_CONN_ID, conn->id) ||
	    nla_put_u32(skb, RASDIAL_A_SEQ, seq))
		goto nospace;
	genlmsg_end(skb, hdr);
	return genlmsg_unicast(net, skb, conn->plugin_portid);

nospace:
	nlmsg_free(skb);
	return -EMSGSIZE;
}

static u32 rasdial_attr_u32(struct nlattr **attrs, int attr, u32 dflt)
{
	return attrs[attr] ? nla_get_u32(attrs[attr]) : dflt;
}

/* RASDIAL_A_FLAGS; the policy has checked the bits against the command. */
static u32 rasdial_get_flags(struct genl_info *info)
{
	return rasdial_attr_u32(info->attrs, RASDIAL_A_FLAGS, 0);
}

static int rasdial_nl_conn_new_doit(struct sk_buff *skb,
				    struct genl_info *info)
{
	struct rasdial_net *rn = rasdial_net(genl_info_net(info));
	struct rasdial_conn *conn;
	struct sk_buff *reply;
	void *hdr;
	u32 flags;
	int ret;

	if (GENL_REQ_ATTR_CHECK(info, RASDIAL_A_ENTRY)) {
		NL_SET_ERR_MSG_MOD(info->extack, "missing entry name");
		return -EINVAL;
	}
	flags = rasdial_get_flags(info);

	reply = genlmsg_new(nla_total_size(sizeof(u32)), GFP_KERNEL);
	if (!reply)
		return -ENOMEM;
	hdr = genlmsg_put_reply(reply, info, &rasdial_nl_family, 0,
				RASDIAL_CMD_CONN_NEW);
	if (!hdr) {
		ret = -EMSGSIZE;
		goto err_free_reply;
	}

	conn = rasdial_conn_alloc();
	if (!conn) {
		ret = -ENOMEM;
		goto err_free_reply;
	}
	conn->owner_portid = info->snd_portid;
	conn->owner_uid = NETLINK_CB(skb).creds.uid;
	conn->owner_pid_ns = get_pid_ns(task_active_pid_ns(current));
	conn->want_ack = flags & RASDIAL_F_WANT_ACK;
	conn->flags = flags & RASDIAL_F_ADOPT;
	conn->created_ns = ktime_get_boottime_ns();
	nla_strscpy(conn->entry, info->attrs[RASDIAL_A_ENTRY],
		    sizeof(conn->entry));
	conn->known = BIT(RASDIAL_A_ENTRY);

	mutex_lock(&rn->lock);
	ret = 0;
	if (!netlink_ns_capable(skb, genl_info_net(info)->user_ns,
				CAP_NET_ADMIN))
		ret = rasdial_conn_check_unbound(rn, conn->owner_uid,
						 info->extack);
	if (!ret)
		ret = rasdial_conn_add(rn, conn, info->extack);
	if (ret) {
		mutex_unlock(&rn->lock);
		rasdial_conn_free(conn);
		goto err_free_reply;
	}
	if (nla_put_u32(reply, RASDIAL_A_CONN_ID, conn->id)) {
		ret = -EMSGSIZE;
		goto err_del;
	}
	genlmsg_end(reply, hdr);
	/* A conn whose id never reached its owner would only linger. */
	ret = genlmsg_reply(reply, info);
	if (ret) {
		rasdial_conn_del(rn, conn);
		mutex_unlock(&rn->lock);
		return ret;
	}
	mutex_unlock(&rn->lock);
	return 0;

err_del:
	rasdial_conn_del(rn, conn);
	mutex_unlock(&rn->lock);
err_free_reply:
	nlmsg_free(reply);
	return ret;
}

/* RASDIAL_A_ADOPT_UID: the other owner whose dials root's pppd may adopt;
 * INVALID_UID when absent.
 */
static int rasdial_adopt_uid(struct rasdial_net *rn, struct genl_info *info,
			     kuid_t *also)
{
	struct nlattr *attr = info->attrs[RASDIAL_A_ADOPT_UID];

	*also = INVALID_UID;
	if (!attr)
		return 0;
	if (!rasdial_conn_may_name_owner(rn)) {
		NL_SET_ERR_MSG_ATTR(info->extack, attr, KBUILD_MODNAME
				    ": only root's pppd may adopt another user's dials");
		return -EPERM;
	}
	*also = make_kuid(current_user_ns(), nla_get_u32(attr));
	if (!uid_valid(*also)) {
		NL_SET_ERR_MSG_ATTR(info->extack, attr, KBUILD_MODNAME
				    ": uid not mapped in this user namespace");
		return -EINVAL;
	}
	return 0;
}

/* EVENT with CONN_ID 0 and RASDIAL_F_ADOPT: a pppd that another program
 * started (xl2tpd's) takes the oldest conn RasDial made for its entry, or
 * registers itself when there is none.
 */
static struct rasdial_conn *rasdial_event_adopt(struct rasdial_net *rn,
						struct genl_info *info)
{
	struct nlattr *entry = info->attrs[RASDIAL_A_ENTRY];
	kuid_t also;
	int ret;

	if (!entry) {
		NL_SET_ERR_MSG_MOD(info->extack,
				   "adoption needs the entry name");
		return ERR_PTR(-EINVAL);
	}
	ret = rasdial_adopt_uid(rn, info, &also);
	if (ret)
		return ERR_PTR(ret);
	/* NLA_NUL_STRING: the policy has checked the NUL. */
	return rasdial_conn_adopt(rn, nla_data(entry), also, info->snd_portid,
				  info->extack);
}

static int rasdial_nl_event_doit(struct sk_buff *skb, struct genl_info *info)
{
	struct net *net = genl_info_net(info);
	struct rasdial_net *rn = rasdial_net(net);
	struct rasdial_conn *conn;
	struct sk_buff *reply;
	u32 flags, id;
	void *hdr;

	/* Only pppd's plugin reports.  CAP_NET_ADMIN over this namespace,
	 * as GENL_UNS_ADMIN_PERM would check, so that a pppd in a container
	 * can report into its own registry; tested here so that the refusal
	 * carries a message.
	 */
	if (!netlink_ns_capable(skb, net->user_ns, CAP_NET_ADMIN)) {
		NL_SET_ERR_MSG_MOD(info->extack,
				   "EVENT needs CAP_NET_ADMIN (only pppd's plugin reports)");
		return -EPERM;
	}
	if (GENL_REQ_ATTR_CHECK(info, RASDIAL_A_SEQ)) {
		NL_SET_ERR_MSG_MOD(info->extack, "missing event sequence number");
		return -EINVAL;
	}
	if (GENL_REQ_ATTR_CHECK(info, RASDIAL_A_STATE)) {
		NL_SET_ERR_MSG_MOD(info->extack, "missing connection state");
		return -EINVAL;
	}
	flags = rasdial_get_flags(info);
	id = rasdial_attr_u32(info->attrs, RASDIAL_A_CONN_ID, 0);
	if (info->attrs[RASDIAL_A_ADOPT_UID] &&
	    (id || !(flags & RASDIAL_F_ADOPT))) {
		NL_SET_ERR_MSG_ATTR(info->extack,
				    info->attrs[RASDIAL_A_ADOPT_UID],
				    KBUILD_MODNAME ": adoption uid without adoption");
		return -EINVAL;
	}

	mutex_lock(&rn->lock);
	if (id)
		conn = rasdial_conn_bind(rn, id, info->snd_portid,
					 info->extack);
	else if (flags & RASDIAL_F_ADOPT)
		conn = rasdial_event_adopt(rn, info);
	else
		conn = rasdial_conn_register(rn, info->snd_portid,
					     info->extack);
	if (IS_ERR(conn)) {
		mutex_unlock(&rn->lock);
		return PTR_ERR(conn);
	}

	rasdial_conn_read(conn, info->attrs);
	rasdial_conn_reported(rn, conn, flags & RASDIAL_F_FINAL);
	/* The owner waits for this, pppd for the reply: notify first. */
	rasdial_nl_notify(net, conn);
	rasdial_conn_hangup_bound(conn);
	id = conn->id;
	flags = conn->ack_pending ? RASDIAL_F_WANT_ACK : 0;
	mutex_unlock(&rn->lock);

	/* Failing here leaves the event published; the plugin stops
	 * reporting on any error, and its socket's release ends the conn.
	 */
	reply = genlmsg_new(2 * nla_total_size(sizeof(u32)), GFP_KERNEL);
	if (!reply)
		return -ENOMEM;
	hdr = genlmsg_put_reply(reply, info, &rasdial_nl_family, 0,
				RASDIAL_CMD_EVENT);
	if (!hdr || nla_put_u32(reply, RASDIAL_A_CONN_ID, id) ||
	    nla_put_u32(reply, RASDIAL_A_FLAGS, flags)) {
		nlmsg_free(reply);
		return -EMSGSIZE;
	}
	genlmsg_end(reply, hdr);
	return genlmsg_reply(reply, info);
}

static int rasdial_nl_get_doit(struct sk_buff *skb, struct genl_info *info)
{
	struct rasdial_net *rn = rasdial_net(genl_info_net(info));
	struct rasdial_conn *conn;
	struct sk_buff *msg;
	int ret;

	if (info->attrs[RASDIAL_A_GENERATION]) {
		NL_SET_ERR_MSG_ATTR(info->extack,
				    info->attrs[RASDIAL_A_GENERATION],
				    KBUILD_MODNAME ": a generation is for dumps");
		return -EINVAL;
	}
	if (GENL_REQ_ATTR_CHECK(info, RASDIAL_A_CONN_ID)) {
		NL_SET_ERR_MSG_MOD(info->extack,
				   "missing connection id (or use NLM_F_DUMP)");
		return -EINVAL;
	}

	msg = genlmsg_new(rasdial_conn_msg_size(), GFP_KERNEL);
	if (!msg)
		return -ENOMEM;

	mutex_lock(&rn->lock);
	conn = rasdial_managed_conn(rn, skb, info);
	if (IS_ERR(conn)) {
		ret = PTR_ERR(conn);
		goto err_unlock;
	}
	ret = rasdial_conn_fill(msg, conn, info->snd_portid, info->snd_seq, 0,
				RASDIAL_CMD_GET, sk_user_ns(NETLINK_CB(skb).sk),
				task_active_pid_ns(current));
	if (ret)
		goto err_unlock;
	mutex_unlock(&rn->lock);

	return genlmsg_reply(msg, info);

err_unlock:
	mutex_unlock(&rn->lock);
	nlmsg_free(msg);
	return ret;
}

/* The first message of a dump that asked with RASDIAL_A_GENERATION. */
static int rasdial_gen_fill(struct sk_buff *skb, struct netlink_callback *cb,
			    u32 gen)
{
	void *hdr;

	hdr = genlmsg_put(skb, NETLINK_CB(cb->skb).portid, cb->nlh->nlmsg_seq,
			  &rasdial_nl_family, NLM_F_MULTI, RASDIAL_CMD_GET);
	if (!hdr)
		return -EMSGSIZE;
	if (nla_put_u32(skb, RASDIAL_A_GENERATION, gen)) {
		genlmsg_cancel(skb, hdr);
		return -EMSGSIZE;
	}
	genlmsg_end(skb, hdr);
	return 0;
}

enum rasdial_dump_step {
	RASDIAL_DUMP_START,
	RASDIAL_DUMP_CONNS,
	RASDIAL_DUMP_DONE,	/* the reader's copy is current */
};

/* cb->args[0]: the id to resume from; cb->args[1]: enum rasdial_dump_step;
 * cb->args[2]: the reader has CAP_NET_ADMIN (sees every conn, not only
 * its uid's).  cb->seq is the generation, so that a dump that spans a
 * change carries NLM_F_DUMP_INTR.
 */
static int rasdial_nl_get_dumpit(struct sk_buff *skb,
				 struct netlink_callback *cb)
{
	const struct genl_dumpit_info *dinfo = genl_dumpit_info(cb);
	struct rasdial_net *rn = rasdial_net(sock_net(skb->sk));
	unsigned long id, next = cb->args[0];
	struct rasdial_conn *conn;
	struct nlattr *held = NULL;
	struct nlmsghdr *nlh;
	int i, ret = 0;

	for (i = 1; dinfo->attrs && i <= RASDIAL_A_MAX; i++) {
		if (!dinfo->attrs[i] || i == RASDIAL_A_GENERATION)
			continue;
		NL_SET_ERR_MSG_ATTR(cb->extack, dinfo->attrs[i], KBUILD_MODNAME
				    ": a dump takes no attribute but a generation");
		return -EINVAL;
	}
	if (dinfo->attrs)
		held = dinfo->attrs[RASDIAL_A_GENERATION];
	if (cb->args[1] == RASDIAL_DUMP_DONE)
		return 0;

	mutex_lock(&rn->lock);
	cb->seq = rn->gen;
	if (cb->args[1] == RASDIAL_DUMP_START) {
		cb->args[1] = RASDIAL_DUMP_CONNS;
		cb->args[2] = netlink_ns_capable(cb->skb,
						 sock_net(skb->sk)->user_ns,
						 CAP_NET_ADMIN);
		if (held) {
			ret = rasdial_gen_fill(skb, cb, rn->gen);
			if (ret)
				goto out_unlock;
			if (nla_get_u32(held) == rn->gen) {
				cb->args[1] = RASDIAL_DUMP_DONE;
				goto out_unlock;
			}
		}
	}
	xa_for_each_start(&rn->conns, id, conn, next) {
		next = id + 1;
		if (!cb->args[2] &&
		    !uid_eq(NETLINK_CB(cb->skb).creds.uid, conn->owner_uid))
			continue;
		nlh = (struct nlmsghdr *)skb_tail_pointer(skb);
		ret = rasdial_conn_fill(skb, conn,
					NETLINK_CB(cb->skb).portid,
					cb->nlh->nlmsg_seq, NLM_F_MULTI,
					RASDIAL_CMD_GET,
					sk_user_ns(NETLINK_CB(cb->skb).sk),
					task_active_pid_ns(current));
		if (ret) {
			next = id;
			break;
		}
		nl_dump_check_consistent(cb, nlh);
	}
out_unlock:
	mutex_unlock(&rn->lock);

	cb->args[0] = next;
	/* A full skb ends this round; an empty one cannot hold even one. */
	if (ret && !skb->len)
		return ret;
	return skb->len;
}

static int rasdial_nl_hangup_doit(struct sk_buff *skb, struct genl_info *info)
{
	struct rasdial_net *rn = rasdial_net(genl_info_net(info));
	struct rasdial_conn *conn;
	int ret;

	if (GENL_REQ_ATTR_CHECK(info, RASDIAL_A_CONN_ID)) {
		NL_SET_ERR_MSG_MOD(info->extack, "missing connection id");
		return -EINVAL;
	}

	mutex_lock(&rn->lock);
	conn = rasdial_managed_conn(rn, skb, info);
	if (IS_ERR(conn)) {
		ret = PTR_ERR(conn);
		goto out_unlock;
	}

	ret = rasdial_conn_hangup(rn, conn,
				  conn->owner_portid == info->snd_portid);
	if (ret)
		NL_SET_ERR_MSG_MOD(info->extack,
				   "cannot signal the connection's pppd");

out_unlock:
	mutex_unlock(&rn->lock);
	return ret;
}

static int rasdial_nl_ack_doit(struct sk_buff *skb, struct genl_info *info)
{
	struct net *net = genl_info_net(info);
	struct rasdial_net *rn = rasdial_net(net);
	struct rasdial_conn *conn;
	u32 seq;
	int ret;

	if (GENL_REQ_ATTR_CHECK(info, RASDIAL_A_CONN_ID)) {
		NL_SET_ERR_MSG_MOD(info->extack, "missing connection id");
		return -EINVAL;
	}
	if (GENL_REQ_ATTR_CHECK(info, RASDIAL_A_SEQ)) {
		NL_SET_ERR_MSG_MOD(info->extack, "missing event sequence number");
		return -EINVAL;
	}
	seq = nla_get_u32(info->attrs[RASDIAL_A_SEQ]);

	mutex_lock(&rn->lock);
	conn = rasdial_managed_conn(rn, skb, info);
	if (IS_ERR(conn)) {
		ret = PTR_ERR(conn);
		goto out_unlock;
	}
	if (!conn->plugin_portid ||
	    test_bit(RASDIAL_CONN_PLUGIN_GONE, &conn->gone)) {
		NL_SET_ERR_MSG_MOD(info->extack,
				   "no pppd is bound to this connection");
		ret = -ENOENT;
		goto out_unlock;
	}

	/* One ACK per event pppd waits for: anything else would only fill
	 * pppd's receive queue (and a full one loses the relay).
	 */
	if (!conn->ack_pending || seq != conn->seq) {
		NL_SET_ERR_MSG_ATTR(info->extack, info->attrs[RASDIAL_A_SEQ],
				    KBUILD_MODNAME ": pppd waits for no ACK of this event");
		ret = -ESTALE;
		goto out_unlock;
	}
	ret = rasdial_nl_send_ack(net, conn, seq);
	if (ret)
		NL_SET_ERR_MSG_MOD(info->extack,
				   "cannot queue the ACK to pppd's socket");
	else
		conn->ack_pending = false;

out_unlock:
	mutex_unlock(&rn->lock);
	return ret;
}

static int rasdial_nl_subscribe_doit(struct sk_buff *skb,
				     struct genl_info *info)
{
	struct net *net = genl_info_net(info);
	struct rasdial_net *rn = rasdial_net(net);
	bool admin;
	int ret;

	admin = netlink_ns_capable(skb, net->user_ns, CAP_NET_ADMIN);

	mutex_lock(&rn->lock);
	ret = rasdial_listener_add(rn, info->snd_portid,
				   NETLINK_CB(skb).creds.uid, admin,
				   info->extack);
	mutex_unlock(&rn->lock);
	return ret;
}

/* Every policy has RASDIAL_A_MAX + 1 entries. */
#define RASDIAL_OP_POLICY(p)	.policy = (p), .maxattr = RASDIAL_A_MAX

/* resv_start_op stays 0 and no op sets .validate: every command is
 * strictly validated against its own policy (6.1's
 * genl_register_family() refuses .validate flags from resv_start_op on).
 */
static const struct genl_ops rasdial_nl_ops[] = {
	{
		.cmd = RASDIAL_CMD_CONN_NEW,
		.doit = rasdial_nl_conn_new_doit,
		RASDIAL_OP_POLICY(rasdial_conn_new_policy),
	},
	{
		.cmd = RASDIAL_CMD_EVENT,
		.doit = rasdial_nl_event_doit,
		RASDIAL_OP_POLICY(rasdial_event_policy),
	},
	{
		.cmd = RASDIAL_CMD_GET,
		.doit = rasdial_nl_get_doit,
		.dumpit = rasdial_nl_get_dumpit,
		RASDIAL_OP_POLICY(rasdial_get_policy),
	},
	{
		.cmd = RASDIAL_CMD_HANGUP,
		.doit = rasdial_nl_hangup_doit,
		RASDIAL_OP_POLICY(rasdial_hangup_policy),
	},
	{
		.cmd = RASDIAL_CMD_ACK,
		.doit = rasdial_nl_ack_doit,
		RASDIAL_OP_POLICY(rasdial_ack_policy),
	},
	{
		.cmd = RASDIAL_CMD_SUBSCRIBE,
		.doit = rasdial_nl_subscribe_doit,
		RASDIAL_OP_POLICY(rasdial_subscribe_policy),
	},
};

static const struct genl_multicast_group rasdial_nl_mcgrps[] = {
	[RASDIAL_NLGRP_EVENTS] = { .name = RASDIAL_MCGRP_EVENTS,
				   .flags = RASDIAL_MONITOR_FLAGS },
};

/*
 * No .parallel_ops: the handlers and the release work run under
 * genl_lock(), which orders a unicast to a bound plugin against that
 * conn's teardown (registry.c); no handler waits on userspace, so the
 * serialisation costs a relay only microseconds.
 */
static struct genl_family rasdial_nl_family __ro_after_init = {
	.name = RASDIAL_GENL_NAME,
	.version = RASDIAL_GENL_VERSION,
	.netnsok = true,
	.module = THIS_MODULE,
	.ops = rasdial_nl_ops,
	.n_ops = ARRAY_SIZE(rasdial_nl_ops),
	.mcgrps = rasdial_nl_mcgrps,
	.n_mcgrps = ARRAY_SIZE(rasdial_nl_mcgrps),
};

static const struct rasdial_relay rasdial_nl_relay = {
	.notify = rasdial_nl_notify,
	.ack = rasdial_nl_send_ack,
};

/**
 * rasdial_nl_init() - register the "rasdial" generic netlink family
 *
 * Return: 0 or a negative errno from genl_register_family().
 */
int __init rasdial_nl_init(void)
{
	int ret;

	genl_lock();
	rasdial_registry_set_relay(&rasdial_nl_relay);
	genl_unlock();
	ret = genl_register_family(&rasdial_nl_family);
	if (ret) {
		genl_lock();
		rasdial_registry_set_relay(NULL);
		genl_unlock();
	}
	return ret;
}

/**
 * rasdial_nl_uninit() - unregister the family; no doit runs afterwards
 */
void rasdial_nl_uninit(void)
{
	/* The release work holds genl_lock(): it sends nothing after this. */
	genl_lock();
	rasdial_registry_set_relay(NULL);
	genl_unlock();
	genl_unregister_family(&rasdial_nl_family);
}

MODULE_ALIAS_GENL_FAMILY(RASDIAL_GENL_NAME);
