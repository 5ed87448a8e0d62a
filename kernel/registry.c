// SPDX-License-Identifier: GPL-2.0
/*
 * rasdial: per network namespace registry of connections, and the watch on
 * the netlink sockets of their owners and pppds.
 */

#include <linux/cred.h>
#include <linux/err.h>
#include <linux/moduleparam.h>
#include <linux/netlink.h>
#include <linux/pid.h>
#include <linux/pid_namespace.h>
#include <linux/random.h>
#include <linux/sched/signal.h>
#include <linux/signal.h>
#include <linux/slab.h>
#include <linux/timekeeping.h>
#include <linux/user_namespace.h>
#include <net/genetlink.h>
#include <net/net_namespace.h>
#include <net/netns/generic.h>

#include "registry.h"

static unsigned int rasdial_net_id __read_mostly;

/* What the release work tells the world with; set and cleared by the
 * netlink layer under genl_lock(), which the work holds.
 */
static const struct rasdial_relay *rasdial_relay;

/**
 * rasdial_registry_set_relay() - how the registry's own news is sent
 * @relay: the netlink layer's senders, or %NULL once the family is gone
 *
 * Caller holds genl_lock().
 */
void rasdial_registry_set_relay(const struct rasdial_relay *relay)
{
	rasdial_relay = relay;
}

/* Caps, tunable at run time: memory a registry may hold is charged to the
 * creator's memcg (GFP_KERNEL_ACCOUNT) and bounded per namespace; one user
 * may not keep the whole namespace's share waiting for pppds.
 */
static unsigned int max_conns = RASDIAL_MAX_CONNS;
module_param(max_conns, uint, 0644);
MODULE_PARM_DESC(max_conns, "connections one network namespace may hold (default 4096)");

static unsigned int max_unbound_per_user = 256;
module_param(max_unbound_per_user, uint, 0644);
MODULE_PARM_DESC(max_unbound_per_user,
		 "connections without a pppd one user may hold in a namespace, CAP_NET_ADMIN exempt (default 256)");

static unsigned int max_listeners_per_user = 256;
module_param(max_listeners_per_user, uint, 0644);
MODULE_PARM_DESC(max_listeners_per_user,
		 "sockets one user may subscribe to events in a namespace, CAP_NET_ADMIN exempt (default 256)");

/* Ids stay below 2^31 so that they survive a round trip through an int
 * (pppd's option parser, HRASCONN casts).
 */
#define RASDIAL_CONN_ID_LIMIT	XA_LIMIT(1, INT_MAX)

/**
 * rasdial_net() - registry of a network namespace
 * @net: the namespace
 *
 * Return: the namespace's registry; valid for as long as @net is.
 */
struct rasdial_net *rasdial_net(const struct net *net)
{
	return net_generic(net, rasdial_net_id);
}

/**
 * rasdial_conn_alloc() - allocate a zeroed conn
 *
 * Return: the conn, or %NULL when out of memory.
 */
struct rasdial_conn *rasdial_conn_alloc(void)
{
	return kzalloc(sizeof(struct rasdial_conn), GFP_KERNEL_ACCOUNT);
}

/**
 * rasdial_conn_free() - free a conn that is not (or no longer) in a registry
 * @conn: the conn, or %NULL
 *
 * RCU-deferred: the netlink notifier may still be looking at it.
 */
void rasdial_conn_free(struct rasdial_conn *conn)
{
	if (!conn)
		return;
	put_pid(conn->pid);
	if (conn->owner_pid_ns)
		put_pid_ns(conn->owner_pid_ns);
	kfree_rcu(conn, rcu);
}

/**
 * rasdial_registry_changed() - a conn was added, removed or updated
 * @rn: the registry; caller holds @rn->lock
 *
 * A dump's reader compares generations to know whether its copy is
 * current; 0 is "no copy", so it is skipped.
 */
void rasdial_registry_changed(struct rasdial_net *rn)
{
	lockdep_assert_held(&rn->lock);

	if (!++rn->gen)
		rn->gen = 1;
}

/**
 * rasdial_conn_add() - give a conn an id and publish it
 * @rn: the registry; caller holds @rn->lock
 * @conn: a fully initialised conn (the notifier may see it at once)
 * @extack: for the error message
 *
 * Return: 0 with @conn->id set, -ENOSPC when the namespace already holds
 * max_conns conns, or -ENOMEM.
 */
int rasdial_conn_add(struct rasdial_net *rn, struct rasdial_conn *conn,
		     struct netlink_ext_ack *extack)
{
	int ret;

	lockdep_assert_held(&rn->lock);

	if (rn->count >= READ_ONCE(max_conns)) {
		NL_SET_ERR_MSG_MOD(extack,
				   "too many connections in this network namespace");
		return -ENOSPC;
	}
	/* Cyclic, so that a stale handle does not soon name a new link. */
	ret = xa_alloc_cyclic(&rn->conns, &conn->id, conn,
			      RASDIAL_CONN_ID_LIMIT, &rn->next_id,
			      GFP_KERNEL_ACCOUNT);
	if (ret < 0) {
		NL_SET_ERR_MSG_MOD(extack, "cannot allocate a connection id");
		return ret == -EBUSY ? -ENOSPC : ret;
	}
	WRITE_ONCE(rn->count, rn->count + 1);
	rasdial_registry_changed(rn);
	return 0;
}

/**
 * rasdial_conn_find() - look a conn up by id
 * @rn: the registry; caller holds @rn->lock
 * @id: connection id
 *
 * Return: the conn, or %NULL.
 */
struct rasdial_conn *rasdial_conn_find(struct rasdial_net *rn, u32 id)
{
	lockdep_assert_held(&rn->lock);

	return id ? xa_load(&rn->conns, id) : NULL;
}

/**
 * rasdial_conn_del() - remove a conn from its registry and free it
 * @rn: the registry; caller holds @rn->lock
 * @conn: the conn
 */
void rasdial_conn_del(struct rasdial_net *rn, struct rasdial_conn *conn)
{
	lockdep_assert_held(&rn->lock);

	xa_erase(&rn->conns, conn->id);
	WRITE_ONCE(rn->count, rn->count - 1);
	rasdial_registry_changed(rn);
	rasdial_conn_free(conn);
}

/* Starts or stops the RASDIAL_A_CONNECTED_MS clock; @conn->state has
 * just been updated.
 */
static void rasdial_conn_clock(struct rasdial_conn *conn)
{
	/* The clock is read only at the two moments it matters: a clock
	 * source can be slow to read (HPET), and every event comes here.
	 */
	if (conn->state == RASDIAL_RASCS_CONNECTED) {
		/* On entering Connected: the first time, or again after the
		 * link ended (persist, demand: pppd redials in the same
		 * session).  0 means "not yet", so never store 0.
		 */
		if (!conn->connected_ns || conn->ended_ns) {
			conn->connected_ns = ktime_get_boottime_ns() ?: 1;
			conn->ended_ns = 0;
		}
	} else if (conn->connected_ns && !conn->ended_ns) {
		conn->ended_ns = ktime_get_boottime_ns();
	}
}

/**
 * rasdial_conn_check_unbound() - may @uid ask for one more conn?
 * @rn: the registry; caller holds @rn->lock
 * @uid: the asking user
 * @extack: for the error message
 *
 * Conns without a pppd are what one user can pile up at no cost to
 * itself; pppds bind theirs at once.
 *
 * Return: 0, or -ENOSPC when @uid holds max_unbound_per_user of them.
 */
int rasdial_conn_check_unbound(struct rasdial_net *rn, kuid_t uid,
			       struct netlink_ext_ack *extack)
{
	unsigned int n = 0, cap = READ_ONCE(max_unbound_per_user);
	struct rasdial_conn *conn;
	unsigned long id;

	lockdep_assert_held(&rn->lock);

	xa_for_each(&rn->conns, id, conn) {
		if (conn->plugin_portid || !uid_eq(conn->owner_uid, uid))
			continue;
		if (++n >= cap) {
			NL_SET_ERR_MSG_MOD(extack,
					   "too many connections of this user wait for a pppd");
			return -ENOSPC;
		}
	}
	return 0;
}

/* Root of the namespace's user namespace: xl2tpd's pppd, container root. */
static bool rasdial_current_is_root(const struct rasdial_net *rn)
{
	return uid_eq(current_uid(), make_kuid(rn->net->user_ns, 0));
}

/* setuid pppd has CAP_NET_ADMIN whoever runs it: only the conn's owner
 * (the real uid) or root of the namespace may bind a conn by its id.
 */
static bool rasdial_may_bind(const struct rasdial_net *rn,
			     const struct rasdial_conn *conn)
{
	return uid_eq(current_uid(), conn->owner_uid) ||
	       rasdial_current_is_root(rn);
}

/**
 * rasdial_conn_register() - a pppd that no shim started registers itself
 * @rn: the registry; caller holds @rn->lock
 * @portid: its socket, to which the new conn is bound
 * @extack: for the error message
 *
 * The conn's owner uid is the current task's; nobody ACKs its events.
 *
 * Return: the conn, or an ERR_PTR() from rasdial_conn_add().
 */
struct rasdial_conn *rasdial_conn_register(struct rasdial_net *rn, u32 portid,
					   struct netlink_ext_ack *extack)
{
	struct rasdial_conn *conn;
	int ret;

	conn = rasdial_conn_alloc();
	if (!conn)
		return ERR_PTR(-ENOMEM);
	conn->owner_uid = current_uid();
	conn->flags = RASDIAL_F_SELF_REGISTERED;
	conn->plugin_portid = portid;

	ret = rasdial_conn_add(rn, conn, extack);
	if (ret) {
		rasdial_conn_free(conn);
		return ERR_PTR(ret);
	}
	return conn;
}

/**
 * rasdial_conn_bind() - the conn a pppd's event names by id
 * @rn: the registry; caller holds @rn->lock
 * @id: the id from CONN_NEW
 * @portid: the reporting socket: the first event binds the conn to it
 * @extack: for the error message
 *
 * Return: the conn, or ERR_PTR(): -ENOENT (unknown, or its pppd has
 * gone), -EPERM (another user's), -EBUSY (bound to another socket).
 */
struct rasdial_conn *rasdial_conn_bind(struct rasdial_net *rn, u32 id,
				       u32 portid,
				       struct netlink_ext_ack *extack)
{
	struct rasdial_conn *conn = rasdial_conn_find(rn, id);

	if (!conn) {
		NL_SET_ERR_MSG_MOD(extack, "unknown connection id");
		return ERR_PTR(-ENOENT);
	}
	/* Its pppd's socket is released; the conn is about to go. */
	if (test_bit(RASDIAL_CONN_PLUGIN_GONE, &conn->gone)) {
		NL_SET_ERR_MSG_MOD(extack, "connection's pppd has gone");
		return ERR_PTR(-ENOENT);
	}
	if (!conn->plugin_portid) {
		if (!rasdial_may_bind(rn, conn)) {
			NL_SET_ERR_MSG_MOD(extack,
					   "connection belongs to another user");
			return ERR_PTR(-EPERM);
		}
		WRITE_ONCE(conn->plugin_portid, portid);
	} else if (conn->plugin_portid != portid) {
		NL_SET_ERR_MSG_MOD(extack,
				   "connection is bound to another pppd");
		return ERR_PTR(-EBUSY);
	}
	return conn;
}

/**
 * rasdial_conn_adopt() - the conn a pppd adopting by entry name binds
 * @rn: the registry; caller holds @rn->lock
 * @entry: the entry name
 * @also: another owner whose dials root's pppd may adopt (the admin named
 *	it), or INVALID_UID
 * @portid: the reporting socket
 * @extack: for the error message
 *
 * The oldest unbound RASDIAL_F_ADOPT conn of @entry whose owner is still
 * there and is the current task's real uid or @also; without one, the
 * pppd registers itself.  Unlike a bind by id (the id came from the
 * owner), a name is public: root's pppd may not take any user's dial, or a
 * user who asked first would own root's link.
 *
 * Return: the conn, or an ERR_PTR() from rasdial_conn_register().
 */
struct rasdial_conn *rasdial_conn_adopt(struct rasdial_net *rn,
					const char *entry, kuid_t also,
					u32 portid,
					struct netlink_ext_ack *extack)
{
	struct rasdial_conn *conn, *best = NULL;
	kuid_t uid = current_uid();
	unsigned long id;

	lockdep_assert_held(&rn->lock);

	xa_for_each(&rn->conns, id, conn) {
		if (!(conn->flags & RASDIAL_F_ADOPT) || conn->plugin_portid ||
		    !conn->owner_portid || READ_ONCE(conn->gone) ||
		    strcmp(entry, conn->entry))
			continue;
		if (!uid_eq(conn->owner_uid, uid) &&
		    !(uid_valid(also) && uid_eq(conn->owner_uid, also)))
			continue;
		if (!best || conn->created_ns < best->created_ns)
			best = conn;
	}
	if (!best)
		return rasdial_conn_register(rn, portid, extack);
	WRITE_ONCE(best->plugin_portid, portid);
	return best;
}

/**
 * rasdial_conn_may_name_owner() - may the current task adopt another's dials?
 * @rn: the registry
 *
 * Return: true for root of the namespace (xl2tpd's pppd, whose options
 * come from the admin).
 */
bool rasdial_conn_may_name_owner(const struct rasdial_net *rn)
{
	return rasdial_current_is_root(rn);
}

/**
 * rasdial_conn_reported() - the bound pppd has reported an event
 * @rn: the registry; caller holds @rn->lock
 * @conn: the conn, its fields updated from the event
 * @final: the event is pppd's last
 *
 * The pid is the sender's at each event: pppd forks (updetach, multilink's
 * master_detach) and the child, with the socket, goes on without the
 * parent.  The owner is asked for an ACK while it is there to give one.
 */
void rasdial_conn_reported(struct rasdial_net *rn, struct rasdial_conn *conn,
			   bool final)
{
	struct pid *pid = task_tgid(current);

	lockdep_assert_held(&rn->lock);

	if (conn->pid != pid) {
		put_pid(conn->pid);
		conn->pid = get_pid(pid);
	}
	if (final)
		conn->flags |= RASDIAL_F_FINAL;
	rasdial_conn_clock(conn);
	conn->ack_pending = conn->want_ack && conn->owner_portid &&
			    !test_bit(RASDIAL_CONN_OWNER_GONE, &conn->gone);
	rasdial_registry_changed(rn);
}

/**
 * rasdial_conn_hangup() - send SIGTERM to the conn's pppd, or keep it
 * @rn: the registry; caller holds @rn->lock
 * @conn: the conn
 * @owner: the request comes from the conn's owner socket
 *
 * A conn with no pppd yet gets the signal when its pppd binds; one whose
 * pppd will never come (its owner gone, or the owner itself gives the id
 * up) is freed at once.
 *
 * Return: 0 or kill_pid()'s error (ESRCH: the pppd that last reported has
 * exited, a child of a fork that holds the socket has not reported yet).
 */
int rasdial_conn_hangup(struct rasdial_net *rn, struct rasdial_conn *conn,
			bool owner)
{
	lockdep_assert_held(&rn->lock);

	if (conn->plugin_portid) {
		/* pppd exits with EXIT_USER_REQUEST; its socket's release
		 * then frees the conn.  The owner may hang up any pppd
		 * user's session, hence a privileged signal.
		 */
		if (test_bit(RASDIAL_CONN_PLUGIN_GONE, &conn->gone))
			return 0;
		return kill_pid(conn->pid, SIGTERM, 1);
	}
	if (!conn->owner_portid ||
	    test_bit(RASDIAL_CONN_OWNER_GONE, &conn->gone) || owner)
		rasdial_conn_del(rn, conn);
	else
		conn->hangup_pending = true;
	return 0;
}

/**
 * rasdial_conn_hangup_bound() - deliver a HANGUP that came before the bind
 * @conn: a conn that has just reported; caller holds the registry lock
 */
void rasdial_conn_hangup_bound(struct rasdial_conn *conn)
{
	if (conn->hangup_pending) {
		conn->hangup_pending = false;
		kill_pid(conn->pid, SIGTERM, 1);
	}
}

static void rasdial_listener_free(struct rasdial_listener *l)
{
	put_pid_ns(l->pid_ns);
	put_user_ns(l->user_ns);
	kfree_rcu(l, rcu);
}

static void rasdial_listener_del(struct rasdial_net *rn,
				 struct rasdial_listener *l)
{
	xa_erase(&rn->listeners, l->portid);
	rasdial_listener_free(l);
}

/**
 * rasdial_listener_add() - the socket @portid hears of events from now on
 * @rn: the registry; caller holds @rn->lock
 * @portid: the subscribing socket
 * @uid: the subscriber's uid
 * @admin: it has CAP_NET_ADMIN over the namespace: every conn's events
 * @extack: for the error message
 *
 * Each conn's events are sent to its owner uid's listeners (and to admin
 * ones), in the current task's pid and user namespaces.  Subscribing
 * twice is no error.
 *
 * Return: 0, -ENOSPC when @uid has max_listeners_per_user sockets
 * subscribed already, or -ENOMEM.
 */
int rasdial_listener_add(struct rasdial_net *rn, u32 portid, kuid_t uid,
			 bool admin, struct netlink_ext_ack *extack)
{
	unsigned int n = 0, cap = READ_ONCE(max_listeners_per_user);
	struct rasdial_listener *l;
	unsigned long id;
	int ret;

	lockdep_assert_held(&rn->lock);

	l = xa_load(&rn->listeners, portid);
	if (l && !READ_ONCE(l->gone))
		return 0;
	/* A released socket whose portid was reused before the work ran. */
	if (l)
		rasdial_listener_del(rn, l);

	if (!admin) {
		xa_for_each(&rn->listeners, id, l) {
			if (l->admin || !uid_eq(l->uid, uid) || ++n < cap)
				continue;
			NL_SET_ERR_MSG_MOD(extack,
					   "too many sockets of this user listen");
			return -ENOSPC;
		}
	}

	l = kzalloc(sizeof(*l), GFP_KERNEL_ACCOUNT);
	if (!l)
		return -ENOMEM;
	l->portid = portid;
	l->uid = uid;
	l->admin = admin;
	l->pid_ns = get_pid_ns(task_active_pid_ns(current));
	l->user_ns = get_user_ns(current_user_ns());
	ret = xa_err(xa_store(&rn->listeners, portid, l, GFP_KERNEL_ACCOUNT));
	if (ret) {
		rasdial_listener_free(l);
		return ret;
	}
	return 0;
}

/**
 * rasdial_listener_hears() - is @conn's event for @l?
 * @l: a listener
 * @conn: a conn of the same namespace
 *
 * Return: true for an admin listener or one of @conn's owner uid.
 */
bool rasdial_listener_hears(const struct rasdial_listener *l,
			    const struct rasdial_conn *conn)
{
	return !READ_ONCE(l->gone) &&
	       (l->admin || uid_eq(l->uid, conn->owner_uid));
}

/* The bound pppd's socket is gone: publish the end unless pppd did. */
static void rasdial_plugin_gone(struct rasdial_net *rn,
				struct rasdial_conn *conn)
{
	if (!(conn->flags & RASDIAL_F_FINAL)) {
		conn->state = RASDIAL_RASCS_DISCONNECTED;
		conn->error = RASDIAL_ERROR_PPPD_VANISHED;
		conn->ext_error = 0;
		conn->flags |= RASDIAL_F_FINAL | RASDIAL_F_VANISHED;
		conn->ack_pending = false;
		rasdial_conn_clock(conn);
		if (rasdial_relay)
			rasdial_relay->notify(rn->net, conn);
	}
	rasdial_conn_del(rn, conn);
}

/* The owner's socket is gone: nobody will ACK any more, so answer a
 * waiting pppd ourselves; a conn that never got a pppd has no future.
 */
static void rasdial_owner_gone(struct rasdial_net *rn,
			       struct rasdial_conn *conn)
{
	WRITE_ONCE(conn->owner_portid, 0);
	if (!conn->plugin_portid) {
		rasdial_conn_del(rn, conn);
		return;
	}
	if (conn->ack_pending) {
		conn->ack_pending = false;
		if (rasdial_relay)
			rasdial_relay->ack(rn->net, conn, conn->seq);
	}
}

static void rasdial_release_work(struct work_struct *work)
{
	struct rasdial_net *rn = container_of(work, struct rasdial_net,
					      release_work);
	struct rasdial_listener *l;
	struct rasdial_conn *conn;
	unsigned long id;

	/* genl_lock() orders us with every doit and with the family's
	 * unregistration, so nothing is sent for a family that is gone.
	 */
	genl_lock();
	mutex_lock(&rn->lock);
	xa_for_each(&rn->conns, id, conn) {
		if (test_bit(RASDIAL_CONN_PLUGIN_GONE, &conn->gone))
			rasdial_plugin_gone(rn, conn);
		else if (test_and_clear_bit(RASDIAL_CONN_OWNER_GONE,
					    &conn->gone))
			rasdial_owner_gone(rn, conn);
	}
	xa_for_each(&rn->listeners, id, l)
		if (READ_ONCE(l->gone))
			rasdial_listener_del(rn, l);
	mutex_unlock(&rn->lock);
	genl_unlock();
}

/* Flag the conns a released socket owned or served.  Runs in the notifier,
 * without sleeping: conns are freed by RCU, portids read once.
 */
static bool rasdial_mark_released(struct rasdial_net *rn, u32 portid)
{
	struct rasdial_listener *l;
	struct rasdial_conn *conn;
	unsigned long id;
	bool hit = false;

	rcu_read_lock();
	l = xa_load(&rn->listeners, portid);
	if (l) {
		WRITE_ONCE(l->gone, true);
		hit = true;
	}
	if (!READ_ONCE(rn->count)) {
		rcu_read_unlock();
		return hit;
	}
	xa_for_each(&rn->conns, id, conn) {
		if (READ_ONCE(conn->plugin_portid) == portid) {
			set_bit(RASDIAL_CONN_PLUGIN_GONE, &conn->gone);
			hit = true;
		}
		if (READ_ONCE(conn->owner_portid) == portid) {
			set_bit(RASDIAL_CONN_OWNER_GONE, &conn->gone);
			hit = true;
		}
	}
	rcu_read_unlock();
	return hit;
}

/* NETLINK_URELEASE: a netlink socket is going away.  Treat the call as
 * atomic (the chain's type has changed across kernels): flag the conns
 * now, so that a reused portid cannot pass for the old socket, and do the
 * sending and freeing from the namespace's work item.
 */
static int rasdial_netlink_event(struct notifier_block *nb,
				 unsigned long event, void *ptr)
{
	struct netlink_notify *n = ptr;
	struct rasdial_net *rn;
	struct net *net;

	if (event != NETLINK_URELEASE || n->protocol != NETLINK_GENERIC ||
	    !n->portid)
		return NOTIFY_DONE;

	/* A dying namespace is cleaned up by rasdial_net_exit(). */
	net = maybe_get_net(n->net);
	if (!net)
		return NOTIFY_DONE;

	rn = rasdial_net(net);
	if (rasdial_mark_released(rn, n->portid))
		schedule_work(&rn->release_work);
	put_net(net);
	return NOTIFY_DONE;
}

struct notifier_block rasdial_netlink_notifier = {
	.notifier_call = rasdial_netlink_event,
};

static int __net_init rasdial_net_init(struct net *net)
{
	struct rasdial_net *rn = rasdial_net(net);

	mutex_init(&rn->lock);
	xa_init_flags(&rn->conns, XA_FLAGS_ALLOC1);
	xa_init(&rn->listeners);
	rn->net = net;
	/* Random, so that a copy dumped from an earlier load of the module
	 * does not pass for current.
	 */
	rn->gen = get_random_u32() ?: 1;
	INIT_WORK(&rn->release_work, rasdial_release_work);
	return 0;
}

/* Namespace death or module unload: the notifier can no longer queue work
 * for us (net is dead, or the notifier is unregistered), so cancel what is
 * pending and free every conn without telling anyone.
 */
static void __net_exit rasdial_net_exit(struct net *net)
{
	struct rasdial_net *rn = rasdial_net(net);
	struct rasdial_listener *l;
	struct rasdial_conn *conn;
	unsigned long id;

	cancel_work_sync(&rn->release_work);

	mutex_lock(&rn->lock);
	xa_for_each(&rn->conns, id, conn)
		rasdial_conn_del(rn, conn);
	xa_for_each(&rn->listeners, id, l)
		rasdial_listener_del(rn, l);
	mutex_unlock(&rn->lock);

	xa_destroy(&rn->conns);
	xa_destroy(&rn->listeners);
	mutex_destroy(&rn->lock);
}

struct pernet_operations rasdial_net_ops = {
	.init = rasdial_net_init,
	.exit = rasdial_net_exit,
	.id = &rasdial_net_id,
	.size = sizeof(struct rasdial_net),
};
