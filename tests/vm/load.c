// SPDX-License-Identifier: GPL-2.0-only
/*
 * Load: 64 dials in flight at once, from 8 threads in 4 processes.
 *
 * Reading of issue #7 ("64 concurrent dials from 8 threads in 4
 * processes"): 4 dialing processes with 2 threads each (8 threads in all),
 * each thread starting 8 asynchronous RasDialA calls, so that 64 dials are
 * in flight at the same time.  Every dial has its own peers entry whose
 * "modem" is an answering pppd on a pty (as in dialtest.h), with its own
 * pair of /32 addresses from 192.0.2.0/24: dial i is 192.0.2.(2i+2) with
 * peer 192.0.2.(2i+1), i = 0..63.
 *
 * Each dial has a RasDialFunc2 whose dwCallbackId names (process, thread,
 * dial).  Every call is recorded per dial and checked:
 *   - complete and in order: the error-free states strictly go forward
 *     in the shim's documented order (stateorder.h, the rows of
 *     common/pppd-map.c: OpenPort ... Authenticated, AuthProject, Projected,
 *     Connected, then Disconnected), every dial sees the same sequence as
 *     all the others, and it holds OpenPort, DeviceConnected,
 *     Authenticate, Authenticated, Projected and Connected;
 *   - to the right callback: the dwCallbackId belongs to this process and
 *     names a dial it made, the HRASCONN is the one RasDialA returned for
 *     that dial, dwSubEntry is 1, the message WM_RASDIALEVENT, and the 64
 *     handles are distinct;
 *   - once all 64 are Connected, every thread hangs its 8 up: each dial
 *     ends with (Disconnected, 0) then (Disconnected,
 *     ERROR_USER_DISCONNECTION), and no call follows;
 *   - at the end no pppd is left and the kernel registry is empty.
 * Every wait is bounded.
 */
#include <stdatomic.h>
#include <sys/mman.h>
#include <sys/prctl.h>

#include "dialtest.h"
#include "stateorder.h"

#include "kselftest_harness.h"

#define NPROC		4
#define NTHREAD		2
#define NDIAL		8			/* per thread */
#define NPERPROC	(NTHREAD * NDIAL)
#define NCONN		(NPROC * NPERPROC)
#define MAX_CALLS	48
#define CB_MAGIC	0x10ad0000UL
#define CONNECT_MS	200000		/* all 64 Connected */
#define END_MS		60000		/* all 64 ended after the hang-ups */
#define ENTRY_FMT	"load%02d"

/* One dial as the parent sees it, filled in by its child. */
struct dial_result {
	uint32_t id;			/* HRASCONN */
	int connected;			/* saw (Connected, 0) */
	int ok;				/* every check passed */
	int ncalls;
	long long connected_ms;		/* since the start signal */
	RASCONNSTATE states[MAX_CALLS];
	DWORD errors[MAX_CALLS];
	char why[120];
};

struct shared {
	atomic_int ready;		/* threads waiting for the start */
	atomic_int start;
	atomic_int connected;		/* dials Connected (or failed) */
	atomic_int hangup;		/* parent: hang up now */
	atomic_int crosstalk;		/* calls for a dial not of ours */
	long long t0;			/* dt_now_ms() at the start */
	struct dial_result r[NCONN];
};

static struct shared *sh;

/* A child process's own record of its 16 dials. */
struct call {
	DWORD sub;
	HRASCONN h;
	UINT msg;
	RASCONNSTATE state;
	DWORD error, ext;
};

struct dial {
	HRASCONN h;			/* from RasDialA */
	int n, overflow;
	struct call calls[MAX_CALLS];
};

static int me;				/* this child's process index */
static struct dial dials[NPERPROC];
static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t changed = PTHREAD_COND_INITIALIZER;

static ULONG_PTR cb_id(int proc, int thread, int dial)
{
	return CB_MAGIC | (ULONG_PTR)(proc << 8 | thread << 4 | dial);
}

static DWORD WINAPI func2(ULONG_PTR id, DWORD sub, HRASCONN h, UINT msg,
			  RASCONNSTATE state, DWORD error, DWORD ext)
{
	int proc = (int)(id >> 8 & 0xff), th = (int)(id >> 4 & 0xf);
	int dl = (int)(id & 0xf);
	struct dial *d;

	if ((id & ~0xffffUL) != CB_MAGIC || proc != me || th >= NTHREAD ||
	    dl >= NDIAL) {
		atomic_fetch_add(&sh->crosstalk, 1);
		return 1;
	}
	d = &dials[th * NDIAL + dl];
	pthread_mutex_lock(&lock);
	if (d->n < MAX_CALLS)
		d->calls[d->n++] = (struct call){ sub, h, msg, state, error, ext };
	else
		d->overflow = 1;
	pthread_cond_broadcast(&changed);
	pthread_mutex_unlock(&lock);
	return 1;
}

static int has_connected(const struct dial *d)
{
	for (int i = 0; i < d->n; i++)
		if (d->calls[i].state == RASCS_Connected && !d->calls[i].error)
			return 1;
	return 0;
}

static int has_error(const struct dial *d)
{
	for (int i = 0; i < d->n; i++)
		if (d->calls[i].error)
			return 1;
	return 0;
}

/* Waits until PRED holds for the thread's 8 dials or DEADLINE passes. */
static int wait_all(int th, int (*pred)(const struct dial *),
		    long long deadline)
{
	int ok = 0;

	pthread_mutex_lock(&lock);
	for (;;) {
		ok = 1;
		for (int i = 0; i < NDIAL; i++)
			if (!pred(&dials[th * NDIAL + i]))
				ok = 0;
		if (ok || dt_now_ms() >= deadline)
			break;
		dt_cond_wait_ms(&changed, &lock, 50);
	}
	pthread_mutex_unlock(&lock);
	return ok;
}

static int conn_or_error(const struct dial *d)
{
	return has_connected(d) || has_error(d);
}

/* Bounded spin on a shared flag. */
static int wait_flag(atomic_int *flag, int want, long long deadline)
{
	while (atomic_load(flag) < want) {
		if (dt_now_ms() >= deadline)
			return 0;
		usleep(10000);
	}
	return 1;
}

static void *thread_main(void *arg)
{
	int th = (int)(intptr_t)arg;
	long long t0;

	atomic_fetch_add(&sh->ready, 1);
	if (!wait_flag(&sh->start, 1, dt_now_ms() + 60000))
		return NULL;
	t0 = sh->t0;
	for (int i = 0; i < NDIAL; i++) {
		int g = me * NPERPROC + th * NDIAL + i;
		struct dial_result *r = &sh->r[g];
		RASDIALPARAMSA p;
		char entry[32];
		HRASCONN h = NULL;
		DWORD ret;

		snprintf(entry, sizeof(entry), ENTRY_FMT, g);
		dt_params(&p, entry, NULL);
		p.dwCallbackId = cb_id(me, th, i);
		ret = RasDialA(NULL, NULL, &p, 2, func2, &h);
		pthread_mutex_lock(&lock);
		dials[th * NDIAL + i].h = h;
		pthread_mutex_unlock(&lock);
		r->id = dt_conn_id(h);
		if (ret)
			snprintf(r->why, sizeof(r->why), "RasDialA: %u", ret);
	}
	wait_all(th, conn_or_error, t0 + CONNECT_MS);
	pthread_mutex_lock(&lock);
	for (int i = 0; i < NDIAL; i++) {
		struct dial *d = &dials[th * NDIAL + i];
		struct dial_result *r = &sh->r[me * NPERPROC + th * NDIAL + i];

		r->connected = has_connected(d);
		if (r->connected)
			r->connected_ms = dt_now_ms() - t0;
		atomic_fetch_add(&sh->connected, 1);
	}
	pthread_mutex_unlock(&lock);

	/* Hang up only once every dial of every process is up. */
	wait_flag(&sh->hangup, 1, t0 + CONNECT_MS + 10000);
	for (int i = 0; i < NDIAL; i++) {
		HRASCONN h = dials[th * NDIAL + i].h;
		DWORD ret = h ? RasHangUpA(h) : 0;
		struct dial_result *r = &sh->r[me * NPERPROC + th * NDIAL + i];

		if (ret && !r->why[0])
			snprintf(r->why, sizeof(r->why), "RasHangUpA: %u", ret);
	}
	wait_all(th, has_error, dt_now_ms() + END_MS);
	return NULL;
}

/* The checks of one dial (see the header comment); "" when all pass. */
static void check_dial(const struct dial *d, char *why, size_t size)
{
	static const RASCONNSTATE need[] = {
		RASCS_OpenPort, RASCS_DeviceConnected, RASCS_Authenticate,
		RASCS_Authenticated, RASCS_Projected, RASCS_Connected,
	};
	int nerr = 0, last = -1;

	why[0] = '\0';
	if (d->overflow) {
		snprintf(why, size, "more than %d calls", MAX_CALLS);
		return;
	}
	if (d->n < 3) {
		snprintf(why, size, "only %d calls", d->n);
		return;
	}
	for (int i = 0; i < d->n; i++) {
		const struct call *c = &d->calls[i];

		if (c->h != d->h || c->sub != 1 || c->msg != WM_RASDIALEVENT) {
			snprintf(why, size,
				 "call %d: h %p (dial's %p) sub %u msg 0x%x",
				 i, (void *)c->h, (void *)d->h, c->sub, c->msg);
			return;
		}
		if (c->error) {
			nerr++;
			/* (state, 0) first, then (state, error) */
			if (!i || d->calls[i - 1].state != c->state ||
			    d->calls[i - 1].error) {
				snprintf(why, size, "call %d: error %u without its state first",
					 i, c->error);
				return;
			}
			continue;
		}
		if (so_rank(c->state) <= last) {
			snprintf(why, size, "call %d: state %s after %s", i,
				 rasdial_state_name(c->state),
				 i ? rasdial_state_name(d->calls[i - 1].state) : "start");
			return;
		}
		last = so_rank(c->state);
	}
	if (d->calls[0].state != RASCS_OpenPort) {
		snprintf(why, size, "first call %s",
			 rasdial_state_name(d->calls[0].state));
		return;
	}
	for (size_t k = 0; k < sizeof(need) / sizeof(need[0]); k++) {
		int hit = 0;

		for (int i = 0; i < d->n; i++)
			hit |= d->calls[i].state == need[k] && !d->calls[i].error;
		if (!hit) {
			snprintf(why, size, "no %s", rasdial_state_name(need[k]));
			return;
		}
	}
	if (nerr != 1 || d->calls[d->n - 1].state != RASCS_Disconnected ||
	    d->calls[d->n - 1].error != ERROR_USER_DISCONNECTION)
		snprintf(why, size, "%d error calls, last (%s, %u)", nerr,
			 rasdial_state_name(d->calls[d->n - 1].state),
			 d->calls[d->n - 1].error);
}

static void __attribute__((noreturn)) child_main(int proc)
{
	pthread_t t[NTHREAD];
	int started = 0, bad = 0;

	me = proc;
	for (int i = 0; i < NTHREAD; i++)
		if (!pthread_create(&t[i], NULL, thread_main,
				    (void *)(intptr_t)i))
			started++;
	for (int i = 0; i < started; i++)
		pthread_join(t[i], NULL);
	/* A late call would show after the last one: give it a moment. */
	usleep(500 * 1000);
	pthread_mutex_lock(&lock);
	for (int i = 0; i < NPERPROC; i++) {
		struct dial *d = &dials[i];
		struct dial_result *r = &sh->r[proc * NPERPROC + i];

		if (!r->why[0])
			check_dial(d, r->why, sizeof(r->why));
		r->ok = !r->why[0];
		bad += !r->ok;
		r->ncalls = d->n < MAX_CALLS ? d->n : MAX_CALLS;
		for (int k = 0; k < r->ncalls; k++) {
			r->states[k] = d->calls[k].state;
			r->errors[k] = d->calls[k].error;
		}
	}
	pthread_mutex_unlock(&lock);
	_exit(started == NTHREAD && !bad ? 0 : 1);
}

/* Peers entry load%02d for dial I (CHAP, its own /32 pair). */
static void setup_entry(int i)
{
	char path[64], text[1024];

	snprintf(text, sizeof(text),
		 "pty \"/usr/sbin/pppd notty auth require-chap name " DT_SERVER
		 " local nodefaultroute noipdefault nolock noipv6"
		 " lcp-echo-interval 0 192.0.2.%d:192.0.2.%d\"\n"
		 "remotename " DT_SERVER "\n"
		 "noauth\nlocal\nnodefaultroute\nnoipdefault\nnolock\nnoipv6\n"
		 "lcp-echo-interval 0\n", 2 * i + 1, 2 * i + 2);
	snprintf(path, sizeof(path), "/etc/ppp/peers/" ENTRY_FMT, i);
	dt_write_file(path, text);
}

/* Same states, same errors. */
static int same_sequence(const struct dial_result *a,
			 const struct dial_result *b)
{
	if (a->ncalls != b->ncalls)
		return 0;
	for (int k = 0; k < a->ncalls; k++)
		if (a->states[k] != b->states[k] || a->errors[k] != b->errors[k])
			return 0;
	return 1;
}

FIXTURE(load) {
	pid_t kids[NPROC];
};

FIXTURE_SETUP(load)
{
	/* The secrets files both sides use. */
	dt_setup_entry("load-secrets", DT_AUTH_CHAP, NULL);
	unlink("/etc/ppp/peers/load-secrets");
	for (int i = 0; i < NCONN; i++)
		setup_entry(i);
	prctl(PR_SET_CHILD_SUBREAPER, 1);
	sh = mmap(NULL, sizeof(*sh), PROT_READ | PROT_WRITE,
		  MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	ASSERT_NE(MAP_FAILED, sh);
	memset(sh, 0, sizeof(*sh));
	memset(self->kids, 0, sizeof(self->kids));
}

FIXTURE_TEARDOWN(load)
{
	for (int i = 0; i < NPROC; i++)
		if (self->kids[i] > 0) {
			kill(self->kids[i], SIGKILL);
			waitpid(self->kids[i], NULL, 0);
		}
	dt_wait_registry_empty(20000);
}

TEST_F_TIMEOUT(load, dials_64_threads_8_processes_4, 290)
{
	long long t_conn = 0, t_end, deadline;
	int nconn = 0, nok = 0, exited = 0, ref = -1, same = 0;
	struct dt_kconn k;
	int status;

	for (int i = 0; i < NPROC; i++) {
		self->kids[i] = fork();
		ASSERT_GE(self->kids[i], 0);
		if (self->kids[i] == 0)
			child_main(i);
	}
	ASSERT_TRUE(wait_flag(&sh->ready, NPROC * NTHREAD,
			      dt_now_ms() + 30000));
	sh->t0 = dt_now_ms();
	atomic_store(&sh->start, 1);

	/* Every dial Connected (or failed), then all hang up at once. */
	wait_flag(&sh->connected, NCONN, sh->t0 + CONNECT_MS + 5000);
	t_conn = dt_now_ms() - sh->t0;
	for (int i = 0; i < NCONN; i++)
		nconn += sh->r[i].connected;
	{
		struct dt_kconn all;

		if (dt_kernel_get(0, &all) == 0)
			TH_LOG("registry holds %d conns with all dials up", all.found);
		/* 128 pppds in the VM's 1 GB (scripts/vm --mem) */
		if (system("grep -E '^(MemTotal|MemAvailable)' /proc/meminfo | sed 's/^/# /'"))
			TH_LOG("no /proc/meminfo");
	}
	atomic_store(&sh->hangup, 1);

	deadline = dt_now_ms() + END_MS + 15000;
	while (exited < NPROC && dt_now_ms() < deadline) {
		/* Orphaned pppds come to us (subreaper): reap them too. */
		pid_t pid = waitpid(-1, &status, WNOHANG);

		if (pid <= 0) {
			usleep(20000);
			continue;
		}
		for (int i = 0; i < NPROC; i++) {
			if (self->kids[i] != pid)
				continue;
			if (!WIFEXITED(status) || WEXITSTATUS(status))
				TH_LOG("process %d: exit status 0x%x", i, status);
			self->kids[i] = 0;
			exited++;
		}
	}
	t_end = dt_now_ms() - sh->t0;

	for (int i = 0; i < NCONN; i++) {
		struct dial_result *r = &sh->r[i];

		nok += r->ok;
		if (!r->ok) {
			TH_LOG("dial %d (process %d thread %d, id %u): %s", i,
			       i / NPERPROC, i % NPERPROC / NDIAL, r->id,
			       r->why[0] ? r->why : "no result");
			for (int c = 0; c < r->ncalls; c++)
				TH_LOG("  %-22s %u", rasdial_state_name(r->states[c]),
				       r->errors[c]);
		}
		for (int j = 0; j < i; j++)
			if (r->id && r->id == sh->r[j].id)
				TH_LOG("dials %d and %d share handle %u", i, j,
				       r->id);
		EXPECT_NE(0, r->id);
		if (r->ok && ref < 0)
			ref = i;
	}
	for (int i = 0; ref >= 0 && i < NCONN; i++)
		same += same_sequence(&sh->r[i], &sh->r[ref]);
	if (ref >= 0) {
		TH_LOG("sequence of every dial (%d calls):", sh->r[ref].ncalls);
		for (int c = 0; c < sh->r[ref].ncalls; c++)
			TH_LOG("  %-22s %u", rasdial_state_name(sh->r[ref].states[c]),
			       sh->r[ref].errors[c]);
	}
	ksft_print_msg("load: %d dials from %d threads in %d processes: "
		       "%d Connected in %lld ms, all ended at %lld ms; "
		       "%d complete and in order, %d with the common sequence, "
		       "%d calls to a wrong callback\n",
		       NCONN, NPROC * NTHREAD, NPROC, nconn, t_conn, t_end,
		       nok, same, atomic_load(&sh->crosstalk));

	EXPECT_EQ(NPROC, exited);
	EXPECT_EQ(NCONN, nconn);
	EXPECT_EQ(NCONN, nok);
	EXPECT_EQ(NCONN, same);
	EXPECT_EQ(0, atomic_load(&sh->crosstalk));
	EXPECT_TRUE(dt_wait_registry_empty(20000));
	EXPECT_EQ(0, dt_kernel_get(0, &k));
	EXPECT_EQ(0, k.found);
	/* The answering pppds go with their dialers. */
	EXPECT_TRUE(dt_wait_no_pppd(20000));
}

TEST_HARNESS_MAIN
