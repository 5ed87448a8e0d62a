// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * Relay latency: from the moment pppd's plugin sends an EVENT to the moment
 * the program's RasDialFunc1 is entered, through rasdial.ko and librasdial's
 * event thread, with the plugin waiting for the ACK as it does in a dial.
 * Baseline, measured in the same run: one AF_UNIX datagram hop between two
 * processes, answered by an ACK datagram (the same lock-step shape).
 *
 * The "pppd" is this program again (RASDIAL_PPPD points at it): the shim
 * starts it exactly as it starts pppd, and it speaks the plugin's side of
 * the wire contract, so thousands of events need no thousands of dials.
 *
 * Usage (root, rasdial.ko loaded; in the test VM: make bench):
 *   relay_latency [EVENTS]        default 10000
 */
#include <errno.h>
#include <fcntl.h>
#include <sched.h>
#include <poll.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
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

#define ENTRY		"bench-relay"
#define SHM_NAME	"/rasdial-bench-relay"

/*
 * Sender ("plugin") on CPU 0, receiver (the program, its event thread) on
 * CPU 1, for the relay and the baseline alike: where the scheduler puts
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

/* Written by the sender just before each send, read by the receiver. */
struct shared_clock {
	volatile int64_t sent_ns;
	volatile int rounds_open;	/* relay rounds the sender may run */
};

/*
 * The events are sent in ROUNDS rounds, each followed by a baseline round
 * of as many hops: drift on the (shared, emulated) machine hits both
 * alike.  Percentiles are over all events of each kind.
 */
#define ROUNDS		5

static int64_t now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1000000000LL + ts.tv_nsec;
}

static struct shared_clock *map_clock(int create)
{
	int fd = shm_open(SHM_NAME, O_RDWR | (create ? O_CREAT : 0), 0600);
	void *p;

	if (fd < 0 || (create && ftruncate(fd, sizeof(struct shared_clock))))
		return NULL;
	p = mmap(NULL, sizeof(struct shared_clock), PROT_READ | PROT_WRITE,
		 MAP_SHARED, fd, 0);
	close(fd);
	return p == MAP_FAILED ? NULL : p;
}

/* ---------------------------------------------------------- plugin side */

struct ack_wait {
	uint32_t conn, seq;
	int got;
};

static int on_ack(struct nl_msg *msg, void *arg)
{
	struct nlattr *tb[RASDIAL_A_MAX + 1];
	struct ack_wait *w = arg;
	struct genlmsghdr *g = genlmsg_hdr(nlmsg_hdr(msg));

	if (g->cmd != RASDIAL_CMD_ACK ||
	    genlmsg_parse(nlmsg_hdr(msg), 0, tb, RASDIAL_A_MAX, NULL) < 0 ||
	    !tb[RASDIAL_A_CONN_ID] || !tb[RASDIAL_A_SEQ])
		return NL_SKIP;
	if (nla_get_u32(tb[RASDIAL_A_CONN_ID]) == w->conn &&
	    nla_get_u32(tb[RASDIAL_A_SEQ]) == w->seq)
		w->got = 1;
	return NL_OK;
}

static int send_event(struct nl_sock *sk, int family, uint32_t conn,
		      uint32_t seq, uint32_t state, uint32_t error,
		      uint32_t flags)
{
	struct nl_msg *msg = nlmsg_alloc();
	int err;

	if (!msg)
		return -NLE_NOMEM;
	genlmsg_put(msg, NL_AUTO_PORT, NL_AUTO_SEQ, family, 0, 0,
		    RASDIAL_CMD_EVENT, RASDIAL_GENL_VERSION);
	nla_put_u32(msg, RASDIAL_A_CONN_ID, conn);
	nla_put_u32(msg, RASDIAL_A_SEQ, seq);
	nla_put_u32(msg, RASDIAL_A_STATE, state);
	nla_put_u32(msg, RASDIAL_A_ERROR, error);
	if (flags)
		nla_put_u32(msg, RASDIAL_A_FLAGS, flags);
	err = nl_send_sync(sk, msg);	/* frees msg; waits for the kernel */
	return err;
}

/* Started by librasdial as pppd: "... rasdial-conn ID call ENTRY ...". */
static int fake_pppd(int argc, char **argv)
{
	struct shared_clock *clk = map_clock(0);
	struct ack_wait w = { 0 };
	struct nl_sock *sk;
	long events = 0;
	int family, i;

	for (i = 1; i + 1 < argc; i++)
		if (!strcmp(argv[i], "rasdial-conn"))
			w.conn = (uint32_t)strtoul(argv[i + 1], NULL, 10);
	events = strtol(getenv("RASDIAL_BENCH_EVENTS") ?: "0", NULL, 10);
	pin(SENDER_CPU);
	sk = nl_socket_alloc();
	if (!clk || !w.conn || events <= 0 || !sk || genl_connect(sk))
		return 1;
	family = genl_ctrl_resolve(sk, RASDIAL_GENL_NAME);
	if (family < 0)
		return 1;
	/* the relayed ACKs are not answers to our requests */
	nl_socket_disable_seq_check(sk);
	nl_socket_modify_cb(sk, NL_CB_VALID, NL_CB_CUSTOM, on_ack, &w);

	for (w.seq = 1; w.seq <= (uint32_t)events; w.seq++) {
		/* alternate two states so that each event is a new state */
		uint32_t state = (w.seq & 1) ? RASCS_AuthNotify : RASCS_AuthAck;
		int round = (int)((w.seq - 1) * ROUNDS / (uint32_t)events);
		int64_t deadline;

		/* Wait (bounded) while the program runs a baseline round. */
		deadline = now_ns() + 60000000000LL;
		while (clk->rounds_open <= round && now_ns() < deadline)
			usleep(1000);
		if (clk->rounds_open <= round)
			return 4;

		w.got = 0;	/* the ACK may come while the send is acked */
		clk->sent_ns = now_ns();
		if (send_event(sk, family, w.conn, w.seq, state, 0, 0) < 0)
			return 2;
		deadline = now_ns() + 5000000000LL;
		while (!w.got && now_ns() < deadline) {
			struct pollfd p = { nl_socket_get_fd(sk), POLLIN, 0 };

			if (poll(&p, 1, 100) > 0)
				nl_recvmsgs_default(sk);
		}
		if (!w.got)
			return 3;
	}
	send_event(sk, family, w.conn, w.seq, RASCS_Disconnected,
		   ERROR_USER_DISCONNECTION, RASDIAL_F_FINAL);
	nl_socket_free(sk);
	return 0;
}

/* ------------------------------------------------------ application side */

static struct shared_clock *app_clock;
static int64_t *relay_ns;
static long relay_n, relay_cap;
static volatile int relay_done;

static void WINAPI on_event(HRASCONN h, UINT msg, RASCONNSTATE state,
			    DWORD error, DWORD ext)
{
	int64_t t = now_ns();

	(void)h; (void)msg; (void)ext;
	if (error) {
		relay_done = 1;
		return;
	}
	if ((state == RASCS_AuthNotify || state == RASCS_AuthAck) &&
	    relay_n < relay_cap) {
		relay_ns[relay_n] = t - app_clock->sent_ns;
		__atomic_store_n(&relay_n, relay_n + 1, __ATOMIC_RELEASE);
	}
}

static int cmp_i64(const void *a, const void *b)
{
	int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;

	return (x > y) - (x < y);
}

static double pct_us(int64_t *v, long n, double p)
{
	long i = (long)(p / 100.0 * (double)(n - 1) + 0.5);

	return (double)v[i] / 1000.0;
}

static long unix_baseline(int64_t *out, long events)
{
	struct shared_clock *clk = map_clock(0);
	int sv[2];
	long n = 0;
	pid_t pid;

	if (!clk || socketpair(AF_UNIX, SOCK_DGRAM, 0, sv))
		return -1;
	pid = fork();
	if (pid == 0) {		/* the "plugin": send, wait for the ACK */
		char b = 0;

		pin(SENDER_CPU);
		close(sv[0]);
		for (long i = 0; i < events; i++) {
			clk->sent_ns = now_ns();
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
		out[n++] = now_ns() - clk->sent_ns;
		if (send(sv[0], &b, 1, 0) != 1)
			break;
	}
	close(sv[0]);
	waitpid(pid, NULL, 0);
	return n;
}

int main(int argc, char **argv)
{
	long events = argc > 1 ? strtol(argv[1], NULL, 10) : 10000;
	char self[4096], num[32];
	RASDIALPARAMSA p = { .dwSize = sizeof(p) };
	HRASCONN h = NULL;
	int64_t *base;
	long base_n;
	ssize_t len;
	DWORD ret;
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
	app_clock = map_clock(1);
	relay_ns = calloc((size_t)events, sizeof(*relay_ns));
	base = calloc((size_t)events, sizeof(*base));
	if (!app_clock || !relay_ns || !base)
		return 1;
	relay_cap = events;
	pin(RECEIVER_CPU);	/* the event thread is started from here */

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

	snprintf(p.szEntryName, sizeof(p.szEntryName), ENTRY);
	ret = RasDialA(NULL, NULL, &p, 1, on_event, &h);
	if (ret) {
		fprintf(stderr, "RasDial: %u\n", ret);
		return ret == ERROR_RASMAN_CANNOT_INITIALIZE ? 4 : 1;
	}
	base_n = 0;
	for (int r = 0; r < ROUNDS; r++) {
		/* The last seq of round r: (seq - 1) * ROUNDS / events <= r */
		long upto = (long)(((int64_t)events * (r + 1) + ROUNDS - 1) /
				   ROUNDS);

		app_clock->rounds_open = r + 1;
		for (int i = 0; i < 6000 && !relay_done &&	/* 60 s */
		     __atomic_load_n(&relay_n, __ATOMIC_ACQUIRE) < upto; i++)
			usleep(10000);
		if (__atomic_load_n(&relay_n, __ATOMIC_ACQUIRE) < upto)
			break;
		base_n += unix_baseline(base + base_n, upto - base_n);
	}
	for (int i = 0; i < 600 && !relay_done; i++)	/* at most 60 s */
		usleep(100000);
	RasHangUpA(h);

	shm_unlink(SHM_NAME);
	if (relay_n < events || base_n < events) {
		fprintf(stderr, "incomplete: %ld relayed, %ld baseline of %ld\n",
			relay_n, base_n, events);
		return 1;
	}
	qsort(relay_ns, (size_t)relay_n, sizeof(*relay_ns), cmp_i64);
	qsort(base, (size_t)base_n, sizeof(*base), cmp_i64);
	printf("relay latency over %ld events (plugin EVENT -> RasDialFunc1 entered; "
	       "%d rounds, each followed by as many baseline hops; sender on "
	       "CPU %d, receiver on CPU %d)\n",
	       events, ROUNDS, SENDER_CPU, RECEIVER_CPU);
	printf("  %-34s p50 %8.1f us   p99 %8.1f us\n", "rasdial relay",
	       pct_us(relay_ns, relay_n, 50), pct_us(relay_ns, relay_n, 99));
	printf("  %-34s p50 %8.1f us   p99 %8.1f us\n", "AF_UNIX datagram hop (baseline)",
	       pct_us(base, base_n, 50), pct_us(base, base_n, 99));
	printf("  %-34s p50 %8.2fx     p99 %8.2fx\n", "ratio",
	       pct_us(relay_ns, relay_n, 50) / pct_us(base, base_n, 50),
	       pct_us(relay_ns, relay_n, 99) / pct_us(base, base_n, 99));
	return 0;
}
