// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * libFuzzer harness: what the shim does with pppd peers entries, names
 * and files taken from the input:
 *   - peers_name_ok (which files of a peers directory are entries),
 *   - rasdial_find_entry (RasDial's entry name -> DIR/NAME; no '/', no ".."),
 *   - entry_device_missing (RasDial's look for a /dev path in the file),
 *   - RasEnumEntriesA over a directory holding the file.
 * Input: "NAME\nCONTENT".  The static functions are reached by compiling
 * entries.c and dial.c into this file (the harness links every other
 * shim object).
 */
#include <entries.c>
#include <dial.c>

#include <stdint.h>
#include <stdlib.h>

#define CHECK(cond)							\
	do {								\
		if (!(cond)) {						\
			fprintf(stderr, "peers fuzz: %s:%d: %s\n",	\
				__FILE__, __LINE__, #cond);		\
			abort();					\
		}							\
	} while (0)

static char dir[256];

static void cleanup(void)
{
	char p[PATH_MAX];

	snprintf(p, sizeof(p), "%s/entry", dir);
	unlink(p);
	rmdir(dir);
}

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	const char *tmp = getenv("TMPDIR");

	(void)argc;
	(void)argv;
	/* tests/fuzz/run points TMPDIR into build/ and cleans it after a
	 * crash (which skips atexit). */
	snprintf(dir, sizeof(dir), "%s/rasdial-fuzz-peers.XXXXXX",
		 tmp && *tmp && strlen(tmp) < 200 ? tmp : "/tmp");
	if (!mkdtemp(dir))
		abort();
	atexit(cleanup);
	return 0;
}

static bool oracle_name_ok(const char *name)
{
	size_t n = strlen(name), i;

	if (!n || n > RAS_MaxEntryName || name[0] == '.')
		return false;
	for (i = 0; i < n; i++)
		if ((unsigned char)name[i] < 0x20 || name[i] == 0x7f)
			return false;
	return true;
}

static void write_file(const char *path, const uint8_t *data, size_t size)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);

	CHECK(fd >= 0);
	CHECK(write(fd, data, size) == (ssize_t)size);
	close(fd);
}

static bool mentions_dev(const uint8_t *data, size_t size)
{
	return memmem(data, size, "/dev/", 5) != NULL;
}

/* RasEnumEntriesA on DIR: every name it gives passes peers_name_ok. */
static void check_enum(const char *want)
{
	RASENTRYNAMEA v[4];
	DWORD cb = sizeof(v), n = 0, ret;
	bool found = false;
	DWORD i;

	memset(v, 0, sizeof(v));
	v[0].dwSize = sizeof(v[0]);
	ret = RasEnumEntriesA(NULL, dir, v, &cb, &n);
	CHECK(ret == ERROR_SUCCESS);
	CHECK(n <= 2 && cb == n * sizeof(v[0]));
	for (i = 0; i < n; i++) {
		CHECK(strnlen(v[i].szEntryName, sizeof(v[i].szEntryName)) <
		      sizeof(v[i].szEntryName));
		CHECK(rasdial_peers_name_ok(v[i].szEntryName));
		CHECK(i == 0 || strcmp(v[i - 1].szEntryName,
				       v[i].szEntryName) < 0);
		found |= !strcmp(v[i].szEntryName, want);
	}
	CHECK(found);
	/* "How big?" gives the same count. */
	cb = 0;
	CHECK(RasEnumEntriesA(NULL, dir, NULL, &cb, &i) ==
	      (n ? ERROR_BUFFER_TOO_SMALL : ERROR_SUCCESS));
	CHECK(i == n && cb == n * sizeof(v[0]));
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const uint8_t *nl = memchr(data, '\n', size);
	size_t nlen = nl ? (size_t)(nl - data) : size;
	const uint8_t *content = nl ? nl + 1 : data + size;
	size_t clen = size - (size_t)(content - data);
	char name[RAS_MaxEntryName + 40], path[PATH_MAX], entry[PATH_MAX];
	bool ok, use_call, creatable;
	DWORD ret;

	if (nlen >= sizeof(name))
		nlen = sizeof(name) - 1;
	memcpy(name, data, nlen);
	name[nlen] = '\0';

	/* 1. Which names are entries. */
	ok = rasdial_peers_name_ok(name);
	if (ok)
		CHECK(oracle_name_ok(name));

	/* 2. The file "entry" with the content: the device check. */
	snprintf(entry, sizeof(entry), "%s/entry", dir);
	write_file(entry, content, clen);
	if (entry_device_missing(entry))
		CHECK(mentions_dev(content, clen));

	/* 3. RasDial's entry lookup, before and after NAME exists. */
	ret = rasdial_find_entry(dir, name, path, sizeof(path), &use_call);
	if (!name[0] || strchr(name, '/') || strstr(name, ".."))
		CHECK(ret == ERROR_CANNOT_FIND_PHONEBOOK_ENTRY);
	if (ret == ERROR_SUCCESS) {
		/* Only "entry" exists: that is the one found. */
		CHECK(!strcmp(name, "entry"));
		CHECK(!use_call);
	}
	creatable = ok && !strchr(name, '/') && strcmp(name, "entry") &&
		    strlen(name) <= NAME_MAX;
	if (creatable) {
		char p[PATH_MAX];

		snprintf(p, sizeof(p), "%s/%s", dir, name);
		write_file(p, content, clen);
		ret = rasdial_find_entry(dir, name, path, sizeof(path), &use_call);
		CHECK(ret == ERROR_SUCCESS || strstr(name, ".."));
		if (!ret)
			CHECK(!strcmp(path, p));
		check_enum(name);
		unlink(p);
	} else {
		check_enum("entry");
	}
	return 0;
}
