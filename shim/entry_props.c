// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * entry_props.c: RasValidateEntryNameA/W, RasDeleteEntryA/W and
 * RasRenameEntryA/W on a peers directory (the entry is the file
 * DIR/ENTRY; NULL is /etc/ppp/peers).
 *
 * A valid name is what RasEnumEntries lists: 1..255 bytes of UTF-8 (a
 * file name), no '/', no control character, not starting with '.', not
 * an editor's or package manager's leftover (~, .bak, .dpkg-old, ...).
 * Anything else is ERROR_INVALID_NAME.  A .pbk phone book is read-only
 * here: RasValidateEntryName checks its sections, the others return
 * ERROR_CANNOT_WRITE_PHONEBOOK.
 */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "internal.h"
#include "layouts.h"
#include "phonebook.h"
#include "utf16.h"

static bool name_ok(const char *name)
{
	return name && rasdial_peers_name_ok(name) && !strchr(name, '/') &&
	       strlen(name) <= NAME_MAX;
}

/* The peers directory BOOK names, as an open O_PATH descriptor. */
static DWORD open_book(const char *book, int *dfd)
{
	if (!book)
		book = RASDIAL_PEERS_DIR;
	rasdial_detail_set(NULL);
	if (!book[0] || strlen(book) > MAX_PATH)
		return ERROR_CANNOT_OPEN_PHONEBOOK;
	*dfd = open(book, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (*dfd < 0) {
		rasdial_detail_set(book);
		if (errno == ENOTDIR)
			return ERROR_CANNOT_WRITE_PHONEBOOK;
		return errno == EACCES ? ERROR_ACCESS_DENIED
				       : ERROR_CANNOT_OPEN_PHONEBOOK;
	}
	return ERROR_SUCCESS;
}

static DWORD errno_to_ras(int e)
{
	switch (e) {
	case ENOENT:
	case ENOTDIR:
		return ERROR_CANNOT_FIND_PHONEBOOK_ENTRY;
	case EEXIST:
	case ENOTEMPTY:
		return ERROR_ALREADY_EXISTS;
	case EACCES:
	case EPERM:
	case EROFS:
		return ERROR_ACCESS_DENIED;
	case ENOMEM:
		return ERROR_NOT_ENOUGH_MEMORY;
	default:
		return ERROR_CANNOT_WRITE_PHONEBOOK;
	}
}

/* Is there an entry NAME (a regular file) in DFD? */
static bool entry_exists(int dfd, const char *name)
{
	struct stat st;

	return fstatat(dfd, name, &st, AT_SYMLINK_NOFOLLOW) == 0 &&
	       S_ISREG(st.st_mode);
}

static DWORD validate_pbk(const char *book, const char *name)
{
	struct rasdial_pbk pbk;
	char detail[256] = "";
	DWORD ret;

	if (!name || !name[0] || strlen(name) > RAS_MaxEntryName ||
	    strchr(name, '[') || strchr(name, ']'))
		return ERROR_INVALID_NAME;
	ret = rasdial_pbk_load(book, &pbk, detail, sizeof(detail));
	rasdial_detail_set(detail);
	if (ret)
		return ret;
	ret = rasdial_pbk_find(&pbk, name) ? ERROR_ALREADY_EXISTS
					   : ERROR_SUCCESS;
	rasdial_pbk_free(&pbk);
	return ret;
}

RASDIAL_API DWORD APIENTRY RasValidateEntryNameA(LPCSTR lpszPhonebook,
						 LPCSTR lpszEntry)
{
	DWORD ret;
	int dfd;

	if (lpszPhonebook && lpszPhonebook[0] &&
	    rasdial_pbk_is_file(lpszPhonebook))
		return validate_pbk(lpszPhonebook, lpszEntry);
	ret = open_book(lpszPhonebook, &dfd);
	if (ret)
		return ret;
	if (!name_ok(lpszEntry))
		ret = ERROR_INVALID_NAME;
	else if (entry_exists(dfd, lpszEntry))
		ret = ERROR_ALREADY_EXISTS;
	close(dfd);
	return ret;
}

RASDIAL_API DWORD APIENTRY RasDeleteEntryA(LPCSTR lpszPhonebook,
					   LPCSTR lpszEntry)
{
	DWORD ret;
	int dfd;

	ret = open_book(lpszPhonebook, &dfd);
	if (ret)
		return ret;
	if (!name_ok(lpszEntry) || !entry_exists(dfd, lpszEntry))
		ret = ERROR_CANNOT_FIND_PHONEBOOK_ENTRY;
	else if (unlinkat(dfd, lpszEntry, 0) < 0)
		ret = errno_to_ras(errno);
	close(dfd);
	return ret;
}

RASDIAL_API DWORD APIENTRY RasRenameEntryA(LPCSTR lpszPhonebook,
					   LPCSTR lpszOldEntry,
					   LPCSTR lpszNewEntry)
{
	DWORD ret;
	int dfd;

	ret = open_book(lpszPhonebook, &dfd);
	if (ret)
		return ret;
	if (!name_ok(lpszOldEntry) || !entry_exists(dfd, lpszOldEntry))
		ret = ERROR_CANNOT_FIND_PHONEBOOK_ENTRY;
	else if (!name_ok(lpszNewEntry))
		ret = ERROR_INVALID_NAME;
	else if (strcmp(lpszOldEntry, lpszNewEntry) &&
		 /* Atomic, and never over another entry. */
		 renameat2(dfd, lpszOldEntry, dfd, lpszNewEntry,
			   RENAME_NOREPLACE) < 0)
		ret = errno_to_ras(errno);
	close(dfd);
	return ret;
}

/*
 * The W variants: names and paths converted at the edge.  A name that
 * is no UTF-16 (an unpaired surrogate) is ERROR_INVALID_NAME, such a
 * phone book path ERROR_CANNOT_OPEN_PHONEBOOK.
 */
static DWORD w_args(LPCWSTR book, LPCWSTR a, LPCWSTR b, char **ubook,
		    char **ua, char **ub)
{
	int e;

	*ubook = *ua = *ub = NULL;
	e = rasdial_w_to_utf8_alloc(book, ubook);
	if (e)
		return e == -ENOMEM ? ERROR_NOT_ENOUGH_MEMORY
				    : ERROR_CANNOT_OPEN_PHONEBOOK;
	e = rasdial_w_to_utf8_alloc(a, ua);
	if (!e)
		e = rasdial_w_to_utf8_alloc(b, ub);
	if (e) {
		free(*ubook);
		free(*ua);
		*ubook = *ua = NULL;
		return e == -ENOMEM ? ERROR_NOT_ENOUGH_MEMORY
				    : ERROR_INVALID_NAME;
	}
	return ERROR_SUCCESS;
}

RASDIAL_API DWORD APIENTRY RasValidateEntryNameW(LPCWSTR lpszPhonebook,
						 LPCWSTR lpszEntry)
{
	char *book, *name, *unused;
	DWORD ret = w_args(lpszPhonebook, lpszEntry, NULL, &book, &name,
			   &unused);

	if (!ret)
		ret = RasValidateEntryNameA(book, name);
	free(book);
	free(name);
	return ret;
}

RASDIAL_API DWORD APIENTRY RasDeleteEntryW(LPCWSTR lpszPhonebook,
					   LPCWSTR lpszEntry)
{
	char *book, *name, *unused;
	DWORD ret = w_args(lpszPhonebook, lpszEntry, NULL, &book, &name,
			   &unused);

	if (ret == ERROR_INVALID_NAME)
		return ERROR_CANNOT_FIND_PHONEBOOK_ENTRY;
	if (!ret)
		ret = RasDeleteEntryA(book, name);
	free(book);
	free(name);
	return ret;
}

RASDIAL_API DWORD APIENTRY RasRenameEntryW(LPCWSTR lpszPhonebook,
					   LPCWSTR lpszOldEntry,
					   LPCWSTR lpszNewEntry)
{
	char *book, *from, *to;
	DWORD ret = w_args(lpszPhonebook, lpszOldEntry, lpszNewEntry, &book,
			   &from, &to);

	if (!ret)
		ret = RasRenameEntryA(book, from, to);
	free(book);
	free(from);
	free(to);
	return ret;
}
