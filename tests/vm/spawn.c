// SPDX-License-Identifier: GPL-2.0
/*
 * spawn: what pppd starts with when RasDial starts it, and what RasDial
 * says when it cannot start it.
 *
 * The "pppd" here is this binary again (RASDIAL_PPPD points at it, and
 * SPAWN_REPORT at a file): a constructor sees that, writes down what the
 * process got from librasdial (open fds, fds 0..2, the password on fd 3,
 * session, blocked and ignored signals, argv) and exits 1 before main.
 * The dialer meanwhile has a stray inheritable fd open, stdin closed, a
 * signal blocked and two ignored: none of that may reach pppd.  In direct
 * mode (vm/spawn@direct) pppd gets one more fd, 4: its end of the relay's
 * socket pair, and nothing else.
 * vm-relays: kernel direct
 */
#include <dirent.h>
#include <dlfcn.h>
#include <limits.h>
#include <spawn.h>
#include <stdatomic.h>

#include "dialtest.h"

#include "kselftest_harness.h"

#define ENTRY		"spawn-fake"
#define PW		"spawn-Pw-2281"
#define REPORT		"/tmp/rasdial-spawn.report"

/* ---- the fake pppd: runs before main when exec'd by librasdial ---- */

static void report_fds(FILE *out)
{
	DIR *d = opendir("/proc/self/fd");
	struct dirent *de;

	if (!d)
		return;
	fprintf(out, "fds");
	while ((de = readdir(d)))
		if (de->d_name[0] != '.' && atoi(de->d_name) != dirfd(d) &&
		    atoi(de->d_name) != fileno(out))
			fprintf(out, " %s", de->d_name);
	fprintf(out, "\n");
	closedir(d);
}

static void report_status(FILE *out)
{
	char line[256];
	FILE *f = fopen("/proc/self/status", "re");

	if (!f)
		return;
	while (fgets(line, sizeof(line), f))
		if (!strncmp(line, "SigBlk:", 7) || !strncmp(line, "SigIgn:", 7))
			fputs(line, out);
	fclose(f);
}

__attribute__((constructor)) static void fake_pppd(int argc, char **argv)
{
	const char *path = getenv("SPAWN_REPORT");
	char link[32], target[PATH_MAX], pw[64];
	FILE *out;
	ssize_t n;

	if (!path || argc < 1 || strcmp(argv[0], "pppd"))
		return;
	/* report_fds leaves out this file's fd and its own. */
	out = fopen(path, "we");
	if (!out)
		_exit(2);
	report_fds(out);
	for (int fd = 0; fd < 3; fd++) {
		snprintf(link, sizeof(link), "/proc/self/fd/%d", fd);
		n = readlink(link, target, sizeof(target) - 1);
		target[n > 0 ? n : 0] = '\0';
		fprintf(out, "fd%d %s\n", fd, target);
	}
	{
		int type = 0, domain = 0;
		socklen_t len = sizeof(int);

		if (getsockopt(4, SOL_SOCKET, SO_TYPE, &type, &len) == 0 &&
		    getsockopt(4, SOL_SOCKET, SO_DOMAIN, &domain, &len) == 0)
			fprintf(out, "fd4 %s %s\n",
				domain == AF_UNIX ? "unix" : "other",
				type == SOCK_SEQPACKET ? "seqpacket" : "other");
	}
	n = read(3, pw, sizeof(pw) - 1);
	pw[n > 0 ? n : 0] = '\0';
	fprintf(out, "password %s\n", pw);
	fprintf(out, "session_leader %d\n", getsid(0) == getpid());
	fprintf(out, "probe %s\n", getenv("SPAWN_PROBE") ? getenv("SPAWN_PROBE") : "(unset)");
	report_status(out);
	fprintf(out, "argv");
	for (int i = 0; i < argc; i++)
		fprintf(out, " %s", argv[i]);
	fprintf(out, "\n");
	fclose(out);
	_exit(1);
}

/* ---- the tests ---- */

static char report[4096];

static const char *report_line(const char *key)
{
	size_t len = strlen(key);

	for (const char *l = report; *l; l = strchr(l, '\n') + 1) {
		if (!strncmp(l, key, len) && (l[len] == ' ' || l[len] == '\t'))
			return l + len + 1;
		if (!strchr(l, '\n'))
			break;
	}
	return "";
}

/* The report's line KEY, up to its newline, equals WANT. */
static int report_is(const char *key, const char *want)
{
	const char *v = report_line(key);
	size_t len = strcspn(v, "\n");

	return len == strlen(want) && !strncmp(v, want, len);
}

FIXTURE(spawn) {
	char self[PATH_MAX];
};

FIXTURE_SETUP(spawn)
{
	ssize_t n = readlink("/proc/self/exe", self->self,
			     sizeof(self->self) - 1);

	ASSERT_GT(n, 0);
	self->self[n] = '\0';
	/* Found and read by RasDial; the fake pppd never looks at it. */
	dt_setup_entry(ENTRY, DT_AUTH_CHAP, NULL);
	unlink(REPORT);
}

FIXTURE_TEARDOWN(spawn)
{
	unsetenv("RASDIAL_PPPD");
	unsetenv("SPAWN_REPORT");
	unlink(REPORT);
}

TEST_F_TIMEOUT(spawn, pppd_gets_only_what_it_needs, 60)
{
	RASDIALPARAMSA p;
	HRASCONN h = NULL;
	sigset_t usr1, old;
	struct sigaction ign = { .sa_handler = SIG_IGN }, old_hup, old_pipe;
	int stray, saved_stdin, fd;
	ssize_t n;
	DWORD ret;

	/* An inheritable fd, no stdin (the password pipe could land on 0),
	 * SIGUSR1 blocked, SIGHUP and SIGPIPE ignored. */
	fd = open("/dev/zero", O_RDONLY);
	ASSERT_GE(fd, 0);
	/* Above 3, which the password's dup2 would cover. */
	stray = fcntl(fd, F_DUPFD, 20);
	close(fd);
	ASSERT_GE(stray, 20);
	saved_stdin = fcntl(0, F_DUPFD_CLOEXEC, 10);
	close(0);
	sigemptyset(&usr1);
	sigaddset(&usr1, SIGUSR1);
	sigprocmask(SIG_BLOCK, &usr1, &old);
	sigaction(SIGHUP, &ign, &old_hup);
	sigaction(SIGPIPE, &ign, &old_pipe);

	setenv("RASDIAL_PPPD", self->self, 1);
	setenv("SPAWN_REPORT", REPORT, 1);
	dt_params(&p, ENTRY, PW);
	ret = RasDialA(NULL, NULL, &p, 0, NULL, &h);

	sigaction(SIGPIPE, &old_pipe, NULL);
	sigaction(SIGHUP, &old_hup, NULL);
	sigprocmask(SIG_SETMASK, &old, NULL);
	if (saved_stdin >= 0) {
		dup2(saved_stdin, 0);
		close(saved_stdin);
	}
	close(stray);
	if (h)
		RasHangUpA(h);

	/* The fake exits 1 before any event: the dial fails. */
	TH_LOG("RasDialA: %u", ret);
	EXPECT_NE(ERROR_SUCCESS, ret);
	EXPECT_TRUE(dt_wait_registry_empty(10000));

	fd = open(REPORT, O_RDONLY | O_CLOEXEC);
	ASSERT_GE(fd, 0) TH_LOG("the fake pppd wrote no report");
	n = read(fd, report, sizeof(report) - 1);
	close(fd);
	ASSERT_GT(n, 0);
	report[n] = '\0';
	TH_LOG("report:\n%s", report);

	/* Direct: the relay's socket follows the password, nothing else;
	 * the password never goes over it (the plugin reads fd 3). */
	EXPECT_TRUE(report_is("fds", dt_direct() ? "0 1 2 3 4" : "0 1 2 3"));
	if (dt_direct()) {
		EXPECT_TRUE(report_is("fd4", "unix seqpacket"));
		EXPECT_NE(NULL, strstr(report_line("argv"), "rasdial-fd 4"));
	}
	EXPECT_TRUE(report_is("fd0", "/dev/null"));
	EXPECT_TRUE(report_is("fd1", "/dev/null"));
	EXPECT_TRUE(report_is("fd2", "/dev/null"));
	EXPECT_TRUE(report_is("password", PW));
	EXPECT_TRUE(report_is("session_leader", "1"));
	EXPECT_TRUE(report_is("SigBlk:", "0000000000000000"));
	/* glibc's internal 32 and 33 included: its posix_spawn would leave
	 * them SIG_IGN unless asked for their default too. */
	EXPECT_TRUE(report_is("SigIgn:", "0000000000000000"));
	EXPECT_NE(NULL, strstr(report_line("argv"), "rasdial-passwd-fd 3"));
	EXPECT_EQ(NULL, strstr(report_line("argv"), PW));
}

/*
 * posix_spawn as the library calls it, here so that a case can hold the
 * spawner thread until the program has changed its environment (a busy
 * machine does that by itself): while spawn_wait is set, until
 * probe_unset, at most 5 s.
 */
static atomic_bool spawn_wait, probe_unset;

int posix_spawn(pid_t *pid, const char *path,
		const posix_spawn_file_actions_t *fa,
		const posix_spawnattr_t *attr, char *const argv[],
		char *const envp[])
{
	static int (*real)(pid_t *, const char *,
			   const posix_spawn_file_actions_t *,
			   const posix_spawnattr_t *, char *const [],
			   char *const []);

	if (!real)
		*(void **)&real = dlsym(RTLD_NEXT, "posix_spawn");
	if (!real)
		return ENOSYS;
	for (int i = 0; i < 500 && atomic_load(&spawn_wait) &&
	     !atomic_load(&probe_unset); i++)
		usleep(10 * 1000);
	return real(pid, path, fa, attr, argv, envp);
}

static void WINAPI ignore_cb(HRASCONN h, UINT msg, RASCONNSTATE state,
			     DWORD error, DWORD ext_error)
{
	(void)h; (void)msg; (void)state; (void)error; (void)ext_error;
}

/*
 * An asynchronous RasDial starts pppd on another thread after it has
 * returned: pppd still gets the environment of the call, whatever the
 * program does to its own right after (and the spawner never reads
 * environ while the program's setenv() may be changing it).
 */
TEST_F_TIMEOUT(spawn, async_pppd_gets_the_callers_environment, 60)
{
	RASDIALPARAMSA p;
	HRASCONN h = NULL;
	ssize_t n;
	int fd = -1;

	setenv("RASDIAL_PPPD", self->self, 1);
	setenv("SPAWN_REPORT", REPORT, 1);
	setenv("SPAWN_PROBE", "at-rasdial", 1);
	dt_params(&p, ENTRY, PW);
	atomic_store(&spawn_wait, true);
	ASSERT_EQ(ERROR_SUCCESS, RasDialA(NULL, NULL, &p, 1, ignore_cb, &h));
	/* Before the spawner (held above) starts pppd. */
	unsetenv("SPAWN_PROBE");
	atomic_store(&probe_unset, true);
	for (int i = 0; i < 50 && fd < 0; i++) {	/* at most 10 s */
		fd = open(REPORT, O_RDONLY | O_CLOEXEC);
		if (fd < 0)
			usleep(200 * 1000);
	}
	ASSERT_GE(fd, 0) TH_LOG("the fake pppd wrote no report");
	/* The fake writes it whole before exiting: wait for that. */
	usleep(200 * 1000);
	n = read(fd, report, sizeof(report) - 1);
	close(fd);
	ASSERT_GT(n, 0);
	report[n] = '\0';
	TH_LOG("report:\n%s", report);
	EXPECT_TRUE(report_is("probe", "at-rasdial"));
	if (h)
		RasHangUpA(h);
	EXPECT_TRUE(dt_wait_registry_empty(10000));
}

/* No pppd at RASDIAL_PPPD: RAS's "could not start", nothing left over. */
TEST_F_TIMEOUT(spawn, missing_pppd_is_rasman_cannot_initialize, 60)
{
	RASDIALPARAMSA p;
	HRASCONN h = NULL;

	setenv("RASDIAL_PPPD", "/nonexistent/pppd", 1);
	dt_params(&p, ENTRY, PW);
	EXPECT_EQ(ERROR_RASMAN_CANNOT_INITIALIZE,
		  RasDialA(NULL, NULL, &p, 0, NULL, &h));
	EXPECT_TRUE(dt_wait_registry_empty(5000));
	/* The failed child was reaped, not left a zombie. */
	errno = 0;
	EXPECT_EQ(-1, waitpid(-1, NULL, WNOHANG));
	EXPECT_EQ(ECHILD, errno);
}

/* A pppd that may not be executed: access denied, with the reason. */
TEST_F_TIMEOUT(spawn, unexecutable_pppd_is_access_denied, 60)
{
	RASDIALPARAMSA p;
	HRASCONN h = NULL;
	const char *plain = "/tmp/rasdial-spawn-noexec";

	dt_write_file(plain, "#!/bin/sh\nexit 0\n");
	ASSERT_EQ(0, chmod(plain, 0644));
	setenv("RASDIAL_PPPD", plain, 1);
	dt_params(&p, ENTRY, PW);
	EXPECT_EQ(ERROR_ACCESS_DENIED, RasDialA(NULL, NULL, &p, 0, NULL, &h));
	EXPECT_NE(NULL, strstr(rasdial_last_detail(), "may not run pppd"));
	EXPECT_TRUE(dt_wait_registry_empty(5000));
	unlink(plain);
}

TEST_HARNESS_MAIN
