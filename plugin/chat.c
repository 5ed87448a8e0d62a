// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * chat.c: chat's result.  pppd keeps only "connect script failed" of
 * chat's exit status.  With "rasdial-chat-report" (librasdial passes it;
 * no other dial's connect line is touched), on entering SERIALCONN the
 * plugin puts its rasdial-connect helper (next to rasdial.so) in front of
 * pppd's connect command when chat is that command (chat-cmd.c), and
 * hands it a pipe (env RASDIAL_CONNECT_FD) and the phone number override
 * (env RASDIAL_PHONE, from "rasdial-phone", a dial string checked against
 * a whitelist, which the helper passes to chat as -T for "\T").  The
 * helper reports chat's exit status and the ABORT string that matched;
 * rasdial_chat_error() (common/pppd-map.c) turns that into
 * 676/679/680/678/651.  A connect command that is not chat (a script of
 * its own, chat as its argument) runs as it is and fails as 678.
 */
/* dladdr() and pipe2(): defined before any header (pppd-compat.h too). */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include "pppd-compat.h"	/* first: pppd.h 2.4.9 typedefs bool */

#include <dlfcn.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "chat.h"
#include "chat-cmd.h"
#include "options.h"

#define RASDIAL_CONNECT_HELPER	"rasdial-connect"
static char *rasdial_connect_cmd;	/* our rewrite of connect_script */
static int rasdial_chat_rd = -1;	/* report pipe, read end */
static int rasdial_chat_wr = -1;	/* write end, inherited by the script */
static int rasdial_chat_exit = -1;	/* chat's exit status, -1 unknown */
static char rasdial_chat_abort[128];	/* the ABORT string that matched */

/*
 * connect_script and remote_number are pppd globals in 2.4.9 and 2.5
 * (2.5 no longer declares them in a public header, but pppd exports all
 * its symbols to plugins): looked up at run time, no compat macro needed.
 */
static char **rasdial_connect_script_ptr(void)
{
	return dlsym(RTLD_DEFAULT, "connect_script");
}

/* rasdial-connect next to this rasdial.so, or NULL. */
static const char *rasdial_helper_path(void)
{
	static char path[PATH_MAX];
	static int tried;
	Dl_info info;
	char *slash;

	if (tried)
		return path[0] ? path : NULL;
	tried = 1;
	if (!dladdr((void *)rasdial_helper_path, &info) || !info.dli_fname)
		return NULL;
	snprintf(path, sizeof(path), "%s", info.dli_fname);
	slash = strrchr(path, '/');
	if (!slash || (size_t)(slash + 1 - path) + sizeof(RASDIAL_CONNECT_HELPER) >
		      sizeof(path) || strchr(path, '\'')) {
		path[0] = 0;
		return NULL;
	}
	strcpy(slash + 1, RASDIAL_CONNECT_HELPER);
	if (access(path, X_OK) < 0) {
		dbglog("rasdial: no %s: chat's result will not be known", path);
		path[0] = 0;
		return NULL;
	}
	return path;
}

/* CMD with "'HELPER' " put before its chat, or NULL when chat is not the
 * command (rasdial_chat_cmd_offset()). */
static char *rasdial_wrap_chat(const char *cmd, const char *helper)
{
	int off = rasdial_chat_cmd_offset(cmd);
	size_t len;
	char *out;

	if (off < 0)
		return NULL;
	len = strlen(cmd) + strlen(helper) + 4;
	out = malloc(len);
	if (!out)
		return NULL;
	snprintf(out, len, "%.*s'%s' %s", off, cmd, helper, cmd + off);
	return out;
}

/* Entering SERIALCONN: chat will run under rasdial-connect, reporting. */
void rasdial_chat_arm(void)
{
	char **cs = rasdial_connect_script_ptr();
	const char *helper;
	char fdbuf[16];
	int p[2];

	rasdial_chat_exit = -1;
	rasdial_chat_abort[0] = 0;
	/* Only librasdial's dials: every other dial's connect line stays as
	 * the admin wrote it (an /etc/ppp/options plugin line loads us for
	 * all of them). */
	if (!rasdial_opt.chat_report || !cs || !*cs || !**cs)
		return;
	if (*cs != rasdial_connect_cmd) {
		helper = rasdial_helper_path();
		if (!helper)
			return;
		free(rasdial_connect_cmd);
		rasdial_connect_cmd = rasdial_wrap_chat(*cs, helper);
		if (!rasdial_connect_cmd) {
			dbglog("rasdial: no chat in the connect command: chat's result will not be known");
			return;
		}
		/* pppd runs connector = connect_script via /bin/sh -c. */
		*cs = rasdial_connect_cmd;
	}
	if (rasdial_chat_rd >= 0)
		close(rasdial_chat_rd);
	if (rasdial_chat_wr >= 0)
		close(rasdial_chat_wr);
	rasdial_chat_rd = rasdial_chat_wr = -1;
	if (pipe2(p, O_CLOEXEC | O_NONBLOCK) < 0) {
		warn("rasdial: pipe: %m; chat's result will not be known");
		return;
	}
	/* Only the write end goes through sh to rasdial-connect. */
	fcntl(p[1], F_SETFD, 0);
	rasdial_chat_rd = p[0];
	rasdial_chat_wr = p[1];
	snprintf(fdbuf, sizeof(fdbuf), "%d", p[1]);
	setenv("RASDIAL_CONNECT_FD", fdbuf, 1);
	if (rasdial_opt.phone[0])
		setenv("RASDIAL_PHONE", rasdial_opt.phone, 1);
	else
		unsetenv("RASDIAL_PHONE");
}

/* The connect script is over: read what rasdial-connect said. */
void rasdial_chat_collect(void)
{
	char buf[256];
	ssize_t n;
	int code, off = 0;

	if (rasdial_chat_wr >= 0)
		close(rasdial_chat_wr);
	rasdial_chat_wr = -1;
	unsetenv("RASDIAL_CONNECT_FD");
	if (rasdial_chat_rd < 0)
		return;
	n = read(rasdial_chat_rd, buf, sizeof(buf) - 1);
	close(rasdial_chat_rd);
	rasdial_chat_rd = -1;
	if (n <= 0)
		return;
	buf[n] = 0;
	buf[strcspn(buf, "\n")] = 0;
	if (sscanf(buf, "chat %d %n", &code, &off) < 1)
		return;
	rasdial_chat_exit = code;
	if (off > 0 && buf[off])
		snprintf(rasdial_chat_abort, sizeof(rasdial_chat_abort), "%s",
			 buf + off);
	dbglog("rasdial: chat exit %d%s%q", code, rasdial_chat_abort[0] ? ", abort on " : "",
	       rasdial_chat_abort);
}

int rasdial_chat_result(const char **abort)
{
	*abort = rasdial_chat_abort;
	return rasdial_chat_exit;
}

void rasdial_chat_forget(void)
{
	rasdial_chat_exit = -1;
	rasdial_chat_abort[0] = 0;
}
