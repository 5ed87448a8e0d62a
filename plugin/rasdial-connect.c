// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * rasdial-connect: runs chat for pppd's connect script and tells the
 * rasdial.so plugin how it ended, which pppd itself throws away
 * (device_script() keeps only "failed").
 *
 *   rasdial-connect CHAT [CHAT-ARGS...]
 *
 * The plugin rewrites pppd's connect command on entering SERIALCONN, so
 * that the chat in it runs under this program:
 *   connect "/usr/sbin/chat -v -f /etc/chatscripts/isp"
 *   -> "'/usr/lib/pppd/2.4.9/rasdial-connect' /usr/sbin/chat -v -f ..."
 * The shell still splits the words, so we get chat's argv exactly.  We
 * run CHAT with the same arguments, plus "-T NUMBER" after its options
 * when the plugin set $RASDIAL_PHONE with $RASDIAL_CONNECT_FD
 * (RASDIALPARAMS.szPhoneNumber, for "\T" in
 * the script; after the connect line's own -T, since chat keeps the
 * last), wait for it, and write one line to fd $RASDIAL_CONNECT_FD:
 *   "chat EXIT\n" or, for EXIT >= 4, "chat EXIT ABORT-STRING\n"
 * where ABORT-STRING is the (EXIT - 4)th ABORT string of the script
 * (chat(8): exit 4 + n for the nth), found by reading the script the way
 * chat does (inline arguments or -f FILE; CLR_ABORT honoured).  Then we
 * exit with chat's status, so pppd sees what it always saw.
 *
 * Without $RASDIAL_CONNECT_FD it is a plain pass-through.
 *
 * Hang-up: pppd with nodetach signals only its own child, this program,
 * so SIGTERM/SIGINT/SIGHUP are passed on to chat; if we are killed
 * outright, PR_SET_PDEATHSIG sends chat SIGTERM.  Else chat would keep the
 * modem dialing, and the tty open, after RasHangUp.
 */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#define MAX_ARGS	1024
#define MAX_ABORTS	64	/* chat's own limit (MAX_ABORTS in chat.c) is 50 */
#define MAX_SCRIPT	65536

static char *aborts[MAX_ABORTS];
static volatile pid_t chat_pid;

/*
 * pppd (nodetach) signals only its recorded child, us: pass hang-ups on,
 * or chat keeps the modem dialing after RasHangUp.
 */
static void forward(int sig)
{
	int saved = errno;

	if (chat_pid > 0)
		kill(chat_pid, sig);
	errno = saved;
}
static int n_aborts;

/* chat's clean() for what matters in an ABORT string: escapes, ^X. */
static char *unescape(const char *s)
{
	char *out = malloc(strlen(s) + 1), *o = out;

	if (!out)
		return NULL;
	while (*s) {
		if (*s == '^' && s[1]) {
			*o++ = (char)(s[1] & 0x1f);
			s += 2;
			continue;
		}
		if (*s != '\\' || !s[1]) {
			*o++ = *s++;
			continue;
		}
		s++;
		switch (*s) {
		case 's': *o++ = ' '; break;
		case 'r': *o++ = '\r'; break;
		case 'n': *o++ = '\n'; break;
		case 't': *o++ = '\t'; break;
		case '\\': *o++ = '\\'; break;
		case '^': *o++ = '^'; break;
		default: break;		/* \d \p \c \T \N ...: nothing to match */
		}
		s++;
	}
	*o = 0;
	return out;
}

/* One script token in expect position (EXPECT) followed by NEXT. */
static int pending;		/* 0, or which keyword waits for its argument */
enum { KW_ABORT = 1, KW_CLR_ABORT, KW_OTHER };

static void token(const char *t, int *expect)
{
	int i;

	if (pending) {
		int kw = pending;
		char *s;

		pending = 0;
		*expect = 1;
		if (kw == KW_OTHER)
			return;
		s = unescape(t);
		if (!s)
			return;
		if (kw == KW_ABORT && n_aborts < MAX_ABORTS) {
			aborts[n_aborts++] = s;
			return;
		}
		if (kw == KW_CLR_ABORT) {
			/* chat removes it and closes the gap */
			for (i = 0; i < n_aborts; i++) {
				if (strcmp(aborts[i], s))
					continue;
				free(aborts[i]);
				memmove(&aborts[i], &aborts[i + 1],
					(size_t)(n_aborts - i - 1) * sizeof(aborts[0]));
				n_aborts--;
				break;
			}
		}
		free(s);
		return;
	}
	if (*expect) {
		if (!strcmp(t, "ABORT"))
			pending = KW_ABORT;
		else if (!strcmp(t, "CLR_ABORT"))
			pending = KW_CLR_ABORT;
		else if (!strcmp(t, "REPORT") || !strcmp(t, "CLR_REPORT") ||
			 !strcmp(t, "TIMEOUT") || !strcmp(t, "ECHO") ||
			 !strcmp(t, "HANGUP") || !strcmp(t, "SAY"))
			pending = KW_OTHER;
		if (pending)
			return;
	}
	*expect = !*expect;
}

/*
 * chat -f FILE as chat's do_file() reads it: words split at blanks and
 * tabs only ('\r' belongs to the word: "OK\r" of a CRLF file is not
 * "OK"), '...' and "..." quoting, and a line is a comment only when '#'
 * is its very first character (an indented "#" is a word).
 */
static void read_script(const char *path)
{
	static char buf[MAX_SCRIPT + 1];
	char tok[1024];
	int expect = 1;
	size_t len, i = 0;
	FILE *f = fopen(path, "r");

	if (!f)
		return;
	len = fread(buf, 1, MAX_SCRIPT, f);
	fclose(f);
	buf[len] = 0;
	while (i < len) {
		size_t n = 0;
		char q;

		if (buf[i] == '#' && (i == 0 || buf[i - 1] == '\n')) {
			while (i < len && buf[i] != '\n')
				i++;
			continue;
		}
		if (buf[i] == '\n' || buf[i] == ' ' || buf[i] == '\t') {
			i++;
			continue;
		}
		if (buf[i] == '\'' || buf[i] == '"') {
			q = buf[i++];
			while (i < len && buf[i] != q && buf[i] != '\n') {
				if (buf[i] == '\\' && i + 1 < len &&
				    n + 2 < sizeof(tok))
					tok[n++] = buf[i++];
				if (n + 1 < sizeof(tok))
					tok[n++] = buf[i];
				i++;
			}
			if (i < len && buf[i] == q)
				i++;
		} else {
			while (i < len && buf[i] != ' ' && buf[i] != '\t' &&
			       buf[i] != '\n') {
				if (n + 1 < sizeof(tok))
					tok[n++] = buf[i];
				i++;
			}
		}
		tok[n] = 0;
		token(tok, &expect);
	}
}

/* chat's options that take an argument (chat.c: "-f -r -t -T -U"). */
static int opt_has_arg(char c)
{
	return c == 'f' || c == 'r' || c == 't' || c == 'T' || c == 'U';
}

/*
 * chat's options as its own parser (the "micro getopt" OPTION/OPTARG of
 * chat.c) takes them: words from ARGV[*I] that start with '-' and have
 * more; letters may be grouped ("-vf FILE", "-vfFILE"); an argument is
 * the rest of its word, else the next word; "--" ends them and is
 * consumed, a lone "-" ends them.  Copies them to NARGV, leaves *I at
 * the first script argument (or at "--") and returns the -f FILE.
 */
static const char *chat_options(int argc, char **argv, int *i,
				char **nargv, int *n)
{
	const char *script = NULL;

	for (; *i < argc; ++*i) {
		const char *w = argv[*i];

		if (w[0] != '-' || !w[1] || !strcmp(w, "--"))
			break;
		nargv[(*n)++] = argv[*i];
		for (w++; *w; w++) {
			const char *arg;

			if (!opt_has_arg(*w))
				continue;
			arg = w[1] ? w + 1 : NULL;
			if (!arg && *i + 1 < argc) {
				arg = argv[++*i];
				nargv[(*n)++] = argv[*i];
			}
			if (*w == 'f')
				script = arg;
			break;
		}
	}
	return script;
}

static void report(int fd, int status)
{
	char line[512];
	const char *abort_string = NULL;
	int n;

	if (status >= 4 && status < 128 && status - 4 < n_aborts)
		abort_string = aborts[status - 4];
	if (abort_string) {
		/* One line: a newline in the string would end it early. */
		n = snprintf(line, sizeof(line), "chat %d %s", status,
			     abort_string);
		if (n > (int)sizeof(line) - 2)
			n = (int)sizeof(line) - 2;
		for (int i = 0; i < n; i++)
			if (line[i] == '\n' || line[i] == '\r')
				line[i] = ' ';
		line[n++] = '\n';
	} else {
		n = snprintf(line, sizeof(line), "chat %d\n", status);
	}
	if (write(fd, line, (size_t)n) < 0) {
		/* The plugin is gone: nobody to tell. */
	}
	close(fd);
}

int main(int argc, char **argv)
{
	const char *fd_s = getenv("RASDIAL_CONNECT_FD");
	const char *phone = getenv("RASDIAL_PHONE");
	const char *script = NULL;
	char *nargv[MAX_ARGS + 3];
	int i, n = 0, fd = -1, expect = 1, status, st;
	pid_t pid, parent;

	if (argc < 2) {
		fprintf(stderr, "usage: rasdial-connect CHAT [ARGS...]\n");
		return 1;
	}
	if (argc > MAX_ARGS)
		return 1;
	if (fd_s && *fd_s) {
		char *end;
		long v = strtol(fd_s, &end, 10);

		if (!*end && v > 2 && v < 65536 && fcntl((int)v, F_GETFD) >= 0) {
			fd = (int)v;
			/* chat itself must not hold the report pipe. */
			fcntl(fd, F_SETFD, FD_CLOEXEC);
		}
	}

	/* CHAT's options, then -T (chat keeps the last), then "--" and its
	 * script arguments. */
	nargv[n++] = argv[1];
	i = 2;
	script = chat_options(argc, argv, &i, nargv, &n);
	/* Only the plugin's (it sets both): an inherited one is ignored. */
	if (fd >= 0 && phone && *phone) {
		nargv[n++] = "-T";
		nargv[n++] = (char *)phone;
	}
	if (i < argc && !strcmp(argv[i], "--"))
		nargv[n++] = argv[i++];
	if (script)
		read_script(script);
	for (; i < argc; i++) {
		nargv[n++] = argv[i];
		if (!script)
			token(argv[i], &expect);
	}
	nargv[n] = NULL;

	if (fd < 0) {
		execvp(nargv[0], nargv);
		fprintf(stderr, "rasdial-connect: %s: %s\n", nargv[0],
			strerror(errno));
		return 1;
	}
	{
		static const int sigs[] = { SIGTERM, SIGINT, SIGHUP };
		struct sigaction sa = { .sa_handler = forward };
		sigset_t block, old;

		/* Blocked across fork: a signal before chat_pid is set waits. */
		sigemptyset(&block);
		for (i = 0; i < 3; i++)
			sigaddset(&block, sigs[i]);
		sigprocmask(SIG_BLOCK, &block, &old);
		parent = getpid();
		pid = fork();
		if (pid > 0) {
			chat_pid = pid;
			for (i = 0; i < 3; i++)
				sigaction(sigs[i], &sa, NULL);
		}
		sigprocmask(SIG_SETMASK, &old, NULL);
	}
	if (pid < 0) {
		report(fd, 2);
		return 2;
	}
	if (pid == 0) {
		/* Killed outright (SIGKILL), we cannot forward: the kernel does. */
		if (prctl(PR_SET_PDEATHSIG, SIGTERM) < 0 || getppid() != parent)
			_exit(1);
		execvp(nargv[0], nargv);
		fprintf(stderr, "rasdial-connect: %s: %s\n", nargv[0],
			strerror(errno));
		_exit(1);
	}
	while (waitpid(pid, &st, 0) < 0)
		if (errno != EINTR) {
			report(fd, 2);
			return 2;
		}
	status = WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st);
	report(fd, status);
	return status > 255 ? 255 : status;
}
