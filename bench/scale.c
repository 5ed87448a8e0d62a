// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * Scale: LINKS simultaneous links (default 256), each a CHAP dial against
 * its own answering pppd on a pty (as tests/vm/load.c sets them up), all
 * dialed by this one process with asynchronous RasDialA and a RasDialFunc2
 * that records every call per link.  While all of them are Connected:
 *
 *   - RasEnumConnectionsA: the sizing call (NULL buffer, answers
 *     ERROR_BUFFER_TOO_SMALL; the first call, so a full dump), then CALLS
 *     calls with a big enough buffer (nothing changed: the shim's copy,
 *     checked by the kernel's generation), p50/p99; target <= 1 ms at 256
 *     links;
 *   - events lost, reordered or misdirected over all links: each link must
 *     see the complete sequence in the shim's order (stateorder.h), on its
 *     own handle; target 0;
 *   - the shim's memory per connection: mallinfo2() uordblks and RssAnon
 *     (anonymous resident memory; VmRSS, which also counts library pages
 *     first touched meanwhile, is printed too) from 0 to LINKS dials
 *     (after a warm-up dial, so the event thread and sockets are not
 *     counted), divided by LINKS, and again with the enumeration's copy
 *     of the registry; target <= 4 KiB;
 *   - the kernel registry per conn: slab bytes (Σ active_objs x objsize
 *     over /proc/slabinfo) for LINKS bare CONN_NEWs with no pppd, and the
 *     whole system's Slab growth per link (ppp units, ptys, pppds) as
 *     context;
 *   - how long all LINKS took to reach Connected.
 * Then every link is hung up, and the registry must empty (bounded).
 *
 * Addresses: a /32 pair per link would need 512 addresses at 256 links,
 * more than 192.0.2.0/24 has.  PPP links are point-to-point, so every
 * link uses the same pair (answerer 192.0.2.1, dialer 192.0.2.2): pppd
 * does not check for an address in use on another unit (the answerer's
 * secrets allow "*"; the route check for an unauthenticated peer spares
 * root), and the kernel keeps one peer route per ppp device.  No default route is added
 * (nodefaultroute on both sides).  The run counts the ppp units holding
 * each address to show that all LINKS pairs are up at once.
 *
 * Exit status 0 when the run is complete and correct (all Connected, no
 * event lost or reordered, registry empty at the end); figures that miss
 * their targets are reported, not failed.  Root, rasdial.ko loaded,
 * RASDIAL_PLUGIN set; in the VM: make bench.
 *
 *   scale [LINKS [CALLS]]        default 256 links, 200 enum calls
 */
#include <arpa/inet.h>
#include <dirent.h>
#include <ifaddrs.h>
#include <malloc.h>
#include <netinet/in.h>

#include "../tests/vm/dialtest.h"
#include "../tests/vm/stateorder.h"

#define SCALE_MAX_LINKS	1024
#define MAX_CALLS	24
#define CB_MAGIC	0x5ca1e0000UL
#define ENTRY_FMT	"scale%03d"
#define WARM_ENTRY	"scale-warm"
#define LOCAL_ADDR	"192.0.2.2"	/* dialer; the answerer has .1 */
#define REMOTE_ADDR	"192.0.2.1"

/*
 * 512 pppds starting at once on 2 TCG vCPUs answer slowly: pppd's default
 * 10 tries x 3 s per protocol made a few dials of 256 fail with 718
 * (ERROR_PPP_TIMEOUT).  Four times the tries; a real peer is not this slow.
 */
#define NEGOTIATE	"lcp-max-configure 40 ipcp-max-configure 40"

#define TARGET_ENUM_US	1000.0
#define TARGET_CONN_B	4096.0

struct call {
	DWORD sub;
	HRASCONN h;
	UINT msg;
	RASCONNSTATE state;
	DWORD error;
	long long at_us;
};

struct link {
	HRASCONN h;			/* from RasDialA */
	DWORD dial_ret;
	int n, overflow;
	long long connected_us;		/* since t0; 0 before */
	unsigned int pppd_pid;		/* once up, for the log of an odd link */
	struct call calls[MAX_CALLS];
};

static struct link *links;
static int nlinks;
static long long t0_us;
static int stray;			/* calls with a dwCallbackId not ours */
static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t changed = PTHREAD_COND_INITIALIZER;

/* The complete sequence of a dial that is hung up once Connected. */
static const struct {
	RASCONNSTATE state;
	DWORD error;
} expect[] = {
	{ RASCS_OpenPort, 0 }, { RASCS_PortOpened, 0 },
	{ RASCS_ConnectDevice, 0 }, { RASCS_DeviceConnected, 0 },
	{ RASCS_AllDevicesConnected, 0 }, { RASCS_Authenticate, 0 },
	{ RASCS_Authenticated, 0 }, { RASCS_AuthProject, 0 },
	{ RASCS_Projected, 0 }, { RASCS_Connected, 0 },
	{ RASCS_Disconnected, 0 },
	{ RASCS_Disconnected, ERROR_USER_DISCONNECTION },
};
#define NEXPECT ((int)(sizeof(expect) / sizeof(expect[0])))

static long long now_us(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1000000LL + ts.tv_nsec / 1000;
}

static DWORD WINAPI func2(ULONG_PTR id, DWORD sub, HRASCONN h, UINT msg,
			  RASCONNSTATE state, DWORD error, DWORD ext)
{
	long long t = now_us();
	unsigned long i = id - CB_MAGIC;
	struct link *l;

	(void)ext;
	pthread_mutex_lock(&lock);
	if (id < CB_MAGIC || i >= (unsigned long)nlinks) {
		stray++;
		pthread_mutex_unlock(&lock);
		return 1;
	}
	l = &links[i];
	if (l->n < MAX_CALLS)
		l->calls[l->n++] = (struct call){ sub, h, msg, state, error,
						  t - t0_us };
	else
		l->overflow = 1;
	if (state == RASCS_Connected && !error && !l->connected_us)
		l->connected_us = t - t0_us;
	pthread_cond_broadcast(&changed);
	pthread_mutex_unlock(&lock);
	return 1;
}

static int has_error(const struct link *l)
{
	for (int i = 0; i < l->n; i++)
		if (l->calls[i].error)
			return 1;
	return 0;
}

static int up_or_failed(const struct link *l)
{
	return l->connected_us || has_error(l) || l->dial_ret;
}

static int ended(const struct link *l)
{
	return has_error(l) || l->dial_ret;
}

/* Waits (bounded) until PRED holds for every link; returns 1 if it did. */
static int wait_links(int (*pred)(const struct link *), long long deadline_ms)
{
	int ok;

	pthread_mutex_lock(&lock);
	for (;;) {
		ok = 1;
		for (int i = 0; i < nlinks && ok; i++)
			ok = pred(&links[i]);
		if (ok || dt_now_ms() >= deadline_ms)
			break;
		dt_cond_wait_ms(&changed, &lock, 100);
	}
	pthread_mutex_unlock(&lock);
	return ok;
}

static void write_entry(const char *entry)
{
	char path[128];

	snprintf(path, sizeof(path), "/etc/ppp/peers/%s", entry);
	dt_write_file(path,
		      "pty \"/usr/sbin/pppd notty auth require-chap name " DT_SERVER
		      " local nodefaultroute noipdefault nolock noipv6"
		      " lcp-echo-interval 0 " NEGOTIATE " chap-max-challenge 40 "
		      REMOTE_ADDR ":" LOCAL_ADDR "\"\n"
		      "remotename " DT_SERVER "\n"
		      "noauth\nlocal\nnodefaultroute\nnoipdefault\nnolock\nnoipv6\n"
		      "lcp-echo-interval 0\n" NEGOTIATE "\n");
}

/* A "KEY: N kB" field of /proc/self/status (VmRSS, RssAnon), in bytes. */
static long long self_status(const char *key)
{
	char line[256];
	size_t len = strlen(key);
	long long kb = -1;
	FILE *f = fopen("/proc/self/status", "r");

	while (f && fgets(line, sizeof(line), f))
		if (!strncmp(line, key, len) && line[len] == ':' &&
		    sscanf(line + len + 1, "%lld", &kb) == 1)
			break;
	if (f)
		fclose(f);
	return kb * 1024;
}

/* A /proc/meminfo field, in bytes. */
static long long meminfo(const char *name)
{
	char line[256], key[64];
	long long kb, v = -1;
	FILE *f = fopen("/proc/meminfo", "r");

	while (f && fgets(line, sizeof(line), f))
		if (sscanf(line, "%63[^:]: %lld", key, &kb) == 2 &&
		    !strcmp(key, name)) {
			v = kb * 1024;
			break;
		}
	if (f)
		fclose(f);
	return v;
}

/* Whether slab cache NAME can hold registry memory: struct rasdial_conn
 * (kzalloc) and the nodes of the registry's xarray. */
static int registry_cache(const char *name)
{
	return !strncmp(name, "kmalloc-", 8) || !strcmp(name, "radix_tree_node");
}

/*
 * Σ active_objs x objsize over those caches, or -1.  Each is shrunk first:
 * that empties the per-CPU slabs, whose objects SLUB counts as active.
 */
static long long slab_bytes(void)
{
	char line[512], name[128], path[300];
	long long total = 0, active, num, size;
	DIR *d = opendir("/sys/kernel/slab");
	struct dirent *e;
	FILE *f;

	while (d && (e = readdir(d))) {
		if (!registry_cache(e->d_name))
			continue;
		snprintf(path, sizeof(path), "/sys/kernel/slab/%s/shrink",
			 e->d_name);
		f = fopen(path, "w");
		if (f) {
			fputs("1", f);
			fclose(f);
		}
	}
	if (d)
		closedir(d);
	f = fopen("/proc/slabinfo", "r");
	if (!f)
		return -1;
	while (fgets(line, sizeof(line), f))
		if (sscanf(line, "%127s %lld %lld %lld", name, &active, &num,
			   &size) == 4 && registry_cache(name))
			total += active * size;
	fclose(f);
	return total;
}

/* pppd processes still running (zombies do not count). */
static int count_pppd(void)
{
	DIR *d = opendir("/proc");
	struct dirent *e;
	int n = 0;

	while (d && (e = readdir(d))) {
		char path[300], buf[300], *p;
		FILE *f;

		if (e->d_name[0] < '1' || e->d_name[0] > '9')
			continue;
		snprintf(path, sizeof(path), "/proc/%s/stat", e->d_name);
		f = fopen(path, "r");
		if (!f)
			continue;
		if (fgets(buf, sizeof(buf), f) && strstr(buf, " (pppd) ") &&
		    (p = strrchr(buf, ')')) && p[1] == ' ' && p[2] != 'Z')
			n++;
		fclose(f);
	}
	if (d)
		closedir(d);
	return n;
}

static int wait_no_pppd(int timeout_ms)
{
	long long end = dt_now_ms() + timeout_ms;

	while (count_pppd() > 0) {
		if (dt_now_ms() >= end)
			return 0;
		usleep(100000);
	}
	return 1;
}

/* CPU ticks from /proc/stat's first line: *IDLE (idle + iowait), total. */
static long long cpu_ticks(long long *idle)
{
	long long v[8] = { 0 }, total = 0;
	FILE *f = fopen("/proc/stat", "r");

	*idle = 0;
	if (!f)
		return 0;
	if (fscanf(f, "cpu %lld %lld %lld %lld %lld %lld %lld %lld", &v[0],
		   &v[1], &v[2], &v[3], &v[4], &v[5], &v[6], &v[7]) == 8) {
		for (int i = 0; i < 8; i++)
			total += v[i];
		*idle = v[3] + v[4];
	}
	fclose(f);
	return total;
}

/*
 * Once Connected, each pppd pair still runs its ip-up scripts: measuring
 * then would time the scheduler, not the shim.  Waits (bounded) until
 * the CPUs are >= 90% idle over half a second; returns the ms it took.
 */
static long long quiesce(int timeout_ms)
{
	long long start = dt_now_ms(), idle0, idle1, tot0, tot1;

	while (dt_now_ms() - start < timeout_ms) {
		tot0 = cpu_ticks(&idle0);
		usleep(500000);
		tot1 = cpu_ticks(&idle1);
		if (tot1 > tot0 && (idle1 - idle0) * 10 >= (tot1 - tot0) * 9)
			break;
	}
	return dt_now_ms() - start;
}

/* ------------------------------------------- kernel registry, bare conns */

static int parse_id(struct nl_msg *msg, void *arg)
{
	struct nlattr *tb[RASDIAL_A_MAX + 1];

	if (genlmsg_parse(nlmsg_hdr(msg), 0, tb, RASDIAL_A_MAX, NULL) >= 0 &&
	    tb[RASDIAL_A_CONN_ID])
		*(uint32_t *)arg = nla_get_u32(tb[RASDIAL_A_CONN_ID]);
	return NL_OK;
}

static int simple_req(struct nl_sock *sk, int family, uint8_t cmd,
		      uint32_t id, const char *entry, uint32_t *id_out)
{
	struct nl_msg *msg = nlmsg_alloc();
	int err;

	if (!msg)
		return -NLE_NOMEM;
	genlmsg_put(msg, NL_AUTO_PORT, NL_AUTO_SEQ, family, 0, NLM_F_ACK, cmd,
		    RASDIAL_GENL_VERSION);
	if (id)
		nla_put_u32(msg, RASDIAL_A_CONN_ID, id);
	if (entry)
		nla_put_string(msg, RASDIAL_A_ENTRY, entry);
	if (id_out)
		*id_out = 0;
	nl_socket_modify_cb(sk, NL_CB_VALID, NL_CB_CUSTOM, parse_id, id_out);
	err = nl_send_auto(sk, msg);
	nlmsg_free(msg);
	if (err >= 0)
		err = nl_recvmsgs_default(sk);	/* the reply */
	if (err >= 0 && id_out)
		err = nl_wait_for_ack(sk);
	return err < 0 ? err : 0;
}

/*
 * Slab bytes per conn for N CONN_NEWs without pppd (the registry alone:
 * struct rasdial_conn and the xarray), the conns given back after.
 * Returns bytes per conn, or -1.
 */
static double registry_bytes_per_conn(int n)
{
	struct nl_sock *sk = nl_socket_alloc();
	uint32_t *ids = calloc((size_t)n, sizeof(*ids));
	long long before, after = -1;
	int family, made = 0;

	if (!sk || !ids || genl_connect(sk) ||
	    (family = genl_ctrl_resolve(sk, RASDIAL_GENL_NAME)) < 0) {
		free(ids);
		nl_socket_free(sk);
		return -1;
	}
	before = slab_bytes();
	for (int i = 0; i < n; i++) {
		char entry[32];

		snprintf(entry, sizeof(entry), ENTRY_FMT, i);
		if (simple_req(sk, family, RASDIAL_CMD_CONN_NEW, 0, entry,
			       &ids[i]) || !ids[i])
			break;
		made++;
	}
	if (made == n)
		after = slab_bytes();
	/* The owner's HANGUP frees a conn no pppd has bound. */
	for (int i = 0; i < made; i++)
		simple_req(sk, family, RASDIAL_CMD_HANGUP, ids[i], NULL, NULL);
	nl_socket_free(sk);
	free(ids);
	if (before < 0 || after < 0)
		return -1;
	return (double)(after - before) / n;
}

/* -------------------------------------------------------------- checks */

struct tally {
	int lost, reordered, extra, misdirected, overflow;
};

/* Compares link L's calls with the expected sequence. */
static void check_link(const struct link *l, struct tally *t)
{
	int seen[NEXPECT] = { 0 };
	int last = -1;

	t->overflow += l->overflow;
	for (int i = 0; i < l->n; i++) {
		const struct call *c = &l->calls[i];
		int k, rank;

		if (c->h != l->h || c->sub != 1 || c->msg != WM_RASDIALEVENT)
			t->misdirected++;
		for (k = 0; k < NEXPECT; k++)
			if (expect[k].state == c->state &&
			    expect[k].error == c->error)
				break;
		if (k == NEXPECT || seen[k]) {
			t->extra++;
			continue;
		}
		seen[k] = 1;
		/* Ranks go strictly up; (state, error) follows (state, 0). */
		rank = 2 * so_rank(c->state) + (c->error != 0);
		if (rank <= last)
			t->reordered++;
		last = rank;
	}
	for (int k = 0; k < NEXPECT; k++)
		t->lost += !seen[k];
}

static void print_link(int i, const struct link *l)
{
	char tag[32], line[512];
	FILE *log;

	fprintf(stderr, "# link %d (id %u, RasDialA %u, pppd %u):\n", i,
		dt_conn_id(l->h), l->dial_ret, l->pppd_pid);
	for (int c = 0; c < l->n; c++)
		fprintf(stderr, "#   +%8.1f ms %-22s %u\n",
			l->calls[c].at_us / 1000.0,
			rasdial_state_name(l->calls[c].state), l->calls[c].error);
	/* What its pppd said (run-in-vm's syslogd). */
	log = l->pppd_pid ? fopen("/var/log/messages", "r") : NULL;
	if (!log)
		return;
	snprintf(tag, sizeof(tag), "pppd[%u]:", l->pppd_pid);
	while (fgets(line, sizeof(line), log))
		if (strstr(line, tag))
			fprintf(stderr, "#     %s", line);
	fclose(log);
}

static int cmp_ll(const void *a, const void *b)
{
	long long x = *(const long long *)a, y = *(const long long *)b;

	return (x > y) - (x < y);
}

static long long pct(const long long *sorted, int n, double p)
{
	return sorted[(int)(p / 100.0 * (n - 1) + 0.5)];
}

/* Counts ppp units holding ADDR as their local address. */
static int units_with(const struct ifaddrs *all, const char *addr)
{
	struct in_addr a;
	int n = 0;

	inet_pton(AF_INET, addr, &a);
	for (const struct ifaddrs *i = all; i; i = i->ifa_next)
		if (i->ifa_addr && i->ifa_addr->sa_family == AF_INET &&
		    !strncmp(i->ifa_name, "ppp", 3) &&
		    ((struct sockaddr_in *)i->ifa_addr)->sin_addr.s_addr ==
		    a.s_addr)
			n++;
	return n;
}

static const char *verdict(int ok)
{
	return ok ? "ok" : "OVER";
}

/* The warm-up: one sync dial and its hang-up (the event thread, the
 * netlink sockets and malloc's arenas exist after it). */
static int warm_up(void)
{
	RASDIALPARAMSA p;
	HRASCONN h = NULL;
	DWORD ret;

	write_entry(WARM_ENTRY);
	dt_params(&p, WARM_ENTRY, NULL);
	ret = RasDialA(NULL, NULL, &p, 0, NULL, &h);
	if (h)
		RasHangUpA(h);
	if (ret) {
		fprintf(stderr, "# warm-up dial: %u\n", ret);
		return ret == ERROR_RASMAN_CANNOT_INITIALIZE ? 4 : 1;
	}
	if (!dt_wait_registry_empty(30000) || !wait_no_pppd(30000)) {
		fprintf(stderr, "# warm-up link did not go away\n");
		return 1;
	}
	return 0;
}

int main(int argc, char **argv)
{
	int calls = argc > 2 ? atoi(argv[2]) : 200;
	long long avail1, t_quiet, rss0, rss1, anon0, anon1, heap0, heap1, heap2, sys0, sys1, t_dialed, t_all = 0;
	long long *enum_us, *conn_us, t, sizing_us;
	double reg_per_conn, heap_pc, heap_enum_pc, rss_pc, anon_pc;
	DWORD cb = 0, count = 0, ret, sizing_ret, sizing_count;
	struct tally tl = { 0 };
	struct ifaddrs *ifa = NULL;
	int nconn = 0, nfail = 0, enum_bad = 0, hung_bad = 0;
	int units_local = -1, units_remote = -1, rc, reg_empty, pppd_gone;
	struct dt_kconn k;
	RASCONNA *buf;
	struct mallinfo2 mi;

	nlinks = argc > 1 ? atoi(argv[1]) : 256;
	if (nlinks < 1 || nlinks > SCALE_MAX_LINKS || calls < 1) {
		fprintf(stderr, "usage: scale [LINKS 1..%d [CALLS]]\n", SCALE_MAX_LINKS);
		return 2;
	}
	dt_write_file("/etc/ppp/chap-secrets",
		      DT_USER " " DT_SERVER " " DT_SECRET " *\n");
	for (int i = 0; i < nlinks; i++) {
		char entry[32];

		snprintf(entry, sizeof(entry), ENTRY_FMT, i);
		write_entry(entry);
	}
	/* Everything the run itself needs, allocated and touched before the
	 * baseline, so that only the shim's growth is measured. */
	links = calloc((size_t)nlinks, sizeof(*links));
	enum_us = calloc((size_t)calls, sizeof(*enum_us));
	conn_us = calloc((size_t)nlinks, sizeof(*conn_us));
	buf = calloc((size_t)nlinks + 16, sizeof(*buf));
	if (!links || !enum_us || !conn_us || !buf)
		return 1;
	memset(links, 0xff, (size_t)nlinks * sizeof(*links));
	memset(links, 0, (size_t)nlinks * sizeof(*links));
	memset(enum_us, 0, (size_t)calls * sizeof(*enum_us));
	memset(buf, 0, ((size_t)nlinks + 16) * sizeof(*buf));

	rc = warm_up();
	if (rc)
		return rc;
	reg_per_conn = registry_bytes_per_conn(nlinks);
	if (!dt_wait_registry_empty(30000)) {
		fprintf(stderr, "# bare conns not given back\n");
		return 1;
	}

	malloc_trim(0);
	mi = mallinfo2();
	heap0 = (long long)mi.uordblks;
	rss0 = self_status("VmRSS");
	anon0 = self_status("RssAnon");
	sys0 = meminfo("Slab");

	t0_us = now_us();
	for (int i = 0; i < nlinks; i++) {
		RASDIALPARAMSA p;
		char entry[32];
		HRASCONN h = NULL;

		snprintf(entry, sizeof(entry), ENTRY_FMT, i);
		dt_params(&p, entry, NULL);
		p.dwCallbackId = CB_MAGIC + (ULONG_PTR)i;
		ret = RasDialA(NULL, NULL, &p, 2, func2, &h);
		pthread_mutex_lock(&lock);
		links[i].h = h;
		links[i].dial_ret = ret;
		pthread_mutex_unlock(&lock);
		if (ret)
			fprintf(stderr, "# link %d: RasDialA %u\n", i, ret);
	}
	t_dialed = now_us() - t0_us;
	wait_links(up_or_failed, dt_now_ms() + 60000 + 2000LL * nlinks);

	pthread_mutex_lock(&lock);
	for (int i = 0; i < nlinks; i++) {
		if (links[i].connected_us) {
			conn_us[nconn++] = links[i].connected_us;
			if (links[i].connected_us > t_all)
				t_all = links[i].connected_us;
		} else {
			nfail++;
		}
	}
	pthread_mutex_unlock(&lock);

	t_quiet = quiesce(30000 + 100 * nlinks);

	/* Memory with every link up (nothing of ours allocated since). */
	mi = mallinfo2();
	heap1 = (long long)mi.uordblks;
	rss1 = self_status("VmRSS");
	anon1 = self_status("RssAnon");
	sys1 = meminfo("Slab");
	avail1 = meminfo("MemAvailable");
	if (!getifaddrs(&ifa)) {
		units_local = units_with(ifa, LOCAL_ADDR);
		units_remote = units_with(ifa, REMOTE_ADDR);
		freeifaddrs(ifa);
	}

	/* RasEnumConnectionsA: how big, then CALLS full listings. */
	cb = 0;
	t = now_us();
	sizing_ret = RasEnumConnectionsA(NULL, &cb, &count);
	sizing_us = now_us() - t;
	sizing_count = count;
	for (int i = 0; i < calls; i++) {
		DWORD size = (DWORD)(((size_t)nlinks + 16) * sizeof(*buf));

		buf[0].dwSize = sizeof(*buf);
		t = now_us();
		ret = RasEnumConnectionsA(buf, &size, &count);
		enum_us[i] = now_us() - t;
		if (ret || count != (DWORD)nconn)
			enum_bad++;
	}
	/* The last listing names exactly our links. */
	for (DWORD i = 0; i < count; i++) {
		int hit = 0;

		for (int j = 0; j < nlinks && !hit; j++) {
			char entry[32];

			snprintf(entry, sizeof(entry), ENTRY_FMT, j);
			hit = buf[i].hrasconn == links[j].h &&
			      !strcmp(buf[i].szEntryName, entry);
		}
		enum_bad += !hit;
	}
	/* Again with RasEnumConnections' copy of the registry, kept for the
	 * next call. */
	mi = mallinfo2();
	heap2 = (long long)mi.uordblks;
	/* pppd's pid, for the log of a link that ends oddly. */
	for (int i = 0; i < nlinks; i++)
		if (links[i].h && !dt_kernel_get(dt_conn_id(links[i].h), &k) &&
		    k.found)
			links[i].pppd_pid = k.pid;

	/* Hang all up; each link's last call is (Disconnected, 631). */
	for (int i = 0; i < nlinks; i++)
		if (links[i].h && !links[i].dial_ret && RasHangUpA(links[i].h))
			hung_bad++;
	wait_links(ended, dt_now_ms() + 60000 + 500LL * nlinks);
	reg_empty = dt_wait_registry_empty(60000 + 200 * nlinks);
	pppd_gone = wait_no_pppd(60000 + 200 * nlinks);
	usleep(300000);		/* a late call would show after the last */

	pthread_mutex_lock(&lock);
	for (int i = 0, shown = 0; i < nlinks; i++) {
		struct tally before = tl;

		/* A dial that failed (pppd gave up) is counted as such, not
		 * as lost events. */
		if (links[i].connected_us)
			check_link(&links[i], &tl);
		if ((memcmp(&before, &tl, sizeof(tl)) || !links[i].connected_us) &&
		    shown++ < 3)
			print_link(i, &links[i]);
	}
	pthread_mutex_unlock(&lock);

	qsort(enum_us, (size_t)calls, sizeof(*enum_us), cmp_ll);
	if (nconn)
		qsort(conn_us, (size_t)nconn, sizeof(*conn_us), cmp_ll);
	heap_pc = (double)(heap1 - heap0) / nlinks;
	heap_enum_pc = (double)(heap2 - heap0) / nlinks;
	rss_pc = (double)(rss1 - rss0) / nlinks;
	anon_pc = (double)(anon1 - anon0) / nlinks;

	printf("scale: %d links (CHAP, pty-answering pppd each), one process, "
	       "async RasDialA + RasDialFunc2\n", nlinks);
	printf("  links up at once                   %d of %d; ppp units with "
	       LOCAL_ADDR ": %d, with " REMOTE_ADDR ": %d\n",
	       nconn, nlinks, units_local, units_remote);
	printf("  all Connected after                %10.1f ms  (RasDialA x %d "
	       "returned in %.1f ms; per link p50 %.1f ms, p99 %.1f ms)\n",
	       t_all / 1000.0, nlinks, t_dialed / 1000.0,
	       nconn ? pct(conn_us, nconn, 50) / 1000.0 : 0.0,
	       nconn ? pct(conn_us, nconn, 99) / 1000.0 : 0.0);
	printf("  system idle again after            %10lld ms  (ip-up scripts; "
	       "measured from then on)\n", t_quiet);
	printf("  RasEnumConnectionsA first call     %10.1f us  (full dump; sizing: %s, %u conns)\n",
	       (double)sizing_us,
	       sizing_ret == ERROR_BUFFER_TOO_SMALL ? "ERROR_BUFFER_TOO_SMALL"
						    : "unexpected answer",
	       sizing_count);
	printf("  RasEnumConnectionsA, %4d conns    p50 %8.1f us   p99 %8.1f us"
	       "  (%d calls)  target <= %.0f us  %s\n",
	       nconn, (double)pct(enum_us, calls, 50),
	       (double)pct(enum_us, calls, 99), calls, TARGET_ENUM_US,
	       verdict(pct(enum_us, calls, 99) <= TARGET_ENUM_US));
	printf("  events lost / reordered            %d / %d  (extra %d, "
	       "misdirected %d, stray %d; over the %d links up)  target 0  %s\n",
	       tl.lost, tl.reordered, tl.extra, tl.misdirected, stray, nconn,
	       verdict(!tl.lost && !tl.reordered));
	printf("  shim heap per conn (mallinfo2)     %10.0f B   target <= %.0f B  %s\n",
	       heap_pc, TARGET_CONN_B, verdict(heap_pc <= TARGET_CONN_B));
	printf("  same + RasEnumConnections' copy    %10.0f B   target <= %.0f B  %s\n",
	       heap_enum_pc, TARGET_CONN_B, verdict(heap_enum_pc <= TARGET_CONN_B));
	printf("  shim RSS per conn (RssAnon)        %10.0f B   target <= %.0f B  %s\n",
	       anon_pc, TARGET_CONN_B, verdict(anon_pc <= TARGET_CONN_B));
	/* VmRSS also counts library pages first touched during the run:
	 * file-backed, shared with every process using the library. */
	printf("  process VmRSS growth per conn      %10.0f B   (RssAnon + file-backed "
	       "library pages touched)\n", rss_pc);
	printf("  kernel registry per conn (slab)    %10.0f B   (%d bare CONN_NEWs)\n",
	       reg_per_conn, nlinks);
	printf("  whole-system Slab per link         %10.1f KiB (pppd pair, "
	       "ppp units, ptys)\n", (double)(sys1 - sys0) / nlinks / 1024.0);
	printf("  memory with all links up           MemTotal %lld MiB, "
	       "MemAvailable %lld MiB\n", meminfo("MemTotal") >> 20, avail1 >> 20);
	printf("  after hang-up                      registry %s, pppds %s\n",
	       reg_empty ? "empty" : "NOT EMPTY", pppd_gone ? "gone" : "LEFT");
	printf("verdict: RasEnumConnectionsA p99 %.1f us vs <= %.0f us: %s\n",
	       (double)pct(enum_us, calls, 99), TARGET_ENUM_US,
	       pct(enum_us, calls, 99) <= TARGET_ENUM_US ? "met" : "missed");
	printf("verdict: events lost/reordered %d vs 0: %s\n",
	       tl.lost + tl.reordered, !tl.lost && !tl.reordered ? "met" : "missed");
	printf("verdict: shim memory per conn %.0f B heap (%.0f B with the "
	       "enumeration copy), %.0f B anonymous RSS vs <= %.0f B: %s\n",
	       heap_pc, heap_enum_pc, anon_pc, TARGET_CONN_B,
	       heap_enum_pc <= TARGET_CONN_B && anon_pc <= TARGET_CONN_B ?
	       "met" : "missed");

	if (dt_kernel_get(0, &k) == 0 && k.found)
		reg_empty = 0;
	return nfail || tl.lost || tl.reordered || tl.extra ||
	       tl.misdirected || tl.overflow || stray || enum_bad ||
	       hung_bad || !reg_empty || !pppd_gone ||
	       sizing_ret != ERROR_BUFFER_TOO_SMALL ? 1 : 0;
}
