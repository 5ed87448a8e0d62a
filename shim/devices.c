// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * devices.c: RasEnumDevicesA/W.
 *
 * What an entry can dial through on this machine:
 * - RASDT_Modem, one per serial port with something behind it: a ttyS
 *   whose UART the kernel found (its "type" attribute is not 0, so the
 *   legacy ttyS placeholders do not count), every ttyUSB and ttyACM, and
 *   every /dev symlink to such a tty or to a pty (a udev alias such as
 *   /dev/modem or /dev/gsmmodem, a modem simulator's link) that does not
 *   name a port already listed.  The name is the /dev name ("ttyUSB0").
 * - RASDT_PPPoE, one per Ethernet interface with a device behind it
 *   (not bridges, veth and the like); the name is the interface's.
 * - RASDT_Vpn "WAN Miniport (L2TP)" when xl2tpd is installed.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <unistd.h>

#include "internal.h"
#include "layouts.h"
#include "phonebook.h"
#include "utf16.h"

#define DEV_MAX		4096	/* bounds every listing */
#define XL2TPD_PATH	"/usr/sbin/xl2tpd"

struct devlist {
	struct rasdial_device *v;
	size_t n, cap;
};

static int dev_add(struct devlist *l, const char *type, const char *name,
		   dev_t rdev)
{
	struct rasdial_device *d;
	const char *c;
	int err;

	/* sysfs and /dev names are bytes: keep the printable ASCII ones,
	 * which both variants can return unchanged. */
	if (strlen(name) > RAS_MaxDeviceName)
		return 0;
	for (c = name; *c; c++)
		if (*c < 0x20 || *c > 0x7e)
			return 0;
	err = rasdial_array_grow(&l->v, l->n, &l->cap, sizeof(*l->v), 16,
				 DEV_MAX);
	if (err)
		return err;
	d = &l->v[l->n++];
	rasdial_strlcpy(d->type, type, sizeof(d->type));
	rasdial_strlcpy(d->name, name, sizeof(d->name));
	d->rdev = rdev;
	return 0;
}

/* Reads a small sysfs attribute; false when it is not there. */
static bool read_attr(int dfd, const char *path, char *buf, size_t size)
{
	ssize_t n;
	int fd = openat(dfd, path, O_RDONLY | O_CLOEXEC);

	if (fd < 0)
		return false;
	n = read(fd, buf, size - 1);
	close(fd);
	if (n < 0)
		return false;
	buf[n] = '\0';
	buf[strcspn(buf, "\n")] = '\0';
	return true;
}

static bool has_prefix(const char *s, const char *p)
{
	return !strncmp(s, p, strlen(p));
}

bool rasdial_tty_major_ok(unsigned int major, unsigned int minor)
{
	/* ttyS (4, 64..), ttyUSB (188), ttyACM (166), pty slaves (136..143). */
	return (major == 4 && minor >= 64) || major == 188 || major == 166 ||
	       (major >= 136 && major <= 143);
}

static int list_ttys(struct devlist *l)
{
	struct dirent *de;
	DIR *d = opendir("/sys/class/tty");
	int err = 0;

	if (!d)
		return 0;
	while (!err && (de = readdir(d))) {
		char path[300], attr[32];
		struct stat st;

		if (!has_prefix(de->d_name, "ttyS") &&
		    !has_prefix(de->d_name, "ttyUSB") &&
		    !has_prefix(de->d_name, "ttyACM"))
			continue;
		snprintf(path, sizeof(path), "%s/device", de->d_name);
		if (faccessat(dirfd(d), path, F_OK, 0) < 0)
			continue;
		/* A ttyS without a UART has type 0 (PORT_UNKNOWN). */
		if (has_prefix(de->d_name, "ttyS") &&
		    (!read_attr(dirfd(d), strcat(strcpy(path, de->d_name), "/type"),
				attr, sizeof(attr)) || !strcmp(attr, "0")))
			continue;
		snprintf(path, sizeof(path), "/dev/%s", de->d_name);
		if (stat(path, &st) < 0 || !S_ISCHR(st.st_mode))
			continue;
		err = dev_add(l, RASDT_Modem, de->d_name, st.st_rdev);
	}
	closedir(d);
	return err;
}

/* /dev/NAME -> a tty: udev's aliases and simulators' links. */
static int list_aliases(struct devlist *l)
{
	struct dirent *de;
	DIR *d = opendir("/dev");
	int err = 0;

	if (!d)
		return 0;
	while (!err && (de = readdir(d))) {
		char target[PATH_MAX];
		struct stat st;
		ssize_t n;
		size_t i;

		if (de->d_name[0] == '.' || (de->d_type != DT_LNK &&
					     de->d_type != DT_UNKNOWN))
			continue;
		n = readlinkat(dirfd(d), de->d_name, target, sizeof(target) - 1);
		if (n <= 0)
			continue;
		target[n] = '\0';
		/* /dev/stdin and friends go through /proc/self/fd. */
		if (strstr(target, "/proc/") || has_prefix(target, "fd/"))
			continue;
		if (fstatat(dirfd(d), de->d_name, &st, 0) < 0 ||
		    !S_ISCHR(st.st_mode) ||
		    !rasdial_tty_major_ok(major(st.st_rdev), minor(st.st_rdev)))
			continue;
		for (i = 0; i < l->n && l->v[i].rdev != st.st_rdev; i++)
			;
		if (i < l->n)
			continue;
		err = dev_add(l, RASDT_Modem, de->d_name, st.st_rdev);
	}
	closedir(d);
	return err;
}

static int list_ethernet(struct devlist *l)
{
	struct dirent *de;
	DIR *d = opendir("/sys/class/net");
	int err = 0;

	if (!d)
		return 0;
	while (!err && (de = readdir(d))) {
		char path[300], attr[32];

		if (de->d_name[0] == '.')
			continue;
		snprintf(path, sizeof(path), "%s/type", de->d_name);
		/* ARPHRD_ETHER, with hardware (or a virtual NIC) behind it. */
		if (!read_attr(dirfd(d), path, attr, sizeof(attr)) ||
		    strcmp(attr, "1"))
			continue;
		snprintf(path, sizeof(path), "%s/device", de->d_name);
		if (faccessat(dirfd(d), path, F_OK, 0) < 0)
			continue;
		err = dev_add(l, RASDT_PPPoE, de->d_name, 0);
	}
	closedir(d);
	return err;
}

static int cmp_dev(const void *a, const void *b)
{
	const struct rasdial_device *x = a, *y = b;

	return strcmp(x->name, y->name);
}

DWORD rasdial_devices_list(struct rasdial_device **v, size_t *n)
{
	struct devlist l = { 0 };
	size_t eth;
	int err;

	err = list_ttys(&l);
	if (!err)
		err = list_aliases(&l);
	if (!err && l.n)
		qsort(l.v, l.n, sizeof(*l.v), cmp_dev);
	eth = l.n;
	if (!err)
		err = list_ethernet(&l);
	if (!err && l.n > eth)
		qsort(l.v + eth, l.n - eth, sizeof(*l.v), cmp_dev);
	if (!err && access(XL2TPD_PATH, X_OK) == 0)
		err = dev_add(&l, RASDT_Vpn, RASDIAL_L2TP_DEVICE_NAME, 0);
	if (err) {
		free(l.v);
		return err == -ENOMEM ? ERROR_NOT_ENOUGH_MEMORY
				      : ERROR_CANNOT_LOAD_PHONEBOOK;
	}
	*v = l.v;
	*n = l.n;
	return ERROR_SUCCESS;
}

/*
 * The buffer protocol both variants share (Windows', as Wine's
 * conformance test checks it): dwSize is checked first, then the size;
 * a NULL buffer is a size query whatever *lpcb says.
 */
static DWORD enum_devices(void *buf, DWORD item_size, LPDWORD lpcb,
			  LPDWORD lpcDevices, bool wide)
{
	struct rasdial_device *v = NULL;
	size_t n = 0, i, need;
	DWORD ret;

	if (!lpcb || !lpcDevices)
		return ERROR_INVALID_PARAMETER;
	if (buf && *(DWORD *)buf != item_size)
		return ERROR_INVALID_SIZE;
	ret = rasdial_devices_list(&v, &n);
	if (ret)
		return ret;
	need = n * item_size;
	*lpcDevices = (DWORD)n;
	if (!buf || need > *lpcb) {
		*lpcb = (DWORD)need;
		free(v);
		return need ? ERROR_BUFFER_TOO_SMALL : ERROR_SUCCESS;
	}
	for (i = 0; i < n; i++) {
		if (wide) {
			RASDEVINFOW *w = (RASDEVINFOW *)buf + i;

			memset(w, 0, sizeof(*w));
			w->dwSize = item_size;
			/* ASCII that fits (dev_add checked): no error. */
			rasdial_utf8_to_w(v[i].type, w->szDeviceType,
					  RASDIAL_ARRAY_SIZE(w->szDeviceType), NULL);
			rasdial_utf8_to_w(v[i].name, w->szDeviceName,
					  RASDIAL_ARRAY_SIZE(w->szDeviceName), NULL);
		} else {
			RASDEVINFOA *a = (RASDEVINFOA *)buf + i;

			memset(a, 0, sizeof(*a));
			a->dwSize = item_size;
			rasdial_strlcpy(a->szDeviceType, v[i].type,
					sizeof(a->szDeviceType));
			rasdial_strlcpy(a->szDeviceName, v[i].name,
					sizeof(a->szDeviceName));
		}
	}
	*lpcb = (DWORD)need;
	free(v);
	return ret;
}

RASDIAL_API DWORD APIENTRY RasEnumDevicesA(LPRASDEVINFOA lpRasDevInfo,
					   LPDWORD lpcb, LPDWORD lpcDevices)
{
	return enum_devices(lpRasDevInfo, sizeof(RASDEVINFOA), lpcb,
			    lpcDevices, false);
}

RASDIAL_API DWORD APIENTRY RasEnumDevicesW(LPRASDEVINFOW lpRasDevInfo,
					   LPDWORD lpcb, LPDWORD lpcDevices)
{
	return enum_devices(lpRasDevInfo, sizeof(RASDEVINFOW), lpcb,
			    lpcDevices, true);
}
