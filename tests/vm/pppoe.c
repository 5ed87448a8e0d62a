// SPDX-License-Identifier: GPL-2.0
/*
 * PPPoE: RasDial of a peers entry that uses pppd's rp-pppoe.so, against
 * Debian's pppoe-server in another network namespace, across a veth pair:
 *
 *   RasDial --> pppd call pppoe              ip netns rasdial-srv
 *               plugin rp-pppoe.so           pppoe-server -I rdveth-s
 *               nic-rdveth-c  <-- veth -->     -> pppd (require-chap)
 *
 * A dial shows the RASCONNSTATE sequence and RasGetProjectionInfo's IPv4
 * addresses; with no server answering discovery, the dial fails with
 * ERROR_BROADBAND_TIMEOUT (815: pppd's EXIT_CONNECT_FAILED on a link whose
 * entry says "rasdial-device-type PPPoE").
 */
#include "linktest.h"

#include "kselftest_harness.h"
#include "../setup_skip.h"

#define ENTRY		"pppoe"
#define SRV_ADDR	"192.0.2.1"
#define CLI_ADDR	"192.0.2.10"

FIXTURE(pppoe) {
	HRASCONN h;
	struct dt_call calls[DT_MAX_CALLS];
	int n;
};

/* pppoe-server daemonizes; lt_netns_down() ends it by pid. */
static int start_server(void)
{
	return lt_sh("ip netns exec " LT_NS " pppoe-server -I " LT_SRV_IF
		     " -L " SRV_ADDR " -R " CLI_ADDR " -N 4"
		     " -O /etc/ppp/pppoe-server-options");
}

FIXTURE_SETUP(pppoe)
{
	self->h = NULL;
	self->n = 0;
	if (!lt_ready("/usr/sbin/pppoe-server", "/usr/sbin/pppoe"))
		SETUP_SKIP("no pppoe-server/pppoe (package pppoe) or no /dev/ppp");
	if (!getenv("RASDIAL_KO_LOADED"))
		SETUP_SKIP("rasdial.ko is not loaded");
	ASSERT_EQ(0, lt_netns_up(NULL, NULL));

	mkdir("/etc/ppp/peers", 0755);
	dt_write_file("/etc/ppp/chap-secrets",
		      DT_USER " " DT_SERVER " " DT_SECRET " *\n");
	/* pppd as pppoe-server starts it (it adds the addresses itself). */
	dt_write_file("/etc/ppp/pppoe-server-options",
		      "require-chap\nname " DT_SERVER "\nlcp-echo-interval 0\n"
		      "nodefaultroute\nnoipdefault\nlogfile /tmp/pppoe-server.log\n");
	/* pppd 2.4.9's rp-pppoe.so takes pppoe-padi-timeout/-attempts but its
	 * discovery still waits 5 + 10 + 20 s: the no-server case takes 35 s. */
	dt_write_file("/etc/ppp/peers/" ENTRY,
		      "plugin rp-pppoe.so\nnic-" LT_CLI_IF "\n"
		      "rasdial-device-type PPPoE\n"
		      "remotename " DT_SERVER "\nnoauth\nnoipdefault\nnodefaultroute\n"
		      "lcp-echo-interval 0\nlogfile /tmp/pppoe-dial.log\n");
}

FIXTURE_TEARDOWN(pppoe)
{
	if (self->h)
		RasHangUpA(self->h);
	dt_wait_registry_empty(15000);
	lt_netns_down();
	lt_sh("test -s /tmp/pppoe-dial.log && sed 's/^/# dial: /' /tmp/pppoe-dial.log; "
	      "test -s /tmp/pppoe-server.log && sed 's/^/# server: /' /tmp/pppoe-server.log; "
	      "rm -f /tmp/pppoe-dial.log /tmp/pppoe-server.log; true");
}

/* Connected over PPPoE: states in order, IPv4 projection, then hang-up. */
TEST_F_TIMEOUT(pppoe, dial, 120)
{
	char type[RAS_MaxDeviceType + 1] = "";
	RASPPPIPA ip;

	ASSERT_EQ(0, start_server());
	lt_dial_up(_metadata, ENTRY, &self->h, self->calls, &self->n, &ip,
		   type);
	EXPECT_STREQ(CLI_ADDR, ip.szIpAddress);
	EXPECT_STREQ(SRV_ADDR, ip.szServerIpAddress);
	EXPECT_STREQ("PPPoE", type);

	/* the link is a real PPPoE session: the peer answers on it */
	EXPECT_EQ(0, lt_sh("timeout 20 ping -c 1 -W 5 " SRV_ADDR " >/dev/null"));

	EXPECT_EQ(0, RasHangUpA(self->h));
	self->h = NULL;
	EXPECT_TRUE(dt_wait_registry_empty(15000));
}

/* A wrong password fails in Authenticate with 691, as over a modem. */
TEST_F_TIMEOUT(pppoe, wrong_password, 120)
{

	ASSERT_EQ(0, start_server());
	lt_dial_fails(_metadata, ENTRY, "wrong-password", &self->h, self->calls,
		      &self->n, ERROR_AUTHENTICATION_FAILURE);
}

/* Nobody answers PADI: a documented error, soon after discovery gives up. */
TEST_F_TIMEOUT(pppoe, no_server, 120)
{
	const struct dt_call *err;
	long long t0 = dt_now_ms();

	err = lt_dial_fails(_metadata, ENTRY, NULL, &self->h, self->calls,
			    &self->n, ERROR_BROADBAND_TIMEOUT);
	TH_LOG("error %u after %lld ms", err->error, err->at_ms - t0);
	/* discovery gives up after 35 s; pppd then exits at once */
	EXPECT_LT(err->at_ms - t0, 50000);
}

TEST_HARNESS_MAIN
