// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * rasdial.so: pppd plugin that reports each step of a dial to the kernel's
 * "rasdial" generic netlink family as a Win32 RASCONNSTATE, so that
 * librasdial can call a program's RasDialFunc1 as Windows would.
 *
 *   plugin rasdial.so rasdial-conn ID [rasdial-callback-timeout S]
 *          [rasdial-passwd-fd FD] [rasdial-device-type TYPE]
 *          [rasdial-phone NUMBER] [rasdial-chat-report]
 *   plugin rasdial.so rasdial-entry NAME [rasdial-device-type TYPE]
 *          [rasdial-adopt-user USER]
 *
 * rasdial-conn ID: the conn librasdial made (CONN_NEW) for this dial; the
 * plugin waits for the owner's ACK after each event (relay.c).  Without
 * it, the pppd registers itself (conn id 0) and never waits, so links
 * that no shim started are listed too.  rasdial-entry: adopt RasDial's
 * conn of that entry (link.c, for L2TP).
 *
 * The plugin never stops pppd: without the family or on any netlink error
 * it logs once and pppd dials on without it.
 *
 * This file follows pppd's phases and notifiers.  The others:
 *   relay.c    the netlink client: events, the kernel's reply, ACKs
 *   link.c     adoption (rasdial-entry, L2TP), entry name, device type
 *   chat.c     chat's result through rasdial-connect (chat-cmd.c: is the
 *              connect command chat?)
 *   passwd.c   the password from rasdial-passwd-fd
 *   options.c  the option table and each option's checks
 *   common/pppd-map.c  the tables: phase -> state, exit status -> error
 *
 * Events: each pppd phase/notifier maps to RASCONNSTATEs (common/pppd-map.c);
 * OpenPort is reported with the first one (pppd enters INITIALIZE before
 * loading plugins).  Projected and Connected wait until every enabled NCP
 * is up or has given up, so "Connected" means the addresses are set.  A
 * failure is reported on entering DEAD with the error from the exit
 * status and the phase the link died in, in the last state reported
 * (Disconnected once connected or hung up); dwExtendedError stays 0.
 *
 * persist/demand: a link that dies while pppd will dial again is reported
 * without RASDIAL_F_FINAL, and the next attempt starts afresh from
 * RASCS_OpenPort (SEQ keeps counting up).  Only the last death is FINAL.
 */
#include "pppd-compat.h"	/* first: pppd.h 2.4.9 typedefs bool */

#include <dlfcn.h>
#include <stdint.h>
#include <stdlib.h>
#include <unistd.h>

#include <linux/rasdial.h>

#include "chat.h"
#include "options.h"
#include "passwd.h"
#include "pppd-map.h"
#include "ras-codes.h"
#include "rasdial.h"
#include "relay.h"

#define RASDIAL_EXPORT	__attribute__((visibility("default")))

/* pppd-map.h carries pppd's numbers without pppd's headers: keep them equal. */
#define RASDIAL_SAME(a, b) _Static_assert((int)(a) == (int)(b), #a " != " #b)
RASDIAL_SAME(RASDIAL_PPP_PHASE_DEAD, PHASE_DEAD);
RASDIAL_SAME(RASDIAL_PPP_PHASE_INITIALIZE, PHASE_INITIALIZE);
RASDIAL_SAME(RASDIAL_PPP_PHASE_SERIALCONN, PHASE_SERIALCONN);
RASDIAL_SAME(RASDIAL_PPP_PHASE_DORMANT, PHASE_DORMANT);
RASDIAL_SAME(RASDIAL_PPP_PHASE_ESTABLISH, PHASE_ESTABLISH);
RASDIAL_SAME(RASDIAL_PPP_PHASE_AUTHENTICATE, PHASE_AUTHENTICATE);
RASDIAL_SAME(RASDIAL_PPP_PHASE_CALLBACK, PHASE_CALLBACK);
RASDIAL_SAME(RASDIAL_PPP_PHASE_NETWORK, PHASE_NETWORK);
RASDIAL_SAME(RASDIAL_PPP_PHASE_RUNNING, PHASE_RUNNING);
RASDIAL_SAME(RASDIAL_PPP_PHASE_TERMINATE, PHASE_TERMINATE);
RASDIAL_SAME(RASDIAL_PPP_PHASE_DISCONNECT, PHASE_DISCONNECT);
RASDIAL_SAME(RASDIAL_PPP_PHASE_HOLDOFF, PHASE_HOLDOFF);
RASDIAL_SAME(RASDIAL_PPP_PHASE_MASTER, PHASE_MASTER);
RASDIAL_SAME(RASDIAL_PPP_EXIT_OK, EXIT_OK);
RASDIAL_SAME(RASDIAL_PPP_EXIT_FATAL_ERROR, EXIT_FATAL_ERROR);
RASDIAL_SAME(RASDIAL_PPP_EXIT_OPTION_ERROR, EXIT_OPTION_ERROR);
RASDIAL_SAME(RASDIAL_PPP_EXIT_NOT_ROOT, EXIT_NOT_ROOT);
RASDIAL_SAME(RASDIAL_PPP_EXIT_NO_KERNEL_SUPPORT, EXIT_NO_KERNEL_SUPPORT);
RASDIAL_SAME(RASDIAL_PPP_EXIT_USER_REQUEST, EXIT_USER_REQUEST);
RASDIAL_SAME(RASDIAL_PPP_EXIT_LOCK_FAILED, EXIT_LOCK_FAILED);
RASDIAL_SAME(RASDIAL_PPP_EXIT_OPEN_FAILED, EXIT_OPEN_FAILED);
RASDIAL_SAME(RASDIAL_PPP_EXIT_CONNECT_FAILED, EXIT_CONNECT_FAILED);
RASDIAL_SAME(RASDIAL_PPP_EXIT_PTYCMD_FAILED, EXIT_PTYCMD_FAILED);
RASDIAL_SAME(RASDIAL_PPP_EXIT_NEGOTIATION_FAILED, EXIT_NEGOTIATION_FAILED);
RASDIAL_SAME(RASDIAL_PPP_EXIT_PEER_AUTH_FAILED, EXIT_PEER_AUTH_FAILED);
RASDIAL_SAME(RASDIAL_PPP_EXIT_IDLE_TIMEOUT, EXIT_IDLE_TIMEOUT);
RASDIAL_SAME(RASDIAL_PPP_EXIT_CONNECT_TIME, EXIT_CONNECT_TIME);
RASDIAL_SAME(RASDIAL_PPP_EXIT_CALLBACK, EXIT_CALLBACK);
RASDIAL_SAME(RASDIAL_PPP_EXIT_PEER_DEAD, EXIT_PEER_DEAD);
RASDIAL_SAME(RASDIAL_PPP_EXIT_HANGUP, EXIT_HANGUP);
RASDIAL_SAME(RASDIAL_PPP_EXIT_LOOPBACK, EXIT_LOOPBACK);
RASDIAL_SAME(RASDIAL_PPP_EXIT_INIT_FAILED, EXIT_INIT_FAILED);
RASDIAL_SAME(RASDIAL_PPP_EXIT_AUTH_TOPEER_FAILED, EXIT_AUTH_TOPEER_FAILED);
#if RASDIAL_PPPD_2_5 || defined(EXIT_TRAFFIC_LIMIT)
RASDIAL_SAME(RASDIAL_PPP_EXIT_TRAFFIC_LIMIT, EXIT_TRAFFIC_LIMIT);
#endif
RASDIAL_SAME(RASDIAL_PPP_EXIT_CNID_AUTH_FAILED, EXIT_CNID_AUTH_FAILED);

RASDIAL_EXPORT char pppd_version[] = RASDIAL_PPPD_VERSION;

/* The current dial attempt. */
int rasdial_phase = PHASE_INITIALIZE;	/* pppd's, tracked */
static int rasdial_in_child;		/* a forked pppd child: stay silent */
static int rasdial_attempt;		/* OpenPort reported, not yet dead */
static int rasdial_progress;		/* last phase moved forward to */
static int rasdial_going_down;		/* TERMINATE/DISCONNECT seen */
static int rasdial_authenticated;	/* RASCS_Authenticated reported */
static int rasdial_connected;		/* RASCS_Connected reported */
static int rasdial_ip_up;		/* IPCP is up */
static int rasdial_ipv6_up;		/* IPv6CP is up */
static int rasdial_settle_armed;	/* rasdial_settle_check() scheduled */
static uint32_t rasdial_last_state;	/* for the failure report */
static int rasdial_final_sent;
volatile sig_atomic_t rasdial_hangup_sig; /* set in signal context */
static volatile sig_atomic_t rasdial_fatal_sig;	/* pppd dies in a handler */
static int rasdial_down_status = -1;	/* pppd's status when the link
					 * started to go down, -1 before */
static int rasdial_down_on_sig;		/* a hang-up signal had come by then */

static void rasdial_report(uint32_t state)
{
	struct rasdial_event ev = { .state = state, .exit_status = -1 };

	rasdial_last_state = state;
	rasdial_send(&ev);
}

static void rasdial_settle_check(void *arg);

static void rasdial_attempt_begin(void)
{
	uint32_t st[RASDIAL_PPP_MAX_STATES];
	unsigned int i, n;

	rasdial_attempt = 1;
	rasdial_progress = PHASE_INITIALIZE;
	rasdial_going_down = 0;
	rasdial_authenticated = 0;
	rasdial_connected = 0;
	rasdial_ip_up = 0;
	rasdial_ipv6_up = 0;
	rasdial_hangup_sig = 0;
	rasdial_relay_attempt();
	rasdial_down_status = -1;
	rasdial_down_on_sig = 0;
	rasdial_chat_forget();
	/* pppd entered INITIALIZE before loading us: report it now. */
	n = rasdial_ppp_states(RASDIAL_PPP_PHASE_INITIALIZE, st);
	for (i = 0; i < n; i++)
		rasdial_report(st[i]);
}

static void rasdial_report_states(int phase_or_notifier)
{
	uint32_t st[RASDIAL_PPP_MAX_STATES];
	unsigned int i, n;

	n = rasdial_ppp_states(phase_or_notifier, st);
	for (i = 0; i < n; i++)
		rasdial_report(st[i]);
}

static void rasdial_report_authenticated(void)
{
	if (rasdial_authenticated)
		return;
	rasdial_authenticated = 1;
	rasdial_report_states(RASDIAL_PPP_NOTIFY_AUTH_UP);
}

/*
 * The link died (DEAD) or pppd exits: one event with the error, in the
 * last state reported (Windows calls RasDialFunc1 again for the state in
 * which the error occurred), or Disconnected once connected or hung up.
 */
static void rasdial_report_end(int exit_status, int final)
{
	struct rasdial_event ev = { .exit_status = exit_status };
	struct rasdial_ppp_end_info end = {
		.exit_status = exit_status,
		.hung_up = rasdial_hangup_sig,	/* attempt_begin() clears it */
	};

	if (!rasdial_attempt) {
		if (!rasdial_relay_sent())
			rasdial_attempt_begin();	/* died before dialing */
		else
			rasdial_last_state = RASDIAL_RASCS_Disconnected; /* between attempts */
	}
	end.down_status = rasdial_down_status;
	end.down_on_sig = rasdial_down_on_sig;
	end.died_in_phase = rasdial_progress;
	end.was_connected = rasdial_connected;
	end.last_state = rasdial_last_state;
	end.device_type = rasdial_opt.device_type;
	end.chat_exit = rasdial_chat_result(&end.chat_abort);
	ev.error = rasdial_ppp_end(&end, &ev.state);
	ev.flags = final ? RASDIAL_F_FINAL : 0;
	info("rasdial: link %s in phase %d with status %d (%d going down, chat %d%s%q): RAS error %u",
	     rasdial_connected ? "ended" : "failed", rasdial_progress,
	     exit_status, rasdial_down_status, end.chat_exit,
	     end.chat_abort[0] ? " " : "", end.chat_abort, ev.error);
	rasdial_send(&ev);
	if (final)
		rasdial_final_sent = 1;
	rasdial_attempt = 0;
	rasdial_progress = PHASE_INITIALIZE;
	if (rasdial_settle_armed && !rasdial_in_child)
		rasdial_pppd_untimeout(rasdial_settle_check, NULL);
	rasdial_settle_armed = 0;
}

static void rasdial_phase_notify(void *ctx, int p)
{
	(void)ctx;
	rasdial_phase = p;
	if (rasdial_in_child)
		return;
	/* The connect script has run (pppd waited for it): collect. */
	if (p != PHASE_SERIALCONN)
		rasdial_chat_collect();
	if (rasdial_final_sent)
		return;
	/*
	 * The first step back (link_down() re-enters ESTABLISH) or into
	 * TERMINATE/DISCONNECT: status now says why the link goes down.
	 */
	if (rasdial_attempt && rasdial_down_status < 0 &&
	    (p == PHASE_TERMINATE || p == PHASE_DISCONNECT ||
	     (p != PHASE_DEAD && p <= rasdial_progress &&
	      rasdial_progress > PHASE_SERIALCONN))) {
		rasdial_down_status = rasdial_pppd_status();
		rasdial_down_on_sig = rasdial_hangup_sig;
	}

	switch (p) {
	case PHASE_DEAD:
		/*
		 * Report now: the exit notifier can come seconds later, after
		 * pppd has waited for its children.
		 */
		if (rasdial_attempt)
			rasdial_report_end(rasdial_pppd_status(),
					   !rasdial_pppd_will_redial());
		return;
	case PHASE_TERMINATE:
	case PHASE_DISCONNECT:
		/* Going down: the phase it died in is the one before. */
		rasdial_going_down = 1;
		return;
	case PHASE_SERIALCONN:
	case PHASE_ESTABLISH:
	case PHASE_AUTHENTICATE:
	case PHASE_CALLBACK:
	case PHASE_NETWORK:
	case PHASE_RUNNING:
		break;
	default:
		/* INITIALIZE, DORMANT (demand: idle), HOLDOFF, MASTER. */
		return;
	}

	if (!rasdial_attempt) {
		rasdial_attempt_begin();
	} else if (rasdial_going_down || p <= rasdial_progress) {
		/*
		 * Teardown (link_down() re-enters ESTABLISH, np_down() NETWORK)
		 * or LCP renegotiating: no step forward.
		 */
		return;
	}
	/*
	 * Past the furthest phase after a step back: the link came back (LCP
	 * renegotiated, say a stale Configure-Request in Opened), so the
	 * status it had then (NEGOTIATION_FAILED before RUNNING) no longer
	 * says why it will go down.
	 */
	rasdial_down_status = -1;
	rasdial_down_on_sig = 0;
	rasdial_progress = p;
	if (p == PHASE_SERIALCONN)
		rasdial_chat_arm();
	if (rasdial_connected)
		return;
	/*
	 * 2.4.x notifies auth_up only when the peer authenticated to us
	 * (network_phase(): go->neg_chap/upap/eap), not for a client that
	 * authenticated to its server: catch up.  2.5.x notifies it always,
	 * so there this finds Authenticated already reported.
	 */
	if ((p == PHASE_CALLBACK || p == PHASE_NETWORK ||
	     p == PHASE_RUNNING) && rasdial_last_state == RASDIAL_RASCS_Authenticate)
		rasdial_report_authenticated();
	rasdial_report_states(p);
}

static void rasdial_auth_up_notify(void *ctx, int arg)
{
	(void)ctx;
	(void)arg;
	if (rasdial_in_child || rasdial_final_sent || !rasdial_attempt ||
	    rasdial_going_down || rasdial_connected)
		return;
	rasdial_report_authenticated();
}

/*
 * Projected, then Connected, once every enabled NCP has settled (is up or
 * has given up) and one is up: Debian's pppd runs IPv6CP too, which often
 * comes up first, and a program told "Connected" expects its IPv4 address.
 */
static void rasdial_try_connect(void)
{
	struct rasdial_event ev = { .exit_status = -1 };
	uint32_t st[RASDIAL_PPP_MAX_STATES];
	unsigned int i, n;

	if (rasdial_in_child || rasdial_final_sent || !rasdial_attempt ||
	    rasdial_going_down || rasdial_connected ||
	    (!rasdial_ip_up && !rasdial_ipv6_up))
		return;
	if (rasdial_pppd_ncp_negotiating(0) || rasdial_pppd_ncp_negotiating(1)) {
		/* Each NCP gives up on its own within max-configure tries. */
		if (!rasdial_settle_armed) {
			rasdial_settle_armed = 1;
			rasdial_pppd_timeout(rasdial_settle_check, NULL, 1);
		}
		return;
	}
	n = rasdial_ppp_states(rasdial_ip_up ? RASDIAL_PPP_NOTIFY_IP_UP :
					       RASDIAL_PPP_NOTIFY_IPV6_UP, st);
	for (i = 0; i < n; i++) {
		ev.state = st[i];
		/* Interface, addresses and LCP's results go with the
		 * first (Projected). */
		ev.with_if = i == 0;
		ev.with_lcp = i == 0;
		ev.with_ip = i == 0 && rasdial_ip_up;
		ev.with_ipv6 = i == 0 && rasdial_ipv6_up;
		if (st[i] == RASDIAL_RASCS_Connected)
			rasdial_connected = 1;
		rasdial_last_state = st[i];
		rasdial_send(&ev);
	}
}

static void rasdial_settle_check(void *arg)
{
	(void)arg;
	rasdial_settle_armed = 0;
	rasdial_try_connect();
}

static void rasdial_up(int ipv6)
{
	if (rasdial_in_child || rasdial_final_sent || !rasdial_attempt ||
	    rasdial_going_down)
		return;
	if (ipv6)
		rasdial_ipv6_up = 1;
	else
		rasdial_ip_up = 1;
	if (rasdial_connected) {
		/* The contract has no state-less update to carry it. */
		dbglog("rasdial: %s up after Connected: not reported",
		       ipv6 ? "IPv6CP" : "IPCP");
		return;
	}
	rasdial_try_connect();
}

static void rasdial_ip_up_notify(void *ctx, int arg)
{
	(void)ctx;
	(void)arg;
	rasdial_up(0);
}

static void rasdial_ipv6_up_notify(void *ctx, int arg)
{
	(void)ctx;
	(void)arg;
	rasdial_up(1);
}

/* Runs in signal context: only set a flag. */
static void rasdial_signal_notify(void *ctx, int sig)
{
	(void)ctx;
	/*
	 * RasHangUp is SIGTERM.  Not SIGHUP: a modem's carrier loss can raise
	 * it too, and pppd already counts it as a user request when not.
	 */
	if (sig == SIGTERM || sig == SIGINT)
		rasdial_hangup_sig = 1;
	/*
	 * pppd notifies SIGHUP, SIGTERM and SIGINT from hup() and term();
	 * any other signal from bad_signal() (SIGSEGV, SIGQUIT, ...), which
	 * calls die() next, still inside the handler: the exit notifier then
	 * runs in signal context.
	 */
	else if (sig != SIGHUP)
		rasdial_fatal_sig = sig;
}

static void rasdial_exit_notify(void *ctx, int exit_status)
{
	(void)ctx;
	if (rasdial_in_child)
		return;
	/*
	 * Called from a fatal signal's handler (maybe interrupting our own
	 * send or wait): no malloc, libnl or waiting here.  The socket
	 * closes as the process exits, and the kernel publishes the conn's
	 * end as RASDIAL_ERROR_PPPD_VANISHED.
	 */
	if (rasdial_fatal_sig) {
		rasdial_passwd_forget(0);
		return;
	}
	/*
	 * Only if DEAD never reported a final event: pppd died before its
	 * link did, or a 2.5 pppd gave up on "persist".  Reported for a
	 * conn the shim is waiting on, or for a link already announced.
	 */
	if (!rasdial_final_sent && (rasdial_opt.conn || rasdial_relay_sent()))
		rasdial_report_end(exit_status, 1);
	rasdial_relay_close(0);
	rasdial_passwd_forget(0);
}

static void rasdial_fork_notify(void *ctx, int arg)
{
	(void)ctx;
	(void)arg;
	/* In the child: it must not speak for pppd nor keep the conn bound. */
	rasdial_in_child = 1;
	rasdial_relay_close(1);
	rasdial_passwd_forget(1);
}

/*
 * Exported, so that a second copy of rasdial.so (another path) binds to
 * the first one's counter: "plugin rasdial.so" both in the entry (or
 * /etc/ppp/options) and on the command line must not report each event
 * twice.  pppd itself dlopen()s and runs plugin_init for every "plugin".
 */
RASDIAL_EXPORT unsigned int rasdial_plugin_loads;

RASDIAL_EXPORT void plugin_init(void)
{
	unsigned int *first = dlsym(RTLD_DEFAULT, "rasdial_plugin_loads");

	if ((first && first != &rasdial_plugin_loads) ||
	    rasdial_plugin_loads++) {
		info("rasdial: plugin already loaded; this \"plugin\" is ignored");
		return;
	}
	/* Only what we set reaches rasdial-connect, never an inherited one. */
	unsetenv("RASDIAL_PHONE");
	unsetenv("RASDIAL_CONNECT_FD");
	rasdial_options_add();
	rasdial_pppd_add_notify(RASDIAL_NF_PHASE_CHANGE, rasdial_phase_notify);
	rasdial_pppd_add_notify(RASDIAL_NF_EXIT, rasdial_exit_notify);
	rasdial_pppd_add_notify(RASDIAL_NF_SIGNALED, rasdial_signal_notify);
	rasdial_pppd_add_notify(RASDIAL_NF_AUTH_UP, rasdial_auth_up_notify);
	rasdial_pppd_add_notify(RASDIAL_NF_IP_UP, rasdial_ip_up_notify);
	if (rasdial_pppd_add_notify(RASDIAL_NF_IPV6_UP, rasdial_ipv6_up_notify) < 0)
		dbglog("rasdial: this pppd has no IPv6 notifier");
	rasdial_pppd_add_notify(RASDIAL_NF_FORK, rasdial_fork_notify);
	info("rasdial: plugin loaded");
}
