/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * options.h: the plugin's pppd options, parsed after plugin_init (pppd
 * reads them once every plugin has loaded): only stored, read later.
 */
#ifndef RASDIAL_PLUGIN_OPTIONS_H
#define RASDIAL_PLUGIN_OPTIONS_H

#include <stdint.h>

#include <linux/rasdial.h>

/* RAS_MaxPhoneNumber; only dial-string characters (rasdial_phone_ok). */
#define RASDIAL_PHONE_MAX	128

struct rasdial_opts {
	uint32_t conn;				/* rasdial-conn; 0: self-register */
	char entry[RASDIAL_ENTRY_MAX + 1];	/* rasdial-entry: adopt by name */
	uint32_t adopt_uid;			/* rasdial-adopt-user, when set */
	int adopt_uid_set;
	int cb_timeout;				/* s; 0: no ACKs */
	char device_type[RASDIAL_DEVICE_TYPE_MAX + 1];
	char phone[RASDIAL_PHONE_MAX + 1];	/* rasdial-phone, for \T */
	int chat_report;			/* rasdial-chat-report: wrap chat */
};

extern struct rasdial_opts rasdial_opt;

/* Hands pppd the option table (plugin_init). */
void rasdial_options_add(void);

#endif /* RASDIAL_PLUGIN_OPTIONS_H */
