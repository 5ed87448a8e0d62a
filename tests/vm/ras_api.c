// SPDX-License-Identifier: GPL-2.0
/*
 * The rest of the RAS client API against real pppd peers in the test VM:
 * RasGetProjectionInfo (IPv4, IPv6, LCP), RasGetConnectionStatistics and
 * RasGetLinkStatistics with real traffic, RasConnectionNotification for
 * links of other processes and of a pppd started by hand, RasDialFunc and
 * RasDialFunc2, and the manual (threadless) dispatch mode.
 *
 *   this test --RasDial--> librasdial --> pppd call ENTRY (+ rasdial.so)
 *                                            | pty
 *        network namespace "rasapi":   pppd notty 192.0.2.1:192.0.2.2
 *
 * The answering pppd lives in its own namespace so that traffic to
 * 192.0.2.1 really crosses the link.  "Another process" is this binary
 * exec'd again (--child ...): a fresh librasdial with nothing of ours.
 */
#include <poll.h>
#include <sys/syscall.h>
#include <sys/types.h>

/* ERROR_PROJECTION_NOT_COMPLETE is hidden from WINVER >= 0x600. */
#define RASDIAL_ALL_ERROR_CODES
#include "dialtest.h"

#include "kselftest_harness.h"

#define NS		"rasapi"
#define ENTRY4		"rasapi4"	/* IPCP only */
#define ENTRY6		"rasapi6"	/* IPCP and IPv6CP */
#define ENTRY_HAND	"rasapi-hand"	/* for a pppd started by hand */
#define TIMEOUT_MS	30000
/* IPv6CP interface identifiers each side asks for. */
static const BYTE ifid_dialer[8] = { 0, 0, 0, 0, 0, 0, 0, 0xa2 };
static const BYTE ifid_peer[8] = { 0, 0, 0, 0, 0, 0, 0, 0xa1 };

static pid_t gettid_(void)
{
	return (pid_t)syscall(SYS_gettid);
}

/* Peers entry: the answerer in namespace NS; IPv6CP too when V6. */
static void setup_entry(const char *entry, int v6)
{
	char path[256], text[1024];

	mkdir("/etc/ppp/peers", 0755);
	snprintf(text, sizeof(text),
		 "pty \"ip netns exec " NS " /usr/sbin/pppd notty noauth local"
		 " nodefaultroute noipdefault nolock lcp-echo-interval 0%s "
		 DT_REMOTE_ADDR ":" DT_LOCAL_ADDR "\"\n"
		 "noauth\nlocal\nnodefaultroute\nnoipdefault\nnolock\n"
		 "lcp-echo-interval 0\n%s",
		 v6 ? " +ipv6 ipv6 ::a1,::a2" : " noipv6",
		 v6 ? "+ipv6\nipv6 ::a2,::a1\n" : "noipv6\n");
	snprintf(path, sizeof(path), "/etc/ppp/peers/%s", entry);
	dt_write_file(path, text);
}

static void netns_up(void)
{
	if (system("ip netns del " NS " 2>/dev/null; ip netns add " NS
		   " && ip -n " NS " link set lo up"))
		fprintf(stderr, "# cannot create netns " NS "\n");
}

static void netns_down(void)
{
	if (system("ip netns del " NS " 2>/dev/null")) {
		/* already gone */
	}
}

static void params(RASDIALPARAMSA *p, const char *entry)
{
	memset(p, 0, sizeof(*p));
	p->dwSize = sizeof(*p);
	snprintf(p->szEntryName, sizeof(p->szEntryName), "%s", entry);
}

static void WINAPI rec1(HRASCONN h, UINT msg, RASCONNSTATE state,
			DWORD error, DWORD ext_error)
{
	dt_record(h, msg, state, error, ext_error);
}

/* Async dial with the recorder, waits for Connected; 0 or the error. */
static DWORD dial_connected(const char *entry, HRASCONN *h)
{
	RASDIALPARAMSA p;

	params(&p, entry);
	return dt_dial_connected(&p, rec1, h, TIMEOUT_MS);
}

/* dial_connected() with dialtest.h's user name and password. */
static DWORD dial_connected_auth(const char *entry, HRASCONN *h)
{
	RASDIALPARAMSA p;

	dt_params(&p, entry, NULL);
	return dt_dial_connected(&p, rec1, h, TIMEOUT_MS);
}

/*
 * dialtest.h's entry (answering pppd on a pty in this namespace), but with
 * ANSWER as the answering pppd's own options (authentication it demands,
 * LCP options it refuses).
 */
static void setup_answer_entry(const char *entry, const char *answer)
{
	char path[256], text[1024];

	dt_setup_entry(entry, DT_AUTH_NONE, NULL);	/* the secrets files */
	snprintf(text, sizeof(text),
		 "pty \"/usr/sbin/pppd notty %s name " DT_SERVER
		 " local nodefaultroute noipdefault nolock noipv6"
		 " lcp-echo-interval 0 " DT_REMOTE_ADDR ":" DT_LOCAL_ADDR "\"\n"
		 "remotename " DT_SERVER "\n"
		 "noauth\nlocal\nnodefaultroute\nnoipdefault\nnolock\n"
		 "noipv6\nlcp-echo-interval 0\n", answer);
	snprintf(path, sizeof(path), "/etc/ppp/peers/%s", entry);
	dt_write_file(path, text);
}

/* The LCP projection of H (full layout); 0 or the error. */
static DWORD get_lcp(HRASCONN h, RASPPPLCPA *lcp)
{
	DWORD cb = sizeof(*lcp);

	memset(lcp, 0xa5, sizeof(*lcp));
	lcp->dwSize = sizeof(*lcp);
	return RasGetProjectionInfoA(h, RASP_PppLcp, lcp, &cb);
}

/* Runs this binary again with ARGS; its exit status, or -1. */
static int run_child(const char *const args[])
{
	const char *argv[8] = { "ras_api" };
	int i, status;
	pid_t pid;

	for (i = 0; args[i] && i < 6; i++)
		argv[i + 1] = args[i];
	argv[i + 1] = NULL;
	pid = fork();
	if (pid < 0)
		return -1;
	if (pid == 0) {
		execv("/proc/self/exe", (char *const *)argv);
		_exit(127);
	}
	for (i = 0; i < 600; i++) {
		if (waitpid(pid, &status, WNOHANG) == pid)
			return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
		usleep(100000);
	}
	kill(pid, SIGKILL);
	waitpid(pid, &status, 0);
	return -1;
}

/* Handle of the listed link named ENTRY, or NULL. */
static HRASCONN find_link(const char *entry)
{
	RASCONNA conns[16];
	DWORD cb = sizeof(conns), n = 0, i;

	conns[0].dwSize = sizeof(RASCONNA);
	if (RasEnumConnectionsA(conns, &cb, &n))
		return NULL;
	for (i = 0; i < n; i++)
		if (!strcmp(conns[i].szEntryName, entry))
			return conns[i].hrasconn;
	return NULL;
}

/* Is the event set?  Waits up to MS for it, then resets it. */
static int event_fired(HANDLE ev, int ms)
{
	struct pollfd p = { .fd = rasdial_event_fd(ev), .events = POLLIN };
	uint64_t v;

	if (p.fd < 0 || poll(&p, 1, ms) != 1)
		return 0;
	return read(p.fd, &v, sizeof(v)) == sizeof(v) && v > 0;
}

/* ------------------------------------------------------------ fixture */

FIXTURE(link) {
	HRASCONN h;
};

FIXTURE_SETUP(link)
{
	netns_up();
	setup_entry(ENTRY4, 0);
	setup_entry(ENTRY6, 1);
	self->h = NULL;
}

FIXTURE_TEARDOWN(link)
{
	if (self->h)
		RasHangUpA(self->h);
	dt_wait_registry_empty(10000);
	netns_down();
}

/* ------------------------------------------------------ projection */

static int check_ip(const RASPPPIPA *ip)
{
	return ip->dwError == 0 && !strcmp(ip->szIpAddress, DT_LOCAL_ADDR) &&
	       !strcmp(ip->szServerIpAddress, DT_REMOTE_ADDR);
}

TEST_F_TIMEOUT(link, projection_ipv4_ipv6_lcp, 90)
{
	RASPPPIPA ip = { .dwSize = sizeof(ip) };
	RASPPPIPV6 ip6 = { .dwSize = sizeof(ip6) };
	RASPPPLCPA lcp = { .dwSize = sizeof(lcp) };
	char idbuf[16];
	DWORD cb;

	ASSERT_EQ(0, dial_connected(ENTRY6, &self->h));

	cb = sizeof(ip);
	ASSERT_EQ(0, RasGetProjectionInfoA(self->h, RASP_PppIp, &ip, &cb));
	EXPECT_EQ(sizeof(ip), cb);
	EXPECT_EQ(sizeof(ip), ip.dwSize);
	EXPECT_TRUE(check_ip(&ip)) TH_LOG("%s / %s", ip.szIpAddress,
					  ip.szServerIpAddress);

	cb = sizeof(ip6);
	ASSERT_EQ(0, RasGetProjectionInfoA(self->h, RASP_PppIpv6, &ip6, &cb));
	EXPECT_EQ(0, ip6.dwError);
	EXPECT_EQ(0, memcmp(ifid_dialer, ip6.bLocalInterfaceIdentifier, 8));
	EXPECT_EQ(0, memcmp(ifid_peer, ip6.bPeerInterfaceIdentifier, 8));

	cb = sizeof(lcp);
	memset(lcp.szReplyMessage, 'x', sizeof(lcp.szReplyMessage));
	ASSERT_EQ(0, RasGetProjectionInfoA(self->h, RASP_PppLcp, &lcp, &cb));
	EXPECT_EQ(0, lcp.dwError);
	EXPECT_EQ(0, lcp.fBundled);
	EXPECT_EQ(0, lcp.fMultilink);
	EXPECT_EQ('\0', lcp.szReplyMessage[0]);
	/* No authentication; pppd asks for and grants PFC and ACFC. */
	EXPECT_EQ(0, lcp.dwAuthenticationProtocol);
	EXPECT_EQ(0, lcp.dwAuthenticationData);
	EXPECT_EQ(RASLCPO_PFC | RASLCPO_ACFC, lcp.dwOptions);
	EXPECT_EQ(RASLCPO_PFC | RASLCPO_ACFC, lcp.dwServerOptions);

	/* Older layouts: prefixes. */
	cb = 24;
	ip.dwSize = 24;
	memset(ip.szServerIpAddress, 'x', sizeof(ip.szServerIpAddress));
	ASSERT_EQ(0, RasGetProjectionInfoA(self->h, RASP_PppIp, &ip, &cb));
	EXPECT_EQ(24, cb);
	EXPECT_STREQ(DT_LOCAL_ADDR, ip.szIpAddress);
	EXPECT_EQ('x', ip.szServerIpAddress[0]);

	/* Another process, through the kernel only. */
	snprintf(idbuf, sizeof(idbuf), "%u", dt_conn_id(self->h));
	EXPECT_EQ(0, run_child((const char *const[]){ "--child-proj", idbuf,
						       "6", NULL }));
}

/* Dials ENTRY, its answering pppd with the options ANSWER, to Connected:
 * the LCP projection in *LCP. */
static void dial_lcp(struct __test_metadata *_metadata, HRASCONN *h,
		     const char *entry, const char *answer, RASPPPLCPA *lcp)
{
	setup_answer_entry(entry, answer);
	ASSERT_EQ(0, dial_connected_auth(entry, h));
	ASSERT_EQ(0, get_lcp(*h, lcp));
}

/* Each dial in its own test: the recorder keeps one dial's calls. */
TEST_F_TIMEOUT(link, projection_lcp_chap, 90)
{
	RASPPPLCPA lcp;

	dial_lcp(_metadata, &self->h, "rasapi-chap", "auth require-chap", &lcp);
	EXPECT_EQ(0, lcp.dwError);
	EXPECT_EQ(RASLCPAP_CHAP, lcp.dwAuthenticationProtocol);
	EXPECT_EQ(RASLCPAD_CHAP_MD5, lcp.dwAuthenticationData);
	EXPECT_EQ(0, lcp.dwEapTypeId);
	/* A dial-out client does not authenticate the server. */
	EXPECT_EQ(0, lcp.dwServerAuthenticationProtocol);
	EXPECT_EQ(0, lcp.dwServerAuthenticationData);
	EXPECT_EQ(RASLCPO_PFC | RASLCPO_ACFC, lcp.dwOptions);
	EXPECT_EQ(RASLCPO_PFC | RASLCPO_ACFC, lcp.dwServerOptions);
}

TEST_F_TIMEOUT(link, projection_lcp_pap, 90)
{
	RASPPPLCPA lcp;

	dial_lcp(_metadata, &self->h, "rasapi-pap", "auth require-pap", &lcp);
	EXPECT_EQ(RASLCPAP_PAP, lcp.dwAuthenticationProtocol);
	EXPECT_EQ(0, lcp.dwAuthenticationData);
	EXPECT_EQ(0, lcp.dwServerAuthenticationProtocol);
	EXPECT_EQ(RASLCPO_PFC | RASLCPO_ACFC, lcp.dwOptions);
	EXPECT_EQ(RASLCPO_PFC | RASLCPO_ACFC, lcp.dwServerOptions);
}

/* A peer that neither asks for nor grants PFC and ACFC. */
TEST_F_TIMEOUT(link, projection_lcp_nocomp, 90)
{
	RASPPPLCPA lcp;

	dial_lcp(_metadata, &self->h, "rasapi-nocomp", "noauth nopcomp noaccomp", &lcp);
	EXPECT_EQ(0, lcp.dwAuthenticationProtocol);
	EXPECT_EQ(0, lcp.dwAuthenticationData);
	EXPECT_EQ(0, lcp.dwOptions);
	EXPECT_EQ(0, lcp.dwServerOptions);
}

TEST_F_TIMEOUT(link, projection_errors, 90)
{
	RASPPPIPA ip = { .dwSize = sizeof(ip) };
	RASPPPIPV6 ip6 = { .dwSize = sizeof(ip6) };
	DWORD cb;

	ASSERT_EQ(0, dial_connected(ENTRY4, &self->h));

	/* No IPv6CP on this link. */
	cb = sizeof(ip6);
	EXPECT_EQ(ERROR_PROTOCOL_NOT_CONFIGURED,
		  RasGetProjectionInfoA(self->h, RASP_PppIpv6, &ip6, &cb));
	cb = sizeof(ip);
	EXPECT_EQ(ERROR_PROTOCOL_NOT_CONFIGURED,
		  RasGetProjectionInfoA(self->h, RASP_PppNbf, &ip, &cb));
	EXPECT_EQ(ERROR_PROTOCOL_NOT_CONFIGURED,
		  RasGetProjectionInfoA(self->h, RASP_PppCcp, &ip, &cb));
	/* Sizes. */
	cb = sizeof(ip) - 1;
	EXPECT_EQ(ERROR_BUFFER_TOO_SMALL,
		  RasGetProjectionInfoA(self->h, RASP_PppIp, &ip, &cb));
	EXPECT_EQ(sizeof(ip), cb);
	cb = 0;
	EXPECT_EQ(ERROR_BUFFER_TOO_SMALL,
		  RasGetProjectionInfoA(self->h, RASP_PppIp, &ip, &cb));
	EXPECT_EQ(sizeof(ip), cb);
	ip.dwSize = 47;
	cb = sizeof(ip);
	EXPECT_EQ(ERROR_INVALID_SIZE,
		  RasGetProjectionInfoA(self->h, RASP_PppIp, &ip, &cb));
	ip.dwSize = sizeof(ip);
	EXPECT_EQ(ERROR_INVALID_PARAMETER,
		  RasGetProjectionInfoA(self->h, (RASPROJECTION)0x1234, &ip,
					&cb));
	/* The IPv4 one is there. */
	cb = sizeof(ip);
	ASSERT_EQ(0, RasGetProjectionInfoA(self->h, RASP_PppIp, &ip, &cb));
	EXPECT_TRUE(check_ip(&ip));

	/* After the link (and its pppd): the handle is gone. */
	ASSERT_EQ(0, RasHangUpA(self->h));
	ASSERT_TRUE(dt_wait(dt_done_final, 10000, NULL, NULL));
	ASSERT_TRUE(dt_wait_registry_empty(10000));
	EXPECT_EQ(ERROR_INVALID_HANDLE,
		  RasGetProjectionInfoA(self->h, RASP_PppIp, &ip, &cb));
	self->h = NULL;
}

/* Inside the callback, before Projected: not complete yet. */
static DWORD early_ret = 12345;

static void WINAPI early_cb(HRASCONN h, UINT msg, RASCONNSTATE state,
			    DWORD error, DWORD ext_error)
{
	RASPPPIPA ip = { .dwSize = sizeof(ip) };
	DWORD cb = sizeof(ip);

	if (state == RASCS_AuthProject && !error && early_ret == 12345)
		early_ret = RasGetProjectionInfoA(h, RASP_PppIp, &ip, &cb);
	dt_record(h, msg, state, error, ext_error);
}

TEST_F_TIMEOUT(link, projection_not_complete_while_dialing, 90)
{
	struct dt_call c[DT_MAX_CALLS];
	RASDIALPARAMSA p;
	int n;

	params(&p, ENTRY4);
	ASSERT_EQ(0, RasDialA(NULL, NULL, &p, 1, early_cb, &self->h));
	ASSERT_TRUE(dt_wait(dt_done_connected_or_error, TIMEOUT_MS, c, &n));
	dt_print_calls(c, n);
	EXPECT_EQ(ERROR_PROJECTION_NOT_COMPLETE, early_ret);
}

/* ------------------------------------------------------ statistics */

TEST_F_TIMEOUT(link, statistics_count_real_traffic, 120)
{
	RAS_STATS a = { .dwSize = sizeof(a) }, b = { .dwSize = sizeof(b) };
	/* 5 echo requests of 1000 data bytes: 1028 IP bytes each way. */
	const DWORD bytes = 5 * 1028, frames = 5;
	char idbuf[16], minb[16], minf[16];

	ASSERT_EQ(0, dial_connected(ENTRY4, &self->h));
	ASSERT_EQ(0, RasGetConnectionStatistics(self->h, &a));
	EXPECT_EQ(sizeof(a), a.dwSize);
	ASSERT_EQ(0, system("ping -q -s 1000 -c 5 -i 0.2 -W 5 " DT_REMOTE_ADDR
			    " >/dev/null"));
	usleep(200 * 1000);
	ASSERT_EQ(0, RasGetLinkStatistics(self->h, 1, &b));
	TH_LOG("tx %u->%u bytes %u->%u frames; rx %u->%u bytes %u->%u frames; %u bps, %u ms",
	       a.dwBytesXmited, b.dwBytesXmited, a.dwFramesXmited,
	       b.dwFramesXmited, a.dwBytesRcved, b.dwBytesRcved,
	       a.dwFramesRcved, b.dwFramesRcved, b.dwBps, b.dwConnectDuration);
	EXPECT_GE(b.dwBytesXmited - a.dwBytesXmited, bytes);
	EXPECT_GE(b.dwBytesRcved - a.dwBytesRcved, bytes);
	EXPECT_GE(b.dwFramesXmited - a.dwFramesXmited, frames);
	EXPECT_GE(b.dwFramesRcved - a.dwFramesRcved, frames);
	/* ping took at least 0.8 s since the first read */
	EXPECT_GE(b.dwConnectDuration, a.dwConnectDuration + 800);
	EXPECT_LT(b.dwConnectDuration, 120000);
	EXPECT_EQ(0, b.dwCrcErr);
	EXPECT_EQ(0, b.dwFramingErr);

	/* Another process sees at least as much. */
	snprintf(idbuf, sizeof(idbuf), "%u", dt_conn_id(self->h));
	snprintf(minb, sizeof(minb), "%u", b.dwBytesXmited);
	snprintf(minf, sizeof(minf), "%u", b.dwConnectDuration);
	EXPECT_EQ(0, run_child((const char *const[]){ "--child-stats", idbuf,
						       minb, minf, NULL }));

	EXPECT_EQ(ERROR_INVALID_PARAMETER,
		  RasGetLinkStatistics(self->h, 2, &b));
	b.dwSize = 56;
	EXPECT_EQ(ERROR_INVALID_SIZE, RasGetConnectionStatistics(self->h, &b));
}

TEST_F_TIMEOUT(link, statistics_ipv6_traffic, 120)
{
	RAS_STATS a = { .dwSize = sizeof(a) }, b = { .dwSize = sizeof(b) };

	ASSERT_EQ(0, dial_connected(ENTRY6, &self->h));
	/* IPv6CP's link-local addresses: fe80::a2 here, fe80::a1 there.
	 * Bounded retries: DAD keeps the address tentative for a while. */
	ASSERT_EQ(0, RasGetConnectionStatistics(self->h, &a));
	ASSERT_EQ(0, system("for i in 1 2 3 4 5 6 7 8 9 10; do"
			    " ping -q -6 -s 1000 -c 5 -i 0.2 -W 5 fe80::a1%ppp0"
			    " >/dev/null 2>&1 && exit 0; sleep 1; done; exit 1"));
	ASSERT_EQ(0, RasGetConnectionStatistics(self->h, &b));
	EXPECT_GE(b.dwBytesXmited - a.dwBytesXmited, 5 * 1048);
	EXPECT_GE(b.dwBytesRcved - a.dwBytesRcved, 5 * 1048);
	EXPECT_GE(b.dwFramesXmited - a.dwFramesXmited, 5);
	EXPECT_GE(b.dwFramesRcved - a.dwFramesRcved, 5);
}

/* --------------------------------------------------- notification */

TEST_F_TIMEOUT(link, notification_other_process_link, 120)
{
	HANDLE all = rasdial_event_create(), one = rasdial_event_create();
	HRASCONN h;

	ASSERT_NE(NULL, all);
	ASSERT_NE(NULL, one);
	ASSERT_EQ(0, RasConnectionNotificationA((HRASCONN)INVALID_HANDLE_VALUE,
						all, RASCN_Connection |
						RASCN_Disconnection));
	EXPECT_FALSE(event_fired(all, 100));
	/* Listed before: the shim's copy of the registry, without the link
	 * (twice: the second answer comes from the copy). */
	EXPECT_EQ(NULL, find_link(ENTRY4));
	EXPECT_EQ(NULL, find_link(ENTRY4));

	/* Another process dials (synchronously) and leaves the link up. */
	ASSERT_EQ(0, run_child((const char *const[]){ "--child-dial", ENTRY4,
						       NULL }));
	EXPECT_TRUE(event_fired(all, 5000));
	h = find_link(ENTRY4);
	ASSERT_NE(NULL, h);
	self->h = h;

	ASSERT_EQ(0, RasConnectionNotificationA(h, one, RASCN_Disconnection));
	EXPECT_FALSE(event_fired(one, 100));
	ASSERT_EQ(0, RasHangUpA(h));
	EXPECT_TRUE(event_fired(one, 10000));
	EXPECT_TRUE(event_fired(all, 5000));
	self->h = NULL;
	/* The per-link registration went with the link (and its pppd). */
	ASSERT_TRUE(dt_wait_registry_empty(10000));
	/* Not listed from a stale copy. */
	EXPECT_EQ(NULL, find_link(ENTRY4));
	EXPECT_EQ(ERROR_INVALID_HANDLE,
		  RasConnectionNotificationA(h, one, RASCN_Disconnection));
	rasdial_event_close(one);
	rasdial_event_close(all);
}

TEST_F_TIMEOUT(link, notification_pppd_started_by_hand, 120)
{
	HANDLE ev = rasdial_event_create();
	const char *plugin = getenv("RASDIAL_PLUGIN");
	pid_t pid;

	ASSERT_NE(NULL, ev);
	ASSERT_NE(NULL, plugin);
	setup_entry(ENTRY_HAND, 0);
	ASSERT_EQ(0, RasConnectionNotificationA((HRASCONN)INVALID_HANDLE_VALUE,
						ev, RASCN_Connection |
						RASCN_Disconnection));
	pid = fork();
	ASSERT_GE(pid, 0);
	if (pid == 0) {
		int nul = open("/dev/null", O_RDWR);

		dup2(nul, 0);
		dup2(nul, 1);
		dup2(nul, 2);
		setsid();
		execl("/usr/sbin/pppd", "pppd", "call", ENTRY_HAND, "nodetach",
		      "plugin", plugin, (char *)NULL);
		_exit(127);
	}
	EXPECT_TRUE(event_fired(ev, TIMEOUT_MS));
	EXPECT_NE(NULL, find_link(ENTRY_HAND));
	kill(pid, SIGTERM);
	EXPECT_TRUE(event_fired(ev, 10000));
	EXPECT_TRUE(dt_wait_pid_gone(pid, 10000) || waitpid(pid, NULL, 0) == pid);
	waitpid(pid, NULL, WNOHANG);
	rasdial_event_close(ev);
}

TEST_F_TIMEOUT(link, notification_own_dial, 90)
{
	HANDLE ev = rasdial_event_create();

	ASSERT_NE(NULL, ev);
	ASSERT_EQ(0, RasConnectionNotificationA((HRASCONN)INVALID_HANDLE_VALUE,
						ev, RASCN_Connection));
	ASSERT_EQ(0, dial_connected(ENTRY4, &self->h));
	EXPECT_TRUE(event_fired(ev, 5000));
	/* Only Connection was asked for. */
	ASSERT_EQ(0, RasHangUpA(self->h));
	ASSERT_TRUE(dt_wait(dt_done_final, 10000, NULL, NULL));
	EXPECT_FALSE(event_fired(ev, 500));
	self->h = NULL;
	rasdial_event_close(ev);
}

/* ------------------------------------------- RasDialFunc, RasDialFunc2 */

#define CB_ID ((ULONG_PTR)0x5eed5eedUL)

static struct {
	int calls, after_stop, bad_id, stop_at_call;
	RASCONNSTATE states[64];
} f2;

static DWORD WINAPI func2(ULONG_PTR id, DWORD sub, HRASCONN h, UINT msg,
			  RASCONNSTATE state, DWORD error, DWORD ext_error)
{
	if (id != CB_ID || sub != 1 || msg != WM_RASDIALEVENT)
		f2.bad_id++;
	if (f2.stop_at_call && f2.calls >= f2.stop_at_call)
		f2.after_stop++;
	if (f2.calls < 64)
		f2.states[f2.calls] = state;
	f2.calls++;
	dt_record(h, msg, state, error, ext_error);
	return f2.stop_at_call && f2.calls >= f2.stop_at_call ? 0 : 1;
}

static int status_is(HRASCONN h, RASCONNSTATE state, int ms)
{
	long long end = dt_now_ms() + ms;

	while (dt_now_ms() < end) {
		RASCONNSTATUSA st = { .dwSize = sizeof(st) };

		if (!RasGetConnectStatusA(h, &st) && st.rasconnstate == state)
			return 1;
		usleep(50000);
	}
	return 0;
}

TEST_F_TIMEOUT(link, rasdialfunc2_callback_id_and_full_run, 90)
{
	struct dt_call c[DT_MAX_CALLS];
	RASDIALPARAMSA p;
	int n;

	memset(&f2, 0, sizeof(f2));
	params(&p, ENTRY4);
	p.dwCallbackId = CB_ID;
	ASSERT_EQ(0, RasDialA(NULL, NULL, &p, 2, func2, &self->h));
	ASSERT_TRUE(dt_wait(dt_done_connected_or_error, TIMEOUT_MS, c, &n));
	EXPECT_GE(dt_find(c, n, RASCS_Connected), 0);
	EXPECT_EQ(0, f2.bad_id);
	for (int i = 0; i < n; i++)
		EXPECT_EQ(self->h, c[i].h);
	ASSERT_EQ(0, RasHangUpA(self->h));
	ASSERT_TRUE(dt_wait(dt_done_final, 10000, c, &n));
	EXPECT_EQ(RASCS_Disconnected, c[n - 1].state);
	EXPECT_EQ(ERROR_USER_DISCONNECTION, c[n - 1].error);
	self->h = NULL;
}

TEST_F_TIMEOUT(link, rasdialfunc2_zero_stops_notifications, 90)
{
	RASDIALPARAMSA p;
	int calls;

	memset(&f2, 0, sizeof(f2));
	f2.stop_at_call = 2;	/* the second call returns 0 */
	params(&p, ENTRY4);
	p.dwCallbackId = CB_ID;
	ASSERT_EQ(0, RasDialA(NULL, NULL, &p, 2, func2, &self->h));
	/* The dial goes on without its notifier. */
	ASSERT_TRUE(status_is(self->h, RASCS_Connected, TIMEOUT_MS));
	ASSERT_EQ(0, RasHangUpA(self->h));
	usleep(1500 * 1000);
	self->h = NULL;
	calls = f2.calls;
	TH_LOG("%d calls, %d after the 0", calls, f2.after_stop);
	EXPECT_EQ(2, calls);
	EXPECT_EQ(0, f2.after_stop);	/* none after the one that returned 0 */
	EXPECT_EQ(0, f2.bad_id);
}

static struct {
	pthread_mutex_t lock;
	int n;
	RASCONNSTATE state[64];
	DWORD error[64];
	UINT msg[64];
} f0 = { .lock = PTHREAD_MUTEX_INITIALIZER };

static VOID WINAPI func0(UINT msg, RASCONNSTATE state, DWORD error)
{
	pthread_mutex_lock(&f0.lock);
	if (f0.n < 64) {
		f0.msg[f0.n] = msg;
		f0.state[f0.n] = state;
		f0.error[f0.n] = error;
		f0.n++;
	}
	pthread_mutex_unlock(&f0.lock);
}

static int f0_has(RASCONNSTATE state, DWORD error)
{
	int i, hit = 0;

	pthread_mutex_lock(&f0.lock);
	for (i = 0; i < f0.n; i++)
		if (f0.state[i] == state && f0.error[i] == error)
			hit = 1;
	pthread_mutex_unlock(&f0.lock);
	return hit;
}

static int f0_wait(RASCONNSTATE state, DWORD error, int ms)
{
	long long end = dt_now_ms() + ms;

	while (dt_now_ms() < end) {
		if (f0_has(state, error))
			return 1;
		usleep(20000);
	}
	return 0;
}

TEST_F_TIMEOUT(link, rasdialfunc_type0, 90)
{
	RASDIALPARAMSA p;
	int i;

	params(&p, ENTRY4);
	ASSERT_EQ(0, RasDialA(NULL, NULL, &p, 0, func0, &self->h));
	ASSERT_TRUE(f0_wait(RASCS_Connected, 0, TIMEOUT_MS));
	EXPECT_TRUE(f0_has(RASCS_OpenPort, 0));
	EXPECT_TRUE(f0_has(RASCS_Projected, 0));
	ASSERT_EQ(0, RasHangUpA(self->h));
	EXPECT_TRUE(f0_wait(RASCS_Disconnected, ERROR_USER_DISCONNECTION,
			    10000));
	for (i = 0; i < f0.n; i++)
		EXPECT_EQ(WM_RASDIALEVENT, f0.msg[i]);
	self->h = NULL;
}

/* ------------------------------------------------- manual dispatch */

static pid_t main_tid;
static int wrong_thread;

static void WINAPI manual_cb(HRASCONN h, UINT msg, RASCONNSTATE state,
			     DWORD error, DWORD ext_error)
{
	if (gettid_() != main_tid || pthread_self() == 0)
		wrong_thread++;
	dt_record(h, msg, state, error, ext_error);
}

/* poll() + rasdial_dispatch() until DONE holds, bounded. */
static int pump(int fd, int (*done)(const struct dt_call *, int), int ms)
{
	long long end = dt_now_ms() + ms;

	while (dt_now_ms() < end) {
		struct pollfd p = { .fd = fd, .events = POLLIN };

		if (dt_wait(done, 0, NULL, NULL))
			return 1;
		if (poll(&p, 1, 200) > 0 && rasdial_dispatch() != 0)
			return 0;
	}
	return dt_wait(done, 0, NULL, NULL);
}

static int threads_of_this_process(void)
{
	char line[256];
	int n = -1;
	FILE *f = fopen("/proc/self/status", "r");

	while (f && fgets(line, sizeof(line), f))
		if (sscanf(line, "Threads: %d", &n) == 1)
			break;
	if (f)
		fclose(f);
	return n;
}

TEST_F_TIMEOUT(link, manual_dispatch_single_thread, 90)
{
	static const RASCONNSTATE expected[] = {
		RASCS_OpenPort, RASCS_DeviceConnected, RASCS_Projected,
		RASCS_Connected,
	};
	struct dt_call c[DT_MAX_CALLS];
	RASDIALPARAMSA p;
	int fd, n, last = -1;

	main_tid = gettid_();
	ASSERT_EQ(0, rasdial_set_dispatch_mode(RASDIAL_DISPATCH_MANUAL));
	fd = rasdial_get_fd();
	ASSERT_GE(fd, 0);
	params(&p, ENTRY4);
	ASSERT_EQ(0, RasDialA(NULL, NULL, &p, 1, manual_cb, &self->h));
	/* Too late to change the mode now. */
	EXPECT_EQ(ERROR_INVALID_FUNCTION,
		  rasdial_set_dispatch_mode(RASDIAL_DISPATCH_THREAD));
	EXPECT_EQ(0, rasdial_set_dispatch_mode(RASDIAL_DISPATCH_MANUAL));
	/* Without dispatching nothing is called (and pppd waits). */
	usleep(1000 * 1000);
	dt_wait(dt_done_connected_or_error, 0, c, &n);
	EXPECT_EQ(0, n);

	ASSERT_TRUE(pump(fd, dt_done_connected_or_error, TIMEOUT_MS));
	dt_wait(dt_done_connected_or_error, 0, c, &n);
	dt_print_calls(c, n);
	for (size_t i = 0; i < sizeof(expected) / sizeof(expected[0]); i++) {
		int at = dt_find(c, n, expected[i]);

		EXPECT_GT(at, last) TH_LOG("%s", rasdial_state_name(expected[i]));
		last = at;
	}
	/* The shim made no thread of its own. */
	EXPECT_EQ(1, threads_of_this_process());

	ASSERT_EQ(0, RasHangUpA(self->h));
	ASSERT_TRUE(pump(fd, dt_done_final, 10000));
	dt_wait(dt_done_final, 0, c, &n);
	EXPECT_EQ(RASCS_Disconnected, c[n - 1].state);
	EXPECT_EQ(ERROR_USER_DISCONNECTION, c[n - 1].error);
	EXPECT_EQ(0, wrong_thread);
	self->h = NULL;

	/* A synchronous RasDial runs the loop itself. */
	ASSERT_EQ(0, RasDialA(NULL, NULL, &p, 1, NULL, &self->h));
	EXPECT_TRUE(status_is(self->h, RASCS_Connected, 100));
	EXPECT_EQ(1, threads_of_this_process());
}

/* ----------------------------------------------------- children */

static int child_proj(uint32_t id, int v6)
{
	HRASCONN h = (HRASCONN)(uintptr_t)id;
	RASPPPIPA ip = { .dwSize = sizeof(ip) };
	RASPPPIPV6 ip6 = { .dwSize = sizeof(ip6) };
	RASPPPLCPA lcp = { .dwSize = sizeof(lcp) };
	DWORD cb = sizeof(ip), ret;

	ret = RasGetProjectionInfoA(h, RASP_PppIp, &ip, &cb);
	if (ret || !check_ip(&ip)) {
		fprintf(stderr, "# child: PppIp %u %s %s\n", ret,
			ip.szIpAddress, ip.szServerIpAddress);
		return 1;
	}
	cb = sizeof(lcp);
	if (RasGetProjectionInfoA(h, RASP_PppLcp, &lcp, &cb) || lcp.dwError)
		return 2;
	cb = sizeof(ip6);
	ret = RasGetProjectionInfoA(h, RASP_PppIpv6, &ip6, &cb);
	if (v6 && (ret || memcmp(ip6.bLocalInterfaceIdentifier, ifid_dialer, 8) ||
		   memcmp(ip6.bPeerInterfaceIdentifier, ifid_peer, 8)))
		return 3;
	return 0;
}

static int child_stats(uint32_t id, DWORD min_bytes, DWORD min_ms)
{
	RAS_STATS s = { .dwSize = sizeof(s) };
	DWORD ret;

	ret = RasGetConnectionStatistics((HRASCONN)(uintptr_t)id, &s);
	if (ret || s.dwBytesXmited < min_bytes || s.dwConnectDuration < min_ms) {
		fprintf(stderr, "# child: %u, %u bytes, %u ms\n", ret,
			s.dwBytesXmited, s.dwConnectDuration);
		return 1;
	}
	return 0;
}

static int child_dial(const char *entry)
{
	RASDIALPARAMSA p;
	HRASCONN h = NULL;
	DWORD ret;

	params(&p, entry);
	ret = RasDialA(NULL, NULL, &p, 1, NULL, &h);
	if (ret)
		fprintf(stderr, "# child: RasDial %u\n", ret);
	return ret ? 1 : 0;
}

static void __attribute__((constructor)) __constructor_order_last(void)
{
	if (!__constructor_order)
		__constructor_order = _CONSTRUCTOR_ORDER_BACKWARD;
}

int main(int argc, char **argv)
{
	if (argc >= 4 && !strcmp(argv[1], "--child-proj"))
		return child_proj((uint32_t)strtoul(argv[2], NULL, 10),
				  atoi(argv[3]));
	if (argc >= 5 && !strcmp(argv[1], "--child-stats"))
		return child_stats((uint32_t)strtoul(argv[2], NULL, 10),
				   (DWORD)strtoul(argv[3], NULL, 10),
				   (DWORD)strtoul(argv[4], NULL, 10));
	if (argc >= 3 && !strcmp(argv[1], "--child-dial"))
		return child_dial(argv[2]);
	if (!getenv("RASDIAL_KO_LOADED") || access("/usr/sbin/pppd", X_OK))
		ksft_exit_skip("needs the test VM (rasdial.ko, pppd)\n");
	return test_harness_run(argc, argv);
}
