/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * dialbench.h: what the benchmarks share: medians, a settled system
 * before each run, a timed synchronous RasDialA (bench/dial_overhead.c,
 * bench/wine_dial.c, bench/storm.c), a child on a relay of its choice
 * (bench/dial_overhead.c, bench/relay_latency.c).
 */
#ifndef RASDIAL_BENCH_DIALBENCH_H
#define RASDIAL_BENCH_DIALBENCH_H

#include <dirent.h>

#include "../tests/vm/dialtest.h"

static inline int cmp_ll(const void *a, const void *b)
{
	long long x = *(const long long *)a, y = *(const long long *)b;

	return (x > y) - (x < y);
}

static inline double median_ms(long long *us, int n)
{
	qsort(us, n, sizeof(*us), cmp_ll);
	return (n % 2 ? us[n / 2] : (us[n / 2 - 1] + us[n / 2]) / 2.0) / 1000.0;
}

static inline long long now_us(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1000000LL + ts.tv_nsec / 1000;
}

/* pppd processes (either side) plus ppp interfaces still there. */
static inline int leftovers(void)
{
	char path[300], comm[32];
	struct dirent *de;
	int n = 0;
	DIR *d = opendir("/proc");
	FILE *f;

	while (d && (de = readdir(d))) {
		if (de->d_name[0] < '1' || de->d_name[0] > '9')
			continue;
		snprintf(path, sizeof(path), "/proc/%s/comm", de->d_name);
		f = fopen(path, "re");
		if (f && fgets(comm, sizeof(comm), f) && !strcmp(comm, "pppd\n"))
			n++;
		if (f)
			fclose(f);
	}
	if (d)
		closedir(d);
	d = opendir("/sys/class/net");
	while (d && (de = readdir(d)))
		n += !strncmp(de->d_name, "ppp", 3);
	if (d)
		closedir(d);
	return n;
}

/* Waits (bounded) for the previous run's leftovers to go; 0 if they did. */
static inline int settle(void)
{
	long long end = dt_now_ms() + 20000;

	while (leftovers()) {
		if (dt_now_ms() > end) {
			fprintf(stderr, "# the previous link did not go away\n");
			return -1;
		}
		usleep(20000);
	}
	usleep(100000);
	return 0;
}

/* A synchronous RasDialA of ENTRY, hung up and gone again: microseconds
 * to Connected, or -1. */
static inline long long run_rasdial(const char *entry)
{
	RASDIALPARAMSA p;
	HRASCONN h = NULL;
	struct dt_kconn k;
	long long t0, t;
	DWORD err;

	dt_params(&p, entry, NULL);
	t0 = now_us();
	err = RasDialA(NULL, NULL, &p, 0, NULL, &h);
	t = now_us() - t0;
	if (err) {
		fprintf(stderr, "# RasDial: %u\n", err);
		if (h)
			RasHangUpA(h);
		return -1;
	}
	if (dt_kernel_get(dt_conn_id(h), &k) || !k.pid) {
		fprintf(stderr, "# no pppd pid for the link\n");
		RasHangUpA(h);
		return -1;
	}
	RasHangUpA(h);
	if (!dt_wait_pid_gone(k.pid, 15000) || !dt_wait_registry_empty(10000)) {
		fprintf(stderr, "# pppd %u did not exit\n", k.pid);
		return -1;
	}
	return t;
}

/*
 * The relays a bench compares (rasdial.h, "The relay").  A process has
 * one, chosen at its first use of librasdial, so each runs in a child of
 * its own (relay_fork()).
 */
enum { BENCH_KERNEL, BENCH_DIRECT, BENCH_RELAYS };

/*
 * fork() for a child whose librasdial uses relay R; call it before this
 * process first uses the library.  In the child, dialtest.h's view of the
 * registry (dt_kernel_get()) follows the relay too.
 */
static inline pid_t relay_fork(int r)
{
	pid_t pid = fork();
	DWORD err;

	if (pid)
		return pid;
	if (r == BENCH_DIRECT)
		setenv("RASDIAL_TEST_RELAY", "direct", 1);
	else
		unsetenv("RASDIAL_TEST_RELAY");
	err = rasdial_set_relay_mode(r == BENCH_DIRECT ? RASDIAL_RELAY_DIRECT :
				     RASDIAL_RELAY_KERNEL);
	if (err) {
		fprintf(stderr, "# rasdial_set_relay_mode: %u\n", err);
		_exit(1);
	}
	return 0;
}

#endif /* RASDIAL_BENCH_DIALBENCH_H */
