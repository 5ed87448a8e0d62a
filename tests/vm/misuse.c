// SPDX-License-Identifier: GPL-2.0-only
/*
 * misuse (VM part): the API misuse rows that need rasdial.ko and a real
 * link (tests/host/misuse.c has the rest): NULL pointers, wrong dwSize
 * and tiny buffers against a live handle, forged handles next to a live
 * one, stale handles after RasHangUp, double RasHangUp, RasHangUp of a
 * dial that failed, and calls after "rmmod rasdial".  Each row checks
 * the documented RAS error (Windows', or the shim's documented choice in
 * <rasdial/rasdial.h>) and what must hold afterwards.
 *
 * Runs inside the test VM (tests/vm/run-in-vm misuse): real pppd pairs
 * over a pty (tests/vm/dialtest.h).  In both relays (vm/misuse@direct:
 * there z_module_gone checks the relay's mode calls instead).
 * vm-relays: kernel direct
 *  The rmmod test runs last and loads
 * the module again.
 */
#include <poll.h>
#include <sys/types.h>

#include "dialtest.h"

#include "kselftest_harness.h"
#include "misuse.h"

#define ENTRY		"misuse"

/* One row: CALL must return EXPECTED, then POST must hold. */
#define ROW(expected, call, post)					\
	do {								\
		DWORD got_ = (call);					\
									\
		MISUSE_CHECK(expected, got_, #call, post, #post);		\
		rows++;							\
	} while (0)

/* Size of a pack(4) layout that ends with FIELD. */
#define END_OF(type, field) \
	((offsetof(type, field) + sizeof(((type *)0)->field) + 3) & ~(size_t)3)

/*
 * RasEnumConnectionsA with the layout SIZE: one conn, H named ENTRY, the
 * owner flags where the layout has dwFlags (we dialed it), and nothing
 * written past SIZE.
 */
static bool enum_layout_ok(HRASCONN h, DWORD size)
{
	union {
		RASCONNA c;
		unsigned char raw[2048];
	} buf;
	DWORD cb = size, n = 0, flags;

	memset(&buf, 0x5a, sizeof(buf));
	buf.c.dwSize = size;
	if (RasEnumConnectionsA(&buf.c, &cb, &n) || n != 1 || cb != size ||
	    buf.c.dwSize != size || buf.c.hrasconn != h ||
	    strcmp(buf.c.szEntryName, ENTRY) || buf.raw[size] != 0x5a)
		return false;
	if (size < offsetof(RASCONNA, dwFlags) + sizeof(DWORD))
		return true;
	memcpy(&flags, buf.raw + offsetof(RASCONNA, dwFlags), sizeof(flags));
	return flags == (RASCF_OwnerKnown | RASCF_OwnerMatch);
}

static HRASCONN forged(HRASCONN live, unsigned int delta)
{
	return (HRASCONN)(uintptr_t)(dt_conn_id(live) + delta);
}

FIXTURE(link) {
	HRASCONN h;
	RASDIALPARAMSA p;
};

FIXTURE_SETUP(link)
{
	dt_setup_entry(ENTRY, DT_AUTH_CHAP, NULL);
	dt_params(&self->p, ENTRY, NULL);
	self->h = NULL;
}

FIXTURE_TEARDOWN(link)
{
	if (self->h)
		RasHangUpA(self->h);
	dt_wait_registry_empty(10000);
}

/* A synchronous dial to RASCS_Connected. */
static DWORD dial(FIXTURE_DATA(link) *self)
{
	return RasDialA(NULL, NULL, &self->p, 1, NULL, &self->h);
}

TEST_F(link, live_handle)
{
	union misuse_status st;
	union misuse_conns c;
	union misuse_proj pr;
	RAS_STATS stats = { .dwSize = sizeof(stats) };
	HRASCONN h, other = (HRASCONN)(uintptr_t)0x5a5a;
	HANDLE ev = rasdial_event_create();
	DWORD cb, n, status = 0x7777, ret;
	int rows = 0;

	ASSERT_EQ(0, dial(self));
	h = self->h;
	ASSERT_NE(NULL, ev);
	memset(&st, 0, sizeof(st));
	memset(&c, 0, sizeof(c));
	memset(&pr, 0, sizeof(pr));

	/* RasDialA with the module there: argument errors come first. */
	ROW(ERROR_INVALID_PARAMETER, RasDialA(NULL, NULL, &self->p, 1, NULL, NULL), 1);
	ROW(ERROR_INVALID_PARAMETER, RasDialA(NULL, NULL, NULL, 1, NULL, &other),
	    other == (HRASCONN)(uintptr_t)0x5a5a);
	ROW(ERROR_INVALID_SIZE, (self->p.dwSize = 1060,
				 RasDialA(NULL, NULL, &self->p, 1, NULL, &other)),
	    other == (HRASCONN)(uintptr_t)0x5a5a);
	self->p.dwSize = sizeof(self->p);

	/* RasGetConnectStatusA on the live handle. */
	ROW(ERROR_INVALID_PARAMETER, RasGetConnectStatusA(h, NULL), 1);
	ROW(ERROR_INVALID_SIZE, (st.st.dwSize = 0, RasGetConnectStatusA(h, &st.st)), 1);
	ROW(ERROR_INVALID_SIZE, (st.st.dwSize = 60, RasGetConnectStatusA(h, &st.st)), 1);
	ROW(ERROR_INVALID_SIZE, (st.st.dwSize = 200, RasGetConnectStatusA(h, &st.st)), 1);
	ROW(ERROR_INVALID_SIZE, (st.st.dwSize = 336, RasGetConnectStatusA(h, &st.st)), 1);
	ROW(ERROR_SUCCESS, (st.st.dwSize = sizeof(st.st), RasGetConnectStatusA(h, &st.st)),
	    st.st.rasconnstate == RASCS_Connected && st.st.dwError == 0);

	/* RasEnumConnectionsA: tiny buffers get the size needed. */
	ROW(ERROR_INVALID_PARAMETER, RasEnumConnectionsA(c.c, NULL, &n), 1);
	ROW(ERROR_INVALID_PARAMETER, (cb = sizeof(c), RasEnumConnectionsA(c.c, &cb, NULL)), 1);
	ROW(ERROR_BUFFER_TOO_SMALL, (cb = 0, n = 0, RasEnumConnectionsA(NULL, &cb, &n)),
	    cb == sizeof(RASCONNA) && n == 1);
	ROW(ERROR_BUFFER_TOO_SMALL, (c.c[0].dwSize = sizeof(RASCONNA), cb = sizeof(RASCONNA) - 1,
				     n = 0, RasEnumConnectionsA(c.c, &cb, &n)),
	    cb == sizeof(RASCONNA) && n == 1);
	ROW(ERROR_BUFFER_TOO_SMALL, (c.c[0].dwSize = 36, cb = 4, n = 0,
				     RasEnumConnectionsA(c.c, &cb, &n)),
	    cb == 36 && n == 1);
	ROW(ERROR_INVALID_SIZE, (c.c[0].dwSize = 700, cb = sizeof(c),
				 RasEnumConnectionsA(c.c, &cb, &n)), 1);
	ROW(ERROR_SUCCESS, (c.c[0].dwSize = sizeof(RASCONNA), cb = sizeof(RASCONNA), n = 0,
			    RasEnumConnectionsA(c.c, &cb, &n)),
	    n == 1 && c.c[0].hrasconn == h && cb == sizeof(RASCONNA));

	/* Windows' handle rules and the NULL-buffer rule (wt-notify). */
	ROW(ERROR_BUFFER_TOO_SMALL, (cb = 100000, n = 0, RasEnumConnectionsA(NULL, &cb, &n)),
	    cb == sizeof(RASCONNA) && n == 1);
	ROW(ERROR_INVALID_HANDLE, (self->p.dwSize = sizeof(self->p), other = h,
				   RasDialA(NULL, NULL, &self->p, 1, NULL, &other)),
	    other == h);
	{
		RASDIALEXTENSIONS x = { .dwSize = sizeof(x),
					.dwfOptions = RDEOPT_PausedStates };
		RASCREDENTIALSA rc = { .dwSize = sizeof(rc) };
		BOOL pw = 7;

		ROW(ERROR_NOT_SUPPORTED, (other = NULL,
					  RasDialA(&x, NULL, &self->p, 1, NULL, &other)),
		    other == NULL);
		/* Same entry, connected: its handle, one more RasHangUp. */
		ROW(ERROR_SUCCESS, (other = NULL,
				    RasDialA(NULL, NULL, &self->p, 1, NULL, &other)),
		    other == h);
		ROW(ERROR_SUCCESS, RasHangUpA(h),
		    (st.st.dwSize = sizeof(st.st),
		     RasGetConnectStatusA(h, &st.st) == 0 &&
		     st.st.rasconnstate == RASCS_Connected));
		other = (HRASCONN)(uintptr_t)0x5a5a;
		ROW(ERROR_INVALID_PARAMETER, RasGetCredentialsA(NULL, ENTRY, NULL), 1);
		ROW(ERROR_INVALID_PARAMETER, RasGetCredentialsA(NULL, NULL, &rc), 1);
		ROW(ERROR_INVALID_SIZE, (rc.dwSize = 0, RasGetCredentialsA(NULL, ENTRY, &rc)), 1);
		ROW(ERROR_INVALID_SIZE, (rc.dwSize = sizeof(rc) + 4,
					 RasSetCredentialsA(NULL, ENTRY, &rc, 0)), 1);
		ROW(ERROR_NOT_SUPPORTED, (rc.dwSize = sizeof(rc), rc.dwMask = RASCM_DefaultCreds,
					  RasSetCredentialsA(NULL, ENTRY, &rc, 0)), 1);
		ROW(ERROR_INVALID_PARAMETER, (rc.dwMask = 0x1000,
					      RasSetCredentialsA(NULL, ENTRY, &rc, 0)), 1);
		ROW(ERROR_CANNOT_FIND_PHONEBOOK_ENTRY, (rc.dwMask = RASCM_UserName,
							RasSetCredentialsA(NULL, "nope", &rc, 0)), 1);
		ROW(ERROR_INVALID_PARAMETER, RasGetEntryDialParamsA(NULL, &self->p, NULL), 1);
		ROW(ERROR_INVALID_PARAMETER, RasGetEntryDialParamsA(NULL, NULL, &pw), pw == 7);
		ROW(ERROR_INVALID_SIZE, (self->p.dwSize = 1060,
					 RasGetEntryDialParamsA(NULL, &self->p, &pw)), pw == 7);
		ROW(ERROR_INVALID_PARAMETER, RasSetEntryDialParamsA(NULL, NULL, 0), 1);
		ROW(ERROR_INVALID_SIZE, RasSetEntryDialParamsA(NULL, &self->p, 0), 1);
		self->p.dwSize = sizeof(self->p);
	}
	/* Every layout Windows has had: NT 3.5's 20-char name, then each
	 * pack(4) prefix of RASCONNA (0x400, 0x401, 0x500, 0x501, 0x600). */
	ROW(ERROR_SUCCESS, 0, enum_layout_ok(h, 36));
	ROW(ERROR_SUCCESS, 0, enum_layout_ok(h, END_OF(RASCONNA, szDeviceName)));
	ROW(ERROR_SUCCESS, 0, enum_layout_ok(h, END_OF(RASCONNA, dwSubEntry)));
	ROW(ERROR_SUCCESS, 0, enum_layout_ok(h, END_OF(RASCONNA, guidEntry)));
	ROW(ERROR_SUCCESS, 0, enum_layout_ok(h, END_OF(RASCONNA, luid)));
	ROW(ERROR_SUCCESS, 0, enum_layout_ok(h, sizeof(RASCONNA)));

	/* RasGetProjectionInfoA. */
	ROW(ERROR_INVALID_PARAMETER, (cb = sizeof(RASPPPIPA),
				      RasGetProjectionInfoA(h, RASP_PppIp, NULL, &cb)), 1);
	ROW(ERROR_INVALID_PARAMETER, RasGetProjectionInfoA(h, RASP_PppIp, &pr, NULL), 1);
	ROW(ERROR_BUFFER_TOO_SMALL, (cb = 2, RasGetProjectionInfoA(h, RASP_PppIp, &pr, &cb)),
	    cb == sizeof(RASPPPIPA));
	ROW(ERROR_BUFFER_TOO_SMALL, (pr.ip.dwSize = 48, cb = 24,
				     RasGetProjectionInfoA(h, RASP_PppIp, &pr, &cb)),
	    cb == 48);
	ROW(ERROR_INVALID_SIZE, (pr.ip.dwSize = 32, cb = sizeof(pr),
				 RasGetProjectionInfoA(h, RASP_PppIp, &pr, &cb)), 1);
	ROW(ERROR_BUFFER_TOO_SMALL, (pr.lcp.dwSize = 1080, cb = 8,
				     RasGetProjectionInfoA(h, RASP_PppLcp, &pr, &cb)),
	    cb == 1080);
	ROW(ERROR_INVALID_PARAMETER, (cb = sizeof(pr),
				      RasGetProjectionInfoA(h, (RASPROJECTION)0x1234, &pr, &cb)), 1);
	ROW(ERROR_SUCCESS, (pr.ip.dwSize = sizeof(RASPPPIPA), cb = sizeof(RASPPPIPA),
			    RasGetProjectionInfoA(h, RASP_PppIp, &pr, &cb)),
	    !strcmp(pr.ip.szIpAddress, DT_LOCAL_ADDR));

	/* Statistics. */
	ROW(ERROR_INVALID_PARAMETER, RasGetConnectionStatistics(h, NULL), 1);
	ROW(ERROR_INVALID_SIZE, (stats.dwSize = 56, RasGetConnectionStatistics(h, &stats)), 1);
	ROW(ERROR_INVALID_PARAMETER, (stats.dwSize = sizeof(stats),
				      RasGetLinkStatistics(h, 0, &stats)), 1);
	ROW(ERROR_INVALID_PARAMETER, RasGetLinkStatistics(h, 2, &stats), 1);
	ROW(ERROR_SUCCESS, RasGetLinkStatistics(h, 1, &stats), stats.dwSize == sizeof(stats));

	/* Linux extensions and notifications on the live handle. */
	ROW(ERROR_INVALID_PARAMETER, rasdial_get_pppd_exit_status(h, NULL), 1);
	ROW(PENDING, rasdial_get_pppd_exit_status(h, &status), status == 0x7777);
	ROW(ERROR_INVALID_HANDLE, RasConnectionNotificationA(h, NULL, RASCN_Disconnection), 1);
	ROW(ERROR_INVALID_HANDLE, RasConnectionNotificationA(h, (HANDLE)&rows,
							     RASCN_Disconnection), 1);
	ROW(ERROR_INVALID_PARAMETER, RasConnectionNotificationA(h, ev, 0), 1);
	ROW(ERROR_SUCCESS, RasConnectionNotificationA(h, ev, RASCN_Disconnection), 1);

	/* Forged handles next to a live one. */
	for (unsigned int d = 1; d <= 1000; d *= 10) {
		HRASCONN f = forged(h, d);

		ROW(ERROR_INVALID_HANDLE, RasHangUpA(f), 1);
		ROW(ERROR_INVALID_HANDLE, (st.st.dwSize = sizeof(st.st),
					   RasGetConnectStatusA(f, &st.st)), 1);
		ROW(ERROR_INVALID_HANDLE, (pr.ip.dwSize = sizeof(RASPPPIPA),
					   cb = sizeof(RASPPPIPA),
					   RasGetProjectionInfoA(f, RASP_PppIp, &pr, &cb)), 1);
		ROW(ERROR_INVALID_HANDLE, RasGetConnectionStatistics(f, &stats), 1);
		ROW(ERROR_INVALID_HANDLE, rasdial_get_pppd_exit_status(f, &status),
		    status == 0x7777);
		ROW(ERROR_INVALID_HANDLE, RasConnectionNotificationA(f, ev,
								     RASCN_Disconnection), 1);
	}
	/* The live link is still there after all that. */
	ROW(ERROR_SUCCESS, (st.st.dwSize = sizeof(st.st), RasGetConnectStatusA(h, &st.st)),
	    st.st.rasconnstate == RASCS_Connected);

	/* Hang up twice at once: the link is still going down, and on
	 * Windows the handle stays valid until RasGetConnectStatus says
	 * ERROR_INVALID_HANDLE (the documented way to wait for the end),
	 * so the second call may succeed too; it must not fail otherwise.
	 */
	ROW(ERROR_SUCCESS, RasHangUpA(h), 1);
	ret = RasHangUpA(h);
	EXPECT_TRUE(ret == ERROR_SUCCESS || ret == ERROR_INVALID_HANDLE)
		TH_LOG("second RasHangUp: %u", ret);
	printf("# second RasHangUp while the link goes down: %u\n", ret);
	self->h = NULL;
	for (int i = 0; i < 200; i++) {
		st.st.dwSize = sizeof(st.st);
		if (RasGetConnectStatusA(h, &st.st) == ERROR_INVALID_HANDLE)
			break;
		usleep(50 * 1000);
	}
	/* Gone: the third RasHangUp and everything else know it. */
	ROW(ERROR_INVALID_HANDLE, RasHangUpA(h), 1);
	ROW(ERROR_INVALID_HANDLE, (st.st.dwSize = sizeof(st.st),
				   RasGetConnectStatusA(h, &st.st)), 1);
	ROW(ERROR_INVALID_HANDLE, (pr.ip.dwSize = sizeof(RASPPPIPA), cb = sizeof(RASPPPIPA),
				   RasGetProjectionInfoA(h, RASP_PppIp, &pr, &cb)), 1);
	ROW(ERROR_INVALID_HANDLE, RasGetConnectionStatistics(h, &stats), 1);
	ROW(ERROR_INVALID_HANDLE, RasGetLinkStatistics(h, 1, &stats), 1);
	ROW(ERROR_INVALID_HANDLE, rasdial_get_pppd_exit_status(h, &status), 1);
	ROW(ERROR_INVALID_HANDLE, RasConnectionNotificationA(h, ev, RASCN_Disconnection), 1);
	ASSERT_TRUE(dt_wait_registry_empty(10000));
	ROW(ERROR_SUCCESS, (cb = 0, n = 7, RasEnumConnectionsA(NULL, &cb, &n)),
	    n == 0 && cb == 0);
	rasdial_event_close(ev);
	printf("# live_handle: %d rows\n", rows);
}

TEST_F(link, failed_dial)
{
	RASCONNSTATUSA st = { .dwSize = sizeof(st) };
	DWORD status = 0x7777;
	HRASCONN h;
	int rows = 0;

	/* A wrong password: the dial ends with 691, the handle stays. */
	snprintf(self->p.szPassword, sizeof(self->p.szPassword), "wrong");
	ASSERT_EQ(ERROR_AUTHENTICATION_FAILURE, dial(self));
	h = self->h;
	ASSERT_NE(NULL, h);

	ROW(ERROR_SUCCESS, RasGetConnectStatusA(h, &st),
	    st.dwError == ERROR_AUTHENTICATION_FAILURE);
	ROW(ERROR_INVALID_PARAMETER, RasGetConnectStatusA(h, NULL), 1);
	/* Its pppd is reaped by now or soon: the status or PENDING. */
	status = 0x7777;
	for (int i = 0; i < 100 && rasdial_get_pppd_exit_status(h, &status) == PENDING; i++)
		usleep(50 * 1000);
	/* 19 (EXIT_AUTH_TOPEER_FAILED), or 16 (EXIT_HANGUP) when the
	 * peer's close beats pppd's own verdict (as in failures.c). */
	ROW(ERROR_SUCCESS, rasdial_get_pppd_exit_status(h, &status),
	    status == 19 || status == 16);
	/* Hang-up of the finished dial releases the handle... */
	ROW(ERROR_SUCCESS, RasHangUpA(h), 1);
	self->h = NULL;
	/* ... once: after that it names nothing. */
	ROW(ERROR_INVALID_HANDLE, RasHangUpA(h), 1);
	ROW(ERROR_INVALID_HANDLE, RasGetConnectStatusA(h, &st), 1);
	ROW(ERROR_INVALID_HANDLE, rasdial_get_pppd_exit_status(h, &status), 1);
	ASSERT_TRUE(dt_wait_registry_empty(10000));
	ROW(ERROR_INVALID_HANDLE, RasHangUpA(h), 1);
	printf("# failed_dial: %d rows\n", rows);
}

static int run(const char *cmd)
{
	int rc = system(cmd);

	return WIFEXITED(rc) ? WEXITSTATUS(rc) : -1;
}

static bool family_present(void)
{
	struct nl_sock *sk = nl_socket_alloc();
	int fam = -1;

	if (sk && genl_connect(sk) == 0)
		fam = genl_ctrl_resolve(sk, RASDIAL_GENL_NAME);
	nl_socket_free(sk);
	return fam >= 0;
}

/* Last: every call after "rmmod rasdial", in a process that had the
 * family resolved before.  The module is loaded again afterwards.
 */
TEST_F(link, z_module_gone)
{
	RASCONNSTATUSA st = { .dwSize = sizeof(st) };
	RASPPPIPA ip = { .dwSize = sizeof(ip) };
	RAS_STATS stats = { .dwSize = sizeof(stats) };
	HRASCONN h, stale, other = (HRASCONN)(uintptr_t)0x5a5a;
	HANDLE ev = rasdial_event_create();
	DWORD cb, n, status = 0x7777, ret;
	char cmd[PATH_MAX + 64];
	int rows = 0;

	ASSERT_EQ(0, dial(self));
	h = self->h;
	/* A stale handle: a link that has come and gone. */
	stale = forged(h, 0);
	ASSERT_EQ(0, RasHangUpA(h));
	self->h = NULL;
	ASSERT_TRUE(dt_wait_registry_empty(10000));
	cb = 0;
	ASSERT_EQ(ERROR_SUCCESS, RasEnumConnectionsA(NULL, &cb, &n));

	if (dt_direct()) {
		/* No module to lose: the relay is fixed once in use. */
		ROW(RASDIAL_RELAY_DIRECT, rasdial_get_relay_mode(), 1);
		ROW(ERROR_INVALID_FUNCTION, rasdial_set_relay_mode(RASDIAL_RELAY_KERNEL), 1);
		ROW(ERROR_SUCCESS, rasdial_set_relay_mode(RASDIAL_RELAY_DIRECT), 1);
		ROW(ERROR_SUCCESS, rasdial_set_relay_mode(RASDIAL_RELAY_AUTO), 1);
		ROW(ERROR_INVALID_PARAMETER, rasdial_set_relay_mode(7), 1);
		ROW(ERROR_INVALID_HANDLE, RasHangUpA(stale), 1);
		ROW(ERROR_INVALID_HANDLE, RasGetConnectStatusA(stale, &st), 1);
		ROW(ERROR_INVALID_HANDLE, (cb = sizeof(ip),
					   RasGetProjectionInfoA(stale, RASP_PppIp, &ip, &cb)), 1);
		ROW(ERROR_INVALID_HANDLE, RasGetConnectionStatistics(stale, &stats), 1);
		ROW(ERROR_INVALID_HANDLE, RasConnectionNotificationA(stale, ev,
								     RASCN_Disconnection), 1);
		ROW(ERROR_SUCCESS, (cb = 0, RasEnumConnectionsA(NULL, &cb, &n)), n == 0);
		rasdial_event_close(ev);
		(void)ret;
		(void)cmd;
		(void)other;
		printf("# z_module_gone (direct): %d rows\n", rows);
		return;
	}

	ASSERT_EQ(0, run("rmmod rasdial"));
	ASSERT_FALSE(family_present());

	ROW(ERROR_RASMAN_CANNOT_INITIALIZE,
	    (other = NULL, RasDialA(NULL, NULL, &self->p, 1, NULL, &other)),
	    other == NULL);
	ROW(ERROR_RASMAN_CANNOT_INITIALIZE, (cb = 0, RasEnumConnectionsA(NULL, &cb, &n)), 1);
	ROW(ERROR_INVALID_HANDLE, RasHangUpA(stale), 1);
	ROW(ERROR_INVALID_HANDLE, RasHangUpA(stale), 1);
	ROW(ERROR_INVALID_HANDLE, RasGetConnectStatusA(stale, &st), 1);
	ROW(ERROR_INVALID_HANDLE, (cb = sizeof(ip),
				   RasGetProjectionInfoA(stale, RASP_PppIp, &ip, &cb)), 1);
	ROW(ERROR_INVALID_HANDLE, RasGetConnectionStatistics(stale, &stats), 1);
	ROW(ERROR_INVALID_HANDLE, rasdial_get_pppd_exit_status(stale, &status),
	    status == 0x7777);
	ROW(ERROR_INVALID_HANDLE, RasConnectionNotificationA(stale, ev,
							     RASCN_Disconnection), 1);
	/* Argument errors are still argument errors. */
	ROW(ERROR_INVALID_PARAMETER, RasGetConnectStatusA(stale, NULL), 1);
	ROW(ERROR_INVALID_PARAMETER, RasEnumConnectionsA(NULL, NULL, &n), 1);

	snprintf(cmd, sizeof(cmd), "insmod %s/kernel/rasdial.ko", dt_topdir());
	ret = (DWORD)run(cmd);
	EXPECT_EQ(0, ret);
	/* Back: the same process finds the new family. */
	ROW(ERROR_SUCCESS, (cb = 0, RasEnumConnectionsA(NULL, &cb, &n)), n == 0);
	ROW(ERROR_INVALID_HANDLE, RasHangUpA(stale), 1);
	rasdial_event_close(ev);
	printf("# z_module_gone: %d rows\n", rows);
}

/* Tests run in the order written (z_module_gone last), as ras_api.c. */
static void __attribute__((constructor)) __constructor_order_last(void)
{
	if (!__constructor_order)
		__constructor_order = _CONSTRUCTOR_ORDER_BACKWARD;
}

int main(int argc, char **argv)
{
	if ((!getenv("RASDIAL_KO_LOADED") && !dt_direct()) ||
	    access("/usr/sbin/pppd", X_OK))
		ksft_exit_skip("needs the test VM (rasdial.ko or direct mode, pppd)\n");
	return test_harness_run(argc, argv);
}
