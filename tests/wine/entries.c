// SPDX-License-Identifier: GPL-2.0
/*
 * entries.exe DIR ENTRY USER PASSWORD: phone books given as Windows paths,
 * saved credentials and RasConnectionNotification, from a Windows program
 * (mingw-w64's own <ras.h>) through rasapi32.dll.  tests/vm/wine.sh makes,
 * inside the Wine prefix:
 *   DIR\book.pbk    sections [Wine Modem] and [Other]
 *   DIR\peers\      a peers directory: ENTRY (a CHAP peer that takes
 *                   USER/PASSWORD) and "scratch"
 * The checks:
 *   - RasEnumEntries / RasValidateEntryName on the .pbk (read-only for
 *     librasdial: RasRenameEntry/RasDeleteEntry give 622);
 *   - RasValidateEntryName / RasRenameEntry / RasDeleteEntry on the peers
 *     directory, A names in the ANSI code page and W names in UTF-16,
 *     seen through Windows' own file API (Wine's names are UTF-8);
 *   - RasSetCredentials / RasGetCredentials and RasSetEntryDialParams /
 *     RasGetEntryDialParams round trips (the password is never returned);
 *   - RasGetEntryProperties of ENTRY; RasSetEntryProperties A and W
 *     (a skip while librasdial lacks it);
 *   - a dial of ENTRY with an empty password (the saved one is used):
 *     RasConnectionNotification on INVALID_HANDLE_VALUE is signalled when
 *     it connects, the one on its handle when RasHangUp ends it.
 */
#include <windows.h>
#include <ras.h>
#include <raserror.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>
#include "wtest.h"

#define SAVED_PASSWORD "****************"

static char book[MAX_PATH], peers[MAX_PATH];
static WCHAR bookw[MAX_PATH], peersw[MAX_PATH];

static BOOL file_exists_w(const WCHAR *dir, const WCHAR *name)
{
	WCHAR path[MAX_PATH];

	_snwprintf(path, MAX_PATH, L"%ls\\%ls", dir, name);
	return GetFileAttributesW(path) != INVALID_FILE_ATTRIBUTES;
}

static void pbk_checks(void)
{
	RASENTRYNAMEA names[8];
	RASENTRYNAMEW namesw[8];
	DWORD cb = sizeof(names), n = 0, ret;
	int modem = 0, other = 0;

	names[0].dwSize = sizeof(names[0]);
	ret = RasEnumEntriesA(NULL, book, names, &cb, &n);
	for (DWORD i = 0; !ret && i < n; i++) {
		wt_diag("entry %s in %s", names[i].szEntryName,
			names[i].szPhonebookPath);
		modem += !strcmp(names[i].szEntryName, "Wine Modem");
		other += !strcmp(names[i].szEntryName, "Other");
	}
	wt_check(ret == 0 && n == 2 && modem == 1 && other == 1,
		 "RasEnumEntriesA(%s): its two sections (%lu, %lu)", book, ret, n);
	wt_check(ret == 0 && n && !lstrcmpiA(names[0].szPhonebookPath, book),
		 "RasEnumEntriesA: szPhonebookPath is the program's DOS path");
	cb = sizeof(namesw);
	n = 0;
	namesw[0].dwSize = sizeof(namesw[0]);
	ret = RasEnumEntriesW(NULL, bookw, namesw, &cb, &n);
	wt_check(ret == 0 && n == 2 &&
		 (!wcscmp(namesw[0].szEntryName, L"Wine Modem") ||
		  !wcscmp(namesw[1].szEntryName, L"Wine Modem")) &&
		 !lstrcmpiW(namesw[0].szPhonebookPath, bookw),
		 "RasEnumEntriesW(.pbk): its two sections, the DOS path (%lu, %lu)",
		 ret, n);

	ret = RasValidateEntryNameA(book, "Wine Modem");
	wt_check(ret == ERROR_ALREADY_EXISTS,
		 "RasValidateEntryNameA(.pbk, a section): ERROR_ALREADY_EXISTS (%lu)", ret);
	ret = RasValidateEntryNameA(book, "wine modem");
	wt_check(ret == ERROR_ALREADY_EXISTS,
		 "RasValidateEntryNameA(.pbk): names compared without case (%lu)", ret);
	ret = RasValidateEntryNameA(book, "New Entry");
	wt_check(ret == 0, "RasValidateEntryNameA(.pbk, a new name): 0 (%lu)", ret);
	ret = RasValidateEntryNameA(book, "bad[name");
	wt_check(ret == ERROR_INVALID_NAME,
		 "RasValidateEntryNameA(.pbk, \"bad[name\"): ERROR_INVALID_NAME (%lu)", ret);
	ret = RasValidateEntryNameW(bookw, L"Other");
	wt_check(ret == ERROR_ALREADY_EXISTS,
		 "RasValidateEntryNameW(.pbk, a section): ERROR_ALREADY_EXISTS (%lu)", ret);

	/* A .pbk section is renamed in place and back (pbk_write.c). */
	ret = RasRenameEntryA(book, "Other", "Renamed");
	wt_check(ret == ERROR_SUCCESS, "RasRenameEntryA(.pbk): 0 (%lu)", ret);
	ret = RasValidateEntryNameA(book, "Renamed");
	wt_check(ret == ERROR_ALREADY_EXISTS,
		 "the .pbk has the new name (%lu)", ret);
	ret = RasRenameEntryW(bookw, L"Renamed", L"Other");
	wt_check(ret == ERROR_SUCCESS, "RasRenameEntryW(.pbk) back: 0 (%lu)", ret);
	ret = RasDeleteEntryW(bookw, L"No such section");
	wt_check(ret == ERROR_CANNOT_FIND_PHONEBOOK_ENTRY,
		 "RasDeleteEntryW(.pbk, a missing section): ERROR_CANNOT_FIND_PHONEBOOK_ENTRY (%lu)",
		 ret);
	ret = RasValidateEntryNameA(book, "Other");
	wt_check(ret == ERROR_ALREADY_EXISTS,
		 "the .pbk has its section again (%lu)", ret);
	ret = RasValidateEntryNameA("C:\\no\\such\\dir", "x");
	wt_check(ret == ERROR_CANNOT_OPEN_PHONEBOOK,
		 "RasValidateEntryNameA(a missing directory): ERROR_CANNOT_OPEN_PHONEBOOK (%lu)",
		 ret);
}

static void peers_checks(const char *entry)
{
	/* "café" in the ANSI code page when it is 1252 (Wine's default). */
	int cp1252 = GetACP() == 1252;
	const char *cafe = cp1252 ? "caf\xe9" : "cafe";
	const WCHAR *cafew = cp1252 ? L"caf\u00e9" : L"cafe";
	DWORD ret;

	wt_diag("ANSI code page %u", GetACP());
	ret = RasValidateEntryNameA(peers, "scratch");
	wt_check(ret == ERROR_ALREADY_EXISTS,
		 "RasValidateEntryNameA(%s, scratch): ERROR_ALREADY_EXISTS (%lu)",
		 peers, ret);
	ret = RasRenameEntryA(peers, "scratch", entry);
	wt_check(ret == ERROR_ALREADY_EXISTS,
		 "RasRenameEntryA onto an existing entry: ERROR_ALREADY_EXISTS (%lu)", ret);
	ret = RasRenameEntryA(peers, "scratch", cafe);
	wt_check(ret == 0 && !file_exists_w(peersw, L"scratch") &&
		 file_exists_w(peersw, cafew),
		 "RasRenameEntryA(scratch -> %s): 0, Windows sees the file renamed (%lu)",
		 cp1252 ? "caf\\xe9 in CP1252" : "cafe", ret);
	ret = RasValidateEntryNameW(peersw, cafew);
	wt_check(ret == ERROR_ALREADY_EXISTS,
		 "RasValidateEntryNameW(the new name): ERROR_ALREADY_EXISTS (%lu)", ret);
	ret = RasRenameEntryW(peersw, cafew, L"scratch-\u00fc");
	wt_check(ret == 0 && file_exists_w(peersw, L"scratch-\u00fc"),
		 "RasRenameEntryW(-> L\"scratch-\\u00fc\"): 0, file renamed (%lu)", ret);
	ret = RasDeleteEntryW(peersw, L"scratch-\u00fc");
	wt_check(ret == 0 && !file_exists_w(peersw, L"scratch-\u00fc"),
		 "RasDeleteEntryW: 0, the file is gone (%lu)", ret);
	ret = RasDeleteEntryA(peers, "scratch");
	wt_check(ret == ERROR_CANNOT_FIND_PHONEBOOK_ENTRY,
		 "RasDeleteEntryA(a missing entry): ERROR_CANNOT_FIND_PHONEBOOK_ENTRY (%lu)",
		 ret);
	ret = RasValidateEntryNameA(peers, "scratch");
	wt_check(ret == 0, "RasValidateEntryNameA(the deleted name): 0 (%lu)", ret);
}

static void credential_checks(const char *entry, const char *user,
			      const char *password)
{
	RASCREDENTIALSA ca;
	RASCREDENTIALSW cw;
	RASDIALPARAMSA dp;
	WCHAR entryw[RAS_MaxEntryName + 1], userw[UNLEN + 1], pwdw[PWLEN + 1];
	BOOL has_password = FALSE;
	DWORD ret;

	MultiByteToWideChar(CP_ACP, 0, entry, -1, entryw, ARRAYSIZE(entryw));
	MultiByteToWideChar(CP_ACP, 0, user, -1, userw, ARRAYSIZE(userw));
	MultiByteToWideChar(CP_ACP, 0, password, -1, pwdw, ARRAYSIZE(pwdw));

	/* The dial below takes user and password from here. */
	memset(&cw, 0, sizeof(cw));
	cw.dwSize = sizeof(cw);
	cw.dwMask = RASCM_UserName | RASCM_Password;
	wcscpy(cw.szUserName, userw);
	wcscpy(cw.szPassword, pwdw);
	ret = RasSetCredentialsW(peersw, entryw, &cw, FALSE);
	wt_check(ret == 0, "RasSetCredentialsW(peers, %s): 0 (%lu)", entry, ret);
	memset(&cw, 0, sizeof(cw));
	cw.dwSize = sizeof(cw);
	cw.dwMask = RASCM_UserName | RASCM_Password | RASCM_Domain;
	ret = RasGetCredentialsW(peersw, entryw, &cw);
	wt_check(ret == 0 && (cw.dwMask & (RASCM_UserName | RASCM_Password)) ==
		 (RASCM_UserName | RASCM_Password) &&
		 !wcscmp(cw.szUserName, userw) &&
		 !wcscmp(cw.szPassword, L"" SAVED_PASSWORD),
		 "RasGetCredentialsW: the user and the saved-password handle (%lu, mask %lx)",
		 ret, cw.dwMask);
	memset(&ca, 0, sizeof(ca));
	ca.dwSize = sizeof(ca);
	ca.dwMask = RASCM_UserName | RASCM_Password;
	ret = RasGetCredentialsA(peers, entry, &ca);
	wt_check(ret == 0 && !strcmp(ca.szUserName, user) &&
		 !strcmp(ca.szPassword, SAVED_PASSWORD),
		 "RasGetCredentialsA: the same (%lu, %s)", ret, ca.szUserName);

	/* A user name and domain outside ASCII, in the ANSI code page. */
	memset(&ca, 0, sizeof(ca));
	ca.dwSize = sizeof(ca);
	ca.dwMask = RASCM_UserName | RASCM_Password | RASCM_Domain;
	strcpy(ca.szUserName, GetACP() == 1252 ? "Ren\xe9" : "Rene");
	strcpy(ca.szPassword, "pbk-secret");
	strcpy(ca.szDomain, GetACP() == 1252 ? "D\xd6M" : "DOM");
	ret = RasSetCredentialsA(book, "Wine Modem", &ca, FALSE);
	wt_check(ret == 0, "RasSetCredentialsA(.pbk, Wine Modem): 0 (%lu)", ret);
	memset(&cw, 0, sizeof(cw));
	cw.dwSize = sizeof(cw);
	cw.dwMask = RASCM_UserName | RASCM_Password | RASCM_Domain;
	ret = RasGetCredentialsW(bookw, L"Wine Modem", &cw);
	wt_check(ret == 0 && cw.dwMask == (RASCM_UserName | RASCM_Password | RASCM_Domain) &&
		 !wcscmp(cw.szUserName, GetACP() == 1252 ? L"Ren\u00e9" : L"Rene") &&
		 !wcscmp(cw.szDomain, GetACP() == 1252 ? L"D\u00d6M" : L"DOM"),
		 "RasGetCredentialsW reads what RasSetCredentialsA saved, as UTF-16 (%lu, mask %lx)",
		 ret, cw.dwMask);
	memset(&ca, 0, sizeof(ca));
	ca.dwSize = sizeof(ca);
	ca.dwMask = RASCM_UserName | RASCM_Domain;
	ret = RasGetCredentialsA(book, "Wine Modem", &ca);
	wt_check(ret == 0 &&
		 !strcmp(ca.szUserName, GetACP() == 1252 ? "Ren\xe9" : "Rene") &&
		 !strcmp(ca.szDomain, GetACP() == 1252 ? "D\xd6M" : "DOM"),
		 "RasGetCredentialsA: back in the ANSI code page (%lu)", ret);
	memset(&ca, 0, sizeof(ca));
	ca.dwSize = sizeof(ca);
	ca.dwMask = RASCM_UserName;
	ret = RasGetCredentialsA(book, "No Such Entry", &ca);
	wt_check(ret == ERROR_CANNOT_FIND_PHONEBOOK_ENTRY,
		 "RasGetCredentialsA(a missing entry): ERROR_CANNOT_FIND_PHONEBOOK_ENTRY (%lu)",
		 ret);

	/* RasSetEntryDialParams / RasGetEntryDialParams on the .pbk. */
	memset(&dp, 0, sizeof(dp));
	dp.dwSize = sizeof(dp);
	strcpy(dp.szEntryName, "Other");
	strcpy(dp.szUserName, "dialer");
	strcpy(dp.szPassword, "dial-secret");
	ret = RasSetEntryDialParamsA(book, &dp, FALSE);
	wt_check(ret == 0, "RasSetEntryDialParamsA(.pbk, Other): 0 (%lu)", ret);
	/* Zeroed: librasdial refuses unterminated output fields (87). */
	memset(&dp, 0, sizeof(dp));
	dp.dwSize = sizeof(dp);
	strcpy(dp.szEntryName, "Other");
	ret = RasGetEntryDialParamsA(book, &dp, &has_password);
	wt_check(ret == 0 && has_password && !strcmp(dp.szUserName, "dialer") &&
		 !strcmp(dp.szPassword, SAVED_PASSWORD),
		 "RasGetEntryDialParamsA: user, *lpfPassword TRUE, the handle (%lu, %d)",
		 ret, has_password);
	memset(&dp, 0, sizeof(dp));
	dp.dwSize = sizeof(dp);
	strcpy(dp.szEntryName, "Other");
	strcpy(dp.szUserName, "dialer");
	ret = RasSetEntryDialParamsA(book, &dp, TRUE);
	has_password = TRUE;
	if (!ret)
		ret = RasGetEntryDialParamsA(book, &dp, &has_password);
	wt_check(ret == 0 && !has_password && !strcmp(dp.szUserName, "dialer"),
		 "fRemovePassword: *lpfPassword FALSE, the user kept (%lu, %d)",
		 ret, has_password);
	{
		RASDIALPARAMSW dw;

		memset(&dw, 0, sizeof(dw));
		dw.dwSize = sizeof(dw);
		wcscpy(dw.szEntryName, L"Other");
		has_password = TRUE;
		ret = RasGetEntryDialParamsW(bookw, &dw, &has_password);
		wt_check(ret == 0 && !has_password &&
			 !wcscmp(dw.szUserName, L"dialer"),
			 "RasGetEntryDialParamsW: the same (%lu, %d)", ret,
			 has_password);
	}
}

static void properties_checks(const char *entry)
{
	WCHAR entryw[RAS_MaxEntryName + 1];
	RASENTRYA *e;
	RASENTRYW *w;
	DWORD cb = 0, ret;

	ret = RasGetEntryPropertiesA(peers, entry, NULL, &cb, NULL, NULL);
	if (!wt_check(ret == ERROR_BUFFER_TOO_SMALL && cb >= sizeof(RASENTRYA),
		      "RasGetEntryPropertiesA(NULL buffer): ERROR_BUFFER_TOO_SMALL with the size (%lu, %lu)",
		      ret, cb))
		return;
	e = calloc(1, cb);
	if (!e)
		return;
	e->dwSize = sizeof(*e);
	ret = RasGetEntryPropertiesA(peers, entry, e, &cb, NULL, NULL);
	wt_check(ret == 0 && !strcmp(e->szDeviceType, RASDT_Generic) &&
		 !strcmp(e->szDeviceName, "pty"),
		 "RasGetEntryPropertiesA(peers, %s): the pty device (%lu, %s %s)",
		 entry, ret, e->szDeviceType, e->szDeviceName);
	free(e);

	cb = 0;
	MultiByteToWideChar(CP_ACP, 0, entry, -1, entryw, ARRAYSIZE(entryw));
	ret = RasGetEntryPropertiesW(peersw, entryw, NULL, &cb, NULL, NULL);
	w = ret == ERROR_BUFFER_TOO_SMALL ? calloc(1, cb) : NULL;
	if (w) {
		w->dwSize = sizeof(*w);
		ret = RasGetEntryPropertiesW(peersw, entryw, w, &cb, NULL, NULL);
	}
	wt_check(w && ret == 0 && !wcscmp(w->szDeviceType, L"GENERIC") &&
		 !wcscmp(w->szDeviceName, L"pty"),
		 "RasGetEntryPropertiesW: the same (%lu)", ret);
	free(w);
}

/*
 * RasSetEntryPropertiesA/W create entries in the peers directory, names
 * and strings converted like the others.
 */
static void set_properties_checks(void)
{
	const char *name = GetACP() == 1252 ? "Created \xe9" : "Created e";
	const WCHAR *namew = GetACP() == 1252 ? L"Created \u00e9" : L"Created e";
	RASENTRYA a, back;
	RASENTRYW w, backw;
	DWORD cb, ret;

	memset(&a, 0, sizeof(a));
	a.dwSize = sizeof(a);
	strcpy(a.szDeviceType, RASDT_Modem);
	strcpy(a.szDeviceName, "COM1");
	strcpy(a.szLocalPhoneNumber, "5551234");
	a.dwfNetProtocols = RASNP_Ip;
	a.dwFramingProtocol = RASFP_Ppp;
	a.dwType = RASET_Phone;
	ret = RasSetEntryPropertiesA(peers, name, &a, sizeof(a), NULL, 0);
	wt_check(ret == 0 && file_exists_w(peersw, namew),
		 "RasSetEntryPropertiesA(peers, a CP1252 name): 0, the file has the name in UTF-8 (%lu)",
		 ret);
	memset(&back, 0, sizeof(back));
	back.dwSize = sizeof(back);
	cb = sizeof(back);
	ret = RasGetEntryPropertiesA(peers, name, &back, &cb, NULL, NULL);
	wt_check(ret == 0 && !strcmp(back.szDeviceType, RASDT_Modem) &&
		 !strcmp(back.szLocalPhoneNumber, "5551234"),
		 "RasGetEntryPropertiesA reads it back (%lu, %s %s %s)", ret,
		 back.szDeviceType, back.szDeviceName, back.szLocalPhoneNumber);

	memset(&w, 0, sizeof(w));
	w.dwSize = sizeof(w);
	wcscpy(w.szDeviceType, L"modem");
	wcscpy(w.szDeviceName, L"COM1");
	wcscpy(w.szLocalPhoneNumber, L"5550001");
	w.dwfNetProtocols = RASNP_Ip;
	w.dwFramingProtocol = RASFP_Ppp;
	w.dwType = RASET_Phone;
	ret = RasSetEntryPropertiesW(peersw, L"Created W", &w, sizeof(w), NULL, 0);
	memset(&backw, 0, sizeof(backw));
	backw.dwSize = sizeof(backw);
	cb = sizeof(backw);
	if (!ret)
		ret = RasGetEntryPropertiesW(peersw, L"Created W", &backw, &cb,
					     NULL, NULL);
	wt_check(ret == 0 && !wcscmp(backw.szLocalPhoneNumber, L"5550001"),
		 "RasSetEntryPropertiesW then RasGetEntryPropertiesW: the number (%lu)",
		 ret);
	ret = RasDeleteEntryA(peers, name);
	if (!ret)
		ret = RasDeleteEntryW(peersw, L"Created W");
	wt_check(ret == 0, "both deleted (%lu)", ret);
}

static void dial_checks(const char *entry)
{
	HANDLE any = CreateEventA(NULL, TRUE, FALSE, NULL);
	HANDLE down = CreateEventA(NULL, FALSE, FALSE, NULL);
	RASDIALPARAMSA p;
	RASCONNSTATUSA st;
	HRASCONN h = NULL;
	DWORD ret, w;
	int i;

	ret = RasConnectionNotificationA(INVALID_HANDLE_VALUE, any, 0);
	wt_check(ret == ERROR_INVALID_PARAMETER,
		 "RasConnectionNotificationA(dwFlags 0): ERROR_INVALID_PARAMETER (%lu)", ret);
	ret = RasConnectionNotificationA(INVALID_HANDLE_VALUE, NULL,
					 RASCN_Connection);
	wt_check(ret == ERROR_INVALID_HANDLE,
		 "RasConnectionNotificationA(NULL event): ERROR_INVALID_HANDLE (%lu)", ret);
	ret = RasConnectionNotificationA((HRASCONN)(ULONG_PTR)0x7ffffff0, any,
					 RASCN_Disconnection);
	wt_check(ret == ERROR_INVALID_HANDLE,
		 "RasConnectionNotificationA(no such connection): ERROR_INVALID_HANDLE (%lu)",
		 ret);
	ret = RasConnectionNotificationA(INVALID_HANDLE_VALUE, any,
					 RASCN_Connection);
	wt_check(ret == 0,
		 "RasConnectionNotificationA(INVALID_HANDLE_VALUE, RASCN_Connection): 0 (%lu)",
		 ret);

	/* Empty user and password: the ones RasSetCredentialsW saved. */
	memset(&p, 0, sizeof(p));
	p.dwSize = sizeof(p);
	strcpy(p.szEntryName, entry);
	ret = RasDialA(NULL, peers, &p, 0, NULL, &h);
	if (!wt_check(ret == 0 && h,
		      "RasDialA(%s, %s) with the saved credentials: 0 (%lu)",
		      peers, entry, ret)) {
		if (h)
			RasHangUpA(h);
		return;
	}
	w = WaitForSingleObject(any, 20000);
	wt_check(w == WAIT_OBJECT_0,
		 "the INVALID_HANDLE_VALUE event is set when the link connects (%lu)", w);

	ret = RasConnectionNotificationW(h, down, RASCN_Disconnection);
	wt_check(ret == 0,
		 "RasConnectionNotificationW(h, RASCN_Disconnection): 0 (%lu)", ret);
	w = WaitForSingleObject(down, 0);
	wt_check(w == WAIT_TIMEOUT, "not set while the link is up (%lu)", w);
	ret = RasHangUpA(h);
	wt_check(ret == 0, "RasHangUpA: 0 (%lu)", ret);
	w = WaitForSingleObject(down, 20000);
	wt_check(w == WAIT_OBJECT_0,
		 "the connection's event is set when RasHangUp ends the link (%lu)", w);
	/* The handle goes once pppd has ended (bounded: 30 s). */
	for (i = 0; i < 150; i++) {
		st.dwSize = sizeof(st);
		if (RasGetConnectStatusA(h, &st) == ERROR_INVALID_HANDLE)
			break;
		Sleep(200);
	}
	wt_check(i < 150, "the handle is gone after the hang-up");
	CloseHandle(any);
	CloseHandle(down);
}

int main(int argc, char **argv)
{
	if (argc != 5) {
		wt_check(0, "usage: entries.exe DIR ENTRY USER PASSWORD");
		return 2;
	}
	snprintf(book, sizeof(book), "%s\\book.pbk", argv[1]);
	snprintf(peers, sizeof(peers), "%s\\peers", argv[1]);
	MultiByteToWideChar(CP_ACP, 0, book, -1, bookw, MAX_PATH);
	MultiByteToWideChar(CP_ACP, 0, peers, -1, peersw, MAX_PATH);

	pbk_checks();
	peers_checks(argv[2]);
	credential_checks(argv[2], argv[3], argv[4]);
	properties_checks(argv[2]);
	set_properties_checks();
	dial_checks(argv[2]);
	return wt_failed;
}
