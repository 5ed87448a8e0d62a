/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * credentials.h: the saved credentials (cred_store.c), for the API of
 * credentials.c.
 */
#ifndef RASDIAL_CREDENTIALS_H
#define RASDIAL_CREDENTIALS_H

#include "internal.h"

#define CRED_FIELDS	(RASCM_UserName | RASCM_Password | RASCM_Domain)

/* What Windows' RasGetCredentials puts in szPassword instead of the
 * password: RasDial and RasSetCredentials take it as "the saved one". */
extern const char rasdial_pw_handle[];

struct cred {
	char *book, *entry;
	DWORD mask;
	char user[UNLEN + 1];
	char password[PWLEN + 1];
	char domain[DNLEN + 1];
};

/* The saved credentials of ENTRY into C (fields "" and mask 0 when none). */
DWORD rasdial_creds_get(const char *phonebook, const char *entry,
			struct cred *c);
/* Saves the fields of IN named by SET, forgets those named by CLEAR. */
DWORD rasdial_creds_set(const char *phonebook, const char *entry,
			const struct cred *in, DWORD set, DWORD clear);

#endif /* RASDIAL_CREDENTIALS_H */
