/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * direct.h: the direct relay (direct.c), the kernel's part played by this
 * process for its own dials when rasdial.ko is not used.  Each function
 * answers as its rasdial_nl_* twin in nl.h does (0 or a negative errno).
 */
#ifndef RASDIAL_DIRECT_H
#define RASDIAL_DIRECT_H

#include <stdint.h>

#include "nl.h"

int rasdial_direct_conn_new(const char *entry, uint32_t flags, uint32_t *id);
int rasdial_direct_get(uint32_t id, struct rasdial_conn_info *ci);
int rasdial_direct_dump(uint32_t *gen, rasdial_dump_fn fn, void *arg);
int rasdial_direct_hangup(uint32_t id);
int rasdial_direct_ack(uint32_t id, uint32_t seq);
int rasdial_direct_event_open(rasdial_event_fn fn);
int rasdial_direct_event_drain(void);
int rasdial_direct_event_fd(void);

/*
 * pppd's end of conn ID's socket pair, for the spawn (the caller closes
 * it once pppd has it), or -1 when ID is not a direct conn.  Above fd 4.
 */
int rasdial_direct_take_child_fd(uint32_t id);

#endif /* RASDIAL_DIRECT_H */
