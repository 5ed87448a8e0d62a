// SPDX-License-Identifier: GPL-2.0
/*
 * relayfault.so: LD_PRELOAD into pppd to make the plugin's relay fail the
 * way a busy kernel makes it fail, for the fault suites.
 *
 *   RASDIAL_RELAY_FAULT="N ERRNO"  the Nth RASDIAL_CMD_EVENT that pppd's
 *                                  plugin sends fails with ERRNO
 *                                  (105: ENOBUFS)
 *   RASDIAL_RELAY_FAULT="N 0"      the Nth is swallowed: sent as far as
 *                                  the plugin knows, so no reply comes
 *
 * Only generic netlink messages of the "rasdial" family's EVENT command
 * count (libnl's controller lookups do not); any other sendmsg() passes.
 */
#include <dlfcn.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/socket.h>
#include <sys/types.h>

#include <linux/genetlink.h>
#include <linux/netlink.h>
#include <linux/rasdial.h>

static int fault_parsed, fault_at, fault_errno, fault_count;

static void fault_parse(void)
{
	const char *s = getenv("RASDIAL_RELAY_FAULT");

	fault_parsed = 1;
	if (!s || sscanf(s, "%d %d", &fault_at, &fault_errno) != 2)
		fault_at = 0;
}

/* A RASDIAL_CMD_EVENT request on a NETLINK_GENERIC socket? */
static int is_event(int fd, const struct msghdr *m)
{
	const struct nlmsghdr *nh;
	const struct genlmsghdr *gh;
	int proto = 0;
	socklen_t len = sizeof(proto);

	if (getsockopt(fd, SOL_SOCKET, SO_PROTOCOL, &proto, &len) ||
	    proto != NETLINK_GENERIC || !m->msg_iovlen ||
	    m->msg_iov[0].iov_len < NLMSG_HDRLEN + GENL_HDRLEN)
		return 0;
	nh = m->msg_iov[0].iov_base;
	gh = NLMSG_DATA(nh);
	return nh->nlmsg_type != GENL_ID_CTRL && gh->cmd == RASDIAL_CMD_EVENT;
}

ssize_t sendmsg(int fd, const struct msghdr *m, int flags)
{
	static ssize_t (*real)(int, const struct msghdr *, int);
	size_t i, total = 0;

	if (!real)
		real = (ssize_t (*)(int, const struct msghdr *, int))
		       dlsym(RTLD_NEXT, "sendmsg");
	if (!fault_parsed)
		fault_parse();
	if (fault_at > 0 && is_event(fd, m) && ++fault_count == fault_at) {
		if (fault_errno) {
			errno = fault_errno;
			return -1;
		}
		for (i = 0; i < m->msg_iovlen; i++)
			total += m->msg_iov[i].iov_len;
		return (ssize_t)total;
	}
	return real(fd, m, flags);
}
