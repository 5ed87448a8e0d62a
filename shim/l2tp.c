// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * l2tp.c: entries that xl2tpd dials (L2TP, RASDT_Vpn).
 *
 * xl2tpd as LAC always starts pppd itself, so RasDial cannot start that
 * pppd.  A peers entry says which LAC to use:
 *
 *   rasdial-l2tp-lac NAME          xl2tpd.conf's [lac NAME]   (required)
 *   rasdial-l2tp-control PATH      xl2tpd's control FIFO
 *                                  (default /var/run/xl2tpd/l2tp-control)
 *   rasdial-l2tp-timeout SECONDS   how long xl2tpd may take to start the
 *                                  session's pppd (default 30, 1..600)
 *
 * and the LAC's pppoptfile loads rasdial.so with "rasdial-entry ENTRY",
 * so that the pppd xl2tpd starts adopts RasDial's conn (RASDIAL_F_ADOPT).
 * A .pbk entry says the same with DEVICE=vpn and LinuxL2tpLac,
 * LinuxL2tpControl, LinuxL2tpTimeout (phonebook.c).
 * RasDial sends "c NAME USER PASSWORD" (or "c NAME" without a password)
 * through the FIFO: xl2tpd hands the password to pppd through a pipe
 * (passwordfd.so), never on a command line.  xl2tpd splits commands at
 * spaces, so a user name or password with white space cannot be sent.
 *
 * A user other than root dials only when the admin lets them write the
 * FIFO (xl2tpd makes it root's, 0600) and the LAC's pppd options name
 * them with "rasdial-adopt-user USER": xl2tpd's pppd runs as root, and
 * the kernel lets it adopt no other user's dial (ERROR_ACCESS_DENIED
 * without the FIFO, ERROR_VPN_TIMEOUT without the option).
 */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "internal.h"

/* How long xl2tpd may take to answer a control command. */
#define L2TP_ANSWER_MS		5000
/* xl2tpd copies user and password into 100-byte fields (STRLEN). */
#define L2TP_MAX_CRED		99

int64_t rasdial_monotonic_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* Letters, digits and _ . - only: a word of xl2tpd's command syntax. */
static bool lac_name_ok(const char *s)
{
	size_t n = strlen(s);

	if (!n || n >= sizeof(((struct rasdial_l2tp *)0)->lac))
		return false;
	for (; *s; s++)
		if (!(*s >= 'a' && *s <= 'z') && !(*s >= 'A' && *s <= 'Z') &&
		    !(*s >= '0' && *s <= '9') && !strchr("_.-", *s))
			return false;
	return true;
}

/* Printable, no white space, no quote: one word for xl2tpd. */
static bool cred_ok(const char *s)
{
	if (strlen(s) > L2TP_MAX_CRED)
		return false;
	for (; *s; s++)
		if ((unsigned char)*s <= ' ' || *s == 0x7f)
			return false;
	return true;
}

static DWORD bad_setting(const char *path, unsigned int line, const char *why)
{
	char detail[PATH_MAX + 96];

	snprintf(detail, sizeof(detail), "%s:%u: %s", path, line, why);
	rasdial_detail_set(detail);
	return ERROR_CORRUPT_PHONEBOOK;
}

DWORD rasdial_l2tp_entry(FILE *f, const char *path, struct rasdial_l2tp *l,
			 bool *is_l2tp)
{
	char line[1024], key[64], val[PATH_MAX];
	unsigned int lineno = 0;
	DWORD ret = ERROR_SUCCESS;

	*is_l2tp = false;
	memset(l, 0, sizeof(*l));
	snprintf(l->control, sizeof(l->control), "%s", RASDIAL_L2TP_CONTROL);
	l->timeout_s = RASDIAL_L2TP_TIMEOUT_S;
	/* Unreadable (EACCES: a peers dir only pppd reads): pppd's entry. */
	if (!f)
		return ERROR_SUCCESS;
	while (!ret && fgets(line, sizeof(line), f)) {
		char *end;
		long v;
		int n;

		lineno++;
		n = sscanf(line, " %63s %4095s", key, val);
		if (n < 1 || key[0] == '#' || strncmp(key, "rasdial-l2tp-", 13))
			continue;
		if (n < 2) {
			ret = bad_setting(path, lineno, "setting without a value");
		} else if (!strcmp(key, "rasdial-l2tp-lac")) {
			if (!lac_name_ok(val))
				ret = bad_setting(path, lineno,
						  "LAC name: 1..63 of A-Z a-z 0-9 _ . -");
			else
				snprintf(l->lac, sizeof(l->lac), "%s", val);
		} else if (!strcmp(key, "rasdial-l2tp-control")) {
			if (val[0] != '/' || strlen(val) >= sizeof(l->control))
				ret = bad_setting(path, lineno,
						  "control: an absolute path, shorter than 108");
			else
				snprintf(l->control, sizeof(l->control), "%s", val);
		} else if (!strcmp(key, "rasdial-l2tp-timeout")) {
			errno = 0;
			v = strtol(val, &end, 10);
			if (errno || *end || v < 1 || v > RASDIAL_L2TP_MAX_TIMEOUT_S)
				ret = bad_setting(path, lineno,
						  "timeout: 1..600 seconds");
			else
				l->timeout_s = (int)v;
		} else {
			ret = bad_setting(path, lineno, "unknown rasdial-l2tp- setting");
		}
	}
	if (!ret && l->lac[0])
		*is_l2tp = true;
	return ret;
}

/* Writes CMD (one line) to xl2tpd's FIFO; a negative errno on failure. */
static int send_command(const char *control, const char *cmd)
{
	size_t len = strlen(cmd);
	ssize_t n;
	int fd;

	/* O_NONBLOCK: ENXIO at once when no xl2tpd reads the FIFO. */
	fd = open(control, O_WRONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY);
	if (fd < 0)
		return -errno;
	/* Shorter than PIPE_BUF: one atomic write, never mixed with others'. */
	do
		n = write(fd, cmd, len);
	while (n < 0 && errno == EINTR);
	close(fd);
	if (n < 0)
		return -errno;
	return (size_t)n == len ? 0 : -EIO;
}

/* xl2tpd's answer ("NN text") from the result FIFO FD, bounded. */
static int read_answer(int fd, char *buf, size_t size)
{
	int64_t deadline = rasdial_monotonic_ms() + L2TP_ANSWER_MS;
	size_t len = 0;

	while (len + 1 < size) {
		struct pollfd pfd = { .fd = fd, .events = POLLIN };
		int64_t left = deadline - rasdial_monotonic_ms();
		ssize_t n;
		int r;

		if (left <= 0)
			return -ETIMEDOUT;
		r = poll(&pfd, 1, (int)left);
		if (r < 0 && errno != EINTR)
			return -errno;
		if (r <= 0)
			continue;
		n = read(fd, buf + len, size - 1 - len);
		if (n < 0 && (errno == EINTR || errno == EAGAIN))
			continue;
		if (n < 0)
			return -errno;
		/* EOF: xl2tpd closed the file after its answer. */
		if (n == 0)
			break;
		len += (size_t)n;
		if (memchr(buf, '\n', len))
			break;
	}
	buf[len] = '\0';
	return len ? 0 : -EPIPE;
}

DWORD rasdial_l2tp_connect(const struct rasdial_l2tp *l, const char *user,
			   const char *password)
{
	char dir[] = "/tmp/rasdial-l2tp-XXXXXX";
	char fifo[sizeof(dir) + 8], cmd[512], answer[256], detail[400];
	DWORD ret = ERROR_RASMAN_CANNOT_INITIALIZE;
	int fd = -1, err, n;

	if (!cred_ok(user) || !cred_ok(password)) {
		rasdial_detail_set("L2TP: xl2tpd takes a user name and password of at most 99 characters without white space");
		return ERROR_INVALID_PARAMETER;
	}
	/*
	 * The answer comes through a FIFO of ours ("@PATH c ..."): xl2tpd
	 * writes "00 OK" or its error there.  Opened for reading first, so
	 * that xl2tpd's open for writing does not block.
	 */
	if (!mkdtemp(dir)) {
		rasdial_detail_set("L2TP: cannot make a directory in /tmp");
		return ret;
	}
	snprintf(fifo, sizeof(fifo), "%s/answer", dir);
	if (mkfifo(fifo, 0600) < 0 ||
	    (fd = open(fifo, O_RDONLY | O_NONBLOCK | O_CLOEXEC)) < 0) {
		rasdial_detail_set("L2TP: cannot make the answer FIFO");
		goto out;
	}
	/* A password only with a user: xl2tpd takes them in this order. */
	if (user[0] && password[0])
		n = snprintf(cmd, sizeof(cmd), "@%s c %s %s %s\n", fifo, l->lac,
			     user, password);
	else if (user[0])
		n = snprintf(cmd, sizeof(cmd), "@%s c %s %s\n", fifo, l->lac,
			     user);
	else
		n = snprintf(cmd, sizeof(cmd), "@%s c %s\n", fifo, l->lac);
	if (n < 0 || (size_t)n >= sizeof(cmd))
		goto out;
	err = send_command(l->control, cmd);
	explicit_bzero(cmd, sizeof(cmd));
	if (err == -EACCES || err == -EPERM) {
		/* xl2tpd makes its FIFO root's, 0600: the admin opens it to
		 * a group, and names the user in the LAC's options
		 * (rasdial-adopt-user), or root's pppd ignores the dial. */
		snprintf(detail, sizeof(detail), "L2TP: this user may not write xl2tpd's control %s (the admin grants it, and rasdial-adopt-user in the LAC's pppd options)",
			 l->control);
		rasdial_detail_set(detail);
		ret = ERROR_ACCESS_DENIED;
		goto out;
	}
	if (err) {
		snprintf(detail, sizeof(detail), "L2TP: xl2tpd's control %s: %s (is xl2tpd running?)",
			 l->control, strerror(-err));
		rasdial_detail_set(detail);
		goto out;
	}
	err = read_answer(fd, answer, sizeof(answer));
	if (err) {
		snprintf(detail, sizeof(detail), "L2TP: no answer from xl2tpd on %s: %s",
			 l->control, strerror(-err));
		rasdial_detail_set(detail);
		goto out;
	}
	answer[strcspn(answer, "\n")] = '\0';
	if (!strncmp(answer, "00", 2)) {
		ret = ERROR_SUCCESS;
	} else {
		snprintf(detail, sizeof(detail), "L2TP: xl2tpd: %s", answer);
		rasdial_detail_set(detail);
		/* One session per LAC: "Session 'x' already active!". */
		if (strstr(answer, "already active"))
			ret = ERROR_PORT_ALREADY_OPEN;
		/* "No such tunnel 'x'": xl2tpd.conf has no such LAC. */
		else if (strstr(answer, "No such"))
			ret = ERROR_CANNOT_FIND_PHONEBOOK_ENTRY;
	}
out:
	if (fd >= 0)
		close(fd);
	unlink(fifo);
	rmdir(dir);
	return ret;
}

void rasdial_l2tp_disconnect(const struct rasdial_l2tp *l)
{
	char cmd[128];

	snprintf(cmd, sizeof(cmd), "d %s\n", l->lac);
	send_command(l->control, cmd);
}
