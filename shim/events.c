// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * events.c: the event thread that turns kernel events and pppd exits
 * into RasDialFunc/1/2 calls, for the dials of the table in dials.c.
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
#include "events.h"
#include "pppd-map.h"

static pthread_mutex_t start_lock = PTHREAD_MUTEX_INITIALIZER;
static bool started;
static bool ev_open;

/* RASDIAL_DISPATCH_MANUAL: no thread; the program polls epoll_fd and calls
 * rasdial_dispatch(), which runs one pass of the loop under loop_lock. */
static DWORD dispatch_mode = RASDIAL_DISPATCH_THREAD;
static int epoll_fd = -1;
/* Manual mode: in the epoll set, due at the next L2TP adoption deadline. */
static int timer_fd = -1;
static pthread_mutex_t loop_lock = PTHREAD_MUTEX_INITIALIZER;

static void manual_pass(int timeout_ms);

DWORD rasdial_dial_wait(struct rasdial_dial *d)
{
	DWORD ret;

	/* Manual mode: nobody else runs the loop while we wait here. */
	while (dispatch_mode == RASDIAL_DISPATCH_MANUAL) {
		bool over;

		pthread_mutex_lock(&rasdial_tbl_lock);
		over = rasdial_dial_over_locked(d);
		pthread_mutex_unlock(&rasdial_tbl_lock);
		if (over)
			break;
		manual_pass(200);
	}
	pthread_mutex_lock(&rasdial_tbl_lock);
	while (!rasdial_dial_over_locked(d))
		pthread_cond_wait(&rasdial_tbl_cond, &rasdial_tbl_lock);
	if (d->error)
		ret = d->error;
	else if (d->have_state && d->state == RASCS_Connected)
		ret = ERROR_SUCCESS;
	else
		ret = ERROR_PORT_DISCONNECTED;
	pthread_mutex_unlock(&rasdial_tbl_lock);
	return ret;
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
	pthread_mutex_lock(&rasdial_tbl_lock);
	d->notifying = false;
	if (!more)
		d->stop_notify = true;
	pthread_cond_broadcast(&rasdial_tbl_cond);
	pthread_mutex_unlock(&rasdial_tbl_lock);
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

		pthread_mutex_lock(&rasdial_tbl_lock);
		for (d = rasdial_tbl_head; d && !j; d = d->next) {
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
			pthread_mutex_unlock(&rasdial_tbl_lock);
			return;
		}
		d->refs++;
		notify_begin_locked(d);
		pthread_mutex_unlock(&rasdial_tbl_lock);

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

	pthread_mutex_lock(&rasdial_tbl_lock);
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
		pthread_cond_broadcast(&rasdial_tbl_cond);
	}
	pthread_mutex_unlock(&rasdial_tbl_lock);

	for (i = 0; i < n; i++) {
		pthread_mutex_lock(&rasdial_tbl_lock);
		go = notify_begin_locked(d);
		pthread_mutex_unlock(&rasdial_tbl_lock);
		if (!go)
			break;
		notify_end(d, notify(d, &calls[i]));
	}
	run_joiners();
	/* The callback has returned: hang-ups it asked for happen now, then
	 * pppd may go on. */
	rasdial_run_deferred_hangups();
	if (u->want_ack)
		rasdial_nl_ack(d->id, u->seq);

	pthread_mutex_lock(&rasdial_tbl_lock);
	if (u->final)
		d->stop_notify = true;
	rasdial_dial_unlink_locked(d);
	pthread_mutex_unlock(&rasdial_tbl_lock);
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

	pthread_mutex_lock(&rasdial_tbl_lock);
	d = rasdial_dial_find_any_locked(ci->id);
	if (!d || !ci->has_state) {
		/* Not ours: other processes' links are none of our business
		 * (and never ACK them: that would cut their callbacks short). */
		pthread_mutex_unlock(&rasdial_tbl_lock);
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
	pthread_mutex_unlock(&rasdial_tbl_lock);

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
		pthread_mutex_lock(&rasdial_tbl_lock);
		for (d = rasdial_tbl_head; d; d = d->next) {
			if (!d->adopt_deadline_ms || d->final || d->bound)
				continue;
			if (d->adopt_deadline_ms <= now)
				break;
			if (next < 0 || d->adopt_deadline_ms - now < next)
				next = d->adopt_deadline_ms - now;
		}
		if (!d) {
			pthread_mutex_unlock(&rasdial_tbl_lock);
			return next > INT32_MAX ? INT32_MAX : (int)next;
		}
		d->adopt_deadline_ms = 0;
		d->refs++;
		u.state = d->have_state ? d->state : RASCS_OpenPort;
		u.error = d->adopt_error;
		pthread_mutex_unlock(&rasdial_tbl_lock);

		rasdial_l2tp_disconnect(&d->l2tp);
		/* Unbound: the owner's HANGUP frees it (and a bound one's
		 * pppd gets SIGTERM, should it have come just now). */
		rasdial_nl_hangup(d->id);
		deliver(d, &u);
		rasdial_dial_put(d);
	}
}

void rasdial_dial_fail_async(struct rasdial_dial *d, DWORD error)
{
	pthread_mutex_lock(&rasdial_tbl_lock);
	d->async_error = error;
	pthread_mutex_unlock(&rasdial_tbl_lock);
	rasdial_wake_thread();
}

/* Dials whose pppd could not be started (the spawner, dial.c): each
 * ends here, on the thread that runs notifiers. */
static void deliver_async_errors(void)
{
	struct rasdial_dial *d;

	for (;;) {
		struct update u = { .final = true };

		pthread_mutex_lock(&rasdial_tbl_lock);
		for (d = rasdial_tbl_head; d; d = d->next)
			if (d->async_error)
				break;
		if (!d) {
			pthread_mutex_unlock(&rasdial_tbl_lock);
			return;
		}
		u.state = d->have_state ? d->state : RASCS_OpenPort;
		u.error = d->async_error;
		d->async_error = 0;
		d->refs++;
		pthread_mutex_unlock(&rasdial_tbl_lock);
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
	bool synth, unbound, vanished = false;
	int rc;

	memset(&si, 0, sizeof(si));
	rc = waitid(P_PIDFD, (id_t)d->pidfd, &si, WEXITED | WNOHANG);
	if (rc < 0 && errno == EINVAL)
		rc = waitid(P_PID, (id_t)d->pid, &si, WEXITED | WNOHANG);
	if (rc == 0 && si.si_pid == 0)
		return;		/* not yet: a spurious wakeup */

	pthread_mutex_lock(&rasdial_tbl_lock);
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
		} else {
			/* Killed, or someone else reaped it (SIGCHLD
			 * ignored, ...). */
			u.error = RASDIAL_ERROR_PPPD_VANISHED;
			vanished = true;
		}
		if (d->hangup && u.error == RASDIAL_ERROR_PPPD_VANISHED)
			u.error = ERROR_USER_DISCONNECTION;
		/* Vanished: Disconnected, as the kernel tells it (the two
		 * race: pppd's zombie may be reaped before the kernel's
		 * event comes). */
		if (d->connected_once || vanished)
			u.state = RASCS_Disconnected;
	}
	unbound = !d->bound;
	d->refs++;
	rasdial_dial_unlink_locked(d);
	pthread_mutex_unlock(&rasdial_tbl_lock);

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

	pthread_mutex_lock(&rasdial_tbl_lock);
	for (d = rasdial_tbl_head; d; d = d->next) {
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
	pthread_mutex_unlock(&rasdial_tbl_lock);

	for (i = 0; i < n; i++) {
		struct rasdial_conn_info ci;
		bool fresh;

		if (rasdial_nl_get(ids[i], &ci) < 0)
			continue;	/* gone: its pppd's exit will tell */
		pthread_mutex_lock(&rasdial_tbl_lock);
		d = rasdial_dial_find_any_locked(ids[i]);
		fresh = d && ci.seq != d->last_seq;
		pthread_mutex_unlock(&rasdial_tbl_lock);
		if (fresh)
			on_event(&ci);
	}
	free(ids);
}

static void drain_events(void)
{
	if (rasdial_nl_event_drain() == -ENOBUFS)
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
	pthread_mutex_lock(&rasdial_tbl_lock);
	for (d = rasdial_tbl_head; d; d = d->next) {
		struct epoll_event ev = { .events = EPOLLIN };

		if (d->pidfd < 0 || d->in_epoll)
			continue;
		if (epoll_ctl(epoll_fd, EPOLL_CTL_ADD, d->pidfd, &ev) == 0 ||
		    errno == EEXIST)
			d->in_epoll = true;
	}
	pthread_mutex_unlock(&rasdial_tbl_lock);
}

/* One pass of the event loop: waits up to TIMEOUT_MS (-1: for ever) for
 * a wakeup, an event or a pppd exit, and handles what is there. */
static void loop_once(int timeout_ms)
{
	const size_t cap = POLL_MAX;
	struct rasdial_dial *d;
	int adopt_ms;
	size_t n, i;

	pthread_mutex_lock(&rasdial_tbl_lock);
	pfds[0] = (struct pollfd){ .fd = rasdial_wake_fd, .events = POLLIN };
	pfds[1] = (struct pollfd){ .fd = rasdial_nl_event_fd(),
				   .events = POLLIN };
	n = 2;
	for (d = rasdial_tbl_head; d && n < cap; d = d->next) {
		if (d->pidfd < 0)
			continue;
		d->refs++;
		dials[n] = d;
		pfds[n++] = (struct pollfd){ .fd = d->pidfd,
					     .events = POLLIN };
	}
	pthread_mutex_unlock(&rasdial_tbl_lock);

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

		if (read(rasdial_wake_fd, &v, sizeof(v)) < 0) {
			/* EAGAIN: someone else's wakeup was read */
		}
	}
	if (pfds[1].revents)
		drain_events();
	deliver_async_errors();
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
	rasdial_is_event_thread = true;
	for (;;)
		loop_once(-1);
	return NULL;
}

/* Manual mode: one pass on the calling thread, which is then "the event
 * thread" (notifiers run on it; RasDial inside them is refused). */
static void manual_pass(int timeout_ms)
{
	pthread_mutex_lock(&loop_lock);
	rasdial_is_event_thread = true;
	loop_once(timeout_ms);
	sync_epoll();
	rasdial_is_event_thread = false;
	pthread_mutex_unlock(&loop_lock);
}

static int epoll_add(int fd)
{
	struct epoll_event ev = { .events = EPOLLIN };

	return epoll_ctl(epoll_fd, EPOLL_CTL_ADD, fd, &ev) < 0 ? -errno : 0;
}

/*
 * fork(): the child has none of the library's threads and shares its
 * sockets with the parent, so once the library has started, a dial or a
 * notification in the child would wait for events no thread of its own
 * reads (or for a lock a thread of the parent held).  It is refused
 * instead (ERROR_RASMAN_CANNOT_INITIALIZE); a child that execs starts
 * afresh.  glibc drops the handler when the library is dlclose()d.
 */
static bool forked_after_start;

static void runtime_forked(void)
{
	forked_after_start = started;	/* the child runs alone here */
}

static void __attribute__((constructor)) runtime_watch_fork(void)
{
	pthread_atfork(NULL, NULL, runtime_forked);
}

bool rasdial_runtime_forked(void)
{
	return forked_after_start;
}

int rasdial_runtime_start(void)
{
	sigset_t all, old;
	pthread_attr_t attr;
	pthread_t thread;
	int err = 0;

	/* ECONNREFUSED: ERROR_RASMAN_CANNOT_INITIALIZE (rasdial_errno_to_ras) */
	if (forked_after_start) {
		rasdial_detail_set("this process was forked after librasdial started: only a process that execs anew may use it");
		return -ECONNREFUSED;
	}
	pthread_mutex_lock(&start_lock);
	if (started)
		goto out;
	err = rasdial_nl_init();
	if (err)
		goto out;
	if (!ev_open) {
		err = rasdial_nl_event_open(on_event);
		if (err)
			goto out;
		ev_open = true;
	}
	if (rasdial_wake_fd < 0) {
		rasdial_wake_fd = eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
		if (rasdial_wake_fd < 0) {
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
			err = epoll_add(rasdial_wake_fd);
			if (!err)
				err = epoll_add(rasdial_nl_event_fd());
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

bool rasdial_dispatch_is_manual(void)
{
	bool manual;

	pthread_mutex_lock(&start_lock);
	manual = dispatch_mode == RASDIAL_DISPATCH_MANUAL;
	pthread_mutex_unlock(&start_lock);
	return manual;
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
	if (rasdial_is_event_thread)
		return ERROR_ASYNC_REQUEST_PENDING;
	err = rasdial_runtime_start();
	if (err)
		return rasdial_errno_to_ras(err);
	manual_pass(0);
	return ERROR_SUCCESS;
}
