/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Helpers shared by the host suites (tests/host/): RASENTRYA set-up
 * and the A calls on a phone book, and the text Windows writes for a
 * modem link in a .pbk section.
 */
#ifndef RASDIAL_TESTS_HOSTTEST_H
#define RASDIAL_TESTS_HOSTTEST_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <rasdial/ras.h>

/*
 * A suite that checks what the calls give without rasdial.ko (711, as
 * documented for RASDIAL_RELAY=kernel) asks for the kernel relay: on a
 * host without the module the default would relay directly
 * (tests/host/direct_relay.c tests that).  Before main: every test's
 * process inherits it.
 */
#define HT_KERNEL_RELAY_ONLY()						\
	static void __attribute__((constructor)) ht_kernel_relay(void)	\
	{								\
		setenv("RASDIAL_RELAY", "kernel", 1);			\
	}

/*
 * A .pbk section's tail as Windows writes it for a modem on COM1 dialing
 * 555-1234: the NETCOMPONENTS, MEDIA=serial and DEVICE=modem blocks, up
 * to AreaCode (the section's own keys come before it, more phone keys may
 * follow).
 */
#define HT_PBK_COM1_MODEM \
	"NETCOMPONENTS=\r\n" \
	"ms_server=0\r\n" \
	"\r\n" \
	"MEDIA=serial\r\n" \
	"Port=COM1\r\n" \
	"Device=Standard 56000 bps Modem\r\n" \
	"ConnectBPS=115200\r\n" \
	"\r\n" \
	"DEVICE=modem\r\n" \
	"PhoneNumber=555-1234\r\n" \
	"AreaCode=\r\n"

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
