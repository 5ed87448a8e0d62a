// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * cred_store.c: the store of saved credentials of phone-book entries,
 * and what RasDial takes from it (the API is in credentials.c).
 *
 * The store is one file per user, $XDG_CONFIG_HOME/rasdial/credentials
 * (default ~/.config/rasdial/credentials; the home directory is the real
 * uid's passwd entry; RASDIAL_CREDENTIALS names another file, ignored in
 * setuid programs).  It is created 0600 in a 0700 directory, rewritten
 * whole (temp file + rename) under an flock, and refused (ERROR_ACCESS_DENIED)
 * when it is not the user's own or others may read or write it.  One
 * record a line, every string hex-encoded so that no byte of a name or
 * password can break the format:
 *
 *   BOOK ENTRY MASK USER PASSWORD DOMAIN
 *
 * BOOK is lpszPhonebook as given ("-" for NULL: /etc/ppp/peers), MASK the
 * RASCM_UserName/Password/Domain bits saved (hex), "-" an empty string.
 */
#include <errno.h>
#include <fcntl.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include "internal.h"
#include "credentials.h"
#include "layouts.h"
#include "phonebook.h"
#include "utf16.h"

const char rasdial_pw_handle[] = "****************";
_Static_assert(sizeof(rasdial_pw_handle) <= PWLEN + 1,
	       "the handle fits szPassword");

struct store {
	struct cred *v;
	size_t n;
};

static void store_free(struct store *s)
{
	size_t i;

	for (i = 0; i < s->n; i++) {
		free(s->v[i].book);
		free(s->v[i].entry);
	}
	if (s->v)
		explicit_bzero(s->v, s->n * sizeof(*s->v));
	free(s->v);
	s->v = NULL;
	s->n = 0;
}

/* The store's path in BUF: 0, or a RAS error. */
static DWORD store_path(char *buf, size_t size, char *dir, size_t dsize)
{
	const char *env = secure_getenv("RASDIAL_CREDENTIALS");
	const char *xdg = secure_getenv("XDG_CONFIG_HOME");
	struct passwd pw, *res = NULL;
	char pwbuf[4096], *slash;
	int n;

	if (env && *env) {
		n = snprintf(buf, size, "%s", env);
	} else if (xdg && xdg[0] == '/') {
		n = snprintf(buf, size, "%s/rasdial/credentials", xdg);
	} else {
		if (getpwuid_r(getuid(), &pw, pwbuf, sizeof(pwbuf), &res) ||
		    !res || !res->pw_dir || res->pw_dir[0] != '/')
			return ERROR_CANNOT_OPEN_PHONEBOOK;
		n = snprintf(buf, size, "%s/.config/rasdial/credentials",
			     res->pw_dir);
	}
	if (n < 0 || (size_t)n >= size || (size_t)n >= dsize)
		return ERROR_CANNOT_OPEN_PHONEBOOK;
	memcpy(dir, buf, (size_t)n + 1);
	slash = strrchr(dir, '/');
	if (!slash || slash == dir)
		return ERROR_CANNOT_OPEN_PHONEBOOK;
	*slash = '\0';
	return ERROR_SUCCESS;
}

/* An I/O errno as the RAS error of reading or writing the store. */
static DWORD io_err(int err, bool write)
{
	if (err == EACCES || err == EPERM || err == EROFS || err == ELOOP)
		return ERROR_ACCESS_DENIED;
	if (err == ENOMEM)
		return ERROR_NOT_ENOUGH_MEMORY;
	return write ? ERROR_CANNOT_WRITE_PHONEBOOK : ERROR_CANNOT_LOAD_PHONEBOOK;
}

static int hexval(int c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	return -1;
}

/* Decodes hex word W ("-": empty) into OUT[SIZE]; false if bad or long. */
static bool unhex(const char *w, char *out, size_t size)
{
	size_t len = strlen(w), i;

	if (!strcmp(w, "-")) {
		out[0] = '\0';
		return true;
	}
	if (!len || len % 2 || len / 2 >= size)
		return false;
	for (i = 0; i < len / 2; i++) {
		int hi = hexval(w[2 * i]), lo = hexval(w[2 * i + 1]);

		if (hi < 0 || lo < 0 || (!hi && !lo))
			return false;
		out[i] = (char)(hi << 4 | lo);
	}
	out[i] = '\0';
	return true;
}

static int put_hex(FILE *f, const char *s)
{
	if (!*s)
		return fputs("-", f) < 0 ? -1 : 0;
	for (; *s; s++)
		if (fprintf(f, "%02x", (unsigned char)*s) < 0)
			return -1;
	return 0;
}

/* One line of the store into C; false when it is not one. */
static bool parse_line(char *line, struct cred *c)
{
	char book[2 * PATH_MAX + 2], entry[2 * RAS_MaxEntryName + 2];
	char *w[6], *save = NULL, *tok;
	unsigned long mask;
	char *end;
	int i;

	for (i = 0, tok = strtok_r(line, " \n", &save); tok && i < 6;
	     tok = strtok_r(NULL, " \n", &save))
		w[i++] = tok;
	if (i != 6 || tok)
		return false;
	errno = 0;
	mask = strtoul(w[2], &end, 16);
	if (errno || *end || mask & ~(unsigned long)CRED_FIELDS)
		return false;
	if (!unhex(w[0], book, sizeof(book)) ||
	    !unhex(w[1], entry, sizeof(entry)) || !entry[0] ||
	    strlen(book) >= PATH_MAX || strlen(entry) > RAS_MaxEntryName ||
	    !unhex(w[3], c->user, sizeof(c->user)) ||
	    !unhex(w[4], c->password, sizeof(c->password)) ||
	    !unhex(w[5], c->domain, sizeof(c->domain)))
		return false;
	c->mask = (DWORD)mask;
	c->book = strdup(book);
	c->entry = strdup(entry);
	return true;
}

/* Most records one user keeps; a larger store is refused as corrupt. */
#define CRED_MAX_RECORDS	4096
#define CRED_MAX_LINE		(2 * (PATH_MAX + RAS_MaxEntryName + UNLEN + \
				      PWLEN + DNLEN) + 64)

/*
 * Reads the store open on FD into S.  ERROR_SUCCESS (S empty for an
 * empty file), ERROR_ACCESS_DENIED (not the user's own, or others may
 * read or write it), ERROR_CORRUPT_PHONEBOOK (a line that is not a
 * record, too many) or ERROR_NOT_ENOUGH_MEMORY.
 */
static DWORD store_read_fd(int fd, struct store *s)
{
	char *line = NULL;
	size_t lcap = 0, cap = 0;
	ssize_t len;
	struct stat st;
	DWORD ret = ERROR_SUCCESS;
	FILE *f;
	int dfd;

	memset(s, 0, sizeof(*s));
	if (fstat(fd, &st) < 0)
		return ERROR_CANNOT_LOAD_PHONEBOOK;
	if (st.st_uid != getuid() || (st.st_mode & 077) ||
	    !S_ISREG(st.st_mode)) {
		rasdial_detail_set("the credential store is not this user's own, or others may read it");
		return ERROR_ACCESS_DENIED;
	}
	dfd = dup(fd);
	if (dfd < 0 || !(f = fdopen(dfd, "r"))) {
		if (dfd >= 0)
			close(dfd);
		return ERROR_NOT_ENOUGH_MEMORY;
	}
	while ((len = getline(&line, &lcap, f)) > 0) {
		struct cred c = { 0 }, *v;

		if (line[0] == '#' || line[0] == '\n')
			continue;
		if ((size_t)len > CRED_MAX_LINE || s->n >= CRED_MAX_RECORDS ||
		    !parse_line(line, &c)) {
			free(c.book);
			free(c.entry);
			ret = ERROR_CORRUPT_PHONEBOOK;
			rasdial_detail_set("the credential store has a line that is not a record");
			break;
		}
		v = s->v;
		if (c.book && c.entry && s->n == cap) {
			/* Doubling: a full store is 4096 records. */
			cap = cap ? cap * 2 : 16;
			v = realloc(s->v, cap * sizeof(*v));
		}
		if (!v || !c.book || !c.entry) {
			free(c.book);
			free(c.entry);
			explicit_bzero(&c, sizeof(c));
			ret = ERROR_NOT_ENOUGH_MEMORY;
			break;
		}
		s->v = v;
		s->v[s->n++] = c;
		explicit_bzero(&c, sizeof(c));
	}
	if (line) {
		explicit_bzero(line, lcap);
		free(line);
	}
	fclose(f);
	if (ret)
		store_free(s);
	return ret;
}

/* Writes S next to PATH and renames it over PATH (0600). */
static DWORD store_write(const char *path, const struct store *s)
{
	char tmp[PATH_MAX + 16];
	FILE *f;
	size_t i;
	int fd, bad = 0;

	if (snprintf(tmp, sizeof(tmp), "%s.XXXXXX", path) >= (int)sizeof(tmp))
		return ERROR_CANNOT_OPEN_PHONEBOOK;
	fd = mkostemp(tmp, O_CLOEXEC);	/* 0600 */
	if (fd < 0)
		return io_err(errno, true);
	f = fdopen(fd, "w");
	if (!f) {
		close(fd);
		unlink(tmp);
		return ERROR_NOT_ENOUGH_MEMORY;
	}
	bad |= fputs("# librasdial saved credentials: RasSetCredentials writes this file\n",
		     f) < 0;
	for (i = 0; i < s->n && !bad; i++) {
		const struct cred *c = &s->v[i];

		bad |= put_hex(f, c->book);
		bad |= fputc(' ', f) < 0;
		bad |= put_hex(f, c->entry);
		bad |= fprintf(f, " %x ", (unsigned int)c->mask) < 0;
		bad |= put_hex(f, c->user);
		bad |= fputc(' ', f) < 0;
		bad |= put_hex(f, c->password);
		bad |= fputc(' ', f) < 0;
		bad |= put_hex(f, c->domain);
		bad |= fputc('\n', f) < 0;
	}
	bad |= fflush(f) != 0 || fsync(fileno(f)) != 0;
	bad |= fclose(f) != 0;
	if (bad || rename(tmp, path) < 0) {
		int err = errno;

		unlink(tmp);
		return io_err(err, true);
	}
	return ERROR_SUCCESS;
}

/*
 * Opens the store.  WRITE: creates its directory (0700) and a lock, held
 * in *LOCKFD until store_close().  FD is -1 when there is no store yet.
 */
static DWORD store_open(bool write, char *path, size_t size, int *fd,
			int *lockfd)
{
	char dir[PATH_MAX], lock[PATH_MAX + 8];
	DWORD ret;

	*fd = -1;
	*lockfd = -1;
	ret = store_path(path, size, dir, sizeof(dir));
	if (ret)	/* no home: nothing is saved, nothing can be */
		return write ? ret : ERROR_SUCCESS;
	if (write) {
		char parent[PATH_MAX], *slash;

		/* ~/.config may not exist yet either: one level more. */
		rasdial_strlcpy(parent, dir, sizeof(parent));
		slash = strrchr(parent, '/');
		if (slash && slash != parent) {
			*slash = '\0';
			if (mkdir(parent, 0700) < 0 && errno != EEXIST)
				return io_err(errno, true);
		}
		if (mkdir(dir, 0700) < 0 && errno != EEXIST)
			return io_err(errno, true);
		snprintf(lock, sizeof(lock), "%s.lock", path);
		*lockfd = open(lock, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW,
			       0600);
		if (*lockfd < 0)
			return io_err(errno, true);
		if (flock(*lockfd, LOCK_EX) < 0) {
			close(*lockfd);
			*lockfd = -1;
			return ERROR_CANNOT_WRITE_PHONEBOOK;
		}
	}
	*fd = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
	if (*fd < 0 && errno != ENOENT) {
		ret = io_err(errno, false);
		if (*lockfd >= 0)
			close(*lockfd);
		*lockfd = -1;
		return ret;
	}
	return ERROR_SUCCESS;
}

static DWORD store_load(bool write, char *path, size_t size,
			struct store *s, int *lockfd)
{
	DWORD ret;
	int fd;

	memset(s, 0, sizeof(*s));
	ret = store_open(write, path, size, &fd, lockfd);
	if (ret || fd < 0)
		return ret;
	ret = store_read_fd(fd, s);
	close(fd);
	if (ret && *lockfd >= 0) {
		close(*lockfd);
		*lockfd = -1;
	}
	return ret;
}

static struct cred *store_find(const struct store *s, const char *book,
			       const char *entry)
{
	size_t i;

	for (i = 0; i < s->n; i++)
		if (!strcmp(s->v[i].book, book) &&
		    !strcmp(s->v[i].entry, entry))
			return &s->v[i];
	return NULL;
}

/* The key of a phone book: NULL is the default, stored as "". */
static const char *book_key(const char *phonebook)
{
	return phonebook ? phonebook : "";
}

/* ERROR_SUCCESS when ENTRY is an entry of PHONEBOOK, else its error. */
static DWORD entry_check(const char *phonebook, const char *entry)
{
	char path[PATH_MAX];
	bool use_call;

	if (!entry || !entry[0] || strlen(entry) > RAS_MaxEntryName)
		return ERROR_CANNOT_FIND_PHONEBOOK_ENTRY;
	if (phonebook && rasdial_pbk_is_file(phonebook)) {
		struct rasdial_pbk pbk;
		DWORD ret = rasdial_pbk_load(phonebook, &pbk, NULL, 0);

		if (ret)
			return ret;
		if (!rasdial_pbk_find(&pbk, entry))
			ret = ERROR_CANNOT_FIND_PHONEBOOK_ENTRY;
		rasdial_pbk_free(&pbk);
		return ret;
	}
	return rasdial_find_entry(phonebook, entry, path, sizeof(path),
				  &use_call);
}

/*
 * The saved credentials of ENTRY into C (fields "" and mask 0 when none).
 * No store is no credentials.
 */
DWORD rasdial_creds_get(const char *phonebook, const char *entry,
			struct cred *c)
{
	char path[PATH_MAX];
	struct store s;
	struct cred *r;
	DWORD ret;
	int lockfd;

	memset(c, 0, sizeof(*c));
	ret = entry_check(phonebook, entry);
	if (ret)
		return ret;
	ret = store_load(false, path, sizeof(path), &s, &lockfd);
	if (ret)
		return ret;
	r = store_find(&s, book_key(phonebook), entry);
	if (r) {
		c->mask = r->mask;
		memcpy(c->user, r->user, sizeof(c->user));
		memcpy(c->password, r->password, sizeof(c->password));
		memcpy(c->domain, r->domain, sizeof(c->domain));
	}
	store_free(&s);
	return ERROR_SUCCESS;
}

/*
 * Saves the fields of IN named by SET (RASCM_* bits) for ENTRY and
 * forgets those named by CLEAR.  A password equal to the handle
 * RasGetCredentials gives keeps the saved one.
 */
DWORD rasdial_creds_set(const char *phonebook, const char *entry,
			const struct cred *in, DWORD set, DWORD clear)
{
	char path[PATH_MAX];
	struct store s;
	struct cred *r;
	DWORD ret;
	int lockfd;

	ret = entry_check(phonebook, entry);
	if (ret)
		return ret;
	ret = store_load(true, path, sizeof(path), &s, &lockfd);
	if (ret)
		return ret;
	r = store_find(&s, book_key(phonebook), entry);
	if (!r && (set & CRED_FIELDS)) {
		struct cred *v = s.n < CRED_MAX_RECORDS ?
				 realloc(s.v, (s.n + 1) * sizeof(*v)) : NULL;

		ret = ERROR_NOT_ENOUGH_MEMORY;
		if (!v)
			goto out;
		s.v = v;
		r = &s.v[s.n];
		memset(r, 0, sizeof(*r));
		r->book = strdup(book_key(phonebook));
		r->entry = strdup(entry);
		s.n++;
		if (!r->book || !r->entry)
			goto out;
	}
	if (!r) {
		ret = ERROR_SUCCESS;	/* nothing saved, nothing to clear */
		goto out;
	}
	if (set & RASCM_UserName)
		memcpy(r->user, in->user, sizeof(r->user));
	if ((set & RASCM_Password) && strcmp(in->password, rasdial_pw_handle))
		memcpy(r->password, in->password, sizeof(r->password));
	if ((set & RASCM_Password) && !strcmp(in->password, rasdial_pw_handle) &&
	    !(r->mask & RASCM_Password))
		set &= ~(DWORD)RASCM_Password;	/* no saved one to keep */
	if (set & RASCM_Domain)
		memcpy(r->domain, in->domain, sizeof(r->domain));
	r->mask |= set & CRED_FIELDS;
	r->mask &= ~clear;
	if (clear & RASCM_UserName)
		r->user[0] = '\0';
	if (clear & RASCM_Password)
		explicit_bzero(r->password, sizeof(r->password));
	if (clear & RASCM_Domain)
		r->domain[0] = '\0';
	if (!r->mask) {
		/* Nothing left: drop the record. */
		free(r->book);
		free(r->entry);
		*r = s.v[--s.n];
		explicit_bzero(&s.v[s.n], sizeof(s.v[s.n]));
	}
	ret = store_write(path, &s);
out:
	store_free(&s);
	close(lockfd);
	return ret;
}

/*
 * RasDial's part: an empty szPassword (or RasGetCredentials' handle) is
 * the saved password; an empty szUserName or szDomain the saved one as
 * well.  Then szDomain goes before the user name (DOMAIN\user, which
 * pppd's MS-CHAP strips again for the hash), as Windows sends it.
 */
DWORD rasdial_creds_for_dial(const char *phonebook, RASDIALPARAMSA *p)
{
	struct cred c;
	char user[UNLEN + 1];
	DWORD ret = ERROR_SUCCESS;
	int n;

	if (!p->szPassword[0] || !strcmp(p->szPassword, rasdial_pw_handle)) {
		ret = rasdial_creds_get(phonebook, p->szEntryName, &c);
		if (ret)
			goto out;
		if (c.mask & RASCM_Password)
			memcpy(p->szPassword, c.password,
			       sizeof(p->szPassword));
		else if (!strcmp(p->szPassword, rasdial_pw_handle))
			p->szPassword[0] = '\0';	/* nothing saved */
		if (!p->szUserName[0] && (c.mask & RASCM_UserName))
			memcpy(p->szUserName, c.user, sizeof(p->szUserName));
		if (!p->szDomain[0] && (c.mask & RASCM_Domain))
			memcpy(p->szDomain, c.domain, sizeof(p->szDomain));
	}
	/* "*" and "" both mean the server's own domain: no prefix. */
	if (p->szDomain[0] && strcmp(p->szDomain, "*") && p->szUserName[0] &&
	    !strchr(p->szUserName, '\\')) {
		n = snprintf(user, sizeof(user), "%s\\%s", p->szDomain,
			     p->szUserName);
		if (n < 0 || (size_t)n >= sizeof(user)) {
			ret = ERROR_INVALID_PARAMETER;
			goto out;
		}
		memcpy(p->szUserName, user, sizeof(p->szUserName));
	}
out:
	explicit_bzero(&c, sizeof(c));
	return ret;
}
