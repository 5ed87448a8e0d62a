// SPDX-License-Identifier: GPL-2.0
/*
 * A Windows phone book (.pbk) dialed through real pppd and chat, in the VM:
 *
 *   RasDial(book.pbk, "Modem Sim") -> pppd /dev/ttyRAS0 connect "chat ... ATDT5551234"
 *        /dev/ttyRAS0 = pty slave == master: modemsim --result CONNECT
 *        --answer "exec pppd notty auth require-chap name server 192.0.2.1:192.0.2.2"
 *
 * RasEnumEntries lists the sections, the dial reaches Connected, modemsim
 * logs the entry's PhoneNumber (or RASDIALPARAMS' override), the kernel and
 * RasEnumConnections show the section's name, RasHangUp ends it; a
 * malformed book is ERROR_CORRUPT_PHONEBOOK; tools/rasdial /PHONEBOOK:
 * dials it too.
 */
#include "dialtest.h"

#include "kselftest_harness.h"
#include "../setup_skip.h"

#define DIAL_TIMEOUT_MS	60000
#define DIR		"/tmp/phonebook_vm"
#define PBK		DIR "/book.pbk"
#define BAD_PBK		DIR "/bad.pbk"
#define MSIM_LOG	DIR "/modemsim.log"
#define MSIM_OUT	DIR "/modemsim.out"
#define LINK		"/dev/ttyRAS0"
#define NUMBER		"5551234"

static const char book[] =
	"\xef\xbb\xbf"
	"[Modem Sim]\r\n"
	"Encoding=1\r\n"
	"Type=1\r\n"
	"AuthRestrictions=552\r\n"
	"IpPrioritizeRemote=0\r\n"
	"IpAssign=1\r\n"
	"\r\n"
	"MEDIA=serial\r\n"
	"Port=" LINK "\r\n"
	"Device=Standard 56000 bps Modem\r\n"
	"ConnectBPS=115200\r\n"
	"\r\n"
	"DEVICE=modem\r\n"
	"PhoneNumber=" NUMBER "\r\n"
	"HwFlowControl=0\r\n"
	"LinuxLocal=1\r\n"
	"LinuxLock=0\r\n"
	"\r\n"
	"[Corp VPN]\r\n"
	"MEDIA=rastapi\r\n"
	"Port=VPN2-0\r\n"
	"Device=WAN Miniport (PPTP)\r\n"
	"DEVICE=vpn\r\n"
	"PhoneNumber=vpn.example.com\r\n";

static void WINAPI record_cb(HRASCONN h, UINT msg, RASCONNSTATE state,
			     DWORD error, DWORD ext_error)
{
	dt_record(h, msg, state, error, ext_error);
}

static char *read_text(const char *path)
{
	static char buf[65536];
	FILE *f = fopen(path, "r");
	size_t n = 0;

	buf[0] = '\0';
	if (f) {
		n = fread(buf, 1, sizeof(buf) - 1, f);
		fclose(f);
	}
	buf[n] = '\0';
	return buf;
}

FIXTURE(pbk) {
	pid_t msim;
	HRASCONN h;
	struct dt_call calls[DT_MAX_CALLS];
	int n;
};

FIXTURE_SETUP(pbk)
{
	static const char *const args[] = {
		"--link", LINK, "--result", "CONNECT", "--delay", "50",
		"--answer", "exec /usr/sbin/pppd notty auth require-chap name "
		DT_SERVER " local nodefaultroute noipdefault "
		"lcp-echo-interval 0 " DT_REMOTE_ADDR ":" DT_LOCAL_ADDR, NULL };
	char msim[PATH_MAX + 32];

	self->h = NULL;
	self->msim = 0;
	mkdir(DIR, 0755);
	dt_write_file(PBK, book);
	dt_write_file("/etc/ppp/chap-secrets",
		      DT_USER " " DT_SERVER " " DT_SECRET " *\n");
	snprintf(msim, sizeof(msim), "%s/build/tests/modemsim", dt_topdir());
	if (access(msim, X_OK))
		SETUP_SKIP("no %.1000s", msim);
	self->msim = dt_modemsim_start(MSIM_LOG, MSIM_OUT, args);
	ASSERT_LT(0, self->msim)
		dt_dump(MSIM_OUT);
}

FIXTURE_TEARDOWN(pbk)
{
	if (self->h)
		RasHangUpA(self->h);
	dt_wait_registry_empty(15000);
	dt_modemsim_stop(&self->msim);
}

static void params(RASDIALPARAMSA *p, const char *entry, const char *phone)
{
	dt_params(p, entry, NULL);
	if (phone)
		snprintf(p->szPhoneNumber, sizeof(p->szPhoneNumber), "%s", phone);
}

/* Dials ENTRY of the book (PHONE overriding), waits for the outcome;
 * 0 once Connected. */
static int dial_connected(struct __test_metadata *_metadata,
			  FIXTURE_DATA(pbk) *self, const char *entry,
			  const char *phone)
{
	RASDIALPARAMSA p;

	params(&p, entry, phone);
	EXPECT_EQ(0, RasDialA(NULL, PBK, &p, 1, record_cb, &self->h));
	EXPECT_NE(NULL, self->h);
	if (!self->h)
		return -1;
	EXPECT_TRUE(dt_wait(dt_done_connected_or_error, DIAL_TIMEOUT_MS,
			    self->calls, &self->n));
	dt_print_calls(self->calls, self->n);
	if (dt_find(self->calls, self->n, RASCS_Connected) < 0) {
		dt_dump(MSIM_LOG);
		return -1;
	}
	return 0;
}

static void hang_up(struct __test_metadata *_metadata, FIXTURE_DATA(pbk) *self)
{
	EXPECT_EQ(0, RasHangUpA(self->h));
	EXPECT_TRUE(dt_wait(dt_done_final, 15000, self->calls, &self->n));
	EXPECT_EQ(RASCS_Disconnected, self->calls[self->n - 1].state);
	EXPECT_EQ(ERROR_USER_DISCONNECTION, self->calls[self->n - 1].error);
	EXPECT_TRUE(dt_wait_registry_empty(15000));
	self->h = NULL;
}

TEST_F(pbk, enum_entries)
{
	RASENTRYNAMEA e[8];
	DWORD cb = sizeof(e), n = 0;
	int found = 0;

	e[0].dwSize = sizeof(e[0]);
	ASSERT_EQ(0, RasEnumEntriesA(NULL, PBK, e, &cb, &n));
	ASSERT_EQ(2, n);
	EXPECT_STREQ("Modem Sim", e[0].szEntryName);
	EXPECT_STREQ("Corp VPN", e[1].szEntryName);
	EXPECT_STREQ(PBK, e[0].szPhonebookPath);

	/* The system phone book: /etc/ppp/peers. */
	dt_write_file("/etc/ppp/peers/pbk-peer", "noauth\n");
	dt_write_file("/etc/ppp/peers/pbk-peer~", "noauth\n");
	cb = sizeof(e);
	ASSERT_EQ(0, RasEnumEntriesA(NULL, NULL, e, &cb, &n));
	for (DWORD i = 0; i < n; i++) {
		EXPECT_STRNE("pbk-peer~", e[i].szEntryName);
		if (!strcmp(e[i].szEntryName, "pbk-peer")) {
			found = 1;
			EXPECT_EQ(REN_AllUsers, e[i].dwFlags);
			EXPECT_STREQ("/etc/ppp/peers", e[i].szPhonebookPath);
		}
	}
	EXPECT_TRUE(found);
	unlink("/etc/ppp/peers/pbk-peer");
	unlink("/etc/ppp/peers/pbk-peer~");
}

TEST_F_TIMEOUT(pbk, dial_hang_up, 120)
{
	RASCONNA conns[4];
	DWORD cb = sizeof(conns), n = 0;
	struct dt_kconn k;
	int listed = 0, fd;
	char path[64], cmdline[4096];
	ssize_t len;

	/* Any case, as Windows; the link carries the section's own name. */
	ASSERT_EQ(0, dial_connected(_metadata, self, "modem sim", NULL));
	for (int i = 0; i < self->n; i++)
		EXPECT_EQ(0, self->calls[i].error);
	EXPECT_NE(NULL, strstr(read_text(MSIM_LOG), "dial " NUMBER " "))
		dt_dump(MSIM_LOG);
	ASSERT_EQ(0, dt_kernel_get(dt_conn_id(self->h), &k));
	EXPECT_STREQ("Modem Sim", k.entry);
	EXPECT_EQ(RASCS_Connected, k.state);
	conns[0].dwSize = sizeof(conns[0]);
	ASSERT_EQ(0, RasEnumConnectionsA(conns, &cb, &n));
	for (DWORD i = 0; i < n; i++)
		if (conns[i].hrasconn == self->h) {
			listed = 1;
			EXPECT_STREQ("Modem Sim", conns[i].szEntryName);
		}
	EXPECT_TRUE(listed);
	/* pppd got the entry's options, and no password in argv. */
	snprintf(path, sizeof(path), "/proc/%u/cmdline", k.pid);
	fd = open(path, O_RDONLY);
	ASSERT_LE(0, fd);
	len = read(fd, cmdline, sizeof(cmdline) - 1);
	close(fd);
	ASSERT_LT(0, len);
	for (ssize_t i = 0; i < len; i++)
		if (!cmdline[i])
			cmdline[i] = ' ';
	cmdline[len] = '\0';
	TH_LOG("pppd: %s", cmdline);
	EXPECT_NE(NULL, strstr(cmdline, " rasdial-conn "));
	EXPECT_NE(NULL, strstr(cmdline, " " LINK " 115200 connect "));
	EXPECT_NE(NULL, strstr(cmdline, "'ATDT" NUMBER "' CONNECT"));
	EXPECT_NE(NULL, strstr(cmdline, " refuse-mschap refuse-eap "));
	EXPECT_EQ(NULL, strstr(cmdline, DT_SECRET));
	EXPECT_EQ(NULL, strstr(cmdline, " call "));
	hang_up(_metadata, self);
	EXPECT_TRUE(dt_wait_pid_gone(k.pid, 10000));
}

TEST_F_TIMEOUT(pbk, phone_number_override, 120)
{
	ASSERT_EQ(0, dial_connected(_metadata, self, "Modem Sim", "5550000"));
	EXPECT_NE(NULL, strstr(read_text(MSIM_LOG), "dial 5550000 "))
		dt_dump(MSIM_LOG);
	EXPECT_EQ(NULL, strstr(read_text(MSIM_LOG), "dial " NUMBER " "));
	hang_up(_metadata, self);
}

TEST_F(pbk, errors)
{
	RASDIALPARAMSA p;
	RASENTRYNAMEA e[2];
	DWORD cb = sizeof(e), n = 0;
	HRASCONN h = NULL;

	params(&p, "Modem Sim", NULL);
	dt_write_file(BAD_PBK, "[Modem Sim]\nPort=" LINK "\n[Broken\n");
	EXPECT_EQ(ERROR_CORRUPT_PHONEBOOK,
		  RasDialA(NULL, BAD_PBK, &p, 1, record_cb, &h));
	EXPECT_EQ(NULL, h);
	e[0].dwSize = sizeof(e[0]);
	EXPECT_EQ(ERROR_CORRUPT_PHONEBOOK,
		  RasEnumEntriesA(NULL, BAD_PBK, e, &cb, &n));
	TH_LOG("detail: %s", rasdial_last_detail());
	dt_write_file(BAD_PBK, "[Modem Sim]\nPort=" LINK "\n"
		      "LinuxConnect=chat \"x\" ; reboot\n");
	EXPECT_EQ(ERROR_CORRUPT_PHONEBOOK,
		  RasDialA(NULL, BAD_PBK, &p, 1, record_cb, &h));
	params(&p, "Nope", NULL);
	EXPECT_EQ(ERROR_CANNOT_FIND_PHONEBOOK_ENTRY,
		  RasDialA(NULL, PBK, &p, 1, record_cb, &h));
	params(&p, "Corp VPN", NULL);
	EXPECT_EQ(ERROR_DEVICETYPE_DOES_NOT_EXIST,
		  RasDialA(NULL, PBK, &p, 1, record_cb, &h));
	EXPECT_EQ(NULL, h);
	unlink(BAD_PBK);
	/* Nothing was started. */
	EXPECT_TRUE(dt_wait_registry_empty(2000));
	EXPECT_EQ(NULL, strstr(read_text(MSIM_LOG), "dial "));
}

/* tools/rasdial takes the .pbk as /PHONEBOOK: (as rasdial.exe). */
TEST_F_TIMEOUT(pbk, tool_phonebook, 150)
{
	const char *top = getenv("TOPDIR");
	char cmd[1024];
	int rc;

	snprintf(cmd, sizeof(cmd),
		 "timeout 90 %s/tools/rasdial 'Modem Sim' " DT_USER " "
		 DT_SECRET " /PHONEBOOK:" PBK " >" DIR "/tool.out 2>&1",
		 top ? top : "/work/main");
	rc = system(cmd);
	EXPECT_EQ(0, rc) dt_dump(DIR "/tool.out");
	EXPECT_NE(NULL, strstr(read_text(DIR "/tool.out"),
			       "Connected to Modem Sim."))
		dt_dump(DIR "/tool.out");
	EXPECT_NE(NULL, strstr(read_text(MSIM_LOG), "dial " NUMBER " "));
	snprintf(cmd, sizeof(cmd),
		 "timeout 60 %s/tools/rasdial 'Modem Sim' /DISCONNECT >"
		 DIR "/tool.out 2>&1", top ? top : "/work/main");
	rc = system(cmd);
	EXPECT_EQ(0, rc) dt_dump(DIR "/tool.out");
	EXPECT_TRUE(dt_wait_registry_empty(15000));
}

TEST_HARNESS_MAIN
