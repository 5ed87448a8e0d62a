/* SPDX-License-Identifier: GPL-2.0 */
/*
 * rasdial: attributes of the "rasdial" family (policies, conn <-> message).
 */
#ifndef _RASDIAL_ATTRS_H
#define _RASDIAL_ATTRS_H

#include <linux/types.h>
#include <net/netlink.h>
#include <linux/rasdial.h>

struct genl_info;
struct rasdial_conn;
struct rasdial_net;
struct sk_buff;

extern const struct nla_policy rasdial_conn_new_policy[RASDIAL_A_MAX + 1];
extern const struct nla_policy rasdial_event_policy[RASDIAL_A_MAX + 1];
extern const struct nla_policy rasdial_get_policy[RASDIAL_A_MAX + 1];
extern const struct nla_policy rasdial_hangup_policy[RASDIAL_A_MAX + 1];
extern const struct nla_policy rasdial_ack_policy[RASDIAL_A_MAX + 1];
extern const struct nla_policy rasdial_subscribe_policy[RASDIAL_A_MAX + 1];

size_t rasdial_conn_msg_size(void);
int rasdial_put_slots(struct sk_buff *skb, const struct rasdial_conn *conn,
		      bool head);
void rasdial_conn_read(struct rasdial_conn *conn, struct nlattr **attrs);

struct rasdial_conn *rasdial_managed_conn(struct rasdial_net *rn,
					  struct sk_buff *skb,
					  struct genl_info *info);

#endif /* _RASDIAL_ATTRS_H */
