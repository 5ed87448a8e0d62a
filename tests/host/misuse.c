// SPDX-License-Identifier: GPL-2.0-only
/*
 * misuse: the API misuse table on the host (no rasdial.ko here): for
 * every function of librasdial.map, NULL for each pointer argument, wrong
 * dwSize (0, too small, between two valid sizes, too large), tiny
 * buffers (ERROR_BUFFER_TOO_SMALL with the size needed written back),
 * forged handles, and calls with the module absent.  Each row is one
 * test: {call, expected RAS error, what must hold afterwards}.  The
 * expected values are Windows' documented ones, or the shim's documented
 * choice (<rasdial/rasdial.h>) where Windows has no such case.  The rows
 * that need a live link or rmmod are in tests/vm/misuse.c.
 *
 * The -asan build runs the same table under ASan+UBSan: a crash or a
 * read of memory the row did not hand over fails it too.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <rasdial/rasdial.h>

#include "kselftest_harness.h"
#include "../vm/misuse.h"
#include "hosttest.h"

HT_KERNEL_RELAY_ONLY()

#define FORGED		((HRASCONN)(uintptr_t)0x7ffffff0)
#define UNTOUCHED	((HRASCONN)(uintptr_t)0x5a5a)

/* What every row starts from: valid structures, a peers directory with
 * two entries, a .pbk file, an event.
 */
static struct {
	char dir[64];
	char pbk[96];
	union {
		RASDIALPARAMSA p;
		unsigned char raw[8192];
	} p;
	union {
		RASDIALEXTENSIONS x;
		unsigned char raw[256];
	} x;
	union misuse_status st;
	union misuse_conns c;
	union {
		RASENTRYNAMEA e[4];
		unsigned char raw[8192];
	} e;
	union misuse_proj pr;
	RAS_STATS stats;
	char text[512];
	HRASCONN h;
	HANDLE ev;
	DWORD cb, n, status;
	bool module_missing;
} g;

static void write_file(const char *path, const char *text)
{
	FILE *f = fopen(path, "w");

	if (f) {
		fputs(text, f);
		fclose(f);
	}
}

static void setup(void)
{
	char path[128];
	DWORD cb = 0, n = 0;

	memset(&g, 0, sizeof(g));
	snprintf(g.dir, sizeof(g.dir), "/tmp/misuse.XXXXXX");
	if (!mkdtemp(g.dir))
		abort();
	snprintf(path, sizeof(path), "%s/alpha", g.dir);
	write_file(path, "plugin rasdial.so\nnoauth\n");
	snprintf(path, sizeof(path), "%s/beta", g.dir);
	write_file(path, "plugin rasdial.so\nnoauth\n");
	snprintf(g.pbk, sizeof(g.pbk), "%s.pbk", g.dir);
	write_file(g.pbk, "[one]\nPort=ttyS0\nPhoneNumber=1\n[two]\nPort=ttyS1\nPhoneNumber=2\n");

	g.p.p.dwSize = sizeof(g.p.p);
	strcpy(g.p.p.szEntryName, "alpha");
	g.x.x.dwSize = sizeof(g.x.x);
	g.st.st.dwSize = sizeof(g.st.st);
	g.c.c[0].dwSize = sizeof(g.c.c[0]);
	g.e.e[0].dwSize = sizeof(g.e.e[0]);
	g.pr.ip.dwSize = sizeof(RASPPPIPA);
	g.stats.dwSize = sizeof(g.stats);
	g.h = UNTOUCHED;
	g.cb = 0x7777;
	g.n = 0x7777;
	g.status = 0x7777;
	g.ev = rasdial_event_create();
	g.module_missing = RasEnumConnectionsA(NULL, &cb, &n) ==
			   ERROR_RASMAN_CANNOT_INITIALIZE;
}

static void teardown(void)
{
	char path[128];

	rasdial_event_close(g.ev);
	snprintf(path, sizeof(path), "%s/alpha", g.dir);
	unlink(path);
	snprintf(path, sizeof(path), "%s/beta", g.dir);
	unlink(path);
	rmdir(g.dir);
	unlink(g.pbk);
}

static void WINAPI func1(HRASCONN h, UINT msg, RASCONNSTATE s, DWORD e,
			 DWORD x)
{
	(void)h; (void)msg; (void)s; (void)e; (void)x;
}

/* Windows' error codes where it says; ours where rasdial.h documents a
 * choice.  N: the row needs the module to be absent (host).
 *
 * X(name, expected, call, must hold afterwards, N)
 */
#define SZ_ENTRY	sizeof(RASENTRYNAMEA)
#define ROWS(X)								\
	/* ---- RasDialA: NULL pointers, dwSize, notifier, no module */	\
	X(dial_params_null, ERROR_INVALID_PARAMETER,			\
	  RasDialA(NULL, g.dir, NULL, 0, NULL, &g.h), g.h == UNTOUCHED, 0) \
	X(dial_handle_null, ERROR_INVALID_PARAMETER,			\
	  RasDialA(NULL, g.dir, &g.p.p, 0, NULL, NULL), 1, 0)		\
	X(dial_size_0, ERROR_INVALID_SIZE,				\
	  (g.p.p.dwSize = 0, RasDialA(NULL, g.dir, &g.p.p, 0, NULL, &g.h)), \
	  g.h == UNTOUCHED, 0)						\
	X(dial_size_small, ERROR_INVALID_SIZE,				\
	  (g.p.p.dwSize = 735, RasDialA(NULL, g.dir, &g.p.p, 0, NULL, &g.h)), \
	  g.h == UNTOUCHED, 0)						\
	X(dial_size_between, ERROR_INVALID_SIZE,			\
	  (g.p.p.dwSize = 1060, RasDialA(NULL, g.dir, &g.p.p, 0, NULL, &g.h)), \
	  g.h == UNTOUCHED, 0)						\
	X(dial_size_large, ERROR_INVALID_SIZE,				\
	  (g.p.p.dwSize = 1080, RasDialA(NULL, g.dir, &g.p.p, 0, NULL, &g.h)), \
	  g.h == UNTOUCHED, 0)						\
	X(dial_size_huge, ERROR_INVALID_SIZE,				\
	  (g.p.p.dwSize = 0xFFFFFFFF,					\
	   RasDialA(NULL, g.dir, &g.p.p, 0, NULL, &g.h)), g.h == UNTOUCHED, 0) \
	X(dial_ext_size_0, ERROR_INVALID_SIZE,				\
	  (g.x.x.dwSize = 0, RasDialA(&g.x.x, g.dir, &g.p.p, 0, NULL, &g.h)), \
	  g.h == UNTOUCHED, 0)						\
	X(dial_ext_size_between, ERROR_INVALID_SIZE,			\
	  (g.x.x.dwSize = 40, RasDialA(&g.x.x, g.dir, &g.p.p, 0, NULL, &g.h)), \
	  g.h == UNTOUCHED, 0)						\
	X(dial_ext_size_large, ERROR_INVALID_SIZE,			\
	  (g.x.x.dwSize = 64, RasDialA(&g.x.x, g.dir, &g.p.p, 0, NULL, &g.h)), \
	  g.h == UNTOUCHED, 0)						\
	X(dial_notifier_hwnd, ERROR_INVALID_PARAMETER,			\
	  RasDialA(NULL, g.dir, &g.p.p, 0xFFFFFFFF, (LPVOID)func1, &g.h), \
	  g.h == UNTOUCHED, 0)						\
	X(dial_entry_unterminated, ERROR_INVALID_PARAMETER,		\
	  (memset(g.p.p.szEntryName, 'a', sizeof(g.p.p.szEntryName)),	\
	   RasDialA(NULL, g.dir, &g.p.p, 0, NULL, &g.h)), g.h == UNTOUCHED, 0) \
	X(dial_entry_too_long_for_a_file, ERROR_CANNOT_FIND_PHONEBOOK_ENTRY, \
	  (memset(g.p.p.szEntryName, 'a', RAS_MaxEntryName),		\
	   RasDialA(NULL, g.dir, &g.p.p, 0, NULL, &g.h)), g.h == UNTOUCHED, 0) \
	X(dial_phonebook_missing, ERROR_CANNOT_OPEN_PHONEBOOK,		\
	  RasDialA(NULL, "/nonexistent/x.pbk", &g.p.p, 0, NULL, &g.h),	\
	  g.h == UNTOUCHED, 0)						\
	X(dial_no_module, ERROR_RASMAN_CANNOT_INITIALIZE,		\
	  (g.h = NULL, RasDialA(NULL, g.dir, &g.p.p, 0, NULL, &g.h)),	\
	  g.h == NULL, 1)						\
	X(dial_async_no_module, ERROR_RASMAN_CANNOT_INITIALIZE,		\
	  (g.h = NULL, RasDialA(NULL, g.dir, &g.p.p, 1, (LPVOID)func1, &g.h)), \
	  g.h == NULL, 1)						\
	/* ---- RasHangUpA: no handle, forged handles */		\
	X(hangup_null, ERROR_INVALID_HANDLE, RasHangUpA(NULL), 1, 0)	\
	X(hangup_forged, ERROR_INVALID_HANDLE, RasHangUpA(FORGED), 1, 0) \
	X(hangup_forged_1, ERROR_INVALID_HANDLE,			\
	  RasHangUpA((HRASCONN)(uintptr_t)1), 1, 0)			\
	X(hangup_forged_max, ERROR_INVALID_HANDLE,			\
	  RasHangUpA((HRASCONN)(uintptr_t)0xFFFFFFFFu), 1, 0)		\
	X(hangup_forged_64bit, ERROR_INVALID_HANDLE,			\
	  RasHangUpA((HRASCONN)(uintptr_t)0x100000001ULL), 1, 0)	\
	X(hangup_invalid_handle_value, ERROR_INVALID_HANDLE,		\
	  RasHangUpA((HRASCONN)INVALID_HANDLE_VALUE), 1, 0)		\
	X(hangup_twice_forged, ERROR_INVALID_HANDLE,			\
	  (RasHangUpA(FORGED), RasHangUpA(FORGED)), 1, 0)		\
	/* ---- RasGetConnectStatusA */					\
	X(status_null_handle, ERROR_INVALID_HANDLE,			\
	  RasGetConnectStatusA(NULL, &g.st.st), 1, 0)			\
	X(status_null_struct, ERROR_INVALID_PARAMETER,			\
	  RasGetConnectStatusA(FORGED, NULL), 1, 0)			\
	X(status_size_0, ERROR_INVALID_SIZE,				\
	  (g.st.st.dwSize = 0, RasGetConnectStatusA(FORGED, &g.st.st)), 1, 0) \
	X(status_size_small, ERROR_INVALID_SIZE,			\
	  (g.st.st.dwSize = 60, RasGetConnectStatusA(FORGED, &g.st.st)), 1, 0) \
	X(status_size_between, ERROR_INVALID_SIZE,			\
	  (g.st.st.dwSize = 200, RasGetConnectStatusA(FORGED, &g.st.st)), 1, 0) \
	X(status_size_large, ERROR_INVALID_SIZE,			\
	  (g.st.st.dwSize = 336, RasGetConnectStatusA(FORGED, &g.st.st)), 1, 0) \
	X(status_forged, ERROR_INVALID_HANDLE,				\
	  RasGetConnectStatusA(FORGED, &g.st.st), 1, 0)			\
	X(status_forged_64bit, ERROR_INVALID_HANDLE,			\
	  RasGetConnectStatusA((HRASCONN)(uintptr_t)0x100000001ULL,	\
			       &g.st.st), 1, 0)				\
	/* ---- RasEnumConnectionsA */					\
	X(enumconn_lpcb_null, ERROR_INVALID_PARAMETER,			\
	  RasEnumConnectionsA(g.c.c, NULL, &g.n), g.n == 0x7777, 0)	\
	X(enumconn_count_null, ERROR_INVALID_PARAMETER,			\
	  RasEnumConnectionsA(g.c.c, &g.cb, NULL), g.cb == 0x7777, 0)	\
	X(enumconn_buffer_null_nonzero_cb, ERROR_RASMAN_CANNOT_INITIALIZE, \
	  (g.cb = 100, RasEnumConnectionsA(NULL, &g.cb, &g.n)), g.cb == 100, 1) \
	X(enumconn_size_0, ERROR_INVALID_SIZE,				\
	  (g.c.c[0].dwSize = 0, g.cb = sizeof(g.c),			\
	   RasEnumConnectionsA(g.c.c, &g.cb, &g.n)), 1, 0)		\
	X(enumconn_size_small, ERROR_INVALID_SIZE,			\
	  (g.c.c[0].dwSize = 32, g.cb = sizeof(g.c),			\
	   RasEnumConnectionsA(g.c.c, &g.cb, &g.n)), 1, 0)		\
	X(enumconn_size_between, ERROR_INVALID_SIZE,			\
	  (g.c.c[0].dwSize = 700, g.cb = sizeof(g.c),			\
	   RasEnumConnectionsA(g.c.c, &g.cb, &g.n)), 1, 0)		\
	X(enumconn_size_large, ERROR_INVALID_SIZE,			\
	  (g.c.c[0].dwSize = 728, g.cb = sizeof(g.c),			\
	   RasEnumConnectionsA(g.c.c, &g.cb, &g.n)), 1, 0)		\
	X(enumconn_no_module, ERROR_RASMAN_CANNOT_INITIALIZE,		\
	  (g.cb = sizeof(g.c), RasEnumConnectionsA(g.c.c, &g.cb, &g.n)), 1, 1) \
	/* ---- RasEnumEntriesA */					\
	X(enumentries_reserved, ERROR_NOT_SUPPORTED,			\
	  RasEnumEntriesA("x", g.dir, g.e.e, &g.cb, &g.n), 1, 0)	\
	X(enumentries_lpcb_null, ERROR_INVALID_PARAMETER,		\
	  RasEnumEntriesA(NULL, g.dir, g.e.e, NULL, &g.n), g.n == 0x7777, 0) \
	X(enumentries_count_null, ERROR_INVALID_PARAMETER,		\
	  RasEnumEntriesA(NULL, g.dir, g.e.e, &g.cb, NULL), g.cb == 0x7777, 0) \
	X(enumentries_buffer_null_nonzero_cb, ERROR_BUFFER_TOO_SMALL,	\
	  (g.cb = 100, RasEnumEntriesA(NULL, g.dir, NULL, &g.cb, &g.n)), \
	  g.cb == 2 * SZ_ENTRY && g.n == 2, 0)				\
	X(enumentries_size_0, ERROR_INVALID_SIZE,			\
	  (g.e.e[0].dwSize = 0, g.cb = sizeof(g.e),			\
	   RasEnumEntriesA(NULL, g.dir, g.e.e, &g.cb, &g.n)), 1, 0)	\
	X(enumentries_size_small, ERROR_INVALID_SIZE,			\
	  (g.e.e[0].dwSize = 260, g.cb = sizeof(g.e),			\
	   RasEnumEntriesA(NULL, g.dir, g.e.e, &g.cb, &g.n)), 1, 0)	\
	X(enumentries_size_between, ERROR_INVALID_SIZE,			\
	  (g.e.e[0].dwSize = SZ_ENTRY - 4, g.cb = sizeof(g.e),		\
	   RasEnumEntriesA(NULL, g.dir, g.e.e, &g.cb, &g.n)), 1, 0)	\
	X(enumentries_size_large, ERROR_INVALID_SIZE,			\
	  (g.e.e[0].dwSize = SZ_ENTRY + 4, g.cb = sizeof(g.e),		\
	   RasEnumEntriesA(NULL, g.dir, g.e.e, &g.cb, &g.n)), 1, 0)	\
	X(enumentries_how_big, ERROR_BUFFER_TOO_SMALL,			\
	  (g.cb = 0, RasEnumEntriesA(NULL, g.dir, NULL, &g.cb, &g.n)),	\
	  g.cb == 2 * SZ_ENTRY && g.n == 2, 0)				\
	X(enumentries_tiny_buffer, ERROR_BUFFER_TOO_SMALL,		\
	  (g.cb = SZ_ENTRY, RasEnumEntriesA(NULL, g.dir, g.e.e, &g.cb, &g.n)), \
	  g.cb == 2 * SZ_ENTRY && g.n == 2 && g.e.e[1].dwSize == 0, 0)	\
	X(enumentries_tiny_buffer_pbk, ERROR_BUFFER_TOO_SMALL,		\
	  (g.cb = 4, RasEnumEntriesA(NULL, g.pbk, g.e.e, &g.cb, &g.n)),	\
	  g.cb == 2 * SZ_ENTRY && g.n == 2, 0)				\
	X(enumentries_exact_buffer, ERROR_SUCCESS,			\
	  (g.cb = 2 * SZ_ENTRY,						\
	   RasEnumEntriesA(NULL, g.dir, g.e.e, &g.cb, &g.n)),		\
	  g.n == 2 && !strcmp(g.e.e[0].szEntryName, "alpha") &&		\
	  !strcmp(g.e.e[1].szEntryName, "beta"), 0)			\
	X(enumentries_missing_book, ERROR_CANNOT_OPEN_PHONEBOOK,	\
	  (g.cb = sizeof(g.e),						\
	   RasEnumEntriesA(NULL, "/nonexistent", g.e.e, &g.cb, &g.n)), 1, 0) \
	/* ---- RasGetErrorStringA */					\
	X(errstr_null, ERROR_INVALID_PARAMETER,				\
	  RasGetErrorStringA(ERROR_LINE_BUSY, NULL, 512), 1, 0)		\
	X(errstr_null_zero, ERROR_INVALID_PARAMETER,			\
	  RasGetErrorStringA(ERROR_LINE_BUSY, NULL, 0), 1, 0)		\
	X(errstr_tiny, ERROR_INSUFFICIENT_BUFFER,			\
	  (g.text[1] = 'x', RasGetErrorStringA(ERROR_LINE_BUSY, g.text, 1)), \
	  g.text[1] == 'x', 0)						\
	X(errstr_zero, ERROR_INSUFFICIENT_BUFFER,			\
	  RasGetErrorStringA(ERROR_LINE_BUSY, g.text, 0), 1, 0)		\
	X(errstr_unknown_code, ERROR_INVALID_PARAMETER,			\
	  RasGetErrorStringA(0x7fffffff, g.text, sizeof(g.text)), 1, 0)	\
	/* ---- RasGetProjectionInfoA */				\
	X(proj_null_handle, ERROR_INVALID_HANDLE,			\
	  (g.cb = sizeof(RASPPPIPA),					\
	   RasGetProjectionInfoA(NULL, RASP_PppIp, &g.pr, &g.cb)), 1, 0) \
	X(proj_null_struct, ERROR_INVALID_PARAMETER,			\
	  (g.cb = sizeof(RASPPPIPA),					\
	   RasGetProjectionInfoA(FORGED, RASP_PppIp, NULL, &g.cb)), 1, 0) \
	X(proj_null_lpcb, ERROR_INVALID_PARAMETER,			\
	  RasGetProjectionInfoA(FORGED, RASP_PppIp, &g.pr, NULL), 1, 0)	\
	X(proj_unknown_protocol, ERROR_INVALID_PARAMETER,		\
	  (g.cb = sizeof(g.pr),						\
	   RasGetProjectionInfoA(FORGED, (RASPROJECTION)0x1234, &g.pr, &g.cb)), \
	  1, 0)								\
	X(proj_tiny_cb, ERROR_BUFFER_TOO_SMALL,				\
	  (g.cb = 2, RasGetProjectionInfoA(FORGED, RASP_PppIp, &g.pr, &g.cb)), \
	  g.cb == sizeof(RASPPPIPA), 0)					\
	X(proj_cb_below_dwsize, ERROR_BUFFER_TOO_SMALL,			\
	  (g.pr.ip.dwSize = 48, g.cb = 24,				\
	   RasGetProjectionInfoA(FORGED, RASP_PppIp, &g.pr, &g.cb)),	\
	  g.cb == 48, 0)						\
	X(proj_lcp_cb_below_dwsize, ERROR_BUFFER_TOO_SMALL,		\
	  (g.pr.lcp.dwSize = 1080, g.cb = 100,				\
	   RasGetProjectionInfoA(FORGED, RASP_PppLcp, &g.pr, &g.cb)),	\
	  g.cb == 1080, 0)						\
	X(proj_size_0, ERROR_INVALID_SIZE,				\
	  (g.pr.ip.dwSize = 0, g.cb = sizeof(g.pr),			\
	   RasGetProjectionInfoA(FORGED, RASP_PppIp, &g.pr, &g.cb)), 1, 0) \
	X(proj_size_between, ERROR_INVALID_SIZE,			\
	  (g.pr.ip.dwSize = 32, g.cb = sizeof(g.pr),			\
	   RasGetProjectionInfoA(FORGED, RASP_PppIp, &g.pr, &g.cb)), 1, 0) \
	X(proj_size_large, ERROR_INVALID_SIZE,				\
	  (g.pr.ip.dwSize = 52, g.cb = sizeof(g.pr),			\
	   RasGetProjectionInfoA(FORGED, RASP_PppIp, &g.pr, &g.cb)), 1, 0) \
	X(proj_forged, ERROR_INVALID_HANDLE,				\
	  (g.cb = sizeof(RASPPPIPA),					\
	   RasGetProjectionInfoA(FORGED, RASP_PppIp, &g.pr, &g.cb)), 1, 0) \
	/* ---- RasGetConnectionStatistics / RasGetLinkStatistics */	\
	X(stats_null_handle, ERROR_INVALID_HANDLE,			\
	  RasGetConnectionStatistics(NULL, &g.stats), 1, 0)		\
	X(stats_null_struct, ERROR_INVALID_PARAMETER,			\
	  RasGetConnectionStatistics(FORGED, NULL), 1, 0)		\
	X(stats_size_0, ERROR_INVALID_SIZE,				\
	  (g.stats.dwSize = 0, RasGetConnectionStatistics(FORGED, &g.stats)), \
	  1, 0)								\
	X(stats_size_small, ERROR_INVALID_SIZE,				\
	  (g.stats.dwSize = 56, RasGetConnectionStatistics(FORGED, &g.stats)), \
	  1, 0)								\
	X(stats_size_large, ERROR_INVALID_SIZE,				\
	  (g.stats.dwSize = 64, RasGetConnectionStatistics(FORGED, &g.stats)), \
	  1, 0)								\
	X(stats_forged, ERROR_INVALID_HANDLE,				\
	  RasGetConnectionStatistics(FORGED, &g.stats), 1, 0)		\
	X(linkstats_null_struct, ERROR_INVALID_PARAMETER,		\
	  RasGetLinkStatistics(FORGED, 1, NULL), 1, 0)			\
	X(linkstats_subentry_0, ERROR_INVALID_PARAMETER,		\
	  RasGetLinkStatistics(FORGED, 0, &g.stats), 1, 0)		\
	X(linkstats_subentry_2, ERROR_INVALID_PARAMETER,		\
	  RasGetLinkStatistics(FORGED, 2, &g.stats), 1, 0)		\
	X(linkstats_null_handle, ERROR_INVALID_HANDLE,			\
	  RasGetLinkStatistics(NULL, 1, &g.stats), 1, 0)		\
	X(linkstats_forged, ERROR_INVALID_HANDLE,			\
	  RasGetLinkStatistics(FORGED, 1, &g.stats), 1, 0)		\
	/* ---- RasConnectionNotificationA and the events */		\
	X(notif_null_event, ERROR_INVALID_HANDLE,			\
	  RasConnectionNotificationA((HRASCONN)INVALID_HANDLE_VALUE, NULL, \
				     RASCN_Connection), 1, 0)		\
	X(notif_forged_event, ERROR_INVALID_HANDLE,			\
	  RasConnectionNotificationA((HRASCONN)INVALID_HANDLE_VALUE,	\
				     (HANDLE)&g, RASCN_Connection), 1, 0) \
	X(notif_stale_event, ERROR_INVALID_HANDLE,			\
	  (rasdial_event_close(g.ev),					\
	   RasConnectionNotificationA((HRASCONN)INVALID_HANDLE_VALUE, g.ev, \
				      RASCN_Connection)),		\
	  (g.ev = NULL, 1), 0)						\
	X(notif_forged_conn, ERROR_INVALID_HANDLE,			\
	  RasConnectionNotificationA(FORGED, g.ev, RASCN_Disconnection), 1, 0) \
	X(notif_null_conn, ERROR_INVALID_HANDLE,			\
	  RasConnectionNotificationA(NULL, g.ev, RASCN_Disconnection), 1, 0) \
	X(notif_no_flags, ERROR_INVALID_PARAMETER,			\
	  RasConnectionNotificationA((HRASCONN)INVALID_HANDLE_VALUE, g.ev, 0), \
	  1, 0)								\
	X(notif_unknown_flags, ERROR_INVALID_PARAMETER,			\
	  RasConnectionNotificationA((HRASCONN)INVALID_HANDLE_VALUE, g.ev, \
				     0x80000000), 1, 0)			\
	X(notif_no_module, ERROR_RASMAN_CANNOT_INITIALIZE,		\
	  RasConnectionNotificationA((HRASCONN)INVALID_HANDLE_VALUE, g.ev, \
				     RASCN_Connection), 1, 1)		\
	X(event_fd_null, (DWORD)-1, (DWORD)rasdial_event_fd(NULL), 1, 0) \
	X(event_fd_forged, (DWORD)-1, (DWORD)rasdial_event_fd((HANDLE)&g), \
	  1, 0)								\
	X(event_fd_stale, (DWORD)-1,					\
	  (rasdial_event_close(g.ev), (DWORD)rasdial_event_fd(g.ev)),	\
	  (g.ev = NULL, 1), 0)						\
	X(event_close_null_forged_twice, ERROR_SUCCESS,			\
	  (rasdial_event_close(NULL), rasdial_event_close((HANDLE)&g),	\
	   rasdial_event_close(g.ev), rasdial_event_close(g.ev),	\
	   (DWORD)ERROR_SUCCESS), (g.ev = NULL, 1), 0)			\
	/* ---- Linux extensions */					\
	X(exit_status_null, ERROR_INVALID_PARAMETER,			\
	  rasdial_get_pppd_exit_status(FORGED, NULL), 1, 0)		\
	X(exit_status_null_handle, ERROR_INVALID_HANDLE,		\
	  rasdial_get_pppd_exit_status(NULL, &g.status),		\
	  g.status == 0x7777, 0)					\
	X(exit_status_forged, ERROR_INVALID_HANDLE,			\
	  rasdial_get_pppd_exit_status(FORGED, &g.status),		\
	  g.status == 0x7777, 0)					\
	X(state_name_unknown, ERROR_SUCCESS,				\
	  (DWORD)(rasdial_state_name((RASCONNSTATE)0x7777) != NULL), 1, 0) \
	X(last_detail_not_null, ERROR_SUCCESS,				\
	  (DWORD)(rasdial_last_detail() == NULL), 1, 0)			\
	X(dispatch_mode_unknown, ERROR_INVALID_PARAMETER,		\
	  rasdial_set_dispatch_mode(7), 1, 0)				\
	X(dispatch_in_thread_mode, ERROR_INVALID_FUNCTION,		\
	  rasdial_dispatch(), 1, 0)					\
	X(get_fd_in_thread_mode, (DWORD)-1, (DWORD)rasdial_get_fd(), 1, 0) \
	X(dispatch_no_module, ERROR_RASMAN_CANNOT_INITIALIZE,		\
	  (rasdial_set_dispatch_mode(RASDIAL_DISPATCH_MANUAL),		\
	   rasdial_dispatch()), 1, 1)

/* ---- Issue 14: the W entry points (wide.c).  Their own buffers; the
 * peers directory of setup() as UTF-16 in wdir. */
static struct {
	WCHAR wdir[64];
	RASDIALPARAMSW p;
	RASCONNSTATUSW st;
	RASCONNW c[2];
	RASENTRYNAMEW e[2];
	RASPPPIPW ip;
	WCHAR text[512];
} gw;

static void setup_w(void)
{
	size_t i;

	memset(&gw, 0, sizeof(gw));
	for (i = 0; g.dir[i]; i++)
		gw.wdir[i] = (WCHAR)g.dir[i];
	gw.p.dwSize = sizeof(gw.p);
	memcpy(gw.p.szEntryName, u"alpha", sizeof(u"alpha"));
	gw.st.dwSize = sizeof(gw.st);
	gw.c[0].dwSize = sizeof(gw.c[0]);
	gw.e[0].dwSize = sizeof(gw.e[0]);
	gw.ip.dwSize = sizeof(gw.ip);
}

#define ROWS_WIDE(X)							\
	X(dialw_params_null, ERROR_INVALID_PARAMETER,			\
	  (setup_w(), RasDialW(NULL, gw.wdir, NULL, 0, NULL, &g.h)),	\
	  g.h == UNTOUCHED, 0)						\
	X(dialw_handle_null, ERROR_INVALID_PARAMETER,			\
	  (setup_w(), RasDialW(NULL, gw.wdir, &gw.p, 0, NULL, NULL)), 1, 0) \
	X(dialw_size_0, ERROR_INVALID_SIZE,				\
	  (setup_w(), gw.p.dwSize = 0,					\
	   RasDialW(NULL, gw.wdir, &gw.p, 0, NULL, &g.h)), g.h == UNTOUCHED, 0) \
	X(dialw_size_of_a, ERROR_INVALID_SIZE,				\
	  (setup_w(), gw.p.dwSize = sizeof(RASDIALPARAMSA),		\
	   RasDialW(NULL, gw.wdir, &gw.p, 0, NULL, &g.h)), g.h == UNTOUCHED, 0) \
	X(dialw_lone_surrogate, ERROR_INVALID_PARAMETER,		\
	  (setup_w(), gw.p.szEntryName[1] = 0xD800,			\
	   RasDialW(NULL, gw.wdir, &gw.p, 0, NULL, &g.h)), g.h == UNTOUCHED, 0) \
	X(dialw_no_module, ERROR_RASMAN_CANNOT_INITIALIZE,		\
	  (setup_w(), g.h = NULL,					\
	   RasDialW(NULL, gw.wdir, &gw.p, 0, NULL, &g.h)), g.h == NULL, 1)						\
	X(hangupw_null, ERROR_INVALID_HANDLE, RasHangUpW(NULL), 1, 0)	\
	X(hangupw_forged, ERROR_INVALID_HANDLE, RasHangUpW(FORGED), 1, 0) \
	X(statusw_null_struct, ERROR_INVALID_PARAMETER,			\
	  RasGetConnectStatusW(FORGED, NULL), 1, 0)			\
	X(statusw_size_of_a, ERROR_INVALID_SIZE,			\
	  (setup_w(), gw.st.dwSize = sizeof(RASCONNSTATUSA),		\
	   RasGetConnectStatusW(FORGED, &gw.st)), 1, 0)			\
	X(enumconnw_null_cb, ERROR_INVALID_PARAMETER,			\
	  (setup_w(), RasEnumConnectionsW(gw.c, NULL, &g.n)), g.n == 0x7777, 0) \
	X(enumconnw_size_0, ERROR_INVALID_SIZE,				\
	  (setup_w(), gw.c[0].dwSize = 0,				\
	   RasEnumConnectionsW(gw.c, &g.cb, &g.n)), g.n == 0x7777, 0)	\
	X(enumentriesw_reserved, ERROR_NOT_SUPPORTED,			\
	  (setup_w(), RasEnumEntriesW(u"", gw.wdir, gw.e, &g.cb, &g.n)),	\
	  g.n == 0x7777, 0)						\
	X(enumentriesw_size_plus_1, ERROR_INVALID_SIZE,			\
	  (setup_w(), gw.e[0].dwSize = sizeof(RASENTRYNAMEW) + 1,	\
	   RasEnumEntriesW(NULL, gw.wdir, gw.e, &g.cb, &g.n)), g.n == 0x7777, 0) \
	X(enumentriesw_null_buffer, ERROR_BUFFER_TOO_SMALL,		\
	  (setup_w(), RasEnumEntriesW(NULL, gw.wdir, NULL, &g.cb, &g.n)), \
	  g.n == 2 && g.cb == 2 * sizeof(RASENTRYNAMEW), 0)		\
	X(errorstringw_null, ERROR_INVALID_PARAMETER,			\
	  RasGetErrorStringW(ERROR_INVALID_SIZE, NULL, 512), 1, 0)	\
	X(errorstringw_one_wchar, ERROR_INSUFFICIENT_BUFFER,		\
	  (setup_w(), RasGetErrorStringW(ERROR_INVALID_SIZE, gw.text, 1)), \
	  gw.text[0] == 0, 0)						\
	X(projectionw_null, ERROR_INVALID_PARAMETER,			\
	  RasGetProjectionInfoW(FORGED, RASP_PppIp, NULL, &g.cb), 1, 0)	\
	X(projectionw_size_of_a, ERROR_INVALID_SIZE,			\
	  (setup_w(), gw.ip.dwSize = sizeof(RASPPPIPA), g.cb = sizeof(gw.ip), \
	   RasGetProjectionInfoW(FORGED, RASP_PppIp, &gw.ip, &g.cb)), 1, 0) \
	X(notificationw_no_flags, ERROR_INVALID_PARAMETER,		\
	  RasConnectionNotificationW(FORGED, g.ev, 0), 1, 0)

#define ROW_TEST(name, expected, call, post, no_module)			\
	TEST(name)							\
	{								\
		DWORD got;						\
									\
		setup();						\
		if ((no_module) && !g.module_missing) {			\
			teardown();					\
			SKIP(return, "the rasdial family is there");	\
		}							\
		got = (call);						\
		MISUSE_CHECK(expected, got, #call, post, #post);		\
		teardown();						\
	}

ROWS(ROW_TEST)
ROWS_WIDE(ROW_TEST)

/* ---- Devices and entries (RasEnumDevices, RasValidateEntryName,
 * RasDeleteEntry, RasRenameEntry): rows of their own, same harness. */
#define SZ_DEV		sizeof(RASDEVINFOA)
static union {
	RASDEVINFOA d[64];
	unsigned char raw[64 * sizeof(RASDEVINFOA)];
} gd;
static union {
	RASENTRYA e;
	unsigned char raw[8192];
} ge;
static union {
	RASENTRYW e;
	unsigned char raw[16384];
} gwe;
static const WCHAR w_bad[] = { 'x', 0xDC00, 0 };
static const WCHAR w_alpha[] = { 'a', 'l', 'p', 'h', 'a', 0 };
/* RasSetEntryProperties rows: a refused call creates no entry "new". */
static bool no_new_entry(void)
{
	char path[160];

	snprintf(path, sizeof(path), "%s/new", g.dir);
	return access(path, F_OK) < 0;
}
static RASENTRYA *set_a_entry(DWORD size)
{
	memset(&ge, 0, sizeof(ge));
	ge.e.dwSize = size;
	ge.e.dwFramingProtocol = RASFP_Ppp;
	ge.e.dwType = RASET_Phone;
	ge.e.dwfNetProtocols = RASNP_Ip;
	snprintf(ge.e.szDeviceType, sizeof(ge.e.szDeviceType), "modem");
	snprintf(ge.e.szDeviceName, sizeof(ge.e.szDeviceName), "ttyS0");
	snprintf(ge.e.szLocalPhoneNumber, sizeof(ge.e.szLocalPhoneNumber), "1");
	return &ge.e;
}
static const WCHAR w_new[] = { 'n', 'e', 'w', 0 };
#define ROWS_ENTRIES(X)							\
	X(enumdev_lpcb_null, ERROR_INVALID_PARAMETER,			\
	  (gd.d[0].dwSize = SZ_DEV, RasEnumDevicesA(gd.d, NULL, &g.n)),	\
	  g.n == 0x7777, 0)						\
	X(enumdev_count_null, ERROR_INVALID_PARAMETER,			\
	  (gd.d[0].dwSize = SZ_DEV, RasEnumDevicesA(gd.d, &g.cb, NULL)), \
	  g.cb == 0x7777, 0)						\
	X(enumdev_both_null, ERROR_INVALID_PARAMETER,			\
	  RasEnumDevicesA(NULL, NULL, NULL), 1, 0)			\
	X(enumdev_size_0, ERROR_INVALID_SIZE,				\
	  (gd.d[0].dwSize = 0, g.cb = sizeof(gd),			\
	   RasEnumDevicesA(gd.d, &g.cb, &g.n)), g.n == 0x7777, 0)	\
	X(enumdev_size_small, ERROR_INVALID_SIZE,			\
	  (gd.d[0].dwSize = SZ_DEV - 1, g.cb = sizeof(gd),		\
	   RasEnumDevicesA(gd.d, &g.cb, &g.n)), g.n == 0x7777, 0)	\
	X(enumdev_size_large, ERROR_INVALID_SIZE,			\
	  (gd.d[0].dwSize = SZ_DEV + 1, g.cb = sizeof(gd),		\
	   RasEnumDevicesA(gd.d, &g.cb, &g.n)), g.n == 0x7777, 0)	\
	X(enumdev_w_size_of_a, ERROR_INVALID_SIZE,			\
	  (gd.d[0].dwSize = SZ_DEV, g.cb = sizeof(gd),			\
	   RasEnumDevicesW((RASDEVINFOW *)gd.d, &g.cb, &g.n)),		\
	  g.n == 0x7777, 0)						\
	X(validate_null_name, ERROR_INVALID_NAME,			\
	  RasValidateEntryNameA(g.dir, NULL), 1, 0)			\
	X(validate_empty_name, ERROR_INVALID_NAME,			\
	  RasValidateEntryNameA(g.dir, ""), 1, 0)			\
	X(validate_slash, ERROR_INVALID_NAME,				\
	  RasValidateEntryNameA(g.dir, "../x"), 1, 0)			\
	X(validate_exists, ERROR_ALREADY_EXISTS,			\
	  RasValidateEntryNameA(g.dir, "alpha"), 1, 0)			\
	X(validate_no_book, ERROR_CANNOT_OPEN_PHONEBOOK,		\
	  RasValidateEntryNameA("/nonexistent", "x"), 1, 0)		\
	X(validate_w_surrogate, ERROR_INVALID_NAME,			\
	  RasValidateEntryNameW(NULL, w_bad), 1, 0)			\
	X(delete_null_name, ERROR_CANNOT_FIND_PHONEBOOK_ENTRY,		\
	  RasDeleteEntryA(g.dir, NULL), 1, 0)				\
	X(delete_missing, ERROR_CANNOT_FIND_PHONEBOOK_ENTRY,		\
	  RasDeleteEntryA(g.dir, "nope"), 1, 0)				\
	X(delete_dotdot, ERROR_CANNOT_FIND_PHONEBOOK_ENTRY,		\
	  RasDeleteEntryA(g.dir, ".."), 1, 0)				\
	X(delete_pbk_missing, ERROR_CANNOT_FIND_PHONEBOOK_ENTRY,	\
	  RasDeleteEntryA(g.pbk, "nope"), 1, 0)				\
	X(delete_w_surrogate, ERROR_CANNOT_FIND_PHONEBOOK_ENTRY,	\
	  RasDeleteEntryW(NULL, w_bad), 1, 0)				\
	X(rename_null_old, ERROR_CANNOT_FIND_PHONEBOOK_ENTRY,		\
	  RasRenameEntryA(g.dir, NULL, "x"), 1, 0)			\
	X(rename_null_new, ERROR_INVALID_NAME,				\
	  RasRenameEntryA(g.dir, "alpha", NULL), 1, 0)			\
	X(rename_onto_existing, ERROR_ALREADY_EXISTS,			\
	  RasRenameEntryA(g.dir, "alpha", "beta"), 1, 0)		\
	X(rename_w_surrogate, ERROR_INVALID_NAME,			\
	  RasRenameEntryW(NULL, w_alpha, w_bad), 1, 0)			\
	X(getentry_lpcb_null, ERROR_INVALID_PARAMETER,			\
	  RasGetEntryPropertiesA(g.dir, "alpha", NULL, NULL, NULL, NULL), \
	  1, 0)								\
	X(getentry_size_0, ERROR_INVALID_SIZE,				\
	  (ge.e.dwSize = 0, g.cb = sizeof(ge),				\
	   RasGetEntryPropertiesA(g.dir, "alpha", &ge.e, &g.cb, NULL, NULL)), \
	  g.cb == sizeof(ge), 0)					\
	X(getentry_size_between, ERROR_INVALID_SIZE,			\
	  (ge.e.dwSize = sizeof(ge.e) - 4, g.cb = sizeof(ge),		\
	   RasGetEntryPropertiesA(g.dir, "alpha", &ge.e, &g.cb, NULL, NULL)), \
	  1, 0)								\
	X(getentry_size_large, ERROR_INVALID_SIZE,			\
	  (ge.e.dwSize = sizeof(ge.e) + 4, g.cb = sizeof(ge),		\
	   RasGetEntryPropertiesA(g.dir, "alpha", &ge.e, &g.cb, NULL, NULL)), \
	  1, 0)								\
	X(getentry_how_big, ERROR_BUFFER_TOO_SMALL,			\
	  (g.cb = 0,							\
	   RasGetEntryPropertiesA(g.dir, "alpha", NULL, &g.cb, NULL, NULL)), \
	  g.cb >= sizeof(ge.e), 0)					\
	X(getentry_tiny, ERROR_BUFFER_TOO_SMALL,			\
	  (ge.e.dwSize = sizeof(ge.e), g.cb = 4,			\
	   RasGetEntryPropertiesA(g.dir, "alpha", &ge.e, &g.cb, NULL, NULL)), \
	  g.cb == sizeof(ge.e), 0)					\
	X(getentry_missing, ERROR_CANNOT_FIND_PHONEBOOK_ENTRY,		\
	  (ge.e.dwSize = sizeof(ge.e), g.cb = sizeof(ge),		\
	   RasGetEntryPropertiesA(g.dir, "nope", &ge.e, &g.cb, NULL, NULL)), \
	  1, 0)								\
	X(getentry_pbk_missing, ERROR_CANNOT_FIND_PHONEBOOK_ENTRY,	\
	  (ge.e.dwSize = sizeof(ge.e), g.cb = sizeof(ge),		\
	   RasGetEntryPropertiesA(g.pbk, "nope", &ge.e, &g.cb, NULL, NULL)), \
	  1, 0)								\
	X(getentry_w_surrogate, ERROR_CANNOT_FIND_PHONEBOOK_ENTRY,	\
	  (gwe.e.dwSize = sizeof(gwe.e), g.cb = sizeof(gwe),		\
	   RasGetEntryPropertiesW(NULL, w_bad, &gwe.e, &g.cb, NULL, NULL)), \
	  1, 0)								\
	X(setentry_null, ERROR_BUFFER_INVALID,				\
	  RasSetEntryPropertiesA(g.dir, "new", NULL, 0, NULL, 0),	\
	  no_new_entry(), 0)						\
	X(setentry_size_0, ERROR_INVALID_SIZE,				\
	  RasSetEntryPropertiesA(g.dir, "new", set_a_entry(0), sizeof(ge), \
				 NULL, 0), no_new_entry(), 0)		\
	X(setentry_size_large, ERROR_INVALID_SIZE,			\
	  RasSetEntryPropertiesA(g.dir, "new", set_a_entry(sizeof(ge.e) + 4), \
				 sizeof(ge), NULL, 0), no_new_entry(), 0) \
	X(setentry_short_buffer, ERROR_BUFFER_INVALID,			\
	  RasSetEntryPropertiesA(g.dir, "new", set_a_entry(sizeof(ge.e)), \
				 sizeof(ge.e) - 1, NULL, 0), no_new_entry(), 0) \
	X(setentry_alternates_outside, ERROR_BUFFER_INVALID,		\
	  (set_a_entry(sizeof(ge.e)), ge.e.dwAlternateOffset = sizeof(ge), \
	   RasSetEntryPropertiesA(g.dir, "new", &ge.e, sizeof(ge.e), NULL, 0)), \
	  no_new_entry(), 0)						\
	X(setentry_no_framing, ERROR_INVALID_PARAMETER,			\
	  (set_a_entry(sizeof(ge.e)), ge.e.dwFramingProtocol = 0,	\
	   RasSetEntryPropertiesA(g.dir, "new", &ge.e, sizeof(ge.e), NULL, 0)), \
	  no_new_entry(), 0)						\
	X(setentry_no_device_type, ERROR_INVALID_PARAMETER,		\
	  (set_a_entry(sizeof(ge.e)), ge.e.szDeviceType[0] = 0,	\
	   RasSetEntryPropertiesA(g.dir, "new", &ge.e, sizeof(ge.e), NULL, 0)), \
	  no_new_entry(), 0)						\
	X(setentry_bad_name, ERROR_INVALID_NAME,			\
	  RasSetEntryPropertiesA(g.dir, "../new", set_a_entry(sizeof(ge.e)), \
				 sizeof(ge.e), NULL, 0), no_new_entry(), 0) \
	X(setentry_null_name, ERROR_INVALID_NAME,			\
	  RasSetEntryPropertiesA(g.dir, NULL, set_a_entry(sizeof(ge.e)), \
				 sizeof(ge.e), NULL, 0), 1, 0)		\
	X(setentry_no_book, ERROR_CANNOT_OPEN_PHONEBOOK,		\
	  RasSetEntryPropertiesA("/nonexistent", "new",			\
				 set_a_entry(sizeof(ge.e)), sizeof(ge.e), \
				 NULL, 0), 1, 0)			\
	X(setentry_pbk_bad_name, ERROR_INVALID_NAME,			\
	  RasSetEntryPropertiesA(g.pbk, "o]ne", set_a_entry(sizeof(ge.e)), \
				 sizeof(ge.e), NULL, 0), 1, 0)		\
	X(setentry_w_size_of_a, ERROR_INVALID_SIZE,			\
	  (gwe.e.dwSize = sizeof(RASENTRYA),				\
	   RasSetEntryPropertiesW(NULL, w_new, &gwe.e, sizeof(gwe), NULL, 0)), \
	  1, 0)								\
	X(setentry_w_surrogate, ERROR_INVALID_NAME,			\
	  (gwe.e.dwSize = sizeof(gwe.e),				\
	   RasSetEntryPropertiesW(NULL, w_bad, &gwe.e, sizeof(gwe), NULL, 0)), \
	  1, 0)

ROWS_ENTRIES(ROW_TEST)

TEST_HARNESS_MAIN
