// SPDX-License-Identifier: GPL-2.0
/*
 * librasdial's public API on the host, where there is no rasdial.ko:
 * header values and layouts (x86_64 numbers of shared/reference.md §3),
 * RasGetErrorString for every code, and every argument check that needs
 * no kernel.  A missing "rasdial" family is ERROR_RASMAN_CANNOT_INITIALIZE
 * for RasDial and RasEnumConnections, ERROR_INVALID_HANDLE for a handle.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define RASDIAL_ALL_ERROR_CODES
#include <rasdial/rasdial.h>

#include "kselftest_harness.h"
#include "hosttest.h"

HT_KERNEL_RELAY_ONLY()

#define OFF(type, field) offsetof(type, field)

TEST(winver_default)
{
	ASSERT_EQ(0x0600, WINVER);
}

TEST(struct_sizes)
{
	EXPECT_EQ(1064u, sizeof(RASDIALPARAMSA));
	EXPECT_EQ(724u, sizeof(RASCONNA));
	EXPECT_EQ(288u, sizeof(RASCONNSTATUSA));
	EXPECT_EQ(44u, sizeof(RASDIALEXTENSIONS));
	EXPECT_EQ(532u, sizeof(RASENTRYNAMEA));
	EXPECT_EQ(48u, sizeof(RASPPPIPA));
	EXPECT_EQ(60u, sizeof(RAS_STATS));
	EXPECT_EQ(28u, sizeof(RASPPPIPV6));
	/* The 0x501 RASCONNA is the 0x600 one without guidCorrelationId. */
	EXPECT_EQ(708u, OFF(RASCONNA, guidCorrelationId));
	/* Unsuffixed names are the A variants. */
	EXPECT_EQ(sizeof(RASDIALPARAMSA), sizeof(RASDIALPARAMS));
	EXPECT_EQ(sizeof(RASCONNA), sizeof(RASCONN));
	EXPECT_EQ(sizeof(RASCONNSTATUSA), sizeof(RASCONNSTATUS));
	EXPECT_EQ(sizeof(RASENTRYNAMEA), sizeof(RASENTRYNAME));
	EXPECT_EQ(sizeof(RASPPPIPA), sizeof(RASPPPIP));
	EXPECT_EQ(4u, sizeof(DWORD));
	EXPECT_EQ(sizeof(void *), sizeof(HRASCONN));
	EXPECT_EQ(sizeof(void *), sizeof(ULONG_PTR));
}

TEST(field_offsets)
{
	EXPECT_EQ(0u, OFF(RASDIALPARAMSA, dwSize));
	EXPECT_EQ(4u, OFF(RASDIALPARAMSA, szEntryName));
	EXPECT_EQ(261u, OFF(RASDIALPARAMSA, szPhoneNumber));
	EXPECT_EQ(390u, OFF(RASDIALPARAMSA, szCallbackNumber));
	EXPECT_EQ(519u, OFF(RASDIALPARAMSA, szUserName));
	EXPECT_EQ(776u, OFF(RASDIALPARAMSA, szPassword));
	EXPECT_EQ(1033u, OFF(RASDIALPARAMSA, szDomain));
	EXPECT_EQ(1052u, OFF(RASDIALPARAMSA, dwSubEntry));
	EXPECT_EQ(1056u, OFF(RASDIALPARAMSA, dwCallbackId));

	EXPECT_EQ(4u, OFF(RASCONNA, hrasconn));	/* pack(4): not 8 */
	EXPECT_EQ(12u, OFF(RASCONNA, szEntryName));
	EXPECT_EQ(269u, OFF(RASCONNA, szDeviceType));
	EXPECT_EQ(286u, OFF(RASCONNA, szDeviceName));
	EXPECT_EQ(415u, OFF(RASCONNA, szPhonebook));
	EXPECT_EQ(676u, OFF(RASCONNA, dwSubEntry));
	EXPECT_EQ(680u, OFF(RASCONNA, guidEntry));
	EXPECT_EQ(696u, OFF(RASCONNA, dwFlags));
	EXPECT_EQ(700u, OFF(RASCONNA, luid));

	EXPECT_EQ(4u, OFF(RASCONNSTATUSA, rasconnstate));
	EXPECT_EQ(8u, OFF(RASCONNSTATUSA, dwError));
	EXPECT_EQ(12u, OFF(RASCONNSTATUSA, szDeviceType));
	EXPECT_EQ(29u, OFF(RASCONNSTATUSA, szDeviceName));
	EXPECT_EQ(158u, OFF(RASCONNSTATUSA, szPhoneNumber));

	EXPECT_EQ(4u, OFF(RASDIALEXTENSIONS, dwfOptions));
	EXPECT_EQ(8u, OFF(RASDIALEXTENSIONS, hwndParent));
	EXPECT_EQ(16u, OFF(RASDIALEXTENSIONS, reserved));
	EXPECT_EQ(24u, OFF(RASDIALEXTENSIONS, reserved1));
	EXPECT_EQ(32u, OFF(RASDIALEXTENSIONS, RasEapInfo));

	EXPECT_EQ(264u, OFF(RASENTRYNAMEA, dwFlags));
	EXPECT_EQ(268u, OFF(RASENTRYNAMEA, szPhonebookPath));
	EXPECT_EQ(24u, OFF(RASPPPIPA, szServerIpAddress));
	EXPECT_EQ(40u, OFF(RASPPPIPA, dwOptions));
	EXPECT_EQ(56u, OFF(RAS_STATS, dwConnectDuration));
}

TEST(limits_and_constants)
{
	EXPECT_EQ(256, RAS_MaxEntryName);
	EXPECT_EQ(128, RAS_MaxPhoneNumber);
	EXPECT_EQ(128, RAS_MaxCallbackNumber);
	EXPECT_EQ(16, RAS_MaxDeviceType);
	EXPECT_EQ(128, RAS_MaxDeviceName);
	EXPECT_EQ(15, RAS_MaxIpAddress);
	EXPECT_EQ(256, UNLEN);
	EXPECT_EQ(256, PWLEN);
	EXPECT_EQ(15, DNLEN);
	EXPECT_EQ(260, MAX_PATH);
	EXPECT_EQ(0xCCCD, WM_RASDIALEVENT);
	EXPECT_STREQ("RasDialEvent", RASDIALEVENT);
	EXPECT_EQ(0x1, RDEOPT_UsePrefixSuffix);
	EXPECT_EQ(0x2, RDEOPT_PausedStates);
	EXPECT_EQ(0x200, RDEOPT_NoUser);
	EXPECT_EQ(0x800, RDEOPT_Router);
	EXPECT_EQ(0x1000, RDEOPT_CustomDial);
	EXPECT_EQ(0x2000, RDEOPT_UseCustomScripting);
	EXPECT_EQ(0x10000, RASP_Amb);
	EXPECT_EQ(0x803F, RASP_PppNbf);
	EXPECT_EQ(0x802B, RASP_PppIpx);
	EXPECT_EQ(0x8021, RASP_PppIp);
	EXPECT_EQ(0x80FD, RASP_PppCcp);
	EXPECT_EQ(0xC021, RASP_PppLcp);
	EXPECT_EQ(0x8057, RASP_PppIpv6);
	EXPECT_EQ(1, RASCN_Connection);
	EXPECT_EQ(2, RASCN_Disconnection);
	EXPECT_EQ(4, RASCN_BandwidthAdded);
	EXPECT_EQ(8, RASCN_BandwidthRemoved);
	EXPECT_EQ(0x10, RASCN_Dormant);
	EXPECT_EQ(0x20, RASCN_ReConnection);
	EXPECT_EQ(0x40, RASCN_EPDGPacketArrival);
	EXPECT_EQ(0, REN_User);
	EXPECT_EQ(1, REN_AllUsers);
	EXPECT_EQ(1, RASIPO_VJ);
}

TEST(unsuffixed_functions)
{
	EXPECT_EQ((void *)RasDialA, (void *)RasDial);
	EXPECT_EQ((void *)RasHangUpA, (void *)RasHangUp);
	EXPECT_EQ((void *)RasGetConnectStatusA, (void *)RasGetConnectStatus);
	EXPECT_EQ((void *)RasEnumConnectionsA, (void *)RasEnumConnections);
	EXPECT_EQ((void *)RasGetErrorStringA, (void *)RasGetErrorString);
}

static const struct {
	RASCONNSTATE state;
	unsigned int value;
	const char *name;
} states[] = {
	{ RASCS_OpenPort, 0, "OpenPort" },
	{ RASCS_PortOpened, 1, "PortOpened" },
	{ RASCS_ConnectDevice, 2, "ConnectDevice" },
	{ RASCS_DeviceConnected, 3, "DeviceConnected" },
	{ RASCS_AllDevicesConnected, 4, "AllDevicesConnected" },
	{ RASCS_Authenticate, 5, "Authenticate" },
	{ RASCS_AuthNotify, 6, "AuthNotify" },
	{ RASCS_AuthRetry, 7, "AuthRetry" },
	{ RASCS_AuthCallback, 8, "AuthCallback" },
	{ RASCS_AuthChangePassword, 9, "AuthChangePassword" },
	{ RASCS_AuthProject, 10, "AuthProject" },
	{ RASCS_AuthLinkSpeed, 11, "AuthLinkSpeed" },
	{ RASCS_AuthAck, 12, "AuthAck" },
	{ RASCS_ReAuthenticate, 13, "ReAuthenticate" },
	{ RASCS_Authenticated, 14, "Authenticated" },
	{ RASCS_PrepareForCallback, 15, "PrepareForCallback" },
	{ RASCS_WaitForModemReset, 16, "WaitForModemReset" },
	{ RASCS_WaitForCallback, 17, "WaitForCallback" },
	{ RASCS_Projected, 18, "Projected" },
	{ RASCS_StartAuthentication, 19, "StartAuthentication" },
	{ RASCS_CallbackComplete, 20, "CallbackComplete" },
	{ RASCS_LogonNetwork, 21, "LogonNetwork" },
	{ RASCS_SubEntryConnected, 22, "SubEntryConnected" },
	{ RASCS_SubEntryDisconnected, 23, "SubEntryDisconnected" },
	{ RASCS_Interactive, 0x1000, "Interactive" },
	{ RASCS_RetryAuthentication, 0x1001, "RetryAuthentication" },
	{ RASCS_CallbackSetByCaller, 0x1002, "CallbackSetByCaller" },
	{ RASCS_PasswordExpired, 0x1003, "PasswordExpired" },
	{ RASCS_InvokeEapUI, 0x1004, "InvokeEapUI" },
	{ RASCS_Connected, 0x2000, "Connected" },
	{ RASCS_Disconnected, 0x2001, "Disconnected" },
};

TEST(rasconnstate_values_and_names)
{
	for (size_t i = 0; i < sizeof(states) / sizeof(states[0]); i++) {
		EXPECT_EQ(states[i].value, (unsigned int)states[i].state);
		EXPECT_STREQ(states[i].name,
			     rasdial_state_name(states[i].state));
	}
	EXPECT_EQ(0x1000, RASCS_PAUSED);
	EXPECT_EQ(0x2000, RASCS_DONE);
	/* WINVER 0x601's RASCS_ApplySettings is 24. */
	EXPECT_STREQ("ApplySettings", rasdial_state_name((RASCONNSTATE)24));
	EXPECT_NULL(rasdial_state_name((RASCONNSTATE)25));
	EXPECT_NULL(rasdial_state_name((RASCONNSTATE)0x1005));
	EXPECT_NULL(rasdial_state_name((RASCONNSTATE)0x2002));
	EXPECT_NULL(rasdial_state_name((RASCONNSTATE)0xFFFFFFFF));
}

TEST(error_code_values)
{
	EXPECT_EQ(600, RASBASE);
	EXPECT_EQ(600, PENDING);
	EXPECT_EQ(603, ERROR_BUFFER_TOO_SMALL);
	EXPECT_EQ(610, ERROR_BUFFER_INVALID);
	EXPECT_EQ(616, ERROR_ASYNC_REQUEST_PENDING);
	EXPECT_EQ(619, ERROR_PORT_DISCONNECTED);
	EXPECT_EQ(621, ERROR_CANNOT_OPEN_PHONEBOOK);
	EXPECT_EQ(623, ERROR_CANNOT_FIND_PHONEBOOK_ENTRY);
	EXPECT_EQ(629, ERROR_REMOTE_DISCONNECTION);
	EXPECT_EQ(631, ERROR_USER_DISCONNECTION);
	EXPECT_EQ(632, ERROR_INVALID_SIZE);
	EXPECT_EQ(633, ERROR_PORT_NOT_AVAILABLE);
	EXPECT_EQ(635, ERROR_UNKNOWN);
	EXPECT_EQ(650, ERROR_SERVER_NOT_RESPONDING);
	EXPECT_EQ(651, ERROR_FROM_DEVICE);
	EXPECT_EQ(676, ERROR_LINE_BUSY);
	EXPECT_EQ(678, ERROR_NO_ANSWER);
	EXPECT_EQ(679, ERROR_NO_CARRIER);
	EXPECT_EQ(680, ERROR_NO_DIALTONE);
	EXPECT_EQ(691, ERROR_AUTHENTICATION_FAILURE);
	EXPECT_EQ(695, ERROR_STATE_MACHINES_NOT_STARTED);
	EXPECT_EQ(711, ERROR_RASMAN_CANNOT_INITIALIZE);
	EXPECT_EQ(718, ERROR_PPP_TIMEOUT);
	EXPECT_EQ(720, ERROR_PPP_NO_PROTOCOLS_CONFIGURED);
	EXPECT_EQ(734, ERROR_PPP_LCP_TERMINATED);
	EXPECT_EQ(737, ERROR_PPP_LOOPBACK_DETECTED);
	EXPECT_EQ(738, ERROR_PPP_NO_ADDRESS_ASSIGNED);
	EXPECT_EQ(749, ERROR_BAD_PHONE_NUMBER);
	EXPECT_EQ(756, ERROR_DIAL_ALREADY_IN_PROGRESS);
	EXPECT_EQ(770, ERROR_CONNECTION_REJECT);
	EXPECT_EQ(778, ERROR_UNABLE_TO_AUTHENTICATE_SERVER);
	EXPECT_EQ(797, ERROR_CONNECTING_DEVICE_NOT_FOUND);
	EXPECT_EQ(815, ERROR_BROADBAND_TIMEOUT);
	EXPECT_EQ(828, ERROR_IDLE_TIMEOUT);
	EXPECT_EQ(829, ERROR_LINK_FAILURE);
	EXPECT_EQ(878, ERROR_WINHTTP_AUTO_PROXY_SERVICE);
	EXPECT_EQ(878, RASBASEEND);
	EXPECT_EQ(0, ERROR_SUCCESS);
	EXPECT_EQ(5, ERROR_ACCESS_DENIED);
	EXPECT_EQ(6, ERROR_INVALID_HANDLE);
	EXPECT_EQ(8, ERROR_NOT_ENOUGH_MEMORY);
	EXPECT_EQ(87, ERROR_INVALID_PARAMETER);
	EXPECT_EQ(122, ERROR_INSUFFICIENT_BUFFER);
}

static const UINT win_codes[] = {
	ERROR_SUCCESS, ERROR_ACCESS_DENIED, ERROR_INVALID_HANDLE,
	ERROR_NOT_ENOUGH_MEMORY, ERROR_INVALID_PARAMETER,
	ERROR_INSUFFICIENT_BUFFER,
};

TEST(error_string_every_code)
{
	static char texts[RASBASEEND - RASBASE + 1][512];
	char buf[512];

	for (UINT code = RASBASE; code <= RASBASEEND; code++) {
		char *t = texts[code - RASBASE];

		ASSERT_EQ(0, RasGetErrorStringA(code, t, sizeof(texts[0])))
			TH_LOG("no text for %u", code);
		EXPECT_GT(strlen(t), 10u) TH_LOG("short text for %u", code);
		for (UINT other = RASBASE; other < code; other++) {
			EXPECT_STRNE(texts[other - RASBASE], t)
				TH_LOG("%u and %u share a text", other, code);
		}
	}
	for (size_t i = 0; i < sizeof(win_codes) / sizeof(win_codes[0]); i++) {
		EXPECT_EQ(0, RasGetErrorStringA(win_codes[i], buf, sizeof(buf)));
		EXPECT_GT(strlen(buf), 0u);
	}
}

TEST(error_string_arguments)
{
	char buf[512], small[512];
	size_t len;

	EXPECT_EQ(ERROR_INVALID_PARAMETER,
		  RasGetErrorStringA(ERROR_LINE_BUSY, NULL, 512));
	EXPECT_EQ(ERROR_INVALID_PARAMETER, RasGetErrorStringA(599, buf, 512));
	EXPECT_EQ(ERROR_INVALID_PARAMETER, RasGetErrorStringA(879, buf, 512));
	EXPECT_EQ(ERROR_INVALID_PARAMETER, RasGetErrorStringA(12345, buf, 512));

	ASSERT_EQ(0, RasGetErrorStringA(ERROR_LINE_BUSY, buf, sizeof(buf)));
	len = strlen(buf);
	memset(small, 'x', sizeof(small));
	/* One short of the NUL: too small, and nothing written past it. */
	EXPECT_EQ(ERROR_INSUFFICIENT_BUFFER,
		  RasGetErrorStringA(ERROR_LINE_BUSY, small, (DWORD)len));
	EXPECT_EQ('x', small[len]);
	EXPECT_EQ(ERROR_INSUFFICIENT_BUFFER,
		  RasGetErrorStringA(ERROR_LINE_BUSY, small, 0));
	EXPECT_EQ(0, RasGetErrorStringA(ERROR_LINE_BUSY, small,
					(DWORD)len + 1));
	EXPECT_STREQ(buf, small);
}

/* A peers directory of our own, so nothing under /etc is touched. */
FIXTURE(dial) {
	char dir[64];
	char entry_path[128];
	RASDIALPARAMSA p;
	HRASCONN h;
	int module_missing;
};

FIXTURE_SETUP(dial)
{
	DWORD cb = 0, n = 0;
	FILE *f;

	snprintf(self->dir, sizeof(self->dir), "/tmp/shim_api.XXXXXX");
	ASSERT_NE(NULL, mkdtemp(self->dir));
	snprintf(self->entry_path, sizeof(self->entry_path), "%s/present",
		 self->dir);
	f = fopen(self->entry_path, "w");
	ASSERT_NE(NULL, f);
	fputs("noauth\n", f);
	fclose(f);
	memset(&self->p, 0, sizeof(self->p));
	self->p.dwSize = sizeof(self->p);
	strcpy(self->p.szEntryName, "no-such-entry-here");
	self->h = (HRASCONN)(uintptr_t)0x5a5a;
	self->module_missing = RasEnumConnectionsA(NULL, &cb, &n) ==
			       ERROR_RASMAN_CANNOT_INITIALIZE;
}

FIXTURE_TEARDOWN(dial)
{
	unlink(self->entry_path);
	rmdir(self->dir);
}

TEST_F(dial, null_arguments)
{
	EXPECT_EQ(ERROR_INVALID_PARAMETER,
		  RasDialA(NULL, NULL, NULL, 1, NULL, &self->h));
	EXPECT_EQ(ERROR_INVALID_PARAMETER,
		  RasDialA(NULL, NULL, &self->p, 1, NULL, NULL));
	/* Nothing is written to the handle on an argument error. */
	EXPECT_EQ((HRASCONN)(uintptr_t)0x5a5a, self->h);
}

static void WINAPI func1(HRASCONN h, UINT msg, RASCONNSTATE s, DWORD e,
			 DWORD x)
{
	(void)h; (void)msg; (void)s; (void)e; (void)x;
}

TEST_F(dial, params_sizes)
{
	/* Every WINVER's size gets past the size check to the entry. */
	static const DWORD good[] = { 736, 1052, 1064, 1068, 1076 };
	static const DWORD bad[] = { 0, 4, 735, 1048, 1053, 1060, 1072,
				     1080, 2108, 0xFFFFFFFF };
	RASDIALPARAMSA *big = calloc(1, 4096);

	ASSERT_NE(NULL, big);
	strcpy(big->szEntryName, "no-such-entry-here");
	for (size_t i = 0; i < sizeof(good) / sizeof(good[0]); i++) {
		big->dwSize = good[i];
		EXPECT_EQ(ERROR_CANNOT_FIND_PHONEBOOK_ENTRY,
			  RasDialA(NULL, self->dir, big, 1, NULL, &self->h))
			TH_LOG("dwSize %u", good[i]);
	}
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		big->dwSize = bad[i];
		EXPECT_EQ(ERROR_INVALID_SIZE,
			  RasDialA(NULL, self->dir, big, 1, NULL, &self->h))
			TH_LOG("dwSize %u", bad[i]);
	}
	free(big);
}

TEST_F(dial, extensions_sizes)
{
	unsigned char raw[128];
	RASDIALEXTENSIONS *ext = (RASDIALEXTENSIONS *)raw;
	static const DWORD good[] = { 24, 44, 60 };
	static const DWORD bad[] = { 0, 20, 28, 40, 48, 64 };

	memset(raw, 0, sizeof(raw));
	for (size_t i = 0; i < sizeof(good) / sizeof(good[0]); i++) {
		ext->dwSize = good[i];
		EXPECT_EQ(ERROR_CANNOT_FIND_PHONEBOOK_ENTRY,
			  RasDialA(ext, self->dir, &self->p, 1, NULL, &self->h));
	}
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		ext->dwSize = bad[i];
		EXPECT_EQ(ERROR_INVALID_SIZE,
			  RasDialA(ext, self->dir, &self->p, 1, NULL, &self->h));
	}
}

TEST_F(dial, notifier_types)
{
	/* An HWND (0xFFFFFFFF) or an unknown type with a notifier. */
	EXPECT_EQ(ERROR_INVALID_PARAMETER,
		  RasDialA(NULL, self->dir, &self->p, 0xFFFFFFFF,
			   (LPVOID)func1, &self->h));
	EXPECT_EQ(ERROR_INVALID_PARAMETER,
		  RasDialA(NULL, self->dir, &self->p, 3, (LPVOID)func1,
			   &self->h));
	/* Without a notifier the type does not matter (synchronous). */
	EXPECT_EQ(ERROR_CANNOT_FIND_PHONEBOOK_ENTRY,
		  RasDialA(NULL, self->dir, &self->p, 0xFFFFFFFF, NULL,
			   &self->h));
	for (DWORD t = 0; t <= 2; t++)
		EXPECT_EQ(ERROR_CANNOT_FIND_PHONEBOOK_ENTRY,
			  RasDialA(NULL, self->dir, &self->p, t, (LPVOID)func1,
				   &self->h));
}

TEST_F(dial, entry_names)
{
	static const char *const names[] = {
		"", "a/b", "/etc/passwd", "..", "../peers/x", "x..y",
		"no-such-entry-here",
	};

	for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
		strcpy(self->p.szEntryName, names[i]);
		EXPECT_EQ(ERROR_CANNOT_FIND_PHONEBOOK_ENTRY,
			  RasDialA(NULL, self->dir, &self->p, 1, NULL, &self->h))
			TH_LOG("entry \"%s\"", names[i]);
		/* The same checks with the default phone book. */
		EXPECT_EQ(ERROR_CANNOT_FIND_PHONEBOOK_ENTRY,
			  RasDialA(NULL, NULL, &self->p, 1, NULL, &self->h))
			TH_LOG("entry \"%s\" in /etc/ppp/peers", names[i]);
	}
	/* A directory is not an entry. */
	strcpy(self->p.szEntryName, ".");
	EXPECT_EQ(ERROR_CANNOT_FIND_PHONEBOOK_ENTRY,
		  RasDialA(NULL, self->dir, &self->p, 1, NULL, &self->h));
	/* Unterminated entry name. */
	memset(self->p.szEntryName, 'a', sizeof(self->p.szEntryName));
	EXPECT_EQ(ERROR_INVALID_PARAMETER,
		  RasDialA(NULL, self->dir, &self->p, 1, NULL, &self->h));
}

TEST_F(dial, phonebooks)
{
	strcpy(self->p.szEntryName, "present");
	EXPECT_EQ(ERROR_CANNOT_OPEN_PHONEBOOK,
		  RasDialA(NULL, "", &self->p, 1, NULL, &self->h));
	EXPECT_EQ(ERROR_CANNOT_OPEN_PHONEBOOK,
		  RasDialA(NULL, "/nonexistent/rasphone.pbk", &self->p, 1,
			   NULL, &self->h));
	/* A file is read as a .pbk: a peers file is no INI file. */
	EXPECT_EQ(ERROR_CORRUPT_PHONEBOOK,
		  RasDialA(NULL, self->entry_path, &self->p, 1, NULL,
			   &self->h));
	/* A control character in the phone number cannot reach chat. */
	strcpy(self->p.szPhoneNumber, "555\n1234");
	EXPECT_EQ(ERROR_BAD_PHONE_NUMBER,
		  RasDialA(NULL, self->dir, &self->p, 1, NULL, &self->h));
}

TEST_F(dial, module_missing)
{
	if (!self->module_missing)
		SKIP(return, "the rasdial family is there");
	strcpy(self->p.szEntryName, "present");
	strcpy(self->p.szPassword, "secret");
	/* *lphRasConn must be NULL on entry (Windows). */
	self->h = NULL;
	EXPECT_EQ(ERROR_RASMAN_CANNOT_INITIALIZE,
		  RasDialA(NULL, self->dir, &self->p, 1, NULL, &self->h));
	EXPECT_EQ(ERROR_RASMAN_CANNOT_INITIALIZE,
		  RasDialA(NULL, self->dir, &self->p, 1, (LPVOID)func1,
			   &self->h));
	EXPECT_EQ(NULL, self->h);
}

TEST(hangup_arguments)
{
	EXPECT_EQ(ERROR_INVALID_HANDLE, RasHangUpA(NULL));
	EXPECT_EQ(ERROR_INVALID_HANDLE,
		  RasHangUpA((HRASCONN)(uintptr_t)0x100000000ULL));
	/* No such link (and on the host no registry at all). */
	EXPECT_EQ(ERROR_INVALID_HANDLE,
		  RasHangUpA((HRASCONN)(uintptr_t)0x7ffffff0));
}

TEST(connect_status_arguments)
{
	unsigned char raw[512];
	RASCONNSTATUSA *st = (RASCONNSTATUSA *)raw;
	HRASCONN h = (HRASCONN)(uintptr_t)0x7ffffff0;
	static const DWORD good[] = { 64, 160, 288, 332 };
	static const DWORD bad[] = { 0, 4, 158, 287, 289, 330, 336, 512 };

	memset(raw, 0, sizeof(raw));
	st->dwSize = sizeof(*st);
	EXPECT_EQ(ERROR_INVALID_HANDLE, RasGetConnectStatusA(NULL, st));
	EXPECT_EQ(ERROR_INVALID_HANDLE,
		  RasGetConnectStatusA((HRASCONN)(uintptr_t)0x100000000ULL, st));
	EXPECT_EQ(ERROR_INVALID_PARAMETER, RasGetConnectStatusA(h, NULL));
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		st->dwSize = bad[i];
		EXPECT_EQ(ERROR_INVALID_SIZE, RasGetConnectStatusA(h, st))
			TH_LOG("dwSize %u", bad[i]);
	}
	for (size_t i = 0; i < sizeof(good) / sizeof(good[0]); i++) {
		st->dwSize = good[i];
		EXPECT_EQ(ERROR_INVALID_HANDLE, RasGetConnectStatusA(h, st))
			TH_LOG("dwSize %u", good[i]);
	}
}

TEST(enum_connections_arguments)
{
	unsigned char raw[4096];
	RASCONNA *c = (RASCONNA *)raw;
	DWORD cb, n;
	static const DWORD good[] = { 36, 416, 680, 696, 708, 724 };
	static const DWORD bad[] = { 0, 4, 415, 700, 720, 728, 1388 };
	DWORD expect;

	memset(raw, 0, sizeof(raw));
	cb = sizeof(raw);
	EXPECT_EQ(ERROR_INVALID_PARAMETER, RasEnumConnectionsA(c, NULL, &n));
	EXPECT_EQ(ERROR_INVALID_PARAMETER, RasEnumConnectionsA(c, &cb, NULL));
	/* A NULL buffer asks the size, whatever *lpcb (Wine's test). */
	cb = 100;
	EXPECT_NE(ERROR_INVALID_PARAMETER, RasEnumConnectionsA(NULL, &cb, &n));
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		c->dwSize = bad[i];
		cb = sizeof(raw);
		EXPECT_EQ(ERROR_INVALID_SIZE, RasEnumConnectionsA(c, &cb, &n))
			TH_LOG("dwSize %u", bad[i]);
	}
	/* Past the checks: no registry on the host, or a real answer. */
	cb = 0;
	n = 0;
	expect = RasEnumConnectionsA(NULL, &cb, &n);
	EXPECT_TRUE(expect == ERROR_RASMAN_CANNOT_INITIALIZE ||
		    expect == ERROR_SUCCESS || expect == ERROR_BUFFER_TOO_SMALL);
	for (size_t i = 0; i < sizeof(good) / sizeof(good[0]); i++) {
		c->dwSize = good[i];
		cb = sizeof(raw);
		if (expect == ERROR_RASMAN_CANNOT_INITIALIZE) {
			EXPECT_EQ(ERROR_RASMAN_CANNOT_INITIALIZE,
				  RasEnumConnectionsA(c, &cb, &n))
				TH_LOG("dwSize %u", good[i]);
		} else {
			EXPECT_NE(ERROR_INVALID_SIZE,
				  RasEnumConnectionsA(c, &cb, &n));
		}
	}
}

TEST(last_detail_is_a_string)
{
	ASSERT_NE(NULL, rasdial_last_detail());
}

/* RASPPPLCPA as in the SDK's ras.h, pack(4). */
TEST(lcp_layout)
{
	EXPECT_EQ(1080u, sizeof(RASPPPLCPA));
	EXPECT_EQ(4u, OFF(RASPPPLCPA, fBundled));
	EXPECT_EQ(8u, OFF(RASPPPLCPA, dwError));
	EXPECT_EQ(12u, OFF(RASPPPLCPA, dwAuthenticationProtocol));
	EXPECT_EQ(36u, OFF(RASPPPLCPA, fMultilink));
	EXPECT_EQ(48u, OFF(RASPPPLCPA, szReplyMessage));
	EXPECT_EQ(1072u, OFF(RASPPPLCPA, dwOptions));
	EXPECT_EQ(1076u, OFF(RASPPPLCPA, dwServerOptions));
	EXPECT_EQ(0xC223, RASLCPAP_CHAP);
	EXPECT_EQ(0x8057, RASP_PppIpv6);
	EXPECT_EQ(8u, OFF(RASPPPIPV6, bLocalInterfaceIdentifier));
	EXPECT_EQ(16u, OFF(RASPPPIPV6, bPeerInterfaceIdentifier));
	EXPECT_EQ(56u, OFF(RAS_STATS, dwConnectDuration));
	EXPECT_EQ((HANDLE)(intptr_t)-1, INVALID_HANDLE_VALUE);
}

TEST(projection_arguments)
{
	HRASCONN h = (HRASCONN)(uintptr_t)12345;
	RASPPPIPA ip = { .dwSize = sizeof(ip) };
	RASPPPLCPA lcp = { .dwSize = sizeof(lcp) };
	DWORD cb = sizeof(ip);

	EXPECT_EQ(ERROR_INVALID_HANDLE,
		  RasGetProjectionInfoA(NULL, RASP_PppIp, &ip, &cb));
	EXPECT_EQ(ERROR_INVALID_PARAMETER,
		  RasGetProjectionInfoA(h, RASP_PppIp, NULL, &cb));
	EXPECT_EQ(ERROR_INVALID_PARAMETER,
		  RasGetProjectionInfoA(h, RASP_PppIp, &ip, NULL));
	EXPECT_EQ(ERROR_INVALID_PARAMETER,
		  RasGetProjectionInfoA(h, (RASPROJECTION)7, &ip, &cb));
	/* Sizes are checked before the handle is looked up. */
	cb = 2;
	EXPECT_EQ(ERROR_BUFFER_TOO_SMALL,
		  RasGetProjectionInfoA(h, RASP_PppIp, &ip, &cb));
	EXPECT_EQ(sizeof(RASPPPIPA), cb);
	cb = 40;
	EXPECT_EQ(ERROR_BUFFER_TOO_SMALL,
		  RasGetProjectionInfoA(h, RASP_PppIp, &ip, &cb));
	EXPECT_EQ(48u, cb);
	ip.dwSize = 44;
	cb = sizeof(ip);
	EXPECT_EQ(ERROR_INVALID_SIZE,
		  RasGetProjectionInfoA(h, RASP_PppIp, &ip, &cb));
	cb = 100;
	EXPECT_EQ(ERROR_BUFFER_TOO_SMALL,
		  RasGetProjectionInfoA(h, RASP_PppLcp, &lcp, &cb));
	EXPECT_EQ(1080u, cb);
	/* Every accepted layout, then the handle: none without rasdial.ko. */
	for (DWORD size = 24; size <= 48; size += 8) {
		if (size == 32)
			continue;
		ip.dwSize = size;
		cb = size;
		EXPECT_EQ(ERROR_INVALID_HANDLE,
			  RasGetProjectionInfoA(h, RASP_PppIp, &ip, &cb));
	}
	lcp.dwSize = 8;
	cb = 8;
	EXPECT_EQ(ERROR_INVALID_HANDLE,
		  RasGetProjectionInfoA(h, RASP_PppLcp, &lcp, &cb));
	EXPECT_EQ(ERROR_INVALID_HANDLE,
		  RasGetProjectionInfoA(h, RASP_PppNbf, &lcp, &cb));
}

TEST(statistics_arguments)
{
	HRASCONN h = (HRASCONN)(uintptr_t)12345;
	RAS_STATS st = { .dwSize = sizeof(st) };

	EXPECT_EQ(ERROR_INVALID_HANDLE, RasGetConnectionStatistics(NULL, &st));
	EXPECT_EQ(ERROR_INVALID_PARAMETER, RasGetConnectionStatistics(h, NULL));
	st.dwSize = 56;
	EXPECT_EQ(ERROR_INVALID_SIZE, RasGetConnectionStatistics(h, &st));
	st.dwSize = sizeof(st);
	EXPECT_EQ(ERROR_INVALID_HANDLE, RasGetConnectionStatistics(h, &st));
	EXPECT_EQ(ERROR_INVALID_PARAMETER, RasGetLinkStatistics(h, 0, &st));
	EXPECT_EQ(ERROR_INVALID_PARAMETER, RasGetLinkStatistics(h, 2, &st));
	EXPECT_EQ(ERROR_INVALID_HANDLE, RasGetLinkStatistics(h, 1, &st));
	EXPECT_EQ(ERROR_INVALID_HANDLE, RasGetLinkStatistics(NULL, 1, &st));
}

TEST(notification_arguments)
{
	HRASCONN all = (HRASCONN)INVALID_HANDLE_VALUE;
	HRASCONN h = (HRASCONN)(uintptr_t)12345;
	HANDLE ev = rasdial_event_create();
	int fd;

	ASSERT_NE(NULL, ev);
	fd = rasdial_event_fd(ev);
	EXPECT_GE(fd, 0);
	EXPECT_EQ(-1, rasdial_event_fd(NULL));
	EXPECT_EQ(-1, rasdial_event_fd((HANDLE)&fd));

	EXPECT_EQ(ERROR_INVALID_PARAMETER, RasConnectionNotificationA(all, ev, 0));
	EXPECT_EQ(ERROR_INVALID_PARAMETER,
		  RasConnectionNotificationA(all, ev, 0x80));
	EXPECT_EQ(ERROR_INVALID_HANDLE,
		  RasConnectionNotificationA(all, NULL, RASCN_Connection));
	EXPECT_EQ(ERROR_INVALID_HANDLE,
		  RasConnectionNotificationA(all, (HANDLE)&fd, RASCN_Connection));
	EXPECT_EQ(ERROR_INVALID_HANDLE,
		  RasConnectionNotificationA(h, ev, RASCN_Disconnection));
	EXPECT_EQ(ERROR_INVALID_HANDLE,
		  RasConnectionNotificationA(NULL, ev, RASCN_Disconnection));
	/* No rasdial.ko: the watcher cannot start. */
	EXPECT_EQ(ERROR_RASMAN_CANNOT_INITIALIZE,
		  RasConnectionNotificationA(all, ev, RASCN_Connection));
	rasdial_event_close(ev);
	EXPECT_EQ(-1, rasdial_event_fd(ev));
	rasdial_event_close(NULL);
}

TEST(dispatch_mode_arguments)
{
	EXPECT_EQ(ERROR_INVALID_PARAMETER, rasdial_set_dispatch_mode(7));
	/* Thread mode (the default): no fd, no dispatch. */
	EXPECT_EQ(-1, rasdial_get_fd());
	EXPECT_EQ(ERROR_INVALID_FUNCTION, rasdial_dispatch());
	EXPECT_EQ(ERROR_SUCCESS,
		  rasdial_set_dispatch_mode(RASDIAL_DISPATCH_MANUAL));
	EXPECT_EQ(ERROR_SUCCESS,
		  rasdial_set_dispatch_mode(RASDIAL_DISPATCH_THREAD));
	EXPECT_EQ(ERROR_SUCCESS,
		  rasdial_set_dispatch_mode(RASDIAL_DISPATCH_MANUAL));
	/* No rasdial.ko: nothing to poll. */
	EXPECT_EQ(-1, rasdial_get_fd());
	EXPECT_EQ(ERROR_RASMAN_CANNOT_INITIALIZE, rasdial_dispatch());
}

TEST_HARNESS_MAIN
