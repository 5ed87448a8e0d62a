/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Helpers for the link-type tests (PPPoE, L2TP) in the test VM: shell
 * steps, a server network namespace joined to ours by a veth pair, and
 * the checks every link type shares (RASCONNSTATE sequence, projection,
 * device type, hang-up).  Addresses are from 192.0.2.0/24 only.
 */
#ifndef RASDIAL_TESTS_LINKTEST_H
#define RASDIAL_TESTS_LINKTEST_H

#include <stdarg.h>

#include "dialtest.h"
#include "kselftest_harness.h"

#define LT_NS		"rasdial-srv"
#define LT_CLI_IF	"rdveth-c"
#define LT_SRV_IF	"rdveth-s"
#define LT_DIAL_MS	60000

/* Runs a shell command (bounded by the caller's own "timeout" where it
 * could hang); returns its exit status, or -1. */
static inline int lt_sh(const char *fmt, ...)
{
	char cmd[2048];
	va_list ap;
	int rc;

	va_start(ap, fmt);
	vsnprintf(cmd, sizeof(cmd), fmt, ap);
	va_end(ap);
	rc = system(cmd);
	rc = rc == -1 || !WIFEXITED(rc) ? -1 : WEXITSTATUS(rc);
	if (rc)
		fprintf(stderr, "# [%d] %s\n", rc, cmd);
	return rc;
}

/* Whether pppd can run a link here (/dev/ppp) with PROG and PROG2 (the
 * link type's programs or pppd plugins). */
static inline int lt_ready(const char *prog, const char *prog2)
{
	return !access(prog, R_OK) && !access(prog2, R_OK) &&
	       !access("/dev/ppp", F_OK);
}

/*
 * The server namespace and the veth pair between it and us; with
 * addresses (x.x.x.x/24) when the link type runs over IP (L2TP).
 */
static inline int lt_netns_up(const char *cli_addr, const char *srv_addr)
{
	int rc = 0;

	lt_sh("ip netns del " LT_NS " 2>/dev/null; ip link del " LT_CLI_IF " 2>/dev/null; true");
	rc |= lt_sh("modprobe veth");
	rc |= lt_sh("ip netns add " LT_NS);
	rc |= lt_sh("ip link add " LT_CLI_IF " type veth peer name " LT_SRV_IF " netns " LT_NS);
	rc |= lt_sh("ip link set " LT_CLI_IF " up && ip -n " LT_NS " link set " LT_SRV_IF
		    " up && ip -n " LT_NS " link set lo up");
	if (cli_addr)
		rc |= lt_sh("ip addr add %s dev " LT_CLI_IF, cli_addr);
	if (srv_addr)
		rc |= lt_sh("ip -n " LT_NS " addr add %s dev " LT_SRV_IF, srv_addr);
	return rc;
}

/* Ends every process in the server namespace (by pid), then the namespace. */
static inline void lt_netns_down(void)
{
	lt_sh("for p in $(ip netns pids " LT_NS " 2>/dev/null); do kill $p; done; "
	      "for i in $(seq 50); do [ -z \"$(ip netns pids " LT_NS " 2>/dev/null)\" ] && break; "
	      "sleep 0.1; done; "
	      "for p in $(ip netns pids " LT_NS " 2>/dev/null); do kill -9 $p; done; true");
	lt_sh("ip link del " LT_CLI_IF " 2>/dev/null; ip netns del " LT_NS " 2>/dev/null; true");
}

static void WINAPI lt_cb(HRASCONN h, UINT msg, RASCONNSTATE state,
			 DWORD error, DWORD ext_error)
{
	dt_record(h, msg, state, error, ext_error);
}

/* RasDial ENTRY with RasDialFunc1; waits until Connected or an error. */
static inline DWORD lt_dial(const char *entry, const char *password,
			    HRASCONN *h, struct dt_call *calls, int *n)
{
	RASDIALPARAMSA p;
	DWORD ret;

	*h = NULL;
	dt_params(&p, entry, password);
	ret = RasDialA(NULL, NULL, &p, 1, lt_cb, h);
	if (ret)
		return ret;
	dt_wait(dt_done_connected_or_error, LT_DIAL_MS, calls, n);
	dt_print_calls(calls, *n);
	return 0;
}

/* The first call with an error, or NULL. */
static inline const struct dt_call *lt_error(const struct dt_call *c, int n)
{
	for (int i = 0; i < n; i++)
		if (c[i].error)
			return &c[i];
	return NULL;
}

/* 1 when the states of a connected dial came in order, without errors. */
static inline int lt_sequence_ok(const struct dt_call *c, int n)
{
	static const RASCONNSTATE want[] = {
		RASCS_OpenPort, RASCS_DeviceConnected, RASCS_Authenticate,
		RASCS_Authenticated, RASCS_Projected, RASCS_Connected,
	};
	int last = -1;

	if (lt_error(c, n))
		return 0;
	for (size_t i = 0; i < sizeof(want) / sizeof(want[0]); i++) {
		int at = dt_find(c, n, want[i]);

		if (at <= last) {
			fprintf(stderr, "# state %s missing or out of order\n",
				rasdial_state_name(want[i]));
			return 0;
		}
		last = at;
	}
	return 1;
}

/* The device type RasEnumConnections shows for H, into TYPE. */
static inline DWORD lt_device_type(HRASCONN h, char *type, size_t size)
{
	RASCONNA conns[8];
	DWORD cb = sizeof(conns), n = 0, ret;

	memset(conns, 0, sizeof(conns));
	conns[0].dwSize = sizeof(RASCONNA);
	ret = RasEnumConnectionsA(conns, &cb, &n);
	if (ret)
		return ret;
	for (DWORD i = 0; i < n; i++)
		if (conns[i].hrasconn == h) {
			snprintf(type, size, "%s", conns[i].szDeviceType);
			return 0;
		}
	return ERROR_INVALID_HANDLE;
}

/*
 * Dials ENTRY with PASSWORD: it fails with ERROR (no extended error) and
 * never was Connected.  Returns the first call with an error.
 */
static inline const struct dt_call *
lt_dial_fails(struct __test_metadata *_metadata, const char *entry,
	      const char *password, HRASCONN *h, struct dt_call *calls,
	      int *n, DWORD error)
{
	const struct dt_call *err;

	ASSERT_EQ(0, lt_dial(entry, password, h, calls, n));
	err = lt_error(calls, *n);
	ASSERT_NE(NULL, err);
	EXPECT_EQ(error, err->error);
	EXPECT_EQ(0, err->ext_error);
	EXPECT_EQ(-1, dt_find(calls, *n, RASCS_Connected));
	return err;
}

/*
 * Dials ENTRY (the right password) to Connected, every state in order:
 * its IPv4 projection (no error) in *IP and its device type in TYPE (of
 * RAS_MaxDeviceType + 1).
 */
static inline void lt_dial_up(struct __test_metadata *_metadata,
			      const char *entry, HRASCONN *h,
			      struct dt_call *calls, int *n, RASPPPIPA *ip,
			      char *type)
{
	DWORD cb = sizeof(*ip);

	ASSERT_EQ(0, lt_dial(entry, NULL, h, calls, n));
	ASSERT_TRUE(lt_sequence_ok(calls, *n));
	memset(ip, 0, sizeof(*ip));
	ip->dwSize = sizeof(*ip);
	ASSERT_EQ(0, RasGetProjectionInfoA(*h, RASP_PppIp, ip, &cb));
	TH_LOG("RASP_PppIp: dwError %u, %s, server %s", ip->dwError,
	       ip->szIpAddress, ip->szServerIpAddress);
	EXPECT_EQ(0, ip->dwError);
	EXPECT_EQ(0, lt_device_type(*h, type, RAS_MaxDeviceType + 1));
}

#endif /* RASDIAL_TESTS_LINKTEST_H */
