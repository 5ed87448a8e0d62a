// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * projection.c: RasGetProjectionInfoA, from the kernel's record of what
 * pppd negotiated (IPCP addresses, IPv6CP interface identifiers, LCP
 * authentication and options), so it
 * answers in any process of the network namespace.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <stddef.h>
#include <string.h>

#include "internal.h"
#include "layouts.h"

DWORD rasdial_handle_info(HRASCONN h, struct rasdial_conn_info *ci,
			  bool *ended)
{
	uint32_t id = rasdial_handle_id(h);
	struct rasdial_dial *d;
	int err;

	*ended = false;
	if (!id)
		return ERROR_INVALID_HANDLE;
	err = rasdial_nl_get(id, ci);
	if (!err)
		return ERROR_SUCCESS;
	if (err != -ENOENT && err != -EPROTONOSUPPORT)
		return rasdial_errno_to_ras(err);

	/* A dial of ours whose pppd is gone keeps its handle until
	 * RasHangUp, as on Windows. */
	memset(ci, 0, sizeof(*ci));
	rasdial_table_lock();
	d = rasdial_dial_find_locked(id);
	if (d) {
		ci->id = id;
		ci->has_state = true;
		ci->state = d->have_state ? d->state : RASCS_OpenPort;
		ci->error = d->error;
		ci->flags = d->final ? RASDIAL_F_FINAL : 0;
		rasdial_strlcpy(ci->entry, d->entry, sizeof(ci->entry));
	}
	rasdial_table_unlock();
	if (!d)
		return ERROR_INVALID_HANDLE;
	*ended = true;
	return ERROR_SUCCESS;
}

/* IPCP, IPv6CP and LCP have finished: the states from Projected on. */
static bool projected(const struct rasdial_conn_info *ci)
{
	if (ci->flags & RASDIAL_F_FINAL)
		return false;
	return ci->state == RASCS_Connected ||
	       (ci->state >= RASCS_Projected && ci->state < RASCS_PAUSED);
}

/* The layouts each WINVER has; each is a prefix of the newest (last). */
#define RASDIAL_PPPIP_NT35	RASDIAL_END(RASPPPIPA, szIpAddress)
static const size_t ip_sizes[] = {
	RASDIAL_PPPIP_NT35,				/* WINNT35COMPATIBLE */
	RASDIAL_END(RASPPPIPA, szServerIpAddress),	/* < 0x500 */
	sizeof(RASPPPIPA),				/* 0x500 */
};
static const size_t ipv6_sizes[] = { sizeof(RASPPPIPV6) };
static const size_t lcp_sizes[] = {
	RASDIAL_END(RASPPPLCPA, fBundled),		/* < 0x500 */
	sizeof(RASPPPLCPA),				/* 0x500 */
};

static void fill_ip(RASPPPIPA *ip, const struct rasdial_conn_info *ci)
{
	inet_ntop(AF_INET, ci->local_addr, ip->szIpAddress,
		  sizeof(ip->szIpAddress));
	if (ci->has_remote_addr)
		inet_ntop(AF_INET, ci->remote_addr, ip->szServerIpAddress,
			  sizeof(ip->szServerIpAddress));
	/* dwOptions: pppd does not tell whether VJ compression was agreed. */
}

static void fill_ipv6(RASPPPIPV6 *ip6, const struct rasdial_conn_info *ci)
{
	memcpy(ip6->bLocalInterfaceIdentifier, ci->local_ifid6,
	       sizeof(ip6->bLocalInterfaceIdentifier));
	if (ci->has_remote_ifid6)
		memcpy(ip6->bPeerInterfaceIdentifier, ci->remote_ifid6,
		       sizeof(ip6->bPeerInterfaceIdentifier));
}

/*
 * The plugin reports the authentication we did toward the peer (the
 * "local" side on Windows) and both sides' LCP options; the peer is not
 * authenticated by a dial-out client, so the server side stays 0.
 */
static void fill_lcp(RASPPPLCPA *lcp, const struct rasdial_conn_info *ci)
{
	lcp->dwAuthenticationProtocol = ci->auth_proto;
	lcp->dwAuthenticationData = ci->auth_proto == RASLCPAP_CHAP ?
				    ci->auth_data : 0;
	lcp->dwOptions = ci->lcp_options;
	lcp->dwServerOptions = ci->peer_lcp_options;
}

DWORD rasdial_projection_size(const size_t *sizes, size_t n_sizes,
			       const void *buf, LPDWORD lpcb, DWORD *size)
{
	if (*lpcb < sizeof(DWORD)) {
		*lpcb = (DWORD)sizes[n_sizes - 1];
		return ERROR_BUFFER_TOO_SMALL;
	}
	memcpy(size, buf, sizeof(*size));
	if (!rasdial_size_in(sizes, n_sizes, *size))
		return ERROR_INVALID_SIZE;
	if (*lpcb < *size) {
		*lpcb = *size;
		return ERROR_BUFFER_TOO_SMALL;
	}
	return ERROR_SUCCESS;
}

RASDIAL_API DWORD APIENTRY RasGetProjectionInfoA(HRASCONN hrasconn,
						 RASPROJECTION rasprojection,
						 LPVOID lpprojection,
						 LPDWORD lpcb)
{
	union {
		RASPPPIPA ip;
		RASPPPIPV6 ip6;
		RASPPPLCPA lcp;
	} full;
	struct rasdial_conn_info ci;
	const size_t *sizes = NULL;
	size_t n_sizes = 0;
	bool ended;
	DWORD size = 0, ret;

	if (!rasdial_handle_id(hrasconn))
		return ERROR_INVALID_HANDLE;
	if (!lpprojection || !lpcb)
		return ERROR_INVALID_PARAMETER;

	switch ((unsigned int)rasprojection) {
	case RASP_PppIp:
		sizes = ip_sizes;
		n_sizes = RASDIAL_ARRAY_SIZE(ip_sizes);
		break;
	case RASP_PppIpv6:
		sizes = ipv6_sizes;
		n_sizes = RASDIAL_ARRAY_SIZE(ipv6_sizes);
		break;
	case RASP_PppLcp:
		sizes = lcp_sizes;
		n_sizes = RASDIAL_ARRAY_SIZE(lcp_sizes);
		break;
	case RASP_PppNbf:
	case RASP_PppIpx:
	case RASP_PppCcp:
	case RASP_Amb:
	case 0x20000:	/* RASP_Slip, WINVER < 0x600 */
		break;
	default:
		return ERROR_INVALID_PARAMETER;
	}

	if (sizes) {
		ret = rasdial_projection_size(sizes, n_sizes, lpprojection,
					      lpcb, &size);
		if (ret)
			return ret;
	}

	ret = rasdial_handle_info(hrasconn, &ci, &ended);
	if (ret)
		return ret;
	if (ended || !projected(&ci))
		return ERROR_PROJECTION_NOT_COMPLETE;

	memset(&full, 0, sizeof(full));
	switch ((unsigned int)rasprojection) {
	case RASP_PppIp:
		if (!ci.has_local_addr)
			return ERROR_PROTOCOL_NOT_CONFIGURED;
		fill_ip(&full.ip, &ci);
		break;
	case RASP_PppIpv6:
		if (!ci.has_local_ifid6)
			return ERROR_PROTOCOL_NOT_CONFIGURED;
		fill_ipv6(&full.ip6, &ci);
		break;
	case RASP_PppLcp:
		/* LCP is open once any NCP is: no error, one link. */
		fill_lcp(&full.lcp, &ci);
		break;
	default:
		return ERROR_PROTOCOL_NOT_CONFIGURED;
	}
	/* Every layout is a prefix of the newest: dwSize, then dwError (0)
	 * or fBundled (FALSE). */
	memcpy(lpprojection, &full, size);
	memcpy(lpprojection, &size, sizeof(size));
	*lpcb = size;
	return ERROR_SUCCESS;
}
