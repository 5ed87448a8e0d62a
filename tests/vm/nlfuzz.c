// SPDX-License-Identifier: GPL-2.0-only
/*
 * nlfuzz: malformed and random generic netlink messages to the "rasdial"
 * family of rasdial.ko, as root and as an unprivileged user (65534), on
 * a raw NETLINK_GENERIC socket (so that lengths, flags and attributes can
 * be anything).  Runs inside the test VM (tests/vm/run-in-vm nlfuzz).
 *
 * What is sent: random commands (the five, 0 and unknown ones), random
 * or wrong flags (no NLM_F_REQUEST, NLM_F_DUMP on doit commands, ...),
 * versions and reserved bytes, truncated genl headers, attributes of
 * random types (unknown ones, kernel-only ones, NLA_F_NESTED and
 * NLA_F_NET_BYTEORDER set), wrong, oversized and truncated lengths,
 * strings without NUL, nested garbage, conn ids from a pool of real ones
 * and random ones, dump requests; a share of well-formed requests keeps
 * real conns coming and going.  Now and then a message of raw junk with a
 * lying nlmsg_len, which the netlink core drops without an answer.
 *
 * Checked: every request (but the junk) gets its own answer: NLMSG_ERROR
 * with a negative errno, or success only for a known command (with its
 * reply message where the command has one), or NLMSG_DONE for a dump;
 * every -EINVAL for a well-formed request of a known command carries
 * extack text; afterwards the kernel log has no Oops/WARNING/BUG and no
 * "rasdial" line, the family still works (CONN_NEW, GET, HANGUP) and the
 * registry is empty once the fuzzing sockets are closed.
 *
 * RASDIAL_NLFUZZ_COUNT: messages in all (default 1000000), half as root,
 * half as 65534.  RASDIAL_NLFUZZ_SEED: the random seed (default: time).
 * Figures (messages, msgs/s, answers by errno) are printed as "# ...".
 */

#include <errno.h>
#include <fcntl.h>
#include <grp.h>
#include <poll.h>
#include <signal.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <sys/socket.h>

#include <linux/genetlink.h>
#include <linux/netlink.h>
#include <linux/rasdial.h>
#include <netlink/genl/ctrl.h>
#include <netlink/genl/genl.h>
#include <netlink/netlink.h>

#include "kselftest_harness.h"
#include "../setup_skip.h"

#ifndef SOL_NETLINK
#define SOL_NETLINK 270
#endif

#define NOBODY		65534u
#define BATCH		32		/* messages per sendto */
#define MSG_MAX		4096		/* bytes per message */
#define POOL		64		/* conn ids seen */
#define WAIT_MS		5000		/* for the answers of one batch */
#define REOPEN_EVERY	5000		/* messages: frees our conns */
#define MAX_ERRNO	140

#define RASDIAL_ARRAY(a) (sizeof(a) / sizeof((a)[0]))

struct fz_stats {
	unsigned long sent;		/* requests that must be answered */
	unsigned long junk;		/* raw junk (no answer required) */
	unsigned long junk_answers;
	unsigned long acked;		/* NLMSG_ERROR 0 */
	unsigned long replies;		/* family messages answering us */
	unsigned long dumps_done;	/* NLMSG_DONE */
	unsigned long relayed;		/* CMD_ACK relayed to our socket */
	unsigned long failed;		/* NLMSG_ERROR < 0 */
	unsigned long extack;		/* ... with extack text */
	unsigned long by_errno[MAX_ERRNO + 1];
	unsigned long ok_by_cmd[8];
	/* Violations: each must stay 0. */
	unsigned long missing;		/* no answer within WAIT_MS */
	unsigned long bad_ok;		/* success that cannot be one */
	unsigned long bad_errno;	/* positive or absurd error */
	unsigned long einval_no_extack;
	unsigned long overruns;		/* ENOBUFS on our socket */
	char sample[256];		/* the first violation */
	double secs;
};

/* What we remember of one request until its answer. */
struct fz_req {
	uint32_t seq;
	uint8_t cmd;
	bool ours;		/* our family, full genl header */
	bool request;		/* NLM_F_REQUEST */
	bool dump;		/* NLM_F_DUMP */
	bool done;
	int replies;
};

struct fz {
	int fd;
	int fam;
	uint32_t seq;
	uint64_t rnd;
	uint32_t pool[POOL];
	int npool;
	struct fz_stats st;
};

static uint64_t rnd64(struct fz *f)
{
	/* xorshift64*: fast and reproducible from the seed */
	f->rnd ^= f->rnd >> 12;
	f->rnd ^= f->rnd << 25;
	f->rnd ^= f->rnd >> 27;
	return f->rnd * 0x2545F4914F6CDD1DULL;
}

static uint32_t rnd(struct fz *f, uint32_t n)
{
	return n ? (uint32_t)(rnd64(f) >> 32) % n : 0;
}

static bool chance(struct fz *f, unsigned int percent)
{
	return rnd(f, 100) < percent;
}

static void violation(struct fz *f, unsigned long *counter, const char *fmt,
		      ...) __attribute__((format(printf, 3, 4)));

static void violation(struct fz *f, unsigned long *counter, const char *fmt,
		      ...)
{
	va_list ap;

	if (!f->st.sample[0]) {
		va_start(ap, fmt);
		vsnprintf(f->st.sample, sizeof(f->st.sample), fmt, ap);
		va_end(ap);
	}
	(*counter)++;
}

static int fz_open(struct fz *f)
{
	struct sockaddr_nl sa = { .nl_family = AF_NETLINK };
	int one = 1, size = 4 << 20;

	f->fd = socket(AF_NETLINK, SOCK_RAW | SOCK_CLOEXEC, NETLINK_GENERIC);
	if (f->fd < 0)
		return -errno;
	if (bind(f->fd, (struct sockaddr *)&sa, sizeof(sa)) < 0)
		return -errno;
	/* Room for a batch of answers; FORCE works for root only. */
	if (setsockopt(f->fd, SOL_SOCKET, SO_RCVBUFFORCE, &size, sizeof(size)))
		setsockopt(f->fd, SOL_SOCKET, SO_RCVBUF, &size, sizeof(size));
	setsockopt(f->fd, SOL_NETLINK, NETLINK_EXT_ACK, &one, sizeof(one));
	/* Short acks: the echoed request is of no use here. */
	setsockopt(f->fd, SOL_NETLINK, NETLINK_CAP_ACK, &one, sizeof(one));
	return 0;
}

/* ------------------------------------------------------------ generator */

static size_t put_attr(unsigned char *p, size_t room, uint16_t type,
		       const void *data, size_t len)
{
	struct nlattr *a = (struct nlattr *)p;
	size_t total = NLA_ALIGN(NLA_HDRLEN + len);

	if (total > room)
		return 0;
	a->nla_type = type;
	a->nla_len = (uint16_t)(NLA_HDRLEN + len);
	if (len)
		memcpy(p + NLA_HDRLEN, data, len);
	memset(p + NLA_HDRLEN + len, 0, total - NLA_HDRLEN - len);
	return total;
}

static uint32_t some_id(struct fz *f)
{
	switch (rnd(f, 6)) {
	case 0:
		return 0;
	case 1:
		return 0xffffffffu;
	case 2:
		return (uint32_t)rnd64(f);
	case 3:
		return 1 + rnd(f, 8);
	default:
		return f->npool ? f->pool[rnd(f, f->npool)] : 1;
	}
}

static uint32_t some_u32(struct fz *f)
{
	switch (rnd(f, 5)) {
	case 0:
		return 0;
	case 1:
		return 0xffffffffu;
	case 2:
		return rnd(f, 16);
	case 3:
		return 1u << rnd(f, 32);
	default:
		return (uint32_t)rnd64(f);
	}
}

static void fill_random(struct fz *f, unsigned char *p, size_t len)
{
	size_t i;

	for (i = 0; i < len; i++)
		p[i] = (unsigned char)rnd64(f);
}

/* A printable string of LEN bytes, NUL-terminated or not. */
static size_t some_string(struct fz *f, unsigned char *p, size_t len,
			  bool nul)
{
	size_t i;

	for (i = 0; i < len; i++)
		p[i] = chance(f, 3) ? (unsigned char)rnd64(f)
				    : 'a' + rnd(f, 26);
	if (nul && len)
		p[len - 1] = '\0';
	return len;
}

static bool is_u32_attr(int type)
{
	switch (type) {
	case RASDIAL_A_ENTRY:
	case RASDIAL_A_IFNAME:
	case RASDIAL_A_DEVICE_NAME:
	case RASDIAL_A_DEVICE_TYPE:
	case RASDIAL_A_LOCAL_ADDR:
	case RASDIAL_A_REMOTE_ADDR:
	case RASDIAL_A_LOCAL_IFID6:
	case RASDIAL_A_REMOTE_IFID6:
	case RASDIAL_A_CONNECTED_MS:
	case RASDIAL_A_PAD:
	case RASDIAL_A_UNSPEC:
		return false;
	default:
		return type <= RASDIAL_A_MAX;
	}
}

/* One attribute of TYPE with a payload that is right, or wrong in some way. */
static size_t gen_attr(struct fz *f, unsigned char *p, size_t room, int type,
		       bool well_formed)
{
	unsigned char buf[1400];
	uint16_t t = (uint16_t)type;
	size_t len, n;
	uint32_t v;

	if (!well_formed) {
		if (chance(f, 5))
			t |= NLA_F_NESTED;
		if (chance(f, 3))
			t |= NLA_F_NET_BYTEORDER;
	}
	if (is_u32_attr(type) && (well_formed || chance(f, 60))) {
		v = type == RASDIAL_A_CONN_ID ? some_id(f) :
		    type == RASDIAL_A_FLAGS && well_formed ? rnd(f, 4) :
		    some_u32(f);
		return put_attr(p, room, t, &v, sizeof(v));
	}
	switch (well_formed ? 0 : rnd(f, 6)) {
	case 0:		/* the right shape for its type */
		switch (type) {
		case RASDIAL_A_LOCAL_ADDR:
		case RASDIAL_A_REMOTE_ADDR:
			len = 4;
			fill_random(f, buf, len);
			break;
		case RASDIAL_A_LOCAL_IFID6:
		case RASDIAL_A_REMOTE_IFID6:
			len = 8;
			fill_random(f, buf, len);
			break;
		case RASDIAL_A_CONNECTED_MS:
			len = 8;
			fill_random(f, buf, len);
			break;
		default:
			len = some_string(f, buf, 1 + rnd(f, 40), true);
			break;
		}
		break;
	case 1:		/* short or odd length */
		len = rnd(f, 13);
		fill_random(f, buf, len);
		break;
	case 2:		/* oversized string, with or without NUL */
		len = some_string(f, buf, 200 + rnd(f, 1200 - 200),
				  chance(f, 50));
		break;
	case 3:		/* string without NUL, or NUL inside */
		len = some_string(f, buf, 1 + rnd(f, 64), false);
		if (chance(f, 50))
			buf[rnd(f, len)] = '\0';
		break;
	case 4:		/* nested garbage: attributes inside */
		len = 0;
		for (n = rnd(f, 6); n; n--) {
			size_t k = put_attr(buf + len, sizeof(buf) - len,
					    (uint16_t)rnd(f, 40),
					    (unsigned char[8]){ 0 },
					    rnd(f, 9));

			if (!k)
				break;
			len += k;
		}
		t |= chance(f, 50) ? NLA_F_NESTED : 0;
		break;
	default:	/* random bytes */
		len = rnd(f, 300);
		fill_random(f, buf, len);
		break;
	}
	n = put_attr(p, room, t, buf, len);
	/* A lying nla_len: shorter than a header, or past the end. */
	if (n && !well_formed && chance(f, 4)) {
		struct nlattr *a = (struct nlattr *)p;

		a->nla_len = chance(f, 50) ? (uint16_t)rnd(f, NLA_HDRLEN)
					   : (uint16_t)(a->nla_len + 1 +
							rnd(f, 64));
	}
	return n;
}

/* The attributes a well-formed request of CMD carries. */
static size_t gen_good_attrs(struct fz *f, unsigned char *p, size_t room,
			     uint8_t cmd)
{
	static const int event_opt[] = {
		RASDIAL_A_ERROR, RASDIAL_A_EXT_ERROR, RASDIAL_A_EXIT_STATUS,
		RASDIAL_A_PHASE, RASDIAL_A_ENTRY, RASDIAL_A_IFNAME,
		RASDIAL_A_IFINDEX, RASDIAL_A_DEVICE_NAME,
		RASDIAL_A_DEVICE_TYPE, RASDIAL_A_LOCAL_ADDR,
		RASDIAL_A_REMOTE_ADDR, RASDIAL_A_LOCAL_IFID6,
		RASDIAL_A_REMOTE_IFID6, RASDIAL_A_BAUD,
		RASDIAL_A_AUTH_PROTO, RASDIAL_A_AUTH_DATA,
		RASDIAL_A_LCP_OPTIONS, RASDIAL_A_PEER_LCP_OPTIONS,
	};
	size_t len = 0;
	uint32_t v;
	int i;

	switch (cmd) {
	case RASDIAL_CMD_CONN_NEW:
		len += gen_attr(f, p + len, room - len, RASDIAL_A_ENTRY, true);
		if (chance(f, 50)) {
			v = chance(f, 80) ? RASDIAL_F_WANT_ACK : some_u32(f);
			len += put_attr(p + len, room - len, RASDIAL_A_FLAGS,
					&v, 4);
		}
		break;
	case RASDIAL_CMD_EVENT:
		/* Mostly "register me" (id 0): ids we own are few. */
		v = chance(f, 60) ? 0 : some_id(f);
		len += put_attr(p + len, room - len, RASDIAL_A_CONN_ID, &v, 4);
		len += gen_attr(f, p + len, room - len, RASDIAL_A_SEQ, true);
		v = chance(f, 50) ? 0x2000 : rnd(f, 30);
		len += put_attr(p + len, room - len, RASDIAL_A_STATE, &v, 4);
		for (i = rnd(f, 6); i; i--)
			len += gen_attr(f, p + len, room - len,
					event_opt[rnd(f, RASDIAL_ARRAY(event_opt))],
					true);
		if (chance(f, 20)) {
			v = RASDIAL_F_FINAL;
			len += put_attr(p + len, room - len, RASDIAL_A_FLAGS,
					&v, 4);
		}
		break;
	case RASDIAL_CMD_GET:
	case RASDIAL_CMD_HANGUP:
		len += gen_attr(f, p + len, room - len, RASDIAL_A_CONN_ID, true);
		break;
	case RASDIAL_CMD_ACK:
		len += gen_attr(f, p + len, room - len, RASDIAL_A_CONN_ID, true);
		len += gen_attr(f, p + len, room - len, RASDIAL_A_SEQ, true);
		break;
	}
	return len;
}

/* One request at P; returns its length (0: no room). */
static size_t gen_msg(struct fz *f, unsigned char *p, size_t room,
		      struct fz_req *r)
{
	struct nlmsghdr *nlh = (struct nlmsghdr *)p;
	struct genlmsghdr *gh = (struct genlmsghdr *)(p + NLMSG_HDRLEN);
	bool good = chance(f, 25);
	size_t len = NLMSG_HDRLEN + GENL_HDRLEN, n;
	int i;

	if (room < MSG_MAX)
		return 0;
	memset(r, 0, sizeof(*r));
	nlh->nlmsg_type = f->fam;
	if (!good && chance(f, 3))
		nlh->nlmsg_type = (uint16_t)rnd(f, NLMSG_MIN_TYPE);
	nlh->nlmsg_flags = NLM_F_REQUEST | NLM_F_ACK;
	if (!good && chance(f, 30)) {
		static const uint16_t extra[] = {
			NLM_F_DUMP, NLM_F_ROOT, NLM_F_MATCH, NLM_F_ATOMIC,
			NLM_F_ECHO, NLM_F_MULTI, NLM_F_REPLACE, NLM_F_EXCL,
			NLM_F_CREATE, NLM_F_APPEND, 0x8000,
		};

		nlh->nlmsg_flags |= extra[rnd(f, RASDIAL_ARRAY(extra))];
		if (chance(f, 15))
			nlh->nlmsg_flags &= ~NLM_F_REQUEST;
	}
	if (good && chance(f, 4))
		nlh->nlmsg_flags |= NLM_F_DUMP;
	nlh->nlmsg_seq = ++f->seq;
	nlh->nlmsg_pid = 0;

	if (good || chance(f, 70))
		gh->cmd = 1 + rnd(f, RASDIAL_CMD_MAX);
	else
		gh->cmd = chance(f, 30) ? 0 : (uint8_t)(6 + rnd(f, 250));
	gh->version = good || chance(f, 80) ? RASDIAL_GENL_VERSION
					    : (uint8_t)rnd64(f);
	gh->reserved = good || chance(f, 90) ? 0 : (uint16_t)rnd64(f);

	if (good && (nlh->nlmsg_flags & NLM_F_DUMP)) {
		gh->cmd = RASDIAL_CMD_GET;
	} else if (good) {
		len += gen_good_attrs(f, p + len, MSG_MAX - len, gh->cmd);
	} else {
		for (i = rnd(f, 9); i; i--) {
			int type = chance(f, 5) ? (int)rnd(f, 0x4000)
						: (int)rnd(f, RASDIAL_A_MAX + 3);

			n = gen_attr(f, p + len, MSG_MAX - len, type, false);
			if (!n)
				break;
			len += n;
		}
	}
	/* A genl header cut short (the core answers EINVAL). */
	if (!good && chance(f, 3))
		len = NLMSG_HDRLEN + rnd(f, GENL_HDRLEN);
	nlh->nlmsg_len = (uint32_t)len;

	r->seq = nlh->nlmsg_seq;
	r->cmd = gh->cmd;
	r->request = nlh->nlmsg_flags & NLM_F_REQUEST;
	r->dump = (nlh->nlmsg_flags & NLM_F_DUMP) == NLM_F_DUMP;
	r->ours = nlh->nlmsg_type == f->fam &&
		  len >= NLMSG_HDRLEN + GENL_HDRLEN;
	return NLMSG_ALIGN(len);
}

/* ------------------------------------------------------------- answers */

static bool has_extack(const struct nlmsghdr *nlh, size_t skip)
{
	const struct nlattr *a;
	int rem;

	if (!(nlh->nlmsg_flags & NLM_F_ACK_TLVS) ||
	    nlh->nlmsg_len < NLMSG_HDRLEN + skip)
		return false;
	a = (const struct nlattr *)((const char *)nlh + NLMSG_HDRLEN + skip);
	rem = (int)nlh->nlmsg_len - (int)(NLMSG_HDRLEN + skip);
	while (rem >= (int)NLA_HDRLEN && a->nla_len >= NLA_HDRLEN &&
	       a->nla_len <= rem) {
		if ((a->nla_type & NLA_TYPE_MASK) == NLMSGERR_ATTR_MSG &&
		    a->nla_len > NLA_HDRLEN + 1)
			return true;
		rem -= NLA_ALIGN(a->nla_len);
		a = (const struct nlattr *)((const char *)a +
					    NLA_ALIGN(a->nla_len));
	}
	return false;
}

static struct fz_req *find_req(struct fz_req *reqs, int n, uint32_t seq)
{
	int i;

	for (i = 0; i < n; i++)
		if (reqs[i].seq == seq)
			return &reqs[i];
	return NULL;
}

static void pool_add(struct fz *f, uint32_t id)
{
	if (!id)
		return;
	if (f->npool < POOL)
		f->pool[f->npool++] = id;
	else
		f->pool[rnd(f, POOL)] = id;
}

/* The conn id of a family message, or 0. */
static uint32_t msg_conn_id(const struct nlmsghdr *nlh)
{
	const struct nlattr *a;
	int rem;
	uint32_t id;

	if (nlh->nlmsg_len < NLMSG_HDRLEN + GENL_HDRLEN)
		return 0;
	a = (const struct nlattr *)((const char *)nlh + NLMSG_HDRLEN +
				    GENL_HDRLEN);
	rem = (int)nlh->nlmsg_len - NLMSG_HDRLEN - GENL_HDRLEN;
	while (rem >= (int)NLA_HDRLEN && a->nla_len >= NLA_HDRLEN &&
	       a->nla_len <= rem) {
		if (a->nla_type == RASDIAL_A_CONN_ID &&
		    a->nla_len == NLA_HDRLEN + 4) {
			memcpy(&id, (const char *)a + NLA_HDRLEN, 4);
			return id;
		}
		rem -= NLA_ALIGN(a->nla_len);
		a = (const struct nlattr *)((const char *)a +
					    NLA_ALIGN(a->nla_len));
	}
	return 0;
}

static void count_error(struct fz *f, struct fz_req *r, int err,
			bool extack)
{
	if (err > 0 || err < -4095) {
		violation(f, &f->st.bad_errno, "seq %u cmd %u: error %d",
			  r->seq, r->cmd, err);
		return;
	}
	if (!err) {
		/* Success: ignored (no NLM_F_REQUEST, a control type), or
		 * a known command, with its reply where it has one.
		 */
		bool known = r->ours && r->cmd >= 1 &&
			     r->cmd <= RASDIAL_CMD_MAX;
		bool needs_reply = r->cmd == RASDIAL_CMD_CONN_NEW ||
				   r->cmd == RASDIAL_CMD_EVENT ||
				   r->cmd == RASDIAL_CMD_GET;

		f->st.acked++;
		if (!r->request || !r->ours)
			return;
		if (!known || (needs_reply && !r->replies))
			violation(f, &f->st.bad_ok,
				  "seq %u cmd %u: success, %d replies",
				  r->seq, r->cmd, r->replies);
		else
			f->st.ok_by_cmd[r->cmd]++;
		return;
	}
	f->st.failed++;
	f->st.by_errno[-err <= MAX_ERRNO ? -err : 0]++;
	if (extack)
		f->st.extack++;
	else if (err == -EINVAL && r->ours && r->request && !r->dump &&
		 r->cmd >= 1 && r->cmd <= RASDIAL_CMD_MAX)
		violation(f, &f->st.einval_no_extack,
			  "seq %u cmd %u: EINVAL without extack text",
			  r->seq, r->cmd);
}

/* Handles one received message; true when it ended a request of ours. */
static bool take_answer(struct fz *f, const struct nlmsghdr *nlh,
			struct fz_req *reqs, int n)
{
	struct fz_req *r = find_req(reqs, n, nlh->nlmsg_seq);
	const struct nlmsgerr *e;
	int err;

	if (nlh->nlmsg_type == f->fam && !nlh->nlmsg_seq) {
		/* CMD_ACK relayed to a conn bound to this socket. */
		f->st.relayed++;
		return false;
	}
	if (!r || r->done) {
		f->st.junk_answers++;
		return false;
	}
	switch (nlh->nlmsg_type) {
	case NLMSG_ERROR:
		if (nlh->nlmsg_len < NLMSG_LENGTH(sizeof(*e))) {
			violation(f, &f->st.bad_errno, "short NLMSG_ERROR");
			r->done = true;
			return true;
		}
		e = NLMSG_DATA(nlh);
		count_error(f, r, e->error,
			    has_extack(nlh, sizeof(*e) +
				       ((nlh->nlmsg_flags & NLM_F_CAPPED) ? 0 :
					e->msg.nlmsg_len - NLMSG_HDRLEN)));
		r->done = true;
		return true;
	case NLMSG_DONE:
		memcpy(&err, NLMSG_DATA(nlh), sizeof(err));
		f->st.dumps_done++;
		if (err)
			count_error(f, r, err, has_extack(nlh, sizeof(err)));
		r->done = true;
		return true;
	default:
		if (nlh->nlmsg_type == f->fam) {
			f->st.replies++;
			r->replies++;
			if (r->cmd == RASDIAL_CMD_CONN_NEW ||
			    r->cmd == RASDIAL_CMD_EVENT)
				pool_add(f, msg_conn_id(nlh));
		} else {
			f->st.junk_answers++;
		}
		return false;
	}
}

/* Reads until every request in REQS is answered or WAIT_MS pass. */
static void collect(struct fz *f, struct fz_req *reqs, int n)
{
	static unsigned char buf[1 << 16];
	int open = 0, i;

	for (i = 0; i < n; i++)
		open += !reqs[i].done;
	while (open > 0) {
		struct pollfd pfd = { .fd = f->fd, .events = POLLIN };
		struct nlmsghdr *nlh;
		ssize_t len;

		if (poll(&pfd, 1, WAIT_MS) <= 0)
			break;
		len = recv(f->fd, buf, sizeof(buf), MSG_DONTWAIT);
		if (len < 0 && errno == ENOBUFS) {
			violation(f, &f->st.overruns, "ENOBUFS on recv");
			continue;
		}
		if (len <= 0)
			continue;
		for (nlh = (struct nlmsghdr *)buf; NLMSG_OK(nlh, len);
		     nlh = NLMSG_NEXT(nlh, len))
			if (take_answer(f, nlh, reqs, n))
				open--;
	}
	for (i = 0; i < n; i++)
		if (!reqs[i].done)
			violation(f, &f->st.missing,
				  "seq %u cmd %u: no answer in %d ms",
				  reqs[i].seq, reqs[i].cmd, WAIT_MS);
}

/* Raw junk with a lying nlmsg_len, then a request we know the answer to:
 * its answer tells that everything before it has been handled.
 */
static void send_junk(struct fz *f)
{
	unsigned char buf[128];
	struct nlmsghdr *nlh = (struct nlmsghdr *)buf;
	size_t len = rnd(f, sizeof(buf) + 1);
	struct fz_req r;

	fill_random(f, buf, len);
	if (len >= sizeof(*nlh)) {
		/* Past the end, or shorter than a header: dropped. */
		nlh->nlmsg_len = chance(f, 50) ? (uint32_t)len + 1 +
						 rnd(f, 4096)
					       : rnd(f, NLMSG_HDRLEN);
		nlh->nlmsg_seq = 0;
	}
	f->st.junk++;
	send(f->fd, buf, len, 0);

	memset(buf, 0, sizeof(buf));
	nlh->nlmsg_len = NLMSG_LENGTH(GENL_HDRLEN);
	nlh->nlmsg_type = f->fam;
	nlh->nlmsg_flags = NLM_F_REQUEST | NLM_F_ACK;
	nlh->nlmsg_seq = ++f->seq;
	((struct genlmsghdr *)NLMSG_DATA(nlh))->cmd = RASDIAL_CMD_GET;
	((struct genlmsghdr *)NLMSG_DATA(nlh))->version = RASDIAL_GENL_VERSION;
	memset(&r, 0, sizeof(r));
	r.seq = nlh->nlmsg_seq;
	r.cmd = RASDIAL_CMD_GET;
	r.ours = r.request = true;
	f->st.sent++;
	if (send(f->fd, buf, nlh->nlmsg_len, 0) < 0)
		violation(f, &f->st.missing, "send: %s", strerror(errno));
	collect(f, &r, 1);
}

static double now_s(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

/* Sends COUNT messages; the socket is renewed every REOPEN_EVERY. */
static int fuzz_run(struct fz *f, unsigned long count)
{
	static unsigned char buf[BATCH * MSG_MAX];
	struct fz_req reqs[BATCH];
	unsigned long since_open = 0;
	double t0 = now_s();
	int err;

	err = fz_open(f);
	if (err)
		return err;
	while (f->st.sent + f->st.junk < count) {
		size_t len = 0, n;
		int nreq = 0;

		if (chance(f, 2)) {
			send_junk(f);
			continue;
		}
		while (nreq < BATCH &&
		       f->st.sent + f->st.junk + nreq < count) {
			n = gen_msg(f, buf + len, sizeof(buf) - len,
				    &reqs[nreq]);
			if (!n)
				break;
			len += n;
			nreq++;
		}
		if (send(f->fd, buf, len, 0) < 0) {
			violation(f, &f->st.missing, "send: %s",
				  strerror(errno));
			break;
		}
		f->st.sent += nreq;
		collect(f, reqs, nreq);
		since_open += nreq;
		if (since_open >= REOPEN_EVERY) {
			close(f->fd);
			f->npool = 0;
			since_open = 0;
			err = fz_open(f);
			if (err)
				return err;
		}
	}
	close(f->fd);
	f->fd = -1;
	f->st.secs = now_s() - t0;
	return 0;
}

static const char *errno_name(int e)
{
	switch (e) {
	case EPERM: return "EPERM";
	case ENOENT: return "ENOENT";
	case EINVAL: return "EINVAL";
	case EOPNOTSUPP: return "EOPNOTSUPP";
	case ERANGE: return "ERANGE";
	case EBUSY: return "EBUSY";
	case ENOSPC: return "ENOSPC";
	case EMSGSIZE: return "EMSGSIZE";
	case ENOMEM: return "ENOMEM";
	case ENOBUFS: return "ENOBUFS";
	case ESRCH: return "ESRCH";
	case E2BIG: return "E2BIG";
	case EACCES: return "EACCES";
	default: return NULL;
	}
}

static void report(const char *who, const struct fz_stats *s)
{
	char line[1024];
	size_t off = 0;
	int e;

	printf("# %s: %lu requests + %lu junk in %.1f s: %.0f msgs/s\n", who,
	       s->sent, s->junk, s->secs,
	       s->secs > 0 ? (s->sent + s->junk) / s->secs : 0.0);
	printf("# %s: answers: %lu errors (%lu with extack text), %lu acks 0, %lu replies, %lu dumps done, %lu relayed ACKs, %lu answers to junk\n",
	       who, s->failed, s->extack, s->acked, s->replies, s->dumps_done,
	       s->relayed, s->junk_answers);
	for (e = 0; e <= MAX_ERRNO; e++) {
		const char *name = errno_name(e);

		if (!s->by_errno[e])
			continue;
		if (name)
			off += snprintf(line + off, sizeof(line) - off,
					" %s %lu", name, s->by_errno[e]);
		else
			off += snprintf(line + off, sizeof(line) - off,
					" errno%d %lu", e, s->by_errno[e]);
		if (off >= sizeof(line))
			break;
	}
	printf("# %s: errno:%s\n", who, line);
	printf("# %s: successes by command: CONN_NEW %lu EVENT %lu GET %lu HANGUP %lu ACK %lu\n",
	       who, s->ok_by_cmd[1], s->ok_by_cmd[2], s->ok_by_cmd[3],
	       s->ok_by_cmd[4], s->ok_by_cmd[5]);
	printf("# %s: violations: %lu missing answers, %lu bad successes, %lu bad errnos, %lu EINVAL without extack, %lu overruns%s%s\n",
	       who, s->missing, s->bad_ok, s->bad_errno, s->einval_no_extack,
	       s->overruns, s->sample[0] ? "; first: " : "", s->sample);
	fflush(stdout);
}

/* --------------------------------------------------------- the tests */

static unsigned long total_count(void)
{
	const char *s = getenv("RASDIAL_NLFUZZ_COUNT");
	unsigned long n = s ? strtoul(s, NULL, 0) : 0;

	return n ? n : 1000000;
}

static uint64_t seed(void)
{
	const char *s = getenv("RASDIAL_NLFUZZ_SEED");
	uint64_t v = s ? strtoull(s, NULL, 0) : 0;

	if (!v)
		v = (uint64_t)time(NULL) * 2654435761u + (uint64_t)getpid();
	return v ? v : 1;
}

static int resolve_family(void)
{
	struct nl_sock *sk = nl_socket_alloc();
	int fam = -1;

	if (!sk)
		return -1;
	if (genl_connect(sk) == 0)
		fam = genl_ctrl_resolve(sk, RASDIAL_GENL_NAME);
	nl_socket_free(sk);
	return fam;
}

static bool violations(const struct fz_stats *s)
{
	return s->missing || s->bad_ok || s->bad_errno ||
	       s->einval_no_extack || s->overruns;
}

/* A marker in the kernel log: the checks read what comes after it. */
#define KMSG_MARK "nlfuzz: start of fuzzing"

FIXTURE(nlfuzz) {
	struct fz f;
};

FIXTURE_SETUP(nlfuzz)
{
	memset(&self->f, 0, sizeof(self->f));
	self->f.fd = -1;
	self->f.fam = resolve_family();
	if (self->f.fam < 0)
		SETUP_SKIP("no rasdial family (rasdial.ko not loaded)");
	self->f.rnd = seed();
	/* A HANGUP of a conn our own socket registered (EVENT id 0)
	 * signals us: it names this process as the conn's pppd.
	 */
	signal(SIGTERM, SIG_IGN);
}

FIXTURE_TEARDOWN(nlfuzz)
{
	if (self->f.fd >= 0)
		close(self->f.fd);
}

TEST_F_TIMEOUT(nlfuzz, as_root, 3600)
{
	unsigned long n = (total_count() + 1) / 2;
	int kmsg = open("/dev/kmsg", O_WRONLY | O_CLOEXEC);

	if (kmsg >= 0) {
		ASSERT_GT(write(kmsg, KMSG_MARK "\n", sizeof(KMSG_MARK)), 0);
		close(kmsg);
	}
	printf("# root: seed %#llx, %lu messages\n",
	       (unsigned long long)self->f.rnd, n);
	ASSERT_EQ(0, fuzz_run(&self->f, n));
	report("root", &self->f.st);
	EXPECT_FALSE(violations(&self->f.st)) {
		TH_LOG("%s", self->f.st.sample);
	}
	/* Some requests must have got through, or nothing deep was hit. */
	EXPECT_GT(self->f.st.ok_by_cmd[RASDIAL_CMD_CONN_NEW], 0);
	EXPECT_GT(self->f.st.ok_by_cmd[RASDIAL_CMD_EVENT], 0);
	EXPECT_GT(self->f.st.ok_by_cmd[RASDIAL_CMD_GET], 0);
	EXPECT_GT(self->f.st.dumps_done, 0);
}

TEST_F_TIMEOUT(nlfuzz, as_nobody, 3600)
{
	unsigned long n = total_count() / 2;

	/* The family was resolved as root; now no privilege at all. */
	ASSERT_EQ(0, setgroups(0, NULL));
	ASSERT_EQ(0, setresgid(NOBODY, NOBODY, NOBODY));
	ASSERT_EQ(0, setresuid(NOBODY, NOBODY, NOBODY));
	self->f.rnd ^= 0x9e3779b97f4a7c15ULL;
	printf("# nobody: seed %#llx, %lu messages\n",
	       (unsigned long long)self->f.rnd, n);
	ASSERT_EQ(0, fuzz_run(&self->f, n));
	report("nobody", &self->f.st);
	EXPECT_FALSE(violations(&self->f.st)) {
		TH_LOG("%s", self->f.st.sample);
	}
	/* EVENT needs CAP_NET_ADMIN: never a success here. */
	EXPECT_EQ(0, self->f.st.ok_by_cmd[RASDIAL_CMD_EVENT]);
	EXPECT_GT(self->f.st.by_errno[EPERM], 0);
	EXPECT_GT(self->f.st.ok_by_cmd[RASDIAL_CMD_CONN_NEW], 0);
}

/* ---------------------------------------------------- after the storm */

/* Lines of the kernel log after KMSG_MARK that look like trouble. */
static int kmsg_trouble(char *first, size_t size)
{
	static const char *const bad[] = {
		"Oops", "WARNING:", "BUG:", "Call Trace", "general protection",
		"rasdial", "UBSAN", "KASAN", "refcount_t",
	};
	char rec[2048];
	bool after = false;
	int fd, n = 0;
	size_t i;

	first[0] = '\0';
	fd = open("/dev/kmsg", O_RDONLY | O_NONBLOCK | O_CLOEXEC);
	if (fd < 0)
		return -1;
	for (;;) {
		ssize_t len = read(fd, rec, sizeof(rec) - 1);
		const char *msg;

		if (len < 0 && errno == EPIPE)
			continue;	/* overwritten records: go on */
		if (len <= 0)
			break;
		rec[len] = '\0';
		msg = strchr(rec, ';');
		msg = msg ? msg + 1 : rec;
		if (strstr(msg, KMSG_MARK)) {
			after = true;
			continue;
		}
		if (!after)
			continue;
		for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
			if (strstr(msg, bad[i])) {
				if (!n++)
					snprintf(first, size, "%.400s", msg);
				break;
			}
		}
	}
	close(fd);
	return after ? n : -1;
}

struct chk {
	int fd, fam;
	uint32_t seq;
};

/* One request with attributes (u32 CONN_ID or string ENTRY); the error,
 * and the conn id of a reply in *ID.
 */
static int chk_req(struct chk *c, uint8_t cmd, uint16_t flags,
		   uint32_t conn_id, const char *entry, uint32_t *id,
		   int *nreplies)
{
	unsigned char buf[8192];
	struct nlmsghdr *nlh = (struct nlmsghdr *)buf;
	struct genlmsghdr *gh = NLMSG_DATA(nlh);
	size_t len = NLMSG_HDRLEN + GENL_HDRLEN;
	uint32_t seq = ++c->seq;

	memset(buf, 0, 512);
	nlh->nlmsg_type = c->fam;
	nlh->nlmsg_flags = NLM_F_REQUEST | NLM_F_ACK | flags;
	nlh->nlmsg_seq = seq;
	gh->cmd = cmd;
	gh->version = RASDIAL_GENL_VERSION;
	if (conn_id)
		len += put_attr(buf + len, 512 - len, RASDIAL_A_CONN_ID,
				&conn_id, 4);
	if (entry)
		len += put_attr(buf + len, 512 - len, RASDIAL_A_ENTRY, entry,
				strlen(entry) + 1);
	nlh->nlmsg_len = (uint32_t)len;
	if (send(c->fd, buf, len, 0) < 0)
		return -errno;
	if (nreplies)
		*nreplies = 0;
	for (;;) {
		struct pollfd pfd = { .fd = c->fd, .events = POLLIN };
		ssize_t n;

		if (poll(&pfd, 1, WAIT_MS) <= 0)
			return -ETIMEDOUT;
		n = recv(c->fd, buf, sizeof(buf), 0);
		if (n < 0)
			return -errno;
		for (nlh = (struct nlmsghdr *)buf; NLMSG_OK(nlh, n);
		     nlh = NLMSG_NEXT(nlh, n)) {
			int err;

			if (nlh->nlmsg_seq != seq)
				continue;
			if (nlh->nlmsg_type == NLMSG_ERROR ||
			    nlh->nlmsg_type == NLMSG_DONE) {
				if (nlh->nlmsg_type == NLMSG_ERROR)
					err = ((struct nlmsgerr *)
					       NLMSG_DATA(nlh))->error;
				else
					memcpy(&err, NLMSG_DATA(nlh),
					       sizeof(err));
				return err;
			}
			if (nlh->nlmsg_type == c->fam) {
				if (id)
					*id = msg_conn_id(nlh);
				if (nreplies)
					(*nreplies)++;
			}
		}
	}
}

/* Runs after as_root and as_nobody (the harness keeps their order). */
TEST_F(nlfuzz, z_after_fuzzing)
{
	struct fz f = { .fd = -1 };
	struct chk c = { .fd = -1 };
	uint32_t id = 0, got = 0;
	char first[512];
	int n = -1, i;

	c.fam = self->f.fam;
	ASSERT_EQ(0, fz_open(&f));
	c.fd = f.fd;

	/* The family still works: CONN_NEW, GET, HANGUP. */
	ASSERT_EQ(0, chk_req(&c, RASDIAL_CMD_CONN_NEW, 0, 0, "after-fuzz",
			     &id, NULL));
	ASSERT_NE(0, id);
	ASSERT_EQ(0, chk_req(&c, RASDIAL_CMD_GET, 0, id, NULL, &got, NULL));
	EXPECT_EQ(id, got);
	EXPECT_EQ(0, chk_req(&c, RASDIAL_CMD_HANGUP, 0, id, NULL, NULL,
			     NULL));
	EXPECT_EQ(-ENOENT, chk_req(&c, RASDIAL_CMD_GET, 0, id, NULL, NULL,
				   NULL));

	/* The fuzzers' sockets are closed: their conns go (release is
	 * deferred work, so wait a little, bounded).
	 */
	for (i = 0; i < 100; i++) {
		ASSERT_EQ(0, chk_req(&c, RASDIAL_CMD_GET, NLM_F_DUMP, 0, NULL,
				     NULL, &n));
		if (!n)
			break;
		usleep(50 * 1000);
	}
	EXPECT_EQ(0, n) TH_LOG("%d conns left in the registry", n);
	close(c.fd);

	n = kmsg_trouble(first, sizeof(first));
	if (n < 0)
		TH_LOG("kernel log: no marker (did as_root run?)");
	EXPECT_LE(n, 0) TH_LOG("kernel log after fuzzing: %d lines like: %s",
			       n, first);
	printf("# kernel log after the marker: %d suspicious lines\n",
	       n < 0 ? 0 : n);
}

TEST_HARNESS_MAIN
