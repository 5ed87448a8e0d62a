/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * nl.h: librasdial's generic netlink side (libnl): one command socket
 * shared under a mutex, one event socket subscribed to our events, and the one
 * place where libnl and kernel errors become RAS errors.
 */
#ifndef RASDIAL_NL_H
#define RASDIAL_NL_H

#include <stdbool.h>
#include <stdint.h>
#include <linux/rasdial.h>

struct nl_sock;

/* One conn message (multicast EVENT or GET reply), decoded. */
struct rasdial_conn_info {
	uint32_t id;
	uint32_t seq;
	uint32_t state;
	uint32_t error;
	uint32_t ext_error;
	uint32_t phase;
	uint32_t flags;
	uint32_t owner_uid;
	uint32_t pid;
	uint32_t exit_status;
	uint32_t ifindex;
	uint32_t baud;
	/* LCP projection (RasGetProjectionInfo RASP_PppLcp); 0 when unknown */
	uint32_t auth_proto;		/* PPP protocol, RASLCPAP_* */
	uint32_t auth_data;		/* RASLCPAD_* with CHAP */
	uint32_t lcp_options;		/* ours, RASLCPO_* */
	uint32_t peer_lcp_options;	/* the peer's, RASLCPO_* */
	bool has_state, has_phase, has_pid, has_exit_status, has_owner_uid;
	bool has_ifindex, has_baud;
	bool has_lcp;			/* the four LCP projection fields */
	/* IPCP / IPv6CP results (RasGetProjectionInfo) */
	bool has_local_addr, has_remote_addr;
	bool has_local_ifid6, has_remote_ifid6;
	uint8_t local_addr[4], remote_addr[4];	/* network order */
	uint8_t local_ifid6[8], remote_ifid6[8];
	/* RASDIAL_A_CONNECTED_MS: the link has been Connected this long */
	bool has_connected_ms;
	uint64_t connected_ms;
	char entry[RASDIAL_ENTRY_MAX + 1];
	char ifname[16];
	char device_name[RASDIAL_DEVICE_NAME_MAX + 1];
	char device_type[RASDIAL_DEVICE_TYPE_MAX + 1];
};

/*
 * All functions return 0 or a negative errno: the kernel's answer, or
 * -EPROTONOSUPPORT when the "rasdial" family is not there (module not
 * loaded), or a libnl failure turned into an errno.
 */
/* Chooses the relay (rasdial.h "The relay") if need be: 0 or why none
 * can be used.  Every function below goes to direct.c in direct mode. */
int rasdial_nl_init(void);
bool rasdial_relay_direct(void);
int rasdial_nl_conn_new(const char *entry, uint32_t flags, uint32_t *id);
int rasdial_nl_get(uint32_t id, struct rasdial_conn_info *ci);
typedef int (*rasdial_dump_fn)(const struct rasdial_conn_info *ci, void *arg);
/*
 * Every conn to FN.  With GEN, *GEN is the generation of the copy the
 * caller holds (0: none): returns 1, FN not called, when the registry is
 * still there; else 0 with *GEN the generation of what FN saw, or 0 when
 * that was no consistent copy (the dump spanned a change).
 */
int rasdial_nl_dump(uint32_t *gen, rasdial_dump_fn fn, void *arg);
int rasdial_nl_hangup(uint32_t id);
int rasdial_nl_ack(uint32_t id, uint32_t seq);

/* The event socket: subscribed (SUBSCRIBE), non-blocking, no seq check;
 * in direct mode an epoll set of the dials' sockets. */
typedef void (*rasdial_event_fn)(const struct rasdial_conn_info *ci);
int rasdial_nl_event_open(rasdial_event_fn fn);
/* Reads and handles every queued event; -ENOBUFS when some were lost. */
int rasdial_nl_event_drain(void);
int rasdial_nl_event_fd(void);

/* The one errno -> RAS error table (see nl.c for the choices). */
uint32_t rasdial_errno_to_ras(int neg_errno);

/*
 * Decodes one conn message (as the event thread and GET do): 0, or
 * -EINVAL when it is not one.  Internal, for the fuzz harness.
 */
struct nl_msg;
int rasdial_nl_parse_conn(struct nl_msg *msg, struct rasdial_conn_info *ci);

/* nl.c, for nl_event.c. */
struct nlmsghdr;
int rasdial_nl_parse_conn_hdr(struct nlmsghdr *nlh,
			      struct rasdial_conn_info *ci);
int rasdial_nlerr_to_errno(int nlerr);
int rasdial_nl_ack_cmd(uint32_t id, uint32_t seq);

/* Thread-local extack text of this thread's last failed request. */
void rasdial_detail_set(const char *msg);

#endif /* RASDIAL_NL_H */
