/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * phonebook.h: Windows phone book files (rasphone.pbk, an INI file) read
 * as pppd options.  Internal to librasdial; tests include it with -I shim.
 * The keys honoured are listed in phonebook.c (and the README).
 */
#ifndef RASDIAL_PHONEBOOK_H
#define RASDIAL_PHONEBOOK_H

#include <stdbool.h>
#include <stddef.h>
#include <limits.h>

#include "internal.h"

/* Hard limits: a file beyond them is ERROR_CORRUPT_PHONEBOOK. */
#define RASDIAL_PBK_MAX_SIZE		(1u << 20)	/* bytes */
#define RASDIAL_PBK_MAX_LINE		4096		/* bytes, without EOL */
#define RASDIAL_PBK_MAX_SECTIONS	4096

/* The longest value kept for a honoured key (LinuxConnect), a port. */
#define RASDIAL_PBK_MAX_VALUE		1024
#define RASDIAL_PBK_MAX_PORT		256

/* Not set in the file. */
#define RASDIAL_PBK_UNSET		(-1L)

/* One [section]: the honoured keys, as found (first value wins). */
struct rasdial_pbk_entry {
	char name[RAS_MaxEntryName + 1];
	unsigned int line;			/* of the [section] header */
	char media[32];				/* MEDIA */
	char device_type[32];			/* DEVICE */
	char port[RASDIAL_PBK_MAX_PORT];	/* Port */
	char device[RASDIAL_PBK_MAX_PORT];	/* Device */
	char preferred_port[RASDIAL_PBK_MAX_PORT];	/* PreferredPort */
	char phone[RAS_MaxPhoneNumber + 1];	/* PhoneNumber */
	char ip_address[16];			/* IpAddress */
	char connect[RASDIAL_PBK_MAX_VALUE];	/* LinuxConnect */
	long speed;				/* ConnectBPS, PreferredBps */
	long auth;				/* AuthRestrictions */
	long encryption;			/* DataEncryption */
	long hw_flow;				/* HwFlowControl */
	long prioritize_remote;			/* IpPrioritizeRemote */
	long ip_assign;				/* IpAssign */
	long header_compression;		/* IpHeaderCompression */
	long sw_compression;			/* SwCompression */
	long idle;				/* IdleDisconnectSeconds */
	long local;				/* LinuxLocal */
	long lock;				/* LinuxLock */
	char l2tp_lac[64];			/* LinuxL2tpLac */
	char l2tp_control[108];			/* LinuxL2tpControl */
	long l2tp_timeout;			/* LinuxL2tpTimeout */
};

struct rasdial_pbk {
	struct rasdial_pbk_entry *v;
	size_t n;
};

/*
 * Parses LEN bytes of a phone book (NAME is used in error messages).
 * ERROR_SUCCESS with PBK filled (free it with rasdial_pbk_free), or
 * ERROR_CORRUPT_PHONEBOOK / ERROR_NOT_ENOUGH_MEMORY with PBK empty; the
 * reason ("NAME:LINE: ...") goes to DETAIL when given.
 */
DWORD rasdial_pbk_parse(const char *buf, size_t len, const char *name,
			struct rasdial_pbk *pbk, char *detail, size_t dsize);

/* Reads and parses PATH: also ERROR_CANNOT_OPEN_PHONEBOOK. */
DWORD rasdial_pbk_load(const char *path, struct rasdial_pbk *pbk,
		       char *detail, size_t dsize);

void rasdial_pbk_free(struct rasdial_pbk *pbk);

/* The entry named NAME (ASCII case ignored, as on Windows), or NULL. */
const struct rasdial_pbk_entry *rasdial_pbk_find(const struct rasdial_pbk *pbk,
						 const char *name);

/* pppd's arguments for one entry; strings point into the struct. */
#define RASDIAL_PBK_MAX_ARGS	40
struct rasdial_pbk_args {
	const char *argv[RASDIAL_PBK_MAX_ARGS + 1];	/* NULL-terminated */
	int argc;
	char entry[RAS_MaxEntryName + 1];	/* the section's own spelling */
	char device[PATH_MAX];
	char speed[24];
	char connect[RASDIAL_PBK_MAX_VALUE + 512];
	char local_ip[24];
	char idle[24];
	/* DEVICE=vpn with LinuxL2tpLac: xl2tpd dials, argv is empty. */
	bool is_l2tp;
	struct rasdial_l2tp l2tp;
};

/*
 * The pppd options for entry E: PHONE, when not empty, is the number to
 * dial instead of the entry's (RASDIALPARAMS' szPhoneNumber).  Errors:
 * ERROR_BAD_PHONE_NUMBER (PHONE has characters chat cannot take),
 * ERROR_DEVICETYPE_DOES_NOT_EXIST (a PPPoE/ISDN... entry, a VPN entry
 * without LinuxL2tpLac; with it, A->is_l2tp and A->l2tp instead of argv),
 * ERROR_DEVICE_DOES_NOT_EXIST (no Linux device for the port),
 * ERROR_CORRUPT_PHONEBOOK (a value out of range).
 */
DWORD rasdial_pbk_args(const struct rasdial_pbk_entry *e, const char *phone,
		       struct rasdial_pbk_args *a, char *detail, size_t dsize);

/* Is PATH (not NULL) a phone book file rather than a peers directory? */
bool rasdial_pbk_is_file(const char *path);

/*
 * RasDial's part: loads PATH, finds ENTRY, builds its options in A.
 * ERROR_CANNOT_OPEN_PHONEBOOK, ERROR_CORRUPT_PHONEBOOK,
 * ERROR_CANNOT_FIND_PHONEBOOK_ENTRY or an error of rasdial_pbk_args;
 * the reason is also in rasdial_last_detail().
 */
DWORD rasdial_pbk_dial_args(const char *path, const char *entry,
			    const char *phone, struct rasdial_pbk_args *a);

/*
 * pbk_write.c: a section of a .pbk phone book as a RASENTRY, for
 * RasGetEntryProperties, RasSetEntryProperties, RasDeleteEntry,
 * RasRenameEntry and RasValidateEntryName (entry_props.c calls them when
 * rasdial_pbk_book(BOOK) says BOOK is a .pbk file).  E is the newest
 * layout for Get; for Set, a RASENTRYA of any accepted dwSize (fields
 * beyond it keep what the section says).  Errors as on Windows:
 * ERROR_CANNOT_FIND_PHONEBOOK_ENTRY, ERROR_ALREADY_EXISTS,
 * ERROR_INVALID_NAME, ERROR_INVALID_PARAMETER (a value the section or
 * the dial cannot hold; the reason in rasdial_last_detail()),
 * ERROR_CANNOT_OPEN_PHONEBOOK, ERROR_CORRUPT_PHONEBOOK and the errors of
 * rasdial_entry_write().
 */
bool rasdial_pbk_book(const char *book);
bool rasdial_pbk_name_ok(const char *name);
DWORD rasdial_pbk_get_entry(const char *book, const char *name, RASENTRYA *e);
DWORD rasdial_pbk_set_entry(const char *book, const char *name,
			    const RASENTRYA *e);
DWORD rasdial_pbk_delete_entry(const char *book, const char *name);
DWORD rasdial_pbk_rename_entry(const char *book, const char *from,
			       const char *to);

/* devices.c: what RasEnumDevices lists (modems, then PPPoE, then VPN). */
#define RASDIAL_L2TP_DEVICE_NAME	"WAN Miniport (L2TP)"
struct rasdial_device {
	char type[RAS_MaxDeviceType + 1];
	char name[RAS_MaxDeviceName + 1];
	dev_t rdev;				/* ttys: the device number */
};
/* ERROR_SUCCESS with *V (free it) and *N, or ERROR_NOT_ENOUGH_MEMORY. */
DWORD rasdial_devices_list(struct rasdial_device **v, size_t *n);
/* A tty device number a modem can be behind (pty slaves included). */
bool rasdial_tty_major_ok(unsigned int major, unsigned int minor);

/* entries.c: may NAME be a peers file that RasEnumEntries lists? */
bool rasdial_peers_name_ok(const char *name);
/* phonebook.c: the /dev path of a Port/Device value (COMn, ttyS0,
 * /dev/ttyUSB0), or false for what is no Linux tty name. */
bool rasdial_port_device(const char *v, char *out, size_t size);
/* phonebook.c: characters a modem dials and chat takes inside '...'. */
bool rasdial_phone_ok(const char *s);

#endif /* RASDIAL_PHONEBOOK_H */
