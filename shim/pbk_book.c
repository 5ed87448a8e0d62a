// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * pbk_book.c: a .pbk phone book file as lines, sections and keys, read
 * whole and written back whole (pbk_write.c decides what changes).
 */
#include <errno.h>
#include <fcntl.h>
#include <libgen.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "entry_props.h"
#include "layouts.h"
#include "pbk_book.h"

const char *const pbk_key_names[K_COUNT] = {
	[K_TYPE] = "Type",
	[K_AUTH] = "AuthRestrictions",
	[K_ENC] = "DataEncryption",
	[K_ROUTE] = "IpPrioritizeRemote",
	[K_VJ] = "IpHeaderCompression",
	[K_IPADDR] = "IpAddress",
	[K_DNS] = "IpDnsAddress",
	[K_DNS2] = "IpDns2Address",
	[K_WINS] = "IpWinsAddress",
	[K_WINS2] = "IpWins2Address",
	[K_IPASSIGN] = "IpAssign",
	[K_NAMEASSIGN] = "IpNameAssign",
	[K_SWC] = "SwCompression",
	[K_EXCL] = "ExcludedProtocols",
	[K_IDLE] = "IdleDisconnectSeconds",
	[K_REDIAL] = "RedialAttempts",
	[K_PAUSE] = "RedialSeconds",
	[K_MEDIA] = "MEDIA",
	[K_PORT] = "Port",
	[K_DEVNAME] = "Device",
	[K_HWFLOW] = "HwFlowControl",
	[K_LOCAL] = "LinuxLocal",
	[K_DEVTYPE] = "DEVICE",
	[K_PHONE] = "PhoneNumber",
	[K_AREA] = "AreaCode",
	[K_CC] = "CountryCode",
	[K_CID] = "CountryID",
	[K_RULES] = "UseDialingRules",
	[K_LAC] = "LinuxL2tpLac",
	[K_PREFPORT] = "PreferredPort",
};

void pbk_out_add(struct out *o, const char *s, size_t n)
{
	if (o->oom || !n)
		return;
	if (o->n + n + 1 > o->cap) {
		size_t cap = (o->n + n + 1) * 2;
		char *p = realloc(o->p, cap);

		if (!p) {
			o->oom = true;
			return;
		}
		o->p = p;
		o->cap = cap;
	}
	memcpy(o->p + o->n, s, n);
	o->n += n;
	o->p[o->n] = '\0';
}

void pbk_out_str(struct out *o, const char *s)
{
	pbk_out_add(o, s, strlen(s));
}

void pbk_book_free(struct book *b)
{
	free(b->buf);
	free(b->l);
	b->buf = NULL;
	b->l = NULL;
}

bool pbk_blank(char c)
{
	return c == ' ' || c == '\t';
}

/* Splits the (parsed, so well-formed) buffer into lines. */
static DWORD index_lines(struct book *b)
{
	size_t pos = 0, cap = 0;

	if (b->len >= 3 && !memcmp(b->buf, "\xef\xbb\xbf", 3))
		pos = 3;
	while (pos < b->len) {
		const char *nl = memchr(b->buf + pos, '\n', b->len - pos);
		struct line *l;
		size_t s, e;

		if (b->nl == cap) {
			size_t ncap = cap ? cap * 2 : 64;
			struct line *v = realloc(b->l, ncap * sizeof(*v));

			if (!v)
				return ERROR_NOT_ENOUGH_MEMORY;
			b->l = v;
			cap = ncap;
		}
		l = &b->l[b->nl++];
		memset(l, 0, sizeof(*l));
		l->start = pos;
		l->next = nl ? (size_t)(nl - b->buf) + 1 : b->len;
		l->end = nl ? (size_t)(nl - b->buf) : b->len;
		if (l->end > pos && b->buf[l->end - 1] == '\r')
			l->end--;
		if (b->nl == 1 && nl)
			b->crlf = l->end < (size_t)(nl - b->buf);
		pos = l->next;

		s = l->start;
		e = l->end;
		while (s < e && pbk_blank(b->buf[s]))
			s++;
		while (e > s && pbk_blank(b->buf[e - 1]))
			e--;
		if (s == e || b->buf[s] == ';' || b->buf[s] == '#')
			continue;
		if (b->buf[s] == '[') {
			l->kind = L_HEADER;
			l->a0 = s + 1;
			l->a1 = e - 1;		/* the ']' ends the line */
			while (l->a0 < l->a1 && pbk_blank(b->buf[l->a0]))
				l->a0++;
			while (l->a1 > l->a0 && pbk_blank(b->buf[l->a1 - 1]))
				l->a1--;
			continue;
		}
		l->kind = L_KEY;
		l->a0 = s;
		l->v0 = (size_t)((char *)memchr(b->buf + s, '=', e - s) - b->buf);
		l->a1 = l->v0;
		while (l->a1 > l->a0 && pbk_blank(b->buf[l->a1 - 1]))
			l->a1--;
		l->v0++;
		while (l->v0 < e && pbk_blank(b->buf[l->v0]))
			l->v0++;
		l->v1 = e > l->v0 ? e : l->v0;
	}
	return ERROR_SUCCESS;
}

/*
 * Reads phone book PATH whole and checks it with the reader.  A missing
 * file is an empty book when MAY_BE_NEW (RasSetEntryProperties creates
 * it), else ERROR_CANNOT_OPEN_PHONEBOOK.
 */
DWORD pbk_book_load(const char *path, bool may_be_new, struct book *b)
{
	struct rasdial_pbk pbk;
	char detail[256] = "";
	ssize_t n = 0;
	DWORD ret;
	int fd;

	memset(b, 0, sizeof(*b));
	b->crlf = true;		/* a new file: as Windows writes it */
	if (strlen(path) >= sizeof(b->path))
		return ERROR_CANNOT_OPEN_PHONEBOOK;
	/* A link is followed: the file it names is rewritten. */
	if (!realpath(path, b->path)) {
		if (errno != ENOENT || !may_be_new) {
			rasdial_detail_set(path);
			return ERROR_CANNOT_OPEN_PHONEBOOK;
		}
		rasdial_strlcpy(b->path, path, sizeof(b->path));
		return ERROR_SUCCESS;
	}
	fd = open(b->path, O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK);
	if (fd < 0 || fstat(fd, &b->st) < 0 || !S_ISREG(b->st.st_mode)) {
		rasdial_detail_set(fd < 0 ? strerror(errno)
					  : "the phone book is no regular file");
		ret = fd >= 0 || errno != EACCES ? ERROR_CANNOT_OPEN_PHONEBOOK
						 : ERROR_ACCESS_DENIED;
		if (fd >= 0)
			close(fd);
		return ret;
	}
	b->exists = true;
	b->buf = malloc(RASDIAL_PBK_MAX_SIZE + 1);
	if (!b->buf) {
		close(fd);
		return ERROR_NOT_ENOUGH_MEMORY;
	}
	while (b->len <= RASDIAL_PBK_MAX_SIZE) {
		n = read(fd, b->buf + b->len, RASDIAL_PBK_MAX_SIZE + 1 - b->len);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			break;
		b->len += (size_t)n;
	}
	close(fd);
	if (n < 0) {
		rasdial_detail_set(strerror(errno));
		return ERROR_CANNOT_OPEN_PHONEBOOK;
	}
	ret = rasdial_pbk_parse(b->buf, b->len, b->path, &pbk, detail,
				sizeof(detail));
	rasdial_pbk_free(&pbk);
	if (ret) {
		rasdial_detail_set(detail);
		return ret;
	}
	return index_lines(b);
}

bool pbk_span_is(const struct book *b, size_t a0, size_t a1,
		    const char *s, bool exact)
{
	size_t n = strlen(s);

	if (a1 - a0 != n)
		return false;
	return exact ? !memcmp(b->buf + a0, s, n)
		     : !strncasecmp(b->buf + a0, s, n);
}

/* The header line of section NAME (ASCII case ignored), or -1. */
long pbk_find_section(const struct book *b, const char *name)
{
	size_t i;

	for (i = 0; i < b->nl; i++)
		if (b->l[i].kind == L_HEADER &&
		    pbk_span_is(b, b->l[i].a0, b->l[i].a1, name, false))
			return (long)i;
	return -1;
}

/* The line after section S's last line. */
size_t pbk_section_end(const struct book *b, size_t s)
{
	size_t i;

	for (i = s + 1; i < b->nl && b->l[i].kind != L_HEADER; i++)
		;
	return i;
}

/* Section S's last key line, or S itself when it has none. */
size_t pbk_last_key(const struct book *b, size_t s)
{
	size_t i, end = pbk_section_end(b, s), last = s;

	for (i = s + 1; i < end; i++)
		if (b->l[i].kind == L_KEY)
			last = i;
	return last;
}

/* Does line L hold key K?  "DEVICE" in capitals is the device type, any
 * other spelling of it the device's name, as the reader says. */
bool pbk_line_has(const struct book *b, const struct line *l,
		     enum key_id k)
{
	if (l->kind != L_KEY)
		return false;
	if (k == K_DEVTYPE)
		return pbk_span_is(b, l->a0, l->a1, "DEVICE", true);
	if (k == K_DEVNAME && pbk_span_is(b, l->a0, l->a1, "DEVICE", true))
		return false;
	return pbk_span_is(b, l->a0, l->a1, pbk_key_names[k], false);
}

/* The line the reader takes key K from in section S: its first non-empty
 * value; else the first line of K (*EMPTY); else -1. */
long pbk_key_line(const struct book *b, long s, enum key_id k, bool *empty)
{
	size_t i, end;
	long first = -1;

	*empty = true;
	if (s < 0)
		return -1;
	end = pbk_section_end(b, (size_t)s);
	for (i = (size_t)s + 1; i < end; i++) {
		if (!pbk_line_has(b, &b->l[i], k))
			continue;
		if (b->l[i].v1 > b->l[i].v0) {
			*empty = false;
			return (long)i;
		}
		if (first < 0)
			first = (long)i;
	}
	return first;
}

/* Writes the buffer O as B's file, checked with the reader first. */
DWORD pbk_book_store(const struct book *b, const struct out *o,
			const char *must_have)
{
	char dir[PATH_MAX], base[PATH_MAX], detail[256] = "";
	struct rasdial_pbk pbk;
	DWORD ret;
	int dfd;

	if (o->oom)
		return ERROR_NOT_ENOUGH_MEMORY;
	ret = rasdial_pbk_parse(o->p ? o->p : "", o->n, b->path, &pbk,
				detail, sizeof(detail));
	if (!ret && must_have && !rasdial_pbk_find(&pbk, must_have)) {
		ret = ERROR_INVALID_PARAMETER;
		snprintf(detail, sizeof(detail), "[%s] would not be read back",
			 must_have);
	}
	rasdial_pbk_free(&pbk);
	if (ret) {
		/* Never write what the reader refuses. */
		rasdial_detail_set(detail);
		return ERROR_INVALID_PARAMETER;
	}
	rasdial_strlcpy(dir, b->path, sizeof(dir));
	rasdial_strlcpy(base, b->path, sizeof(base));
	dfd = open(dirname(dir), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (dfd < 0) {
		rasdial_detail_set(b->path);
		return errno == EACCES ? ERROR_ACCESS_DENIED
				       : ERROR_CANNOT_OPEN_PHONEBOOK;
	}
	ret = rasdial_entry_write(dfd, basename(base), o->p ? o->p : "",
				   o->n, b->exists ? &b->st : NULL);
	close(dfd);
	return ret;
}

bool pbk_line_blank(const struct book *b, const struct line *l)
{
	size_t j = l->start;

	while (j < l->end && pbk_blank(b->buf[j]))
		j++;
	return j == l->end;
}

void pbk_out_line(struct out *o, const struct book *b, const char *key,
		     const char *val)
{
	pbk_out_str(o, key);
	pbk_out_str(o, "=");
	pbk_out_str(o, val);
	pbk_out_str(o, b->crlf ? "\r\n" : "\n");
}
