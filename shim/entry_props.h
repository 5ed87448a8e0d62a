/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * entry_props.h: what the entry property files share.  entry_set.c
 * (RasSetEntryProperties) builds on entry_get.c (the peers file reader,
 * RasGetEntryProperties), both on entry_files.c (names, the peers
 * directory, an entry's file).
 */
#ifndef RASDIAL_ENTRY_PROPS_H
#define RASDIAL_ENTRY_PROPS_H

#include <stdbool.h>
#include <stddef.h>
#include <netinet/in.h>
#include <sys/stat.h>
#include "internal.h"

#define PEERS_MAX_SIZE	(256 * 1024)
#define TOKEN_MAX	1024

/* pppd's refuse-* methods, as bits. */
#define AUTH_PAP	0x01
#define AUTH_CHAP	0x02
#define AUTH_MSCHAP	0x04
#define AUTH_MSCHAP2	0x08
#define AUTH_EAP	0x10
#define AUTH_ALL	0x1f

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

/* The strings of a RASENTRY (converted A <-> W) and the other fields. */
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

/* entry_files.c */
bool rasdial_entry_name_ok(const char *name);
DWORD rasdial_entry_open_book(const char *book, int *dfd);
DWORD rasdial_entry_errno(int e);
bool rasdial_entry_exists(int dfd, const char *name);
DWORD rasdial_entry_w_args(LPCWSTR book, LPCWSTR a, LPCWSTR b, char **ubook,
			   char **ua, char **ub);
DWORD rasdial_entry_read(int dfd, const char *name, char **buf, size_t *len,
			 struct stat *st, bool *exists);
DWORD rasdial_entry_write(int dfd, const char *name, const char *data,
			  size_t len, const struct stat *old);

/* entry_set.c */
DWORD rasdial_entry_check(const RASENTRYA *e, bool fixed_dns);

/* entry_get.c */
struct peers {
	const char *p, *end;
};

bool rasdial_peers_word_at(struct peers *s, char *w, size_t size, bool *cut,
			   const char **at);
bool rasdial_peers_word(struct peers *s, char *w, size_t size, bool *cut);
bool rasdial_peers_takes_arg(const char *opt);
void rasdial_entry_set_str(char *dst, size_t size, const char *src);
bool rasdial_peers_addr_word(const char *w, struct in_addr *a);
bool rasdial_peers_tty_word(const char *w);
bool rasdial_peers_pppoe_plugin(const char *arg);
DWORD rasdial_peers_parse(const char *buf, size_t len, RASENTRYA *e);
DWORD rasdial_entry_conv(RASENTRYA *a, RASENTRYW *w, bool to_w);

#endif /* RASDIAL_ENTRY_PROPS_H */
