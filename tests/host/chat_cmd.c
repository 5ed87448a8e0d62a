// SPDX-License-Identifier: GPL-2.0
/*
 * The connect-command side of the plugin on the host: plugin/chat-cmd.c
 * (is chat the command pppd's connect line runs?) and the
 * plugin/rasdial-connect program (chat's options and script read as chat
 * reads them), run against a stand-in "chat" that records its arguments
 * and exits with the status it is told.
 */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "../../plugin/chat-cmd.c"

#include "kselftest_harness.h"
#include "../setup_skip.h"

TEST(chat_is_the_command)
{
	static const struct { const char *cmd; int off; } c[] = {
		{ "chat -v -f /etc/chatscripts/isp", 0 },
		{ "/usr/sbin/chat -v -f /etc/chatscripts/isp", 0 },
		{ "  exec /usr/sbin/chat -vf x", 7 },
		{ "\tchat;true", 1 },
		{ "chat", 0 },
		{ "chat\n", 0 },
		{ "/etc/ppp/my-dialer chat", -1 },	/* chat as an argument */
		{ "sh -c 'chat -v'", -1 },
		{ "'chat' -v", -1 },			/* quoted: not plain */
		{ "\"/usr/sbin/chat\" -v", -1 },
		{ "$CHAT -v", -1 },
		{ "FOO=1 chat -v", -1 },
		{ "mychat -v", -1 },
		{ "/usr/sbin/notchat -v", -1 },
		{ "chatter", -1 },
		{ "echo chat | chat", -1 },
		{ "/bin/false", -1 },
		{ "exec", -1 },
		{ "", -1 },
	};

	for (unsigned int i = 0; i < ARRAY_SIZE(c); i++) {
		EXPECT_EQ(c[i].off, rasdial_chat_cmd_offset(c[i].cmd))
			TH_LOG("\"%s\"", c[i].cmd);
	}
}

#define HELPER	"plugin/rasdial-connect"

struct run {
	char args[1024];	/* what the stand-in chat got, '|' after each */
	char report[512];	/* what rasdial-connect wrote to the plugin */
	int status;		/* rasdial-connect's exit status */
};

static char dir[] = "/tmp/rdchat-XXXXXX";

/* A stand-in chat in DIR and, when TEXT is not NULL, DIR/script. */
static int setup(const char *script_text)
{
	char path[64];
	FILE *f;

	if (!mkdtemp(dir))
		return -1;
	snprintf(path, sizeof(path), "%s/chat", dir);
	f = fopen(path, "w");
	if (!f)
		return -1;
	fputs("#!/bin/sh\nfor a in \"$@\"; do printf '%s|' \"$a\"; done >\"$FAKE_ARGS\"\n"
	      "exit \"$FAKE_EXIT\"\n", f);
	fclose(f);
	chmod(path, 0755);
	if (!script_text)
		return 0;
	snprintf(path, sizeof(path), "%s/script", dir);
	f = fopen(path, "w");
	if (!f)
		return -1;
	fputs(script_text, f);
	fclose(f);
	return 0;
}

static void cleanup(void)
{
	char cmd[64];

	snprintf(cmd, sizeof(cmd), "rm -rf %s", dir);
	if (system(cmd))
		fprintf(stderr, "# %s failed\n", cmd);
	strcpy(dir + strlen(dir) - 6, "XXXXXX");
}

/* rasdial-connect DIR/chat ARGS... ("@" in an argument: DIR/script). */
static int run(const char *const *args, const char *phone, int chat_exit,
	       struct run *r)
{
	static char subst[32][128];
	char chat[64], script[64], argsfile[64], exitbuf[16];
	const char *argv[32];
	int p[2], n = 0, st;
	ssize_t got;
	pid_t pid;
	FILE *f;

	memset(r, 0, sizeof(*r));
	snprintf(chat, sizeof(chat), "%s/chat", dir);
	snprintf(script, sizeof(script), "%s/script", dir);
	snprintf(argsfile, sizeof(argsfile), "%s/args", dir);
	snprintf(exitbuf, sizeof(exitbuf), "%d", chat_exit);
	argv[n++] = HELPER;
	argv[n++] = chat;
	for (; *args && n < 30; args++) {
		const char *at = strchr(*args, '@');

		if (!at) {
			argv[n++] = *args;
			continue;
		}
		snprintf(subst[n], sizeof(subst[n]), "%.*s%s%s",
			 (int)(at - *args), *args, script, at + 1);
		argv[n] = subst[n];
		n++;
	}
	argv[n] = NULL;
	if (pipe(p))
		return -1;
	pid = fork();
	if (pid < 0)
		return -1;
	if (pid == 0) {
		char fd[16];

		close(p[0]);
		snprintf(fd, sizeof(fd), "%d", p[1]);
		setenv("RASDIAL_CONNECT_FD", fd, 1);
		if (phone)
			setenv("RASDIAL_PHONE", phone, 1);
		else
			unsetenv("RASDIAL_PHONE");
		setenv("FAKE_ARGS", argsfile, 1);
		setenv("FAKE_EXIT", exitbuf, 1);
		execv(HELPER, (char **)argv);
		_exit(127);
	}
	close(p[1]);
	got = read(p[0], r->report, sizeof(r->report) - 1);
	close(p[0]);
	if (got > 0)
		r->report[got] = '\0';
	if (waitpid(pid, &st, 0) != pid)
		return -1;
	r->status = WIFEXITED(st) ? WEXITSTATUS(st) : -1;
	f = fopen(argsfile, "r");
	if (f) {
		if (!fgets(r->args, sizeof(r->args), f))
			r->args[0] = '\0';
		fclose(f);
	}
	return 0;
}

FIXTURE(connect) {
	int unused;
};

FIXTURE_SETUP(connect)
{
	if (access(HELPER, X_OK))
		SETUP_SKIP("no %s (make)", HELPER);
}

FIXTURE_TEARDOWN(connect)
{
}

/* chat's options as chat parses them; -T after them, before "--". */
TEST_F(connect, options_as_chat_parses_them)
{
	static const struct {
		const char *args[8];
		const char *want;
	} c[] = {
		{ { "-vf", "@" }, "-vf|@|-T|5551234|" },
		{ { "-v", "-f", "@" }, "-v|-f|@|-T|5551234|" },
		{ { "-f@", "-v" }, "-f@|-v|-T|5551234|" },
		{ { "-vt", "30", "-f", "@" }, "-vt|30|-f|@|-T|5551234|" },
		{ { "-t", "5", "--", "ABORT", "BUSY", "", "ATZ" },
		  "-t|5|-T|5551234|--|ABORT|BUSY||ATZ|" },
		{ { "-v", "-", "ATZ" }, "-v|-T|5551234|-|ATZ|" },
		{ { "ABORT", "BUSY", "", "ATDT\\T" },
		  "-T|5551234|ABORT|BUSY||ATDT\\T|" },
	};
	struct run r;

	ASSERT_EQ(0, setup("ABORT BUSY\n"));
	for (unsigned int i = 0; i < ARRAY_SIZE(c); i++) {
		char want[1024], *at;

		ASSERT_EQ(0, run(c[i].args, "5551234", 0, &r));
		/* "@" in WANT: the script's path. */
		snprintf(want, sizeof(want), "%s", c[i].want);
		at = strchr(want, '@');
		if (at) {
			char rest[1024];

			snprintf(rest, sizeof(rest), "%s", at + 1);
			snprintf(at, sizeof(want) - (size_t)(at - want),
				 "%s/script%s", dir, rest);
		}
		EXPECT_STREQ(want, r.args) TH_LOG("case %u", i);
		EXPECT_STREQ("chat 0\n", r.report) TH_LOG("case %u", i);
		EXPECT_EQ(0, r.status);
	}
	cleanup();
}

/* The ABORT strings of a script file, found as chat finds them. */
TEST_F(connect, script_read_as_chat_reads_it)
{
	static const struct {
		const char *script;
		const char *args[4];
		int exit;
		const char *report;
	} c[] = {
		/* -vf FILE: the file is the script. */
		{ "ABORT BUSY\nABORT 'NO CARRIER'\n", { "-vf", "@" }, 5,
		  "chat 5 NO CARRIER\n" },
		/* Only a '#' in column 0 starts a comment. */
		{ "# ABORT VOICE\nABORT BUSY\n", { "-f", "@" }, 4,
		  "chat 4 BUSY\n" },
		/* An indented "#x" is a word: the next ABORT is sent, not
		 * a keyword, so the script has one ABORT string. */
		{ "ABORT BUSY\n  #x\nABORT 'NO CARRIER'\nABORT 'NO DIALTONE'\n",
		  { "-f", "@" }, 5, "chat 5\n" },
		/* '\r' belongs to the word: "ABORT\r" is no keyword. */
		{ "ABORT\r BUSY\nABORT 'NO CARRIER'\n", { "-f", "@" }, 4,
		  "chat 4 NO CARRIER\n" },
		/* CLR_ABORT removes one and closes the gap. */
		{ "ABORT BUSY ABORT 'NO CARRIER' CLR_ABORT BUSY\n",
		  { "-f", "@" }, 4, "chat 4 NO CARRIER\n" },
	};
	struct run r;

	for (unsigned int i = 0; i < ARRAY_SIZE(c); i++) {
		ASSERT_EQ(0, setup(c[i].script));
		ASSERT_EQ(0, run(c[i].args, NULL, c[i].exit, &r));
		EXPECT_STREQ(c[i].report, r.report) TH_LOG("case %u", i);
		EXPECT_EQ(c[i].exit, r.status);
		cleanup();
	}
}

/* Inline script arguments (no -f). */
TEST_F(connect, inline_script)
{
	static const char *const args[] = {
		"-v", "ABORT", "BUSY", "ABORT", "NO CARRIER", "", "ATDT", NULL
	};
	struct run r;

	ASSERT_EQ(0, setup(NULL));
	ASSERT_EQ(0, run(args, NULL, 5, &r));
	EXPECT_STREQ("chat 5 NO CARRIER\n", r.report);
	EXPECT_STREQ("-v|ABORT|BUSY|ABORT|NO CARRIER||ATDT|", r.args);
	cleanup();
}

TEST_HARNESS_MAIN
