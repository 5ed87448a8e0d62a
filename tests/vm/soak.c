// SPDX-License-Identifier: GPL-2.0-only
/*
 * Soak: RASDIAL_SOAK_COUNT (default 500) complete dial -> Connected ->
 * RasHangUp -> Disconnected cycles against answering pppds on ptys, with
 * RASDIAL_SOAK_PARALLEL (default 8) dials in flight, one per worker
 * thread.  `make check` runs the default; `make soak` runs 10,000.
 *
 * This binary is built with the shim's sources compiled in under
 * ASan+UBSan+LSan (tests/Makefile), so that the heap can be judged.
 * After a warm-up cycle per worker (the event thread, sockets and caches
 * exist by then) it takes a baseline, runs the cycles, lets everything
 * settle and fails on:
 *   - any cycle that did not reach (Connected, 0) and end with
 *     (Disconnected, ERROR_USER_DISCONNECTION), or whose calls were not
 *     in order or came to the wrong callback (dwCallbackId names the
 *     worker and the cycle, the HRASCONN must be the cycle's own);
 *   - file descriptors (/proc/self/fd) or threads (/proc/self/task) above
 *     the baseline;
 *   - heap: any leak LSan finds (unreachable blocks), or live heap
 *     (__sanitizer_get_current_allocated_bytes) more than HEAP_SLACK
 *     above the baseline (a record kept reachable but never freed);
 *   - a kernel registry that is not empty (GET dump);
 *   - kernel slab growth: after dropping caches, waiting out RCU (the
 *     module frees conns with kfree_rcu) and shrinking the kmalloc-*
 *     caches (/sys/kernel/slab/NAME/shrink, which also empties the per-CPU
 *     slabs), any kmalloc-* cache whose active objects grew by SLAB_BOUND
 *     (4) slabs' worth (objperslab each) or more, taking the smallest of
 *     up to 3 looks.  The bound does not grow with the count; it is above
 *     the noise seen between two looks (up to 4 slabs of kmalloc-96
 *     after 16 cycles, none after 61), and one object leaked per cycle
 *     exceeds it within 500 cycles in kmalloc-64 and up (a conn is
 *     kmalloc-1k), within 10,000 (make soak) in every kmalloc cache.
 *     rasdial.ko keeps no counters of its own besides the registry,
 *     which the GET dump covers;
 *   - a stall: no cycle over for STALL_MS (only a call into the shim
 *     can hang; every wait of the test is bounded).
 * The figures are printed as KTAP diagnostics ("# soak: ...").
 *
 * The VM's copy of the distro's ip-up/ip-down scripts is removed first:
 * under TCG they cost more than the rest of a cycle.  500 cycles take
 * about 110 s with 8 in flight (4.5 cycles/s).
 *
 * Each worker alternates between two peers entries with their own /32
 * pairs from 192.0.2.0/24, so that a cycle never waits for the previous
 * cycle's interfaces to go.
 *
 * vm-timeout: 600
 */
#include <dirent.h>
#include <stdatomic.h>

#ifdef __SANITIZE_ADDRESS__
#include <sanitizer/lsan_interface.h>
/* libasan has it; GCC ships no allocator_interface.h to declare it. */
size_t __sanitizer_get_current_allocated_bytes(void);
#endif

#include "dialtest.h"
#include "stateorder.h"

#include "kselftest_harness.h"

#define MAX_PARALLEL	32
#define MAX_CALLS	32
#define CB_MAGIC	0x50000000UL
#define CONNECT_MS	60000
#define END_MS		30000
#define HEAP_SLACK	(64 * 1024)
#define ENTRY_FMT	"soak%02d%c"
#define MAX_CACHES	64
/* Slab growth that fails the test, in slabs' worth of objects per cache. */
#define SLAB_BOUND	4

#ifdef __SANITIZE_ADDRESS__
/* A small quarantine: the VM is shared with up to 64 pppds. */
const char *__asan_default_options(void);
const char *__asan_default_options(void)
{
	return "quarantine_size_mb=16:detect_leaks=1";
}
#endif

struct call {
	ULONG_PTR id;
	HRASCONN h;
	RASCONNSTATE state;
	DWORD error;
};

struct worker {
	pthread_t thread;
	int slot;
	unsigned int cycle;		/* the cycle now dialing */
	HRASCONN h;
	int n, overflow;
	struct call calls[MAX_CALLS];
	/* results */
	int done, failed;
	long long max_ms;
	const char *volatile step;	/* what it is doing, for a stall */
};

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t changed = PTHREAD_COND_INITIALIZER;
static struct worker workers[MAX_PARALLEL];
static atomic_int next_cycle;
static atomic_int completed;		/* cycles over, right or not */
static atomic_int running;		/* workers not yet finished */
static atomic_int crosstalk;
static atomic_int logged;
static int count, parallel;

static ULONG_PTR cb_id(int slot, unsigned int cycle)
{
	return CB_MAGIC | (ULONG_PTR)slot << 20 | (cycle & 0xfffff);
}

static DWORD WINAPI func2(ULONG_PTR id, DWORD sub, HRASCONN h, UINT msg,
			  RASCONNSTATE state, DWORD error, DWORD ext)
{
	int slot = (int)(id >> 20 & 0xff);
	struct worker *w;

	(void)ext;
	if ((id & ~0xfffffffUL) != CB_MAGIC || slot >= parallel || sub != 1 ||
	    msg != WM_RASDIALEVENT) {
		atomic_fetch_add(&crosstalk, 1);
		return 1;
	}
	w = &workers[slot];
	pthread_mutex_lock(&lock);
	if (w->n < MAX_CALLS)
		w->calls[w->n++] = (struct call){ id, h, state, error };
	else
		w->overflow = 1;
	pthread_cond_broadcast(&changed);
	pthread_mutex_unlock(&lock);
	return 1;
}

static int connected_or_error(const struct worker *w)
{
	for (int i = 0; i < w->n; i++)
		if (w->calls[i].error || w->calls[i].state == RASCS_Connected)
			return 1;
	return 0;
}

static int ended(const struct worker *w)
{
	for (int i = 0; i < w->n; i++)
		if (w->calls[i].error)
			return 1;
	return 0;
}

static int wait_for(struct worker *w, int (*pred)(const struct worker *),
		    int ms)
{
	long long end = dt_now_ms() + ms;
	int ok;

	pthread_mutex_lock(&lock);
	while (!(ok = pred(w)) && dt_now_ms() < end) {
		dt_cond_wait_ms(&changed, &lock, 100);
	}
	pthread_mutex_unlock(&lock);
	return ok;
}

/* "" when the cycle's calls are right (table lock held). */
static void check_cycle(const struct worker *w, char *why, size_t size)
{
	ULONG_PTR id = cb_id(w->slot, w->cycle);
	int last = -1, connected = 0, nerr = 0;

	why[0] = '\0';
	if (w->overflow || w->n < 3) {
		snprintf(why, size, "%d calls%s", w->n,
			 w->overflow ? " (overflow)" : "");
		return;
	}
	for (int i = 0; i < w->n; i++) {
		const struct call *c = &w->calls[i];

		if (c->id != id || c->h != w->h) {
			snprintf(why, size, "call %d for id %#lx h %p, not %#lx %p",
				 i, (unsigned long)c->id, (void *)c->h,
				 (unsigned long)id, (void *)w->h);
			return;
		}
		if (c->error) {
			nerr++;
			continue;
		}
		if (so_rank(c->state) <= last) {
			snprintf(why, size, "call %d: %s after %s", i,
				 rasdial_state_name(c->state),
				 i ? rasdial_state_name(w->calls[i - 1].state) : "start");
			return;
		}
		last = so_rank(c->state);
		connected |= c->state == RASCS_Connected;
	}
	if (w->calls[0].state != RASCS_OpenPort || !connected || nerr != 1 ||
	    w->calls[w->n - 1].state != RASCS_Disconnected ||
	    w->calls[w->n - 1].error != ERROR_USER_DISCONNECTION)
		snprintf(why, size, "first %s, connected %d, %d errors, last (%s, %u)",
			 rasdial_state_name(w->calls[0].state), connected, nerr,
			 rasdial_state_name(w->calls[w->n - 1].state),
			 w->calls[w->n - 1].error);
}

/* One dial -> Connected -> hang-up -> final cycle; 0 when it was right. */
static int cycle(struct worker *w, unsigned int n)
{
	char entry[32], why[160];
	long long t0 = dt_now_ms();
	RASDIALPARAMSA p;
	HRASCONN h = NULL;
	DWORD ret;

	pthread_mutex_lock(&lock);
	w->cycle = n;
	w->n = 0;
	w->overflow = 0;
	w->h = NULL;
	pthread_mutex_unlock(&lock);
	snprintf(entry, sizeof(entry), ENTRY_FMT, w->slot, 'a' + (int)(n & 1));
	dt_params(&p, entry, NULL);
	p.dwCallbackId = cb_id(w->slot, n);
	w->step = "RasDialA";
	ret = RasDialA(NULL, NULL, &p, 2, func2, &h);
	pthread_mutex_lock(&lock);
	w->h = h;
	pthread_mutex_unlock(&lock);
	if (ret) {
		snprintf(why, sizeof(why), "RasDialA: %u", ret);
		goto fail;
	}
	w->step = "waiting for Connected";
	if (!wait_for(w, connected_or_error, CONNECT_MS))
		snprintf(why, sizeof(why), "no Connected in %d ms", CONNECT_MS);
	w->step = "RasHangUpA";
	ret = RasHangUpA(h);
	w->step = "waiting for the final call";
	if (!wait_for(w, ended, END_MS)) {
		snprintf(why, sizeof(why), "no final call %d ms after RasHangUp (%u)",
			 END_MS, ret);
		goto fail;
	}
	pthread_mutex_lock(&lock);
	check_cycle(w, why, sizeof(why));
	pthread_mutex_unlock(&lock);
	if (why[0])
		goto fail;
	if (dt_now_ms() - t0 > w->max_ms)
		w->max_ms = dt_now_ms() - t0;
	return 0;
fail:
	if (atomic_fetch_add(&logged, 1) < 5) {
		fprintf(stderr, "# soak: worker %d cycle %u (%s, id %u): %s\n",
			w->slot, n, entry, dt_conn_id(h), why);
		pthread_mutex_lock(&lock);
		for (int i = 0; i < w->n; i++)
			fprintf(stderr, "#   %-22s %u\n",
				rasdial_state_name(w->calls[i].state),
				w->calls[i].error);
		pthread_mutex_unlock(&lock);
		/* pppd's own account of the first failure */
		if (atomic_load(&logged) == 1 &&
		    system("tail -n 60 /var/log/messages | sed 's/^/# syslog: /' >&2"))
			fprintf(stderr, "# soak: no syslog\n");
	}
	return 1;
}

static void *worker_main(void *arg)
{
	struct worker *w = arg;
	int n;

	while ((n = atomic_fetch_add(&next_cycle, 1)) < count) {
		int c;

		if (cycle(w, (unsigned int)n))
			w->failed++;
		else
			w->done++;
		w->step = "between cycles";
		c = atomic_fetch_add(&completed, 1) + 1;
		if (count >= 200 && c % (count / 10) == 0)
			fprintf(stderr, "# soak: %d of %d cycles\n", c, count);
	}
	atomic_fetch_sub(&running, 1);
	return NULL;
}

static int count_dir(const char *path)
{
	DIR *d = opendir(path);
	struct dirent *e;
	int n = 0;

	if (!d)
		return -1;
	while ((e = readdir(d)))
		if (e->d_name[0] != '.')
			n++;
	closedir(d);
	return n;
}

/* Not counting the directory's own fd. */
static int count_fds(void)
{
	return count_dir("/proc/self/fd") - 1;
}

static int count_tasks(void)
{
	return count_dir("/proc/self/task");
}

static long heap_bytes(void)
{
#ifdef __SANITIZE_ADDRESS__
	return (long)__sanitizer_get_current_allocated_bytes();
#else
	return 0;
#endif
}

struct slab {
	char name[40];
	long active, objperslab;
};

static void shrink_slabs(void)
{
	DIR *d = opendir("/sys/kernel/slab");
	struct dirent *e;
	char path[300];

	if (d) {
		while ((e = readdir(d))) {
			FILE *f;

			if (strncmp(e->d_name, "kmalloc-", 8))
				continue;
			snprintf(path, sizeof(path), "/sys/kernel/slab/%s/shrink",
				 e->d_name);
			f = fopen(path, "w");
			if (f) {
				fputs("1", f);
				fclose(f);
			}
		}
		closedir(d);
	}
}

/* The kmalloc-* caches of /proc/slabinfo, settled first; count or -1.
 * With MERGE, keeps the smaller count of each cache already in S (a
 * later look at transient allocations that were still in flight). */
static int read_slabs(struct slab *s, int max, int merge)
{
	char line[512];
	FILE *f;
	int n = 0;

	/* kfree_rcu() batches for a moment. */
	sync();
	dt_write_file("/proc/sys/vm/drop_caches", "3\n");
	sleep(2);
	shrink_slabs();
	f = fopen("/proc/slabinfo", "r");
	if (!f)
		return -1;
	while (fgets(line, sizeof(line), f) && n < max) {
		struct slab c;
		long num, size;

		if (strncmp(line, "kmalloc-", 8))
			continue;
		if (sscanf(line, "%39s %ld %ld %ld %ld", c.name, &c.active,
			   &num, &size, &c.objperslab) != 5)
			continue;
		if (merge && !strcmp(s[n].name, c.name) && s[n].active < c.active)
			c.active = s[n].active;
		s[n++] = c;
	}
	fclose(f);
	return n;
}

/* Caches whose active objects grew by SLABS slabs' worth or more. */
static int slabs_grown(const struct slab *b, int nb, const struct slab *a,
		       int na, int slabs)
{
	int grown = 0;

	for (int i = 0; i < na; i++)
		for (int j = 0; j < nb; j++)
			if (!strcmp(a[i].name, b[j].name) &&
			    a[i].active - b[j].active >= slabs * a[i].objperslab)
				grown++;
	return grown;
}

/* Everything of earlier cycles gone: registry empty, no pppd, fds back. */
static void settle(int want_fds)
{
	long long end = dt_now_ms() + 30000;

	dt_wait_registry_empty(30000);
	while (dt_now_ms() < end &&
	       (dt_count_pppd() > 0 || (want_fds >= 0 && count_fds() > want_fds)))
		usleep(100000);
}

static void setup_entries(void)
{
	char path[64], text[1024];

	dt_setup_entry("soak-secrets", DT_AUTH_CHAP, NULL);
	unlink("/etc/ppp/peers/soak-secrets");
	for (int i = 0; i < 2 * parallel; i++) {
		snprintf(text, sizeof(text),
			 "pty \"/usr/sbin/pppd notty auth require-chap name " DT_SERVER
			 " local nodefaultroute noipdefault nolock noipv6"
			 " lcp-echo-interval 0 192.0.2.%d:192.0.2.%d\"\n"
			 "remotename " DT_SERVER "\n"
			 "noauth\nlocal\nnodefaultroute\nnoipdefault\nnolock\n"
			 "noipv6\nlcp-echo-interval 0\n", 2 * i + 1, 2 * i + 2);
		snprintf(path, sizeof(path), "/etc/ppp/peers/" ENTRY_FMT,
			 i / 2, 'a' + i % 2);
		dt_write_file(path, text);
	}
}

static int env_int(const char *name, int dflt, int min, int max)
{
	const char *v = getenv(name);
	int n = v && *v ? atoi(v) : dflt;

	return n < min ? min : n > max ? max : n;
}

/* No cycle over for this long: something hangs (every wait of a cycle
 * is bounded, so only a call into the shim can). */
#define STALL_MS	(CONNECT_MS + END_MS + 30000)

/* Runs N cycles on the workers; returns the failures, -1 on a stall. */
static int run_cycles(int n)
{
	long long last = dt_now_ms();
	int failed = 0, seen = 0;

	atomic_store(&next_cycle, 0);
	atomic_store(&completed, 0);
	atomic_store(&running, parallel);
	count = n;
	for (int i = 0; i < parallel; i++) {
		workers[i].slot = i;
		workers[i].done = workers[i].failed = 0;
		workers[i].max_ms = 0;
		workers[i].step = "starting";
		if (pthread_create(&workers[i].thread, NULL, worker_main,
				   &workers[i]))
			return -1;
	}
	while (atomic_load(&running) > 0) {
		int c = atomic_load(&completed);

		if (c != seen) {
			seen = c;
			last = dt_now_ms();
		} else if (dt_now_ms() - last > STALL_MS) {
			fprintf(stderr, "# soak: no cycle over in %d ms (%d of %d done)\n",
				STALL_MS, c, n);
			for (int i = 0; i < parallel; i++)
				fprintf(stderr, "# soak: worker %d, cycle %u: %s (%d calls)\n",
					i, workers[i].cycle, workers[i].step,
					workers[i].n);
			if (system("ps -eo pid,ppid,stat,etime,args | sed 's/^/# /' >&2"))
				fprintf(stderr, "# soak: no ps\n");
			return -1;	/* the harness's _exit ends the workers */
		}
		usleep(200000);
	}
	for (int i = 0; i < parallel; i++) {
		pthread_join(workers[i].thread, NULL);
		failed += workers[i].failed;
	}
	return failed;
}

FIXTURE(soak) {
	int unused;
};

FIXTURE_SETUP(soak)
{
	static const char *const scripts[] = {
		"/etc/ppp/ip-pre-up", "/etc/ppp/ip-up", "/etc/ppp/ip-down",
		"/etc/ppp/ipv6-up", "/etc/ppp/ipv6-down",
	};

	parallel = env_int("RASDIAL_SOAK_PARALLEL", 8, 1, MAX_PARALLEL);
	setup_entries();
	/* The VM's own copy of /etc/ppp: under TCG the distro's run-parts
	 * scripts (two pppds a cycle, each running them) cost more than the
	 * rest of the cycle; they have nothing to do with rasdial. */
	for (size_t i = 0; i < sizeof(scripts) / sizeof(scripts[0]); i++)
		unlink(scripts[i]);
}

FIXTURE_TEARDOWN(soak)
{
	dt_wait_registry_empty(10000);
}

/* Bounded by the cycles' own timeouts; `make soak` sets the VM's. */
TEST_F_TIMEOUT(soak, dial_hangup_cycles, 6 * 3600)
{
	static struct slab before[MAX_CACHES], after[MAX_CACHES];
	int total = env_int("RASDIAL_SOAK_COUNT", 500, 1, 1000000);
	int fd0, fd1, task0, task1, nb, na, failed, done = 0, grown = 0;
	long heap0, heap1, leaks = 0;
	long long t0, ms, max_ms = 0;
	struct dt_kconn k;

	/* Warm-up: one cycle per worker, not counted. */
	ASSERT_EQ(0, run_cycles(parallel));
	settle(-1);
	fd0 = count_fds();
	task0 = count_tasks();
	heap0 = heap_bytes();
	nb = read_slabs(before, MAX_CACHES, 0);

	t0 = dt_now_ms();
	failed = run_cycles(total);
	ASSERT_LE(0, failed);
	ms = dt_now_ms() - t0;
	for (int i = 0; i < parallel; i++) {
		done += workers[i].done;
		if (workers[i].max_ms > max_ms)
			max_ms = workers[i].max_ms;
	}

	settle(fd0);
	fd1 = count_fds();
	task1 = count_tasks();
	heap1 = heap_bytes();
	ASSERT_EQ(0, dt_kernel_get(0, &k));
	/* Up to 3 looks, keeping each cache's smallest count. */
	for (int look = 0; look < 3; look++) {
		na = read_slabs(after, MAX_CACHES, look > 0);
		if (!slabs_grown(before, nb, after, na, 1))
			break;
	}
#ifdef __SANITIZE_ADDRESS__
	leaks = __lsan_do_recoverable_leak_check();
#endif

	ksft_print_msg("soak: %d cycles (%d failed) with %d in flight in %lld.%03lld s: "
		       "%.2f cycles/s, %.0f ms per cycle, slowest %lld ms\n",
		       done, failed, parallel, ms / 1000, ms % 1000,
		       ms ? done * 1000.0 / ms : 0.0,
		       done ? (double)ms * parallel / done : 0.0, max_ms);
	ksft_print_msg("soak: fds %d -> %d (%+d), threads %d -> %d (%+d), "
		       "heap %ld -> %ld bytes (%+ld), LSan leaks %ld, "
		       "registry conns %d, wrong-callback calls %d\n",
		       fd0, fd1, fd1 - fd0, task0, task1, task1 - task0,
		       heap0, heap1, heap1 - heap0, leaks, k.found,
		       atomic_load(&crosstalk));
	for (int i = 0; i < na; i++) {
		for (int j = 0; j < nb; j++) {
			long d;

			if (strcmp(after[i].name, before[j].name))
				continue;
			d = after[i].active - before[j].active;
			if (d)
				ksft_print_msg("soak: slab %s %ld -> %ld objects (%+ld, %ld per slab)\n",
					       after[i].name, before[j].active,
					       after[i].active, d,
					       after[i].objperslab);
		}
	}
	grown = slabs_grown(before, nb, after, na, SLAB_BOUND);
	ksft_print_msg("soak: %d kmalloc caches compared, %d grew by %d slabs' worth or more\n",
		       na < nb ? na : nb, grown, SLAB_BOUND);

	EXPECT_EQ(total, done);
	EXPECT_EQ(0, failed);
	EXPECT_EQ(0, atomic_load(&crosstalk));
	EXPECT_EQ(fd0, fd1);
	EXPECT_EQ(task0, task1);
	EXPECT_LE(heap1 - heap0, HEAP_SLACK);
	EXPECT_EQ(0, leaks);
	EXPECT_EQ(0, k.found);
	EXPECT_GT(nb, 0);
	EXPECT_EQ(0, grown);
}

TEST_HARNESS_MAIN
