/* SPDX-License-Identifier: GPL-2.0 */
/*
 * What the API misuse rows of tests/host/misuse.c and tests/vm/misuse.c
 * share: the buffers a row hands over (each structure with room behind
 * it, so that a write past what the row declared stays inside and shows)
 * and a row's verdict.  Include after kselftest_harness.h.
 */
#ifndef RASDIAL_TESTS_MISUSE_H
#define RASDIAL_TESTS_MISUSE_H

#include <rasdial/ras.h>
#include <rasdial/rasdial.h>

union misuse_status {
	RASCONNSTATUSA st;
	unsigned char raw[1024];
};

union misuse_conns {
	RASCONNA c[4];
	unsigned char raw[8192];
};

union misuse_proj {
	RASPPPIPA ip;
	RASPPPLCPA lcp;
	unsigned char raw[2048];
};

/* One row's verdict: GOT, what CALL returned, is EXPECTED; then POST
 * holds (CALL and POST_TEXT: the row's text, for the log). */
#define MISUSE_CHECK(expected, got, call, post, post_text)		\
	do {								\
		EXPECT_EQ((DWORD)(expected), got) {			\
			TH_LOG("%s: got %u, want %u (%s)", call, got,	\
			       (DWORD)(expected), rasdial_last_detail()); \
		}							\
		EXPECT_TRUE(post) {					\
			TH_LOG("after %s: %s does not hold", call,	\
			       post_text);				\
		}							\
	} while (0)

#endif
