/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Helpers for VM tests that dial real pppd peers through librasdial:
 * peers entries whose "modem" is an answering pppd on a pty, a recorder
 * for RasDialFunc1 calls, and a raw view of the kernel registry.
 *
 * Runs inside the test VM (scripts/vm) as root with rasdial.ko loaded, or
 * without it in direct mode (run-in-vm --relay direct: dt_direct()).
 */
#ifndef RASDIAL_TESTS_DIALTEST_H
#define RASDIAL_TESTS_DIALTEST_H

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <dirent.h>
#include <stdbool.h>
#include <linux/sockios.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <netlink/genl/ctrl.h>
#include <netlink/genl/genl.h>
#include <netlink/netlink.h>

#include <linux/rasdial.h>
#include <rasdial/ras.h>
#include <rasdial/raserror.h>
#include <rasdial/rasdial.h>

#define DT_USER		"client"
#define DT_SERVER	"server"
#define DT_SECRET	"s3cret-chap"
#define DT_LOCAL_ADDR	"192.0.2.2"
#define DT_REMOTE_ADDR	"192.0.2.1"

enum dt_auth { DT_AUTH_NONE, DT_AUTH_PAP, DT_AUTH_CHAP };

/*
 * The suites that follow a dial to its end (RASCS_Disconnected with 631
 * after RasHangUp, the link's loss) dial with the Linux extension
 * RDEOPT_RasdialNotifyLinkEnd: RasDialA without lpRasDialExtensions gets
 * it here.  A suite that checks Windows' own notifier rules (no call
 * after Connected, none after RasHangUp) defines DT_WINDOWS_RULES before
 * including this file.
 */
#ifndef DT_WINDOWS_RULES
static inline DWORD dt_rasdial(LPRASDIALEXTENSIONS ext, LPCSTR phonebook,
			       LPRASDIALPARAMSA params, DWORD type,
			       LPVOID notifier, LPHRASCONN h)
{
	RASDIALEXTENSIONS link_end = {
		.dwSize = sizeof(link_end),
		.dwfOptions = RDEOPT_RasdialNotifyLinkEnd,
	};

	return (RasDialA)(ext ? ext : &link_end, phonebook, params, type,
			  notifier, h);
}
#define RasDialA dt_rasdial
#endif

/* The project tree: $TOPDIR (set by run-in-vm), else from our own path,
 * TOPDIR/build/tests/vm/NAME. */
static inline const char *dt_topdir(void)
{
	static char top[PATH_MAX];
	const char *t = getenv("TOPDIR");
	ssize_t n;

	if (t)
		return t;
	n = readlink("/proc/self/exe", top, sizeof(top) - 1);
	top[n > 0 ? n : 0] = '\0';
	for (int up = 0; up < 4; up++) {
		char *slash = strrchr(top, '/');

		if (slash)
			*slash = '\0';
	}
	return top;
}

static inline void dt_write_file(const char *path, const char *text)
{
	FILE *f = fopen(path, "w");

	if (!f) {
		fprintf(stderr, "# cannot write %s: %s\n", path, strerror(errno));
		exit(1);
	}
	fputs(text, f);
	fclose(f);
}

/* /etc/ppp/peers exists; the CHAP and PAP secrets hold DT_SECRET for
 * both sides. */
static inline void dt_write_secrets(void)
{
	mkdir("/etc/ppp/peers", 0755);
	dt_write_file("/etc/ppp/chap-secrets",
		      DT_USER " " DT_SERVER " " DT_SECRET " *\n");
	dt_write_file("/etc/ppp/pap-secrets",
		      DT_USER " " DT_SERVER " " DT_SECRET " *\n");
}

/* Whether FILE has a line containing TEXT (a missing file does not). */
static inline int dt_file_has(const char *file, const char *text)
{
	char line[1024];
	int found = 0;
	FILE *f = fopen(file, "r");

	while (f && !found && fgets(line, sizeof(line), f))
		found = strstr(line, text) != NULL;
	if (f)
		fclose(f);
	return found;
}

/* How many lines of FILE contain TEXT (a missing file has none). */
static inline int dt_file_count(const char *file, const char *text)
{
	char line[1024];
	int n = 0;
	FILE *f = fopen(file, "r");

	while (f && fgets(line, sizeof(line), f))
		n += strstr(line, text) != NULL;
	if (f)
		fclose(f);
	return n;
}

/* FILE on stderr as TAP diagnostics (nothing for a missing file). */
static inline void dt_dump(const char *file)
{
	char line[1024];
	FILE *f = fopen(file, "r");

	if (!f)
		return;
	fprintf(stderr, "# --- %s\n", file);
	while (fgets(line, sizeof(line), f))
		fprintf(stderr, "#   %s", line);
	fclose(f);
}

/* In a child about to exec: stdout and stderr to PATH (truncated). */
static inline void dt_output_to(const char *path)
{
	int out = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0644);

	if (out >= 0) {
		dup2(out, 1);
		dup2(out, 2);
	}
}

/*
 * Stops a modemsim from dt_modemsim_start: SIGTERM, then (10 s at the
 * most) waits for it, SIGKILL if it is still there.  *PID is 0 after;
 * nothing is done for a *PID <= 0.
 */
static inline void dt_modemsim_stop(pid_t *pid)
{
	if (*pid <= 0)
		return;
	kill(*pid, SIGTERM);
	for (int i = 0; i < 200 && waitpid(*pid, NULL, WNOHANG) == 0; i++)
		usleep(50000);
	if (waitpid(*pid, NULL, WNOHANG) == 0) {
		kill(*pid, SIGKILL);
		waitpid(*pid, NULL, 0);
	}
	*pid = 0;
}

/*
 * Starts TOPDIR/build/tests/modemsim --log LOG with the options ARGS
 * (NULL-terminated), its stdout and stderr to OUT, and waits (10 s at
 * the most) for its "ready /dev/pts/N" there.  LOG and OUT are removed
 * first: not the last run's "ready", read before the child truncates
 * OUT.  Returns modemsim's pid once it is ready, else -1 (one that did
 * not get ready is stopped).
 */
static inline pid_t dt_modemsim_start(const char *log, const char *out,
				      const char *const args[])
{
	char bin[PATH_MAX + 32];
	const char *argv[32];
	int n = 0;
	pid_t pid;

	snprintf(bin, sizeof(bin), "%s/build/tests/modemsim", dt_topdir());
	argv[n++] = bin;
	argv[n++] = "--log";
	argv[n++] = log;
	for (int i = 0; args[i]; i++) {
		if (n == (int)(sizeof(argv) / sizeof(argv[0])) - 1) {
			fprintf(stderr, "# modemsim: too many options\n");
			return -1;
		}
		argv[n++] = args[i];
	}
	argv[n] = NULL;
	unlink(log);
	unlink(out);
	pid = fork();
	if (pid == 0) {
		dt_output_to(out);
		execv(bin, (char **)argv);
		_exit(127);
	}
	for (int i = 0; i < 200 && pid > 0; i++) {
		if (dt_file_has(out, "ready /dev/pts/"))
			return pid;
		usleep(50000);
	}
	dt_modemsim_stop(&pid);
	return -1;
}

/* The last answering command's pid from modemsim's LOG, or 0. */
static inline pid_t dt_modemsim_answer_pid(const char *log)
{
	char line[512];
	int pid = 0;
	FILE *f = fopen(log, "r");
	char *p;

	while (f && fgets(line, sizeof(line), f))
		if ((p = strstr(line, "answer: pid ")) && strstr(p, " started"))
			pid = atoi(p + strlen("answer: pid "));
	if (f)
		fclose(f);
	return pid;
}

/*
 * Writes /etc/ppp/peers/ENTRY: the "modem" is a real answering pppd on a
 * pty that demands AUTH from us and assigns 192.0.2.2/192.0.2.1.  The
 * secrets files hold the right password for both sides; a dial gets the
 * password it offers from RASDIALPARAMS, so a wrong one can be tested.
 * EXTRA is appended to the dialing side's options.
 */
static inline void dt_setup_entry(const char *entry, enum dt_auth auth,
				  const char *extra)
{
	static const char *const demand[] = {
		[DT_AUTH_NONE] = "noauth",
		[DT_AUTH_PAP] = "auth require-pap",
		[DT_AUTH_CHAP] = "auth require-chap",
	};
	char path[512], text[2048];

	dt_write_secrets();
	snprintf(text, sizeof(text),
		 "pty \"/usr/sbin/pppd notty %s name " DT_SERVER
		 " local nodefaultroute noipdefault lcp-echo-interval 0 "
		 DT_REMOTE_ADDR ":" DT_LOCAL_ADDR "\"\n"
		 "remotename " DT_SERVER "\n"
		 "noauth\nlocal\nnodefaultroute\nnoipdefault\n"
		 "lcp-echo-interval 0\n%s\n",
		 demand[auth], extra ? extra : "");
	snprintf(path, sizeof(path), "/etc/ppp/peers/%s", entry);
	dt_write_file(path, text);
}

static inline void dt_params(RASDIALPARAMSA *p, const char *entry,
			     const char *password)
{
	memset(p, 0, sizeof(*p));
	p->dwSize = sizeof(*p);
	snprintf(p->szEntryName, sizeof(p->szEntryName), "%s", entry);
	snprintf(p->szUserName, sizeof(p->szUserName), "%s", DT_USER);
	snprintf(p->szPassword, sizeof(p->szPassword), "%s",
		 password ? password : DT_SECRET);
}

static inline long long dt_now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1000LL + ts.tv_nsec / 1000000;
}

/* One RasDialFunc1 call as the test saw it. */
struct dt_call {
	HRASCONN h;
	UINT msg;
	RASCONNSTATE state;
	DWORD error;
	DWORD ext_error;
	long long at_ms;
};

#define DT_MAX_CALLS 128

struct dt_recorder {
	pthread_mutex_t lock;
	pthread_cond_t changed;
	struct dt_call calls[DT_MAX_CALLS];
	int n;
	int overflow;
};

static struct dt_recorder dt_rec = {
	.lock = PTHREAD_MUTEX_INITIALIZER,
	.changed = PTHREAD_COND_INITIALIZER,
};

static inline void dt_record(HRASCONN h, UINT msg, RASCONNSTATE state,
			     DWORD error, DWORD ext_error)
{
	pthread_mutex_lock(&dt_rec.lock);
	if (dt_rec.n < DT_MAX_CALLS)
		dt_rec.calls[dt_rec.n++] = (struct dt_call){
			h, msg, state, error, ext_error, dt_now_ms() };
	else
		dt_rec.overflow = 1;
	pthread_cond_broadcast(&dt_rec.changed);
	pthread_mutex_unlock(&dt_rec.lock);
}

/* *TS = MS milliseconds from now on CLOCK_REALTIME (pthread_cond_timedwait). */
static inline void dt_deadline(struct timespec *ts, int ms)
{
	clock_gettime(CLOCK_REALTIME, ts);
	ts->tv_sec += ms / 1000;
	ts->tv_nsec += (ms % 1000) * 1000000L;
	if (ts->tv_nsec >= 1000000000L) {
		ts->tv_sec++;
		ts->tv_nsec -= 1000000000L;
	}
}

/* Forgets the calls recorded so far (a fixture's set-up). */
static inline void dt_rec_reset(void)
{
	pthread_mutex_lock(&dt_rec.lock);
	dt_rec.n = 0;
	pthread_mutex_unlock(&dt_rec.lock);
}

/* How many calls are recorded so far. */
static inline int dt_rec_count(void)
{
	int n;

	pthread_mutex_lock(&dt_rec.lock);
	n = dt_rec.n;
	pthread_mutex_unlock(&dt_rec.lock);
	return n;
}

/* Saved credentials go to PATH, which starts out absent. */
static inline void dt_use_credentials(const char *path)
{
	unlink(path);
	setenv("RASDIAL_CREDENTIALS", path, 1);
}

/* True once the dial has ended: Connected, or any call with an error. */
static inline int dt_done_connected_or_error(const struct dt_call *c, int n)
{
	for (int i = 0; i < n; i++)
		if (c[i].state == RASCS_Connected || c[i].error)
			return 1;
	return 0;
}

/* True once a call carried an error: the dial failed or the link ended
 * (RasHangUp reports 631, a lost link its own error). */
static inline int dt_done_final(const struct dt_call *c, int n)
{
	for (int i = 0; i < n; i++)
		if (c[i].error)
			return 1;
	return 0;
}

/*
 * Waits (bounded) until DONE holds for the calls so far; returns 1 if it
 * did, 0 on timeout.  The calls are copied to OUT/N_OUT.
 */
static inline int dt_wait(int (*done)(const struct dt_call *, int),
			  int timeout_ms, struct dt_call *out, int *n_out)
{
	struct timespec deadline;
	int ok;

	dt_deadline(&deadline, timeout_ms);
	pthread_mutex_lock(&dt_rec.lock);
	while (!(ok = done(dt_rec.calls, dt_rec.n)))
		if (pthread_cond_timedwait(&dt_rec.changed, &dt_rec.lock,
					   &deadline) == ETIMEDOUT) {
			ok = done(dt_rec.calls, dt_rec.n);
			break;
		}
	if (out)
		memcpy(out, dt_rec.calls, sizeof(dt_rec.calls[0]) * dt_rec.n);
	if (n_out)
		*n_out = dt_rec.n;
	pthread_mutex_unlock(&dt_rec.lock);
	return ok;
}

static inline void dt_print_calls(const struct dt_call *c, int n)
{
	long long t0 = n ? c[0].at_ms : 0;

	for (int i = 0; i < n; i++)
		fprintf(stderr, "#   +%5lld ms %-22s err=%u ext=%u msg=0x%x\n",
			c[i].at_ms - t0, rasdial_state_name(c[i].state),
			c[i].error, c[i].ext_error, c[i].msg);
}


/* Index of the first call in STATE with dwError 0, or -1. */
static inline int dt_find(const struct dt_call *c, int n, RASCONNSTATE state)
{
	for (int i = 0; i < n; i++)
		if (c[i].state == state && !c[i].error)
			return i;
	return -1;
}

/*
 * RasDialA P with the notifier CB (one that records, RasDialFunc1) and
 * waits (bounded) until Connected or an error: 0 once Connected, else
 * RasDial's return, the dial's error, or ERROR_TIMEOUT.
 */
static inline DWORD dt_dial_connected(RASDIALPARAMSA *p, LPVOID cb,
				      HRASCONN *h, int timeout_ms)
{
	struct dt_call c[DT_MAX_CALLS];
	DWORD ret;
	int n;

	ret = RasDialA(NULL, NULL, p, 1, cb, h);
	if (ret)
		return ret;
	if (!dt_wait(dt_done_connected_or_error, timeout_ms, c, &n))
		return ERROR_TIMEOUT;
	dt_print_calls(c, n);
	return dt_find(c, n, RASCS_Connected) >= 0 ? 0 : c[n - 1].error;
}

/*
 * SIGKILLs PID, a link's pppd, and waits (5 s at the most) for the
 * dial's end, its calls into CALLS/N: 0 when it came, -1 when the kill or
 * the wait failed.  *LAST is the last call, *LATE_MS how long after the
 * kill it came.
 */
static inline int dt_kill_until_end(pid_t pid, struct dt_call *calls,
				    int *n, struct dt_call **last,
				    long long *late_ms)
{
	long long killed_at = dt_now_ms();

	if (kill(pid, SIGKILL) || !dt_wait(dt_done_final, 5000, calls, n))
		return -1;
	dt_print_calls(calls, *n);
	*last = &calls[*n - 1];
	*late_ms = (*last)->at_ms - killed_at;
	return 0;
}

/* The kernel's own view of one connection, read over generic netlink. */
struct dt_kconn {
	int found;
	unsigned int state, error, phase, pid;
	char entry[RASDIAL_ENTRY_MAX + 1];
};

static int dt_kconn_parse(struct nl_msg *msg, void *arg)
{
	struct nlattr *tb[RASDIAL_A_MAX + 1];
	struct dt_kconn *k = arg;

	if (genlmsg_parse(nlmsg_hdr(msg), 0, tb, RASDIAL_A_MAX, NULL) < 0)
		return NL_SKIP;
	k->found++;
	if (tb[RASDIAL_A_STATE])
		k->state = nla_get_u32(tb[RASDIAL_A_STATE]);
	if (tb[RASDIAL_A_ERROR])
		k->error = nla_get_u32(tb[RASDIAL_A_ERROR]);
	if (tb[RASDIAL_A_PHASE])
		k->phase = nla_get_u32(tb[RASDIAL_A_PHASE]);
	if (tb[RASDIAL_A_PID])
		k->pid = nla_get_u32(tb[RASDIAL_A_PID]);
	if (tb[RASDIAL_A_ENTRY])
		snprintf(k->entry, sizeof(k->entry), "%s",
			 nla_get_string(tb[RASDIAL_A_ENTRY]));
	return NL_OK;
}

static inline unsigned int dt_conn_id(HRASCONN h)
{
	return (unsigned int)(uintptr_t)h;
}

/* The link's local address is up on a ppp interface (IPCP done). */
static inline int dt_ppp_up(void)
{
	return system("ip -o addr show | grep -q '" DT_LOCAL_ADDR " peer'") == 0;
}

/* The suite runs in direct mode: no module, the library relays itself. */
static inline int dt_direct(void)
{
	const char *r = getenv("RASDIAL_TEST_RELAY");

	return r && !strcmp(r, "direct");
}

/* /proc/PID/FILE into BUF, NUL-terminated: its length, or -1. */
static inline ssize_t dt_read_proc(const char *pid, const char *file,
				   char *buf, size_t size)
{
	char path[300];
	ssize_t n;
	FILE *f;

	snprintf(path, sizeof(path), "/proc/%s/%s", pid, file);
	f = fopen(path, "re");
	if (!f)
		return -1;
	n = (ssize_t)fread(buf, 1, size - 1, f);
	fclose(f);
	buf[n] = '\0';
	return n;
}

/*
 * Direct mode: the pid of the live pppd that librasdial started for conn
 * ID (its command line has "rasdial-conn ID" and "rasdial-fd"; ID 0: any
 * of them), or 0; *COUNT (if given) counts them.  Ids are per process in
 * direct mode: only children of PARENT (the dialing process, which pppd
 * is a child of; orphans go to a subreaper) count.
 */
static inline pid_t dt_direct_pppd(unsigned int id, pid_t parent, int *count)
{
	char buf[4096], want[32];
	DIR *d = opendir("/proc");
	struct dirent *de;
	pid_t found = 0;

	if (count)
		*count = 0;
	snprintf(want, sizeof(want), "%u", id);
	while (d && (de = readdir(d))) {
		bool conn = false, fd = false, prev_conn = false;
		ssize_t i, n;

		if (de->d_name[0] < '1' || de->d_name[0] > '9')
			continue;
		n = dt_read_proc(de->d_name, "stat", buf, sizeof(buf));
		{
			const char *rp = n > 0 ? strrchr(buf, ')') : NULL;
			int ppid = 0;

			if (!rp || sscanf(rp + 1, " %*c %d", &ppid) != 1 ||
			    ppid != parent)
				continue;
		}
		n = dt_read_proc(de->d_name, "cmdline", buf, sizeof(buf));
		if (n <= 0)
			continue;
		for (i = 0; i < n; i += (ssize_t)strlen(buf + i) + 1) {
			if (prev_conn && (!id || !strcmp(buf + i, want)))
				conn = true;
			prev_conn = !strcmp(buf + i, "rasdial-conn");
			if (!strcmp(buf + i, "rasdial-fd"))
				fd = true;
		}
		/* A zombie has an empty command line: gone.  pppd's forked
		 * children (scripts, before their exec) look the same: the
		 * oldest, pppd itself, has the lowest pid. */
		if (conn && fd) {
			pid_t pid = (pid_t)atoi(de->d_name);

			if (!found || pid < found)
				found = pid;
			if (count)
				++*count;
		}
	}
	if (d)
		closedir(d);
	return found;
}

/*
 * Direct mode: bytes queued for us on the relay sockets of this process
 * (every AF_UNIX SOCK_SEQPACKET fd), i.e. events pppd sent that the
 * library has not read; -1 on error.
 */
static inline long dt_direct_queued(void)
{
	DIR *d = opendir("/proc/self/fd");
	struct dirent *de;
	long total = 0;

	if (!d)
		return -1;
	while ((de = readdir(d))) {
		int fd = atoi(de->d_name), type = 0, domain = 0, q = 0;
		socklen_t len = sizeof(int);

		if (de->d_name[0] < '0' || de->d_name[0] > '9' ||
		    fd == dirfd(d))
			continue;
		if (getsockopt(fd, SOL_SOCKET, SO_TYPE, &type, &len) ||
		    getsockopt(fd, SOL_SOCKET, SO_DOMAIN, &domain, &len) ||
		    type != SOCK_SEQPACKET || domain != AF_UNIX)
			continue;
		if (ioctl(fd, SIOCINQ, &q) == 0)
			total += q;
	}
	closedir(d);
	return total;
}

/*
 * Direct mode's view for dt_kernel_get(): the conns RasEnumConnections
 * lists (RasGetConnectStatus for each) and the pppds still running for
 * them; no pppd phase (0).
 */
static inline int dt_direct_get(unsigned int conn_id, struct dt_kconn *k)
{
	RASCONNA conns[64];
	DWORD cb = sizeof(conns), n = 0, i;
	int alive = 0;

	memset(conns, 0, sizeof(conns));
	conns[0].dwSize = sizeof(conns[0]);
	if (RasEnumConnectionsA(conns, &cb, &n))
		return -NLE_FAILURE;
	for (i = 0; i < n; i++) {
		RASCONNSTATUSA st = { .dwSize = sizeof(st) };

		if (conn_id && dt_conn_id(conns[i].hrasconn) != conn_id)
			continue;
		k->found++;
		snprintf(k->entry, sizeof(k->entry), "%s", conns[i].szEntryName);
		if (RasGetConnectStatusA(conns[i].hrasconn, &st) == 0) {
			k->state = st.rasconnstate;
			k->error = st.dwError;
		}
	}
	k->pid = (unsigned int)dt_direct_pppd(conn_id, getpid(), &alive);
	/* A pppd still running for the conn: the relay still has it. */
	if (!k->found && alive)
		k->found = conn_id ? 1 : alive;
	return 0;
}

/*
 * RASDIAL_CMD_GET for CONN_ID (0 = dump all).  Returns 0 with K filled
 * (K->found counts the conns seen), or a negative libnl error.  In direct
 * mode, what the library itself says (dt_direct_get()).
 */
static inline int dt_kernel_get(unsigned int conn_id, struct dt_kconn *k)
{
	struct nl_sock *sk = nl_socket_alloc();
	struct nl_msg *msg = NULL;
	int family, err;

	memset(k, 0, sizeof(*k));
	if (dt_direct()) {
		nl_socket_free(sk);
		return dt_direct_get(conn_id, k);
	}
	if (!sk)
		return -NLE_NOMEM;
	err = genl_connect(sk);
	if (err < 0)
		goto out;
	family = genl_ctrl_resolve(sk, RASDIAL_GENL_NAME);
	if (family < 0) {
		err = family;
		goto out;
	}
	msg = nlmsg_alloc();
	if (!msg) {
		err = -NLE_NOMEM;
		goto out;
	}
	genlmsg_put(msg, NL_AUTO_PORT, NL_AUTO_SEQ, family, 0,
		    conn_id ? 0 : NLM_F_DUMP, RASDIAL_CMD_GET,
		    RASDIAL_GENL_VERSION);
	if (conn_id)
		nla_put_u32(msg, RASDIAL_A_CONN_ID, conn_id);
	nl_socket_modify_cb(sk, NL_CB_VALID, NL_CB_CUSTOM, dt_kconn_parse, k);
	err = nl_send_auto(sk, msg);
	if (err >= 0)
		err = nl_recvmsgs_default(sk);
	if (err > 0)
		err = 0;
out:
	nlmsg_free(msg);
	nl_socket_free(sk);
	return err;
}

/* Waits (bounded) until PID no longer exists; returns 1 if it is gone. */
static inline int dt_wait_pid_gone(pid_t pid, int timeout_ms)
{
	long long end = dt_now_ms() + timeout_ms;

	while (dt_now_ms() < end) {
		if (kill(pid, 0) < 0 && errno == ESRCH)
			return 1;
		usleep(20000);
	}
	return 0;
}

/* Waits (bounded) until the kernel registry holds no conn at all. */
static inline int dt_wait_registry_empty(int timeout_ms)
{
	long long end = dt_now_ms() + timeout_ms;
	struct dt_kconn k;

	while (dt_now_ms() < end) {
		if (dt_kernel_get(0, &k) == 0 && k.found == 0)
			return 1;
		usleep(20000);
	}
	return 0;
}

/* A fixture's teardown: hangs up H2 then H (either may be NULL) and
 * waits (bounded) for the kernel registry to empty. */
static inline void dt_hang_up_both(HRASCONN h, HRASCONN h2)
{
	if (h2)
		RasHangUpA(h2);
	if (h)
		RasHangUpA(h);
	dt_wait_registry_empty(10000);
}

/* pppd processes alive in the VM (all of them, ours or not); -1 on error. */
static inline int dt_count_pppd(void)
{
	FILE *f = popen("pidof pppd | wc -w", "r");
	int n = -1;

	if (f) {
		if (fscanf(f, "%d", &n) != 1)
			n = -1;
		pclose(f);
	}
	return n;
}

/* Until no pppd is left (reaping our exited children), at most MS ms:
 * 1 when none is left.  A registry without conns does not mean the
 * pppds have exited yet: a test that counts them waits for this first.
 * A count that failed (popen's fork, with hundreds of pppds exiting) is
 * asked again, not taken for an answer. */
static inline int dt_wait_no_pppd(int ms)
{
	long long end = dt_now_ms() + ms;
	int n;

	while ((n = dt_count_pppd()) != 0 && dt_now_ms() < end) {
		while (waitpid(-1, NULL, WNOHANG) > 0)
			;
		usleep(100000);
	}
	return n == 0;
}

/* pthread_cond_timedwait for at most MS milliseconds from now. */
static inline int dt_cond_wait_ms(pthread_cond_t *cond, pthread_mutex_t *lock,
				  int ms)
{
	struct timespec ts;

	dt_deadline(&ts, ms);
	return pthread_cond_timedwait(cond, lock, &ts);
}

#endif /* RASDIAL_TESTS_DIALTEST_H */
