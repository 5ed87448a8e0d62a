// SPDX-License-Identifier: GPL-2.0-only
/*
 * tchar.c: a Windows-style RAS client source, as written for the SDK:
 * <ras.h> and <raserror.h>, TCHAR, TEXT() and the unsuffixed names.
 * tests/abi/check compiles and links it with and without UNICODE; it is
 * never run.
 */
#include <string.h>
#include <ras.h>
#include <raserror.h>

#ifdef UNICODE
_Static_assert(sizeof(TCHAR) == 2, "TCHAR is WCHAR with UNICODE");
_Static_assert(sizeof(RASCONN) == sizeof(RASCONNW), "RASCONN is RASCONNW");
#else
_Static_assert(sizeof(TCHAR) == 1, "TCHAR is char without UNICODE");
_Static_assert(sizeof(RASCONN) == sizeof(RASCONNA), "RASCONN is RASCONNA");
#endif

static void tcscpy(LPTSTR dst, LPCTSTR src)
{
	while ((*dst++ = *src++))
		;
}

static VOID WINAPI notify(HRASCONN h, UINT msg, RASCONNSTATE state,
			  DWORD error, DWORD extended)
{
	(void)h; (void)msg; (void)state; (void)error; (void)extended;
}

int main(void)
{
	RASDIALPARAMS params;
	RASCONN conns[4];
	LPRASCONN lp = conns;
	RASCONNSTATUS status;
	RASENTRYNAME entries[4];
	RASPPPIP ip;
	RASPPPLCP lcp;
	HRASCONN h = NULL;
	TCHAR text[256];
	DWORD cb, n, ret;

	memset(&params, 0, sizeof(params));
	params.dwSize = sizeof(RASDIALPARAMS);
	tcscpy(params.szEntryName, TEXT("My ISP"));
	tcscpy(params.szUserName, TEXT("user"));
	ret = RasDial(NULL, NULL, &params, 1, (LPVOID)notify, &h);
	if (ret) {
		RasGetErrorString(ret, text, sizeof(text) / sizeof(TCHAR));
		return ret == ERROR_CANNOT_FIND_PHONEBOOK_ENTRY ? 2 : 1;
	}
	status.dwSize = sizeof(status);
	RasGetConnectStatus(h, &status);
	ip.dwSize = sizeof(ip);
	cb = sizeof(ip);
	RasGetProjectionInfo(h, RASP_PppIp, &ip, &cb);
	lcp.dwSize = sizeof(lcp);
	cb = sizeof(lcp);
	RasGetProjectionInfo(h, RASP_PppLcp, &lcp, &cb);
	conns[0].dwSize = sizeof(RASCONN);
	cb = sizeof(conns);
	RasEnumConnections(lp, &cb, &n);
	entries[0].dwSize = sizeof(RASENTRYNAME);
	cb = sizeof(entries);
	RasEnumEntries(NULL, NULL, entries, &cb, &n);
	RasConnectionNotification(h, NULL, RASCN_Disconnection);
	return RasHangUp(h) == ERROR_INVALID_HANDLE;
}
