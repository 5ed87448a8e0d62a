// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * notify.c: RasConnectionNotificationA and the eventfd-backed events it
 * sets.  The event thread (or rasdial_dispatch) sees every conn message of
 * the namespace, so links of other processes, and pppds started by hand
 * that registered themselves, are watched as well as our own.
 */
#include <errno.h>
#include <pthread.h>
#include <stdlib.h>
#include <sys/eventfd.h>
#include <unistd.h>

#include "internal.h"

#define RASCN_ALL (RASCN_Connection | RASCN_Disconnection | \
		   RASCN_BandwidthAdded | RASCN_BandwidthRemoved | \
		   RASCN_Dormant | RASCN_ReConnection | RASCN_EPDGPacketArrival)

struct rasdial_event {
	struct rasdial_event *next;
	int fd;
};

/* One RasConnectionNotification registration. */
struct watch {
	struct watch *next;
	struct rasdial_event *ev;
	uint32_t id;		/* 0: every link */
	DWORD flags;
};

/* Both lists under one lock; handles are checked against the list, so a
 * stale or forged HANDLE is refused instead of dereferenced. */
static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static struct rasdial_event *events;
static struct watch *watches;

static bool event_known_locked(const struct rasdial_event *ev)
{
	const struct rasdial_event *e;

	for (e = events; e; e = e->next)
		if (e == ev)
			return true;
	return false;
}

RASDIAL_API HANDLE rasdial_event_create(void)
{
	struct rasdial_event *ev = calloc(1, sizeof(*ev));

	if (!ev)
		return NULL;
	ev->fd = eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
	if (ev->fd < 0) {
		int err = errno;

		free(ev);
		errno = err;
		return NULL;
	}
	pthread_mutex_lock(&lock);
	ev->next = events;
	events = ev;
	pthread_mutex_unlock(&lock);
	return ev;
}

RASDIAL_API int rasdial_event_fd(HANDLE hEvent)
{
	int fd = -1;

	pthread_mutex_lock(&lock);
	if (hEvent && event_known_locked(hEvent))
		fd = ((struct rasdial_event *)hEvent)->fd;
	pthread_mutex_unlock(&lock);
	if (fd < 0)
		errno = EBADF;
	return fd;
}

RASDIAL_API void rasdial_event_close(HANDLE hEvent)
{
	struct rasdial_event **pe, *ev = NULL;
	struct watch **pw;

	pthread_mutex_lock(&lock);
	for (pe = &events; *pe; pe = &(*pe)->next) {
		if (*pe == hEvent) {
			ev = *pe;
			*pe = ev->next;
			break;
		}
	}
	if (ev) {
		for (pw = &watches; *pw;) {
			struct watch *w = *pw;

			if (w->ev == ev) {
				*pw = w->next;
				free(w);
			} else {
				pw = &w->next;
			}
		}
	}
	pthread_mutex_unlock(&lock);
	if (ev) {
		close(ev->fd);
		free(ev);
	}
}

/* SetEvent: the counter stays non-zero until the program reads it. */
static void set_event(const struct rasdial_event *ev)
{
	uint64_t one = 1;

	if (write(ev->fd, &one, sizeof(one)) < 0) {
		/* EAGAIN: the counter is full, so the event is set anyway. */
	}
}

/* The events.c observer: every conn message, ours or not. */
static void notify_conn_event(const struct rasdial_conn_info *ci)
{
	bool final = ci->flags & RASDIAL_F_FINAL;
	bool up = ci->has_state && ci->state == RASCS_Connected &&
		  !ci->error && !final;
	/*
	 * persist/demand: a connected link dropped and pppd dials again in
	 * the same session (same handle).  Windows ends a dropped link's
	 * connection (and a redial makes a new one): RASCN_Disconnection
	 * now, RASCN_Connection again when the redial connects.  The
	 * per-handle watches stay, the handle does too.
	 */
	bool dropped = !final && ci->has_state &&
		       ci->state == RASCS_Disconnected;
	struct watch **pw;

	if (!up && !final && !dropped)
		return;
	pthread_mutex_lock(&lock);
	for (pw = &watches; *pw;) {
		struct watch *w = *pw;
		bool fire;

		if (w->id && w->id != ci->id) {
			pw = &w->next;
			continue;
		}
		if (up)
			fire = w->flags & RASCN_Connection;
		else if (w->id)
			fire = w->flags & RASCN_Disconnection;
		else	/* every link: only the ends of links that were up */
			fire = (w->flags & RASCN_Disconnection) &&
			       ci->has_connected_ms;
		if (fire)
			set_event(w->ev);
		if (final && w->id) {
			/* Its link is gone; the id may name another later. */
			*pw = w->next;
			free(w);
			continue;
		}
		pw = &w->next;
	}
	pthread_mutex_unlock(&lock);
}

RASDIAL_API DWORD APIENTRY RasConnectionNotificationA(HRASCONN hrasconn,
						      HANDLE hEvent,
						      DWORD dwFlags)
{
	struct rasdial_conn_info ci;
	struct watch *w;
	uint32_t id = 0;
	bool ended;
	DWORD ret;
	int err;

	if (!dwFlags || (dwFlags & ~(DWORD)RASCN_ALL))
		return ERROR_INVALID_PARAMETER;
	pthread_mutex_lock(&lock);
	ret = hEvent && event_known_locked(hEvent) ? ERROR_SUCCESS
						   : ERROR_INVALID_HANDLE;
	pthread_mutex_unlock(&lock);
	if (ret)
		return ret;
	if ((HANDLE)hrasconn != INVALID_HANDLE_VALUE) {
		id = rasdial_handle_id(hrasconn);
		ret = rasdial_handle_info(hrasconn, &ci, &ended);
		if (ret)
			return ret;
		/* A dial of ours that is already over will not change. */
		if (ended)
			return ERROR_INVALID_HANDLE;
	}
	/* Events reach us through the event thread (or dispatch). */
	rasdial_events_set_observer(notify_conn_event);
	err = rasdial_runtime_start();
	if (err)
		return rasdial_errno_to_ras(err);

	pthread_mutex_lock(&lock);
	if (!event_known_locked(hEvent)) {
		/* Closed meanwhile by another thread. */
		pthread_mutex_unlock(&lock);
		return ERROR_INVALID_HANDLE;
	}
	for (w = watches; w; w = w->next) {
		if (w->ev == hEvent && w->id == id) {
			w->flags |= dwFlags;
			pthread_mutex_unlock(&lock);
			return ERROR_SUCCESS;
		}
	}
	w = calloc(1, sizeof(*w));
	if (w) {
		w->ev = hEvent;
		w->id = id;
		w->flags = dwFlags;
		w->next = watches;
		watches = w;
	}
	pthread_mutex_unlock(&lock);
	return w ? ERROR_SUCCESS : ERROR_NOT_ENOUGH_MEMORY;
}
