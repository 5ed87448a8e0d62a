// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * direct.c: the direct relay, for when rasdial.ko is not there (or the
 * program asks for it): this process plays the kernel's part for its own
 * dials.  Each conn gets an AF_UNIX SOCK_SEQPACKET socket pair; pppd
 * inherits one end ("rasdial-fd") and its plugin sends the same generic
 * netlink messages over it as it would to the kernel (the uapi header's
 * "Direct mode").  The rules are the kernel's (kernel/registry.c): the
 * first event binds, the sender's pid is pppd's, sticky attributes stay,
 * one ACK for the event pppd waits for, EOF without a final event is a
 * vanished pppd (619).  What needs a system-wide registry is not served:
 * other processes' conns, pppds no RasDial of ours started.
 *
 * One lock for the table; the observer (events.c) is called without it.
 */
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>
#include <linux/netlink.h>
#include <netlink/netlink.h>
#include <netlink/msg.h>
#include <netlink/attr.h>
#include <netlink/genl/genl.h>

#include "direct.h"
#include "internal.h"

/* pppd's end goes above the fds spawn_pppd() arranges (0..4). */
#define DIRECT_CHILD_FD_MIN	5
/* Messages read from one socket per drain: a flood must not starve. */
#define DIRECT_DRAIN_MAX	64

struct direct_conn {
	struct direct_conn *next;
	uint32_t id;
	bool want_ack;			/* CONN_NEW's RASDIAL_F_WANT_ACK */
	bool bound;			/* pppd has reported */
	bool ack_pending;		/* pppd waits for an ACK of ci.seq */
	bool given_up;			/* hung up before pppd reported: the
					 * next event gets ENOENT */
	int fd;				/* ours, in the epoll set; -1: closed */
	int child_fd;			/* pppd's, until the spawn takes it */
	int pidfd;			/* of the pid that last reported */
	bool connected;			/* clock running */
	struct timespec connected_at;	/* CLOCK_BOOTTIME */
	uint64_t connected_ms;		/* the count when it stopped */
	bool connected_once;
	struct rasdial_conn_info ci;	/* what GET and the events say */
};

static pthread_mutex_t direct_lock = PTHREAD_MUTEX_INITIALIZER;
static struct direct_conn *conns;
static uint32_t next_id;
static uint32_t generation = 1;
static unsigned int n_conns;
static int epoll_fd = -1;
static rasdial_event_fn event_fn;

static void changed_locked(void)
{
	if (!++generation)
		generation = 1;
}

static struct direct_conn *find_locked(uint32_t id)
{
	struct direct_conn *c;

	for (c = conns; c; c = c->next)
		if (c->id == id)
			return c;
	return NULL;
}

static void close_fd(int *fd)
{
	if (*fd >= 0)
		close(*fd);
	*fd = -1;
}

static void free_locked(struct direct_conn *c)
{
	struct direct_conn **pp;

	for (pp = &conns; *pp; pp = &(*pp)->next) {
		if (*pp == c) {
			*pp = c->next;
			break;
		}
	}
	close_fd(&c->fd);
	close_fd(&c->child_fd);
	close_fd(&c->pidfd);
	free(c);
	n_conns--;
	changed_locked();
}

static uint64_t elapsed_ms(const struct timespec *since)
{
	struct timespec now;
	int64_t ms;

	clock_gettime(CLOCK_BOOTTIME, &now);
	ms = (int64_t)(now.tv_sec - since->tv_sec) * 1000 +
	     (now.tv_nsec - since->tv_nsec) / 1000000;
	return ms > 0 ? (uint64_t)ms : 0;
}

/* The conn message of C, as the kernel builds it (kernel/netlink.c). */
static void snapshot_locked(const struct direct_conn *c,
			    struct rasdial_conn_info *ci)
{
	*ci = c->ci;
	if (c->ack_pending)
		ci->flags |= RASDIAL_F_WANT_ACK;
	if (c->connected_once) {
		ci->has_connected_ms = true;
		ci->connected_ms = c->connected ?
			elapsed_ms(&c->connected_at) : c->connected_ms;
	}
}

/* RASDIAL_A_CONNECTED_MS' clock: runs while the state is Connected. */
static void clock_locked(struct direct_conn *c)
{
	bool up = c->ci.state == RASCS_Connected &&
		  !(c->ci.flags & RASDIAL_F_FINAL);

	if (up && !c->connected) {
		clock_gettime(CLOCK_BOOTTIME, &c->connected_at);
		c->connected = true;
		c->connected_once = true;
	} else if (!up && c->connected) {
		c->connected_ms = elapsed_ms(&c->connected_at);
		c->connected = false;
	}
}

int rasdial_direct_conn_new(const char *entry, uint32_t flags, uint32_t *id)
{
	struct epoll_event ev = { .events = EPOLLIN };
	struct direct_conn *c;
	int sv[2], high, err;

	*id = 0;
	/* Adoption needs the kernel: xl2tpd's pppd is not our child. */
	if (flags & ~RASDIAL_F_WANT_ACK)
		return -EOPNOTSUPP;
	if (strlen(entry) > RASDIAL_ENTRY_MAX)
		return -EINVAL;
	c = calloc(1, sizeof(*c));
	if (!c)
		return -ENOMEM;
	c->pidfd = -1;
	if (socketpair(AF_UNIX, SOCK_SEQPACKET | SOCK_CLOEXEC, 0, sv) < 0) {
		err = -errno;
		free(c);
		return err;
	}
	c->fd = sv[0];
	high = fcntl(sv[1], F_DUPFD_CLOEXEC, DIRECT_CHILD_FD_MIN);
	close(sv[1]);
	c->child_fd = high;
	err = high < 0 ? -errno : 0;
	if (!err && fcntl(c->fd, F_SETFL, O_NONBLOCK) < 0)
		err = -errno;
	/* Each message then says who sent it: pppd's pid. */
	if (!err && setsockopt(c->fd, SOL_SOCKET, SO_PASSCRED, &(int){ 1 },
			       sizeof(int)) < 0)
		err = -errno;

	pthread_mutex_lock(&direct_lock);
	if (!err && n_conns >= RASDIAL_MAX_CONNS)
		err = -ENOSPC;
	if (!err && epoll_fd < 0)
		err = -EBADF;	/* rasdial_direct_event_open() first */
	if (!err) {
		/* Cyclic, never 0, never one in use. */
		do {
			if (!++next_id)
				next_id = 1;
		} while (find_locked(next_id));
		c->id = next_id;
		ev.data.u32 = c->id;
		if (epoll_ctl(epoll_fd, EPOLL_CTL_ADD, c->fd, &ev) < 0)
			err = -errno;
	}
	if (err) {
		pthread_mutex_unlock(&direct_lock);
		close_fd(&c->fd);
		close_fd(&c->child_fd);
		free(c);
		return err;
	}
	c->want_ack = flags & RASDIAL_F_WANT_ACK;
	c->ci.id = c->id;
	c->ci.owner_uid = (uint32_t)getuid();
	c->ci.has_owner_uid = true;
	snprintf(c->ci.entry, sizeof(c->ci.entry), "%s", entry);
	c->next = conns;
	conns = c;
	n_conns++;
	changed_locked();
	*id = c->id;
	pthread_mutex_unlock(&direct_lock);
	return 0;
}

int rasdial_direct_take_child_fd(uint32_t id)
{
	struct direct_conn *c;
	int fd = -1;

	pthread_mutex_lock(&direct_lock);
	c = find_locked(id);
	if (c && !c->given_up) {
		fd = c->child_fd;
		c->child_fd = -1;
	}
	pthread_mutex_unlock(&direct_lock);
	return fd;
}

int rasdial_direct_get(uint32_t id, struct rasdial_conn_info *ci)
{
	struct direct_conn *c;
	int err = -ENOENT;

	pthread_mutex_lock(&direct_lock);
	c = find_locked(id);
	if (c && !c->given_up) {
		snapshot_locked(c, ci);
		err = 0;
	}
	pthread_mutex_unlock(&direct_lock);
	return err;
}

int rasdial_direct_dump(uint32_t *gen, rasdial_dump_fn fn, void *arg)
{
	struct rasdial_conn_info *all = NULL;
	struct direct_conn *c;
	size_t n = 0, i;
	uint32_t now;
	int err = 0;

	pthread_mutex_lock(&direct_lock);
	now = generation;
	if (gen && *gen == now) {
		pthread_mutex_unlock(&direct_lock);
		return 1;
	}
	if (n_conns) {
		all = malloc(n_conns * sizeof(*all));
		if (!all) {
			pthread_mutex_unlock(&direct_lock);
			return -ENOMEM;
		}
	}
	for (c = conns; c; c = c->next)
		if (!c->given_up)
			snapshot_locked(c, &all[n++]);
	pthread_mutex_unlock(&direct_lock);

	/* Oldest first, as the kernel's id order mostly is. */
	for (i = n; i-- > 0 && !err;)
		err = fn(&all[i], arg);
	free(all);
	if (gen)
		*gen = now;
	return err < 0 ? err : 0;
}

/*
 * The kernel's HANGUP (kernel/registry.c): SIGTERM to the pppd that
 * reported, through its pidfd; a conn no pppd has bound is given up at
 * once (we are always its owner), and a pppd that reports later is told
 * ENOENT, so it ends itself.
 */
int rasdial_direct_hangup(uint32_t id)
{
	struct direct_conn *c;
	int err = 0;

	pthread_mutex_lock(&direct_lock);
	c = find_locked(id);
	if (!c || c->given_up) {
		err = -ENOENT;
	} else if (c->bound) {
		/* No pidfd (pidfd_open failed): the pid, as the kernel does. */
		if (c->pidfd >= 0 ?
		    syscall(SYS_pidfd_send_signal, c->pidfd, SIGTERM, NULL, 0) < 0 :
		    c->ci.pid && kill((pid_t)c->ci.pid, SIGTERM) < 0)
			err = -errno;
	} else if (c->child_fd >= 0 || c->fd < 0) {
		/* No pppd has its end (not spawned, or gone): nothing to
		 * wait for. */
		free_locked(c);
	} else {
		c->given_up = true;
		changed_locked();
	}
	pthread_mutex_unlock(&direct_lock);
	return err;
}

/* Our answer to request NLH: the EVENT reply (when REPLY_FLAGS >= 0) and
 * the NLMSG_ERROR ack carrying ERR, in one datagram.
 */
static void reply_locked(struct direct_conn *c, const struct nlmsghdr *nlh,
			 int err, int64_t reply_flags)
{
	char buf[256] __attribute__((aligned(NLMSG_ALIGNTO)));
	struct nl_msg *m1 = NULL, *m2;
	struct nlmsgerr *e;
	struct nlmsghdr *h;
	size_t len = 0, l;

	if (reply_flags >= 0) {
		m1 = nlmsg_alloc_size(NLMSG_SPACE(GENL_HDRLEN +
				      2 * nla_total_size(sizeof(uint32_t))));
		if (!m1 ||
		    !genlmsg_put(m1, 0, nlh->nlmsg_seq, RASDIAL_DIRECT_FAMILY,
				 0, 0, RASDIAL_CMD_EVENT, RASDIAL_GENL_VERSION) ||
		    nla_put_u32(m1, RASDIAL_A_CONN_ID, c->id) < 0 ||
		    nla_put_u32(m1, RASDIAL_A_FLAGS, (uint32_t)reply_flags) < 0) {
			nlmsg_free(m1);
			return;	/* pppd's wait is bounded: the event is lost */
		}
		h = nlmsg_hdr(m1);
		len = NLMSG_ALIGN(h->nlmsg_len);
		memcpy(buf, h, h->nlmsg_len);
		nlmsg_free(m1);
	}
	m2 = nlmsg_alloc_size(NLMSG_SPACE(sizeof(*e)));
	if (!m2)
		return;
	h = nlmsg_put(m2, 0, nlh->nlmsg_seq, NLMSG_ERROR, sizeof(*e), 0);
	if (!h) {
		nlmsg_free(m2);
		return;
	}
	e = nlmsg_data(h);
	e->error = err;
	e->msg = *nlh;
	l = h->nlmsg_len;
	if (len + l <= sizeof(buf)) {
		memcpy(buf + len, h, l);
		len += l;
	}
	nlmsg_free(m2);
	/* Never blocks the event thread; pppd's wait for it is bounded. */
	if (send(c->fd, buf, len, MSG_NOSIGNAL | MSG_DONTWAIT) < 0) {
		/* pppd is gone: its EOF follows */
	}
}

int rasdial_direct_ack(uint32_t id, uint32_t seq)
{
	struct direct_conn *c;
	struct nl_msg *msg;
	int err = 0;

	pthread_mutex_lock(&direct_lock);
	c = find_locked(id);
	if (!c || c->given_up || !c->bound || c->fd < 0) {
		err = -ENOENT;
		goto out;
	}
	if (!c->ack_pending || seq != c->ci.seq) {
		err = -ESTALE;
		goto out;
	}
	c->ack_pending = false;
	msg = nlmsg_alloc_size(NLMSG_SPACE(GENL_HDRLEN +
				      2 * nla_total_size(sizeof(uint32_t))));
	if (!msg || !genlmsg_put(msg, 0, 0, RASDIAL_DIRECT_FAMILY, 0, 0,
				 RASDIAL_CMD_ACK, RASDIAL_GENL_VERSION) ||
	    nla_put_u32(msg, RASDIAL_A_CONN_ID, id) < 0 ||
	    nla_put_u32(msg, RASDIAL_A_SEQ, seq) < 0) {
		err = -ENOMEM;
	} else if (send(c->fd, nlmsg_hdr(msg), nlmsg_hdr(msg)->nlmsg_len,
			MSG_NOSIGNAL | MSG_DONTWAIT) < 0) {
		err = -errno;
	}
	nlmsg_free(msg);
out:
	pthread_mutex_unlock(&direct_lock);
	return err;
}

/* The sticky attributes of an event stay until reported again. */
static void merge(struct rasdial_conn_info *ci,
		  const struct rasdial_conn_info *ev)
{
	ci->seq = ev->seq;
	ci->state = ev->state;
	ci->has_state = true;
	ci->error = ev->error;
	ci->ext_error = ev->ext_error;
	ci->phase = ev->phase;
	ci->has_phase = ev->has_phase;
	if (ev->flags & RASDIAL_F_FINAL)
		ci->flags |= RASDIAL_F_FINAL;
	if (ev->has_exit_status) {
		ci->has_exit_status = true;
		ci->exit_status = ev->exit_status;
	}
	if (ev->ifname[0])
		memcpy(ci->ifname, ev->ifname, sizeof(ci->ifname));
	if (ev->has_ifindex) {
		ci->has_ifindex = true;
		ci->ifindex = ev->ifindex;
	}
	if (ev->device_name[0])
		memcpy(ci->device_name, ev->device_name,
		       sizeof(ci->device_name));
	if (ev->device_type[0])
		memcpy(ci->device_type, ev->device_type,
		       sizeof(ci->device_type));
	if (ev->has_local_addr) {
		ci->has_local_addr = true;
		memcpy(ci->local_addr, ev->local_addr, sizeof(ci->local_addr));
	}
	if (ev->has_remote_addr) {
		ci->has_remote_addr = true;
		memcpy(ci->remote_addr, ev->remote_addr,
		       sizeof(ci->remote_addr));
	}
	if (ev->has_local_ifid6) {
		ci->has_local_ifid6 = true;
		memcpy(ci->local_ifid6, ev->local_ifid6,
		       sizeof(ci->local_ifid6));
	}
	if (ev->has_remote_ifid6) {
		ci->has_remote_ifid6 = true;
		memcpy(ci->remote_ifid6, ev->remote_ifid6,
		       sizeof(ci->remote_ifid6));
	}
	if (ev->has_baud) {
		ci->has_baud = true;
		ci->baud = ev->baud;
	}
	if (ev->has_lcp) {
		ci->has_lcp = true;
		ci->auth_proto = ev->auth_proto;
		ci->auth_data = ev->auth_data;
		ci->lcp_options = ev->lcp_options;
		ci->peer_lcp_options = ev->peer_lcp_options;
	}
}

/* The pid that sent a message, from its SCM_CREDENTIALS. */
static pid_t sender_pid(struct msghdr *mh)
{
	struct cmsghdr *cm;

	for (cm = CMSG_FIRSTHDR(mh); cm; cm = CMSG_NXTHDR(mh, cm)) {
		if (cm->cmsg_level == SOL_SOCKET &&
		    cm->cmsg_type == SCM_CREDENTIALS &&
		    cm->cmsg_len >= CMSG_LEN(sizeof(struct ucred))) {
			struct ucred uc;

			memcpy(&uc, CMSG_DATA(cm), sizeof(uc));
			return uc.pid;
		}
	}
	return 0;
}

/*
 * One request from pppd's plugin.  Returns true with *OUT set when the
 * observer must hear of the conn; the reply is sent here.
 */
static bool request_locked(struct direct_conn *c, struct nlmsghdr *nlh,
			   pid_t pid, struct rasdial_conn_info *out)
{
	struct genlmsghdr *gh = nlmsg_data(nlh);
	struct rasdial_conn_info ev;

	if (nlh->nlmsg_type != RASDIAL_DIRECT_FAMILY ||
	    !genlmsg_valid_hdr(nlh, 0) || !(nlh->nlmsg_flags & NLM_F_REQUEST))
		return false;
	if (gh->cmd != RASDIAL_CMD_EVENT) {
		reply_locked(c, nlh, -EOPNOTSUPP, -1);
		return false;
	}
	if (rasdial_nl_parse_conn_hdr(nlh, &ev) < 0 || !ev.has_state ||
	    !ev.seq || (ev.flags & ~RASDIAL_F_FINAL)) {
		reply_locked(c, nlh, -EINVAL, -1);
		return false;
	}
	if (c->given_up || ev.id != c->id) {
		reply_locked(c, nlh, -ENOENT, -1);
		return false;
	}
	c->bound = true;
	if (pid > 0 && (uint32_t)pid != c->ci.pid) {
		/* pppd forked (updetach): follow the one that reports. */
		close_fd(&c->pidfd);
		c->pidfd = (int)syscall(SYS_pidfd_open, pid, 0);
		c->ci.pid = (uint32_t)pid;
		c->ci.has_pid = true;
	}
	merge(&c->ci, &ev);
	clock_locked(c);
	c->ack_pending = c->want_ack;
	changed_locked();
	snapshot_locked(c, out);
	reply_locked(c, nlh, 0, c->ack_pending ? RASDIAL_F_WANT_ACK : 0);
	return true;
}

/* pppd's end closed: as the kernel on the socket's release. */
static bool eof_locked(struct direct_conn *c, struct rasdial_conn_info *out)
{
	bool tell = false;

	close_fd(&c->fd);
	if (!c->bound && !c->given_up) {
		/* pppd never reported: its exit (pidfd) tells the dial;
		 * the conn waits for the owner's HANGUP, as in the kernel. */
		changed_locked();
		return false;
	}
	if (c->bound && !(c->ci.flags & RASDIAL_F_FINAL)) {
		c->ci.state = RASCS_Disconnected;
		c->ci.error = RASDIAL_ERROR_PPPD_VANISHED;
		c->ci.ext_error = 0;
		c->ci.flags |= RASDIAL_F_FINAL | RASDIAL_F_VANISHED;
		c->ack_pending = false;
		clock_locked(c);
		snapshot_locked(c, out);
		tell = true;
	}
	free_locked(c);
	return tell;
}

/* Reads what socket ID holds; calls the observer for each conn change. */
static void drain_one(uint32_t id)
{
	static char buf[16384] __attribute__((aligned(NLMSG_ALIGNTO)));
	char cbuf[CMSG_SPACE(sizeof(struct ucred))];
	struct rasdial_conn_info ci;
	struct direct_conn *c;
	int i;

	for (i = 0; i < DIRECT_DRAIN_MAX; i++) {
		struct iovec iov = { .iov_base = buf, .iov_len = sizeof(buf) };
		struct msghdr mh = {
			.msg_iov = &iov, .msg_iovlen = 1,
			.msg_control = cbuf, .msg_controllen = sizeof(cbuf),
		};
		struct nlmsghdr *nlh;
		bool tell = false;
		ssize_t n;
		int len;

		pthread_mutex_lock(&direct_lock);
		c = find_locked(id);
		if (!c || c->fd < 0) {
			pthread_mutex_unlock(&direct_lock);
			return;
		}
		n = recvmsg(c->fd, &mh, MSG_DONTWAIT | MSG_CMSG_CLOEXEC);
		if (n < 0 && (errno == EAGAIN || errno == EINTR)) {
			pthread_mutex_unlock(&direct_lock);
			return;
		}
		if (n <= 0) {
			tell = eof_locked(c, &ci);
		} else {
			len = (int)n;
			/* One request per datagram; a second is ignored. */
			nlh = (struct nlmsghdr *)buf;
			if (nlmsg_ok(nlh, len))
				tell = request_locked(c, nlh, sender_pid(&mh),
						      &ci);
		}
		pthread_mutex_unlock(&direct_lock);
		if (tell && event_fn)
			event_fn(&ci);
		if (n <= 0)
			return;
	}
}

int rasdial_direct_event_open(rasdial_event_fn fn)
{
	int err = 0;

	pthread_mutex_lock(&direct_lock);
	if (epoll_fd < 0) {
		epoll_fd = epoll_create1(EPOLL_CLOEXEC);
		if (epoll_fd < 0)
			err = -errno;
	}
	if (!err)
		event_fn = fn;
	pthread_mutex_unlock(&direct_lock);
	return err;
}

int rasdial_direct_event_fd(void)
{
	return epoll_fd;
}

int rasdial_direct_event_drain(void)
{
	struct epoll_event evs[64];
	int n, i;

	n = epoll_wait(epoll_fd, evs, RASDIAL_ARRAY_SIZE(evs), 0);
	for (i = 0; i < n; i++)
		drain_one(evs[i].data.u32);
	return 0;
}
