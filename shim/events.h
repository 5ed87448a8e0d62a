/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * events.h: the dial table of dials.c as the event thread (events.c)
 * sees it.  Everything here is under rasdial_tbl_lock but the two flags.
 */
#ifndef RASDIAL_EVENTS_H
#define RASDIAL_EVENTS_H

#include <pthread.h>
#include <stdbool.h>
#include "internal.h"

extern pthread_mutex_t rasdial_tbl_lock;
extern pthread_cond_t rasdial_tbl_cond;
extern struct rasdial_dial *rasdial_tbl_head;
/* The event loop's eventfd (-1 before it runs), written to wake it. */
extern int rasdial_wake_fd;
/* This thread runs the event loop (and so the notifiers). */
extern __thread bool rasdial_is_event_thread;

void rasdial_wake_thread(void);
struct rasdial_dial *rasdial_dial_find_any_locked(uint32_t id);
void rasdial_dial_put_locked(struct rasdial_dial *d);
void rasdial_dial_unlink_locked(struct rasdial_dial *d);
bool rasdial_dial_over_locked(const struct rasdial_dial *d);
void rasdial_run_deferred_hangups(void);

#endif /* RASDIAL_EVENTS_H */
