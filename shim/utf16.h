/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * utf16.h: WCHAR (UTF-16, native byte order) <-> UTF-8 at the edge of the
 * W entry points.  Each W function converts its strings and calls the one
 * implementation that the A function also uses.  glibc's iconv does the
 * work; an unpaired surrogate or invalid UTF-8 is refused, and a string
 * that does not fit is refused too, never cut short.
 */
#ifndef RASDIAL_UTF16_H
#define RASDIAL_UTF16_H

#include <stddef.h>
#include "internal.h"

/* Code units before the first NUL, at most max (max when there is none). */
size_t rasdial_wcsnlen(const WCHAR *s, size_t max);

/*
 * UTF-16 string src (NUL-terminated within src_max units) -> UTF-8 in
 * dst[dst_size], NUL-terminated.  Returns 0, -EILSEQ (unpaired surrogate),
 * -ENAMETOOLONG (no NUL within src_max) or -E2BIG (dst too small).  On an
 * error dst holds "".
 */
int rasdial_w_to_utf8(const WCHAR *src, size_t src_max, char *dst, size_t dst_size);

/*
 * UTF-8 string src -> UTF-16 in dst[dst_units], NUL-terminated.  Returns
 * 0, -EILSEQ (invalid UTF-8) or -E2BIG (dst too small, *needed set to the
 * units needed with the NUL when needed is not NULL).  On an error dst
 * holds L"" when dst_units > 0.
 */
int rasdial_utf8_to_w(const char *src, WCHAR *dst, size_t dst_units, size_t *needed);

/*
 * A UTF-16 argument as a heap UTF-8 string for an A implementation
 * (NULL in -> NULL out, *out set).  Returns 0, -EILSEQ or -ENOMEM.  Free
 * with free().  For arguments without a documented length (phone-book
 * paths, entry names passed as pointers): src must be NUL-terminated.
 */
int rasdial_w_to_utf8_alloc(const WCHAR *src, char **out);

#endif /* RASDIAL_UTF16_H */
