/* SPDX-License-Identifier: GPL-2.0 */
/*
 * wtest.h: results of the Windows test programs (mingw-w64, run under
 * wine64 by tests/vm/wine.sh).  Each check prints "ok - NAME" or
 * "not ok - NAME"; wine.sh numbers them into the suite's KTAP.  "# "
 * lines are diagnostics.  Exit status: 1 when a check failed.
 */
#ifndef WTEST_H
#define WTEST_H

#include <stdarg.h>
#include <stdio.h>

static int wt_failed;

static inline void wt_diag(const char *fmt, ...)
{
	va_list ap;

	fputs("# ", stdout);
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	fputs("\n", stdout);
	fflush(stdout);
}

/* One result; the name says what was expected. */
static inline int wt_check(int cond, const char *fmt, ...)
{
	va_list ap;

	fputs(cond ? "ok - " : "not ok - ", stdout);
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	fputs("\n", stdout);
	fflush(stdout);
	if (!cond)
		wt_failed = 1;
	return cond;
}

static inline void wt_skip(const char *name, const char *why)
{
	printf("skip - %s: %s\n", name, why);
	fflush(stdout);
}

#endif /* WTEST_H */
