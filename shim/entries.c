// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * entries.c: RasEnumEntriesA.
 *
 * The phone book is the distro's peers directory (its files, sorted), or
 * another directory of peers files, or a Windows .pbk file (its sections,
 * in file order) when lpszPhonebook names one.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "internal.h"
#include "layouts.h"
#include "phonebook.h"

/* Bounds a peers directory's listing (the .pbk parser has its own). */
#define ENUM_MAX_ENTRIES	65536

#define RASDIAL_ENTRYNAME_SIZES {					\
	RASDIAL_END(RASENTRYNAMEA, szEntryName),	/* 0x400 */	\
	sizeof(RASENTRYNAMEA),				/* 0x500 */	\
}

struct names {
	char (*v)[RAS_MaxEntryName + 1];
	size_t n, cap;
};

static int names_add(struct names *l, const char *name)
{
	int err = rasdial_array_grow(&l->v, l->n, &l->cap, sizeof(*l->v), 16,
				     ENUM_MAX_ENTRIES);

	if (err)
		return err;
	memcpy(l->v[l->n++], name, strlen(name) + 1);
	return 0;
}

static bool has_suffix(const char *s, const char *suffix)
{
	size_t n = strlen(s), m = strlen(suffix);

	return n > m && !strcmp(s + n - m, suffix);
}

/* Dotfiles, editor and package manager leftovers are no entries. */
bool rasdial_peers_name_ok(const char *name)
{
	static const char *const junk[] = {
		"~", ".bak", ".old", ".orig", ".rej", ".swp", ".tmp",
		".dpkg-old", ".dpkg-new", ".dpkg-dist", ".dpkg-bak",
		".dpkg-tmp", ".rpmnew", ".rpmsave", ".rpmorig",
		".ucf-old", ".ucf-new", ".ucf-dist",
	};
	size_t i, n = strlen(name);

	if (!n || name[0] == '.' || n > RAS_MaxEntryName)
		return false;
	if (name[0] == '#' && name[n - 1] == '#')
		return false;
	for (i = 0; i < RASDIAL_ARRAY_SIZE(junk); i++)
		if (has_suffix(name, junk[i]))
			return false;
	for (i = 0; i < n; i++)
		if ((unsigned char)name[i] < 0x20 || name[i] == 0x7f)
			return false;
	return true;
}

static int cmp_names(const void *a, const void *b)
{
	return strcmp(a, b);
}

/* The regular files of DIR that we may read, sorted. */
static DWORD list_peers(const char *dir, struct names *l)
{
	struct dirent *de;
	DIR *d;
	int dfd, err = 0;

	d = opendir(dir);
	if (!d) {
		rasdial_detail_set(dir);
		return ERROR_CANNOT_OPEN_PHONEBOOK;
	}
	dfd = dirfd(d);
	for (errno = 0; (de = readdir(d)); errno = 0) {
		struct stat st;

		if (!rasdial_peers_name_ok(de->d_name))
			continue;
		if (fstatat(dfd, de->d_name, &st, 0) < 0 ||
		    !S_ISREG(st.st_mode) ||
		    faccessat(dfd, de->d_name, R_OK, AT_EACCESS) < 0)
			continue;
		err = names_add(l, de->d_name);
		if (err)
			break;
	}
	if (!de && errno)
		err = -errno;
	closedir(d);
	if (err == -ENOMEM)
		return ERROR_NOT_ENOUGH_MEMORY;
	if (err) {
		rasdial_detail_set(err == -E2BIG ? "too many peers files" : dir);
		return ERROR_CANNOT_LOAD_PHONEBOOK;
	}
	if (l->n)
		qsort(l->v, l->n, sizeof(*l->v), cmp_names);
	return ERROR_SUCCESS;
}

static DWORD list_pbk(const char *path, struct names *l)
{
	struct rasdial_pbk pbk;
	char detail[256] = "";
	DWORD ret;
	size_t i;

	ret = rasdial_pbk_load(path, &pbk, detail, sizeof(detail));
	rasdial_detail_set(detail);
	for (i = 0; !ret && i < pbk.n; i++)
		if (names_add(l, pbk.v[i].name))
			ret = ERROR_NOT_ENOUGH_MEMORY;
	rasdial_pbk_free(&pbk);
	return ret;
}

RASDIAL_API DWORD APIENTRY RasEnumEntriesA(LPCSTR reserved,
					   LPCSTR lpszPhonebook,
					   LPRASENTRYNAMEA lprasentryname,
					   LPDWORD lpcb, LPDWORD lpcEntries)
{
	static const size_t sizes[] = RASDIAL_ENTRYNAME_SIZES;
	const char *book = lpszPhonebook ? lpszPhonebook : RASDIAL_PEERS_DIR;
	struct names l = { 0 };
	DWORD size = sizeof(RASENTRYNAMEA), flags = REN_User, ret;
	char real[PATH_MAX], peers[PATH_MAX];
	size_t i, need;

	if (reserved)
		return ERROR_NOT_SUPPORTED;
	if (!lpcb || !lpcEntries)
		return ERROR_INVALID_PARAMETER;
	if (lprasentryname) {
		size = lprasentryname->dwSize;
		if (!rasdial_size_in(sizes, RASDIAL_ARRAY_SIZE(sizes), size))
			return ERROR_INVALID_SIZE;
	}
	rasdial_detail_set(NULL);
	/* szPhonebookPath has MAX_PATH characters. */
	if (!book[0] || strlen(book) > MAX_PATH)
		return ERROR_CANNOT_OPEN_PHONEBOOK;

	if (rasdial_pbk_is_file(book)) {
		ret = list_pbk(book, &l);
	} else {
		ret = list_peers(book, &l);
		/* The system's peers: everybody's entries. */
		if (realpath(book, real) && realpath(RASDIAL_PEERS_DIR, peers) &&
		    !strcmp(real, peers))
			flags = REN_AllUsers;
	}
	if (ret)
		goto out;

	need = l.n * size;
	ret = ERROR_NOT_ENOUGH_MEMORY;
	if (need > UINT32_MAX)
		goto out;
	*lpcEntries = (DWORD)l.n;
	ret = ERROR_BUFFER_TOO_SMALL;
	/* A NULL buffer asks "how big?" whatever *lpcb says (Windows). */
	if ((!lprasentryname && need) || need > *lpcb) {
		*lpcb = (DWORD)need;
		goto out;
	}
	for (i = 0; i < l.n; i++) {
		RASENTRYNAMEA full;

		memset(&full, 0, sizeof(full));
		full.dwSize = size;
		rasdial_strlcpy(full.szEntryName, l.v[i],
				sizeof(full.szEntryName));
		full.dwFlags = flags;
		rasdial_strlcpy(full.szPhonebookPath, book,
				sizeof(full.szPhonebookPath));
		memcpy((char *)lprasentryname + i * size, &full, size);
	}
	*lpcb = (DWORD)need;
	ret = ERROR_SUCCESS;
out:
	free(l.v);
	return ret;
}
