// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * libFuzzer harness: the shim's decoder of conn messages (multicast
 * EVENT and GET replies from rasdial.ko), rasdial_nl_parse_conn().
 * Input: one byte of genl command, then the attribute bytes as they
 * would follow the genl header.  Checks that a decoded conn has every
 * string ended inside its field and no flag claiming what is absent.
 *
 * RASDIAL_FUZZ_WRITE_SEEDS=DIR: write a seed corpus (well-formed conn
 * messages) into DIR and exit.
 */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <netlink/netlink.h>
#include <netlink/msg.h>
#include <netlink/attr.h>
#include <netlink/genl/genl.h>

#include "nl.h"

#define FAMILY	0x20

#define CHECK(cond)							\
	do {								\
		if (!(cond)) {						\
			fprintf(stderr, "event fuzz: %s:%d: %s\n",	\
				__FILE__, __LINE__, #cond);		\
			abort();					\
		}							\
	} while (0)

#define TERMINATED(field) CHECK(strnlen(field, sizeof(field)) < sizeof(field))

static void write_seed(const char *dir, int n, struct nl_msg *msg)
{
	struct nlmsghdr *nlh = nlmsg_hdr(msg);
	struct genlmsghdr *gh = nlmsg_data(nlh);
	char path[512];
	FILE *f;

	snprintf(path, sizeof(path), "%s/seed-%02d", dir, n);
	f = fopen(path, "w");
	if (!f) {
		perror(path);
		exit(1);
	}
	fputc(gh->cmd, f);
	fwrite(genlmsg_attrdata(gh, 0), 1, genlmsg_attrlen(gh, 0), f);
	fclose(f);
	nlmsg_free(msg);
}

static struct nl_msg *seed_msg(uint8_t cmd)
{
	struct nl_msg *msg = nlmsg_alloc();

	if (!msg || !genlmsg_put(msg, 0, 0, FAMILY, 0, 0, cmd, 1))
		exit(1);
	return msg;
}

static void write_seeds(const char *dir)
{
	static const uint8_t ip4[4] = { 192, 0, 2, 2 }, ip4r[4] = { 192, 0, 2, 1 };
	static const uint8_t ifid[8] = { 1, 2, 3, 4, 5, 6, 7, 8 };
	struct nl_msg *m;
	int n = 0;

	/* A full conn message as the kernel sends one. */
	m = seed_msg(RASDIAL_CMD_EVENT);
	nla_put_u32(m, RASDIAL_A_CONN_ID, 7);
	nla_put_u32(m, RASDIAL_A_SEQ, 3);
	nla_put_u32(m, RASDIAL_A_STATE, 0x2000);
	nla_put_u32(m, RASDIAL_A_ERROR, 0);
	nla_put_u32(m, RASDIAL_A_EXT_ERROR, 0);
	nla_put_u32(m, RASDIAL_A_PHASE, 8);
	nla_put_u32(m, RASDIAL_A_OWNER_UID, 1000);
	nla_put_u32(m, RASDIAL_A_FLAGS, RASDIAL_F_WANT_ACK);
	nla_put_u32(m, RASDIAL_A_PID, 4242);
	nla_put_string(m, RASDIAL_A_ENTRY, "office");
	nla_put_u32(m, RASDIAL_A_EXIT_STATUS, 5);
	nla_put_string(m, RASDIAL_A_IFNAME, "ppp0");
	nla_put_u32(m, RASDIAL_A_IFINDEX, 9);
	nla_put_string(m, RASDIAL_A_DEVICE_NAME, "/dev/ttyS0");
	nla_put_string(m, RASDIAL_A_DEVICE_TYPE, "modem");
	nla_put(m, RASDIAL_A_LOCAL_ADDR, 4, ip4);
	nla_put(m, RASDIAL_A_REMOTE_ADDR, 4, ip4r);
	nla_put(m, RASDIAL_A_LOCAL_IFID6, 8, ifid);
	nla_put(m, RASDIAL_A_REMOTE_IFID6, 8, ifid);
	nla_put_u32(m, RASDIAL_A_BAUD, 115200);
	nla_put_u32(m, RASDIAL_A_AUTH_PROTO, 0xC223);
	nla_put_u32(m, RASDIAL_A_AUTH_DATA, 0x81);
	nla_put_u32(m, RASDIAL_A_LCP_OPTIONS, 3);
	nla_put_u32(m, RASDIAL_A_PEER_LCP_OPTIONS, 3);
	nla_put_u64(m, RASDIAL_A_CONNECTED_MS, 123456);
	write_seed(dir, n++, m);

	/* The smallest: a GET reply with the id only. */
	m = seed_msg(RASDIAL_CMD_GET);
	nla_put_u32(m, RASDIAL_A_CONN_ID, 1);
	write_seed(dir, n++, m);

	/* A final event of a vanished pppd. */
	m = seed_msg(RASDIAL_CMD_EVENT);
	nla_put_u32(m, RASDIAL_A_CONN_ID, 0xffffffff);
	nla_put_u32(m, RASDIAL_A_STATE, 0x2001);
	nla_put_u32(m, RASDIAL_A_ERROR, RASDIAL_ERROR_PPPD_VANISHED);
	nla_put_u32(m, RASDIAL_A_FLAGS, RASDIAL_F_FINAL | RASDIAL_F_VANISHED);
	write_seed(dir, n++, m);

	/* Strings at their limits. */
	m = seed_msg(RASDIAL_CMD_EVENT);
	{
		char s[RASDIAL_ENTRY_MAX + 1];

		memset(s, 'e', sizeof(s) - 1);
		s[sizeof(s) - 1] = '\0';
		nla_put_u32(m, RASDIAL_A_CONN_ID, 2);
		nla_put_string(m, RASDIAL_A_ENTRY, s);
		nla_put_string(m, RASDIAL_A_IFNAME, "ppp123456789012");
		s[RASDIAL_DEVICE_NAME_MAX] = '\0';
		nla_put_string(m, RASDIAL_A_DEVICE_NAME, s);
		s[RASDIAL_DEVICE_TYPE_MAX] = '\0';
		nla_put_string(m, RASDIAL_A_DEVICE_TYPE, s);
	}
	write_seed(dir, n++, m);
	exit(0);
}

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	const char *dir = getenv("RASDIAL_FUZZ_WRITE_SEEDS");

	(void)argc;
	(void)argv;
	if (dir && *dir)
		write_seeds(dir);
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct rasdial_conn_info ci;
	struct nl_msg *msg;
	int err;

	if (size < 1 || size > 65000)
		return 0;
	msg = nlmsg_alloc_size(size + 64);
	CHECK(msg != NULL);
	CHECK(genlmsg_put(msg, 0, 0, FAMILY, 0, 0, data[0], 1) != NULL);
	CHECK(nlmsg_append(msg, (void *)(data + 1), size - 1, 0) == 0);

	memset(&ci, 0x5a, sizeof(ci));
	err = rasdial_nl_parse_conn(msg, &ci);
	CHECK(err == 0 || err == -EINVAL);
	if (!err) {
		TERMINATED(ci.entry);
		TERMINATED(ci.ifname);
		TERMINATED(ci.device_name);
		TERMINATED(ci.device_type);
		/* Absent means zero, never the 0x5a of before. */
		if (!ci.has_state)
			CHECK(ci.state == 0);
		if (!ci.has_pid)
			CHECK(ci.pid == 0);
		if (!ci.has_local_addr)
			CHECK(!memcmp(ci.local_addr, "\0\0\0\0", 4));
		if (!ci.has_connected_ms)
			CHECK(ci.connected_ms == 0);
	}
	nlmsg_free(msg);
	return 0;
}
