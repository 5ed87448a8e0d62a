// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * conn.c: RasHangUpA, RasGetConnectStatusA, RasEnumConnectionsA.
 *
 * Our own dials answer from the table (so a handle of a failed dial stays
 * valid until RasHangUp, and a notifier can ask without any round trip);
 * other processes' links come from the kernel registry.
 */
#include <errno.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "internal.h"
#include "layouts.h"

/* A handle is a kernel conn id: 1 .. UINT32_MAX. */
static uint32_t handle_id(HRASCONN h)
{
	uintptr_t v = (uintptr_t)h;

	return v > UINT32_MAX ? 0 : (uint32_t)v;
}

RASDIAL_API DWORD APIENTRY RasHangUpA(HRASCONN hrasconn)
{
	uint32_t id = handle_id(hrasconn);
	DWORD ret;
	int err;

	if (!id)
		return ERROR_INVALID_HANDLE;
	if (rasdial_dial_hangup(id, &ret))
		return ret;
	/* Another process's link (same owner uid, or we are root). */
	err = rasdial_nl_hangup(id);
	if (err == -ENOENT || err == -EPROTONOSUPPORT)
		return ERROR_INVALID_HANDLE;
	return rasdial_errno_to_ras(err);
}

static void status_out(LPRASCONNSTATUSA out, const RASCONNSTATUSA *full)
{
	DWORD size = out->dwSize;

	if (size == sizeof(struct rasdial_connstatus_nt35)) {
		struct rasdial_connstatus_nt35 *o = (void *)out;

		o->rasconnstate = full->rasconnstate;
		o->dwError = full->dwError;
		memcpy(o->szDeviceType, full->szDeviceType,
		       sizeof(o->szDeviceType));
		rasdial_strlcpy(o->szDeviceName, full->szDeviceName,
				sizeof(o->szDeviceName));
		return;
	}
	memcpy(out, full, size);
	out->dwSize = size;
}

RASDIAL_API DWORD APIENTRY RasGetConnectStatusA(HRASCONN hrasconn,
						LPRASCONNSTATUSA lpRasConnStatus)
{
	static const size_t sizes[] = RASDIAL_CONNSTATUS_SIZES;
	uint32_t id = handle_id(hrasconn);
	struct rasdial_conn_info ci;
	struct rasdial_dial *d;
	RASCONNSTATUSA full;
	int err;

	if (!id)
		return ERROR_INVALID_HANDLE;
	if (!lpRasConnStatus)
		return ERROR_INVALID_PARAMETER;
	if (!rasdial_size_in(sizes, RASDIAL_ARRAY_SIZE(sizes),
			     lpRasConnStatus->dwSize))
		return ERROR_INVALID_SIZE;

	memset(&full, 0, sizeof(full));
	rasdial_table_lock();
	d = rasdial_dial_find_locked(id);
	if (d) {
		full.rasconnstate = d->have_state ? (RASCONNSTATE)d->state
						  : RASCS_OpenPort;
		full.dwError = d->error;
		memcpy(full.szDeviceType, d->device_type,
		       sizeof(full.szDeviceType));
		memcpy(full.szDeviceName, d->device_name,
		       sizeof(full.szDeviceName));
		memcpy(full.szPhoneNumber, d->phone, sizeof(full.szPhoneNumber));
	}
	rasdial_table_unlock();
	if (!d) {
		err = rasdial_nl_get(id, &ci);
		if (err == -ENOENT || err == -EPROTONOSUPPORT)
			return ERROR_INVALID_HANDLE;
		if (err)
			return rasdial_errno_to_ras(err);
		full.rasconnstate = (RASCONNSTATE)ci.state;
		full.dwError = ci.error;
		rasdial_strlcpy(full.szDeviceType, ci.device_type,
				sizeof(full.szDeviceType));
		rasdial_strlcpy(full.szDeviceName, ci.device_name,
				sizeof(full.szDeviceName));
	}
	full.rasconnsubstate = RASCSS_None;
	status_out(lpRasConnStatus, &full);
	return ERROR_SUCCESS;
}

/*
 * One conn of RasEnumConnections' copy of the registry: its RASCONNA, made
 * once when the copy is (a call then copies it out), and what choosing it
 * takes.  RASCF_OwnerMatch is left to the call: it depends on the caller.
 */
struct enum_rec {
	RASCONNA conn;
	uint32_t id, flags, pid, owner_uid;
	bool has_pid, has_owner_uid;
};

struct enum_list {
	struct enum_rec *v;
	size_t n, cap;
	int err;
};

/* Which kernel conns are "active connections" for RasEnumConnections. */
static bool enum_wanted(const struct enum_rec *r)
{
	struct rasdial_dial *d;
	bool ours_live;

	/* A dial that failed or a link that ended, its pppd still exiting. */
	if (r->flags & RASDIAL_F_FINAL)
		return false;
	if (r->has_pid && r->pid)
		return true;
	/* No pppd bound yet: only a dial of ours that is still going (a
	 * conn whose pppd never came up is no connection). */
	rasdial_table_lock();
	d = rasdial_dial_find_locked(r->id);
	ours_live = d && !d->final;
	rasdial_table_unlock();
	return ours_live;
}

/* Runs under the command socket's lock: no table lock taken here. */
static int enum_add(const struct rasdial_conn_info *ci, void *arg)
{
	struct enum_list *l = arg;
	struct enum_rec *r;

	if (l->n == l->cap) {
		size_t cap = l->cap ? l->cap * 2 : 8;
		struct enum_rec *v = realloc(l->v, cap * sizeof(*v));

		if (!v) {
			l->err = -ENOMEM;
			return 0;
		}
		l->v = v;
		l->cap = cap;
	}
	r = &l->v[l->n++];
	memset(r, 0, sizeof(*r));
	r->id = ci->id;
	r->flags = ci->flags;
	r->pid = ci->pid;
	r->has_pid = ci->has_pid;
	r->owner_uid = ci->owner_uid;
	r->has_owner_uid = ci->has_owner_uid;
	r->conn.hrasconn = (HRASCONN)(uintptr_t)ci->id;
	rasdial_strlcpy(r->conn.szEntryName, ci->entry,
			sizeof(r->conn.szEntryName));
	rasdial_strlcpy(r->conn.szDeviceType, ci->device_type,
			sizeof(r->conn.szDeviceType));
	rasdial_strlcpy(r->conn.szDeviceName, ci->device_name,
			sizeof(r->conn.szDeviceName));
	rasdial_strlcpy(r->conn.szPhonebook, RASDIAL_PEERS_DIR,
			sizeof(r->conn.szPhonebook));
	r->conn.dwSubEntry = 1;
	r->conn.dwFlags = RASCF_OwnerKnown;
	return 0;
}

/* EUID: geteuid() once per listing, not a syscall per conn. */
static void conn_out(char *at, DWORD size, const struct enum_rec *r,
		     uint32_t euid)
{
	RASCONNA *o = (RASCONNA *)at;

	if (size == sizeof(struct rasdial_conn_nt35)) {
		struct rasdial_conn_nt35 *nt35 = (void *)at;

		memset(at, 0, size);
		nt35->hrasconn = r->conn.hrasconn;
		rasdial_strlcpy(nt35->szEntryName, r->conn.szEntryName,
				sizeof(nt35->szEntryName));
	} else {
		/* Every later layout is a prefix of RASCONNA. */
		memcpy(at, &r->conn, size);
		if (size >= RASDIAL_END(RASCONNA, dwFlags) &&
		    r->has_owner_uid && r->owner_uid == euid)
			o->dwFlags |= RASCF_OwnerMatch;
	}
	o->dwSize = size;
}

/*
 * RasEnumConnections' copy of the registry.  Programs poll it (Windows
 * dialers every second or so); the kernel's generation says whether the
 * copy is still current, so such a call costs one small round trip instead
 * of a dump of every conn.  Held under enum_lock while it is read.
 */
static pthread_mutex_t enum_lock = PTHREAD_MUTEX_INITIALIZER;
static struct enum_list enum_copy;
static uint32_t enum_gen;	/* 0: enum_copy is no copy */

static int enum_refresh_locked(void)
{
	struct enum_list l = { 0 };
	struct enum_rec *v;
	uint32_t gen = enum_gen;
	int err;

	err = rasdial_nl_dump(&gen, enum_add, &l);
	if (err == 1)
		return 0;
	if (!err)
		err = l.err;
	if (err) {
		free(l.v);
		return err;
	}
	/* Kept for as long as the process lives: no slack. */
	if (l.n && l.n < l.cap) {
		v = realloc(l.v, l.n * sizeof(*v));
		if (v) {
			l.v = v;
			l.cap = l.n;
		}
	}
	free(enum_copy.v);
	enum_copy = l;
	enum_gen = gen;
	return 0;
}

RASDIAL_API DWORD APIENTRY RasEnumConnectionsA(LPRASCONNA lprasconn,
					       LPDWORD lpcb,
					       LPDWORD lpcConnections)
{
	static const size_t sizes[] = RASDIAL_CONN_SIZES;
	const struct enum_rec **wanted = NULL;
	DWORD size = sizeof(RASCONNA), ret;
	size_t i, n = 0, need;
	uint32_t euid;
	int err;

	if (!lpcb || !lpcConnections)
		return ERROR_INVALID_PARAMETER;
	if (lprasconn) {
		size = lprasconn->dwSize;
		if (!rasdial_size_in(sizes, RASDIAL_ARRAY_SIZE(sizes), size))
			return ERROR_INVALID_SIZE;
	}

	pthread_mutex_lock(&enum_lock);
	err = enum_refresh_locked();
	if (err) {
		ret = rasdial_errno_to_ras(err);
		goto out_unlock;
	}
	/* Chosen once: our dials' state may change between two passes. */
	if (enum_copy.n) {
		wanted = malloc(enum_copy.n * sizeof(*wanted));
		if (!wanted) {
			ret = ERROR_NOT_ENOUGH_MEMORY;
			goto out_unlock;
		}
	}
	for (i = 0; i < enum_copy.n; i++)
		if (enum_wanted(&enum_copy.v[i]))
			wanted[n++] = &enum_copy.v[i];
	need = n * size;
	if (need > UINT32_MAX) {
		ret = ERROR_NOT_ENOUGH_MEMORY;
		goto out_unlock;
	}
	/* No buffer: "how big?", whatever *lpcb says (Wine's test). */
	if (need > *lpcb || (!lprasconn && need)) {
		*lpcb = (DWORD)need;
		*lpcConnections = (DWORD)n;
		ret = ERROR_BUFFER_TOO_SMALL;
		goto out_unlock;
	}
	*lpcb = (DWORD)need;
	*lpcConnections = (DWORD)n;
	euid = (uint32_t)geteuid();
	for (i = 0; i < n; i++)
		conn_out((char *)lprasconn + i * size, size, wanted[i], euid);
	ret = ERROR_SUCCESS;
out_unlock:
	pthread_mutex_unlock(&enum_lock);
	free(wanted);
	return ret;
}
