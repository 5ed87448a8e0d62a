// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * entry_props.c: RasValidateEntryNameA/W, RasDeleteEntryA/W and
 * RasRenameEntryA/W on a peers directory (the entry is the file
 * DIR/ENTRY; NULL is /etc/ppp/peers).
 *
 * A valid name is what RasEnumEntries lists: 1..255 bytes of UTF-8 (a
 * file name), no '/', no control character, not starting with '.', not
 * an editor's or package manager's leftover (~, .bak, .dpkg-old, ...).
 * Anything else is ERROR_INVALID_NAME.  A .pbk phone book is read-only
 * here: RasValidateEntryName checks its sections, the others return
 * ERROR_CANNOT_WRITE_PHONEBOOK.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <net/if.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
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

	if (!name || !name[0] || strlen(name) > RAS_MaxEntryName ||
	    strchr(name, '[') || strchr(name, ']'))
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

/* One pppd word: quotes, backslash escapes, '#' comments. */
static bool next_word(struct peers *s, char *w, size_t size, bool *cut)
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

static DWORD parse_peers(const char *buf, size_t len, RASENTRYA *e)
{
	struct peers s = { buf, buf + len };
	char w[TOKEN_MAX], arg[TOKEN_MAX], nic[IF_NAMESIZE + 8] = "";
	unsigned int refused = 0;
	bool cut, pppoe = false, nobsd = false, nodeflate = false;
	bool dns = false;

	default_entry(e);
	e->dwfOptions &= ~RASEO_RemoteDefaultGateway;
	e->szDeviceType[0] = '\0';
	while (next_word(&s, w, sizeof(w), &cut)) {
		arg[0] = '\0';
		if (takes_arg(w) && !next_word(&s, arg, sizeof(arg), &cut))
			break;
		if (!strncmp(w, "/dev/", 5) || !strncmp(w, "tty", 3)) {
			const char *name = w;

			if (!strncmp(w, "/dev/", 5) && !strchr(w + 5, '/'))
				name = w + 5;
			set_str(e->szDeviceType, sizeof(e->szDeviceType), RASDT_Modem);
			set_str(e->szDeviceName, sizeof(e->szDeviceName), name);
			e->dwType = RASET_Phone;
		} else if (!strcmp(w, "pty")) {
			set_str(e->szDeviceType, sizeof(e->szDeviceType), RASDT_Generic);
			set_str(e->szDeviceName, sizeof(e->szDeviceName), "pty");
			e->dwType = RASET_Direct;
		} else if (!strcmp(w, "plugin")) {
			const char *b = strrchr(arg, '/');

			b = b ? b + 1 : arg;
			pppoe |= !strcmp(b, "rp-pppoe.so") || !strcmp(b, "pppoe.so");
		} else if (!strncmp(w, "nic-", 4)) {
			set_str(nic, sizeof(nic), w + 4);
		} else if (!strcmp(w, "rasdial-l2tp-lac")) {
			set_str(e->szDeviceType, sizeof(e->szDeviceType), RASDT_Vpn);
			set_str(e->szDeviceName, sizeof(e->szDeviceName),
				RASDIAL_L2TP_DEVICE_NAME);
			e->dwType = RASET_Vpn;
		} else if (!strcmp(w, "connect")) {
			e->szLocalPhoneNumber[0] = '\0';
			chat_number(arg, e->szLocalPhoneNumber,
				    sizeof(e->szLocalPhoneNumber));
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
		} else if (!strcmp(w, "novj")) {
			e->dwfOptions &= ~RASEO_IpHeaderCompression;
		} else if (!strcmp(w, "nobsdcomp")) {
			nobsd = true;
		} else if (!strcmp(w, "nodeflate")) {
			nodeflate = true;
		} else if (!strcmp(w, "defaultroute")) {
			e->dwfOptions |= RASEO_RemoteDefaultGateway;
		} else if (!strcmp(w, "nodefaultroute")) {
			e->dwfOptions &= ~RASEO_RemoteDefaultGateway;
		} else if (!strcmp(w, "usepeerdns")) {
			dns = true;
		} else if (!strcmp(w, "noip")) {
			e->dwfNetProtocols &= ~RASNP_Ip;
		} else if (!strcmp(w, "+ipv6")) {
			e->dwfNetProtocols |= RASNP_Ipv6;
		} else if (!strcmp(w, "idle")) {
			char *end;
			unsigned long v = strtoul(arg, &end, 10);

			if (!*end && arg[0] && v < RASIDS_Disabled)
				e->dwIdleDisconnectSeconds = (DWORD)v;
		} else if (strchr(w, ':') && strspn(w, "0123456789.:") == strlen(w)) {
			struct in_addr a;
			char local[16];
			size_t n = strcspn(w, ":");

			if (n && n < sizeof(local)) {
				memcpy(local, w, n);
				local[n] = '\0';
				if (inet_pton(AF_INET, local, &a) == 1) {
					memcpy(&e->ipaddr, &a, 4);
					e->dwfOptions |= RASEO_SpecificIpAddr;
				}
			}
		}
	}
	if (pppoe && nic[0]) {
		set_str(e->szDeviceType, sizeof(e->szDeviceType), RASDT_PPPoE);
		snprintf(e->szDeviceName, sizeof(e->szDeviceName), "%s", nic);
		e->dwType = RASET_Broadband;
	}
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
		return ERROR_NOT_SUPPORTED;
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

static DWORD entry_a_to_w(const RASENTRYA *a, RASENTRYW *w)
{
	memset(w, 0, sizeof(*w));
#define CONV(f)								\
	if (rasdial_utf8_to_w(a->f, w->f, RASDIAL_ARRAY_SIZE(w->f), NULL)) \
		return ERROR_CORRUPT_PHONEBOOK;
	ENTRY_STRINGS(CONV)
#undef CONV
#define COPY(f) w->f = a->f;
	COPY(dwSize) COPY(dwfOptions) COPY(dwCountryID) COPY(dwCountryCode)
	COPY(dwAlternateOffset) COPY(ipaddr) COPY(ipaddrDns) COPY(ipaddrDnsAlt)
	COPY(ipaddrWins) COPY(ipaddrWinsAlt) COPY(dwFrameSize)
	COPY(dwfNetProtocols) COPY(dwFramingProtocol) COPY(dwChannels)
	COPY(dwReserved1) COPY(dwReserved2) COPY(dwSubEntries)
	COPY(dwDialMode) COPY(dwDialExtraPercent)
	COPY(dwDialExtraSampleSeconds) COPY(dwHangUpExtraPercent)
	COPY(dwHangUpExtraSampleSeconds) COPY(dwIdleDisconnectSeconds)
	COPY(dwType) COPY(dwEncryptionType) COPY(dwCustomAuthKey)
	COPY(guidId) COPY(dwVpnStrategy) COPY(dwfOptions2) COPY(dwfOptions3)
	COPY(dwTcpWindowSize) COPY(dwRedialCount) COPY(dwRedialPause)
	COPY(ipv6addrDns) COPY(ipv6addrDnsAlt) COPY(dwIPv4InterfaceMetric)
	COPY(dwIPv6InterfaceMetric) COPY(ipv6addr) COPY(dwIPv6PrefixLength)
	COPY(dwNetworkOutageTime) COPY(fIsImsConfig) COPY(IdiType)
	COPY(IdrType) COPY(fDisableIKEv2Fragmentation)
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
