// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * link.c: what an EVENT says about the link itself.
 *
 * rasdial-entry NAME (a pppd that another program starts, as xl2tpd does
 * for L2TP, from an options file the admin wrote): the plugin asks the
 * kernel to adopt the oldest conn RasDial is dialing for entry NAME
 * (RASDIAL_F_ADOPT) and from then on reports and waits for ACKs as with
 * rasdial-conn; with no such dial it registers itself under NAME.
 *
 * rasdial-adopt-user USER|UID (privileged: from root or an options file
 * root controls) with rasdial-entry: root's pppd (xl2tpd's) may adopt
 * that user's RasDial of the entry (RASDIAL_A_ADOPT_UID); without it the
 * kernel lets it adopt only root's.
 *
 * Entry name: with rasdial-conn the shim's (CONN_NEW) stands and none is
 * sent; a self-registered pppd is named by rasdial-entry, else by its
 * "linkname", else "ipparam", else the NAME of "call NAME", else its device.
 *
 * rasdial-device-type TYPE (RASDT_*, default "modem"): sent with every
 * event (RASDIAL_A_DEVICE_TYPE); a dial that fails before Connected may
 * get an error specific to it (rasdial_ppp_end(), common/pppd-map.c).
 */
#include "pppd-compat.h"	/* first: pppd.h 2.4.9 typedefs bool */

#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include <netlink/attr.h>
#include <netlink/msg.h>

#include <linux/rasdial.h>

#include "link.h"
#include "options.h"
#include "relay.h"

void rasdial_link_check(void)
{
	if (rasdial_opt.adopt_uid_set && (!rasdial_opt.entry[0] || rasdial_opt.conn))
		warn("rasdial: rasdial-adopt-user applies to rasdial-entry without rasdial-conn only; ignored");
	else if (rasdial_opt.adopt_uid_set && getuid() != 0)
		warn("rasdial: rasdial-adopt-user ignored: only a pppd that root runs may adopt another user's dial");
}

/* The entry name of a pppd no shim started: linkname, ipparam, peer, device. */
static const char *rasdial_self_entry(char *buf, size_t size)
{
	const char *s;
	ssize_t n;
	int fd;

	if (rasdial_opt.entry[0])
		return rasdial_opt.entry;
	s = rasdial_pppd_linkname();
	if (s && *s)
		return s;
	s = rasdial_pppd_ipparam();
	if (s && *s)
		return s;
	/* "pppd call NAME": pppd keeps NAME only in the scripts' environment. */
	fd = open("/proc/self/cmdline", O_RDONLY | O_CLOEXEC);
	if (fd >= 0) {
		char cmd[4096];
		const char *p, *end;

		n = read(fd, cmd, sizeof(cmd) - 1);
		close(fd);
		if (n > 0) {
			cmd[n] = 0;
			end = cmd + n;
			for (p = cmd; p < end; p += strlen(p) + 1) {
				if (strcmp(p, "call"))
					continue;
				p += strlen(p) + 1;
				if (p < end && *p) {
					snprintf(buf, size, "%s", p);
					return buf;
				}
				break;
			}
		}
	}
	s = rasdial_pppd_devnam();
	if (s && *s)
		return s;
	return "pppd";
}

int rasdial_link_put_adopt(struct nl_msg *msg, uint32_t conn,
			   uint32_t *flags)
{
	int err = 0;

	/* Until the kernel has told us our conn: adopt RasDial's by name. */
	if (!conn && rasdial_opt.entry[0]) {
		*flags |= RASDIAL_F_ADOPT;
		/*
		 * Root's pppd (xl2tpd's) adopts only root's dials unless the
		 * admin names the user it dials for; the kernel refuses the
		 * attribute from anyone else (rasdial_link_check() warned).
		 */
		if (rasdial_opt.adopt_uid_set && getuid() == 0)
			err |= nla_put_u32(msg, RASDIAL_A_ADOPT_UID,
					   rasdial_opt.adopt_uid);
	}
	return err;
}

int rasdial_link_put_device(struct nl_msg *msg, uint32_t conn)
{
	const char *dev = rasdial_pppd_devnam();
	int baud = rasdial_pppd_baud();
	int err = 0;

	/* With rasdial-conn the shim already named the conn (phonebook entry). */
	if (!conn) {
		char entry[RASDIAL_ENTRY_MAX + 1];

		err |= rasdial_put_str(msg, RASDIAL_A_ENTRY,
				       rasdial_self_entry(entry, sizeof(entry)),
				       RASDIAL_ENTRY_MAX);
	}
	if (dev && *dev)
		err |= rasdial_put_str(msg, RASDIAL_A_DEVICE_NAME, dev,
				       RASDIAL_DEVICE_NAME_MAX);
	err |= nla_put_string(msg, RASDIAL_A_DEVICE_TYPE, rasdial_opt.device_type);
	if (baud > 0)
		err |= nla_put_u32(msg, RASDIAL_A_BAUD, (uint32_t)baud);
	return err;
}
