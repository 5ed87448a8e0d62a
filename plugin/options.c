// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * options.c: the plugin's pppd options, one table (rasdial.c's header
 * lists them; each is described in the file it serves).  Each value is
 * checked here as pppd parses it, so that a bad one is pppd's option
 * error, not a dial that goes wrong later.
 */
#include "pppd-compat.h"	/* first: pppd.h 2.4.9 typedefs bool */

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <pwd.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>

#include "options.h"
#include "passwd.h"
#include "relay.h"

/*
 * While pppd waits for an ACK its main loop stands still (no LCP echo
 * replies, no retransmits): a short default, a bound on what the caller
 * (an unprivileged option) may ask, more from the admin's options only.
 */
#define RASDIAL_CB_TIMEOUT_DEFAULT	10
#define RASDIAL_CB_TIMEOUT_USER_MAX	60
#define RASDIAL_CB_TIMEOUT_MAX		86400

struct rasdial_opts rasdial_opt = {
	.cb_timeout = RASDIAL_CB_TIMEOUT_DEFAULT,
	.device_type = "modem",
};

/* Full-string unsigned parse; -1 on junk or overflow. */
static int rasdial_parse_ulong(const char *s, unsigned long max,
			       unsigned long *out)
{
	char *end;
	unsigned long v;

	if (!s || !*s || *s == '-' || *s == '+')
		return -1;
	errno = 0;
	v = strtoul(s, &end, 10);
	if (errno || *end || v > max)
		return -1;
	*out = v;
	return 0;
}

static int rasdial_opt_conn_set(char **argv)
{
	unsigned long v;

	if (rasdial_parse_ulong(*argv, UINT32_MAX, &v) < 0 || !v) {
		rasdial_pppd_option_error("rasdial-conn: %s is not a connection id",
					  *argv);
		return 0;
	}
	rasdial_opt.conn = (uint32_t)v;
	return 1;
}

static int rasdial_opt_cb_timeout_set(char **argv)
{
	unsigned long v;
	unsigned long max = rasdial_pppd_privileged_option() ?
			    RASDIAL_CB_TIMEOUT_MAX : RASDIAL_CB_TIMEOUT_USER_MAX;

	if (rasdial_parse_ulong(*argv, max, &v) < 0) {
		rasdial_pppd_option_error("rasdial-callback-timeout: %s is not 0..%lu seconds%s",
					  *argv, max,
					  max < RASDIAL_CB_TIMEOUT_MAX ?
					  " (more only from a privileged source)" : "");
		return 0;
	}
	rasdial_opt.cb_timeout = (int)v;
	return 1;
}

static int rasdial_opt_passwd_fd_set(char **argv)
{
	unsigned long v;
	int fd;

	if (rasdial_parse_ulong(*argv, INT_MAX, &v) < 0) {
		rasdial_pppd_option_error("rasdial-passwd-fd: %s is not a file descriptor",
					  *argv);
		return 0;
	}
	fd = (int)v;
	/* The fork notifier closes it after pppd's dup2() onto 0..2 (the tty). */
	if (fd < 3) {
		rasdial_pppd_option_error("rasdial-passwd-fd: %d is a standard stream; use a descriptor above 2",
					  fd);
		return 0;
	}
	if (fcntl(fd, F_GETFD) < 0) {
		rasdial_pppd_option_error("rasdial-passwd-fd: %d is not open", fd);
		return 0;
	}
	rasdial_passwd_use(fd);
	return 1;
}

/*
 * rasdial-fd FD: librasdial's direct mode (no rasdial.ko): the events go
 * over this inherited AF_UNIX SOCK_SEQPACKET socket to the program that
 * dialed, as the same generic netlink messages (relay.c).
 */
static int rasdial_opt_fd_set(char **argv)
{
	int domain = 0, type = 0;
	socklen_t len = sizeof(int);
	unsigned long v;
	int fd;

	if (rasdial_parse_ulong(*argv, INT_MAX, &v) < 0 || v < 3) {
		rasdial_pppd_option_error("rasdial-fd: %s is not a file descriptor above 2",
					  *argv);
		return 0;
	}
	fd = (int)v;
	if (getsockopt(fd, SOL_SOCKET, SO_DOMAIN, &domain, &len) < 0 ||
	    getsockopt(fd, SOL_SOCKET, SO_TYPE, &type, &len) < 0 ||
	    domain != AF_UNIX || type != SOCK_SEQPACKET) {
		rasdial_pppd_option_error("rasdial-fd: %d is not an AF_UNIX SOCK_SEQPACKET socket",
					  fd);
		return 0;
	}
	/* Not for the connect script, chat or the ip-up scripts. */
	fcntl(fd, F_SETFD, FD_CLOEXEC);
	rasdial_relay_use_fd(fd);
	return 1;
}

static int rasdial_opt_entry_set(char **argv)
{
	size_t len = strlen(*argv);

	if (!len || len > RASDIAL_ENTRY_MAX) {
		rasdial_pppd_option_error("rasdial-entry: \"%s\" is not 1..%d characters",
					  *argv, RASDIAL_ENTRY_MAX);
		return 0;
	}
	memcpy(rasdial_opt.entry, *argv, len + 1);
	return 1;
}

/*
 * rasdial-adopt-user USER|UID: the user whose RasDial of the rasdial-entry
 * this pppd, run by root for them (xl2tpd's), may adopt.  Privileged: the
 * admin's options file says whose dials root's link serves.
 */
static int rasdial_opt_adopt_user_set(char **argv)
{
	const struct passwd *pw;
	unsigned long v;

	if (rasdial_parse_ulong(*argv, UINT32_MAX - 1, &v) == 0) {
		rasdial_opt.adopt_uid = (uint32_t)v;
	} else {
		pw = getpwnam(*argv);
		if (!pw) {
			rasdial_pppd_option_error("rasdial-adopt-user: %q is neither a user nor a uid",
						  *argv);
			return 0;
		}
		rasdial_opt.adopt_uid = (uint32_t)pw->pw_uid;
	}
	rasdial_opt.adopt_uid_set = 1;
	return 1;
}

static int rasdial_opt_device_type_set(char **argv)
{
	size_t len = strlen(*argv);

	if (!len || len > RASDIAL_DEVICE_TYPE_MAX) {
		rasdial_pppd_option_error("rasdial-device-type: \"%s\" is not 1..%d characters",
					  *argv, RASDIAL_DEVICE_TYPE_MAX);
		return 0;
	}
	memcpy(rasdial_opt.device_type, *argv, len + 1);
	return 1;
}

/*
 * What a Hayes dial string may hold: digits, DTMF, the dial modifiers
 * T P W , ! @ and formatting.  Not ';' (back to command mode, where the
 * rest of the line would run as AT commands) nor any other letter.
 */
static int rasdial_phone_ok(const char *s)
{
	for (; *s; s++)
		if (!strchr("0123456789*#ABCDabcdTtPpWw,!@+-(). ", *s))
			return 0;
	return 1;
}

/*
 * RASDIALPARAMS.szPhoneNumber from librasdial, for "\T" in the connect
 * line's chat script.  Not OPT_PRIV (any caller dials), so filtered;
 * pppd's own "remotenumber" is not used: it is unfiltered and unprivileged.
 */
static int rasdial_opt_phone_set(char **argv)
{
	size_t len = strlen(*argv);

	if (!len || len > RASDIAL_PHONE_MAX || !rasdial_phone_ok(*argv)) {
		rasdial_pppd_option_error("rasdial-phone: %q is not a dial string of 1..%d digits and dial modifiers",
					  *argv, RASDIAL_PHONE_MAX);
		return 0;
	}
	memcpy(rasdial_opt.phone, *argv, len + 1);
	return 1;
}

static int rasdial_opt_chat_report_set(char **argv)
{
	(void)argv;
	rasdial_opt.chat_report = 1;
	return 1;
}

#define RASDIAL_OPT(n, fn, d) \
	{ .name = (n), .type = o_special, .addr = (void *)(fn), .description = (d) }
/* Only from root's command line or a file root controls (pppd checks). */
#define RASDIAL_OPT_PRIV(n, fn, d) \
	{ .name = (n), .type = o_special, .addr = (void *)(fn), \
	  .flags = OPT_PRIV, .description = (d) }

/* Not OPT_PRIV but one: librasdial passes them on any user's command line. */
static option_t rasdial_options[] = {
	RASDIAL_OPT("rasdial-conn", rasdial_opt_conn_set,
		    "RAS connection id (HRASCONN) from librasdial"),
	RASDIAL_OPT("rasdial-callback-timeout", rasdial_opt_cb_timeout_set,
		    "Seconds to wait for the RasDialFunc1 callback, 0 = do not wait"),
	RASDIAL_OPT("rasdial-passwd-fd", rasdial_opt_passwd_fd_set,
		    "Read the password for authenticating us from this fd"),
	RASDIAL_OPT("rasdial-fd", rasdial_opt_fd_set,
		    "Report to the dialing program over this socket (no rasdial.ko)"),
	RASDIAL_OPT("rasdial-entry", rasdial_opt_entry_set,
		    "Adopt the RasDial of this entry (pppd started by xl2tpd)"),
	{ .name = "rasdial-chat-report", .type = o_special_noarg,
	  .addr = (void *)rasdial_opt_chat_report_set,
	  .description = "Run the connect line's chat under rasdial-connect (librasdial's dials)" },
	RASDIAL_OPT_PRIV("rasdial-adopt-user", rasdial_opt_adopt_user_set,
			 "Whose RasDial of rasdial-entry root's pppd may adopt"),
	RASDIAL_OPT("rasdial-phone", rasdial_opt_phone_set,
		    "Phone number for \\T in the chat script (RASDIALPARAMS)"),
	RASDIAL_OPT("rasdial-device-type", rasdial_opt_device_type_set,
		    "RAS device type (RASDT_*) to report, default \"modem\""),
	{ .name = NULL }
};

void rasdial_options_add(void)
{
	rasdial_pppd_add_options(rasdial_options);
}
