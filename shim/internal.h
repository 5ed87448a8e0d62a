/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * internal.h: what librasdial's files share; nothing here is exported.
 */
#ifndef RASDIAL_INTERNAL_H
#define RASDIAL_INTERNAL_H

#include <stdbool.h>
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>
#include <limits.h>
#include <sys/types.h>

/* The library reads and writes every layout, so it is built with the
 * newest one (layouts.h) and knows the error codes of every WINVER. */
#undef WINVER
#define WINVER 0x0A00
#define RASDIAL_ALL_ERROR_CODES
#include <rasdial/rasdial.h>

#include "nl.h"

#define RASDIAL_ARRAY_SIZE(a)	(sizeof(a) / sizeof((a)[0]))

/* Where the distro keeps pppd's peers ("the phone book"). */
#define RASDIAL_PEERS_DIR	"/etc/ppp/peers"

/*
 * An entry that xl2tpd dials (L2TP LAC): read from the peers file by
 * l2tp.c, read-only once the dial is published.
 */
#define RASDIAL_L2TP_CONTROL		"/var/run/xl2tpd/l2tp-control"
#define RASDIAL_L2TP_TIMEOUT_S		30
#define RASDIAL_L2TP_MAX_TIMEOUT_S	600
struct rasdial_l2tp {
	char lac[64];			/* xl2tpd's [lac NAME] */
	char control[108];		/* xl2tpd's control FIFO */
	int timeout_s;			/* until its pppd adopts the dial */
};

/*
 * The notifier of a RasDial that found its entry already connected or
 * dialing: called once, with Connected or the dial's error.
 */
struct rasdial_joiner {
	struct rasdial_joiner *next;
	uint32_t notifier_type;
	void *notifier;
	ULONG_PTR callback_id;
	DWORD subentry;
	bool due;			/* the outcome is known: call it */
	uint32_t state, error, ext_error;
};

/*
 * One dial made by this process.  The handle (HRASCONN) is the kernel's
 * conn id.  A record lives in the table from RasDial until RasHangUp (a
 * failed or ended dial keeps its handle, as on Windows), and after that
 * until its final event is seen and its pppd is reaped.
 */
struct rasdial_dial {
	struct rasdial_dial *next;
	unsigned int refs;		/* table + each user; table lock */
	uint32_t id;

	/* Set before the record is published, then read-only. */
	bool notify_link_end;		/* RDEOPT_RasdialNotifyLinkEnd */
	char *book;			/* lpszPhonebook as given, "" for NULL */
	uint32_t notifier_type;		/* 0, 1, 2 */
	void *notifier;			/* NULL: synchronous RasDial */
	ULONG_PTR callback_id;		/* RasDialFunc2's first argument */
	DWORD subentry;
	char entry[RAS_MaxEntryName + 1];
	char phone[RAS_MaxPhoneNumber + 1];

	/* Under the table lock. */
	pid_t pid;			/* our pppd child, 0 when none */
	int pidfd;			/* -1 once reaped (or none) */
	bool hidden;			/* no longer a handle: RasHangUp'd */
	bool hangup;			/* RasHangUp asked for it */
	bool stop_notify;		/* no more notifier calls */
	bool notify_over;		/* Connected or an error was notified:
					 * Windows makes no later calls */
	bool notifying;			/* a notifier call is running */
	unsigned int dial_refs;		/* RasDials to RasHangUp (same entry) */
	struct rasdial_joiner *joiners;	/* later RasDials' notifiers */
	bool final;			/* the dial or link is over */
	bool bound;			/* pppd's plugin has reported */
	bool connected_once;
	bool device_missing;		/* the entry names a /dev/ path that is not there */
	bool hangup_deferred;		/* asked inside a notifier: do it
					 * once the notifier returns */
	bool have_state;
	bool spawn_pending;		/* queued for the spawner (dial.c):
					 * no pppd yet, none to signal */
	uint32_t async_error;		/* the spawner failed: the event
					 * thread ends the dial with it */
	bool exited;			/* our pppd child has been reaped */
	uint32_t exit_status;		/* its exit code, 128 + signal */
	bool in_epoll;			/* pidfd is in the manual-mode set */
	uint32_t state, error, ext_error;
	uint32_t fwd_phase;		/* last phase the link moved on to */
	uint32_t last_seq;
	bool notified_any;
	uint32_t notified_state;
	char device_name[RAS_MaxDeviceName + 1];
	char device_type[RAS_MaxDeviceType + 1];

	/* L2TP: no child of ours; xl2tpd's pppd adopts the conn. */
	bool is_l2tp;			/* set before publishing */
	struct rasdial_l2tp l2tp;	/* set before publishing */
	int64_t adopt_deadline_ms;	/* CLOCK_MONOTONIC; 0: none */
	uint32_t adopt_error;		/* delivered at the deadline */
};

/* events.c: the handle table and the event thread.  The observer is
 * called (on the event thread) with every conn message.
 */
int rasdial_runtime_start(void);
/* A child fork()ed after the library started: it must not dial. */
bool rasdial_runtime_forked(void);
struct rasdial_conn_info;
typedef void (*rasdial_conn_observer)(const struct rasdial_conn_info *ci);
void rasdial_events_set_observer(rasdial_conn_observer fn);
bool rasdial_in_notifier(void);
/* RASDIAL_DISPATCH_MANUAL: the program runs the loop; no thread of ours. */
bool rasdial_dispatch_is_manual(void);
void rasdial_table_lock(void);
void rasdial_table_unlock(void);
/* A new record for a dial from BOOK (NULL: ""); NULL without memory. */
struct rasdial_dial *rasdial_dial_alloc(const char *book);
/* Publishes D (table takes a reference) and wakes the event thread. */
void rasdial_dial_publish(struct rasdial_dial *d);
/* Table lock held: the visible record for ID, or NULL. */
struct rasdial_dial *rasdial_dial_find_locked(uint32_t id);
void rasdial_dial_hold_locked(struct rasdial_dial *d);
void rasdial_dial_put(struct rasdial_dial *d);
/* Synchronous RasDial: waits for Connected (0) or the error. */
DWORD rasdial_dial_wait(struct rasdial_dial *d);
/* Gives the event thread D's pppd to watch. */
void rasdial_dial_set_child(struct rasdial_dial *d, pid_t pid, int pidfd);
/* Marks D failed with ERROR before any event (spawn failed). */
void rasdial_dial_fail(struct rasdial_dial *d, DWORD error);
/*
 * The spawner's side of an asynchronous RasDial (dial.c).  spawn_begin:
 * false when RasHangUp came first (then start no pppd).  fail_async: the
 * event thread ends D with ERROR, a final notifier call with dwError.
 */
bool rasdial_dial_spawn_begin(struct rasdial_dial *d);
void rasdial_dial_fail_async(struct rasdial_dial *d, DWORD error);
/* RasHangUp of one of our records; false when ID is not ours. */
bool rasdial_dial_hangup(uint32_t id, DWORD *ret);
/*
 * RasDial of ENTRY in BOOK ("" for NULL) that this process has connected
 * or dialing: rasdial_dial_joinable() gives its conn id (0: none), so the
 * caller can ask the kernel whether it still exists; rasdial_dial_join()
 * then counts one more RasDial on it (if it is still ONLY_ID), and gives
 * NOTIFIER (if any) its outcome.  Returns the record held
 * (rasdial_dial_put), or NULL when there is none; *NOMEM when the
 * notifier could not be recorded.
 */
uint32_t rasdial_dial_joinable(const char *book, const char *entry);
struct rasdial_dial *rasdial_dial_join(const char *book, const char *entry,
				       uint32_t only_id, uint32_t notifier_type,
				       void *notifier, ULONG_PTR callback_id,
				       bool *nomem);

/*
 * l2tp.c: entries dialed through xl2tpd.  rasdial_l2tp_entry() reads the
 * peers file PATH, open as F (NULL: unreadable, which only pppd may
 * read): ERROR_SUCCESS with *IS_L2TP false when it is an
 * ordinary pppd entry, true with L filled when it names an xl2tpd LAC
 * ("rasdial-l2tp-lac NAME"), ERROR_CORRUPT_PHONEBOOK for a bad setting.
 * rasdial_l2tp_connect() asks xl2tpd to dial ("c LAC [USER PASSWORD]") and
 * returns xl2tpd's answer as a RAS error; rasdial_l2tp_disconnect() sends
 * "d LAC", best effort.
 */
DWORD rasdial_l2tp_entry(FILE *f, const char *path, struct rasdial_l2tp *l,
			 bool *is_l2tp);
DWORD rasdial_l2tp_connect(const struct rasdial_l2tp *l, const char *user,
			   const char *password);
void rasdial_l2tp_disconnect(const struct rasdial_l2tp *l);
int64_t rasdial_monotonic_ms(void);

/* projection.c */
/* A handle is a kernel conn id: 1 .. UINT32_MAX (0: not a handle). */
static inline uint32_t rasdial_handle_id(HRASCONN h)
{
	uintptr_t v = (uintptr_t)h;

	return v > UINT32_MAX ? 0 : (uint32_t)v;
}

/*
 * The kernel's view of handle H, from any process.  ERROR_SUCCESS with CI
 * filled (*ENDED false), or, for a dial of ours that the kernel has
 * forgotten (failed or ended, not yet RasHangUp'd), ERROR_SUCCESS with
 * CI's state and error from our table and *ENDED true.  Else
 * ERROR_INVALID_HANDLE or another RAS error.
 */
DWORD rasdial_handle_info(HRASCONN h, struct rasdial_conn_info *ci,
			  bool *ended);

/*
 * RasGetProjectionInfo's buffer protocol for a structure whose layouts
 * are SIZES (the newest last): *SIZE gets BUF's dwSize when it is one of
 * them and *LPCB holds it; else ERROR_BUFFER_TOO_SMALL (*LPCB set to the
 * size needed) or ERROR_INVALID_SIZE.  The A and W functions share it.
 */
DWORD rasdial_projection_size(const size_t *sizes, size_t n_sizes,
			      const void *buf, LPDWORD lpcb, DWORD *size);

/*
 * pppd_options.c: what pppd's options files say, read again only when
 * one of the files read for the answer has changed.
 * rasdial_system_options_load_plugin(): whether /etc/ppp/options (and
 * the files it names) loads rasdial.so.  rasdial_peers_entry_read(): the
 * peers file PATH's rasdial-l2tp- settings (rasdial_l2tp_entry()'s
 * answer and errors) and whether it loads rasdial.so.
 */
struct rasdial_peers_entry {
	struct rasdial_l2tp l2tp;
	bool is_l2tp;
	bool loads_plugin;
};

bool rasdial_system_options_load_plugin(void);
DWORD rasdial_peers_entry_read(const char *path,
			       struct rasdial_peers_entry *facts);

/* dial.c */
const char *rasdial_pppd_path(void);
const char *rasdial_plugin_path(void);

/*
 * phonebook.c: the peers file of ENTRY in PHONEBOOK (NULL: /etc/ppp/peers, or
 * another peers directory) into PATH; *USE_CALL when pppd's "call" reads
 * it.  ERROR_CANNOT_FIND_PHONEBOOK_ENTRY, ERROR_CANNOT_OPEN_PHONEBOOK.
 */
DWORD rasdial_find_entry(const char *phonebook, const char *entry,
			 char *path, size_t size, bool *use_call);

/*
 * credentials.c: RasDial's use of the saved credentials of P's entry: an
 * empty szPassword (or RasGetCredentials' password handle) becomes the
 * saved one, an empty szUserName/szDomain too; then szUserName becomes
 * DOMAIN\user when szDomain is set.  A RAS error when the store cannot
 * be read or the name does not fit.
 */
DWORD rasdial_creds_for_dial(const char *phonebook, RASDIALPARAMSA *p);

/* errors.c */
const char *rasdial_error_text(uint32_t code);

/*
 * Room for one more element in a growing array: *VP (any element type,
 * SIZE bytes each) holds N of *CAP; doubled when full, FIRST to start
 * with.  0, -E2BIG when N has reached MAX, or -ENOMEM.
 */
static inline int rasdial_array_grow(void *vp, size_t n, size_t *cap,
				     size_t size, size_t first, size_t max)
{
	size_t ncap = *cap ? *cap * 2 : first;
	void *v;

	if (n < *cap)
		return 0;
	if (n >= max)
		return -E2BIG;
	memcpy(&v, vp, sizeof(v));
	v = realloc(v, ncap * size);
	if (!v)
		return -ENOMEM;
	memcpy(vp, &v, sizeof(v));
	*cap = ncap;
	return 0;
}

#endif /* RASDIAL_INTERNAL_H */
