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

/*
 * Phrases the texts share, stored once: byte N (1..16) in a text stands
 * for the Nth phrase of ras_phrases (-3 KiB; no text has control bytes).
 * RasGetErrorStringA expands them.
 */
#define RT_THE			"\001"
#define RT_COULD_NOT_BE		"\002"
#define RT_CONNECTION		"\003"
#define RT_AUTH_FAILED		"\004"
#define RT_CERTIFICATE		"\005"
#define RT_OR_OTHER_DEVICE	"\006"
#define RT_COMPUTER		"\007"
#define RT_SHARING_ON		"\010"
#define RT_THE_REMOTE		"\011"
#define RT_FROM_THE		"\012"
#define RT_L2TP_FAILED		"\013"
#define RT_DOES_NOT		"\014"
#define RT_SERVERS		"\015"
#define RT_THAT_IS_NOT		"\016"
#define RT_ENFORCEMENT		"\017"
#define RT_REMOTE_ACCESS	"\020"
#define RT_COUNT		16

static const char ras_phrases[] =
	"The \0could not be \0connection \0Authentication failed: \0"
	"certificate \0or other device \0computer \0"
	"Connection sharing cannot be turned on: \0the remote \0from the \0"
	"L2TP failed: \0does not \0server's \0that is not \0"
	"enforcement client \0remote access ";

/* X(code, text) for each RAS code that has a text. */
#define RAS_TEXTS(X) \
	X(PENDING, RT_THE "operation has not finished yet.") \
	X(ERROR_INVALID_PORT_HANDLE, RT_THE "port handle is not valid.") \
	X(ERROR_PORT_ALREADY_OPEN, RT_THE "port is open already.") \
	X(ERROR_BUFFER_TOO_SMALL, RT_THE "buffer passed in is too small for the result.") \
	X(ERROR_WRONG_INFO_SPECIFIED, RT_THE "information given is not correct.") \
	X(ERROR_CANNOT_SET_PORT_INFO, RT_THE "port settings " RT_COULD_NOT_BE "changed.") \
	X(ERROR_PORT_NOT_CONNECTED, RT_THE "port is not connected.") \
	X(ERROR_EVENT_INVALID, "An event " RT_THAT_IS_NOT "valid was seen.") \
	X(ERROR_DEVICE_DOES_NOT_EXIST, RT_THE "device named " RT_DOES_NOT "exist.") \
	X(ERROR_DEVICETYPE_DOES_NOT_EXIST, RT_THE "device type named " RT_DOES_NOT "exist.") \
	X(ERROR_BUFFER_INVALID, RT_THE "buffer passed in is not valid.") \
	X(ERROR_ROUTE_NOT_AVAILABLE, RT_THE "route named is not available.") \
	X(ERROR_ROUTE_NOT_ALLOCATED, RT_THE "route named has not been allocated.") \
	X(ERROR_INVALID_COMPRESSION_SPECIFIED, RT_THE "compression asked for is not valid.") \
	X(ERROR_OUT_OF_BUFFERS, "Not enough buffers were available.") \
	X(ERROR_PORT_NOT_FOUND, RT_THE "port named " RT_COULD_NOT_BE "found.") \
	X(ERROR_ASYNC_REQUEST_PENDING, "An asynchronous request is still in progress (RasDial cannot be called from inside a RasDial notifier).") \
	X(ERROR_ALREADY_DISCONNECTING, RT_THE "modem " RT_OR_OTHER_DEVICE "is disconnecting already.") \
	X(ERROR_PORT_NOT_OPEN, RT_THE "port is not open.") \
	X(ERROR_PORT_DISCONNECTED, RT_THE "link to " RT_THE_REMOTE RT_COMPUTER "closed (pppd ended without reporting why).") \
	X(ERROR_NO_ENDPOINTS, "No endpoints could be found.") \
	X(ERROR_CANNOT_OPEN_PHONEBOOK, RT_THE "phone book " RT_COULD_NOT_BE "opened (give a peers directory, or none for /etc/ppp/peers).") \
	X(ERROR_CANNOT_LOAD_PHONEBOOK, RT_THE "phone book " RT_COULD_NOT_BE "loaded.") \
	X(ERROR_CANNOT_FIND_PHONEBOOK_ENTRY, "There is no phone book entry of that name (no such file in the peers directory).") \
	X(ERROR_CANNOT_WRITE_PHONEBOOK, RT_THE "phone book " RT_COULD_NOT_BE "written.") \
	X(ERROR_CORRUPT_PHONEBOOK, RT_THE "phone book holds information " RT_THAT_IS_NOT "valid.") \
	X(ERROR_CANNOT_LOAD_STRING, "A text " RT_COULD_NOT_BE "loaded.") \
	X(ERROR_KEY_NOT_FOUND, "A key was not found.") \
	X(ERROR_DISCONNECTION, RT_THE "remote " RT_COMPUTER "ended the " RT_CONNECTION "before it was complete.") \
	X(ERROR_REMOTE_DISCONNECTION, RT_THE "remote " RT_COMPUTER "hung up.") \
	X(ERROR_HARDWARE_FAILURE, RT_THE "modem " RT_OR_OTHER_DEVICE "was cut off by a hardware failure.") \
	X(ERROR_USER_DISCONNECTION, RT_THE RT_CONNECTION "was hung up on request.") \
	X(ERROR_INVALID_SIZE, "A structure had a dwSize this library " RT_DOES_NOT "know.") \
	X(ERROR_PORT_NOT_AVAILABLE, RT_THE "modem " RT_OR_OTHER_DEVICE "is busy or not set up correctly.") \
	X(ERROR_CANNOT_PROJECT_CLIENT, "This " RT_COMPUTER RT_COULD_NOT_BE "registered on " RT_THE_REMOTE "network.") \
	X(ERROR_UNKNOWN, "An unknown error happened.") \
	X(ERROR_WRONG_DEVICE_ATTACHED, RT_THE "device on the port is not the one expected.") \
	X(ERROR_BAD_STRING, "A string " RT_COULD_NOT_BE "converted.") \
	X(ERROR_REQUEST_TIMEOUT, RT_THE "remote server did not answer in time.") \
	X(ERROR_CANNOT_GET_LANA, "No asynchronous network was available.") \
	X(ERROR_NETBIOS_ERROR, "A NetBIOS error happened.") \
	X(ERROR_SERVER_OUT_OF_RESOURCES, RT_THE "server could not allocate NetBIOS resources for this client.") \
	X(ERROR_NAME_EXISTS_ON_NET, "A NetBIOS name of this " RT_COMPUTER "is registered on " RT_THE_REMOTE "network already.") \
	X(ERROR_SERVER_GENERAL_NET_FAILURE, "A network adapter of the server failed.") \
	X(WARNING_MSG_ALIAS_NOT_ADDED, "Network message pop-ups will not be received.") \
	X(ERROR_AUTH_INTERNAL, "Authentication failed inside this computer.") \
	X(ERROR_RESTRICTED_LOGON_HOURS, RT_THE "account may not log on at this time of day.") \
	X(ERROR_ACCT_DISABLED, RT_THE "account is disabled.") \
	X(ERROR_PASSWD_EXPIRED, RT_THE "password of the account has expired.") \
	X(ERROR_NO_DIALIN_PERMISSION, RT_THE "account has no permission to dial in.") \
	X(ERROR_SERVER_NOT_RESPONDING, RT_THE RT_REMOTE_ACCESS "server " RT_DOES_NOT "answer.") \
	X(ERROR_FROM_DEVICE, RT_THE "modem " RT_OR_OTHER_DEVICE "reported an error.") \
	X(ERROR_UNRECOGNIZED_RESPONSE, RT_THE "modem " RT_OR_OTHER_DEVICE "gave an answer that was not understood.") \
	X(ERROR_MACRO_NOT_FOUND, "A macro the device needs is missing from its device file.") \
	X(ERROR_MACRO_NOT_DEFINED, RT_THE "device file refers to a macro " RT_THAT_IS_NOT "defined.") \
	X(ERROR_MESSAGE_MACRO_NOT_FOUND, RT_THE "<message> macro is missing " RT_FROM_THE "device file.") \
	X(ERROR_DEFAULTOFF_MACRO_NOT_FOUND, RT_THE "<defaultoff> macro of the device file uses an undefined macro.") \
	X(ERROR_FILE_COULD_NOT_BE_OPENED, RT_THE "device file " RT_COULD_NOT_BE "opened.") \
	X(ERROR_DEVICENAME_TOO_LONG, "A device name in the device or media file is too long.") \
	X(ERROR_DEVICENAME_NOT_FOUND, RT_THE "media file names a device " RT_THAT_IS_NOT "known.") \
	X(ERROR_NO_RESPONSES, RT_THE "device file lists no answers for a command.") \
	X(ERROR_NO_COMMAND_FOUND, "A command is missing " RT_FROM_THE "device file.") \
	X(ERROR_WRONG_KEY_SPECIFIED, "A macro not listed in the device file was set.") \
	X(ERROR_UNKNOWN_DEVICE_TYPE, RT_THE "media file names a device type " RT_THAT_IS_NOT "known.") \
	X(ERROR_ALLOCATING_MEMORY, RT_THE "system ran out of memory.") \
	X(ERROR_PORT_NOT_CONFIGURED, RT_THE "modem " RT_OR_OTHER_DEVICE "is not set up correctly.") \
	X(ERROR_DEVICE_NOT_READY, RT_THE "modem " RT_OR_OTHER_DEVICE RT_DOES_NOT "work.") \
	X(ERROR_READING_INI_FILE, RT_THE "media file " RT_COULD_NOT_BE "read.") \
	X(ERROR_NO_CONNECTION, RT_THE RT_CONNECTION "has ended.") \
	X(ERROR_BAD_USAGE_IN_INI_FILE, RT_THE "usage setting of the media file is not valid.") \
	X(ERROR_READING_SECTIONNAME, "A section name " RT_COULD_NOT_BE "read " RT_FROM_THE "media file.") \
	X(ERROR_READING_DEVICETYPE, RT_THE "device type " RT_COULD_NOT_BE "read " RT_FROM_THE "media file.") \
	X(ERROR_READING_DEVICENAME, RT_THE "device name " RT_COULD_NOT_BE "read " RT_FROM_THE "media file.") \
	X(ERROR_READING_USAGE, RT_THE "usage " RT_COULD_NOT_BE "read " RT_FROM_THE "media file.") \
	X(ERROR_READING_MAXCONNECTBPS, RT_THE "highest connect speed " RT_COULD_NOT_BE "read " RT_FROM_THE "media file.") \
	X(ERROR_READING_MAXCARRIERBPS, RT_THE "highest carrier speed " RT_COULD_NOT_BE "read " RT_FROM_THE "media file.") \
	X(ERROR_LINE_BUSY, RT_THE "line is busy.") \
	X(ERROR_VOICE_ANSWER, "A person answered, not a modem.") \
	X(ERROR_NO_ANSWER, "Nobody answered at " RT_THE_REMOTE "end.") \
	X(ERROR_NO_CARRIER, "No carrier was detected.") \
	X(ERROR_NO_DIALTONE, "There is no dial tone.") \
	X(ERROR_IN_COMMAND, RT_THE "modem " RT_OR_OTHER_DEVICE "reported a general error.") \
	X(ERROR_WRITING_SECTIONNAME, RT_THE "section name " RT_COULD_NOT_BE "written.") \
	X(ERROR_WRITING_DEVICETYPE, RT_THE "device type " RT_COULD_NOT_BE "written.") \
	X(ERROR_WRITING_DEVICENAME, RT_THE "device name " RT_COULD_NOT_BE "written.") \
	X(ERROR_WRITING_MAXCONNECTBPS, RT_THE "highest connect speed " RT_COULD_NOT_BE "written.") \
	X(ERROR_WRITING_MAXCARRIERBPS, RT_THE "highest carrier speed " RT_COULD_NOT_BE "written.") \
	X(ERROR_WRITING_USAGE, RT_THE "usage " RT_COULD_NOT_BE "written.") \
	X(ERROR_WRITING_DEFAULTOFF, RT_THE "default-off setting " RT_COULD_NOT_BE "written.") \
	X(ERROR_READING_DEFAULTOFF, RT_THE "default-off setting " RT_COULD_NOT_BE "read.") \
	X(ERROR_EMPTY_INI_FILE, RT_THE "media file is empty.") \
	X(ERROR_AUTHENTICATION_FAILURE, RT_THE "remote end refused the user name and password, or the authentication protocol.") \
	X(ERROR_PORT_OR_DEVICE, RT_THE "modem " RT_OR_OTHER_DEVICE "had a hardware failure.") \
	X(ERROR_NOT_BINARY_MACRO, RT_THE "macro is not a binary macro.") \
	X(ERROR_DCB_NOT_FOUND, RT_THE "device control block was not found.") \
	X(ERROR_STATE_MACHINES_NOT_STARTED, RT_THE "state machines have not been started.") \
	X(ERROR_STATE_MACHINES_ALREADY_STARTED, RT_THE "state machines have been started already.") \
	X(ERROR_PARTIAL_RESPONSE_LOOPING, "Reading a device answer in parts did not finish.") \
	X(ERROR_UNKNOWN_RESPONSE_KEY, "An answer key name in the device file has the wrong form.") \
	X(ERROR_RECV_BUF_FULL, "An answer of the modem " RT_OR_OTHER_DEVICE "overflowed the buffer.") \
	X(ERROR_CMD_TOO_LONG, "A command for the device is too long once expanded.") \
	X(ERROR_UNSUPPORTED_BPS, RT_THE "modem switched to a speed the serial driver " RT_DOES_NOT "support.") \
	X(ERROR_UNEXPECTED_RESPONSE, RT_THE "device answered when no answer was expected.") \
	X(ERROR_INTERACTIVE_MODE, RT_THE RT_CONNECTION "needs input " RT_FROM_THE "user, but the program allows no interaction.") \
	X(ERROR_BAD_CALLBACK_NUMBER, RT_THE "callback number is not valid.") \
	X(ERROR_INVALID_AUTH_STATE, RT_THE "authorization state is not valid.") \
	X(ERROR_WRITING_INITBPS, RT_THE "initial speed " RT_COULD_NOT_BE "written.") \
	X(ERROR_X25_DIAGNOSTIC, RT_THE "X.25 protocol reported an error.") \
	X(ERROR_ACCT_EXPIRED, RT_THE "account has expired.") \
	X(ERROR_CHANGING_PASSWORD, RT_THE "password " RT_COULD_NOT_BE "changed (too short, or used before).") \
	X(ERROR_OVERRUN, "Serial overruns happened while talking to the modem.") \
	X(ERROR_RASMAN_CANNOT_INITIALIZE, RT_THE RT_CONNECTION "manager " RT_COULD_NOT_BE "started: is the rasdial kernel module loaded and pppd installed?") \
	X(ERROR_BIPLEX_PORT_NOT_AVAILABLE, RT_THE "two-way port is still starting up; dial again in a few seconds.") \
	X(ERROR_NO_ACTIVE_ISDN_LINES, "No ISDN line is active.") \
	X(ERROR_NO_ISDN_CHANNELS_AVAILABLE, "No ISDN channel is free for the call.") \
	X(ERROR_TOO_MANY_LINE_ERRORS, RT_THE "line is too noisy: too many errors.") \
	X(ERROR_IP_CONFIGURATION, RT_THE "IP settings for " RT_REMOTE_ACCESS "cannot be used.") \
	X(ERROR_NO_IP_ADDRESSES, RT_THE "pool of " RT_REMOTE_ACCESS "IP addresses is empty.") \
	X(ERROR_PPP_TIMEOUT, RT_THE "remote " RT_COMPUTER "stopped answering in time, so the link was ended.") \
	X(ERROR_PPP_REMOTE_TERMINATED, RT_THE "remote " RT_COMPUTER "ended the PPP link.") \
	X(ERROR_PPP_NO_PROTOCOLS_CONFIGURED, "No network protocol could be agreed on; check the network settings of this entry.") \
	X(ERROR_PPP_NO_RESPONSE, RT_THE RT_REMOTE_ACCESS "server did not answer, so no " RT_CONNECTION "was made.") \
	X(ERROR_PPP_INVALID_PACKET, "Data " RT_THAT_IS_NOT "valid came from " RT_THE_REMOTE RT_COMPUTER "and was dropped.") \
	X(ERROR_PHONE_NUMBER_TOO_LONG, RT_THE "phone number with prefix and suffix is too long.") \
	X(ERROR_IPXCP_NO_DIALOUT_CONFIGURED, "IPX cannot dial out on this device: this " RT_COMPUTER "is set up as an IPX router.") \
	X(ERROR_IPXCP_NO_DIALIN_CONFIGURED, "IPX cannot dial in on this device: the IPX router is not installed.") \
	X(ERROR_IPXCP_DIALOUT_ALREADY_ACTIVE, "IPX can dial out on only one device at a time.") \
	X(ERROR_ACCESSING_TCPCFGDLL, RT_THE "TCP/IP configuration library " RT_COULD_NOT_BE "used.") \
	X(ERROR_NO_IP_RAS_ADAPTER, "No IP adapter was found.") \
	X(ERROR_SLIP_REQUIRES_IP, "SLIP needs the IP protocol.") \
	X(ERROR_PROJECTION_NOT_COMPLETE, "Registering this " RT_COMPUTER "on the network did not finish.") \
	X(ERROR_PROTOCOL_NOT_CONFIGURED, RT_THE "protocol is not set up.") \
	X(ERROR_PPP_NOT_CONVERGING, "This " RT_COMPUTER "and " RT_THE_REMOTE "one could not agree on the PPP control protocols.") \
	X(ERROR_PPP_CP_REJECTED, RT_THE RT_CONNECTION RT_COULD_NOT_BE "completed; the protocols of this " RT_COMPUTER "may need changing.") \
	X(ERROR_PPP_LCP_TERMINATED, RT_THE "PPP link control protocol (LCP) was ended.") \
	X(ERROR_PPP_REQUIRED_ADDRESS_REJECTED, RT_THE "server refused the address asked for.") \
	X(ERROR_PPP_NCP_TERMINATED, RT_THE "remote " RT_COMPUTER "ended the network control protocol.") \
	X(ERROR_PPP_LOOPBACK_DETECTED, RT_THE "link loops back to this computer.") \
	X(ERROR_PPP_NO_ADDRESS_ASSIGNED, RT_THE "server gave no IP address, so no " RT_CONNECTION "was made.") \
	X(ERROR_CANNOT_USE_LOGON_CREDENTIALS, RT_THE RT_SERVERS "authentication protocol cannot use the stored password; dial again and type it.") \
	X(ERROR_TAPI_CONFIGURATION, "A dialing rule is not valid.") \
	X(ERROR_NO_LOCAL_ENCRYPTION, "This " RT_COMPUTER RT_DOES_NOT "support the data encryption required.") \
	X(ERROR_NO_REMOTE_ENCRYPTION, RT_THE "remote " RT_COMPUTER RT_DOES_NOT "support the data encryption required.") \
	X(ERROR_REMOTE_REQUIRES_ENCRYPTION, RT_THE "remote " RT_COMPUTER "requires data encryption.") \
	X(ERROR_IPXCP_NET_NUMBER_CONFLICT, RT_THE "IPX network number given by " RT_THE_REMOTE RT_COMPUTER "cannot be used.") \
	X(ERROR_INVALID_SMM, RT_THE "SMM is not valid.") \
	X(ERROR_SMM_UNINITIALIZED, RT_THE "SMM has not been initialized.") \
	X(ERROR_NO_MAC_FOR_PORT, RT_THE "port has no MAC.") \
	X(ERROR_SMM_TIMEOUT, RT_THE "SMM timed out.") \
	X(ERROR_BAD_PHONE_NUMBER, RT_THE "phone number or destination address is missing or not valid.") \
	X(ERROR_WRONG_MODULE, RT_THE "wrong module was used.") \
	X(ERROR_INVALID_CALLBACK_NUMBER, RT_THE "callback number has a character other than 0-9, T, P, W, (, ), -, @ and space.") \
	X(ERROR_SCRIPT_SYNTAX, "A script has a syntax error.") \
	X(ERROR_HANGUP_FAILED, RT_THE RT_CONNECTION RT_COULD_NOT_BE "hung up: permission denied.") \
	X(ERROR_BUNDLE_NOT_FOUND, RT_THE "multilink bundle " RT_COULD_NOT_BE "found.") \
	X(ERROR_CANNOT_DO_CUSTOMDIAL, "This entry has a custom dialer, so it cannot be dialed automatically.") \
	X(ERROR_DIAL_ALREADY_IN_PROGRESS, "This entry is being dialed already.") \
	X(ERROR_RASAUTO_CANNOT_INITIALIZE, "Automatic " RT_REMOTE_ACCESS RT_COULD_NOT_BE "started.") \
	X(ERROR_CONNECTION_ALREADY_SHARED, "Connection sharing is on for this " RT_CONNECTION "already.") \
	X(ERROR_SHARING_CHANGE_FAILED, "Changing the " RT_CONNECTION "sharing settings failed.") \
	X(ERROR_SHARING_ROUTER_INSTALL, "Turning on routing failed.") \
	X(ERROR_SHARE_CONNECTION_FAILED, "Turning on " RT_CONNECTION "sharing for this " RT_CONNECTION "failed.") \
	X(ERROR_SHARING_PRIVATE_INSTALL, "Setting up the local network for sharing failed.") \
	X(ERROR_CANNOT_SHARE_CONNECTION, RT_SHARING_ON "there is more than one other LAN connection.") \
	X(ERROR_NO_SMART_CARD_READER, "There is no smart card reader.") \
	X(ERROR_SHARING_ADDRESS_EXISTS, RT_SHARING_ON "a LAN " RT_CONNECTION "already has the address it needs.") \
	X(ERROR_NO_CERTIFICATE, "No " RT_CERTIFICATE "was found; L2TP over IPsec needs a machine certificate.") \
	X(ERROR_SHARING_MULTIPLE_ADDRESSES, RT_SHARING_ON "the private LAN " RT_CONNECTION "has more than one IP address.") \
	X(ERROR_FAILED_TO_ENCRYPT, RT_THE RT_CONNECTION "failed because data " RT_COULD_NOT_BE "encrypted.") \
	X(ERROR_BAD_ADDRESS_SPECIFIED, RT_THE "destination cannot be reached.") \
	X(ERROR_CONNECTION_REJECT, RT_THE "remote " RT_COMPUTER "turned the " RT_CONNECTION "down.") \
	X(ERROR_CONGESTION, RT_THE "network is busy, so the " RT_CONNECTION "failed.") \
	X(ERROR_INCOMPATIBLE, RT_THE "remote computer's hardware " RT_DOES_NOT "fit the kind of call made.") \
	X(ERROR_NUMBERCHANGED, RT_THE "destination number has changed.") \
	X(ERROR_TEMPFAILURE, "A temporary failure stopped the connection; try again.") \
	X(ERROR_BLOCKED, RT_THE "remote " RT_COMPUTER "blocked the call.") \
	X(ERROR_DONOTDISTURB, RT_THE "remote " RT_COMPUTER "is set to Do Not Disturb.") \
	X(ERROR_OUTOFORDER, RT_THE "modem " RT_OR_OTHER_DEVICE "at " RT_THE_REMOTE "end is out of order.") \
	X(ERROR_UNABLE_TO_AUTHENTICATE_SERVER, RT_THE "identity of the server " RT_COULD_NOT_BE "verified.") \
	X(ERROR_SMART_CARD_REQUIRED, "This " RT_CONNECTION "needs a smart card to dial out.") \
	X(ERROR_INVALID_FUNCTION_FOR_ENTRY, "This function cannot be used on this connection.") \
	X(ERROR_CERT_FOR_ENCRYPTION_NOT_FOUND, RT_THE RT_CONNECTION "needs a " RT_CERTIFICATE "and no valid one was found.") \
	X(ERROR_SHARING_RRAS_CONFLICT, "Connection sharing and the firewall cannot be turned on while routing and " RT_REMOTE_ACCESS "is on.") \
	X(ERROR_SHARING_NO_PRIVATE_LAN, RT_SHARING_ON "the private LAN " RT_CONNECTION "is missing or unplugged.") \
	X(ERROR_NO_DIFF_USER_AT_LOGON, "This " RT_CONNECTION "cannot be dialed at logon: its user name differs " RT_FROM_THE "smart card's.") \
	X(ERROR_NO_REG_CERT_AT_LOGON, "This " RT_CONNECTION "cannot be dialed at logon: it is not set to use a smart card.") \
	X(ERROR_OAKLEY_NO_CERT, "No valid machine " RT_CERTIFICATE "is there for the security negotiation.") \
	X(ERROR_OAKLEY_AUTH_FAIL, RT_L2TP_FAILED "the security layer could not authenticate " RT_THE_REMOTE "computer.") \
	X(ERROR_OAKLEY_ATTRIB_FAIL, RT_L2TP_FAILED "no compatible security parameters could be agreed on.") \
	X(ERROR_OAKLEY_GENERAL_PROCESSING, RT_L2TP_FAILED "the security layer hit an error in the first negotiation.") \
	X(ERROR_OAKLEY_NO_PEER_CERT, RT_L2TP_FAILED RT_THE_REMOTE "computer's " RT_CERTIFICATE "did not validate.") \
	X(ERROR_OAKLEY_NO_POLICY, RT_L2TP_FAILED "no security policy was found for the connection.") \
	X(ERROR_OAKLEY_TIMED_OUT, RT_L2TP_FAILED "the security negotiation timed out.") \
	X(ERROR_OAKLEY_ERROR, RT_L2TP_FAILED "an error happened while negotiating security.") \
	X(ERROR_UNKNOWN_FRAMED_PROTOCOL, RT_THE "RADIUS Framed-Protocol of this user is not PPP.") \
	X(ERROR_WRONG_TUNNEL_TYPE, RT_THE "server " RT_DOES_NOT "allow the VPN tunnel type used.") \
	X(ERROR_UNKNOWN_SERVICE_TYPE, RT_THE "RADIUS Service-Type of this user is neither Framed nor Callback Framed.") \
	X(ERROR_CONNECTING_DEVICE_NOT_FOUND, RT_THE "modem " RT_OR_OTHER_DEVICE "was not found, so no " RT_CONNECTION "was made.") \
	X(ERROR_NO_EAPTLS_CERTIFICATE, "No " RT_CERTIFICATE "usable with this EAP method was found.") \
	X(ERROR_SHARING_HOST_ADDRESS_CONFLICT, RT_SHARING_ON "another host uses the address it needs.") \
	X(ERROR_AUTOMATIC_VPN_FAILED, "Every VPN tunnel tried failed; the server may be out of reach or IPsec not set up.") \
	X(ERROR_VALIDATING_SERVER_CERT, RT_THE RT_SERVERS RT_CERTIFICATE RT_COULD_NOT_BE "verified.") \
	X(ERROR_READING_SCARD, RT_THE "smart card was not recognized; check that it is inserted properly.") \
	X(ERROR_INVALID_PEAP_COOKIE_CONFIG, RT_THE "PEAP settings in the session cookie differ from this session's.") \
	X(ERROR_INVALID_PEAP_COOKIE_USER, RT_THE "PEAP identity in the session cookie differs " RT_FROM_THE "current one.") \
	X(ERROR_INVALID_MSCHAPV2_CONFIG, "This " RT_CONNECTION "cannot be dialed at logon: it uses the logged-on user's credentials.") \
	X(ERROR_VPN_GRE_BLOCKED, RT_THE "VPN " RT_COULD_NOT_BE "completed: something on the way blocks GRE packets.") \
	X(ERROR_VPN_DISCONNECT, RT_THE "network link to the VPN server was interrupted.") \
	X(ERROR_VPN_REFUSED, RT_THE "VPN server refused the connection; its settings and this entry's may not match.") \
	X(ERROR_VPN_TIMEOUT, RT_THE "VPN server " RT_DOES_NOT "answer; a firewall or router on the way may block VPN traffic.") \
	X(ERROR_VPN_BAD_CERT, RT_THE "VPN did not complete: a " RT_CERTIFICATE "is wrong or expired.") \
	X(ERROR_VPN_BAD_PSK, RT_THE "VPN did not complete: the pre-shared key seems to be wrong.") \
	X(ERROR_SERVER_POLICY, "A policy of " RT_THE_REMOTE "access server prevented the connection.") \
	X(ERROR_BROADBAND_ACTIVE, "A broadband " RT_CONNECTION "on this device or port is up already.") \
	X(ERROR_BROADBAND_NO_NIC, RT_THE "Ethernet link the broadband " RT_CONNECTION "needs was not found.") \
	X(ERROR_BROADBAND_TIMEOUT, RT_THE "broadband server " RT_DOES_NOT "answer; the service name may be wrong.") \
	X(ERROR_FEATURE_DEPRECATED, "That feature or setting is no longer supported.") \
	X(ERROR_CANNOT_DELETE, "A " RT_CONNECTION "cannot be deleted while it is up.") \
	X(ERROR_RASQEC_RESOURCE_CREATION_FAILED, RT_THE "NAP " RT_ENFORCEMENT "could not create its resources.") \
	X(ERROR_RASQEC_NAPAGENT_NOT_ENABLED, RT_THE "NAP agent service is off or missing.") \
	X(ERROR_RASQEC_NAPAGENT_NOT_CONNECTED, RT_THE "NAP " RT_ENFORCEMENT "could not register with the NAP agent.") \
	X(ERROR_RASQEC_CONN_DOESNOTEXIST, RT_THE "NAP " RT_ENFORCEMENT "found no such " RT_REMOTE_ACCESS "connection.") \
	X(ERROR_RASQEC_TIMEOUT, RT_THE "NAP " RT_ENFORCEMENT "did not answer.") \
	X(ERROR_PEAP_CRYPTOBINDING_INVALID, RT_THE "PEAP crypto-binding TLV received is not valid.") \
	X(ERROR_PEAP_CRYPTOBINDING_NOTRECEIVED, "No PEAP crypto-binding TLV was received.") \
	X(ERROR_INVALID_VPNSTRATEGY, "PPTP " RT_DOES_NOT "work over IPv6; choose another tunnel protocol.") \
	X(ERROR_EAPTLS_CACHE_CREDENTIALS_INVALID, RT_THE "cached EAP-TLS credentials did not validate; discard them.") \
	X(ERROR_IPSEC_SERVICE_STOPPED, RT_THE "IPsec keying service or the filtering engine is not running.") \
	X(ERROR_IDLE_TIMEOUT, RT_THE "link was idle too long and was ended.") \
	X(ERROR_LINK_FAILURE, RT_THE "link failed (the peer stopped answering).") \
	X(ERROR_USER_LOGOFF, RT_THE "user logged off, so the " RT_CONNECTION "was ended.") \
	X(ERROR_FAST_USER_SWITCH, RT_THE "user was switched, so the " RT_CONNECTION "was ended.") \
	X(ERROR_HIBERNATION, RT_THE RT_COMPUTER "hibernated, so the " RT_CONNECTION "was ended.") \
	X(ERROR_SYSTEM_SUSPENDED, RT_THE RT_COMPUTER "was suspended, so the " RT_CONNECTION "was ended.") \
	X(ERROR_RASMAN_SERVICE_STOPPED, RT_THE RT_CONNECTION "manager stopped, so the " RT_CONNECTION "was ended.") \
	X(ERROR_INVALID_SERVER_CERT, RT_L2TP_FAILED "fields of the " RT_SERVERS RT_CERTIFICATE "do not match the destination.") \
	X(ERROR_NOT_NAP_CAPABLE, RT_THE "NAP health state of this " RT_COMPUTER "cannot be determined.") \
	X(ERROR_INVALID_TUNNELID, RT_THE "tunnel ID is not valid.") \
	X(ERROR_UPDATECONNECTION_REQUEST_IN_PROCESS, "Another " RT_CONNECTION "update is in progress; only one at a time is allowed.") \
	X(ERROR_PROTOCOL_ENGINE_DISABLED, "Negotiating with the configured protocol is off; choose another protocol.") \
	X(ERROR_INTERNAL_ADDRESS_FAILURE, "Negotiating the internal address failed.") \
	X(ERROR_FAILED_CP_REQUIRED, RT_THE "client must ask for an internal IPv4 or IPv6 address.") \
	X(ERROR_TS_UNACCEPTABLE, "Negotiating the traffic selectors failed.") \
	X(ERROR_MOBIKE_DISABLED, "Mobility (MOBIKE) is off for this connection.") \
	X(ERROR_CANNOT_INITIATE_MOBIKE_UPDATE, "A MOBIKE update can only start once the " RT_CONNECTION "is up.") \
	X(ERROR_PEAP_SERVER_REJECTED_CLIENT_TLV, RT_THE "server refused the client: an unexpected or mismatched TLV.") \
	X(ERROR_INVALID_PREFERENCES, "No VPN destination preference is chosen, or it is no longer valid.") \
	X(ERROR_EAPTLS_SCARD_CACHE_CREDENTIALS_INVALID, RT_THE "cached smart card credentials are not valid.") \
	X(ERROR_SSTP_COOKIE_SET_FAILURE, "An internal error happened while adding cookies to SSTP.") \
	X(ERROR_INVALID_PEAP_COOKIE_ATTRIBUTES, RT_THE "PEAP inner method attributes in the cookie are not valid.") \
	X(ERROR_EAP_METHOD_NOT_INSTALLED, RT_THE "EAP method this " RT_CONNECTION "needs is not installed.") \
	X(ERROR_EAP_METHOD_DOES_NOT_SUPPORT_SSO, RT_THE "EAP method of this " RT_CONNECTION RT_DOES_NOT "support single sign-on.") \
	X(ERROR_EAP_METHOD_OPERATION_NOT_SUPPORTED, RT_THE "EAP method of this " RT_CONNECTION RT_DOES_NOT "support that operation.") \
	X(ERROR_EAP_USER_CERT_INVALID, RT_AUTH_FAILED "the client's " RT_CERTIFICATE "is not valid.") \
	X(ERROR_EAP_USER_CERT_EXPIRED, RT_AUTH_FAILED "the client's " RT_CERTIFICATE "has expired.") \
	X(ERROR_EAP_USER_CERT_REVOKED, RT_AUTH_FAILED "the client's " RT_CERTIFICATE "was revoked.") \
	X(ERROR_EAP_USER_CERT_OTHER_ERROR, RT_AUTH_FAILED "something is wrong with the client's certificate.") \
	X(ERROR_EAP_SERVER_CERT_INVALID, RT_AUTH_FAILED "the " RT_SERVERS RT_CERTIFICATE "is not valid.") \
	X(ERROR_EAP_SERVER_CERT_EXPIRED, RT_AUTH_FAILED "the " RT_SERVERS RT_CERTIFICATE "has expired.") \
	X(ERROR_EAP_SERVER_CERT_REVOKED, RT_AUTH_FAILED "the " RT_SERVERS RT_CERTIFICATE "was revoked.") \
	X(ERROR_EAP_SERVER_CERT_OTHER_ERROR, RT_AUTH_FAILED "something is wrong with the " RT_SERVERS "certificate.") \
	X(ERROR_EAP_USER_ROOT_CERT_NOT_FOUND, RT_AUTH_FAILED "no trusted root " RT_CERTIFICATE "validates the client's certificate.") \
	X(ERROR_EAP_USER_ROOT_CERT_INVALID, RT_AUTH_FAILED "the root " RT_CERTIFICATE "for the client's " RT_CERTIFICATE "is not valid.") \
	X(ERROR_EAP_USER_ROOT_CERT_EXPIRED, RT_AUTH_FAILED "the root " RT_CERTIFICATE "for the client's " RT_CERTIFICATE "has expired.") \
	X(ERROR_EAP_SERVER_ROOT_CERT_NOT_FOUND, RT_AUTH_FAILED "no trusted root " RT_CERTIFICATE "validates the " RT_SERVERS "certificate.") \
	X(ERROR_EAP_SERVER_ROOT_CERT_INVALID, RT_AUTH_FAILED "the root " RT_CERTIFICATE "for the " RT_SERVERS RT_CERTIFICATE "is not valid.") \
	X(ERROR_EAP_SERVER_ROOT_CERT_NAME_REQUIRED, RT_AUTH_FAILED "the " RT_SERVERS RT_CERTIFICATE "names no server.") \
	X(ERROR_PEAP_IDENTITY_MISMATCH, RT_THE "PEAP outer identity differs " RT_FROM_THE "inner one while identity privacy is off.") \
	X(ERROR_DNSNAME_NOT_RESOLVABLE, RT_THE "name of " RT_THE_REMOTE "access server " RT_COULD_NOT_BE "resolved.") \
	X(ERROR_EAPTLS_PASSWD_INVALID, RT_THE "password for the " RT_CERTIFICATE "is not valid.") \
	X(ERROR_IKEV2_PSK_INTERFACE_ALREADY_EXISTS, "Another interface to the same destination already uses a pre-shared key.") \
	X(ERROR_INVALID_DESTINATION_IP, RT_THE "interface has no valid destination address.") \
	X(ERROR_INVALID_INTERFACE_CONFIG, RT_THE "interface settings are not valid.") \
	X(ERROR_VPN_PLUGIN_GENERIC, RT_THE "VPN could not connect.") \
	X(ERROR_SSO_CERT_MISSING, "No " RT_CERTIFICATE "for single sign-on was found.") \
	X(ERROR_DEVICE_COMPLIANCE, RT_THE "device compliance check failed.") \
	X(ERROR_PLUGIN_NOT_INSTALLED, "A program this VPN " RT_CONNECTION "needs is not installed.") \
	X(ERROR_ACTION_REQUIRED, RT_THE RT_CONNECTION "needs the user to act.") \
	X(ERROR_WINHTTP_AUTO_PROXY_SERVICE, RT_THE "automatic proxy lookup failed, so no " RT_CONNECTION "was made.")

/* X(code, text) for the Win32 codes the RAS functions return. */
#define WIN_TEXTS(X) \
	X(ERROR_SUCCESS, RT_THE "operation succeeded.") \
	X(ERROR_INVALID_FUNCTION, RT_THE "function is not valid here.") \
	X(ERROR_FILE_NOT_FOUND, RT_THE "file was not found.") \
	X(ERROR_PATH_NOT_FOUND, RT_THE "path was not found.") \
	X(ERROR_ACCESS_DENIED, "Access is denied (the " RT_CONNECTION "belongs to another user, or this user may not dial the entry with pppd).") \
	X(ERROR_INVALID_HANDLE, RT_THE RT_CONNECTION "handle is not valid (or the " RT_CONNECTION "is gone).") \
	X(ERROR_NOT_ENOUGH_MEMORY, "There is not enough memory.") \
	X(ERROR_OUTOFMEMORY, "Out of memory.") \
	X(ERROR_NOT_SUPPORTED, "That request is not supported.") \
	X(ERROR_INVALID_PARAMETER, "A parameter is not valid.") \
	X(ERROR_CALL_NOT_IMPLEMENTED, "That function is not implemented.") \
	X(ERROR_INSUFFICIENT_BUFFER, RT_THE "buffer is too small for the text.") \
	X(ERROR_INVALID_NAME, RT_THE "name is not valid.") \
	X(ERROR_ALREADY_EXISTS, "It exists already.") \
	X(ERROR_INVALID_FLAGS, RT_THE "flags are not valid.") \
	X(ERROR_CANCELLED, RT_THE "operation was cancelled.") \
	X(ERROR_TIMEOUT, RT_THE "operation timed out.")

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

/*
 * TEXT with its phrases expanded into BUF, when it fits in SIZE bytes
 * with its NUL; returns the expanded length.
 */
static size_t ras_text_expand(const char *text, char *buf, size_t size)
{
	size_t len = 0, n;
	const char *s;

	for (; *text; text++) {
		s = text;
		n = 1;
		if ((unsigned char)*text <= RT_COUNT) {
			for (s = ras_phrases, n = 1; n < (unsigned char)*text; n++)
				s += strlen(s) + 1;
			n = strlen(s);
		}
		if (len + n < size)
			memcpy(buf + len, s, n);
		len += n;
	}
	if (len < size)
		buf[len] = 0;
	return len;
}

RASDIAL_API DWORD APIENTRY RasGetErrorStringA(UINT uErrorValue,
					      LPSTR lpszErrorString,
					      DWORD cBufSize)
{
	const char *text = rasdial_error_text(uErrorValue);

	if (!lpszErrorString || !text)
		return ERROR_INVALID_PARAMETER;
	/* Nothing is written unless the whole text fits. */
	if (cBufSize <= ras_text_expand(text, NULL, 0))
		return ERROR_INSUFFICIENT_BUFFER;
	ras_text_expand(text, lpszErrorString, cBufSize);
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
