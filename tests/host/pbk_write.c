// SPDX-License-Identifier: GPL-2.0-only
/*
 * pbk_write: RasGetEntryProperties / RasSetEntryProperties /
 * RasDeleteEntry / RasRenameEntry / RasValidateEntryName on a Windows
 * phone book (.pbk) in /tmp: a new file, a hand-written one kept byte
 * for byte, Windows' errors, old layouts, values refused, and the pppd
 * options RasDial would build from what Set wrote.
 *
 * rasdial_pbk_dial_args is internal: the -asan build has the shim's
 * sources linked in; the plain build compiles the reader in itself (as
 * tests/host/phonebook.c does) and takes the API from librasdial.so.
 */
#include <phonebook.h>	/* -I shim */

#include <fcntl.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#ifndef __SANITIZE_ADDRESS__
#include <phonebook.c>
void rasdial_detail_set(const char *msg)
{
	(void)msg;
}
#endif

#include "kselftest_harness.h"

#include "hosttest.h"

/* Windows' layout: BOM, CRLF, keys we do not model, two sections. */
static const char hand_pbk[] =
	"\xef\xbb\xbf"
	"; kept as it is\r\n"
	"[Office]\r\n"
	"Encoding=1\r\n"
	"PBVersion=1\r\n"
	"Type=1\r\n"
	"AutoLogon=0\r\n"
	"AuthRestrictions=552\r\n"
	"DataEncryption=8\r\n"
	"IpPrioritizeRemote=0\r\n"
	"IpHeaderCompression=1\r\n"
	"IpAddress=0.0.0.0\r\n"
	"IpAssign=1\r\n"
	"IdleDisconnectSeconds=600\r\n"
	"CustomAuthKey=-1\r\n"
	"\r\n"
	HT_PBK_COM1_MODEM
	"CountryCode=0\r\n"
	"LastSelectedPhone=0\r\n"
	"\r\n"
	"; the other one\r\n"
	"[Home VPN]\r\n"
	"MEDIA=rastapi\r\n"
	"DEVICE=vpn\r\n"
	"PhoneNumber=vpn.example.com\r\n"
	"LinuxL2tpLac=home\r\n";

FIXTURE(pbk) {
	char dir[64];
	char path[96];
};

FIXTURE_SETUP(pbk)
{
	snprintf(self->dir, sizeof(self->dir), "/tmp/pbk_write.XXXXXX");
	ASSERT_NE(NULL, mkdtemp(self->dir));
	snprintf(self->path, sizeof(self->path), "%s/rasphone.pbk", self->dir);
}

FIXTURE_TEARDOWN(pbk)
{
	char cmd[128];

	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", self->dir);
	if (system(cmd))
		TH_LOG("cannot remove %s", self->dir);
}

static void put(const char *path, const char *text)
{
	FILE *f = fopen(path, "w");

	if (f) {
		fputs(text, f);
		fclose(f);
	}
}

/* The whole file, NUL-terminated (static; "" when there is none). */
static char *slurp(const char *path)
{
	static char text[65536];
	size_t n = 0;
	FILE *f = fopen(path, "r");

	if (f) {
		n = fread(text, 1, sizeof(text) - 1, f);
		fclose(f);
	}
	text[n] = '\0';
	return text;
}

/* TEXT with the first FROM replaced by TO (static). */
static char *edited(const char *text, const char *from, const char *to)
{
	static char out[65536];
	const char *at = strstr(text, from);

	if (!at)
		return strcpy(out, "(not found)");
	snprintf(out, sizeof(out), "%.*s%s%s", (int)(at - text), text, to,
		 at + strlen(from));
	return out;
}

static ino_t inode(const char *path)
{
	struct stat st;

	return stat(path, &st) ? 0 : st.st_ino;
}

/* ht_modem_entry's entry, with the one sub-entry a .pbk section has. */
static void modem_entry(RASENTRYA *e, const char *dev, const char *number)
{
	ht_modem_entry(e, dev, number);
	e->dwSubEntries = 1;
	e->dwDialMode = RASEDM_DialAll;
}

/* ASCII -> UTF-16. */
static WCHAR *w(const char *s, WCHAR *buf, size_t n)
{
	size_t i;

	for (i = 0; i + 1 < n && s[i]; i++)
		buf[i] = (unsigned char)s[i];
	buf[i] = 0;
	return buf;
}

static bool has_arg(const struct rasdial_pbk_args *a, const char *s)
{
	int i;

	for (i = 0; i < a->argc; i++)
		if (!strcmp(a->argv[i], s))
			return true;
	return false;
}

/* The fields a .pbk section keeps, compared one by one. */
#define EXPECT_SAME_ENTRY(x, y) do {					\
	EXPECT_STREQ((x).szDeviceType, (y).szDeviceType);		\
	EXPECT_STREQ((x).szDeviceName, (y).szDeviceName);		\
	EXPECT_STREQ((x).szLocalPhoneNumber, (y).szLocalPhoneNumber);	\
	EXPECT_STREQ((x).szAreaCode, (y).szAreaCode);			\
	EXPECT_EQ((x).dwCountryCode, (y).dwCountryCode);		\
	EXPECT_EQ((x).dwCountryID, (y).dwCountryID);			\
	EXPECT_EQ((x).dwfOptions, (y).dwfOptions);			\
	EXPECT_EQ((x).dwType, (y).dwType);				\
	EXPECT_EQ((x).dwEncryptionType, (y).dwEncryptionType);		\
	EXPECT_EQ((x).dwfNetProtocols, (y).dwfNetProtocols);		\
	EXPECT_EQ(0, memcmp(&(x).ipaddr, &(y).ipaddr, 4));		\
	EXPECT_EQ(0, memcmp(&(x).ipaddrDns, &(y).ipaddrDns, 4));	\
	EXPECT_EQ(0, memcmp(&(x).ipaddrDnsAlt, &(y).ipaddrDnsAlt, 4));	\
	EXPECT_EQ((x).dwIdleDisconnectSeconds, (y).dwIdleDisconnectSeconds); \
	EXPECT_EQ((x).dwRedialCount, (y).dwRedialCount);		\
	EXPECT_EQ((x).dwRedialPause, (y).dwRedialPause);		\
	EXPECT_EQ((x).dwFramingProtocol, (y).dwFramingProtocol);	\
} while (0)

/* A new phone book: created, read back (A and W), dialable. */
TEST_F(pbk, set_creates_file)
{
	struct rasdial_pbk_args a;
	RASENTRYA e, g;
	RASENTRYW we;
	DWORD cb = sizeof(we);
	struct stat st;
	char *text;

	ASSERT_NE(0, access(self->path, F_OK));
	modem_entry(&e, "ttyS0", "555 1234");
	e.dwfOptions = RASEO_SwCompression | RASEO_RequireMsCHAP2 |
		       RASEO_RequireCHAP | RASEO_SpecificIpAddr |
		       RASEO_SpecificNameServers | RASEO_UseCountryAndAreaCodes |
		       RASEO_RequireDataEncryption;
	e.dwEncryptionType = ET_Require;
	e.ipaddr.a = 192, e.ipaddr.b = 0, e.ipaddr.c = 2, e.ipaddr.d = 5;
	e.ipaddrDns.a = 192, e.ipaddrDns.d = 53;
	e.dwIdleDisconnectSeconds = 300;
	e.dwRedialCount = 3;
	e.dwRedialPause = 60;
	e.dwCountryCode = e.dwCountryID = 44;
	snprintf(e.szAreaCode, sizeof(e.szAreaCode), "20");
	ASSERT_EQ(ERROR_SUCCESS, ht_set_a(self->path, "Office", &e));
	ASSERT_EQ(0, stat(self->path, &st));
	EXPECT_EQ(0640, st.st_mode & 07777);
	text = slurp(self->path);
	EXPECT_EQ(0, strncmp(text, "[Office]\r\nEncoding=1\r\n", 22));
	EXPECT_NE(NULL, strstr(text, "\r\nDEVICE=modem\r\n"));
	EXPECT_NE(NULL, strstr(text, "\r\nMEDIA=serial\r\nPort=ttyS0\r\n"));
	EXPECT_NE(NULL, strstr(text, "\r\nPhoneNumber=555 1234\r\n"));
	EXPECT_NE(NULL, strstr(text, "\r\nAuthRestrictions=544\r\n"));
	EXPECT_NE(NULL, strstr(text, "\r\nDataEncryption=256\r\n"));
	EXPECT_NE(NULL, strstr(text, "\r\nIpAssign=2\r\n"));
	EXPECT_NE(NULL, strstr(text, "\r\nIpAddress=192.0.2.5\r\n"));
	EXPECT_NE(NULL, strstr(text, "\r\nIpNameAssign=2\r\n"));
	EXPECT_NE(NULL, strstr(text, "\r\nIpDnsAddress=192.0.0.53\r\n"));
	EXPECT_NE(NULL, strstr(text, "\r\nRedialAttempts=3\r\n"));
	EXPECT_NE(NULL, strstr(text, "\r\nUseDialingRules=1\r\n"));

	ASSERT_EQ(ERROR_SUCCESS, ht_get_a(self->path, "office", &g));
	EXPECT_SAME_ENTRY(e, g);

	/* W: the same entry. */
	memset(&we, 0, sizeof(we));
	we.dwSize = sizeof(we);
	ASSERT_EQ(ERROR_SUCCESS,
		  RasGetEntryPropertiesW(w(self->path, (WCHAR[128]){ 0 }, 128),
					 w("Office", (WCHAR[16]){ 0 }, 16),
					 &we, &cb, NULL, NULL));
	EXPECT_EQ('t', we.szDeviceName[0]);
	EXPECT_EQ('5', we.szLocalPhoneNumber[0]);
	EXPECT_EQ(g.dwfOptions, we.dwfOptions);

	/* Dialable: RasDial's own reading of it. */
	ASSERT_EQ(ERROR_SUCCESS,
		  rasdial_pbk_dial_args(self->path, "Office", NULL, &a));
	EXPECT_STREQ("Office", a.entry);
	EXPECT_STREQ("/dev/ttyS0", a.argv[0]);
	EXPECT_NE(NULL, strstr(a.connect, "'ATDT555 1234'"));
	EXPECT_TRUE(has_arg(&a, "refuse-pap"));
	EXPECT_TRUE(has_arg(&a, "refuse-mschap"));
	EXPECT_TRUE(has_arg(&a, "refuse-eap"));
	EXPECT_FALSE(has_arg(&a, "refuse-chap"));
	EXPECT_FALSE(has_arg(&a, "refuse-mschap-v2"));
	EXPECT_TRUE(has_arg(&a, "require-mppe"));
	EXPECT_TRUE(has_arg(&a, "nodefaultroute"));
	EXPECT_TRUE(has_arg(&a, "novj"));
	EXPECT_TRUE(has_arg(&a, "192.0.2.5:"));
	EXPECT_TRUE(has_arg(&a, "idle"));
	EXPECT_TRUE(has_arg(&a, "300"));

	/* A second entry goes after the first; the first stays. */
	text = strdup(slurp(self->path));
	ASSERT_NE(NULL, text);
	modem_entry(&e, "/dev/ttyUSB0", "777");
	ASSERT_EQ(ERROR_SUCCESS, ht_set_a(self->path, "Second", &e));
	EXPECT_EQ(0, strncmp(slurp(self->path), text, strlen(text)));
	EXPECT_EQ(0, strncmp(slurp(self->path) + strlen(text), "[Second]\r\n", 10));
	free(text);
	ASSERT_EQ(ERROR_SUCCESS, ht_get_a(self->path, "Second", &g));
	/* As RasEnumDevices names it, as for a peers file. */
	snprintf(e.szDeviceName, sizeof(e.szDeviceName), "ttyUSB0");
	EXPECT_SAME_ENTRY(e, g);
	ASSERT_EQ(ERROR_SUCCESS,
		  rasdial_pbk_dial_args(self->path, "Second", "999", &a));
	EXPECT_STREQ("/dev/ttyUSB0", a.argv[0]);
	EXPECT_NE(NULL, strstr(a.connect, "'ATDT999'"));
	EXPECT_TRUE(has_arg(&a, "defaultroute"));
	EXPECT_TRUE(has_arg(&a, "noipdefault"));
}

/* RasSetEntryPropertiesW into a new file; a VPN entry xl2tpd dials. */
TEST_F(pbk, set_wide_and_vpn)
{
	struct rasdial_pbk_args a;
	WCHAR book[128], name[16];
	RASENTRYW we;
	RASENTRYA g;

	memset(&we, 0, sizeof(we));
	we.dwSize = sizeof(we);
	we.dwFramingProtocol = RASFP_Ppp;
	we.dwType = RASET_Vpn;
	we.dwfNetProtocols = RASNP_Ip | RASNP_Ipv6;
	we.dwEncryptionType = ET_Optional;
	w(RASDT_Vpn, we.szDeviceType, RAS_MaxDeviceType + 1);
	w("office-lac", we.szLocalPhoneNumber, RAS_MaxPhoneNumber + 1);
	w(self->path, book, 128);
	ASSERT_EQ(ERROR_SUCCESS,
		  RasSetEntryPropertiesW(book, w("VPN", name, 16), &we,
					 sizeof(we), NULL, 0));
	ASSERT_EQ(ERROR_SUCCESS, ht_get_a(self->path, "VPN", &g));
	EXPECT_STREQ(RASDT_Vpn, g.szDeviceType);
	EXPECT_STREQ("WAN Miniport (L2TP)", g.szDeviceName);
	EXPECT_STREQ("office-lac", g.szLocalPhoneNumber);
	EXPECT_EQ(RASET_Vpn, g.dwType);
	EXPECT_EQ(RASNP_Ip | RASNP_Ipv6, g.dwfNetProtocols);
	EXPECT_NE(NULL, strstr(slurp(self->path), "\r\nLinuxL2tpLac=office-lac\r\n"));
	ASSERT_EQ(ERROR_SUCCESS, rasdial_pbk_dial_args(self->path, "vpn", NULL, &a));
	EXPECT_TRUE(a.is_l2tp);
	EXPECT_STREQ("office-lac", a.l2tp.lac);
}

/* A hand-written file: an unchanged entry writes nothing; a change
 * rewrites its own line only; a missing key goes after the last one. */
TEST_F(pbk, set_keeps_every_other_byte)
{
	RASENTRYA e, g;
	char want[8192];
	ino_t ino;

	put(self->path, hand_pbk);
	ino = inode(self->path);
	ASSERT_EQ(ERROR_SUCCESS, ht_get_a(self->path, "Office", &e));
	EXPECT_STREQ(RASDT_Modem, e.szDeviceType);
	EXPECT_STREQ("ttyS0", e.szDeviceName);
	EXPECT_STREQ("555-1234", e.szLocalPhoneNumber);
	EXPECT_EQ(600, e.dwIdleDisconnectSeconds);
	EXPECT_EQ(0, e.dwfOptions & RASEO_RemoteDefaultGateway);
	EXPECT_NE(0, e.dwfOptions & RASEO_RequirePAP);
	EXPECT_NE(0, e.dwfOptions & RASEO_RequireMsCHAP2);
	EXPECT_EQ(ET_Optional, e.dwEncryptionType);

	ASSERT_EQ(ERROR_SUCCESS, ht_set_a(self->path, "Office", &e));
	EXPECT_STREQ(hand_pbk, slurp(self->path));
	EXPECT_EQ(ino, inode(self->path));	/* not even rewritten */
	ASSERT_EQ(ERROR_SUCCESS, ht_get_a(self->path, "Home VPN", &g));
	ASSERT_EQ(ERROR_SUCCESS, ht_set_a(self->path, "home vpn", &g));
	EXPECT_STREQ(hand_pbk, slurp(self->path));

	/* One field: one line. */
	snprintf(e.szLocalPhoneNumber, sizeof(e.szLocalPhoneNumber), "0123");
	ASSERT_EQ(ERROR_SUCCESS, ht_set_a(self->path, "Office", &e));
	snprintf(want, sizeof(want), "%s",
		 edited(hand_pbk, "PhoneNumber=555-1234", "PhoneNumber=0123"));
	EXPECT_STREQ(want, slurp(self->path));

	/* A key the section lacks: after its last key line. */
	e.dwRedialCount = 5;
	ASSERT_EQ(ERROR_SUCCESS, ht_set_a(self->path, "Office", &e));
	snprintf(want, sizeof(want), "%s",
		 edited(want, "LastSelectedPhone=0\r\n",
			"LastSelectedPhone=0\r\nRedialAttempts=5\r\n"));
	EXPECT_STREQ(want, slurp(self->path));

	/* The device: Port and Device; the default route: its key. */
	snprintf(e.szDeviceName, sizeof(e.szDeviceName), "ttyUSB1");
	e.dwfOptions |= RASEO_RemoteDefaultGateway;
	ASSERT_EQ(ERROR_SUCCESS, ht_set_a(self->path, "Office", &e));
	snprintf(want, sizeof(want), "%s",
		 edited(want, "Port=COM1", "Port=ttyUSB1"));
	snprintf(want, sizeof(want), "%s",
		 edited(want, "Device=Standard 56000 bps Modem", "Device=ttyUSB1"));
	snprintf(want, sizeof(want), "%s",
		 edited(want, "IpPrioritizeRemote=0", "IpPrioritizeRemote=1"));
	EXPECT_STREQ(want, slurp(self->path));
	ASSERT_EQ(ERROR_SUCCESS, ht_get_a(self->path, "Office", &g));
	EXPECT_SAME_ENTRY(e, g);

	/* Unchanged again: nothing. */
	ino = inode(self->path);
	ASSERT_EQ(ERROR_SUCCESS, ht_set_a(self->path, "Office", &g));
	EXPECT_STREQ(want, slurp(self->path));
	EXPECT_EQ(ino, inode(self->path));
}

/* The file's owner, group and mode stay; a LF file stays LF. */
TEST_F(pbk, set_keeps_mode_and_line_ends)
{
	static const char new_b[] =
		"[A]\nPort=ttyS0\nPhoneNumber=1\n\n[B]\nEncoding=1\n";
	RASENTRYA e;
	struct stat st;

	put(self->path, "[A]\nPort=ttyS0\nPhoneNumber=1\n");
	ASSERT_EQ(0, chmod(self->path, 0604));
	ASSERT_EQ(ERROR_SUCCESS, ht_get_a(self->path, "A", &e));
	e.dwIdleDisconnectSeconds = 60;
	ASSERT_EQ(ERROR_SUCCESS, ht_set_a(self->path, "A", &e));
	EXPECT_STREQ("[A]\nPort=ttyS0\nPhoneNumber=1\nIdleDisconnectSeconds=60\n",
		     slurp(self->path));
	ASSERT_EQ(0, stat(self->path, &st));
	EXPECT_EQ(0604, st.st_mode & 07777);
	EXPECT_EQ(getuid(), st.st_uid);

	/* No EOL at the end; a new section after it. */
	put(self->path, "[A]\nPort=ttyS0\nPhoneNumber=1");
	modem_entry(&e, "ttyS1", "2");
	ASSERT_EQ(ERROR_SUCCESS, ht_set_a(self->path, "B", &e));
	EXPECT_EQ(0, strncmp(slurp(self->path), new_b, strlen(new_b)));
}

/* An older RASENTRY: the fields beyond it keep what the file says. */
TEST_F(pbk, set_old_layouts)
{
	RASENTRYA e;
	DWORD cb;

	put(self->path, hand_pbk);
	ASSERT_EQ(ERROR_SUCCESS, ht_get_a(self->path, "Office", &e));
	e.dwSize = offsetof(RASENTRYA, dwSubEntries);	/* WINVER 0x400 */
	e.dwIdleDisconnectSeconds = 5;
	snprintf(e.szLocalPhoneNumber, sizeof(e.szLocalPhoneNumber), "42");
	ASSERT_EQ(ERROR_SUCCESS, ht_set_a(self->path, "Office", &e));
	ASSERT_EQ(ERROR_SUCCESS, ht_get_a(self->path, "Office", &e));
	EXPECT_STREQ("42", e.szLocalPhoneNumber);
	EXPECT_EQ(600, e.dwIdleDisconnectSeconds);

	/* Get with the 0x400 layout writes that much only. */
	memset(&e, 0x5a, sizeof(e));
	e.dwSize = offsetof(RASENTRYA, dwSubEntries);
	cb = e.dwSize;
	ASSERT_EQ(ERROR_SUCCESS,
		  RasGetEntryPropertiesA(self->path, "Office", &e, &cb, NULL, NULL));
	EXPECT_EQ(offsetof(RASENTRYA, dwSubEntries), cb);
	EXPECT_EQ(0x5a5a5a5a, e.dwIdleDisconnectSeconds);
	EXPECT_STREQ("42", e.szLocalPhoneNumber);

	/* Unknown sizes. */
	e.dwSize = 100;
	EXPECT_EQ(ERROR_INVALID_SIZE, ht_set_a(self->path, "Office", &e));
	cb = sizeof(e);
	EXPECT_EQ(ERROR_INVALID_SIZE,
		  RasGetEntryPropertiesA(self->path, "Office", &e, &cb, NULL, NULL));
	cb = 0;
	EXPECT_EQ(ERROR_BUFFER_TOO_SMALL,
		  RasGetEntryPropertiesA(self->path, "Office", NULL, &cb, NULL, NULL));
	EXPECT_EQ(sizeof(e), cb);
	EXPECT_EQ(ERROR_CANNOT_FIND_PHONEBOOK_ENTRY,
		  ht_get_a(self->path, "Nope", &e));
}

/* What a section or the dial cannot hold: 87, and the file unchanged. */
TEST_F(pbk, set_refused)
{
	RASENTRYA e, g;
	int i;

	put(self->path, hand_pbk);
	ASSERT_EQ(ERROR_SUCCESS, ht_get_a(self->path, "Office", &g));
	for (i = 0; i < 11; i++) {
		e = g;
		switch (i) {
		case 0:	/* no Linux device */
			snprintf(e.szDeviceName, sizeof(e.szDeviceName), "Standard Modem");
			break;
		case 1:
			snprintf(e.szDeviceType, sizeof(e.szDeviceType), RASDT_PPPoE);
			break;
		case 2:
			snprintf(e.szLocalPhoneNumber, sizeof(e.szLocalPhoneNumber), "1'2");
			break;
		case 3:
			e.dwfOptions &= ~(RASEO_RequirePAP | RASEO_RequireMsCHAP2 |
					  RASEO_RequireCHAP);
			e.dwfOptions |= RASEO_RequireSPAP;
			break;
		case 4:
			e.dwFramingProtocol = RASFP_Slip;
			break;
		case 5:
			e.dwfOptions |= RASEO_SpecificIpAddr;
			memset(&e.ipaddr, 0, 4);
			break;
		case 6:
			e.dwEncryptionType = 7;
			break;
		case 7:
			e.dwfNetProtocols = RASNP_Ipv6;
			break;
		case 8:
			snprintf(e.szAreaCode, sizeof(e.szAreaCode), "1 2");
			break;
		case 9:
			e.dwIdleDisconnectSeconds = 0x80000000;
			break;
		case 10:	/* encryption without MS-CHAP */
			e.dwfOptions &= ~RASEO_RequireMsCHAP2;
			e.dwEncryptionType = ET_Require;
			break;
		}
		EXPECT_EQ(ERROR_INVALID_PARAMETER, ht_set_a(self->path, "Office", &e))
			TH_LOG("case %d", i);
		EXPECT_STREQ(hand_pbk, slurp(self->path))
			TH_LOG("case %d", i);
	}
	/* Names: none, brackets, spaces at an end, control characters. */
	EXPECT_EQ(ERROR_INVALID_NAME, ht_set_a(self->path, NULL, &g));
	EXPECT_EQ(ERROR_INVALID_NAME, ht_set_a(self->path, "", &g));
	EXPECT_EQ(ERROR_INVALID_NAME, ht_set_a(self->path, "a]b", &g));
	EXPECT_EQ(ERROR_INVALID_NAME, ht_set_a(self->path, " a", &g));
	EXPECT_EQ(ERROR_INVALID_NAME, ht_set_a(self->path, "a\tb", &g));
	EXPECT_EQ(ERROR_INVALID_NAME, RasValidateEntryNameA(self->path, "a "));
	EXPECT_EQ(ERROR_ALREADY_EXISTS, RasValidateEntryNameA(self->path, "OFFICE"));
	EXPECT_EQ(ERROR_SUCCESS, RasValidateEntryNameA(self->path, "New"));
	EXPECT_STREQ(hand_pbk, slurp(self->path));

	/* A corrupt file is not touched. */
	put(self->path, "[A]\nPort=ttyS0\nbad line\n");
	EXPECT_EQ(ERROR_CORRUPT_PHONEBOOK, ht_set_a(self->path, "A", &g));
	EXPECT_EQ(ERROR_CORRUPT_PHONEBOOK, RasDeleteEntryA(self->path, "A"));
	EXPECT_STREQ("[A]\nPort=ttyS0\nbad line\n", slurp(self->path));
}

TEST_F(pbk, rename)
{
	WCHAR b[128], x[32], y[32];
	char *want;
	RASENTRYA e;

	put(self->path, hand_pbk);
	EXPECT_EQ(ERROR_CANNOT_FIND_PHONEBOOK_ENTRY,
		  RasRenameEntryA(self->path, "Nope", "Other"));
	EXPECT_EQ(ERROR_CANNOT_FIND_PHONEBOOK_ENTRY,
		  RasRenameEntryA(self->path, NULL, "Other"));
	EXPECT_EQ(ERROR_ALREADY_EXISTS,
		  RasRenameEntryA(self->path, "Office", "HOME VPN"));
	EXPECT_EQ(ERROR_INVALID_NAME,
		  RasRenameEntryA(self->path, "Office", "[x]"));
	EXPECT_EQ(ERROR_INVALID_NAME,
		  RasRenameEntryA(self->path, "Office", NULL));
	EXPECT_EQ(ERROR_SUCCESS, RasRenameEntryA(self->path, "Office", "Office"));
	EXPECT_STREQ(hand_pbk, slurp(self->path));

	ASSERT_EQ(ERROR_SUCCESS,
		  RasRenameEntryA(self->path, "office", "Work Modem"));
	want = edited(hand_pbk, "[Office]", "[Work Modem]");
	EXPECT_STREQ(want, slurp(self->path));
	EXPECT_EQ(ERROR_CANNOT_FIND_PHONEBOOK_ENTRY,
		  ht_get_a(self->path, "Office", &e));
	EXPECT_EQ(ERROR_SUCCESS, ht_get_a(self->path, "Work Modem", &e));

	/* Only the case changes: allowed. */
	ASSERT_EQ(ERROR_SUCCESS,
		  RasRenameEntryW(w(self->path, b, 128), w("work modem", x, 32),
				  w("WORK MODEM", y, 32)));
	EXPECT_NE(NULL, strstr(slurp(self->path), "\r\n[WORK MODEM]\r\n"));
	EXPECT_EQ(ERROR_ALREADY_EXISTS,
		  RasRenameEntryW(b, w("WORK MODEM", x, 32),
				  w("home vpn", y, 32)));
	EXPECT_EQ(ERROR_CANNOT_OPEN_PHONEBOOK,
		  RasRenameEntryA("/nonexistent/x.pbk", "a", "b"));
}

TEST_F(pbk, delete)
{
	WCHAR b[128], x[32];
	RASENTRYA e;
	const char *rest;

	put(self->path, hand_pbk);
	EXPECT_EQ(ERROR_CANNOT_FIND_PHONEBOOK_ENTRY,
		  RasDeleteEntryA(self->path, "Nope"));
	EXPECT_EQ(ERROR_CANNOT_FIND_PHONEBOOK_ENTRY,
		  RasDeleteEntryA(self->path, NULL));
	ASSERT_EQ(ERROR_SUCCESS, RasDeleteEntryA(self->path, "OFFICE"));
	/* The BOM and the comment before it stay; so does the next
	 * section's comment. */
	rest = strstr(hand_pbk, "; the other one");
	ASSERT_NE(NULL, rest);
	EXPECT_EQ(0, strncmp(slurp(self->path), "\xef\xbb\xbf; kept as it is\r\n", 20));
	EXPECT_STREQ(rest, slurp(self->path) + 20);
	EXPECT_EQ(ERROR_CANNOT_FIND_PHONEBOOK_ENTRY,
		  ht_get_a(self->path, "Office", &e));
	ASSERT_EQ(ERROR_SUCCESS,
		  RasDeleteEntryW(w(self->path, b, 128), w("Home VPN", x, 32)));
	EXPECT_STREQ("\xef\xbb\xbf; kept as it is\r\n; the other one\r\n",
		     slurp(self->path));
	EXPECT_EQ(ERROR_CANNOT_OPEN_PHONEBOOK,
		  RasDeleteEntryA("/nonexistent/x.pbk", "a"));
}

TEST_HARNESS_MAIN
