/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * ras-codes.h: the RASCONNSTATE (ras.h) and dwError (raserror.h) values
 * that pppd-map.c's tables yield and the plugin reports, and the LCP
 * projection values (ras.h) the plugin sends, each named
 * RASDIAL_ + its public name.  The public headers are librasdial's
 * (shim/include/rasdial/), which the plugin does not build against: these
 * are the same numbers, and tests/host/pppd_map.c static-asserts each one
 * against the public header.  Windows fixed them long ago.
 */
#ifndef RASDIAL_RAS_CODES_H
#define RASDIAL_RAS_CODES_H

/* RASCONNSTATE */
#define RASDIAL_RASCS_OpenPort			0
#define RASDIAL_RASCS_PortOpened		1
#define RASDIAL_RASCS_ConnectDevice		2
#define RASDIAL_RASCS_DeviceConnected		3
#define RASDIAL_RASCS_AllDevicesConnected	4
#define RASDIAL_RASCS_Authenticate		5
#define RASDIAL_RASCS_AuthProject		10
#define RASDIAL_RASCS_Authenticated		14
#define RASDIAL_RASCS_PrepareForCallback	15
#define RASDIAL_RASCS_WaitForCallback		17
#define RASDIAL_RASCS_Projected			18
#define RASDIAL_RASCS_Connected			0x2000	/* RASCS_DONE */
#define RASDIAL_RASCS_Disconnected		0x2001

/* dwError: RASBASE (600) + n */
#define RASDIAL_ERROR_PORT_DISCONNECTED			619
#define RASDIAL_ERROR_REMOTE_DISCONNECTION		629
#define RASDIAL_ERROR_USER_DISCONNECTION		631
#define RASDIAL_ERROR_PORT_NOT_AVAILABLE		633
#define RASDIAL_ERROR_UNKNOWN				635
#define RASDIAL_ERROR_FROM_DEVICE			651
#define RASDIAL_ERROR_LINE_BUSY				676
#define RASDIAL_ERROR_VOICE_ANSWER			677
#define RASDIAL_ERROR_NO_ANSWER				678
#define RASDIAL_ERROR_NO_CARRIER			679
#define RASDIAL_ERROR_NO_DIALTONE			680
#define RASDIAL_ERROR_AUTHENTICATION_FAILURE		691
#define RASDIAL_ERROR_PORT_OR_DEVICE			692
#define RASDIAL_ERROR_PPP_TIMEOUT			718
#define RASDIAL_ERROR_PPP_NO_PROTOCOLS_CONFIGURED	720
#define RASDIAL_ERROR_PPP_LCP_TERMINATED		734
#define RASDIAL_ERROR_PPP_LOOPBACK_DETECTED		737
#define RASDIAL_ERROR_SCRIPT_SYNTAX			752
#define RASDIAL_ERROR_CONNECTION_REJECT			770
#define RASDIAL_ERROR_UNABLE_TO_AUTHENTICATE_SERVER	778
#define RASDIAL_ERROR_CONNECTING_DEVICE_NOT_FOUND	797
#define RASDIAL_ERROR_BROADBAND_TIMEOUT			815
#define RASDIAL_ERROR_IDLE_TIMEOUT			828
#define RASDIAL_ERROR_LINK_FAILURE			829

/* RASPPPLCP's authentication and options (RASDIAL_A_AUTH_PROTO, ...) */
#define RASDIAL_RASLCPAP_PAP			0xC023
#define RASDIAL_RASLCPAP_CHAP			0xC223
#define RASDIAL_RASLCPAP_EAP			0xC227
#define RASDIAL_RASLCPAD_CHAP_MD5		0x05
#define RASDIAL_RASLCPAD_CHAP_MS		0x80
#define RASDIAL_RASLCPAD_CHAP_MSV2		0x81
#define RASDIAL_RASLCPO_PFC			0x00000001
#define RASDIAL_RASLCPO_ACFC			0x00000002

#endif /* RASDIAL_RAS_CODES_H */
