/* SPDX-License-Identifier: GPL-2.0 */
/*
 * rasdial: generic netlink family "rasdial".
 */
#ifndef _RASDIAL_NETLINK_H
#define _RASDIAL_NETLINK_H

int rasdial_nl_init(void);
void rasdial_nl_uninit(void);

#endif /* _RASDIAL_NETLINK_H */
