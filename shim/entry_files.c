// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * entry_files.c: RasValidateEntryNameA/W, RasDeleteEntryA/W and
 * RasRenameEntryA/W on a peers directory (the entry is the file
 * DIR/ENTRY; NULL is /etc/ppp/peers), and the reading and writing of one
 * entry's file that RasSetEntryProperties does (entry_set.c).
 *
 * A valid name is what RasEnumEntries lists: 1..255 bytes of UTF-8 (a
 * file name), no '/', no control character, not starting with '.', not
 * an editor's or package manager's leftover (~, .bak, .dpkg-old, ...).
 * Anything else is ERROR_INVALID_NAME.  In a .pbk phone book an entry is
 * a [section]: pbk_write.c does the work there (rasdial_pbk_*).
 */
#include <arpa/inet.h>
#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdarg.h>
#include <net/if.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <unistd.h>

#include "internal.h"
#include "entry_props.h"
#include "layouts.h"
#include "phonebook.h"
#include "utf16.h"

bool rasdial_entry_name_ok(const char *name)
{
	return name && rasdial_peers_name_ok(name) && !strchr(name, '/') &&
	       strlen(name) <= NAME_MAX;
}

/* The peers directory BOOK names, as an open O_PATH descriptor. */
DWORD rasdial_entry_open_book(const char *book, int *dfd)
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

DWORD rasdial_entry_errno(int e)
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
bool rasdial_entry_exists(int dfd, const char *name)
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

	if (!rasdial_pbk_name_ok(name))
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
	ret = rasdial_entry_open_book(lpszPhonebook, &dfd);
	if (ret)
		return ret;
	if (!rasdial_entry_name_ok(lpszEntry))
		ret = ERROR_INVALID_NAME;
	else if (rasdial_entry_exists(dfd, lpszEntry))
		ret = ERROR_ALREADY_EXISTS;
	close(dfd);
	return ret;
}

RASDIAL_API DWORD APIENTRY RasDeleteEntryA(LPCSTR lpszPhonebook,
					   LPCSTR lpszEntry)
{
	DWORD ret;
	int dfd;

	if (rasdial_pbk_book(lpszPhonebook))
		return rasdial_pbk_delete_entry(lpszPhonebook, lpszEntry);
	ret = rasdial_entry_open_book(lpszPhonebook, &dfd);
	if (ret)
		return ret;
	if (!rasdial_entry_name_ok(lpszEntry) || !rasdial_entry_exists(dfd, lpszEntry))
		ret = ERROR_CANNOT_FIND_PHONEBOOK_ENTRY;
	else if (unlinkat(dfd, lpszEntry, 0) < 0)
		ret = rasdial_entry_errno(errno);
	close(dfd);
	return ret;
}

RASDIAL_API DWORD APIENTRY RasRenameEntryA(LPCSTR lpszPhonebook,
					   LPCSTR lpszOldEntry,
					   LPCSTR lpszNewEntry)
{
	DWORD ret;
	int dfd;

	if (rasdial_pbk_book(lpszPhonebook))
		return rasdial_pbk_rename_entry(lpszPhonebook, lpszOldEntry,
						lpszNewEntry);
	ret = rasdial_entry_open_book(lpszPhonebook, &dfd);
	if (ret)
		return ret;
	if (!rasdial_entry_name_ok(lpszOldEntry) || !rasdial_entry_exists(dfd, lpszOldEntry))
		ret = ERROR_CANNOT_FIND_PHONEBOOK_ENTRY;
	else if (!rasdial_entry_name_ok(lpszNewEntry))
		ret = ERROR_INVALID_NAME;
	else if (strcmp(lpszOldEntry, lpszNewEntry) &&
		 /* Atomic, and never over another entry. */
		 renameat2(dfd, lpszOldEntry, dfd, lpszNewEntry,
			   RENAME_NOREPLACE) < 0)
		ret = rasdial_entry_errno(errno);
	close(dfd);
	return ret;
}

/*
 * The W variants: names and paths converted at the edge.  A name that
 * is no UTF-16 (an unpaired surrogate) is ERROR_INVALID_NAME, such a
 * phone book path ERROR_CANNOT_OPEN_PHONEBOOK.
 */
DWORD rasdial_entry_w_args(LPCWSTR book, LPCWSTR a, LPCWSTR b, char **ubook,
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
	DWORD ret = rasdial_entry_w_args(lpszPhonebook, lpszEntry, NULL, &book, &name,
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
	DWORD ret = rasdial_entry_w_args(lpszPhonebook, lpszEntry, NULL, &book, &name,
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
	DWORD ret = rasdial_entry_w_args(lpszPhonebook, lpszOldEntry, lpszNewEntry, &book,
			   &from, &to);

	if (!ret)
		ret = RasRenameEntryA(book, from, to);
	free(book);
	free(from);
	free(to);
	return ret;
}

#define NEW_ENTRY_TEXT	"# Written by RasSetEntryProperties (librasdial).\n" \
			"noauth\nnoipdefault\n"

/* Replaces NAME in DFD by LEN bytes of DATA: a temp file renamed over it,
 * with OLD's owner, group and mode (a new entry: ours, the directory's
 * group, 0640 as /etc/ppp/peers holds them). */
DWORD rasdial_entry_write(int dfd, const char *name, const char *data,
			 size_t len, const struct stat *old)
{
	static unsigned int seq;
	char tmp[48];
	struct stat dst;
	uid_t uid;
	gid_t gid;
	mode_t mode;
	int fd = -1, i, e;
	size_t off = 0;

	if (old) {
		uid = old->st_uid;
		gid = old->st_gid;
		mode = old->st_mode & 07777;
	} else {
		if (fstat(dfd, &dst) < 0)
			return rasdial_entry_errno(errno);
		uid = geteuid();
		gid = dst.st_gid;
		mode = 0640;
	}
	for (i = 0; i < 100 && fd < 0; i++) {
		snprintf(tmp, sizeof(tmp), ".rasdial-%d-%u", (int)getpid(),
			 __atomic_add_fetch(&seq, 1, __ATOMIC_RELAXED));
		fd = openat(dfd, tmp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC |
			    O_NOFOLLOW, 0600);
		if (fd < 0 && errno != EEXIST)
			return rasdial_entry_errno(errno);
	}
	if (fd < 0)
		return ERROR_CANNOT_WRITE_PHONEBOOK;
	/* The owner must stay; only the group of a new file may not. */
	if (fchown(fd, uid, gid) < 0 && (old || uid != geteuid())) {
		e = errno;
		goto fail;
	}
	if (fchmod(fd, mode) < 0) {
		e = errno;
		goto fail;
	}
	while (off < len) {
		ssize_t n = write(fd, data + off, len - off);

		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0) {
			e = n < 0 ? errno : EIO;
			goto fail;
		}
		off += (size_t)n;
	}
	if (fsync(fd) < 0 || close(fd) < 0) {
		e = errno;
		fd = -1;
		goto fail;
	}
	fd = -1;
	if (renameat(dfd, tmp, dfd, name) < 0) {
		e = errno;
		goto fail;
	}
	fsync(dfd);
	return ERROR_SUCCESS;
fail:
	if (fd >= 0)
		close(fd);
	unlinkat(dfd, tmp, 0);
	return e == EPERM ? ERROR_ACCESS_DENIED : rasdial_entry_errno(e);
}

/* Reads regular file NAME of DFD whole (a new entry: the template). */
DWORD rasdial_entry_read(int dfd, const char *name, char **buf, size_t *len,
			struct stat *st, bool *exists)
{
	ssize_t n;
	int fd;

	*exists = false;
	if (fstatat(dfd, name, st, AT_SYMLINK_NOFOLLOW) < 0) {
		if (errno != ENOENT)
			return rasdial_entry_errno(errno);
		*buf = strdup(NEW_ENTRY_TEXT);
		*len = strlen(NEW_ENTRY_TEXT);
		return *buf ? ERROR_SUCCESS : ERROR_NOT_ENOUGH_MEMORY;
	}
	if (!S_ISREG(st->st_mode)) {
		rasdial_detail_set("the entry is not a regular file");
		return ERROR_CANNOT_WRITE_PHONEBOOK;
	}
	*exists = true;
	fd = openat(dfd, name, O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NOFOLLOW);
	if (fd < 0)
		return rasdial_entry_errno(errno);
	*buf = malloc(PEERS_MAX_SIZE + 1);
	if (!*buf) {
		close(fd);
		return ERROR_NOT_ENOUGH_MEMORY;
	}
	n = read(fd, *buf, PEERS_MAX_SIZE + 1);
	close(fd);
	if (n < 0 || n > PEERS_MAX_SIZE) {
		free(*buf);
		rasdial_detail_set("cannot read the peers file (or larger than 256 KiB)");
		return ERROR_CANNOT_LOAD_PHONEBOOK;
	}
	*len = (size_t)n;
	return ERROR_SUCCESS;
}
