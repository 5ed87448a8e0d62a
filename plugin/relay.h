/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * relay.h: the plugin's netlink client, which reports each step of the
 * dial to rasdial.ko as a RASDIAL_CMD_EVENT and waits for the owner's ACK.
 */
#ifndef RASDIAL_PLUGIN_RELAY_H
#define RASDIAL_PLUGIN_RELAY_H

#include <stddef.h>
#include <stdint.h>

struct nl_msg;

struct rasdial_event {
	uint32_t state;
	uint32_t error;
	uint32_t flags;
	int exit_status;		/* < 0: not known */
	int with_if;			/* add ifname/ifindex */
	int with_ip;			/* add the IPv4 addresses */
	int with_ipv6;			/* add the IPv6 interface ids */
	int with_lcp;			/* add authentication, LCP options */
};

/*
 * Sends EV (opening the socket the first time) and, when the kernel asks,
 * waits for the owner's ACK.  Never fails pppd: see relay.c.
 */
void rasdial_send(const struct rasdial_event *ev);

/* rasdial-fd: direct mode, events over FD to the dialing program. */
void rasdial_relay_use_fd(int fd);

/* Events sent so far (0: this pppd has reported nothing yet). */
uint32_t rasdial_relay_sent(void);

/* A new attempt: wait for ACKs again (after one went missing). */
void rasdial_relay_attempt(void);

/*
 * pppd exits: frees the socket.  IN_CHILD: in pppd's forked child, which
 * must neither speak for pppd nor keep the conn bound: closes it only.
 */
void rasdial_relay_close(int in_child);

/* Puts string S as ATTR, cut to MAX bytes (the kernel rejects longer). */
int rasdial_put_str(struct nl_msg *msg, int attr, const char *s, size_t max);

#endif /* RASDIAL_PLUGIN_RELAY_H */
