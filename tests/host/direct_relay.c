// SPDX-License-Identifier: GPL-2.0
/*
 * The direct relay (shim/direct.c) end to end on the host, without
 * rasdial.ko: RASDIAL_RELAY=direct, and RASDIAL_PPPD is tests/fake-pppd
 * (build/tests/fake-pppd), which plays the plugin's side of the socket
 * pair librasdial hands pppd, as its FAKE_PPPD_SCRIPT says, and checks
 * every answer of the library (one datagram, our CONN_ID, ACKs only when
 * asked and only after the notifier returned).  Each case asserts what a
 * RAS program sees through the public API, and that the fake's report
 * (FAKE_PPPD_DIR/report.ID) holds no FAIL.
 *
 * Root only (else exit 4, KSFT_SKIP): for anyone else the entry itself
 * must load rasdial.so, as the library refuses to pass pppd "plugin".
 */
#include <dirent.h>
#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <libgen.h>
#include <limits.h>
#include <poll.h>
#include <pthread.h>
#include <signal.h>
#include <spawn.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <malloc.h>
#ifdef __SANITIZE_ADDRESS__
/* libasan's (sanitizer/allocator_interface.h, which gcc does not ship). */
size_t __sanitizer_get_current_allocated_bytes(void);
#endif

#include <linux/rasdial.h>
#include <rasdial/rasdial.h>

#include "kselftest_harness.h"

#define ENTRY		"fake"
#define ENTRY2		"fake2"
#define WAIT_MS		5000	/* for a state, a report line */
#define VANISHED_MS	200	/* pppd's death to the notifier's 619 */
#define NOTIFY_MS	10	/* each notifier call: a program that works */
#define MAX_CALLS	64
#define PEEK_ENV	"DIRECT_RELAY_PEEK"

extern char **environ;

/* The fake's path; the test's directory (peers entries, reports). */
static char fake_path[PATH_MAX];
static char dir[] = "/tmp/rddirect-XXXXXX";
static bool dir_made;

struct call {
	HRASCONN h;
	UINT msg;
	RASCONNSTATE state;
	DWORD err, ext;
	int64_t ns;		/* CLOCK_MONOTONIC when it began */
};

static pthread_mutex_t calls_lock = PTHREAD_MUTEX_INITIALIZER;
static struct call calls[MAX_CALLS];
static int n_calls;

static int64_t now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000000000 + ts.tv_nsec;
}

static void sleep_ms(int ms)
{
	poll(NULL, 0, ms);
}

static uint32_t id_of(HRASCONN h)
{
	return (uint32_t)(uintptr_t)h;
}

/*
 * RasDialFunc1: records the call, takes NOTIFY_MS as a program's
 * callback does, and logs "STATE ERROR" to DIR/cb.ID as it returns, where
 * the fake looks when the ACK comes.
 */
static void WINAPI on_event(HRASCONN h, UINT msg, RASCONNSTATE state,
			    DWORD err, DWORD ext)
{
	struct call c = { h, msg, state, err, ext, now_ns() };
	char path[PATH_MAX], line[64];
	int fd, n;

	pthread_mutex_lock(&calls_lock);
	if (n_calls < MAX_CALLS)
		calls[n_calls++] = c;
	pthread_mutex_unlock(&calls_lock);
	sleep_ms(NOTIFY_MS);
	snprintf(path, sizeof(path), "%s/cb.%u", dir, id_of(h));
	n = snprintf(line, sizeof(line), "%u %u\n", (unsigned int)state,
		     (unsigned int)err);
	fd = open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0644);
	if (fd >= 0) {
		if (write(fd, line, (size_t)n) < 0) {
			/* the fake then reports the missing line */
		}
		close(fd);
	}
}

static int calls_seen(void)
{
	int n;

	pthread_mutex_lock(&calls_lock);
	n = n_calls;
	pthread_mutex_unlock(&calls_lock);
	return n;
}

static struct call call_at(int i)
{
	struct call c;

	pthread_mutex_lock(&calls_lock);
	c = calls[i];
	pthread_mutex_unlock(&calls_lock);
	return c;
}

/* Waits up to WAIT_MS for a call (STATE, ERR) for H (NULL: any): its
 * index, or -1. */
static int wait_call_for(HRASCONN h, RASCONNSTATE state, DWORD err)
{
	int64_t deadline = now_ns() + (int64_t)WAIT_MS * 1000000;
	int i, found;

	do {
		found = -1;
		pthread_mutex_lock(&calls_lock);
		for (i = 0; i < n_calls && found < 0; i++)
			if (calls[i].state == state && calls[i].err == err &&
			    (!h || calls[i].h == h))
				found = i;
		pthread_mutex_unlock(&calls_lock);
		if (found >= 0)
			return found;
		sleep_ms(2);
	} while (now_ns() < deadline);
	return -1;
}

static int wait_call(RASCONNSTATE state, DWORD err)
{
	return wait_call_for(NULL, state, err);
}

/* Every notifier call so far, for a failure's log. */
static void log_calls(struct __test_metadata *_metadata)
{
	int i, n = calls_seen();

	for (i = 0; i < n; i++) {
		struct call c = call_at(i);

		TH_LOG("call %d: h %u %s error %u", i, id_of(c.h),
		       rasdial_state_name(c.state), (unsigned int)c.err);
	}
}

/* The fake's report for conn ID into BUF ("" when there is none). */
static void report_read(uint32_t id, char *buf, size_t size)
{
	char path[PATH_MAX];
	ssize_t n = 0;
	int fd;

	snprintf(path, sizeof(path), "%s/report.%u", dir, id);
	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd >= 0) {
		n = read(fd, buf, size - 1);
		close(fd);
	}
	buf[n > 0 ? n : 0] = '\0';
}

/* The first line of REPORT that starts with PREFIX, or NULL. */
static const char *report_line(const char *report, const char *prefix)
{
	size_t len = strlen(prefix);
	const char *p = report;

	while (p && *p) {
		if (!strncmp(p, prefix, len))
			return p;
		p = strchr(p, '\n');
		if (p)
			p++;
	}
	return NULL;
}

/* Waits up to WAIT_MS for a line PREFIX in conn ID's report (in BUF). */
static const char *wait_report(uint32_t id, const char *prefix, char *buf,
			       size_t size)
{
	int64_t deadline = now_ns() + (int64_t)WAIT_MS * 1000000;
	const char *line;

	do {
		report_read(id, buf, size);
		line = report_line(buf, prefix);
		if (line)
			return line;
		sleep_ms(5);
	} while (now_ns() < deadline);
	return NULL;
}

/* Fails the test when the fake reported a violation. */
#define EXPECT_REPORT_CLEAN(report) \
	EXPECT_NULL(report_line(report, "FAIL")) \
		TH_LOG("fake-pppd's report:\n%s", report)

static long report_number(const char *report, const char *prefix)
{
	const char *line = report_line(report, prefix);

	return line ? strtol(line + strlen(prefix), NULL, 10) : -1;
}

/* pppd's exit status once the library has reaped it (at most WAIT_MS). */
static DWORD wait_exit_status(HRASCONN h, DWORD *status)
{
	int64_t deadline = now_ns() + (int64_t)WAIT_MS * 1000000;
	DWORD ret;

	do {
		ret = rasdial_get_pppd_exit_status(h, status);
		if (ret != PENDING)
			return ret;
		sleep_ms(2);
	} while (now_ns() < deadline);
	return ret;
}

/* Waits up to WAIT_MS for the handle to be gone; the last answer. */
static DWORD wait_handle_gone(HRASCONN h)
{
	int64_t deadline = now_ns() + (int64_t)WAIT_MS * 1000000;
	RASCONNSTATUSA st;
	DWORD ret;

	do {
		memset(&st, 0, sizeof(st));
		st.dwSize = sizeof(st);
		ret = RasGetConnectStatusA(h, &st);
		if (ret == ERROR_INVALID_HANDLE)
			return ret;
		sleep_ms(2);
	} while (now_ns() < deadline);
	return ret;
}

/* Writes TEXT as the peers entry NAME in DIR, in place (same inode). */
static int write_entry(const char *name, const char *text)
{
	char path[PATH_MAX];
	FILE *f;

	snprintf(path, sizeof(path), "%s/%s", dir, name);
	f = fopen(path, "w");
	if (!f)
		return -1;
	fputs(text, f);
	return fclose(f);
}

/*
 * RasDialA of ENTRY in the test's directory, pppd being the fake running
 * SCRIPT; with on_event as RasDialFunc1 when ASYNC, then returning once
 * the fake has started (so that the next dial may change the script).
 */
static DWORD dial(const char *entry, const char *script, DWORD options,
		  bool async, HRASCONN *h)
{
	RASDIALEXTENSIONS ext = { .dwSize = sizeof(ext), .dwfOptions = options };
	RASDIALPARAMSA p = { .dwSize = sizeof(p) };
	char report[4096];
	DWORD ret;

	setenv("FAKE_PPPD_SCRIPT", script, 1);
	snprintf(p.szEntryName, sizeof(p.szEntryName), "%s", entry);
	snprintf(p.szUserName, sizeof(p.szUserName), "me");
	snprintf(p.szPassword, sizeof(p.szPassword), "secret");
	*h = NULL;
	ret = RasDialA(options ? &ext : NULL, dir, &p, async ? 1 : 0,
		       async ? (void *)on_event : NULL, h);
	if (!ret && async && *h)
		wait_report(id_of(*h), "conn ", report, sizeof(report));
	return ret;
}

static DWORD connect_status(HRASCONN h, RASCONNSTATUSA *st)
{
	memset(st, 0, sizeof(*st));
	st->dwSize = sizeof(*st);
	return RasGetConnectStatusA(h, st);
}

static DWORD enum_connections(RASCONNA *conns, DWORD max, DWORD *n)
{
	DWORD cb = max * (DWORD)sizeof(*conns), i;

	memset(conns, 0, cb);
	for (i = 0; i < max; i++)
		conns[i].dwSize = sizeof(*conns);
	*n = 0;
	return RasEnumConnectionsA(conns, &cb, n);
}

/*
 * posix_spawn as the library's spawner thread calls it, here so that a
 * case can hold that thread after pppd has started and before the
 * library has taken its pid (a loaded machine does this by itself).
 * Held while spawn_hold is set, at most WAIT_MS.
 */
static pthread_mutex_t spawn_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t spawn_cond = PTHREAD_COND_INITIALIZER;
static bool spawn_hold, spawn_held;
#define MAX_SPAWNS	64
static int64_t spawn_ns[MAX_SPAWNS];	/* when each posix_spawn began */
static int n_spawns;

int posix_spawn(pid_t *pid, const char *path,
		const posix_spawn_file_actions_t *fa,
		const posix_spawnattr_t *attr, char *const argv[],
		char *const envp[])
{
	static int (*real)(pid_t *, const char *,
			   const posix_spawn_file_actions_t *,
			   const posix_spawnattr_t *, char *const [],
			   char *const []);
	struct timespec until;
	int err;

	if (!real)
		*(void **)&real = dlsym(RTLD_NEXT, "posix_spawn");
	if (!real)
		return ENOSYS;
	pthread_mutex_lock(&spawn_lock);
	if (n_spawns < MAX_SPAWNS)
		spawn_ns[n_spawns++] = now_ns();
	pthread_mutex_unlock(&spawn_lock);
	err = real(pid, path, fa, attr, argv, envp);
	clock_gettime(CLOCK_REALTIME, &until);
	until.tv_sec += WAIT_MS / 1000;
	pthread_mutex_lock(&spawn_lock);
	if (spawn_hold) {
		spawn_held = true;
		pthread_cond_broadcast(&spawn_cond);
		while (spawn_hold &&
		       pthread_cond_timedwait(&spawn_cond, &spawn_lock,
					      &until) != ETIMEDOUT)
			;
	}
	pthread_mutex_unlock(&spawn_lock);
	return err;
}

static void spawn_release(void)
{
	pthread_mutex_lock(&spawn_lock);
	spawn_hold = false;
	pthread_cond_broadcast(&spawn_cond);
	pthread_mutex_unlock(&spawn_lock);
}

/*
 * Another process of the same user: this program run again with
 * PEEK_ENV=ID, which asks the library about handle ID before the harness
 * starts and prints what it answered.
 */
static void __attribute__((constructor)) peek(void)
{
	const char *v = getenv(PEEK_ENV);
	HRASCONN h;
	RASCONNSTATUSA st;
	RASCONNA conns[4];
	DWORD n, ret_enum, ret_status, ret_hangup;

	if (!v)
		return;
	h = (HRASCONN)(uintptr_t)strtoul(v, NULL, 10);
	ret_enum = enum_connections(conns, 4, &n);
	ret_status = connect_status(h, &st);
	ret_hangup = RasHangUpA(h);
	printf("relay %u enum %u conns %u status %u hangup %u\n",
	       (unsigned int)rasdial_get_relay_mode(), (unsigned int)ret_enum,
	       (unsigned int)n, (unsigned int)ret_status,
	       (unsigned int)ret_hangup);
	fflush(stdout);
	_exit(0);
}

/* Runs peek() for H in a new process; its line into OUT, or -1. */
static int run_peek(HRASCONN h, char *out, size_t size)
{
	posix_spawn_file_actions_t fa;
	char self[PATH_MAX], var[64];
	char *argv[] = { self, NULL };
	char **envp;
	struct pollfd pfd;
	size_t n_env = 0, i, len = 0;
	int p[2], st, err;
	ssize_t n;
	pid_t pid;

	n = readlink("/proc/self/exe", self, sizeof(self) - 1);
	if (n <= 0 || pipe2(p, O_CLOEXEC))
		return -1;
	self[n] = '\0';
	while (environ[n_env])
		n_env++;
	envp = calloc(n_env + 2, sizeof(*envp));
	if (!envp)
		return -1;
	for (i = 0; i < n_env; i++)
		envp[i] = environ[i];
	snprintf(var, sizeof(var), "%s=%u", PEEK_ENV, id_of(h));
	envp[n_env] = var;
	posix_spawn_file_actions_init(&fa);
	posix_spawn_file_actions_adddup2(&fa, p[1], 1);
	err = posix_spawn(&pid, self, &fa, NULL, argv, envp);
	posix_spawn_file_actions_destroy(&fa);
	free(envp);
	close(p[1]);
	if (err) {
		close(p[0]);
		return -1;
	}
	pfd = (struct pollfd){ .fd = p[0], .events = POLLIN };
	while (len < size - 1 && poll(&pfd, 1, WAIT_MS) > 0) {
		n = read(p[0], out + len, size - 1 - len);
		if (n <= 0)
			break;
		len += (size_t)n;
	}
	out[len] = '\0';
	close(p[0]);
	/* Ours, not the library's: it reaps only its pppds. */
	kill(pid, SIGKILL);
	waitpid(pid, &st, 0);
	return len ? 0 : -1;
}

FIXTURE(direct) {
	int unused;
};

FIXTURE_SETUP(direct)
{
	char exe[PATH_MAX];
	ssize_t n;

	/* build/tests/host/NAME -> build/tests/fake-pppd */
	n = readlink("/proc/self/exe", exe, sizeof(exe) - 1);
	ASSERT_LT(0, n);
	exe[n] = '\0';
	snprintf(fake_path, sizeof(fake_path), "%s/../fake-pppd",
		 dirname(exe));
	ASSERT_EQ(0, access(fake_path, X_OK))
		TH_LOG("%s: %s (make -C tests)", fake_path, strerror(errno));
	ASSERT_NE(NULL, mkdtemp(dir));
	dir_made = true;
	/* Two peers entries; no device, no "plugin" (root's RasDial adds it). */
	ASSERT_EQ(0, write_entry(ENTRY, "# tests/host/direct_relay.c: pppd is tests/fake-pppd\nnoauth\n"));
	ASSERT_EQ(0, write_entry(ENTRY2, "noauth\n"));
	setenv("RASDIAL_RELAY", "direct", 1);
	setenv("RASDIAL_PPPD", fake_path, 1);
	setenv("FAKE_PPPD_DIR", dir, 1);
	n_calls = 0;
}

/* Kills a fake a failed case left running (by its pid), removes DIR. */
FIXTURE_TEARDOWN(direct)
{
	char path[PATH_MAX], report[4096];
	struct dirent *de;
	int pass;
	DIR *d;

	if (!dir_made)
		return;
	/* The kills first (reports read), then the files. */
	for (pass = 0; pass < 2; pass++) {
		d = opendir(dir);
		if (!d)
			return;
		while ((de = readdir(d))) {
			if (de->d_name[0] == '.')
				continue;
			snprintf(path, sizeof(path), "%s/%s", dir, de->d_name);
			if (pass) {
				unlink(path);
				continue;
			}
			if (strncmp(de->d_name, "report.", 7))
				continue;
			report_read((uint32_t)strtoul(de->d_name + 7, NULL, 10),
				    report, sizeof(report));
			if (!report_line(report, "exit ") &&
			    report_number(report, "pid ") > 0)
				kill((pid_t)report_number(report, "pid "),
				     SIGKILL);
		}
		closedir(d);
	}
	rmdir(dir);
}

/* The states of a dial as the fake reports them (plugin order). */
static const RASCONNSTATE dial_states[] = {
	RASCS_OpenPort, RASCS_PortOpened, RASCS_ConnectDevice,
	RASCS_DeviceConnected, RASCS_AllDevicesConnected, RASCS_Authenticate,
	RASCS_Authenticated, RASCS_Projected, RASCS_Connected,
};

/*
 * A whole link: every state in order on one handle, each event held
 * until the notifier returned (the fake checks the ACK and DIR/cb.ID),
 * the addresses for RasGetProjectionInfo, RasHangUp as SIGTERM from us,
 * and pppd's last event to the notifier (RDEOPT_RasdialNotifyLinkEnd).
 */
TEST_F(direct, full_dial)
{
	static const char script[] =
		"acks:1 cb:1 ev:0 ev:1 ev:2 ev:3 ev:4 ev:5 ev:14 ev:18 "
		"ev:0x2000,local=10.0.0.2,remote=10.0.0.1 "
		"term ev:0x2001,final,exit=5 exit:5";
	char report[8192], want[32];
	RASPPPIPA ip = { .dwSize = sizeof(ip) };
	DWORD cb = sizeof(ip), n, status;
	RASCONNSTATUSA st;
	RASCONNA conns[4];
	HRASCONN h;
	uint32_t id;
	unsigned int i;
	int at;

	ASSERT_EQ(ERROR_SUCCESS,
		  dial(ENTRY, script, RDEOPT_RasdialNotifyLinkEnd, true, &h));
	ASSERT_NE(NULL, h);
	id = id_of(h);
	at = wait_call(RASCS_Connected, 0);
	report_read(id, report, sizeof(report));
	ASSERT_EQ((int)ARRAY_SIZE(dial_states) - 1, at)
		TH_LOG("fake-pppd's report:\n%s", report);
	for (i = 0; i < ARRAY_SIZE(dial_states); i++) {
		struct call c = call_at((int)i);

		EXPECT_EQ(h, c.h);
		EXPECT_EQ(WM_RASDIALEVENT, c.msg);
		EXPECT_EQ(dial_states[i], c.state)
			TH_LOG("call %u: %s", i, rasdial_state_name(c.state));
		EXPECT_EQ(0, c.err);
		EXPECT_EQ(0, c.ext);
	}

	ASSERT_EQ(ERROR_SUCCESS, connect_status(h, &st));
	EXPECT_EQ(RASCS_Connected, st.rasconnstate);
	EXPECT_EQ(0, st.dwError);
	ASSERT_EQ(ERROR_SUCCESS, RasGetProjectionInfoA(h, RASP_PppIp, &ip, &cb));
	EXPECT_EQ(0, ip.dwError);
	EXPECT_STREQ("10.0.0.2", ip.szIpAddress);
	EXPECT_STREQ("10.0.0.1", ip.szServerIpAddress);
	ASSERT_EQ(ERROR_SUCCESS, enum_connections(conns, 4, &n));
	ASSERT_EQ(1, n);
	EXPECT_EQ(h, conns[0].hrasconn);
	EXPECT_STREQ(ENTRY, conns[0].szEntryName);
	EXPECT_EQ(PENDING, rasdial_get_pppd_exit_status(h, &status));

	/* What pppd got: the password on its fd, an ACK for each event (the
	 * last one once the notifier has returned). */
	snprintf(want, sizeof(want), "ack %u\n",
		 (unsigned int)ARRAY_SIZE(dial_states));
	ASSERT_NE(NULL, wait_report(id, want, report, sizeof(report)))
		TH_LOG("fake-pppd's report:\n%s", report);
	EXPECT_NE(NULL, report_line(report, "passwd secret\n"));
	for (i = 1; i <= ARRAY_SIZE(dial_states); i++) {
		snprintf(want, sizeof(want), "ack %u\n", i);
		EXPECT_NE(NULL, report_line(report, want)) TH_LOG("no %s", want);
	}
	EXPECT_NULL(report_line(report, "sigterm"));
	EXPECT_REPORT_CLEAN(report);

	ASSERT_EQ(ERROR_SUCCESS, RasHangUpA(h));
	at = wait_call(RASCS_Disconnected, 0);
	ASSERT_LE(0, at) {
		report_read(id, report, sizeof(report));
		TH_LOG("no Disconnected; fake-pppd's report:\n%s", report);
		log_calls(_metadata);
		TH_LOG("RasGetConnectStatusA: %u, %s %u",
		       (unsigned int)connect_status(h, &st),
		       rasdial_state_name(st.rasconnstate),
		       (unsigned int)st.dwError);
	}
	EXPECT_EQ(h, call_at(at).h);
	ASSERT_NE(NULL, wait_report(id, "exit ", report, sizeof(report)))
		TH_LOG("fake-pppd did not end:\n%s", report);
	EXPECT_EQ(getpid(), report_number(report, "sigterm from "));
	EXPECT_EQ(5, report_number(report, "exit "));
	EXPECT_NE(NULL, report_line(report, "ack 10\n"));
	EXPECT_REPORT_CLEAN(report);
	/* The last call was the link's end. */
	sleep_ms(100);
	EXPECT_EQ(at + 1, calls_seen());

	EXPECT_EQ(ERROR_INVALID_HANDLE, wait_handle_gone(h));
	ASSERT_EQ(ERROR_SUCCESS, enum_connections(conns, 4, &n));
	EXPECT_EQ(0, n);
}

/*
 * pppd gone after RASCS_Connected without its last event (HOW: the
 * fake's script tail; KILL: SIGKILL from us): the notifier hears
 * (Disconnected, 619) within VANISHED_MS, and pppd's status is kept.
 */
static void vanish(struct __test_metadata *_metadata, const char *tail,
		   bool kill_it, DWORD want_status)
{
	char script[256], report[8192];
	RASCONNSTATUSA st;
	HRASCONN h;
	DWORD status;
	int64_t gone_ns;
	struct call c;
	uint32_t id;
	int at;

	snprintf(script, sizeof(script),
		 "acks:1 cb:1 ev:0 ev:1 ev:5 ev:0x2000,local=10.0.0.2 %s", tail);
	ASSERT_EQ(ERROR_SUCCESS,
		  dial(ENTRY, script, RDEOPT_RasdialNotifyLinkEnd, true, &h));
	id = id_of(h);
	ASSERT_LE(0, wait_call(RASCS_Connected, 0)) {
		report_read(id, report, sizeof(report));
		TH_LOG("fake-pppd's report:\n%s", report);
	}
	if (kill_it) {
		long pid;

		ASSERT_NE(NULL, wait_report(id, "hold", report, sizeof(report)))
			TH_LOG("fake-pppd's report:\n%s", report);
		pid = report_number(report, "pid ");
		ASSERT_LT(0, pid);
		gone_ns = now_ns();
		ASSERT_EQ(0, kill((pid_t)pid, SIGKILL));
	} else {
		ASSERT_NE(NULL, wait_report(id, "exit ", report, sizeof(report)))
			TH_LOG("fake-pppd's report:\n%s", report);
		gone_ns = strtoll(strchr(report_line(report, "exit ") + 5, ' '),
				  NULL, 10);
	}
	at = wait_call(RASCS_Disconnected, RASDIAL_ERROR_PPPD_VANISHED);
	ASSERT_LE(0, at);
	c = call_at(at);
	EXPECT_EQ(h, c.h);
	EXPECT_LE(gone_ns, c.ns);
	EXPECT_GT(gone_ns + (int64_t)VANISHED_MS * 1000000, c.ns)
		TH_LOG("619 came %lld ms after pppd's end",
		       (long long)((c.ns - gone_ns) / 1000000));
	sleep_ms(100);
	EXPECT_EQ(at + 1, calls_seen());

	ASSERT_EQ(ERROR_SUCCESS, connect_status(h, &st));
	EXPECT_EQ(RASCS_Disconnected, st.rasconnstate);
	EXPECT_EQ(RASDIAL_ERROR_PPPD_VANISHED, st.dwError);
	ASSERT_EQ(ERROR_SUCCESS, wait_exit_status(h, &status));
	EXPECT_EQ(want_status, status);
	report_read(id, report, sizeof(report));
	EXPECT_REPORT_CLEAN(report);
	/* A dial that ended keeps its handle until RasHangUp. */
	EXPECT_EQ(ERROR_SUCCESS, RasHangUpA(h));
	EXPECT_EQ(ERROR_INVALID_HANDLE, connect_status(h, &st));
}

TEST_F(direct, pppd_exits_without_last_event)
{
	vanish(_metadata, "exit:0", false, 0);
}

TEST_F(direct, pppd_killed)
{
	vanish(_metadata, "hold", true, 128 + SIGKILL);
}

/*
 * An event for a conn id that is not the fake's: NLMSG_ERROR -ENOENT
 * alone, nothing else (the fake checks), and no notifier call.  Then the
 * dial goes on; a synchronous RasDial asks for no ACK, and none comes.
 */
TEST_F(direct, wrong_conn_id_sync)
{
	static const char script[] =
		"acks:0 badid:0 ev:0 ev:1 ev:5 ev:0x2000 "
		"term ev:0x2001,final,exit=5 exit:5";
	char report[8192];
	RASCONNSTATUSA st;
	HRASCONN h;
	uint32_t id;

	ASSERT_EQ(ERROR_SUCCESS, dial(ENTRY, script, 0, false, &h));
	ASSERT_NE(NULL, h);
	id = id_of(h);
	ASSERT_EQ(ERROR_SUCCESS, connect_status(h, &st));
	EXPECT_EQ(RASCS_Connected, st.rasconnstate);
	report_read(id, report, sizeof(report));
	EXPECT_NULL(report_line(report, "ack "));
	EXPECT_REPORT_CLEAN(report);

	ASSERT_EQ(ERROR_SUCCESS, RasHangUpA(h));
	ASSERT_NE(NULL, wait_report(id, "exit ", report, sizeof(report)))
		TH_LOG("fake-pppd did not end:\n%s", report);
	EXPECT_EQ(5, report_number(report, "exit "));
	EXPECT_EQ(getpid(), report_number(report, "sigterm from "));
	EXPECT_NULL(report_line(report, "ack "));
	EXPECT_REPORT_CLEAN(report);
	EXPECT_EQ(ERROR_INVALID_HANDLE, wait_handle_gone(h));
	EXPECT_EQ(0, calls_seen());
}

TEST_F(direct, wrong_conn_id_async)
{
	static const char script[] =
		"acks:1 cb:1 badid:0 ev:0 badid:1 ev:1 ev:5 ev:0x2000 "
		"term cb:0 ev:0x2001,final,exit=5 exit:5";
	char report[8192];
	HRASCONN h;
	uint32_t id;
	int at;

	ASSERT_EQ(ERROR_SUCCESS, dial(ENTRY, script, 0, true, &h));
	id = id_of(h);
	at = wait_call(RASCS_Connected, 0);
	report_read(id, report, sizeof(report));
	ASSERT_EQ(3, at) TH_LOG("fake-pppd's report:\n%s", report);
	EXPECT_EQ(RASCS_OpenPort, call_at(0).state);
	EXPECT_EQ(RASCS_PortOpened, call_at(1).state);
	EXPECT_EQ(RASCS_Authenticate, call_at(2).state);
	ASSERT_NE(NULL, wait_report(id, "ack 6\n", report, sizeof(report)))
		TH_LOG("fake-pppd's report:\n%s", report);
	/* Events 1 and 3 were refused: no ACK for them. */
	EXPECT_NULL(report_line(report, "ack 1\n"));
	EXPECT_NULL(report_line(report, "ack 3\n"));
	EXPECT_REPORT_CLEAN(report);

	ASSERT_EQ(ERROR_SUCCESS, RasHangUpA(h));
	ASSERT_NE(NULL, wait_report(id, "exit ", report, sizeof(report)))
		TH_LOG("fake-pppd did not end:\n%s", report);
	EXPECT_EQ(5, report_number(report, "exit "));
	EXPECT_REPORT_CLEAN(report);
	/* Windows' rule: no call after RasHangUp returned. */
	EXPECT_EQ(4, calls_seen());
}

/*
 * A failed dial: Authenticate with 691 as pppd's last event, pppd exits
 * 19 (EXIT_AUTH_TOPEER_FAILED).  The notifier hears 691 and no more; the
 * handle keeps the state and error until RasHangUp.
 */
TEST_F(direct, auth_failure_notifier)
{
	static const char script[] =
		"acks:1 cb:1 ev:0 ev:1 ev:2 ev:3 ev:4 ev:5 "
		"ev:5,error=691,final,exit=19 exit:19";
	char report[8192];
	RASCONNSTATUSA st;
	HRASCONN h;
	DWORD status;
	uint32_t id;
	int at;

	ASSERT_EQ(ERROR_SUCCESS, dial(ENTRY, script, 0, true, &h));
	id = id_of(h);
	at = wait_call(RASCS_Authenticate, 691);
	report_read(id, report, sizeof(report));
	ASSERT_EQ(6, at) TH_LOG("fake-pppd's report:\n%s", report);
	EXPECT_EQ(RASCS_Authenticate, call_at(5).state);
	EXPECT_EQ(0, call_at(5).err);
	EXPECT_EQ(h, call_at(at).h);
	ASSERT_NE(NULL, wait_report(id, "exit ", report, sizeof(report)))
		TH_LOG("fake-pppd did not end:\n%s", report);
	EXPECT_EQ(19, report_number(report, "exit "));
	EXPECT_NE(NULL, report_line(report, "ack 7\n"));
	EXPECT_REPORT_CLEAN(report);
	ASSERT_EQ(ERROR_SUCCESS, wait_exit_status(h, &status));
	EXPECT_EQ(19, status);
	EXPECT_EQ(at + 1, calls_seen());

	ASSERT_EQ(ERROR_SUCCESS, connect_status(h, &st));
	EXPECT_EQ(RASCS_Authenticate, st.rasconnstate);
	EXPECT_EQ(691, st.dwError);
	EXPECT_EQ(ERROR_SUCCESS, RasHangUpA(h));
	EXPECT_EQ(ERROR_INVALID_HANDLE, connect_status(h, &st));
}

TEST_F(direct, auth_failure_sync)
{
	static const char script[] =
		"acks:0 ev:0 ev:1 ev:5 ev:5,error=691,final,exit=19 exit:19";
	char report[8192];
	RASCONNSTATUSA st;
	HRASCONN h;
	DWORD status;
	uint32_t id;

	EXPECT_EQ(691, dial(ENTRY, script, 0, false, &h));
	ASSERT_NE(NULL, h);
	id = id_of(h);
	ASSERT_NE(NULL, wait_report(id, "exit ", report, sizeof(report)))
		TH_LOG("fake-pppd did not end:\n%s", report);
	EXPECT_EQ(19, report_number(report, "exit "));
	EXPECT_NULL(report_line(report, "ack "));
	EXPECT_REPORT_CLEAN(report);
	ASSERT_EQ(ERROR_SUCCESS, wait_exit_status(h, &status));
	EXPECT_EQ(19, status);
	ASSERT_EQ(ERROR_SUCCESS, connect_status(h, &st));
	EXPECT_EQ(RASCS_Authenticate, st.rasconnstate);
	EXPECT_EQ(691, st.dwError);
	EXPECT_EQ(ERROR_SUCCESS, RasHangUpA(h));
	EXPECT_EQ(ERROR_INVALID_HANDLE, connect_status(h, &st));
}

/*
 * RasHangUp while the spawner thread has started pppd but not yet noted
 * its pid, the plugin having reported meanwhile (so the conn is bound):
 * pppd must still get its SIGTERM, and RasHangUp's 0 mean the link ends.
 */
TEST_F(direct, hangup_while_spawner_lags)
{
	static const char script[] =
		"acks:1 ev:0 ev:5 ev:0x2000 term ev:0x2001,final,exit=5 exit:5";
	char report[8192];
	HRASCONN h;
	uint32_t id;

	spawn_hold = true;
	ASSERT_EQ(ERROR_SUCCESS, dial(ENTRY, script, 0, true, &h));
	id = id_of(h);
	ASSERT_LE(0, wait_call(RASCS_Connected, 0)) {
		spawn_release();
		report_read(id, report, sizeof(report));
		TH_LOG("fake-pppd's report:\n%s", report);
	}
	ASSERT_NE(NULL, wait_report(id, "ack 3\n", report, sizeof(report)))
		spawn_release();
	pthread_mutex_lock(&spawn_lock);
	EXPECT_TRUE(spawn_held);
	pthread_mutex_unlock(&spawn_lock);

	EXPECT_EQ(ERROR_SUCCESS, RasHangUpA(h));
	spawn_release();
	ASSERT_NE(NULL, wait_report(id, "sigterm from ", report, sizeof(report)))
		TH_LOG("RasHangUpA returned 0, pppd got no SIGTERM:\n%s", report);
	ASSERT_NE(NULL, wait_report(id, "exit ", report, sizeof(report)))
		TH_LOG("fake-pppd did not end:\n%s", report);
	EXPECT_EQ(5, report_number(report, "exit "));
	EXPECT_EQ(getpid(), report_number(report, "sigterm from "));
	EXPECT_REPORT_CLEAN(report);
	EXPECT_EQ(ERROR_INVALID_HANDLE, wait_handle_gone(h));
}

/*
 * Only this process's dials exist: two links listed here, none in
 * another process, where our handle is ERROR_INVALID_HANDLE (and its
 * RasHangUp reaches no pppd); a handle no dial has is invalid here too.
 */
TEST_F(direct, only_own_dials)
{
	static const char script[] =
		"acks:1 ev:0 ev:5 ev:0x2000 term ev:0x2001,final,exit=5 exit:5";
	char report[8192], line[256];
	RASPPPIPA ip = { .dwSize = sizeof(ip) };
	DWORD n, cb = sizeof(ip);
	HRASCONN h1, h2, bogus;
	RASCONNSTATUSA st;
	RASCONNA conns[4];
	unsigned int relay, ret_enum, nconns, ret_status, ret_hangup;
	int i;

	EXPECT_EQ(RASDIAL_RELAY_DIRECT, rasdial_get_relay_mode());
	ASSERT_EQ(ERROR_SUCCESS, enum_connections(conns, 4, &n));
	EXPECT_EQ(0, n);
	ASSERT_EQ(ERROR_SUCCESS, dial(ENTRY, script, 0, true, &h1));
	ASSERT_EQ(ERROR_SUCCESS, dial(ENTRY2, script, 0, true, &h2));
	ASSERT_NE(h1, h2);
	ASSERT_LE(0, wait_call_for(h1, RASCS_Connected, 0));
	ASSERT_LE(0, wait_call_for(h2, RASCS_Connected, 0));

	ASSERT_EQ(ERROR_SUCCESS, enum_connections(conns, 4, &n));
	ASSERT_EQ(2, n);
	for (i = 0; i < 2; i++) {
		HRASCONN want = strcmp(conns[i].szEntryName, ENTRY) ? h2 : h1;

		EXPECT_EQ(want, conns[i].hrasconn)
			TH_LOG("%s", conns[i].szEntryName);
	}
	EXPECT_STRNE(conns[0].szEntryName, conns[1].szEntryName);

	bogus = (HRASCONN)(uintptr_t)(id_of(h1) > id_of(h2) ? id_of(h1) + 1
							    : id_of(h2) + 1);
	EXPECT_EQ(ERROR_INVALID_HANDLE, connect_status(bogus, &st));
	EXPECT_EQ(ERROR_INVALID_HANDLE, RasHangUpA(bogus));
	EXPECT_EQ(ERROR_INVALID_HANDLE,
		  RasGetProjectionInfoA(bogus, RASP_PppIp, &ip, &cb));
	EXPECT_EQ(ERROR_INVALID_HANDLE,
		  connect_status((HRASCONN)(uintptr_t)0xFFFFFFFFu, &st));
	EXPECT_EQ(ERROR_INVALID_HANDLE,
		  RasHangUpA((HRASCONN)(uintptr_t)0xFFFFFFFFu));

	ASSERT_EQ(0, run_peek(h1, line, sizeof(line)));
	ASSERT_EQ(5, sscanf(line, "relay %u enum %u conns %u status %u hangup %u",
			    &relay, &ret_enum, &nconns, &ret_status,
			    &ret_hangup)) TH_LOG("peek: %s", line);
	EXPECT_EQ(RASDIAL_RELAY_DIRECT, relay);
	EXPECT_EQ(ERROR_SUCCESS, ret_enum);
	EXPECT_EQ(0, nconns);
	EXPECT_EQ(ERROR_INVALID_HANDLE, ret_status);
	EXPECT_EQ(ERROR_INVALID_HANDLE, ret_hangup);
	/* Still up: the other process's RasHangUp reached nothing. */
	sleep_ms(100);
	report_read(id_of(h1), report, sizeof(report));
	EXPECT_NULL(report_line(report, "sigterm"));
	EXPECT_NULL(report_line(report, "exit "));
	ASSERT_EQ(ERROR_SUCCESS, connect_status(h1, &st));
	EXPECT_EQ(RASCS_Connected, st.rasconnstate);

	ASSERT_EQ(ERROR_SUCCESS, RasHangUpA(h1));
	ASSERT_EQ(ERROR_SUCCESS, RasHangUpA(h2));
	ASSERT_NE(NULL, wait_report(id_of(h1), "exit ", report, sizeof(report)));
	EXPECT_EQ(5, report_number(report, "exit "));
	EXPECT_REPORT_CLEAN(report);
	ASSERT_NE(NULL, wait_report(id_of(h2), "exit ", report, sizeof(report)));
	EXPECT_EQ(5, report_number(report, "exit "));
	EXPECT_REPORT_CLEAN(report);
	EXPECT_EQ(ERROR_INVALID_HANDLE, wait_handle_gone(h1));
	EXPECT_EQ(ERROR_INVALID_HANDLE, wait_handle_gone(h2));
	ASSERT_EQ(ERROR_SUCCESS, enum_connections(conns, 4, &n));
	EXPECT_EQ(0, n);
}

/* Not root: skipped here, as a SKIP in FIXTURE_SETUP would still run
 * the test (the 6.1 harness goes on after it). */
/*
 * An entry that xl2tpd dials (L2TP): its pppd is xl2tpd's child and cannot
 * inherit our socket, so the direct relay refuses it at once with
 * ERROR_NOT_SUPPORTED and says why; no handle, no pppd started.
 */
TEST_F(direct, l2tp_entry_not_supported)
{
	char path[PATH_MAX];
	HRASCONN h = NULL;
	DWORD n = 1;
	RASCONNA conns[2];

	ASSERT_EQ(0, write_entry("vpn", "rasdial-l2tp-lac somelac\n"));
	EXPECT_EQ(ERROR_NOT_SUPPORTED, dial("vpn", "exit:1", 0, true, &h));
	EXPECT_NE(NULL, strstr(rasdial_last_detail(), "rasdial kernel module"))
		TH_LOG("detail: %s", rasdial_last_detail());
	EXPECT_NULL(h);
	/* The fake writes report.ID as it starts: none did. */
	snprintf(path, sizeof(path), "%s/report.1", dir);
	EXPECT_NE(0, access(path, F_OK));
	ASSERT_EQ(ERROR_SUCCESS, enum_connections(conns, 2, &n));
	EXPECT_EQ(0, n);
}

/*
 * What RasDialA read of a peers file is kept (pppd_options.c) only while
 * the file is unchanged: each rewrite below keeps the inode and the size,
 * and the last two come within the same tick of the kernel's file clock,
 * so only "changed too recently to trust" tells them apart.
 */
TEST_F(direct, entry_rewritten_in_place)
{
	HRASCONN h = NULL;
	char report[4096];
	DWORD ret;

	ASSERT_EQ(0, write_entry("vpn", "rasdial-l2tp-lac somelac\n"));
	sleep_ms(300);
	EXPECT_EQ(ERROR_NOT_SUPPORTED, dial("vpn", "exit:1", 0, true, &h));
	EXPECT_EQ(ERROR_NOT_SUPPORTED, dial("vpn", "exit:1", 0, true, &h));
	/* Older than the tick: its times moved. */
	ASSERT_EQ(0, write_entry("vpn", "rasdial-l2tp-lac some!ac\n"));
	EXPECT_EQ(ERROR_CORRUPT_PHONEBOOK, dial("vpn", "exit:1", 0, true, &h));
	ASSERT_EQ(0, write_entry("vpn", "rasdial-l2tp-lac otherla\n"));
	EXPECT_EQ(ERROR_NOT_SUPPORTED, dial("vpn", "exit:1", 0, true, &h));
	ASSERT_EQ(0, write_entry("vpn", "rasdial-l2tp-lac other!a\n"));
	EXPECT_EQ(ERROR_CORRUPT_PHONEBOOK, dial("vpn", "exit:1", 0, true, &h));
	/* An ordinary entry at once: pppd (the fake) is started. */
	ASSERT_EQ(0, write_entry("vpn", "noauth # xxxxxxxxxxxxxxx\n"));
	ret = dial("vpn", "exit:1", 0, true, &h);
	ASSERT_EQ(ERROR_SUCCESS, ret);
	ASSERT_NE(NULL, h);
	EXPECT_NE(NULL, wait_report(id_of(h), "exit ", report, sizeof(report)));
	EXPECT_EQ(ERROR_SUCCESS, RasHangUpA(h));
}

/* Bytes of heap in use, as the allocator the program runs with counts. */
static size_t heap_in_use(void)
{
#ifdef __SANITIZE_ADDRESS__
	return __sanitizer_get_current_allocated_bytes();
#else
	return mallinfo2().uordblks;
#endif
}

/*
 * What a connection costs the library: at most 4 KiB of heap each (the
 * scale target), measured over HEAP_DIALS live links after a first dial
 * has started the library.  A dial record that carries PATH_MAX buffers
 * (a phonebook path, as 551d86d took out) is over it by itself.
 */
#define HEAP_DIALS	16
#define HEAP_PER_CONN	4096

TEST_F(direct, heap_per_connection)
{
	static const char script[] =
		"acks:1 ev:0 ev:5 ev:0x2000 term ev:0x2001,final,exit=5 exit:5";
	HRASCONN h[HEAP_DIALS] = { 0 }, first;
	char name[32], report[4096];
	size_t before, after;
	int i;

	for (i = 0; i < HEAP_DIALS; i++) {
		snprintf(name, sizeof(name), "heap%d", i);
		ASSERT_EQ(0, write_entry(name, "noauth\n"));
	}
	ASSERT_EQ(ERROR_SUCCESS, dial(ENTRY, script, 0, true, &first));
	ASSERT_LE(0, wait_call_for(first, RASCS_Connected, 0));
	EXPECT_EQ(ERROR_SUCCESS, RasHangUpA(first));
	ASSERT_EQ(ERROR_INVALID_HANDLE, wait_handle_gone(first));
	n_calls = 0;

	before = heap_in_use();
	for (i = 0; i < HEAP_DIALS; i++) {
		snprintf(name, sizeof(name), "heap%d", i);
		ASSERT_EQ(ERROR_SUCCESS, dial(name, script, 0, true, &h[i]));
	}
	for (i = 0; i < HEAP_DIALS; i++)
		ASSERT_LE(0, wait_call_for(h[i], RASCS_Connected, 0))
			log_calls(_metadata);
	after = heap_in_use();
	TH_LOG("%zu B of heap per connection (%d links)",
	       (after - before) / HEAP_DIALS, HEAP_DIALS);
	EXPECT_GE(after, before);
	EXPECT_LE((after - before) / HEAP_DIALS, HEAP_PER_CONN);

	for (i = 0; i < HEAP_DIALS; i++) {
		EXPECT_EQ(ERROR_SUCCESS, RasHangUpA(h[i]));
		EXPECT_NE(NULL, wait_report(id_of(h[i]), "exit ", report,
					    sizeof(report)));
		EXPECT_REPORT_CLEAN(report);
		EXPECT_EQ(ERROR_INVALID_HANDLE, wait_handle_gone(h[i]));
	}
}

/*
 * fork() after a dial: the child has none of the library's threads, so
 * its RasDial is refused at once (711, with a detail) instead of waiting
 * for events nothing reads; the parent's link goes on.
 */
TEST_F(direct, forked_child_refused)
{
	static const char script[] =
		"acks:1 ev:0 ev:5 ev:0x2000 term ev:0x2001,final,exit=5 exit:5";
	int64_t deadline;
	RASCONNSTATUSA st;
	char report[4096];
	int status = 0;
	HRASCONN h;
	pid_t pid, done = 0;

	ASSERT_EQ(ERROR_SUCCESS, dial(ENTRY, script, 0, true, &h));
	ASSERT_LE(0, wait_call_for(h, RASCS_Connected, 0));
	pid = fork();
	ASSERT_LE(0, pid);
	if (pid == 0) {
		RASDIALPARAMSA p = { .dwSize = sizeof(p) };
		HRASCONN h2 = NULL;
		DWORD ret;

		snprintf(p.szEntryName, sizeof(p.szEntryName), "%s", ENTRY2);
		ret = RasDialA(NULL, dir, &p, 0, NULL, &h2);
		_exit(ret == ERROR_RASMAN_CANNOT_INITIALIZE && !h2 &&
		      strstr(rasdial_last_detail(), "forked") ? 0 : 1);
	}
	deadline = now_ns() + (int64_t)WAIT_MS * 1000000;
	while (!(done = waitpid(pid, &status, WNOHANG)) && now_ns() < deadline)
		sleep_ms(5);
	if (!done) {
		kill(pid, SIGKILL);
		waitpid(pid, &status, 0);
	}
	EXPECT_EQ(pid, done)
		TH_LOG("the child's RasDialA did not return in %d ms", WAIT_MS);
	EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0)
		TH_LOG("the child's RasDialA: not 711 with a detail (status 0x%x)",
		       status);

	EXPECT_EQ(ERROR_SUCCESS, connect_status(h, &st));
	EXPECT_EQ(RASCS_Connected, st.rasconnstate);
	EXPECT_EQ(ERROR_SUCCESS, RasHangUpA(h));
	ASSERT_NE(NULL, wait_report(id_of(h), "exit ", report, sizeof(report)));
	EXPECT_REPORT_CLEAN(report);
	EXPECT_EQ(ERROR_INVALID_HANDLE, wait_handle_gone(h));
}

/*
 * A burst of asynchronous RasDials (a connection manager bringing up its
 * links) returns before the first of its pppds starts, as the spawner
 * waits until no RasDial has come for 2 ms (shim/dial.c); then every
 * pppd starts.  A burst in which this thread stopped for 2 ms or more
 * between two calls proves nothing, as the spawner may then rightly
 * start the first pppds: it is hung up and dialed again, and after
 * BURST_TRIES such bursts the test is skipped.
 */
#define BURST_DIALS	8
#define BURST_TRIES	5
#define BURST_GAP_NS	2000000		/* the library's SPAWN_QUIET_MS */

TEST_F(direct, burst_spawns_after_last_return)
{
	static const char script[] =
		"acks:1 ev:0 ev:5 ev:0x2000 term ev:0x2001,final,exit=5 exit:5";
	RASDIALPARAMSA p = { .dwSize = sizeof(p) };
	int64_t called[BURST_DIALS], returned[BURST_DIALS], gap = 0;
	HRASCONN h[BURST_DIALS], first;
	char report[4096];
	int try, i, early, spawned;
	bool clean = false;

	for (i = 0; i < BURST_DIALS; i++) {
		snprintf(p.szEntryName, sizeof(p.szEntryName), "burst%d", i);
		ASSERT_EQ(0, write_entry(p.szEntryName, "noauth\n"));
	}
	/* The library's threads exist before the burst. */
	ASSERT_EQ(ERROR_SUCCESS, dial(ENTRY, script, 0, true, &first));
	ASSERT_LE(0, wait_call_for(first, RASCS_Connected, 0));
	EXPECT_EQ(ERROR_SUCCESS, RasHangUpA(first));
	ASSERT_EQ(ERROR_INVALID_HANDLE, wait_handle_gone(first));
	snprintf(p.szUserName, sizeof(p.szUserName), "me");
	snprintf(p.szPassword, sizeof(p.szPassword), "secret");

	for (try = 0; try < BURST_TRIES && !clean; try++) {
		pthread_mutex_lock(&calls_lock);
		n_calls = 0;
		pthread_mutex_unlock(&calls_lock);
		pthread_mutex_lock(&spawn_lock);
		n_spawns = 0;
		pthread_mutex_unlock(&spawn_lock);
		gap = 0;
		for (i = 0; i < BURST_DIALS; i++) {
			snprintf(p.szEntryName, sizeof(p.szEntryName),
				 "burst%d", i);
			h[i] = NULL;
			called[i] = now_ns();
			ASSERT_EQ(ERROR_SUCCESS,
				  RasDialA(NULL, dir, &p, 1, (void *)on_event,
					   &h[i]));
			returned[i] = now_ns();
			/* Bounds the time between this job's queueing and
			 * the one before. */
			if (i && returned[i] - called[i - 1] > gap)
				gap = returned[i] - called[i - 1];
		}
		pthread_mutex_lock(&spawn_lock);
		for (early = 0, i = 0; i < n_spawns; i++)
			if (spawn_ns[i] < returned[BURST_DIALS - 1])
				early++;
		pthread_mutex_unlock(&spawn_lock);
		clean = gap < BURST_GAP_NS;
		if (clean) {
			TH_LOG("%d RasDialA calls, at most %lld us between two",
			       BURST_DIALS, (long long)gap / 1000);
			EXPECT_EQ(0, early)
				TH_LOG("%d of %d pppds started before the last RasDialA returned (%lld us apart at most)",
				       early, BURST_DIALS, (long long)gap / 1000);
		} else {
			TH_LOG("try %d: %lld us between two RasDialA calls",
			       try, (long long)gap / 1000);
		}

		for (i = 0; i < BURST_DIALS; i++) {
			ASSERT_NE(NULL, wait_report(id_of(h[i]), "conn ",
						    report, sizeof(report)))
				TH_LOG("the pppd of dial %d never started", i);
			ASSERT_LE(0, wait_call_for(h[i], RASCS_Connected, 0))
				log_calls(_metadata);
		}
		pthread_mutex_lock(&spawn_lock);
		spawned = n_spawns;
		pthread_mutex_unlock(&spawn_lock);
		EXPECT_EQ(BURST_DIALS, spawned);
		for (i = 0; i < BURST_DIALS; i++) {
			EXPECT_EQ(ERROR_SUCCESS, RasHangUpA(h[i]));
			EXPECT_NE(NULL, wait_report(id_of(h[i]), "exit ",
						    report, sizeof(report)));
			EXPECT_REPORT_CLEAN(report);
			EXPECT_EQ(ERROR_INVALID_HANDLE, wait_handle_gone(h[i]));
		}
	}
	/* A machine this slow (QEMU TCG) never makes a burst: the property
	 * is then out of reach, not broken. */
	if (!clean)
		SKIP(return, "%d bursts, each with a gap of 2 ms or more between two RasDialA calls (last %lld us)",
		     BURST_TRIES, (long long)gap / 1000);
}

int main(int argc, char **argv)
{
	if (getuid() != 0)
		ksft_exit_skip("needs root: the entry would have to load rasdial.so\n");
	return test_harness_run(argc, argv);
}
