// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * stats.c: RasGetConnectionStatistics and RasGetLinkStatistics: the ppp
 * interface's counters (rtnetlink, libnl-route), the line speed and the
 * connected time that the kernel registry keeps for the link.  The
 * mapping of Linux counters to RAS_STATS fields is documented in
 * <rasdial/rasdial.h>.
 */
#include <errno.h>
#include <string.h>
#include <netlink/netlink.h>
#include <netlink/route/link.h>

#include "internal.h"

/* Windows' counters are DWORDs: they wrap, ours are cut the same way. */
static DWORD lo32(uint64_t v)
{
	return (DWORD)(v & 0xffffffffu);
}

/* Counters of IFINDEX if it is still the link named IFNAME. */
static void link_counters(const struct rasdial_conn_info *ci, RAS_STATS *s)
{
	struct rtnl_link *link = NULL;
	struct nl_sock *sk;
	uint64_t rx_err, known;
	const char *name;

	sk = nl_socket_alloc();
	if (!sk)
		return;
	if (nl_connect(sk, NETLINK_ROUTE) < 0 ||
	    rtnl_link_get_kernel(sk, (int)ci->ifindex, NULL, &link) < 0)
		goto out;
	/* The ifindex of a link that is gone may name another one now. */
	name = rtnl_link_get_name(link);
	if (ci->ifname[0] && (!name || strcmp(name, ci->ifname)))
		goto out;

#define STAT(id) rtnl_link_get_stat(link, RTNL_LINK_##id)
	s->dwBytesXmited = lo32(STAT(TX_BYTES));
	s->dwBytesRcved = lo32(STAT(RX_BYTES));
	s->dwFramesXmited = lo32(STAT(TX_PACKETS));
	s->dwFramesRcved = lo32(STAT(RX_PACKETS));
	s->dwCrcErr = lo32(STAT(RX_CRC_ERR));
	s->dwTimeoutErr = lo32(STAT(TX_ABORT_ERR) + STAT(TX_HBEAT_ERR) +
			       STAT(TX_WIN_ERR));
	s->dwAlignmentErr = lo32(STAT(RX_LEN_ERR));
	s->dwHardwareOverrunErr = lo32(STAT(RX_OVER_ERR));
	s->dwBufferOverrunErr = lo32(STAT(RX_FIFO_ERR) + STAT(RX_MISSED_ERR));
	/* ppp_generic counts bad frames in rx_errors only: framing errors. */
	rx_err = STAT(RX_ERRORS);
	known = STAT(RX_CRC_ERR) + STAT(RX_LEN_ERR) + STAT(RX_OVER_ERR) +
		STAT(RX_FIFO_ERR) + STAT(RX_MISSED_ERR) + STAT(RX_FRAME_ERR);
	s->dwFramingErr = lo32(STAT(RX_FRAME_ERR) +
			       (rx_err > known ? rx_err - known : 0));
#undef STAT
out:
	rtnl_link_put(link);
	nl_socket_free(sk);
}

static DWORD get_stats(HRASCONN h, RAS_STATS *s)
{
	struct rasdial_conn_info ci;
	bool ended;
	DWORD ret;

	if (!rasdial_handle_id(h))
		return ERROR_INVALID_HANDLE;
	if (!s)
		return ERROR_INVALID_PARAMETER;
	if (s->dwSize != sizeof(RAS_STATS))
		return ERROR_INVALID_SIZE;
	ret = rasdial_handle_info(h, &ci, &ended);
	if (ret)
		return ret;

	memset(s, 0, sizeof(*s));
	s->dwSize = sizeof(*s);
	if (ended)
		return ERROR_SUCCESS;
	if (ci.has_ifindex && ci.ifindex)
		link_counters(&ci, s);
	s->dwBps = ci.baud;
	/* Milliseconds, wrapping after 49.7 days like Windows' DWORD. */
	if (ci.has_connected_ms)
		s->dwConnectDuration = lo32(ci.connected_ms);
	return ERROR_SUCCESS;
}

RASDIAL_API DWORD APIENTRY RasGetConnectionStatistics(HRASCONN hRasConn,
						      RAS_STATS *lpStatistics)
{
	return get_stats(hRasConn, lpStatistics);
}

RASDIAL_API DWORD APIENTRY RasGetLinkStatistics(HRASCONN hRasConn,
						DWORD dwSubEntry,
						RAS_STATS *lpStatistics)
{
	/* One link per connection: no multilink bundles. */
	if (rasdial_handle_id(hRasConn) && dwSubEntry != 1)
		return ERROR_INVALID_PARAMETER;
	return get_stats(hRasConn, lpStatistics);
}
