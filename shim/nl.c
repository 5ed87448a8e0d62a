// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * nl.c: talking to rasdial.ko over generic netlink (libnl).
 *
 * One command socket per process, under a mutex.  It is also the owner of
 * every conn this process asks for (CONN_NEW): it must stay open for the
 * life of the process, or the kernel stops waiting for our ACKs.  Events
 * come in on a second socket that only the event thread reads (nl_event.c).
 */
#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <linux/netlink.h>
#include <netlink/netlink.h>
#include <netlink/msg.h>
#include <netlink/attr.h>
#include <netlink/genl/genl.h>
#include <netlink/genl/ctrl.h>

#include "direct.h"
#include "nl.h"
#define RASDIAL_ALL_ERROR_CODES
#include <rasdial/rasdial.h>

#ifndef SOL_NETLINK
#define SOL_NETLINK 270
#endif

/* The kernel's largest netlink datagram (SKB_WITH_OVERHEAD(32768)) fits. */
#define CMD_MSG_BUF_SIZE	32768

static pthread_mutex_t cmd_lock = PTHREAD_MUTEX_INITIALIZER;
static struct nl_sock *cmd_sk;	/* under cmd_lock */
static int family_id = -1;	/* under cmd_lock */

static __thread char detail[256];

void rasdial_detail_set(const char *msg)
{
	snprintf(detail, sizeof(detail), "%s", msg ? msg : "");
}

RASDIAL_API const char *rasdial_last_detail(void)
{
	return detail;
}

/*
 * The one place where failures below the API become RAS errors.
 * - no "rasdial" family (module not loaded, or no generic netlink at
 *   all): ERROR_RASMAN_CANNOT_INITIALIZE, Windows' "the connection
 *   manager could not be started";
 * - ENOENT/ESRCH (no such conn): ERROR_INVALID_HANDLE;
 * - EPERM/EACCES (another user's conn): ERROR_ACCESS_DENIED;
 * - ENOSPC (RASDIAL_MAX_CONNS in use): ERROR_PORT_NOT_AVAILABLE;
 * - ENOMEM/ENOBUFS: ERROR_NOT_ENOUGH_MEMORY;
 * - EINVAL (the kernel refused a request): ERROR_INVALID_PARAMETER;
 * - anything else: ERROR_UNKNOWN.
 */
uint32_t rasdial_errno_to_ras(int neg_errno)
{
	switch (-neg_errno) {
	case 0:
		return ERROR_SUCCESS;
	case EPROTONOSUPPORT:
	case EAFNOSUPPORT:
	case ECONNREFUSED:
		return ERROR_RASMAN_CANNOT_INITIALIZE;
	case ENOENT:
	case ESRCH:
		return ERROR_INVALID_HANDLE;
	case EPERM:
	case EACCES:
		return ERROR_ACCESS_DENIED;
	case ENOSPC:
		return ERROR_PORT_NOT_AVAILABLE;
	case ENOMEM:
	case ENOBUFS:
		return ERROR_NOT_ENOUGH_MEMORY;
	case EINVAL:
		return ERROR_INVALID_PARAMETER;
	default:
		return ERROR_UNKNOWN;
	}
}

/* libnl's own error numbers, back to errno. */
int rasdial_nlerr_to_errno(int nlerr)
{
	switch (-nlerr) {
	case 0:
		return 0;
	case NLE_NOMEM:
		return -ENOMEM;
	case NLE_AGAIN:
		return -EAGAIN;
	case NLE_PERM:
		return -EPERM;
	case NLE_INVAL:
	case NLE_MSGSIZE:
	case NLE_RANGE:
		return -EINVAL;
	case NLE_OBJ_NOTFOUND:
	case NLE_PROTO_MISMATCH:
	case NLE_NOADDR:
		return -EPROTONOSUPPORT;
	case NLE_AF_NOSUPPORT:
		return -EAFNOSUPPORT;
	case NLE_NOACCESS:
		return -EACCES;
	case NLE_BUSY:
		return -EBUSY;
	default:
		return -EIO;
	}
}

static const struct nla_policy conn_policy[RASDIAL_A_MAX + 1] = {
	[RASDIAL_A_CONN_ID]	= { .type = NLA_U32 },
	[RASDIAL_A_SEQ]		= { .type = NLA_U32 },
	[RASDIAL_A_STATE]	= { .type = NLA_U32 },
	[RASDIAL_A_ERROR]	= { .type = NLA_U32 },
	[RASDIAL_A_EXT_ERROR]	= { .type = NLA_U32 },
	[RASDIAL_A_EXIT_STATUS]	= { .type = NLA_U32 },
	[RASDIAL_A_PHASE]	= { .type = NLA_U32 },
	[RASDIAL_A_FLAGS]	= { .type = NLA_U32 },
	[RASDIAL_A_ENTRY]	= { .type = NLA_STRING },
	[RASDIAL_A_OWNER_UID]	= { .type = NLA_U32 },
	[RASDIAL_A_PID]		= { .type = NLA_U32 },
	[RASDIAL_A_IFNAME]	= { .type = NLA_STRING },
	[RASDIAL_A_IFINDEX]	= { .type = NLA_U32 },
	[RASDIAL_A_DEVICE_NAME]	= { .type = NLA_STRING },
	[RASDIAL_A_DEVICE_TYPE]	= { .type = NLA_STRING },
	[RASDIAL_A_LOCAL_ADDR]	= { .type = NLA_UNSPEC },
	[RASDIAL_A_REMOTE_ADDR]	= { .type = NLA_UNSPEC },
	[RASDIAL_A_LOCAL_IFID6]	= { .type = NLA_UNSPEC },
	[RASDIAL_A_REMOTE_IFID6] = { .type = NLA_UNSPEC },
	[RASDIAL_A_BAUD]	= { .type = NLA_U32 },
	[RASDIAL_A_CONNECTED_MS] = { .type = NLA_U64 },
	[RASDIAL_A_AUTH_PROTO]	= { .type = NLA_U32 },
	[RASDIAL_A_AUTH_DATA]	= { .type = NLA_U32 },
	[RASDIAL_A_LCP_OPTIONS]	= { .type = NLA_U32 },
	[RASDIAL_A_PEER_LCP_OPTIONS] = { .type = NLA_U32 },
};

static void copy_str(char *dst, size_t size, const struct nlattr *a)
{
	size_t n;

	if (!a) {
		dst[0] = '\0';
		return;
	}
	n = strnlen(nla_data(a), nla_len(a));
	if (n >= size)
		n = size - 1;
	memcpy(dst, nla_data(a), n);
	dst[n] = '\0';
}

static uint32_t get_u32(const struct nlattr *a, bool *has)
{
	if (has)
		*has = a != NULL;
	return a ? nla_get_u32((struct nlattr *)a) : 0;
}

/* A binary attribute of exactly SIZE bytes; others are ignored. */
static bool copy_bin(void *dst, size_t size, const struct nlattr *a)
{
	if (!a || (size_t)nla_len(a) != size)
		return false;
	memcpy(dst, nla_data(a), size);
	return true;
}

int rasdial_nl_parse_conn_hdr(struct nlmsghdr *nlh,
			       struct rasdial_conn_info *ci)
{
	struct nlattr *tb[RASDIAL_A_MAX + 1];
	int err;

	err = genlmsg_parse(nlh, 0, tb, RASDIAL_A_MAX,
			    (struct nla_policy *)conn_policy);
	if (err < 0 || !tb[RASDIAL_A_CONN_ID])
		return -EINVAL;
	memset(ci, 0, sizeof(*ci));
	ci->id = get_u32(tb[RASDIAL_A_CONN_ID], NULL);
	ci->seq = get_u32(tb[RASDIAL_A_SEQ], NULL);
	ci->state = get_u32(tb[RASDIAL_A_STATE], &ci->has_state);
	ci->error = get_u32(tb[RASDIAL_A_ERROR], NULL);
	ci->ext_error = get_u32(tb[RASDIAL_A_EXT_ERROR], NULL);
	ci->phase = get_u32(tb[RASDIAL_A_PHASE], &ci->has_phase);
	ci->flags = get_u32(tb[RASDIAL_A_FLAGS], NULL);
	ci->owner_uid = get_u32(tb[RASDIAL_A_OWNER_UID], &ci->has_owner_uid);
	ci->pid = get_u32(tb[RASDIAL_A_PID], &ci->has_pid);
	ci->exit_status = get_u32(tb[RASDIAL_A_EXIT_STATUS],
				  &ci->has_exit_status);
	ci->ifindex = get_u32(tb[RASDIAL_A_IFINDEX], &ci->has_ifindex);
	ci->baud = get_u32(tb[RASDIAL_A_BAUD], &ci->has_baud);
	ci->auth_proto = get_u32(tb[RASDIAL_A_AUTH_PROTO], &ci->has_lcp);
	ci->auth_data = get_u32(tb[RASDIAL_A_AUTH_DATA], NULL);
	ci->lcp_options = get_u32(tb[RASDIAL_A_LCP_OPTIONS], NULL);
	ci->peer_lcp_options = get_u32(tb[RASDIAL_A_PEER_LCP_OPTIONS], NULL);
	ci->has_local_addr = copy_bin(ci->local_addr, sizeof(ci->local_addr),
				      tb[RASDIAL_A_LOCAL_ADDR]);
	ci->has_remote_addr = copy_bin(ci->remote_addr,
				       sizeof(ci->remote_addr),
				       tb[RASDIAL_A_REMOTE_ADDR]);
	ci->has_local_ifid6 = copy_bin(ci->local_ifid6,
				       sizeof(ci->local_ifid6),
				       tb[RASDIAL_A_LOCAL_IFID6]);
	ci->has_remote_ifid6 = copy_bin(ci->remote_ifid6,
					sizeof(ci->remote_ifid6),
					tb[RASDIAL_A_REMOTE_IFID6]);
	if (tb[RASDIAL_A_CONNECTED_MS]) {
		ci->has_connected_ms = true;
		ci->connected_ms = nla_get_u64(tb[RASDIAL_A_CONNECTED_MS]);
	}
	copy_str(ci->entry, sizeof(ci->entry), tb[RASDIAL_A_ENTRY]);
	copy_str(ci->ifname, sizeof(ci->ifname), tb[RASDIAL_A_IFNAME]);
	copy_str(ci->device_name, sizeof(ci->device_name),
		 tb[RASDIAL_A_DEVICE_NAME]);
	copy_str(ci->device_type, sizeof(ci->device_type),
		 tb[RASDIAL_A_DEVICE_TYPE]);
	return 0;
}

static int parse_conn(struct nl_msg *msg, struct rasdial_conn_info *ci)
{
	return rasdial_nl_parse_conn_hdr(nlmsg_hdr(msg), ci);
}

/* Internal (hidden, not in librasdial.map): for tests/fuzz/event.c. */
int rasdial_nl_parse_conn(struct nl_msg *msg, struct rasdial_conn_info *ci)
{
	return parse_conn(msg, ci);
}

/* One request and its answer on the command socket. */
struct req {
	uint8_t cmd;
	int nlflags;
	uint32_t id, seq, flags;
	bool has_id, has_seq, has_flags, has_gen;
	uint32_t gen;
	const char *entry;
	/* A command that always answers with one message (a doit with a
	 * reply): sent without NLM_F_ACK, done at that message or the
	 * error.  One read instead of two on RasDial's path. */
	bool one_reply;
	/* Called for each reply message. */
	int (*parse)(struct nl_msg *msg, void *arg);
	void *arg;
	/* Filled while receiving. */
	uint32_t nlseq;
	bool done;
	bool interrupted;	/* a dump that spanned a change */
	int err;
};

static bool req_ours(struct req *r, struct nl_msg *msg)
{
	return nlmsg_hdr(msg)->nlmsg_seq == r->nlseq;
}

static int req_valid(struct nl_msg *msg, void *arg)
{
	struct req *r = arg;
	int err;

	if (!req_ours(r, msg))
		return NL_SKIP;
	if (r->parse) {
		err = r->parse(msg, r->arg);
		if (err < 0 && !r->err)
			r->err = err;
	}
	if (r->one_reply) {
		r->done = true;
		return NL_STOP;
	}
	return NL_OK;
}

static int req_finish(struct nl_msg *msg, void *arg)
{
	struct req *r = arg;

	if (!req_ours(r, msg))
		return NL_SKIP;
	r->done = true;
	return NL_STOP;
}

/* NLM_F_DUMP_INTR: keep the messages (as good as any dump was before
 * the kernel kept generations) but remember not to trust them as a copy.
 */
static int req_dump_intr(struct nl_msg *msg, void *arg)
{
	struct req *r = arg;

	if (req_ours(r, msg))
		r->interrupted = true;
	return NL_OK;
}

static int req_seq_ok(struct nl_msg *msg, void *arg)
{
	(void)msg;
	(void)arg;
	return NL_OK;
}

/* The kernel's extack message, when it sent one (NETLINK_EXT_ACK). */
static void req_extack(struct nlmsgerr *e)
{
	struct nlmsghdr *nlh = (struct nlmsghdr *)((char *)e - NLMSG_HDRLEN);
	struct nlattr *tb[NLMSGERR_ATTR_MAX + 1];
	size_t off, len;

	if (!(nlh->nlmsg_flags & NLM_F_ACK_TLVS))
		return;
	len = nlh->nlmsg_len - NLMSG_HDRLEN;
	off = sizeof(*e);
	if (!(nlh->nlmsg_flags & NLM_F_CAPPED))
		off += e->msg.nlmsg_len - NLMSG_HDRLEN;
	off = NLA_ALIGN(off);
	if (off >= len)
		return;
	if (nla_parse(tb, NLMSGERR_ATTR_MAX, (struct nlattr *)((char *)e + off),
		      (int)(len - off), NULL) < 0)
		return;
	if (tb[NLMSGERR_ATTR_MSG]) {
		char buf[sizeof(detail)];

		copy_str(buf, sizeof(buf), tb[NLMSGERR_ATTR_MSG]);
		rasdial_detail_set(buf);
	}
}

static int req_error(struct sockaddr_nl *nla, struct nlmsgerr *e, void *arg)
{
	struct req *r = arg;

	(void)nla;
	if (e->msg.nlmsg_seq != r->nlseq)
		return NL_SKIP;
	r->err = e->error;
	r->done = true;
	if (e->error)
		req_extack(e);
	return NL_STOP;
}

static int cmd_connect_locked(void)
{
	int one = 1;
	int err;

	if (!cmd_sk) {
		cmd_sk = nl_socket_alloc();
		if (!cmd_sk)
			return -ENOMEM;
		err = genl_connect(cmd_sk);
		if (err < 0) {
			nl_socket_free(cmd_sk);
			cmd_sk = NULL;
			return rasdial_nlerr_to_errno(err);
		}
		/* Best effort: without them we only lose the kernel's text. */
		setsockopt(nl_socket_get_fd(cmd_sk), SOL_NETLINK,
			   NETLINK_EXT_ACK, &one, sizeof(one));
		setsockopt(nl_socket_get_fd(cmd_sk), SOL_NETLINK,
			   NETLINK_CAP_ACK, &one, sizeof(one));
		/* The most the kernel puts in one datagram: each is read
		 * once, not peeked at for its size first. */
		nl_socket_set_msg_buf_size(cmd_sk, CMD_MSG_BUF_SIZE);
	}
	if (family_id < 0) {
		/* Asks the kernel each time, so a module loaded later (or
		 * autoloaded by this very lookup) is found. */
		err = genl_ctrl_resolve(cmd_sk, RASDIAL_GENL_NAME);
		if (err < 0)
			return -EPROTONOSUPPORT;
		family_id = err;
	}
	return 0;
}

/*
 * The relay (rasdial.h, "The relay"): asked for (RASDIAL_RELAY_AUTO until
 * the program or RASDIAL_RELAY says otherwise), and in use once chosen
 * (AUTO: not chosen yet).  Under cmd_lock; relay_in_use is read without
 * it once set, as it never changes after that.
 */
static DWORD relay_asked = RASDIAL_RELAY_AUTO;
static bool relay_asked_set;
static DWORD relay_in_use = RASDIAL_RELAY_AUTO;

static int relay_from_env(DWORD *mode)
{
	const char *v = secure_getenv("RASDIAL_RELAY");

	if (!v || !*v || !strcmp(v, "auto"))
		*mode = RASDIAL_RELAY_AUTO;
	else if (!strcmp(v, "kernel"))
		*mode = RASDIAL_RELAY_KERNEL;
	else if (!strcmp(v, "direct"))
		*mode = RASDIAL_RELAY_DIRECT;
	else
		return -EINVAL;
	return 0;
}

/* Chooses the relay if need be: 0, or why none can be used now. */
static int relay_choose(void)
{
	DWORD mode;
	int err;

	if (__atomic_load_n(&relay_in_use, __ATOMIC_ACQUIRE))
		return 0;
	pthread_mutex_lock(&cmd_lock);
	if (relay_in_use)
		goto out_ok;
	mode = relay_asked;
	if (!relay_asked_set && relay_from_env(&mode) < 0) {
		pthread_mutex_unlock(&cmd_lock);
		rasdial_detail_set("RASDIAL_RELAY is not \"kernel\", \"direct\" or \"auto\"");
		return -EINVAL;
	}
	if (mode == RASDIAL_RELAY_DIRECT) {
		__atomic_store_n(&relay_in_use, RASDIAL_RELAY_DIRECT,
				 __ATOMIC_RELEASE);
		goto out_ok;
	}
	err = cmd_connect_locked();
	if (!err) {
		__atomic_store_n(&relay_in_use, RASDIAL_RELAY_KERNEL,
				 __ATOMIC_RELEASE);
		goto out_ok;
	}
	/* Asked for the kernel: stay unchosen, a module loaded later is
	 * found.  AUTO: no family (or no generic netlink) means direct. */
	if (mode == RASDIAL_RELAY_KERNEL || err == -ENOMEM) {
		pthread_mutex_unlock(&cmd_lock);
		return err;
	}
	__atomic_store_n(&relay_in_use, RASDIAL_RELAY_DIRECT, __ATOMIC_RELEASE);
out_ok:
	pthread_mutex_unlock(&cmd_lock);
	return 0;
}

/* The relay in use (RASDIAL_RELAY_KERNEL or _DIRECT), or why none is. */
static int relay(void)
{
	int err = relay_choose();

	return err ? err : (int)__atomic_load_n(&relay_in_use, __ATOMIC_ACQUIRE);
}

bool rasdial_relay_direct(void)
{
	return relay() == RASDIAL_RELAY_DIRECT;
}

RASDIAL_API DWORD rasdial_set_relay_mode(DWORD mode)
{
	DWORD ret = ERROR_SUCCESS;

	if (mode != RASDIAL_RELAY_AUTO && mode != RASDIAL_RELAY_KERNEL &&
	    mode != RASDIAL_RELAY_DIRECT)
		return ERROR_INVALID_PARAMETER;
	pthread_mutex_lock(&cmd_lock);
	if (relay_in_use && mode != RASDIAL_RELAY_AUTO && mode != relay_in_use)
		ret = ERROR_INVALID_FUNCTION;
	else if (!relay_in_use) {
		relay_asked = mode;
		relay_asked_set = true;
	}
	pthread_mutex_unlock(&cmd_lock);
	return ret;
}

RASDIAL_API DWORD rasdial_get_relay_mode(void)
{
	relay_choose();
	return __atomic_load_n(&relay_in_use, __ATOMIC_ACQUIRE);
}

int rasdial_nl_init(void)
{
	return relay_choose();
}

static int request(struct req *r)
{
	struct nl_msg *msg = NULL;
	struct nl_cb *cb = NULL;
	bool retried = false;
	int err;

	rasdial_detail_set(NULL);
	pthread_mutex_lock(&cmd_lock);
again:
	err = cmd_connect_locked();
	if (err)
		goto out_unlock;

	err = -ENOMEM;
	msg = nlmsg_alloc();
	cb = nl_cb_alloc(NL_CB_DEFAULT);
	if (!msg || !cb)
		goto out_unlock;
	if (!genlmsg_put(msg, NL_AUTO_PORT, NL_AUTO_SEQ, family_id, 0,
			 r->nlflags, r->cmd, RASDIAL_GENL_VERSION))
		goto out_unlock;
	if ((r->has_id && nla_put_u32(msg, RASDIAL_A_CONN_ID, r->id) < 0) ||
	    (r->has_seq && nla_put_u32(msg, RASDIAL_A_SEQ, r->seq) < 0) ||
	    (r->entry && nla_put_string(msg, RASDIAL_A_ENTRY, r->entry) < 0) ||
	    (r->has_flags && nla_put_u32(msg, RASDIAL_A_FLAGS, r->flags) < 0) ||
	    (r->has_gen && nla_put_u32(msg, RASDIAL_A_GENERATION, r->gen) < 0))
		goto out_unlock;

	nl_cb_set(cb, NL_CB_VALID, NL_CB_CUSTOM, req_valid, r);
	nl_cb_set(cb, NL_CB_FINISH, NL_CB_CUSTOM, req_finish, r);
	nl_cb_set(cb, NL_CB_ACK, NL_CB_CUSTOM, req_finish, r);
	nl_cb_set(cb, NL_CB_DUMP_INTR, NL_CB_CUSTOM, req_dump_intr, r);
	/* Our own seq filter instead of libnl's strict ordering: a reply
	 * left over from an interrupted request must not derail the next. */
	nl_cb_set(cb, NL_CB_SEQ_CHECK, NL_CB_CUSTOM, req_seq_ok, r);
	nl_cb_err(cb, NL_CB_CUSTOM, req_error, r);

	err = nl_send_auto(cmd_sk, msg);
	if (err < 0) {
		err = rasdial_nlerr_to_errno(err);
		goto out_unlock;
	}
	r->nlseq = nlmsg_hdr(msg)->nlmsg_seq;
	r->done = false;
	r->interrupted = false;
	r->err = 0;
	err = 0;
	while (!r->done) {
		int rc = nl_recvmsgs(cmd_sk, cb);

		if (rc < 0 && !r->done) {
			err = rasdial_nlerr_to_errno(rc);
			break;
		}
	}
	if (!err)
		err = r->err;
	/*
	 * ENOENT is also what an unknown family id gets: the module was
	 * unloaded (and maybe loaded again under a new id).  Look the family
	 * up again; only if it is still the same id is "no such conn" meant.
	 */
	if (err == -ENOENT) {
		int id = genl_ctrl_resolve(cmd_sk, RASDIAL_GENL_NAME);

		if (id < 0) {
			family_id = -1;
			err = -EPROTONOSUPPORT;
		} else if (id != family_id && !retried) {
			family_id = id;
			retried = true;
			nl_cb_put(cb);
			nlmsg_free(msg);
			cb = NULL;
			msg = NULL;
			goto again;
		}
	}
out_unlock:
	pthread_mutex_unlock(&cmd_lock);
	nl_cb_put(cb);
	nlmsg_free(msg);
	return err > 0 ? -err : err;
}

static int parse_id(struct nl_msg *msg, void *arg)
{
	struct nlattr *tb[RASDIAL_A_MAX + 1];

	if (genlmsg_parse(nlmsg_hdr(msg), 0, tb, RASDIAL_A_MAX,
			  (struct nla_policy *)conn_policy) < 0 ||
	    !tb[RASDIAL_A_CONN_ID])
		return -EINVAL;
	*(uint32_t *)arg = nla_get_u32(tb[RASDIAL_A_CONN_ID]);
	return 0;
}

int rasdial_nl_conn_new(const char *entry, uint32_t flags, uint32_t *id)
{
	struct req r = {
		.cmd = RASDIAL_CMD_CONN_NEW, .one_reply = true,
		.entry = entry, .flags = flags, .has_flags = true,
		.parse = parse_id, .arg = id,
	};
	int err = relay();

	*id = 0;
	if (err == RASDIAL_RELAY_DIRECT)
		return rasdial_direct_conn_new(entry, flags, id);
	if (err < 0)
		return err;
	err = request(&r);
	if (!err && !*id)
		err = -EINVAL;
	return err;
}

struct get_arg {
	struct rasdial_conn_info *ci;
	bool found;
};

static int parse_get(struct nl_msg *msg, void *arg)
{
	struct get_arg *g = arg;
	int err = parse_conn(msg, g->ci);

	if (!err)
		g->found = true;
	return err;
}

int rasdial_nl_get(uint32_t id, struct rasdial_conn_info *ci)
{
	struct get_arg g = { .ci = ci };
	struct req r = {
		.cmd = RASDIAL_CMD_GET, .one_reply = true,
		.id = id, .has_id = true, .parse = parse_get, .arg = &g,
	};
	int err = relay();

	if (err == RASDIAL_RELAY_DIRECT)
		return rasdial_direct_get(id, ci);
	if (err < 0)
		return err;
	err = request(&r);
	if (!err && !g.found)
		err = -ENOENT;
	return err;
}

struct dump_arg {
	rasdial_dump_fn fn;
	void *arg;
	bool want_gen, have_gen;
	uint32_t gen;
};

static int parse_dump(struct nl_msg *msg, void *arg)
{
	struct dump_arg *d = arg;
	struct rasdial_conn_info ci;
	struct genlmsghdr *gnlh;
	struct nlattr *a;

	/* The generation comes first, alone. */
	if (d->want_gen && !d->have_gen) {
		gnlh = nlmsg_data(nlmsg_hdr(msg));
		a = nla_find(genlmsg_attrdata(gnlh, 0), genlmsg_attrlen(gnlh, 0),
			     RASDIAL_A_GENERATION);
		if (a && nla_len(a) == sizeof(uint32_t)) {
			d->gen = nla_get_u32(a);
			d->have_gen = true;
			return 0;
		}
	}
	/* A conn we cannot decode is skipped, not fatal to the listing. */
	if (parse_conn(msg, &ci) < 0)
		return 0;
	return d->fn(&ci, d->arg);
}

/* A module from before generations refuses the attribute: ask it plainly
 * from then on (a library upgraded under a running module).
 */
static bool gen_refused;

int rasdial_nl_dump(uint32_t *gen, rasdial_dump_fn fn, void *arg)
{
	struct dump_arg d = { .fn = fn, .arg = arg };
	struct req r = {
		.cmd = RASDIAL_CMD_GET, .nlflags = NLM_F_DUMP,
		.parse = parse_dump, .arg = &d,
	};
	int err = relay();

	if (err == RASDIAL_RELAY_DIRECT)
		return rasdial_direct_dump(gen, fn, arg);
	if (err < 0)
		return err;
	if (gen && !__atomic_load_n(&gen_refused, __ATOMIC_RELAXED)) {
		d.want_gen = true;
		r.has_gen = true;
		r.gen = *gen;
	}
	err = request(&r);
	if (err == -EINVAL && r.has_gen) {
		__atomic_store_n(&gen_refused, true, __ATOMIC_RELAXED);
		return rasdial_nl_dump(gen, fn, arg);
	}
	if (err || !gen)
		return err;
	if (!d.have_gen || r.interrupted) {
		*gen = 0;
		return 0;
	}
	if (*gen && d.gen == *gen)
		return 1;
	*gen = d.gen;
	return 0;
}

int rasdial_nl_hangup(uint32_t id)
{
	struct req r = {
		.cmd = RASDIAL_CMD_HANGUP, .nlflags = NLM_F_ACK,
		.id = id, .has_id = true,
	};
	int err = relay();

	if (err == RASDIAL_RELAY_DIRECT)
		return rasdial_direct_hangup(id);
	if (err < 0)
		return err;
	return request(&r);
}

/* ACK on the command socket, waiting for the kernel's answer: for when
 * the event socket is not open (nl_event.c).
 */
int rasdial_nl_ack_cmd(uint32_t id, uint32_t seq)
{
	struct req r = {
		.cmd = RASDIAL_CMD_ACK, .nlflags = NLM_F_ACK,
		.id = id, .has_id = true, .seq = seq, .has_seq = true,
	};

	return request(&r);
}
