/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * rasdial.h: Linux extensions of librasdial.  Includes ras.h and raserror.h.
 *
 * Where librasdial differs from Windows, or chooses where Windows is silent:
 *
 * - Phone book: lpszPhonebook NULL is the distro's pppd peers directory,
 *   /etc/ppp/peers; the entry is the file of that name there (pppd "call").
 *   A directory given as lpszPhonebook is another peers directory (pppd
 *   "file DIR/ENTRY").  Any other path (a .pbk file) fails with
 *   ERROR_CANNOT_OPEN_PHONEBOOK for now.  An empty name, a name with '/'
 *   or "..", or no such file: ERROR_CANNOT_FIND_PHONEBOOK_ENTRY.
 * - pppd is /usr/sbin/pppd and its rasdial.so plugin is in pppd's plugin
 *   directory; the environment variables RASDIAL_PPPD and RASDIAL_PLUGIN
 *   override them (ignored in setuid programs).  When pppd cannot be
 *   started, RasDial returns ERROR_RASMAN_CANNOT_INITIALIZE.
 * - No rasdial kernel module (no "rasdial" generic netlink family):
 *   RasDial and RasEnumConnections return ERROR_RASMAN_CANNOT_INITIALIZE;
 *   RasHangUp and RasGetConnectStatus return ERROR_INVALID_HANDLE.
 * - HRASCONN is the kernel's connection id, so every process names a link
 *   the same way; RasHangUp and RasGetConnectStatus work on other
 *   processes' links (RasHangUp: same user or CAP_NET_ADMIN, else
 *   ERROR_ACCESS_DENIED).
 * - dwNotifierType 0xFFFFFFFF (a window) is ERROR_INVALID_PARAMETER: there
 *   are no windows.  unMsg is always WM_RASDIALEVENT.
 * - RasDial called from inside a notifier returns ERROR_ASYNC_REQUEST_PENDING
 *   (a notification is still in progress) instead of deadlocking.
 * - RasHangUp inside a notifier returns at once; the hang-up is carried out
 *   when the notifier returns (the dial stays suspended until then).
 * - Notifications go on after RASCS_Connected: when the link ends the
 *   notifier hears RASCS_Disconnected with dwError (631 after RasHangUp,
 *   619 when pppd vanished, else the cause).  That final call is also
 *   made after RasHangUp; then the handle is gone (ERROR_INVALID_HANDLE).
 *   A dial that failed keeps its handle until RasHangUp.
 * - dwExtendedError is 0: RasDialFunc1's contract defines it only for
 *   ERROR_SERVER_NOT_RESPONDING, ERROR_NETBIOS_ERROR, ERROR_AUTH_INTERNAL
 *   and ERROR_CANNOT_GET_LANA, none of which a PPP dial produces.
 * - dwSize: each WINVER's layout is accepted (x86_64: RASDIALPARAMSA 736,
 *   1052, 1064, 1068, 1076; RASDIALEXTENSIONS 24, 44, 60; RASCONNA 36,
 *   416, 680, 696, 708, 724; RASCONNSTATUSA 64, 160, 288, 332).
 * - RasGetErrorString knows every code of raserror.h (any WINVER) and the
 *   Win32 codes defined there; others are ERROR_INVALID_PARAMETER.
 */
#ifndef _RASDIAL_RASDIAL_H_
#define _RASDIAL_RASDIAL_H_

#include <rasdial/ras.h>
#include <rasdial/raserror.h>

#ifdef __cplusplus
extern "C" {
#endif

/*
 * The SDK name of a connection state without the "RASCS_" prefix
 * ("OpenPort", "Connected", ...), or NULL for a value ras.h does not know.
 */
RASDIAL_API const char *rasdial_state_name(RASCONNSTATE state);

/*
 * The kernel's explanation (netlink extended ACK message) of the last
 * failed request made by this thread, or "" when there is none.  Valid
 * until this thread's next RAS call.
 */
RASDIAL_API const char *rasdial_last_detail(void);

#ifdef __cplusplus
}
#endif

#endif /* _RASDIAL_RASDIAL_H_ */
