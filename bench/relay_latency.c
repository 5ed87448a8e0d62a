// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * Relay latency: from the moment pppd's plugin sends an EVENT to the moment
 * the program's RasDialFunc1 is entered, with the plugin waiting for the
 * ACK as it does in a dial, through each relay: rasdial.ko (kernel), and
 * the socket pair pppd inherits (direct: the library's event thread reads
 * it, answers, calls back, ACKs; no module).  Baseline, measured in the
 * same run: one AF_UNIX datagram hop between two processes, answered by an
 * ACK datagram (the same lock-step shape).
 *
 * The "pppd" is this program again (RASDIAL_PPPD points at it): the shim
 * starts it exactly as it starts pppd, and it speaks the plugin's side of
 * the wire contract, so thousands of events need no thousands of dials.
 * A process has one relay, so each relay's dial has an owner process of
 * its own; this one only paces the rounds and runs the baseline.
 *
 * Usage (root, rasdial.ko loaded; in the test VM: make bench):
 *   relay_latency [EVENTS]        per relay, default 10000
 */
#include <poll.h>
#include <sched.h>
#include <stdint.h>
#include <sys/mman.h>

#include "dialbench.h"

#define ENTRY		"bench-relay"
#define SHM_NAME	"/rasdial-bench-relay"

/*
 * Sender ("plugin") on CPU 0, receiver (the program, its event thread) on
 * CPU 1, for the relays and the baseline alike: where the scheduler puts
 * them otherwise varies from run to run, and with it every figure.  A
 * machine with one CPU runs both on it.
 */
static void pin(int cpu)
{
	cpu_set_t set;

	if (sysconf(_SC_NPROCESSORS_ONLN) < 2)
		return;
	CPU_ZERO(&set);
	CPU_SET(cpu, &set);
	sched_setaffinity(0, sizeof(set), &set);
}

#define SENDER_CPU	0
#define RECEIVER_CPU	1

/*
 * The events are sent in ROUNDS rounds; in each, one relay's events, the
 * other's (which goes first alternates), then as many baseline hops:
 * drift on the (shared, emulated) machine hits all three alike.
 * Percentiles are over all events of each kind.
 */
#define ROUNDS		5
/* Longest wait for one relay's round (the "pppd" gives up after it too). */
#define ROUND_WAIT_NS	60000000000LL

/* Between this process, the owners and their "pppd"s (shm). */
struct shared {
	volatile int64_t sent_ns[BENCH_RELAYS];	/* by the sender, just
						 * before each send */
	volatile int64_t base_sent_ns;		/* the same, baseline */
	volatile int rounds_open[BENCH_RELAYS];	/* rounds its sender may run */
	long relayed[BENCH_RELAYS];		/* samples so far (atomic) */
	long long samples[];			/* BENCH_RELAYS x events, ns */
};

static struct shared *sh;

static int64_t now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1000000000LL + ts.tv_nsec;
}

static struct shared *map_shared(int create, size_t size)
{
	int fd = shm_open(SHM_NAME, O_RDWR | (create ? O_CREAT : 0), 0600);
	void *p;

	if (fd < 0 || (create && ftruncate(fd, (off_t)size)))
		return NULL;
	p = mmap(NULL, size, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	close(fd);
	return p == MAP_FAILED ? NULL : p;
}

/* ---------------------------------------------------------- plugin side */

/* The relay's socket as the plugin uses it (plugin/relay.c). */
struct relay_sock {
	int fd;
	int family;		/* nlmsg_type of requests */
	uint32_t nlseq;		/* nlmsg_seq of the last request */
};

/* One RASDIAL_CMD_EVENT request, sent raw as the plugin's direct mode
 * does; on a netlink socket, with no address, it goes to the kernel. */
static int send_event(struct relay_sock *rs, uint32_t conn, uint32_t seq,
		      uint32_t state, uint32_t error, uint32_t flags)
{
	struct nl_msg *msg = nlmsg_alloc();
	struct nlmsghdr *nh;
	ssize_t n = -1;
	int err;

	if (!msg)
		return -1;
	err = !genlmsg_put(msg, 0, ++rs->nlseq, rs->family, 0,
			   NLM_F_REQUEST | NLM_F_ACK, RASDIAL_CMD_EVENT,
			   RASDIAL_GENL_VERSION);
	err = err || nla_put_u32(msg, RASDIAL_A_CONN_ID, conn) ||
	      nla_put_u32(msg, RASDIAL_A_SEQ, seq) ||
	      nla_put_u32(msg, RASDIAL_A_STATE, state) ||
	      nla_put_u32(msg, RASDIAL_A_ERROR, error) ||
	      (flags && nla_put_u32(msg, RASDIAL_A_FLAGS, flags));
	if (!err) {
		nh = nlmsg_hdr(msg);
		n = send(rs->fd, nh, nh->nlmsg_len, MSG_NOSIGNAL);
	}
	nlmsg_free(msg);
	return n < 0 ? -1 : 0;
}

static int is_ack(struct nlmsghdr *nh, uint32_t conn, uint32_t seq)
{
	struct nlattr *tb[RASDIAL_A_MAX + 1];

	return genlmsg_valid_hdr(nh, 0) &&
	       genlmsg_hdr(nh)->cmd == RASDIAL_CMD_ACK &&
	       genlmsg_parse(nh, 0, tb, RASDIAL_A_MAX, NULL) == 0 &&
	       tb[RASDIAL_A_CONN_ID] && tb[RASDIAL_A_SEQ] &&
	       nla_get_u32(tb[RASDIAL_A_CONN_ID]) == conn &&
	       nla_get_u32(tb[RASDIAL_A_SEQ]) == seq;
}

/*
 * Reads what the relay sends until the answer to the last request has
 * come and, when SEQ is not 0, the owner's ACK of event SEQ (its
 * RasDialFunc1 has returned).  0, or -1: refused, gone, 5 s passed.
 */
static int await(struct relay_sock *rs, uint32_t conn, uint32_t seq)
{
	static char buf[16384] __attribute__((aligned(NLMSG_ALIGNTO)));
	int64_t deadline = now_ns() + 5000000000LL;
	int answered = 0, acked = !seq;

	while (!answered || !acked) {
		struct pollfd p = { rs->fd, POLLIN, 0 };
		struct nlmsghdr *nh;
		ssize_t n;
		int len;

		if (now_ns() > deadline)
			return -1;
		if (poll(&p, 1, 100) <= 0)
			continue;
		n = recv(rs->fd, buf, sizeof(buf), MSG_DONTWAIT);
		if (n < 0 && (errno == EINTR || errno == EAGAIN))
			continue;
		if (n <= 0)
			return -1;
		len = (int)n;
		for (nh = (struct nlmsghdr *)buf; nlmsg_ok(nh, len);
		     nh = nlmsg_next(nh, &len)) {
			const struct nlmsgerr *e = nlmsg_data(nh);

			if (nh->nlmsg_type == NLMSG_ERROR &&
			    nh->nlmsg_len >= NLMSG_LENGTH(sizeof(*e)) &&
			    nh->nlmsg_seq == rs->nlseq) {
				if (e->error)
					return -1;
				answered = 1;
			} else if (nh->nlmsg_type == rs->family &&
				   is_ack(nh, conn, seq)) {
				acked = 1;
			}
		}
	}
	return 0;
}

/*
 * Started by librasdial as pppd: "... rasdial-conn ID call ENTRY ...",
 * and "rasdial-fd FD" when the relay is direct.
 */
static int fake_pppd(int argc, char **argv)
{
	struct relay_sock rs = { .fd = -1, .family = RASDIAL_DIRECT_FAMILY };
	long events = strtol(getenv("RASDIAL_BENCH_EVENTS") ?: "0", NULL, 10);
	struct nl_sock *sk = NULL;
	int relay = BENCH_DIRECT;
	uint32_t conn = 0, seq;

	for (int i = 1; i + 1 < argc; i++) {
		if (!strcmp(argv[i], "rasdial-conn"))
			conn = (uint32_t)strtoul(argv[i + 1], NULL, 10);
		if (!strcmp(argv[i], "rasdial-fd"))
			rs.fd = atoi(argv[i + 1]);
	}
	sh = map_shared(0, sizeof(*sh));
	if (!sh || !conn || events <= 0)
		return 1;
	if (rs.fd < 0) {
		relay = BENCH_KERNEL;
		sk = nl_socket_alloc();
		if (!sk || genl_connect(sk))
			return 1;
		rs.family = genl_ctrl_resolve(sk, RASDIAL_GENL_NAME);
		if (rs.family < 0)
			return 1;
		rs.fd = nl_socket_get_fd(sk);
	}
	pin(SENDER_CPU);

	for (seq = 1; seq <= (uint32_t)events; seq++) {
		/* alternate two states so that each event is a new state */
		uint32_t state = (seq & 1) ? RASCS_AuthNotify : RASCS_AuthAck;
		int round = (int)((seq - 1) * ROUNDS / (uint32_t)events);
		int64_t deadline = now_ns() + ROUND_WAIT_NS;

		/* Wait (bounded) while the other relay and the baseline run. */
		while (sh->rounds_open[relay] <= round && now_ns() < deadline)
			usleep(1000);
		if (sh->rounds_open[relay] <= round)
			return 4;
		sh->sent_ns[relay] = now_ns();
		if (send_event(&rs, conn, seq, state, 0, 0))
			return 2;
		if (await(&rs, conn, seq))
			return 3;
	}
	if (!send_event(&rs, conn, seq, RASCS_Disconnected,
			ERROR_USER_DISCONNECTION, RASDIAL_F_FINAL))
		await(&rs, conn, 0);
	nl_socket_free(sk);
	return 0;
}

/* -------------------------------------------------------- owner side */

static int owner_relay;
static long owner_events;
static volatile int owner_done;

static void WINAPI on_event(HRASCONN h, UINT msg, RASCONNSTATE state,
			    DWORD error, DWORD ext)
{
	int64_t t = now_ns();
	long n;

	(void)h; (void)msg; (void)ext;
	if (error) {
		owner_done = 1;
		return;
	}
	n = __atomic_load_n(&sh->relayed[owner_relay], __ATOMIC_RELAXED);
	if ((state == RASCS_AuthNotify || state == RASCS_AuthAck) &&
	    n < owner_events) {
		sh->samples[owner_relay * owner_events + n] =
			t - sh->sent_ns[owner_relay];
		__atomic_store_n(&sh->relayed[owner_relay], n + 1,
				 __ATOMIC_RELEASE);
	}
}

/* Dials the "pppd" over relay RELAY and records its events until the
 * last; the exit status of an owner process. */
static int owner(int relay, long events)
{
	RASDIALPARAMSA p = { .dwSize = sizeof(p) };
	HRASCONN h = NULL;
	DWORD ret;

	owner_relay = relay;
	owner_events = events;
	snprintf(p.szEntryName, sizeof(p.szEntryName), ENTRY);
	ret = RasDialA(NULL, NULL, &p, 1, on_event, &h);
	if (ret) {
		fprintf(stderr, "RasDial (%s relay): %u\n",
			relay == BENCH_KERNEL ? "kernel" : "direct", ret);
		return ret == ERROR_RASMAN_CANNOT_INITIALIZE ? 4 : 1;
	}
	/* The "pppd" ends with a final event, or gives up: bounded. */
	for (long i = 0; !owner_done &&
	     i < (ROUNDS * BENCH_RELAYS + 1) * (ROUND_WAIT_NS / 10000000); i++)
		usleep(10000);
	RasHangUpA(h);
	return 0;
}

/* ---------------------------------------------------------- this side */

static double pct_us(long long *v, long n, double p)
{
	long i = (long)(p / 100.0 * (double)(n - 1) + 0.5);

	return (double)v[i] / 1000.0;
}

static long unix_baseline(long long *out, long events)
{
	int sv[2];
	long n = 0;
	pid_t pid;

	if (socketpair(AF_UNIX, SOCK_DGRAM, 0, sv))
		return -1;
	pid = fork();
	if (pid == 0) {		/* the "plugin": send, wait for the ACK */
		char b = 0;

		pin(SENDER_CPU);
		close(sv[0]);
		for (long i = 0; i < events; i++) {
			sh->base_sent_ns = now_ns();
			if (send(sv[1], &b, 1, 0) != 1 ||
			    recv(sv[1], &b, 1, 0) != 1)
				_exit(1);
		}
		_exit(0);
	}
	close(sv[1]);
	for (long i = 0; i < events; i++) {
		char b;

		if (recv(sv[0], &b, 1, 0) != 1)
			break;
		out[n++] = now_ns() - sh->base_sent_ns;
		if (send(sv[0], &b, 1, 0) != 1)
			break;
	}
	close(sv[0]);
	waitpid(pid, NULL, 0);
	return n;
}

/* Waits (bounded) until relay R has UPTO samples; 0 if it has.  An owner
 * that exits ends the wait: *PID is 0 then, *STATUS its status. */
static int wait_relayed(int r, long upto, pid_t *pid, int *status)
{
	int64_t deadline = now_ns() + ROUND_WAIT_NS;

	while (__atomic_load_n(&sh->relayed[r], __ATOMIC_ACQUIRE) < upto) {
		if (waitpid(*pid, status, WNOHANG) == *pid) {
			*pid = 0;
			return -1;
		}
		if (now_ns() > deadline)
			return -1;
		usleep(10000);
	}
	return 0;
}

/* Latencies in us with one decimal, ratios (UNIT "x") with two. */
static void print_row(const char *name, double p50, double p99,
		      const char *unit)
{
	int prec = strcmp(unit, "x") ? 1 : 2;

	printf("  %-34s p50 %8.*f%-6sp99 %8.*f%s\n", name, prec, p50, unit,
	       prec, p99, unit);
}

int main(int argc, char **argv)
{
	/* The kernel's rows keep the names they had before there was a
	 * choice of relay. */
	static const char *const row[BENCH_RELAYS] = {
		[BENCH_KERNEL] = "rasdial relay",
		[BENCH_DIRECT] = "rasdial relay, direct",
	};
	static const char *const ratio_row[BENCH_RELAYS] = {
		[BENCH_KERNEL] = "ratio",
		[BENCH_DIRECT] = "ratio, direct",
	};
	long events = argc > 1 ? strtol(argv[1], NULL, 10) : 10000;
	int status[BENCH_RELAYS] = { 0 }, failed = 0;
	pid_t pid[BENCH_RELAYS] = { 0 };
	double p[BENCH_RELAYS + 1][2];	/* p50, p99; the baseline last */
	long long *base, *v;
	char self[4096], num[32];
	long base_n = 0;
	ssize_t len;
	FILE *f;

	for (int i = 1; i < argc; i++)		/* started as pppd? */
		if (!strcmp(argv[i], "rasdial-conn"))
			return fake_pppd(argc, argv);
	if (events < 1) {
		fprintf(stderr, "usage: %s [EVENTS]\n", argv[0]);
		return 2;
	}

	len = readlink("/proc/self/exe", self, sizeof(self) - 1);
	if (len <= 0)
		return 1;
	self[len] = '\0';
	sh = map_shared(1, sizeof(*sh) +
			BENCH_RELAYS * (size_t)events * sizeof(sh->samples[0]));
	base = calloc((size_t)events, sizeof(*base));
	if (!sh || !base)
		return 1;
	pin(RECEIVER_CPU);	/* the owners' event threads inherit it */

	/* librasdial insists on a peers entry, as for pppd itself */
	f = fopen("/etc/ppp/peers/" ENTRY, "w");
	if (!f) {
		perror("/etc/ppp/peers/" ENTRY);
		return 4;
	}
	fputs("# relay benchmark: no pppd reads this\n", f);
	fclose(f);
	snprintf(num, sizeof(num), "%ld", events);
	setenv("RASDIAL_PPPD", self, 1);
	setenv("RASDIAL_BENCH_EVENTS", num, 1);

	for (int r = 0; r < BENCH_RELAYS; r++) {
		pid[r] = relay_fork(r);
		if (pid[r] == 0)
			_exit(owner(r, events));
		if (pid[r] < 0)
			failed = 1;
	}
	for (int round = 0; round < ROUNDS && !failed; round++) {
		/* The last seq of a round: (seq - 1) * ROUNDS / events <= round */
		long upto = (long)(((int64_t)events * (round + 1) + ROUNDS - 1) /
				   ROUNDS);

		for (int k = 0; k < BENCH_RELAYS && !failed; k++) {
			int r = (round + k) % BENCH_RELAYS;

			sh->rounds_open[r] = round + 1;
			failed = wait_relayed(r, upto, &pid[r], &status[r]);
		}
		if (!failed)
			base_n += unix_baseline(base + base_n, upto - base_n);
	}
	for (int r = 0; r < BENCH_RELAYS; r++) {
		if (failed) {
			/* Every "pppd" on: with its owner gone it fails at
			 * once instead of waiting for its round. */
			sh->rounds_open[r] = ROUNDS + 1;
			if (pid[r] > 0)
				kill(pid[r], SIGTERM);
		}
		if (pid[r] > 0)
			waitpid(pid[r], &status[r], 0);
	}
	shm_unlink(SHM_NAME);
	if (failed || base_n < events) {
		fprintf(stderr, "incomplete: %ld kernel relay, %ld direct, "
			"%ld baseline of %ld events\n", sh->relayed[BENCH_KERNEL],
			sh->relayed[BENCH_DIRECT], base_n, events);
		/* an owner that found no kernel relay: a skip */
		for (int r = 0; r < BENCH_RELAYS; r++)
			if (WIFEXITED(status[r]) && WEXITSTATUS(status[r]) == 4)
				return 4;
		return 1;
	}

	for (int r = 0; r <= BENCH_RELAYS; r++) {
		v = r < BENCH_RELAYS ? sh->samples + r * events : base;
		qsort(v, (size_t)events, sizeof(*v), cmp_ll);
		p[r][0] = pct_us(v, events, 50);
		p[r][1] = pct_us(v, events, 99);
	}
	printf("relay latency over %ld events per relay (plugin EVENT -> "
	       "RasDialFunc1 entered; rasdial relay: through rasdial.ko, "
	       "direct: over the socket pair pppd inherits, no module; %d "
	       "rounds, each: both relays, in alternating order, then as "
	       "many baseline hops; sender on CPU %d, receiver on CPU %d)\n",
	       events, ROUNDS, SENDER_CPU, RECEIVER_CPU);
	for (int r = 0; r < BENCH_RELAYS; r++)
		print_row(row[r], p[r][0], p[r][1], " us");
	print_row("AF_UNIX datagram hop (baseline)", p[BENCH_RELAYS][0],
		  p[BENCH_RELAYS][1], " us");
	for (int r = 0; r < BENCH_RELAYS; r++)
		print_row(ratio_row[r], p[r][0] / p[BENCH_RELAYS][0],
			  p[r][1] / p[BENCH_RELAYS][1], "x");
	print_row("ratio direct / kernel",
		  p[BENCH_DIRECT][0] / p[BENCH_KERNEL][0],
		  p[BENCH_DIRECT][1] / p[BENCH_KERNEL][1], "x");
	return 0;
}
