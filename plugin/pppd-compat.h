/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * pppd-compat.h: the one place that knows which pppd the plugin is built
 * for.  pppd 2.4.x (Debian bookworm: 2.4.9) exports globals and notifier
 * lists; 2.5 hides them behind accessors and ppp_add_notify().  A 2.5
 * build should need changes here only.
 *
 * Include this before anything else and never together with <stdbool.h>:
 * 2.4's pppd.h has its own "typedef unsigned char bool".
 */
#ifndef RASDIAL_PPPD_COMPAT_H
#define RASDIAL_PPPD_COMPAT_H

/* For eui64_t and ipv6cp.h; the IPv6 symbols themselves are looked up at
 * run time, since a pppd built without IPv6 lacks them. */
#ifndef INET6
#define INET6 1
#endif

#include <pppd/pppd.h>

/* 2.5's pppd.h brings pppdconf.h with PPPD_VERSION; 2.4 has VERSION. */
#ifdef PPPD_VERSION
#define RASDIAL_PPPD_2_5 1
#else
#define RASDIAL_PPPD_2_5 0
#endif

#if RASDIAL_PPPD_2_5
/* 2.5 split the plugin API over per-protocol headers (built and tested
 * against Debian trixie's 2.5.2: plugin/Makefile's pppd25 target). */
#include <pppd/options.h>
#include <pppd/upap.h>
#include <pppd/chap.h>
#include <pppd/eui64.h>
#endif
#include <pppd/fsm.h>
#if !RASDIAL_PPPD_2_5
#include <pppd/chap-new.h>	/* MDTYPE_* (2.5: chap.h, above) */
#endif
#include <pppd/lcp.h>
#include <pppd/ipcp.h>
#include <pppd/ipv6cp.h>

#include <dlfcn.h>
#include <signal.h>
#include <stdint.h>

#include "ras-codes.h"	/* RASDIAL_RASLCP* */

#if RASDIAL_PPPD_2_5
#define RASDIAL_PPPD_VERSION	PPPD_VERSION
#else
#define RASDIAL_PPPD_VERSION	VERSION
#endif

/* The notifiers the plugin uses, named after 2.5's ppp_notify_t. */
enum rasdial_nf {
	RASDIAL_NF_PHASE_CHANGE,
	RASDIAL_NF_EXIT,
	RASDIAL_NF_SIGNALED,
	RASDIAL_NF_IP_UP,
	RASDIAL_NF_IPV6_UP,
	RASDIAL_NF_AUTH_UP,
	RASDIAL_NF_FORK,
};

typedef void (*rasdial_notify_fn)(void *ctx, int arg);

/* Returns 0, or -1 when this pppd lacks the notifier (IPv6 off). */
static inline int rasdial_pppd_add_notify(enum rasdial_nf nf,
					  rasdial_notify_fn fn)
{
#if RASDIAL_PPPD_2_5
	static const ppp_notify_t map[] = {
		[RASDIAL_NF_PHASE_CHANGE] = NF_PHASE_CHANGE,
		[RASDIAL_NF_EXIT] = NF_EXIT,
		[RASDIAL_NF_SIGNALED] = NF_SIGNALED,
		[RASDIAL_NF_IP_UP] = NF_IP_UP,
		[RASDIAL_NF_IPV6_UP] = NF_IPV6_UP,
		[RASDIAL_NF_AUTH_UP] = NF_AUTH_UP,
		[RASDIAL_NF_FORK] = NF_FORK,
	};

	ppp_add_notify(map[nf], fn, NULL);
	return 0;
#else
	struct notifier **list;

	switch (nf) {
	case RASDIAL_NF_PHASE_CHANGE:	list = &phasechange; break;
	case RASDIAL_NF_EXIT:		list = &exitnotify; break;
	case RASDIAL_NF_SIGNALED:	list = &sigreceived; break;
	case RASDIAL_NF_IP_UP:		list = &ip_up_notifier; break;
	case RASDIAL_NF_AUTH_UP:	list = &auth_up_notifier; break;
	case RASDIAL_NF_FORK:		list = &fork_notifier; break;
	case RASDIAL_NF_IPV6_UP:
		/* Only a pppd built with INET6 has it (as NetworkManager does). */
		list = dlsym(RTLD_DEFAULT, "ipv6_up_notifier");
		break;
	default:
		list = NULL;
	}
	if (!list)
		return -1;
	add_notifier(list, fn, NULL);
	return 0;
#endif
}

static inline void rasdial_pppd_add_options(option_t *opts)
{
#if RASDIAL_PPPD_2_5
	ppp_add_options(opts);
#else
	add_options(opts);
#endif
}

#if RASDIAL_PPPD_2_5
#define rasdial_pppd_option_error	ppp_option_error
#else
#define rasdial_pppd_option_error	option_error
#endif

/*
 * Whether the option being parsed comes from root or a privileged file
 * (/etc/ppp/options, peers files): 2.4 declares it, 2.5 only exports it
 * (a bool there).  Unknown counts as unprivileged.
 */
static inline int rasdial_pppd_privileged_option(void)
{
#if RASDIAL_PPPD_2_5
	const bool *priv = dlsym(RTLD_DEFAULT, "privileged_option");

	return priv && *priv;
#else
	return privileged_option;
#endif
}

/* pppd's exit status as it stands now (preset per phase, see design.md). */
static inline int rasdial_pppd_status(void)
{
#if RASDIAL_PPPD_2_5
	return (int)ppp_status();
#else
	return status;
#endif
}

static inline const char *rasdial_pppd_ifname(void)
{
#if RASDIAL_PPPD_2_5
	return ppp_ifname();
#else
	return ifname;
#endif
}

static inline const char *rasdial_pppd_ipparam(void)
{
#if RASDIAL_PPPD_2_5
	return ppp_ipparam();
#else
	return ipparam;
#endif
}

static inline const char *rasdial_pppd_devnam(void)
{
#if RASDIAL_PPPD_2_5
	return ppp_devnam();
#else
	return devnam;
#endif
}

#if RASDIAL_PPPD_2_5
/*
 * 2.5 dropped the extern declarations of pppd's globals, but pppd (built
 * with -rdynamic for its plugins) still exports linkname, baud_rate,
 * persist, maxfail and unsuccess (2.5.2).  Look them up, and fall back to
 * "unknown" when a later pppd no longer has them.
 */
static inline const void *rasdial_pppd_private(const char *name)
{
	return dlsym(RTLD_DEFAULT, name);
}
#endif

/* The "linkname" option; 2.5 has no public getter (see above). */
static inline const char *rasdial_pppd_linkname(void)
{
#if RASDIAL_PPPD_2_5
	return rasdial_pppd_private("linkname");
#else
	return linkname;
#endif
}

/* Line speed in bit/s, 0 when unknown; 2.5 has no public getter. */
static inline int rasdial_pppd_baud(void)
{
#if RASDIAL_PPPD_2_5
	const int *baud = rasdial_pppd_private("baud_rate");

	return baud ? *baud : 0;
#else
	return baud_rate;
#endif
}

/*
 * Whether pppd will dial again after the link just died: main()'s loop
 * test in 2.4.9 and 2.5 (SIGTERM clears persist).  2.5 declares no
 * maxfail: without the symbol a last attempt looks like a redial and the
 * exit notifier sends the final event instead.
 */
static inline int rasdial_pppd_will_redial(void)
{
#if RASDIAL_PPPD_2_5
	const int *max = rasdial_pppd_private("maxfail");
	const int *fails = rasdial_pppd_private("unsuccess");

	if (!ppp_persist())
		return 0;
	return !(max && fails && *max > 0 && *fails >= *max);
#else
	return persist && !(maxfail > 0 && unsuccess >= maxfail);
#endif
}

/* Local and peer IPv4 addresses (network order) once IPCP is up. */
static inline void rasdial_pppd_ipcp_addrs(uint32_t *local, uint32_t *remote)
{
	*local = ipcp_gotoptions[0].ouraddr;
	*remote = ipcp_hisoptions[0].hisaddr;
}

/*
 * What LCP agreed, once it is open (same lcp.h fields in 2.4.9 and 2.5).
 * lcp_hisoptions is what the peer asked of us: the authentication we do
 * toward it, with CHAP's digest kept as one MDTYPE_* bit; the PFC/ACFC
 * flags of lcp_gotoptions are ours the peer acked, of lcp_hisoptions the
 * peer's we acked.  Values are RASLCPAP_*, RASLCPAD_*, RASLCPO_* (ras.h).
 */
static inline void rasdial_pppd_lcp_info(uint32_t *auth_proto,
					 uint32_t *auth_data,
					 uint32_t *ours, uint32_t *peers)
{
	const lcp_options *go = &lcp_gotoptions[0];
	const lcp_options *ho = &lcp_hisoptions[0];

	*auth_proto = 0;
	*auth_data = 0;
	if (ho->neg_eap) {
		*auth_proto = RASDIAL_RASLCPAP_EAP;
	} else if (ho->neg_chap) {
		*auth_proto = RASDIAL_RASLCPAP_CHAP;
		if (ho->chap_mdtype & MDTYPE_MD5)
			*auth_data = RASDIAL_RASLCPAD_CHAP_MD5;
		else if (ho->chap_mdtype & MDTYPE_MICROSOFT_V2)
			*auth_data = RASDIAL_RASLCPAD_CHAP_MSV2;
		else if (ho->chap_mdtype & MDTYPE_MICROSOFT)
			*auth_data = RASDIAL_RASLCPAD_CHAP_MS;
	} else if (ho->neg_upap) {
		*auth_proto = RASDIAL_RASLCPAP_PAP;
	}
	*ours = (go->neg_pcompression ? RASDIAL_RASLCPO_PFC : 0) |
		(go->neg_accompression ? RASDIAL_RASLCPO_ACFC : 0);
	*peers = (ho->neg_pcompression ? RASDIAL_RASLCPO_PFC : 0) |
		 (ho->neg_accompression ? RASDIAL_RASLCPO_ACFC : 0);
}

/* Local and peer IPv6 interface ids once IPv6CP is up; -1 without IPv6. */
static inline int rasdial_pppd_ipv6cp_ids(eui64_t *local, eui64_t *remote)
{
	const ipv6cp_options *got = dlsym(RTLD_DEFAULT, "ipv6cp_gotoptions");
	const ipv6cp_options *his = dlsym(RTLD_DEFAULT, "ipv6cp_hisoptions");

	if (!got || !his)
		return -1;
	*local = got[0].ourid;
	*remote = his[0].hisid;
	return 0;
}

/*
 * Whether IPCP (IPV6 0) or IPv6CP (1) is still negotiating: enabled and
 * neither open nor given up (fsm.h states).  A pppd without IPv6 has none.
 */
static inline int rasdial_pppd_ncp_negotiating(int ipv6)
{
	const struct protent *p = &ipcp_protent;
	const fsm *f = ipcp_fsm;

	if (ipv6) {
		p = dlsym(RTLD_DEFAULT, "ipv6cp_protent");
		f = dlsym(RTLD_DEFAULT, "ipv6cp_fsm");
		if (!p || !f)
			return 0;
	}
	return p->enabled_flag && f[0].state > STOPPED && f[0].state != OPENED;
}

/* Calls FN(ARG) from pppd's main loop in SECS seconds. */
static inline void rasdial_pppd_timeout(void (*fn)(void *), void *arg, int secs)
{
#if RASDIAL_PPPD_2_5
	ppp_timeout(fn, arg, secs, 0);
#else
	timeout(fn, arg, secs, 0);
#endif
}

static inline void rasdial_pppd_untimeout(void (*fn)(void *), void *arg)
{
#if RASDIAL_PPPD_2_5
	ppp_untimeout(fn, arg);
#else
	untimeout(fn, arg);
#endif
}

/*
 * Password hooks for authenticating us to the peer, and the "is there a
 * secret" checks (same names in 2.4 and 2.5, declared in other headers).
 */
#define rasdial_pppd_pap_passwd_hook	pap_passwd_hook
#define rasdial_pppd_chap_passwd_hook	chap_passwd_hook
#define rasdial_pppd_pap_check_hook	pap_check_hook
#define rasdial_pppd_chap_check_hook	chap_check_hook

#endif /* RASDIAL_PPPD_COMPAT_H */
