/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * pppd-map.h: pppd's phases, notifiers and exit statuses mapped to Win32 RAS
 * (RASCONNSTATE values and raserror.h codes).
 *
 * Built into both pppd's rasdial.so plugin and librasdial (which maps
 * the exit status of a pppd that died before its plugin could report), so
 * it needs no pppd header: the numbers below are pppd's own, and the plugin
 * static-asserts them against <pppd/pppd.h>.  Nor librasdial's public
 * headers: the RAS values come from ras-codes.h.  No <stdbool.h> either:
 * the plugin's units include pppd.h 2.4.9, which typedefs bool.
 */
#ifndef RASDIAL_PPPD_MAP_H
#define RASDIAL_PPPD_MAP_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* pppd's PHASE_* (pppd.h; the same in 2.4.9 and 2.5). */
enum rasdial_ppp_phase {
	RASDIAL_PPP_PHASE_DEAD		= 0,
	RASDIAL_PPP_PHASE_INITIALIZE	= 1,
	RASDIAL_PPP_PHASE_SERIALCONN	= 2,
	RASDIAL_PPP_PHASE_DORMANT	= 3,
	RASDIAL_PPP_PHASE_ESTABLISH	= 4,
	RASDIAL_PPP_PHASE_AUTHENTICATE	= 5,
	RASDIAL_PPP_PHASE_CALLBACK	= 6,
	RASDIAL_PPP_PHASE_NETWORK	= 7,
	RASDIAL_PPP_PHASE_RUNNING	= 8,
	RASDIAL_PPP_PHASE_TERMINATE	= 9,
	RASDIAL_PPP_PHASE_DISCONNECT	= 10,
	RASDIAL_PPP_PHASE_HOLDOFF	= 11,
	RASDIAL_PPP_PHASE_MASTER	= 12,
};

/*
 * pppd notifiers that move a dial on.  Numbered after the phases so that
 * one table maps both; these are not pppd values.
 */
enum rasdial_ppp_notifier {
	RASDIAL_PPP_NOTIFY_AUTH_UP	= 16,	/* auth_up_notifier / NF_AUTH_UP */
	RASDIAL_PPP_NOTIFY_IP_UP,		/* ip_up_notifier / NF_IP_UP */
	RASDIAL_PPP_NOTIFY_IPV6_UP,		/* ipv6_up_notifier / NF_IPV6_UP */
	__RASDIAL_PPP_EVENT_LAST
};

/* pppd's EXIT_* (pppd.h; the same in 2.4.9 and 2.5). */
enum rasdial_ppp_exit {
	RASDIAL_PPP_EXIT_OK			= 0,
	RASDIAL_PPP_EXIT_FATAL_ERROR		= 1,
	RASDIAL_PPP_EXIT_OPTION_ERROR		= 2,
	RASDIAL_PPP_EXIT_NOT_ROOT		= 3,
	RASDIAL_PPP_EXIT_NO_KERNEL_SUPPORT	= 4,
	RASDIAL_PPP_EXIT_USER_REQUEST		= 5,
	RASDIAL_PPP_EXIT_LOCK_FAILED		= 6,
	RASDIAL_PPP_EXIT_OPEN_FAILED		= 7,
	RASDIAL_PPP_EXIT_CONNECT_FAILED		= 8,
	RASDIAL_PPP_EXIT_PTYCMD_FAILED		= 9,
	RASDIAL_PPP_EXIT_NEGOTIATION_FAILED	= 10,
	RASDIAL_PPP_EXIT_PEER_AUTH_FAILED	= 11,
	RASDIAL_PPP_EXIT_IDLE_TIMEOUT		= 12,
	RASDIAL_PPP_EXIT_CONNECT_TIME		= 13,
	RASDIAL_PPP_EXIT_CALLBACK		= 14,
	RASDIAL_PPP_EXIT_PEER_DEAD		= 15,
	RASDIAL_PPP_EXIT_HANGUP			= 16,
	RASDIAL_PPP_EXIT_LOOPBACK		= 17,
	RASDIAL_PPP_EXIT_INIT_FAILED		= 18,
	RASDIAL_PPP_EXIT_AUTH_TOPEER_FAILED	= 19,
	RASDIAL_PPP_EXIT_TRAFFIC_LIMIT		= 20,
	RASDIAL_PPP_EXIT_CNID_AUTH_FAILED	= 21,
	__RASDIAL_PPP_EXIT_LAST
};

/* Most RASCONNSTATEs one phase or notifier enters. */
#define RASDIAL_PPP_MAX_STATES	2

/*
 * The RASCONNSTATE values (ras.h) to report, in order, on entering pppd
 * phase PHASE_OR_NOTIFIER (enum rasdial_ppp_phase or enum
 * rasdial_ppp_notifier).  Writes them to STATES and returns how many
 * (0 to RASDIAL_PPP_MAX_STATES); 0 for phases that move no dial state on
 * and for unknown values.  Teardown (TERMINATE, DISCONNECT, DEAD) is 0:
 * the failure report carries its own state and error.
 */
unsigned int rasdial_ppp_states(int phase_or_notifier,
				uint32_t states[RASDIAL_PPP_MAX_STATES]);

/*
 * The RAS dwError (raserror.h) for a link that ended with pppd exit status
 * EXIT_STATUS (enum rasdial_ppp_exit; pppd's `status` when the link died
 * or its exit code), where DIED_IN_PHASE is the last phase the link moved
 * forward to before it went down (enum rasdial_ppp_phase), and
 * WAS_CONNECTED is nonzero when it had reached RASCS_Connected.  A pppd
 * that exited before dialing (option error, ...) has DIED_IN_PHASE
 * RASDIAL_PPP_PHASE_INITIALIZE.  Never returns 0.
 */
uint32_t rasdial_ppp_exit_error(int exit_status, int died_in_phase,
				int was_connected);

/*
 * rasdial_ppp_exit_error() for a link of device type DEVICE_TYPE (RASDT_*,
 * as rasdial-device-type reports it; NULL or "" for none): a dial that
 * failed before RASCS_Connected may get a more specific error for its link
 * type (a "PPPoE" EXIT_CONNECT_FAILED, discovery unanswered, is
 * ERROR_BROADBAND_TIMEOUT).  Never returns 0.
 */
uint32_t rasdial_ppp_exit_error_dev(int exit_status, int died_in_phase,
				    int was_connected, const char *device_type);
/*
 * The RAS dwError for a connect script (chat) that failed, from what the
 * plugin's rasdial-connect wrapper saw: CHAT_EXIT is chat's exit status
 * (chat(8): 1 bad arguments, 2 I/O error or signal, 3 timeout, 4 + n the
 * nth ABORT string; 128 + n killed by signal n; < 0 unknown) and
 * ABORT_STRING the ABORT string that matched (NULL when unknown).
 * Returns 0 when that says nothing (unknown, killed, success): the caller
 * then keeps rasdial_ppp_exit_error()'s answer for EXIT_CONNECT_FAILED.
 */
uint32_t rasdial_chat_error(int chat_exit, const char *abort_string);

/*
 * How one link attempt ended, as the plugin saw it (rasdial_ppp_end()).
 * Statuses are enum rasdial_ppp_exit values, phases enum rasdial_ppp_phase.
 */
struct rasdial_ppp_end_info {
	int exit_status;	/* pppd's status now (or its exit code) */
	int down_status;	/* status when the link started to go down, -1 */
	int down_on_sig;	/* a hang-up signal had come by then */
	int hung_up;		/* SIGTERM/SIGINT (RasHangUp) came this attempt */
	int died_in_phase;	/* last phase the link moved forward to */
	int was_connected;	/* RASCS_Connected was reported */
	uint32_t last_state;	/* the last RASCONNSTATE reported */
	const char *device_type; /* RASDT_*, NULL or "" for none */
	int chat_exit;		/* rasdial-connect's report, -1 unknown */
	const char *chat_abort;	/* the ABORT string that matched, or NULL */
};

/*
 * The failure report of a link attempt that ended: returns its dwError
 * (never 0) and writes to *STATE the RASCONNSTATE to report it in (the last
 * state reported, as Windows calls RasDialFunc1 again for the state the
 * error occurred in; RASCS_Disconnected once connected or hung up).
 * pppd rewrites its status on the way down (a modem hang-up, a killed
 * chat, SIGHUP counted as a user request): this undoes that from what
 * END says about the attempt.
 */
uint32_t rasdial_ppp_end(const struct rasdial_ppp_end_info *end,
			 uint32_t *state);

#ifdef __cplusplus
}
#endif

#endif /* RASDIAL_PPPD_MAP_H */
