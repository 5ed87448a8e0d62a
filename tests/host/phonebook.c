// SPDX-License-Identifier: GPL-2.0
/*
 * Windows phone books (.pbk) and RasEnumEntries on the host, no kernel:
 * the parser (good files, every kind of malformed one, random and
 * truncated input, 10k sections), the pppd options an entry maps to,
 * RasEnumEntriesA over peers directories and .pbk files (layouts,
 * sizing, errors) and RasDialA's phone book errors.
 *
 * The -asan build links the shim's sources in, so the parser is there;
 * the plain build links librasdial.so, whose internals are hidden, so it
 * compiles the parser in itself.
 */
#include <phonebook.h>	/* -I shim; "" would find this file */

#include <fcntl.h>
#include <stdint.h>
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

HT_KERNEL_RELAY_ONLY()

/* rasphone.pbk as Windows writes it: BOM, CRLF, two links, alternates. */
static const char modem_pbk[] =
	"\xef\xbb\xbf"
	"; written by hand\r\n"
	"[Office Modem]\r\n"
	"Encoding=1\r\n"
	"Type=1\r\n"
	"AuthRestrictions=552\r\n"
	"DataEncryption=8\r\n"
	"IpPrioritizeRemote=0\r\n"
	"IpHeaderCompression=0\r\n"
	"IpAssign=1\r\n"
	"IpAddress=0.0.0.0\r\n"
	"SwCompression=1\r\n"
	"IdleDisconnectSeconds=600\r\n"
	"PreferredBps=0\r\n"
	"CustomAuthKey=-1\r\n"
	"\r\n"
	HT_PBK_COM1_MODEM
	"PhoneNumber=999\r\n"
	"HwFlowControl=0\r\n"
	"LinuxLocal=1\r\n"
	"LinuxLock=0\r\n"
	"\r\n"
	"[Corp VPN]\r\n"
	"AuthRestrictions=512\r\n"
	"MEDIA=rastapi\r\n"
	"Port=VPN2-0\r\n"
	"Device=WAN Miniport (PPTP)\r\n"
	"DEVICE=vpn\r\n"
	"PhoneNumber=vpn.example.com\r\n";

static DWORD parse(const char *text, struct rasdial_pbk *pbk, char *detail,
		   size_t dsize)
{
	return rasdial_pbk_parse(text, strlen(text), "t.pbk", pbk, detail,
				 dsize);
}

/* Does the NULL-terminated ARGV hold WORD (and NEXT right after it)? */
static int has_arg(const struct rasdial_pbk_args *a, const char *word,
		   const char *next)
{
	for (int i = 0; i < a->argc; i++)
		if (!strcmp(a->argv[i], word))
			return !next ||
			       (i + 1 < a->argc && !strcmp(a->argv[i + 1], next));
	return 0;
}

TEST(parse_windows_file)
{
	struct rasdial_pbk pbk;
	const struct rasdial_pbk_entry *e;
	char detail[256] = "";

	ASSERT_EQ(ERROR_SUCCESS, parse(modem_pbk, &pbk, detail, sizeof(detail)))
		TH_LOG("%s", detail);
	ASSERT_EQ(2u, pbk.n);
	e = rasdial_pbk_find(&pbk, "office modem");	/* case ignored */
	ASSERT_NE(NULL, e);
	EXPECT_STREQ("Office Modem", e->name);
	EXPECT_STREQ("COM1", e->port);
	EXPECT_STREQ("Standard 56000 bps Modem", e->device);
	EXPECT_STREQ("modem", e->device_type);
	EXPECT_STREQ("serial", e->media);
	EXPECT_STREQ("555-1234", e->phone);	/* the first one */
	EXPECT_EQ(115200, e->speed);		/* PreferredBps=0: no say */
	EXPECT_EQ(552, e->auth);
	EXPECT_EQ(600, e->idle);
	EXPECT_EQ(0, e->hw_flow);
	e = rasdial_pbk_find(&pbk, "Corp VPN");
	ASSERT_NE(NULL, e);
	EXPECT_STREQ("vpn", e->device_type);
	EXPECT_STREQ("WAN Miniport (PPTP)", e->device);
	EXPECT_STREQ("vpn.example.com", e->phone);
	EXPECT_EQ(NULL, rasdial_pbk_find(&pbk, "Nope"));
	rasdial_pbk_free(&pbk);
}

TEST(parse_edge_cases_ok)
{
	static const char *const ok[] = {
		"",
		"\xef\xbb\xbf",
		"; only a comment\n# and another\n\n   \n",
		"[a]",					/* no newline */
		"[a]\nPhoneNumber=1",
		"  [ spaced name ]  \r\n\tPort = ttyS1 \t\r\n",
		"[a]\nUnknownKey=\"quoted\\stuff'`$\"\n",	/* not honoured */
		"[a]\nDevice=Modem \"Deluxe\"\n",	/* a Windows name */
		"[a]\nPhoneNumber=\nPhoneNumber=42\n",
		"[a]\r\n\r\n[b]\r\n",
		"[\xc3\xa9t\xc3\xa9]\nDevice=WAN \xce\xbc\n",	/* UTF-8 */
	};
	struct rasdial_pbk pbk;
	char detail[256];

	for (size_t i = 0; i < sizeof(ok) / sizeof(ok[0]); i++) {
		detail[0] = '\0';
		EXPECT_EQ(ERROR_SUCCESS, parse(ok[i], &pbk, detail,
					       sizeof(detail)))
			TH_LOG("case %zu: %s", i, detail);
		rasdial_pbk_free(&pbk);
	}
	ASSERT_EQ(ERROR_SUCCESS, parse("  [ spaced name ]  \r\n\tPort = ttyS1 \t\r\n",
				       &pbk, NULL, 0));
	ASSERT_EQ(1u, pbk.n);
	EXPECT_STREQ("spaced name", pbk.v[0].name);
	EXPECT_STREQ("ttyS1", pbk.v[0].port);
	rasdial_pbk_free(&pbk);
}

TEST(parse_malformed)
{
	static const struct {
		const char *text;
		const char *why;	/* in the detail */
	} bad[] = {
		{ "[a\n", "missing ']'" },
		{ "[a]x\n", "text after ']'" },
		{ "[]\n", "empty section name" },
		{ "[  ]\n", "empty section name" },
		{ "[a[b]\n", "'['" },
		{ "Port=COM1\n[a]\n", "before the first" },
		{ "[a]\njunk line\n", "neither" },
		{ "[a]\n=value\n", "without a key" },
		{ "[a]\n[b]\n[A]\n", "again" },
		{ "[a]\nPort=CO\x01M1\n", "control character" },
		{ "[a]\nx=1\ry=2\n", "control character" },
		{ "[a]\nx=\x7f\n", "control character" },
		{ "\xff\xfe[\0a\0]\0", "UTF-16" },
		{ "[a]\nPhoneNumber=555\"; reboot\n", "quote" },
		{ "[a]\nPhoneNumber=555' x\n", "quote" },
		{ "[a]\nPhoneNumber=555\\n\n", "backslash" },
		{ "[a]\nPhoneNumber=`id`\n", "quote" },
		{ "[a]\nLinuxConnect=chat \"x\"\n", "contains" },
		{ "[a]\nLinuxConnect=chat \\\n", "contains" },
		{ "[a]\nIpAddress=1.2.3\n", "IPv4" },
		{ "[a]\nIpAddress=1.2.3.4 nodefaultroute\n", "IPv4" },
		{ "[a]\nAuthRestrictions=-1\n", "not a number" },
		{ "[a]\nAuthRestrictions=12x\n", "not a number" },
		{ "[a]\nIdleDisconnectSeconds=99999999999\n", "not a number" },
		{ "[a]\nPort=/dev/../etc/shadow\n", "device" },
		{ "[a]\nPort=/dev/tty\"S0\n", "device" },
		{ "[a]\nDevice=ttyS0 debug\n", "device" },
		{ "[a]\nPort=tty..\n", "device" },
	};
	struct rasdial_pbk pbk;
	char detail[256];

	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		size_t len = strlen(bad[i].text);

		if (bad[i].text[0] == '\xff')
			len = 8;	/* the UTF-16 case has NULs */
		detail[0] = '\0';
		EXPECT_EQ(ERROR_CORRUPT_PHONEBOOK,
			  rasdial_pbk_parse(bad[i].text, len, "t.pbk", &pbk,
					    detail, sizeof(detail)))
			TH_LOG("case %zu", i);
		EXPECT_EQ(0u, pbk.n);
		EXPECT_EQ(NULL, pbk.v);
		EXPECT_NE(NULL, strstr(detail, bad[i].why))
			TH_LOG("case %zu: detail \"%s\"", i, detail);
		EXPECT_EQ(0, strncmp(detail, "t.pbk", 5));
	}
	/* A NUL byte: binary data. */
	detail[0] = '\0';
	EXPECT_EQ(ERROR_CORRUPT_PHONEBOOK,
		  rasdial_pbk_parse("[a]\nx=\0y\n", 9, "t.pbk", &pbk, detail,
				    sizeof(detail)));
	EXPECT_NE(NULL, strstr(detail, "t.pbk:2: NUL"));
}

TEST(parse_limits)
{
	size_t big = RASDIAL_PBK_MAX_SIZE + 1, n = 0;
	struct rasdial_pbk pbk;
	char detail[256] = "";
	char *buf = malloc(big + 64);
	char name[RAS_MaxEntryName + 8];

	ASSERT_NE(NULL, buf);
	/* Huge line. */
	memset(buf, 'x', RASDIAL_PBK_MAX_LINE + 8);
	memcpy(buf, "[a]\nk=", 6);
	EXPECT_EQ(ERROR_CORRUPT_PHONEBOOK,
		  rasdial_pbk_parse(buf, RASDIAL_PBK_MAX_LINE + 8, "t", &pbk,
				    detail, sizeof(detail)));
	EXPECT_NE(NULL, strstr(detail, "t:2: line too long")) TH_LOG("%s", detail);
	/* Exactly the longest line is fine. */
	memcpy(buf, "[a]\n", 4);
	memset(buf + 4, ';', RASDIAL_PBK_MAX_LINE);
	EXPECT_EQ(ERROR_SUCCESS,
		  rasdial_pbk_parse(buf, 4 + RASDIAL_PBK_MAX_LINE, "t", &pbk,
				    NULL, 0));
	rasdial_pbk_free(&pbk);
	/* Too big. */
	memset(buf, '\n', big);
	EXPECT_EQ(ERROR_CORRUPT_PHONEBOOK,
		  rasdial_pbk_parse(buf, big, "t", &pbk, detail, sizeof(detail)));
	EXPECT_NE(NULL, strstr(detail, "larger than")) TH_LOG("%s", detail);
	/* 10k sections: more than RASDIAL_PBK_MAX_SECTIONS. */
	for (int i = 0; i < 10000; i++)
		n += (size_t)sprintf(buf + n, "[s%d]\nPort=COM1\n", i);
	EXPECT_EQ(ERROR_CORRUPT_PHONEBOOK,
		  rasdial_pbk_parse(buf, n, "t", &pbk, detail, sizeof(detail)));
	EXPECT_NE(NULL, strstr(detail, "too many sections")) TH_LOG("%s", detail);
	/* ... and the limit itself is fine. */
	n = 0;
	for (int i = 0; i < RASDIAL_PBK_MAX_SECTIONS; i++)
		n += (size_t)sprintf(buf + n, "[s%d]\n", i);
	EXPECT_EQ(ERROR_SUCCESS, rasdial_pbk_parse(buf, n, "t", &pbk, NULL, 0));
	EXPECT_EQ((size_t)RASDIAL_PBK_MAX_SECTIONS, pbk.n);
	rasdial_pbk_free(&pbk);
	/* Entry names: 256 characters fit, 257 do not. */
	memset(name, 'n', sizeof(name));
	sprintf(buf, "[%.*s]\n", RAS_MaxEntryName, name);
	EXPECT_EQ(ERROR_SUCCESS, parse(buf, &pbk, NULL, 0));
	rasdial_pbk_free(&pbk);
	sprintf(buf, "[%.*s]\n", RAS_MaxEntryName + 1, name);
	EXPECT_EQ(ERROR_CORRUPT_PHONEBOOK, parse(buf, &pbk, NULL, 0));
	/* PhoneNumber over RAS_MaxPhoneNumber. */
	sprintf(buf, "[a]\nPhoneNumber=%0129d\n", 0);
	EXPECT_EQ(ERROR_CORRUPT_PHONEBOOK, parse(buf, &pbk, detail, sizeof(detail)));
	EXPECT_NE(NULL, strstr(detail, "too long"));
	free(buf);
}

TEST(args_modem_entry)
{
	struct rasdial_pbk pbk;
	struct rasdial_pbk_args a;
	char detail[256] = "";

	ASSERT_EQ(ERROR_SUCCESS, parse(modem_pbk, &pbk, NULL, 0));
	ASSERT_EQ(ERROR_SUCCESS, rasdial_pbk_args(&pbk.v[0], "", &a, detail,
						  sizeof(detail)))
		TH_LOG("%s", detail);
	EXPECT_STREQ("/dev/ttyS0", a.argv[0]);
	EXPECT_STREQ("115200", a.argv[1]);
	EXPECT_TRUE(has_arg(&a, "connect", NULL));
	EXPECT_TRUE(has_arg(&a, "connect",
		"/usr/sbin/chat -v ABORT BUSY ABORT 'NO CARRIER' "
		"ABORT 'NO DIALTONE' ABORT 'NO ANSWER' ABORT ERROR "
		"'' ATZ OK 'ATDT555-1234' CONNECT"));
	EXPECT_TRUE(has_arg(&a, "noauth", NULL));
	/* 552 = MS-CHAPv2 + CHAP + PAP. */
	EXPECT_FALSE(has_arg(&a, "refuse-pap", NULL));
	EXPECT_FALSE(has_arg(&a, "refuse-chap", NULL));
	EXPECT_FALSE(has_arg(&a, "refuse-mschap-v2", NULL));
	EXPECT_TRUE(has_arg(&a, "refuse-mschap", NULL));
	EXPECT_TRUE(has_arg(&a, "refuse-eap", NULL));
	EXPECT_FALSE(has_arg(&a, "require-mppe", NULL));	/* 8: if possible */
	EXPECT_TRUE(has_arg(&a, "nodefaultroute", NULL));
	EXPECT_FALSE(has_arg(&a, "defaultroute", NULL));
	EXPECT_TRUE(has_arg(&a, "noipdefault", NULL));
	EXPECT_TRUE(has_arg(&a, "novj", NULL));
	EXPECT_FALSE(has_arg(&a, "nobsdcomp", NULL));
	EXPECT_TRUE(has_arg(&a, "idle", "600"));
	EXPECT_TRUE(has_arg(&a, "nocrtscts", NULL));
	EXPECT_TRUE(has_arg(&a, "local", NULL));
	EXPECT_TRUE(has_arg(&a, "nolock", NULL));
	EXPECT_EQ(NULL, a.argv[a.argc]);

	/* RASDIALPARAMS' number wins; chat gets only dial characters. */
	ASSERT_EQ(ERROR_SUCCESS, rasdial_pbk_args(&pbk.v[0], "+1 (425) 555-0100",
						  &a, NULL, 0));
	EXPECT_NE(NULL, strstr(a.connect, "'ATDT+1 (425) 555-0100' CONNECT"));
	EXPECT_EQ(ERROR_BAD_PHONE_NUMBER,
		  rasdial_pbk_args(&pbk.v[0], "555'; reboot; '", &a, NULL, 0));
	EXPECT_EQ(ERROR_BAD_PHONE_NUMBER,
		  rasdial_pbk_args(&pbk.v[0], "555$(id)", &a, NULL, 0));

	/* The VPN entry is listed but cannot be dialed here. */
	EXPECT_EQ(ERROR_DEVICETYPE_DOES_NOT_EXIST,
		  rasdial_pbk_args(&pbk.v[1], "", &a, detail, sizeof(detail)));
	EXPECT_NE(NULL, strstr(detail, "DEVICE=vpn"));
	rasdial_pbk_free(&pbk);
}

TEST(args_keys)
{
	static const struct {
		const char *text;
		DWORD ret;
		const char *arg, *next;	/* expected in argv */
		const char *absent;	/* not expected */
	} cases[] = {
		{ "Port=ttyUSB0\nPhoneNumber=1", 0, "/dev/ttyUSB0", NULL, "modem" },
		{ "Port=/dev/ttyACM0\nPhoneNumber=1", 0, "/dev/ttyACM0", NULL, NULL },
		{ "Port=COM12\nPhoneNumber=1", 0, "/dev/ttyS11", NULL, NULL },
		{ "Port=VPN1-0\nDevice=/dev/rfcomm0\nPhoneNumber=1", 0,
		  "/dev/rfcomm0", NULL, NULL },
		{ "Port=VPN1-0\nDevice=Modem\nPreferredPort=COM2\nPhoneNumber=1",
		  0, "/dev/ttyS1", NULL, NULL },
		{ "Port=COM0\nPhoneNumber=1",
		  ERROR_DEVICE_DOES_NOT_EXIST, NULL, NULL, NULL },
		{ "Device=Standard Modem\nPhoneNumber=1",
		  ERROR_DEVICE_DOES_NOT_EXIST, NULL, NULL, NULL },
		{ "Port=COM1", ERROR_BAD_PHONE_NUMBER, NULL, NULL, NULL },
		{ "Port=COM1\nPhoneNumber=vpn.example.com",
		  ERROR_BAD_PHONE_NUMBER, NULL, NULL, NULL },
		{ "Port=COM1\nDEVICE=PPPoE\nPhoneNumber=1",
		  ERROR_DEVICETYPE_DOES_NOT_EXIST, NULL, NULL, NULL },
		{ "Port=COM1\nDEVICE=null", 0, "/dev/ttyS0", NULL, "connect" },
		{ "Port=COM1\nConnectBPS=12345\nPhoneNumber=1",
		  ERROR_CORRUPT_PHONEBOOK, NULL, NULL, NULL },
		{ "Port=COM1\nLinuxConnect=/etc/ppp/my-chat 'NO CARRIER' $X\n"
		  "PhoneNumber=1", 0, "connect", "/etc/ppp/my-chat 'NO CARRIER' $X",
		  NULL },
		{ "Port=COM1\nPhoneNumber=1\nAuthRestrictions=8", 0,
		  "refuse-chap", NULL, "refuse-pap" },
		{ "Port=COM1\nPhoneNumber=1\nAuthRestrictions=0", 0, "noauth",
		  NULL, "refuse-pap" },
		{ "Port=COM1\nPhoneNumber=1\nAuthRestrictions=2", 0, "refuse-pap",
		  NULL, "refuse-chap" },
		{ "Port=COM1\nPhoneNumber=1\nAuthRestrictions=3", 0,
		  "refuse-mschap-v2", NULL, "refuse-mschap" },
		{ "Port=COM1\nPhoneNumber=1\nAuthRestrictions=128", 0, "refuse-pap",
		  NULL, "refuse-eap" },
		{ "Port=COM1\nPhoneNumber=1\nAuthRestrictions=1024", 0,
		  "refuse-chap", NULL, "refuse-mschap" },
		{ "Port=COM1\nPhoneNumber=1", 0, "defaultroute", NULL, "refuse-pap" },
		{ "Port=COM1\nPhoneNumber=1\nDataEncryption=256", 0,
		  "require-mppe", NULL, NULL },
		{ "Port=COM1\nPhoneNumber=1\nDataEncryption=512", 0,
		  "require-mppe-128", NULL, NULL },
		{ "Port=COM1\nPhoneNumber=1\nIpAssign=2\nIpAddress=192.0.2.9", 0,
		  "192.0.2.9:", NULL, "noipdefault" },
		{ "Port=COM1\nPhoneNumber=1\nIpAssign=2\nIpAddress=0.0.0.0", 0,
		  "noipdefault", NULL, NULL },
		{ "Port=COM1\nPhoneNumber=1\nSwCompression=0", 0, "nodeflate",
		  NULL, NULL },
		{ "Port=COM1\nPhoneNumber=1\nHwFlowControl=1\nLinuxLocal=0\n"
		  "LinuxLock=1", 0, "crtscts", NULL, "nocrtscts" },
		{ "Port=COM1\nPhoneNumber=1\nLinuxLocal=0", 0, "modem", NULL,
		  "local" },
		{ "Port=COM1\nPhoneNumber=1\nLinuxLock=1", 0, "lock", NULL,
		  "nolock" },
	};
	struct rasdial_pbk pbk;
	struct rasdial_pbk_args a;
	char text[512], detail[256];

	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		snprintf(text, sizeof(text), "[e]\n%s\n", cases[i].text);
		ASSERT_EQ(ERROR_SUCCESS, parse(text, &pbk, detail, sizeof(detail)))
			TH_LOG("case %zu: %s", i, detail);
		detail[0] = '\0';
		EXPECT_EQ(cases[i].ret, rasdial_pbk_args(&pbk.v[0], NULL, &a,
							 detail, sizeof(detail)))
			TH_LOG("case %zu: %s", i, detail);
		if (!cases[i].ret) {
			EXPECT_TRUE(has_arg(&a, cases[i].arg, cases[i].next))
				TH_LOG("case %zu: no %s", i, cases[i].arg);
			if (cases[i].absent)
				EXPECT_FALSE(has_arg(&a, cases[i].absent, NULL))
					TH_LOG("case %zu: %s", i, cases[i].absent);
		}
		rasdial_pbk_free(&pbk);
	}
}

/* DEVICE=vpn with LinuxL2tpLac: an entry xl2tpd dials (no pppd argv). */
TEST(args_l2tp)
{
	static const char *const bad[] = {
		"[e]\nDEVICE=vpn\nLinuxL2tpLac=of fice\n",
		"[e]\nDEVICE=vpn\nLinuxL2tpLac=a;b\n",
		"[e]\nLinuxL2tpControl=run/l2tp-control\n",
		"[e]\nLinuxL2tpControl=/run/l2tp control\n",
		"[e]\nLinuxL2tpLac="
		"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\n",
	};
	struct rasdial_pbk pbk;
	struct rasdial_pbk_args a;
	char detail[256];

	ASSERT_EQ(ERROR_SUCCESS,
		  parse("[Office VPN]\nDEVICE=vpn\nPhoneNumber=vpn.example.com\n"
			"LinuxL2tpLac=office\n"
			"[Tuned]\nDEVICE=VPN\nLinuxL2tpLac=lac-2.x_y\n"
			"LinuxL2tpControl=/run/x/l2tp-control\nLinuxL2tpTimeout=5\n"
			"[Plain VPN]\nDEVICE=vpn\nPhoneNumber=vpn.example.com\n"
			"[Modem]\nPort=COM1\nPhoneNumber=1\nLinuxL2tpLac=office\n"
			"[Zero]\nDEVICE=vpn\nLinuxL2tpLac=a\nLinuxL2tpTimeout=0\n"
			"[Long]\nDEVICE=vpn\nLinuxL2tpLac=a\nLinuxL2tpTimeout=601\n",
			&pbk, detail, sizeof(detail))) TH_LOG("%s", detail);
	ASSERT_EQ(6, pbk.n);

	EXPECT_EQ(0, rasdial_pbk_args(&pbk.v[0], NULL, &a, detail, sizeof(detail)));
	EXPECT_TRUE(a.is_l2tp);
	EXPECT_EQ(0, a.argc);
	EXPECT_STREQ("office", a.l2tp.lac);
	EXPECT_STREQ("/var/run/xl2tpd/l2tp-control", a.l2tp.control);
	EXPECT_EQ(30, a.l2tp.timeout_s);

	EXPECT_EQ(0, rasdial_pbk_args(&pbk.v[1], NULL, &a, detail, sizeof(detail)));
	EXPECT_TRUE(a.is_l2tp);
	EXPECT_STREQ("lac-2.x_y", a.l2tp.lac);
	EXPECT_STREQ("/run/x/l2tp-control", a.l2tp.control);
	EXPECT_EQ(5, a.l2tp.timeout_s);

	/* A VPN entry without a LAC is still no device we have. */
	EXPECT_EQ(ERROR_DEVICETYPE_DOES_NOT_EXIST,
		  rasdial_pbk_args(&pbk.v[2], NULL, &a, detail, sizeof(detail)));
	/* The key means nothing to a modem entry. */
	EXPECT_EQ(0, rasdial_pbk_args(&pbk.v[3], NULL, &a, detail, sizeof(detail)));
	EXPECT_FALSE(a.is_l2tp);
	EXPECT_LT(0, a.argc);
	EXPECT_EQ(ERROR_CORRUPT_PHONEBOOK,
		  rasdial_pbk_args(&pbk.v[4], NULL, &a, detail, sizeof(detail)));
	EXPECT_EQ(ERROR_CORRUPT_PHONEBOOK,
		  rasdial_pbk_args(&pbk.v[5], NULL, &a, detail, sizeof(detail)));
	rasdial_pbk_free(&pbk);

	/* Values that xl2tpd's command syntax could not take: the file. */
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		EXPECT_EQ(ERROR_CORRUPT_PHONEBOOK,
			  parse(bad[i], &pbk, detail, sizeof(detail)))
			TH_LOG("%s", bad[i]);
	}
}

/* xorshift: the same "random" files on every run. */
static uint32_t rnd_state = 0x2545f491;

static uint32_t rnd(void)
{
	rnd_state ^= rnd_state << 13;
	rnd_state ^= rnd_state >> 17;
	rnd_state ^= rnd_state << 5;
	return rnd_state;
}

/* Parses; on success every entry is also mapped.  Only valid results. */
static int check_one(const char *buf, size_t len)
{
	struct rasdial_pbk pbk;
	struct rasdial_pbk_args a;
	char detail[256];
	DWORD ret = rasdial_pbk_parse(buf, len, "fuzz", &pbk, detail,
				      sizeof(detail));

	if (ret == ERROR_CORRUPT_PHONEBOOK)
		return pbk.n == 0 && !pbk.v && detail[0];
	if (ret)
		return 0;
	for (size_t i = 0; i < pbk.n; i++) {
		DWORD r = rasdial_pbk_args(&pbk.v[i], NULL, &a, NULL, 0);

		if (r && r != ERROR_DEVICE_DOES_NOT_EXIST &&
		    r != ERROR_DEVICETYPE_DOES_NOT_EXIST &&
		    r != ERROR_BAD_PHONE_NUMBER && r != ERROR_CORRUPT_PHONEBOOK)
			return 0;
		if (!r && !a.is_l2tp && (a.argc < 1 || a.argv[a.argc]))
			return 0;
	}
	rasdial_pbk_free(&pbk);
	return 1;
}

TEST(fuzz_truncated_and_random)
{
	static const char *const tokens[] = {
		"[", "]", "=", "\n", "\r\n", "\r", " ", "\t", ";", "#", "\0",
		"\xff", "\xef\xbb\xbf", "[e]", "Port", "PhoneNumber", "DEVICE",
		"Device", "MEDIA", "COM1", "ttyS0", "/dev/", "..", "\"", "'",
		"\\", "AuthRestrictions", "552", "-1", "99999999999", "0.0.0.0",
		"IpAddress", "LinuxConnect", "ConnectBPS", "115200", "modem",
	};
	size_t len = sizeof(modem_pbk) - 1, n;
	char *buf = malloc(8192);
	int i, bad = 0;

	ASSERT_NE(NULL, buf);
	/* Every prefix of a good file. */
	for (n = 0; n <= len; n++)
		bad += !check_one(modem_pbk, n);
	/* Random bytes flipped in a good file. */
	for (i = 0; i < 2000; i++) {
		memcpy(buf, modem_pbk, len);
		for (int k = 0; k < 4; k++)
			buf[rnd() % len] = (char)rnd();
		bad += !check_one(buf, len);
	}
	/* Random binary. */
	for (i = 0; i < 500; i++) {
		n = rnd() % 4096;
		for (size_t k = 0; k < n; k++)
			buf[k] = (char)rnd();
		bad += !check_one(buf, n);
	}
	/* Random INI-ish token soup. */
	for (i = 0; i < 3000; i++) {
		n = 0;
		for (int k = rnd() % 60; k > 0; k--) {
			const char *t = tokens[rnd() % (sizeof(tokens) /
							sizeof(tokens[0]))];
			size_t tl = t[0] ? strlen(t) : 1;

			memcpy(buf + n, t, tl);
			n += tl;
		}
		bad += !check_one(buf, n);
	}
	EXPECT_EQ(0, bad);
	free(buf);
}

/* ------------------------------------------------------ RasEnumEntries */

static char tmpdir[] = "/tmp/rasdial-pbk-test.XXXXXX";

static void put(const char *name, const char *text, mode_t mode)
{
	char path[512];
	int fd;

	snprintf(path, sizeof(path), "%s/%s", tmpdir, name);
	fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, mode);
	if (fd < 0 || write(fd, text, strlen(text)) != (ssize_t)strlen(text))
		abort();
	fchmod(fd, mode);
	close(fd);
}

static void setup_dir(void)
{
	char path[512];

	if (!mkdtemp(tmpdir))
		abort();
	put("zeta", "pty x\n", 0644);
	put("alpha", "pty x\n", 0644);
	put("Mid", "pty x\n", 0644);
	put(".hidden", "x", 0644);
	put("alpha~", "x", 0644);
	put("alpha.bak", "x", 0644);
	put("alpha.dpkg-old", "x", 0644);
	put("#alpha#", "x", 0644);
	snprintf(path, sizeof(path), "%s/subdir", tmpdir);
	mkdir(path, 0755);
	snprintf(path, sizeof(path), "%s/fifo", tmpdir);
	mkfifo(path, 0644);
}

static void cleanup_dir(void)
{
	static const char *const names[] = {
		"zeta", "alpha", "Mid", ".hidden", "alpha~", "alpha.bak",
		"alpha.dpkg-old", "#alpha#", "subdir", "fifo", "book.pbk",
		"bad.pbk", "secret.pbk",
	};
	char path[512];

	for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
		snprintf(path, sizeof(path), "%s/%s", tmpdir, names[i]);
		if (unlink(path) < 0)
			rmdir(path);
	}
	rmdir(tmpdir);
}

FIXTURE(enum_dir) {
	char pbk[600];
};

FIXTURE_SETUP(enum_dir)
{
	memcpy(tmpdir + strlen(tmpdir) - 6, "XXXXXX", 6);
	setup_dir();
	snprintf(self->pbk, sizeof(self->pbk), "%s/book.pbk", tmpdir);
	put("book.pbk", modem_pbk, 0644);
}

FIXTURE_TEARDOWN(enum_dir)
{
	cleanup_dir();
}

TEST_F(enum_dir, peers_directory)
{
	RASENTRYNAMEA e[8];
	DWORD cb = sizeof(e), n = 99;

	e[0].dwSize = sizeof(e[0]);
	/* book.pbk is a regular file in the directory too. */
	ASSERT_EQ(ERROR_SUCCESS, RasEnumEntriesA(NULL, tmpdir, e, &cb, &n));
	ASSERT_EQ(4u, n);
	EXPECT_EQ(4 * sizeof(e[0]), cb);
	/* Sorted bytewise; no dotfiles, backups, directories or FIFOs. */
	EXPECT_STREQ("Mid", e[0].szEntryName);
	EXPECT_STREQ("alpha", e[1].szEntryName);
	EXPECT_STREQ("book.pbk", e[2].szEntryName);
	EXPECT_STREQ("zeta", e[3].szEntryName);
	for (int i = 0; i < 4; i++) {
		EXPECT_EQ(sizeof(e[0]), e[i].dwSize);
		EXPECT_EQ((DWORD)REN_User, e[i].dwFlags);
		EXPECT_STREQ(tmpdir, e[i].szPhonebookPath);
	}
}

TEST_F(enum_dir, pbk_file_in_file_order)
{
	RASENTRYNAMEA e[4];
	DWORD cb = sizeof(e), n = 0;

	e[0].dwSize = sizeof(e[0]);
	ASSERT_EQ(ERROR_SUCCESS, RasEnumEntriesA(NULL, self->pbk, e, &cb, &n));
	ASSERT_EQ(2u, n);
	EXPECT_STREQ("Office Modem", e[0].szEntryName);
	EXPECT_STREQ("Corp VPN", e[1].szEntryName);
	EXPECT_STREQ(self->pbk, e[1].szPhonebookPath);
}

TEST_F(enum_dir, sizes_and_sizing)
{
	/* The WINVER 0x400 layout: dwSize + szEntryName[257], padded. */
	struct { DWORD dwSize; CHAR name[RAS_MaxEntryName + 1]; } old[4];
	RASENTRYNAMEA e[2];
	DWORD cb, n;

	ASSERT_EQ(264u, sizeof(old[0]));
	memset(old, 0x55, sizeof(old));
	old[0].dwSize = 264;
	cb = sizeof(old);
	ASSERT_EQ(ERROR_SUCCESS, RasEnumEntriesA(NULL, self->pbk,
						 (LPRASENTRYNAMEA)old, &cb, &n));
	EXPECT_EQ(2u, n);
	EXPECT_EQ(528u, cb);
	EXPECT_EQ(264u, old[1].dwSize);
	EXPECT_STREQ("Corp VPN", old[1].name);
	EXPECT_EQ(0x55, ((unsigned char *)old)[528]);	/* nothing beyond */

	/* Sizing: NULL buffer, *lpcb 0. */
	cb = 0;
	n = 0;
	EXPECT_EQ(ERROR_BUFFER_TOO_SMALL,
		  RasEnumEntriesA(NULL, self->pbk, NULL, &cb, &n));
	EXPECT_EQ(2 * sizeof(RASENTRYNAMEA), cb);
	EXPECT_EQ(2u, n);
	/* Too small a buffer. */
	e[0].dwSize = sizeof(e[0]);
	cb = sizeof(e[0]);
	n = 0;
	EXPECT_EQ(ERROR_BUFFER_TOO_SMALL,
		  RasEnumEntriesA(NULL, self->pbk, e, &cb, &n));
	EXPECT_EQ(2 * sizeof(e[0]), cb);
	EXPECT_EQ(2u, n);
	/* Bad sizes and arguments. */
	cb = sizeof(e);
	e[0].dwSize = 532 + 4;
	EXPECT_EQ(ERROR_INVALID_SIZE,
		  RasEnumEntriesA(NULL, self->pbk, e, &cb, &n));
	e[0].dwSize = 0;
	EXPECT_EQ(ERROR_INVALID_SIZE,
		  RasEnumEntriesA(NULL, self->pbk, e, &cb, &n));
	e[0].dwSize = sizeof(e[0]);
	EXPECT_EQ(ERROR_NOT_SUPPORTED,
		  RasEnumEntriesA("x", self->pbk, e, &cb, &n));
	EXPECT_EQ(ERROR_INVALID_PARAMETER,
		  RasEnumEntriesA(NULL, self->pbk, e, NULL, &n));
	EXPECT_EQ(ERROR_INVALID_PARAMETER,
		  RasEnumEntriesA(NULL, self->pbk, e, &cb, NULL));
	/* A NULL buffer asks for the size, whatever *lpcb says. */
	cb = 100;
	EXPECT_EQ(ERROR_BUFFER_TOO_SMALL,
		  RasEnumEntriesA(NULL, self->pbk, NULL, &cb, &n));
	EXPECT_EQ(cb, n * sizeof(e[0]));
}

TEST_F(enum_dir, empty_and_bad_books)
{
	char path[600];
	RASENTRYNAMEA e[1];
	DWORD cb, n;

	e[0].dwSize = sizeof(e[0]);
	/* An empty .pbk: no entries, success. */
	put("bad.pbk", "", 0644);
	snprintf(path, sizeof(path), "%s/bad.pbk", tmpdir);
	cb = sizeof(e);
	n = 7;
	EXPECT_EQ(ERROR_SUCCESS, RasEnumEntriesA(NULL, path, e, &cb, &n));
	EXPECT_EQ(0u, n);
	EXPECT_EQ(0u, cb);
	cb = 0;
	EXPECT_EQ(ERROR_SUCCESS, RasEnumEntriesA(NULL, path, NULL, &cb, &n));
	/* Malformed: corrupt, with the line in rasdial_last_detail. */
	put("bad.pbk", "[ok]\n[broken\n", 0644);
	cb = sizeof(e);
	EXPECT_EQ(ERROR_CORRUPT_PHONEBOOK, RasEnumEntriesA(NULL, path, e, &cb, &n));
	EXPECT_NE(NULL, strstr(rasdial_last_detail(), "bad.pbk:2: missing ']'"))
		TH_LOG("%s", rasdial_last_detail());
	/* Missing file or directory. */
	snprintf(path, sizeof(path), "%s/none.pbk", tmpdir);
	EXPECT_EQ(ERROR_CANNOT_OPEN_PHONEBOOK,
		  RasEnumEntriesA(NULL, path, e, &cb, &n));
	snprintf(path, sizeof(path), "%s/nodir", tmpdir);
	EXPECT_EQ(ERROR_CANNOT_OPEN_PHONEBOOK,
		  RasEnumEntriesA(NULL, path, e, &cb, &n));
	EXPECT_EQ(ERROR_CANNOT_OPEN_PHONEBOOK,
		  RasEnumEntriesA(NULL, "", e, &cb, &n));
	/* A FIFO named as the phone book: not read (would block). */
	snprintf(path, sizeof(path), "%s/fifo", tmpdir);
	EXPECT_EQ(ERROR_CANNOT_OPEN_PHONEBOOK,
		  RasEnumEntriesA(NULL, path, e, &cb, &n));
	/* Unreadable (root reads everything). */
	if (geteuid()) {
		put("secret.pbk", "[a]\n", 0);
		snprintf(path, sizeof(path), "%s/secret.pbk", tmpdir);
		EXPECT_EQ(ERROR_CANNOT_OPEN_PHONEBOOK,
			  RasEnumEntriesA(NULL, path, e, &cb, &n));
	}
}

TEST_F(enum_dir, fuzzed_files)
{
	char path[600];
	RASENTRYNAMEA e[4];
	char *buf = malloc(4096);
	int i, bad = 0;

	ASSERT_NE(NULL, buf);
	snprintf(path, sizeof(path), "%s/bad.pbk", tmpdir);
	for (i = 0; i < 200; i++) {
		size_t len = sizeof(modem_pbk) - 1;
		DWORD cb = sizeof(e), n = 0, r;
		int fd;

		memcpy(buf, modem_pbk, len);
		for (int k = 0; k < 3; k++)
			buf[rnd() % len] = (char)rnd();
		len = rnd() % (len + 1);
		fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
		ASSERT_LE(0, fd);
		ASSERT_EQ((ssize_t)len, write(fd, buf, len));
		close(fd);
		e[0].dwSize = sizeof(e[0]);
		r = RasEnumEntriesA(NULL, path, e, &cb, &n);
		if (r != ERROR_SUCCESS && r != ERROR_CORRUPT_PHONEBOOK &&
		    r != ERROR_BUFFER_TOO_SMALL)
			bad++;
		if (r == ERROR_SUCCESS && n > 4)
			bad++;
	}
	EXPECT_EQ(0, bad);
	free(buf);
}

TEST_F(enum_dir, rasdial_pbk_errors)
{
	RASDIALPARAMSA p;
	HRASCONN h = NULL;
	char path[600];

	memset(&p, 0, sizeof(p));
	p.dwSize = sizeof(p);
	strcpy(p.szEntryName, "Nope");
	EXPECT_EQ(ERROR_CANNOT_FIND_PHONEBOOK_ENTRY,
		  RasDialA(NULL, self->pbk, &p, 0, NULL, &h));
	EXPECT_NE(NULL, strstr(rasdial_last_detail(), "no [Nope]"));
	strcpy(p.szEntryName, "corp vpn");
	EXPECT_EQ(ERROR_DEVICETYPE_DOES_NOT_EXIST,
		  RasDialA(NULL, self->pbk, &p, 0, NULL, &h));
	strcpy(p.szEntryName, "Office Modem");
	strcpy(p.szPhoneNumber, "1'2");
	EXPECT_EQ(ERROR_BAD_PHONE_NUMBER,
		  RasDialA(NULL, self->pbk, &p, 0, NULL, &h));
	/* A good entry gets as far as the kernel, absent on the host. */
	p.szPhoneNumber[0] = '\0';
	EXPECT_EQ(ERROR_RASMAN_CANNOT_INITIALIZE,
		  RasDialA(NULL, self->pbk, &p, 0, NULL, &h));
	put("bad.pbk", "[Office Modem]\nPort=COM1\nPhoneNumber=1\"\n", 0644);
	snprintf(path, sizeof(path), "%s/bad.pbk", tmpdir);
	EXPECT_EQ(ERROR_CORRUPT_PHONEBOOK, RasDialA(NULL, path, &p, 0, NULL, &h));
	snprintf(path, sizeof(path), "%s/none.pbk", tmpdir);
	EXPECT_EQ(ERROR_CANNOT_OPEN_PHONEBOOK,
		  RasDialA(NULL, path, &p, 0, NULL, &h));
}

TEST(system_peers_directory)
{
	RASENTRYNAMEA *e;
	DWORD cb = 0, n = 0, r;

	r = RasEnumEntriesA(NULL, NULL, NULL, &cb, &n);
	if (r == ERROR_CANNOT_OPEN_PHONEBOOK)
		SKIP(return, "no readable /etc/ppp/peers here");
	if (r == ERROR_SUCCESS) {
		EXPECT_EQ(0u, n);
		return;
	}
	ASSERT_EQ(ERROR_BUFFER_TOO_SMALL, r);
	ASSERT_EQ(n * sizeof(RASENTRYNAMEA), cb);
	e = calloc(n, sizeof(*e));
	ASSERT_NE(NULL, e);
	e[0].dwSize = sizeof(*e);
	ASSERT_EQ(ERROR_SUCCESS, RasEnumEntriesA(NULL, NULL, e, &cb, &n));
	EXPECT_EQ((DWORD)REN_AllUsers, e[0].dwFlags);
	EXPECT_STREQ("/etc/ppp/peers", e[0].szPhonebookPath);
	free(e);
}

TEST_HARNESS_MAIN
