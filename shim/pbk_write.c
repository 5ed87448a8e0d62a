// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * pbk_write.c: one section of a Windows phone book (rasphone.pbk) as a
 * RASENTRY: RasGetEntryProperties reads it, RasSetEntryProperties writes
 * it, RasDeleteEntry and RasRenameEntry remove and rename it.
 *
 * A RASENTRY is mapped to Windows' own keys (keys_of below).  Set reads
 * the section as Get would, merges the caller's fields, and compares the
 * two key by key: only a key whose value differs is written, in place (its
 * first non-empty line, as the reader takes it) or, when the section has
 * none, after the section's last key.  Every other byte of the file stays,
 * so a RASENTRY read and written back unchanged writes nothing.  A new
 * section is appended at the end of the file (created when absent) with
 * Windows' keys in Windows' order.  The result is parsed again with the
 * reader before it replaces the file (atomically, owner, group and mode
 * kept), so a file the reader would refuse is never written.
 *
 * Encoding: bytes are kept as they are; new text is UTF-8 (RASENTRYA's
 * strings are), a new section says so with Encoding=1 as Windows does,
 * and a BOM or CRLF line ends of the file are kept (a new file: no BOM,
 * CRLF, as Windows writes it).
 */
#include <arpa/inet.h>
#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <libgen.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <unistd.h>

#include "entry_props.h"
#include "layouts.h"
#include "pbk_book.h"
#include "phonebook.h"
#include "utf16.h"

/* AuthRestrictions bits (AR_F_*). */
#define AR_PAP		0x008
#define AR_SPAP		0x010
#define AR_CHAP		0x020
#define AR_MSCHAP	0x040
#define AR_EAP		0x080
#define AR_MSCHAP2	0x200
#define AR_W95MSCHAP	0x400
/* The methods pppd has; all of them: "any". */
#define AR_PPPD		(AR_PAP | AR_CHAP | AR_MSCHAP | AR_EAP | AR_MSCHAP2 | \
			 AR_W95MSCHAP)
#define AR_ANY		(AR_PAP | AR_CHAP | AR_MSCHAP | AR_EAP | AR_MSCHAP2)
#define AR_ENCRYPTED	(AR_CHAP | AR_MSCHAP | AR_EAP | AR_MSCHAP2)
#define AR_MS		(AR_MSCHAP | AR_MSCHAP2 | AR_W95MSCHAP)

static const struct {
	DWORD ar, eo;
} auth_bits[] = {
	{ AR_PAP, RASEO_RequirePAP },		{ AR_SPAP, RASEO_RequireSPAP },
	{ AR_CHAP, RASEO_RequireCHAP },		{ AR_MSCHAP, RASEO_RequireMsCHAP },
	{ AR_EAP, RASEO_RequireEAP },		{ AR_MSCHAP2, RASEO_RequireMsCHAP2 },
	{ AR_W95MSCHAP, RASEO_RequireW95MSCHAP },
};

/* DataEncryption values, by ET_*. */
static const long de_of_et[] = {
	[ET_None] = 0, [ET_Require] = 256, [ET_RequireMax] = 512,
	[ET_Optional] = 8,
};

/* A key's value for one RASENTRY: not set (not this entry's business),
 * or the text, and why it may not be written (NULL: it may). */
struct kv {
	bool set;
	char v[RASDIAL_PBK_MAX_PORT];
	const char *why;
};

/* Key K's value in section S (first non-empty), or false. */
static bool get_str(const struct book *b, long s, enum key_id k, char *out,
		    size_t size)
{
	bool empty;
	long i = pbk_key_line(b, s, k, &empty);
	size_t n;

	out[0] = '\0';
	if (i < 0 || empty)
		return false;
	n = b->l[i].v1 - b->l[i].v0;
	if (n >= size)
		n = size - 1;
	memcpy(out, b->buf + b->l[i].v0, n);
	out[n] = '\0';
	return true;
}

/* Key K as a number 0..INT32_MAX, or DEF. */
static long get_num(const struct book *b, long s, enum key_id k, long def)
{
	char v[16], *end;
	long n;

	if (!get_str(b, s, k, v, sizeof(v)) || !isdigit((unsigned char)v[0]))
		return def;
	errno = 0;
	n = strtol(v, &end, 10);
	return *end || errno || n > 0x7fffffffL ? def : n;
}

static void get_addr(const struct book *b, long s, enum key_id k,
		     RASIPADDR *a)
{
	char v[32];
	struct in_addr in;

	memset(a, 0, sizeof(*a));
	if (get_str(b, s, k, v, sizeof(v)) && inet_pton(AF_INET, v, &in) == 1)
		memcpy(a, &in, 4);
}

static bool is_type(const RASENTRYA *e, const char *type)
{
	return !strcasecmp(e->szDeviceType, type);
}

/* A Linux tty as RasEnumDevices names it ("ttyS0" for COM1), or false. */
static bool tty_name(const char *v, char *out, size_t size)
{
	char dev[PATH_MAX];

	const char *p;

	out[0] = '\0';
	if (!rasdial_port_device(v, dev, sizeof(dev)))
		return false;
	p = strchr(dev + 5, '/') ? dev : dev + 5;
	if (strlen(p) >= size)
		return false;
	memcpy(out, p, strlen(p) + 1);
	return true;
}

/* Section S (-1: none, a new entry) as RasGetEntryProperties reports it. */
static void section_entry(const struct book *b, long s, RASENTRYA *e)
{
	static const enum key_id ports[] = { K_PORT, K_DEVNAME, K_PREFPORT };
	char v[RASDIAL_PBK_MAX_VALUE];
	long ar, n;
	size_t i;

	memset(e, 0, sizeof(*e));
	e->dwSize = sizeof(*e);
	e->dwFramingProtocol = RASFP_Ppp;
	e->dwSubEntries = 1;
	e->dwDialMode = RASEDM_DialAll;

	/* The device type: what the dial reads from DEVICE. */
	get_str(b, s, K_DEVTYPE, v, sizeof(v));
	if (!v[0] || !strcasecmp(v, "modem"))
		rasdial_strlcpy(e->szDeviceType, RASDT_Modem, sizeof(e->szDeviceType));
	else if (!strcasecmp(v, "null"))
		rasdial_strlcpy(e->szDeviceType, RASDT_Serial, sizeof(e->szDeviceType));
	else if (!strcasecmp(v, "vpn"))
		rasdial_strlcpy(e->szDeviceType, RASDT_Vpn, sizeof(e->szDeviceType));
	else if (!strcasecmp(v, "pppoe"))
		rasdial_strlcpy(e->szDeviceType, RASDT_PPPoE, sizeof(e->szDeviceType));
	else
		rasdial_strlcpy(e->szDeviceType, v, sizeof(e->szDeviceType));
	n = is_type(e, RASDT_Vpn) ? RASET_Vpn : is_type(e, RASDT_Serial) ?
	    RASET_Direct : is_type(e, RASDT_PPPoE) ? RASET_Broadband : RASET_Phone;
	n = get_num(b, s, K_TYPE, n);
	e->dwType = n >= RASET_Phone && n <= RASET_Broadband ? (DWORD)n :
		    RASET_Phone;

	/* The device: the port the dial uses, else Windows' name. */
	if (is_type(e, RASDT_Modem) || is_type(e, RASDT_Serial))
		for (i = 0; i < RASDIAL_ARRAY_SIZE(ports) && !e->szDeviceName[0]; i++)
			if (get_str(b, s, ports[i], v, sizeof(v)))
				tty_name(v, e->szDeviceName, sizeof(e->szDeviceName));
	if (!e->szDeviceName[0] &&
	    !get_str(b, s, K_DEVNAME, e->szDeviceName, sizeof(e->szDeviceName)))
		get_str(b, s, K_PORT, e->szDeviceName, sizeof(e->szDeviceName));
	if (!e->szDeviceName[0] && is_type(e, RASDT_Vpn))
		rasdial_strlcpy(e->szDeviceName, RASDIAL_L2TP_DEVICE_NAME,
				sizeof(e->szDeviceName));

	/* The number: a VPN entry's is the xl2tpd LAC it dials, as in a
	 * peers file (Windows' host name when there is none). */
	if (!is_type(e, RASDT_Vpn) ||
	    !get_str(b, s, K_LAC, e->szLocalPhoneNumber,
		     sizeof(e->szLocalPhoneNumber)))
		get_str(b, s, K_PHONE, e->szLocalPhoneNumber,
			sizeof(e->szLocalPhoneNumber));
	get_str(b, s, K_AREA, e->szAreaCode, sizeof(e->szAreaCode));
	e->dwCountryCode = (DWORD)get_num(b, s, K_CC, 0);
	e->dwCountryID = (DWORD)get_num(b, s, K_CID, 0);
	if (get_num(b, s, K_RULES, 0))
		e->dwfOptions |= RASEO_UseCountryAndAreaCodes;

	/* Authentication: "any", "encrypted" or the methods one by one. */
	ar = get_num(b, s, K_AUTH, -1);
	if (ar == 0 || ar == 1)		/* NT 4 values, as the dial reads them */
		ar = AR_PAP | AR_SPAP | AR_CHAP | AR_MSCHAP | AR_MSCHAP2;
	else if (ar == 2)
		ar = AR_CHAP | AR_MSCHAP | AR_MSCHAP2;
	else if (ar == 3)
		ar = AR_MSCHAP;
	else if (ar == 4)
		ar = AR_EAP;
	if (ar < 0 || (ar & AR_ANY) == AR_ANY) {
		/* any method */
	} else if ((ar & AR_ANY) == AR_ENCRYPTED) {
		e->dwfOptions |= RASEO_RequireEncryptedPw;
	} else {
		for (i = 0; i < RASDIAL_ARRAY_SIZE(auth_bits); i++)
			if (ar & auth_bits[i].ar)
				e->dwfOptions |= auth_bits[i].eo;
	}

	n = get_num(b, s, K_ENC, 8);
	e->dwEncryptionType = n == 0 ? ET_None : n == 256 ? ET_Require :
			      n == 512 ? ET_RequireMax : ET_Optional;
	if (n == 256 || n == 512)
		e->dwfOptions |= RASEO_RequireDataEncryption;
	if (get_num(b, s, K_ROUTE, 1))
		e->dwfOptions |= RASEO_RemoteDefaultGateway;
	if (get_num(b, s, K_VJ, 1))
		e->dwfOptions |= RASEO_IpHeaderCompression;
	if (get_num(b, s, K_SWC, 1))
		e->dwfOptions |= RASEO_SwCompression;
	get_addr(b, s, K_IPADDR, &e->ipaddr);
	if (get_num(b, s, K_IPASSIGN, 1) == 2 &&
	    memcmp(&e->ipaddr, "\0\0\0\0", 4))
		e->dwfOptions |= RASEO_SpecificIpAddr;
	get_addr(b, s, K_DNS, &e->ipaddrDns);
	get_addr(b, s, K_DNS2, &e->ipaddrDnsAlt);
	get_addr(b, s, K_WINS, &e->ipaddrWins);
	get_addr(b, s, K_WINS2, &e->ipaddrWinsAlt);
	if (get_num(b, s, K_NAMEASSIGN, 1) == 2)
		e->dwfOptions |= RASEO_SpecificNameServers;
	n = get_num(b, s, K_EXCL, 0);
	e->dwfNetProtocols = (RASNP_Ip | RASNP_Ipv6) & ~(DWORD)n;
	e->dwIdleDisconnectSeconds = (DWORD)get_num(b, s, K_IDLE, 0);
	e->dwRedialCount = (DWORD)get_num(b, s, K_REDIAL, 0);
	e->dwRedialPause = (DWORD)get_num(b, s, K_PAUSE, 0);
}

static void kv_set(struct kv *kv, const char *why, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static void kv_set(struct kv *kv, const char *why, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(kv->v, sizeof(kv->v), fmt, ap);
	va_end(ap);
	kv->set = true;
	kv->why = why;
}

static void kv_addr(struct kv *kv, const RASIPADDR *a, const char *why)
{
	kv_set(kv, why, "%u.%u.%u.%u", a->a, a->b, a->c, a->d);
}

static bool is_pty(const char *path)
{
	struct stat st;

	return stat(path, &st) == 0 && S_ISCHR(st.st_mode) &&
	       major(st.st_rdev) >= 136 && major(st.st_rdev) <= 143;
}

/* Text a value may be: what the reader gives back unchanged. */
static bool text_ok(const char *s)
{
	WCHAR w[RASDIAL_PBK_MAX_PORT];
	size_t n = strlen(s);
	const char *p;

	if (n && (pbk_blank(s[0]) || pbk_blank(s[n - 1])))
		return false;
	for (p = s; *p; p++)
		if ((unsigned char)*p < 0x20 || *p == 0x7f)
			return false;
	return rasdial_utf8_to_w(s, w, RASDIAL_ARRAY_SIZE(w), NULL) == 0;
}

/* The keys of entry E, and why each may not be written. */
static void keys_of(const RASENTRYA *e, struct kv *kv)
{
	static const char bad_num[] = "a number above 2147483647";
	char dev[PATH_MAX];
	DWORD o = e->dwfOptions, et;
	bool modem = is_type(e, RASDT_Modem), serial = is_type(e, RASDT_Serial);
	bool vpn = is_type(e, RASDT_Vpn), spec;
	unsigned long ar = 0;
	const char *p;
	size_t i;

	memset(kv, 0, K_COUNT * sizeof(*kv));
	kv_set(&kv[K_TYPE], NULL, "%u", e->dwType);

	for (i = 0; i < RASDIAL_ARRAY_SIZE(auth_bits); i++)
		if (o & auth_bits[i].eo)
			ar |= auth_bits[i].ar;
	if (!ar)
		ar = o & RASEO_RequireMsEncryptedPw ? AR_MSCHAP | AR_MSCHAP2 :
		     o & RASEO_RequireEncryptedPw ? AR_ENCRYPTED : AR_ANY;
	kv_set(&kv[K_AUTH], ar & AR_PPPD ? NULL : "pppd has no SPAP",
	       "%lu", ar);

	et = (o & RASEO_RequireDataEncryption) &&
	     e->dwEncryptionType != ET_RequireMax ? ET_Require
						  : e->dwEncryptionType;
	if (et > ET_Optional)
		kv_set(&kv[K_ENC], "dwEncryptionType: ET_None .. ET_Optional",
		       "%u", et);
	else
		kv_set(&kv[K_ENC], (et == ET_Require || et == ET_RequireMax) &&
		       !(ar & AR_MS) ? "encryption needs MS-CHAP or MS-CHAP v2"
				     : NULL, "%ld", de_of_et[et]);

	kv_set(&kv[K_ROUTE], NULL, "%d", !!(o & RASEO_RemoteDefaultGateway));
	kv_set(&kv[K_VJ], NULL, "%d", !!(o & RASEO_IpHeaderCompression));
	kv_set(&kv[K_SWC], NULL, "%d", !!(o & RASEO_SwCompression));
	spec = o & RASEO_SpecificIpAddr;
	p = spec && (!e->ipaddr.a || e->ipaddr.a >= 224) ?
	    "ipaddr: a unicast IPv4 address" : NULL;
	kv_addr(&kv[K_IPADDR], &e->ipaddr, p);
	kv_set(&kv[K_IPASSIGN], p, "%d", spec ? 2 : 1);
	kv_addr(&kv[K_DNS], &e->ipaddrDns, NULL);
	kv_addr(&kv[K_DNS2], &e->ipaddrDnsAlt, NULL);
	kv_addr(&kv[K_WINS], &e->ipaddrWins, NULL);
	kv_addr(&kv[K_WINS2], &e->ipaddrWinsAlt, NULL);
	kv_set(&kv[K_NAMEASSIGN], NULL, "%d",
	       o & RASEO_SpecificNameServers ? 2 : 1);
	kv_set(&kv[K_EXCL], e->dwfNetProtocols & RASNP_Ip ? NULL :
	       "dwfNetProtocols: a .pbk entry always has RASNP_Ip",
	       "%u", (RASNP_Ip | RASNP_Ipv6) & ~e->dwfNetProtocols);
	et = e->dwIdleDisconnectSeconds == RASIDS_Disabled ? 0 :
	     e->dwIdleDisconnectSeconds;
	kv_set(&kv[K_IDLE], et > 0x7fffffff ? bad_num : NULL, "%u", et);
	kv_set(&kv[K_REDIAL], e->dwRedialCount > 0x7fffffff ? bad_num : NULL,
	       "%u", e->dwRedialCount);
	kv_set(&kv[K_PAUSE], e->dwRedialPause > 0x7fffffff ? bad_num : NULL,
	       "%u", e->dwRedialPause);

	/* The link and its device. */
	p = modem ? "modem" : serial ? "null" : vpn ? "vpn" :
	    is_type(e, RASDT_PPPoE) ? "PPPoE" : e->szDeviceType;
	kv_set(&kv[K_DEVTYPE], modem || serial || vpn ? NULL :
	       "szDeviceType: modem, SERIAL or vpn in a .pbk phone book",
	       "%s", p);
	if (modem || serial) {
		kv_set(&kv[K_MEDIA], NULL, "serial");
		if (tty_name(e->szDeviceName, dev, sizeof(kv[K_PORT].v)))
			kv_set(&kv[K_PORT], NULL, "%s", dev);
		else
			kv_set(&kv[K_PORT], "szDeviceName: a tty (ttyUSB0, /dev/ttyS0, COM1)",
			       "%s", e->szDeviceName);
		kv[K_DEVNAME] = kv[K_PORT];
		rasdial_port_device(e->szDeviceName, dev, sizeof(dev));
		/* A cable or a pseudo-terminal: no modem lines to wait for. */
		if (serial || is_pty(dev))
			kv_set(&kv[K_LOCAL], NULL, "1");
		if (is_pty(dev))
			kv_set(&kv[K_HWFLOW], NULL, "0");
	} else if (vpn) {
		kv_set(&kv[K_MEDIA], NULL, "rastapi");
		kv_set(&kv[K_DEVNAME], NULL, "%s", e->szDeviceName[0] ?
		       e->szDeviceName : RASDIAL_L2TP_DEVICE_NAME);
	} else {
		kv_set(&kv[K_DEVNAME], kv[K_DEVTYPE].why, "%s", e->szDeviceName);
	}

	p = e->szLocalPhoneNumber;
	if (vpn) {
		kv_set(&kv[K_LAC], *p && strlen(p) < 64 &&
		       strspn(p, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
			      "0123456789_.-") == strlen(p) ? NULL :
		       "szLocalPhoneNumber: the xl2tpd LAC name of a VPN entry",
		       "%s", p);
	} else {
		kv_set(&kv[K_PHONE], (modem && (!*p || !rasdial_phone_ok(p))) ||
		       strpbrk(p, "'\"\\`") ?
		       "szLocalPhoneNumber: 1..128 dial characters (0-9 * # + , - . ( ) ! @ ; / A-D P T W space)"
		       : NULL, "%s", p);
	}
	kv_set(&kv[K_AREA], strspn(e->szAreaCode, "0123456789") ==
	       strlen(e->szAreaCode) ? NULL : "szAreaCode: digits only",
	       "%s", e->szAreaCode);
	kv_set(&kv[K_CC], e->dwCountryCode > 0x7fffffff ? bad_num : NULL,
	       "%u", e->dwCountryCode);
	kv_set(&kv[K_CID], e->dwCountryID > 0x7fffffff ? bad_num : NULL,
	       "%u", e->dwCountryID);
	kv_set(&kv[K_RULES], NULL, "%d", !!(o & RASEO_UseCountryAndAreaCodes));

	for (i = 0; i < K_COUNT; i++)
		if (kv[i].set && !kv[i].why && !text_ok(kv[i].v))
			kv[i].why = "a string with a control character, "
				    "invalid UTF-8 or white space at an end";
}

bool rasdial_pbk_name_ok(const char *name)
{
	size_t n;
	const char *p;

	if (!name || !name[0])
		return false;
	n = strlen(name);
	if (n > RAS_MaxEntryName || pbk_blank(name[0]) || pbk_blank(name[n - 1]))
		return false;
	for (p = name; *p; p++)
		if ((unsigned char)*p < 0x20 || *p == 0x7f || *p == '[' ||
		    *p == ']')
			return false;
	return true;
}

bool rasdial_pbk_book(const char *book)
{
	return book && book[0] && rasdial_pbk_is_file(book);
}

DWORD rasdial_pbk_get_entry(const char *book, const char *name, RASENTRYA *e)
{
	struct book b;
	DWORD ret;
	long s;

	ret = pbk_book_load(book, false, &b);
	if (!ret) {
		s = name ? pbk_find_section(&b, name) : -1;
		if (s < 0)
			ret = ERROR_CANNOT_FIND_PHONEBOOK_ENTRY;
		else
			section_entry(&b, s, e);
	}
	pbk_book_free(&b);
	return ret;
}

/* A new section NAME with keys KV at the end of the file. */
static void put_new_section(struct out *o, const struct book *b,
			    const char *name, const struct kv *kv)
{
	const char *eol = b->crlf ? "\r\n" : "\n";
	size_t k;

	pbk_out_add(o, b->buf, b->len);
	if (b->len && b->buf[b->len - 1] != '\n')
		pbk_out_str(o, eol);
	if (b->nl && !pbk_line_blank(b, &b->l[b->nl - 1]))
		pbk_out_str(o, eol);
	pbk_out_str(o, "[");
	pbk_out_str(o, name);
	pbk_out_str(o, "]");
	pbk_out_str(o, eol);
	pbk_out_line(o, b, "Encoding", "1");
	for (k = 0; k < K_COUNT; k++) {
		if (k == K_MEDIA || k == K_DEVTYPE)
			pbk_out_str(o, eol);
		if (kv[k].set)
			pbk_out_line(o, b, pbk_key_names[k], kv[k].v);
	}
	pbk_out_str(o, eol);
}

DWORD rasdial_pbk_set_entry(const char *book, const char *name,
			    const RASENTRYA *e)
{
	struct kv *ko = NULL, *kn = NULL;
	long at[K_COUNT], s;
	bool write[K_COUNT] = { false }, any = false, empty;
	RASENTRYA old, want;
	struct out o = { 0 };
	struct book b;
	size_t i, k, end, last;
	DWORD ret;

	if (!rasdial_pbk_name_ok(name))
		return ERROR_INVALID_NAME;
	ret = pbk_book_load(book, true, &b);
	if (ret)
		goto out;
	s = pbk_find_section(&b, name);
	section_entry(&b, s, &old);
	/* Fields beyond an older dwSize keep what the section says. */
	want = old;
	memcpy(&want, e, e->dwSize);
	want.dwSize = sizeof(want);
	ret = rasdial_entry_check(&want, true);
	if (ret)
		goto out;
	if (s < 0 && !want.szDeviceType[0]) {
		rasdial_detail_set("szDeviceType is empty");
		ret = ERROR_INVALID_PARAMETER;
		goto out;
	}
	ko = calloc(K_COUNT, sizeof(*ko));
	kn = calloc(K_COUNT, sizeof(*kn));
	ret = ERROR_NOT_ENOUGH_MEMORY;
	if (!ko || !kn)
		goto out;
	keys_of(&old, ko);
	keys_of(&want, kn);
	for (k = 0; k < K_COUNT; k++) {
		write[k] = kn[k].set && (s < 0 || !ko[k].set ||
					 strcmp(ko[k].v, kn[k].v));
		any |= write[k];
	}
	/* Encryption depends on the methods left. */
	if (write[K_AUTH] && kn[K_ENC].why)
		write[K_ENC] = true;
	for (k = 0; k < K_COUNT; k++) {
		if (write[k] && kn[k].why) {
			rasdial_detail_set(kn[k].why);
			ret = ERROR_INVALID_PARAMETER;
			goto out;
		}
	}
	ret = ERROR_SUCCESS;
	if (!any)
		goto out;
	if (s < 0) {
		put_new_section(&o, &b, name, kn);
		ret = pbk_book_store(&b, &o, name);
		goto out;
	}

	/* In place: the line each key is read from, else appended. */
	end = pbk_section_end(&b, (size_t)s);
	last = pbk_last_key(&b, (size_t)s);
	for (k = 0; k < K_COUNT; k++)
		at[k] = write[k] ? pbk_key_line(&b, s, (enum key_id)k, &empty) : -1;
	pbk_out_add(&o, b.buf, b.nl ? b.l[0].start : b.len);
	for (i = 0; i < b.nl; i++) {
		const struct line *l = &b.l[i];
		bool done = false;

		for (k = 0; k < K_COUNT && i > (size_t)s && i < end; k++) {
			/* An empty value empties every line of the key, or
			 * the reader would find a later one. */
			if (!write[k] || !pbk_line_has(&b, l, (enum key_id)k) ||
			    (at[k] != (long)i &&
			     (kn[k].v[0] || l->v1 == l->v0)))
				continue;
			pbk_out_add(&o, b.buf + l->start, l->v0 - l->start);
			pbk_out_str(&o, kn[k].v);
			pbk_out_add(&o, b.buf + l->v1, l->next - l->v1);
			done = true;
			break;
		}
		if (!done)
			pbk_out_add(&o, b.buf + l->start, l->next - l->start);
		if (i != last)
			continue;
		if (b.buf[l->next - 1] != '\n')	/* the file's last line */
			pbk_out_str(&o, b.crlf ? "\r\n" : "\n");
		for (k = 0; k < K_COUNT; k++)
			if (write[k] && at[k] < 0)
				pbk_out_line(&o, &b, pbk_key_names[k], kn[k].v);
	}
	ret = pbk_book_store(&b, &o, name);
out:
	free(o.p);
	free(ko);
	free(kn);
	pbk_book_free(&b);
	return ret;
}

DWORD rasdial_pbk_delete_entry(const char *book, const char *name)
{
	struct out o = { 0 };
	struct book b;
	size_t end, last;
	DWORD ret;
	long s;

	ret = pbk_book_load(book, false, &b);
	if (ret)
		goto out;
	s = rasdial_pbk_name_ok(name) ? pbk_find_section(&b, name) : -1;
	if (s < 0) {
		ret = ERROR_CANNOT_FIND_PHONEBOOK_ENTRY;
		goto out;
	}
	/* The header to the last key, and the blank lines after it;
	 * comments after the last key stay (they may be the next one's). */
	end = pbk_section_end(&b, (size_t)s);
	last = pbk_last_key(&b, (size_t)s);
	for (end = last + 1; end < b.nl && pbk_line_blank(&b, &b.l[end]); end++)
		;
	pbk_out_add(&o, b.buf, b.l[s].start);
	if (end < b.nl)
		pbk_out_add(&o, b.buf + b.l[end].start, b.len - b.l[end].start);
	ret = pbk_book_store(&b, &o, NULL);
out:
	free(o.p);
	pbk_book_free(&b);
	return ret;
}

DWORD rasdial_pbk_rename_entry(const char *book, const char *from,
			       const char *to)
{
	struct out o = { 0 };
	struct book b;
	const struct line *l;
	DWORD ret;
	long s, t;

	ret = pbk_book_load(book, false, &b);
	if (ret)
		goto out;
	s = rasdial_pbk_name_ok(from) ? pbk_find_section(&b, from) : -1;
	if (s < 0) {
		ret = ERROR_CANNOT_FIND_PHONEBOOK_ENTRY;
		goto out;
	}
	if (!rasdial_pbk_name_ok(to)) {
		ret = ERROR_INVALID_NAME;
		goto out;
	}
	t = pbk_find_section(&b, to);
	if (t >= 0 && t != s) {
		ret = ERROR_ALREADY_EXISTS;
		goto out;
	}
	l = &b.l[s];
	if (pbk_span_is(&b, l->a0, l->a1, to, true))
		goto out;		/* its own name: nothing to do */
	pbk_out_add(&o, b.buf, l->a0);
	pbk_out_str(&o, to);
	pbk_out_add(&o, b.buf + l->a1, b.len - l->a1);
	ret = pbk_book_store(&b, &o, to);
out:
	free(o.p);
	pbk_book_free(&b);
	return ret;
}
