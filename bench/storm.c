// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * storm: RasDial under a storm of dials and under CPU load (issue #18).
 *
 *   storm return N...   N asynchronous RasDialA at once (16 64 256): how
 *                       long each call takes to return, p50/p99; target
 *                       <= 5 ms p99.  A program's thread (a GUI's) must
 *                       not wait for pppd.
 *   storm fail N...     N RasDials at once against N plain "pppd call
 *                       ENTRY updetach" started at once, the same entries,
 *                       in the same run (the order alternates): the share
 *                       of dials that fail; target: RasDial's <= plain's.
 *   storm load ROUNDS   one dial at a time with two busy processes (the
 *                       default nice level, each kept on a vCPU of its
 *                       own, started before each dial and stopped
 *                       after); each round dials
 *                       RasDial (sync), "pppd updetach" and "pppd
 *                       updetach plugin rasdial.so" (where the rest of
 *                       a difference would be), the order rotating;
 *                       target: the median of the rounds' RasDial/pppd
 *                       ratios <= 1.05x (the ratio of the medians and
 *                       the ratios' quartiles are shown too; with
 *                       RASDIAL_STORM_ROUNDS=1 in the environment, every
 *                       round's three times).
 *
 * Every entry is CHAP, IPv4 only (both sides wait for IPCP), each against
 * its own pty-answering pppd, pppd's default LCP/IPCP retries: a slow
 * system fails the same way on both sides.  Root, rasdial.ko loaded,
 * RASDIAL_PLUGIN set; bench/run runs it in the VM.
 */
#include <sched.h>
#include <sys/resource.h>
#include <sys/wait.h>

#include "dialbench.h"

#define ENTRY_FMT	"storm%03d"
#define LINK_FMT	"storm-plain%03d"
#define MAX_N		256
#define TARGET_RET_US	5000

struct slot {
	HRASCONN h;
	DWORD ret;
	int up, failed;
};

static struct slot slots[MAX_N];
static int nslots;
static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t changed = PTHREAD_COND_INITIALIZER;

static DWORD WINAPI func2(ULONG_PTR id, DWORD sub, HRASCONN h, UINT msg,
			  RASCONNSTATE state, DWORD error, DWORD ext)
{
	(void)sub, (void)h, (void)msg, (void)ext;
	pthread_mutex_lock(&lock);
	if (id < (ULONG_PTR)nslots) {
		/* An error after Connected is the link's end (hang-up),
		 * not a failed dial. */
		if (error && !slots[id].up)
			slots[id].failed = 1;
		else if (state == RASCS_Connected && !error)
			slots[id].up = 1;
		pthread_cond_broadcast(&changed);
	}
	pthread_mutex_unlock(&lock);
	return 1;
}

static void setup_entries(int n)
{
	char entry[32];

	for (int i = 0; i < n; i++) {
		snprintf(entry, sizeof(entry), ENTRY_FMT, i);
		dt_setup_entry(entry, DT_AUTH_CHAP, "noipv6");
	}
}

/* No pppd, no ppp unit, an empty registry (bounded); 0 if so. */
static int settle_all(int n)
{
	long long t0 = dt_now_ms();

	/* 256 dials at once leave 512 pppds ending under TCG: some took
	 * over 80 s to go (the registry already empty). */
	if (!dt_wait_no_pppd(60000 + 500 * n) ||
	    !dt_wait_registry_empty(30000)) {
		struct dt_kconn k = { 0 };

		dt_kernel_get(0, &k);
		fprintf(stderr, "# storm: leftovers after a round (%lld ms): %d pppd, %d conns\n",
			dt_now_ms() - t0, dt_count_pppd(), k.found);
		/* Which: pppd's command lines, the registry's conns. */
		if (system("for p in $(pidof pppd); do tr '\\0' ' ' < /proc/$p/cmdline; echo; done | sed 's/^/# /' >&2; "
			   "\"$TOPDIR/tools/rasdial\" 2>&1 | sed 's/^/# /' >&2")) {
			/* only diagnostics */
		}
		return -1;
	}
	return settle();
}

/*
 * N asynchronous RasDialA at once; RET_US gets each call's time.  Waits
 * (bounded) for every dial's outcome, hangs all up.  Returns how many
 * did not reach Connected, or -1.
 */
static int round_rasdial(int n, long long *ret_us, long *ivcsw, long *vcsw,
			 long *minflt)
{
	int failed = 0, done;
	long long end;

	memset(slots, 0, sizeof(slots));
	nslots = n;
	for (int i = 0; i < n; i++) {
		RASDIALPARAMSA p;
		struct rusage ru0, ru1;
		char entry[32];
		HRASCONN h = NULL;
		long long t;
		DWORD ret;

		snprintf(entry, sizeof(entry), ENTRY_FMT, i);
		dt_params(&p, entry, NULL);
		p.dwCallbackId = (ULONG_PTR)i;
		getrusage(RUSAGE_THREAD, &ru0);
		t = now_us();
		ret = RasDialA(NULL, NULL, &p, 2, func2, &h);
		if (ret_us)
			ret_us[i] = now_us() - t;
		getrusage(RUSAGE_THREAD, &ru1);
		if (ivcsw)
			ivcsw[i] = ru1.ru_nivcsw - ru0.ru_nivcsw;
		if (vcsw)
			vcsw[i] = ru1.ru_nvcsw - ru0.ru_nvcsw;
		if (minflt)
			minflt[i] = ru1.ru_minflt - ru0.ru_minflt;
		pthread_mutex_lock(&lock);
		slots[i].h = h;
		slots[i].ret = ret;
		pthread_mutex_unlock(&lock);
	}
	/* pppd gives up after 10 x 3 s per protocol: 2 minutes is ample. */
	end = dt_now_ms() + 120000 + 500LL * n;
	pthread_mutex_lock(&lock);
	for (;;) {
		done = 1;
		for (int i = 0; i < n && done; i++)
			done = slots[i].up || slots[i].failed || slots[i].ret;
		if (done || dt_now_ms() >= end)
			break;
		dt_cond_wait_ms(&changed, &lock, 100);
	}
	for (int i = 0; i < n; i++)
		failed += !slots[i].up;
	pthread_mutex_unlock(&lock);
	for (int i = 0; i < n; i++)
		if (slots[i].h)
			RasHangUpA(slots[i].h);
	return settle_all(n) ? -1 : failed;
}

/* N "pppd call ENTRY updetach" at once; returns how many failed, or -1. */
static int round_plain(int n)
{
	static pid_t pids[MAX_N];
	int failed = 0;

	for (int i = 0; i < n; i++) {
		char entry[32], link[32], pidf[64];

		snprintf(entry, sizeof(entry), ENTRY_FMT, i);
		snprintf(link, sizeof(link), LINK_FMT, i);
		snprintf(pidf, sizeof(pidf), "/var/run/ppp-%s.pid", link);
		unlink(pidf);
		pids[i] = fork();
		if (pids[i] < 0)
			return -1;
		if (pids[i] == 0) {
			int nul = open("/dev/null", O_RDWR);

			dup2(nul, 0);
			dup2(nul, 1);
			dup2(nul, 2);
			execl("/usr/sbin/pppd", "pppd", "call", entry,
			      "updetach", "linkname", link, "user", DT_USER,
			      (char *)NULL);
			_exit(127);
		}
	}
	for (int i = 0; i < n; i++) {
		char pidf[64];
		int status, dpid = 0;
		FILE *f;

		if (waitpid(pids[i], &status, 0) != pids[i] ||
		    !WIFEXITED(status) || WEXITSTATUS(status)) {
			failed++;
			continue;
		}
		snprintf(pidf, sizeof(pidf), "/var/run/ppp-" LINK_FMT ".pid", i);
		f = fopen(pidf, "r");
		if (f && fscanf(f, "%d", &dpid) == 1 && dpid > 0)
			kill(dpid, SIGTERM);
		else
			failed++;
		if (f)
			fclose(f);
	}
	return settle_all(n) ? -1 : failed;
}

static int do_return(int argc, char **argv)
{
	static long long us[MAX_N];
	static long ivcsw[MAX_N], vcsw[MAX_N], minflt[MAX_N];
	long long mx_other;
	int npre, nblk, mx_i;

	static long long first;

	printf("storm: asynchronous RasDialA, time until it returns "
	       "(CHAP, pty peers, all dialed at once from one thread)\n");
	/* The process's first RasDial starts its threads and sockets: once
	 * per program, not what a storm costs.  Shown, not counted. */
	setup_entries(1);
	if (settle_all(1) || round_rasdial(1, &first, NULL, NULL, NULL) < 0)
		return 1;
	printf("  first RasDialA of the process (starts the library): %.2f ms\n",
	       first / 1000.0);
	for (int a = 0; a < argc; a++) {
		int n = atoi(argv[a]), failed;
		long long p50, p99;

		if (n < 1 || n > MAX_N)
			return 2;
		setup_entries(n);
		if (settle_all(n))
			return 1;
		failed = round_rasdial(n, us, ivcsw, vcsw, minflt);
		if (failed < 0)
			return 1;
		/* Calls during which the kernel took the CPU from the caller
		 * (an involuntary switch), those that slept (a lock, I/O),
		 * and the slowest of the calls that did neither: how much of
		 * the tail is waiting for a CPU. */
		npre = nblk = 0;
		mx_other = 0;
		mx_i = -1;
		for (int i = 0; i < n; i++) {
			npre += ivcsw[i] > 0;
			nblk += vcsw[i] > 0;
			if (!ivcsw[i] && !vcsw[i] && us[i] > mx_other) {
				mx_other = us[i];
				mx_i = i;
			}
		}
		qsort(us, (size_t)n, sizeof(*us), cmp_ll);
		p50 = us[(n - 1) / 2];
		p99 = us[(int)(0.99 * (n - 1) + 0.5)];
		printf("  %3d dials: RasDialA returned p50 %9.2f ms  p99 %9.2f ms"
		       "  max %9.2f ms  (%d did not connect)  target p99 <= %.0f ms  %s\n",
		       n, p50 / 1000.0, p99 / 1000.0, us[n - 1] / 1000.0,
		       failed, TARGET_RET_US / 1000.0,
		       p99 <= TARGET_RET_US ? "met" : "missed");
		/* Which call, and its page faults (a fault is neither). */
		printf("             calls preempted %d, slept %d (of %d); "
		       "slowest call that did neither %.2f ms (call %d, %ld "
		       "page faults)\n", npre, nblk, n, mx_other / 1000.0, mx_i,
		       mx_i >= 0 ? minflt[mx_i] : 0L);
	}
	return 0;
}

static int do_fail(int argc, char **argv)
{
	printf("storm: dials that fail when N start at once, RasDial vs plain "
	       "pppd updetach (same entries, same run)\n");
	for (int a = 0; a < argc; a++) {
		int n = atoi(argv[a]), fr = -1, fp = -1;

		if (n < 1 || n > MAX_N)
			return 2;
		setup_entries(n);
		if (settle_all(n))
			return 1;
		for (int k = 0; k < 2; k++) {
			if ((k + a) % 2 == 0)
				fr = round_rasdial(n, NULL, NULL, NULL, NULL);
			else
				fp = round_plain(n);
		}
		if (fr < 0 || fp < 0)
			return 1;
		printf("  %3d at once: RasDial failed %3d (%5.1f%%)  plain pppd "
		       "failed %3d (%5.1f%%)  target RasDial <= plain  %s\n",
		       n, fr, 100.0 * fr / n, fp, 100.0 * fp / n,
		       fr <= fp ? "met" : "missed");
	}
	return 0;
}

/* Microseconds until "pppd call ENTRY updetach" returned, or -1.
 * PLUGIN: with "plugin PLUGIN" too (the plugin on its own, no shim). */
static long long run_plain1(const char *entry, const char *plugin)
{
	long long t0 = now_us(), t;
	int status, dpid = 0;
	pid_t pid;
	FILE *f;

	unlink("/var/run/ppp-storm-load.pid");
	pid = fork();
	if (pid < 0)
		return -1;
	if (pid == 0) {
		int nul = open("/dev/null", O_RDWR);

		dup2(nul, 0);
		dup2(nul, 1);
		dup2(nul, 2);
		char *argv[] = { "pppd", "call", (char *)entry, "updetach",
				 "linkname", "storm-load", "user", DT_USER,
				 plugin ? "plugin" : NULL, (char *)plugin,
				 NULL };

		execv("/usr/sbin/pppd", argv);
		_exit(127);
	}
	if (waitpid(pid, &status, 0) != pid)
		return -1;
	t = now_us() - t0;
	if (!WIFEXITED(status) || WEXITSTATUS(status))
		return -1;
	f = fopen("/var/run/ppp-storm-load.pid", "r");
	if (!f || fscanf(f, "%d", &dpid) != 1 || dpid <= 0) {
		if (f)
			fclose(f);
		return -1;
	}
	fclose(f);
	kill(dpid, SIGTERM);
	return dt_wait_pid_gone(dpid, 15000) ? t : -1;
}

static int cmp_d(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return x < y ? -1 : x > y;
}

static double median_d(double *v, int n)
{
	qsort(v, (size_t)n, sizeof(*v), cmp_d);
	return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

/* A busy loop kept on one vCPU: left free, the two loops sometimes share
 * one vCPU for a while and leave the other to the dial, which then runs
 * at idle speed; kept apart, every dial meets one loop wherever it runs. */
static pid_t busy(int cpu)
{
	pid_t pid = fork();

	if (pid == 0) {
		cpu_set_t set;

		CPU_ZERO(&set);
		CPU_SET(cpu, &set);
		if (sched_setaffinity(0, sizeof(set), &set))
			_exit(1);
		for (;;)
			__asm__ volatile("" ::: "memory");
	}
	return pid;
}

/* Whether the loop *PID started is still running; if it failed to start
 * or has ended (reaped here), *PID becomes -1. */
static int busy_running(pid_t *pid)
{
	if (*pid > 0 && waitpid(*pid, NULL, WNOHANG) == 0)
		return 1;
	*pid = -1;
	return 0;
}

static void busy_stop(pid_t pid)
{
	if (pid > 0) {
		kill(pid, SIGKILL);
		waitpid(pid, NULL, 0);
	}
}

/* The VM's address-space randomization, which the row names: under TCG
 * it is what a loaded dial mostly pays for (docs/performance.md, "ASLR
 * and TCG"), so bench/storm-run runs the row with it off and on. */
static const char *aslr_state(void)
{
	FILE *f = fopen("/proc/sys/kernel/randomize_va_space", "r");
	int level = -1;

	if (f) {
		if (fscanf(f, "%d", &level) != 1)
			level = -1;
		fclose(f);
	}
	return level < 0 ? "ASLR unknown" : level ? "ASLR on" : "ASLR off";
}

static int do_load(int rounds)
{
	static long long ras[1000], plain[1000], plug[1000];
	static double ratio_ras[1000], ratio_plug[1000];
	const char *plugin = getenv("RASDIAL_PLUGIN");
	char entry[32];
	double mr, mp, mg, rr, rg;
	long ncpu = sysconf(_SC_NPROCESSORS_ONLN);

	if (ncpu < 1)
		ncpu = 1;
	if (rounds < 1 || rounds > 1000 || !plugin)
		return 2;
	snprintf(entry, sizeof(entry), ENTRY_FMT, 0);
	setup_entries(1);
	for (int i = 0; i < rounds; i++) {
		for (int k = 0; k < 3; k++) {
			pid_t b1, b2;
			int up1, up2;

			if (settle())
				return 1;
			/* The load runs for the whole of each dial only. */
			b1 = busy(0);
			b2 = busy(1 % ncpu);
			usleep(50000);
			/* Without both loops there is no row (and kill(-1)
			 * would end every process). */
			up1 = busy_running(&b1);
			up2 = busy_running(&b2);
			if (!up1 || !up2) {
				fprintf(stderr, "# the load did not start (fork, or a loop not kept on its vCPU)\n");
				busy_stop(b1);
				busy_stop(b2);
				return 1;
			}
			switch ((i + k) % 3) {
			case 0:
				ras[i] = run_rasdial(entry);
				break;
			case 1:
				plain[i] = run_plain1(entry, NULL);
				break;
			default:
				plug[i] = run_plain1(entry, plugin);
			}
			busy_stop(b1);
			busy_stop(b2);
		}
		if (ras[i] < 0 || plain[i] < 0 || plug[i] < 0) {
			fprintf(stderr, "# load round %d failed (%lld, %lld, %lld)\n",
				i, ras[i], plain[i], plug[i]);
			return 1;
		}
	}
	/* Each round's own ratio first: the dials of a round ran within
	 * seconds of each other, while the machine's speed drifts by a
	 * fifth from one minute to the next (rounds' medians moved that
	 * much between runs). */
	for (int i = 0; i < rounds; i++) {
		ratio_ras[i] = (double)ras[i] / plain[i];
		ratio_plug[i] = (double)plug[i] / plain[i];
		if (getenv("RASDIAL_STORM_ROUNDS"))	/* each round's dials */
			printf("# round %2d (order %s): RasDial %7.1f ms, plain %7.1f ms, plugin %7.1f ms\n",
			       i, (const char *[]){ "R-P-G", "P-G-R", "G-R-P" }[i % 3],
			       ras[i] / 1000.0, plain[i] / 1000.0, plug[i] / 1000.0);
	}
	rr = median_d(ratio_ras, rounds);
	rg = median_d(ratio_plug, rounds);
	mr = median_ms(ras, rounds);
	mp = median_ms(plain, rounds);
	mg = median_ms(plug, rounds);
	printf("storm: one dial under load (2 busy processes, nice 0, one per vCPU), "
	       "CHAP, IPv4 only, %s, %d interleaved rounds\n",
	       aslr_state(), rounds);
	printf("  RasDial (sync) -> Connected: median %9.1f ms, pppd updetach "
	       "%9.1f ms (%.3fx); median of the rounds' ratios %.3fx  "
	       "target <= 1.05x  %s\n", mr, mp, mr / mp, rr,
	       rr <= 1.05 ? "met" : "missed");
	/* Where a difference is: the plugin in pppd, or the shim. */
	printf("  pppd updetach with the plugin (no shim): median %9.1f ms "
	       "(%.3fx); median of the rounds' ratios %.3fx\n",
	       mg, mg / mp, rg);
	/* How far one round's ratio is from the next: the noise a target
	 * of 5% is judged against (median_d sorted them). */
	printf("  rounds' ratios, quartiles: RasDial/pppd %.3fx-%.3fx, "
	       "plugin/pppd %.3fx-%.3fx\n",
	       ratio_ras[(rounds - 1) / 4], ratio_ras[3 * (rounds - 1) / 4],
	       ratio_plug[(rounds - 1) / 4], ratio_plug[3 * (rounds - 1) / 4]);
	return 0;
}

int main(int argc, char **argv)
{
	setvbuf(stdout, NULL, _IOLBF, 0);
	if (argc >= 3 && !strcmp(argv[1], "return"))
		return do_return(argc - 2, argv + 2);
	if (argc >= 3 && !strcmp(argv[1], "fail"))
		return do_fail(argc - 2, argv + 2);
	if (argc == 3 && !strcmp(argv[1], "load"))
		return do_load(atoi(argv[2]));
	fprintf(stderr, "usage: storm return N... | fail N... | load ROUNDS\n");
	return 2;
}
