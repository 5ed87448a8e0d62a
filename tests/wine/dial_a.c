// SPDX-License-Identifier: GPL-2.0
/*
 * dial_a.exe ENTRY USER PASSWORD EXPECT [NUMBER]: a Windows program (mingw-w64's
 * own <ras.h>) dialing through rasapi32.dll with RasDialA and a
 * RasDialFunc1.  EXPECT 0: the dial must reach RASCS_Connected in order,
 * then RasEnumConnectionsA, RasGetConnectStatusA, RasGetProjectionInfoA
 * and RasHangUpA are checked.  EXPECT N: the notifier must report error
 * N (691 wrong password, 676 busy line), then RasHangUpA.
 */
#include <windows.h>
#include <ras.h>
#include <raserror.h>
#include <stdlib.h>
#include <string.h>
#include "wtest.h"
#include "../vm/stateorder.h"

#define MAX_CALLS 64

static struct {
	HRASCONN h;
	UINT msg;
	RASCONNSTATE state;
	DWORD error;
	DWORD tid;
} calls[MAX_CALLS];
static volatile LONG ncalls;
static HANDLE done;

static VOID WINAPI on_event(HRASCONN h, UINT msg, RASCONNSTATE state,
			    DWORD error, DWORD ext_error)
{
	LONG i = InterlockedIncrement(&ncalls) - 1;

	(void)ext_error;
	if (i < MAX_CALLS) {
		calls[i].h = h;
		calls[i].msg = msg;
		calls[i].state = state;
		calls[i].error = error;
		calls[i].tid = GetCurrentThreadId();
	}
	if (error || state == RASCS_Connected)
		SetEvent(done);
}

static int check_sequence(HRASCONN h, LONG n)
{
	int ok = n > 1 && calls[0].state == RASCS_OpenPort &&
		 calls[n - 1].state == RASCS_Connected;
	int auth = 0;

	for (LONG i = 0; i < n; i++) {
		wt_diag("call %ld: state %u error %lu thread %lu", i,
			calls[i].state, calls[i].error, calls[i].tid);
		ok &= calls[i].h == h && calls[i].msg == WM_RASDIALEVENT &&
		      !calls[i].error && so_rank(calls[i].state) >= 0 &&
		      calls[i].tid == calls[0].tid;
		if (i)
			ok &= so_rank(calls[i].state) >
			      so_rank(calls[i - 1].state);
		auth |= calls[i].state == RASCS_Authenticated;
	}
	return ok && auth;
}

static int find_conn(HRASCONN h, const char *entry)
{
	RASCONNA one = { .dwSize = sizeof(one) }, *all;
	DWORD cb = sizeof(one), n = 0, ret;
	int found = 0;

	/* The documented protocol: ask, then allocate what it needs. */
	ret = RasEnumConnectionsA(&one, &cb, &n);
	if (ret == ERROR_BUFFER_TOO_SMALL) {
		all = calloc(1, cb);
		if (!all)
			return 0;
		all->dwSize = sizeof(*all);
		ret = RasEnumConnectionsA(all, &cb, &n);
	} else {
		all = calloc(1, sizeof(one));
		if (!all)
			return 0;
		*all = one;
	}
	for (DWORD i = 0; !ret && i < n; i++)
		if (all[i].hrasconn == h && !strcmp(all[i].szEntryName, entry))
			found = 1;
	wt_diag("RasEnumConnectionsA: %lu, %lu connections", ret, n);
	free(all);
	return found;
}

/* Windows programs wait for the handle to go after RasHangUp. */
static int wait_gone(HRASCONN h)
{
	RASCONNSTATUSA st = { .dwSize = sizeof(st) };

	for (int i = 0; i < 300; i++) {
		if (RasGetConnectStatusA(h, &st) == ERROR_INVALID_HANDLE)
			return 1;
		Sleep(100);
	}
	return 0;
}

int main(int argc, char **argv)
{
	RASDIALPARAMSA p = { .dwSize = sizeof(p) };
	RASCONNSTATUSA st = { .dwSize = sizeof(st) };
	RASPPPIPA ip = { .dwSize = sizeof(ip) };
	HRASCONN h = NULL;
	DWORD ret, expect, cb;
	LONG n;

	if (argc != 5 && argc != 6) {
		fprintf(stderr, "usage: dial_a ENTRY USER PASSWORD EXPECT [NUMBER]\n");
		return 2;
	}
	expect = strtoul(argv[4], NULL, 0);
	lstrcpynA(p.szEntryName, argv[1], sizeof(p.szEntryName));
	lstrcpynA(p.szUserName, argv[2], sizeof(p.szUserName));
	lstrcpynA(p.szPassword, argv[3], sizeof(p.szPassword));
	if (argc == 6)
		lstrcpynA(p.szPhoneNumber, argv[5], sizeof(p.szPhoneNumber));
	done = CreateEventA(NULL, TRUE, FALSE, NULL);

	ret = RasDialA(NULL, NULL, &p, 1, on_event, &h);
	if (!wt_check(ret == 0 && h, "RasDialA returns 0 and a handle (got %lu)",
		      ret)) {
		if (h)
			RasHangUpA(h);
		return 1;
	}
	wt_check(WaitForSingleObject(done, 90000) == WAIT_OBJECT_0,
		 "RasDialFunc1 reports the end of the dial within 90 s");
	n = ncalls;
	if (expect) {
		LONG i;

		for (i = 0; i < n && !calls[i].error; i++)
			;
		wt_check(i < n && calls[i].error == expect,
			 "RasDialFunc1 reports error %lu (got %lu in state %u)",
			 expect, i < n ? calls[i].error : 0,
			 i < n ? calls[i].state : 0);
		wt_check(calls[0].tid != GetCurrentThreadId(),
			 "notifier on a thread of the DLL, not the caller's");
		wt_check(RasHangUpA(h) == 0, "RasHangUpA after a failed dial");
		return wt_failed;
	}
	wt_check(check_sequence(h, n),
		 "RasDialFunc1: OpenPort ... Authenticated ... Connected in order");
	wt_check(calls[0].tid != GetCurrentThreadId(),
		 "notifier on a thread of the DLL, not the caller's");
	wt_check(find_conn(h, argv[1]),
		 "RasEnumConnectionsA lists the handle and its entry");
	ret = RasGetConnectStatusA(h, &st);
	wt_check(ret == 0 && st.rasconnstate == RASCS_Connected &&
		 st.dwError == 0,
		 "RasGetConnectStatusA: Connected (%lu, state %u)", ret,
		 st.rasconnstate);
	cb = sizeof(ip);
	ret = RasGetProjectionInfoA(h, RASP_PppIp, &ip, &cb);
	wt_check(ret == 0 && !strcmp(ip.szIpAddress, "192.0.2.2") &&
		 !strcmp(ip.szServerIpAddress, "192.0.2.1"),
		 "RasGetProjectionInfoA(RASP_PppIp): 192.0.2.2, server 192.0.2.1 (%lu: %s %s)",
		 ret, ip.szIpAddress, ip.szServerIpAddress);
	n = ncalls;
	wt_check(RasHangUpA(h) == 0, "RasHangUpA returns 0");
	wt_check(wait_gone(h), "the handle is gone within 30 s");
	wt_diag("notifier calls after RasHangUpA: %ld", ncalls - n);
	return wt_failed;
}
