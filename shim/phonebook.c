// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * phonebook.c: a Windows phone book (rasphone.pbk) as pppd options.
 *
 * The file is an INI file: "[entry]" sections of "Key=Value" lines.  The
 * parser keeps the few keys that mean something to pppd (the table
 * pbk_keys below, documented in the README) and ignores the rest, as
 * Windows ignores keys it does not know.  Everything it keeps is checked
 * while parsing, so a value that could escape pppd's or the shell's
 * syntax makes the whole file ERROR_CORRUPT_PHONEBOOK, never an option.
 *
 * Rules:
 * - at most RASDIAL_PBK_MAX_SIZE bytes, lines of RASDIAL_PBK_MAX_LINE,
 *   RASDIAL_PBK_MAX_SECTIONS sections;
 * - a UTF-8 BOM and CRLF line ends are accepted; NUL and other control
 *   bytes (except TAB) are not (UTF-16 files included);
 * - blank lines and lines starting with ';' or '#' are comments;
 * - every other line is "[name]" or "Key=Value" inside a section;
 * - section names are compared without ASCII case (Windows does): the
 *   same name twice is an error, not "first wins";
 * - keys are compared without ASCII case, except that "DEVICE" in
 *   capitals is the device type (modem, vpn, ...) and any other spelling
 *   of it the device's name, as rasphone.pbk writes both;
 * - a key repeated in one section: its first non-empty value counts
 *   (the first link and the first phone number of an entry).
 */
#include <arpa/inet.h>
#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "phonebook.h"

/* AuthRestrictions bits (rasphone.pbk's AR_F_*). */
#define AR_F_AuthPAP		0x008
#define AR_F_AuthSPAP		0x010
#define AR_F_AuthMD5CHAP	0x020
#define AR_F_AuthMSCHAP		0x040
#define AR_F_AuthEAP		0x080
#define AR_F_AuthCustom		0x100
#define AR_F_AuthMSCHAP2	0x200
#define AR_F_AuthW95MSCHAP	0x400
#define AR_F_TypicalUnsecure	(AR_F_AuthPAP | AR_F_AuthSPAP | \
				 AR_F_AuthMD5CHAP | AR_F_AuthMSCHAP | \
				 AR_F_AuthMSCHAP2)
#define AR_F_TypicalSecure	(AR_F_AuthMD5CHAP | AR_F_AuthMSCHAP | \
				 AR_F_AuthMSCHAP2)

/* DataEncryption values. */
#define DE_Require		256
#define DE_RequireMax		512

/* IpAssign: the address the user typed (IpAddress). */
#define ASRC_RequireSpecific	2

#define CHAT_PATH		"/usr/sbin/chat"

enum pbk_kind {
	PBK_PHONE,	/* dial characters only */
	PBK_PORT,	/* a port or device name */
	PBK_WORD,	/* MEDIA, DEVICE: a short word */
	PBK_IPV4,	/* dotted quad */
	PBK_COMMAND,	/* a shell command for pppd's "connect" */
	PBK_NUMBER,	/* 0 .. INT32_MAX */
	PBK_LAC,	/* an xl2tpd LAC name: a word of its command syntax */
	PBK_PATH,	/* an absolute path without white space */
};

struct pbk_key {
	const char *key;
	enum pbk_kind kind;
	size_t off;
	size_t size;	/* strings: the field's size */
	bool exact;	/* the key's case matters */
};

#define STR(k, field, kind_)						\
	{ k, kind_, offsetof(struct rasdial_pbk_entry, field),		\
	  sizeof(((struct rasdial_pbk_entry *)0)->field), false }
#define NUM(k, field)							\
	{ k, PBK_NUMBER, offsetof(struct rasdial_pbk_entry, field), 0, false }

static const struct pbk_key pbk_keys[] = {
	{ "DEVICE", PBK_WORD, offsetof(struct rasdial_pbk_entry, device_type),
	  sizeof(((struct rasdial_pbk_entry *)0)->device_type), true },
	STR("Device", device, PBK_PORT),
	STR("MEDIA", media, PBK_WORD),
	STR("Port", port, PBK_PORT),
	STR("PreferredPort", preferred_port, PBK_PORT),
	STR("PhoneNumber", phone, PBK_PHONE),
	STR("IpAddress", ip_address, PBK_IPV4),
	STR("LinuxConnect", connect, PBK_COMMAND),
	NUM("ConnectBPS", speed),
	NUM("PreferredBps", speed),
	NUM("AuthRestrictions", auth),
	NUM("DataEncryption", encryption),
	NUM("HwFlowControl", hw_flow),
	NUM("IpPrioritizeRemote", prioritize_remote),
	NUM("IpAssign", ip_assign),
	NUM("IpHeaderCompression", header_compression),
	NUM("SwCompression", sw_compression),
	NUM("IdleDisconnectSeconds", idle),
	NUM("LinuxLocal", local),
	NUM("LinuxLock", lock),
	STR("LinuxL2tpLac", l2tp_lac, PBK_LAC),
	STR("LinuxL2tpControl", l2tp_control, PBK_PATH),
	NUM("LinuxL2tpTimeout", l2tp_timeout),
};

static void say(char *detail, size_t dsize, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static void say(char *detail, size_t dsize, const char *fmt, ...)
{
	va_list ap;

	if (!detail || !dsize)
		return;
	va_start(ap, fmt);
	vsnprintf(detail, dsize, fmt, ap);
	va_end(ap);
}

/* What a modem takes in a dial string, and nothing a shell or chat
 * would read specially inside '...' (no quote, backslash, caret). */
bool rasdial_phone_ok(const char *s)
{
	for (; *s; s++)
		if (!strchr("0123456789*#+,-.()!@;/ ABCDabcdPpTtWw", *s))
			return false;
	return true;
}

/* A device name: letters, digits and _ . - + : only. */
static bool devname_ok(const char *s)
{
	if (!*s)
		return false;
	for (; *s; s++)
		if (!isalnum((unsigned char)*s) && !strchr("_.-+:", *s))
			return false;
	return true;
}

/*
 * The Linux device for a Port/Device value, or false: COMn is
 * /dev/ttyS(n-1); /dev/... and tty..., rfcomm... names are taken as
 * they are.  Windows' other ports (VPN2-0, PPPoE5-0, "Standard 56000 bps
 * Modem") are no device here.
 */
bool rasdial_port_device(const char *v, char *out, size_t size)
{
	char *end;
	long n;
	int r;

	if (!strncasecmp(v, "COM", 3) && isdigit((unsigned char)v[3])) {
		errno = 0;
		n = strtol(v + 3, &end, 10);
		if (*end || errno || n < 1 || n > 256)
			return false;
		r = snprintf(out, size, "/dev/ttyS%ld", n - 1);
		return r > 0 && (size_t)r < size;
	}
	if (!strncmp(v, "/dev/", 5)) {
		const char *p;

		/* Path components of device-name characters, no "..". */
		for (p = v + 5; *p; p++)
			if (*p != '/' && !isalnum((unsigned char)*p) &&
			    !strchr("_.-+:", *p))
				return false;
		if (strstr(v, "/../") || strstr(v, "/./") ||
		    (strlen(v) >= 3 && !strcmp(v + strlen(v) - 3, "/..")))
			return false;
		r = snprintf(out, size, "%s", v);
		return r > 0 && (size_t)r < size;
	}
	if ((!strncmp(v, "tty", 3) || !strncmp(v, "rfcomm", 6)) &&
	    devname_ok(v) && !strstr(v, "..")) {
		r = snprintf(out, size, "/dev/%s", v);
		return r > 0 && (size_t)r < size;
	}
	return false;
}

/* Checks VALUE for KEY; a message in WHY when it is refused. */
static bool value_ok(const struct pbk_key *k, const char *v, const char **why)
{
	struct in_addr a;
	char dev[RASDIAL_PBK_MAX_PORT];

	switch (k->kind) {
	case PBK_PHONE:
		/* A VPN entry's "number" is a host name: the modem's
		 * characters are checked when the entry is dialed. */
		*why = "quote, backslash or '`'";
		return !strpbrk(v, "'\"\\`");
	case PBK_PORT:
		/* Windows names are kept (and never used); what looks like
		 * a Linux device must be one. */
		*why = "not a usable device name";
		if (!strncmp(v, "/dev/", 5) || !strncmp(v, "tty", 3) ||
		    !strncmp(v, "rfcomm", 6))
			return rasdial_port_device(v, dev, sizeof(dev));
		return true;
	case PBK_WORD:
		/* Only compared with the types we know. */
		return true;
	case PBK_IPV4:
		*why = "not an IPv4 address";
		return inet_pton(AF_INET, v, &a) == 1;
	case PBK_COMMAND:
		/* Quotes and backslashes would be pppd option syntax. */
		*why = "contains '\"' or '\\'";
		return !strpbrk(v, "\"\\");
	case PBK_LAC:
		*why = "an xl2tpd LAC name is A-Z a-z 0-9 _ . - only";
		for (; *v; v++)
			if (!isalnum((unsigned char)*v) && !strchr("_.-", *v))
				return false;
		return true;
	case PBK_PATH:
		*why = "not an absolute path without white space";
		if (*v != '/')
			return false;
		for (; *v; v++)
			if ((unsigned char)*v <= ' ' || *v == 0x7f)
				return false;
		return true;
	case PBK_NUMBER:
		break;
	}
	return true;
}

/* Decimal 0 .. INT32_MAX, or -1 for anything else. */
static long parse_number(const char *v)
{
	long n = 0;

	if (!*v || strlen(v) > 10)
		return -1;
	for (; *v; v++) {
		if (!isdigit((unsigned char)*v))
			return -1;
		n = n * 10 + (*v - '0');
	}
	return n > 0x7fffffffL ? -1 : n;
}

static const struct pbk_key *find_key(const char *key)
{
	size_t i;

	for (i = 0; i < RASDIAL_ARRAY_SIZE(pbk_keys); i++) {
		const struct pbk_key *k = &pbk_keys[i];

		if (!strcmp(key, k->key))
			return k;
	}
	/* "DEVICE" is exact; "Device", "device", ... are the name. */
	if (!strcmp(key, "DEVICE"))
		return NULL;
	for (i = 0; i < RASDIAL_ARRAY_SIZE(pbk_keys); i++) {
		const struct pbk_key *k = &pbk_keys[i];

		if (!k->exact && !strcasecmp(key, k->key))
			return k;
	}
	return NULL;
}

static void entry_init(struct rasdial_pbk_entry *e)
{
	memset(e, 0, sizeof(*e));
	e->speed = e->auth = e->encryption = e->hw_flow = RASDIAL_PBK_UNSET;
	e->prioritize_remote = e->ip_assign = RASDIAL_PBK_UNSET;
	e->header_compression = e->sw_compression = RASDIAL_PBK_UNSET;
	e->idle = e->local = e->lock = RASDIAL_PBK_UNSET;
	e->l2tp_timeout = RASDIAL_PBK_UNSET;
}

static char *trim(char *s, char **end)
{
	while (*s == ' ' || *s == '\t')
		s++;
	while (*end > s && ((*end)[-1] == ' ' || (*end)[-1] == '\t'))
		(*end)--;
	**end = '\0';
	return s;
}

/* One "Key=Value" line of entry E; false (and WHY) when it is bad. */
static bool take_key(struct rasdial_pbk_entry *e, char *line, char *eq,
		     const char **why)
{
	char *kend = eq, *vend = eq + strlen(eq);
	const struct pbk_key *k;
	char *key, *val;
	long n;

	*eq = '\0';
	key = trim(line, &kend);
	val = trim(eq + 1, &vend);
	if (!*key) {
		*why = "a value without a key";
		return false;
	}
	k = find_key(key);
	if (!k || !*val)
		return true;
	if (k->kind == PBK_NUMBER) {
		long *field = (long *)((char *)e + k->off);

		n = parse_number(val);
		if (n < 0) {
			*why = "not a number";
			return false;
		}
		/* PreferredBps=0 is "no preference": ConnectBPS may say. */
		if (*field == RASDIAL_PBK_UNSET && !(field == &e->speed && !n))
			*field = n;
		return true;
	}
	if (!value_ok(k, val, why))
		return false;
	if (strlen(val) >= k->size) {
		/* A Windows name (kept, never used) may be cut. */
		if (k->kind == PBK_WORD ||
		    (k->kind == PBK_PORT && strncmp(val, "/dev/", 5) &&
		     strncmp(val, "tty", 3) && strncmp(val, "rfcomm", 6))) {
			val[k->size - 1] = '\0';
		} else {
			*why = "value too long";
			return false;
		}
	}
	if (!*((char *)e + k->off))
		memcpy((char *)e + k->off, val, strlen(val) + 1);
	return true;
}

void rasdial_pbk_free(struct rasdial_pbk *pbk)
{
	free(pbk->v);
	pbk->v = NULL;
	pbk->n = 0;
}

DWORD rasdial_pbk_parse(const char *buf, size_t len, const char *name,
			struct rasdial_pbk *pbk, char *detail, size_t dsize)
{
	char line[RASDIAL_PBK_MAX_LINE + 1];
	struct rasdial_pbk_entry *cur = NULL;
	size_t pos = 0, cap = 0;
	unsigned int lineno = 0;
	const char *why = NULL;
	DWORD ret = ERROR_CORRUPT_PHONEBOOK;

	pbk->v = NULL;
	pbk->n = 0;
	if (!name)
		name = "phonebook";
	if (len > RASDIAL_PBK_MAX_SIZE) {
		say(detail, dsize, "%s: larger than %u bytes", name,
		    RASDIAL_PBK_MAX_SIZE);
		return ERROR_CORRUPT_PHONEBOOK;
	}
	if (len >= 2 && ((buf[0] == '\xff' && buf[1] == '\xfe') ||
			  (buf[0] == '\xfe' && buf[1] == '\xff'))) {
		say(detail, dsize, "%s: UTF-16 (save it as UTF-8 or ANSI)",
		    name);
		return ERROR_CORRUPT_PHONEBOOK;
	}
	if (len >= 3 && !memcmp(buf, "\xef\xbb\xbf", 3))
		pos = 3;

	while (pos < len) {
		const char *nl = memchr(buf + pos, '\n', len - pos);
		size_t n = (nl ? (size_t)(nl - buf) : len) - pos;
		char *s, *end, *eq;
		size_t i;

		lineno++;
		if (n && buf[pos + n - 1] == '\r')
			n--;
		if (n > RASDIAL_PBK_MAX_LINE) {
			why = "line too long";
			goto bad;
		}
		memcpy(line, buf + pos, n);
		line[n] = '\0';
		pos = nl ? (size_t)(nl - buf) + 1 : len;
		for (i = 0; i < n; i++) {
			unsigned char c = (unsigned char)line[i];

			if ((c < 0x20 && c != '\t') || c == 0x7f) {
				why = c ? "control character" : "NUL byte";
				goto bad;
			}
		}
		end = line + n;
		s = trim(line, &end);
		if (!*s || *s == ';' || *s == '#')
			continue;
		if (*s == '[') {
			char *close = strchr(s, ']');
			char *nend;
			size_t j;

			if (!close || close[1]) {
				why = close ? "text after ']'" : "missing ']'";
				goto bad;
			}
			nend = close;
			s = trim(s + 1, &nend);
			if (!*s || strchr(s, '[')) {
				why = *s ? "'[' in a section name"
					 : "empty section name";
				goto bad;
			}
			if (strlen(s) > RAS_MaxEntryName) {
				why = "section name longer than 256";
				goto bad;
			}
			for (j = 0; j < pbk->n; j++)
				if (!strcasecmp(pbk->v[j].name, s))
					break;
			if (j < pbk->n) {
				say(detail, dsize,
				    "%s:%u: section [%s] again (first at line %u)",
				    name, lineno, s, pbk->v[j].line);
				goto fail;
			}
			if (pbk->n == RASDIAL_PBK_MAX_SECTIONS) {
				why = "too many sections";
				goto bad;
			}
			if (pbk->n == cap) {
				size_t ncap = cap ? cap * 2 : 8;
				struct rasdial_pbk_entry *v;

				if (ncap > RASDIAL_PBK_MAX_SECTIONS)
					ncap = RASDIAL_PBK_MAX_SECTIONS;
				v = realloc(pbk->v, ncap * sizeof(*v));
				if (!v) {
					ret = ERROR_NOT_ENOUGH_MEMORY;
					say(detail, dsize, "%s: out of memory",
					    name);
					goto fail;
				}
				pbk->v = v;
				cap = ncap;
			}
			cur = &pbk->v[pbk->n++];
			entry_init(cur);
			memcpy(cur->name, s, strlen(s) + 1);
			cur->line = lineno;
			continue;
		}
		eq = strchr(s, '=');
		if (!eq) {
			why = "neither [section] nor Key=Value";
			goto bad;
		}
		if (!cur) {
			why = "Key=Value before the first [section]";
			goto bad;
		}
		if (!take_key(cur, s, eq, &why))
			goto bad;
	}
	return ERROR_SUCCESS;

bad:
	say(detail, dsize, "%s:%u: %s", name, lineno, why);
fail:
	rasdial_pbk_free(pbk);
	return ret;
}

DWORD rasdial_pbk_load(const char *path, struct rasdial_pbk *pbk,
		       char *detail, size_t dsize)
{
	struct stat st;
	char *buf = NULL;
	size_t len = 0;
	DWORD ret = ERROR_CANNOT_OPEN_PHONEBOOK;
	int fd;

	pbk->v = NULL;
	pbk->n = 0;
	/* O_NONBLOCK: a FIFO in its place must not hang us. */
	fd = open(path, O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK);
	if (fd < 0) {
		say(detail, dsize, "%s: %s", path, strerror(errno));
		return ERROR_CANNOT_OPEN_PHONEBOOK;
	}
	if (fstat(fd, &st) < 0 || !S_ISREG(st.st_mode)) {
		say(detail, dsize, "%s: not a regular file", path);
		goto out;
	}
	ret = ERROR_CORRUPT_PHONEBOOK;
	if (st.st_size > (off_t)RASDIAL_PBK_MAX_SIZE) {
		say(detail, dsize, "%s: larger than %u bytes", path,
		    RASDIAL_PBK_MAX_SIZE);
		goto out;
	}
	ret = ERROR_NOT_ENOUGH_MEMORY;
	/* One byte more than allowed tells a file that grew meanwhile. */
	buf = malloc(RASDIAL_PBK_MAX_SIZE + 1);
	if (!buf)
		goto out;
	while (len <= RASDIAL_PBK_MAX_SIZE) {
		ssize_t r = read(fd, buf + len, RASDIAL_PBK_MAX_SIZE + 1 - len);

		if (r < 0 && errno == EINTR)
			continue;
		if (r < 0) {
			say(detail, dsize, "%s: %s", path, strerror(errno));
			ret = ERROR_CANNOT_OPEN_PHONEBOOK;
			goto out;
		}
		if (!r)
			break;
		len += (size_t)r;
	}
	ret = rasdial_pbk_parse(buf, len, path, pbk, detail, dsize);
out:
	free(buf);
	close(fd);
	return ret;
}

const struct rasdial_pbk_entry *rasdial_pbk_find(const struct rasdial_pbk *pbk,
						 const char *name)
{
	size_t i;

	for (i = 0; i < pbk->n; i++)
		if (!strcasecmp(pbk->v[i].name, name))
			return &pbk->v[i];
	return NULL;
}

bool rasdial_pbk_is_file(const char *path)
{
	struct stat st;
	size_t n = strlen(path);

	if (stat(path, &st) == 0)
		return !S_ISDIR(st.st_mode);
	/* A missing .pbk is a phone book that cannot be opened. */
	return n > 4 && !strcasecmp(path + n - 4, ".pbk");
}

static void add(struct rasdial_pbk_args *a, const char *s)
{
	if (a->argc < RASDIAL_PBK_MAX_ARGS)
		a->argv[a->argc++] = s;
	a->argv[a->argc] = NULL;
}

/* The pppd speeds (termios' B* rates) we pass on. */
static bool speed_ok(long bps)
{
	static const long rates[] = {
		300, 600, 1200, 2400, 4800, 9600, 19200, 38400, 57600, 115200,
		230400, 460800, 500000, 576000, 921600, 1000000, 1152000,
		1500000, 2000000, 2500000, 3000000, 3500000, 4000000,
	};
	size_t i;

	for (i = 0; i < RASDIAL_ARRAY_SIZE(rates); i++)
		if (rates[i] == bps)
			return true;
	return false;
}

DWORD rasdial_pbk_args(const struct rasdial_pbk_entry *e, const char *phone,
		       struct rasdial_pbk_args *a, char *detail, size_t dsize)
{
	const char *ports[] = { e->port, e->device, e->preferred_port };
	bool modem, have_dev = false;
	long ar;
	size_t i;
	int r;

	memset(a, 0, sizeof(*a));
	/* A VPN entry that names an xl2tpd LAC: xl2tpd dials (l2tp.c). */
	if (!strcasecmp(e->device_type, "vpn") && e->l2tp_lac[0]) {
		if (e->l2tp_timeout != RASDIAL_PBK_UNSET &&
		    (e->l2tp_timeout < 1 ||
		     e->l2tp_timeout > RASDIAL_L2TP_MAX_TIMEOUT_S)) {
			say(detail, dsize, "[%s]: LinuxL2tpTimeout is 1..%d seconds",
			    e->name, RASDIAL_L2TP_MAX_TIMEOUT_S);
			return ERROR_CORRUPT_PHONEBOOK;
		}
		a->is_l2tp = true;
		snprintf(a->l2tp.lac, sizeof(a->l2tp.lac), "%s", e->l2tp_lac);
		snprintf(a->l2tp.control, sizeof(a->l2tp.control), "%s",
			 e->l2tp_control[0] ? e->l2tp_control : RASDIAL_L2TP_CONTROL);
		a->l2tp.timeout_s = e->l2tp_timeout != RASDIAL_PBK_UNSET ?
				    (int)e->l2tp_timeout : RASDIAL_L2TP_TIMEOUT_S;
		return ERROR_SUCCESS;
	}
	/* The device type decides: only serial links are pppd's here. */
	modem = !e->device_type[0] || !strcasecmp(e->device_type, "modem");
	if (!modem && strcasecmp(e->device_type, "null")) {
		say(detail, dsize, "[%s]: DEVICE=%s is not supported "
		    "(modem and null are)", e->name, e->device_type);
		return ERROR_DEVICETYPE_DOES_NOT_EXIST;
	}
	for (i = 0; i < RASDIAL_ARRAY_SIZE(ports) && !have_dev; i++)
		have_dev = ports[i][0] &&
			   rasdial_port_device(ports[i], a->device, sizeof(a->device));
	if (!have_dev) {
		say(detail, dsize, "[%s]: no Linux device in Port/Device "
		    "(COMn, ttyS0, /dev/ttyUSB0, ...)", e->name);
		return ERROR_DEVICE_DOES_NOT_EXIST;
	}
	add(a, a->device);
	if (e->speed > 0) {
		if (!speed_ok(e->speed)) {
			say(detail, dsize, "[%s]: %ld bps is no serial speed",
			    e->name, e->speed);
			return ERROR_CORRUPT_PHONEBOOK;
		}
		snprintf(a->speed, sizeof(a->speed), "%ld", e->speed);
		add(a, a->speed);
	}

	if (e->connect[0]) {
		snprintf(a->connect, sizeof(a->connect), "%s", e->connect);
		add(a, "connect");
		add(a, a->connect);
	} else if (modem) {
		if (!phone || !phone[0])
			phone = e->phone;
		if (!phone[0] || !rasdial_phone_ok(phone) ||
		    strlen(phone) > RAS_MaxPhoneNumber) {
			say(detail, dsize, "[%s]: %s", e->name, phone[0] ?
			    "the phone number has characters a modem cannot dial" :
			    "no PhoneNumber");
			return ERROR_BAD_PHONE_NUMBER;
		}
		/* Inside '...' for the shell; rasdial_phone_ok allows no quote. */
		r = snprintf(a->connect, sizeof(a->connect),
			     CHAT_PATH " -v ABORT BUSY ABORT 'NO CARRIER' "
			     "ABORT 'NO DIALTONE' ABORT 'NO ANSWER' "
			     "ABORT ERROR '' ATZ OK 'ATDT%s' CONNECT", phone);
		if (r < 0 || (size_t)r >= sizeof(a->connect))
			return ERROR_BAD_PHONE_NUMBER;
		add(a, "connect");
		add(a, a->connect);
	}

	/* A RAS client does not make the server authenticate itself. */
	add(a, "noauth");
	if (e->auth != RASDIAL_PBK_UNSET) {
		ar = e->auth;
		/* NT 4 values, upgraded as Windows 2000 does. */
		if (ar <= 1)
			ar = AR_F_TypicalUnsecure;
		else if (ar == 2)
			ar = AR_F_TypicalSecure;
		else if (ar == 3)
			ar = AR_F_AuthMSCHAP;
		else if (ar == 4)
			ar = AR_F_AuthEAP;
		if (!(ar & AR_F_AuthPAP))
			add(a, "refuse-pap");
		if (!(ar & AR_F_AuthMD5CHAP))
			add(a, "refuse-chap");
		if (!(ar & (AR_F_AuthMSCHAP | AR_F_AuthW95MSCHAP)))
			add(a, "refuse-mschap");
		if (!(ar & AR_F_AuthMSCHAP2))
			add(a, "refuse-mschap-v2");
		if (!(ar & AR_F_AuthEAP))
			add(a, "refuse-eap");
	}
	if (e->encryption == DE_Require)
		add(a, "require-mppe");
	else if (e->encryption == DE_RequireMax)
		add(a, "require-mppe-128");
	if (e->hw_flow == 0)
		add(a, "nocrtscts");
	else if (e->hw_flow > 0)
		add(a, "crtscts");
	add(a, e->prioritize_remote == 0 ? "nodefaultroute" : "defaultroute");
	if (e->ip_assign == ASRC_RequireSpecific && e->ip_address[0] &&
	    strcmp(e->ip_address, "0.0.0.0")) {
		snprintf(a->local_ip, sizeof(a->local_ip), "%s:", e->ip_address);
		add(a, a->local_ip);
	} else {
		add(a, "noipdefault");
	}
	if (e->header_compression == 0)
		add(a, "novj");
	if (e->sw_compression == 0) {
		add(a, "nobsdcomp");
		add(a, "nodeflate");
	}
	if (e->idle > 0) {
		snprintf(a->idle, sizeof(a->idle), "%ld", e->idle);
		add(a, "idle");
		add(a, a->idle);
	}
	if (e->local == 0)
		add(a, "modem");
	else if (e->local > 0)
		add(a, "local");
	if (e->lock == 0)
		add(a, "nolock");
	else if (e->lock > 0)
		add(a, "lock");
	return ERROR_SUCCESS;
}

DWORD rasdial_pbk_dial_args(const char *path, const char *entry,
			    const char *phone, struct rasdial_pbk_args *a)
{
	const struct rasdial_pbk_entry *e;
	struct rasdial_pbk pbk;
	char detail[256] = "";
	DWORD ret;

	ret = rasdial_pbk_load(path, &pbk, detail, sizeof(detail));
	if (!ret) {
		e = rasdial_pbk_find(&pbk, entry);
		if (e) {
			ret = rasdial_pbk_args(e, phone, a, detail,
					       sizeof(detail));
			memcpy(a->entry, e->name, sizeof(a->entry));
		} else {
			ret = ERROR_CANNOT_FIND_PHONEBOOK_ENTRY;
			snprintf(detail, sizeof(detail), "%s: no [%s]", path,
				 entry);
		}
	}
	rasdial_pbk_free(&pbk);
	rasdial_detail_set(detail);
	return ret;
}

/*
 * The phone book is the distro's peers directory: ENTRY is the file
 * PEERS/ENTRY.  PHONEBOOK NULL means /etc/ppp/peers; a directory given as
 * PHONEBOOK is another peers directory, read with pppd's "file" option.
 */
DWORD rasdial_find_entry(const char *phonebook, const char *entry,
			 char *path, size_t size, bool *use_call)
{
	const char *dir = RASDIAL_PEERS_DIR;
	struct stat st;
	int n;

	*use_call = true;
	if (!entry[0] || strchr(entry, '/') || strstr(entry, ".."))
		return ERROR_CANNOT_FIND_PHONEBOOK_ENTRY;
	if (phonebook) {
		char real[PATH_MAX], peers[PATH_MAX];

		if (!phonebook[0] || stat(phonebook, &st) < 0 ||
		    !S_ISDIR(st.st_mode) || !realpath(phonebook, real))
			return ERROR_CANNOT_OPEN_PHONEBOOK;
		if (!realpath(RASDIAL_PEERS_DIR, peers) || strcmp(real, peers)) {
			*use_call = false;
			dir = phonebook;
		}
	}
	n = snprintf(path, size, "%s/%s", dir, entry);
	if (n < 0 || (size_t)n >= size)
		return ERROR_CANNOT_OPEN_PHONEBOOK;
	/* EACCES: a peers dir only pppd (setuid, or group dip) can read.
	 * ENAMETOOLONG: a name longer than NAME_MAX is no file either. */
	if (stat(path, &st) < 0 ? errno == ENOENT || errno == ENOTDIR ||
				  errno == ENAMETOOLONG
				: S_ISDIR(st.st_mode))
		return ERROR_CANNOT_FIND_PHONEBOOK_ENTRY;
	return ERROR_SUCCESS;
}
