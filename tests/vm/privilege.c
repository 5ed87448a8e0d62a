// SPDX-License-Identifier: GPL-2.0-only
/*
 * privilege: librasdial used by unprivileged users, through Debian's own
 * pppd model (issue #7 item 4).
 *
 * Debian's /usr/sbin/pppd is setuid root, mode 4754 root:dip: members of
 * group dip may run it, and pppd then takes privileged options ("plugin",
 * "pty", "noauth", "name", ...) only from root-owned files: /etc/ppp/options
 * and /etc/ppp/peers/ENTRY (mode 2750 root:dip).  So the admin puts
 * "plugin rasdial.so" in the entry and librasdial, for a user other than
 * root, passes only unprivileged options (rasdial-conn, rasdial-passwd-fd,
 * user, remotenumber).  The kernel lets a setuid pppd bind a conn only for
 * its real uid (the caller's), see kernel/netlink.c.
 *
 * Users are numeric only (no /etc/passwd entry is needed): A and B are in
 * group dip (gid 30), C is not.  Each runs in a forked child that drops
 * to it with setgroups/setresgid/setresuid; the test process stays root
 * and watches: every /proc/PID/cmdline and environ, all netlink traffic
 * (an nlmon device read with an AF_PACKET socket), pppd's log files and
 * syslog must never hold the password.
 *
 * /usr/sbin/pppd is the host's, over 9p: its setuid bit, owner and group
 * hold in the VM (the mount is not nosuid).  Should the 9p mount not
 * enforce the group (a user outside dip could run it), the fixture uses a
 * copy on the VM's tmpfs, chown root:dip, chmod 4754, via RASDIAL_PPPD,
 * and says so.
 *
 * Direct mode (no rasdial.ko): A's pppd reports over a socket pair only
 * A's process holds, and no netlink message is sent.  A's process then
 * says what it sees of its link (no other process can: root's and B's
 * RasGetConnectStatus of A's handle are ERROR_INVALID_HANDLE, B's
 * RasHangUp too; B cannot take either end of the relay socket with
 * pidfd_getfd), and the password must not cross that socket: this
 * executable defines send() and recvmsg(), which librasdial's direct
 * relay calls on it (shim/direct.c), and records every datagram A's
 * process sends and receives on an AF_UNIX SOCK_SEQPACKET socket; the
 * datagrams naming A's conn are the control.  nlmon still watches all
 * netlink traffic, which must not name the entry there.
 *
 * vm-relays: kernel direct
 */

#include <dirent.h>
#include <dlfcn.h>
#include <grp.h>
#include <net/if.h>
#include <poll.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <syslog.h>
#include <arpa/inet.h>
#include <linux/if_ether.h>
#include <linux/if_packet.h>

#include "dialtest.h"

#include "kselftest_harness.h"

#define GID_DIP		30
#define UID_A		2001	/* in dip: dials */
#define UID_B		2002	/* in dip: another user */
#define UID_C		2003	/* not in dip */
#define PW		"S3cr3t-Pw-7731"
#define PPPD_SYS	"/usr/sbin/pppd"
#define PPPD_COPY	"/run/rasdial-priv/pppd"
#define DIAL_LOG	"/var/log/priv-dial.log"
#define ANS_LOG		"/var/log/priv-ans.log"
#define SYSLOG		"/var/log/messages"
#define TIMEOUT_MS	60000

static const char *pppd_path = PPPD_SYS;

/* ------------------------------------------------------------ helpers */

static void write_mode(const char *path, const char *text, mode_t mode,
		       gid_t gid)
{
	dt_write_file(path, text);
	if (chown(path, 0, gid) || chmod(path, mode))
		fprintf(stderr, "# chown/chmod %s: %s\n", path, strerror(errno));
}

/* Drops this (forked) process to UID, in group dip or in no group. */
static int become(uid_t uid, int in_dip)
{
	gid_t dip = GID_DIP;

	if (setgroups(in_dip ? 1 : 0, &dip) ||
	    setresgid(uid, uid, uid) || setresuid(uid, uid, uid))
		return -1;
	return getuid() == uid && geteuid() == uid ? 0 : -1;
}

/*
 * Debian-style entries: the dialer (loads the plugin itself, as the admin
 * sets it up for users; LOAD_PLUGIN 0 leaves that out) and the answering
 * pppd it runs on a pty.  The pty command runs as the caller's real uid
 * (pppd's device_script), so the answerer is setuid pppd run by the user
 * too and takes its privileged options from its own peers file.
 */
static void setup_entries(const char *dial, const char *ans,
			  enum dt_auth auth, int load_plugin)
{
	const char *plugin = getenv("RASDIAL_PLUGIN");
	char text[2048], path[256];

	write_mode("/etc/ppp/chap-secrets",
		   DT_USER " " DT_SERVER " " PW " *\n", 0600, 0);
	write_mode("/etc/ppp/pap-secrets",
		   DT_USER " " DT_SERVER " " PW " *\n", 0600, 0);
	snprintf(text, sizeof(text),
		 "notty\nauth\n%s\nname " DT_SERVER "\nlocal\nnodefaultroute\n"
		 "noipdefault\nnoipv6\nlcp-echo-interval 0\n"
		 DT_REMOTE_ADDR ":" DT_LOCAL_ADDR "\ndebug\nlogfile " ANS_LOG "\n",
		 auth == DT_AUTH_PAP ? "require-pap" : "require-chap");
	snprintf(path, sizeof(path), "/etc/ppp/peers/%s", ans);
	write_mode(path, text, 0640, GID_DIP);
	/* The log first: it then has the plugin's own lines too. */
	snprintf(text, sizeof(text),
		 "debug\nlogfile " DIAL_LOG "\n%s%s%s"
		 "pty \"%s call %s\"\nremotename " DT_SERVER "\n"
		 "noauth\nlocal\nnodefaultroute\nnoipdefault\nnoipv6\n"
		 "lcp-echo-interval 0\n",
		 load_plugin ? "plugin " : "",
		 load_plugin ? (plugin ? plugin : "rasdial.so") : "",
		 load_plugin ? "\n" : "", pppd_path, ans);
	snprintf(path, sizeof(path), "/etc/ppp/peers/%s", dial);
	write_mode(path, text, 0640, GID_DIP);
}

/* Runs PPPD --version as UID outside dip: 0 when it ran. */
static int outsider_can_run(const char *pppd)
{
	int status;
	pid_t pid = fork();

	if (pid == 0) {
		int nul = open("/dev/null", O_WRONLY);

		dup2(nul, 1);
		dup2(nul, 2);
		if (become(UID_C, 0))
			_exit(3);
		execl(pppd, "pppd", "--version", (char *)NULL);
		_exit(errno == EACCES ? 4 : 5);
	}
	if (pid < 0 || waitpid(pid, &status, 0) != pid)
		return -1;
	return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

static void pick_pppd(void)
{
	struct stat st;
	int r;

	pppd_path = PPPD_SYS;
	if (stat(PPPD_SYS, &st) == 0)
		fprintf(stderr, "# %s: mode %04o uid %u gid %u\n", PPPD_SYS,
			st.st_mode & 07777, st.st_uid, st.st_gid);
	r = outsider_can_run(PPPD_SYS);
	if (r == 4 && (st.st_mode & S_ISUID) && st.st_gid == GID_DIP) {
		fprintf(stderr, "# using the distro's %s (setuid root, group dip, enforced)\n",
			PPPD_SYS);
	} else {
		fprintf(stderr, "# %s as seen in the VM does not keep users outside dip out (%d): using a root:dip 4754 copy at %s\n",
			PPPD_SYS, r, PPPD_COPY);
		mkdir("/run/rasdial-priv", 0755);
		if (system("cp " PPPD_SYS " " PPPD_COPY))
			fprintf(stderr, "# cannot copy pppd\n");
		if (chown(PPPD_COPY, 0, GID_DIP) || chmod(PPPD_COPY, 04754))
			fprintf(stderr, "# chown/chmod " PPPD_COPY " failed\n");
		pppd_path = PPPD_COPY;
	}
	setenv("RASDIAL_PPPD", pppd_path, 1);
}

/* ------------------------------------------------- watching for the password */

struct watch {
	int pkt;		/* AF_PACKET socket on nlmon0, or -1 */
	long packets, bytes;
	int pkt_leaks;		/* packets holding the password */
	int pkt_entry;		/* packets naming the entry (control) */
	int proc_scans, proc_leaks;
	int proc_pppd;		/* cmdlines naming the entry (control) */
	int proc_env;		/* environs with RASDIAL_PPPD= (control) */
	char leak_where[320];
	const char *entry;
};

static void watch_start(struct watch *w, const char *entry)
{
	struct sockaddr_ll sll = { 0 };
	int big = 16 << 20;

	memset(w, 0, sizeof(*w));
	w->entry = entry;
	w->pkt = -1;
	if (system("modprobe nlmon && (ip link del nlmon0 2>/dev/null; true) && "
		   "ip link add nlmon0 type nlmon && ip link set nlmon0 up"))
		return;
	w->pkt = socket(AF_PACKET, SOCK_RAW | SOCK_NONBLOCK | SOCK_CLOEXEC,
			htons(ETH_P_ALL));
	if (w->pkt < 0)
		return;
	setsockopt(w->pkt, SOL_SOCKET, SO_RCVBUFFORCE, &big, sizeof(big));
	sll.sll_family = AF_PACKET;
	sll.sll_protocol = htons(ETH_P_ALL);
	sll.sll_ifindex = (int)if_nametoindex("nlmon0");
	if (!sll.sll_ifindex || bind(w->pkt, (void *)&sll, sizeof(sll))) {
		close(w->pkt);
		w->pkt = -1;
	}
}

static void watch_drain(struct watch *w)
{
	static unsigned char buf[1 << 17];
	ssize_t n;

	if (w->pkt < 0)
		return;
	while ((n = recv(w->pkt, buf, sizeof(buf), MSG_TRUNC)) > 0) {
		size_t len = (size_t)n < sizeof(buf) ? (size_t)n : sizeof(buf);

		w->packets++;
		w->bytes += n;
		if (memmem(buf, len, PW, strlen(PW))) {
			w->pkt_leaks++;
			snprintf(w->leak_where, sizeof(w->leak_where),
				 "a netlink message");
		}
		if (memmem(buf, len, w->entry, strlen(w->entry)))
			w->pkt_entry++;
	}
}

/* The whole file at PATH (cmdline, environ), NUL-separated; its length. */
static ssize_t slurp(const char *path, char *buf, size_t size)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	size_t len = 0;
	ssize_t n;

	if (fd < 0)
		return -1;
	while (len < size && (n = read(fd, buf + len, size - len)) > 0)
		len += (size_t)n;
	close(fd);
	return (ssize_t)len;
}

static void watch_proc(struct watch *w)
{
	static char buf[1 << 16];
	static const char *const files[] = { "cmdline", "environ" };
	struct dirent *de;
	DIR *d = opendir("/proc");

	if (!d)
		return;
	w->proc_scans++;
	while ((de = readdir(d))) {
		char path[300];

		if (de->d_name[0] < '1' || de->d_name[0] > '9')
			continue;
		for (int i = 0; i < 2; i++) {
			ssize_t n;

			snprintf(path, sizeof(path), "/proc/%s/%s", de->d_name,
				 files[i]);
			n = slurp(path, buf, sizeof(buf));
			if (n <= 0)
				continue;
			if (memmem(buf, (size_t)n, PW, strlen(PW))) {
				w->proc_leaks++;
				snprintf(w->leak_where, sizeof(w->leak_where),
					 "%s", path);
			}
			if (i == 0 && memmem(buf, (size_t)n, w->entry,
					     strlen(w->entry)))
				w->proc_pppd++;
			if (i == 1 && memmem(buf, (size_t)n, "RASDIAL_PPPD=", 13))
				w->proc_env++;
		}
	}
	closedir(d);
}

/* One round: everything the dial could have exposed so far. */
static void watch_round(struct watch *w)
{
	watch_drain(w);
	watch_proc(w);
}

static long watch_drops(struct watch *w)
{
	struct tpacket_stats st = { 0 };
	socklen_t len = sizeof(st);

	if (w->pkt < 0 ||
	    getsockopt(w->pkt, SOL_PACKET, PACKET_STATISTICS, &st, &len))
		return -1;
	return st.tp_drops;
}

static void watch_stop(struct watch *w)
{
	if (w->pkt >= 0)
		close(w->pkt);
	w->pkt = -1;
	if (system("ip link del nlmon0 2>/dev/null")) {
		/* already gone */
	}
}

/* 1 if the file at PATH holds NEEDLE past byte FROM, 0 if not, -1 if
 * unreadable. */
static int file_has_from(const char *path, const char *needle, off_t from)
{
	static char buf[4 << 20];
	ssize_t n = slurp(path, buf, sizeof(buf));

	if (n < 0)
		return -1;
	if (from > n)
		from = n;
	return memmem(buf + from, (size_t)(n - from), needle,
		      strlen(needle)) != NULL;
}

static int file_has(const char *path, const char *needle)
{
	return file_has_from(path, needle, 0);
}

static off_t file_size(const char *path)
{
	struct stat st;

	return stat(path, &st) ? 0 : st.st_size;
}

/* How many times NEEDLE occurs in the file at PATH. */
static int file_count(const char *path, const char *needle)
{
	static char buf[1 << 20];
	ssize_t n = slurp(path, buf, sizeof(buf));
	const char *p = buf, *end;
	int count = 0;

	if (n < 0)
		return -1;
	end = buf + n;
	while ((p = memmem(p, (size_t)(end - p), needle, strlen(needle)))) {
		count++;
		p += strlen(needle);
	}
	return count;
}

/* ------------------------------------ direct mode: the relay socket's traffic */

/*
 * librasdial's direct relay (shim/direct.c) reads pppd's messages with
 * recvmsg() and answers with send(): the dynamic linker binds those calls
 * to the definitions below, which forward to libc's and, while a capture
 * is on, record each datagram on an AF_UNIX SOCK_SEQPACKET socket.  The
 * conns the datagrams name (RASDIAL_A_CONN_ID) are counted, per way, in
 * at most CAP_CONNS slots.
 */
#define CAP_CONNS	8

struct cap_conn {
	uint32_t id;
	int fd;			/* the socket it was last seen on */
	long sent, received;
};

static struct {
	pthread_mutex_t lock;
	int on;			/* read without the lock: __atomic */
	long datagrams, bytes;
	int leaks;		/* datagrams holding the password */
	int n_conns;
	struct cap_conn conns[CAP_CONNS];
} cap = { .lock = PTHREAD_MUTEX_INITIALIZER };

static void cap_start(void)
{
	pthread_mutex_lock(&cap.lock);
	cap.datagrams = cap.bytes = 0;
	cap.leaks = cap.n_conns = 0;
	memset(cap.conns, 0, sizeof(cap.conns));
	__atomic_store_n(&cap.on, 1, __ATOMIC_RELEASE);
	pthread_mutex_unlock(&cap.lock);
}

static void cap_stop(void)
{
	__atomic_store_n(&cap.on, 0, __ATOMIC_RELEASE);
}

/* What the capture saw of conn ID so far into *C (zeroes, fd -1: none). */
static void cap_conn_seen(uint32_t id, struct cap_conn *c)
{
	pthread_mutex_lock(&cap.lock);
	memset(c, 0, sizeof(*c));
	c->fd = -1;
	for (int i = 0; i < cap.n_conns; i++)
		if (cap.conns[i].id == id)
			*c = cap.conns[i];
	pthread_mutex_unlock(&cap.lock);
}

/* The conn a relay datagram names: its first message of the relay's
 * type with RASDIAL_A_CONN_ID; 0 if none. */
static uint32_t cap_conn_id(void *buf, size_t len)
{
	struct nlmsghdr *nlh = buf;
	int rem = (int)len;

	for (; nlmsg_ok(nlh, rem); nlh = nlmsg_next(nlh, &rem)) {
		struct nlattr *tb[RASDIAL_A_MAX + 1];

		if (nlh->nlmsg_type == RASDIAL_DIRECT_FAMILY &&
		    genlmsg_parse(nlh, 0, tb, RASDIAL_A_MAX, NULL) == 0 &&
		    tb[RASDIAL_A_CONN_ID])
			return nla_get_u32(tb[RASDIAL_A_CONN_ID]);
	}
	return 0;
}

/* N bytes went over FD (in IOV), SENT or received: recorded when a
 * capture is on and FD is an AF_UNIX SOCK_SEQPACKET socket. */
static void cap_record(int fd, const struct iovec *iov, size_t iovlen,
		       size_t n, bool sent)
{
	static char buf[1 << 16] __attribute__((aligned(NLMSG_ALIGNTO)));
	int domain = 0, type = 0, saved = errno;
	socklen_t len = sizeof(int);
	size_t got = 0;
	uint32_t id;

	if (!__atomic_load_n(&cap.on, __ATOMIC_ACQUIRE) ||
	    getsockopt(fd, SOL_SOCKET, SO_DOMAIN, &domain, &len) ||
	    domain != AF_UNIX ||
	    getsockopt(fd, SOL_SOCKET, SO_TYPE, &type, &len) ||
	    type != SOCK_SEQPACKET) {
		errno = saved;
		return;
	}
	pthread_mutex_lock(&cap.lock);
	for (size_t i = 0; i < iovlen && got < n && got < sizeof(buf); i++) {
		size_t k = iov[i].iov_len;

		if (k > n - got)
			k = n - got;
		if (k > sizeof(buf) - got)
			k = sizeof(buf) - got;
		memcpy(buf + got, iov[i].iov_base, k);
		got += k;
	}
	cap.datagrams++;
	cap.bytes += (long)n;
	if (memmem(buf, got, PW, strlen(PW)))
		cap.leaks++;
	id = cap_conn_id(buf, got);
	for (int i = 0; id && i < CAP_CONNS; i++) {
		struct cap_conn *c = &cap.conns[i];

		if (i == cap.n_conns) {
			c->id = id;
			cap.n_conns++;
		}
		if (c->id != id)
			continue;
		c->fd = fd;
		if (sent)
			c->sent++;
		else
			c->received++;
		break;
	}
	pthread_mutex_unlock(&cap.lock);
	errno = saved;
}

/* libc's FN, found once (a race only stores the same pointer twice). */
#define CAP_NEXT(fn, type)						\
	({								\
		static type next_;					\
		type f_ = __atomic_load_n(&next_, __ATOMIC_ACQUIRE);	\
		if (!f_) {						\
			f_ = (type)dlsym(RTLD_NEXT, #fn);		\
			__atomic_store_n(&next_, f_, __ATOMIC_RELEASE);	\
		}							\
		f_;							\
	})

typedef ssize_t (*send_fn)(int, const void *, size_t, int);
typedef ssize_t (*recvmsg_fn)(int, struct msghdr *, int);

ssize_t send(int fd, const void *buf, size_t len, int flags)
{
	send_fn next = CAP_NEXT(send, send_fn);
	struct iovec iov;
	ssize_t n;

	if (!next) {
		errno = ENOSYS;
		return -1;
	}
	n = next(fd, buf, len, flags);
	if (n > 0) {
		iov.iov_base = (void *)buf;
		iov.iov_len = (size_t)n;
		cap_record(fd, &iov, 1, (size_t)n, true);
	}
	return n;
}

ssize_t recvmsg(int fd, struct msghdr *mh, int flags)
{
	recvmsg_fn next = CAP_NEXT(recvmsg, recvmsg_fn);
	ssize_t n;

	if (!next) {
		errno = ENOSYS;
		return -1;
	}
	n = next(fd, mh, flags);
	if (n > 0 && !(flags & MSG_PEEK))
		cap_record(fd, mh->msg_iov, mh->msg_iovlen, (size_t)n, false);
	return n;
}

/*
 * Takes fd FD of process PID with pidfd_getfd and closes the copy again:
 * 0 when it was a relay socket (AF_UNIX SOCK_SEQPACKET), -ENOTSOCK when
 * something else, else -errno (-EPERM: not ours to take).
 */
static int grab_relay_fd(pid_t pid, int fd)
{
	int pidfd = (int)syscall(SYS_pidfd_open, pid, 0);
	int got, err = 0, domain = 0, type = 0;
	socklen_t len = sizeof(int);

	if (pidfd < 0)
		return -errno;
	got = (int)syscall(SYS_pidfd_getfd, pidfd, fd, 0);
	if (got < 0) {
		err = -errno;
	} else {
		if (getsockopt(got, SOL_SOCKET, SO_DOMAIN, &domain, &len) ||
		    getsockopt(got, SOL_SOCKET, SO_TYPE, &type, &len) ||
		    domain != AF_UNIX || type != SOCK_SEQPACKET)
			err = -ENOTSOCK;
		close(got);
	}
	close(pidfd);
	return err;
}

/* The fd pppd PID was given with "rasdial-fd N", or -1. */
static int pppd_relay_fd(pid_t pid)
{
	char path[64], buf[4096];
	ssize_t n;

	snprintf(path, sizeof(path), "/proc/%d/cmdline", (int)pid);
	n = slurp(path, buf, sizeof(buf) - 1);
	if (n <= 0)
		return -1;
	buf[n] = '\0';
	for (ssize_t i = 0; i < n; i += (ssize_t)strlen(buf + i) + 1)
		if (!strcmp(buf + i, "rasdial-fd") &&
		    i + (ssize_t)strlen(buf + i) + 1 < n)
			return atoi(buf + i + strlen(buf + i) + 1);
	return -1;
}

/* --------------------------------------------------- raw kernel requests */

/* CMD on conn ID over a fresh generic netlink socket: 0 or -errno. */
static int raw_request(uint8_t cmd, uint32_t id)
{
	struct nl_sock *sk = nl_socket_alloc();
	struct nl_msg *msg;
	int fam, err;

	if (!sk)
		return -ENOMEM;
	err = genl_connect(sk);
	fam = err ? -1 : genl_ctrl_resolve(sk, RASDIAL_GENL_NAME);
	msg = nlmsg_alloc();
	if (fam < 0 || !msg) {
		nlmsg_free(msg);
		nl_socket_free(sk);
		return -EPROTONOSUPPORT;
	}
	genlmsg_put(msg, NL_AUTO_PORT, NL_AUTO_SEQ, fam, 0, 0, cmd,
		    RASDIAL_GENL_VERSION);
	nla_put_u32(msg, RASDIAL_A_CONN_ID, id);
	if (cmd == RASDIAL_CMD_EVENT || cmd == RASDIAL_CMD_ACK)
		nla_put_u32(msg, RASDIAL_A_SEQ, 99);
	if (cmd == RASDIAL_CMD_EVENT)
		nla_put_u32(msg, RASDIAL_A_STATE, RASCS_Disconnected);
	err = nl_send_sync(sk, msg);	/* frees msg */
	nl_socket_free(sk);
	if (err == -NLE_PERM)
		return -EPERM;
	return err < 0 ? -EIO : 0;
}

/* ------------------------------------------------------- the users */

static void WINAPI rec1(HRASCONN h, UINT msg, RASCONNSTATE state,
			DWORD error, DWORD ext_error)
{
	dt_record(h, msg, state, error, ext_error);
}

/* What user A tells the test. */
struct a_report {
	DWORD dial_ret;		/* RasDialA */
	DWORD outcome;		/* 0 = Connected, else the error seen */
	uint32_t id;
	int n_calls;
	int saw[3];		/* OpenPort, Authenticate, Connected seen */
	int listed;		/* RasEnumConnections has the link */
	DWORD hangup_ret;	/* RasHangUpA, after the test says so */
	DWORD final_error;	/* the last call's dwError (631 expected) */
	DWORD creds_ret;	/* RasSetCredentialsA (a_saved dials) */
	/* Direct mode: what A's process sees of its link (dt_kernel_get()
	 * there), and what crossed its relay socket. */
	int k_found;
	unsigned int k_state, k_error, k_pid;
	int empty;		/* A's view empty after its hang-up */
	int relay_fd;		/* the library's end, A's conn seen on it */
	long cap_datagrams, cap_bytes;
	int cap_leaks;
	long cap_sent, cap_received;	/* datagrams naming A's conn */
};

/*
 * a_saved: user A saves the password with RasSetCredentials in its own
 * store (A_STORE) and dials with szPassword empty; the scans then cover
 * a dial that used a saved password, and the store's modes are checked.
 */
#define A_STORE_DIR	"/tmp/priv-a"
#define A_STORE		A_STORE_DIR "/credentials"
static int a_saved;

static int xwrite(int fd, const void *buf, size_t len)
{
	return write(fd, buf, len) == (ssize_t)len ? 0 : -1;
}

/* Reads LEN bytes from FD within MS: 0, or -1. */
static int xread(int fd, void *buf, size_t len, int ms)
{
	struct pollfd p = { .fd = fd, .events = POLLIN };

	if (poll(&p, 1, ms) != 1)
		return -1;
	return read(fd, buf, len) == (ssize_t)len ? 0 : -1;
}

static int listed(HRASCONN h)
{
	RASCONNA conns[16];
	DWORD cb = sizeof(conns), n = 0;

	conns[0].dwSize = sizeof(RASCONNA);
	if (RasEnumConnectionsA(conns, &cb, &n))
		return 0;
	for (DWORD i = 0; i < n; i++)
		if (conns[i].hrasconn == h)
			return 1;
	return 0;
}

/* Direct mode: A's own view of its link into R. */
static void a_view(struct a_report *r)
{
	struct cap_conn cc;
	struct dt_kconn k;

	cap_conn_seen(r->id, &cc);
	r->relay_fd = cc.fd;
	if (dt_kernel_get(r->id, &k)) {
		r->k_found = -1;
		return;
	}
	r->k_found = k.found;
	r->k_state = k.state;
	r->k_error = k.error;
	r->k_pid = k.pid;
}

/*
 * User A (in dip): dials ENTRY with the password, reports, then per byte
 * from the test: 'q' reports again (direct mode: its view now), anything
 * else hangs up and reports a last time.  In direct mode its relay
 * socket is captured from before the dial until after the hang-up.
 */
static void __attribute__((noreturn))
user_a(const char *entry, int to_test, int from_test)
{
	struct dt_call c[DT_MAX_CALLS];
	struct a_report r = { 0 };
	struct cap_conn cc;
	RASDIALPARAMSA p;
	HRASCONN h = NULL;
	char cmd = 0;
	int n = 0;

	if (become(UID_A, 1))
		_exit(10);
	dt_params(&p, entry, PW);
	if (a_saved) {
		RASCREDENTIALSA rc = { .dwSize = sizeof(rc),
				       .dwMask = RASCM_UserName | RASCM_Password };

		setenv("RASDIAL_CREDENTIALS", A_STORE, 1);
		strcpy(rc.szUserName, p.szUserName);
		strcpy(rc.szPassword, PW);
		r.creds_ret = RasSetCredentialsA(NULL, entry, &rc, 0);
		explicit_bzero(&rc, sizeof(rc));
		p.szPassword[0] = '\0';
	}
	r.relay_fd = -1;
	if (dt_direct())
		cap_start();
	r.dial_ret = RasDialA(NULL, NULL, &p, 1, rec1, &h);
	explicit_bzero(&p, sizeof(p));
	r.id = dt_conn_id(h);
	if (!r.dial_ret) {
		if (!dt_wait(dt_done_connected_or_error, TIMEOUT_MS, c, &n))
			r.outcome = ERROR_TIMEOUT;
		else
			r.outcome = dt_find(c, n, RASCS_Connected) >= 0 ?
				    0 : c[n - 1].error;
		dt_print_calls(c, n);
		r.n_calls = n;
		r.saw[0] = dt_find(c, n, RASCS_OpenPort) >= 0;
		r.saw[1] = dt_find(c, n, RASCS_Authenticate) >= 0;
		r.saw[2] = dt_find(c, n, RASCS_Connected) >= 0;
		r.listed = listed(h);
		if (dt_direct())
			a_view(&r);
	}
	if (xwrite(to_test, &r, sizeof(r)))
		_exit(11);
	for (int i = 0; i < 4 && cmd != 'h'; i++) {
		if (xread(from_test, &cmd, 1, TIMEOUT_MS * 2))
			_exit(11);
		if (cmd != 'q')
			cmd = 'h';
		else if (dt_direct())
			a_view(&r);
		if (cmd == 'q' && xwrite(to_test, &r, sizeof(r)))
			_exit(11);
	}
	r.hangup_ret = h ? RasHangUpA(h) : ERROR_INVALID_HANDLE;
	if (dt_wait(dt_done_final, TIMEOUT_MS, c, &n) && n)
		r.final_error = c[n - 1].error;
	if (dt_direct()) {
		r.empty = dt_wait_registry_empty(15000);
		cap_stop();
		cap_conn_seen(r.id, &cc);
		r.cap_sent = cc.sent;
		r.cap_received = cc.received;
		pthread_mutex_lock(&cap.lock);
		r.cap_datagrams = cap.datagrams;
		r.cap_bytes = cap.bytes;
		r.cap_leaks = cap.leaks;
		pthread_mutex_unlock(&cap.lock);
	}
	xwrite(to_test, &r, sizeof(r));
	_exit(0);
}

/* What user B (another dip member) got when touching A's link. */
struct b_report {
	DWORD hangup_ret;	/* RasHangUpA(A's handle) */
	int event_err;		/* raw EVENT for A's conn */
	int ack_err;		/* raw ACK for A's conn */
	int hangup_err;		/* raw HANGUP for A's conn */
	int listed;		/* RasEnumConnections shows A's link */
	char detail[160];
	/* Direct mode */
	DWORD status_ret;	/* RasGetConnectStatusA(A's handle) */
	int grab_pppd;		/* pidfd_getfd of pppd's relay socket */
	int grab_a;		/* ... of A's end */
};

/* Direct mode: where A's relay socket is (for B to reach for). */
struct relay_ends {
	pid_t pppd;
	int pppd_fd;
	pid_t a;
	int a_fd;
};

static void __attribute__((noreturn))
user_b(uint32_t id, const struct relay_ends *ends, int to_test)
{
	struct b_report r = { 0 };
	HRASCONN h = (HRASCONN)(uintptr_t)id;

	if (become(UID_B, 1))
		_exit(10);
	r.listed = listed(h);
	r.hangup_ret = RasHangUpA(h);
	snprintf(r.detail, sizeof(r.detail), "%s", rasdial_last_detail());
	if (dt_direct()) {
		RASCONNSTATUSA st = { .dwSize = sizeof(st) };

		r.status_ret = RasGetConnectStatusA(h, &st);
		r.grab_pppd = grab_relay_fd(ends->pppd, ends->pppd_fd);
		r.grab_a = grab_relay_fd(ends->a, ends->a_fd);
	}
	r.event_err = raw_request(RASDIAL_CMD_EVENT, id);
	r.ack_err = raw_request(RASDIAL_CMD_ACK, id);
	r.hangup_err = raw_request(RASDIAL_CMD_HANGUP, id);
	xwrite(to_test, &r, sizeof(r));
	_exit(0);
}

/* A user dials ENTRY synchronously: RasDialA's result, its detail. */
struct c_report {
	DWORD ret;
	char detail[200];
};

static void __attribute__((noreturn))
user_dial_sync(uid_t uid, int in_dip, const char *entry, int to_test)
{
	struct c_report r = { 0 };
	RASDIALPARAMSA p;
	HRASCONN h = NULL;

	if (become(uid, in_dip))
		_exit(10);
	dt_params(&p, entry, PW);
	r.ret = RasDialA(NULL, NULL, &p, 0, NULL, &h);
	snprintf(r.detail, sizeof(r.detail), "%s", rasdial_last_detail());
	if (h)
		RasHangUpA(h);
	xwrite(to_test, &r, sizeof(r));
	_exit(0);
}

static pid_t fork_pipe(int fds[2])
{
	if (pipe2(fds, O_CLOEXEC))
		return -1;
	return fork();
}

static void reap(pid_t pid)
{
	int status;

	for (int i = 0; i < 200; i++) {
		if (waitpid(pid, &status, WNOHANG) == pid)
			return;
		usleep(50000);
	}
	kill(pid, SIGKILL);
	waitpid(pid, &status, 0);
}

/* ------------------------------------------------------------ fixture */

FIXTURE(priv) {
	int dummy;
};

FIXTURE_SETUP(priv)
{
	unlink(DIAL_LOG);
	unlink(ANS_LOG);
	pick_pppd();
}

FIXTURE_TEARDOWN(priv)
{
	dt_wait_registry_empty(10000);
}

/* Watches the netlink traffic (bounded) until user A's next report
 * comes on FD, into *A; true when it came. */
static bool watch_until_report(struct watch *w, int fd, struct a_report *a)
{
	long long end = dt_now_ms() + TIMEOUT_MS + 5000;

	while (dt_now_ms() < end) {
		struct pollfd p = { .fd = fd, .events = POLLIN };

		watch_round(w);
		if (poll(&p, 1, 20) == 1)
			return read(fd, a, sizeof(*a)) == sizeof(*a);
	}
	return false;
}

/*
 * User A dials through setuid pppd (plugin from the entry), while the
 * test watches for the password everywhere; user B may neither hang the
 * link up nor speak for it; A hangs up.
 */
static void dial_as_user(struct __test_metadata *_metadata, enum dt_auth auth,
			 const char *dial, const char *ans)
{
	int to_test[2], from_test[2], b_pipe[2];
	struct relay_ends ends = { 0 };
	struct a_report a = { 0 };
	struct b_report b;
	struct dt_kconn k;
	struct watch w;
	pid_t pa, pb;
	char go = 'h', query = 'q';
	/* Only what syslog gets from now on belongs to this dial. */
	off_t syslog_from = file_size(SYSLOG);

	setup_entries(dial, ans, auth, 1);
	if (system("rm -rf " A_STORE_DIR)) {
		/* none yet */
	}
	a_saved = auth == DT_AUTH_PAP;
	watch_start(&w, dial);
	ASSERT_LE(0, w.pkt) TH_LOG("no nlmon capture (modprobe nlmon?)");
	ASSERT_EQ(0, pipe2(from_test, O_CLOEXEC));
	pa = fork_pipe(to_test);
	ASSERT_LE(0, pa);
	if (pa == 0) {
		close(w.pkt);
		user_a(dial, to_test[1], from_test[0]);
	}
	close(to_test[1]);

	/* During the dial (authentication included): watch until A reports. */
	ASSERT_TRUE(watch_until_report(&w, to_test[0], &a));
	EXPECT_EQ(ERROR_SUCCESS, a.dial_ret);
	EXPECT_EQ(0, a.outcome);
	EXPECT_TRUE(a.saw[0]);
	EXPECT_TRUE(a.saw[1]);
	EXPECT_TRUE(a.saw[2]);
	EXPECT_TRUE(a.listed) TH_LOG("A's RasEnumConnections lacks its link");
	ASSERT_NE(0, a.id);

	memset(&k, 0, sizeof(k));
	if (dt_direct()) {
		/* Direct mode: A's process, the only one that sees the link,
		 * has it connected, its pppd (setuid, real uid A) reporting
		 * on the socket A's library reads. */
		EXPECT_EQ(1, a.k_found);
		EXPECT_EQ(RASCS_Connected, a.k_state);
		EXPECT_LE(0, a.relay_fd) TH_LOG("A's capture saw no datagram naming its conn");
		k.pid = a.k_pid;
	} else {
		/* The kernel: A owns it, its pppd (setuid, real uid A)
		 * bound it. */
		ASSERT_EQ(0, dt_kernel_get(a.id, &k));
		EXPECT_EQ(1, k.found);
		EXPECT_EQ(RASCS_Connected, k.state);
	}
	EXPECT_NE(0, k.pid);
	if (k.pid) {
		/* setuid pppd: euid 0, real uid A's. */
		char path[64], want[64];

		snprintf(path, sizeof(path), "/proc/%u/status", k.pid);
		snprintf(want, sizeof(want), "Uid:\t%u\t0\t", UID_A);
		EXPECT_EQ(1, file_has(path, want));
	}

	/* While the link is up. */
	for (int i = 0; i < 10; i++) {
		watch_round(&w);
		usleep(50000);
	}

	if (dt_direct() && k.pid) {
		/* Both ends of A's relay socket, which root may take (so
		 * that B's EPERM below is about B, not a wrong fd). */
		ends.pppd = (pid_t)k.pid;
		ends.pppd_fd = pppd_relay_fd(ends.pppd);
		ends.a = pa;
		ends.a_fd = a.relay_fd;
		EXPECT_LE(0, ends.pppd_fd);
		EXPECT_EQ(0, grab_relay_fd(ends.pppd, ends.pppd_fd));
		EXPECT_EQ(0, grab_relay_fd(ends.a, ends.a_fd));
	}

	/* User B: no hang-up, no events, no ACKs for A's link. */
	pb = fork_pipe(b_pipe);
	ASSERT_LE(0, pb);
	if (pb == 0) {
		close(w.pkt);
		user_b(a.id, &ends, b_pipe[1]);
	}
	close(b_pipe[1]);
	memset(&b, 0, sizeof(b));
	ASSERT_EQ(0, xread(b_pipe[0], &b, sizeof(b), 30000));
	reap(pb);
	close(b_pipe[0]);
	/* Issue #20 item 9: another user's links are not B's to list. */
	EXPECT_FALSE(b.listed) TH_LOG("B's RasEnumConnections lists A's link");
	if (dt_direct()) {
		/* Only A's process has the link; B has no kernel family to
		 * speak for it, nor either end of its relay socket. */
		RASCONNSTATUSA st = { .dwSize = sizeof(st) };
		unsigned int pid = k.pid;

		EXPECT_EQ(ERROR_INVALID_HANDLE, b.hangup_ret) TH_LOG("detail: %s", b.detail);
		EXPECT_EQ(ERROR_INVALID_HANDLE, b.status_ret);
		EXPECT_EQ(-EPROTONOSUPPORT, b.event_err);
		EXPECT_EQ(-EPROTONOSUPPORT, b.ack_err);
		EXPECT_EQ(-EPROTONOSUPPORT, b.hangup_err);
		EXPECT_EQ(-EPERM, b.grab_pppd);
		EXPECT_EQ(-EPERM, b.grab_a);
		/* Not even root's process sees it (B was forked before the
		 * library ran here). */
		EXPECT_EQ(ERROR_INVALID_HANDLE,
			  RasGetConnectStatusA((HRASCONN)(uintptr_t)a.id, &st));
		/* A's process: as it was. */
		ASSERT_EQ(1, write(from_test[1], &query, 1));
		ASSERT_TRUE(watch_until_report(&w, to_test[0], &a));
		EXPECT_EQ(1, a.k_found);
		EXPECT_EQ(RASCS_Connected, a.k_state) TH_LOG("B's attempts changed A's link");
		EXPECT_EQ(0, a.k_error);
		EXPECT_EQ(pid, a.k_pid);
	} else {
		EXPECT_EQ(ERROR_ACCESS_DENIED, b.hangup_ret) TH_LOG("detail: %s", b.detail);
		EXPECT_EQ(-EPERM, b.event_err);
		EXPECT_EQ(-EPERM, b.ack_err);
		EXPECT_EQ(-EPERM, b.hangup_err);
		ASSERT_EQ(0, dt_kernel_get(a.id, &k));
		EXPECT_EQ(RASCS_Connected, k.state) TH_LOG("B's attempts changed A's link");
		EXPECT_EQ(0, k.error);
	}

	/* A hangs up its own link. */
	ASSERT_EQ(1, write(from_test[1], &go, 1));
	ASSERT_TRUE(watch_until_report(&w, to_test[0], &a));
	EXPECT_EQ(ERROR_SUCCESS, a.hangup_ret);
	EXPECT_EQ(ERROR_USER_DISCONNECTION, a.final_error);
	reap(pa);
	if (dt_direct()) {
		/* Nothing of it left in A's view; nothing of the password
		 * on A's relay socket, which carried the dial's messages. */
		EXPECT_TRUE(a.empty);
		TH_LOG("A's relay capture: %ld datagrams, %ld bytes; naming conn %u: %ld received, %ld sent",
		       a.cap_datagrams, a.cap_bytes, a.id, a.cap_received,
		       a.cap_sent);
		EXPECT_EQ(0, a.cap_leaks) TH_LOG("the password crossed A's relay socket");
		EXPECT_LT(0, a.cap_received);
		EXPECT_LT(0, a.cap_sent);
	}
	if (a_saved) {
		/* The store: A's own, 0600 in a 0700 directory; B cannot
		 * open it. */
		struct stat st;
		pid_t pc;
		int cst;

		EXPECT_EQ(ERROR_SUCCESS, a.creds_ret);
		ASSERT_EQ(0, stat(A_STORE, &st));
		EXPECT_EQ(0600, st.st_mode & 0777);
		EXPECT_EQ(UID_A, st.st_uid);
		ASSERT_EQ(0, stat(A_STORE_DIR, &st));
		EXPECT_EQ(0700, st.st_mode & 0777);
		EXPECT_EQ(0, file_has(A_STORE, PW)) TH_LOG("a plain password in the store");
		pc = fork();
		if (pc == 0)
			_exit(become(UID_B, 1) ? 2 :
			      open(A_STORE, O_RDONLY) < 0 && errno == EACCES ? 0 : 1);
		ASSERT_EQ(pc, waitpid(pc, &cst, 0));
		EXPECT_TRUE(WIFEXITED(cst) && WEXITSTATUS(cst) == 0)
			TH_LOG("user B could open A's credential store");
	}
	EXPECT_TRUE(dt_wait_registry_empty(15000));
	watch_round(&w);
	usleep(200000);
	watch_drain(&w);

	/* No password anywhere; the controls show each place was seen. */
	TH_LOG("nlmon: %ld packets, %ld bytes, %d naming the entry, drops %ld; /proc scanned %d times, pppd seen %d times, environs read %d",
	       w.packets, w.bytes, w.pkt_entry, watch_drops(&w), w.proc_scans,
	       w.proc_pppd, w.proc_env);
	EXPECT_EQ(0, w.pkt_leaks) TH_LOG("password in %s", w.leak_where);
	EXPECT_EQ(0, w.proc_leaks) TH_LOG("password in %s", w.leak_where);
	if (dt_direct()) {
		EXPECT_EQ(0, w.pkt_entry) TH_LOG("direct mode: the entry went over netlink");
	} else {
		EXPECT_LT(0, w.pkt_entry);
	}
	EXPECT_EQ(0, watch_drops(&w));
	EXPECT_LT(0, w.proc_pppd);
	EXPECT_LT(0, w.proc_env);
	EXPECT_EQ(1, file_has(DIAL_LOG, "rasdial: plugin loaded"));
	EXPECT_EQ(1, file_has(ANS_LOG, auth == DT_AUTH_PAP ? "PAP" : "CHAP"));
	EXPECT_EQ(1, file_has_from(SYSLOG, "pppd", syslog_from));
	EXPECT_EQ(0, file_has(DIAL_LOG, PW));
	EXPECT_EQ(0, file_has(ANS_LOG, PW));
	EXPECT_EQ(0, file_has_from(SYSLOG, PW, syslog_from));
	/* The entry loads the plugin; the shim must not load it again. */
	EXPECT_EQ(1, file_count(DIAL_LOG, "rasdial: plugin loaded"));
	watch_stop(&w);
	close(to_test[0]);
	close(from_test[0]);
	close(from_test[1]);
}

TEST_F_TIMEOUT(priv, dip_user_dials_chap_and_others_cannot_touch, 240)
{
	dial_as_user(_metadata, DT_AUTH_CHAP, "priv-chap", "priv-ans-chap");
}

TEST_F_TIMEOUT(priv, dip_user_dials_pap_password_hidden, 240)
{
	dial_as_user(_metadata, DT_AUTH_PAP, "priv-pap", "priv-ans-pap");
}

/* User C (not in dip) dials ENTRY: its RasDialA result. */
static struct c_report outsider_dial(const char *entry)
{
	struct c_report r;
	int fds[2];
	pid_t pid;

	memset(&r, 0, sizeof(r));
	r.ret = ~0u;
	pid = fork_pipe(fds);
	if (pid < 0)
		return r;
	if (pid == 0)
		user_dial_sync(UID_C, 0, entry, fds[1]);
	close(fds[1]);
	if (xread(fds[0], &r, sizeof(r), 30000))
		r.ret = ~0u;
	close(fds[0]);
	reap(pid);
	return r;
}

/*
 * Outside group dip: with Debian's modes the entry cannot even be read;
 * with a readable entry pppd cannot be run.  A clear error, nothing left.
 */
TEST_F_TIMEOUT(priv, user_outside_dip_is_denied, 60)
{
	struct c_report r;

	setup_entries("priv-nodip", "priv-ans-nodip", DT_AUTH_CHAP, 1);
	r = outsider_dial("priv-nodip");
	TH_LOG("unreadable entry: RasDialA %u, detail \"%s\"", r.ret, r.detail);
	EXPECT_EQ(ERROR_ACCESS_DENIED, r.ret);
	EXPECT_NE(NULL, strstr(r.detail, "dip"));
	EXPECT_TRUE(dt_wait_registry_empty(5000));

	/* Readable for C, so that only the exec is in the way. */
	chmod("/etc/ppp/peers/priv-nodip", 0644);
	chmod("/etc/ppp/peers", 02755);
	r = outsider_dial("priv-nodip");
	chmod("/etc/ppp/peers", 02750);
	TH_LOG("readable entry: RasDialA %u, detail \"%s\"", r.ret, r.detail);
	EXPECT_EQ(ERROR_ACCESS_DENIED, r.ret);
	EXPECT_NE(NULL, strstr(r.detail, "may not run pppd"));
	EXPECT_TRUE(dt_wait_registry_empty(5000));
}

/* A dip member, but the entry does not load the plugin: refused early. */
TEST_F_TIMEOUT(priv, entry_without_plugin_is_denied_to_users, 60)
{
	struct c_report r;
	int fds[2];
	pid_t pid;

	setup_entries("priv-noplug", "priv-ans-noplug", DT_AUTH_CHAP, 0);
	pid = fork_pipe(fds);
	ASSERT_LE(0, pid);
	if (pid == 0)
		user_dial_sync(UID_A, 1, "priv-noplug", fds[1]);
	close(fds[1]);
	memset(&r, 0, sizeof(r));
	ASSERT_EQ(0, xread(fds[0], &r, sizeof(r), 30000));
	reap(pid);
	TH_LOG("RasDialA: %u, detail \"%s\"", r.ret, r.detail);
	EXPECT_EQ(ERROR_ACCESS_DENIED, r.ret);
	EXPECT_NE(NULL, strstr(r.detail, "plugin rasdial.so"));
	EXPECT_TRUE(dt_wait_registry_empty(5000));
}

/*
 * A process of user A that dials ENTRY (synchronously) each time the test
 * writes a byte to FROM_TEST, ROUNDS times, a c_report for each.
 */
static void __attribute__((noreturn))
user_dial_on_cue(uid_t uid, const char *entry, int from_test, int to_test,
		 int rounds)
{
	if (become(uid, 1))
		_exit(10);
	for (int i = 0; i < rounds; i++) {
		struct c_report r = { 0 };
		RASDIALPARAMSA p;
		HRASCONN h = NULL;
		char go;

		if (xread(from_test, &go, 1, 90000))
			_exit(11);
		dt_params(&p, entry, PW);
		r.ret = RasDialA(NULL, NULL, &p, 0, NULL, &h);
		snprintf(r.detail, sizeof(r.detail), "%s",
			 rasdial_last_detail());
		if (h)
			RasHangUpA(h);
		if (xwrite(to_test, &r, sizeof(r)))
			_exit(12);
	}
	_exit(0);
}

#define EXTRA_OPTIONS	"/etc/ppp/priv-extra-options"

/*
 * The admin has pppd load the plugin (in a file /etc/ppp/options names,
 * then in the entry's peers file) while a program runs, and later takes
 * it out again: the program's next RasDial sees each change.  librasdial
 * keeps what it read of those files until one of them changes
 * (shim/pppd_options.c); a stale answer would deny the second or fourth
 * dial or let the third or fifth through.  Without the plugin loadable
 * at the path given, those dials fail in pppd, not in RasDialA.
 */
TEST_F_TIMEOUT(priv, plugin_in_options_seen_by_a_running_program, 240)
{
	static char saved[65536], text[sizeof(saved) + 64];
	static char entry[4096], entry_plug[sizeof(entry) + 64];
	const char *peers = "/etc/ppp/peers/priv-noplug";
	struct c_report r[5];
	int cue[2], rep[2];
	ssize_t len;
	pid_t pid;

	setup_entries("priv-noplug", "priv-ans-noplug", DT_AUTH_CHAP, 0);
	len = slurp(peers, entry, sizeof(entry) - 1);
	ASSERT_LE(0, len);
	entry[len] = '\0';
	snprintf(entry_plug, sizeof(entry_plug),
		 "%splugin /nonexistent/rasdial.so\n", entry);
	len = slurp("/etc/ppp/options", saved, sizeof(saved) - 1);
	ASSERT_LE(0, len);
	saved[len] = '\0';
	unlink(EXTRA_OPTIONS);
	snprintf(text, sizeof(text), "%s\nfile " EXTRA_OPTIONS "\n", saved);
	write_mode("/etc/ppp/options", text, 0644, 0);
	ASSERT_EQ(0, pipe2(cue, O_CLOEXEC));
	ASSERT_EQ(0, pipe2(rep, O_CLOEXEC));
	pid = fork();
	ASSERT_LE(0, pid);
	if (pid == 0)
		user_dial_on_cue(UID_A, "priv-noplug", cue[0], rep[1], 5);
	close(cue[0]);
	close(rep[1]);
	memset(r, 0xff, sizeof(r));
	for (int i = 0; i < 5; i++) {
		if (i == 1)
			write_mode(EXTRA_OPTIONS,
				   "plugin /nonexistent/rasdial.so\n", 0644, 0);
		if (i == 2)
			write_mode(EXTRA_OPTIONS, "# no plugin\n", 0644, 0);
		if (i == 3)
			write_mode(peers, entry_plug, 0640, GID_DIP);
		if (i == 4)
			write_mode(peers, entry, 0640, GID_DIP);
		if (xwrite(cue[1], "g", 1) || xread(rep[0], &r[i], sizeof(r[i]),
						    90000))
			break;
		TH_LOG("dial %d: RasDialA %u, detail \"%s\"", i + 1, r[i].ret,
		       r[i].detail);
	}
	close(cue[1]);
	close(rep[0]);
	reap(pid);
	/* Before any check: the other tests' pppds read it too. */
	write_mode("/etc/ppp/options", saved, 0644, 0);
	unlink(EXTRA_OPTIONS);
	EXPECT_EQ(ERROR_ACCESS_DENIED, r[0].ret);
	EXPECT_NE(NULL, strstr(r[0].detail, "plugin rasdial.so"));
	EXPECT_NE(ERROR_ACCESS_DENIED, r[1].ret);
	EXPECT_NE(ERROR_SUCCESS, r[1].ret);
	EXPECT_NE(0xffffffffu, r[1].ret);
	EXPECT_EQ(ERROR_ACCESS_DENIED, r[2].ret);
	EXPECT_NE(ERROR_ACCESS_DENIED, r[3].ret);
	EXPECT_NE(ERROR_SUCCESS, r[3].ret);
	EXPECT_NE(0xffffffffu, r[3].ret);
	EXPECT_EQ(ERROR_ACCESS_DENIED, r[4].ret);
	EXPECT_TRUE(dt_wait_registry_empty(10000));
}

/* Root dialing an entry that loads the plugin: loaded once, works. */
TEST_F_TIMEOUT(priv, root_with_plugin_in_entry_loads_it_once, 120)
{
	struct dt_call c[DT_MAX_CALLS];
	RASDIALPARAMSA p;
	HRASCONN h = NULL;
	char relay[96];
	int n = 0;

	setup_entries("priv-root", "priv-ans-root", DT_AUTH_CHAP, 1);
	dt_params(&p, "priv-root", PW);
	ASSERT_EQ(ERROR_SUCCESS, RasDialA(NULL, NULL, &p, 1, rec1, &h));
	/* The plugin's line when it opens its relay (plugin/relay.c). */
	snprintf(relay, sizeof(relay),
		 "rasdial: conn %u, direct to the dialing program on fd ",
		 dt_conn_id(h));
	ASSERT_TRUE(dt_wait(dt_done_connected_or_error, TIMEOUT_MS, c, &n));
	dt_print_calls(c, n);
	EXPECT_LE(0, dt_find(c, n, RASCS_Connected));
	EXPECT_EQ(ERROR_SUCCESS, RasHangUpA(h));
	EXPECT_TRUE(dt_wait_registry_empty(15000));
	EXPECT_EQ(1, file_count(DIAL_LOG, "rasdial: plugin loaded"));
	EXPECT_EQ(0, file_has(DIAL_LOG, "already loaded"));
	/* Each state once: a second copy would report every event twice
	 * (it would open its own relay). */
	if (dt_direct()) {
		EXPECT_EQ(1, file_count(DIAL_LOG, relay));
		EXPECT_EQ(0, file_count(DIAL_LOG, "rasdial: family"));
	} else {
		EXPECT_EQ(1, file_count(DIAL_LOG, "rasdial: family"));
	}
}

/*
 * Direct mode: root dials an entry whose plugin option
 * "rasdial-device-type" is the password, which every event of the dial
 * then carries over the relay socket: the capture finds it there.
 */
static void plant_on_relay(struct __test_metadata *_metadata)
{
	struct dt_call c[DT_MAX_CALLS];
	struct cap_conn cc;
	RASDIALPARAMSA p;
	HRASCONN h = NULL;
	long datagrams;
	int n = 0, leaks;
	FILE *f;

	setup_entries("priv-plant", "priv-ans-plant", DT_AUTH_CHAP, 1);
	f = fopen("/etc/ppp/peers/priv-plant", "a");
	ASSERT_NE(NULL, f);
	fputs("rasdial-device-type " PW "\n", f);
	fclose(f);
	dt_params(&p, "priv-plant", PW);
	cap_start();
	ASSERT_EQ(ERROR_SUCCESS, RasDialA(NULL, NULL, &p, 1, rec1, &h));
	EXPECT_TRUE(dt_wait(dt_done_connected_or_error, TIMEOUT_MS, c, &n));
	dt_print_calls(c, n);
	EXPECT_LE(0, dt_find(c, n, RASCS_Connected));
	EXPECT_EQ(ERROR_SUCCESS, RasHangUpA(h));
	EXPECT_TRUE(dt_wait(dt_done_final, TIMEOUT_MS, c, &n));
	cap_stop();
	cap_conn_seen(dt_conn_id(h), &cc);
	pthread_mutex_lock(&cap.lock);
	datagrams = cap.datagrams;
	leaks = cap.leaks;
	pthread_mutex_unlock(&cap.lock);
	TH_LOG("relay capture: %ld datagrams, %d with the password; naming conn %u: %ld received, %ld sent",
	       datagrams, leaks, dt_conn_id(h), cc.received, cc.sent);
	EXPECT_LT(0, cc.received);
	EXPECT_LT(0, leaks) TH_LOG("relay capture");
	EXPECT_TRUE(dt_wait_registry_empty(15000));
}

/*
 * The watcher itself: a password planted in a cmdline, an environment, a
 * netlink message and syslog is found in each (so "not found" above
 * means something); in direct mode, on the relay socket too.
 */
TEST_F_TIMEOUT(priv, watcher_finds_a_planted_password, 150)
{
	struct watch w;
	off_t from;
	pid_t pid;
	int status;

	watch_start(&w, "planted");
	ASSERT_LE(0, w.pkt);
	pid = fork();
	ASSERT_LE(0, pid);
	if (pid == 0) {
		/* "; :" keeps sh itself (and its argv) alive. */
		char *const argv[] = { "sh", "-c", "sleep 3; :", PW, NULL };
		char *const envp[] = { "PLANTED=" PW, NULL };

		execve("/bin/sh", argv, envp);
		_exit(127);
	}
	usleep(300000);
	watch_proc(&w);
	EXPECT_LE(2, w.proc_leaks) TH_LOG("cmdline and environ");
	kill(pid, SIGKILL);
	waitpid(pid, &status, 0);

	if (dt_direct()) {
		/* No rasdial family: a family name goes to the generic
		 * netlink controller as it is. */
		struct nl_sock *sk = nl_socket_alloc();
		struct nl_msg *msg = nlmsg_alloc();

		ASSERT_EQ(0, genl_connect(sk));
		genlmsg_put(msg, NL_AUTO_PORT, NL_AUTO_SEQ, GENL_ID_CTRL, 0, 0,
			    CTRL_CMD_GETFAMILY, 1);
		nla_put_string(msg, CTRL_ATTR_FAMILY_NAME, PW);
		nl_send_auto(sk, msg);
		nlmsg_free(msg);
		usleep(100000);
		nl_socket_free(sk);
	} else {
		/* The entry name of a CONN_NEW goes on the wire as it is. */
		struct nl_sock *sk = nl_socket_alloc();
		struct nl_msg *msg = nlmsg_alloc();
		int fam;

		ASSERT_EQ(0, genl_connect(sk));
		fam = genl_ctrl_resolve(sk, RASDIAL_GENL_NAME);
		ASSERT_LE(0, fam);
		genlmsg_put(msg, NL_AUTO_PORT, NL_AUTO_SEQ, fam, 0, 0,
			    RASDIAL_CMD_CONN_NEW, RASDIAL_GENL_VERSION);
		nla_put_string(msg, RASDIAL_A_ENTRY, PW);
		nl_send_auto(sk, msg);
		nlmsg_free(msg);
		usleep(100000);
		nl_socket_free(sk);	/* the conn goes with its owner */
	}
	usleep(200000);
	watch_drain(&w);
	EXPECT_LT(0, w.pkt_leaks) TH_LOG("netlink capture");
	watch_stop(&w);

	/* Other tests judge only what syslog got during their dial. */
	from = file_size(SYSLOG);
	syslog(LOG_INFO, "planted %s", PW);
	for (int i = 0; i < 50 && file_has_from(SYSLOG, PW, from) != 1; i++)
		usleep(50000);
	EXPECT_EQ(1, file_has_from(SYSLOG, PW, from));

	if (dt_direct())
		plant_on_relay(_metadata);
}

/*
 * pppd given "plugin rasdial.so" twice (command line and entry): pppd
 * runs plugin_init twice; only the first registers options and notifiers.
 */
TEST_F_TIMEOUT(priv, plugin_given_twice_initialises_once, 60)
{
	const char *plugin = getenv("RASDIAL_PLUGIN");
	int status;
	pid_t pid;

	ASSERT_NE(NULL, plugin);
	setup_entries("priv-twice", "priv-ans-twice", DT_AUTH_CHAP, 1);
	pid = fork();
	ASSERT_LE(0, pid);
	if (pid == 0) {
		int nul = open("/dev/null", O_RDWR);

		dup2(nul, 0);
		dup2(nul, 1);
		dup2(nul, 2);
		execl(pppd_path, "pppd", "logfile", DIAL_LOG, "plugin", plugin,
		      "call", "priv-twice", "rasdial-conn", "1", "nodetach",
		      "dryrun", (char *)NULL);
		_exit(127);
	}
	ASSERT_EQ(pid, waitpid(pid, &status, 0));
	EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0);
	EXPECT_EQ(1, file_count(DIAL_LOG, "rasdial: plugin loaded"));
	EXPECT_EQ(1, file_count(DIAL_LOG, "rasdial: plugin already loaded"));
}

/* User A asks for a conn (as RasDial does) and holds it, unbound. */
static void __attribute__((noreturn)) user_a_conn_new(int to_test, int from_test)
{
	struct nl_sock *sk;
	struct nl_msg *msg;
	uint32_t id = 0;
	char go;
	int fam;

	if (become(UID_A, 1) || !(sk = nl_socket_alloc()) || genl_connect(sk))
		_exit(10);
	fam = genl_ctrl_resolve(sk, RASDIAL_GENL_NAME);
	msg = nlmsg_alloc();
	if (fam < 0 || !msg)
		_exit(11);
	genlmsg_put(msg, NL_AUTO_PORT, NL_AUTO_SEQ, fam, 0, 0,
		    RASDIAL_CMD_CONN_NEW, RASDIAL_GENL_VERSION);
	nla_put_string(msg, RASDIAL_A_ENTRY, "priv-bind");
	if (nl_send_auto(sk, msg) >= 0) {
		struct sockaddr_nl who;
		unsigned char *buf = NULL;
		int n = nl_recv(sk, &who, &buf, NULL);

		if (n > 0) {
			struct nlmsghdr *nlh = (void *)buf;
			struct nlattr *tb[RASDIAL_A_MAX + 1];

			if (genlmsg_parse(nlh, 0, tb, RASDIAL_A_MAX, NULL) == 0 &&
			    tb[RASDIAL_A_CONN_ID])
				id = nla_get_u32(tb[RASDIAL_A_CONN_ID]);
		}
		free(buf);
	}
	nlmsg_free(msg);
	xwrite(to_test, &id, sizeof(id));
	xread(from_test, &go, 1, TIMEOUT_MS * 2);
	nl_socket_free(sk);
	_exit(0);
}

/*
 * Another dip member runs setuid pppd itself with A's conn id: that pppd
 * has CAP_NET_ADMIN, but its real uid is not A's, so the kernel will not
 * let it bind A's conn (an already bound conn is EBUSY for anyone).
 */
TEST_F_TIMEOUT(priv, setuid_pppd_of_another_user_cannot_bind, 90)
{
	int to_test[2], from_test[2];
	struct dt_kconn k;
	char idbuf[16], go = 1;
	uint32_t id = 0;
	pid_t pa, pb;
	int refused = 0;

	/* A pppd reports only on the socket its dialer gave it; that B
	 * cannot take A's is checked in dip_user_dials_*. */
	if (dt_direct())
		SKIP(return, "direct mode: no registry a pppd could bind a conn in");
	setup_entries("priv-bind", "priv-ans-bind", DT_AUTH_CHAP, 1);
	ASSERT_EQ(0, pipe2(from_test, O_CLOEXEC));
	pa = fork_pipe(to_test);
	ASSERT_LE(0, pa);
	if (pa == 0)
		user_a_conn_new(to_test[1], from_test[0]);
	close(to_test[1]);
	ASSERT_EQ(0, xread(to_test[0], &id, sizeof(id), 10000));
	ASSERT_NE(0, id);

	snprintf(idbuf, sizeof(idbuf), "%u", id);
	pb = fork();
	ASSERT_LE(0, pb);
	if (pb == 0) {
		int nul = open("/dev/null", O_RDWR);

		dup2(nul, 0);
		dup2(nul, 1);
		dup2(nul, 2);
		if (become(UID_B, 1))
			_exit(10);
		execl(pppd_path, "pppd", "call", "priv-bind", "rasdial-conn",
		      idbuf, "nodetach", "user", DT_USER, (char *)NULL);
		_exit(127);
	}
	for (int i = 0; i < 300 && !refused; i++) {
		refused = file_has(DIAL_LOG, "Operation not permitted") == 1;
		usleep(50000);
	}
	kill(pb, SIGTERM);
	reap(pb);
	EXPECT_TRUE(refused) TH_LOG("B's pppd was not refused (see " DIAL_LOG ")");
	EXPECT_EQ(1, file_has(DIAL_LOG, "another user"));
	/* A's conn: still there, still without a pppd. */
	ASSERT_EQ(0, dt_kernel_get(id, &k));
	EXPECT_EQ(1, k.found);
	EXPECT_EQ(0, k.pid);

	ASSERT_EQ(1, write(from_test[1], &go, 1));
	reap(pa);
	EXPECT_TRUE(dt_wait_registry_empty(15000));
}

TEST_HARNESS_MAIN
