// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * pppd-map.c: the tables that turn pppd's view of a link into the Win32
 * RAS view: phase/notifier -> RASCONNSTATE, exit status (per device type)
 * and chat's result -> dwError.  Each is defined here once, for both the
 * plugin and librasdial, which each build this file with their own flags;
 * pppd-map.h says how to call them.
 */
#include "pppd-map.h"

#include <stddef.h>
#include <string.h>

#include "ras-codes.h"

#define RASDIAL_ARRAY_SIZE(a)	(sizeof(a) / sizeof((a)[0]))

struct rasdial_state_row {
	unsigned int n;
	uint32_t states[RASDIAL_PPP_MAX_STATES];
};

/* Rows left out (DEAD, DORMANT, RUNNING, TERMINATE, ...) enter no state. */
static const struct rasdial_state_row rasdial_state_rows[] = {
	/* pppd is starting on the device (before any plugin runs in 2.4.9). */
	[RASDIAL_PPP_PHASE_INITIALIZE] = { 1, { RASDIAL_RASCS_OpenPort } },
	/* The device is open and the connect script (chat) is dialing. */
	[RASDIAL_PPP_PHASE_SERIALCONN] = {
		2, { RASDIAL_RASCS_PortOpened, RASDIAL_RASCS_ConnectDevice } },
	/* Carrier is up and LCP starts; a pppd link is one device. */
	[RASDIAL_PPP_PHASE_ESTABLISH] = {
		2, { RASDIAL_RASCS_DeviceConnected,
		      RASDIAL_RASCS_AllDevicesConnected } },
	/* LCP is open and PAP/CHAP/EAP runs. */
	[RASDIAL_PPP_PHASE_AUTHENTICATE] = {
		1, { RASDIAL_RASCS_Authenticate } },
	/* CBCP agreed on a callback: hang up and wait for the call. */
	[RASDIAL_PPP_PHASE_CALLBACK] = {
		2, { RASDIAL_RASCS_PrepareForCallback,
		      RASDIAL_RASCS_WaitForCallback } },
	/* The NCPs (IPCP, IPv6CP) negotiate: Windows calls this projection. */
	[RASDIAL_PPP_PHASE_NETWORK] = { 1, { RASDIAL_RASCS_AuthProject } },
	/* Authentication is over (2.4.9 runs it for the dialing side too). */
	[RASDIAL_PPP_NOTIFY_AUTH_UP] = { 1, { RASDIAL_RASCS_Authenticated } },
	/* IPCP is up: projection result known, the link is usable. */
	[RASDIAL_PPP_NOTIFY_IP_UP] = {
		2, { RASDIAL_RASCS_Projected, RASDIAL_RASCS_Connected } },
	/* IPv6CP is up: the same for an IPv6-only link. */
	[RASDIAL_PPP_NOTIFY_IPV6_UP] = {
		2, { RASDIAL_RASCS_Projected, RASDIAL_RASCS_Connected } },
};

unsigned int rasdial_ppp_states(int phase_or_notifier,
				uint32_t states[RASDIAL_PPP_MAX_STATES])
{
	const struct rasdial_state_row *row;
	unsigned int i;

	if (phase_or_notifier < 0 ||
	    (unsigned int)phase_or_notifier >= RASDIAL_ARRAY_SIZE(rasdial_state_rows))
		return 0;
	row = &rasdial_state_rows[phase_or_notifier];
	for (i = 0; i < row->n; i++)
		states[i] = row->states[i];
	return row->n;
}

struct rasdial_exit_row {
	uint32_t error;		/* the dial failed before RASCS_Connected */
	uint32_t connected;	/* the link had been connected; 0: as error */
	uint32_t network;	/* died in NETWORK/RUNNING, not connected; 0: as error */
	/*
	 * The status is set on purpose, so it stands even when the link died
	 * in AUTHENTICATE (where any other status is a clobbered auth failure).
	 */
	unsigned char keep_in_auth;
};

/* Rows left out (none today, or a status from a newer pppd) give 635. */
static const struct rasdial_exit_row rasdial_exit_rows[] = {
	/*
	 * pppd sets OK at np_up: only the peer ending a running link keeps it
	 * (its LCP Terminate-Request, when our side ends LCP before the line
	 * closes; else HANGUP below).  Link drops: docs/mapping.md and
	 * tests/vm/drops.c.
	 */
	[RASDIAL_PPP_EXIT_OK] = {
		.error = RASDIAL_ERROR_PORT_DISCONNECTED,
		.connected = RASDIAL_ERROR_REMOTE_DISCONNECTION },
	/* An internal pppd failure: nothing more specific to say. */
	[RASDIAL_PPP_EXIT_FATAL_ERROR] = { .error = RASDIAL_ERROR_UNKNOWN },
	/* Bad options or peers file; the shim checks entries beforehand. */
	[RASDIAL_PPP_EXIT_OPTION_ERROR] = { .error = RASDIAL_ERROR_UNKNOWN },
	/* pppd is not setuid root or the caller may not use it. */
	[RASDIAL_PPP_EXIT_NOT_ROOT] = { .error = RASDIAL_ERROR_UNKNOWN },
	/* No PPP in the kernel: a local setup problem. */
	[RASDIAL_PPP_EXIT_NO_KERNEL_SUPPORT] = {
		.error = RASDIAL_ERROR_UNKNOWN },
	/* SIGTERM/SIGINT/SIGHUP: RasHangUp (HANGUP -> SIGTERM) or an admin. */
	[RASDIAL_PPP_EXIT_USER_REQUEST] = {
		.error = RASDIAL_ERROR_USER_DISCONNECTION, .keep_in_auth = 1 },
	/*
	 * Another process holds the device's UUCP lock: Windows says 633 for
	 * a modem another program has open (602 is RAS's own port state).
	 */
	[RASDIAL_PPP_EXIT_LOCK_FAILED] = {
		.error = RASDIAL_ERROR_PORT_NOT_AVAILABLE },
	/*
	 * open() of the device failed: its node is there (pppd rejects a
	 * missing path as an option error) but no device answers it, as for
	 * an unplugged USB modem: "the modem was not found".
	 */
	[RASDIAL_PPP_EXIT_OPEN_FAILED] = {
		.error = RASDIAL_ERROR_CONNECTING_DEVICE_NOT_FOUND },
	/*
	 * The connect script failed.  pppd drops chat's reason; the plugin
	 * refines it with rasdial_chat_error() when rasdial-connect ran chat.
	 * Without that, the call most likely went unanswered.
	 */
	[RASDIAL_PPP_EXIT_CONNECT_FAILED] = {
		.error = RASDIAL_ERROR_NO_ANSWER },
	/* The pty command (pppoe, l2tp helper, ...) failed. */
	[RASDIAL_PPP_EXIT_PTYCMD_FAILED] = { .error = RASDIAL_ERROR_UNKNOWN },
	/*
	 * pppd presets it when LCP starts.  LCP never opened: its only way
	 * to give up is max-configure Configure-Requests without an Ack, so
	 * the peer did not answer in time.  With LCP up but not connected,
	 * no network protocol came up (all rejected or failed).  A connected
	 * link that ends with it had LCP terminated.
	 */
	[RASDIAL_PPP_EXIT_NEGOTIATION_FAILED] = {
		.error = RASDIAL_ERROR_PPP_TIMEOUT,
		.network = RASDIAL_ERROR_PPP_NO_PROTOCOLS_CONFIGURED,
		.connected = RASDIAL_ERROR_PPP_LCP_TERMINATED },
	/* The server failed our check of it (we required auth). */
	[RASDIAL_PPP_EXIT_PEER_AUTH_FAILED] = {
		.error = RASDIAL_ERROR_UNABLE_TO_AUTHENTICATE_SERVER,
		.keep_in_auth = 1 },
	/* "idle" limit reached. */
	[RASDIAL_PPP_EXIT_IDLE_TIMEOUT] = {
		.error = RASDIAL_ERROR_IDLE_TIMEOUT },
	/*
	 * "maxconnect" limit reached: a timed-out session of our own side.
	 * RAS has no closer code (635 says nothing, 629 blames the peer).
	 */
	[RASDIAL_PPP_EXIT_CONNECT_TIME] = {
		.error = RASDIAL_ERROR_IDLE_TIMEOUT },
	/* Hung up for a CBCP callback; pppd goes on waiting for the call. */
	[RASDIAL_PPP_EXIT_CALLBACK] = { .error = RASDIAL_ERROR_UNKNOWN },
	/*
	 * LCP echoes went unanswered: link failure once up ("disconnected
	 * due to link failure"), else timeout.
	 */
	[RASDIAL_PPP_EXIT_PEER_DEAD] = {
		.error = RASDIAL_ERROR_PPP_TIMEOUT,
		.connected = RASDIAL_ERROR_LINK_FAILURE },
	/*
	 * Carrier/pty lost: the remote closed a link, or never completed it.
	 * Connected: the peer's LCP Terminate followed by the line closing
	 * and a carrier drop under a running link (no Terminate) both end
	 * here: pppd cannot tell a far modem that hung up from a lost line,
	 * and 629's "closed by the remote computer" fits the usual case.
	 */
	[RASDIAL_PPP_EXIT_HANGUP] = {
		.error = RASDIAL_ERROR_PORT_DISCONNECTED,
		.connected = RASDIAL_ERROR_REMOTE_DISCONNECTION },
	/* LCP saw our own magic number: the line loops back. */
	[RASDIAL_PPP_EXIT_LOOPBACK] = {
		.error = RASDIAL_ERROR_PPP_LOOPBACK_DETECTED },
	/* The init script (modem init string) failed: the device's error. */
	[RASDIAL_PPP_EXIT_INIT_FAILED] = { .error = RASDIAL_ERROR_FROM_DEVICE },
	/* The server refused our name/password. */
	[RASDIAL_PPP_EXIT_AUTH_TOPEER_FAILED] = {
		.error = RASDIAL_ERROR_AUTHENTICATION_FAILURE },
	/* "maxoctets" limit reached: RAS has no code for a volume limit. */
	[RASDIAL_PPP_EXIT_TRAFFIC_LIMIT] = { .error = RASDIAL_ERROR_UNKNOWN },
	/* The calling number is not allowed: the call was rejected. */
	[RASDIAL_PPP_EXIT_CNID_AUTH_FAILED] = {
		.error = RASDIAL_ERROR_CONNECTION_REJECT },
};

uint32_t rasdial_ppp_exit_error(int exit_status, int died_in_phase,
				int was_connected)
{
	const struct rasdial_exit_row *row = NULL;

	if (exit_status >= 0 &&
	    (unsigned int)exit_status < RASDIAL_ARRAY_SIZE(rasdial_exit_rows))
		row = &rasdial_exit_rows[exit_status];

	/*
	 * pppd rewrites status on the way down (HANGUP on modem hangup, 10
	 * preset for the phase, ...), so a link that died while
	 * authenticating failed authentication whatever status says.
	 */
	if (!was_connected && died_in_phase == RASDIAL_PPP_PHASE_AUTHENTICATE &&
	    !(row && row->keep_in_auth))
		return RASDIAL_ERROR_AUTHENTICATION_FAILURE;

	if (!row || !row->error)
		return RASDIAL_ERROR_UNKNOWN;
	if (was_connected)
		return row->connected ? row->connected : row->error;
	if ((died_in_phase == RASDIAL_PPP_PHASE_NETWORK ||
	     died_in_phase == RASDIAL_PPP_PHASE_RUNNING) && row->network)
		return row->network;
	return row->error;
}

/*
 * Device types (RASDIAL_A_DEVICE_TYPE, RASDT_*) whose dial failing with an
 * exit status before RASCS_Connected means something more specific than
 * what the table above says for a modem.  Compared without ASCII case.
 */
static const struct {
	const char *device_type;
	int exit_status;
	uint32_t error;
} rasdial_dev_exit_rows[] = {
	/*
	 * rp-pppoe.so's discovery got no PADO (or PADS) and gave up: the
	 * broadband server does not answer, as Windows reports it.
	 */
	{ "PPPoE", RASDIAL_PPP_EXIT_CONNECT_FAILED,
	  RASDIAL_ERROR_BROADBAND_TIMEOUT },
};

/* The first LEN bytes of A equal B (of length LEN), ASCII case ignored. */
static int rasdial_ascii_eq_n(const char *a, const char *b, size_t len)
{
	for (; len; len--, a++, b++) {
		char x = *a, y = *b;

		if (x >= 'a' && x <= 'z')
			x = (char)(x - 'a' + 'A');
		if (y >= 'a' && y <= 'z')
			y = (char)(y - 'a' + 'A');
		if (x != y)
			return 0;
	}
	return 1;
}

static int rasdial_ascii_eq_nocase(const char *a, const char *b)
{
	size_t len = strlen(b);

	return strlen(a) == len && rasdial_ascii_eq_n(a, b, len);
}

uint32_t rasdial_ppp_exit_error_dev(int exit_status, int died_in_phase,
				    int was_connected, const char *device_type)
{
	unsigned int i;

	if (!was_connected && device_type)
		for (i = 0; i < RASDIAL_ARRAY_SIZE(rasdial_dev_exit_rows); i++)
			if (rasdial_dev_exit_rows[i].exit_status == exit_status &&
			    rasdial_ascii_eq_nocase(device_type,
						    rasdial_dev_exit_rows[i].device_type))
				return rasdial_dev_exit_rows[i].error;
	return rasdial_ppp_exit_error(exit_status, died_in_phase,
				      was_connected);
}

/*
 * chat's ABORT strings (what a Hayes modem answers ATD with when the call
 * fails) -> dwError.  Compared without case and surrounding white space.
 */
static const struct {
	const char *abort;
	uint32_t error;
} rasdial_abort_rows[] = {
	/* The called line is engaged. */
	{ "BUSY", RASDIAL_ERROR_LINE_BUSY },
	/* The far end did not answer with a carrier (or lost it). */
	{ "NO CARRIER", RASDIAL_ERROR_NO_CARRIER },
	/* Our line gave no dial tone: unplugged or in use. */
	{ "NO DIALTONE", RASDIAL_ERROR_NO_DIALTONE },
	/* The same in the spelling of some modems. */
	{ "NO DIAL TONE", RASDIAL_ERROR_NO_DIALTONE },
	/* The called line rang out (quiet answer detection, @ in ATD). */
	{ "NO ANSWER", RASDIAL_ERROR_NO_ANSWER },
	/* A person answered (modems with voice detection). */
	{ "VOICE", RASDIAL_ERROR_VOICE_ANSWER },
	/* The modem rejected a command of the chat script. */
	{ "ERROR", RASDIAL_ERROR_FROM_DEVICE },
};

/* chat's own exit statuses below 4 (chat(8)) -> dwError. */
static const uint32_t rasdial_chat_exit_rows[] = {
	/* 0: the script ended with the expected CONNECT: no error. */
	[0] = 0,
	/* 1: bad chat arguments or script: the connect line is wrong. */
	[1] = RASDIAL_ERROR_SCRIPT_SYNTAX,
	/* 2: a read or write on the line failed, or chat got a signal. */
	[2] = RASDIAL_ERROR_PORT_OR_DEVICE,
	/* 3: an expect string timed out: the modem or the call is silent. */
	[3] = RASDIAL_ERROR_NO_ANSWER,
};

static int rasdial_ascii_eq_trim(const char *a, const char *b)
{
	const char *end;

	while (*a == ' ' || *a == '\t' || *a == '\r' || *a == '\n')
		a++;
	end = a + strlen(a);
	while (end > a && (end[-1] == ' ' || end[-1] == '\t' ||
			   end[-1] == '\r' || end[-1] == '\n'))
		end--;
	return (size_t)(end - a) == strlen(b) &&
	       rasdial_ascii_eq_n(a, b, (size_t)(end - a));
}

uint32_t rasdial_chat_error(int chat_exit, const char *abort_string)
{
	unsigned int i;

	if (chat_exit < 0)
		return 0;
	if ((unsigned int)chat_exit < RASDIAL_ARRAY_SIZE(rasdial_chat_exit_rows))
		return rasdial_chat_exit_rows[chat_exit];
	/* 4 + n: the nth ABORT string matched; 128 + n: killed by signal n. */
	if (chat_exit >= 128)
		return 0;
	if (abort_string)
		for (i = 0; i < RASDIAL_ARRAY_SIZE(rasdial_abort_rows); i++)
			if (rasdial_ascii_eq_trim(abort_string,
						  rasdial_abort_rows[i].abort))
				return rasdial_abort_rows[i].error;
	/* Some other ABORT string: the modem said the call failed. */
	return RASDIAL_ERROR_FROM_DEVICE;
}

uint32_t rasdial_ppp_end(const struct rasdial_ppp_end_info *end,
			 uint32_t *state)
{
	int st = end->exit_status;
	uint32_t error, chat;

	/*
	 * RasHangUp (SIGTERM) can clobber status with HANGUP (or a killed
	 * chat with CONNECT_FAILED) on the way down: a user request, unless
	 * the link was already going down for a reason of its own when the
	 * signal came (xl2tpd stops its pppd when the LNS closes the call
	 * after our authentication failed): that reason stands.
	 */
	if (end->hung_up && end->down_status >= 0 && !end->down_on_sig &&
	    end->down_status != RASDIAL_PPP_EXIT_OK &&
	    end->down_status != RASDIAL_PPP_EXIT_USER_REQUEST &&
	    end->down_status != RASDIAL_PPP_EXIT_HANGUP)
		st = end->down_status;
	else if (end->hung_up)
		st = RASDIAL_PPP_EXIT_USER_REQUEST;
	/*
	 * Else a USER_REQUEST came from SIGHUP, which pppd counts as one:
	 * the modem's hang-up raises it on pppd's controlling tty, often
	 * before pppd reads the EOF (our hang-ups are SIGTERM/SIGINT).
	 */
	else if (st == RASDIAL_PPP_EXIT_USER_REQUEST)
		st = RASDIAL_PPP_EXIT_HANGUP;
	/*
	 * A modem hangup on the way down overwrites status with HANGUP:
	 * the status the link started to go down with says why it did.
	 */
	if (!end->hung_up && st == RASDIAL_PPP_EXIT_HANGUP &&
	    end->down_status >= 0 && end->down_status != RASDIAL_PPP_EXIT_OK &&
	    end->down_status != RASDIAL_PPP_EXIT_USER_REQUEST)
		st = end->down_status;
	error = rasdial_ppp_exit_error_dev(st, end->died_in_phase,
					   end->was_connected,
					   end->device_type);
	/* The connect script failed: chat's own reason, when known. */
	if (st == RASDIAL_PPP_EXIT_CONNECT_FAILED && !end->was_connected) {
		chat = rasdial_chat_error(end->chat_exit,
					  end->chat_abort && end->chat_abort[0] ?
					  end->chat_abort : NULL);
		if (chat)
			error = chat;
	}
	*state = end->was_connected || st == RASDIAL_PPP_EXIT_USER_REQUEST ?
		 RASDIAL_RASCS_Disconnected : end->last_state;
	return error;
}
