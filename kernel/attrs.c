// SPDX-License-Identifier: GPL-2.0
/*
 * rasdial: the attributes of the "rasdial" family: each command's policy,
 * the one table of a conn's attributes (read from an EVENT, put into the
 * conn message), and the conn a request names.
 */

#include <linux/capability.h>
#include <linux/err.h>
#include <linux/netlink.h>
#include <linux/uidgid.h>
#include <net/genetlink.h>
#include <net/netlink.h>

#include "attrs.h"
#include "registry.h"

/* Per-command policies, the WireGuard way: what a command takes and each
 * attribute's type and length are checked by the core (CTRL_CMD_GETPOLICY
 * shows them); an attribute a command does not take is "Unsupported".
 */
#define RASDIAL_KERNEL_ONLY	KBUILD_MODNAME ": attribute is set by the kernel only"
#define RASDIAL_POLICY_KERNEL_ONLY \
	{ .type = NLA_REJECT, .reject_message = RASDIAL_KERNEL_ONLY }

/* Attributes only the kernel sends: a clearer refusal than "Unsupported". */
#define RASDIAL_POLICY_KERNEL_ATTRS					\
	[RASDIAL_A_OWNER_UID]	= RASDIAL_POLICY_KERNEL_ONLY,		\
	[RASDIAL_A_PID]		= RASDIAL_POLICY_KERNEL_ONLY,		\
	[RASDIAL_A_CONNECTED_MS] = RASDIAL_POLICY_KERNEL_ONLY,		\
	[RASDIAL_A_PAD]		= RASDIAL_POLICY_KERNEL_ONLY

#define RASDIAL_POLICY_ENTRY \
	{ .type = NLA_NUL_STRING, .len = RASDIAL_ENTRY_MAX }

const struct nla_policy rasdial_conn_new_policy[RASDIAL_A_MAX + 1] = {
	[RASDIAL_A_ENTRY]	= RASDIAL_POLICY_ENTRY,
	[RASDIAL_A_FLAGS]	= NLA_POLICY_MASK(NLA_U32, RASDIAL_F_CONN_NEW_ALL),
	RASDIAL_POLICY_KERNEL_ATTRS,
};

/* Also the lengths of the conn's fields (rasdial_slot_size()). */
const struct nla_policy rasdial_event_policy[RASDIAL_A_MAX + 1] = {
	[RASDIAL_A_CONN_ID]	= { .type = NLA_U32 },
	[RASDIAL_A_SEQ]		= { .type = NLA_U32 },
	[RASDIAL_A_STATE]	= { .type = NLA_U32 },
	[RASDIAL_A_ERROR]	= { .type = NLA_U32 },
	[RASDIAL_A_EXT_ERROR]	= { .type = NLA_U32 },
	[RASDIAL_A_EXIT_STATUS]	= { .type = NLA_U32 },
	[RASDIAL_A_PHASE]	= { .type = NLA_U32 },
	[RASDIAL_A_FLAGS]	= NLA_POLICY_MASK(NLA_U32, RASDIAL_F_EVENT_ALL),
	[RASDIAL_A_ENTRY]	= RASDIAL_POLICY_ENTRY,
	[RASDIAL_A_IFNAME]	= { .type = NLA_NUL_STRING, .len = IFNAMSIZ - 1 },
	[RASDIAL_A_IFINDEX]	= { .type = NLA_U32 },
	[RASDIAL_A_DEVICE_NAME]	= { .type = NLA_NUL_STRING,
				    .len = RASDIAL_DEVICE_NAME_MAX },
	[RASDIAL_A_DEVICE_TYPE]	= { .type = NLA_NUL_STRING,
				    .len = RASDIAL_DEVICE_TYPE_MAX },
	[RASDIAL_A_LOCAL_ADDR]	= NLA_POLICY_EXACT_LEN(sizeof(__be32)),
	[RASDIAL_A_REMOTE_ADDR]	= NLA_POLICY_EXACT_LEN(sizeof(__be32)),
	[RASDIAL_A_LOCAL_IFID6]	= NLA_POLICY_EXACT_LEN(RASDIAL_IFID6_LEN),
	[RASDIAL_A_REMOTE_IFID6] = NLA_POLICY_EXACT_LEN(RASDIAL_IFID6_LEN),
	[RASDIAL_A_BAUD]	= { .type = NLA_U32 },
	[RASDIAL_A_AUTH_PROTO]	= { .type = NLA_U32 },
	[RASDIAL_A_AUTH_DATA]	= { .type = NLA_U32 },
	[RASDIAL_A_LCP_OPTIONS]	= { .type = NLA_U32 },
	[RASDIAL_A_PEER_LCP_OPTIONS] = { .type = NLA_U32 },
	[RASDIAL_A_ADOPT_UID]	= { .type = NLA_U32 },
	RASDIAL_POLICY_KERNEL_ATTRS,
};

/* One policy serves GET's doit (CONN_ID) and dump (GENERATION): the
 * handlers refuse the other's attribute.
 */
const struct nla_policy rasdial_get_policy[RASDIAL_A_MAX + 1] = {
	[RASDIAL_A_CONN_ID]	= { .type = NLA_U32 },
	[RASDIAL_A_GENERATION]	= { .type = NLA_U32 },
	RASDIAL_POLICY_KERNEL_ATTRS,
};

const struct nla_policy rasdial_hangup_policy[RASDIAL_A_MAX + 1] = {
	[RASDIAL_A_CONN_ID]	= { .type = NLA_U32 },
	RASDIAL_POLICY_KERNEL_ATTRS,
};

const struct nla_policy rasdial_ack_policy[RASDIAL_A_MAX + 1] = {
	[RASDIAL_A_CONN_ID]	= { .type = NLA_U32 },
	[RASDIAL_A_SEQ]		= { .type = NLA_U32 },
	RASDIAL_POLICY_KERNEL_ATTRS,
};

const struct nla_policy rasdial_subscribe_policy[RASDIAL_A_MAX + 1] = {
	RASDIAL_POLICY_KERNEL_ATTRS,
};

/* @known is a u32 bitmap indexed by attribute. */
static_assert(RASDIAL_A_MAX < 32);

static bool rasdial_known(const struct rasdial_conn *conn, int attr)
{
	return conn->known & BIT(attr);
}

/* The one table of the conn's attributes: where each lives in the conn
 * and how long it lasts.  It drives the EVENT update, the conn message (in
 * its attribute order) and the message's size; rasdial_event_policy says
 * each one's type and length.
 */
enum rasdial_slot_life {
	RASDIAL_SLOT_ALWAYS,	/* in every message; the conn's own */
	RASDIAL_SLOT_EVENT,	/* in every message; 0 unless this event set it */
	RASDIAL_SLOT_STICKY,	/* sent once reported, kept until reported again */
};

struct rasdial_slot {
	u8 attr;
	u8 life;
	u16 offset;
};

#define RASDIAL_SLOT(name, field, life) \
	{ RASDIAL_A_##name, RASDIAL_SLOT_##life, \
	  offsetof(struct rasdial_conn, field) }

static const struct rasdial_slot rasdial_slots[] = {
	RASDIAL_SLOT(CONN_ID, id, ALWAYS),
	RASDIAL_SLOT(SEQ, seq, ALWAYS),
	RASDIAL_SLOT(STATE, state, ALWAYS),
	RASDIAL_SLOT(ERROR, error, EVENT),
	RASDIAL_SLOT(EXT_ERROR, ext_error, EVENT),
	RASDIAL_SLOT(PHASE, phase, ALWAYS),
	RASDIAL_SLOT(ENTRY, entry, STICKY),
	RASDIAL_SLOT(EXIT_STATUS, exit_status, STICKY),
	RASDIAL_SLOT(IFNAME, ifname, STICKY),
	RASDIAL_SLOT(IFINDEX, ifindex, STICKY),
	RASDIAL_SLOT(DEVICE_NAME, device_name, STICKY),
	RASDIAL_SLOT(DEVICE_TYPE, device_type, STICKY),
	RASDIAL_SLOT(LOCAL_ADDR, local_addr, STICKY),
	RASDIAL_SLOT(REMOTE_ADDR, remote_addr, STICKY),
	RASDIAL_SLOT(LOCAL_IFID6, local_ifid6, STICKY),
	RASDIAL_SLOT(REMOTE_IFID6, remote_ifid6, STICKY),
	RASDIAL_SLOT(BAUD, baud, STICKY),
	RASDIAL_SLOT(AUTH_PROTO, auth_proto, STICKY),
	RASDIAL_SLOT(AUTH_DATA, auth_data, STICKY),
	RASDIAL_SLOT(LCP_OPTIONS, lcp_options, STICKY),
	RASDIAL_SLOT(PEER_LCP_OPTIONS, peer_lcp_options, STICKY),
};

/* Every field's offset fits the table's u16. */
static_assert(sizeof(struct rasdial_conn) <= U16_MAX);

static bool rasdial_slot_string(const struct rasdial_slot *slot)
{
	return rasdial_event_policy[slot->attr].type == NLA_NUL_STRING;
}

/* Bytes of the slot's field (with the NUL for a string), as the policy
 * allows.
 */
static unsigned int rasdial_slot_size(const struct rasdial_slot *slot)
{
	const struct nla_policy *pt = &rasdial_event_policy[slot->attr];

	switch (pt->type) {
	case NLA_NUL_STRING:
		return pt->len + 1;
	case NLA_BINARY:
		return pt->max;	/* NLA_POLICY_EXACT_LEN() */
	default:
		return sizeof(u32);
	}
}

/* CONN_ID .. PHASE come first: a slot before this one is always sent. */
#define RASDIAL_SLOTS_ALWAYS	6

size_t rasdial_conn_msg_size(void)
{
	size_t size = 0;
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(rasdial_slots); i++)
		size += nla_total_size(rasdial_slot_size(&rasdial_slots[i]));
	/* OWNER_UID FLAGS PID, and CONNECTED_MS */
	return size + 3 * nla_total_size(sizeof(u32)) +
	       nla_total_size_64bit(sizeof(u64));
}

/**
 * rasdial_put_slots() - put a conn's attributes of the slot table
 * @skb: the conn message
 * @conn: the conn; caller holds the registry lock
 * @head: the slots always sent first (CONN_ID .. PHASE), or the others
 *
 * Return: 0, or -EMSGSIZE when @skb is full.
 */
int rasdial_put_slots(struct sk_buff *skb, const struct rasdial_conn *conn,
		      bool head)
{
	unsigned int from = head ? 0 : RASDIAL_SLOTS_ALWAYS;
	unsigned int to = head ? RASDIAL_SLOTS_ALWAYS : ARRAY_SIZE(rasdial_slots);
	const struct rasdial_slot *slot;
	unsigned int i, len;
	const void *field;

	for (i = from; i < to; i++) {
		slot = &rasdial_slots[i];
		field = (const u8 *)conn + slot->offset;
		if (slot->life == RASDIAL_SLOT_STICKY &&
		    !rasdial_known(conn, slot->attr))
			continue;
		len = rasdial_slot_size(slot);
		if (rasdial_slot_string(slot))
			len = strnlen(field, len - 1) + 1;
		if (nla_put(skb, slot->attr, len, field))
			return -EMSGSIZE;
	}
	return 0;
}

/* Copies what the event reports into the conn's fields. */
void rasdial_conn_read(struct rasdial_conn *conn, struct nlattr **attrs)
{
	const struct rasdial_slot *slot;
	struct nlattr *attr;
	unsigned int i;
	void *field;

	/* From 1: the CONN_ID slot is the conn's own id. */
	for (i = 1; i < ARRAY_SIZE(rasdial_slots); i++) {
		slot = &rasdial_slots[i];
		attr = attrs[slot->attr];
		field = (u8 *)conn + slot->offset;
		if (!attr) {
			if (slot->life == RASDIAL_SLOT_EVENT)
				memset(field, 0, rasdial_slot_size(slot));
			continue;
		}
		if (rasdial_slot_string(slot))
			nla_strscpy(field, attr, rasdial_slot_size(slot));
		else
			nla_memcpy(field, attr, rasdial_slot_size(slot));
		if (slot->life == RASDIAL_SLOT_STICKY)
			conn->known |= BIT(slot->attr);
	}
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
struct rasdial_conn *rasdial_managed_conn(struct rasdial_net *rn,
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
