// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * events.c: the table of this process's dials and the event thread that
 * turns kernel events and pppd exits into RasDialFunc/1/2 calls.
 *
 * Lock order: the table lock is never held while a notifier runs or a
 * netlink request is made, so a notifier may call RasHangUp,
 * RasGetConnectStatus, RasEnumConnections and RasGetErrorString.  The
 * dial stays suspended while the notifier runs because the plugin keeps
 * pppd waiting for the ACK we send after it returns.
 */
#include <errno.h>
#include <poll.h>
#include <pthread.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/syscall.h>
#include <sys/timerfd.h>
#include <sys/wait.h>
#include <unistd.h>

#include "internal.h"
#include "pppd-map.h"

static pthread_mutex_t tbl_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t tbl_cond = PTHREAD_COND_INITIALIZER;
static struct rasdial_dial *tbl_head;

static pthread_mutex_t start_lock = PTHREAD_MUTEX_INITIALIZER;
static bool started;
static int wake_fd = -1;
static struct nl_sock *ev_sk;

/* RASDIAL_DISPATCH_MANUAL: no thread; the program polls epoll_fd and calls
 * rasdial_dispatch(), which runs one pass of the loop under loop_lock. */
static DWORD dispatch_mode = RASDIAL_DISPATCH_THREAD;
static int epoll_fd = -1;
/* Manual mode: in the epoll set, due at the next L2TP adoption deadline. */
static int timer_fd = -1;
static pthread_mutex_t loop_lock = PTHREAD_MUTEX_INITIALIZER;

static __thread bool is_event_thread;

static void manual_pass(int timeout_ms);

bool rasdial_in_notifier(void)
{
	return is_event_thread;
}

void rasdial_table_lock(void)
{
	pthread_mutex_lock(&tbl_lock);
}

void rasdial_table_unlock(void)
{
	pthread_mutex_unlock(&tbl_lock);
}

struct rasdial_dial *rasdial_dial_alloc(void)
{
	struct rasdial_dial *d = calloc(1, sizeof(*d));

	if (!d)
		return NULL;
	d->refs = 1;
	d->dial_refs = 1;
	d->pidfd = -1;
	d->subentry = 1;
	d->fwd_phase = RASDIAL_PPP_PHASE_INITIALIZE;
	return d;
}

static void wake_thread(void)
{
	uint64_t one = 1;

	if (wake_fd >= 0 && write(wake_fd, &one, sizeof(one)) < 0) {
		/* Counter full: the thread is awake anyway. */
	}
}

void rasdial_dial_publish(struct rasdial_dial *d)
{
	pthread_mutex_lock(&tbl_lock);
	d->refs++;
	d->next = tbl_head;
	tbl_head = d;
	pthread_mutex_unlock(&tbl_lock);
	wake_thread();
}

static struct rasdial_dial *find_any_locked(uint32_t id)
{
	struct rasdial_dial *d;

	for (d = tbl_head; d; d = d->next)
		if (d->id == id)
			return d;
	return NULL;
}

struct rasdial_dial *rasdial_dial_find_locked(uint32_t id)
{
	struct rasdial_dial *d;

	for (d = tbl_head; d; d = d->next)
		if (d->id == id && !d->hidden)
			return d;
	return NULL;
}

void rasdial_dial_hold_locked(struct rasdial_dial *d)
{
	d->refs++;
}

static void free_joiners(struct rasdial_joiner *j)
{
	while (j) {
		struct rasdial_joiner *next = j->next;

		free(j);
		j = next;
	}
}

static void put_locked(struct rasdial_dial *d)
{
	if (--d->refs == 0) {
		if (d->pidfd >= 0)
			close(d->pidfd);
		free_joiners(d->joiners);
		free(d);
	}
}

void rasdial_dial_put(struct rasdial_dial *d)
{
	pthread_mutex_lock(&tbl_lock);
	put_locked(d);
	pthread_mutex_unlock(&tbl_lock);
}

/* Drops a record nobody can name any more once its pppd is reaped. */
static void maybe_unlink_locked(struct rasdial_dial *d)
{
	struct rasdial_dial **pp;

	if (!d->hidden || !d->final || d->pidfd >= 0)
		return;
	for (pp = &tbl_head; *pp; pp = &(*pp)->next) {
		if (*pp == d) {
			*pp = d->next;
			put_locked(d);
			return;
		}
	}
}

static bool dial_over_locked(const struct rasdial_dial *d)
{
	return d->final || d->error ||
	       (d->have_state && d->state == RASCS_Connected);
}

DWORD rasdial_dial_wait(struct rasdial_dial *d)
{
	DWORD ret;

	/* Manual mode: nobody else runs the loop while we wait here. */
	while (dispatch_mode == RASDIAL_DISPATCH_MANUAL) {
		bool over;

		pthread_mutex_lock(&tbl_lock);
		over = dial_over_locked(d);
		pthread_mutex_unlock(&tbl_lock);
		if (over)
			break;
		manual_pass(200);
	}
	pthread_mutex_lock(&tbl_lock);
	while (!dial_over_locked(d))
		pthread_cond_wait(&tbl_cond, &tbl_lock);
	if (d->error)
		ret = d->error;
	else if (d->have_state && d->state == RASCS_Connected)
		ret = ERROR_SUCCESS;
	else
		ret = ERROR_PORT_DISCONNECTED;
	pthread_mutex_unlock(&tbl_lock);
	return ret;
}

void rasdial_dial_set_child(struct rasdial_dial *d, pid_t pid, int pidfd)
{
	pthread_mutex_lock(&tbl_lock);
	d->pid = pid;
	d->pidfd = pidfd;
	pthread_mutex_unlock(&tbl_lock);
	wake_thread();
}

void rasdial_dial_fail(struct rasdial_dial *d, DWORD error)
{
	pthread_mutex_lock(&tbl_lock);
	if (!d->have_state) {
		d->have_state = true;
		d->state = RASCS_OpenPort;
	}
	d->error = error;
	d->final = true;
	maybe_unlink_locked(d);
	pthread_cond_broadcast(&tbl_cond);
	pthread_mutex_unlock(&tbl_lock);
}

static void hangup_now(struct rasdial_dial *d, DWORD *ret);

/* RasHangUps made inside a notifier, done once it has returned. */
static void run_deferred_hangups(void)
{
	struct rasdial_dial *d;
	DWORD ret;

	for (;;) {
		pthread_mutex_lock(&tbl_lock);
		for (d = tbl_head; d; d = d->next)
			if (d->hangup_deferred)
				break;
		if (!d) {
			pthread_mutex_unlock(&tbl_lock);
			return;
		}
		d->hangup_deferred = false;
		hangup_now(d, &ret);	/* drops the lock */
	}
}

/* One step of a dial as the notifier must hear it. */
struct update {
	uint32_t state, error, ext_error, seq;
	bool final, want_ack;
};

struct call {
	uint32_t state, error, ext_error;
};

/* Returns false when a RasDialFunc2 asked for no more calls. */
static bool notify_one(uint32_t id, uint32_t type, void *fn,
		       ULONG_PTR callback_id, DWORD subentry,
		       const struct call *c)
{
	HRASCONN h = (HRASCONN)(uintptr_t)id;
	RASCONNSTATE state = (RASCONNSTATE)c->state;

	switch (type) {
	case 0:
		((RASDIALFUNC)fn)(WM_RASDIALEVENT, state, c->error);
		return true;
	case 1:
		((RASDIALFUNC1)fn)(h, WM_RASDIALEVENT, state, c->error,
				   c->ext_error);
		return true;
	default:
		return ((RASDIALFUNC2)fn)(callback_id, subentry, h,
					  WM_RASDIALEVENT, state, c->error,
					  c->ext_error) != 0;
	}
}

static bool notify(const struct rasdial_dial *d, const struct call *c)
{
	return notify_one(d->id, d->notifier_type, d->notifier,
			  d->callback_id, d->subentry, c);
}

/*
 * Table lock held: whether a notifier call for D may start now; if so it
 * is marked running, so that RasHangUp from another thread waits for it
 * (after RasHangUp returns no call may come: Windows programs free the
 * notifier's context there).
 */
static bool notify_begin_locked(struct rasdial_dial *d)
{
	if (d->stop_notify)
		return false;
	d->notifying = true;
	return true;
}

static void notify_end(struct rasdial_dial *d, bool more)
{
	pthread_mutex_lock(&tbl_lock);
	d->notifying = false;
	if (!more)
		d->stop_notify = true;
	pthread_cond_broadcast(&tbl_cond);
	pthread_mutex_unlock(&tbl_lock);
}

/* Table lock held: the dial's outcome is known; later RasDials of the
 * entry that wait for it hear it now. */
static bool joiners_due_locked(struct rasdial_dial *d, uint32_t state,
			       uint32_t error, uint32_t ext_error)
{
	struct rasdial_joiner *j;
	bool any = false;

	for (j = d->joiners; j; j = j->next) {
		if (j->due)
			continue;
		j->due = true;
		j->state = state;
		j->error = error;
		j->ext_error = ext_error;
		any = true;
	}
	return any;
}

/* Calls the notifiers of later RasDials whose outcome is known, once. */
static void run_joiners(void)
{
	struct rasdial_dial *d;

	for (;;) {
		struct rasdial_joiner **pj, *j = NULL;
		struct call c;

		pthread_mutex_lock(&tbl_lock);
		for (d = tbl_head; d && !j; d = d->next) {
			if (d->stop_notify)
				continue;
			for (pj = &d->joiners; *pj; pj = &(*pj)->next) {
				if ((*pj)->due) {
					j = *pj;
					*pj = j->next;
					break;
				}
			}
			if (j)
				break;
		}
		if (!j) {
			pthread_mutex_unlock(&tbl_lock);
			return;
		}
		d->refs++;
		notify_begin_locked(d);
		pthread_mutex_unlock(&tbl_lock);

		c = (struct call){ j->state, j->error, j->ext_error };
		notify_one(d->id, j->notifier_type, j->notifier,
			   j->callback_id, j->subentry, &c);
		free(j);
		notify_end(d, true);
		rasdial_dial_put(d);
	}
}

/*
 * Applies U to D and makes the notifier calls it calls for: (state, 0)
 * on entering a new state, then (state, error) when it carries an error.
 * As on Windows the calls end at RASCS_Connected or at the error; with
 * RDEOPT_RasdialNotifyLinkEnd they go on until the final event, which
 * reports the link's end (RASCS_Disconnected with its error).  D is held.
 */
static void deliver(struct rasdial_dial *d, const struct update *u)
{
	struct call calls[2];
	unsigned int n = 0, i;
	bool go;

	pthread_mutex_lock(&tbl_lock);
	if (!d->final) {
		d->have_state = true;
		d->state = u->state;
		d->error = u->error;
		d->ext_error = u->ext_error;
		if (u->state == RASCS_Connected && !u->error)
			d->connected_once = true;
		if (d->notifier && !d->stop_notify && !d->notify_over) {
			if (!d->notified_any || d->notified_state != u->state)
				calls[n++] = (struct call){ u->state, 0, 0 };
			if (u->error)
				calls[n++] = (struct call){ u->state, u->error,
							    u->ext_error };
			d->notified_any = true;
			d->notified_state = u->state;
			if (!d->notify_link_end &&
			    (u->error || u->state == RASCS_Connected))
				d->notify_over = true;
		}
		if (u->error || u->final || u->state == RASCS_Connected)
			joiners_due_locked(d, u->final && !u->error ?
						 RASCS_Disconnected : u->state,
					   u->error ? u->error :
					   u->final ? ERROR_PORT_DISCONNECTED : 0,
					   u->ext_error);
		if (u->final) {
			d->final = true;
			/* A hung-up dial's handle ends with its last event. */
			if (d->hangup)
				d->hidden = true;
		}
		pthread_cond_broadcast(&tbl_cond);
	}
	pthread_mutex_unlock(&tbl_lock);

	for (i = 0; i < n; i++) {
		pthread_mutex_lock(&tbl_lock);
		go = notify_begin_locked(d);
		pthread_mutex_unlock(&tbl_lock);
		if (!go)
			break;
		notify_end(d, notify(d, &calls[i]));
	}
	run_joiners();
	/* The callback has returned: hang-ups it asked for happen now, then
	 * pppd may go on. */
	run_deferred_hangups();
	if (u->want_ack)
		rasdial_nl_ack(d->id, u->seq);

	pthread_mutex_lock(&tbl_lock);
	if (u->final)
		d->stop_notify = true;
	maybe_unlink_locked(d);
	pthread_mutex_unlock(&tbl_lock);
}

static bool phase_moves_forward(uint32_t phase)
{
	return phase >= RASDIAL_PPP_PHASE_INITIALIZE &&
	       phase <= RASDIAL_PPP_PHASE_RUNNING;
}

/* Who hears of every conn message (RasConnectionNotification's watches,
 * notify.c): registered by the layer above, so that events.c calls into
 * no file that calls into it.
 */
static rasdial_conn_observer conn_observer;

void rasdial_events_set_observer(rasdial_conn_observer fn)
{
	__atomic_store_n(&conn_observer, fn, __ATOMIC_RELEASE);
}

/* A conn message from the event socket (or a resync GET). */
static void on_event(const struct rasdial_conn_info *ci)
{
	rasdial_conn_observer observer;
	struct rasdial_dial *d;
	struct update u = {
		.state = ci->state, .error = ci->error,
		.ext_error = ci->ext_error, .seq = ci->seq,
		.final = ci->flags & RASDIAL_F_FINAL,
		.want_ack = ci->flags & RASDIAL_F_WANT_ACK,
	};

	/* RasConnectionNotification watches every link, ours or not. */
	observer = __atomic_load_n(&conn_observer, __ATOMIC_ACQUIRE);
	if (observer)
		observer(ci);

	pthread_mutex_lock(&tbl_lock);
	d = find_any_locked(ci->id);
	if (!d || !ci->has_state) {
		/* Not ours: other processes' links are none of our business
		 * (and never ACK them: that would cut their callbacks short). */
		pthread_mutex_unlock(&tbl_lock);
		return;
	}
	d->refs++;
	d->last_seq = ci->seq;
	if (ci->has_pid && ci->pid)
		d->bound = true;
	if (ci->has_phase && phase_moves_forward(ci->phase))
		d->fwd_phase = ci->phase;
	if (ci->device_name[0])
		memcpy(d->device_name, ci->device_name, sizeof(d->device_name));
	if (ci->device_type[0])
		memcpy(d->device_type, ci->device_type, sizeof(d->device_type));
	/* L2TP: xl2tpd reaps the pppd; its plugin's last word is the status
	 * for rasdial_get_pppd_exit_status(). */
	if (d->is_l2tp && ci->has_exit_status && (ci->flags & RASDIAL_F_FINAL)) {
		d->exited = true;
		d->exit_status = ci->exit_status;
	}
	pthread_mutex_unlock(&tbl_lock);

	deliver(d, &u);
	/* The session is over: xl2tpd may close its tunnel too. */
	if (u.final && d->is_l2tp)
		rasdial_l2tp_disconnect(&d->l2tp);
	rasdial_dial_put(d);
}

/*
 * L2TP dials whose pppd (xl2tpd's) has not adopted the conn by their
 * deadline, or that RasHangUp cancelled: stop xl2tpd, give the id back and
 * end the dial with its adopt_error.  Returns the ms until the next
 * deadline, -1 for none.
 */
static int check_adopt_deadlines(void)
{
	struct rasdial_dial *d;
	int64_t now, next;

	for (;;) {
		struct update u = { .final = true };

		now = rasdial_monotonic_ms();
		next = -1;
		pthread_mutex_lock(&tbl_lock);
		for (d = tbl_head; d; d = d->next) {
			if (!d->adopt_deadline_ms || d->final || d->bound)
				continue;
			if (d->adopt_deadline_ms <= now)
				break;
			if (next < 0 || d->adopt_deadline_ms - now < next)
				next = d->adopt_deadline_ms - now;
		}
		if (!d) {
			pthread_mutex_unlock(&tbl_lock);
			return next > INT32_MAX ? INT32_MAX : (int)next;
		}
		d->adopt_deadline_ms = 0;
		d->refs++;
		u.state = d->have_state ? d->state : RASCS_OpenPort;
		u.error = d->adopt_error;
		pthread_mutex_unlock(&tbl_lock);

		rasdial_l2tp_disconnect(&d->l2tp);
		/* Unbound: the owner's HANGUP frees it (and a bound one's
		 * pppd gets SIGTERM, should it have come just now). */
		rasdial_nl_hangup(d->id);
		deliver(d, &u);
		rasdial_dial_put(d);
	}
}

/* Our pppd child has exited: reap it, and if the kernel never told the
 * end of the dial, tell it from the exit status. */
static void on_child_exit(struct rasdial_dial *d)
{
	siginfo_t si;
	struct update u = { .final = true };
	bool synth, unbound;
	int rc;

	memset(&si, 0, sizeof(si));
	rc = waitid(P_PIDFD, (id_t)d->pidfd, &si, WEXITED | WNOHANG);
	if (rc < 0 && errno == EINVAL)
		rc = waitid(P_PID, (id_t)d->pid, &si, WEXITED | WNOHANG);
	if (rc == 0 && si.si_pid == 0)
		return;		/* not yet: a spurious wakeup */

	pthread_mutex_lock(&tbl_lock);
	close(d->pidfd);
	d->pidfd = -1;
	/* For rasdial_get_pppd_exit_status() (pppd-status.c). */
	if (rc == 0) {
		d->exited = true;
		d->exit_status = si.si_code == CLD_EXITED ?
				 (uint32_t)si.si_status : 128u + (uint32_t)si.si_status;
	}
	synth = !d->final;
	if (synth) {
		u.state = d->have_state ? d->state : RASCS_OpenPort;
		/* dwExtendedError stays 0: the seed defines it for four
		 * NetBIOS/auth codes only. */
		if (rc == 0 && si.si_code == CLD_EXITED) {
			u.error = rasdial_ppp_exit_error_dev(si.si_status,
							     (int)d->fwd_phase,
							     d->connected_once,
							     d->device_type);
			/* pppd took the missing device for a bad option */
			if (si.si_status == RASDIAL_PPP_EXIT_OPTION_ERROR &&
			    d->device_missing)
				u.error = ERROR_CONNECTING_DEVICE_NOT_FOUND;
		} else if (rc == 0) {
			u.error = RASDIAL_ERROR_PPPD_VANISHED;
		} else {
			/* Someone else reaped it (SIGCHLD ignored, ...). */
			u.error = RASDIAL_ERROR_PPPD_VANISHED;
		}
		if (d->hangup && u.error == RASDIAL_ERROR_PPPD_VANISHED)
			u.error = ERROR_USER_DISCONNECTION;
		if (d->connected_once)
			u.state = RASCS_Disconnected;
	}
	unbound = !d->bound;
	d->refs++;
	maybe_unlink_locked(d);
	pthread_mutex_unlock(&tbl_lock);

	/* Its plugin never reported: give the id back to the kernel. */
	if (unbound)
		rasdial_nl_hangup(d->id);
	if (synth)
		deliver(d, &u);
	rasdial_dial_put(d);
}

/* Events were lost (socket buffer overrun): ask for each dial's state. */
static void resync(void)
{
	uint32_t *ids = NULL;
	size_t n = 0, cap = 0, i;
	struct rasdial_dial *d;

	pthread_mutex_lock(&tbl_lock);
	for (d = tbl_head; d; d = d->next) {
		if (d->final)
			continue;
		if (n == cap) {
			uint32_t *nids;

			cap = cap ? cap * 2 : 16;
			nids = realloc(ids, cap * sizeof(*ids));
			if (!nids)
				break;
			ids = nids;
		}
		ids[n++] = d->id;
	}
	pthread_mutex_unlock(&tbl_lock);

	for (i = 0; i < n; i++) {
		struct rasdial_conn_info ci;
		bool fresh;

		if (rasdial_nl_get(ids[i], &ci) < 0)
			continue;	/* gone: its pppd's exit will tell */
		pthread_mutex_lock(&tbl_lock);
		d = find_any_locked(ids[i]);
		fresh = d && ci.seq != d->last_seq;
		pthread_mutex_unlock(&tbl_lock);
		if (fresh)
			on_event(&ci);
	}
	free(ids);
}

static void drain_events(void)
{
	if (rasdial_nl_event_drain(ev_sk) == -ENOBUFS)
		resync();
}

/* Our children are bounded by the kernel's conn limit. */
#define POLL_MAX	(RASDIAL_MAX_CONNS + 2)
static struct pollfd pfds[POLL_MAX];
static struct rasdial_dial *dials[POLL_MAX];

/* Manual mode: the epoll set holds every pidfd of ours, so that the
 * program's poll() wakes when a pppd exits. */
static void sync_epoll(void)
{
	struct rasdial_dial *d;

	if (epoll_fd < 0)
		return;
	pthread_mutex_lock(&tbl_lock);
	for (d = tbl_head; d; d = d->next) {
		struct epoll_event ev = { .events = EPOLLIN };

		if (d->pidfd < 0 || d->in_epoll)
			continue;
		if (epoll_ctl(epoll_fd, EPOLL_CTL_ADD, d->pidfd, &ev) == 0 ||
		    errno == EEXIST)
			d->in_epoll = true;
	}
	pthread_mutex_unlock(&tbl_lock);
}

/* One pass of the event loop: waits up to TIMEOUT_MS (-1: for ever) for
 * a wakeup, an event or a pppd exit, and handles what is there. */
static void loop_once(int timeout_ms)
{
	const size_t cap = POLL_MAX;
	struct rasdial_dial *d;
	int adopt_ms;
	size_t n, i;

	pthread_mutex_lock(&tbl_lock);
	pfds[0] = (struct pollfd){ .fd = wake_fd, .events = POLLIN };
	pfds[1] = (struct pollfd){ .fd = rasdial_nl_event_fd(ev_sk),
				   .events = POLLIN };
	n = 2;
	for (d = tbl_head; d && n < cap; d = d->next) {
		if (d->pidfd < 0)
			continue;
		d->refs++;
		dials[n] = d;
		pfds[n++] = (struct pollfd){ .fd = d->pidfd,
					     .events = POLLIN };
	}
	pthread_mutex_unlock(&tbl_lock);

	/* L2TP dials waiting for xl2tpd's pppd have a deadline. */
	adopt_ms = check_adopt_deadlines();
	if (adopt_ms >= 0 && (timeout_ms < 0 || adopt_ms < timeout_ms))
		timeout_ms = adopt_ms;
	if (timer_fd >= 0) {
		/* Wakes the program's poll (manual mode) then; 0 disarms. */
		struct itimerspec its = { 0 };
		uint64_t v;

		if (read(timer_fd, &v, sizeof(v)) < 0) {
			/* EAGAIN: it had not fired */
		}
		if (adopt_ms >= 0) {
			its.it_value.tv_sec = adopt_ms / 1000;
			its.it_value.tv_nsec = (adopt_ms % 1000) * 1000000L + 1;
		}
		timerfd_settime(timer_fd, 0, &its, NULL);
	}
	if (poll(pfds, n, timeout_ms) < 0 && errno != EINTR && timeout_ms)
		usleep(10000);	/* should not happen: don't spin */

	if (pfds[0].revents & POLLIN) {
		uint64_t v;

		if (read(wake_fd, &v, sizeof(v)) < 0) {
			/* EAGAIN: someone else's wakeup was read */
		}
	}
	if (pfds[1].revents)
		drain_events();
	/* RasDials that joined a link already up hear it here. */
	run_joiners();
	for (i = 2; i < n; i++) {
		if (pfds[i].revents) {
			/* Events first: pppd's last word beats the
			 * guess from its exit status. */
			drain_events();
			on_child_exit(dials[i]);
		}
		rasdial_dial_put(dials[i]);
	}
}

static void *event_main(void *arg)
{
	(void)arg;
	is_event_thread = true;
	for (;;)
		loop_once(-1);
	return NULL;
}

/* Manual mode: one pass on the calling thread, which is then "the event
 * thread" (notifiers run on it; RasDial inside them is refused). */
static void manual_pass(int timeout_ms)
{
	pthread_mutex_lock(&loop_lock);
	is_event_thread = true;
	loop_once(timeout_ms);
	sync_epoll();
	is_event_thread = false;
	pthread_mutex_unlock(&loop_lock);
}

static int epoll_add(int fd)
{
	struct epoll_event ev = { .events = EPOLLIN };

	return epoll_ctl(epoll_fd, EPOLL_CTL_ADD, fd, &ev) < 0 ? -errno : 0;
}

int rasdial_runtime_start(void)
{
	sigset_t all, old;
	pthread_attr_t attr;
	pthread_t thread;
	int err = 0;

	pthread_mutex_lock(&start_lock);
	if (started)
		goto out;
	err = rasdial_nl_init();
	if (err)
		goto out;
	if (!ev_sk) {
		err = rasdial_nl_event_open(&ev_sk, on_event);
		if (err)
			goto out;
	}
	if (wake_fd < 0) {
		wake_fd = eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
		if (wake_fd < 0) {
			err = -errno;
			goto out;
		}
	}
	if (dispatch_mode == RASDIAL_DISPATCH_MANUAL) {
		if (epoll_fd < 0) {
			epoll_fd = epoll_create1(EPOLL_CLOEXEC);
			if (epoll_fd < 0) {
				err = -errno;
				goto out;
			}
			err = epoll_add(wake_fd);
			if (!err)
				err = epoll_add(rasdial_nl_event_fd(ev_sk));
			if (!err) {
				timer_fd = timerfd_create(CLOCK_MONOTONIC,
							  TFD_CLOEXEC | TFD_NONBLOCK);
				err = timer_fd < 0 ? -errno : epoll_add(timer_fd);
			}
			if (err) {
				if (timer_fd >= 0)
					close(timer_fd);
				timer_fd = -1;
				close(epoll_fd);
				epoll_fd = -1;
				goto out;
			}
		}
		started = true;
		goto out;
	}
	/* The program's signal handlers run in its own threads, not ours. */
	sigfillset(&all);
	pthread_sigmask(SIG_SETMASK, &all, &old);
	pthread_attr_init(&attr);
	pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED);
	err = -pthread_create(&thread, &attr, event_main, NULL);
	pthread_attr_destroy(&attr);
	pthread_sigmask(SIG_SETMASK, &old, NULL);
	if (!err)
		started = true;
out:
	pthread_mutex_unlock(&start_lock);
	return err;
}

static int pidfd_signal(int pidfd, int sig)
{
	return (int)syscall(SYS_pidfd_send_signal, pidfd, sig, NULL, 0);
}

/*
 * Table lock held, D in the table and not final: signals our child (pppd
 * has not bound the conn, so the kernel could only hold the hang-up) or
 * asks the kernel to.  Drops the lock.
 */
static void hangup_now(struct rasdial_dial *d, DWORD *ret)
{
	int err;

	*ret = ERROR_SUCCESS;
	if (d->final) {
		pthread_mutex_unlock(&tbl_lock);
		return;
	}
	if (!d->bound && d->pidfd >= 0) {
		pidfd_signal(d->pidfd, SIGTERM);
		pthread_mutex_unlock(&tbl_lock);
		return;
	}
	if (d->is_l2tp && !d->bound && d->adopt_deadline_ms) {
		/* xl2tpd's pppd has not come: the event thread stops
		 * xl2tpd and ends the dial (notifiers run there only). */
		d->adopt_error = ERROR_USER_DISCONNECTION;
		d->adopt_deadline_ms = 1;
		pthread_mutex_unlock(&tbl_lock);
		wake_thread();
		return;
	}
	d->refs++;
	pthread_mutex_unlock(&tbl_lock);

	if (d->is_l2tp)
		rasdial_l2tp_disconnect(&d->l2tp);
	err = rasdial_nl_hangup(d->id);
	if (err == -ENOENT)
		err = 0;	/* pppd is just gone: its exit will tell */
	*ret = rasdial_errno_to_ras(err);
	rasdial_dial_put(d);
}

/*
 * Table lock held: no notifier call for D after this returns (Windows'
 * rule, unless the dial asked for RDEOPT_RasdialNotifyLinkEnd).  A call
 * running on the event thread is waited for, unless it is this thread's
 * own: RasHangUp from inside the notifier.
 */
static void stop_notifier_locked(struct rasdial_dial *d)
{
	if (d->notify_link_end)
		return;
	d->stop_notify = true;
	free_joiners(d->joiners);
	d->joiners = NULL;
	while (d->notifying && !is_event_thread)
		pthread_cond_wait(&tbl_cond, &tbl_lock);
}

bool rasdial_dial_hangup(uint32_t id, DWORD *ret)
{
	struct rasdial_dial *d;

	*ret = ERROR_SUCCESS;
	pthread_mutex_lock(&tbl_lock);
	d = rasdial_dial_find_locked(id);
	if (!d) {
		pthread_mutex_unlock(&tbl_lock);
		return false;
	}
	d->refs++;
	stop_notifier_locked(d);
	if (d->hidden) {
		/* Hung up by another thread while we waited. */
		put_locked(d);
		pthread_mutex_unlock(&tbl_lock);
		return true;
	}
	put_locked(d);
	/* Each RasDial of the entry has its RasHangUp: the last one ends
	 * the link. */
	if (d->dial_refs > 1) {
		d->dial_refs--;
		pthread_mutex_unlock(&tbl_lock);
		return true;
	}
	if (d->final) {
		/* Failed or ended: only the handle is left to free. */
		d->hangup = true;
		d->hidden = true;
		maybe_unlink_locked(d);
		pthread_cond_broadcast(&tbl_cond);
		pthread_mutex_unlock(&tbl_lock);
		return true;
	}
	if (d->hangup) {
		pthread_mutex_unlock(&tbl_lock);
		return true;
	}
	d->hangup = true;
	if (is_event_thread) {
		/* Inside a notifier: "much of the hang-up processing occurs
		 * after the callback function has returned". */
		d->hangup_deferred = true;
		pthread_mutex_unlock(&tbl_lock);
		return true;
	}
	hangup_now(d, ret);
	return true;
}

RASDIAL_API DWORD rasdial_set_dispatch_mode(DWORD mode)
{
	DWORD ret = ERROR_SUCCESS;

	if (mode != RASDIAL_DISPATCH_THREAD && mode != RASDIAL_DISPATCH_MANUAL)
		return ERROR_INVALID_PARAMETER;
	pthread_mutex_lock(&start_lock);
	if (started && mode != dispatch_mode)
		ret = ERROR_INVALID_FUNCTION;
	else
		dispatch_mode = mode;
	pthread_mutex_unlock(&start_lock);
	return ret;
}

RASDIAL_API int rasdial_get_fd(void)
{
	int err;

	if (dispatch_mode != RASDIAL_DISPATCH_MANUAL) {
		errno = EINVAL;
		return -1;
	}
	err = rasdial_runtime_start();
	if (err) {
		errno = -err;
		return -1;
	}
	return epoll_fd;
}

RASDIAL_API DWORD rasdial_dispatch(void)
{
	int err;

	if (dispatch_mode != RASDIAL_DISPATCH_MANUAL)
		return ERROR_INVALID_FUNCTION;
	/* From inside a notifier: the pass in progress goes on after it. */
	if (is_event_thread)
		return ERROR_ASYNC_REQUEST_PENDING;
	err = rasdial_runtime_start();
	if (err)
		return rasdial_errno_to_ras(err);
	manual_pass(0);
	return ERROR_SUCCESS;
}

/* Connected or dialing (not failed, ended or hung up) from this book. */
static struct rasdial_dial *joinable_locked(const char *book,
					    const char *entry)
{
	struct rasdial_dial *d;

	for (d = tbl_head; d; d = d->next) {
		if (d->hidden || d->hangup || d->final || d->error)
			continue;
		if (!strcmp(d->entry, entry) && !strcmp(d->book, book))
			return d;
	}
	return NULL;
}

uint32_t rasdial_dial_joinable(const char *book, const char *entry)
{
	struct rasdial_dial *d;
	uint32_t id;

	pthread_mutex_lock(&tbl_lock);
	d = joinable_locked(book, entry);
	id = d ? d->id : 0;
	pthread_mutex_unlock(&tbl_lock);
	return id;
}

struct rasdial_dial *rasdial_dial_join(const char *book, const char *entry,
				       uint32_t only_id, uint32_t notifier_type,
				       void *notifier, ULONG_PTR callback_id,
				       bool *nomem)
{
	struct rasdial_joiner *j = NULL;
	struct rasdial_dial *d;
	bool wake = false;

	*nomem = false;
	if (notifier) {
		j = calloc(1, sizeof(*j));
		if (!j) {
			*nomem = true;
			return NULL;
		}
		j->notifier_type = notifier_type;
		j->notifier = notifier;
		j->callback_id = callback_id;
		j->subentry = 1;
	}
	pthread_mutex_lock(&tbl_lock);
	d = joinable_locked(book, entry);
	if (!d || (only_id && d->id != only_id)) {
		pthread_mutex_unlock(&tbl_lock);
		free(j);
		return NULL;
	}
	d->refs++;
	d->dial_refs++;
	if (j) {
		if (d->have_state && d->state == RASCS_Connected) {
			j->due = true;
			j->state = RASCS_Connected;
			wake = true;
		}
		/* Its call comes after the first dial's (the event thread's
		 * order), even when the link is up already. */
		j->next = d->joiners;
		d->joiners = j;
	}
	pthread_mutex_unlock(&tbl_lock);
	if (wake)
		wake_thread();
	return d;
}
