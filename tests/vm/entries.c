// SPDX-License-Identifier: GPL-2.0
/*
 * entries: a program that uses only the W functions, as a Windows dialer
 * built with UNICODE does, against real peers in the VM:
 *   - RasEnumDevicesW lists the modem simulator's tty;
 *   - RasSetEntryPropertiesW creates a modem entry for the simulator
 *     (tests/modemsim.c answering CONNECT, then a CHAP pppd) and a cable
 *     entry on a pty whose other end is a CHAP pppd;
 *   - RasGetEntryPropertiesW returns what was set;
 *   - RasSetCredentialsW saves user and password, RasDialW with an empty
 *     password reaches RASCS_Connected with them;
 *   - a second RasDialW of the connected entry returns the same handle;
 *   - after RasHangUpW returns, no notifier call arrives (2 s);
 *   - RasRenameEntryW, RasDeleteEntryW.
 */
#define DT_WINDOWS_RULES
#include "dialtest.h"

#include <fcntl.h>
#include <termios.h>
#include <sys/wait.h>

#include "kselftest_harness.h"

#define LINK		"/dev/ttyRASENT0"
#define NUMBER		"5551234"
#define CREDS		"/tmp/entries-credentials"
#define MSLOG		"/tmp/entries-modemsim.log"
#define MSOUT		"/tmp/entries-modemsim.out"
#define DIAL_MS		45000
#define QUIET_MS	2000
/* The CHAP peer: behind the simulated modem, or on the pty's master. */
#define ANSWER		"/usr/sbin/pppd notty name " DT_SERVER " local " \
			"nodefaultroute noipdefault lcp-echo-interval 0 " \
			DT_REMOTE_ADDR ":" DT_LOCAL_ADDR " auth require-chap"

static void WINAPI rec1(HRASCONN h, UINT msg, RASCONNSTATE state,
			DWORD error, DWORD ext)
{
	dt_record(h, msg, state, error, ext);
}

/* ASCII -> UTF-16 (the test's own strings are ASCII). */
static void wset(WCHAR *dst, size_t n, const char *s)
{
	size_t i;

	for (i = 0; i + 1 < n && s[i]; i++)
		dst[i] = (unsigned char)s[i];
	dst[i] = 0;
}

static int wis(const WCHAR *w, const char *s)
{
	size_t i;

	for (i = 0; s[i]; i++)
		if (w[i] != (unsigned char)s[i])
			return 0;
	return w[i] == 0;
}

static pid_t peer_pid;

/* modemsim on LINK: CONNECT, then the CHAP pppd, one call. */
static int modemsim_start(void)
{
	static const char *const args[] = {
		"--link", LINK, "--result", "CONNECT", "--delay", "50",
		"--calls", "1", "--answer", "exec " ANSWER, NULL };

	peer_pid = dt_modemsim_start(MSLOG, MSOUT, args);
	return peer_pid > 0 ? 0 : -1;
}

/* A CHAP pppd on a new pty's master; the slave's path in PTS. */
static int slave_fd = -1;

static int pty_peer_start(char *pts, size_t size)
{
	int m = posix_openpt(O_RDWR | O_NOCTTY);
	struct termios tio;

	if (m < 0 || grantpt(m) || unlockpt(m) || ptsname_r(m, pts, size)) {
		if (m >= 0)
			close(m);
		return -1;
	}
	/*
	 * Raw (no echo: pppd would see its own frames as a loop), and held
	 * open until the end: the master would read EIO while no slave is
	 * open, before the dialing pppd opens it.
	 */
	slave_fd = open(pts, O_RDWR | O_NOCTTY);
	if (slave_fd < 0 || tcgetattr(slave_fd, &tio)) {
		close(m);
		return -1;
	}
	cfmakeraw(&tio);
	if (tcsetattr(slave_fd, TCSANOW, &tio)) {
		close(m);
		return -1;
	}
	peer_pid = fork();
	if (peer_pid == 0) {
		setsid();
		dup2(m, 0);
		dup2(m, 1);
		execl("/bin/sh", "sh", "-c", "exec " ANSWER, (char *)NULL);
		_exit(127);
	}
	/* The child holds the master: the slave lives as long as it does. */
	close(m);
	return peer_pid > 0 ? 0 : -1;
}

static void peer_stop(void)
{
	if (peer_pid > 0) {
		kill(peer_pid, SIGTERM);
		if (!dt_wait_pid_gone(peer_pid, 5000))
			kill(peer_pid, SIGKILL);
		waitpid(peer_pid, NULL, 0);
	}
	peer_pid = 0;
	if (slave_fd >= 0)
		close(slave_fd);
	slave_fd = -1;
}

/* Windows' defaults for a new entry, for DEVICE of TYPE. */
static void new_entry(RASENTRYW *e, const char *type, const char *device,
		      const char *number)
{
	memset(e, 0, sizeof(*e));
	e->dwSize = sizeof(*e);
	e->dwfOptions = RASEO_IpHeaderCompression | RASEO_SwCompression |
			RASEO_SpecificNameServers | RASEO_RequireCHAP;
	e->dwfNetProtocols = RASNP_Ip;
	e->dwFramingProtocol = RASFP_Ppp;
	e->dwType = strcmp(type, "modem") ? RASET_Direct : RASET_Phone;
	e->dwEncryptionType = ET_Optional;
	e->dwIdleDisconnectSeconds = 600;
	wset(e->szDeviceType, ARRAY_SIZE(e->szDeviceType), type);
	wset(e->szDeviceName, ARRAY_SIZE(e->szDeviceName), device);
	wset(e->szLocalPhoneNumber, ARRAY_SIZE(e->szLocalPhoneNumber),
	     number);
}

FIXTURE(entries) {
	HRASCONN h, h2;
	char pts[64];
};

FIXTURE_SETUP(entries)
{
	dt_write_secrets();
	dt_use_credentials(CREDS);
	self->h = self->h2 = NULL;
	dt_rec_reset();
}

FIXTURE_TEARDOWN(entries)
{
	dt_hang_up_both(self->h, self->h2);
	peer_stop();
	unlink(CREDS);
	unlink("/etc/ppp/peers/wmodem");
	unlink("/etc/ppp/peers/wmodem2");
	unlink("/etc/ppp/peers/wcable");
}

/* RasGetEntryPropertiesW of NAME in the default book into a cleared *G. */
static DWORD get_w(const WCHAR *name, RASENTRYW *g)
{
	DWORD cb = sizeof(*g);

	memset(g, 0, sizeof(*g));
	g->dwSize = sizeof(*g);
	return RasGetEntryPropertiesW(NULL, name, g, &cb, NULL, NULL);
}

/*
 * Saves the credentials, dials ENTRY with an empty password, checks the
 * second RasDialW and the quiet after RasHangUpW.
 */
static void dial_saved(struct __test_metadata *_metadata,
		       FIXTURE_DATA(entries) *self, const WCHAR *entry)
{
	RASCREDENTIALSW rc;
	RASDIALPARAMSW p;
	struct dt_call calls[DT_MAX_CALLS];
	RASCONNSTATUSW st;
	int n = 0, at_hangup, pppds;
	size_t i;

	memset(&rc, 0, sizeof(rc));
	rc.dwSize = sizeof(rc);
	rc.dwMask = RASCM_UserName | RASCM_Password;
	wset(rc.szUserName, ARRAY_SIZE(rc.szUserName), DT_USER);
	wset(rc.szPassword, ARRAY_SIZE(rc.szPassword), DT_SECRET);
	ASSERT_EQ(ERROR_SUCCESS, RasSetCredentialsW(NULL, entry, &rc, 0));

	/* Empty user and password: the saved ones. */
	memset(&p, 0, sizeof(p));
	p.dwSize = sizeof(p);
	for (i = 0; entry[i]; i++)
		p.szEntryName[i] = entry[i];
	ASSERT_EQ(ERROR_SUCCESS, RasDialW(NULL, NULL, &p, 1, (LPVOID)rec1, &self->h));
	ASSERT_NE(NULL, self->h);
	dt_wait(dt_done_connected_or_error, DIAL_MS, calls, &n);
	dt_print_calls(calls, n);
	ASSERT_LE(0, dt_find(calls, n, RASCS_Connected));
	memset(&st, 0, sizeof(st));
	st.dwSize = sizeof(st);
	ASSERT_EQ(ERROR_SUCCESS, RasGetConnectStatusW(self->h, &st));
	EXPECT_EQ(RASCS_Connected, st.rasconnstate);

	/* The same entry again: the same handle, no second pppd. */
	pppds = dt_count_pppd();
	ASSERT_EQ(ERROR_SUCCESS, RasDialW(NULL, NULL, &p, 0, NULL, &self->h2));
	EXPECT_EQ(self->h, self->h2);
	EXPECT_EQ(pppds, dt_count_pppd());
	EXPECT_EQ(ERROR_SUCCESS, RasHangUpW(self->h2));
	self->h2 = NULL;

	/* After RasHangUpW returns, the notifier is never called again. */
	at_hangup = dt_rec_count();
	EXPECT_EQ(ERROR_SUCCESS, RasHangUpW(self->h));
	at_hangup = dt_rec_count() > at_hangup ? dt_rec_count() : at_hangup;
	usleep(QUIET_MS * 1000);
	dt_wait(dt_done_connected_or_error, 0, calls, &n);
	EXPECT_EQ(at_hangup, n) {
		dt_print_calls(calls, n);
	}
	self->h = NULL;
	EXPECT_TRUE(dt_wait_registry_empty(10000));
}

TEST_F_TIMEOUT(entries, modem_entry_w, 120)
{
	RASDEVINFOW dev[64];
	RASENTRYW e, g;
	DWORD cb, n, i;
	int found = 0;

	ASSERT_EQ(0, modemsim_start());
	/* The simulated modem's tty, as a dialer would pick it. */
	dev[0].dwSize = sizeof(dev[0]);
	cb = sizeof(dev);
	ASSERT_EQ(ERROR_SUCCESS, RasEnumDevicesW(dev, &cb, &n));
	for (i = 0; i < n; i++)
		if (wis(dev[i].szDeviceName, LINK + 5)) {
			found = 1;
			EXPECT_TRUE(wis(dev[i].szDeviceType, "modem"));
		}
	ASSERT_TRUE(found);

	new_entry(&e, "modem", LINK + 5, NUMBER);
	ASSERT_EQ(ERROR_SUCCESS, RasValidateEntryNameW(NULL, u"wmodem"));
	ASSERT_EQ(ERROR_SUCCESS,
		  RasSetEntryPropertiesW(NULL, u"wmodem", &e, sizeof(e), NULL, 0));
	EXPECT_EQ(ERROR_ALREADY_EXISTS, RasValidateEntryNameW(NULL, u"wmodem"));

	ASSERT_EQ(ERROR_SUCCESS, get_w(u"wmodem", &g));
	EXPECT_TRUE(wis(g.szDeviceType, "modem"));
	EXPECT_TRUE(wis(g.szDeviceName, LINK + 5));
	EXPECT_TRUE(wis(g.szLocalPhoneNumber, NUMBER));
	EXPECT_EQ(e.dwfOptions, g.dwfOptions);
	EXPECT_EQ(e.dwfNetProtocols, g.dwfNetProtocols);
	EXPECT_EQ(e.dwIdleDisconnectSeconds, g.dwIdleDisconnectSeconds);
	EXPECT_EQ(RASET_Phone, g.dwType);
	EXPECT_EQ(RASFP_Ppp, g.dwFramingProtocol);

	dial_saved(_metadata, self, u"wmodem");
	/* chat dialed the entry's number through the script it got. */
	EXPECT_TRUE(dt_file_has(MSLOG, "ATDT" NUMBER));

	/* Rename (the credentials stay with the old name's record). */
	ASSERT_EQ(ERROR_SUCCESS, RasRenameEntryW(NULL, u"wmodem", u"wmodem2"));
	cb = sizeof(g);
	EXPECT_EQ(ERROR_CANNOT_FIND_PHONEBOOK_ENTRY,
		  RasGetEntryPropertiesW(NULL, u"wmodem", &g, &cb, NULL, NULL));
	cb = sizeof(g);
	ASSERT_EQ(ERROR_SUCCESS,
		  RasGetEntryPropertiesW(NULL, u"wmodem2", &g, &cb, NULL, NULL));
	EXPECT_TRUE(wis(g.szLocalPhoneNumber, NUMBER));
	ASSERT_EQ(ERROR_SUCCESS, RasDeleteEntryW(NULL, u"wmodem2"));
	EXPECT_EQ(ERROR_CANNOT_FIND_PHONEBOOK_ENTRY,
		  RasDeleteEntryW(NULL, u"wmodem2"));
}

TEST_F_TIMEOUT(entries, pty_chap_entry_w, 120)
{
	WCHAR name[64];
	RASENTRYW e, g;

	ASSERT_EQ(0, pty_peer_start(self->pts, sizeof(self->pts)));
	new_entry(&e, "SERIAL", self->pts, "");
	ASSERT_EQ(ERROR_SUCCESS,
		  RasSetEntryPropertiesW(NULL, u"wcable", &e, sizeof(e), NULL, 0));
	ASSERT_EQ(ERROR_SUCCESS, get_w(u"wcable", &g));
	EXPECT_TRUE(wis(g.szDeviceType, "SERIAL"));
	EXPECT_TRUE(wis(g.szDeviceName, self->pts));
	EXPECT_EQ(RASET_Direct, g.dwType);
	EXPECT_EQ(e.dwfOptions, g.dwfOptions);

	dial_saved(_metadata, self, u"wcable");

	wset(name, ARRAY_SIZE(name), "wcable");
	ASSERT_EQ(ERROR_SUCCESS, RasDeleteEntryW(NULL, name));
}

TEST_HARNESS_MAIN
