// SPDX-License-Identifier: GPL-2.0-only
/*
 * entries: RasEnumDevicesA/W (Windows' buffer protocol, as Wine's
 * conformance test checks it), RasEnumEntries' NULL-buffer rule, and
 * RasValidateEntryName / RasRenameEntry / RasDeleteEntry (A and W) on a
 * peers directory in /tmp; RasSetEntryProperties: the peers files it
 * writes, what it keeps of a hand-written one, what it refuses.
 */
#include <fcntl.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <rasdial/rasdial.h>

#include "kselftest_harness.h"

#include "hosttest.h"

static void put(const char *dir, const char *name, const char *text)
{
	char path[512];
	FILE *f;

	snprintf(path, sizeof(path), "%s/%s", dir, name);
	f = fopen(path, "w");
	if (f) {
		fputs(text, f);
		fclose(f);
	}
}

static bool exists(const char *dir, const char *name)
{
	char path[512];

	snprintf(path, sizeof(path), "%s/%s", dir, name);
	return access(path, F_OK) == 0;
}

/* ASCII -> UTF-16 for the W rows. */
static const WCHAR *w(const char *s, WCHAR *buf, size_t n)
{
	size_t i;

	for (i = 0; i + 1 < n && s[i]; i++)
		buf[i] = (unsigned char)s[i];
	buf[i] = 0;
	return buf;
}

FIXTURE(book) {
	char dir[64];
};

FIXTURE_SETUP(book)
{
	snprintf(self->dir, sizeof(self->dir), "/tmp/entries.XXXXXX");
	ASSERT_NE(NULL, mkdtemp(self->dir));
	put(self->dir, "alpha", "noauth\n");
	put(self->dir, "beta", "noauth\n");
}

FIXTURE_TEARDOWN(book)
{
	char cmd[128];

	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", self->dir);
	if (system(cmd))
		TH_LOG("cannot remove %s", self->dir);
}

/* Wine's rasapi.c test_rasenum, case by case. */
TEST(enum_devices_protocol)
{
	DWORD n = 0x7777, cb = 0, size, ret;
	RASDEVINFOA *v;

	ret = RasEnumDevicesA(NULL, &cb, &n);
	if (ret == ERROR_SUCCESS) {
		EXPECT_EQ(0, n);
		SKIP(return, "no device on this machine");
	}
	ASSERT_EQ(ERROR_BUFFER_TOO_SMALL, ret);
	ASSERT_EQ(n * sizeof(RASDEVINFOA), cb);
	size = cb;
	v = calloc(1, size + sizeof(RASDEVINFOA));
	ASSERT_NE(NULL, v);

	/* NULL buffer with a non-zero size: still "how big?". */
	cb = size;
	n = 0;
	EXPECT_EQ(ERROR_BUFFER_TOO_SMALL, RasEnumDevicesA(NULL, &cb, &n));
	EXPECT_EQ(size, cb);
	EXPECT_EQ(size / sizeof(RASDEVINFOA), n);

	/* dwSize 0, one less, one more: the count stays. */
	for (int d = 0; d < 3; d++) {
		static const DWORD bad[] = {
			0, sizeof(RASDEVINFOA) - 1, sizeof(RASDEVINFOA) + 1,
		};

		v[0].dwSize = bad[d];
		cb = size;
		n = 0x5555;
		EXPECT_EQ(ERROR_INVALID_SIZE, RasEnumDevicesA(v, &cb, &n));
		EXPECT_EQ(0x5555, n);
		EXPECT_EQ(size, cb);
	}
	v[0].dwSize = sizeof(RASDEVINFOA);
	EXPECT_EQ(ERROR_INVALID_PARAMETER, RasEnumDevicesA(v, NULL, &n));
	EXPECT_EQ(ERROR_INVALID_PARAMETER, RasEnumDevicesA(v, &cb, NULL));
	EXPECT_EQ(ERROR_INVALID_PARAMETER, RasEnumDevicesA(NULL, NULL, &n));
	EXPECT_EQ(ERROR_INVALID_PARAMETER, RasEnumDevicesA(NULL, &cb, NULL));

	cb = 0;
	EXPECT_EQ(ERROR_BUFFER_TOO_SMALL, RasEnumDevicesA(v, &cb, &n));
	EXPECT_EQ(size, cb);
	cb = size - 1;
	EXPECT_EQ(ERROR_BUFFER_TOO_SMALL, RasEnumDevicesA(v, &cb, &n));
	EXPECT_EQ(size, cb);
	cb = size + 1;
	EXPECT_EQ(ERROR_SUCCESS, RasEnumDevicesA(v, &cb, &n));
	EXPECT_EQ(size, cb);
	EXPECT_EQ(size / sizeof(RASDEVINFOA), n);

	cb = 0;
	v[0].dwSize = 0;
	EXPECT_EQ(ERROR_INVALID_SIZE, RasEnumDevicesA(v, &cb, &n));
	free(v);
}

/* Every device has a known type and a name; W says the same as A. */
TEST(enum_devices_a_w)
{
	DWORD n = 0, cb = 0, nw = 0, cbw = 0;
	RASDEVINFOA *a;
	RASDEVINFOW *wv;

	RasEnumDevicesA(NULL, &cb, &n);
	RasEnumDevicesW(NULL, &cbw, &nw);
	ASSERT_EQ(n, nw);
	ASSERT_EQ(n * sizeof(RASDEVINFOW), cbw);
	if (!n)
		SKIP(return, "no device on this machine");
	a = calloc(n, sizeof(*a));
	wv = calloc(n, sizeof(*wv));
	ASSERT_NE(NULL, a);
	ASSERT_NE(NULL, wv);
	a[0].dwSize = sizeof(*a);
	wv[0].dwSize = sizeof(*wv);
	ASSERT_EQ(ERROR_SUCCESS, RasEnumDevicesA(a, &cb, &n));
	ASSERT_EQ(ERROR_SUCCESS, RasEnumDevicesW(wv, &cbw, &nw));
	for (DWORD i = 0; i < n; i++) {
		size_t j;

		TH_LOG("%s %s", a[i].szDeviceType, a[i].szDeviceName);
		EXPECT_TRUE(!strcmp(a[i].szDeviceType, RASDT_Modem) ||
			    !strcmp(a[i].szDeviceType, RASDT_PPPoE) ||
			    !strcmp(a[i].szDeviceType, RASDT_Vpn));
		EXPECT_NE(0, a[i].szDeviceName[0]);
		EXPECT_EQ(sizeof(*a), a[i].dwSize);
		EXPECT_EQ(sizeof(*wv), wv[i].dwSize);
		for (j = 0; a[i].szDeviceName[j]; j++)
			EXPECT_EQ((unsigned char)a[i].szDeviceName[j],
				  wv[i].szDeviceName[j]);
		EXPECT_EQ(0, wv[i].szDeviceName[j]);
		/* A listed modem is a tty that is there. */
		if (!strcmp(a[i].szDeviceType, RASDT_Modem)) {
			char path[160];
			struct stat st;

			snprintf(path, sizeof(path), "/dev/%s", a[i].szDeviceName);
			EXPECT_EQ(0, stat(path, &st));
			EXPECT_TRUE(S_ISCHR(st.st_mode));
		}
	}
	free(a);
	free(wv);
}

/* The 32 legacy ttyS placeholders (type 0) are no modems. */
TEST(enum_devices_no_placeholder_ttys)
{
	DWORD n = 0, cb = 0;
	RASDEVINFOA *a;

	RasEnumDevicesA(NULL, &cb, &n);
	if (!n)
		SKIP(return, "no device on this machine");
	a = calloc(n, sizeof(*a));
	ASSERT_NE(NULL, a);
	a[0].dwSize = sizeof(*a);
	ASSERT_EQ(ERROR_SUCCESS, RasEnumDevicesA(a, &cb, &n));
	for (DWORD i = 0; i < n; i++) {
		char path[200], type[16] = "";
		FILE *f;

		if (strncmp(a[i].szDeviceName, "ttyS", 4))
			continue;
		snprintf(path, sizeof(path), "/sys/class/tty/%s/type",
			 a[i].szDeviceName);
		f = fopen(path, "r");
		ASSERT_NE(NULL, f);
		EXPECT_NE(NULL, fgets(type, sizeof(type), f));
		fclose(f);
		EXPECT_NE(0, atoi(type));
	}
	free(a);
}

TEST_F(book, enum_entries_null_buffer)
{
	DWORD cb = 12345, n = 0;

	EXPECT_EQ(ERROR_BUFFER_TOO_SMALL,
		  RasEnumEntriesA(NULL, self->dir, NULL, &cb, &n));
	EXPECT_EQ(2 * sizeof(RASENTRYNAMEA), cb);
	EXPECT_EQ(2, n);
}

TEST_F(book, validate)
{
	EXPECT_EQ(ERROR_SUCCESS, RasValidateEntryNameA(self->dir, "gamma"));
	EXPECT_EQ(ERROR_ALREADY_EXISTS, RasValidateEntryNameA(self->dir, "alpha"));
	EXPECT_EQ(ERROR_INVALID_NAME, RasValidateEntryNameA(self->dir, ""));
	EXPECT_EQ(ERROR_INVALID_NAME, RasValidateEntryNameA(self->dir, NULL));
	EXPECT_EQ(ERROR_INVALID_NAME, RasValidateEntryNameA(self->dir, ".hidden"));
	EXPECT_EQ(ERROR_INVALID_NAME, RasValidateEntryNameA(self->dir, "a/b"));
	EXPECT_EQ(ERROR_INVALID_NAME, RasValidateEntryNameA(self->dir, "x.dpkg-old"));
	EXPECT_EQ(ERROR_INVALID_NAME, RasValidateEntryNameA(self->dir, "tab\there"));
	EXPECT_EQ(ERROR_CANNOT_OPEN_PHONEBOOK,
		  RasValidateEntryNameA("/nonexistent/dir", "gamma"));
}

TEST_F(book, validate_too_long)
{
	char name[300];

	memset(name, 'n', 256);
	name[256] = '\0';
	EXPECT_EQ(ERROR_INVALID_NAME, RasValidateEntryNameA(self->dir, name));
	name[255] = '\0';
	EXPECT_EQ(ERROR_SUCCESS, RasValidateEntryNameA(self->dir, name));
}

TEST_F(book, rename_and_delete)
{
	EXPECT_EQ(ERROR_CANNOT_FIND_PHONEBOOK_ENTRY,
		  RasRenameEntryA(self->dir, "nope", "other"));
	EXPECT_EQ(ERROR_ALREADY_EXISTS,
		  RasRenameEntryA(self->dir, "alpha", "beta"));
	EXPECT_TRUE(exists(self->dir, "alpha"));
	EXPECT_EQ(ERROR_INVALID_NAME,
		  RasRenameEntryA(self->dir, "alpha", ".x"));
	EXPECT_EQ(ERROR_SUCCESS, RasRenameEntryA(self->dir, "alpha", "gamma"));
	EXPECT_FALSE(exists(self->dir, "alpha"));
	EXPECT_TRUE(exists(self->dir, "gamma"));
	EXPECT_EQ(ERROR_SUCCESS, RasDeleteEntryA(self->dir, "gamma"));
	EXPECT_FALSE(exists(self->dir, "gamma"));
	EXPECT_EQ(ERROR_CANNOT_FIND_PHONEBOOK_ENTRY,
		  RasDeleteEntryA(self->dir, "gamma"));
	EXPECT_EQ(ERROR_CANNOT_FIND_PHONEBOOK_ENTRY,
		  RasDeleteEntryA(self->dir, NULL));
	EXPECT_EQ(ERROR_CANNOT_FIND_PHONEBOOK_ENTRY,
		  RasDeleteEntryA(self->dir, "../etc"));
	EXPECT_TRUE(exists(self->dir, "beta"));
}

TEST_F(book, wide)
{
	WCHAR b[64], x[32], y[32];
	WCHAR bad[] = { 'a', 0xD800, 0 };

	w(self->dir, b, 64);
	EXPECT_EQ(ERROR_ALREADY_EXISTS,
		  RasValidateEntryNameW(b, w("beta", x, 32)));
	EXPECT_EQ(ERROR_INVALID_NAME, RasValidateEntryNameW(b, bad));
	EXPECT_EQ(ERROR_SUCCESS,
		  RasRenameEntryW(b, w("beta", x, 32), w("delta", y, 32)));
	EXPECT_TRUE(exists(self->dir, "delta"));
	EXPECT_EQ(ERROR_INVALID_NAME,
		  RasRenameEntryW(b, w("delta", x, 32), bad));
	EXPECT_EQ(ERROR_SUCCESS, RasDeleteEntryW(b, w("delta", x, 32)));
	EXPECT_FALSE(exists(self->dir, "delta"));
	EXPECT_EQ(ERROR_CANNOT_FIND_PHONEBOOK_ENTRY, RasDeleteEntryW(b, bad));
}

/* A .pbk phone book: names are checked against its sections; it is not
 * written. */
TEST_F(book, pbk)
{
	char pbk[96];

	snprintf(pbk, sizeof(pbk), "%s/book.pbk", self->dir);
	put(self->dir, "book.pbk", "[One]\nPort=ttyS0\n");
	EXPECT_EQ(ERROR_ALREADY_EXISTS, RasValidateEntryNameA(pbk, "one"));
	EXPECT_EQ(ERROR_SUCCESS, RasValidateEntryNameA(pbk, "two"));
	EXPECT_EQ(ERROR_CANNOT_FIND_PHONEBOOK_ENTRY, RasDeleteEntryA(pbk, "Two"));
	EXPECT_EQ(ERROR_SUCCESS, RasRenameEntryA(pbk, "One", "Two"));
}

/* RasGetEntryProperties: a hand-written modem entry read as a RASENTRY. */
TEST_F(book, get_modem_entry)
{
	RASENTRYA e;
	DWORD cb = 0, dcb = 77;

	put(self->dir, "isp",
	    "# my provider\n/dev/ttyUSB0 115200\n"
	    "connect \"/usr/sbin/chat -v -f /etc/chatscripts/isp -T '*99#'\"\n"
	    "user me\nrefuse-pap\nrefuse-eap\nrefuse-mschap\n"
	    "defaultroute usepeerdns novj\nidle 600\nrequire-mppe-128\n"
	    "192.0.2.9:\n");
	EXPECT_EQ(ERROR_BUFFER_TOO_SMALL,
		  RasGetEntryPropertiesA(self->dir, "isp", NULL, &cb, NULL, NULL));
	/* The newest layout's size: at least this program's. */
	EXPECT_LE(sizeof(RASENTRYA), cb);
	memset(&e, 0x5a, sizeof(e));
	e.dwSize = sizeof(e);
	cb = sizeof(e);
	ASSERT_EQ(ERROR_SUCCESS,
		  RasGetEntryPropertiesA(self->dir, "isp", &e, &cb, NULL, &dcb));
	EXPECT_EQ(0, dcb);
	EXPECT_STREQ(RASDT_Modem, e.szDeviceType);
	EXPECT_STREQ("ttyUSB0", e.szDeviceName);
	EXPECT_STREQ("*99#", e.szLocalPhoneNumber);
	EXPECT_EQ(RASFP_Ppp, e.dwFramingProtocol);
	EXPECT_EQ(RASNP_Ip, e.dwfNetProtocols);
	EXPECT_EQ(600, e.dwIdleDisconnectSeconds);
	EXPECT_EQ(ET_RequireMax, e.dwEncryptionType);
	EXPECT_EQ(RASEO_RequireCHAP | RASEO_RequireMsCHAP2 |
		  RASEO_RemoteDefaultGateway | RASEO_SwCompression |
		  RASEO_SpecificIpAddr | RASEO_RequireDataEncryption,
		  e.dwfOptions);
	EXPECT_EQ(192, e.ipaddr.a);
	EXPECT_EQ(9, e.ipaddr.d);
}

TEST_F(book, get_sizes_and_errors)
{
	RASENTRYA e;
	DWORD cb;

	memset(&e, 0, sizeof(e));
	cb = sizeof(e);
	e.dwSize = 0;
	EXPECT_EQ(ERROR_INVALID_SIZE,
		  RasGetEntryPropertiesA(self->dir, "alpha", &e, &cb, NULL, NULL));
	e.dwSize = sizeof(e) + 4;
	EXPECT_EQ(ERROR_INVALID_SIZE,
		  RasGetEntryPropertiesA(self->dir, "alpha", &e, &cb, NULL, NULL));
	e.dwSize = sizeof(e);
	EXPECT_EQ(ERROR_INVALID_PARAMETER,
		  RasGetEntryPropertiesA(self->dir, "alpha", &e, NULL, NULL, NULL));
	cb = 100;
	EXPECT_EQ(ERROR_BUFFER_TOO_SMALL,
		  RasGetEntryPropertiesA(self->dir, "alpha", &e, &cb, NULL, NULL));
	EXPECT_EQ(sizeof(e), cb);
	EXPECT_EQ(ERROR_CANNOT_FIND_PHONEBOOK_ENTRY,
		  RasGetEntryPropertiesA(self->dir, "nope", &e, &cb, NULL, NULL));
	/* The WINVER 0x400 layout: a prefix, nothing written beyond it. */
	memset(&e, 0x5a, sizeof(e));
	e.dwSize = offsetof(RASENTRYA, dwSubEntries);
	cb = sizeof(e);
	EXPECT_EQ(ERROR_SUCCESS,
		  RasGetEntryPropertiesA(self->dir, "alpha", &e, &cb, NULL, NULL));
	EXPECT_EQ(offsetof(RASENTRYA, dwSubEntries), cb);
	EXPECT_EQ(0x5a5a5a5a, e.dwSubEntries);
	/* No entry name: the default entry. */
	e.dwSize = sizeof(e);
	cb = sizeof(e);
	EXPECT_EQ(ERROR_SUCCESS,
		  RasGetEntryPropertiesA(self->dir, NULL, &e, &cb, NULL, NULL));
	EXPECT_STREQ(RASDT_Modem, e.szDeviceType);
	EXPECT_EQ(RASFP_Ppp, e.dwFramingProtocol);
}

TEST_F(book, get_wide)
{
	RASENTRYW e;
	DWORD cb = sizeof(e);
	WCHAR b[64], n[16];

	put(self->dir, "ptyentry", "pty \"pppd notty\"\nnoauth\n");
	memset(&e, 0, sizeof(e));
	e.dwSize = sizeof(e);
	ASSERT_EQ(ERROR_SUCCESS,
		  RasGetEntryPropertiesW(w(self->dir, b, 64), w("ptyentry", n, 16),
					 &e, &cb, NULL, NULL));
	EXPECT_EQ('G', e.szDeviceType[0]);
	EXPECT_EQ('p', e.szDeviceName[0]);
	EXPECT_EQ('t', e.szDeviceName[1]);
	EXPECT_EQ('y', e.szDeviceName[2]);
	EXPECT_EQ(0, e.szDeviceName[3]);
	EXPECT_EQ(RASET_Direct, e.dwType);
	e.dwSize = sizeof(RASENTRYA);
	EXPECT_EQ(ERROR_INVALID_SIZE,
		  RasGetEntryPropertiesW(b, n, &e, &cb, NULL, NULL));
}

/* ---- RasSetEntryProperties */

static char *slurp(const char *dir, const char *name)
{
	static char text[8192];
	char path[512];
	size_t n = 0;
	FILE *f;

	snprintf(path, sizeof(path), "%s/%s", dir, name);
	text[0] = '\0';
	f = fopen(path, "r");
	if (f) {
		n = fread(text, 1, sizeof(text) - 1, f);
		fclose(f);
	}
	text[n] = '\0';
	return text;
}

/*
 * pppd's own verdict on a peers file, when pppd can run here (root): 1
 * when it takes every option (pppd exits 2, EXIT_OPTION_ERROR, for an
 * option it rejects; without /dev/ppp on the host it stops later).
 */
static int pppd_accepts(const char *dir, const char *name)
{
	char cmd[640];
	int st;

	if (geteuid() || access("/usr/sbin/pppd", X_OK))
		return -1;
	snprintf(cmd, sizeof(cmd),
		 "/usr/sbin/pppd file '%s/%s' dryrun nodetach >/dev/null 2>&1",
		 dir, name);
	st = system(cmd);
	return WIFEXITED(st) && WEXITSTATUS(st) != 2;
}

/*
 * Each string of HAS (a NULL-ended list, TEXT_HAS(...)) stands in T;
 * none of HASNT does.
 */
#define TEXT_HAS(...) ((const char *const[]){ __VA_ARGS__, NULL })
#define EXPECT_TEXT(t, has, hasnt) expect_text(_metadata, t, has, hasnt)
static void expect_text(struct __test_metadata *_metadata, const char *t,
			const char *const *has, const char *const *hasnt)
{
	for (; has && *has; has++) {
		EXPECT_NE(NULL, strstr(t, *has)) TH_LOG("no \"%s\"", *has);
	}
	for (; hasnt && *hasnt; hasnt++) {
		EXPECT_EQ(NULL, strstr(t, *hasnt)) TH_LOG("\"%s\"", *hasnt);
	}
}

/* pppd accepts DIR/NAME, when it can run here. */
#define EXPECT_PPPD_ACCEPTS(dir, name)					\
	do {								\
		int ok_ = pppd_accepts(dir, name);			\
									\
		if (ok_ >= 0) {						\
			EXPECT_EQ(1, ok_);				\
		}							\
	} while (0)

/* A new modem entry: device, chat script, Windows' defaults; read back. */
TEST_F(book, set_new_modem)
{
	RASENTRYA e, g;
	char path[128];
	struct stat st;

	ht_modem_entry(&e, "ttyUSB0", "5551234");
	e.dwIdleDisconnectSeconds = 300;
	e.dwRedialCount = 3;
	e.dwRedialPause = 20;
	ASSERT_EQ(ERROR_SUCCESS, ht_set_a(self->dir, "isp", &e));
	EXPECT_TEXT(slurp(self->dir, "isp"),
		    TEXT_HAS("\n/dev/ttyUSB0\n", "\nnoauth\n", "\nnoipdefault\n",
			     "\ndefaultroute\n", "\nusepeerdns\n", "\nidle 300\n",
			     "\nmaxfail 4\n", "\nholdoff 20\n", "-T '5551234'",
			     "ABORT BUSY ABORT 'NO CARRIER' ABORT 'NO DIALTONE' ABORT 'NO ANSWER'",
			     "'ATDT\\\\T'"),
		    TEXT_HAS("novj", "nobsdcomp"));
	snprintf(path, sizeof(path), "%s/isp", self->dir);
	ASSERT_EQ(0, stat(path, &st));
	EXPECT_EQ(0640, st.st_mode & 07777);
	ASSERT_EQ(ERROR_SUCCESS, ht_get_a(self->dir, "isp", &g));
	EXPECT_STREQ(RASDT_Modem, g.szDeviceType);
	EXPECT_STREQ("ttyUSB0", g.szDeviceName);
	EXPECT_STREQ("5551234", g.szLocalPhoneNumber);
	EXPECT_EQ(e.dwfOptions, g.dwfOptions);
	EXPECT_EQ(RASNP_Ip, g.dwfNetProtocols);
	EXPECT_EQ(300, g.dwIdleDisconnectSeconds);
	EXPECT_EQ(3, g.dwRedialCount);
	EXPECT_EQ(20, g.dwRedialPause);
	EXPECT_EQ(RASET_Phone, g.dwType);
}

#define HAND_WRITTEN							\
	"# my provider\n/dev/ttyUSB0 115200\n"				\
	"connect \"/usr/sbin/chat -v -f /etc/chatscripts/isp -T '*99#'\"\n" \
	"user me   # the account\nrefuse-pap\nrefuse-eap\nrefuse-mschap\n" \
	"lcp-echo-interval 10 defaultroute usepeerdns novj\nidle 600\n" \
	"require-mppe-128\nipparam 'a b'\n192.0.2.9:\nmtu 1400"

/* Get then Set of an unchanged RASENTRY changes no byte (no write). */
TEST_F(book, set_unchanged_round_trip)
{
	struct stat a, b;
	char path[128];
	RASENTRYA e;
	RASENTRYW we;
	DWORD cb = sizeof(we);
	WCHAR bk[64], n[8];

	put(self->dir, "isp", HAND_WRITTEN);
	snprintf(path, sizeof(path), "%s/isp", self->dir);
	ASSERT_EQ(0, stat(path, &a));
	ASSERT_EQ(ERROR_SUCCESS, ht_get_a(self->dir, "isp", &e));
	ASSERT_EQ(ERROR_SUCCESS, ht_set_a(self->dir, "isp", &e));
	EXPECT_STREQ(HAND_WRITTEN, slurp(self->dir, "isp"));
	ASSERT_EQ(0, stat(path, &b));
	EXPECT_EQ(a.st_ino, b.st_ino);
	/* Every layout of the structure, A and W. */
	e.dwSize = offsetof(RASENTRYA, dwSubEntries);
	ASSERT_EQ(ERROR_SUCCESS, ht_set_a(self->dir, "isp", &e));
	EXPECT_STREQ(HAND_WRITTEN, slurp(self->dir, "isp"));
	memset(&we, 0, sizeof(we));
	we.dwSize = sizeof(we);
	ASSERT_EQ(ERROR_SUCCESS,
		  RasGetEntryPropertiesW(w(self->dir, bk, 64), w("isp", n, 8),
					 &we, &cb, NULL, NULL));
	ASSERT_EQ(ERROR_SUCCESS,
		  RasSetEntryPropertiesW(bk, n, &we, sizeof(we), NULL, 0));
	EXPECT_STREQ(HAND_WRITTEN, slurp(self->dir, "isp"));
}

/* A change rewrites only its own options; the rest stays as written. */
TEST_F(book, set_keeps_hand_written_options)
{
	RASENTRYA e;

	put(self->dir, "isp", HAND_WRITTEN);
	ASSERT_EQ(ERROR_SUCCESS, ht_get_a(self->dir, "isp", &e));
	snprintf(e.szLocalPhoneNumber, sizeof(e.szLocalPhoneNumber), "*99***1#");
	e.dwIdleDisconnectSeconds = 900;
	e.dwfOptions &= ~RASEO_RemoteDefaultGateway;
	ASSERT_EQ(ERROR_SUCCESS, ht_set_a(self->dir, "isp", &e));
	/* What stays of a line keeps its line end; the chat script of its
	 * own is kept, the number replaced. */
	EXPECT_TEXT(slurp(self->dir, "isp"),
		    TEXT_HAS("# my provider\n/dev/ttyUSB0 115200\n",
			     "user me   # the account\n",
			     "lcp-echo-interval 10  usepeerdns novj\nrequire-mppe-128\n",
			     "ipparam 'a b'\n192.0.2.9:\nmtu 1400\n",
			     "refuse-pap\nrefuse-eap\nrefuse-mschap\n",
			     "connect \"/usr/sbin/chat -v -f /etc/chatscripts/isp -T '*99***1#'\"\n",
			     "\nidle 900\n", "usepeerdns"),
		    TEXT_HAS("'*99#'", "idle 600", "defaultroute"));
	ASSERT_EQ(ERROR_SUCCESS, ht_get_a(self->dir, "isp", &e));
	EXPECT_STREQ("*99***1#", e.szLocalPhoneNumber);
	EXPECT_EQ(900, e.dwIdleDisconnectSeconds);
	EXPECT_EQ(0, e.dwfOptions & RASEO_RemoteDefaultGateway);
	EXPECT_EQ(ET_RequireMax, e.dwEncryptionType);
}

/* The WINVER 0x400 layout changes what it has and keeps the rest. */
TEST_F(book, set_old_layout)
{
	RASENTRYA e;

	put(self->dir, "isp", HAND_WRITTEN);
	ASSERT_EQ(ERROR_SUCCESS, ht_get_a(self->dir, "isp", &e));
	e.dwSize = offsetof(RASENTRYA, dwSubEntries);
	e.dwIdleDisconnectSeconds = 5;	/* beyond that layout: not read */
	snprintf(e.szLocalPhoneNumber, sizeof(e.szLocalPhoneNumber), "123");
	ASSERT_EQ(ERROR_SUCCESS, ht_set_a(self->dir, "isp", &e));
	ASSERT_EQ(ERROR_SUCCESS, ht_get_a(self->dir, "isp", &e));
	EXPECT_STREQ("123", e.szLocalPhoneNumber);
	EXPECT_EQ(600, e.dwIdleDisconnectSeconds);
}

TEST_F(book, set_country_and_area)
{
	RASENTRYA e;

	ht_modem_entry(&e, "/dev/ttyACM0", "5551234");
	e.dwfOptions |= RASEO_UseCountryAndAreaCodes;
	e.dwCountryCode = e.dwCountryID = 44;
	snprintf(e.szAreaCode, sizeof(e.szAreaCode), "20");
	ASSERT_EQ(ERROR_SUCCESS, ht_set_a(self->dir, "uk", &e));
	EXPECT_NE(NULL, strstr(slurp(self->dir, "uk"), "-T '+44 (20) 5551234'"));
	ASSERT_EQ(ERROR_SUCCESS, ht_get_a(self->dir, "uk", &e));
	EXPECT_TRUE(e.dwfOptions & RASEO_UseCountryAndAreaCodes);
	EXPECT_EQ(44, e.dwCountryCode);
	EXPECT_STREQ("20", e.szAreaCode);
	EXPECT_STREQ("5551234", e.szLocalPhoneNumber);
	EXPECT_STREQ("ttyACM0", e.szDeviceName);
	/* Without the flag the codes are not dialed (as on Windows). */
	e.dwfOptions &= ~RASEO_UseCountryAndAreaCodes;
	ASSERT_EQ(ERROR_SUCCESS, ht_set_a(self->dir, "uk", &e));
	EXPECT_NE(NULL, strstr(slurp(self->dir, "uk"), "-T '5551234'"));
}

TEST_F(book, set_authentication)
{
	RASENTRYA e;
	char *t;

	ht_modem_entry(&e, "ttyS0", "1");
	e.dwfOptions |= RASEO_RequireCHAP;
	ASSERT_EQ(ERROR_SUCCESS, ht_set_a(self->dir, "a", &e));
	t = slurp(self->dir, "a");
	EXPECT_NE(NULL, strstr(t, "refuse-pap\nrefuse-mschap\nrefuse-mschap-v2\nrefuse-eap\n"));
	EXPECT_EQ(NULL, strstr(t, "refuse-chap"));
	ASSERT_EQ(ERROR_SUCCESS, ht_get_a(self->dir, "a", &e));
	EXPECT_EQ(RASEO_RequireCHAP, e.dwfOptions &
		  (RASEO_RequirePAP | RASEO_RequireCHAP | RASEO_RequireMsCHAP |
		   RASEO_RequireMsCHAP2 | RASEO_RequireEAP));
	/* RequireEncryptedPw: anything but PAP. */
	e.dwfOptions &= ~RASEO_RequireCHAP;
	e.dwfOptions |= RASEO_RequireEncryptedPw;
	ASSERT_EQ(ERROR_SUCCESS, ht_set_a(self->dir, "a", &e));
	t = slurp(self->dir, "a");
	EXPECT_NE(NULL, strstr(t, "refuse-pap\n"));
	EXPECT_EQ(NULL, strstr(t, "refuse-chap"));
	EXPECT_EQ(NULL, strstr(t, "refuse-eap"));
	ASSERT_EQ(ERROR_SUCCESS, ht_get_a(self->dir, "a", &e));
	EXPECT_TRUE(e.dwfOptions & RASEO_RequireEncryptedPw);
	/* MS-CHAP v2 with MPPE 128. */
	e.dwfOptions &= ~RASEO_RequireEncryptedPw;
	e.dwfOptions |= RASEO_RequireMsCHAP2 | RASEO_RequireDataEncryption;
	e.dwEncryptionType = ET_RequireMax;
	ASSERT_EQ(ERROR_SUCCESS, ht_set_a(self->dir, "a", &e));
	t = slurp(self->dir, "a");
	EXPECT_NE(NULL, strstr(t, "require-mppe-128\n"));
	EXPECT_NE(NULL, strstr(t, "refuse-chap\n"));
	EXPECT_EQ(NULL, strstr(t, "refuse-mschap-v2"));
	if (access("/dev/ttyS0", F_OK) == 0 && pppd_accepts(self->dir, "a") >= 0) {
		EXPECT_EQ(1, pppd_accepts(self->dir, "a"));
	}
	/* Only SPAP: pppd has none. */
	e.dwfOptions &= ~(RASEO_RequireMsCHAP2 | RASEO_RequireDataEncryption);
	e.dwfOptions |= RASEO_RequireSPAP;
	e.dwEncryptionType = ET_Optional;
	EXPECT_EQ(ERROR_INVALID_PARAMETER, ht_set_a(self->dir, "a", &e));
	/* Encryption without MS-CHAP: no MPPE keys. */
	e.dwfOptions &= ~RASEO_RequireSPAP;
	e.dwfOptions |= RASEO_RequirePAP | RASEO_RequireDataEncryption;
	EXPECT_EQ(ERROR_INVALID_PARAMETER, ht_set_a(self->dir, "a", &e));
	EXPECT_NE(NULL, strstr(slurp(self->dir, "a"), "require-mppe-128\n"));
}

TEST_F(book, set_ip_options)
{
	RASENTRYA e;

	ht_modem_entry(&e, "ttyS0", "1");
	e.dwfOptions &= ~(RASEO_IpHeaderCompression | RASEO_SwCompression);
	e.dwfOptions |= RASEO_SpecificIpAddr | RASEO_SpecificNameServers;
	e.ipaddr.a = 192;
	e.ipaddr.b = 0;
	e.ipaddr.c = 2;
	e.ipaddr.d = 7;
	e.dwfNetProtocols = RASNP_Ip | RASNP_Ipv6;
	ASSERT_EQ(ERROR_SUCCESS, ht_set_a(self->dir, "ip", &e));
	EXPECT_TEXT(slurp(self->dir, "ip"),
		    TEXT_HAS("\n192.0.2.7:\n", "\nnovj\n",
			     "\nnobsdcomp\nnodeflate\n", "\n+ipv6\n"),
		    TEXT_HAS("noipdefault", "usepeerdns"));
	if (access("/dev/ttyS0", F_OK) == 0 && pppd_accepts(self->dir, "ip") >= 0) {
		EXPECT_EQ(1, pppd_accepts(self->dir, "ip"));
	}
	ASSERT_EQ(ERROR_SUCCESS, ht_get_a(self->dir, "ip", &e));
	EXPECT_EQ(RASNP_Ip | RASNP_Ipv6, e.dwfNetProtocols);
	EXPECT_EQ(RASEO_SpecificIpAddr | RASEO_SpecificNameServers |
		  RASEO_RemoteDefaultGateway,
		  e.dwfOptions & ~(DWORD)0 & (RASEO_SpecificIpAddr |
		  RASEO_SpecificNameServers | RASEO_RemoteDefaultGateway |
		  RASEO_IpHeaderCompression | RASEO_SwCompression));
	EXPECT_EQ(7, e.ipaddr.d);
	/* Back to a server-assigned address, IPv6 only. */
	e.dwfOptions &= ~RASEO_SpecificIpAddr;
	e.dwfNetProtocols = RASNP_Ipv6;
	ASSERT_EQ(ERROR_SUCCESS, ht_set_a(self->dir, "ip", &e));
	EXPECT_TEXT(slurp(self->dir, "ip"),
		    TEXT_HAS("\nnoipdefault\n", "\nnoip\n"),
		    TEXT_HAS("192.0.2.7"));
}

/* What pppd cannot do is refused, and nothing is written. */
TEST_F(book, set_refused)
{
	RASENTRYA e;

	ht_modem_entry(&e, "ttyS0", "5551234");
	e.dwFramingProtocol = RASFP_Slip;
	EXPECT_EQ(ERROR_INVALID_PARAMETER, ht_set_a(self->dir, "x", &e));
	ht_modem_entry(&e, "ttyS0", "5551234");
	e.dwfOptions |= RASEO_SpecificNameServers;
	e.ipaddrDns.a = 192;
	EXPECT_EQ(ERROR_INVALID_PARAMETER, ht_set_a(self->dir, "x", &e));
	ht_modem_entry(&e, "ttyS0", "");
	EXPECT_EQ(ERROR_INVALID_PARAMETER, ht_set_a(self->dir, "x", &e));
	ht_modem_entry(&e, "ttyS0", "555'; rm -rf /");
	EXPECT_EQ(ERROR_INVALID_PARAMETER, ht_set_a(self->dir, "x", &e));
	ht_modem_entry(&e, "../etc/passwd", "1");
	EXPECT_EQ(ERROR_INVALID_PARAMETER, ht_set_a(self->dir, "x", &e));
	ht_modem_entry(&e, "ttyS0", "1");
	snprintf(e.szDeviceType, sizeof(e.szDeviceType), "%s", RASDT_Isdn);
	EXPECT_EQ(ERROR_INVALID_PARAMETER, ht_set_a(self->dir, "x", &e));
	ht_modem_entry(&e, "ttyS0", "1");
	e.dwfNetProtocols = RASNP_Ipx;
	EXPECT_EQ(ERROR_INVALID_PARAMETER, ht_set_a(self->dir, "x", &e));
	ht_modem_entry(&e, "ttyS0", "1");
	e.dwType = 0;
	EXPECT_EQ(ERROR_INVALID_PARAMETER, ht_set_a(self->dir, "x", &e));
	ht_modem_entry(&e, "ttyS0", "1");
	snprintf(e.szScript, sizeof(e.szScript), "C:\\login.scp");
	EXPECT_EQ(ERROR_INVALID_PARAMETER, ht_set_a(self->dir, "x", &e));
	ht_modem_entry(&e, "ttyS0", "1");
	snprintf(e.szDeviceType, sizeof(e.szDeviceType), "%s", RASDT_PPPoE);
	snprintf(e.szDeviceName, sizeof(e.szDeviceName), "eth0 evil");
	EXPECT_EQ(ERROR_INVALID_PARAMETER, ht_set_a(self->dir, "x", &e));
	EXPECT_FALSE(exists(self->dir, "x"));
	ht_modem_entry(&e, "ttyS0", "1");
	EXPECT_EQ(ERROR_INVALID_NAME, ht_set_a(self->dir, ".hidden", &e));
	EXPECT_EQ(ERROR_INVALID_NAME, ht_set_a(self->dir, "a/b", &e));
	EXPECT_EQ(ERROR_CANNOT_OPEN_PHONEBOOK, ht_set_a("/nonexistent", "x", &e));
}

/* Atomic: the file is replaced whole; owner, group and mode stay. */
TEST_F(book, set_atomic_keeps_mode)
{
	struct stat a, b;
	char path[128];
	RASENTRYA e;
	int n = 0;
	FILE *p;
	char cmd[160], line[256];

	put(self->dir, "isp", HAND_WRITTEN);
	snprintf(path, sizeof(path), "%s/isp", self->dir);
	ASSERT_EQ(0, chmod(path, 0604));
	ASSERT_EQ(0, stat(path, &a));
	ASSERT_EQ(ERROR_SUCCESS, ht_get_a(self->dir, "isp", &e));
	e.dwIdleDisconnectSeconds = 0;
	ASSERT_EQ(ERROR_SUCCESS, ht_set_a(self->dir, "isp", &e));
	ASSERT_EQ(0, stat(path, &b));
	EXPECT_NE(a.st_ino, b.st_ino);
	EXPECT_EQ(0604, b.st_mode & 07777);
	EXPECT_EQ(a.st_uid, b.st_uid);
	EXPECT_EQ(a.st_gid, b.st_gid);
	/* No temporary file left behind. */
	snprintf(cmd, sizeof(cmd), "ls -A '%s'", self->dir);
	p = popen(cmd, "r");
	ASSERT_NE(NULL, p);
	while (fgets(line, sizeof(line), p))
		n++;
	pclose(p);
	EXPECT_EQ(3, n);	/* alpha beta isp */
}

/* A direct cable on a pty, PPPoE, VPN: written and read back; pppd
 * (when it can run here) accepts the files. */
TEST_F(book, set_other_devices)
{
	char pts[64], *t;
	RASENTRYA e;
	int m;

	m = posix_openpt(O_RDWR | O_NOCTTY);
	ASSERT_LE(0, m);
	ASSERT_EQ(0, grantpt(m));
	ASSERT_EQ(0, unlockpt(m));
	ASSERT_EQ(0, ptsname_r(m, pts, sizeof(pts)));
	ht_modem_entry(&e, pts, "");
	snprintf(e.szDeviceType, sizeof(e.szDeviceType), "%s", RASDT_Serial);
	e.dwType = RASET_Direct;
	ASSERT_EQ(ERROR_SUCCESS, ht_set_a(self->dir, "cable", &e));
	EXPECT_TEXT(slurp(self->dir, "cable"),
		    TEXT_HAS("\nlocal\nnocrtscts\n"), TEXT_HAS("connect"));
	ASSERT_EQ(ERROR_SUCCESS, ht_get_a(self->dir, "cable", &e));
	EXPECT_STREQ(RASDT_Serial, e.szDeviceType);
	EXPECT_STREQ(pts, e.szDeviceName);
	EXPECT_EQ(RASET_Direct, e.dwType);
	EXPECT_PPPD_ACCEPTS(self->dir, "cable");
	/* A modem on a pty (a simulator): no modem lines either. */
	ht_modem_entry(&e, pts, "5551234");
	ASSERT_EQ(ERROR_SUCCESS, ht_set_a(self->dir, "cable", &e));
	EXPECT_TEXT(slurp(self->dir, "cable"),
		    TEXT_HAS("\nlocal\nnocrtscts\n", "-T '5551234'"), NULL);
	ASSERT_EQ(ERROR_SUCCESS, ht_get_a(self->dir, "cable", &e));
	EXPECT_STREQ(RASDT_Modem, e.szDeviceType);
	EXPECT_PPPD_ACCEPTS(self->dir, "cable");
	close(m);

	ht_modem_entry(&e, "lo", "");
	snprintf(e.szDeviceType, sizeof(e.szDeviceType), "%s", RASDT_PPPoE);
	e.dwType = RASET_Broadband;
	ASSERT_EQ(ERROR_SUCCESS, ht_set_a(self->dir, "dsl", &e));
	t = slurp(self->dir, "dsl");
	EXPECT_NE(NULL, strstr(t, "\nplugin rp-pppoe.so\nnic-lo\n"));
	ASSERT_EQ(ERROR_SUCCESS, ht_get_a(self->dir, "dsl", &e));
	EXPECT_STREQ(RASDT_PPPoE, e.szDeviceType);
	EXPECT_STREQ("lo", e.szDeviceName);
	EXPECT_PPPD_ACCEPTS(self->dir, "dsl");

	ht_modem_entry(&e, "WAN Miniport (L2TP)", "corp-lac");
	snprintf(e.szDeviceType, sizeof(e.szDeviceType), "%s", RASDT_Vpn);
	e.dwType = RASET_Vpn;
	ASSERT_EQ(ERROR_SUCCESS, ht_set_a(self->dir, "vpn", &e));
	EXPECT_NE(NULL, strstr(slurp(self->dir, "vpn"),
			       "\nrasdial-l2tp-lac corp-lac\n"));
	ASSERT_EQ(ERROR_SUCCESS, ht_get_a(self->dir, "vpn", &e));
	EXPECT_STREQ(RASDT_Vpn, e.szDeviceType);
	EXPECT_STREQ("corp-lac", e.szLocalPhoneNumber);

	/* Modem -> PPPoE: the chat script and the tty go. */
	ht_modem_entry(&e, "ttyS0", "5551234");
	ASSERT_EQ(ERROR_SUCCESS, ht_set_a(self->dir, "alpha", &e));
	snprintf(e.szDeviceType, sizeof(e.szDeviceType), "%s", RASDT_PPPoE);
	snprintf(e.szDeviceName, sizeof(e.szDeviceName), "eth0");
	ASSERT_EQ(ERROR_SUCCESS, ht_set_a(self->dir, "alpha", &e));
	t = slurp(self->dir, "alpha");
	EXPECT_EQ(NULL, strstr(t, "connect"));
	EXPECT_EQ(NULL, strstr(t, "ttyS0"));
	EXPECT_NE(NULL, strstr(t, "nic-eth0"));
}

TEST_F(book, set_wide)
{
	RASENTRYW e;
	DWORD cb = sizeof(e);
	WCHAR b[64], n[16];

	memset(&e, 0, sizeof(e));
	e.dwSize = sizeof(e);
	e.dwfOptions = RASEO_RemoteDefaultGateway;
	e.dwfNetProtocols = RASNP_Ip;
	e.dwFramingProtocol = RASFP_Ppp;
	e.dwType = RASET_Phone;
	w("modem", e.szDeviceType, 16);
	w("ttyUSB1", e.szDeviceName, 16);
	w("*99#", e.szLocalPhoneNumber, 16);
	ASSERT_EQ(ERROR_SUCCESS,
		  RasSetEntryPropertiesW(w(self->dir, b, 64), w("gsm", n, 16),
					 &e, sizeof(e), NULL, 0));
	EXPECT_NE(NULL, strstr(slurp(self->dir, "gsm"), "-T '*99#'"));
	memset(&e, 0, sizeof(e));
	e.dwSize = sizeof(e);
	ASSERT_EQ(ERROR_SUCCESS,
		  RasGetEntryPropertiesW(b, n, &e, &cb, NULL, NULL));
	EXPECT_EQ('*', e.szLocalPhoneNumber[0]);
	EXPECT_EQ('#', e.szLocalPhoneNumber[3]);
	EXPECT_EQ(0, e.szLocalPhoneNumber[4]);
	EXPECT_EQ('1', e.szDeviceName[6]);
	e.dwSize = sizeof(RASENTRYA);
	EXPECT_EQ(ERROR_INVALID_SIZE,
		  RasSetEntryPropertiesW(b, n, &e, sizeof(e), NULL, 0));
	e.dwSize = sizeof(e);
	e.szLocalPhoneNumber[0] = 0xD800;
	EXPECT_EQ(ERROR_INVALID_PARAMETER,
		  RasSetEntryPropertiesW(b, n, &e, sizeof(e), NULL, 0));
}

/*
 * Property over generated hand-written files (a fixed seed, so a failure
 * repeats): Get then Set unchanged writes nothing; a Set that changes
 * one field gives that field back from Get and leaves every other field
 * as it was.
 */
TEST_F(book, set_round_trip_generated)
{
	static const char *const lines[] = {
		"/dev/ttyUSB0", "ttyS0 115200", "pty \"pppd notty\"",
		"connect \"/usr/sbin/chat -v -T '5551234' '' ATDT\\\\T CONNECT\"",
		"connect '/etc/ppp/my-script'", "local", "modem", "crtscts",
		"refuse-pap", "refuse-chap", "refuse-mschap", "refuse-mschap-v2",
		"refuse-eap", "require-mppe", "require-mppe-128", "nomppe",
		"novj", "-vj", "nobsdcomp", "nodeflate", "defaultroute",
		"nodefaultroute", "usepeerdns", "noip", "+ipv6", "noipv6",
		"192.0.2.5:", "10.0.0.1:10.0.0.2", "noipdefault", "idle 60",
		"idle 0", "maxfail 3", "holdoff 7", "user \"me # not a comment\"",
		"# a comment", "mtu 1400 # trailing", "plugin rp-pppoe.so",
		"nic-eth1", "rasdial-l2tp-lac corp", "ipparam x", "\tlcp-echo-interval 5",
		"", "noauth", "name 'my host'", "persist",
	};
	unsigned int seed = 20261205, i, j, k, nl;
	char text[4096], path[128];
	RASENTRYA before, after, want;
	struct stat a, b;
	DWORD ret;

	snprintf(path, sizeof(path), "%s/gen", self->dir);
	for (i = 0; i < 400; i++) {
		text[0] = '\0';
		nl = 1 + rand_r(&seed) % 10;
		for (j = 0; j < nl; j++) {
			k = rand_r(&seed) % (sizeof(lines) / sizeof(lines[0]));
			strcat(text, lines[k]);
			strcat(text, rand_r(&seed) % 4 ? "\n" : " ");
		}
		put(self->dir, "gen", text);
		ASSERT_EQ(0, stat(path, &a));
		ASSERT_EQ(ERROR_SUCCESS, ht_get_a(self->dir, "gen", &before));
		ret = ht_set_a(self->dir, "gen", &before);
		ASSERT_EQ(ERROR_SUCCESS, ret) {
			TH_LOG("file:\n%s\ndetail: %s", text, rasdial_last_detail());
		}
		ASSERT_STREQ(text, slurp(self->dir, "gen"));
		ASSERT_EQ(0, stat(path, &b));
		ASSERT_EQ(a.st_ino, b.st_ino);

		/* One change: idle, default route or compression. */
		want = before;
		switch (i % 3) {
		case 0:
			want.dwIdleDisconnectSeconds = before.dwIdleDisconnectSeconds + 30;
			break;
		case 1:
			want.dwfOptions ^= RASEO_RemoteDefaultGateway;
			break;
		case 2:
			want.dwfOptions ^= RASEO_IpHeaderCompression;
			break;
		}
		ret = ht_set_a(self->dir, "gen", &want);
		ASSERT_EQ(ERROR_SUCCESS, ret) {
			TH_LOG("file:\n%s\ndetail: %s", text, rasdial_last_detail());
		}
		ASSERT_EQ(ERROR_SUCCESS, ht_get_a(self->dir, "gen", &after));
		EXPECT_EQ(0, memcmp(&want, &after, sizeof(want))) {
			TH_LOG("file before:\n%s\nafter:\n%s", text,
			       slurp(self->dir, "gen"));
		}
		if (memcmp(&want, &after, sizeof(want)))
			break;
	}
}

TEST_HARNESS_MAIN
