/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * pbk_book.h: a .pbk phone book as lines (pbk_book.c), for the RASENTRY
 * mapping and the writers of pbk_write.c.
 */
#ifndef RASDIAL_PBK_BOOK_H
#define RASDIAL_PBK_BOOK_H

#include <limits.h>
#include <stdbool.h>
#include <stddef.h>
#include <sys/stat.h>

#include "phonebook.h"

/* The keys a RASENTRY is written as, in the order of a new section. */
enum key_id {
	K_TYPE, K_AUTH, K_ENC, K_ROUTE, K_VJ, K_IPADDR, K_DNS, K_DNS2,
	K_WINS, K_WINS2, K_IPASSIGN, K_NAMEASSIGN, K_SWC, K_EXCL, K_IDLE,
	K_REDIAL, K_PAUSE,
	K_MEDIA, K_PORT, K_DEVNAME, K_HWFLOW, K_LOCAL,	/* the link */
	K_DEVTYPE, K_PHONE, K_AREA, K_CC, K_CID, K_RULES, K_LAC,
	K_PREFPORT,	/* read only */
	K_COUNT
};

/* Each key's name in the file ("DEVICE" in capitals: K_DEVTYPE). */
extern const char *const pbk_key_names[K_COUNT];

/* One line of the file: offsets into the buffer. */
enum line_kind { L_OTHER, L_HEADER, L_KEY };
struct line {
	size_t start, end, next;	/* end: before CR LF or LF */
	enum line_kind kind;
	size_t a0, a1;			/* section name, or key */
	size_t v0, v1;			/* value (L_KEY) */
};

struct book {
	char path[PATH_MAX];
	bool exists;
	struct stat st;
	char *buf;
	size_t len;
	struct line *l;
	size_t nl;
	bool crlf;
};

struct out {
	char *p;
	size_t n, cap;
	bool oom;
};

/* A growing output buffer (O->oom once an allocation failed). */
void pbk_out_add(struct out *o, const char *s, size_t n);
void pbk_out_str(struct out *o, const char *s);
/* KEY=VAL and B's line end. */
void pbk_out_line(struct out *o, const struct book *b, const char *key,
		  const char *val);

/*
 * Reads phone book PATH whole and checks it with the reader.  A missing
 * file is an empty book when MAY_BE_NEW, else ERROR_CANNOT_OPEN_PHONEBOOK.
 */
DWORD pbk_book_load(const char *path, bool may_be_new, struct book *b);
void pbk_book_free(struct book *b);
/* Writes O as B's file (atomically, B's owner and mode) once the reader
 * accepts it and, MUST_HAVE not NULL, finds that section in it. */
DWORD pbk_book_store(const struct book *b, const struct out *o,
		     const char *must_have);

bool pbk_blank(char c);
/* Bytes A0..A1 of B are S (EXACT: byte for byte, else ASCII case ignored). */
bool pbk_span_is(const struct book *b, size_t a0, size_t a1, const char *s,
		 bool exact);
bool pbk_line_blank(const struct book *b, const struct line *l);
/* Section NAME's header line (ASCII case ignored), or -1. */
long pbk_find_section(const struct book *b, const char *name);
/* The line after section S's last line. */
size_t pbk_section_end(const struct book *b, size_t s);
/* Section S's last key line, or S itself when it has none. */
size_t pbk_last_key(const struct book *b, size_t s);
bool pbk_line_has(const struct book *b, const struct line *l, enum key_id k);
/* The line the reader takes key K from in section S, or -1. */
long pbk_key_line(const struct book *b, long s, enum key_id k, bool *empty);

#endif /* RASDIAL_PBK_BOOK_H */
