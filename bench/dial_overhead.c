// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * Dial overhead: RasDial (synchronous) until it returns Connected, against
 * plain "pppd call ENTRY updetach" until pppd returns (IPCP up), both to
 * the same pty-answering pppd peer (tests/vm/dialtest.h).  Runs are
 * paired and the order inside a pair alternates (rasdial then plain, then
 * plain then rasdial), so drift and whatever one run leaves behind hit
 * both alike; each run starts from a settled system: no pppd of either
 * side left, no ppp interface, then 100 ms of quiet (a link's teardown
 * goes on in the kernel and in ip-down scripts after its pppd is gone).
 *
 * Two entries: dual-stack (IPCP and IPv6CP, pppd's default here) and
 * IPv4 only ("noipv6").  They differ in what "up" means: updetach returns
 * when the first NCP is up, RasDial reports Connected when every enabled
 * NCP has settled (a program told Connected expects its IPv4 address), so
 * only the IPv4-only row compares the same event on both sides.
 *
 * Usage (root, rasdial.ko loaded, RASDIAL_PLUGIN set; in the VM: make bench):
 *   dial_overhead [N]        default 20 of each, per entry
 */
#include "dialbench.h"

#define ENTRY		"bench-dial"
#define LINKNAME	"bench-plain"
#define MAX_RUNS	1000

/* Returns microseconds until "pppd ... updetach" returned, or -1. */
static long long run_plain(void)
{
	long long t0, t;
	int status;
	pid_t pid, daemon_pid = 0;
	FILE *f;

	unlink("/var/run/ppp-" LINKNAME ".pid");
	t0 = now_us();
	pid = fork();
	if (pid < 0)
		return -1;
	if (pid == 0) {
		int nul = open("/dev/null", O_RDWR);

		dup2(nul, 0);
		dup2(nul, 1);
		dup2(nul, 2);
		execl("/usr/sbin/pppd", "pppd", "call", ENTRY, "updetach",
		      "linkname", LINKNAME, "user", DT_USER, (char *)NULL);
		_exit(127);
	}
	if (waitpid(pid, &status, 0) != pid)
		return -1;
	t = now_us() - t0;
	if (!WIFEXITED(status) || WEXITSTATUS(status)) {
		fprintf(stderr, "# plain pppd failed: status 0x%x\n", status);
		return -1;
	}
	f = fopen("/var/run/ppp-" LINKNAME ".pid", "r");
	if (!f || fscanf(f, "%d", &daemon_pid) != 1 || daemon_pid <= 0) {
		fprintf(stderr, "# no pid file for the plain pppd\n");
		if (f)
			fclose(f);
		return -1;
	}
	fclose(f);
	kill(daemon_pid, SIGTERM);
	if (!dt_wait_pid_gone(daemon_pid, 15000)) {
		fprintf(stderr, "# plain pppd %d did not exit\n", daemon_pid);
		return -1;
	}
	return t;
}

int main(int argc, char **argv)
{
	static const struct {
		const char *name, *options;
	} entries[] = {
		{ "IPv4 only (noipv6): both sides wait for IPCP", "noipv6" },
		{ "dual stack: updetach returns at the first NCP up, RasDial when both are", NULL },
	};
	static long long ras[MAX_RUNS], plain[MAX_RUNS], pair[MAX_RUNS];
	int n = argc > 1 ? atoi(argv[1]) : 20;
	double mr, mp;

	if (n < 1 || n > MAX_RUNS) {
		fprintf(stderr, "usage: dial_overhead [N 1..%d]\n", MAX_RUNS);
		return 2;
	}
	printf("dial overhead, CHAP, pty peer, median of %d interleaved runs:\n", n);
	for (size_t e = 0; e < sizeof(entries) / sizeof(entries[0]); e++) {
		/* The plain pppd gets the password from the secrets file by "user". */
		dt_setup_entry(ENTRY, DT_AUTH_CHAP, entries[e].options);
		for (int i = 0; i < n; i++) {
			for (int k = 0; k < 2; k++) {
				if (settle())
					return 1;
				if ((i + k) % 2 == 0)
					ras[i] = run_rasdial(ENTRY);
				else
					plain[i] = run_plain();
			}
			if (ras[i] < 0 || plain[i] < 0)
				return 1;
		}
		/* Each RasDial against the plain run next to it: drift in
		 * the machine's load cancels out of the pair. */
		for (int i = 0; i < n; i++)
			pair[i] = ras[i] * 1000 / plain[i];
		mr = median_ms(ras, n);
		mp = median_ms(plain, n);
		printf("  %s:\n", entries[e].name);
		printf("    RasDial (sync) -> Connected    median %9.1f ms\n", mr);
		printf("    pppd call updetach (baseline)  median %9.1f ms\n", mp);
		printf("    ratio of medians               %.3fx\n", mr / mp);
		printf("    median of pairwise ratios      %.3fx\n",
		       median_ms(pair, n));
	}
	return 0;
}
