// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * dials.c: the table of this process's dials (the handles RasDial gives
 * out): their life, RasHangUp's part, and a second RasDial of a dial in
 * progress joining it.  The event thread that drives them is events.c.
 *
 * Lock order: see events.c.
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


pthread_mutex_t rasdial_tbl_lock = PTHREAD_MUTEX_INITIALIZER;
pthread_cond_t rasdial_tbl_cond = PTHREAD_COND_INITIALIZER;
struct rasdial_dial *rasdial_tbl_head;
int rasdial_wake_fd = -1;
__thread bool rasdial_is_event_thread;

bool rasdial_in_notifier(void)
{
	return rasdial_is_event_thread;
}

void rasdial_table_lock(void)
{
	pthread_mutex_lock(&rasdial_tbl_lock);
}

void rasdial_table_unlock(void)
{
	pthread_mutex_unlock(&rasdial_tbl_lock);
}

struct rasdial_dial *rasdial_dial_alloc(const char *book)
{
	struct rasdial_dial *d = calloc(1, sizeof(*d));

	if (!d)
		return NULL;
	/* Sized to the name: a PATH_MAX array was 4 KiB of every dial. */
	d->book = strdup(book ? book : "");
	if (!d->book) {
		free(d);
		return NULL;
	}
	d->refs = 1;
	d->dial_refs = 1;
	d->pidfd = -1;
	d->subentry = 1;
	d->fwd_phase = RASDIAL_PPP_PHASE_INITIALIZE;
	return d;
}

void rasdial_wake_thread(void)
{
	uint64_t one = 1;

	if (rasdial_wake_fd >= 0 && write(rasdial_wake_fd, &one, sizeof(one)) < 0) {
		/* Counter full: the thread is awake anyway. */
	}
}

void rasdial_dial_publish(struct rasdial_dial *d)
{
	bool wake;

	pthread_mutex_lock(&rasdial_tbl_lock);
	d->refs++;
	d->next = rasdial_tbl_head;
	rasdial_tbl_head = d;
	wake = d->pidfd >= 0 || d->adopt_deadline_ms;
	pthread_mutex_unlock(&rasdial_tbl_lock);
	/* The event thread has nothing to do for a dial without a pppd or
	 * a deadline yet (rasdial_dial_set_child wakes it): woken for
	 * nothing, it would take the CPU from RasDial's caller. */
	if (wake)
		rasdial_wake_thread();
}

struct rasdial_dial *rasdial_dial_find_any_locked(uint32_t id)
{
	struct rasdial_dial *d;

	for (d = rasdial_tbl_head; d; d = d->next)
		if (d->id == id)
			return d;
	return NULL;
}

struct rasdial_dial *rasdial_dial_find_locked(uint32_t id)
{
	struct rasdial_dial *d;

	for (d = rasdial_tbl_head; d; d = d->next)
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

void rasdial_dial_put_locked(struct rasdial_dial *d)
{
	if (--d->refs == 0) {
		if (d->pidfd >= 0)
			close(d->pidfd);
		free_joiners(d->joiners);
		free(d->book);
		free(d);
	}
}

void rasdial_dial_put(struct rasdial_dial *d)
{
	pthread_mutex_lock(&rasdial_tbl_lock);
	rasdial_dial_put_locked(d);
	pthread_mutex_unlock(&rasdial_tbl_lock);
}

/* Drops a record nobody can name any more once its pppd is reaped. */
void rasdial_dial_unlink_locked(struct rasdial_dial *d)
{
	struct rasdial_dial **pp;

	if (!d->hidden || !d->final || d->pidfd >= 0)
		return;
	for (pp = &rasdial_tbl_head; *pp; pp = &(*pp)->next) {
		if (*pp == d) {
			*pp = d->next;
			rasdial_dial_put_locked(d);
			return;
		}
	}
}

bool rasdial_dial_over_locked(const struct rasdial_dial *d)
{
	return d->final || d->error ||
	       (d->have_state && d->state == RASCS_Connected);
}

static int pidfd_signal(int pidfd, int sig);

bool rasdial_dial_spawn_begin(struct rasdial_dial *d)
{
	bool go;

	pthread_mutex_lock(&rasdial_tbl_lock);
	go = !d->hangup;
	if (!go)
		d->spawn_pending = false;
	pthread_mutex_unlock(&rasdial_tbl_lock);
	return go;
}

void rasdial_dial_set_child(struct rasdial_dial *d, pid_t pid, int pidfd)
{
	pthread_mutex_lock(&rasdial_tbl_lock);
	d->pid = pid;
	d->pidfd = pidfd;
	d->spawn_pending = false;
	/* RasHangUp while the spawner was starting it: it left the
	 * signal to us (hangup_now), whether or not pppd has reported
	 * meanwhile; nobody else sends it. */
	if (d->hangup && !d->final)
		pidfd_signal(pidfd, SIGTERM);
	pthread_mutex_unlock(&rasdial_tbl_lock);
	rasdial_wake_thread();
}

void rasdial_dial_fail(struct rasdial_dial *d, DWORD error)
{
	pthread_mutex_lock(&rasdial_tbl_lock);
	if (!d->have_state) {
		d->have_state = true;
		d->state = RASCS_OpenPort;
	}
	d->error = error;
	d->final = true;
	rasdial_dial_unlink_locked(d);
	pthread_cond_broadcast(&rasdial_tbl_cond);
	pthread_mutex_unlock(&rasdial_tbl_lock);
}

static void hangup_now(struct rasdial_dial *d, DWORD *ret);

/* RasHangUps made inside a notifier, done once it has returned. */
void rasdial_run_deferred_hangups(void)
{
	struct rasdial_dial *d;
	DWORD ret;

	for (;;) {
		pthread_mutex_lock(&rasdial_tbl_lock);
		for (d = rasdial_tbl_head; d; d = d->next)
			if (d->hangup_deferred)
				break;
		if (!d) {
			pthread_mutex_unlock(&rasdial_tbl_lock);
			return;
		}
		d->hangup_deferred = false;
		hangup_now(d, &ret);	/* drops the lock */
	}
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
		pthread_mutex_unlock(&rasdial_tbl_lock);
		return;
	}
	if (!d->bound && d->pidfd >= 0) {
		pidfd_signal(d->pidfd, SIGTERM);
		pthread_mutex_unlock(&rasdial_tbl_lock);
		return;
	}
	if (d->spawn_pending) {
		/* The spawner sees d->hangup: it starts no pppd, or
		 * signals the one it has just started. */
		pthread_mutex_unlock(&rasdial_tbl_lock);
		return;
	}
	if (d->is_l2tp && !d->bound && d->adopt_deadline_ms) {
		/* xl2tpd's pppd has not come: the event thread stops
		 * xl2tpd and ends the dial (notifiers run there only). */
		d->adopt_error = ERROR_USER_DISCONNECTION;
		d->adopt_deadline_ms = 1;
		pthread_mutex_unlock(&rasdial_tbl_lock);
		rasdial_wake_thread();
		return;
	}
	d->refs++;
	pthread_mutex_unlock(&rasdial_tbl_lock);

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
	while (d->notifying && !rasdial_is_event_thread)
		pthread_cond_wait(&rasdial_tbl_cond, &rasdial_tbl_lock);
}

bool rasdial_dial_hangup(uint32_t id, DWORD *ret)
{
	struct rasdial_dial *d;

	*ret = ERROR_SUCCESS;
	pthread_mutex_lock(&rasdial_tbl_lock);
	d = rasdial_dial_find_locked(id);
	if (!d) {
		pthread_mutex_unlock(&rasdial_tbl_lock);
		return false;
	}
	d->refs++;
	stop_notifier_locked(d);
	if (d->hidden) {
		/* Hung up by another thread while we waited. */
		rasdial_dial_put_locked(d);
		pthread_mutex_unlock(&rasdial_tbl_lock);
		return true;
	}
	rasdial_dial_put_locked(d);
	/* Each RasDial of the entry has its RasHangUp: the last one ends
	 * the link. */
	if (d->dial_refs > 1) {
		d->dial_refs--;
		pthread_mutex_unlock(&rasdial_tbl_lock);
		return true;
	}
	if (d->final) {
		/* Failed or ended: only the handle is left to free. */
		d->hangup = true;
		d->hidden = true;
		rasdial_dial_unlink_locked(d);
		pthread_cond_broadcast(&rasdial_tbl_cond);
		pthread_mutex_unlock(&rasdial_tbl_lock);
		return true;
	}
	if (d->hangup) {
		pthread_mutex_unlock(&rasdial_tbl_lock);
		return true;
	}
	d->hangup = true;
	if (rasdial_is_event_thread) {
		/* Inside a notifier: "much of the hang-up processing occurs
		 * after the callback function has returned". */
		d->hangup_deferred = true;
		pthread_mutex_unlock(&rasdial_tbl_lock);
		return true;
	}
	hangup_now(d, ret);
	return true;
}

/* Connected or dialing (not failed, ended or hung up) from this book. */
static struct rasdial_dial *joinable_locked(const char *book,
					    const char *entry)
{
	struct rasdial_dial *d;

	for (d = rasdial_tbl_head; d; d = d->next) {
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

	pthread_mutex_lock(&rasdial_tbl_lock);
	d = joinable_locked(book, entry);
	id = d ? d->id : 0;
	pthread_mutex_unlock(&rasdial_tbl_lock);
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
	pthread_mutex_lock(&rasdial_tbl_lock);
	d = joinable_locked(book, entry);
	if (!d || (only_id && d->id != only_id)) {
		pthread_mutex_unlock(&rasdial_tbl_lock);
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
	pthread_mutex_unlock(&rasdial_tbl_lock);
	if (wake)
		rasdial_wake_thread();
	return d;
}
