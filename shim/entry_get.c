// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * entry_get.c: RasGetEntryPropertiesA/W, and the peers file reader that
 * RasSetEntryProperties (entry_set.c) compares with.
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

/*
 * RasGetEntryPropertiesA/W: a peers file read as a RASENTRY.  What a
 * RASENTRY holds is taken from pppd's own options (the last one wins, as
 * in pppd): the device (a /dev path or tty name: RASDT_Modem, its /dev
 * name; "pty": RASDT_Generic "pty"; the PPPoE plugin with nic-IF:
 * RASDT_PPPoE IF; rasdial-l2tp-lac: RASDT_Vpn), the number chat dials
 * (its -T argument), refuse-pap/-chap/-mschap/-mschap-v2/-eap (the
 * RASEO_Require* of what is left), require-mppe[-128] / nomppe, novj,
 * nobsdcomp + nodeflate, defaultroute, a "LOCAL:" address, usepeerdns,
 * noip / +ipv6, idle.  A NULL or empty entry name gives the default entry
 * RasSetEntryProperties would start from, as Windows does.
 */

/* Options of pppd that take one argument (so that it is not read as an
 * option itself). */
static const char *const one_arg[] = {
	"asyncmap", "call", "chap-interval", "chap-max-challenge",
	"chap-restart", "connect", "connect-delay", "disconnect", "domain",
	"escape", "file", "holdoff", "idle", "init", "ipcp-accept-local",
	"ipparam", "lcp-echo-failure", "lcp-echo-interval", "lcp-max-configure",
	"lcp-max-failure", "lcp-max-terminate", "lcp-restart", "linkname",
	"logfd", "logfile", "maxconnect", "maxfail", "mru", "ms-dns", "ms-wins",
	"mtu", "name", "password", "pty", "plugin", "remotename",
	"remotenumber", "socket", "user", "welcome", "rasdial-l2tp-lac",
	"rasdial-l2tp-control", "rasdial-l2tp-timeout", "rasdial-device-type",
	"pap-max-authreq", "pap-restart", "pap-timeout",
};

/* One pppd word: quotes, backslash escapes, '#' comments.  *AT (if
 * given) is where its text starts in the buffer. */
bool rasdial_peers_word_at(struct peers *s, char *w, size_t size, bool *cut,
			 const char **at)
{
	size_t n = 0;
	char quote = 0;

	*cut = false;
	for (;;) {
		while (s->p < s->end && (*s->p == ' ' || *s->p == '\t' ||
					 *s->p == '\n' || *s->p == '\r'))
			s->p++;
		if (s->p < s->end && *s->p == '#') {
			while (s->p < s->end && *s->p != '\n')
				s->p++;
			continue;
		}
		break;
	}
	if (s->p >= s->end)
		return false;
	if (at)
		*at = s->p;
	while (s->p < s->end) {
		char c = *s->p++;

		if (quote) {
			if (c == quote) {
				quote = 0;
				continue;
			}
		} else if (c == '"' || c == '\'') {
			quote = c;
			continue;
		} else if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
			break;
		}
		if (c == '\\' && s->p < s->end) {
			c = *s->p++;
			if (c == '\n')
				continue;
		}
		if (n + 1 < size)
			w[n++] = c;
		else
			*cut = true;
	}
	w[n] = '\0';
	return true;
}

bool rasdial_peers_word(struct peers *s, char *w, size_t size, bool *cut)
{
	return rasdial_peers_word_at(s, w, size, cut, NULL);
}

bool rasdial_peers_takes_arg(const char *opt)
{
	size_t i;

	for (i = 0; i < RASDIAL_ARRAY_SIZE(one_arg); i++)
		if (!strcmp(opt, one_arg[i]))
			return true;
	return false;
}

void rasdial_entry_set_str(char *dst, size_t size, const char *src)
{
	rasdial_strlcpy(dst, src, size);
}

/* The number of a "chat ... -T NUMBER ..." connect command. */
static void chat_number(const char *cmd, char *out, size_t size)
{
	struct peers s = { cmd, cmd + strlen(cmd) };
	char w[TOKEN_MAX];
	bool cut, next = false;

	while (rasdial_peers_word(&s, w, sizeof(w), &cut)) {
		if (next) {
			rasdial_entry_set_str(out, size, w);
			return;
		}
		next = !strcmp(w, "-T");
	}
}


static void default_entry(RASENTRYA *e)
{
	memset(e, 0, sizeof(*e));
	e->dwSize = sizeof(*e);
	e->dwfOptions = RASEO_IpHeaderCompression | RASEO_SwCompression |
			RASEO_RemoteDefaultGateway;
	e->dwfNetProtocols = RASNP_Ip;
	e->dwFramingProtocol = RASFP_Ppp;
	rasdial_entry_set_str(e->szDeviceType, sizeof(e->szDeviceType), RASDT_Modem);
	e->dwSubEntries = 1;
	e->dwDialMode = RASEDM_DialAll;
	e->dwType = RASET_Phone;
	e->dwEncryptionType = ET_Optional;
}

/*
 * Windows' canonical number, "+CC (AREA) LOCAL" or "+CC LOCAL", read back
 * into RASEO_UseCountryAndAreaCodes, dwCountryCode, szAreaCode and
 * szLocalPhoneNumber (what format_number writes).
 */
static void split_canonical(RASENTRYA *e)
{
	char *p = e->szLocalPhoneNumber, *end, *close;
	char local[sizeof(e->szLocalPhoneNumber)];
	unsigned long cc;
	size_t n;

	if (p[0] != '+' || !strchr("123456789", p[1]))
		return;
	n = strspn(p + 1, "0123456789");
	if (n > 9 || p[1 + n] != ' ')
		return;
	cc = strtoul(p + 1, &end, 10);
	p = end + 1;
	e->szAreaCode[0] = '\0';
	close = p[0] == '(' ? strstr(p, ") ") : NULL;
	if (close && (size_t)(close - p - 1) < sizeof(e->szAreaCode) &&
	    !memchr(p + 1, '(', (size_t)(close - p - 1))) {
		memcpy(e->szAreaCode, p + 1, (size_t)(close - p - 1));
		e->szAreaCode[close - p - 1] = '\0';
		p = close + 2;
	}
	rasdial_entry_set_str(local, sizeof(local), p);
	rasdial_entry_set_str(e->szLocalPhoneNumber, sizeof(e->szLocalPhoneNumber), local);
	e->dwCountryCode = e->dwCountryID = (DWORD)cc;
	e->dwfOptions |= RASEO_UseCountryAndAreaCodes;
}

/* An IPv4 "LOCAL:" or "LOCAL:REMOTE" word: LOCAL in *A. */
bool rasdial_peers_addr_word(const char *w, struct in_addr *a)
{
	char local[16];
	size_t n = strcspn(w, ":");

	if (!strchr(w, ':') || strspn(w, "0123456789.:") != strlen(w) ||
	    !n || n >= sizeof(local))
		return false;
	memcpy(local, w, n);
	local[n] = '\0';
	return inet_pton(AF_INET, local, a) == 1;
}

bool rasdial_peers_tty_word(const char *w)
{
	return !strncmp(w, "/dev/", 5) || !strncmp(w, "tty", 3);
}

bool rasdial_peers_pppoe_plugin(const char *arg)
{
	const char *b = strrchr(arg, '/');

	b = b ? b + 1 : arg;
	return !strcmp(b, "rp-pppoe.so") || !strcmp(b, "pppoe.so");
}

DWORD rasdial_peers_parse(const char *buf, size_t len, RASENTRYA *e)
{
	struct peers s = { buf, buf + len };
	char w[TOKEN_MAX], arg[TOKEN_MAX], nic[IF_NAMESIZE + 8] = "";
	unsigned int refused = 0;
	bool cut, pppoe = false, nobsd = false, nodeflate = false;
	bool dns = false, tty = false, connect = false, local = false;

	default_entry(e);
	e->dwfOptions &= ~RASEO_RemoteDefaultGateway;
	e->szDeviceType[0] = '\0';
	while (rasdial_peers_word(&s, w, sizeof(w), &cut)) {
		arg[0] = '\0';
		if (rasdial_peers_takes_arg(w) && !rasdial_peers_word(&s, arg, sizeof(arg), &cut))
			break;
		if (rasdial_peers_tty_word(w)) {
			const char *name = w;

			if (!strncmp(w, "/dev/", 5) && !strchr(w + 5, '/'))
				name = w + 5;
			rasdial_entry_set_str(e->szDeviceType, sizeof(e->szDeviceType), RASDT_Modem);
			rasdial_entry_set_str(e->szDeviceName, sizeof(e->szDeviceName), name);
			e->dwType = RASET_Phone;
			tty = true;
		} else if (!strcmp(w, "pty")) {
			rasdial_entry_set_str(e->szDeviceType, sizeof(e->szDeviceType), RASDT_Generic);
			rasdial_entry_set_str(e->szDeviceName, sizeof(e->szDeviceName), "pty");
			e->dwType = RASET_Direct;
			tty = false;
		} else if (!strcmp(w, "plugin")) {
			pppoe |= rasdial_peers_pppoe_plugin(arg);
		} else if (!strncmp(w, "nic-", 4)) {
			rasdial_entry_set_str(nic, sizeof(nic), w + 4);
		} else if (!strcmp(w, "rasdial-l2tp-lac")) {
			rasdial_entry_set_str(e->szDeviceType, sizeof(e->szDeviceType), RASDT_Vpn);
			rasdial_entry_set_str(e->szDeviceName, sizeof(e->szDeviceName),
				RASDIAL_L2TP_DEVICE_NAME);
			/* The "number" of a VPN entry: xl2tpd's LAC. */
			rasdial_entry_set_str(e->szLocalPhoneNumber,
				sizeof(e->szLocalPhoneNumber), arg);
			e->dwType = RASET_Vpn;
			tty = false;
		} else if (!strcmp(w, "connect")) {
			e->szLocalPhoneNumber[0] = '\0';
			chat_number(arg, e->szLocalPhoneNumber,
				    sizeof(e->szLocalPhoneNumber));
			connect = true;
		} else if (!strcmp(w, "local")) {
			local = true;
		} else if (!strcmp(w, "modem")) {
			local = false;
		} else if (!strcmp(w, "refuse-pap")) {
			refused |= AUTH_PAP;
		} else if (!strcmp(w, "refuse-chap")) {
			refused |= AUTH_CHAP;
		} else if (!strcmp(w, "refuse-mschap")) {
			refused |= AUTH_MSCHAP;
		} else if (!strcmp(w, "refuse-mschap-v2")) {
			refused |= AUTH_MSCHAP2;
		} else if (!strcmp(w, "refuse-eap")) {
			refused |= AUTH_EAP;
		} else if (!strcmp(w, "require-mppe")) {
			e->dwEncryptionType = ET_Require;
		} else if (!strcmp(w, "require-mppe-128")) {
			e->dwEncryptionType = ET_RequireMax;
		} else if (!strcmp(w, "nomppe")) {
			e->dwEncryptionType = ET_None;
		} else if (!strcmp(w, "novj") || !strcmp(w, "-vj")) {
			e->dwfOptions &= ~RASEO_IpHeaderCompression;
		} else if (!strcmp(w, "nobsdcomp") || !strcmp(w, "-bsdcomp")) {
			nobsd = true;
		} else if (!strcmp(w, "nodeflate") || !strcmp(w, "-deflate")) {
			nodeflate = true;
		} else if (!strcmp(w, "defaultroute")) {
			e->dwfOptions |= RASEO_RemoteDefaultGateway;
		} else if (!strcmp(w, "nodefaultroute") ||
			   !strcmp(w, "-defaultroute")) {
			e->dwfOptions &= ~RASEO_RemoteDefaultGateway;
		} else if (!strcmp(w, "usepeerdns")) {
			dns = true;
		} else if (!strcmp(w, "noip")) {
			e->dwfNetProtocols &= ~RASNP_Ip;
		} else if (!strcmp(w, "+ipv6")) {
			e->dwfNetProtocols |= RASNP_Ipv6;
		} else if (!strcmp(w, "noipv6") || !strcmp(w, "-ipv6")) {
			e->dwfNetProtocols &= ~RASNP_Ipv6;
		} else if (!strcmp(w, "idle") || !strcmp(w, "maxfail") ||
			   !strcmp(w, "holdoff")) {
			char *end;
			unsigned long v = strtoul(arg, &end, 10);

			if (*end || !arg[0] || v > INT_MAX)
				continue;
			if (w[0] == 'i')
				e->dwIdleDisconnectSeconds = (DWORD)v;
			else if (w[0] == 'h')
				e->dwRedialPause = (DWORD)v;
			else	/* maxfail counts the first attempt too */
				e->dwRedialCount = v ? (DWORD)v - 1 : 0;
		} else {
			struct in_addr a;

			if (rasdial_peers_addr_word(w, &a)) {
				memcpy(&e->ipaddr, &a, 4);
				e->dwfOptions |= RASEO_SpecificIpAddr;
			}
		}
	}
	if (pppoe && nic[0]) {
		rasdial_entry_set_str(e->szDeviceType, sizeof(e->szDeviceType), RASDT_PPPoE);
		snprintf(e->szDeviceName, sizeof(e->szDeviceName), "%s", nic);
		e->dwType = RASET_Broadband;
	} else if (tty && !connect && local) {
		/* A cable to the peer: no modem to dial, no modem lines. */
		rasdial_entry_set_str(e->szDeviceType, sizeof(e->szDeviceType), RASDT_Serial);
		e->dwType = RASET_Direct;
	}
	if (tty)
		split_canonical(e);
	if (nobsd && nodeflate)
		e->dwfOptions &= ~RASEO_SwCompression;
	if (!dns)
		e->dwfOptions |= RASEO_SpecificNameServers;
	if (e->dwEncryptionType == ET_Require ||
	    e->dwEncryptionType == ET_RequireMax)
		e->dwfOptions |= RASEO_RequireDataEncryption;
	refused &= AUTH_ALL;
	if (refused == (AUTH_PAP))
		e->dwfOptions |= RASEO_RequireEncryptedPw;
	else if (refused && refused != AUTH_ALL)
		e->dwfOptions |=
			(refused & AUTH_PAP ? 0 : RASEO_RequirePAP) |
			(refused & AUTH_CHAP ? 0 : RASEO_RequireCHAP) |
			(refused & AUTH_MSCHAP ? 0 : RASEO_RequireMsCHAP) |
			(refused & AUTH_MSCHAP2 ? 0 : RASEO_RequireMsCHAP2) |
			(refused & AUTH_EAP ? 0 : RASEO_RequireEAP);
	return ERROR_SUCCESS;
}


/* Reads entry NAME of BOOK into E (the newest layout). */
static DWORD load_entry(const char *book, const char *name, RASENTRYA *e)
{
	char *buf;
	ssize_t n;
	DWORD ret;
	int dfd, fd;

	if (!name || !name[0]) {
		default_entry(e);
		return ERROR_SUCCESS;
	}
	if (book && book[0] && rasdial_pbk_is_file(book))
		return rasdial_pbk_get_entry(book, name, e);
	ret = rasdial_entry_open_book(book, &dfd);
	if (ret)
		return ret;
	if (!rasdial_entry_name_ok(name) || !rasdial_entry_exists(dfd, name)) {
		close(dfd);
		return ERROR_CANNOT_FIND_PHONEBOOK_ENTRY;
	}
	fd = openat(dfd, name, O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK);
	close(dfd);
	if (fd < 0)
		return errno == EACCES ? ERROR_ACCESS_DENIED
				       : ERROR_CANNOT_FIND_PHONEBOOK_ENTRY;
	buf = malloc(PEERS_MAX_SIZE + 1);
	if (!buf) {
		close(fd);
		return ERROR_NOT_ENOUGH_MEMORY;
	}
	n = read(fd, buf, PEERS_MAX_SIZE + 1);
	close(fd);
	if (n < 0 || n > PEERS_MAX_SIZE) {
		rasdial_detail_set(n < 0 ? strerror(errno)
					 : "peers file larger than 256 KiB");
		free(buf);
		return ERROR_CANNOT_LOAD_PHONEBOOK;
	}
	ret = rasdial_peers_parse(buf, (size_t)n, e);
	free(buf);
	return ret;
}

/* Windows' buffer protocol: *SIZE bytes at ENTRY, dwSize ITEM's layout. */
static DWORD get_checks(const void *entry, LPDWORD size, const size_t *sizes,
			size_t nsizes, size_t newest, DWORD *need)
{
	if (!size)
		return ERROR_INVALID_PARAMETER;
	if (entry && !rasdial_size_in(sizes, nsizes, *(const DWORD *)entry))
		return ERROR_INVALID_SIZE;
	*need = entry ? *(const DWORD *)entry : (DWORD)newest;
	return ERROR_SUCCESS;
}

RASDIAL_API DWORD APIENTRY RasGetEntryPropertiesA(LPCSTR lpszPhonebook,
						  LPCSTR lpszEntry,
						  LPRASENTRYA lpRasEntry,
						  LPDWORD lpdwEntryInfoSize,
						  BYTE *lpbDeviceInfo,
						  LPDWORD lpdwDeviceInfoSize)
{
	static const size_t sizes[] = RASDIAL_ENTRY_SIZES(RASENTRYA);
	RASENTRYA e;
	DWORD need, ret;

	(void)lpbDeviceInfo;
	ret = get_checks(lpRasEntry, lpdwEntryInfoSize, sizes,
			 RASDIAL_ARRAY_SIZE(sizes), sizeof(RASENTRYA), &need);
	if (ret)
		return ret;
	ret = load_entry(lpszPhonebook, lpszEntry, &e);
	if (ret)
		return ret;
	/* No longer used on Windows (TAPI device configuration). */
	if (lpdwDeviceInfoSize)
		*lpdwDeviceInfoSize = 0;
	if (!lpRasEntry || *lpdwEntryInfoSize < need) {
		*lpdwEntryInfoSize = need;
		return ERROR_BUFFER_TOO_SMALL;
	}
	e.dwSize = need;
	memcpy(lpRasEntry, &e, need);
	*lpdwEntryInfoSize = need;
	return ERROR_SUCCESS;
}

/* Where each field of a RASENTRY lies in the A and the W layout. */
struct entry_field {
	unsigned short a, w;	/* offsets */
	unsigned short asize;	/* bytes in the A layout */
	unsigned short wsize;	/* a string's WCHARs; 0 for a number */
};

#define ENTRY_FIELD(f, wsize)						\
	{ offsetof(RASENTRYA, f), offsetof(RASENTRYW, f),		\
	  sizeof(((RASENTRYA *)0)->f), (wsize) },
#define ENTRY_STRING(f) ENTRY_FIELD(f, RASDIAL_ARRAY_SIZE(((RASENTRYW *)0)->f))
#define ENTRY_NUMBER(f) ENTRY_FIELD(f, 0)

static const struct entry_field entry_fields[] = {
	ENTRY_STRINGS(ENTRY_STRING)
	ENTRY_NUMBERS(ENTRY_NUMBER)
};

_Static_assert(sizeof(RASENTRYW) <= 0xffff, "offsets fit the table");

/* Converts between the A and W RASENTRY, each way (TO_W: A to W).  A
 * string that does not convert is ERROR_CORRUPT_PHONEBOOK from the file,
 * ERROR_INVALID_PARAMETER from the caller.
 */
DWORD rasdial_entry_conv(RASENTRYA *a, RASENTRYW *w, bool to_w)
{
	const struct entry_field *f;
	char *pa = (char *)a;
	char *pw = (char *)w;
	size_t i;

	if (to_w)
		memset(w, 0, sizeof(*w));
	else
		memset(a, 0, sizeof(*a));
	for (i = 0; i < RASDIAL_ARRAY_SIZE(entry_fields); i++) {
		f = &entry_fields[i];
		if (!f->wsize) {
			if (to_w)
				memcpy(pw + f->w, pa + f->a, f->asize);
			else
				memcpy(pa + f->a, pw + f->w, f->asize);
		} else if (to_w) {
			if (rasdial_utf8_to_w(pa + f->a, (WCHAR *)(pw + f->w),
					      f->wsize, NULL))
				return ERROR_CORRUPT_PHONEBOOK;
		} else if (rasdial_w_to_utf8((const WCHAR *)(pw + f->w),
					     f->wsize, pa + f->a, f->asize)) {
			return ERROR_INVALID_PARAMETER;
		}
	}
	return ERROR_SUCCESS;
}


RASDIAL_API DWORD APIENTRY RasGetEntryPropertiesW(LPCWSTR lpszPhonebook,
						  LPCWSTR lpszEntry,
						  LPRASENTRYW lpRasEntry,
						  LPDWORD lpdwEntryInfoSize,
						  BYTE *lpbDeviceInfo,
						  LPDWORD lpdwDeviceInfoSize)
{
	static const size_t sizes[] = RASDIAL_ENTRY_SIZES(RASENTRYW);
	char *book, *name, *unused;
	RASENTRYA a;
	RASENTRYW w;
	DWORD need, ret;

	(void)lpbDeviceInfo;
	ret = get_checks(lpRasEntry, lpdwEntryInfoSize, sizes,
			 RASDIAL_ARRAY_SIZE(sizes), sizeof(RASENTRYW), &need);
	if (ret)
		return ret;
	ret = rasdial_entry_w_args(lpszPhonebook, lpszEntry, NULL, &book, &name, &unused);
	if (ret)
		return ret == ERROR_INVALID_NAME ?
		       ERROR_CANNOT_FIND_PHONEBOOK_ENTRY : ret;
	ret = load_entry(book, name, &a);
	free(book);
	free(name);
	if (!ret)
		ret = rasdial_entry_conv(&a, &w, true);
	if (ret)
		return ret;
	if (lpdwDeviceInfoSize)
		*lpdwDeviceInfoSize = 0;
	if (!lpRasEntry || *lpdwEntryInfoSize < need) {
		*lpdwEntryInfoSize = need;
		return ERROR_BUFFER_TOO_SMALL;
	}
	w.dwSize = need;
	memcpy(lpRasEntry, &w, need);
	*lpdwEntryInfoSize = need;
	return ERROR_SUCCESS;
}
