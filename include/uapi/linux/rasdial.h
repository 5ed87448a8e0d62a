/* SPDX-License-Identifier: (GPL-2.0 WITH Linux-syscall-note) OR LGPL-2.1-or-later */
/*
 * rasdial: generic netlink relay between pppd's rasdial.so plugin and
 * librasdial (the Win32 RAS client API on Linux).
 *
 * This header is the one wire contract shared by the kernel module, the
 * pppd plugin, the shim library and the tests.
 *
 * Family RASDIAL_GENL_NAME ("rasdial"), version RASDIAL_GENL_VERSION, one
 * multicast group RASDIAL_MCGRP_EVENTS ("events", for admins: see "Who
 * hears of a conn" below).  All integers are host
 * order unless noted; IPv4 addresses are network order (as in struct
 * in_addr).  Every command is strictly validated against its own policy
 * (CTRL_CMD_GETPOLICY shows each command's attributes and their limits):
 * unknown attributes, attributes the command does not take, unknown
 * flag bits and strings without their NUL within the limit are rejected
 * with -EINVAL, a NUL-padded string over the limit and binary attributes
 * of the wrong length with -ERANGE, each with an extack message.  The
 * registry of connections is per network namespace.
 *
 * A connection ("conn") is one pppd session.  Its id (RASDIAL_A_CONN_ID,
 * u32, never 0) is the HRASCONN value that librasdial hands to programs, so
 * every process in the namespace names a link the same way.  Ids are
 * allocated cyclically, so a stale handle does not soon name a new link.
 *
 * RASDIAL_CMD_CONN_NEW (doit; any user)
 *   Asks for a connection id before pppd is started.
 *   Request:  RASDIAL_A_ENTRY     string, required: phonebook entry name
 *             RASDIAL_A_FLAGS     u32, optional: RASDIAL_F_WANT_ACK,
 *                                 RASDIAL_F_ADOPT
 *   Reply:    RASDIAL_CMD_CONN_NEW with RASDIAL_A_CONN_ID.
 *   The sending socket becomes the conn's owner, the sender's uid its
 *   owner uid.  With RASDIAL_F_WANT_ACK, pppd's plugin waits after each
 *   event until the owner sends RASDIAL_CMD_ACK (the dial is suspended
 *   while the owner's RasDialFunc1 runs).  When the owner socket closes,
 *   the kernel acknowledges any pending event itself and stops asking
 *   for ACKs; a conn that never got a pppd is then freed.
 *   Errors: ENOSPC when the namespace holds the module parameter
 *   max_conns conns (/sys/module/rasdial/parameters/max_conns, default
 *   RASDIAL_MAX_CONNS), or when the sender's uid, without CAP_NET_ADMIN,
 *   already holds max_unbound_per_user conns (default 256) that no pppd
 *   has bound.  A conn's memory is charged to the sender's memory cgroup.
 *   With RASDIAL_F_ADOPT the conn waits for a pppd that another program
 *   starts (xl2tpd's, for L2TP) and that names the entry instead of the
 *   id: see RASDIAL_F_ADOPT under RASDIAL_CMD_EVENT.
 *
 * RASDIAL_CMD_EVENT (doit; CAP_NET_ADMIN: only pppd's plugin reports)
 *   pppd's plugin reports one RASCONNSTATE step.
 *   Request:  RASDIAL_A_CONN_ID   u32: the id from CONN_NEW (passed to
 *                                 pppd as "rasdial-conn ID"), or 0 for a
 *                                 pppd that no shim started: the kernel
 *                                 then creates a conn (owner uid = the
 *                                 sender's uid, no ACKs)
 *             RASDIAL_A_SEQ       u32, required: the plugin's event number
 *             RASDIAL_A_STATE     u32, required: RASCONNSTATE value
 *             RASDIAL_A_ERROR     u32: dwError (0 = entering STATE)
 *             RASDIAL_A_EXT_ERROR u32: dwExtendedError
 *             RASDIAL_A_EXIT_STATUS u32: pppd's exit status, once known
 *             RASDIAL_A_PHASE     u32: pppd phase (PHASE_*)
 *             RASDIAL_A_ENTRY, RASDIAL_A_IFNAME, RASDIAL_A_IFINDEX,
 *             RASDIAL_A_DEVICE_NAME, RASDIAL_A_DEVICE_TYPE,
 *             RASDIAL_A_LOCAL_ADDR, RASDIAL_A_REMOTE_ADDR,
 *             RASDIAL_A_LOCAL_IFID6, RASDIAL_A_REMOTE_IFID6,
 *             RASDIAL_A_BAUD, RASDIAL_A_AUTH_PROTO, RASDIAL_A_AUTH_DATA,
 *             RASDIAL_A_LCP_OPTIONS, RASDIAL_A_PEER_LCP_OPTIONS:
 *             optional; once sent they stay in the entry
 *             RASDIAL_A_FLAGS     u32: RASDIAL_F_FINAL on the last event;
 *                                 RASDIAL_F_ADOPT with CONN_ID 0 and
 *                                 RASDIAL_A_ENTRY (see below)
 *             RASDIAL_A_ADOPT_UID u32: only with CONN_ID 0 and
 *                                 RASDIAL_F_ADOPT (see below)
 *   CONN_ID 0 with RASDIAL_F_ADOPT: the kernel binds the oldest conn that
 *   CONN_NEW created with RASDIAL_F_ADOPT for the same RASDIAL_A_ENTRY,
 *   that no pppd has bound yet, whose owner socket is still open, and
 *   whose owner uid is the sender's real uid, or the uid that
 *   RASDIAL_A_ADOPT_UID names (in the sender's user namespace); without
 *   such a conn it registers one as for CONN_ID 0 alone.  The reply's
 *   CONN_ID tells the plugin which; later EVENTs carry it.  An entry name
 *   is no secret, so root's pppd (xl2tpd's) does not adopt every user's
 *   dial: only root's own, and those of the one uid the admin lets it
 *   adopt (the plugin sends RASDIAL_A_ADOPT_UID from a privileged pppd
 *   option).  RASDIAL_A_ADOPT_UID from a sender whose real uid is not
 *   root of the namespace's user namespace: EPERM; without adoption, or
 *   unmapped: EINVAL.  ENTRY missing: EINVAL.
 *   The first EVENT binds the conn to the sending socket; only its owner
 *   uid or root of the namespace's user namespace (container root) may
 *   bind it (EPERM).  Each EVENT takes pppd's pid from the sender, not
 *   from the message, so the pid follows a pppd that forks (updetach)
 *   once the child reports.  Later EVENTs for that conn from another
 *   socket get EBUSY.  An unknown id gets ENOENT.  A HANGUP that arrived
 *   before the bind is delivered now.
 *   Reply:    RASDIAL_CMD_EVENT with RASDIAL_A_CONN_ID and RASDIAL_A_FLAGS
 *             (RASDIAL_F_WANT_ACK when the plugin must wait for an ACK
 *             carrying this SEQ).
 *   The updated conn is sent to those who may read it (see "Who hears
 *   of a conn" and "conn message").
 *   When the bound socket closes (pppd exits or is killed) the conn is
 *   freed; if no RASDIAL_F_FINAL event was seen, a last event is first
 *   sent with STATE RASCS_Disconnected, ERROR
 *   RASDIAL_ERROR_PPPD_VANISHED and RASDIAL_F_FINAL | RASDIAL_F_VANISHED.
 *
 * RASDIAL_CMD_GET (doit with RASDIAL_A_CONN_ID, or NLM_F_DUMP; any user)
 *   Reply: one conn message per conn.  ENOENT for an unknown id, EPERM
 *   for a conn whose owner uid is not the sender's (unless it has
 *   CAP_NET_ADMIN).  A dump holds only the sender's uid's conns, or every
 *   conn for a sender with CAP_NET_ADMIN over the namespace.
 *   A dump request may carry RASDIAL_A_GENERATION, the generation of a
 *   copy the reader holds (0: none).  The dump then starts with a message
 *   that carries only RASDIAL_A_GENERATION, the registry's generation,
 *   and stops there when it equals the reader's: nothing changed.  The
 *   generation (never 0) changes with every conn added, removed or
 *   updated; a dump that spans a change carries NLM_F_DUMP_INTR, and its
 *   result is not a copy of any one generation.
 *
 * RASDIAL_CMD_HANGUP (doit; owner uid or CAP_NET_ADMIN)
 *   Request:  RASDIAL_A_CONN_ID
 *   Sends SIGTERM to the conn's pppd (pppd then exits with
 *   EXIT_USER_REQUEST), or delivers it when pppd binds.  EPERM for
 *   another user's conn, ENOENT for an unknown id, and the signal's
 *   error (ESRCH: the process that last reported has exited, its
 *   socket kept by a child that has not reported yet).  A conn with no pppd
 *   is freed at once when its owner is gone or the owner socket itself
 *   sends the HANGUP (its pppd never bound; a later EVENT gets ENOENT).
 *
 * RASDIAL_CMD_ACK (doit; owner uid or CAP_NET_ADMIN)
 *   Request:  RASDIAL_A_CONN_ID, RASDIAL_A_SEQ
 *   Relayed to the bound plugin socket as RASDIAL_CMD_ACK with the same
 *   attributes: the owner's callback for event SEQ has returned.  Only
 *   one ACK, for the event pppd waits for (the last one, sent with
 *   RASDIAL_F_WANT_ACK): any other SEQ, or a second ACK, gets ESTALE and
 *   is not relayed.  ENOENT when no pppd is bound.
 *
 * RASDIAL_CMD_SUBSCRIBE (doit; any user)
 *   No attributes.  From now on the sending socket is sent, unicast, the
 *   conn message (RASDIAL_CMD_EVENT) of every change of each conn whose
 *   owner uid is the sender's uid; of every conn when the sender has
 *   CAP_NET_ADMIN over the namespace.  Its pids and uids are those the
 *   subscriber's pid and user namespaces see.  Until the socket closes;
 *   subscribing again changes nothing.  A reader that falls behind gets
 *   ENOBUFS from recv() (events were lost: dump to resync).  ENOSPC when
 *   the sender's uid, without CAP_NET_ADMIN, has the module parameter
 *   max_listeners_per_user sockets subscribed (default 256).
 *
 * Who hears of a conn:
 *   Entry names, devices, addresses and pids are no one else's business:
 *   a conn's events go to the SUBSCRIBE sockets of its owner uid and of
 *   admins, and to the multicast group "events", which only a socket with
 *   CAP_NET_ADMIN over the namespace may join (EPERM otherwise: the group
 *   is a monitor for admins).  On kernels whose generic netlink cannot
 *   restrict a group (no GENL_MCAST_CAP_NET_ADMIN), nothing is sent to
 *   "events"; admins subscribe instead.
 *
 * Conn message (RASDIAL_CMD_EVENT to listeners, GET reply):
 *   RASDIAL_A_CONN_ID, RASDIAL_A_SEQ, RASDIAL_A_STATE, RASDIAL_A_ERROR,
 *   RASDIAL_A_EXT_ERROR, RASDIAL_A_PHASE, RASDIAL_A_OWNER_UID,
 *   RASDIAL_A_FLAGS (RASDIAL_F_WANT_ACK when the owner must ACK this
 *   event, RASDIAL_F_FINAL, RASDIAL_F_VANISHED, RASDIAL_F_SELF_REGISTERED,
 *   RASDIAL_F_ADOPT for a conn created with it),
 *   and each of RASDIAL_A_ENTRY, RASDIAL_A_PID, RASDIAL_A_EXIT_STATUS,
 *   RASDIAL_A_IFNAME, RASDIAL_A_IFINDEX, RASDIAL_A_DEVICE_NAME,
 *   RASDIAL_A_DEVICE_TYPE, RASDIAL_A_LOCAL_ADDR, RASDIAL_A_REMOTE_ADDR,
 *   RASDIAL_A_LOCAL_IFID6, RASDIAL_A_REMOTE_IFID6, RASDIAL_A_BAUD,
 *   RASDIAL_A_AUTH_PROTO, RASDIAL_A_AUTH_DATA, RASDIAL_A_LCP_OPTIONS,
 *   RASDIAL_A_PEER_LCP_OPTIONS when known, and RASDIAL_A_CONNECTED_MS
 *   once the conn has been RASCS_Connected.
 *   RASDIAL_A_PID is pppd's pid in a GET reply's, dump's or SUBSCRIBE
 *   socket's reader's pid namespace; in a multicast, in the pid namespace of the process that
 *   sent CONN_NEW (pppd's own for a self-registered conn).  Absent when
 *   pppd has no pid there.
 *
 * RASDIAL_A_CONNECTED_MS (u64, kernel only, may be preceded by a
 * RASDIAL_A_PAD for alignment): milliseconds the link has been connected,
 * computed when the message is built from a CLOCK_BOOTTIME stamp taken
 * when RASDIAL_A_STATE became RASCS_Connected (0x2000).  When the conn
 * later leaves RASCS_Connected (Disconnected, or pppd vanished) the count
 * stops there; a new RASCS_Connected after that (pppd's persist or demand
 * redials in the same session) starts it again from 0.  Absent before the
 * first RASCS_Connected, so a final event with it reports the end of a
 * link that was up, and one without it a dial that failed.
 * (RasGetConnectionStatistics' dwConnectDuration.)
 *
 * Direct mode (librasdial without this module):
 *   The program that dials gives its pppd one end of an AF_UNIX
 *   SOCK_SEQPACKET socket pair (pppd option "rasdial-fd FD", with
 *   "rasdial-conn ID" naming the id the library chose) and plays the
 *   kernel's part for that one conn: the same messages, one per datagram,
 *   with nlmsg_type RASDIAL_DIRECT_FAMILY instead of the family's id.
 *   The plugin sends RASDIAL_CMD_EVENT (NLM_F_REQUEST | NLM_F_ACK) as
 *   above; the library answers in one datagram with the RASDIAL_CMD_EVENT
 *   reply (RASDIAL_A_CONN_ID, RASDIAL_A_FLAGS) and the NLMSG_ERROR ack,
 *   both with the request's nlmsg_seq, or with the NLMSG_ERROR alone
 *   (ENOENT: the id was given up before pppd reported), and relays its
 *   own RASDIAL_CMD_ACK (RASDIAL_A_CONN_ID, RASDIAL_A_SEQ).  pppd's pid
 *   is the sender's (SO_PASSCRED); EOF on the library's end is the
 *   socket's release above (a last event with RASDIAL_F_VANISHED), EOF
 *   on pppd's end means the program is gone: pppd dials on unreported.
 *   Nothing else is served: no other process sees the conn.
 *
 * LCP projection (u32 each, sent by the plugin once LCP and authentication
 * are done, sticky like the addresses; RasGetProjectionInfo RASP_PppLcp):
 *   RASDIAL_A_AUTH_PROTO  PPP protocol of the authentication we did toward
 *                         the peer: 0xC023 PAP, 0xC223 CHAP, 0xC227 EAP,
 *                         0 none
 *   RASDIAL_A_AUTH_DATA   with CHAP, the digest: 5 MD5, 0x80 MS-CHAP,
 *                         0x81 MS-CHAPv2; 0 otherwise
 *   RASDIAL_A_LCP_OPTIONS our negotiated LCP options, RASLCPO_* bits
 *                         (PFC 0x1, ACFC 0x2, SSHF 0x4, DES_56 0x8,
 *                         3_DES 0x10)
 *   RASDIAL_A_PEER_LCP_OPTIONS the peer's, the same bits
 */
#ifndef _UAPI_LINUX_RASDIAL_H
#define _UAPI_LINUX_RASDIAL_H

#define RASDIAL_GENL_NAME	"rasdial"
#define RASDIAL_GENL_VERSION	1
#define RASDIAL_MCGRP_EVENTS	"events"

/* Default of the module parameter max_conns: connections one network
 * namespace may hold at once.  The parameter is the limit.
 */
#define RASDIAL_MAX_CONNS	4096

/* Longest entry name (RAS_MaxEntryName) and device strings, without NUL. */
#define RASDIAL_ENTRY_MAX	256
#define RASDIAL_DEVICE_NAME_MAX	128
#define RASDIAL_DEVICE_TYPE_MAX	16

/* dwError published when pppd vanished without its last event
 * (ERROR_PORT_DISCONNECTED).
 */
#define RASDIAL_ERROR_PPPD_VANISHED	619

/* nlmsg_type of direct mode's messages: outside generic netlink's
 * family ids (at most GENL_MAX_ID, 1023) and its control types.
 */
#define RASDIAL_DIRECT_FAMILY	0xFFF0

enum rasdial_cmd {
	RASDIAL_CMD_UNSPEC,
	RASDIAL_CMD_CONN_NEW,
	RASDIAL_CMD_EVENT,
	RASDIAL_CMD_GET,
	RASDIAL_CMD_HANGUP,
	RASDIAL_CMD_ACK,
	RASDIAL_CMD_SUBSCRIBE,
	__RASDIAL_CMD_MAX
};

#define RASDIAL_CMD_MAX (__RASDIAL_CMD_MAX - 1)

enum rasdial_attr {
	RASDIAL_A_UNSPEC,
	RASDIAL_A_CONN_ID,	/* u32, never 0 except EVENT's "register me" */
	RASDIAL_A_SEQ,		/* u32 */
	RASDIAL_A_STATE,	/* u32 RASCONNSTATE */
	RASDIAL_A_ERROR,	/* u32 dwError */
	RASDIAL_A_EXT_ERROR,	/* u32 dwExtendedError */
	RASDIAL_A_EXIT_STATUS,	/* u32 pppd exit status (EXIT_*) */
	RASDIAL_A_PHASE,	/* u32 pppd PHASE_* */
	RASDIAL_A_FLAGS,	/* u32 enum rasdial_flags */
	RASDIAL_A_ENTRY,	/* string, at most RASDIAL_ENTRY_MAX bytes */
	RASDIAL_A_OWNER_UID,	/* u32 */
	RASDIAL_A_PID,		/* u32 pppd's pid: see "conn message" */
	RASDIAL_A_IFNAME,	/* string, at most IFNAMSIZ - 1 bytes */
	RASDIAL_A_IFINDEX,	/* u32 */
	RASDIAL_A_DEVICE_NAME,	/* string: tty or device pppd uses */
	RASDIAL_A_DEVICE_TYPE,	/* string: RASDT_* ("modem", "PPPoE", ...) */
	RASDIAL_A_LOCAL_ADDR,	/* binary 4: our IPv4 address, network order */
	RASDIAL_A_REMOTE_ADDR,	/* binary 4: peer IPv4 address */
	RASDIAL_A_LOCAL_IFID6,	/* binary 8: our IPv6 interface identifier */
	RASDIAL_A_REMOTE_IFID6,	/* binary 8: peer IPv6 interface identifier */
	RASDIAL_A_BAUD,		/* u32 line speed, bits per second */
	RASDIAL_A_CONNECTED_MS,	/* u64 ms since RASCS_Connected (kernel) */
	RASDIAL_A_PAD,		/* alignment padding for u64 attributes */
	RASDIAL_A_AUTH_PROTO,	/* u32 PPP protocol of our authentication */
	RASDIAL_A_AUTH_DATA,	/* u32 CHAP digest (5, 0x80, 0x81) or 0 */
	RASDIAL_A_LCP_OPTIONS,	/* u32 our LCP options, RASLCPO_* bits */
	RASDIAL_A_PEER_LCP_OPTIONS, /* u32 the peer's LCP options */
	RASDIAL_A_GENERATION,	/* u32 registry generation (dumps) */
	RASDIAL_A_ADOPT_UID,	/* u32 EVENT: whose dials root's pppd adopts */
	__RASDIAL_A_LAST
};

#define RASDIAL_A_MAX (__RASDIAL_A_LAST - 1)

enum rasdial_flags {
	RASDIAL_F_WANT_ACK		= 1U << 0,
	RASDIAL_F_FINAL			= 1U << 1,
	RASDIAL_F_VANISHED		= 1U << 2,
	RASDIAL_F_SELF_REGISTERED	= 1U << 3,
	RASDIAL_F_ADOPT			= 1U << 4,
	__RASDIAL_F_ALL = RASDIAL_F_WANT_ACK | RASDIAL_F_FINAL |
			  RASDIAL_F_VANISHED | RASDIAL_F_SELF_REGISTERED |
			  RASDIAL_F_ADOPT
};

/* Flags a request may carry (the others are set by the kernel only). */
#define RASDIAL_F_CONN_NEW_ALL	(RASDIAL_F_WANT_ACK | RASDIAL_F_ADOPT)
#define RASDIAL_F_EVENT_ALL	(RASDIAL_F_FINAL | RASDIAL_F_ADOPT)

#endif /* _UAPI_LINUX_RASDIAL_H */
