// SPDX-License-Identifier: GPL-2.0
/*
 * dial_w.exe ENTRY USER PASSWORD: a Windows program dialing with RasDialW
 * and dwNotifierType 0xFFFFFFFF: the progress comes as window messages
 * (the message registered as RASDIALEVENT, else WM_RASDIALEVENT; wParam
 * the state, lParam the error) through an ordinary message loop.  Then
 * RasGetConnectStatusW, RasEnumConnectionsW and RasHangUpW.
 */
#include <windows.h>
#include <ras.h>
#include <raserror.h>
#include <string.h>
#include "wtest.h"

#define MAX_EVENTS 64

static UINT dial_msg;
static RASCONNSTATE states[MAX_EVENTS];
static DWORD errors[MAX_EVENTS], tids[MAX_EVENTS];
static int nevents;

static LRESULT CALLBACK wndproc(HWND hwnd, UINT msg, WPARAM wp, LPARAM lp)
{
	if (msg == dial_msg) {
		if (nevents < MAX_EVENTS) {
			states[nevents] = (RASCONNSTATE)wp;
			errors[nevents] = (DWORD)lp;
			tids[nevents] = GetCurrentThreadId();
			nevents++;
		}
		if (lp || wp == RASCS_Connected)
			PostQuitMessage(0);
		return 0;
	}
	if (msg == WM_TIMER) {
		PostQuitMessage(1);
		return 0;
	}
	return DefWindowProcW(hwnd, msg, wp, lp);
}

static int wait_gone(HRASCONN h)
{
	RASCONNSTATUSW st = { .dwSize = sizeof(st) };

	for (int i = 0; i < 300; i++) {
		if (RasGetConnectStatusW(h, &st) == ERROR_INVALID_HANDLE)
			return 1;
		Sleep(100);
	}
	return 0;
}

int wmain(int argc, WCHAR **argv)
{
	WNDCLASSW wc = { .lpfnWndProc = wndproc, .lpszClassName = L"dialtest" };
	RASDIALPARAMSW p = { .dwSize = sizeof(p) };
	RASCONNSTATUSW st = { .dwSize = sizeof(st) };
	RASCONNW conns[8] = { { .dwSize = sizeof(RASCONNW) } };
	DWORD cb = sizeof(conns), n = 0, ret;
	HRASCONN h = NULL;
	HWND hwnd;
	MSG m;
	int ok, found = 0;

	if (argc != 4) {
		fprintf(stderr, "usage: dial_w ENTRY USER PASSWORD\n");
		return 2;
	}
	dial_msg = RegisterWindowMessageA(RASDIALEVENT);
	if (!dial_msg)
		dial_msg = WM_RASDIALEVENT;
	wc.hInstance = GetModuleHandleW(NULL);
	RegisterClassW(&wc);
	hwnd = CreateWindowW(L"dialtest", L"dialtest", 0, 0, 0, 0, 0,
			     HWND_MESSAGE, NULL, wc.hInstance, NULL);
	if (!wt_check(hwnd != NULL, "a message-only window"))
		return 1;
	lstrcpynW(p.szEntryName, argv[1], ARRAYSIZE(p.szEntryName));
	lstrcpynW(p.szUserName, argv[2], ARRAYSIZE(p.szUserName));
	lstrcpynW(p.szPassword, argv[3], ARRAYSIZE(p.szPassword));

	ret = RasDialW(NULL, NULL, &p, 0xFFFFFFFF, hwnd, &h);
	if (!wt_check(ret == 0 && h, "RasDialW(hwnd) returns 0 and a handle (%lu)",
		      ret)) {
		if (h)
			RasHangUpW(h);
		return 1;
	}
	SetTimer(hwnd, 1, 90000, NULL);
	while (GetMessageW(&m, NULL, 0, 0) > 0)
		DispatchMessageW(&m);
	KillTimer(hwnd, 1);

	ok = nevents > 1 && states[0] == RASCS_OpenPort &&
	     states[nevents - 1] == RASCS_Connected;
	for (int i = 0; i < nevents; i++) {
		wt_diag("message %d: state %u error %lu", i, states[i], errors[i]);
		ok &= !errors[i] && tids[i] == GetCurrentThreadId();
	}
	wt_check(ok, "window messages OpenPort ... Connected, in the message loop");
	ret = RasGetConnectStatusW(h, &st);
	wt_check(ret == 0 && st.rasconnstate == RASCS_Connected,
		 "RasGetConnectStatusW: Connected (%lu, state %u)", ret,
		 st.rasconnstate);
	ret = RasEnumConnectionsW(conns, &cb, &n);
	for (DWORD i = 0; !ret && i < n; i++)
		found |= conns[i].hrasconn == h &&
			 !lstrcmpW(conns[i].szEntryName, argv[1]);
	wt_check(found, "RasEnumConnectionsW lists the entry (%lu, %lu)", ret, n);
	wt_check(RasHangUpW(h) == 0, "RasHangUpW returns 0");
	wt_check(wait_gone(h), "the handle is gone within 30 s");
	return wt_failed;
}
