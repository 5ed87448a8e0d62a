// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * passwd.c: rasdial-passwd-fd FD, the password for authenticating us.
 * Read once, up to EOF (one trailing newline dropped), when pppd first
 * needs the secret, then closed; never logged.  pppd asks through its
 * pap/chap hooks, installed only when the option is given.
 */
#include "pppd-compat.h"	/* first: pppd.h 2.4.9 typedefs bool */

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <stdint.h>
#include <string.h>
#include <unistd.h>

#include "passwd.h"
#include "rasdial.h"

/* How long a password writer may take to close its end of the pipe. */
#define RASDIAL_PASSWD_TIMEOUT_MS	5000

static int rasdial_passwd_fd = -1;
static char rasdial_secret[MAXSECRETLEN];
static int rasdial_secret_state;	/* 0 unread, 1 loaded, -1 failed */

/* Reads the password once from rasdial-passwd-fd, then closes the fd. */
static int rasdial_secret_load(void)
{
	int64_t deadline;
	size_t len = 0;
	ssize_t n;
	int ret;

	if (rasdial_secret_state)
		return rasdial_secret_state > 0 ? 0 : -1;
	rasdial_secret_state = -1;
	deadline = rasdial_now_ms() + RASDIAL_PASSWD_TIMEOUT_MS;
	for (;;) {
		struct pollfd pfd = { .fd = rasdial_passwd_fd, .events = POLLIN };
		int64_t left = deadline - rasdial_now_ms();

		if (left <= 0) {
			error("rasdial: rasdial-passwd-fd %d: no end of password within %d s",
			      rasdial_passwd_fd, RASDIAL_PASSWD_TIMEOUT_MS / 1000);
			goto out;
		}
		ret = poll(&pfd, 1, (int)left);
		if (ret < 0 && errno != EINTR) {
			error("rasdial: rasdial-passwd-fd %d: %m", rasdial_passwd_fd);
			goto out;
		}
		if (ret <= 0)
			continue;
		n = read(rasdial_passwd_fd, rasdial_secret + len,
			 sizeof(rasdial_secret) - len);
		if (n < 0) {
			if (errno == EINTR || errno == EAGAIN)
				continue;
			error("rasdial: rasdial-passwd-fd %d: %m", rasdial_passwd_fd);
			goto out;
		}
		if (n == 0)
			break;
		len += (size_t)n;
		if (len >= sizeof(rasdial_secret)) {
			error("rasdial: rasdial-passwd-fd %d: password longer than %d bytes",
			      rasdial_passwd_fd, MAXSECRETLEN - 1);
			goto out;
		}
	}
	/* One trailing newline is the writer's ("echo"), not the password's. */
	if (len && rasdial_secret[len - 1] == '\n')
		len--;
	rasdial_secret[len] = 0;
	rasdial_secret_state = 1;
out:
	if (rasdial_secret_state < 0)
		explicit_bzero(rasdial_secret, sizeof(rasdial_secret));
	close(rasdial_passwd_fd);
	rasdial_passwd_fd = -1;
	return rasdial_secret_state > 0 ? 0 : -1;
}

/* pap_passwd_hook: PASSWD NULL asks only whether we have one. */
static int rasdial_pap_passwd(char *user, char *passwd)
{
	(void)user;
	if (!passwd)
		return 1;
	if (rasdial_secret_load() < 0)
		return 0;	/* no password: PAP fails, 691 */
	strlcpy(passwd, rasdial_secret, MAXSECRETLEN);
	return 1;
}

/* chap_passwd_hook: PASSWD has room for MAXWORDLEN bytes. */
static int rasdial_chap_passwd(char *user, char *passwd)
{
	(void)user;
	if (rasdial_secret_load() < 0)
		return -1;	/* pppd: no CHAP secret, CHAP fails, 691 */
	strlcpy(passwd, rasdial_secret, MAXSECRETLEN);
	return 1;
}

/* pap/chap_check_hook: yes, there is a secret (as passwordfd.so says). */
static int rasdial_have_secret(void)
{
	return 1;
}

void rasdial_passwd_use(int fd)
{
	/* Scripts pppd runs must not inherit the password. */
	fcntl(fd, F_SETFD, FD_CLOEXEC);
	rasdial_passwd_fd = fd;
	/*
	 * Installed only now: chap_passwd_hook has no "fall back to
	 * chap-secrets" answer, so a pppd without this option keeps pppd's.
	 */
	rasdial_pppd_pap_passwd_hook = rasdial_pap_passwd;
	rasdial_pppd_chap_passwd_hook = rasdial_chap_passwd;
	rasdial_pppd_pap_check_hook = rasdial_have_secret;
	rasdial_pppd_chap_check_hook = rasdial_have_secret;
}

void rasdial_passwd_forget(int close_fd)
{
	if (close_fd && rasdial_passwd_fd >= 0)
		close(rasdial_passwd_fd);
	explicit_bzero(rasdial_secret, sizeof(rasdial_secret));
}
