// SPDX-License-Identifier: GPL-2.0
/*
 * tests/setup_skip.h against the harness it works around: a test whose
 * FIXTURE_SETUP skips is reported skipped, and neither its body nor its
 * teardown runs (build/tests/setup_skip_probe).
 */
#include <errno.h>
#include <libgen.h>
#include <limits.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "kselftest_harness.h"

TEST(setup_skip_skips_body_and_teardown)
{
	char exe[PATH_MAX], probe[PATH_MAX + 32], out[8192];
	size_t len = 0, n;
	ssize_t got;
	int ok_exit, skipped, body_ran, teardown_ran;
	FILE *f;
	int status;

	/* build/tests/host/NAME -> build/tests/setup_skip_probe */
	got = readlink("/proc/self/exe", exe, sizeof(exe) - 1);
	ASSERT_LT(0, got);
	exe[got] = '\0';
	snprintf(probe, sizeof(probe), "%s/../setup_skip_probe", dirname(exe));
	ASSERT_EQ(0, access(probe, X_OK))
		TH_LOG("%s: %s (make -C tests)", probe, strerror(errno));

	f = popen(probe, "r");
	ASSERT_NE(NULL, f);
	while (len < sizeof(out) - 1 &&
	       (n = fread(out + len, 1, sizeof(out) - 1 - len, f)) > 0)
		len += n;
	out[len] = '\0';
	status = pclose(f);

	ok_exit = WIFEXITED(status) && WEXITSTATUS(status) == 0;
	skipped = strstr(out, "\nok 1 # SKIP the probe's setup skips\n") != NULL;
	body_ran = strstr(out, "body ran") != NULL;
	teardown_ran = strstr(out, "teardown ran") != NULL;
	/* The probe's KTAP lines, as comments: not results of this suite. */
	if (!ok_exit || !skipped || body_ran || teardown_ran)
		for (char *line = strtok(out, "\n"); line; line = strtok(NULL, "\n"))
			fprintf(stderr, "# probe| %s\n", line);
	EXPECT_TRUE(ok_exit) TH_LOG("probe status 0x%x", status);
	EXPECT_TRUE(skipped);
	EXPECT_FALSE(body_ran);
	EXPECT_FALSE(teardown_ran);
}

TEST_HARNESS_MAIN
