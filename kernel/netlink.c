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

#include "netlink.h"
#include "registry.h"

enum rasdial_nl_mcgrp {
	RASDIAL_NLGRP_EVENTS,
};

/* Longest string (without its NUL) or exact binary length per attribute.
 * Checked in rasdial_validate_len() rather than with the policy's .len or
 * NLA_POLICY_EXACT_LEN(): the core answers those with -ERANGE, and the
 * contract promises -EINVAL for every wrong length.
 */
static const u16 rasdial_attr_len[RASDIAL_A_MAX + 1] = {
	[RASDIAL_A_ENTRY]		= RASDIAL_ENTRY_MAX,
	[RASDIAL_A_IFNAME]		= IFNAMSIZ - 1,
	[RASDIAL_A_DEVICE_NAME]		= RASDIAL_DEVICE_NAME_MAX,
	[RASDIAL_A_DEVICE_TYPE]		= RASDIAL_DEVICE_TYPE_MAX,
	[RASDIAL_A_LOCAL_ADDR]		= sizeof(__be32),
	[RASDIAL_A_REMOTE_ADDR]		= sizeof(__be32),
	[RASDIAL_A_LOCAL_IFID6]		= RASDIAL_IFID6_LEN,
	[RASDIAL_A_REMOTE_IFID6]	= RASDIAL_IFID6_LEN,
};

static int rasdial_validate_len(const struct nlattr *attr,
				struct netlink_ext_ack *extack)
{
	int type = nla_type(attr);
	int len = nla_len(attr);

	switch (type) {
	case RASDIAL_A_LOCAL_ADDR:
	case RASDIAL_A_REMOTE_ADDR:
	case RASDIAL_A_LOCAL_IFID6:
	case RASDIAL_A_REMOTE_IFID6:
		if (len == rasdial_attr_len[type])
			return 0;
		NL_SET_ERR_MSG_ATTR(extack, attr,
				    KBUILD_MODNAME ": wrong attribute length");
		return -EINVAL;
	default:
		/* NLA_NUL_STRING: the core has found the NUL already. */
		if (len <= rasdial_attr_len[type] + 1)
			return 0;
		NL_SET_ERR_MSG_ATTR(extack, attr,
				    KBUILD_MODNAME ": string too long");
		return -EINVAL;
	}
}

#define RASDIAL_POLICY_STRING \
	NLA_POLICY_VALIDATE_FN(NLA_NUL_STRING, rasdial_validate_len)
#define RASDIAL_POLICY_BINARY \
	NLA_POLICY_VALIDATE_FN(NLA_BINARY, rasdial_validate_len)
#define RASDIAL_KERNEL_ONLY	KBUILD_MODNAME ": attribute is set by the kernel only"

static const struct nla_policy rasdial_policy[RASDIAL_A_MAX + 1] = {
	[RASDIAL_A_CONN_ID]	= { .type = NLA_U32 },
	[RASDIAL_A_SEQ]		= { .type = NLA_U32 },
	[RASDIAL_A_STATE]	= { .type = NLA_U32 },
	[RASDIAL_A_ERROR]	= { .type = NLA_U32 },
	[RASDIAL_A_EXT_ERROR]	= { .type = NLA_U32 },
	[RASDIAL_A_EXIT_STATUS]	= { .type = NLA_U32 },
	[RASDIAL_A_PHASE]	= { .type = NLA_U32 },
	[RASDIAL_A_FLAGS]	= NLA_POLICY_MASK(NLA_U32, __RASDIAL_F_ALL),
	[RASDIAL_A_ENTRY]	= RASDIAL_POLICY_STRING,
	[RASDIAL_A_OWNER_UID]	= { .type = NLA_REJECT,
				    .reject_message = RASDIAL_KERNEL_ONLY },
	[RASDIAL_A_PID]		= { .type = NLA_REJECT,
				    .reject_message = RASDIAL_KERNEL_ONLY },
	[RASDIAL_A_IFNAME]	= RASDIAL_POLICY_STRING,
	[RASDIAL_A_IFINDEX]	= { .type = NLA_U32 },
	[RASDIAL_A_DEVICE_NAME]	= RASDIAL_POLICY_STRING,
	[RASDIAL_A_DEVICE_TYPE]	= RASDIAL_POLICY_STRING,
	[RASDIAL_A_LOCAL_ADDR]	= RASDIAL_POLICY_BINARY,
	[RASDIAL_A_REMOTE_ADDR]	= RASDIAL_POLICY_BINARY,
	[RASDIAL_A_LOCAL_IFID6]	= RASDIAL_POLICY_BINARY,
	[RASDIAL_A_REMOTE_IFID6] = RASDIAL_POLICY_BINARY,
	[RASDIAL_A_BAUD]	= { .type = NLA_U32 },
	[RASDIAL_A_CONNECTED_MS] = { .type = NLA_REJECT,
				     .reject_message = RASDIAL_KERNEL_ONLY },
	[RASDIAL_A_PAD]		= { .type = NLA_REJECT,
				    .reject_message = RASDIAL_KERNEL_ONLY },
	[RASDIAL_A_AUTH_PROTO]	= { .type = NLA_U32 },
	[RASDIAL_A_AUTH_DATA]	= { .type = NLA_U32 },
	[RASDIAL_A_LCP_OPTIONS]	= { .type = NLA_U32 },
	[RASDIAL_A_PEER_LCP_OPTIONS] = { .type = NLA_U32 },
	[RASDIAL_A_GENERATION]	= { .type = NLA_U32 },
	[RASDIAL_A_ADOPT_UID]	= { .type = NLA_U32 },
};

#define RASDIAL_ATTR(name)	BIT(RASDIAL_A_##name)

/* Optional EVENT attributes that stay in the conn once reported. */
#define RASDIAL_STICKY_ATTRS						\
	(RASDIAL_ATTR(EXIT_STATUS) | RASDIAL_ATTR(ENTRY) |		\
	 RASDIAL_ATTR(IFNAME) | RASDIAL_ATTR(IFINDEX) |			\
	 RASDIAL_ATTR(DEVICE_NAME) | RASDIAL_ATTR(DEVICE_TYPE) |	\
	 RASDIAL_ATTR(LOCAL_ADDR) | RASDIAL_ATTR(REMOTE_ADDR) |		\
	 RASDIAL_ATTR(LOCAL_IFID6) | RASDIAL_ATTR(REMOTE_IFID6) |	\
	 RASDIAL_ATTR(BAUD) | RASDIAL_ATTR(AUTH_PROTO) |			\
	 RASDIAL_ATTR(AUTH_DATA) | RASDIAL_ATTR(LCP_OPTIONS) |		\
	 RASDIAL_ATTR(PEER_LCP_OPTIONS))

/* What each request may carry; the family policy only knows types. */
static const u32 rasdial_cmd_attrs[RASDIAL_CMD_MAX + 1] = {
	[RASDIAL_CMD_CONN_NEW]	= RASDIAL_ATTR(ENTRY) | RASDIAL_ATTR(FLAGS),
	[RASDIAL_CMD_EVENT]	= RASDIAL_STICKY_ATTRS |
				  RASDIAL_ATTR(CONN_ID) | RASDIAL_ATTR(SEQ) |
				  RASDIAL_ATTR(STATE) | RASDIAL_ATTR(ERROR) |
				  RASDIAL_ATTR(EXT_ERROR) |
				  RASDIAL_ATTR(PHASE) | RASDIAL_ATTR(FLAGS) |
				  RASDIAL_ATTR(ADOPT_UID),
	[RASDIAL_CMD_GET]	= RASDIAL_ATTR(CONN_ID),
	[RASDIAL_CMD_HANGUP]	= RASDIAL_ATTR(CONN_ID),
	[RASDIAL_CMD_ACK]	= RASDIAL_ATTR(CONN_ID) | RASDIAL_ATTR(SEQ),
};

static struct genl_family rasdial_nl_family;

/* Cleared (under genl_lock()) before the family is unregistered, so that
 * the release work never sends for a family that is gone.
 */
static bool rasdial_nl_registered;

static size_t rasdial_conn_msg_size(void)
{
	/* CONN_ID SEQ STATE ERROR EXT_ERROR EXIT_STATUS PHASE FLAGS
	 * OWNER_UID PID IFINDEX BAUD AUTH_PROTO AUTH_DATA LCP_OPTIONS
	 * PEER_LCP_OPTIONS
	 */
	return 16 * nla_total_size(sizeof(u32)) +
	       nla_total_size(RASDIAL_ENTRY_MAX + 1) +
	       nla_total_size(IFNAMSIZ) +
	       nla_total_size(RASDIAL_DEVICE_NAME_MAX + 1) +
	       nla_total_size(RASDIAL_DEVICE_TYPE_MAX + 1) +
	       2 * nla_total_size(sizeof(__be32)) +
	       2 * nla_total_size(RASDIAL_IFID6_LEN) +
	       nla_total_size_64bit(sizeof(u64));
}

/* Milliseconds the conn has been (or was) connected, at this moment. */
static u64 rasdial_connected_ms(const struct rasdial_conn *conn)
{
	u64 end = conn->ended_ns ?: ktime_get_boottime_ns();

	return div_u64(end - conn->connected_ns, NSEC_PER_MSEC);
}

/* @known is a u32 bitmap indexed by attribute. */
static_assert(RASDIAL_A_MAX < 32);

static bool rasdial_known(const struct rasdial_conn *conn, int attr)
{
	return conn->known & BIT(attr);
}

/* One table says where each attribute the plugin reports lives in the
 * conn; it drives both the EVENT update and the conn message, in the
 * message's attribute order.  CONN_ID and the five after it are always
 * sent, the rest only once reported (@known).  A field holds what
 * rasdial_attr_len[] allows (and a NUL for a NLA_NUL_STRING), else a u32.
 */
struct rasdial_slot {
	u8 attr;
	u16 offset;
};

#define RASDIAL_SLOT(name, field) \
	{ RASDIAL_A_##name, offsetof(struct rasdial_conn, field) }

static const struct rasdial_slot rasdial_slots[] = {
	RASDIAL_SLOT(CONN_ID, id),
	RASDIAL_SLOT(SEQ, seq),
	RASDIAL_SLOT(STATE, state),
	RASDIAL_SLOT(ERROR, error),
	RASDIAL_SLOT(EXT_ERROR, ext_error),
	RASDIAL_SLOT(PHASE, phase),
	/* from here on only once reported */
	RASDIAL_SLOT(ENTRY, entry),
	RASDIAL_SLOT(EXIT_STATUS, exit_status),
	RASDIAL_SLOT(IFNAME, ifname),
	RASDIAL_SLOT(IFINDEX, ifindex),
	RASDIAL_SLOT(DEVICE_NAME, device_name),
	RASDIAL_SLOT(DEVICE_TYPE, device_type),
	RASDIAL_SLOT(LOCAL_ADDR, local_addr),
	RASDIAL_SLOT(REMOTE_ADDR, remote_addr),
	RASDIAL_SLOT(LOCAL_IFID6, local_ifid6),
	RASDIAL_SLOT(REMOTE_IFID6, remote_ifid6),
	RASDIAL_SLOT(BAUD, baud),
	RASDIAL_SLOT(AUTH_PROTO, auth_proto),
	RASDIAL_SLOT(AUTH_DATA, auth_data),
	RASDIAL_SLOT(LCP_OPTIONS, lcp_options),
	RASDIAL_SLOT(PEER_LCP_OPTIONS, peer_lcp_options),
};

/* Every field's offset fits the table's u16. */
static_assert(sizeof(struct rasdial_conn) <= U16_MAX);

static bool rasdial_slot_string(const struct rasdial_slot *slot)
{
	return rasdial_policy[slot->attr].type == NLA_NUL_STRING;
}

/* Bytes of the slot's field (with the NUL for a string). */
static unsigned int rasdial_slot_size(const struct rasdial_slot *slot)
{
	unsigned int len = rasdial_attr_len[slot->attr];

	if (rasdial_slot_string(slot))
		return len + 1;
	return len ?: sizeof(u32);
}

#define RASDIAL_SLOTS_ALWAYS	6	/* CONN_ID .. PHASE */

/* Puts slots [@from, @to) of @conn; -EMSGSIZE when the skb is full. */
static int rasdial_put_slots(struct sk_buff *skb,
			     const struct rasdial_conn *conn,
			     unsigned int from, unsigned int to)
{
	const struct rasdial_slot *slot;
	unsigned int i, len;
	const void *field;

	for (i = from; i < to; i++) {
		slot = &rasdial_slots[i];
		field = (const u8 *)conn + slot->offset;
		if (i >= RASDIAL_SLOTS_ALWAYS && !rasdial_known(conn, slot->attr))
			continue;
		len = rasdial_slot_size(slot);
		if (rasdial_slot_string(slot))
			len = strnlen(field, len - 1) + 1;
		if (nla_put(skb, slot->attr, len, field))
			return -EMSGSIZE;
	}
	return 0;
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

	if (rasdial_put_slots(skb, conn, 0, RASDIAL_SLOTS_ALWAYS) ||
	    nla_put_u32(skb, RASDIAL_A_OWNER_UID,
			from_kuid_munged(user_ns, conn->owner_uid)) ||
	    nla_put_u32(skb, RASDIAL_A_FLAGS, flags))
		goto cancel;
	if (nr > 0 && nla_put_u32(skb, RASDIAL_A_PID, nr))
		goto cancel;
	if (rasdial_put_slots(skb, conn, RASDIAL_SLOTS_ALWAYS,
			      ARRAY_SIZE(rasdial_slots)))
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
void rasdial_nl_notify(struct net *net, const struct rasdial_conn *conn)
{
	struct rasdial_net *rn = rasdial_net(net);
	struct rasdial_listener *l;
	struct sk_buff *skb;
	unsigned long id;

	if (!READ_ONCE(rasdial_nl_registered))
		return;

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
int rasdial_nl_send_ack(struct net *net, const struct rasdial_conn *conn,
			u32 seq)
{
	struct sk_buff *skb;
	void *hdr;

	if (!READ_ONCE(rasdial_nl_registered))
		return -ESHUTDOWN;

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

/* Reject attributes that the command does not take. */
static int rasdial_check_attrs(struct genl_info *info)
{
	u32 allowed = rasdial_cmd_attrs[info->genlhdr->cmd];
	int i;

	for (i = 1; i <= RASDIAL_A_MAX; i++) {
		if (!info->attrs[i] || (allowed & BIT(i)))
			continue;
		NL_SET_ERR_MSG_ATTR(info->extack, info->attrs[i],
				    KBUILD_MODNAME ": attribute not valid for this command");
		return -EINVAL;
	}
	return 0;
}

static int rasdial_get_flags(struct genl_info *info, u32 allowed, u32 *flags)
{
	struct nlattr *attr = info->attrs[RASDIAL_A_FLAGS];

	*flags = attr ? nla_get_u32(attr) : 0;
	if (*flags & ~allowed) {
		NL_SET_ERR_MSG_ATTR(info->extack, attr,
				    KBUILD_MODNAME ": flag not valid for this command");
		return -EINVAL;
	}
	return 0;
}

/* The owner uid, or an admin of the namespace, may hang up and ACK. */
static bool rasdial_may_manage(struct sk_buff *skb, struct genl_info *info,
			       const struct rasdial_conn *conn)
{
	struct net *net = genl_info_net(info);

	return uid_eq(NETLINK_CB(skb).creds.uid, conn->owner_uid) ||
	       netlink_ns_capable(skb, net->user_ns, CAP_NET_ADMIN);
}

/* Conn named by a request's required RASDIAL_A_CONN_ID. */
static struct rasdial_conn *rasdial_req_conn(struct rasdial_net *rn,
					     struct genl_info *info)
{
	struct nlattr *attr = info->attrs[RASDIAL_A_CONN_ID];
	struct rasdial_conn *conn;

	conn = rasdial_conn_find(rn, nla_get_u32(attr));
	if (!conn) {
		NL_SET_ERR_MSG_ATTR(info->extack, attr,
				    KBUILD_MODNAME ": unknown connection id");
		return ERR_PTR(-ENOENT);
	}
	return conn;
}

/* Conn named by RASDIAL_A_CONN_ID that the sender may hang up or ACK. */
static struct rasdial_conn *rasdial_managed_conn(struct rasdial_net *rn,
						 struct sk_buff *skb,
						 struct genl_info *info)
{
	struct rasdial_conn *conn = rasdial_req_conn(rn, info);

	if (!IS_ERR(conn) && !rasdial_may_manage(skb, info, conn)) {
		NL_SET_ERR_MSG_MOD(info->extack,
				   "not the connection's owner and no CAP_NET_ADMIN");
		return ERR_PTR(-EPERM);
	}
	return conn;
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

	ret = rasdial_check_attrs(info);
	if (ret)
		return ret;
	if (GENL_REQ_ATTR_CHECK(info, RASDIAL_A_ENTRY)) {
		NL_SET_ERR_MSG_MOD(info->extack, "missing entry name");
		return -EINVAL;
	}
	ret = rasdial_get_flags(info, RASDIAL_F_CONN_NEW_ALL, &flags);
	if (ret)
		return ret;

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
	conn->known = RASDIAL_ATTR(ENTRY);

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

/* EVENT with CONN_ID 0: a pppd no shim started registers itself. */
static struct rasdial_conn *rasdial_event_register(struct rasdial_net *rn,
						   struct sk_buff *skb,
						   struct genl_info *info)
{
	struct rasdial_conn *conn;
	int ret;

	conn = rasdial_conn_alloc();
	if (!conn)
		return ERR_PTR(-ENOMEM);
	conn->owner_uid = NETLINK_CB(skb).creds.uid;
	conn->flags = RASDIAL_F_SELF_REGISTERED;
	conn->plugin_portid = info->snd_portid;

	ret = rasdial_conn_add(rn, conn, info->extack);
	if (ret) {
		rasdial_conn_free(conn);
		return ERR_PTR(ret);
	}
	return conn;
}

/* Binds an unbound conn to the sender's socket (the event doit takes the
 * pid from the sender, never from the message).
 */
static void rasdial_bind(struct rasdial_conn *conn, struct genl_info *info)
{
	WRITE_ONCE(conn->plugin_portid, info->snd_portid);
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
						struct sk_buff *skb,
						struct genl_info *info)
{
	struct nlattr *entry = info->attrs[RASDIAL_A_ENTRY];
	struct rasdial_conn *best;
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
	best = rasdial_conn_adoptable(rn, nla_data(entry), also);
	if (!best)
		return rasdial_event_register(rn, skb, info);
	rasdial_bind(best, info);
	return best;
}

/* EVENT for a conn from CONN_NEW: the first one binds it to the sender. */
static struct rasdial_conn *rasdial_event_bind(struct rasdial_net *rn,
					       struct genl_info *info)
{
	struct nlattr *attr = info->attrs[RASDIAL_A_CONN_ID];
	struct rasdial_conn *conn;

	conn = rasdial_req_conn(rn, info);
	if (IS_ERR(conn))
		return conn;
	/* Its pppd's socket is released; the conn is about to go. */
	if (test_bit(RASDIAL_CONN_PLUGIN_GONE, &conn->gone)) {
		NL_SET_ERR_MSG_ATTR(info->extack, attr,
				    KBUILD_MODNAME ": connection's pppd has gone");
		return ERR_PTR(-ENOENT);
	}
	if (!conn->plugin_portid) {
		if (!rasdial_may_bind(rn, conn)) {
			NL_SET_ERR_MSG_ATTR(info->extack, attr, KBUILD_MODNAME
					    ": connection belongs to another user");
			return ERR_PTR(-EPERM);
		}
		rasdial_bind(conn, info);
	} else if (conn->plugin_portid != info->snd_portid) {
		NL_SET_ERR_MSG_ATTR(info->extack, attr, KBUILD_MODNAME
				    ": connection is bound to another pppd");
		return ERR_PTR(-EBUSY);
	}
	return conn;
}

static u32 rasdial_attr_u32(struct nlattr **attrs, int attr, u32 dflt)
{
	return attrs[attr] ? nla_get_u32(attrs[attr]) : dflt;
}

static void rasdial_conn_update(struct rasdial_net *rn,
				struct rasdial_conn *conn,
				struct nlattr **attrs, u32 flags)
{
	const struct rasdial_slot *slot;
	struct nlattr *attr;
	unsigned int i;
	void *field;

	/* dwError and dwExtendedError describe this event only; every
	 * other attribute keeps its value until reported again.  The
	 * CONN_ID slot is the conn's own id: never taken from the message.
	 */
	conn->error = 0;
	conn->ext_error = 0;
	for (i = 1; i < ARRAY_SIZE(rasdial_slots); i++) {
		slot = &rasdial_slots[i];
		attr = attrs[slot->attr];
		field = (u8 *)conn + slot->offset;
		if (!attr)
			continue;
		if (rasdial_slot_string(slot))
			nla_strscpy(field, attr, rasdial_slot_size(slot));
		else
			nla_memcpy(field, attr, rasdial_slot_size(slot));
	}

	for (i = 1; i <= RASDIAL_A_MAX; i++)
		if (attrs[i] && (RASDIAL_STICKY_ATTRS & BIT(i)))
			conn->known |= BIT(i);

	conn->flags |= flags & RASDIAL_F_FINAL;
	rasdial_conn_clock(conn);
	rasdial_registry_changed(rn);
}

static int rasdial_nl_event_doit(struct sk_buff *skb, struct genl_info *info)
{
	struct net *net = genl_info_net(info);
	struct rasdial_net *rn = rasdial_net(net);
	struct rasdial_conn *conn;
	struct sk_buff *reply;
	u32 flags, id;
	void *hdr;
	int ret;

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
	ret = rasdial_check_attrs(info);
	if (ret)
		return ret;
	if (GENL_REQ_ATTR_CHECK(info, RASDIAL_A_SEQ)) {
		NL_SET_ERR_MSG_MOD(info->extack, "missing event sequence number");
		return -EINVAL;
	}
	if (GENL_REQ_ATTR_CHECK(info, RASDIAL_A_STATE)) {
		NL_SET_ERR_MSG_MOD(info->extack, "missing connection state");
		return -EINVAL;
	}
	ret = rasdial_get_flags(info, RASDIAL_F_EVENT_ALL, &flags);
	if (ret)
		return ret;
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
		conn = rasdial_event_bind(rn, info);
	else if (flags & RASDIAL_F_ADOPT)
		conn = rasdial_event_adopt(rn, skb, info);
	else
		conn = rasdial_event_register(rn, skb, info);
	if (IS_ERR(conn)) {
		mutex_unlock(&rn->lock);
		return PTR_ERR(conn);
	}

	rasdial_conn_set_pid(conn);
	rasdial_conn_update(rn, conn, info->attrs, flags);
	conn->ack_pending = conn->want_ack && conn->owner_portid &&
			    !test_bit(RASDIAL_CONN_OWNER_GONE, &conn->gone);
	/* The owner waits for this, pppd for the reply: multicast first. */
	rasdial_nl_notify(net, conn);

	if (conn->hangup_pending) {
		conn->hangup_pending = false;
		kill_pid(conn->pid, SIGTERM, 1);
	}
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

	ret = rasdial_check_attrs(info);
	if (ret)
		return ret;
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

	ret = rasdial_check_attrs(info);
	if (ret)
		return ret;
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

	if (conn->plugin_portid) {
		/* pppd exits with EXIT_USER_REQUEST; its socket's release
		 * then frees the conn.  The owner may hang up any pppd
		 * user's session, hence a privileged signal.
		 */
		if (!test_bit(RASDIAL_CONN_PLUGIN_GONE, &conn->gone))
			ret = kill_pid(conn->pid, SIGTERM, 1);
		/* ESRCH: the pppd we know has exited without its socket
		 * (a child of a fork holds it and has sent no event yet).
		 */
		if (ret)
			NL_SET_ERR_MSG_MOD(info->extack,
					   "cannot signal the connection's pppd");
	} else if (!conn->owner_portid ||
		   test_bit(RASDIAL_CONN_OWNER_GONE, &conn->gone) ||
		   conn->owner_portid == info->snd_portid) {
		/* No pppd yet: the owner itself gives the id up (its pppd
		 * died before the plugin loaded, or it stops its own child),
		 * so nothing is left to wait for.
		 */
		rasdial_conn_del(rn, conn);
	} else {
		conn->hangup_pending = true;
	}

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

	ret = rasdial_check_attrs(info);
	if (ret)
		return ret;
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

	ret = rasdial_check_attrs(info);
	if (ret)
		return ret;
	admin = netlink_ns_capable(skb, net->user_ns, CAP_NET_ADMIN);

	mutex_lock(&rn->lock);
	ret = rasdial_listener_add(rn, info->snd_portid,
				   NETLINK_CB(skb).creds.uid, admin,
				   info->extack);
	mutex_unlock(&rn->lock);
	return ret;
}

/* resv_start_op stays 0 and no op sets .validate: every command is
 * strictly validated (6.1's genl_register_family() refuses the mix).
 */
static const struct genl_small_ops rasdial_nl_ops[] = {
	{
		.cmd = RASDIAL_CMD_CONN_NEW,
		.doit = rasdial_nl_conn_new_doit,
	},
	{
		.cmd = RASDIAL_CMD_EVENT,
		.doit = rasdial_nl_event_doit,
	},
	{
		.cmd = RASDIAL_CMD_GET,
		.doit = rasdial_nl_get_doit,
		.dumpit = rasdial_nl_get_dumpit,
	},
	{
		.cmd = RASDIAL_CMD_HANGUP,
		.doit = rasdial_nl_hangup_doit,
	},
	{
		.cmd = RASDIAL_CMD_ACK,
		.doit = rasdial_nl_ack_doit,
	},
	{
		.cmd = RASDIAL_CMD_SUBSCRIBE,
		.doit = rasdial_nl_subscribe_doit,
	},
};

static const struct genl_multicast_group rasdial_nl_mcgrps[] = {
	[RASDIAL_NLGRP_EVENTS] = { .name = RASDIAL_MCGRP_EVENTS,
				   .flags = RASDIAL_MONITOR_FLAGS },
};

static struct genl_family rasdial_nl_family __ro_after_init = {
	.name = RASDIAL_GENL_NAME,
	.version = RASDIAL_GENL_VERSION,
	.maxattr = RASDIAL_A_MAX,
	.policy = rasdial_policy,
	.netnsok = true,
	.module = THIS_MODULE,
	.small_ops = rasdial_nl_ops,
	.n_small_ops = ARRAY_SIZE(rasdial_nl_ops),
	.mcgrps = rasdial_nl_mcgrps,
	.n_mcgrps = ARRAY_SIZE(rasdial_nl_mcgrps),
};

/**
 * rasdial_nl_init() - register the "rasdial" generic netlink family
 *
 * Return: 0 or a negative errno from genl_register_family().
 */
int __init rasdial_nl_init(void)
{
	int ret;

	ret = genl_register_family(&rasdial_nl_family);
	if (ret)
		return ret;
	WRITE_ONCE(rasdial_nl_registered, true);
	return 0;
}

/**
 * rasdial_nl_uninit() - unregister the family; no doit runs afterwards
 */
void rasdial_nl_uninit(void)
{
	genl_lock();
	WRITE_ONCE(rasdial_nl_registered, false);
	genl_unlock();
	genl_unregister_family(&rasdial_nl_family);
}

MODULE_ALIAS_GENL_FAMILY(RASDIAL_GENL_NAME);
