// SPDX-License-Identifier: GPL-2.0
/*
 * modemsim - a Hayes modem simulator on a pty, for the test VM.
 *
 *   modemsim --link /dev/ttyRAS0 --result RESULT[,RESULT...] [--speed 115200]
 *            [--answer CMD] [--calls N] [--log FILE] [--pidfile FILE]
 *            [--delay MS] [--drop MS] [--hangup MS]
 *
 * The dialing side (chat, pppd) opens --link, a symlink to the pty slave.
 * modemsim holds the master: it echoes and answers AT commands, and on ATD
 * answers RESULT after --delay ms.  RESULT is CONNECT, BUSY, NO CARRIER
 * (or NO_CARRIER), NO DIALTONE, NO ANSWER, ERROR or SILENT (no answer at
 * all); a comma list gives one result per call, the last one repeating.
 * On CONNECT, --answer runs under /bin/sh with stdin/stdout on the master,
 * in its own session, and modemsim waits for it.
 *
 * A pty has no DTR: the dialer hangs up by closing the slave, which the
 * master sees as POLLHUP / EIO.  Then the answering command gets SIGTERM
 * (its process group), SIGKILL 3 s later.  When the answering command ends
 * first, the far end has hung up: after --drop ms (default 1000, so the
 * dialer can first read the peer's LCP Terminate) modemsim sends NO CARRIER
 * and drops carrier with TIOCVHANGUP on the slave, which the dialer sees
 * as a modem hangup; with --drop -1 it sends NO CARRIER only and ignores
 * the line until the dialer closes it.
 *
 * --hangup MS: MS ms after CONNECT the modem loses carrier by itself (line
 * noise, the far modem gone) while the answering command still runs: that
 * command gets SIGKILL (no LCP Terminate reaches the dialer), then NO
 * CARRIER and TIOCVHANGUP as above (even with --drop -1).  Every call
 * ends so; the next ATD is answered as usual.  SIGUSR1 does the same at
 * once to the call in progress (ignored when no call is online).
 *
 * A call ends when the line is closed; with --calls N modemsim exits after
 * the Nth.  SIGTERM/SIGINT/SIGHUP: stop the answering command, remove the
 * symlink and the pidfile, exit 0.
 */
#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <poll.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/prctl.h>
#include <sys/signalfd.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>

#define LINE_MAX_LEN	256
#define MAX_RESULTS	32
#define KILL_GRACE_MS	3000
#define REAP_GRACE_MS	2000
#define WRITE_MAX_MS	1000

enum result {
	RES_CONNECT, RES_BUSY, RES_NO_CARRIER, RES_NO_DIALTONE, RES_NO_ANSWER,
	RES_ERROR, RES_SILENT, RES_OK,
};

static const struct {
	const char *text;
	int code;		/* numeric result code (ATV0) */
} results[] = {
	[RES_OK]		= { "OK", 0 },
	[RES_CONNECT]		= { "CONNECT", 1 },
	[RES_NO_CARRIER]	= { "NO CARRIER", 3 },
	[RES_ERROR]		= { "ERROR", 4 },
	[RES_NO_DIALTONE]	= { "NO DIALTONE", 6 },
	[RES_BUSY]		= { "BUSY", 7 },
	[RES_NO_ANSWER]		= { "NO ANSWER", 8 },
	[RES_SILENT]		= { "SILENT", -1 },
};

/*
 * IDLE: no dialer seen; we hold the slave open ourselves, or the master
 * would poll POLLHUP (read EIO) in a loop.  CMD: a dialer is on the line
 * and our slave fd is closed, so its close shows as POLLHUP.  DIALING:
 * waiting --delay.  ONLINE: the answering command owns the master; we only
 * watch for POLLHUP (events 0 reads nothing).  STOPPING: the dialer hung
 * up, the answering command is being killed.  DROPPING: the answering
 * command ended, the dialer is still on the line.  DEAF: carrier is gone
 * but the dialer keeps the line open; input is discarded until it closes.
 */
enum state { IDLE, CMD, DIALING, ONLINE, STOPPING, DROPPING, DEAF };

static const char *const state_names[] = {
	[IDLE] = "idle", [CMD] = "command", [DIALING] = "dialing",
	[ONLINE] = "online", [STOPPING] = "stopping", [DROPPING] = "dropping",
	[DEAF] = "deaf",
};

static struct {
	const char *link;
	enum result result[MAX_RESULTS];
	int nresults;
	long speed;
	const char *answer;
	long calls;		/* 0: serve forever */
	const char *log;
	const char *pidfile;
	long delay_ms;
	long drop_ms;		/* -1: never TIOCVHANGUP */
	long hangup_ms;		/* -1: carrier stays while the call runs */
} opt = {
	.speed = 115200,
	.delay_ms = 100,
	.drop_ms = 1000,
	.hangup_ms = -1,
};

static int mfd = -1;		/* pty master */
static int sfd = -1;		/* our own slave fd, only while IDLE */
static int sigfd = -1;
static char slave_path[128];
static FILE *logfp;
static int link_made;
static enum state state = IDLE;
static long long deadline = -1;	/* CLOCK_MONOTONIC ms; -1: none */
static pid_t child = -1;	/* answering command, until reaped */
static pid_t group = -1;	/* its process group, until none of it is left */
static int killed_hard;		/* SIGKILL already sent */
static long dialed;		/* ATDs so far (call number) */
static long ended;		/* calls whose line has been closed */
static int call_open;		/* an ATD since the line was last closed */

/* Modem registers that the dialogue can change; ATZ / AT&F / DTR reset them. */
static struct {
	int echo, verbose, quiet;
	unsigned char sreg[256];
} modem;

static char line[LINE_MAX_LEN + 1];
static size_t line_len;
static int line_overflow;
static char last_term;		/* CR or LF that ended the last line */

static long long now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1000LL + ts.tv_nsec / 1000000;
}

static void logmsg(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static void logmsg(const char *fmt, ...)
{
	struct timespec ts;
	va_list ap;

	if (!logfp)
		return;
	clock_gettime(CLOCK_REALTIME, &ts);
	fprintf(logfp, "%lld.%03ld ", (long long)ts.tv_sec, ts.tv_nsec / 1000000);
	va_start(ap, fmt);
	vfprintf(logfp, fmt, ap);
	va_end(ap);
	fputc('\n', logfp);
	fflush(logfp);
}

static void die(const char *fmt, ...) __attribute__((format(printf, 1, 2), noreturn));

/* Printable form of what came in, for the log. */
static const char *escaped(const char *s, size_t n)
{
	static char buf[LINE_MAX_LEN * 4 + 1];
	size_t o = 0;

	for (size_t i = 0; i < n && o + 5 < sizeof(buf); i++) {
		unsigned char c = s[i];

		if (c >= 0x20 && c < 0x7f && c != '\\')
			buf[o++] = c;
		else
			o += snprintf(buf + o, sizeof(buf) - o, "\\x%02x", c);
	}
	buf[o] = 0;
	return buf;
}

static void set_state(enum state s, long long dl)
{
	if (s != state)
		logmsg("state %s -> %s", state_names[state], state_names[s]);
	state = s;
	deadline = dl;
}

/*
 * Write to the line, bounded: the master is non-blocking and a dialer
 * that never reads must not stall the simulator.
 */
static void line_write(const char *buf, size_t len)
{
	long long end = now_ms() + WRITE_MAX_MS;

	while (len) {
		ssize_t n = write(mfd, buf, len);

		if (n > 0) {
			buf += n;
			len -= n;
			continue;
		}
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0 && errno == EAGAIN) {
			struct pollfd p = { .fd = mfd, .events = POLLOUT };
			long long left = end - now_ms();

			if (left > 0 && poll(&p, 1, (int)left) >= 0)
				continue;
			logmsg("write: line full, %zu bytes dropped", len);
			return;
		}
		logmsg("write: %s, %zu bytes dropped", n < 0 ? strerror(errno) : "0", len);
		return;
	}
}

static void send_result(enum result r)
{
	char buf[64], out[72];
	int n;

	if (r == RES_SILENT) {
		logmsg("> (silent)");
		return;
	}
	if (r == RES_CONNECT)
		snprintf(buf, sizeof(buf), "CONNECT %ld", opt.speed);
	else
		snprintf(buf, sizeof(buf), "%s", results[r].text);
	if (modem.quiet) {
		logmsg("> %s (quiet, not sent)", buf);
		return;
	}
	logmsg("> %s", buf);
	if (modem.verbose)
		n = snprintf(out, sizeof(out), "\r\n%s\r\n", buf);
	else
		n = snprintf(out, sizeof(out), "%d\r", results[r].code);
	line_write(out, n);
}

static void send_info(const char *text)
{
	char buf[LINE_MAX_LEN];
	int n = snprintf(buf, sizeof(buf), "\r\n%s\r\n", text);

	logmsg("> %s", text);
	line_write(buf, n);
}

static void modem_reset(void)
{
	modem.echo = 1;
	modem.verbose = 1;
	modem.quiet = 0;
	memset(modem.sreg, 0, sizeof(modem.sreg));
	modem.sreg[2] = '+';
	modem.sreg[3] = '\r';
	modem.sreg[4] = '\n';
	modem.sreg[5] = 8;
	modem.sreg[7] = 50;
	line_len = 0;
	line_overflow = 0;
}

/* Raw mode, so a dialer that sets nothing (chat from a shell) gets bytes as sent. */
static void slave_setup(int fd)
{
	static const struct { long bps; speed_t code; } speeds[] = {
		{ 9600, B9600 }, { 19200, B19200 }, { 38400, B38400 },
		{ 57600, B57600 }, { 115200, B115200 }, { 230400, B230400 },
		{ 460800, B460800 }, { 921600, B921600 },
	};
	int ldisc = N_TTY, cur;
	struct termios t;
	speed_t sp = B115200;

	/* A dialing pppd killed with SIGKILL leaves the PPP line discipline on. */
	if (ioctl(fd, TIOCGETD, &cur) == 0 && cur != N_TTY &&
	    ioctl(fd, TIOCSETD, &ldisc) < 0)
		logmsg("TIOCSETD N_TTY: %s", strerror(errno));
	if (tcgetattr(fd, &t) < 0) {
		logmsg("tcgetattr %s: %s", slave_path, strerror(errno));
		return;
	}
	cfmakeraw(&t);
	t.c_cflag |= CLOCAL | CREAD;
	t.c_cflag &= ~CRTSCTS;
	t.c_cc[VMIN] = 1;
	t.c_cc[VTIME] = 0;
	for (size_t i = 0; i < sizeof(speeds) / sizeof(speeds[0]); i++)
		if (speeds[i].bps == opt.speed)
			sp = speeds[i].code;
	cfsetspeed(&t, sp);
	if (tcsetattr(fd, TCSANOW, &t) < 0)
		logmsg("tcsetattr %s: %s", slave_path, strerror(errno));
}

static int slave_open(void)
{
	int fd = open(slave_path, O_RDWR | O_NOCTTY | O_NONBLOCK | O_CLOEXEC);

	if (fd < 0)
		logmsg("open %s: %s", slave_path, strerror(errno));
	return fd;
}

static void master_nonblock(int on)
{
	int fl = fcntl(mfd, F_GETFL);

	if (fl >= 0)
		fcntl(mfd, F_SETFL, on ? fl | O_NONBLOCK : fl & ~O_NONBLOCK);
}

/*
 * Back to IDLE after the dialer closed the line: hold the slave again,
 * throw away what is left in both directions, fresh modem state.
 */
static void line_idle(void)
{
	if (sfd < 0)
		sfd = slave_open();
	/* Without it the master would report POLLHUP in a loop. */
	if (sfd < 0)
		die("cannot hold %s open: %s", slave_path, strerror(errno));
	slave_setup(sfd);
	tcflush(sfd, TCIOFLUSH);
	tcflush(mfd, TCIOFLUSH);
	master_nonblock(1);
	modem_reset();
	set_state(IDLE, -1);
}

static void cleanup(void)
{
	char buf[sizeof(slave_path)];
	ssize_t n;

	if (link_made) {
		/* Only our own link: a newer modemsim may have replaced it. */
		n = readlink(opt.link, buf, sizeof(buf) - 1);
		if (n > 0) {
			buf[n] = 0;
			if (!strcmp(buf, slave_path))
				unlink(opt.link);
		}
		link_made = 0;
	}
	if (opt.pidfile)
		unlink(opt.pidfile);
}

static void die(const char *fmt, ...)
{
	char msg[512];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	fprintf(stderr, "modemsim: %s\n", msg);
	logmsg("fatal: %s", msg);
	cleanup();
	exit(1);
}

static void child_signal(int sig)
{
	if (group <= 0)
		return;
	logmsg("answer: %s to process group %d", sig == SIGKILL ? "SIGKILL" : "SIGTERM",
	       (int)group);
	/* Its own session: the group also holds what sh -c started. */
	if (kill(-group, sig) < 0 && errno != ESRCH)
		logmsg("kill -%d: %s", (int)group, strerror(errno));
}

/*
 * Reap what ended of the answering command (we are a subreaper, so its
 * orphans come to us too); 1 when none of it is left.
 */
static int child_reap(void)
{
	const char *who;
	pid_t p;
	int st;

	while ((p = waitpid(-1, &st, WNOHANG)) > 0) {
		who = p == child ? "" : " (left behind)";
		if (WIFEXITED(st))
			logmsg("answer: pid %d%s exited status %d", (int)p, who, WEXITSTATUS(st));
		else if (WIFSIGNALED(st))
			logmsg("answer: pid %d%s exited signal %d", (int)p, who, WTERMSIG(st));
		if (p == child) {
			child = -1;
			/* Leftovers would steal our command-mode input. */
			if (kill(-group, SIGTERM) == 0)
				logmsg("answer: SIGTERM to what is left in group %d", (int)group);
		}
	}
	if (p < 0 && errno == ECHILD) {
		child = -1;
		group = -1;
		killed_hard = 0;
	}
	return group < 0;
}

/* --hangup: when an ONLINE call loses carrier by itself, or -1. */
static long long online_deadline(void)
{
	return opt.hangup_ms >= 0 ? now_ms() + opt.hangup_ms : -1;
}

static void child_start(void)
{
	pid_t p;

	if (!opt.answer) {
		/* Nothing to bridge to: stay "online" until the dialer hangs up. */
		logmsg("answer: none configured");
		set_state(ONLINE, online_deadline());
		return;
	}
	/* Blocking I/O for the answering command; we only poll meanwhile. */
	master_nonblock(0);
	fflush(NULL);
	p = fork();
	if (p < 0) {
		logmsg("fork: %s", strerror(errno));
		send_result(RES_NO_CARRIER);
		master_nonblock(1);
		set_state(CMD, -1);
		return;
	}
	if (p == 0) {
		sigset_t none;

		sigemptyset(&none);
		sigprocmask(SIG_SETMASK, &none, NULL);
		signal(SIGPIPE, SIG_DFL);
		setsid();
		if (dup2(mfd, 0) < 0 || dup2(mfd, 1) < 0)
			_exit(127);
		execl("/bin/sh", "sh", "-c", opt.answer, (char *)NULL);
		_exit(127);
	}
	child = p;
	group = p;
	killed_hard = 0;
	logmsg("answer: pid %d started: %s", (int)p, opt.answer);
	set_state(ONLINE, online_deadline());
}

static enum result call_result(void)
{
	long i = dialed - 1;

	if (i >= opt.nresults)
		i = opt.nresults - 1;
	return opt.result[i];
}

/* The dial string's number: digits and the few symbols a number can carry. */
static void dial(const char *s)
{
	char num[LINE_MAX_LEN + 1];
	size_t n = 0;

	if (*s == 'T' || *s == 't' || *s == 'P' || *s == 'p')
		s++;
	for (; *s; s++)
		if (isdigit((unsigned char)*s) || *s == '*' || *s == '#' || *s == '+')
			num[n++] = *s;
	num[n] = 0;
	dialed++;
	call_open = 1;
	logmsg("dial %s (call %ld, result %s)", num, dialed, results[call_result()].text);
	set_state(DIALING, now_ms() + opt.delay_ms);
}

/* Digits after a command letter; def when there are none. */
static long numarg(const char **pp, long def)
{
	const char *p = *pp;
	long v = 0;

	if (!isdigit((unsigned char)*p))
		return def;
	while (isdigit((unsigned char)*p))
		v = v * 10 + (*p++ - '0');
	*pp = p;
	return v;
}

/*
 * One command line (without its terminator).  Lines not starting with AT
 * are garbage: ERROR.  The body runs left to right like a Hayes modem; a
 * D ends it (the rest is the dial string).
 */
static void command(const char *cmd, size_t len)
{
	const char *p = cmd;
	char info[64];

	logmsg("< %s", escaped(cmd, len));
	while (*p == ' ')
		p++;
	if (!*p)
		return;		/* a bare CR: modems say nothing */
	if (line_overflow || toupper((unsigned char)p[0]) != 'A' ||
	    toupper((unsigned char)p[1]) != 'T') {
		send_result(RES_ERROR);
		return;
	}
	p += 2;
	while (*p) {
		char c = toupper((unsigned char)*p++);
		long v;

		switch (c) {
		case ' ':
			break;
		case 'D':
			dial(p);
			return;
		case 'E':
			modem.echo = numarg(&p, 0) != 0;
			break;
		case 'V':
			modem.verbose = numarg(&p, 0) != 0;
			break;
		case 'Q':
			modem.quiet = numarg(&p, 0) != 0;
			break;
		case 'Z':
			numarg(&p, 0);
			modem_reset();
			break;
		case '&':
			c = toupper((unsigned char)*p);
			if (!isalpha((unsigned char)c)) {
				send_result(RES_ERROR);
				return;
			}
			p++;
			numarg(&p, 0);
			if (c == 'F')
				modem_reset();
			break;
		case 'S':
			v = numarg(&p, -1);
			if (v < 0 || v > 255) {
				send_result(RES_ERROR);
				return;
			}
			if (*p == '?') {
				p++;
				snprintf(info, sizeof(info), "%03d", modem.sreg[v]);
				send_info(info);
			} else if (*p == '=') {
				p++;
				modem.sreg[v] = (unsigned char)numarg(&p, 0);
			}
			break;
		case 'I':
			numarg(&p, 0);
			send_info("modemsim");
			break;
		default:
			if (!isalpha((unsigned char)c)) {
				send_result(RES_ERROR);
				return;
			}
			/* Any other command letter (M, L, X, H, ...) with its number. */
			numarg(&p, 0);
			break;
		}
	}
	send_result(RES_OK);
}

/* Command-mode input: echo, collect lines ended by CR or LF (CR LF is one). */
static void command_input(const char *buf, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		char c = buf[i];

		if (state != CMD) {
			/* ATD started dialing: the rest of the burst is not commands. */
			if (c != '\r' && c != '\n')
				logmsg("ignored %zu bytes after dial", n - i);
			return;
		}
		if (modem.echo)
			line_write(&c, 1);
		if (c == '\r' || c == '\n') {
			if (c == '\n' && last_term == '\r' && line_len == 0) {
				last_term = 0;
				continue;
			}
			last_term = c;
			line[line_len] = 0;
			command(line, line_len);
			line_len = 0;
			line_overflow = 0;
			continue;
		}
		last_term = 0;
		if (c == '\0')
			continue;	/* line noise; it would cut the C string */
		if (line_len < LINE_MAX_LEN)
			line[line_len++] = c;
		else
			line_overflow = 1;
	}
}

static void finish(int rc);

/* The line is closed and nothing runs: the call is over, back to IDLE. */
static void call_over(void)
{
	if (call_open) {
		ended = dialed;
		call_open = 0;
		logmsg("call %ld ended", ended);
	}
	line_idle();
	if (opt.calls > 0 && ended >= opt.calls) {
		logmsg("served %ld calls", ended);
		finish(0);
	}
}

/* The dialer closed the slave (DTR drop): stop the answering side first. */
static void line_closed(void)
{
	logmsg("hangup: dialer closed the line (state %s)", state_names[state]);
	if (group > 0) {
		child_signal(SIGTERM);
		set_state(STOPPING, now_ms() + KILL_GRACE_MS);
		return;
	}
	call_over();
}

/* Read what the dialer sent; 0 when the line turned out to be closed. */
static int line_read(char *buf, size_t size, ssize_t *got)
{
	ssize_t n = read(mfd, buf, size);

	*got = 0;
	if (n > 0) {
		*got = n;
		return 1;
	}
	if (n < 0 && (errno == EAGAIN || errno == EINTR))
		return 1;
	return 0;		/* EIO (slave closed) or EOF */
}

/*
 * The far end hung up: NO CARRIER, then carrier drop as a tty hangup
 * (FORCE: even with --drop -1).
 */
static void drop_carrier(int force)
{
	int fd;

	master_nonblock(1);
	send_result(RES_NO_CARRIER);
	if (opt.drop_ms < 0 && !force) {
		set_state(DEAF, -1);
		return;
	}
	fd = slave_open();
	/* Let a dialer in command mode read NO CARRIER: hangup flushes it. */
	for (int i = 0, q; fd >= 0 && i < 20; i++) {
		const struct timespec ten_ms = { 0, 10 * 1000 * 1000 };

		if (ioctl(fd, TIOCINQ, &q) < 0 || q <= 0)
			break;
		nanosleep(&ten_ms, NULL);
	}
	if (fd >= 0 && ioctl(fd, TIOCVHANGUP) == 0) {
		logmsg("carrier dropped (TIOCVHANGUP)");
	} else {
		logmsg("TIOCVHANGUP: %s; waiting for the dialer to close",
		       fd < 0 ? "no slave fd" : strerror(errno));
	}
	if (fd >= 0)
		close(fd);
	set_state(DEAF, -1);
}

/* --hangup, SIGUSR1: carrier lost under a running call, no LCP Terminate. */
static void carrier_lost(void)
{
	if (group > 0) {
		child_signal(SIGKILL);
		killed_hard = 1;
	}
	drop_carrier(1);
}

static void on_sigchld(void)
{
	pid_t leader = child;
	int gone = child_reap();

	if (state == STOPPING && gone) {
		/* The dialer is gone already: the call is over. */
		call_over();
	} else if (state == ONLINE && leader > 0 && child < 0) {
		logmsg("answer: ended while the dialer is on the line");
		if (opt.drop_ms <= 0)
			drop_carrier(0);
		else
			set_state(DROPPING, now_ms() + opt.drop_ms);
	}
}

static void on_signal(void)
{
	struct signalfd_siginfo si;

	while (read(sigfd, &si, sizeof(si)) == sizeof(si)) {
		if (si.ssi_signo == SIGCHLD) {
			on_sigchld();
			continue;
		}
		if (si.ssi_signo == SIGUSR1) {
			if (state == ONLINE) {
				logmsg("hangup: carrier lost (SIGUSR1)");
				carrier_lost();
			} else {
				logmsg("SIGUSR1 in state %s: no call online",
				       state_names[state]);
			}
			continue;
		}
		logmsg("signal %d: exiting", (int)si.ssi_signo);
		finish(0);
	}
}

static void on_deadline(void)
{
	switch (state) {
	case DIALING: {
		enum result r = call_result();

		set_state(CMD, -1);
		send_result(r);
		if (r == RES_CONNECT)
			child_start();
		break;
	}
	case STOPPING:
		if (!killed_hard) {
			child_signal(SIGKILL);
			killed_hard = 1;
			deadline = now_ms() + REAP_GRACE_MS;
		} else {
			/* Unkillable (D state) or escaped the group: keep serving. */
			logmsg("answer: group %d does not die; abandoned", (int)group);
			child = -1;
			group = -1;
			killed_hard = 0;
			call_over();
		}
		break;
	case DROPPING:
		drop_carrier(0);
		break;
	case ONLINE:
		logmsg("hangup: carrier lost after %ld ms online", opt.hangup_ms);
		carrier_lost();
		break;
	default:
		deadline = -1;
		break;
	}
}

static void finish(int rc)
{
	if (group > 0) {
		long long end = now_ms() + KILL_GRACE_MS;

		child_signal(SIGTERM);
		while (group > 0) {
			struct pollfd p = { .fd = sigfd, .events = POLLIN };
			long long left = end - now_ms();
			struct signalfd_siginfo si;

			if (left <= 0) {
				if (killed_hard)
					break;
				child_signal(SIGKILL);
				killed_hard = 1;
				end = now_ms() + REAP_GRACE_MS;
				continue;
			}
			if (poll(&p, 1, (int)left) > 0)
				while (read(sigfd, &si, sizeof(si)) == sizeof(si))
					;
			child_reap();
		}
	}
	cleanup();
	logmsg("exit %d", rc);
	exit(rc);
}

static int parse_result(const char *s, enum result *r)
{
	char norm[32];
	size_t n = 0;

	for (; *s && n < sizeof(norm) - 1; s++)
		norm[n++] = (*s == '_' || *s == '-') ? ' ' : toupper((unsigned char)*s);
	norm[n] = 0;
	for (size_t i = 0; i < sizeof(results) / sizeof(results[0]); i++) {
		if (i == RES_OK || strcmp(norm, results[i].text))
			continue;
		*r = (enum result)i;
		return 0;
	}
	return -1;
}

static long parse_long(const char *name, const char *s, long min)
{
	char *end;
	long v;

	errno = 0;
	v = strtol(s, &end, 10);
	if (errno || end == s || *end || v < min)
		die("bad %s: %s", name, s);
	return v;
}

static void usage(FILE *f, int rc)
{
	fprintf(f,
		"usage: modemsim --link PATH --result RESULT[,RESULT...] [--speed BPS]\n"
		"                [--answer CMD] [--calls N] [--log FILE] [--pidfile FILE]\n"
		"                [--delay MS] [--drop MS] [--hangup MS]\n"
		"RESULT: CONNECT BUSY NO_CARRIER NO_DIALTONE NO_ANSWER ERROR SILENT\n");
	exit(rc);
}

static void parse_args(int argc, char **argv)
{
	static const struct option lo[] = {
		{ "link", required_argument, NULL, 'l' },
		{ "result", required_argument, NULL, 'r' },
		{ "speed", required_argument, NULL, 's' },
		{ "answer", required_argument, NULL, 'a' },
		{ "calls", required_argument, NULL, 'c' },
		{ "log", required_argument, NULL, 'L' },
		{ "pidfile", required_argument, NULL, 'p' },
		{ "delay", required_argument, NULL, 'd' },
		{ "drop", required_argument, NULL, 'D' },
		{ "hangup", required_argument, NULL, 'H' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	const char *result = NULL;
	int c;

	while ((c = getopt_long(argc, argv, "", lo, NULL)) != -1) {
		switch (c) {
		case 'l': opt.link = optarg; break;
		case 'r': result = optarg; break;
		case 's': opt.speed = parse_long("--speed", optarg, 1); break;
		case 'a': opt.answer = optarg; break;
		case 'c': opt.calls = parse_long("--calls", optarg, 0); break;
		case 'L': opt.log = optarg; break;
		case 'p': opt.pidfile = optarg; break;
		case 'd': opt.delay_ms = parse_long("--delay", optarg, 0); break;
		case 'D': opt.drop_ms = parse_long("--drop", optarg, -1); break;
		case 'H': opt.hangup_ms = parse_long("--hangup", optarg, 0); break;
		case 'h': usage(stdout, 0); break;
		default: usage(stderr, 2); break;
		}
	}
	if (optind != argc || !opt.link || !result)
		usage(stderr, 2);
	if (opt.delay_ms > 3600000 || opt.drop_ms > 3600000 ||
	    opt.hangup_ms > 3600000)
		die("--delay / --drop / --hangup: at most 3600000 ms");

	char *list = strdup(result), *save = NULL;

	if (!list)
		die("out of memory");
	for (char *tok = strtok_r(list, ",", &save); tok; tok = strtok_r(NULL, ",", &save)) {
		if (opt.nresults == MAX_RESULTS)
			die("--result: at most %d results", MAX_RESULTS);
		if (parse_result(tok, &opt.result[opt.nresults++]) < 0)
			die("--result: unknown result '%s'", tok);
	}
	free(list);
	if (!opt.nresults)
		usage(stderr, 2);
}

/* --link -> slave, atomically; never over something that is not a symlink. */
static void make_link(void)
{
	char tmp[4096];
	struct stat st;

	if (lstat(opt.link, &st) == 0 && !S_ISLNK(st.st_mode))
		die("%s exists and is not a symlink", opt.link);
	snprintf(tmp, sizeof(tmp), "%s.modemsim.%d", opt.link, (int)getpid());
	unlink(tmp);
	if (symlink(slave_path, tmp) < 0)
		die("symlink %s: %s", tmp, strerror(errno));
	if (rename(tmp, opt.link) < 0) {
		unlink(tmp);
		die("rename %s: %s", opt.link, strerror(errno));
	}
	link_made = 1;
}

static void write_pidfile(void)
{
	FILE *f;

	if (!opt.pidfile)
		return;
	f = fopen(opt.pidfile, "w");
	if (!f || fprintf(f, "%d\n", (int)getpid()) < 0 || fclose(f) != 0)
		die("pidfile %s: %s", opt.pidfile, strerror(errno));
}

int main(int argc, char **argv)
{
	sigset_t mask;
	const char *name;

	parse_args(argc, argv);
	if (opt.log) {
		logfp = fopen(opt.log, "ae");
		if (!logfp)
			die("log %s: %s", opt.log, strerror(errno));
	}

	signal(SIGPIPE, SIG_IGN);
	/* Orphans of the answering command come to us: a call ends when all are gone. */
	if (prctl(PR_SET_CHILD_SUBREAPER, 1) < 0)
		die("PR_SET_CHILD_SUBREAPER: %s", strerror(errno));
	sigemptyset(&mask);
	sigaddset(&mask, SIGCHLD);
	sigaddset(&mask, SIGTERM);
	sigaddset(&mask, SIGINT);
	sigaddset(&mask, SIGHUP);
	sigaddset(&mask, SIGUSR1);
	if (sigprocmask(SIG_BLOCK, &mask, NULL) < 0)
		die("sigprocmask: %s", strerror(errno));
	sigfd = signalfd(-1, &mask, SFD_NONBLOCK | SFD_CLOEXEC);
	if (sigfd < 0)
		die("signalfd: %s", strerror(errno));

	mfd = posix_openpt(O_RDWR | O_NOCTTY | O_CLOEXEC);
	if (mfd < 0)
		die("posix_openpt: %s", strerror(errno));
	if (grantpt(mfd) < 0 || unlockpt(mfd) < 0)
		die("grantpt/unlockpt: %s", strerror(errno));
	name = ptsname(mfd);
	if (!name || strlen(name) >= sizeof(slave_path))
		die("ptsname: %s", strerror(errno));
	strcpy(slave_path, name);

	sfd = slave_open();
	if (sfd < 0)
		die("open %s: %s", slave_path, strerror(errno));
	line_idle();
	make_link();
	write_pidfile();

	logmsg("ready %s link %s speed %ld delay %ld ms", slave_path, opt.link,
	       opt.speed, opt.delay_ms);
	printf("ready %s\n", slave_path);
	fflush(stdout);

	for (;;) {
		struct pollfd p[2] = {
			{ .fd = sigfd, .events = POLLIN },
			{ .fd = mfd, .events = POLLIN },
		};
		int nfds = 2, timeout = -1, r;
		char buf[512];
		ssize_t n;

		/*
		 * ONLINE / DROPPING: the line is not ours to read, events 0
		 * still reports POLLHUP.  STOPPING: POLLHUP is known and
		 * would fire forever, so only signals and the deadline.
		 */
		if (state == ONLINE || state == DROPPING)
			p[1].events = 0;
		else if (state == STOPPING)
			nfds = 1;
		if (deadline >= 0) {
			long long left = deadline - now_ms();

			timeout = left > 0 ? (int)left : 0;
		}
		r = poll(p, nfds, timeout);
		if (r < 0) {
			if (errno == EINTR)
				continue;
			die("poll: %s", strerror(errno));
		}
		if (p[0].revents) {
			/* It may change state: poll again for the new one. */
			on_signal();
			continue;
		}
		if (deadline >= 0 && now_ms() >= deadline) {
			on_deadline();
			continue;
		}
		if (nfds < 2 || !p[1].revents)
			continue;

		switch (state) {
		case IDLE:
			if (!line_read(buf, sizeof(buf), &n)) {
				/* Our own slave fd was hung up (TIOCVHANGUP by someone): renew it. */
				logmsg("line: EIO while idle; reopening %s", slave_path);
				close(sfd);
				sfd = -1;
				line_idle();
				break;
			}
			if (!n)
				break;
			/* Someone is on the line: let go so their close shows. */
			if (sfd >= 0) {
				close(sfd);
				sfd = -1;
			}
			logmsg("line: dialer present");
			set_state(CMD, -1);
			command_input(buf, n);
			break;
		case CMD:
		case DIALING:
			if (!(p[1].revents & POLLIN) || !line_read(buf, sizeof(buf), &n)) {
				line_closed();
				break;
			}
			if (state == CMD)
				command_input(buf, n);
			else if (n)
				logmsg("ignored %zd bytes while dialing", n);
			break;
		case DEAF:
			if (!(p[1].revents & POLLIN) || !line_read(buf, sizeof(buf), &n))
				line_closed();
			break;
		case ONLINE:
		case DROPPING:
			/* POLLHUP / POLLERR: the dialer has closed the slave. */
			line_closed();
			break;
		case STOPPING:
			break;
		}
	}
}
