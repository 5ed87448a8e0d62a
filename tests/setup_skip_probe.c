// SPDX-License-Identifier: GPL-2.0
/*
 * Not a suite: tests/host/setup_skip runs it.  A fixture whose setup
 * calls SETUP_SKIP(): the harness must report the test skipped and run
 * neither its body nor its teardown, which say so if they run.
 */
#include <stdio.h>
#include <unistd.h>

#include "kselftest_harness.h"
#include "setup_skip.h"

FIXTURE(probe) {
	int unused;
};

FIXTURE_SETUP(probe)
{
	SETUP_SKIP("the probe's setup skips");
}

FIXTURE_TEARDOWN(probe)
{
	dprintf(STDOUT_FILENO, "# probe: teardown ran\n");
}

TEST_F(probe, body)
{
	dprintf(STDOUT_FILENO, "# probe: body ran\n");
}

TEST_HARNESS_MAIN
