// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * entry_props.c: RasValidateEntryNameA/W, RasDeleteEntryA/W and
 * RasRenameEntryA/W on a peers directory (the entry is the file
 * DIR/ENTRY; NULL is /etc/ppp/peers).
 *
 * A valid name is what RasEnumEntries lists: 1..255 bytes of UTF-8 (a
 * file name), no '/', no control character, not starting with '.', not
 * an editor's or package manager's leftover (~, .bak, .dpkg-old, ...).
 * Anything else is ERROR_INVALID_NAME.  In a .pbk phone book an entry is
 * a [section]: pbk_write.c does the work there (rasdial_pbk_*).
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
#include "layouts.h"
#include "phonebook.h"
#include "utf16.h"

static bool name_ok(const char *name)
{
	return name && rasdial_peers_name_ok(name) && !strchr(name, '/') &&
	       strlen(name) <= NAME_MAX;
}

/* The peers directory BOOK names, as an open O_PATH descriptor. */
static DWORD open_book(const char *book, int *dfd)
{
	if (!book)
		book = RASDIAL_PEERS_DIR;
	rasdial_detail_set(NULL);
	if (!book[0] || strlen(book) > MAX_PATH)
		return ERROR_CANNOT_OPEN_PHONEBOOK;
	*dfd = open(book, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (*dfd < 0) {
		rasdial_detail_set(book);
		if (errno == ENOTDIR)
			return ERROR_CANNOT_WRITE_PHONEBOOK;
		return errno == EACCES ? ERROR_ACCESS_DENIED
				       : ERROR_CANNOT_OPEN_PHONEBOOK;
	}
	return ERROR_SUCCESS;
}

static DWORD errno_to_ras(int e)
{
	switch (e) {
	case ENOENT:
	case ENOTDIR:
		return ERROR_CANNOT_FIND_PHONEBOOK_ENTRY;
	case EEXIST:
	case ENOTEMPTY:
		return ERROR_ALREADY_EXISTS;
	case EACCES:
	case EPERM:
	case EROFS:
		return ERROR_ACCESS_DENIED;
	case ENOMEM:
		return ERROR_NOT_ENOUGH_MEMORY;
	default:
		return ERROR_CANNOT_WRITE_PHONEBOOK;
	}
}

/* Is there an entry NAME (a regular file) in DFD? */
static bool entry_exists(int dfd, const char *name)
{
	struct stat st;

	return fstatat(dfd, name, &st, AT_SYMLINK_NOFOLLOW) == 0 &&
	       S_ISREG(st.st_mode);
}

static DWORD validate_pbk(const char *book, const char *name)
{
	struct rasdial_pbk pbk;
	char detail[256] = "";
	DWORD ret;

	if (!rasdial_pbk_name_ok(name))
		return ERROR_INVALID_NAME;
	ret = rasdial_pbk_load(book, &pbk, detail, sizeof(detail));
	rasdial_detail_set(detail);
	if (ret)
		return ret;
	ret = rasdial_pbk_find(&pbk, name) ? ERROR_ALREADY_EXISTS
					   : ERROR_SUCCESS;
	rasdial_pbk_free(&pbk);
	return ret;
}

RASDIAL_API DWORD APIENTRY RasValidateEntryNameA(LPCSTR lpszPhonebook,
						 LPCSTR lpszEntry)
{
	DWORD ret;
	int dfd;

	if (lpszPhonebook && lpszPhonebook[0] &&
	    rasdial_pbk_is_file(lpszPhonebook))
		return validate_pbk(lpszPhonebook, lpszEntry);
	ret = open_book(lpszPhonebook, &dfd);
	if (ret)
		return ret;
	if (!name_ok(lpszEntry))
		ret = ERROR_INVALID_NAME;
	else if (entry_exists(dfd, lpszEntry))
		ret = ERROR_ALREADY_EXISTS;
	close(dfd);
	return ret;
}

RASDIAL_API DWORD APIENTRY RasDeleteEntryA(LPCSTR lpszPhonebook,
					   LPCSTR lpszEntry)
{
	DWORD ret;
	int dfd;

	if (rasdial_pbk_book(lpszPhonebook))
		return rasdial_pbk_delete_entry(lpszPhonebook, lpszEntry);
	ret = open_book(lpszPhonebook, &dfd);
	if (ret)
		return ret;
	if (!name_ok(lpszEntry) || !entry_exists(dfd, lpszEntry))
		ret = ERROR_CANNOT_FIND_PHONEBOOK_ENTRY;
	else if (unlinkat(dfd, lpszEntry, 0) < 0)
		ret = errno_to_ras(errno);
	close(dfd);
	return ret;
}

RASDIAL_API DWORD APIENTRY RasRenameEntryA(LPCSTR lpszPhonebook,
					   LPCSTR lpszOldEntry,
					   LPCSTR lpszNewEntry)
{
	DWORD ret;
	int dfd;

	if (rasdial_pbk_book(lpszPhonebook))
		return rasdial_pbk_rename_entry(lpszPhonebook, lpszOldEntry,
						lpszNewEntry);
	ret = open_book(lpszPhonebook, &dfd);
	if (ret)
		return ret;
	if (!name_ok(lpszOldEntry) || !entry_exists(dfd, lpszOldEntry))
		ret = ERROR_CANNOT_FIND_PHONEBOOK_ENTRY;
	else if (!name_ok(lpszNewEntry))
		ret = ERROR_INVALID_NAME;
	else if (strcmp(lpszOldEntry, lpszNewEntry) &&
		 /* Atomic, and never over another entry. */
		 renameat2(dfd, lpszOldEntry, dfd, lpszNewEntry,
			   RENAME_NOREPLACE) < 0)
		ret = errno_to_ras(errno);
	close(dfd);
	return ret;
}

/*
 * The W variants: names and paths converted at the edge.  A name that
 * is no UTF-16 (an unpaired surrogate) is ERROR_INVALID_NAME, such a
 * phone book path ERROR_CANNOT_OPEN_PHONEBOOK.
 */
static DWORD w_args(LPCWSTR book, LPCWSTR a, LPCWSTR b, char **ubook,
		    char **ua, char **ub)
{
	int e;

	*ubook = *ua = *ub = NULL;
	e = rasdial_w_to_utf8_alloc(book, ubook);
	if (e)
		return e == -ENOMEM ? ERROR_NOT_ENOUGH_MEMORY
				    : ERROR_CANNOT_OPEN_PHONEBOOK;
	e = rasdial_w_to_utf8_alloc(a, ua);
	if (!e)
		e = rasdial_w_to_utf8_alloc(b, ub);
	if (e) {
		free(*ubook);
		free(*ua);
		*ubook = *ua = NULL;
		return e == -ENOMEM ? ERROR_NOT_ENOUGH_MEMORY
				    : ERROR_INVALID_NAME;
	}
	return ERROR_SUCCESS;
}

RASDIAL_API DWORD APIENTRY RasValidateEntryNameW(LPCWSTR lpszPhonebook,
						 LPCWSTR lpszEntry)
{
	char *book, *name, *unused;
	DWORD ret = w_args(lpszPhonebook, lpszEntry, NULL, &book, &name,
			   &unused);

	if (!ret)
		ret = RasValidateEntryNameA(book, name);
	free(book);
	free(name);
	return ret;
}

RASDIAL_API DWORD APIENTRY RasDeleteEntryW(LPCWSTR lpszPhonebook,
					   LPCWSTR lpszEntry)
{
	char *book, *name, *unused;
	DWORD ret = w_args(lpszPhonebook, lpszEntry, NULL, &book, &name,
			   &unused);

	if (ret == ERROR_INVALID_NAME)
		return ERROR_CANNOT_FIND_PHONEBOOK_ENTRY;
	if (!ret)
		ret = RasDeleteEntryA(book, name);
	free(book);
	free(name);
	return ret;
}

RASDIAL_API DWORD APIENTRY RasRenameEntryW(LPCWSTR lpszPhonebook,
					   LPCWSTR lpszOldEntry,
					   LPCWSTR lpszNewEntry)
{
	char *book, *from, *to;
	DWORD ret = w_args(lpszPhonebook, lpszOldEntry, lpszNewEntry, &book,
			   &from, &to);

	if (!ret)
		ret = RasRenameEntryA(book, from, to);
	free(book);
	free(from);
	free(to);
	return ret;
}

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
#define PEERS_MAX_SIZE	(256 * 1024)
#define TOKEN_MAX	1024

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

struct peers {
	const char *p, *end;
};

/* One pppd word: quotes, backslash escapes, '#' comments.  *AT (if
 * given) is where its text starts in the buffer. */
static bool next_word_at(struct peers *s, char *w, size_t size, bool *cut,
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

static bool next_word(struct peers *s, char *w, size_t size, bool *cut)
{
	return next_word_at(s, w, size, cut, NULL);
}

static bool takes_arg(const char *opt)
{
	size_t i;

	for (i = 0; i < RASDIAL_ARRAY_SIZE(one_arg); i++)
		if (!strcmp(opt, one_arg[i]))
			return true;
	return false;
}

static void set_str(char *dst, size_t size, const char *src)
{
	rasdial_strlcpy(dst, src, size);
}

/* The number of a "chat ... -T NUMBER ..." connect command. */
static void chat_number(const char *cmd, char *out, size_t size)
{
	struct peers s = { cmd, cmd + strlen(cmd) };
	char w[TOKEN_MAX];
	bool cut, next = false;

	while (next_word(&s, w, sizeof(w), &cut)) {
		if (next) {
			set_str(out, size, w);
			return;
		}
		next = !strcmp(w, "-T");
	}
}

#define AUTH_PAP	0x01
#define AUTH_CHAP	0x02
#define AUTH_MSCHAP	0x04
#define AUTH_MSCHAP2	0x08
#define AUTH_EAP	0x10
#define AUTH_ALL	0x1f

static void default_entry(RASENTRYA *e)
{
	memset(e, 0, sizeof(*e));
	e->dwSize = sizeof(*e);
	e->dwfOptions = RASEO_IpHeaderCompression | RASEO_SwCompression |
			RASEO_RemoteDefaultGateway;
	e->dwfNetProtocols = RASNP_Ip;
	e->dwFramingProtocol = RASFP_Ppp;
	set_str(e->szDeviceType, sizeof(e->szDeviceType), RASDT_Modem);
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
	set_str(local, sizeof(local), p);
	set_str(e->szLocalPhoneNumber, sizeof(e->szLocalPhoneNumber), local);
	e->dwCountryCode = e->dwCountryID = (DWORD)cc;
	e->dwfOptions |= RASEO_UseCountryAndAreaCodes;
}

/* An IPv4 "LOCAL:" or "LOCAL:REMOTE" word: LOCAL in *A. */
static bool addr_word(const char *w, struct in_addr *a)
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

static bool tty_word(const char *w)
{
	return !strncmp(w, "/dev/", 5) || !strncmp(w, "tty", 3);
}

static bool pppoe_plugin(const char *arg)
{
	const char *b = strrchr(arg, '/');

	b = b ? b + 1 : arg;
	return !strcmp(b, "rp-pppoe.so") || !strcmp(b, "pppoe.so");
}

static DWORD parse_peers(const char *buf, size_t len, RASENTRYA *e)
{
	struct peers s = { buf, buf + len };
	char w[TOKEN_MAX], arg[TOKEN_MAX], nic[IF_NAMESIZE + 8] = "";
	unsigned int refused = 0;
	bool cut, pppoe = false, nobsd = false, nodeflate = false;
	bool dns = false, tty = false, connect = false, local = false;

	default_entry(e);
	e->dwfOptions &= ~RASEO_RemoteDefaultGateway;
	e->szDeviceType[0] = '\0';
	while (next_word(&s, w, sizeof(w), &cut)) {
		arg[0] = '\0';
		if (takes_arg(w) && !next_word(&s, arg, sizeof(arg), &cut))
			break;
		if (tty_word(w)) {
			const char *name = w;

			if (!strncmp(w, "/dev/", 5) && !strchr(w + 5, '/'))
				name = w + 5;
			set_str(e->szDeviceType, sizeof(e->szDeviceType), RASDT_Modem);
			set_str(e->szDeviceName, sizeof(e->szDeviceName), name);
			e->dwType = RASET_Phone;
			tty = true;
		} else if (!strcmp(w, "pty")) {
			set_str(e->szDeviceType, sizeof(e->szDeviceType), RASDT_Generic);
			set_str(e->szDeviceName, sizeof(e->szDeviceName), "pty");
			e->dwType = RASET_Direct;
			tty = false;
		} else if (!strcmp(w, "plugin")) {
			pppoe |= pppoe_plugin(arg);
		} else if (!strncmp(w, "nic-", 4)) {
			set_str(nic, sizeof(nic), w + 4);
		} else if (!strcmp(w, "rasdial-l2tp-lac")) {
			set_str(e->szDeviceType, sizeof(e->szDeviceType), RASDT_Vpn);
			set_str(e->szDeviceName, sizeof(e->szDeviceName),
				RASDIAL_L2TP_DEVICE_NAME);
			/* The "number" of a VPN entry: xl2tpd's LAC. */
			set_str(e->szLocalPhoneNumber,
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

			if (addr_word(w, &a)) {
				memcpy(&e->ipaddr, &a, 4);
				e->dwfOptions |= RASEO_SpecificIpAddr;
			}
		}
	}
	if (pppoe && nic[0]) {
		set_str(e->szDeviceType, sizeof(e->szDeviceType), RASDT_PPPoE);
		snprintf(e->szDeviceName, sizeof(e->szDeviceName), "%s", nic);
		e->dwType = RASET_Broadband;
	} else if (tty && !connect && local) {
		/* A cable to the peer: no modem to dial, no modem lines. */
		set_str(e->szDeviceType, sizeof(e->szDeviceType), RASDT_Serial);
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

#define RASDIAL_ENTRY_SIZES(T) {					\
	RASDIAL_END(T, dwReserved2),			/* 0x400 */	\
	RASDIAL_END(T, dwIdleDisconnectSeconds),	/* 0x401 */	\
	RASDIAL_END(T, dwVpnStrategy),			/* 0x500 */	\
	RASDIAL_END(T, dwRedialPause),			/* 0x501 */	\
	RASDIAL_END(T, dwIPv6InterfaceMetric),		/* 0x600 */	\
	RASDIAL_END(T, dwNetworkOutageTime),		/* 0x601 */	\
	RASDIAL_END(T, IdrType),			/* 0x602 */	\
	sizeof(T),					/* 0x603 */	\
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
	ret = open_book(book, &dfd);
	if (ret)
		return ret;
	if (!name_ok(name) || !entry_exists(dfd, name)) {
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
	ret = parse_peers(buf, (size_t)n, e);
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

/* The strings of a RASENTRY, A offset and size, W offset and units. */
#define ENTRY_STRINGS(X) X(szAreaCode) X(szLocalPhoneNumber) X(szScript) \
	X(szAutodialDll) X(szAutodialFunc) X(szDeviceType) X(szDeviceName) \
	X(szX25PadType) X(szX25Address) X(szX25Facilities) X(szX25UserData) \
	X(szCustomDialDll) X(szDnsSuffix) X(szPrerequisitePbk)		\
	X(szPrerequisiteEntry) X(szIDi) X(szIDr)

#define ENTRY_NUMBERS(X) \
	X(dwSize) X(dwfOptions) X(dwCountryID) X(dwCountryCode) \
	X(dwAlternateOffset) X(ipaddr) X(ipaddrDns) X(ipaddrDnsAlt) \
	X(ipaddrWins) X(ipaddrWinsAlt) X(dwFrameSize) \
	X(dwfNetProtocols) X(dwFramingProtocol) X(dwChannels) \
	X(dwReserved1) X(dwReserved2) X(dwSubEntries) \
	X(dwDialMode) X(dwDialExtraPercent) \
	X(dwDialExtraSampleSeconds) X(dwHangUpExtraPercent) \
	X(dwHangUpExtraSampleSeconds) X(dwIdleDisconnectSeconds) \
	X(dwType) X(dwEncryptionType) X(dwCustomAuthKey) \
	X(guidId) X(dwVpnStrategy) X(dwfOptions2) X(dwfOptions3) \
	X(dwTcpWindowSize) X(dwRedialCount) X(dwRedialPause) \
	X(ipv6addrDns) X(ipv6addrDnsAlt) X(dwIPv4InterfaceMetric) \
	X(dwIPv6InterfaceMetric) X(ipv6addr) X(dwIPv6PrefixLength) \
	X(dwNetworkOutageTime) X(fIsImsConfig) X(IdiType) \
	X(IdrType) X(fDisableIKEv2Fragmentation)

static DWORD entry_a_to_w(const RASENTRYA *a, RASENTRYW *w)
{
	memset(w, 0, sizeof(*w));
#define CONV(f)								\
	if (rasdial_utf8_to_w(a->f, w->f, RASDIAL_ARRAY_SIZE(w->f), NULL)) \
		return ERROR_CORRUPT_PHONEBOOK;
	ENTRY_STRINGS(CONV)
#undef CONV
#define COPY(f) w->f = a->f;
	ENTRY_NUMBERS(COPY)
#undef COPY
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
	ret = w_args(lpszPhonebook, lpszEntry, NULL, &book, &name, &unused);
	if (ret)
		return ret == ERROR_INVALID_NAME ?
		       ERROR_CANNOT_FIND_PHONEBOOK_ENTRY : ret;
	ret = load_entry(book, name, &a);
	free(book);
	free(name);
	if (!ret)
		ret = entry_a_to_w(&a, &w);
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

/*
 * RasSetEntryPropertiesA/W: a RASENTRY written as a peers file.
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
#define CHAT_CMD	"/usr/sbin/chat -v"
#define CHAT_SCRIPT	"ABORT BUSY ABORT 'NO CARRIER' ABORT 'NO DIALTONE' " \
			"ABORT 'NO ANSWER' ABORT ERROR '' ATZ OK 'ATDT\\\\T' CONNECT"
#define NEW_ENTRY_TEXT	"# Written by RasSetEntryProperties (librasdial).\n" \
			"noauth\nnoipdefault\n"

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
	set_str(out, size, strchr(dev + 5, '/') ? dev : dev + 5);
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
		return tty_word(w) || !strncmp(w, "nic-", 4) ||
		       (!strcmp(w, "plugin") && pppoe_plugin(arg)) ||
		       (new_lines && (!strcmp(w, "local") ||
				      !strcmp(w, "modem") ||
				      !strcmp(w, "crtscts") ||
				      !strcmp(w, "nocrtscts")));
	return a == A_ADDR && addr_word(w, &ia);
}

/* Marks in DEL the bytes of every option of aspect A in BUF. */
static void cut_aspect(const char *buf, size_t len, enum aspect a,
		       bool new_lines, unsigned char *del)
{
	struct peers s = { buf, buf + len };
	char w[TOKEN_MAX], arg[TOKEN_MAX];
	const char *at, *unused;
	bool cut;

	while (next_word_at(&s, w, sizeof(w), &cut, &at)) {
		arg[0] = '\0';
		if (takes_arg(w) &&
		    !next_word_at(&s, arg, sizeof(arg), &cut, &unused))
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

	while (next_word(&s, w, sizeof(w), &cut)) {
		if (!takes_arg(w))
			continue;
		if (!next_word(&s, arg, sizeof(arg), &cut))
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
		while (next_word_at(&s, w, sizeof(w), &cut, &unused)) {
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

/* What RASENTRY says that pppd cannot do, whatever the file holds. */
static DWORD check_entry(const RASENTRYA *e)
{
	static const char zero[sizeof(e->ipaddrDns)];
	const char *why = NULL;

	if (e->dwFramingProtocol != RASFP_Ppp)
		why = "dwFramingProtocol: only RASFP_Ppp";
	else if (e->dwType < RASET_Phone || e->dwType > RASET_Broadband)
		why = "dwType: RASET_Phone .. RASET_Broadband";
	else if (memcmp(&e->ipaddrDns, zero, 4) ||
		 memcmp(&e->ipaddrDnsAlt, zero, 4) ||
		 memcmp(&e->ipaddrWins, zero, 4) ||
		 memcmp(&e->ipaddrWinsAlt, zero, 4))
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

/* Replaces NAME in DFD by LEN bytes of DATA: a temp file renamed over it,
 * with OLD's owner, group and mode (a new entry: ours, the directory's
 * group, 0640 as /etc/ppp/peers holds them). */
DWORD rasdial_write_atomic(int dfd, const char *name, const char *data,
			   size_t len, const struct stat *old)
{
	static unsigned int seq;
	char tmp[48];
	struct stat dst;
	uid_t uid;
	gid_t gid;
	mode_t mode;
	int fd = -1, i, e;
	size_t off = 0;

	if (old) {
		uid = old->st_uid;
		gid = old->st_gid;
		mode = old->st_mode & 07777;
	} else {
		if (fstat(dfd, &dst) < 0)
			return errno_to_ras(errno);
		uid = geteuid();
		gid = dst.st_gid;
		mode = 0640;
	}
	for (i = 0; i < 100 && fd < 0; i++) {
		snprintf(tmp, sizeof(tmp), ".rasdial-%d-%u", (int)getpid(),
			 __atomic_add_fetch(&seq, 1, __ATOMIC_RELAXED));
		fd = openat(dfd, tmp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC |
			    O_NOFOLLOW, 0600);
		if (fd < 0 && errno != EEXIST)
			return errno_to_ras(errno);
	}
	if (fd < 0)
		return ERROR_CANNOT_WRITE_PHONEBOOK;
	/* The owner must stay; only the group of a new file may not. */
	if (fchown(fd, uid, gid) < 0 && (old || uid != geteuid())) {
		e = errno;
		goto fail;
	}
	if (fchmod(fd, mode) < 0) {
		e = errno;
		goto fail;
	}
	while (off < len) {
		ssize_t n = write(fd, data + off, len - off);

		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0) {
			e = n < 0 ? errno : EIO;
			goto fail;
		}
		off += (size_t)n;
	}
	if (fsync(fd) < 0 || close(fd) < 0) {
		e = errno;
		fd = -1;
		goto fail;
	}
	fd = -1;
	if (renameat(dfd, tmp, dfd, name) < 0) {
		e = errno;
		goto fail;
	}
	fsync(dfd);
	return ERROR_SUCCESS;
fail:
	if (fd >= 0)
		close(fd);
	unlinkat(dfd, tmp, 0);
	return e == EPERM ? ERROR_ACCESS_DENIED : errno_to_ras(e);
}

/* Reads regular file NAME of DFD whole (a new entry: the template). */
static DWORD read_entry(int dfd, const char *name, char **buf, size_t *len,
			struct stat *st, bool *exists)
{
	ssize_t n;
	int fd;

	*exists = false;
	if (fstatat(dfd, name, st, AT_SYMLINK_NOFOLLOW) < 0) {
		if (errno != ENOENT)
			return errno_to_ras(errno);
		*buf = strdup(NEW_ENTRY_TEXT);
		*len = strlen(NEW_ENTRY_TEXT);
		return *buf ? ERROR_SUCCESS : ERROR_NOT_ENOUGH_MEMORY;
	}
	if (!S_ISREG(st->st_mode)) {
		rasdial_detail_set("the entry is not a regular file");
		return ERROR_CANNOT_WRITE_PHONEBOOK;
	}
	*exists = true;
	fd = openat(dfd, name, O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NOFOLLOW);
	if (fd < 0)
		return errno_to_ras(errno);
	*buf = malloc(PEERS_MAX_SIZE + 1);
	if (!*buf) {
		close(fd);
		return ERROR_NOT_ENOUGH_MEMORY;
	}
	n = read(fd, *buf, PEERS_MAX_SIZE + 1);
	close(fd);
	if (n < 0 || n > PEERS_MAX_SIZE) {
		free(*buf);
		rasdial_detail_set("cannot read the peers file (or larger than 256 KiB)");
		return ERROR_CANNOT_LOAD_PHONEBOOK;
	}
	*len = (size_t)n;
	return ERROR_SUCCESS;
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
	ret = open_book(book, &dfd);
	if (ret)
		return ret;
	if (!name_ok(name)) {
		close(dfd);
		return ERROR_INVALID_NAME;
	}
	ret = read_entry(dfd, name, &buf, &len, &st, &exists);
	if (ret)
		goto out;
	parse_peers(buf, len, &old);
	/* Fields beyond an older dwSize keep what the file says. */
	want = old;
	memcpy(&want, e, e->dwSize);
	want.dwSize = sizeof(want);
	ret = check_entry(&want);
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
		ret = rasdial_write_atomic(dfd, name, t.p, t.n, exists ? &st : NULL);
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

static DWORD entry_w_to_a(const RASENTRYW *w, RASENTRYA *a)
{
	memset(a, 0, sizeof(*a));
#define CONV(f)								\
	if (rasdial_w_to_utf8(w->f, RASDIAL_ARRAY_SIZE(w->f), a->f,	\
			      sizeof(a->f)))				\
		return ERROR_INVALID_PARAMETER;
	ENTRY_STRINGS(CONV)
#undef CONV
#define COPY(f) a->f = w->f;
	ENTRY_NUMBERS(COPY)
#undef COPY
	return ERROR_SUCCESS;
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
	ret = entry_w_to_a(&w, &a);
	if (ret) {
		rasdial_detail_set("a string of the RASENTRYW is no UTF-16 or too long");
		return ret;
	}
	for (i = 0; sizes[i] != lpRasEntry->dwSize; i++)
		;
	ret = w_args(lpszPhonebook, lpszEntry, NULL, &book, &name, &unused);
	if (ret)
		return ret;
	a.dwSize = (DWORD)a_sizes[i];
	ret = set_entry(book, name, &a);
	free(book);
	free(name);
	return ret;
}
