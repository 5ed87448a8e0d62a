/* SPDX-License-Identifier: GPL-2.0 */
/*
 * SETUP_SKIP(): SKIP() for a FIXTURE_SETUP.  The kselftest_harness.h of
 * linux-source-6.1 runs the test body after a setup that SKIP()ped (only
 * a failed setup stops there), and the body then works on a fixture that
 * was never set up: a skip became a crash.  Leave as a failed ASSERT
 * does, back to the harness's setjmp, past the body and the teardown.
 * Include after kselftest_harness.h.
 */
#ifndef RASDIAL_TESTS_SETUP_SKIP_H
#define RASDIAL_TESTS_SETUP_SKIP_H

#define SETUP_SKIP(fmt, ...) \
	SKIP(longjmp(_metadata->env, 1), fmt, ##__VA_ARGS__)

#endif
