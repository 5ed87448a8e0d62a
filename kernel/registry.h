/* SPDX-License-Identifier: GPL-2.0 */
/*
 * rasdial: per network namespace registry of connections (pppd sessions).
 */
#ifndef _RASDIAL_REGISTRY_H
#define _RASDIAL_REGISTRY_H

#include <linux/if.h>
#include <linux/mutex.h>
#include <linux/notifier.h>
#include <linux/rcupdate.h>
#include <linux/types.h>
#include <linux/uidgid.h>
#include <linux/workqueue.h>
#include <linux/xarray.h>
#include <linux/rasdial.h>

struct net;
struct netlink_ext_ack;
struct pernet_operations;
struct pid;
struct pid_namespace;
struct user_namespace;

/* RASCS_Disconnected (RASCS_DONE + 1), published for a pppd that vanished. */
#define RASDIAL_RASCS_DISCONNECTED	0x2001

/* RASCS_Connected (RASCS_DONE): starts the RASDIAL_A_CONNECTED_MS clock. */
#define RASDIAL_RASCS_CONNECTED		0x2000

/* Length of an IPv6 interface identifier (RASDIAL_A_*_IFID6). */
#define RASDIAL_IFID6_LEN		8

/* Bits of rasdial_conn.gone: set by the netlink notifier (any context),
 * acted upon by the release work under the registry lock.
 */
enum {
	RASDIAL_CONN_PLUGIN_GONE,	/* the bound plugin socket was released */
	RASDIAL_CONN_OWNER_GONE,	/* the owner socket was released */
};

/**
 * struct rasdial_conn - one connection (one pppd session)
 * @rcu: frees the conn after the lockless scan in the netlink notifier
 * @gone: RASDIAL_CONN_*_GONE bits, set without the registry lock
 * @id: connection id (HRASCONN), never 0
 * @owner_portid: netlink portid of the owner socket, 0 when none or gone
 * @plugin_portid: netlink portid of the bound plugin socket, 0 when unbound
 * @owner_uid: uid of the process that created the conn
 * @pid: pppd's thread group, taken from the sender of each event
 * @owner_pid_ns: the owner's pid namespace, for the pid in events; %NULL
 *	for a self-registered conn (pppd's own)
 * @known: BIT(RASDIAL_A_*) of the optional attributes already reported
 * @flags: RASDIAL_F_FINAL, RASDIAL_F_VANISHED, RASDIAL_F_SELF_REGISTERED,
 *	RASDIAL_F_ADOPT
 * @seq: plugin's number of the last event
 * @state: RASCONNSTATE of the last event
 * @error: dwError of the last event
 * @ext_error: dwExtendedError of the last event
 * @exit_status: pppd's exit status
 * @phase: pppd's phase
 * @ifindex: ifindex of the ppp interface
 * @baud: line speed in bits per second
 * @auth_proto: PPP protocol of the authentication toward the peer, 0 none
 * @auth_data: CHAP digest of @auth_proto, 0 otherwise
 * @lcp_options: our negotiated LCP options, RASLCPO_* bits
 * @peer_lcp_options: the peer's negotiated LCP options, RASLCPO_* bits
 * @connected_ns: CLOCK_BOOTTIME when @state first became RASCS_Connected,
 *	0 before
 * @ended_ns: CLOCK_BOOTTIME when it left RASCS_Connected again, 0 before
 * @created_ns: CLOCK_BOOTTIME at CONN_NEW: adoption takes the oldest first
 * @local_addr: our IPv4 address, network order
 * @remote_addr: peer's IPv4 address, network order
 * @local_ifid6: our IPv6 interface identifier
 * @remote_ifid6: peer's IPv6 interface identifier
 * @want_ack: the owner asked for RASDIAL_F_WANT_ACK at CONN_NEW
 * @ack_pending: the plugin waits for an ACK carrying @seq
 * @hangup_pending: HANGUP arrived before a pppd bound
 * @entry: phonebook entry name
 * @ifname: name of the ppp interface
 * @device_name: tty or device pppd uses
 * @device_type: RASDT_* device type
 */
struct rasdial_conn {
	struct rcu_head rcu;
	unsigned long gone;
	u32 id;
	u32 owner_portid;
	u32 plugin_portid;
	kuid_t owner_uid;
	struct pid *pid;
	struct pid_namespace *owner_pid_ns;
	u32 known;
	u32 flags;
	u32 seq;
	u32 state;
	u32 error;
	u32 ext_error;
	u32 exit_status;
	u32 phase;
	u32 ifindex;
	u32 baud;
	u32 auth_proto;
	u32 auth_data;
	u32 lcp_options;
	u32 peer_lcp_options;
	u64 connected_ns;
	u64 ended_ns;
	u64 created_ns;
	__be32 local_addr;
	__be32 remote_addr;
	u8 local_ifid6[RASDIAL_IFID6_LEN];
	u8 remote_ifid6[RASDIAL_IFID6_LEN];
	bool want_ack;
	bool ack_pending;
	bool hangup_pending;
	char entry[RASDIAL_ENTRY_MAX + 1];
	char ifname[IFNAMSIZ];
	char device_name[RASDIAL_DEVICE_NAME_MAX + 1];
	char device_type[RASDIAL_DEVICE_TYPE_MAX + 1];
};

/**
 * struct rasdial_listener - a socket that asked for events (SUBSCRIBE)
 * @rcu: frees it after the lockless lookup in the netlink notifier
 * @gone: its socket was released (set by the notifier, any context)
 * @admin: CAP_NET_ADMIN at SUBSCRIBE: it hears of every conn
 * @portid: netlink portid of the socket
 * @uid: the subscriber's uid: it hears of the conns this uid owns
 * @pid_ns: pid namespace for the pid in its messages
 * @user_ns: user namespace for the owner uid in its messages
 */
struct rasdial_listener {
	struct rcu_head rcu;
	bool gone;
	bool admin;
	u32 portid;
	kuid_t uid;
	struct pid_namespace *pid_ns;
	struct user_namespace *user_ns;
};

/**
 * struct rasdial_net - registry of one network namespace
 * @lock: protects @conns, @next_id, @count and every conn's fields
 *	(except @gone)
 * @conns: conns by id
 * @listeners: struct rasdial_listener by portid
 * @next_id: cursor for cyclic id allocation
 * @count: number of conns in @conns
 * @gen: generation of what a dump shows, never 0; changes with every conn
 *	added, removed or updated (RASDIAL_A_GENERATION)
 * @net: the namespace (not refcounted: this lives and dies with it)
 * @release_work: handles conns whose sockets were released
 */
struct rasdial_net {
	struct mutex lock;	/* see the kernel-doc above */
	struct xarray conns;
	struct xarray listeners;
	u32 next_id;
	unsigned int count;
	u32 gen;
	struct net *net;
	struct work_struct release_work;
};

/**
 * struct rasdial_relay - how the registry tells what happened on its own
 * @notify: send a conn's new state to those who may read it
 * @ack: send RASDIAL_CMD_ACK for event @seq to the conn's pppd
 *
 * The release work calls these when a socket's end changes a conn; the
 * netlink layer registers them, so the registry never calls into it.
 */
struct rasdial_relay {
	void (*notify)(struct net *net, const struct rasdial_conn *conn);
	int (*ack)(struct net *net, const struct rasdial_conn *conn, u32 seq);
};

extern struct pernet_operations rasdial_net_ops;
extern struct notifier_block rasdial_netlink_notifier;

void rasdial_registry_set_relay(const struct rasdial_relay *relay);
struct rasdial_net *rasdial_net(const struct net *net);
struct rasdial_conn *rasdial_conn_alloc(void);
void rasdial_registry_changed(struct rasdial_net *rn);
void rasdial_conn_free(struct rasdial_conn *conn);
int rasdial_conn_add(struct rasdial_net *rn, struct rasdial_conn *conn,
		     struct netlink_ext_ack *extack);
struct rasdial_conn *rasdial_conn_find(struct rasdial_net *rn, u32 id);
void rasdial_conn_del(struct rasdial_net *rn, struct rasdial_conn *conn);
int rasdial_conn_check_unbound(struct rasdial_net *rn, kuid_t uid,
			       struct netlink_ext_ack *extack);
struct rasdial_conn *rasdial_conn_register(struct rasdial_net *rn, u32 portid,
					   struct netlink_ext_ack *extack);
struct rasdial_conn *rasdial_conn_bind(struct rasdial_net *rn, u32 id,
				       u32 portid,
				       struct netlink_ext_ack *extack);
struct rasdial_conn *rasdial_conn_adopt(struct rasdial_net *rn,
					const char *entry, kuid_t also,
					u32 portid,
					struct netlink_ext_ack *extack);
bool rasdial_conn_may_name_owner(const struct rasdial_net *rn);
void rasdial_conn_reported(struct rasdial_net *rn, struct rasdial_conn *conn,
			   bool final);
int rasdial_conn_hangup(struct rasdial_net *rn, struct rasdial_conn *conn,
			bool owner);
void rasdial_conn_hangup_bound(struct rasdial_conn *conn);
int rasdial_listener_add(struct rasdial_net *rn, u32 portid, kuid_t uid,
			 bool admin, struct netlink_ext_ack *extack);
bool rasdial_listener_hears(const struct rasdial_listener *l,
			    const struct rasdial_conn *conn);

#endif /* _RASDIAL_REGISTRY_H */
