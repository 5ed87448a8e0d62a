/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * rasdial.h: what rasdial.c, which follows pppd's phases and notifiers,
 * lets the plugin's other files read.
 */
#ifndef RASDIAL_PLUGIN_RASDIAL_H
#define RASDIAL_PLUGIN_RASDIAL_H

#include <signal.h>
#include <stdint.h>
#include <time.h>

/* pppd's phase (PHASE_*), as the last phase notifier said. */
extern int rasdial_phase;
/* SIGTERM/SIGINT (RasHangUp) came in this attempt; set in signal context. */
extern volatile sig_atomic_t rasdial_hangup_sig;

static inline int64_t rasdial_now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

#endif /* RASDIAL_PLUGIN_RASDIAL_H */
