/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * link.h: what an EVENT says about the link itself: which RasDial it
 * serves (adoption by entry name, for L2TP's xl2tpd-started pppd), its
 * entry name when self-registered, and its device (name, RASDT_* type).
 */
#ifndef RASDIAL_PLUGIN_LINK_H
#define RASDIAL_PLUGIN_LINK_H

#include <stdint.h>

struct nl_msg;

/* Warns once about a rasdial-adopt-user that cannot apply. */
void rasdial_link_check(void);

/*
 * Until the kernel has told us CONN (0): asks to adopt RasDial's conn of
 * rasdial-entry (RASDIAL_F_ADOPT in *FLAGS, the user it may belong to).
 */
int rasdial_link_put_adopt(struct nl_msg *msg, uint32_t conn,
			   uint32_t *flags);

/* The entry name (self-registered, CONN 0) and the device. */
int rasdial_link_put_device(struct nl_msg *msg, uint32_t conn);

#endif /* RASDIAL_PLUGIN_LINK_H */
