// SPDX-License-Identifier: GPL-2.0
/*
 * The saved-credentials store on the host (no module, no pppd needed):
 * where it is and its modes, what is written (hex records, read back
 * here), the password never returned, fClearCredentials/fRemovePassword,
 * the W edge, and refusals: a store others may read, a symlink, a
 * damaged or oversized store, names that do not fit.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <rasdial/rasdial.h>

#include "kselftest_harness.h"

static const char handle16[] = "****************";

FIXTURE(store) {
	char dir[64];		/* peers directory: entries "alpha", "beta" */
	char cfg[64];		/* XDG_CONFIG_HOME */
	char path[128];		/* the store */
};

FIXTURE_SETUP(store)
{
	char p[160];
	FILE *f;

	strcpy(self->dir, "/tmp/creds-peers.XXXXXX");
	strcpy(self->cfg, "/tmp/creds-cfg.XXXXXX");
	ASSERT_NE(NULL, mkdtemp(self->dir));
	ASSERT_NE(NULL, mkdtemp(self->cfg));
	snprintf(p, sizeof(p), "%s/alpha", self->dir);
	f = fopen(p, "w");
	ASSERT_NE(NULL, f);
	fclose(f);
	snprintf(p, sizeof(p), "%s/beta", self->dir);
	f = fopen(p, "w");
	ASSERT_NE(NULL, f);
	fclose(f);
	snprintf(self->path, sizeof(self->path), "%s/rasdial/credentials",
		 self->cfg);
	unsetenv("RASDIAL_CREDENTIALS");
	setenv("XDG_CONFIG_HOME", self->cfg, 1);
}

FIXTURE_TEARDOWN(store)
{
	char cmd[256];

	snprintf(cmd, sizeof(cmd), "rm -rf '%s' '%s'", self->dir, self->cfg);
	if (system(cmd)) {
		/* best effort */
	}
}

static DWORD set(FIXTURE_DATA(store) *self, const char *entry, DWORD mask,
		 const char *user, const char *pw, const char *domain,
		 BOOL clear)
{
	RASCREDENTIALSA rc = { .dwSize = sizeof(rc), .dwMask = mask };

	snprintf(rc.szUserName, sizeof(rc.szUserName), "%s", user);
	snprintf(rc.szPassword, sizeof(rc.szPassword), "%s", pw);
	snprintf(rc.szDomain, sizeof(rc.szDomain), "%s", domain);
	return RasSetCredentialsA(self->dir, entry, &rc, clear);
}

/* The password saved for ENTRY, read from the store's hex record. */
static int saved_password(FIXTURE_DATA(store) *self, const char *entry,
			  char *out, size_t size)
{
	char line[8192], book[512], ent[600], user[600], pw[600], dom[64];
	char want_book[256] = "", want_ent[600] = "";
	unsigned int mask;
	int found = 0;
	FILE *f = fopen(self->path, "r");

	for (size_t i = 0; self->dir[i]; i++)
		sprintf(want_book + 2 * i, "%02x", (unsigned char)self->dir[i]);
	for (size_t i = 0; entry[i]; i++)
		sprintf(want_ent + 2 * i, "%02x", (unsigned char)entry[i]);
	if (!f)
		return 0;
	while (fgets(line, sizeof(line), f)) {
		if (line[0] == '#' ||
		    sscanf(line, "%511s %599s %x %599s %599s %63s", book, ent,
			   &mask, user, pw, dom) != 6)
			continue;
		if (strcmp(book, want_book) || strcmp(ent, want_ent))
			continue;
		found = 1;
		out[0] = '\0';
		if (strcmp(pw, "-")) {
			size_t n = strlen(pw) / 2, i;

			for (i = 0; i < n && i + 1 < size; i++) {
				unsigned int b;

				sscanf(pw + 2 * i, "%2x", &b);
				out[i] = (char)b;
			}
			out[i] = '\0';
		}
	}
	fclose(f);
	return found;
}

TEST_F(store, modes_and_round_trip)
{
	RASCREDENTIALSA rc = { .dwSize = sizeof(rc) };
	/* Every byte the format could trip over. */
	const char *pw = "p w\\d\"#\t\xc3\xa9*";
	char got[300];
	struct stat st;
	char d[128];

	ASSERT_EQ(0, set(self, "alpha", RASCM_UserName | RASCM_Password |
			 RASCM_Domain, "bob", pw, "WORK", 0));
	ASSERT_EQ(0, stat(self->path, &st));
	EXPECT_EQ(0600, st.st_mode & 0777);
	EXPECT_EQ(getuid(), st.st_uid);
	snprintf(d, sizeof(d), "%s/rasdial", self->cfg);
	ASSERT_EQ(0, stat(d, &st));
	EXPECT_EQ(0700, st.st_mode & 0777);
	ASSERT_TRUE(saved_password(self, "alpha", got, sizeof(got)));
	EXPECT_STREQ(pw, got);

	rc.dwMask = RASCM_UserName | RASCM_Password | RASCM_Domain;
	ASSERT_EQ(0, RasGetCredentialsA(self->dir, "alpha", &rc));
	EXPECT_EQ(RASCM_UserName | RASCM_Password | RASCM_Domain, rc.dwMask);
	EXPECT_STREQ("bob", rc.szUserName);
	EXPECT_STREQ(handle16, rc.szPassword);
	EXPECT_STREQ("WORK", rc.szDomain);
	/* Only what is asked for. */
	rc.dwMask = RASCM_UserName;
	ASSERT_EQ(0, RasGetCredentialsA(self->dir, "alpha", &rc));
	EXPECT_EQ(RASCM_UserName, rc.dwMask);
	EXPECT_STREQ("", rc.szPassword);
	/* Another entry has nothing. */
	rc.dwMask = RASCM_UserName | RASCM_Password;
	ASSERT_EQ(0, RasGetCredentialsA(self->dir, "beta", &rc));
	EXPECT_EQ(0, rc.dwMask);

	/* The handle as the password keeps the saved one. */
	ASSERT_EQ(0, set(self, "alpha", RASCM_Password, "", handle16, "", 0));
	ASSERT_TRUE(saved_password(self, "alpha", got, sizeof(got)));
	EXPECT_STREQ(pw, got);

	/* fClearCredentials forgets what dwMask names. */
	ASSERT_EQ(0, set(self, "alpha", RASCM_Password, "", "", "", 1));
	rc.dwMask = RASCM_UserName | RASCM_Password | RASCM_Domain;
	ASSERT_EQ(0, RasGetCredentialsA(self->dir, "alpha", &rc));
	EXPECT_EQ(RASCM_UserName | RASCM_Domain, rc.dwMask);
	ASSERT_TRUE(saved_password(self, "alpha", got, sizeof(got)));
	EXPECT_STREQ("", got);
	/* Nothing left: the record goes. */
	ASSERT_EQ(0, set(self, "alpha", RASCM_UserName | RASCM_Domain, "", "",
			 "", 1));
	EXPECT_FALSE(saved_password(self, "alpha", got, sizeof(got)));
}

TEST_F(store, entry_dial_params)
{
	unsigned char raw[1100] __attribute__((aligned(8)));
	DWORD size = 736;
	RASDIALPARAMSA p;
	BOOL saved = 7;

	memset(&p, 0, sizeof(p));
	p.dwSize = sizeof(p);
	strcpy(p.szEntryName, "beta");
	strcpy(p.szUserName, "carol");
	strcpy(p.szPassword, "secret");
	ASSERT_EQ(0, RasSetEntryDialParamsA(self->dir, &p, 0));
	memset(p.szUserName, 'x', 10);
	ASSERT_EQ(0, RasGetEntryDialParamsA(self->dir, &p, &saved));
	EXPECT_EQ(1, saved);
	EXPECT_STREQ("carol", p.szUserName);
	EXPECT_STREQ(handle16, p.szPassword);
	EXPECT_STREQ("", p.szPhoneNumber);

	/* The NT 3.5 layout (736 bytes) reads the same record. */
	memset(raw, 0, sizeof(raw));
	memcpy(raw, &size, 4);
	strcpy((char *)raw + 4, "beta");
	raw[size] = 0x5a;
	saved = 7;
	ASSERT_EQ(0, RasGetEntryDialParamsA(self->dir, (RASDIALPARAMSA *)raw,
					    &saved));
	EXPECT_EQ(1, saved);
	EXPECT_EQ(0x5a, raw[size]);

	/* Get reads only szEntryName: the rest is output, garbage allowed
	 * (a caller's uninitialised stack), unterminated included. */
	memset(p.szPhoneNumber, 0xaa, sizeof(p) -
	       offsetof(RASDIALPARAMSA, szPhoneNumber));
	ASSERT_EQ(0, RasGetEntryDialParamsA(self->dir, &p, &saved));
	EXPECT_STREQ("carol", p.szUserName);
	EXPECT_STREQ("", p.szDomain);
	if (1) {
		RASDIALPARAMSW w;
		WCHAR dir[64];
		size_t i;

		for (i = 0; self->dir[i]; i++)
			dir[i] = (WCHAR)self->dir[i];
		dir[i] = 0;
		memset(&w, 0xaa, sizeof(w));
		w.dwSize = sizeof(w);
		memset(w.szEntryName, 0, sizeof(w.szEntryName));
		memcpy(w.szEntryName, (WCHAR[]){ 'b', 'e', 't', 'a' },
		       4 * sizeof(WCHAR));
		ASSERT_EQ(0, RasGetEntryDialParamsW(dir, &w, &saved));
		EXPECT_EQ('c', w.szUserName[0]);
		EXPECT_EQ(0, w.szUserName[5]);
		EXPECT_EQ(0, w.szDomain[0]);
	}

	strcpy(p.szPassword, "ignored");
	ASSERT_EQ(0, RasSetEntryDialParamsA(self->dir, &p, 1));
	ASSERT_EQ(0, RasGetEntryDialParamsA(self->dir, &p, &saved));
	EXPECT_EQ(0, saved);
	EXPECT_STREQ("", p.szPassword);
	EXPECT_STREQ("carol", p.szUserName);
}

TEST_F(store, wide_edge)
{
	RASCREDENTIALSW w = { .dwSize = sizeof(w) };
	RASCREDENTIALSA a = { .dwSize = sizeof(a) };
	const WCHAR entry[] = { 'a', 'l', 'p', 'h', 'a', 0 };
	WCHAR dir[64];
	size_t i;

	for (i = 0; self->dir[i]; i++)
		dir[i] = (WCHAR)self->dir[i];
	dir[i] = 0;
	w.dwMask = RASCM_UserName | RASCM_Password;
	w.szUserName[0] = 0x00e9;	/* é */
	w.szUserName[1] = 0xd83d;	/* U+1F600 as a surrogate pair */
	w.szUserName[2] = 0xde00;
	w.szPassword[0] = 'p';
	ASSERT_EQ(0, RasSetCredentialsW(dir, entry, &w, 0));
	a.dwMask = RASCM_UserName;
	ASSERT_EQ(0, RasGetCredentialsA(self->dir, "alpha", &a));
	EXPECT_STREQ("\xc3\xa9\xf0\x9f\x98\x80", a.szUserName);
	memset(&w.szUserName, 0, sizeof(w.szUserName));
	w.dwMask = RASCM_UserName | RASCM_Password;
	ASSERT_EQ(0, RasGetCredentialsW(dir, entry, &w));
	EXPECT_EQ(0x00e9, w.szUserName[0]);
	EXPECT_EQ(0xd83d, w.szUserName[1]);
	EXPECT_EQ('*', w.szPassword[0]);
	/* An unpaired surrogate: refused, nothing saved. */
	w.szUserName[1] = 0xd83d;
	w.szUserName[2] = 'x';
	EXPECT_EQ(ERROR_INVALID_PARAMETER, RasSetCredentialsW(dir, entry, &w, 0));
	w.dwSize = sizeof(a);
	EXPECT_EQ(ERROR_INVALID_SIZE, RasGetCredentialsW(dir, entry, &w));
}

TEST_F(store, refusals)
{
	RASCREDENTIALSA rc = { .dwSize = sizeof(rc), .dwMask = RASCM_UserName };
	char link[160];
	FILE *f;

	EXPECT_EQ(ERROR_CANNOT_FIND_PHONEBOOK_ENTRY,
		  set(self, "nope", RASCM_UserName, "u", "", "", 0));
	EXPECT_EQ(ERROR_CANNOT_FIND_PHONEBOOK_ENTRY,
		  set(self, "../alpha", RASCM_UserName, "u", "", "", 0));
	EXPECT_EQ(ERROR_NOT_SUPPORTED,
		  set(self, "alpha", RASCM_DefaultCreds, "u", "", "", 0));
	EXPECT_EQ(ERROR_NOT_SUPPORTED,
		  set(self, "alpha", RASCM_PreSharedKey, "", "k", "", 0));
	EXPECT_EQ(ERROR_INVALID_PARAMETER,
		  set(self, "alpha", 0x100, "u", "", "", 0));
	/* Names that do not end inside their field. */
	memset(rc.szUserName, 'u', sizeof(rc.szUserName));
	EXPECT_EQ(ERROR_INVALID_PARAMETER,
		  RasSetCredentialsA(self->dir, "alpha", &rc, 0));
	memset(rc.szUserName, 0, sizeof(rc.szUserName));
	memset(rc.szDomain, 'd', sizeof(rc.szDomain));
	EXPECT_EQ(ERROR_INVALID_PARAMETER,
		  RasSetCredentialsA(self->dir, "alpha", &rc, 0));
	/* The longest that fit are kept whole. */
	memset(&rc, 0, sizeof(rc));
	rc.dwSize = sizeof(rc);
	rc.dwMask = RASCM_UserName | RASCM_Domain;
	memset(rc.szUserName, 'u', UNLEN);
	memset(rc.szDomain, 'd', DNLEN);
	ASSERT_EQ(0, RasSetCredentialsA(self->dir, "alpha", &rc, 0));
	memset(&rc.szUserName, 0, sizeof(rc.szUserName) + sizeof(rc.szDomain));
	ASSERT_EQ(0, RasGetCredentialsA(self->dir, "alpha", &rc));
	EXPECT_EQ(UNLEN, strlen(rc.szUserName));
	EXPECT_EQ(DNLEN, strlen(rc.szDomain));

	/* Others may read it: refused, as ssh does. */
	ASSERT_EQ(0, chmod(self->path, 0644));
	EXPECT_EQ(ERROR_ACCESS_DENIED, RasGetCredentialsA(self->dir, "alpha", &rc));
	EXPECT_EQ(ERROR_ACCESS_DENIED,
		  set(self, "alpha", RASCM_UserName, "u", "", "", 0));
	ASSERT_EQ(0, chmod(self->path, 0600));

	/* A symlink in its place is not followed. */
	snprintf(link, sizeof(link), "%s.real", self->path);
	ASSERT_EQ(0, rename(self->path, link));
	ASSERT_EQ(0, symlink(link, self->path));
	EXPECT_EQ(ERROR_ACCESS_DENIED, RasGetCredentialsA(self->dir, "alpha", &rc));
	unlink(self->path);

	/* A damaged store. */
	f = fopen(self->path, "w");
	ASSERT_NE(NULL, f);
	fputs("2f746d70 616c706861 1 zz - -\n", f);
	fclose(f);
	chmod(self->path, 0600);
	EXPECT_EQ(ERROR_CORRUPT_PHONEBOOK,
		  RasGetCredentialsA(self->dir, "alpha", &rc));
	/* Too many records (4096 at most). */
	f = fopen(self->path, "w");
	ASSERT_NE(NULL, f);
	for (int i = 0; i < 4097; i++) {
		char e[16];

		snprintf(e, sizeof(e), "e%d", i);
		fputs("- ", f);
		for (char *c = e; *c; c++)
			fprintf(f, "%02x", (unsigned char)*c);
		fputs(" 1 75 - -\n", f);
	}
	fclose(f);
	EXPECT_EQ(ERROR_CORRUPT_PHONEBOOK,
		  RasGetCredentialsA(self->dir, "alpha", &rc));
	/* An empty store is no credentials. */
	f = fopen(self->path, "w");
	ASSERT_NE(NULL, f);
	fclose(f);
	rc.dwMask = RASCM_UserName;
	EXPECT_EQ(0, RasGetCredentialsA(self->dir, "alpha", &rc));
	EXPECT_EQ(0, rc.dwMask);
}

TEST_F(store, other_users_store)
{
	RASCREDENTIALSA rc = { .dwSize = sizeof(rc), .dwMask = RASCM_UserName };

	if (getuid() != 0)
		SKIP(return, "needs root to chown");
	ASSERT_EQ(0, set(self, "alpha", RASCM_UserName, "u", "", "", 0));
	ASSERT_EQ(0, chown(self->path, 65534, 65534));
	EXPECT_EQ(ERROR_ACCESS_DENIED, RasGetCredentialsA(self->dir, "alpha", &rc));
}

TEST_HARNESS_MAIN
