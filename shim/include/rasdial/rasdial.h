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
 * - Users other than root dial through pppd's own model (Debian: pppd is
 *   setuid root, mode 4754 root:dip, so members of group dip may run it).
 *   pppd takes "plugin" only from root, so the entry (or
 *   /etc/ppp/options) must load rasdial.so itself; librasdial then does
 *   not pass "plugin" on the command line (for root neither: pppd would
 *   load it twice) and passes "rasdial-conn ID" after the entry.  RasDial
 *   returns ERROR_ACCESS_DENIED, with rasdial_last_detail() saying why,
 *   when a user other than root dials an entry that does not load the
 *   plugin, cannot read the entry's peers file, or may not run pppd
 *   (exec fails with EACCES/EPERM: not in group dip).  The kernel lets a
 *   setuid pppd report only for its real uid's (the caller's) dial.
 * - No rasdial kernel module (no "rasdial" generic netlink family):
 *   RasDial and RasEnumConnections return ERROR_RASMAN_CANNOT_INITIALIZE;
 *   RasHangUp and RasGetConnectStatus return ERROR_INVALID_HANDLE.
 * - HRASCONN is the kernel's connection id, so every process names a link
 *   the same way; RasHangUp and RasGetConnectStatus work on other
 *   processes' links of the same user (another user's link:
 *   ERROR_ACCESS_DENIED unless the caller has CAP_NET_ADMIN), and
 *   RasEnumConnections and notifications cover the caller's own user's
 *   links (every link for CAP_NET_ADMIN).
 * - dwNotifierType 0xFFFFFFFF (a window) is ERROR_INVALID_PARAMETER: there
 *   are no windows.  unMsg is always WM_RASDIALEVENT.
 * - RasDial called from inside a notifier returns ERROR_ASYNC_REQUEST_PENDING
 *   (a notification is still in progress) instead of deadlocking.
 * - RasHangUp inside a notifier returns at once; the hang-up is carried out
 *   when the notifier returns (the dial stays suspended until then).
 * - Notifier calls end as on Windows: at RASCS_Connected, at the call
 *   that carries an error, or when RasHangUp is called.  Once RasHangUp
 *   returns the notifier is not called again for that handle: a call
 *   running on the event thread (or in rasdial_dispatch() on another
 *   thread) is waited for, unless RasHangUp is made from inside it.  The
 *   end of a connected link reaches programs through
 *   RasConnectionNotification (RASCN_Disconnection) and
 *   RasGetConnectStatus.  A dial that failed keeps its handle until
 *   RasHangUp; after RasHangUp of a dial in progress or a connected link
 *   the handle goes once pppd has ended (then ERROR_INVALID_HANDLE).
 * - RDEOPT_RasdialNotifyLinkEnd (below, in RASDIALEXTENSIONS.dwfOptions)
 *   keeps the notifier for the whole life of the link instead: when the
 *   link ends it hears RASCS_Disconnected with dwError (631 after
 *   RasHangUp, 619 when pppd vanished, else the cause), RasHangUp
 *   included.
 * - RasDial of an entry (same phone book and name) that this process has
 *   connected or is dialing, not failed and not hung up, starts no second
 *   pppd: it returns ERROR_SUCCESS with the same handle (synchronous: once
 *   the first dial is over, with its result), and counts one more RasDial;
 *   each needs its RasHangUp, and the link goes down at the last one.
 *   Any RasHangUp of the handle ends the notifier calls of all of them.
 *   The second caller's notifier (if any) is called once, with
 *   (RASCS_Connected, 0) when the link is or becomes connected, or with
 *   the dial's error; its lpRasDialExtensions are not used.  The count is
 *   per process (Windows keeps it per user in its RAS service; here no
 *   daemon holds the link): another process of the same user dials a
 *   link of its own (its own pppd), and the device decides whether that
 *   can work (a modem or tty already in use fails the second dial).
 *   RasEnumConnections shows another process's links, and RasHangUp ends
 *   them.
 * - *lphRasConn must be NULL on entry: a non-NULL value (Windows: resume
 *   a paused dial) is ERROR_INVALID_HANDLE, and RDEOPT_PausedStates is
 *   ERROR_NOT_SUPPORTED (pppd cannot pause a dial for the program).
 * - RasEnumConnections lists the connections being dialed as well as the
 *   connected ones (as Windows: a program finds a dial in progress there
 *   and asks RasGetConnectStatus), but not a dial that failed or a link
 *   that ended.  A NULL buffer with any *lpcb returns
 *   ERROR_BUFFER_TOO_SMALL with *lpcb the size needed and the count, or
 *   ERROR_SUCCESS with both 0 when there is no connection (Wine's
 *   conformance test of Windows).
 * - Saved credentials (RasSetCredentials, RasSetEntryDialParams) are per
 *   user, in $XDG_CONFIG_HOME/rasdial/credentials (default
 *   ~/.config/rasdial/credentials of the real uid; RASDIAL_CREDENTIALS
 *   names another file, ignored in setuid programs), mode 0600 in a 0700
 *   directory, rewritten whole (temporary file + rename) under a lock;
 *   a store that is not the user's own, or that others may read or
 *   write, is refused with ERROR_ACCESS_DENIED; a damaged one is
 *   ERROR_CORRUPT_PHONEBOOK.  Keyed by lpszPhonebook as given (NULL: the
 *   peers directory) and the entry name, which must exist
 *   (ERROR_CANNOT_FIND_PHONEBOOK_ENTRY).  As on Windows the password is
 *   never returned: RasGetCredentials and RasGetEntryDialParams give the
 *   16-character handle "****************" in szPassword, which
 *   RasSetCredentials and RasDial take as "the saved password".
 *   RASCM_DefaultCreds and the pre-shared key flags are
 *   ERROR_NOT_SUPPORTED: all-user secrets belong in pppd's own
 *   /etc/ppp/chap-secrets and pap-secrets, which the administrator edits.
 *   RasSetEntryDialParams saves szUserName, szPassword and szDomain (an
 *   empty one forgets it; fRemovePassword forgets the password);
 *   szPhoneNumber and szCallbackNumber are not saved and read back empty.
 * - RasDial with an empty szPassword (or the handle) uses the saved
 *   password, and the saved user name and domain when those are empty
 *   too.  A szDomain other than "" and "*" makes the name pppd
 *   authenticates with DOMAIN\user, as Windows sends it (pppd's MS-CHAP
 *   takes the part after the backslash for the hash);
 *   ERROR_INVALID_PARAMETER when that does not fit UNLEN.
 * - dwExtendedError is 0: RasDialFunc1's contract defines it only for
 *   ERROR_SERVER_NOT_RESPONDING, ERROR_NETBIOS_ERROR, ERROR_AUTH_INTERNAL
 *   and ERROR_CANNOT_GET_LANA, none of which a PPP dial produces.
 * - dwSize: each WINVER's layout is accepted (x86_64: RASDIALPARAMSA 736,
 *   1052, 1064, 1068, 1076; RASDIALEXTENSIONS 24, 44, 60; RASCONNA 36,
 *   416, 680, 696, 708, 724; RASCONNSTATUSA 64, 160, 288, 332).
 * - RasGetErrorString knows every code of raserror.h (any WINVER) and the
 *   Win32 codes defined there; others are ERROR_INVALID_PARAMETER.
 * - RasGetProjectionInfo (any process; the kernel keeps what pppd
 *   negotiated): RASP_PppIp (RASPPPIPA 24, 40 or 48 bytes: IPCP's own and
 *   peer address; dwOptions 0), RASP_PppIpv6 (RASPPPIPV6 28: IPv6CP
 *   interface identifiers; compression 0), RASP_PppLcp (RASPPPLCPA 8 or
 *   1080: dwError 0 once projected; fBundled, fMultilink FALSE; the
 *   authentication fields and dwOptions are 0 (unknown: pppd does not tell
 *   them)).  Errors: ERROR_INVALID_HANDLE; ERROR_INVALID_PARAMETER (NULL
 *   pointer, unknown RASPROJECTION); *lpcb < 4 or < dwSize:
 *   ERROR_BUFFER_TOO_SMALL with *lpcb = the size needed (the newest layout
 *   when dwSize could not be read); unknown dwSize: ERROR_INVALID_SIZE;
 *   state before RASCS_Projected, a failed or ended link:
 *   ERROR_PROJECTION_NOT_COMPLETE (730: raserror.h shows it for WINVER <
 *   0x600 or with RASDIAL_ALL_ERROR_CODES); a protocol that was not negotiated (no
 *   IPv6CP, no IPCP) or that pppd does not do (RASP_PppNbf, RASP_PppIpx,
 *   RASP_PppCcp, RASP_Amb, RASP_Slip): ERROR_PROTOCOL_NOT_CONFIGURED.
 * - RasGetConnectionStatistics / RasGetLinkStatistics (dwSubEntry 1 only,
 *   else ERROR_INVALID_PARAMETER; dwSize must be sizeof(RAS_STATS) = 60,
 *   else ERROR_INVALID_SIZE): the ppp interface's counters (rtnetlink),
 *   truncated to 32 bits as on Windows: bytes and frames each way;
 *   dwCrcErr = rx_crc_errors; dwTimeoutErr = tx_aborted_errors +
 *   tx_heartbeat_errors + tx_window_errors; dwAlignmentErr =
 *   rx_length_errors; dwHardwareOverrunErr = rx_over_errors;
 *   dwFramingErr = rx_frame_errors + the rx_errors not counted in any of
 *   those (pppd's bad-FCS and malformed frames land there);
 *   dwBufferOverrunErr = rx_fifo_errors + rx_missed_errors;
 *   dwCompressionRatioIn/Out 0 (not known); dwBps = pppd's line speed;
 *   dwConnectDuration = milliseconds since RASCS_Connected (0 before; the
 *   kernel's clock, so the same in every process).  Counters are 0 while
 *   no interface exists yet or after it has gone.
 * - RasConnectionNotification(hrasconn or INVALID_HANDLE_VALUE, hEvent,
 *   dwFlags): hEvent comes from rasdial_event_create() (below).  dwFlags:
 *   any RASCN_* bits, at least one (0 or unknown bits:
 *   ERROR_INVALID_PARAMETER); only RASCN_Connection and
 *   RASCN_Disconnection ever fire (one link per entry, no dormancy).  With
 *   INVALID_HANDLE_VALUE the event is set when any link of the network
 *   namespace reaches RASCS_Connected, or ends after having been
 *   connected (any process's, pppd started by hand with the plugin too).
 *   With a handle: when that link connects, or ends in any way (a failed
 *   dial too); the registration goes with the link.  Bad hEvent or a
 *   handle no link has: ERROR_INVALID_HANDLE.  Registering the same
 *   (hrasconn, hEvent) again adds the flags.  Notifications come from the
 *   event thread (or rasdial_dispatch() in manual mode).
 * - pppd that redials by itself (persist, demand; maxfail, holdoff): one
 *   pppd session is one connection, so the handle stays across a drop
 *   and the redial (Windows' redial would be a new RasDial with a new
 *   handle).  At the drop RASCN_Disconnection fires (handle and
 *   INVALID_HANDLE_VALUE watches; the handle's watches stay armed) and
 *   RasGetConnectStatus gives RASCS_Disconnected with the drop's error
 *   (until the redial starts, after holdoff); then each state of the
 *   redial with dwError 0, and RASCN_Connection fires again at
 *   RASCS_Connected.  The notifier hears the drop and the redial only
 *   with RDEOPT_RasdialNotifyLinkEnd.  RasHangUp at any moment, holdoff
 *   included, returns 0 and ends pppd (631).  When pppd gives up (maxfail)
 *   its last attempt's error is final; the handle stays until RasHangUp.
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

/*
 * Events for RasConnectionNotification (Windows would take a CreateEvent
 * handle).  rasdial_event_create() returns a manual-reset event, or NULL
 * with errno set.  rasdial_event_fd() gives its file descriptor (an
 * eventfd, O_NONBLOCK, close-on-exec) or -1 (EBADF) for an unknown
 * handle: the fd is readable while the event is set; read 8 bytes from it
 * to reset it (that is ResetEvent).  rasdial_event_close() ends every
 * registration made with the event and closes it (that is CloseHandle).
 */
RASDIAL_API HANDLE rasdial_event_create(void);
RASDIAL_API int rasdial_event_fd(HANDLE hEvent);
RASDIAL_API void rasdial_event_close(HANDLE hEvent);

/*
 * Where notifiers run.  RASDIAL_DISPATCH_THREAD (the default, as on
 * Windows): librasdial's own event thread calls RasDialFunc/1/2 and sets
 * RasConnectionNotification events.  RASDIAL_DISPATCH_MANUAL: no thread
 * at all; the program polls rasdial_get_fd() (readable when there is
 * work: a kernel event, a pppd exit, a new dial) and then calls
 * rasdial_dispatch() on the thread it wants the notifiers on.
 *
 * rasdial_set_dispatch_mode(): before the first RasDial,
 * RasConnectionNotification, rasdial_get_fd or rasdial_dispatch; later,
 * changing the mode fails with ERROR_INVALID_FUNCTION (setting the mode
 * in force is fine).  Unknown mode: ERROR_INVALID_PARAMETER.
 *
 * rasdial_get_fd(): manual mode only (else -1, errno EINVAL); -1 with
 * errno when the kernel module is missing.  One fd for the process; do
 * not close it.
 *
 * rasdial_dispatch(): runs the pending notifier calls on the calling
 * thread, sends pppd the acknowledgements after each, reaps exited pppds;
 * never waits.  Returns ERROR_SUCCESS, ERROR_INVALID_FUNCTION in thread
 * mode, ERROR_ASYNC_REQUEST_PENDING when called from inside a notifier.
 * A synchronous RasDial (no notifier) in manual mode runs the loop
 * itself until the dial is over, so other dials' notifiers may run
 * inside it.
 */
/*
 * RASDIALEXTENSIONS.dwfOptions bit, outside Windows' RDEOPT_ range: the
 * notifier of this dial is called until the link ends (see above), not
 * only until RASCS_Connected.
 */
#define RDEOPT_RasdialNotifyLinkEnd	0x80000000

#define RASDIAL_DISPATCH_THREAD	0
#define RASDIAL_DISPATCH_MANUAL	1

RASDIAL_API DWORD rasdial_set_dispatch_mode(DWORD mode);
RASDIAL_API int rasdial_get_fd(void);
RASDIAL_API DWORD rasdial_dispatch(void);

/*
 * The relay between pppd's plugin and this library.
 *
 * RASDIAL_RELAY_KERNEL: rasdial.ko's generic netlink family (the full
 * mode).  The registry is system-wide: RasEnumConnections lists every
 * link of the caller's user (every link for root), a handle from another
 * process works, pppds that no RasDial started are listed, and the
 * kernel reports a pppd that dies.  Without the module every call that
 * needs it fails with ERROR_RASMAN_CANNOT_INITIALIZE.
 *
 * RASDIAL_RELAY_DIRECT: no module.  Each dial's pppd reports over a
 * socket this process gives it (pppd option rasdial-fd), so only the
 * process's own dials exist: RasEnumConnections, RasGetConnectStatus,
 * RasGetProjectionInfo, RasGetConnectionStatistics, RasHangUp and
 * RasConnectionNotification serve the links this process dialed;
 * another process's handle is ERROR_INVALID_HANDLE, and pppd sessions
 * not started by this library are invisible.  pppd's death is seen on
 * the socket (RASCS_Disconnected, ERROR_PORT_DISCONNECTED); RasHangUp
 * signals pppd through a pidfd.  A link outlives the process that dialed
 * it, as on Windows, but no RAS call of another process can reach it.
 * Entries that xl2tpd dials (L2TP) need the kernel: ERROR_NOT_SUPPORTED.
 *
 * RASDIAL_RELAY_AUTO (the default): the kernel when the "rasdial" family
 * is there when the library first needs a relay, else direct.  The
 * environment variable RASDIAL_RELAY ("kernel", "direct" or "auto") sets
 * the default; any other value makes the calls that need a relay fail
 * with ERROR_INVALID_PARAMETER.
 *
 * rasdial_set_relay_mode(): before the first call that needs a relay
 * (RasDial, RasEnumConnections, ...); once one is in use, asking for
 * another fails with ERROR_INVALID_FUNCTION.  Unknown mode:
 * ERROR_INVALID_PARAMETER.  rasdial_get_relay_mode(): the relay in use,
 * choosing it now if it is not chosen yet: RASDIAL_RELAY_KERNEL or
 * RASDIAL_RELAY_DIRECT, or RASDIAL_RELAY_AUTO when none can be used (the
 * kernel was asked for and is not there).
 */
#define RASDIAL_RELAY_AUTO	0
#define RASDIAL_RELAY_KERNEL	1
#define RASDIAL_RELAY_DIRECT	2

RASDIAL_API DWORD rasdial_set_relay_mode(DWORD mode);
RASDIAL_API DWORD rasdial_get_relay_mode(void);

/*
 * pppd's exit status (pppd(8) "EXIT STATUS": 5 user request, 8 connect
 * script failed, 16 hangup, 19 authentication failed, ...; 128 + N when
 * pppd was killed by signal N) for connection HRASCONN, which its RAS
 * dwError is derived from.  For a dial of this process it is the status
 * librasdial reaped, available until RasHangUp of the failed or ended
 * handle; for another process's link it is the status its plugin
 * reported when the link died, while the kernel still lists the link.
 * Returns ERROR_SUCCESS with *lpdwStatus set, PENDING (600) while pppd
 * has not exited (nor reported its status), ERROR_INVALID_HANDLE for a
 * handle no connection has, ERROR_INVALID_PARAMETER for a NULL pointer.
 */
RASDIAL_API DWORD APIENTRY rasdial_get_pppd_exit_status(HRASCONN hrasconn,
							LPDWORD lpdwStatus);

#ifdef __cplusplus
}
#endif

#endif /* _RASDIAL_RASDIAL_H_ */
