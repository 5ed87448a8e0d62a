/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * ras.h: the Win32 Remote Access Service client API for Linux (librasdial).
 *
 * Names, values and structure layouts are those of the Windows SDK's ras.h:
 * the structures are packed to 4 bytes and grow with WINVER exactly as the
 * SDK's do, so dwSize tells the library which layout a program was built
 * with.  WINVER defaults to 0x0600 (Windows Vista) when the including
 * program does not set it.  The char ("A") variants take UTF-8, the
 * WCHAR ("W") ones UTF-16; the unsuffixed names map to the W ones when
 * UNICODE is defined, else to the A ones.
 */
#ifndef _RASDIAL_RAS_H_
#define _RASDIAL_RAS_H_

#include <stdint.h>
#include <netinet/in.h>

#ifndef WINVER
#define WINVER 0x0600
#endif

#ifdef __cplusplus
extern "C" {
#endif

/* Windows base types, unless a Windows compatibility layer gave them. */
#ifndef _RASDIAL_WINTYPES_
#define _RASDIAL_WINTYPES_
#ifndef VOID
#define VOID void
#endif
#ifndef WINAPI
#define WINAPI
#endif
#ifndef APIENTRY
#define APIENTRY WINAPI
#endif
#ifndef DECLARE_HANDLE
#define DECLARE_HANDLE(name) struct name##__ { int unused; }; \
	typedef struct name##__ *name
#endif
typedef uint32_t DWORD;
typedef int32_t LONG;
typedef int BOOL;
typedef unsigned int UINT;
typedef unsigned char BYTE;
typedef char CHAR;
typedef void *HANDLE;
typedef void *LPVOID;
typedef uintptr_t ULONG_PTR;
typedef DWORD *LPDWORD;
typedef CHAR *LPSTR;
typedef const CHAR *LPCSTR;
/* UTF-16 code unit, as on Windows (not Linux's 32-bit wchar_t). */
typedef uint16_t WCHAR;
typedef WCHAR *LPWSTR;
typedef const WCHAR *LPCWSTR;
DECLARE_HANDLE(HWND);

typedef struct _GUID {
	uint32_t Data1;
	uint16_t Data2;
	uint16_t Data3;
	uint8_t Data4[8];
} GUID;

typedef struct _LUID {
	DWORD LowPart;
	LONG HighPart;
} LUID;
#endif /* _RASDIAL_WINTYPES_ */

/* RasConnectionNotification: every connection. */
#ifndef INVALID_HANDLE_VALUE
#define INVALID_HANDLE_VALUE ((HANDLE)(intptr_t)-1)
#endif

#ifndef MAX_PATH
#define MAX_PATH 260
#endif
#ifndef UNLEN
#define UNLEN 256
#endif
#ifndef PWLEN
#define PWLEN 256
#endif
#ifndef DNLEN
#define DNLEN 15
#endif

/* C99 has no anonymous unions; GCC and clang accept them quietly here. */
#if defined(__GNUC__) && !defined(__cplusplus)
#define RASDIAL_EXTENSION __extension__
#else
#define RASDIAL_EXTENSION
#endif

/* Exported from librasdial (built with -fvisibility=hidden). */
#if defined(__GNUC__) && !defined(RASDIAL_API)
#define RASDIAL_API __attribute__((visibility("default")))
#elif !defined(RASDIAL_API)
#define RASDIAL_API
#endif

#pragma pack(push, 4)

#define RAS_MaxDeviceType	16
#define RAS_MaxPhoneNumber	128
#define RAS_MaxIpAddress	15
#define RAS_MaxIpxAddress	21
#if (WINVER >= 0x400)
#define RAS_MaxEntryName	256
#define RAS_MaxDeviceName	128
#define RAS_MaxCallbackNumber	RAS_MaxPhoneNumber
#else
#define RAS_MaxEntryName	20
#define RAS_MaxDeviceName	32
#define RAS_MaxCallbackNumber	48
#endif
#define RAS_MaxAreaCode		10
#define RAS_MaxPadType		32
#define RAS_MaxX25Address	200
#define RAS_MaxFacilities	200
#define RAS_MaxUserData		200
#define RAS_MaxReplyMessage	1024
#define RAS_MaxDnsSuffix	256
#define RAS_MaxIDSize		256

/* A connection handle: the kernel's connection id, the same in every
 * process that looks at the link. */
DECLARE_HANDLE(HRASCONN);
typedef HRASCONN *LPHRASCONN;

#if (WINVER >= 0x600)
typedef struct in_addr RASIPV4ADDR;
typedef struct in6_addr RASIPV6ADDR;
#endif

#if (WINVER >= 0x601)
#define RASTUNNELENDPOINT_UNKNOWN	0
#define RASTUNNELENDPOINT_IPv4		1
#define RASTUNNELENDPOINT_IPv6		2

typedef struct tagRASTUNNELENDPOINT {
	DWORD dwType;
	RASDIAL_EXTENSION union {
		RASIPV4ADDR ipv4;
		RASIPV6ADDR ipv6;
	};
} RASTUNNELENDPOINT;
#endif

#if (WINVER >= 0x501)
#define RASCF_AllUsers		0x00000001
#define RASCF_GlobalCreds	0x00000002
#define RASCF_OwnerKnown	0x00000004
#define RASCF_OwnerMatch	0x00000008
#define RASCF_IsOwner(f) \
	(((f) & (RASCF_OwnerKnown | RASCF_OwnerMatch)) == (RASCF_OwnerKnown | RASCF_OwnerMatch))
#define RASCF_IsNotOwner(f) \
	(((f) & (RASCF_OwnerKnown | RASCF_OwnerMatch)) == RASCF_OwnerKnown)
#endif

/* One active connection (RasEnumConnections). */
typedef struct tagRASCONNA {
	DWORD dwSize;
	HRASCONN hrasconn;
	CHAR szEntryName[RAS_MaxEntryName + 1];
#if (WINVER >= 0x400)
	CHAR szDeviceType[RAS_MaxDeviceType + 1];
	CHAR szDeviceName[RAS_MaxDeviceName + 1];
#endif
#if (WINVER >= 0x401)
	CHAR szPhonebook[MAX_PATH];
	DWORD dwSubEntry;
#endif
#if (WINVER >= 0x500)
	GUID guidEntry;
#endif
#if (WINVER >= 0x501)
	DWORD dwFlags;
	LUID luid;
#endif
#if (WINVER >= 0x600)
	GUID guidCorrelationId;
#endif
} RASCONNA, *LPRASCONNA;

typedef struct tagRASCONNW {
	DWORD dwSize;
	HRASCONN hrasconn;
	WCHAR szEntryName[RAS_MaxEntryName + 1];
#if (WINVER >= 0x400)
	WCHAR szDeviceType[RAS_MaxDeviceType + 1];
	WCHAR szDeviceName[RAS_MaxDeviceName + 1];
#endif
#if (WINVER >= 0x401)
	WCHAR szPhonebook[MAX_PATH];
	DWORD dwSubEntry;
#endif
#if (WINVER >= 0x500)
	GUID guidEntry;
#endif
#if (WINVER >= 0x501)
	DWORD dwFlags;
	LUID luid;
#endif
#if (WINVER >= 0x600)
	GUID guidCorrelationId;
#endif
} RASCONNW, *LPRASCONNW;

/* Connection states (RasDial notifications, RasGetConnectStatus). */
#define RASCS_PAUSED	0x1000
#define RASCS_DONE	0x2000

typedef enum tagRASCONNSTATE {
	RASCS_OpenPort = 0,
	RASCS_PortOpened,
	RASCS_ConnectDevice,
	RASCS_DeviceConnected,
	RASCS_AllDevicesConnected,
	RASCS_Authenticate,
	RASCS_AuthNotify,
	RASCS_AuthRetry,
	RASCS_AuthCallback,
	RASCS_AuthChangePassword,
	RASCS_AuthProject,
	RASCS_AuthLinkSpeed,
	RASCS_AuthAck,
	RASCS_ReAuthenticate,
	RASCS_Authenticated,
	RASCS_PrepareForCallback,
	RASCS_WaitForModemReset,
	RASCS_WaitForCallback,
	RASCS_Projected,
#if (WINVER >= 0x400)
	RASCS_StartAuthentication,
	RASCS_CallbackComplete,
	RASCS_LogonNetwork,
#endif
	RASCS_SubEntryConnected,
	RASCS_SubEntryDisconnected,
#if (WINVER >= 0x601)
	RASCS_ApplySettings,
#endif
	RASCS_Interactive = RASCS_PAUSED,
	RASCS_RetryAuthentication,
	RASCS_CallbackSetByCaller,
	RASCS_PasswordExpired,
#if (WINVER >= 0x500)
	RASCS_InvokeEapUI,
#endif
	RASCS_Connected = RASCS_DONE,
	RASCS_Disconnected
} RASCONNSTATE, *LPRASCONNSTATE;

#if (WINVER >= 0x601)
#define RASCSS_DONE	0x2000

typedef enum tagRASCONNSUBSTATE {
	RASCSS_None = 0,
	RASCSS_Dormant,
	RASCSS_Reconnecting,
	RASCSS_Reconnected = RASCSS_DONE
} RASCONNSUBSTATE, *LPRASCONNSUBSTATE;
#endif

/* Status of one connection (RasGetConnectStatus). */
typedef struct tagRASCONNSTATUSA {
	DWORD dwSize;
	RASCONNSTATE rasconnstate;
	DWORD dwError;
	CHAR szDeviceType[RAS_MaxDeviceType + 1];
	CHAR szDeviceName[RAS_MaxDeviceName + 1];
#if (WINVER >= 0x401)
	CHAR szPhoneNumber[RAS_MaxPhoneNumber + 1];
#endif
#if (WINVER >= 0x601)
	RASTUNNELENDPOINT localEndPoint;
	RASTUNNELENDPOINT remoteEndPoint;
	RASCONNSUBSTATE rasconnsubstate;
#endif
} RASCONNSTATUSA, *LPRASCONNSTATUSA;

typedef struct tagRASCONNSTATUSW {
	DWORD dwSize;
	RASCONNSTATE rasconnstate;
	DWORD dwError;
	WCHAR szDeviceType[RAS_MaxDeviceType + 1];
	WCHAR szDeviceName[RAS_MaxDeviceName + 1];
#if (WINVER >= 0x401)
	WCHAR szPhoneNumber[RAS_MaxPhoneNumber + 1];
#endif
#if (WINVER >= 0x601)
	RASTUNNELENDPOINT localEndPoint;
	RASTUNNELENDPOINT remoteEndPoint;
	RASCONNSUBSTATE rasconnsubstate;
#endif
} RASCONNSTATUSW, *LPRASCONNSTATUSW;

/* What to dial (RasDial). */
typedef struct tagRASDIALPARAMSA {
	DWORD dwSize;
	CHAR szEntryName[RAS_MaxEntryName + 1];
	CHAR szPhoneNumber[RAS_MaxPhoneNumber + 1];
	CHAR szCallbackNumber[RAS_MaxCallbackNumber + 1];
	CHAR szUserName[UNLEN + 1];
	CHAR szPassword[PWLEN + 1];
	CHAR szDomain[DNLEN + 1];
#if (WINVER >= 0x401)
	DWORD dwSubEntry;
	ULONG_PTR dwCallbackId;
#endif
#if (WINVER >= 0x601)
	DWORD dwIfIndex;
#endif
#if (WINVER >= 0x602)
	LPSTR szEncPassword;
#endif
} RASDIALPARAMSA, *LPRASDIALPARAMSA;

typedef struct tagRASDIALPARAMSW {
	DWORD dwSize;
	WCHAR szEntryName[RAS_MaxEntryName + 1];
	WCHAR szPhoneNumber[RAS_MaxPhoneNumber + 1];
	WCHAR szCallbackNumber[RAS_MaxCallbackNumber + 1];
	WCHAR szUserName[UNLEN + 1];
	WCHAR szPassword[PWLEN + 1];
	WCHAR szDomain[DNLEN + 1];
#if (WINVER >= 0x401)
	DWORD dwSubEntry;
	ULONG_PTR dwCallbackId;
#endif
#if (WINVER >= 0x601)
	DWORD dwIfIndex;
#endif
#if (WINVER >= 0x602)
	LPWSTR szEncPassword;
#endif
} RASDIALPARAMSW, *LPRASDIALPARAMSW;

#if (WINVER >= 0x500)
typedef struct tagRASEAPINFO {
	DWORD dwSizeofEapInfo;
	BYTE *pbEapInfo;
} RASEAPINFO;
#endif

#if (WINVER >= 0x601)
typedef struct tagRASDEVSPECIFICINFO {
	DWORD dwSize;
	BYTE *pbDevSpecificInfo;
} RASDEVSPECIFICINFO, *PRASDEVSPECIFICINFO;
#endif

/* Extra dial options (RasDial). */
typedef struct tagRASDIALEXTENSIONS {
	DWORD dwSize;
	DWORD dwfOptions;
	HWND hwndParent;
	ULONG_PTR reserved;
#if (WINVER >= 0x500)
	ULONG_PTR reserved1;
	RASEAPINFO RasEapInfo;
#endif
#if (WINVER >= 0x601)
	BOOL fSkipPppAuth;
	RASDEVSPECIFICINFO RasDevSpecificInfo;
#endif
} RASDIALEXTENSIONS, *LPRASDIALEXTENSIONS;

#define RDEOPT_UsePrefixSuffix			0x00000001
#define RDEOPT_PausedStates			0x00000002
#define RDEOPT_IgnoreModemSpeaker		0x00000004
#define RDEOPT_SetModemSpeaker			0x00000008
#define RDEOPT_IgnoreSoftwareCompression	0x00000010
#define RDEOPT_SetSoftwareCompression		0x00000020
#define RDEOPT_DisableConnectedUI		0x00000040
#define RDEOPT_DisableReconnectUI		0x00000080
#define RDEOPT_DisableReconnect			0x00000100
#define RDEOPT_NoUser				0x00000200
#define RDEOPT_PauseOnScript			0x00000400
#define RDEOPT_Router				0x00000800
#if (WINVER >= 0x500)
#define RDEOPT_CustomDial			0x00001000
#endif
#if (WINVER >= 0x501)
#define RDEOPT_UseCustomScripting		0x00002000
#endif
#if (WINVER >= 0x603)
#define RDEOPT_InvokeAutoTriggerCredentialUI	0x00004000
#define RDEOPT_EapInfoCryptInCapable		0x00008000
#endif

#define REN_User	0x00000000
#define REN_AllUsers	0x00000001

/* One phone book entry name (RasEnumEntries). */
typedef struct tagRASENTRYNAMEA {
	DWORD dwSize;
	CHAR szEntryName[RAS_MaxEntryName + 1];
#if (WINVER >= 0x500)
	DWORD dwFlags;
	CHAR szPhonebookPath[MAX_PATH + 1];
#endif
} RASENTRYNAMEA, *LPRASENTRYNAMEA;

typedef struct tagRASENTRYNAMEW {
	DWORD dwSize;
	WCHAR szEntryName[RAS_MaxEntryName + 1];
#if (WINVER >= 0x500)
	DWORD dwFlags;
	WCHAR szPhonebookPath[MAX_PATH + 1];
#endif
} RASENTRYNAMEW, *LPRASENTRYNAMEW;

/* ---- Devices and phone book entries (RasEnumDevices,
 * RasGetEntryProperties, RasValidateEntryName, RasDeleteEntry,
 * RasSetEntryProperties, RasRenameEntry). */

/* The device type strings, as UTF-16 literals for W programs. */
#ifdef UNICODE
#define RASDIAL_DT_(s)	u##s
#else
#define RASDIAL_DT_(s)	s
#endif
#define RASDT_Modem		RASDIAL_DT_("modem")
#define RASDT_Isdn		RASDIAL_DT_("isdn")
#define RASDT_X25		RASDIAL_DT_("x25")
#define RASDT_Vpn		RASDIAL_DT_("vpn")
#define RASDT_Pad		RASDIAL_DT_("pad")
#define RASDT_Generic		RASDIAL_DT_("GENERIC")
#define RASDT_Serial		RASDIAL_DT_("SERIAL")
#define RASDT_FrameRelay	RASDIAL_DT_("FRAMERELAY")
#define RASDT_Atm		RASDIAL_DT_("ATM")
#define RASDT_Sonet		RASDIAL_DT_("SONET")
#define RASDT_SW56		RASDIAL_DT_("SW56")
#define RASDT_Irda		RASDIAL_DT_("IRDA")
#define RASDT_Parallel		RASDIAL_DT_("PARALLEL")
#define RASDT_PPPoE		RASDIAL_DT_("PPPoE")

/* One device an entry can dial through (RasEnumDevices). */
typedef struct tagRASDEVINFOA {
	DWORD dwSize;
	CHAR szDeviceType[RAS_MaxDeviceType + 1];
	CHAR szDeviceName[RAS_MaxDeviceName + 1];
} RASDEVINFOA, *LPRASDEVINFOA;

typedef struct tagRASDEVINFOW {
	DWORD dwSize;
	WCHAR szDeviceType[RAS_MaxDeviceType + 1];
	WCHAR szDeviceName[RAS_MaxDeviceName + 1];
} RASDEVINFOW, *LPRASDEVINFOW;

typedef struct RASIPADDR {
	BYTE a;
	BYTE b;
	BYTE c;
	BYTE d;
} RASIPADDR;

#if (WINVER >= 0x602)
typedef enum {
	IKEV2_ID_PAYLOAD_TYPE_INVALID = 0,
	IKEV2_ID_PAYLOAD_TYPE_IPV4_ADDR = 1,
	IKEV2_ID_PAYLOAD_TYPE_FQDN = 2,
	IKEV2_ID_PAYLOAD_TYPE_RFC822_ADDR = 3,
	IKEV2_ID_PAYLOAD_TYPE_RESERVED1 = 4,
	IKEV2_ID_PAYLOAD_TYPE_ID_IPV6_ADDR = 5,
	IKEV2_ID_PAYLOAD_TYPE_RESERVED2 = 6,
	IKEV2_ID_PAYLOAD_TYPE_RESERVED3 = 7,
	IKEV2_ID_PAYLOAD_TYPE_RESERVED4 = 8,
	IKEV2_ID_PAYLOAD_TYPE_DER_ASN1_DN = 9,
	IKEV2_ID_PAYLOAD_TYPE_DER_ASN1_GN = 10,
	IKEV2_ID_PAYLOAD_TYPE_KEY_ID = 11,
	IKEV2_ID_PAYLOAD_TYPE_MAX = 12
} IKEV2_ID_PAYLOAD_TYPE;
#endif

#define ET_None		0
#define ET_Require	1
#define ET_RequireMax	2
#define ET_Optional	3

#define VS_Default	0
#define VS_PptpOnly	1
#define VS_PptpFirst	2
#define VS_L2tpOnly	3
#define VS_L2tpFirst	4

/* A phone book entry (RasGetEntryProperties, RasSetEntryProperties). */
typedef struct tagRASENTRYA {
	DWORD dwSize;
	DWORD dwfOptions;
	DWORD dwCountryID;
	DWORD dwCountryCode;
	CHAR szAreaCode[RAS_MaxAreaCode + 1];
	CHAR szLocalPhoneNumber[RAS_MaxPhoneNumber + 1];
	DWORD dwAlternateOffset;
	RASIPADDR ipaddr;
	RASIPADDR ipaddrDns;
	RASIPADDR ipaddrDnsAlt;
	RASIPADDR ipaddrWins;
	RASIPADDR ipaddrWinsAlt;
	DWORD dwFrameSize;
	DWORD dwfNetProtocols;
	DWORD dwFramingProtocol;
	CHAR szScript[MAX_PATH];
	CHAR szAutodialDll[MAX_PATH];
	CHAR szAutodialFunc[MAX_PATH];
	CHAR szDeviceType[RAS_MaxDeviceType + 1];
	CHAR szDeviceName[RAS_MaxDeviceName + 1];
	CHAR szX25PadType[RAS_MaxPadType + 1];
	CHAR szX25Address[RAS_MaxX25Address + 1];
	CHAR szX25Facilities[RAS_MaxFacilities + 1];
	CHAR szX25UserData[RAS_MaxUserData + 1];
	DWORD dwChannels;
	DWORD dwReserved1;
	DWORD dwReserved2;
#if (WINVER >= 0x401)
	DWORD dwSubEntries;
	DWORD dwDialMode;
	DWORD dwDialExtraPercent;
	DWORD dwDialExtraSampleSeconds;
	DWORD dwHangUpExtraPercent;
	DWORD dwHangUpExtraSampleSeconds;
	DWORD dwIdleDisconnectSeconds;
#endif
#if (WINVER >= 0x500)
	DWORD dwType;
	DWORD dwEncryptionType;
	DWORD dwCustomAuthKey;
	GUID guidId;
	CHAR szCustomDialDll[MAX_PATH];
	DWORD dwVpnStrategy;
#endif
#if (WINVER >= 0x501)
	DWORD dwfOptions2;
	DWORD dwfOptions3;
	CHAR szDnsSuffix[RAS_MaxDnsSuffix];
	DWORD dwTcpWindowSize;
	CHAR szPrerequisitePbk[MAX_PATH];
	CHAR szPrerequisiteEntry[RAS_MaxEntryName + 1];
	DWORD dwRedialCount;
	DWORD dwRedialPause;
#endif
#if (WINVER >= 0x600)
	RASIPV6ADDR ipv6addrDns;
	RASIPV6ADDR ipv6addrDnsAlt;
	DWORD dwIPv4InterfaceMetric;
	DWORD dwIPv6InterfaceMetric;
#endif
#if (WINVER >= 0x601)
	RASIPV6ADDR ipv6addr;
	DWORD dwIPv6PrefixLength;
	DWORD dwNetworkOutageTime;
#endif
#if (WINVER >= 0x602)
	CHAR szIDi[RAS_MaxIDSize + 1];
	CHAR szIDr[RAS_MaxIDSize + 1];
	BOOL fIsImsConfig;
	IKEV2_ID_PAYLOAD_TYPE IdiType;
	IKEV2_ID_PAYLOAD_TYPE IdrType;
#endif
#if (WINVER >= 0x603)
	BOOL fDisableIKEv2Fragmentation;
#endif
} RASENTRYA, *LPRASENTRYA;

typedef struct tagRASENTRYW {
	DWORD dwSize;
	DWORD dwfOptions;
	DWORD dwCountryID;
	DWORD dwCountryCode;
	WCHAR szAreaCode[RAS_MaxAreaCode + 1];
	WCHAR szLocalPhoneNumber[RAS_MaxPhoneNumber + 1];
	DWORD dwAlternateOffset;
	RASIPADDR ipaddr;
	RASIPADDR ipaddrDns;
	RASIPADDR ipaddrDnsAlt;
	RASIPADDR ipaddrWins;
	RASIPADDR ipaddrWinsAlt;
	DWORD dwFrameSize;
	DWORD dwfNetProtocols;
	DWORD dwFramingProtocol;
	WCHAR szScript[MAX_PATH];
	WCHAR szAutodialDll[MAX_PATH];
	WCHAR szAutodialFunc[MAX_PATH];
	WCHAR szDeviceType[RAS_MaxDeviceType + 1];
	WCHAR szDeviceName[RAS_MaxDeviceName + 1];
	WCHAR szX25PadType[RAS_MaxPadType + 1];
	WCHAR szX25Address[RAS_MaxX25Address + 1];
	WCHAR szX25Facilities[RAS_MaxFacilities + 1];
	WCHAR szX25UserData[RAS_MaxUserData + 1];
	DWORD dwChannels;
	DWORD dwReserved1;
	DWORD dwReserved2;
#if (WINVER >= 0x401)
	DWORD dwSubEntries;
	DWORD dwDialMode;
	DWORD dwDialExtraPercent;
	DWORD dwDialExtraSampleSeconds;
	DWORD dwHangUpExtraPercent;
	DWORD dwHangUpExtraSampleSeconds;
	DWORD dwIdleDisconnectSeconds;
#endif
#if (WINVER >= 0x500)
	DWORD dwType;
	DWORD dwEncryptionType;
	DWORD dwCustomAuthKey;
	GUID guidId;
	WCHAR szCustomDialDll[MAX_PATH];
	DWORD dwVpnStrategy;
#endif
#if (WINVER >= 0x501)
	DWORD dwfOptions2;
	DWORD dwfOptions3;
	WCHAR szDnsSuffix[RAS_MaxDnsSuffix];
	DWORD dwTcpWindowSize;
	WCHAR szPrerequisitePbk[MAX_PATH];
	WCHAR szPrerequisiteEntry[RAS_MaxEntryName + 1];
	DWORD dwRedialCount;
	DWORD dwRedialPause;
#endif
#if (WINVER >= 0x600)
	RASIPV6ADDR ipv6addrDns;
	RASIPV6ADDR ipv6addrDnsAlt;
	DWORD dwIPv4InterfaceMetric;
	DWORD dwIPv6InterfaceMetric;
#endif
#if (WINVER >= 0x601)
	RASIPV6ADDR ipv6addr;
	DWORD dwIPv6PrefixLength;
	DWORD dwNetworkOutageTime;
#endif
#if (WINVER >= 0x602)
	WCHAR szIDi[RAS_MaxIDSize + 1];
	WCHAR szIDr[RAS_MaxIDSize + 1];
	BOOL fIsImsConfig;
	IKEV2_ID_PAYLOAD_TYPE IdiType;
	IKEV2_ID_PAYLOAD_TYPE IdrType;
#endif
#if (WINVER >= 0x603)
	BOOL fDisableIKEv2Fragmentation;
#endif
} RASENTRYW, *LPRASENTRYW;

/* RASENTRY dwfOptions. */
#define RASEO_UseCountryAndAreaCodes	0x00000001
#define RASEO_SpecificIpAddr		0x00000002
#define RASEO_SpecificNameServers	0x00000004
#define RASEO_IpHeaderCompression	0x00000008
#define RASEO_RemoteDefaultGateway	0x00000010
#define RASEO_DisableLcpExtensions	0x00000020
#define RASEO_TerminalBeforeDial	0x00000040
#define RASEO_TerminalAfterDial		0x00000080
#define RASEO_ModemLights		0x00000100
#define RASEO_SwCompression		0x00000200
#define RASEO_RequireEncryptedPw	0x00000400
#define RASEO_RequireMsEncryptedPw	0x00000800
#define RASEO_RequireDataEncryption	0x00001000
#define RASEO_NetworkLogon		0x00002000
#define RASEO_UseLogonCredentials	0x00004000
#define RASEO_PromoteAlternates		0x00008000
#if (WINVER >= 0x401)
#define RASEO_SecureLocalFiles		0x00010000
#endif
#if (WINVER >= 0x500)
#define RASEO_RequireEAP		0x00020000
#define RASEO_RequirePAP		0x00040000
#define RASEO_RequireSPAP		0x00080000
#define RASEO_Custom			0x00100000
#define RASEO_PreviewPhoneNumber	0x00200000
#define RASEO_SharedPhoneNumbers	0x00800000
#define RASEO_PreviewUserPw		0x01000000
#define RASEO_PreviewDomain		0x02000000
#define RASEO_ShowDialingProgress	0x04000000
#define RASEO_RequireCHAP		0x08000000
#define RASEO_RequireMsCHAP		0x10000000
#define RASEO_RequireMsCHAP2		0x20000000
#define RASEO_RequireW95MSCHAP		0x40000000
#define RASEO_CustomScript		0x80000000
#endif

/* RASENTRY dwfOptions2. */
#if (WINVER >= 0x501)
#define RASEO2_SecureFileAndPrint	0x00000001
#define RASEO2_SecureClientForMSNet	0x00000002
#define RASEO2_DontNegotiateMultilink	0x00000004
#define RASEO2_DontUseRasCredentials	0x00000008
#define RASEO2_UsePreSharedKey		0x00000010
#define RASEO2_Internet			0x00000020
#define RASEO2_DisableNbtOverIP		0x00000040
#define RASEO2_UseGlobalDeviceSettings	0x00000080
#define RASEO2_ReconnectIfDropped	0x00000100
#define RASEO2_SharePhoneNumbers	0x00000200
#endif
#if (WINVER >= 0x600)
#define RASEO2_SecureRoutingCompartment	0x00000400
#define RASEO2_UseTypicalSettings	0x00000800
#define RASEO2_IPv6SpecificNameServers	0x00001000
#define RASEO2_IPv6RemoteDefaultGateway	0x00002000
#define RASEO2_RegisterIpWithDNS	0x00004000
#define RASEO2_UseDNSSuffixForRegistration 0x00008000
#define RASEO2_IPv4ExplicitMetric	0x00010000
#define RASEO2_IPv6ExplicitMetric	0x00020000
#define RASEO2_DisableIKENameEkuCheck	0x00040000
#endif
#if (WINVER >= 0x601)
#define RASEO2_DisableClassBasedStaticRoute 0x00080000
#define RASEO2_SpecificIPv6Addr		0x00100000
#define RASEO2_DisableMobility		0x00200000
#define RASEO2_RequireMachineCertificates 0x00400000
#endif

/* RASENTRY dwfNetProtocols, dwFramingProtocol, dwType, dwDialMode,
 * dwIdleDisconnectSeconds. */
#define RASNP_NetBEUI	0x00000001
#define RASNP_Ipx	0x00000002
#define RASNP_Ip	0x00000004
#if (WINVER >= 0x501)
#define RASNP_Ipv6	0x00000008
#endif

#define RASFP_Ppp	0x00000001
#define RASFP_Slip	0x00000002
#define RASFP_Ras	0x00000004

#define RASET_Phone	1
#define RASET_Vpn	2
#define RASET_Direct	3
#define RASET_Internet	4
#if (WINVER >= 0x501)
#define RASET_Broadband	5
#endif

#define RASEDM_DialAll		1
#define RASEDM_DialAsNeeded	2

#define RASIDS_Disabled		0xffffffff
#define RASIDS_UseGlobalValue	0

RASDIAL_API DWORD APIENTRY RasEnumDevicesA(LPRASDEVINFOA lpRasDevInfo,
					   LPDWORD lpcb, LPDWORD lpcDevices);
RASDIAL_API DWORD APIENTRY RasEnumDevicesW(LPRASDEVINFOW lpRasDevInfo,
					   LPDWORD lpcb, LPDWORD lpcDevices);
RASDIAL_API DWORD APIENTRY RasGetEntryPropertiesA(LPCSTR lpszPhonebook,
						  LPCSTR lpszEntry,
						  LPRASENTRYA lpRasEntry,
						  LPDWORD lpdwEntryInfoSize,
						  BYTE *lpbDeviceInfo,
						  LPDWORD lpdwDeviceInfoSize);
RASDIAL_API DWORD APIENTRY RasGetEntryPropertiesW(LPCWSTR lpszPhonebook,
						  LPCWSTR lpszEntry,
						  LPRASENTRYW lpRasEntry,
						  LPDWORD lpdwEntryInfoSize,
						  BYTE *lpbDeviceInfo,
						  LPDWORD lpdwDeviceInfoSize);
/* Writes *lpRasEntry as the peers file lpszPhonebook/lpszEntry, or as
 * the section [lpszEntry] when lpszPhonebook is a .pbk file (created when
 * missing, atomically replaced otherwise): only the options or keys of
 * what changed are rewritten, every other byte stays.  What pppd cannot
 * do is ERROR_INVALID_PARAMETER.  See RasGetEntryProperties(3) and
 * rasdial.pbk(5); RasDeleteEntry and RasRenameEntry work on both. */
RASDIAL_API DWORD APIENTRY RasSetEntryPropertiesA(LPCSTR lpszPhonebook,
						  LPCSTR lpszEntry,
						  LPRASENTRYA lpRasEntry,
						  DWORD dwEntryInfoSize,
						  BYTE *lpbDeviceInfo,
						  DWORD dwDeviceInfoSize);
RASDIAL_API DWORD APIENTRY RasSetEntryPropertiesW(LPCWSTR lpszPhonebook,
						  LPCWSTR lpszEntry,
						  LPRASENTRYW lpRasEntry,
						  DWORD dwEntryInfoSize,
						  BYTE *lpbDeviceInfo,
						  DWORD dwDeviceInfoSize);
RASDIAL_API DWORD APIENTRY RasValidateEntryNameA(LPCSTR lpszPhonebook,
						 LPCSTR lpszEntry);
RASDIAL_API DWORD APIENTRY RasValidateEntryNameW(LPCWSTR lpszPhonebook,
						 LPCWSTR lpszEntry);
RASDIAL_API DWORD APIENTRY RasDeleteEntryA(LPCSTR lpszPhonebook,
					   LPCSTR lpszEntry);
RASDIAL_API DWORD APIENTRY RasDeleteEntryW(LPCWSTR lpszPhonebook,
					   LPCWSTR lpszEntry);
RASDIAL_API DWORD APIENTRY RasRenameEntryA(LPCSTR lpszPhonebook,
					   LPCSTR lpszOldEntry,
					   LPCSTR lpszNewEntry);
RASDIAL_API DWORD APIENTRY RasRenameEntryW(LPCWSTR lpszPhonebook,
					   LPCWSTR lpszOldEntry,
					   LPCWSTR lpszNewEntry);

/* ---- end of devices and entries */

/* Projections (RasGetProjectionInfo). */
typedef enum tagRASPROJECTION {
	RASP_Amb = 0x10000,
	RASP_PppNbf = 0x803F,
	RASP_PppIpx = 0x802B,
	RASP_PppIp = 0x8021,
#if (WINVER >= 0x500)
	RASP_PppCcp = 0x80FD,
#endif
	RASP_PppLcp = 0xC021,
#if (WINVER >= 0x600)
	RASP_PppIpv6 = 0x8057,
#endif
#if (WINVER < 0x600)
	RASP_Slip = 0x20000
#endif
} RASPROJECTION, *LPRASPROJECTION;

#if (WINVER >= 0x500)
#define RASIPO_VJ	0x00000001
#endif

typedef struct tagRASPPPIPA {
	DWORD dwSize;
	DWORD dwError;
	CHAR szIpAddress[RAS_MaxIpAddress + 1];
#ifndef WINNT35COMPATIBLE
	CHAR szServerIpAddress[RAS_MaxIpAddress + 1];
#endif
#if (WINVER >= 0x500)
	DWORD dwOptions;
	DWORD dwServerOptions;
#endif
} RASPPPIPA, *LPRASPPPIPA;

typedef struct tagRASPPPIPW {
	DWORD dwSize;
	DWORD dwError;
	WCHAR szIpAddress[RAS_MaxIpAddress + 1];
#ifndef WINNT35COMPATIBLE
	WCHAR szServerIpAddress[RAS_MaxIpAddress + 1];
#endif
#if (WINVER >= 0x500)
	DWORD dwOptions;
	DWORD dwServerOptions;
#endif
} RASPPPIPW, *LPRASPPPIPW;

#if (WINVER >= 0x600)
typedef struct tagRASPPPIPV6 {
	DWORD dwSize;
	DWORD dwError;
	BYTE bLocalInterfaceIdentifier[8];
	BYTE bPeerInterfaceIdentifier[8];
	BYTE bLocalCompressionProtocol[2];
	BYTE bPeerCompressionProtocol[2];
} RASPPPIPV6, *LPRASPPPIPV6;
#endif

#if (WINVER >= 0x500)
#define RASLCPAP_PAP		0xC023
#define RASLCPAP_SPAP		0xC027
#define RASLCPAP_CHAP		0xC223
#define RASLCPAP_EAP		0xC227

#define RASLCPAD_CHAP_MD5	0x05
#define RASLCPAD_CHAP_MS	0x80
#define RASLCPAD_CHAP_MSV2	0x81

#define RASLCPO_PFC		0x00000001
#define RASLCPO_ACFC		0x00000002
#define RASLCPO_SSHF		0x00000004
#define RASLCPO_DES_56		0x00000008
#define RASLCPO_3_DES		0x00000010
#endif
#if (WINVER >= 0x600)
#define RASLCPO_AES_128		0x00000020
#define RASLCPO_AES_256		0x00000040
#endif
#if (WINVER >= 0x603)
#define RASLCPO_AES_192		0x00000080
#define RASLCPO_GCM_AES_128	0x00000100
#define RASLCPO_GCM_AES_192	0x00000200
#define RASLCPO_GCM_AES_256	0x00000400
#endif

/* LCP projection (RasGetProjectionInfo with RASP_PppLcp). */
typedef struct tagRASPPPLCPA {
	DWORD dwSize;
	BOOL fBundled;
#if (WINVER >= 0x500)
	DWORD dwError;
	DWORD dwAuthenticationProtocol;
	DWORD dwAuthenticationData;
	DWORD dwEapTypeId;
	DWORD dwServerAuthenticationProtocol;
	DWORD dwServerAuthenticationData;
	DWORD dwServerEapTypeId;
	BOOL fMultilink;
	DWORD dwTerminateReason;
	DWORD dwServerTerminateReason;
	CHAR szReplyMessage[RAS_MaxReplyMessage];
	DWORD dwOptions;
	DWORD dwServerOptions;
#endif
} RASPPPLCPA, *LPRASPPPLCPA;

typedef struct tagRASPPPLCPW {
	DWORD dwSize;
	BOOL fBundled;
#if (WINVER >= 0x500)
	DWORD dwError;
	DWORD dwAuthenticationProtocol;
	DWORD dwAuthenticationData;
	DWORD dwEapTypeId;
	DWORD dwServerAuthenticationProtocol;
	DWORD dwServerAuthenticationData;
	DWORD dwServerEapTypeId;
	BOOL fMultilink;
	DWORD dwTerminateReason;
	DWORD dwServerTerminateReason;
	WCHAR szReplyMessage[RAS_MaxReplyMessage];
	DWORD dwOptions;
	DWORD dwServerOptions;
#endif
} RASPPPLCPW, *LPRASPPPLCPW;

/* Saved credentials (RasGetCredentials, RasSetCredentials). */
typedef struct tagRASCREDENTIALSA {
	DWORD dwSize;
	DWORD dwMask;
	CHAR szUserName[UNLEN + 1];
	CHAR szPassword[PWLEN + 1];
	CHAR szDomain[DNLEN + 1];
} RASCREDENTIALSA, *LPRASCREDENTIALSA;

typedef struct tagRASCREDENTIALSW {
	DWORD dwSize;
	DWORD dwMask;
	WCHAR szUserName[UNLEN + 1];
	WCHAR szPassword[PWLEN + 1];
	WCHAR szDomain[DNLEN + 1];
} RASCREDENTIALSW, *LPRASCREDENTIALSW;

#define RASCM_UserName			0x00000001
#define RASCM_Password			0x00000002
#define RASCM_Domain			0x00000004
#define RASCM_DefaultCreds		0x00000008
#define RASCM_PreSharedKey		0x00000010
#define RASCM_ServerPreSharedKey	0x00000020
#define RASCM_DDMPreSharedKey		0x00000040

typedef BOOL *LPBOOL;

RASDIAL_API DWORD APIENTRY RasGetCredentialsA(LPCSTR lpszPhonebook,
					      LPCSTR lpszEntry,
					      LPRASCREDENTIALSA lpCredentials);
RASDIAL_API DWORD APIENTRY RasGetCredentialsW(LPCWSTR lpszPhonebook,
					      LPCWSTR lpszEntry,
					      LPRASCREDENTIALSW lpCredentials);
RASDIAL_API DWORD APIENTRY RasSetCredentialsA(LPCSTR lpszPhonebook,
					      LPCSTR lpszEntry,
					      LPRASCREDENTIALSA lpCredentials,
					      BOOL fClearCredentials);
RASDIAL_API DWORD APIENTRY RasSetCredentialsW(LPCWSTR lpszPhonebook,
					      LPCWSTR lpszEntry,
					      LPRASCREDENTIALSW lpCredentials,
					      BOOL fClearCredentials);
RASDIAL_API DWORD APIENTRY RasGetEntryDialParamsA(LPCSTR lpszPhonebook,
						  LPRASDIALPARAMSA lprasdialparams,
						  LPBOOL lpfPassword);
RASDIAL_API DWORD APIENTRY RasGetEntryDialParamsW(LPCWSTR lpszPhonebook,
						  LPRASDIALPARAMSW lprasdialparams,
						  LPBOOL lpfPassword);
RASDIAL_API DWORD APIENTRY RasSetEntryDialParamsA(LPCSTR lpszPhonebook,
						  LPRASDIALPARAMSA lprasdialparams,
						  BOOL fRemovePassword);
RASDIAL_API DWORD APIENTRY RasSetEntryDialParamsW(LPCWSTR lpszPhonebook,
						  LPRASDIALPARAMSW lprasdialparams,
						  BOOL fRemovePassword);

/* Link counters (RasGetConnectionStatistics, RasGetLinkStatistics). */
typedef struct _RAS_STATS {
	DWORD dwSize;
	DWORD dwBytesXmited;
	DWORD dwBytesRcved;
	DWORD dwFramesXmited;
	DWORD dwFramesRcved;
	DWORD dwCrcErr;
	DWORD dwTimeoutErr;
	DWORD dwAlignmentErr;
	DWORD dwHardwareOverrunErr;
	DWORD dwFramingErr;
	DWORD dwBufferOverrunErr;
	DWORD dwCompressionRatioIn;
	DWORD dwCompressionRatioOut;
	DWORD dwBps;
	DWORD dwConnectDuration;	/* milliseconds */
} RAS_STATS, *PRAS_STATS;

/* RasConnectionNotification flags. */
#define RASCN_Connection	0x00000001
#define RASCN_Disconnection	0x00000002
#define RASCN_BandwidthAdded	0x00000004
#define RASCN_BandwidthRemoved	0x00000008
#define RASCN_Dormant		0x00000010
#define RASCN_ReConnection	0x00000020
#define RASCN_EPDGPacketArrival	0x00000040

#pragma pack(pop)

/* RasDial notifications: the message id passed as unMsg.  There are no
 * windows here, so RegisterWindowMessage is moot and it is always this. */
#define RASDIALEVENT	"RasDialEvent"
#define WM_RASDIALEVENT	0xCCCD

typedef VOID (WINAPI *RASDIALFUNC)(UINT, RASCONNSTATE, DWORD);
typedef VOID (WINAPI *RASDIALFUNC1)(HRASCONN, UINT, RASCONNSTATE, DWORD, DWORD);
typedef DWORD (WINAPI *RASDIALFUNC2)(ULONG_PTR, DWORD, HRASCONN, UINT,
				     RASCONNSTATE, DWORD, DWORD);

RASDIAL_API DWORD APIENTRY RasDialA(LPRASDIALEXTENSIONS lpRasDialExtensions,
				    LPCSTR lpszPhonebook,
				    LPRASDIALPARAMSA lpRasDialParams,
				    DWORD dwNotifierType, LPVOID lpvNotifier,
				    LPHRASCONN lphRasConn);
RASDIAL_API DWORD APIENTRY RasHangUpA(HRASCONN hrasconn);
RASDIAL_API DWORD APIENTRY RasGetConnectStatusA(HRASCONN hrasconn,
						LPRASCONNSTATUSA lpRasConnStatus);
RASDIAL_API DWORD APIENTRY RasEnumConnectionsA(LPRASCONNA lprasconn,
					       LPDWORD lpcb,
					       LPDWORD lpcConnections);
RASDIAL_API DWORD APIENTRY RasGetErrorStringA(UINT uErrorValue,
					      LPSTR lpszErrorString,
					      DWORD cBufSize);
RASDIAL_API DWORD APIENTRY RasEnumEntriesA(LPCSTR reserved,
					   LPCSTR lpszPhonebook,
					   LPRASENTRYNAMEA lprasentryname,
					   LPDWORD lpcb, LPDWORD lpcEntries);
RASDIAL_API DWORD APIENTRY RasGetProjectionInfoA(HRASCONN hrasconn,
						 RASPROJECTION rasprojection,
						 LPVOID lpprojection,
						 LPDWORD lpcb);
RASDIAL_API DWORD APIENTRY RasGetConnectionStatistics(HRASCONN hRasConn,
						      RAS_STATS *lpStatistics);
RASDIAL_API DWORD APIENTRY RasGetLinkStatistics(HRASCONN hRasConn,
						DWORD dwSubEntry,
						RAS_STATS *lpStatistics);
RASDIAL_API DWORD APIENTRY RasConnectionNotificationA(HRASCONN hrasconn,
						      HANDLE hEvent,
						      DWORD dwFlags);

/*
 * The UTF-16 ("W") variants: the same functions, strings in UTF-16
 * (WCHAR, 16-bit, native byte order).  Each converts its strings to UTF-8
 * (glibc's iconv), calls the A function and converts what it returns, so
 * it behaves as the A one but for these rules, as on Windows:
 *  - dwSize is that of the W structure (every WINVER's layout, NT 3.5's
 *    too where the A function takes it); buffer sizes are in bytes of W
 *    structures, except RasGetErrorStringW's cBufSize: in WCHARs.
 *  - A string argument that is not valid UTF-16 (an unpaired surrogate),
 *    or whose UTF-8 form does not fit the A field, is
 *    ERROR_INVALID_PARAMETER: never cut short.
 *  - A string returned that does not fit the caller's W field (only the
 *    NT 3.5 layouts are that short) is ERROR_BUFFER_TOO_SMALL, one that is
 *    not valid UTF-8 (a peers file named in another charset)
 *    ERROR_INVALID_PARAMETER; in RasEnumConnectionsW and RasEnumEntriesW
 *    such an item is left out of the listing instead.
 *  - RasEnumConnectionsW and RasEnumEntriesW: a NULL buffer asks for the
 *    size (ERROR_BUFFER_TOO_SMALL with *lpcb and the count) whatever *lpcb.
 */

/* RasDialA with lpRasDialParams' strings and lpszPhonebook converted;
 * the notifier (types 0, 1, 2) gets the same calls as with RasDialA. */
RASDIAL_API DWORD APIENTRY RasDialW(LPRASDIALEXTENSIONS lpRasDialExtensions,
				    LPCWSTR lpszPhonebook,
				    LPRASDIALPARAMSW lpRasDialParams,
				    DWORD dwNotifierType, LPVOID lpvNotifier,
				    LPHRASCONN lphRasConn);
/* No strings: RasHangUpA itself. */
RASDIAL_API DWORD APIENTRY RasHangUpW(HRASCONN hrasconn);
/* RasGetConnectStatusA; device type, device name, phone number converted. */
RASDIAL_API DWORD APIENTRY RasGetConnectStatusW(HRASCONN hrasconn,
						LPRASCONNSTATUSW lpRasConnStatus);
/* RasEnumConnectionsA; *lpcb in bytes of the caller's RASCONNW layout. */
RASDIAL_API DWORD APIENTRY RasEnumConnectionsW(LPRASCONNW lprasconn,
					       LPDWORD lpcb,
					       LPDWORD lpcConnections);
/* RasGetErrorStringA's text in UTF-16; cBufSize in WCHARs with the NUL. */
RASDIAL_API DWORD APIENTRY RasGetErrorStringW(UINT uErrorValue,
					      LPWSTR lpszErrorString,
					      DWORD cBufSize);
/* RasEnumEntriesA; lpszPhonebook converted, *lpcb in bytes of RASENTRYNAMEW. */
RASDIAL_API DWORD APIENTRY RasEnumEntriesW(LPCWSTR reserved,
					   LPCWSTR lpszPhonebook,
					   LPRASENTRYNAMEW lprasentryname,
					   LPDWORD lpcb, LPDWORD lpcEntries);
/* RASP_PppIp: RASPPPIPW; RASP_PppLcp: RASPPPLCPW; RASP_PppIpv6: the
 * RASPPPIPV6 of the A function (no strings); *lpcb in bytes. */
RASDIAL_API DWORD APIENTRY RasGetProjectionInfoW(HRASCONN hrasconn,
						 RASPROJECTION rasprojection,
						 LPVOID lpprojection,
						 LPDWORD lpcb);
/* No strings: RasConnectionNotificationA itself. */
RASDIAL_API DWORD APIENTRY RasConnectionNotificationW(HRASCONN hrasconn,
						      HANDLE hEvent,
						      DWORD dwFlags);

/*
 * Unsuffixed names, as in the SDK: the W variants when UNICODE is
 * defined, else the A ones.  One line per name, for functions, structures
 * and their LP types alike:
 *	#define RasFoo		RASDIAL_AW(RasFoo)
 */
#ifdef UNICODE
#define RASDIAL_AW(name)	name##W
#else
#define RASDIAL_AW(name)	name##A
#endif

/* TCHAR and TEXT() belong to the Windows headers: given only if absent.
 * A wide literal is u"" here: L"" is Linux's 32-bit wchar_t. */
#ifndef _TCHAR_DEFINED
#define _TCHAR_DEFINED
#ifdef UNICODE
typedef WCHAR TCHAR, *PTCHAR;
#else
typedef char TCHAR, *PTCHAR;
#endif
typedef TCHAR *LPTSTR;
typedef const TCHAR *LPCTSTR;
#endif
#ifndef TEXT
#ifdef UNICODE
#define __TEXT(quote)	u##quote
#else
#define __TEXT(quote)	quote
#endif
#define TEXT(quote)	__TEXT(quote)
#endif

/* Structures (ras.h's, issue 14 item 1). */
#define RASCONN			RASDIAL_AW(RASCONN)
#define LPRASCONN		RASDIAL_AW(LPRASCONN)
#define RASCONNSTATUS		RASDIAL_AW(RASCONNSTATUS)
#define LPRASCONNSTATUS		RASDIAL_AW(LPRASCONNSTATUS)
#define RASDIALPARAMS		RASDIAL_AW(RASDIALPARAMS)
#define LPRASDIALPARAMS		RASDIAL_AW(LPRASDIALPARAMS)
#define RASENTRYNAME		RASDIAL_AW(RASENTRYNAME)
#define LPRASENTRYNAME		RASDIAL_AW(LPRASENTRYNAME)
#define RASPPPIP		RASDIAL_AW(RASPPPIP)
#define LPRASPPPIP		RASDIAL_AW(LPRASPPPIP)
#define RASPPPLCP		RASDIAL_AW(RASPPPLCP)
#define LPRASPPPLCP		RASDIAL_AW(LPRASPPPLCP)
#define RASCREDENTIALS		RASDIAL_AW(RASCREDENTIALS)
#define LPRASCREDENTIALS	RASDIAL_AW(LPRASCREDENTIALS)
#define RASDEVINFO		RASDIAL_AW(RASDEVINFO)
#define LPRASDEVINFO		RASDIAL_AW(LPRASDEVINFO)
#define RASENTRY		RASDIAL_AW(RASENTRY)
#define LPRASENTRY		RASDIAL_AW(LPRASENTRY)

/* Functions (issue 14 item 1). */
#define RasDial			RASDIAL_AW(RasDial)
#define RasHangUp		RASDIAL_AW(RasHangUp)
#define RasGetConnectStatus	RASDIAL_AW(RasGetConnectStatus)
#define RasEnumConnections	RASDIAL_AW(RasEnumConnections)
#define RasEnumEntries		RASDIAL_AW(RasEnumEntries)
#define RasGetErrorString	RASDIAL_AW(RasGetErrorString)
#define RasGetProjectionInfo	RASDIAL_AW(RasGetProjectionInfo)
#define RasConnectionNotification RASDIAL_AW(RasConnectionNotification)
#define RasGetCredentials	RASDIAL_AW(RasGetCredentials)
#define RasSetCredentials	RASDIAL_AW(RasSetCredentials)
#define RasGetEntryDialParams	RASDIAL_AW(RasGetEntryDialParams)
#define RasSetEntryDialParams	RASDIAL_AW(RasSetEntryDialParams)
#define RasEnumDevices		RASDIAL_AW(RasEnumDevices)
#define RasGetEntryProperties	RASDIAL_AW(RasGetEntryProperties)
#define RasValidateEntryName	RASDIAL_AW(RasValidateEntryName)
#define RasDeleteEntry		RASDIAL_AW(RasDeleteEntry)
#define RasRenameEntry		RASDIAL_AW(RasRenameEntry)
#define RasSetEntryProperties	RASDIAL_AW(RasSetEntryProperties)

#ifdef __cplusplus
}
#endif

#endif /* _RASDIAL_RAS_H_ */
