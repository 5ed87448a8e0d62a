/* SPDX-License-Identifier: GPL-2.0 */
/*
 * rasdial: generic netlink family "rasdial".
 */
#ifndef _RASDIAL_NETLINK_H
#define _RASDIAL_NETLINK_H

#include <linux/types.h>

struct net;
struct rasdial_conn;

int rasdial_nl_init(void);
void rasdial_nl_uninit(void);
void rasdial_nl_notify(struct net *net, const struct rasdial_conn *conn);
int rasdial_nl_send_ack(struct net *net, const struct rasdial_conn *conn,
			u32 seq);

#endif /* _RASDIAL_NETLINK_H */
