// SPDX-License-Identifier: GPL-2.0-only
/*
 * entries: RasEnumDevicesA/W (Windows' buffer protocol, as Wine's
 * conformance test checks it), RasEnumEntries' NULL-buffer rule, and
 * RasValidateEntryName / RasRenameEntry / RasDeleteEntry (A and W) on a
 * peers directory in /tmp.
 */
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <rasdial/rasdial.h>

#include "kselftest_harness.h"

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
	EXPECT_EQ(ERROR_CANNOT_WRITE_PHONEBOOK, RasDeleteEntryA(pbk, "One"));
	EXPECT_EQ(ERROR_CANNOT_WRITE_PHONEBOOK,
		  RasRenameEntryA(pbk, "One", "Two"));
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

TEST_HARNESS_MAIN
