// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * dial.c: RasDialA: check the arguments, ask the kernel for a conn id,
 * start the distro's pppd on the peers entry with our plugin, and either
 * return at once (a notifier is given) or wait for the outcome.
 */
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <limits.h>
#include <signal.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "direct.h"
#include "internal.h"
#include "layouts.h"
#include "phonebook.h"

#ifndef RASDIAL_PLUGIN_DIR
#define RASDIAL_PLUGIN_DIR "/usr/lib/pppd"
#endif

/* The first fd spawn_pppd() hands pppd: the password's, then the
 * direct relay's socket. */
#define FIRST_CHILD_FD	3

extern char **environ;

const char *rasdial_pppd_path(void)
{
	const char *p = secure_getenv("RASDIAL_PPPD");

	return p && *p ? p : "/usr/sbin/pppd";
}

const char *rasdial_plugin_path(void)
{
	const char *p = secure_getenv("RASDIAL_PLUGIN");

	return p && *p ? p : RASDIAL_PLUGIN_DIR "/rasdial.so";
}

/* The caller's RASDIALPARAMSA, whatever its WINVER, as the newest layout. */
static DWORD copy_params(const RASDIALPARAMSA *in, RASDIALPARAMSA *p)
{
	static const size_t sizes[] = RASDIAL_DIALPARAMS_SIZES;
	DWORD size = in->dwSize;

	memset(p, 0, sizeof(*p));
	if (!rasdial_size_in(sizes, RASDIAL_ARRAY_SIZE(sizes), size))
		return ERROR_INVALID_SIZE;
	if (size == sizeof(struct rasdial_dialparams_nt35)) {
		const struct rasdial_dialparams_nt35 *o = (const void *)in;

		if (strnlen(o->szEntryName, sizeof(o->szEntryName)) ==
		    sizeof(o->szEntryName))
			return ERROR_INVALID_PARAMETER;
		rasdial_strlcpy(p->szEntryName, o->szEntryName,
				sizeof(o->szEntryName));
		rasdial_strlcpy(p->szPhoneNumber, o->szPhoneNumber,
				sizeof(o->szPhoneNumber));
		rasdial_strlcpy(p->szCallbackNumber, o->szCallbackNumber,
				sizeof(o->szCallbackNumber));
		rasdial_strlcpy(p->szUserName, o->szUserName,
				sizeof(o->szUserName));
		rasdial_strlcpy(p->szPassword, o->szPassword,
				sizeof(o->szPassword));
		rasdial_strlcpy(p->szDomain, o->szDomain, sizeof(o->szDomain));
	} else {
		memcpy(p, in, size);
		if (strnlen(p->szEntryName, sizeof(p->szEntryName)) ==
		    sizeof(p->szEntryName))
			return ERROR_INVALID_PARAMETER;
		/* Unterminated strings end at their field. */
		p->szPhoneNumber[RAS_MaxPhoneNumber] = '\0';
		p->szCallbackNumber[RAS_MaxCallbackNumber] = '\0';
		p->szUserName[UNLEN] = '\0';
		p->szPassword[PWLEN] = '\0';
		p->szDomain[DNLEN] = '\0';
	}
	p->dwSize = sizeof(*p);
	return ERROR_SUCCESS;
}

static bool has_control_chars(const char *s)
{
	for (; *s; s++)
		if ((unsigned char)*s < 0x20 || *s == 0x7f)
			return true;
	return false;
}

static int write_all(int fd, const char *buf, size_t len)
{
	while (len) {
		ssize_t n = write(fd, buf, len);

		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			return -1;
		buf += n;
		len -= (size_t)n;
	}
	return 0;
}

/*
 * Whether the peers file at PATH names a device under /dev/ that does not
 * exist.  pppd rejects such a name as an unknown option (exit 2) before
 * its plugin loads, so this is the only way to tell "modem not there"
 * (797) from other bad options.  Best effort: the first word of each
 * non-comment line, as a device line is written.
 */
static bool entry_device_missing(const char *path)
{
	char line[1024], word[PATH_MAX];
	bool missing = false;
	FILE *f = fopen(path, "re");

	if (!f)
		return false;
	while (!missing && fgets(line, sizeof(line), f)) {
		struct stat st;

		if (sscanf(line, " %4095s", word) != 1 || word[0] == '#')
			continue;
		if (!strncmp(word, "/dev/", 5) && stat(word, &st) < 0 &&
		    errno == ENOENT)
			missing = true;
	}
	fclose(f);
	return missing;
}

/*
 * Starts pppd for conn ID.  The password goes through a pipe on fd 3,
 * never argv or the environment; in direct mode pppd's end of the conn's
 * socket pair follows it (rasdial-fd).  Returns 0 with the child's pid and
 * pidfd, or a negative errno (exec failures included: posix_spawn
 * reports them).
 * CFG_PLUGIN: the configuration loads rasdial.so (config_loads_plugin),
 * so neither "plugin" (refused from anyone but root, and a second copy)
 * nor, before the entry, "rasdial-conn" (unknown until the plugin is in).
 * ENVP: pppd's environment.
 */
static int spawn_pppd(uint32_t id, const char *path, bool use_call,
		      const char *const *pbk_argv, bool cfg_plugin,
		      const RASDIALPARAMSA *p, char *const *envp,
		      pid_t *pidp, int *pidfdp)
{
	char idbuf[16], fdbuf[16], relaybuf[16];
	const char *argv[26 + RASDIAL_PBK_MAX_ARGS];
	int pw[2] = { -1, -1 };
	int n = 0, high, err, relay_fd, next_fd = FIRST_CHILD_FD;
	int pw_child_fd = -1, relay_child_fd = -1;
	const char *pppd = rasdial_pppd_path();
	posix_spawn_file_actions_t fa;
	posix_spawnattr_t attr;
	sigset_t sigs;
	pid_t pid;
	int pidfd;

	/* Ours to close from here on (-1: the kernel relays). */
	relay_fd = rasdial_direct_take_child_fd(id);
	if (p->szPassword[0])
		pw_child_fd = next_fd++;
	if (relay_fd >= 0)
		relay_child_fd = next_fd++;
	snprintf(idbuf, sizeof(idbuf), "%u", id);
	snprintf(fdbuf, sizeof(fdbuf), "%d", pw_child_fd);
	snprintf(relaybuf, sizeof(relaybuf), "%d", relay_child_fd);
	argv[n++] = "pppd";
	/* The plugin first, so the entry may use its options
	 * (rasdial-device-type, rasdial-callback-timeout). */
	if (!cfg_plugin) {
		argv[n++] = "plugin";
		argv[n++] = rasdial_plugin_path();
		argv[n++] = "rasdial-conn";
		argv[n++] = idbuf;
	}
	if (pbk_argv) {
		/* A .pbk entry: its options instead of a peers file. */
		while (*pbk_argv)
			argv[n++] = *pbk_argv++;
	} else if (use_call) {
		argv[n++] = "call";
		argv[n++] = p->szEntryName;
	} else {
		argv[n++] = "file";
		argv[n++] = path;
	}
	if (cfg_plugin) {
		argv[n++] = "rasdial-conn";
		argv[n++] = idbuf;
	}
	if (relay_fd >= 0) {
		argv[n++] = "rasdial-fd";
		argv[n++] = relaybuf;
	}
	argv[n++] = "nodetach";
	/* chat's exit status and ABORT string reach the plugin (676, 680...). */
	argv[n++] = "rasdial-chat-report";
	if (p->szUserName[0]) {
		argv[n++] = "user";
		argv[n++] = p->szUserName;
	}
	if (p->szPhoneNumber[0]) {
		argv[n++] = "remotenumber";
		argv[n++] = p->szPhoneNumber;
		/* The plugin's filtered copy, for chat's \T. */
		argv[n++] = "rasdial-phone";
		argv[n++] = p->szPhoneNumber;
	}
	if (p->szPassword[0]) {
		argv[n++] = "rasdial-passwd-fd";
		argv[n++] = fdbuf;
	}
	argv[n] = NULL;

	if (p->szPassword[0]) {
		/* Fits the pipe buffer, so this cannot block.  The read end
		 * goes above 0..3, which the child's fd actions overwrite. */
		if (pipe2(pw, O_CLOEXEC) < 0) {
			err = -errno;
			goto out_relay;
		}
		err = write_all(pw[1], p->szPassword, strlen(p->szPassword)) ?
			-errno : 0;
		close(pw[1]);
		if (!err && pw[0] < next_fd) {
			high = fcntl(pw[0], F_DUPFD_CLOEXEC, next_fd);
			if (high < 0)
				err = -errno;
			close(pw[0]);
			pw[0] = high;
		}
		if (err) {
			if (pw[0] >= 0)
				close(pw[0]);
			goto out_relay;
		}
	}

	/*
	 * posix_spawn, not fork: glibc's is a vfork-style clone that shares
	 * our memory until the exec, so it neither copies the page tables
	 * nor makes our event thread fault on copy-on-write pages meanwhile
	 * (under an emulated CPU a fork here cost ~8 ms of a dial).  The
	 * child: default signal handlers, nothing blocked, its own session
	 * (the link outlives the dialing program), /dev/null on 0..2, the
	 * password on 3, the relay's socket next, and no other fd of ours.
	 */
	err = posix_spawnattr_init(&attr);
	if (err)
		goto out_pw;
	err = posix_spawn_file_actions_init(&fa);
	if (err)
		goto out_attr;
	sigemptyset(&sigs);
	err = posix_spawnattr_setsigmask(&attr, &sigs);
	/*
	 * Every signal to SIG_DFL, glibc's two internal ones (32, 33) too:
	 * sigfillset() leaves them out, and for a signal not in this set
	 * glibc's child sets them to SIG_IGN, which would outlive the exec
	 * into pppd and its scripts.  sigset_t is a bit mask on Linux.
	 */
	memset(&sigs, 0xff, sizeof(sigs));
	if (!err)
		err = posix_spawnattr_setsigdefault(&attr, &sigs);
	if (!err)
		err = posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETSIGMASK |
					       POSIX_SPAWN_SETSIGDEF |
					       POSIX_SPAWN_SETSID);
	if (!err)
		err = posix_spawn_file_actions_addopen(&fa, 0, "/dev/null",
						       O_RDWR, 0);
	if (!err)
		err = posix_spawn_file_actions_adddup2(&fa, 0, 1);
	if (!err)
		err = posix_spawn_file_actions_adddup2(&fa, 0, 2);
	/* Both sources are at or above next_fd: no dup2 overwrites one. */
	if (!err && pw[0] >= 0)
		err = posix_spawn_file_actions_adddup2(&fa, pw[0], pw_child_fd);
	if (!err && relay_fd >= 0)
		err = posix_spawn_file_actions_adddup2(&fa, relay_fd,
						       relay_child_fd);
	if (!err)
		err = posix_spawn_file_actions_addclosefrom_np(&fa, next_fd);
	if (!err)
		err = posix_spawn(&pid, pppd, &fa, &attr, (char *const *)argv,
				  envp);
	posix_spawn_file_actions_destroy(&fa);
out_attr:
	posix_spawnattr_destroy(&attr);
out_pw:
	if (pw[0] >= 0)
		close(pw[0]);
	err = -err;
out_relay:
	/* pppd has its copy: EOF on ours now means pppd is gone. */
	if (relay_fd >= 0)
		close(relay_fd);
	if (err)
		return err;
	pidfd = (int)syscall(SYS_pidfd_open, pid, 0);
	if (pidfd < 0)
		return -errno;
	fcntl(pidfd, F_SETFD, FD_CLOEXEC);
	*pidp = pid;
	*pidfdp = pidfd;
	return 0;
}

/*
 * What the spawner needs of one asynchronous RasDial.  Sized to what the
 * dial has: a storm queues hundreds at once, and their heap stays with
 * the process after they are freed.
 */
struct spawn_job {
	struct spawn_job *next;
	struct rasdial_dial *d;		/* held: the job's reference */
	RASDIALPARAMSA p;		/* with the password: wiped at the end */
	struct rasdial_pbk_args *pbk;	/* a .pbk entry's options (argv
					 * points into it); else NULL */
	char *path;			/* a peers entry's file; else NULL */
	bool use_call, cfg_plugin;
	char **envp;			/* environ when RasDialA was called */
	int64_t queued_ms;		/* rasdial_monotonic_ms() when queued */
};

static void job_free(struct spawn_job *job)
{
	explicit_bzero(&job->p, sizeof(job->p));
	free(job->pbk);
	free(job->path);
	free(job->envp);
	free(job);
}

/*
 * A copy of environ (one block), taken on RasDialA's thread: the spawner
 * must not read environ while the program's threads may setenv() (glibc's
 * environ is not safe for that), and pppd gets the environment of the
 * moment the program dialed.  NULL when out of memory.
 */
static char **environ_copy(void)
{
	size_t n = 0, bytes = 0, i, len;
	char **v, *at;

	for (; environ && environ[n]; n++)
		bytes += strlen(environ[n]) + 1;
	v = malloc((n + 1) * sizeof(*v) + bytes);
	if (!v)
		return NULL;
	at = (char *)(v + n + 1);
	for (i = 0; i < n; i++) {
		len = strlen(environ[i]) + 1;
		v[i] = memcpy(at, environ[i], len);
		at += len;
	}
	v[n] = NULL;
	return v;
}

/* RasDial's DWORD for a failed spawn_pppd (and its reason). */
static DWORD spawn_error(int err)
{
	if (err == -EACCES || err == -EPERM) {
		/* Debian's pppd is root:dip 4754: not in group dip. */
		rasdial_detail_set("this user may not run pppd (on Debian: not in group dip)");
		return ERROR_ACCESS_DENIED;
	}
	/* No pppd: RAS's "the connection manager could not start". */
	return ERROR_RASMAN_CANNOT_INITIALIZE;
}

/*
 * The spawner: one thread that starts the pppds of asynchronous RasDials,
 * so that RasDialA returns as soon as the handle is known.  posix_spawn
 * keeps its caller until the child has exec'd pppd (a setuid binary): in
 * a storm of dials, with hundreds of pppds runnable on two CPUs, that was
 * ~300 ms per RasDialA.  Not the event thread: it must stay free to run
 * notifiers and send the ACKs that the dials in progress wait for.  A
 * spawn that fails reaches the notifier as a final call with dwError, as
 * a failure found later does on Windows.
 */
static pthread_mutex_t spawn_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_once_t spawn_cond_once = PTHREAD_ONCE_INIT;
static pthread_cond_t spawn_cond;	/* CLOCK_MONOTONIC; spawn_cond_init */
static struct spawn_job *spawn_head, **spawn_tail = &spawn_head;
static int64_t spawn_last_queued_ms;
static bool spawner_started;

/*
 * A burst of asynchronous RasDials (a connection manager bringing up its
 * links) gets the CPU first: every pppd started during the burst competes
 * with the program's thread, and in a storm of 256 on two CPUs a fifth of
 * the calls were preempted for 5-90 ms by the pppds of the calls before
 * them.  So the spawner starts the queue once no RasDial has come for
 * SPAWN_QUIET_MS, and never holds a job longer than SPAWN_HOLD_MAX_MS: a
 * lone dial waits a millisecond or two, a burst's first pppd its length.
 */
#define SPAWN_QUIET_MS		2
#define SPAWN_HOLD_MAX_MS	250

/* spawn_pppd for JOB's dial D (the spawner's or RasDialA's thread), with
 * ENVP; first the device check, which only pppd's exit status needs. */
static int spawn_for_dial(struct spawn_job *job, struct rasdial_dial *d,
			  char **envp, pid_t *pid, int *pidfd)
{
	/* Read only once pppd has exited, after rasdial_dial_set_child. */
	d->device_missing = job->path && entry_device_missing(job->path);
	return spawn_pppd(d->id, job->path, job->use_call,
			  job->pbk ? job->pbk->argv : NULL, job->cfg_plugin,
			  &job->p, envp, pid, pidfd);
}

static void run_job(struct spawn_job *job)
{
	struct rasdial_dial *d = job->d;
	pid_t pid = 0;
	int pidfd = -1, err;

	if (!rasdial_dial_spawn_begin(d)) {
		/* RasHangUp came first: give the id back, end the dial. */
		rasdial_nl_hangup(d->id);
		rasdial_dial_fail_async(d, ERROR_USER_DISCONNECTION);
		return;
	}
	err = spawn_for_dial(job, d, job->envp, &pid, &pidfd);
	if (err) {
		rasdial_nl_hangup(d->id);
		rasdial_dial_fail_async(d, spawn_error(err));
	} else {
		rasdial_dial_set_child(d, pid, pidfd);
	}
}

static void *spawner_main(void *arg)
{
	(void)arg;
	for (;;) {
		struct spawn_job *job;

		pthread_mutex_lock(&spawn_lock);
		for (;;) {
			int64_t until, now = rasdial_monotonic_ms();
			struct timespec ts;

			if (!spawn_head) {
				pthread_cond_wait(&spawn_cond, &spawn_lock);
				continue;
			}
			until = spawn_last_queued_ms + SPAWN_QUIET_MS;
			if (until > spawn_head->queued_ms + SPAWN_HOLD_MAX_MS)
				until = spawn_head->queued_ms + SPAWN_HOLD_MAX_MS;
			if (until <= now)
				break;
			ts.tv_sec = until / 1000;
			ts.tv_nsec = until % 1000 * 1000000;
			pthread_cond_timedwait(&spawn_cond, &spawn_lock, &ts);
		}
		job = spawn_head;
		spawn_head = job->next;
		if (!spawn_head)
			spawn_tail = &spawn_head;
		pthread_mutex_unlock(&spawn_lock);

		run_job(job);
		rasdial_dial_put(job->d);
		job_free(job);
	}
	return NULL;
}

/* Timed waits on the clock rasdial_monotonic_ms() reads. */
static void spawn_cond_init(void)
{
	pthread_condattr_t cattr;

	pthread_condattr_init(&cattr);
	pthread_condattr_setclock(&cattr, CLOCK_MONOTONIC);
	pthread_cond_init(&spawn_cond, &cattr);
	pthread_condattr_destroy(&cattr);
}

/* Queues JOB (it owns its dial reference); 0 or a negative errno. */
static int spawn_queue(struct spawn_job *job)
{
	int err = 0;

	pthread_once(&spawn_cond_once, spawn_cond_init);
	pthread_mutex_lock(&spawn_lock);
	if (!spawner_started) {
		sigset_t all, old;
		pthread_attr_t attr;
		pthread_t thread;

		/* The program's signal handlers run in its own threads. */
		sigfillset(&all);
		pthread_sigmask(SIG_SETMASK, &all, &old);
		pthread_attr_init(&attr);
		pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED);
		err = -pthread_create(&thread, &attr, spawner_main, NULL);
		pthread_attr_destroy(&attr);
		pthread_sigmask(SIG_SETMASK, &old, NULL);
		spawner_started = !err;
	}
	if (!err) {
		/* A spawner with jobs is in a timed wait that sees this one. */
		bool was_empty = !spawn_head;

		job->next = NULL;
		job->queued_ms = rasdial_monotonic_ms();
		spawn_last_queued_ms = job->queued_ms;
		*spawn_tail = job;
		spawn_tail = &job->next;
		if (was_empty)
			pthread_cond_signal(&spawn_cond);
	}
	pthread_mutex_unlock(&spawn_lock);
	return err;
}

/*
 * What spawn_pppd would find out about pppd itself before any conn is
 * made, so that these errors still come back from RasDialA: no pppd
 * (ERROR_RASMAN_CANNOT_INITIALIZE), or one this user may not run
 * (ERROR_ACCESS_DENIED; access() checks the real ids, as setuid pppd's
 * mode is meant for).  0 when it may be run.
 */
static DWORD pppd_runnable(void)
{
	if (access(rasdial_pppd_path(), X_OK) == 0)
		return ERROR_SUCCESS;
	return spawn_error(errno == EACCES || errno == EPERM ? -errno : -ENOENT);
}

RASDIAL_API DWORD APIENTRY RasDialA(LPRASDIALEXTENSIONS lpRasDialExtensions,
				    LPCSTR lpszPhonebook,
				    LPRASDIALPARAMSA lpRasDialParams,
				    DWORD dwNotifierType, LPVOID lpvNotifier,
				    LPHRASCONN lphRasConn)
{
	static const size_t ext_sizes[] = RASDIAL_DIALEXT_SIZES;
	struct spawn_job *job;
	struct rasdial_peers_entry peers = { 0 };
	char path[PATH_MAX];
	struct rasdial_l2tp l2tp;
	bool is_l2tp = false;
	struct rasdial_dial *d;
	bool nomem = false, async_spawn;
	uint32_t id;
	pid_t pid = 0;
	int pidfd = -1;
	DWORD ret;
	int err;

	if (!lpRasDialParams || !lphRasConn)
		return ERROR_INVALID_PARAMETER;
	job = calloc(1, sizeof(*job));
	if (!job)
		return ERROR_NOT_ENOUGH_MEMORY;
	ret = copy_params(lpRasDialParams, &job->p);
	if (ret)
		goto out_wipe;
	ret = ERROR_INVALID_SIZE;
	if (lpRasDialExtensions &&
	    !rasdial_size_in(ext_sizes, RASDIAL_ARRAY_SIZE(ext_sizes),
			     lpRasDialExtensions->dwSize))
		goto out_wipe;
	/* 0xFFFFFFFF is a window handle: there are no windows here. */
	ret = ERROR_INVALID_PARAMETER;
	if (lpvNotifier && dwNotifierType > 2)
		goto out_wipe;
	/* "Do not call RasDial from within a RasDialFunc callback": a
	 * synchronous one would wait for the very thread it runs on. */
	ret = ERROR_ASYNC_REQUEST_PENDING;
	if (rasdial_in_notifier())
		goto out_wipe;
	/* Before any lock: a thread of the parent may have held it. */
	if (rasdial_runtime_forked()) {
		ret = rasdial_errno_to_ras(rasdial_runtime_start());
		goto out_wipe;
	}
	if (lpszPhonebook && rasdial_pbk_is_file(lpszPhonebook)) {
		job->pbk = calloc(1, sizeof(*job->pbk));
		ret = ERROR_NOT_ENOUGH_MEMORY;
		if (job->pbk)
			ret = rasdial_pbk_dial_args(lpszPhonebook,
						    job->p.szEntryName,
						    job->p.szPhoneNumber,
						    job->pbk);
		if (!ret)
			memcpy(job->p.szEntryName, job->pbk->entry,
			       sizeof(job->pbk->entry));
		/* DEVICE=vpn with LinuxL2tpLac: xl2tpd dials (l2tp.c). */
		if (!ret && job->pbk->is_l2tp) {
			is_l2tp = true;
			l2tp = job->pbk->l2tp;
		}
	} else {
		ret = rasdial_find_entry(lpszPhonebook, job->p.szEntryName,
					 path, sizeof(path), &job->use_call);
		if (!ret) {
			job->path = strdup(path);
			if (!job->path)
				ret = ERROR_NOT_ENOUGH_MEMORY;
		}
		/* An entry xl2tpd dials (l2tp.c)?  Does it load the plugin? */
		if (!ret)
			ret = rasdial_peers_entry_read(job->path, &peers);
		if (!ret) {
			is_l2tp = peers.is_l2tp;
			l2tp = peers.l2tp;
		}
	}
	if (ret)
		goto out_wipe;
	ret = ERROR_BAD_PHONE_NUMBER;
	if (has_control_chars(job->p.szPhoneNumber))
		goto out_wipe;
	/* Windows resumes a paused dial for a non-NULL *lphRasConn; with
	 * no paused states there is no dial it could name. */
	ret = ERROR_NOT_SUPPORTED;
	if (lpRasDialExtensions &&
	    (lpRasDialExtensions->dwfOptions & RDEOPT_PausedStates))
		goto out_wipe;
	ret = ERROR_INVALID_HANDLE;
	if (*lphRasConn)
		goto out_wipe;
	/* An entry this process has connected or dialing: its handle, no
	 * second pppd; each RasDial needs its RasHangUp.  Only while the
	 * kernel still has it: after rmmod (711) or a reload nothing of the
	 * old registry is valid. */
	id = rasdial_dial_joinable(lpszPhonebook ? lpszPhonebook : "",
				   job->p.szEntryName);
	d = NULL;
	if (id) {
		struct rasdial_conn_info ci;

		err = rasdial_nl_get(id, &ci);
		if (err && err != -ENOENT) {
			ret = rasdial_errno_to_ras(err);
			goto out_wipe;
		}
		if (!err)
			d = rasdial_dial_join(lpszPhonebook ? lpszPhonebook : "",
					      job->p.szEntryName, id, dwNotifierType,
					      lpvNotifier, job->p.dwCallbackId,
					      &nomem);
		ret = ERROR_NOT_ENOUGH_MEMORY;
		if (nomem)
			goto out_wipe;
	}
	if (d) {
		*lphRasConn = (HRASCONN)(uintptr_t)d->id;
		ret = lpvNotifier ? ERROR_SUCCESS : rasdial_dial_wait(d);
		rasdial_dial_put(d);
		goto out_wipe;
	}
	/* Saved credentials for an empty password; DOMAIN\user. */
	ret = rasdial_creds_for_dial(lpszPhonebook, &job->p);
	if (ret)
		goto out_wipe;
	/* pppd (setuid root for group dip) refuses "plugin" from the
	 * command line of anyone but root: the admin's entry must load it. */
	if (!is_l2tp) {
		job->cfg_plugin = rasdial_system_options_load_plugin() ||
				  peers.loads_plugin;
		ret = ERROR_ACCESS_DENIED;
		if (!job->cfg_plugin && getuid() != 0) {
			if (job->path && access(job->path, R_OK) < 0 &&
			    errno == EACCES)
				rasdial_detail_set("this user may not read the entry's peers file (on Debian: not in group dip)");
			else
				rasdial_detail_set("only root may have pppd load rasdial.so from the command line: the entry (or /etc/ppp/options) needs \"plugin rasdial.so\"");
			goto out_wipe;
		}
		/* No pppd, or one we may not run: said here, before the
		 * spawn (on another thread for an asynchronous RasDial). */
		ret = pppd_runnable();
		if (ret)
			goto out_wipe;
	}

	err = rasdial_runtime_start();
	/* xl2tpd starts that pppd: it cannot inherit our socket. */
	if (!err && is_l2tp && rasdial_relay_direct()) {
		ret = ERROR_NOT_SUPPORTED;
		rasdial_detail_set("entries dialed through xl2tpd (L2TP) need the rasdial kernel module");
		goto out_wipe;
	}
	if (!err)
		err = rasdial_nl_conn_new(job->p.szEntryName,
					  (lpvNotifier ? RASDIAL_F_WANT_ACK : 0) |
					  (is_l2tp ? RASDIAL_F_ADOPT : 0),
					  &id);
	if (err) {
		ret = rasdial_errno_to_ras(err);
		goto out_wipe;
	}

	ret = ERROR_NOT_ENOUGH_MEMORY;
	d = rasdial_dial_alloc(lpszPhonebook);
	if (!d) {
		/* The owner's HANGUP frees a conn no pppd has bound. */
		rasdial_nl_hangup(id);
		goto out_wipe;
	}
	d->id = id;
	d->notifier = lpvNotifier;
	d->notifier_type = dwNotifierType;
	d->notify_link_end = lpRasDialExtensions &&
		(lpRasDialExtensions->dwfOptions & RDEOPT_RasdialNotifyLinkEnd);
	d->callback_id = job->p.dwCallbackId;
	memcpy(d->entry, job->p.szEntryName, sizeof(d->entry));
	memcpy(d->phone, job->p.szPhoneNumber, sizeof(d->phone));
	if (is_l2tp) {
		/* Bounded: xl2tpd retries an unanswered tunnel on its own. */
		d->is_l2tp = true;
		d->l2tp = l2tp;
		d->adopt_error = ERROR_VPN_TIMEOUT;
		d->adopt_deadline_ms = rasdial_monotonic_ms() +
				       (int64_t)l2tp.timeout_s * 1000;
	}
	/* Asynchronous: the spawner starts pppd once we have returned.
	 * Not in manual dispatch mode: it promises the program no thread
	 * of ours at all. */
	async_spawn = lpvNotifier && !is_l2tp && !rasdial_dispatch_is_manual();
	d->spawn_pending = async_spawn;
	*lphRasConn = (HRASCONN)(uintptr_t)id;
	rasdial_dial_publish(d);

	if (is_l2tp) {
		/* xl2tpd starts the pppd; its plugin adopts conn ID. */
		ret = rasdial_l2tp_connect(&l2tp, job->p.szUserName,
					   job->p.szPassword);
		if (ret) {
			rasdial_nl_hangup(id);
			rasdial_dial_fail(d, ret);
		} else {
			ret = lpvNotifier ? ERROR_SUCCESS : rasdial_dial_wait(d);
		}
		rasdial_dial_put(d);
		goto out_wipe;
	}
	if (async_spawn) {
		/* The job takes our reference to D and frees itself. */
		job->d = d;
		job->envp = environ_copy();
		err = job->envp ? spawn_queue(job) : -ENOMEM;
		if (!err) {
			job = NULL;
			ret = ERROR_SUCCESS;
			goto out_wipe;
		}
		/* No thread for it: start pppd here after all. */
		rasdial_dial_spawn_begin(d);
	}
	err = spawn_for_dial(job, d, environ, &pid, &pidfd);
	if (err == -EACCES || err == -EPERM) {
		/* Debian's pppd is root:dip 4754: not in group dip. */
		ret = ERROR_ACCESS_DENIED;
		rasdial_nl_hangup(id);
		rasdial_dial_fail(d, ret);
		/* After the hangup: each request clears the detail. */
		rasdial_detail_set("this user may not run pppd (on Debian: not in group dip)");
	} else if (err) {
		/* No pppd: RAS's "the connection manager could not start". */
		ret = ERROR_RASMAN_CANNOT_INITIALIZE;
		rasdial_nl_hangup(id);
		rasdial_dial_fail(d, ret);
	} else {
		rasdial_dial_set_child(d, pid, pidfd);
		ret = lpvNotifier ? ERROR_SUCCESS : rasdial_dial_wait(d);
	}
	rasdial_dial_put(d);
out_wipe:
	if (job)
		job_free(job);
	return ret;
}
