/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Helpers shared by the host suites (tests/host/): RASENTRYA set-up
 * and the A calls on a phone book.
 */
#ifndef RASDIAL_TESTS_HOSTTEST_H
#define RASDIAL_TESTS_HOSTTEST_H

#include <stdio.h>
#include <string.h>

#include <rasdial/ras.h>

/* A cleared *E for a modem entry on DEV dialing NUMBER, as a Windows
 * dialer fills one in (IP, PPP, compression, the peer's gateway). */
static inline void ht_modem_entry(RASENTRYA *e, const char *dev,
				  const char *number)
{
	memset(e, 0, sizeof(*e));
	e->dwSize = sizeof(*e);
	e->dwfOptions = RASEO_IpHeaderCompression | RASEO_SwCompression |
			RASEO_RemoteDefaultGateway;
	e->dwfNetProtocols = RASNP_Ip;
	e->dwFramingProtocol = RASFP_Ppp;
	e->dwType = RASET_Phone;
	e->dwEncryptionType = ET_Optional;
	snprintf(e->szDeviceType, sizeof(e->szDeviceType), "%s", RASDT_Modem);
	snprintf(e->szDeviceName, sizeof(e->szDeviceName), "%s", dev);
	snprintf(e->szLocalPhoneNumber, sizeof(e->szLocalPhoneNumber), "%s",
		 number);
}

/* RasGetEntryPropertiesA of NAME in PHONEBOOK (a .pbk or a peers
 * directory) into a cleared *E. */
static inline DWORD ht_get_a(const char *phonebook, const char *name,
			     RASENTRYA *e)
{
	DWORD cb = sizeof(*e);

	memset(e, 0, sizeof(*e));
	e->dwSize = sizeof(*e);
	return RasGetEntryPropertiesA(phonebook, name, e, &cb, NULL, NULL);
}

/* RasSetEntryPropertiesA of NAME in PHONEBOOK from *E, no device info. */
static inline DWORD ht_set_a(const char *phonebook, const char *name,
			     RASENTRYA *e)
{
	return RasSetEntryPropertiesA(phonebook, name, e, sizeof(*e), NULL, 0);
}

#endif /* RASDIAL_TESTS_HOSTTEST_H */
