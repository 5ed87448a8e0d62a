// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * utf16.c: UTF-16 <-> UTF-8 for the W entry points, with glibc's iconv.
 */
#include <errno.h>
#include <iconv.h>
#include <stdlib.h>
#include <string.h>

#include "utf16.h"

/* WCHAR is a native-endian 16-bit unit, as a Windows program's memory has it. */
#if __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
#define RASDIAL_UTF16_CHARSET "UTF-16BE"
#else
#define RASDIAL_UTF16_CHARSET "UTF-16LE"
#endif

size_t rasdial_wcsnlen(const WCHAR *s, size_t max)
{
	size_t n = 0;

	while (n < max && s[n])
		n++;
	return n;
}

/*
 * Convert in_len bytes; out gets at most out_size - 1 bytes and a
 * terminating NUL of nul_size bytes.  Returns 0, -EILSEQ or -E2BIG;
 * *used is what the output took without the NUL.
 */
static int convert(const char *to, const char *from, const void *in, size_t in_len,
		   void *out, size_t out_size, size_t nul_size, size_t *used)
{
	iconv_t cd;
	char *ip = (char *)in, *op = out;
	size_t il = in_len, ol;
	int ret = 0;

	*used = 0;
	if (out_size < nul_size)
		return -E2BIG;
	ol = out_size - nul_size;
	cd = iconv_open(to, from);
	if (cd == (iconv_t)-1)
		return -errno;
	if (iconv(cd, &ip, &il, &op, &ol) == (size_t)-1)
		/* EINVAL: input ends inside a sequence (a lone high surrogate). */
		ret = errno == E2BIG ? -E2BIG : -EILSEQ;
	iconv_close(cd);
	*used = (size_t)(op - (char *)out);
	return ret;
}

int rasdial_w_to_utf8(const WCHAR *src, size_t src_max, char *dst, size_t dst_size)
{
	size_t len = rasdial_wcsnlen(src, src_max), used;
	int ret;

	if (dst_size)
		dst[0] = '\0';
	if (len == src_max)
		return -ENAMETOOLONG;
	ret = convert("UTF-8", RASDIAL_UTF16_CHARSET, src, len * sizeof(WCHAR),
		      dst, dst_size, 1, &used);
	if (ret) {
		if (dst_size)
			dst[0] = '\0';
		return ret;
	}
	dst[used] = '\0';
	return 0;
}

int rasdial_utf8_to_w(const char *src, WCHAR *dst, size_t dst_units, size_t *needed)
{
	size_t len = strlen(src), used;
	int ret;

	ret = convert(RASDIAL_UTF16_CHARSET, "UTF-8", src, len, dst,
		      dst_units * sizeof(WCHAR), sizeof(WCHAR), &used);
	if (ret == -E2BIG && needed) {
		/* Worst case one unit per byte: measure in a scratch buffer. */
		WCHAR *tmp = malloc((len + 1) * sizeof(WCHAR));

		if (tmp && !convert(RASDIAL_UTF16_CHARSET, "UTF-8", src, len, tmp,
				    (len + 1) * sizeof(WCHAR), sizeof(WCHAR), &used))
			*needed = used / sizeof(WCHAR) + 1;
		free(tmp);
	}
	if (ret) {
		if (dst_units)
			dst[0] = 0;
		return ret;
	}
	dst[used / sizeof(WCHAR)] = 0;
	return 0;
}

int rasdial_w_to_utf8_alloc(const WCHAR *src, char **out)
{
	size_t len, size;
	char *buf;
	int ret;

	*out = NULL;
	if (!src)
		return 0;
	len = rasdial_wcsnlen(src, (size_t)-1 / 8);
	size = len * 3 + 1;	/* a UTF-16 unit is at most 3 UTF-8 bytes */
	buf = malloc(size);
	if (!buf)
		return -ENOMEM;
	ret = rasdial_w_to_utf8(src, len + 1, buf, size);
	if (ret) {
		free(buf);
		return ret;
	}
	*out = buf;
	return 0;
}
