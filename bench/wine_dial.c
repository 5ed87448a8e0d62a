// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * Dial through Wine: a synchronous RasDialA to Connected from a Windows
 * program under wine64 (bench/win_dial.c, through wine/'s rasapi32.dll)
 * against the same RasDialA from this native program, the same entry
 * (CHAP, IPv4 only, the pty peer of tests/vm/dialtest.h).  Runs are
 * interleaved and the order inside a pair alternates, each from a settled
 * system (no pppd, no ppp interface, 100 ms quiet) like
 * bench/dial_overhead.c; each side times only its RasDialA call, so
 * Wine's process start is not in the figure.  The two processes take
 * turns through files in DIR (go-I from here, done-I with the Windows
 * side's microseconds back).
 *
 * Usage (root, in the VM, win_dial.exe already started with the same N
 * and DIR): wine_dial N DIR
 */
#include "dialbench.h"

#define ENTRY		"bench-wine"
#define MAX_RUNS	200

/* Reads DIR/NAME-I (a number) once it exists; -1 after TIMEOUT_MS. */
static long long wait_file(const char *dir, const char *name, int i,
			   int timeout_ms)
{
	long long end = dt_now_ms() + timeout_ms, v;
	char path[512];
	FILE *f;

	snprintf(path, sizeof(path), "%s/%s-%d", dir, name, i);
	if (i < 0)
		snprintf(path, sizeof(path), "%s/%s", dir, name);
	while (dt_now_ms() < end) {
		f = fopen(path, "r");
		if (f) {
			int got = fscanf(f, "%lld", &v);

			fclose(f);
			if (got == 1)
				return v;
		}
		usleep(10000);
	}
	fprintf(stderr, "# no %s\n", path);
	return -1;
}

static long long run_wine(const char *dir, int i)
{
	char path[512];

	snprintf(path, sizeof(path), "%s/go-%d", dir, i);
	dt_write_file(path, "1\n");
	return wait_file(dir, "done", i, 120000);
}

int main(int argc, char **argv)
{
	static long long nat[MAX_RUNS], wine[MAX_RUNS], pair[MAX_RUNS];
	int n = argc > 2 ? atoi(argv[1]) : 0;
	const char *dir = argc > 2 ? argv[2] : NULL;
	double mn, mw;

	if (n < 1 || n > MAX_RUNS) {
		fprintf(stderr, "usage: wine_dial N(1..%d) DIR\n", MAX_RUNS);
		return 2;
	}
	dt_setup_entry(ENTRY, DT_AUTH_CHAP, "noipv6");
	/* Wine's first process in TCG takes minutes to start. */
	if (wait_file(dir, "ready", -1, 400000) < 0)
		return 1;
	for (int i = 0; i < n; i++) {
		for (int k = 0; k < 2; k++) {
			if (settle())
				return 1;
			if ((i + k) % 2 == 0)
				nat[i] = run_rasdial(ENTRY);
			else
				wine[i] = run_wine(dir, i);
		}
		if (nat[i] < 0 || wine[i] < 0)
			return 1;
	}
	for (int i = 0; i < n; i++)
		pair[i] = wine[i] * 1000 / nat[i];
	mn = median_ms(nat, n);
	mw = median_ms(wine, n);
	printf("dial through Wine, CHAP, IPv4 only, pty peer, median of %d interleaved runs:\n", n);
	printf("    RasDialA from wine64 (rasapi32.dll) median %9.1f ms\n", mw);
	printf("    RasDialA native (baseline)          median %9.1f ms\n", mn);
	printf("    ratio of medians                    %.3fx\n", mw / mn);
	printf("    median of pairwise ratios           %.3fx\n",
	       median_ms(pair, n));
	return 0;
}
