// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * Dial overhead: RasDial (synchronous) until it returns Connected, over
 * each relay (rasdial.ko; direct: the socket pair pppd inherits, no
 * module), against plain "pppd call ENTRY updetach" until pppd returns
 * (IPCP up), all to the same pty-answering pppd peer (tests/vm/dialtest.h).
 * A process has one relay, so each relay's RasDials run in a child of its
 * own (a dialer); this process runs the plain pppds and asks the dialers.
 * Runs come in triples, one of each kind, the order rotating from triple
 * to triple, so drift and whatever one run leaves behind hit all alike;
 * each run starts from a settled system: no pppd of any side left, no
 * ppp interface, then 100 ms of quiet (a link's teardown goes on in the
 * kernel and in ip-down scripts after its pppd is gone).
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

/* What a triple holds; the RasDial kinds are 1 + the relay. */
enum { PLAIN, KINDS = 1 + BENCH_RELAYS };

/* A child that dials over one relay for this process: a request is the
 * entry's name (an empty one: exit), the answer run_rasdial()'s time. */
struct dialer {
	pid_t pid;
	int req, res;		/* our ends of the two pipes */
};

static int dialer_start(struct dialer *d, int relay)
{
	char entry[RAS_MaxEntryName + 1];
	int req[2], res[2];
	long long t;

	/* close-on-exec: no pppd keeps a dialer's pipe */
	if (pipe2(req, O_CLOEXEC) || pipe2(res, O_CLOEXEC))
		return -1;
	d->pid = relay_fork(relay);
	if (d->pid < 0)
		return -1;
	if (d->pid == 0) {
		close(req[1]);
		close(res[0]);
		while (read(req[0], entry, sizeof(entry)) == sizeof(entry) &&
		       entry[0]) {
			t = run_rasdial(entry);
			if (write(res[1], &t, sizeof(t)) != sizeof(t))
				break;
		}
		_exit(0);
	}
	close(req[0]);
	close(res[1]);
	d->req = req[1];
	d->res = res[0];
	return 0;
}

/* Microseconds until the dialer's RasDial returned Connected, or -1. */
static long long dialer_dial(const struct dialer *d, const char *entry)
{
	char name[RAS_MaxEntryName + 1] = "";
	long long t;

	snprintf(name, sizeof(name), "%s", entry);
	if (write(d->req, name, sizeof(name)) != sizeof(name) ||
	    read(d->res, &t, sizeof(t)) != sizeof(t))
		return -1;
	return t;
}

/* Asks it to exit, rather than closing its pipe: a later dialer holds a
 * copy of the write end. */
static void dialer_stop(const struct dialer *d)
{
	dialer_dial(d, "");
	waitpid(d->pid, NULL, 0);
}

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
	/* The kernel's rows keep the names they had before there was a
	 * choice of relay. */
	static const char *const mark[BENCH_RELAYS] = {
		[BENCH_KERNEL] = "", [BENCH_DIRECT] = ", direct",
	};
	static long long runs[KINDS][MAX_RUNS], pair[BENCH_RELAYS][MAX_RUNS];
	static long long vs_kernel[MAX_RUNS];
	struct dialer dialer[BENCH_RELAYS];
	int n = argc > 1 ? atoi(argv[1]) : 20, ret = 0;
	double med[KINDS];
	char label[64];

	if (n < 1 || n > MAX_RUNS) {
		fprintf(stderr, "usage: dial_overhead [N 1..%d]\n", MAX_RUNS);
		return 2;
	}
	for (int r = 0; r < BENCH_RELAYS; r++)
		if (dialer_start(&dialer[r], r))
			return 1;
	printf("dial overhead, CHAP, pty peer, median of %d interleaved runs "
	       "of each kind (plain pppd, RasDial over rasdial.ko, RasDial "
	       "over the direct relay: the socket pair pppd inherits, no "
	       "module; the order rotates):\n", n);
	for (size_t e = 0; e < sizeof(entries) / sizeof(entries[0]) && !ret; e++) {
		/* The plain pppd gets the password from the secrets file by "user". */
		dt_setup_entry(ENTRY, DT_AUTH_CHAP, entries[e].options);
		for (int i = 0; i < n && !ret; i++) {
			for (int k = 0; k < KINDS && !ret; k++) {
				int kind = (i + k) % KINDS;

				if (settle()) {
					ret = 1;
					break;
				}
				runs[kind][i] = kind == PLAIN ? run_plain() :
					dialer_dial(&dialer[kind - 1], ENTRY);
				ret = runs[kind][i] < 0;
			}
		}
		if (ret)
			break;
		/* Each RasDial against the plain run of its triple, and
		 * the direct one against the kernel one: drift in the
		 * machine's load cancels out of the pair. */
		for (int i = 0; i < n; i++) {
			for (int r = 0; r < BENCH_RELAYS; r++)
				pair[r][i] = runs[1 + r][i] * 1000 /
					     runs[PLAIN][i];
			vs_kernel[i] = runs[1 + BENCH_DIRECT][i] * 1000 /
				       runs[1 + BENCH_KERNEL][i];
		}
		for (int k = 0; k < KINDS; k++)
			med[k] = median_ms(runs[k], n);
		printf("  %s:\n", entries[e].name);
		for (int r = 0; r < BENCH_RELAYS; r++) {
			snprintf(label, sizeof(label),
				 "RasDial (sync) -> Connected%s", mark[r]);
			printf("    %-37s median %9.1f ms\n", label, med[1 + r]);
		}
		printf("    %-37s median %9.1f ms\n",
		       "pppd call updetach (baseline)", med[PLAIN]);
		for (int r = 0; r < BENCH_RELAYS; r++) {
			snprintf(label, sizeof(label), "ratio of medians%s",
				 mark[r]);
			printf("    %-37s %.3fx\n", label, med[1 + r] / med[PLAIN]);
			snprintf(label, sizeof(label),
				 "median of pairwise ratios%s", mark[r]);
			printf("    %-37s %.3fx\n", label,
			       median_ms(pair[r], n));
		}
		printf("    %-37s %.3fx\n", "direct / kernel, ratio of medians",
		       med[1 + BENCH_DIRECT] / med[1 + BENCH_KERNEL]);
		printf("    %-37s %.3fx\n", "direct / kernel, pairwise median",
		       median_ms(vs_kernel, n));
	}
	for (int r = 0; r < BENCH_RELAYS; r++)
		dialer_stop(&dialer[r]);
	return ret;
}
