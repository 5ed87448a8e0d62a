// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * entry_set.c: RasSetEntryPropertiesA/W: a RASENTRY written as a peers file.
 *
 * The entry is compared with what RasGetEntryProperties reads from the
 * file today, one aspect at a time (device, number, authentication,
 * encryption, VJ, compression, default route, DNS, protocols, address,
 * idle, redial).  Only an aspect that differs is rewritten: its options
 * are cut out of the file and the new ones appended; every other byte
 * stays, so a hand-written file keeps what RASENTRY does not model and an
 * unchanged RASENTRY writes nothing at all.  Checks apply to what is
 * written, so a file pppd would reject is never produced.  A new entry
 * starts from "noauth noipdefault" (a RAS client does not authenticate
 * the server and takes the address it is given).
 */
#include <arpa/inet.h>
#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdarg.h>
#include <net/if.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <unistd.h>

#include "internal.h"
#include "entry_props.h"
#include "layouts.h"
#include "phonebook.h"
#include "utf16.h"

#define CHAT_CMD	"/usr/sbin/chat -v"
#define CHAT_SCRIPT	"ABORT BUSY ABORT 'NO CARRIER' ABORT 'NO DIALTONE' " \
			"ABORT 'NO ANSWER' ABORT ERROR '' ATZ OK 'ATDT\\\\T' CONNECT"

enum aspect {
	A_DEVICE, A_NUMBER, A_AUTH, A_MPPE, A_VJ, A_COMP, A_ROUTE, A_DNS,
	A_PROTO, A_ADDR, A_IDLE, A_REDIAL, A_PAUSE, A_COUNT
};

struct text {
	char *p;
	size_t n, cap;
	bool oom;
};

static void put(struct text *t, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

static void put(struct text *t, const char *fmt, ...)
{
	va_list ap;
	int n;

	if (t->oom)
		return;
	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n >= 0 && t->n + (size_t)n + 1 > t->cap) {
		size_t cap = (t->n + (size_t)n + 1) * 2;
		char *p = realloc(t->p, cap);

		if (!p)
			n = -1;
		else
			t->p = p, t->cap = cap;
	}
	if (n < 0) {
		t->oom = true;
		return;
	}
	va_start(ap, fmt);
	vsnprintf(t->p + t->n, (size_t)n + 1, fmt, ap);
	va_end(ap);
	t->n += (size_t)n;
}

static bool is_type(const RASENTRYA *e, const char *type)
{
	return !strcasecmp(e->szDeviceType, type);
}

/* A tty name as Get reports it ("ttyUSB0"; other paths as they are);
 * COMn is ttyS(n-1), as in a .pbk. */
static bool tty_name(const char *v, char *out, size_t size)
{
	char dev[PATH_MAX];

	if (!rasdial_port_device(v, dev, sizeof(dev)))
		return false;
	rasdial_entry_set_str(out, size, strchr(dev + 5, '/') ? dev : dev + 5);
	return true;
}

/* What the entry dials: the canonical number with country and area. */
static void format_number(const RASENTRYA *e, char *out, size_t size)
{
	if (!(e->dwfOptions & RASEO_UseCountryAndAreaCodes) ||
	    !e->dwCountryCode)
		snprintf(out, size, "%s", e->szLocalPhoneNumber);
	else if (e->szAreaCode[0])
		snprintf(out, size, "+%u (%s) %s", e->dwCountryCode,
			 e->szAreaCode, e->szLocalPhoneNumber);
	else
		snprintf(out, size, "+%u %s", e->dwCountryCode,
			 e->szLocalPhoneNumber);
}

static unsigned int refused_of(const RASENTRYA *e)
{
	DWORD o = e->dwfOptions;
	unsigned int req = (o & RASEO_RequirePAP ? AUTH_PAP : 0) |
			   (o & RASEO_RequireCHAP ? AUTH_CHAP : 0) |
			   (o & (RASEO_RequireMsCHAP | RASEO_RequireW95MSCHAP) ?
			    AUTH_MSCHAP : 0) |
			   (o & RASEO_RequireMsCHAP2 ? AUTH_MSCHAP2 : 0) |
			   (o & RASEO_RequireEAP ? AUTH_EAP : 0);

	if (req)
		return AUTH_ALL & ~req;
	if (o & RASEO_RequireMsEncryptedPw)
		return AUTH_PAP | AUTH_CHAP | AUTH_EAP;
	if (o & RASEO_RequireEncryptedPw)
		return AUTH_PAP;
	return 0;
}

static DWORD mppe_of(const RASENTRYA *e)
{
	if ((e->dwfOptions & RASEO_RequireDataEncryption) &&
	    e->dwEncryptionType != ET_RequireMax)
		return ET_Require;
	return e->dwEncryptionType;
}

static DWORD idle_of(const RASENTRYA *e)
{
	return e->dwIdleDisconnectSeconds == RASIDS_Disabled ?
	       0 : e->dwIdleDisconnectSeconds;
}

/* The device as one comparable string: "modem ttyUSB0", "pppoe eth0". */
static void device_key(const RASENTRYA *e, char *out, size_t size)
{
	char name[PATH_MAX];

	if ((is_type(e, RASDT_Modem) || is_type(e, RASDT_Serial)) &&
	    tty_name(e->szDeviceName, name, sizeof(name)))
		snprintf(out, size, "%s %s", e->szDeviceType, name);
	else if (is_type(e, RASDT_Vpn))
		snprintf(out, size, "vpn %s", e->szLocalPhoneNumber);
	else
		snprintf(out, size, "%s %s", e->szDeviceType, e->szDeviceName);
	for (; *out && *out != ' '; out++)
		*out = (char)tolower((unsigned char)*out);
}

static bool aspect_same(enum aspect a, const RASENTRYA *o, const RASENTRYA *n)
{
	char x[PATH_MAX + 64], y[PATH_MAX + 64];

	switch (a) {
	case A_DEVICE:
		device_key(o, x, sizeof(x));
		device_key(n, y, sizeof(y));
		return !strcmp(x, y);
	case A_NUMBER:
		if (!is_type(n, RASDT_Modem))
			return !is_type(o, RASDT_Modem);
		if (!is_type(o, RASDT_Modem))
			return false;
		format_number(o, x, sizeof(x));
		format_number(n, y, sizeof(y));
		return !strcmp(x, y);
	case A_AUTH:
		return refused_of(o) == refused_of(n);
	case A_MPPE:
		return mppe_of(o) == mppe_of(n);
	case A_VJ:
		return !((o->dwfOptions ^ n->dwfOptions) &
			 RASEO_IpHeaderCompression);
	case A_COMP:
		return !((o->dwfOptions ^ n->dwfOptions) & RASEO_SwCompression);
	case A_ROUTE:
		return !((o->dwfOptions ^ n->dwfOptions) &
			 RASEO_RemoteDefaultGateway);
	case A_DNS:
		return !((o->dwfOptions ^ n->dwfOptions) &
			 RASEO_SpecificNameServers);
	case A_PROTO:
		return !((o->dwfNetProtocols ^ n->dwfNetProtocols) &
			 (RASNP_Ip | RASNP_Ipv6));
	case A_ADDR:
		if ((o->dwfOptions ^ n->dwfOptions) & RASEO_SpecificIpAddr)
			return false;
		return !(n->dwfOptions & RASEO_SpecificIpAddr) ||
		       !memcmp(&o->ipaddr, &n->ipaddr, sizeof(n->ipaddr));
	case A_IDLE:
		return idle_of(o) == idle_of(n);
	case A_REDIAL:
		return o->dwRedialCount == n->dwRedialCount;
	case A_PAUSE:
		return o->dwRedialPause == n->dwRedialPause;
	case A_COUNT:
		break;
	}
	return true;
}

/* Does option W (with ARG) belong to aspect A?  NEW_LINES: the new device
 * brings its own modem-line options. */
static bool opt_in(enum aspect a, const char *w, const char *arg,
		   bool new_lines)
{
	static const char *const words[A_COUNT][6] = {
		[A_DEVICE] = { "pty", "rasdial-l2tp-lac" },
		[A_NUMBER] = { "connect" },
		[A_AUTH] = { "refuse-pap", "refuse-chap", "refuse-mschap",
			     "refuse-mschap-v2", "refuse-eap" },
		[A_MPPE] = { "require-mppe", "require-mppe-128", "nomppe" },
		[A_VJ] = { "novj", "-vj" },
		[A_COMP] = { "nobsdcomp", "-bsdcomp", "nodeflate", "-deflate" },
		[A_ROUTE] = { "defaultroute", "nodefaultroute", "-defaultroute" },
		[A_DNS] = { "usepeerdns" },
		[A_PROTO] = { "noip", "+ipv6", "noipv6", "-ipv6" },
		[A_ADDR] = { "noipdefault" },
		[A_IDLE] = { "idle" },
		[A_REDIAL] = { "maxfail" },
		[A_PAUSE] = { "holdoff" },
	};
	struct in_addr ia;
	size_t i;

	for (i = 0; i < RASDIAL_ARRAY_SIZE(words[a]) && words[a][i]; i++)
		if (!strcmp(w, words[a][i]))
			return true;
	if (a == A_DEVICE)
		return rasdial_peers_tty_word(w) || !strncmp(w, "nic-", 4) ||
		       (!strcmp(w, "plugin") && rasdial_peers_pppoe_plugin(arg)) ||
		       (new_lines && (!strcmp(w, "local") ||
				      !strcmp(w, "modem") ||
				      !strcmp(w, "crtscts") ||
				      !strcmp(w, "nocrtscts")));
	return a == A_ADDR && rasdial_peers_addr_word(w, &ia);
}

/* Marks in DEL the bytes of every option of aspect A in BUF. */
static void cut_aspect(const char *buf, size_t len, enum aspect a,
		       bool new_lines, unsigned char *del)
{
	struct peers s = { buf, buf + len };
	char w[TOKEN_MAX], arg[TOKEN_MAX];
	const char *at, *unused;
	bool cut;

	while (rasdial_peers_word_at(&s, w, sizeof(w), &cut, &at)) {
		arg[0] = '\0';
		if (rasdial_peers_takes_arg(w) &&
		    !rasdial_peers_word_at(&s, arg, sizeof(arg), &cut, &unused))
			s.p = s.end;
		if (opt_in(a, w, arg, new_lines)) {
			const char *end = s.p;

			/* Not the white space that ended it: lines stay apart. */
			if (end - at >= 2 && strchr(" \t\r\n", end[-1]) &&
			    end[-2] != '\\')
				end--;
			memset(del + (at - buf), 1, (size_t)(end - at));
		}
	}
}

/* The last connect command of BUF, unescaped, or false. */
static bool old_connect(const char *buf, size_t len, char *cmd, size_t size)
{
	struct peers s = { buf, buf + len };
	char w[TOKEN_MAX], arg[TOKEN_MAX];
	bool cut, found = false;

	while (rasdial_peers_word(&s, w, sizeof(w), &cut)) {
		if (!rasdial_peers_takes_arg(w))
			continue;
		if (!rasdial_peers_word(&s, arg, sizeof(arg), &cut))
			break;
		if (!strcmp(w, "connect")) {
			found = !cut && strlen(arg) < size;
			if (found)
				memcpy(cmd, arg, strlen(arg) + 1);
		}
	}
	return found;
}

/*
 * The connect option that dials NUMBER: a chat command of the old file
 * with its -T argument replaced (its own script kept), else our chat
 * script.  Shell quoting: rasdial_phone_ok allows no quote.
 */
static void put_connect(struct text *t, const char *buf, size_t len,
			const char *number)
{
	char cmd[TOKEN_MAX], w[TOKEN_MAX];
	const char *at = NULL, *p, *unused;
	struct peers s;
	bool cut, next = false, chat = false;

	if (old_connect(buf, len, cmd, sizeof(cmd))) {
		s.p = cmd;
		s.end = cmd + strlen(cmd);
		while (rasdial_peers_word_at(&s, w, sizeof(w), &cut, &unused)) {
			const char *b = strrchr(w, '/');

			chat |= !strcmp(b ? b + 1 : w, "chat");
			if (next) {
				at = unused;
				break;
			}
			next = chat && !strcmp(w, "-T");
		}
	}
	put(t, "connect \"");
	if (!at) {
		put(t, CHAT_CMD " -T '%s' " CHAT_SCRIPT "\"\n", number);
		return;
	}
	/* pppd's own escapes for the parts kept. */
	for (p = cmd; p < s.end; p++) {
		if (p == at) {
			put(t, "'%s'", number);
			p = s.p - 1;
			if (*p == ' ' || *p == '\t' || *p == '\n')
				put(t, "%c", *p);
			continue;
		}
		put(t, "%s%c", *p == '"' || *p == '\\' ? "\\" : "", *p);
	}
	put(t, "\"\n");
}

/* Is PATH a pseudo-terminal (no modem lines to wait for)? */
static bool is_pty(const char *path)
{
	struct stat st;

	return stat(path, &st) == 0 && S_ISCHR(st.st_mode) &&
	       major(st.st_rdev) >= 136 && major(st.st_rdev) <= 143;
}

static bool ifname_ok(const char *s)
{
	size_t n = strlen(s);

	return n && n < IF_NAMESIZE && strspn(s,
		"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
		"0123456789_.-@") == n && strcmp(s, ".") && strcmp(s, "..");
}

/* The options of aspect A for entry E (checked: ERROR_INVALID_PARAMETER
 * and a detail for what pppd cannot take). */
static DWORD put_aspect(struct text *t, enum aspect a, const RASENTRYA *e,
			const char *buf, size_t len)
{
	char dev[PATH_MAX], number[2 * RAS_MaxPhoneNumber + 32];
	unsigned int r;
	DWORD v;

	switch (a) {
	case A_DEVICE:
		if (is_type(e, RASDT_Modem) || is_type(e, RASDT_Serial)) {
			if (!rasdial_port_device(e->szDeviceName, dev, sizeof(dev))) {
				rasdial_detail_set("szDeviceName: a tty (ttyUSB0, /dev/ttyS0, COM1)");
				return ERROR_INVALID_PARAMETER;
			}
			put(t, "%s\n", dev);
			if (is_type(e, RASDT_Serial) || is_pty(dev))
				put(t, "local\n%s", is_pty(dev) ? "nocrtscts\n" : "");
		} else if (is_type(e, RASDT_PPPoE)) {
			if (!ifname_ok(e->szDeviceName)) {
				rasdial_detail_set("szDeviceName: a network interface for PPPoE");
				return ERROR_INVALID_PARAMETER;
			}
			put(t, "plugin rp-pppoe.so\nnic-%s\n", e->szDeviceName);
		} else if (is_type(e, RASDT_Vpn)) {
			const char *p = e->szLocalPhoneNumber;

			if (!*p || strspn(p, "abcdefghijklmnopqrstuvwxyz"
					  "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_.-")
				   != strlen(p)) {
				rasdial_detail_set("szLocalPhoneNumber: the xl2tpd LAC name of a VPN entry");
				return ERROR_INVALID_PARAMETER;
			}
			put(t, "rasdial-l2tp-lac %s\n", p);
		} else {
			rasdial_detail_set("szDeviceType: modem, SERIAL, PPPoE or vpn");
			return ERROR_INVALID_PARAMETER;
		}
		break;
	case A_NUMBER:
		if (!is_type(e, RASDT_Modem))
			break;
		format_number(e, number, sizeof(number));
		if (!number[0] || strlen(number) > RAS_MaxPhoneNumber ||
		    !rasdial_phone_ok(number) ||
		    strspn(e->szAreaCode, "0123456789") != strlen(e->szAreaCode)) {
			rasdial_detail_set("szLocalPhoneNumber: 1..128 dial characters (0-9 * # + , - . ( ) ! @ ; / A-D P T W space)");
			return ERROR_INVALID_PARAMETER;
		}
		put_connect(t, buf, len, number);
		break;
	case A_AUTH:
		r = refused_of(e);
		if (!r && (e->dwfOptions & RASEO_RequireSPAP)) {
			rasdial_detail_set("pppd has no SPAP");
			return ERROR_INVALID_PARAMETER;
		}
		if (r & AUTH_PAP)
			put(t, "refuse-pap\n");
		if (r & AUTH_CHAP)
			put(t, "refuse-chap\n");
		if (r & AUTH_MSCHAP)
			put(t, "refuse-mschap\n");
		if (r & AUTH_MSCHAP2)
			put(t, "refuse-mschap-v2\n");
		if (r & AUTH_EAP)
			put(t, "refuse-eap\n");
		break;
	case A_MPPE:
		v = mppe_of(e);
		if (v > ET_Optional) {
			rasdial_detail_set("dwEncryptionType: ET_None .. ET_Optional");
			return ERROR_INVALID_PARAMETER;
		}
		/* MPPE keys come from MS-CHAP. */
		if ((v == ET_Require || v == ET_RequireMax) &&
		    (refused_of(e) & (AUTH_MSCHAP | AUTH_MSCHAP2)) ==
		    (AUTH_MSCHAP | AUTH_MSCHAP2)) {
			rasdial_detail_set("encryption needs MS-CHAP or MS-CHAP v2");
			return ERROR_INVALID_PARAMETER;
		}
		if (v == ET_None)
			put(t, "nomppe\n");
		else if (v == ET_Require)
			put(t, "require-mppe\n");
		else if (v == ET_RequireMax)
			put(t, "require-mppe-128\n");
		break;
	case A_VJ:
		if (!(e->dwfOptions & RASEO_IpHeaderCompression))
			put(t, "novj\n");
		break;
	case A_COMP:
		if (!(e->dwfOptions & RASEO_SwCompression))
			put(t, "nobsdcomp\nnodeflate\n");
		break;
	case A_ROUTE:
		if (e->dwfOptions & RASEO_RemoteDefaultGateway)
			put(t, "defaultroute\n");
		break;
	case A_DNS:
		if (!(e->dwfOptions & RASEO_SpecificNameServers))
			put(t, "usepeerdns\n");
		break;
	case A_PROTO:
		if (!(e->dwfNetProtocols & (RASNP_Ip | RASNP_Ipv6))) {
			rasdial_detail_set("dwfNetProtocols: RASNP_Ip and/or RASNP_Ipv6");
			return ERROR_INVALID_PARAMETER;
		}
		if (!(e->dwfNetProtocols & RASNP_Ip))
			put(t, "noip\n");
		if (e->dwfNetProtocols & RASNP_Ipv6)
			put(t, "+ipv6\n");
		break;
	case A_ADDR:
		if (!(e->dwfOptions & RASEO_SpecificIpAddr)) {
			put(t, "noipdefault\n");
			break;
		}
		if (!e->ipaddr.a || e->ipaddr.a >= 224) {
			rasdial_detail_set("ipaddr: a unicast IPv4 address");
			return ERROR_INVALID_PARAMETER;
		}
		put(t, "%u.%u.%u.%u:\n", e->ipaddr.a, e->ipaddr.b, e->ipaddr.c,
		    e->ipaddr.d);
		break;
	case A_IDLE:
		if (idle_of(e) > INT_MAX) {
			rasdial_detail_set("dwIdleDisconnectSeconds too large");
			return ERROR_INVALID_PARAMETER;
		}
		if (idle_of(e))
			put(t, "idle %u\n", idle_of(e));
		break;
	case A_REDIAL:
		if (e->dwRedialCount >= INT_MAX) {
			rasdial_detail_set("dwRedialCount too large");
			return ERROR_INVALID_PARAMETER;
		}
		if (e->dwRedialCount)
			put(t, "maxfail %u\n", e->dwRedialCount + 1);
		break;
	case A_PAUSE:
		if (e->dwRedialPause > INT_MAX) {
			rasdial_detail_set("dwRedialPause too large");
			return ERROR_INVALID_PARAMETER;
		}
		if (e->dwRedialPause)
			put(t, "holdoff %u\n", e->dwRedialPause);
		break;
	case A_COUNT:
		break;
	}
	return ERROR_SUCCESS;
}

/* What RASENTRY says that pppd cannot do, whatever the file holds.
 * FIXED_DNS: the file can hold name server addresses (a .pbk can; a
 * peers file cannot, pppd takes them from the server only). */
DWORD rasdial_entry_check(const RASENTRYA *e, bool fixed_dns)
{
	static const char zero[sizeof(e->ipaddrDns)];
	const char *why = NULL;

	if (e->dwFramingProtocol != RASFP_Ppp)
		why = "dwFramingProtocol: only RASFP_Ppp";
	else if (e->dwType < RASET_Phone || e->dwType > RASET_Broadband)
		why = "dwType: RASET_Phone .. RASET_Broadband";
	else if (!fixed_dns && (memcmp(&e->ipaddrDns, zero, 4) ||
		 memcmp(&e->ipaddrDnsAlt, zero, 4) ||
		 memcmp(&e->ipaddrWins, zero, 4) ||
		 memcmp(&e->ipaddrWinsAlt, zero, 4)))
		why = "pppd takes name servers from the server only (usepeerdns)";
	else if (e->szScript[0] || e->szX25Address[0] ||
		 e->szCustomDialDll[0])
		why = "szScript, X.25 and custom dialers are not supported";
	else if (e->dwfOptions2 & RASEO2_SpecificIPv6Addr)
		why = "pppd negotiates IPv6 interface identifiers only";
	if (!why)
		return ERROR_SUCCESS;
	rasdial_detail_set(why);
	return ERROR_INVALID_PARAMETER;
}

/* BUF without the bytes marked in DEL; a line left blank goes too. */
static void put_kept(struct text *t, const char *buf, size_t len,
		     const unsigned char *del)
{
	size_t ls = 0;

	while (ls < len) {
		const char *nl = memchr(buf + ls, '\n', len - ls);
		size_t le = nl ? (size_t)(nl - buf) + 1 : len, i;
		bool touched = false, blank = true;

		for (i = ls; i < le; i++) {
			touched |= del[i];
			if (!del[i] && !strchr(" \t\r\n", buf[i]))
				blank = false;
		}
		if (!touched)
			put(t, "%.*s", (int)(le - ls), buf + ls);
		else if (!blank)
			for (i = ls; i < le; i++)
				if (!del[i])
					put(t, "%c", buf[i]);
		ls = le;
	}
	if (t->n && t->p[t->n - 1] != '\n')
		put(t, "\n");
}

/* The core of both: E is a RASENTRYA of any accepted dwSize. */
static DWORD set_entry(const char *book, const char *name, const RASENTRYA *e)
{
	RASENTRYA old, want;
	char path[PATH_MAX];
	struct text t = { 0 };
	unsigned char *del = NULL;
	bool exists, changed = false, lines;
	struct stat st;
	size_t len = 0;
	char *buf = NULL;
	DWORD ret;
	int dfd, a;

	if (book && book[0] && rasdial_pbk_is_file(book))
		return rasdial_pbk_set_entry(book, name, e);
	ret = rasdial_entry_open_book(book, &dfd);
	if (ret)
		return ret;
	if (!rasdial_entry_name_ok(name)) {
		close(dfd);
		return ERROR_INVALID_NAME;
	}
	ret = rasdial_entry_read(dfd, name, &buf, &len, &st, &exists);
	if (ret)
		goto out;
	rasdial_peers_parse(buf, len, &old);
	/* Fields beyond an older dwSize keep what the file says. */
	want = old;
	memcpy(&want, e, e->dwSize);
	want.dwSize = sizeof(want);
	ret = rasdial_entry_check(&want, false);
	if (ret)
		goto out;
	if (!exists && !want.szDeviceType[0]) {
		rasdial_detail_set("szDeviceType is empty");
		ret = ERROR_INVALID_PARAMETER;
		goto out;
	}
	del = calloc(len + 1, 1);
	if (!del) {
		ret = ERROR_NOT_ENOUGH_MEMORY;
		goto out;
	}
	/* First what stays, then the aspects that change, appended. */
	lines = is_type(&want, RASDT_Serial) ||
		(is_type(&want, RASDT_Modem) &&
		 rasdial_port_device(want.szDeviceName, path, sizeof(path)) &&
		 is_pty(path));
	for (a = 0; a < A_COUNT; a++) {
		bool same = aspect_same(a, &old, &want);

		/* Encryption depends on the methods left. */
		if (a == A_MPPE && !aspect_same(A_AUTH, &old, &want))
			same = false;
		if (!same) {
			cut_aspect(buf, len, a, a == A_DEVICE && lines, del);
			changed = true;
		}
	}
	put_kept(&t, buf, len, del);
	for (a = 0; a < A_COUNT && !ret; a++)
		if (!aspect_same(a, &old, &want) ||
		    (a == A_MPPE && !aspect_same(A_AUTH, &old, &want)))
			ret = put_aspect(&t, a, &want, buf, len);
	if (!ret && t.oom)
		ret = ERROR_NOT_ENOUGH_MEMORY;
	if (!ret && (changed || !exists))
		ret = rasdial_entry_write(dfd, name, t.p, t.n, exists ? &st : NULL);
out:
	free(t.p);
	free(del);
	free(buf);
	close(dfd);
	return ret;
}

#define SET_CHECKS(T, sizes)						\
	do {								\
		if (!lpRasEntry)					\
			return ERROR_BUFFER_INVALID;			\
		if (!rasdial_size_in(sizes, RASDIAL_ARRAY_SIZE(sizes),	\
				     lpRasEntry->dwSize))		\
			return ERROR_INVALID_SIZE;			\
		if (dwEntryInfoSize < lpRasEntry->dwSize ||		\
		    (lpRasEntry->dwAlternateOffset &&			\
		     lpRasEntry->dwAlternateOffset >= dwEntryInfoSize))	\
			return ERROR_BUFFER_INVALID;			\
	} while (0)

RASDIAL_API DWORD APIENTRY RasSetEntryPropertiesA(LPCSTR lpszPhonebook,
						  LPCSTR lpszEntry,
						  LPRASENTRYA lpRasEntry,
						  DWORD dwEntryInfoSize,
						  BYTE *lpbDeviceInfo,
						  DWORD dwDeviceInfoSize)
{
	static const size_t sizes[] = RASDIAL_ENTRY_SIZES(RASENTRYA);

	/* Unused since Windows XP (TAPI device configuration). */
	(void)lpbDeviceInfo;
	(void)dwDeviceInfoSize;
	rasdial_detail_set(NULL);
	SET_CHECKS(RASENTRYA, sizes);
	return set_entry(lpszPhonebook, lpszEntry, lpRasEntry);
}

RASDIAL_API DWORD APIENTRY RasSetEntryPropertiesW(LPCWSTR lpszPhonebook,
						  LPCWSTR lpszEntry,
						  LPRASENTRYW lpRasEntry,
						  DWORD dwEntryInfoSize,
						  BYTE *lpbDeviceInfo,
						  DWORD dwDeviceInfoSize)
{
	static const size_t sizes[] = RASDIAL_ENTRY_SIZES(RASENTRYW);
	static const size_t a_sizes[] = RASDIAL_ENTRY_SIZES(RASENTRYA);
	char *book, *name, *unused;
	RASENTRYW w;
	RASENTRYA a;
	DWORD ret;
	size_t i;

	(void)lpbDeviceInfo;
	(void)dwDeviceInfoSize;
	rasdial_detail_set(NULL);
	SET_CHECKS(RASENTRYW, sizes);
	/* The fields of that layout; the rest as RasGet would read them. */
	memset(&w, 0, sizeof(w));
	memcpy(&w, lpRasEntry, lpRasEntry->dwSize);
	ret = rasdial_entry_conv(&a, &w, false);
	if (ret) {
		rasdial_detail_set("a string of the RASENTRYW is no UTF-16 or too long");
		return ret;
	}
	for (i = 0; sizes[i] != lpRasEntry->dwSize; i++)
		;
	ret = rasdial_entry_w_args(lpszPhonebook, lpszEntry, NULL, &book, &name, &unused);
	if (ret)
		return ret;
	a.dwSize = (DWORD)a_sizes[i];
	ret = set_entry(book, name, &a);
	free(book);
	free(name);
	return ret;
}
