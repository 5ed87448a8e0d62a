// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * pppd-status.c: rasdial_get_pppd_exit_status(), the Linux extension that
 * gives pppd's own exit status for a connection.  dwExtendedError stays 0
 * (the seed defines it for four codes only), so this is where a program
 * finds the pppd status behind a RAS error (pppd(8) "EXIT STATUS").
 */
#include <errno.h>

#include "internal.h"

RASDIAL_API DWORD APIENTRY rasdial_get_pppd_exit_status(HRASCONN hrasconn,
							LPDWORD lpdwStatus)
{
	uint32_t id = rasdial_handle_id(hrasconn);
	struct rasdial_conn_info ci;
	struct rasdial_dial *d;
	DWORD ret = PENDING;
	int err;

	if (!id)
		return ERROR_INVALID_HANDLE;
	if (!lpdwStatus)
		return ERROR_INVALID_PARAMETER;

	/* Our own dial: the status we reaped, exact even without a plugin. */
	rasdial_table_lock();
	d = rasdial_dial_find_locked(id);
	if (d && d->exited) {
		*lpdwStatus = d->exit_status;
		ret = ERROR_SUCCESS;
	}
	rasdial_table_unlock();
	if (d)
		return ret;

	/* Another process's link: what its plugin reported when it died. */
	err = rasdial_nl_get(id, &ci);
	if (err == -ENOENT || err == -EPROTONOSUPPORT)
		return ERROR_INVALID_HANDLE;
	if (err)
		return rasdial_errno_to_ras(err);
	if (!ci.has_exit_status)
		return PENDING;
	*lpdwStatus = ci.exit_status;
	return ERROR_SUCCESS;
}
