// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * errors.c: the one table of error texts (RasGetErrorStringA) and the
 * names of the connection states.  The wording is this project's own;
 * where Windows talks about its services, the text names what plays that
 * part here (pppd, the rasdial kernel module, /etc/ppp/peers).
 */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "internal.h"

/* X(code, text) for each RAS code that has a text. */
#define RAS_TEXTS(X) \
	X(PENDING, "The operation has not finished yet.") \
	X(ERROR_INVALID_PORT_HANDLE, "The port handle is not valid.") \
	X(ERROR_PORT_ALREADY_OPEN, "The port is open already.") \
	X(ERROR_BUFFER_TOO_SMALL, "The buffer passed in is too small for the result.") \
	X(ERROR_WRONG_INFO_SPECIFIED, "The information given is not correct.") \
	X(ERROR_CANNOT_SET_PORT_INFO, "The port settings could not be changed.") \
	X(ERROR_PORT_NOT_CONNECTED, "The port is not connected.") \
	X(ERROR_EVENT_INVALID, "An event that is not valid was seen.") \
	X(ERROR_DEVICE_DOES_NOT_EXIST, "The device named does not exist.") \
	X(ERROR_DEVICETYPE_DOES_NOT_EXIST, "The device type named does not exist.") \
	X(ERROR_BUFFER_INVALID, "The buffer passed in is not valid.") \
	X(ERROR_ROUTE_NOT_AVAILABLE, "The route named is not available.") \
	X(ERROR_ROUTE_NOT_ALLOCATED, "The route named has not been allocated.") \
	X(ERROR_INVALID_COMPRESSION_SPECIFIED, "The compression asked for is not valid.") \
	X(ERROR_OUT_OF_BUFFERS, "Not enough buffers were available.") \
	X(ERROR_PORT_NOT_FOUND, "The port named could not be found.") \
	X(ERROR_ASYNC_REQUEST_PENDING, "An asynchronous request is still in progress (RasDial cannot be called from inside a RasDial notifier).") \
	X(ERROR_ALREADY_DISCONNECTING, "The modem or other device is disconnecting already.") \
	X(ERROR_PORT_NOT_OPEN, "The port is not open.") \
	X(ERROR_PORT_DISCONNECTED, "The link to the remote computer closed (pppd ended without reporting why).") \
	X(ERROR_NO_ENDPOINTS, "No endpoints could be found.") \
	X(ERROR_CANNOT_OPEN_PHONEBOOK, "The phone book could not be opened (give a peers directory, or none for /etc/ppp/peers).") \
	X(ERROR_CANNOT_LOAD_PHONEBOOK, "The phone book could not be loaded.") \
	X(ERROR_CANNOT_FIND_PHONEBOOK_ENTRY, "There is no phone book entry of that name (no such file in the peers directory).") \
	X(ERROR_CANNOT_WRITE_PHONEBOOK, "The phone book could not be written.") \
	X(ERROR_CORRUPT_PHONEBOOK, "The phone book holds information that is not valid.") \
	X(ERROR_CANNOT_LOAD_STRING, "A text could not be loaded.") \
	X(ERROR_KEY_NOT_FOUND, "A key was not found.") \
	X(ERROR_DISCONNECTION, "The remote computer ended the connection before it was complete.") \
	X(ERROR_REMOTE_DISCONNECTION, "The remote computer hung up.") \
	X(ERROR_HARDWARE_FAILURE, "The modem or other device was cut off by a hardware failure.") \
	X(ERROR_USER_DISCONNECTION, "The connection was hung up on request.") \
	X(ERROR_INVALID_SIZE, "A structure had a dwSize this library does not know.") \
	X(ERROR_PORT_NOT_AVAILABLE, "The modem or other device is busy or not set up correctly.") \
	X(ERROR_CANNOT_PROJECT_CLIENT, "This computer could not be registered on the remote network.") \
	X(ERROR_UNKNOWN, "An unknown error happened.") \
	X(ERROR_WRONG_DEVICE_ATTACHED, "The device on the port is not the one expected.") \
	X(ERROR_BAD_STRING, "A string could not be converted.") \
	X(ERROR_REQUEST_TIMEOUT, "The remote server did not answer in time.") \
	X(ERROR_CANNOT_GET_LANA, "No asynchronous network was available.") \
	X(ERROR_NETBIOS_ERROR, "A NetBIOS error happened.") \
	X(ERROR_SERVER_OUT_OF_RESOURCES, "The server could not allocate NetBIOS resources for this client.") \
	X(ERROR_NAME_EXISTS_ON_NET, "A NetBIOS name of this computer is registered on the remote network already.") \
	X(ERROR_SERVER_GENERAL_NET_FAILURE, "A network adapter of the server failed.") \
	X(WARNING_MSG_ALIAS_NOT_ADDED, "Network message pop-ups will not be received.") \
	X(ERROR_AUTH_INTERNAL, "Authentication failed inside this computer.") \
	X(ERROR_RESTRICTED_LOGON_HOURS, "The account may not log on at this time of day.") \
	X(ERROR_ACCT_DISABLED, "The account is disabled.") \
	X(ERROR_PASSWD_EXPIRED, "The password of the account has expired.") \
	X(ERROR_NO_DIALIN_PERMISSION, "The account has no permission to dial in.") \
	X(ERROR_SERVER_NOT_RESPONDING, "The remote access server does not answer.") \
	X(ERROR_FROM_DEVICE, "The modem or other device reported an error.") \
	X(ERROR_UNRECOGNIZED_RESPONSE, "The modem or other device gave an answer that was not understood.") \
	X(ERROR_MACRO_NOT_FOUND, "A macro the device needs is missing from its device file.") \
	X(ERROR_MACRO_NOT_DEFINED, "The device file refers to a macro that is not defined.") \
	X(ERROR_MESSAGE_MACRO_NOT_FOUND, "The <message> macro is missing from the device file.") \
	X(ERROR_DEFAULTOFF_MACRO_NOT_FOUND, "The <defaultoff> macro of the device file uses an undefined macro.") \
	X(ERROR_FILE_COULD_NOT_BE_OPENED, "The device file could not be opened.") \
	X(ERROR_DEVICENAME_TOO_LONG, "A device name in the device or media file is too long.") \
	X(ERROR_DEVICENAME_NOT_FOUND, "The media file names a device that is not known.") \
	X(ERROR_NO_RESPONSES, "The device file lists no answers for a command.") \
	X(ERROR_NO_COMMAND_FOUND, "A command is missing from the device file.") \
	X(ERROR_WRONG_KEY_SPECIFIED, "A macro not listed in the device file was set.") \
	X(ERROR_UNKNOWN_DEVICE_TYPE, "The media file names a device type that is not known.") \
	X(ERROR_ALLOCATING_MEMORY, "The system ran out of memory.") \
	X(ERROR_PORT_NOT_CONFIGURED, "The modem or other device is not set up correctly.") \
	X(ERROR_DEVICE_NOT_READY, "The modem or other device does not work.") \
	X(ERROR_READING_INI_FILE, "The media file could not be read.") \
	X(ERROR_NO_CONNECTION, "The connection has ended.") \
	X(ERROR_BAD_USAGE_IN_INI_FILE, "The usage setting of the media file is not valid.") \
	X(ERROR_READING_SECTIONNAME, "A section name could not be read from the media file.") \
	X(ERROR_READING_DEVICETYPE, "The device type could not be read from the media file.") \
	X(ERROR_READING_DEVICENAME, "The device name could not be read from the media file.") \
	X(ERROR_READING_USAGE, "The usage could not be read from the media file.") \
	X(ERROR_READING_MAXCONNECTBPS, "The highest connect speed could not be read from the media file.") \
	X(ERROR_READING_MAXCARRIERBPS, "The highest carrier speed could not be read from the media file.") \
	X(ERROR_LINE_BUSY, "The line is busy.") \
	X(ERROR_VOICE_ANSWER, "A person answered, not a modem.") \
	X(ERROR_NO_ANSWER, "Nobody answered at the remote end.") \
	X(ERROR_NO_CARRIER, "No carrier was detected.") \
	X(ERROR_NO_DIALTONE, "There is no dial tone.") \
	X(ERROR_IN_COMMAND, "The modem or other device reported a general error.") \
	X(ERROR_WRITING_SECTIONNAME, "The section name could not be written.") \
	X(ERROR_WRITING_DEVICETYPE, "The device type could not be written.") \
	X(ERROR_WRITING_DEVICENAME, "The device name could not be written.") \
	X(ERROR_WRITING_MAXCONNECTBPS, "The highest connect speed could not be written.") \
	X(ERROR_WRITING_MAXCARRIERBPS, "The highest carrier speed could not be written.") \
	X(ERROR_WRITING_USAGE, "The usage could not be written.") \
	X(ERROR_WRITING_DEFAULTOFF, "The default-off setting could not be written.") \
	X(ERROR_READING_DEFAULTOFF, "The default-off setting could not be read.") \
	X(ERROR_EMPTY_INI_FILE, "The media file is empty.") \
	X(ERROR_AUTHENTICATION_FAILURE, "The remote end refused the user name and password, or the authentication protocol.") \
	X(ERROR_PORT_OR_DEVICE, "The modem or other device had a hardware failure.") \
	X(ERROR_NOT_BINARY_MACRO, "The macro is not a binary macro.") \
	X(ERROR_DCB_NOT_FOUND, "The device control block was not found.") \
	X(ERROR_STATE_MACHINES_NOT_STARTED, "The state machines have not been started.") \
	X(ERROR_STATE_MACHINES_ALREADY_STARTED, "The state machines have been started already.") \
	X(ERROR_PARTIAL_RESPONSE_LOOPING, "Reading a device answer in parts did not finish.") \
	X(ERROR_UNKNOWN_RESPONSE_KEY, "An answer key name in the device file has the wrong form.") \
	X(ERROR_RECV_BUF_FULL, "An answer of the modem or other device overflowed the buffer.") \
	X(ERROR_CMD_TOO_LONG, "A command for the device is too long once expanded.") \
	X(ERROR_UNSUPPORTED_BPS, "The modem switched to a speed the serial driver does not support.") \
	X(ERROR_UNEXPECTED_RESPONSE, "The device answered when no answer was expected.") \
	X(ERROR_INTERACTIVE_MODE, "The connection needs input from the user, but the program allows no interaction.") \
	X(ERROR_BAD_CALLBACK_NUMBER, "The callback number is not valid.") \
	X(ERROR_INVALID_AUTH_STATE, "The authorization state is not valid.") \
	X(ERROR_WRITING_INITBPS, "The initial speed could not be written.") \
	X(ERROR_X25_DIAGNOSTIC, "The X.25 protocol reported an error.") \
	X(ERROR_ACCT_EXPIRED, "The account has expired.") \
	X(ERROR_CHANGING_PASSWORD, "The password could not be changed (too short, or used before).") \
	X(ERROR_OVERRUN, "Serial overruns happened while talking to the modem.") \
	X(ERROR_RASMAN_CANNOT_INITIALIZE, "The connection manager could not be started: is the rasdial kernel module loaded and pppd installed?") \
	X(ERROR_BIPLEX_PORT_NOT_AVAILABLE, "The two-way port is still starting up; dial again in a few seconds.") \
	X(ERROR_NO_ACTIVE_ISDN_LINES, "No ISDN line is active.") \
	X(ERROR_NO_ISDN_CHANNELS_AVAILABLE, "No ISDN channel is free for the call.") \
	X(ERROR_TOO_MANY_LINE_ERRORS, "The line is too noisy: too many errors.") \
	X(ERROR_IP_CONFIGURATION, "The IP settings for remote access cannot be used.") \
	X(ERROR_NO_IP_ADDRESSES, "The pool of remote access IP addresses is empty.") \
	X(ERROR_PPP_TIMEOUT, "The remote computer stopped answering in time, so the link was ended.") \
	X(ERROR_PPP_REMOTE_TERMINATED, "The remote computer ended the PPP link.") \
	X(ERROR_PPP_NO_PROTOCOLS_CONFIGURED, "No network protocol could be agreed on; check the network settings of this entry.") \
	X(ERROR_PPP_NO_RESPONSE, "The remote access server did not answer, so no connection was made.") \
	X(ERROR_PPP_INVALID_PACKET, "Data that is not valid came from the remote computer and was dropped.") \
	X(ERROR_PHONE_NUMBER_TOO_LONG, "The phone number with prefix and suffix is too long.") \
	X(ERROR_IPXCP_NO_DIALOUT_CONFIGURED, "IPX cannot dial out on this device: this computer is set up as an IPX router.") \
	X(ERROR_IPXCP_NO_DIALIN_CONFIGURED, "IPX cannot dial in on this device: the IPX router is not installed.") \
	X(ERROR_IPXCP_DIALOUT_ALREADY_ACTIVE, "IPX can dial out on only one device at a time.") \
	X(ERROR_ACCESSING_TCPCFGDLL, "The TCP/IP configuration library could not be used.") \
	X(ERROR_NO_IP_RAS_ADAPTER, "No IP adapter was found.") \
	X(ERROR_SLIP_REQUIRES_IP, "SLIP needs the IP protocol.") \
	X(ERROR_PROJECTION_NOT_COMPLETE, "Registering this computer on the network did not finish.") \
	X(ERROR_PROTOCOL_NOT_CONFIGURED, "The protocol is not set up.") \
	X(ERROR_PPP_NOT_CONVERGING, "This computer and the remote one could not agree on the PPP control protocols.") \
	X(ERROR_PPP_CP_REJECTED, "The connection could not be completed; the protocols of this computer may need changing.") \
	X(ERROR_PPP_LCP_TERMINATED, "The PPP link control protocol (LCP) was ended.") \
	X(ERROR_PPP_REQUIRED_ADDRESS_REJECTED, "The server refused the address asked for.") \
	X(ERROR_PPP_NCP_TERMINATED, "The remote computer ended the network control protocol.") \
	X(ERROR_PPP_LOOPBACK_DETECTED, "The link loops back to this computer.") \
	X(ERROR_PPP_NO_ADDRESS_ASSIGNED, "The server gave no IP address, so no connection was made.") \
	X(ERROR_CANNOT_USE_LOGON_CREDENTIALS, "The server's authentication protocol cannot use the stored password; dial again and type it.") \
	X(ERROR_TAPI_CONFIGURATION, "A dialing rule is not valid.") \
	X(ERROR_NO_LOCAL_ENCRYPTION, "This computer does not support the data encryption required.") \
	X(ERROR_NO_REMOTE_ENCRYPTION, "The remote computer does not support the data encryption required.") \
	X(ERROR_REMOTE_REQUIRES_ENCRYPTION, "The remote computer requires data encryption.") \
	X(ERROR_IPXCP_NET_NUMBER_CONFLICT, "The IPX network number given by the remote computer cannot be used.") \
	X(ERROR_INVALID_SMM, "The SMM is not valid.") \
	X(ERROR_SMM_UNINITIALIZED, "The SMM has not been initialized.") \
	X(ERROR_NO_MAC_FOR_PORT, "The port has no MAC.") \
	X(ERROR_SMM_TIMEOUT, "The SMM timed out.") \
	X(ERROR_BAD_PHONE_NUMBER, "The phone number or destination address is missing or not valid.") \
	X(ERROR_WRONG_MODULE, "The wrong module was used.") \
	X(ERROR_INVALID_CALLBACK_NUMBER, "The callback number has a character other than 0-9, T, P, W, (, ), -, @ and space.") \
	X(ERROR_SCRIPT_SYNTAX, "A script has a syntax error.") \
	X(ERROR_HANGUP_FAILED, "The connection could not be hung up: permission denied.") \
	X(ERROR_BUNDLE_NOT_FOUND, "The multilink bundle could not be found.") \
	X(ERROR_CANNOT_DO_CUSTOMDIAL, "This entry has a custom dialer, so it cannot be dialed automatically.") \
	X(ERROR_DIAL_ALREADY_IN_PROGRESS, "This entry is being dialed already.") \
	X(ERROR_RASAUTO_CANNOT_INITIALIZE, "Automatic remote access could not be started.") \
	X(ERROR_CONNECTION_ALREADY_SHARED, "Connection sharing is on for this connection already.") \
	X(ERROR_SHARING_CHANGE_FAILED, "Changing the connection sharing settings failed.") \
	X(ERROR_SHARING_ROUTER_INSTALL, "Turning on routing failed.") \
	X(ERROR_SHARE_CONNECTION_FAILED, "Turning on connection sharing for this connection failed.") \
	X(ERROR_SHARING_PRIVATE_INSTALL, "Setting up the local network for sharing failed.") \
	X(ERROR_CANNOT_SHARE_CONNECTION, "Connection sharing cannot be turned on: there is more than one other LAN connection.") \
	X(ERROR_NO_SMART_CARD_READER, "There is no smart card reader.") \
	X(ERROR_SHARING_ADDRESS_EXISTS, "Connection sharing cannot be turned on: a LAN connection already has the address it needs.") \
	X(ERROR_NO_CERTIFICATE, "No certificate was found; L2TP over IPsec needs a machine certificate.") \
	X(ERROR_SHARING_MULTIPLE_ADDRESSES, "Connection sharing cannot be turned on: the private LAN connection has more than one IP address.") \
	X(ERROR_FAILED_TO_ENCRYPT, "The connection failed because data could not be encrypted.") \
	X(ERROR_BAD_ADDRESS_SPECIFIED, "The destination cannot be reached.") \
	X(ERROR_CONNECTION_REJECT, "The remote computer turned the connection down.") \
	X(ERROR_CONGESTION, "The network is busy, so the connection failed.") \
	X(ERROR_INCOMPATIBLE, "The remote computer's hardware does not fit the kind of call made.") \
	X(ERROR_NUMBERCHANGED, "The destination number has changed.") \
	X(ERROR_TEMPFAILURE, "A temporary failure stopped the connection; try again.") \
	X(ERROR_BLOCKED, "The remote computer blocked the call.") \
	X(ERROR_DONOTDISTURB, "The remote computer is set to Do Not Disturb.") \
	X(ERROR_OUTOFORDER, "The modem or other device at the remote end is out of order.") \
	X(ERROR_UNABLE_TO_AUTHENTICATE_SERVER, "The identity of the server could not be verified.") \
	X(ERROR_SMART_CARD_REQUIRED, "This connection needs a smart card to dial out.") \
	X(ERROR_INVALID_FUNCTION_FOR_ENTRY, "This function cannot be used on this connection.") \
	X(ERROR_CERT_FOR_ENCRYPTION_NOT_FOUND, "The connection needs a certificate and no valid one was found.") \
	X(ERROR_SHARING_RRAS_CONFLICT, "Connection sharing and the firewall cannot be turned on while routing and remote access is on.") \
	X(ERROR_SHARING_NO_PRIVATE_LAN, "Connection sharing cannot be turned on: the private LAN connection is missing or unplugged.") \
	X(ERROR_NO_DIFF_USER_AT_LOGON, "This connection cannot be dialed at logon: its user name differs from the smart card's.") \
	X(ERROR_NO_REG_CERT_AT_LOGON, "This connection cannot be dialed at logon: it is not set to use a smart card.") \
	X(ERROR_OAKLEY_NO_CERT, "No valid machine certificate is there for the security negotiation.") \
	X(ERROR_OAKLEY_AUTH_FAIL, "L2TP failed: the security layer could not authenticate the remote computer.") \
	X(ERROR_OAKLEY_ATTRIB_FAIL, "L2TP failed: no compatible security parameters could be agreed on.") \
	X(ERROR_OAKLEY_GENERAL_PROCESSING, "L2TP failed: the security layer hit an error in the first negotiation.") \
	X(ERROR_OAKLEY_NO_PEER_CERT, "L2TP failed: the remote computer's certificate did not validate.") \
	X(ERROR_OAKLEY_NO_POLICY, "L2TP failed: no security policy was found for the connection.") \
	X(ERROR_OAKLEY_TIMED_OUT, "L2TP failed: the security negotiation timed out.") \
	X(ERROR_OAKLEY_ERROR, "L2TP failed: an error happened while negotiating security.") \
	X(ERROR_UNKNOWN_FRAMED_PROTOCOL, "The RADIUS Framed-Protocol of this user is not PPP.") \
	X(ERROR_WRONG_TUNNEL_TYPE, "The server does not allow the VPN tunnel type used.") \
	X(ERROR_UNKNOWN_SERVICE_TYPE, "The RADIUS Service-Type of this user is neither Framed nor Callback Framed.") \
	X(ERROR_CONNECTING_DEVICE_NOT_FOUND, "The modem or other device was not found, so no connection was made.") \
	X(ERROR_NO_EAPTLS_CERTIFICATE, "No certificate usable with this EAP method was found.") \
	X(ERROR_SHARING_HOST_ADDRESS_CONFLICT, "Connection sharing cannot be turned on: another host uses the address it needs.") \
	X(ERROR_AUTOMATIC_VPN_FAILED, "Every VPN tunnel tried failed; the server may be out of reach or IPsec not set up.") \
	X(ERROR_VALIDATING_SERVER_CERT, "The server's certificate could not be verified.") \
	X(ERROR_READING_SCARD, "The smart card was not recognized; check that it is inserted properly.") \
	X(ERROR_INVALID_PEAP_COOKIE_CONFIG, "The PEAP settings in the session cookie differ from this session's.") \
	X(ERROR_INVALID_PEAP_COOKIE_USER, "The PEAP identity in the session cookie differs from the current one.") \
	X(ERROR_INVALID_MSCHAPV2_CONFIG, "This connection cannot be dialed at logon: it uses the logged-on user's credentials.") \
	X(ERROR_VPN_GRE_BLOCKED, "The VPN could not be completed: something on the way blocks GRE packets.") \
	X(ERROR_VPN_DISCONNECT, "The network link to the VPN server was interrupted.") \
	X(ERROR_VPN_REFUSED, "The VPN server refused the connection; its settings and this entry's may not match.") \
	X(ERROR_VPN_TIMEOUT, "The VPN server does not answer; a firewall or router on the way may block VPN traffic.") \
	X(ERROR_VPN_BAD_CERT, "The VPN did not complete: a certificate is wrong or expired.") \
	X(ERROR_VPN_BAD_PSK, "The VPN did not complete: the pre-shared key seems to be wrong.") \
	X(ERROR_SERVER_POLICY, "A policy of the remote access server prevented the connection.") \
	X(ERROR_BROADBAND_ACTIVE, "A broadband connection on this device or port is up already.") \
	X(ERROR_BROADBAND_NO_NIC, "The Ethernet link the broadband connection needs was not found.") \
	X(ERROR_BROADBAND_TIMEOUT, "The broadband server does not answer; the service name may be wrong.") \
	X(ERROR_FEATURE_DEPRECATED, "That feature or setting is no longer supported.") \
	X(ERROR_CANNOT_DELETE, "A connection cannot be deleted while it is up.") \
	X(ERROR_RASQEC_RESOURCE_CREATION_FAILED, "The NAP enforcement client could not create its resources.") \
	X(ERROR_RASQEC_NAPAGENT_NOT_ENABLED, "The NAP agent service is off or missing.") \
	X(ERROR_RASQEC_NAPAGENT_NOT_CONNECTED, "The NAP enforcement client could not register with the NAP agent.") \
	X(ERROR_RASQEC_CONN_DOESNOTEXIST, "The NAP enforcement client found no such remote access connection.") \
	X(ERROR_RASQEC_TIMEOUT, "The NAP enforcement client did not answer.") \
	X(ERROR_PEAP_CRYPTOBINDING_INVALID, "The PEAP crypto-binding TLV received is not valid.") \
	X(ERROR_PEAP_CRYPTOBINDING_NOTRECEIVED, "No PEAP crypto-binding TLV was received.") \
	X(ERROR_INVALID_VPNSTRATEGY, "PPTP does not work over IPv6; choose another tunnel protocol.") \
	X(ERROR_EAPTLS_CACHE_CREDENTIALS_INVALID, "The cached EAP-TLS credentials did not validate; discard them.") \
	X(ERROR_IPSEC_SERVICE_STOPPED, "The IPsec keying service or the filtering engine is not running.") \
	X(ERROR_IDLE_TIMEOUT, "The link was idle too long and was ended.") \
	X(ERROR_LINK_FAILURE, "The link failed (the peer stopped answering).") \
	X(ERROR_USER_LOGOFF, "The user logged off, so the connection was ended.") \
	X(ERROR_FAST_USER_SWITCH, "The user was switched, so the connection was ended.") \
	X(ERROR_HIBERNATION, "The computer hibernated, so the connection was ended.") \
	X(ERROR_SYSTEM_SUSPENDED, "The computer was suspended, so the connection was ended.") \
	X(ERROR_RASMAN_SERVICE_STOPPED, "The connection manager stopped, so the connection was ended.") \
	X(ERROR_INVALID_SERVER_CERT, "L2TP failed: fields of the server's certificate do not match the destination.") \
	X(ERROR_NOT_NAP_CAPABLE, "The NAP health state of this computer cannot be determined.") \
	X(ERROR_INVALID_TUNNELID, "The tunnel ID is not valid.") \
	X(ERROR_UPDATECONNECTION_REQUEST_IN_PROCESS, "Another connection update is in progress; only one at a time is allowed.") \
	X(ERROR_PROTOCOL_ENGINE_DISABLED, "Negotiating with the configured protocol is off; choose another protocol.") \
	X(ERROR_INTERNAL_ADDRESS_FAILURE, "Negotiating the internal address failed.") \
	X(ERROR_FAILED_CP_REQUIRED, "The client must ask for an internal IPv4 or IPv6 address.") \
	X(ERROR_TS_UNACCEPTABLE, "Negotiating the traffic selectors failed.") \
	X(ERROR_MOBIKE_DISABLED, "Mobility (MOBIKE) is off for this connection.") \
	X(ERROR_CANNOT_INITIATE_MOBIKE_UPDATE, "A MOBIKE update can only start once the connection is up.") \
	X(ERROR_PEAP_SERVER_REJECTED_CLIENT_TLV, "The server refused the client: an unexpected or mismatched TLV.") \
	X(ERROR_INVALID_PREFERENCES, "No VPN destination preference is chosen, or it is no longer valid.") \
	X(ERROR_EAPTLS_SCARD_CACHE_CREDENTIALS_INVALID, "The cached smart card credentials are not valid.") \
	X(ERROR_SSTP_COOKIE_SET_FAILURE, "An internal error happened while adding cookies to SSTP.") \
	X(ERROR_INVALID_PEAP_COOKIE_ATTRIBUTES, "The PEAP inner method attributes in the cookie are not valid.") \
	X(ERROR_EAP_METHOD_NOT_INSTALLED, "The EAP method this connection needs is not installed.") \
	X(ERROR_EAP_METHOD_DOES_NOT_SUPPORT_SSO, "The EAP method of this connection does not support single sign-on.") \
	X(ERROR_EAP_METHOD_OPERATION_NOT_SUPPORTED, "The EAP method of this connection does not support that operation.") \
	X(ERROR_EAP_USER_CERT_INVALID, "Authentication failed: the client's certificate is not valid.") \
	X(ERROR_EAP_USER_CERT_EXPIRED, "Authentication failed: the client's certificate has expired.") \
	X(ERROR_EAP_USER_CERT_REVOKED, "Authentication failed: the client's certificate was revoked.") \
	X(ERROR_EAP_USER_CERT_OTHER_ERROR, "Authentication failed: something is wrong with the client's certificate.") \
	X(ERROR_EAP_SERVER_CERT_INVALID, "Authentication failed: the server's certificate is not valid.") \
	X(ERROR_EAP_SERVER_CERT_EXPIRED, "Authentication failed: the server's certificate has expired.") \
	X(ERROR_EAP_SERVER_CERT_REVOKED, "Authentication failed: the server's certificate was revoked.") \
	X(ERROR_EAP_SERVER_CERT_OTHER_ERROR, "Authentication failed: something is wrong with the server's certificate.") \
	X(ERROR_EAP_USER_ROOT_CERT_NOT_FOUND, "Authentication failed: no trusted root certificate validates the client's certificate.") \
	X(ERROR_EAP_USER_ROOT_CERT_INVALID, "Authentication failed: the root certificate for the client's certificate is not valid.") \
	X(ERROR_EAP_USER_ROOT_CERT_EXPIRED, "Authentication failed: the root certificate for the client's certificate has expired.") \
	X(ERROR_EAP_SERVER_ROOT_CERT_NOT_FOUND, "Authentication failed: no trusted root certificate validates the server's certificate.") \
	X(ERROR_EAP_SERVER_ROOT_CERT_INVALID, "Authentication failed: the root certificate for the server's certificate is not valid.") \
	X(ERROR_EAP_SERVER_ROOT_CERT_NAME_REQUIRED, "Authentication failed: the server's certificate names no server.") \
	X(ERROR_PEAP_IDENTITY_MISMATCH, "The PEAP outer identity differs from the inner one while identity privacy is off.") \
	X(ERROR_DNSNAME_NOT_RESOLVABLE, "The name of the remote access server could not be resolved.") \
	X(ERROR_EAPTLS_PASSWD_INVALID, "The password for the certificate is not valid.") \
	X(ERROR_IKEV2_PSK_INTERFACE_ALREADY_EXISTS, "Another interface to the same destination already uses a pre-shared key.") \
	X(ERROR_INVALID_DESTINATION_IP, "The interface has no valid destination address.") \
	X(ERROR_INVALID_INTERFACE_CONFIG, "The interface settings are not valid.") \
	X(ERROR_VPN_PLUGIN_GENERIC, "The VPN could not connect.") \
	X(ERROR_SSO_CERT_MISSING, "No certificate for single sign-on was found.") \
	X(ERROR_DEVICE_COMPLIANCE, "The device compliance check failed.") \
	X(ERROR_PLUGIN_NOT_INSTALLED, "A program this VPN connection needs is not installed.") \
	X(ERROR_ACTION_REQUIRED, "The connection needs the user to act.") \
	X(ERROR_WINHTTP_AUTO_PROXY_SERVICE, "The automatic proxy lookup failed, so no connection was made.")

/* X(code, text) for the Win32 codes the RAS functions return. */
#define WIN_TEXTS(X) \
	X(ERROR_SUCCESS, "The operation succeeded.") \
	X(ERROR_INVALID_FUNCTION, "The function is not valid here.") \
	X(ERROR_FILE_NOT_FOUND, "The file was not found.") \
	X(ERROR_PATH_NOT_FOUND, "The path was not found.") \
	X(ERROR_ACCESS_DENIED, "Access is denied (the connection belongs to another user, or this user may not dial the entry with pppd).") \
	X(ERROR_INVALID_HANDLE, "The connection handle is not valid (or the connection is gone).") \
	X(ERROR_NOT_ENOUGH_MEMORY, "There is not enough memory.") \
	X(ERROR_OUTOFMEMORY, "Out of memory.") \
	X(ERROR_NOT_SUPPORTED, "That request is not supported.") \
	X(ERROR_INVALID_PARAMETER, "A parameter is not valid.") \
	X(ERROR_CALL_NOT_IMPLEMENTED, "That function is not implemented.") \
	X(ERROR_INSUFFICIENT_BUFFER, "The buffer is too small for the text.") \
	X(ERROR_ALREADY_EXISTS, "It exists already.") \
	X(ERROR_INVALID_FLAGS, "The flags are not valid.") \
	X(ERROR_CANCELLED, "The operation was cancelled.") \
	X(ERROR_TIMEOUT, "The operation timed out.")

/*
 * The texts in one block, found by a 16-bit offset per code: a pointer
 * per text would cost 8 bytes and a 24-byte dynamic relocation each.
 */
static const struct ras_text_block {
#define X(code, text) char t_##code[sizeof(text)];
	RAS_TEXTS(X)
	WIN_TEXTS(X)
#undef X
} ras_block = {
#define X(code, text) text,
	RAS_TEXTS(X)
	WIN_TEXTS(X)
#undef X
};

_Static_assert(sizeof(struct ras_text_block) < UINT16_MAX,
	       "ras_texts offsets are 16-bit");

/* 1 + offset of each code's text in ras_block, 0 when it has none. */
static const uint16_t ras_texts[RASBASEEND - RASBASE + 1] = {
#define X(code, text) \
	[(code) - RASBASE] = offsetof(struct ras_text_block, t_##code) + 1,
	RAS_TEXTS(X)
#undef X
};

/* The Win32 codes, each with the offset of its text in ras_block. */
static const struct {
	uint32_t code;
	uint16_t offset;
} win_texts[] = {
#define X(code, text) { code, offsetof(struct ras_text_block, t_##code) },
	WIN_TEXTS(X)
#undef X
};

const char *rasdial_error_text(uint32_t code)
{
	size_t i;

	if (code >= RASBASE && code <= RASBASEEND)
		return ras_texts[code - RASBASE] ?
		       (const char *)&ras_block + ras_texts[code - RASBASE] - 1 :
		       NULL;
	for (i = 0; i < RASDIAL_ARRAY_SIZE(win_texts); i++)
		if (win_texts[i].code == code)
			return (const char *)&ras_block + win_texts[i].offset;
	return NULL;
}

RASDIAL_API DWORD APIENTRY RasGetErrorStringA(UINT uErrorValue,
					      LPSTR lpszErrorString,
					      DWORD cBufSize)
{
	const char *text = rasdial_error_text(uErrorValue);
	size_t len;

	if (!lpszErrorString || !text)
		return ERROR_INVALID_PARAMETER;
	len = strlen(text);
	if (cBufSize <= len)
		return ERROR_INSUFFICIENT_BUFFER;
	memcpy(lpszErrorString, text, len + 1);
	return ERROR_SUCCESS;
}

/* X(name) for each RASCONNSTATE RASCS_name that has a name. */
#define STATE_NAMES(X) \
	X(OpenPort) \
	X(PortOpened) \
	X(ConnectDevice) \
	X(DeviceConnected) \
	X(AllDevicesConnected) \
	X(Authenticate) \
	X(AuthNotify) \
	X(AuthRetry) \
	X(AuthCallback) \
	X(AuthChangePassword) \
	X(AuthProject) \
	X(AuthLinkSpeed) \
	X(AuthAck) \
	X(ReAuthenticate) \
	X(Authenticated) \
	X(PrepareForCallback) \
	X(WaitForModemReset) \
	X(WaitForCallback) \
	X(Projected) \
	X(StartAuthentication) \
	X(CallbackComplete) \
	X(LogonNetwork) \
	X(SubEntryConnected) \
	X(SubEntryDisconnected) \
	X(ApplySettings) \
	X(Interactive) \
	X(RetryAuthentication) \
	X(CallbackSetByCaller) \
	X(PasswordExpired) \
	X(InvokeEapUI) \
	X(Connected) \
	X(Disconnected)

/* The names in one block, as the error texts (no pointer per name). */
static const struct state_name_block {
#define X(name) char n_##name[sizeof(#name)];
	STATE_NAMES(X)
#undef X
} state_block = {
#define X(name) #name,
	STATE_NAMES(X)
#undef X
};

_Static_assert(RASCS_Disconnected <= UINT16_MAX, "states are 16-bit here");

static const struct {
	uint16_t state;
	uint16_t offset;
} state_names[] = {
#define X(name) { RASCS_##name, offsetof(struct state_name_block, n_##name) },
	STATE_NAMES(X)
#undef X
};

RASDIAL_API const char *rasdial_state_name(RASCONNSTATE state)
{
	unsigned int v = (unsigned int)state;
	size_t i;

	for (i = 0; i < RASDIAL_ARRAY_SIZE(state_names); i++)
		if (state_names[i].state == v)
			return (const char *)&state_block + state_names[i].offset;
	return NULL;
}
