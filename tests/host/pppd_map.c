// SPDX-License-Identifier: GPL-2.0
/*
 * common/pppd-map.c: every row of its tables (pppd phase/notifier ->
 * RASCONNSTATE, pppd exit status + phase + connected -> RAS dwError,
 * chat exit status + ABORT string -> RAS dwError), and ras-codes.h's
 * numbers against the public headers.
 */
/*
 * Compiled in under other names: the -asan build links the shim's own
 * copy too, and librasdial.so does not export these.
 */
#define rasdial_ppp_states	test_rasdial_ppp_states
#define rasdial_ppp_exit_error	test_rasdial_ppp_exit_error
#define rasdial_chat_error	test_rasdial_chat_error
#define rasdial_ppp_exit_error_dev	test_rasdial_ppp_exit_error_dev
#define rasdial_ppp_end		test_rasdial_ppp_end
#include "../../common/pppd-map.c"

/* Every code of every WINVER, as ras-codes.h has them. */
#define RASDIAL_ALL_ERROR_CODES
#include <rasdial/ras.h>
#include <rasdial/raserror.h>

/* ras-codes.h (the plugin's and the tables' copy) is the public values. */
#define SAME(name) _Static_assert(RASDIAL_##name == name, #name)
SAME(RASCS_OpenPort);
SAME(RASCS_PortOpened);
SAME(RASCS_ConnectDevice);
SAME(RASCS_DeviceConnected);
SAME(RASCS_AllDevicesConnected);
SAME(RASCS_Authenticate);
SAME(RASCS_AuthProject);
SAME(RASCS_Authenticated);
SAME(RASCS_PrepareForCallback);
SAME(RASCS_WaitForCallback);
SAME(RASCS_Projected);
SAME(RASCS_Connected);
SAME(RASCS_Disconnected);
SAME(ERROR_PORT_DISCONNECTED);
SAME(ERROR_REMOTE_DISCONNECTION);
SAME(ERROR_USER_DISCONNECTION);
SAME(ERROR_PORT_NOT_AVAILABLE);
SAME(ERROR_UNKNOWN);
SAME(ERROR_FROM_DEVICE);
SAME(ERROR_LINE_BUSY);
SAME(ERROR_VOICE_ANSWER);
SAME(ERROR_NO_ANSWER);
SAME(ERROR_NO_CARRIER);
SAME(ERROR_NO_DIALTONE);
SAME(ERROR_AUTHENTICATION_FAILURE);
SAME(ERROR_PORT_OR_DEVICE);
SAME(ERROR_PPP_TIMEOUT);
SAME(ERROR_PPP_NO_PROTOCOLS_CONFIGURED);
SAME(ERROR_PPP_LCP_TERMINATED);
SAME(ERROR_PPP_LOOPBACK_DETECTED);
SAME(ERROR_SCRIPT_SYNTAX);
SAME(ERROR_CONNECTION_REJECT);
SAME(ERROR_UNABLE_TO_AUTHENTICATE_SERVER);
SAME(ERROR_CONNECTING_DEVICE_NOT_FOUND);
SAME(ERROR_BROADBAND_TIMEOUT);
SAME(ERROR_IDLE_TIMEOUT);
SAME(ERROR_LINK_FAILURE);
SAME(RASLCPAP_PAP);
SAME(RASLCPAP_CHAP);
SAME(RASLCPAP_EAP);
SAME(RASLCPAD_CHAP_MD5);
SAME(RASLCPAD_CHAP_MS);
SAME(RASLCPAD_CHAP_MSV2);
SAME(RASLCPO_PFC);
SAME(RASLCPO_ACFC);

#include "kselftest_harness.h"


enum { P_DEAD, P_INIT, P_SERIAL, P_DORMANT, P_ESTAB, P_AUTH, P_CALLBACK,
       P_NETWORK, P_RUNNING, P_TERM, P_DISC, P_HOLDOFF, P_MASTER };

struct state_case {
	int ev;
	unsigned int n;
	uint32_t st[RASDIAL_PPP_MAX_STATES];
};

/* design.md "Mappings", written out again by hand. */
static const struct state_case state_cases[] = {
	{ P_DEAD, 0, { 0 } },
	{ P_INIT, 1, { RASCS_OpenPort } },
	{ P_SERIAL, 2, { RASCS_PortOpened, RASCS_ConnectDevice } },
	{ P_DORMANT, 0, { 0 } },
	{ P_ESTAB, 2, { RASCS_DeviceConnected, RASCS_AllDevicesConnected } },
	{ P_AUTH, 1, { RASCS_Authenticate } },
	{ P_CALLBACK, 2, { RASCS_PrepareForCallback, RASCS_WaitForCallback } },
	{ P_NETWORK, 1, { RASCS_AuthProject } },
	{ P_RUNNING, 0, { 0 } },
	{ P_TERM, 0, { 0 } },
	{ P_DISC, 0, { 0 } },
	{ P_HOLDOFF, 0, { 0 } },
	{ P_MASTER, 0, { 0 } },
	{ RASDIAL_PPP_NOTIFY_AUTH_UP, 1, { RASCS_Authenticated } },
	{ RASDIAL_PPP_NOTIFY_IP_UP, 2, { RASCS_Projected, RASCS_Connected } },
	{ RASDIAL_PPP_NOTIFY_IPV6_UP, 2, { RASCS_Projected, RASCS_Connected } },
	/* Not phases nor notifiers. */
	{ -1, 0, { 0 } },
	{ 13, 0, { 0 } },
	{ 15, 0, { 0 } },
	{ __RASDIAL_PPP_EVENT_LAST, 0, { 0 } },
	{ 1000, 0, { 0 } },
};

TEST(phase_to_states)
{
	unsigned int i, j, n;

	for (i = 0; i < ARRAY_SIZE(state_cases); i++) {
		const struct state_case *c = &state_cases[i];
		uint32_t st[RASDIAL_PPP_MAX_STATES] = { 0xdead, 0xdead };

		n = test_rasdial_ppp_states(c->ev, st);
		EXPECT_EQ(c->n, n) TH_LOG("event %d", c->ev);
		for (j = 0; j < c->n && j < n; j++)
			EXPECT_EQ(c->st[j], st[j])
				TH_LOG("event %d, state %u", c->ev, j);
		/* Nothing written past what it returned. */
		for (j = n; j < RASDIAL_PPP_MAX_STATES; j++)
			EXPECT_EQ(0xdeadu, st[j]) TH_LOG("event %d", c->ev);
	}
}

/* pppd's exit status and the phase names from pppd-map.h agree with pppd's. */
TEST(enum_values)
{
	EXPECT_EQ(0, RASDIAL_PPP_PHASE_DEAD);
	EXPECT_EQ(5, RASDIAL_PPP_PHASE_AUTHENTICATE);
	EXPECT_EQ(12, RASDIAL_PPP_PHASE_MASTER);
	EXPECT_EQ(5, RASDIAL_PPP_EXIT_USER_REQUEST);
	EXPECT_EQ(16, RASDIAL_PPP_EXIT_HANGUP);
	EXPECT_EQ(19, RASDIAL_PPP_EXIT_AUTH_TOPEER_FAILED);
	EXPECT_EQ(21, RASDIAL_PPP_EXIT_CNID_AUTH_FAILED);
}

struct exit_case {
	int status;
	uint32_t before;	/* died in ESTABLISH (LCP), never connected */
	uint32_t network;	/* died in NETWORK, never connected */
	uint32_t connected;	/* died in RUNNING after Connected */
};

/* design.md "Mappings" (pppd exit status -> RAS), one line per status. */
static const struct exit_case exit_cases[] = {
	{ 0, 619, 619, 629 },		/* OK: peer ended a running link */
	{ 1, 635, 635, 635 },		/* FATAL_ERROR */
	{ 2, 635, 635, 635 },		/* OPTION_ERROR */
	{ 3, 635, 635, 635 },		/* NOT_ROOT */
	{ 4, 635, 635, 635 },		/* NO_KERNEL_SUPPORT */
	{ 5, 631, 631, 631 },		/* USER_REQUEST */
	{ 6, 633, 633, 633 },		/* LOCK_FAILED */
	{ 7, 797, 797, 797 },		/* OPEN_FAILED */
	{ 8, 678, 678, 678 },		/* CONNECT_FAILED */
	{ 9, 635, 635, 635 },		/* PTYCMD_FAILED */
	{ 10, 718, 720, 734 },		/* NEGOTIATION_FAILED */
	{ 11, 778, 778, 778 },		/* PEER_AUTH_FAILED */
	{ 12, 828, 828, 828 },		/* IDLE_TIMEOUT */
	{ 13, 828, 828, 828 },		/* CONNECT_TIME */
	{ 14, 635, 635, 635 },		/* CALLBACK */
	{ 15, 718, 718, 829 },		/* PEER_DEAD */
	{ 16, 619, 619, 629 },		/* HANGUP */
	{ 17, 737, 737, 737 },		/* LOOPBACK */
	{ 18, 651, 651, 651 },		/* INIT_FAILED */
	{ 19, 691, 691, 691 },		/* AUTH_TOPEER_FAILED */
	{ 20, 635, 635, 635 },		/* TRAFFIC_LIMIT */
	{ 21, 770, 770, 770 },		/* CNID_AUTH_FAILED */
	{ 22, 635, 635, 635 },		/* a newer pppd's status */
	{ -1, 635, 635, 635 },
	{ 255, 635, 635, 635 },
};

TEST(exit_status_to_error)
{
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(exit_cases); i++) {
		const struct exit_case *c = &exit_cases[i];

		EXPECT_EQ(c->before,
			  test_rasdial_ppp_exit_error(c->status, P_ESTAB, 0))
			TH_LOG("status %d in ESTABLISH", c->status);
		EXPECT_EQ(c->network,
			  test_rasdial_ppp_exit_error(c->status, P_NETWORK, 0))
			TH_LOG("status %d in NETWORK", c->status);
		EXPECT_EQ(c->connected,
			  test_rasdial_ppp_exit_error(c->status, P_RUNNING, 1))
			TH_LOG("status %d after Connected", c->status);
	}
}

/* RUNNING without Connected (np_up came, ip_up not yet) counts as NETWORK. */
TEST(running_not_connected)
{
	EXPECT_EQ(720u, test_rasdial_ppp_exit_error(10, P_RUNNING, 0));
	EXPECT_EQ(619u, test_rasdial_ppp_exit_error(16, P_RUNNING, 0));
	EXPECT_EQ(718u, test_rasdial_ppp_exit_error(15, P_RUNNING, 0));
}

/* A link that died authenticating failed authentication, whatever status. */
TEST(died_in_authenticate)
{
	static const struct { int status; uint32_t error; } c[] = {
		{ 16, 691 },	/* HANGUP: the clobbering design.md names */
		{ 10, 691 },	/* NEGOTIATION_FAILED: preset during auth */
		{ 8, 691 },	/* CONNECT_FAILED: seen in the wild */
		{ 19, 691 },	/* AUTH_TOPEER_FAILED: the honest one */
		{ 15, 691 },	/* PEER_DEAD */
		{ 0, 691 },
		{ 99, 691 },
		{ 5, 631 },	/* USER_REQUEST: a hang-up stays one */
		{ 11, 778 },	/* PEER_AUTH_FAILED: the server failed ours */
	};
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(c); i++)
		EXPECT_EQ(c[i].error,
			  test_rasdial_ppp_exit_error(c[i].status, P_AUTH, 0))
			TH_LOG("status %d in AUTHENTICATE", c[i].status);
	/* Re-authentication of a connected link: status decides. */
	EXPECT_EQ(629u, test_rasdial_ppp_exit_error(16, P_AUTH, 1));
	EXPECT_EQ(691u, test_rasdial_ppp_exit_error(19, P_AUTH, 1));
}

/* What the shim maps itself: pppd exited before its plugin reported. */
TEST(exit_before_dialing)
{
	EXPECT_EQ(635u, test_rasdial_ppp_exit_error(2, P_INIT, 0));
	EXPECT_EQ(633u, test_rasdial_ppp_exit_error(6, P_INIT, 0));
	EXPECT_EQ(797u, test_rasdial_ppp_exit_error(7, P_SERIAL, 0));
	EXPECT_EQ(678u, test_rasdial_ppp_exit_error(8, P_SERIAL, 0));
	EXPECT_EQ(651u, test_rasdial_ppp_exit_error(18, P_SERIAL, 0));
	EXPECT_EQ(631u, test_rasdial_ppp_exit_error(5, P_SERIAL, 0));
}

/* Never 0: a failure report must carry an error. */
TEST(never_zero)
{
	int s, p, c;

	for (s = -2; s < 40; s++)
		for (p = -1; p < 20; p++)
			for (c = 0; c < 2; c++)
				ASSERT_NE(0u, test_rasdial_ppp_exit_error(s, p, c))
					TH_LOG("status %d phase %d connected %d",
					       s, p, c);
}

/* chat's result as rasdial-connect reports it. */
TEST(chat_result_to_error)
{
	static const struct { int exit; const char *abort; uint32_t error; } c[] = {
		{ 0, NULL, 0 },			/* CONNECT: no error */
		{ 1, NULL, 752 },		/* bad arguments or script */
		{ 2, NULL, 692 },		/* I/O error, signal */
		{ 3, NULL, 678 },		/* timeout */
		{ 4, "BUSY", 676 },
		{ 5, "NO CARRIER", 679 },
		{ 6, "NO DIALTONE", 680 },
		{ 6, "NO DIAL TONE", 680 },
		{ 7, "NO ANSWER", 678 },
		{ 8, "ERROR", 651 },
		{ 9, "VOICE", 677 },
		{ 4, "busy", 676 },		/* case does not matter */
		{ 4, " BUSY\r", 676 },		/* nor white space */
		{ 4, "\r\nBUSY\r\n", 676 },
		{ 10, "BLACKLISTED", 651 },	/* an ABORT string we do not know */
		{ 10, NULL, 651 },		/* the string is unknown */
		{ 4, "BUSYX", 651 },
		{ -1, NULL, 0 },		/* no report */
		{ 128 + 15, NULL, 0 },		/* killed (hang-up) */
	};
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(c); i++)
		EXPECT_EQ(c[i].error, test_rasdial_chat_error(c[i].exit, c[i].abort))
			TH_LOG("chat %d %s", c[i].exit, c[i].abort ? c[i].abort : "-");
}

/* Per device type: only PPPoE's unanswered discovery differs today. */
TEST(device_type_refines)
{
	static const struct {
		int exit, phase, connected;
		const char *type;
		uint32_t error;
	} c[] = {
		{ 8, P_SERIAL, 0, "PPPoE", 815 },	/* no PADO: broadband timeout */
		{ 8, P_SERIAL, 0, "pppoe", 815 },	/* case does not matter */
		{ 8, P_SERIAL, 0, "modem", 678 },	/* a modem's call unanswered */
		{ 8, P_SERIAL, 0, NULL, 678 },
		{ 8, P_SERIAL, 0, "", 678 },
		{ 8, P_SERIAL, 0, "PPPoEx", 678 },
		{ 19, P_AUTH, 0, "PPPoE", 691 },	/* other statuses as for a modem */
		{ 16, P_RUNNING, 1, "PPPoE", 629 },
		{ 8, P_RUNNING, 1, "PPPoE", 678 },	/* connected: not a timeout */
	};
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(c); i++)
		EXPECT_EQ(c[i].error,
			  test_rasdial_ppp_exit_error_dev(c[i].exit, c[i].phase,
							  c[i].connected, c[i].type))
			TH_LOG("status %d type %s", c[i].exit, c[i].type ? c[i].type : "NULL");
}

/* How an attempt ended -> the failure report's error and state. */
TEST(end_of_link)
{
	static const struct {
		const char *what;
		int status, down, down_on_sig, hung_up, phase, connected;
		uint32_t last;
		const char *type;
		int chat;
		const char *abort;
		uint32_t error, state;
	} c[] = {
		{ "RasHangUp while dialing: pppd's HANGUP is a user request",
		  16, -1, 0, 1, P_ESTAB, 0, RASCS_DeviceConnected, "modem",
		  -1, NULL, 631, RASCS_Disconnected },
		{ "RasHangUp killed chat: not chat's failure",
		  8, -1, 0, 1, P_SERIAL, 0, RASCS_ConnectDevice, "modem",
		  128 + 15, NULL, 631, RASCS_Disconnected },
		{ "hung up after the link went down on its own: that reason",
		  5, 19, 0, 1, P_AUTH, 0, RASCS_Authenticate, "vpn",
		  -1, NULL, 691, RASCS_Authenticate },
		{ "going down because of our hang-up: a user request",
		  5, 10, 1, 1, P_NETWORK, 0, RASCS_AuthProject, "modem",
		  -1, NULL, 631, RASCS_Disconnected },
		{ "hung up while going down for HANGUP: still ours",
		  16, 16, 0, 1, P_RUNNING, 1, RASCS_Connected, "modem",
		  -1, NULL, 631, RASCS_Disconnected },
		{ "SIGHUP (carrier loss) counts as the modem's hang-up",
		  5, -1, 0, 0, P_RUNNING, 1, RASCS_Connected, "modem",
		  -1, NULL, 629, RASCS_Disconnected },
		{ "modem hang-up clobbered NEGOTIATION_FAILED: that stands",
		  16, 10, 0, 0, P_ESTAB, 0, RASCS_AllDevicesConnected, "modem",
		  -1, NULL, 718, RASCS_AllDevicesConnected },
		{ "modem hang-up going down for a user request: a hang-up",
		  16, 5, 0, 0, P_RUNNING, 1, RASCS_Connected, "modem",
		  -1, NULL, 629, RASCS_Disconnected },
		{ "chat's ABORT BUSY", 8, -1, 0, 0, P_SERIAL, 0,
		  RASCS_ConnectDevice, "modem", 4, "BUSY", 676,
		  RASCS_ConnectDevice },
		{ "chat timed out", 8, -1, 0, 0, P_SERIAL, 0,
		  RASCS_ConnectDevice, "modem", 3, "", 678,
		  RASCS_ConnectDevice },
		{ "no chat report: the table's 678", 8, -1, 0, 0, P_SERIAL, 0,
		  RASCS_ConnectDevice, "modem", -1, "", 678,
		  RASCS_ConnectDevice },
		{ "PPPoE discovery unanswered", 8, -1, 0, 0, P_SERIAL, 0,
		  RASCS_ConnectDevice, "PPPoE", -1, NULL, 815,
		  RASCS_ConnectDevice },
		{ "authentication refused", 19, 19, 0, 0, P_AUTH, 0,
		  RASCS_Authenticate, "modem", -1, NULL, 691,
		  RASCS_Authenticate },
	};
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(c); i++) {
		struct rasdial_ppp_end_info e = {
			.exit_status = c[i].status,
			.down_status = c[i].down,
			.down_on_sig = c[i].down_on_sig,
			.hung_up = c[i].hung_up,
			.died_in_phase = c[i].phase,
			.was_connected = c[i].connected,
			.last_state = c[i].last,
			.device_type = c[i].type,
			.chat_exit = c[i].chat,
			.chat_abort = c[i].abort,
		};
		uint32_t state = 0xdead;

		EXPECT_EQ(c[i].error, test_rasdial_ppp_end(&e, &state))
			TH_LOG("%s", c[i].what);
		EXPECT_EQ(c[i].state, state)
			TH_LOG("%s", c[i].what);
	}
}

/* Every input gives an error and one of the two states it may report. */
TEST(end_never_zero)
{
	struct rasdial_ppp_end_info e = {
		.last_state = RASCS_Authenticate, .chat_exit = -1,
	};
	uint32_t state;

	for (e.exit_status = -1; e.exit_status < 25; e.exit_status++)
		for (e.down_status = -1; e.down_status < 25; e.down_status++)
			for (e.died_in_phase = 0; e.died_in_phase < 13;
			     e.died_in_phase++)
				for (e.hung_up = 0; e.hung_up < 2; e.hung_up++)
					for (e.was_connected = 0;
					     e.was_connected < 2;
					     e.was_connected++) {
						ASSERT_NE(0u, test_rasdial_ppp_end(&e, &state));
						ASSERT_TRUE(state == RASCS_Authenticate ||
							    state == RASCS_Disconnected);
						if (e.was_connected)
							ASSERT_EQ(RASCS_Disconnected, state);
					}
}

TEST_HARNESS_MAIN
