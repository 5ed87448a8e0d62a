// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * rasdial: the Windows rasdial.exe command line on librasdial.
 *
 *   rasdial                                  list connections
 *   rasdial ENTRY [USER [PASSWORD|*]] [/PHONE:number] [/PHONEBOOK:dir]
 *                                            dial, printing each state
 *   rasdial [ENTRY] /DISCONNECT              hang up
 *
 * Linux extensions: --trace prints every notifier call with its time;
 * --notifier 0|1|2 dials with a RasDialFunc, RasDialFunc1 (the default) or
 * RasDialFunc2, so that each kind can be tried; --status ENTRY prints
 * RasGetConnectStatus, RasGetProjectionInfo (IPv4, IPv6, LCP) and
 * RasGetConnectionStatistics of a link (any process's); --hold SECONDS
 * with a dial stays attached that long after Connected (tracing), prints
 * the status, hangs up and prints the callbacks up to Disconnected.
 *
 * Devices and entries: --devices lists RasEnumDevices (TYPE NAME per
 * line); --delete ENTRY (RasDeleteEntry) and --rename ENTRY NEWNAME
 * (RasValidateEntryName, then RasRenameEntry) with /PHONEBOOK:dir;
 * --new ENTRY /DEVICE:name [/PHONE:number] [/TYPE:type] creates an entry
 * (RasValidateEntryName, the default entry of RasGetEntryProperties, then
 * RasSetEntryProperties; the type is the one RasEnumDevices gives the
 * device, else modem); --show ENTRY prints RasGetEntryProperties.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>

#include <rasdial/rasdial.h>

static struct {
	const char *entry;
	bool trace;
	DWORD notifier;
	long long t0;
	pthread_mutex_t lock;
	bool done;
	DWORD error;
	RASCONNSTATE last;
	bool have_last;
	bool ended;		/* the final call (after Connected) came */
} dial = { .lock = PTHREAD_MUTEX_INITIALIZER, .notifier = 1 };

static long long now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1000LL + ts.tv_nsec / 1000000;
}

static const char *error_text(DWORD err, char *buf, size_t size)
{
	if (RasGetErrorStringA(err, buf, (DWORD)size))
		snprintf(buf, size, "(no text for this error)");
	return buf;
}

static void print_ras_error(DWORD err)
{
	char text[512];

	fprintf(stderr, "Remote Access error %u - %s\n", err,
		error_text(err, text, sizeof(text)));
	if (*rasdial_last_detail())
		fprintf(stderr, "(kernel: %s)\n", rasdial_last_detail());
}

/* What Windows' rasdial.exe says on entering a state. */
static void print_state(RASCONNSTATE state)
{
	const char *name = rasdial_state_name(state);

	switch (state) {
	case RASCS_OpenPort:
		printf("Connecting to %s...\n", dial.entry);
		break;
	case RASCS_Authenticate:
		printf("Verifying username and password...\n");
		break;
	case RASCS_AuthProject:
		printf("Registering your computer on the network...\n");
		break;
	case RASCS_Connected:
		printf("Connected to %s.\n", dial.entry);
		break;
	case RASCS_Disconnected:
		printf("Disconnected.\n");
		break;
	default:
		if (name)
			printf("%s...\n", name);
		else
			printf("State %u...\n", (unsigned int)state);
	}
}

static void WINAPI on_dial(HRASCONN h, UINT msg, RASCONNSTATE state,
			   DWORD error, DWORD ext_error)
{
	bool finished = false;

	(void)h;
	if (msg != WM_RASDIALEVENT)
		fprintf(stderr, "rasdial: notifier called with unMsg 0x%x\n", msg);
	if (dial.trace) {
		const char *name = rasdial_state_name(state);
		char text[512];

		printf("+%lld ms  %s (%u)  dwError=%u dwExtendedError=%u",
		       now_ms() - dial.t0, name ? name : "?",
		       (unsigned int)state, error, ext_error);
		if (error)
			printf("  %s", error_text(error, text, sizeof(text)));
		printf("\n");
	}
	pthread_mutex_lock(&dial.lock);
	if (!dial.trace && !error &&
	    (!dial.have_last || dial.last != state))
		print_state(state);
	dial.last = state;
	dial.have_last = true;
	if (error || state == RASCS_Connected) {
		if (!dial.done)
			dial.error = error;
		finished = !dial.done;
		dial.done = true;
	}
	/* --hold: the link's end after RasHangUp wakes main too. */
	if (error && dial.done && !finished) {
		dial.ended = true;
		finished = true;
	}
	pthread_mutex_unlock(&dial.lock);
	fflush(stdout);
	if (finished)
		kill(getpid(), SIGUSR1);	/* wakes main's sigwait */
}

/* RasDialFunc has neither handle nor extended error. */
static void WINAPI on_dial0(UINT msg, RASCONNSTATE state, DWORD error)
{
	on_dial(NULL, msg, state, error, 0);
}

static DWORD WINAPI on_dial2(ULONG_PTR callback_id, DWORD subentry, HRASCONN h,
			     UINT msg, RASCONNSTATE state, DWORD error,
			     DWORD ext_error)
{
	if (callback_id != (ULONG_PTR)&dial || subentry != 1)
		fprintf(stderr, "rasdial: RasDialFunc2 got dwCallbackId %#lx, dwSubEntry %u\n",
			(unsigned long)callback_id, subentry);
	on_dial(h, msg, state, error, ext_error);
	return 1;	/* 0 would stop the notifications */
}

static int read_password(const char *user, char *buf, size_t size)
{
	struct termios old, quiet;
	FILE *tty = fopen("/dev/tty", "r+");
	FILE *in = tty ? tty : stdin;
	bool echo_off = false;
	size_t n;

	fprintf(tty ? tty : stderr, "Password for %s: ", user);
	fflush(tty ? tty : stderr);
	if (tcgetattr(fileno(in), &old) == 0) {
		quiet = old;
		quiet.c_lflag &= ~(tcflag_t)ECHO;
		echo_off = tcsetattr(fileno(in), TCSAFLUSH, &quiet) == 0;
	}
	if (!fgets(buf, (int)size, in))
		buf[0] = '\0';
	if (echo_off) {
		tcsetattr(fileno(in), TCSAFLUSH, &old);
		fputc('\n', tty ? tty : stderr);
	}
	if (tty)
		fclose(tty);
	n = strlen(buf);
	if (n && buf[n - 1] == '\n')
		buf[--n] = '\0';
	return 0;
}

/*
 * RasEnumConnections into a buffer of the size it asks for (asked again
 * if links came up meanwhile).  Prints the error and returns non-zero on
 * failure; the caller frees *out (NULL when there is no link).
 */
static int enum_connections(RASCONNA **out, DWORD *count)
{
	RASCONNA *conns = NULL;
	DWORD cb = 0, ret;

	*count = 0;
	ret = RasEnumConnectionsA(NULL, &cb, count);
	for (int tries = 0; ret == ERROR_BUFFER_TOO_SMALL && tries < 4; tries++) {
		free(conns);
		conns = calloc(1, cb);
		if (!conns)
			return 1;
		conns[0].dwSize = sizeof(RASCONNA);
		ret = RasEnumConnectionsA(conns, &cb, count);
	}
	if (ret) {
		print_ras_error(ret);
		free(conns);
		return 1;
	}
	*out = conns;
	return 0;
}

static int list_connections(void)
{
	RASCONNA *conns = NULL;
	DWORD n = 0, i;

	if (enum_connections(&conns, &n))
		return 1;
	if (!n) {
		printf("No connections\n");
	} else {
		printf("Connected to\n");
		for (i = 0; i < n; i++) {
			RASCONNSTATUSA st = { .dwSize = sizeof(st) };
			const char *name;

			printf("%s", conns[i].szEntryName);
			if (RasGetConnectStatusA(conns[i].hrasconn, &st) == 0 &&
			    st.rasconnstate != RASCS_Connected) {
				name = rasdial_state_name(st.rasconnstate);
				printf(" (%s)", name ? name : "?");
			}
			printf("\n");
		}
	}
	printf("Command completed successfully.\n");
	free(conns);
	return 0;
}

/* Waits (bounded) until the handle is gone, as rasdial.exe does. */
static void wait_gone(HRASCONN h)
{
	RASCONNSTATUSA st;
	int i;

	for (i = 0; i < 100; i++) {
		st.dwSize = sizeof(st);
		if (RasGetConnectStatusA(h, &st) == ERROR_INVALID_HANDLE)
			return;
		usleep(100 * 1000);
	}
}

static int disconnect(const char *entry)
{
	RASCONNA *conns = NULL;
	DWORD n = 0, i, ret;
	int hung = 0;

	if (enum_connections(&conns, &n))
		return 1;
	for (i = 0; i < n; i++) {
		if (entry && strcmp(conns[i].szEntryName, entry))
			continue;
		ret = RasHangUpA(conns[i].hrasconn);
		if (ret) {
			print_ras_error(ret);
			free(conns);
			return 1;
		}
		wait_gone(conns[i].hrasconn);
		hung++;
	}
	free(conns);
	if (!hung) {
		if (entry)
			printf("You are not connected to %s.\n", entry);
		else
			printf("No connections\n");
		return 1;
	}
	printf("Command completed successfully.\n");
	return 0;
}

static const char *yes_no(BOOL b)
{
	return b ? "yes" : "no";
}

static void print_ifid(const BYTE *id)
{
	int i;

	for (i = 0; i < 8; i += 2)
		printf("%s%02x%02x", i ? ":" : "", id[i], id[i + 1]);
}

/* Why a projection is not there, in words. */
static void print_proj_error(DWORD ret)
{
	char text[512];

	printf("none (%u - %s)\n", ret, error_text(ret, text, sizeof(text)));
}

/* RasGetConnectStatus, RasGetProjectionInfo, RasGetConnectionStatistics. */
static int print_status(HRASCONN h, const char *entry)
{
	RASCONNSTATUSA st = { .dwSize = sizeof(st) };
	RASPPPIPA ip = { .dwSize = sizeof(ip) };
	RASPPPIPV6 ip6 = { .dwSize = sizeof(ip6) };
	RASPPPLCPA lcp = { .dwSize = sizeof(lcp) };
	RAS_STATS rs = { .dwSize = sizeof(rs) };
	const char *name;
	DWORD ret, cb;

	ret = RasGetConnectStatusA(h, &st);
	if (ret) {
		print_ras_error(ret);
		return 1;
	}
	name = rasdial_state_name(st.rasconnstate);
	printf("Status of %s (handle %lu)\n", entry, (unsigned long)(uintptr_t)h);
	printf("  State:              %s (%u), dwError %u\n", name ? name : "?",
	       (unsigned int)st.rasconnstate, st.dwError);
	printf("  Device:             %s %s\n", st.szDeviceType[0] ? st.szDeviceType : "-",
	       st.szDeviceName[0] ? st.szDeviceName : "-");

	printf("  IPv4 (PppIp):       ");
	cb = sizeof(ip);
	ret = RasGetProjectionInfoA(h, RASP_PppIp, &ip, &cb);
	if (ret)
		print_proj_error(ret);
	else
		printf("%s, server %s\n", ip.szIpAddress, ip.szServerIpAddress);

	printf("  IPv6 (PppIpv6):     ");
	cb = sizeof(ip6);
	ret = RasGetProjectionInfoA(h, RASP_PppIpv6, &ip6, &cb);
	if (ret) {
		print_proj_error(ret);
	} else {
		printf("interface id ");
		print_ifid(ip6.bLocalInterfaceIdentifier);
		printf(", peer ");
		print_ifid(ip6.bPeerInterfaceIdentifier);
		printf("\n");
	}

	printf("  LCP (PppLcp):       ");
	cb = sizeof(lcp);
	ret = RasGetProjectionInfoA(h, RASP_PppLcp, &lcp, &cb);
	if (ret)
		print_proj_error(ret);
	else
		printf("dwError %u, bundled %s, multilink %s\n", lcp.dwError,
		       yes_no(lcp.fBundled), yes_no(lcp.fMultilink));

	ret = RasGetConnectionStatistics(h, &rs);
	if (ret) {
		printf("  Statistics:         ");
		print_proj_error(ret);
		return 0;
	}
	printf("  Bytes sent/recv:    %u / %u\n", rs.dwBytesXmited, rs.dwBytesRcved);
	printf("  Frames sent/recv:   %u / %u\n", rs.dwFramesXmited, rs.dwFramesRcved);
	printf("  Errors:             CRC %u, timeout %u, alignment %u, hardware overrun %u, framing %u, buffer overrun %u\n",
	       rs.dwCrcErr, rs.dwTimeoutErr, rs.dwAlignmentErr,
	       rs.dwHardwareOverrunErr, rs.dwFramingErr, rs.dwBufferOverrunErr);
	printf("  Line speed:         %u bps\n", rs.dwBps);
	printf("  Connected for:      %u:%02u:%02u.%03u (%u ms)\n",
	       rs.dwConnectDuration / 3600000u,
	       rs.dwConnectDuration / 60000u % 60u,
	       rs.dwConnectDuration / 1000u % 60u,
	       rs.dwConnectDuration % 1000u, rs.dwConnectDuration);
	return 0;
}

/* --status ENTRY: the link named ENTRY, whoever dialed it. */
static int show_status(const char *entry)
{
	RASCONNA *conns = NULL;
	DWORD n = 0, i;
	int rc = 1, found = 0;

	if (enum_connections(&conns, &n))
		return 1;
	for (i = 0; i < n; i++) {
		if (strcmp(conns[i].szEntryName, entry))
			continue;
		rc = print_status(conns[i].hrasconn, entry);
		found = 1;
	}
	free(conns);
	if (!found) {
		printf("You are not connected to %s.\n", entry);
		return 1;
	}
	return rc;
}

/* --hold: attached for SECONDS after Connected (-1: until Ctrl-C or the
 * link's end), then hang up and print the callbacks up to the link's end.
 * Ctrl-C cuts the wait short. */
static int hold_then_hangup(HRASCONN h, const char *entry, long seconds,
			    const sigset_t *wait_set)
{
	struct timespec left = { .tv_sec = seconds };
	long long end = now_ms() + seconds * 1000LL;
	bool ended;
	int sig, i;

	for (;;) {
		long long ms = end - now_ms();

		if (seconds >= 0 && ms <= 0)
			break;
		left.tv_sec = ms / 1000;
		left.tv_nsec = (ms % 1000) * 1000000L;
		sig = sigtimedwait(wait_set, NULL, seconds >= 0 ? &left : NULL);
		if (sig == SIGINT || sig == SIGTERM)
			break;
		pthread_mutex_lock(&dial.lock);
		ended = dial.ended;
		pthread_mutex_unlock(&dial.lock);
		if (ended)
			break;	/* the link went down by itself */
	}
	print_status(h, entry);
	fflush(stdout);
	RasHangUpA(h);
	/* Bounded: pppd's exit takes well under this. */
	for (i = 0; i < 300; i++) {
		pthread_mutex_lock(&dial.lock);
		ended = dial.ended;
		pthread_mutex_unlock(&dial.lock);
		if (ended)
			break;
		left.tv_sec = 0;
		left.tv_nsec = 100 * 1000000L;
		sigtimedwait(wait_set, NULL, &left);
	}
	if (!ended) {
		fprintf(stderr, "rasdial: no Disconnected notification after RasHangUp\n");
		return 1;
	}
	printf("Command completed successfully.\n");
	return 0;
}

static int do_dial(const char *entry, const char *user, const char *password,
		   const char *phone, const char *phonebook, long hold)
{
	RASDIALEXTENSIONS ext = {
		.dwSize = sizeof(ext),
		.dwfOptions = RDEOPT_RasdialNotifyLinkEnd,
	};
	RASDIALPARAMSA p;
	HRASCONN h = NULL;
	LPVOID notifier;
	sigset_t wait_set;
	bool direct;
	DWORD ret;
	int sig;

	memset(&p, 0, sizeof(p));
	p.dwSize = sizeof(p);
	if (strlen(entry) > RAS_MaxEntryName) {
		print_ras_error(ERROR_CANNOT_FIND_PHONEBOOK_ENTRY);
		return 1;
	}
	snprintf(p.szEntryName, sizeof(p.szEntryName), "%s", entry);
	if (user)
		snprintf(p.szUserName, sizeof(p.szUserName), "%s", user);
	if (password && !strcmp(password, "*"))
		read_password(user, p.szPassword, sizeof(p.szPassword));
	else if (password)
		snprintf(p.szPassword, sizeof(p.szPassword), "%s", password);
	if (phone)
		snprintf(p.szPhoneNumber, sizeof(p.szPhoneNumber), "%s", phone);

	/* Ctrl-C hangs the dial up; the notifier's SIGUSR1 ends the wait. */
	sigemptyset(&wait_set);
	sigaddset(&wait_set, SIGINT);
	sigaddset(&wait_set, SIGTERM);
	sigaddset(&wait_set, SIGUSR1);
	pthread_sigmask(SIG_BLOCK, &wait_set, NULL);

	/* Which relay: without rasdial.ko no other process can reach the
	 * link, not even "rasdial ENTRY /DISCONNECT": stay attached. */
	direct = rasdial_get_relay_mode() == RASDIAL_RELAY_DIRECT;
	if (direct)
		printf("Relay: direct (rasdial.ko not loaded): the link is this process's; staying attached, Ctrl-C hangs up.\n");
	else
		printf("Relay: kernel (rasdial.ko)\n");

	dial.entry = entry;
	dial.t0 = now_ms();
	p.dwCallbackId = (ULONG_PTR)&dial;
	notifier = dial.notifier == 0 ? (LPVOID)on_dial0 :
		   dial.notifier == 2 ? (LPVOID)on_dial2 : (LPVOID)on_dial;
	/* The link's end and the hang-up reach the notifier too (the
	 * Linux extension): the tool reports them as they happen. */
	ret = RasDialA(&ext, phonebook, &p, dial.notifier, notifier, &h);
	explicit_bzero(&p, sizeof(p));
	if (ret) {
		print_ras_error(ret);
		if (h)
			RasHangUpA(h);
		return 1;
	}
	do {
		if (sigwait(&wait_set, &sig))
			sig = SIGUSR1;
		if (sig != SIGUSR1) {
			fprintf(stderr, "Hanging up...\n");
			RasHangUpA(h);
			wait_gone(h);
			return 130;
		}
		pthread_mutex_lock(&dial.lock);
		ret = dial.done;
		pthread_mutex_unlock(&dial.lock);
	} while (!ret);

	if (dial.error) {
		print_ras_error(dial.error);
		RasHangUpA(h);
		return 1;
	}
	if (hold >= 0 || direct)
		return hold_then_hangup(h, entry, hold, &wait_set);
	printf("Command completed successfully.\n");
	return 0;
}

/* --devices: one "TYPE NAME" line per RasEnumDevices device. */
static int list_devices(void)
{
	RASDEVINFOA *v = NULL;
	DWORD cb = 0, n = 0, ret, i;

	ret = RasEnumDevicesA(NULL, &cb, &n);
	if (ret == ERROR_BUFFER_TOO_SMALL) {
		v = calloc(1, cb);
		if (!v)
			return 1;
		v[0].dwSize = sizeof(*v);
		ret = RasEnumDevicesA(v, &cb, &n);
	}
	if (ret) {
		print_ras_error(ret);
		free(v);
		return 1;
	}
	for (i = 0; i < n; i++)
		printf("%s %s\n", v[i].szDeviceType, v[i].szDeviceName);
	free(v);
	return 0;
}

/* --delete ENTRY, --rename ENTRY NEWNAME. */
static int edit_entry(const char *phonebook, const char *entry,
		      const char *new_name)
{
	DWORD ret;

	if (new_name) {
		ret = RasValidateEntryNameA(phonebook, new_name);
		if (!ret)
			ret = RasRenameEntryA(phonebook, entry, new_name);
	} else {
		ret = RasDeleteEntryA(phonebook, entry);
	}
	if (ret) {
		print_ras_error(ret);
		return 1;
	}
	printf("%s %s.\n", entry, new_name ? "renamed" : "deleted");
	return 0;
}

/* --new ENTRY: Windows' default entry with DEVICE, PHONE and TYPE. */
static int new_entry(const char *phonebook, const char *entry,
		     const char *device, const char *phone, const char *type)
{
	RASDEVINFOA *v = NULL;
	DWORD cb = sizeof(RASENTRYA), n = 0, ret, i;
	RASENTRYA e;

	memset(&e, 0, sizeof(e));
	e.dwSize = sizeof(e);
	ret = RasValidateEntryNameA(phonebook, entry);
	if (!ret)
		ret = RasGetEntryPropertiesA(phonebook, NULL, &e, &cb, NULL, NULL);
	if (!ret && !type) {
		/* The type RasEnumDevices gives that device, if it lists it. */
		cb = 0;
		if (RasEnumDevicesA(NULL, &cb, &n) == ERROR_BUFFER_TOO_SMALL &&
		    (v = calloc(1, cb))) {
			v[0].dwSize = sizeof(*v);
			if (RasEnumDevicesA(v, &cb, &n))
				n = 0;
			for (i = 0; i < n && !type; i++)
				if (!strcmp(v[i].szDeviceName, device))
					type = v[i].szDeviceType;
		}
	}
	if (!ret) {
		if (!type)
			type = RASDT_Modem;
		snprintf(e.szDeviceType, sizeof(e.szDeviceType), "%s", type);
		snprintf(e.szDeviceName, sizeof(e.szDeviceName), "%s", device);
		snprintf(e.szLocalPhoneNumber, sizeof(e.szLocalPhoneNumber),
			 "%s", phone ? phone : "");
		e.dwType = !strcasecmp(type, RASDT_PPPoE) ? RASET_Broadband :
			   !strcasecmp(type, RASDT_Vpn) ? RASET_Vpn :
			   !strcasecmp(type, RASDT_Serial) ? RASET_Direct :
			   RASET_Phone;
		ret = RasSetEntryPropertiesA(phonebook, entry, &e, sizeof(e),
					     NULL, 0);
	}
	free(v);
	if (ret) {
		print_ras_error(ret);
		return 1;
	}
	printf("%s created.\n", entry);
	return 0;
}

/* --show ENTRY: RasGetEntryProperties, one "Name: value" per line. */
static int show_entry(const char *phonebook, const char *entry)
{
	static const struct {
		DWORD bit;
		const char *name;
	} flags[] = {
		{ RASEO_UseCountryAndAreaCodes, "UseCountryAndAreaCodes" },
		{ RASEO_SpecificIpAddr, "SpecificIpAddr" },
		{ RASEO_SpecificNameServers, "SpecificNameServers" },
		{ RASEO_IpHeaderCompression, "IpHeaderCompression" },
		{ RASEO_RemoteDefaultGateway, "RemoteDefaultGateway" },
		{ RASEO_SwCompression, "SwCompression" },
		{ RASEO_RequireEncryptedPw, "RequireEncryptedPw" },
		{ RASEO_RequireMsEncryptedPw, "RequireMsEncryptedPw" },
		{ RASEO_RequireDataEncryption, "RequireDataEncryption" },
		{ RASEO_RequireEAP, "RequireEAP" },
		{ RASEO_RequirePAP, "RequirePAP" },
		{ RASEO_RequireCHAP, "RequireCHAP" },
		{ RASEO_RequireMsCHAP, "RequireMsCHAP" },
		{ RASEO_RequireMsCHAP2, "RequireMsCHAP2" },
	};
	static const char *const enc[] = { "None", "Require", "RequireMax",
					   "Optional" };
	DWORD cb = sizeof(RASENTRYA), ret;
	RASENTRYA e;
	size_t i;

	if (!entry[0]) {
		print_ras_error(ERROR_CANNOT_FIND_PHONEBOOK_ENTRY);
		return 1;
	}
	memset(&e, 0, sizeof(e));
	e.dwSize = sizeof(e);
	ret = RasGetEntryPropertiesA(phonebook, entry, &e, &cb, NULL, NULL);
	if (ret) {
		print_ras_error(ret);
		return 1;
	}
	printf("Entry: %s\n", entry);
	printf("Device: %s %s\n", e.szDeviceType, e.szDeviceName);
	if (e.dwfOptions & RASEO_UseCountryAndAreaCodes)
		printf("Phone: +%u (%s) %s\n", e.dwCountryCode, e.szAreaCode,
		       e.szLocalPhoneNumber);
	else
		printf("Phone: %s\n", e.szLocalPhoneNumber);
	printf("Options:");
	for (i = 0; i < sizeof(flags) / sizeof(flags[0]); i++)
		if (e.dwfOptions & flags[i].bit)
			printf(" %s", flags[i].name);
	printf("\nProtocols:%s%s\n", e.dwfNetProtocols & RASNP_Ip ? " IPv4" : "",
	       e.dwfNetProtocols & RASNP_Ipv6 ? " IPv6" : "");
	if (e.dwfOptions & RASEO_SpecificIpAddr)
		printf("IpAddress: %u.%u.%u.%u\n", e.ipaddr.a, e.ipaddr.b,
		       e.ipaddr.c, e.ipaddr.d);
	printf("Encryption: %s\n", e.dwEncryptionType < 4 ?
	       enc[e.dwEncryptionType] : "?");
	printf("IdleDisconnectSeconds: %u\n", e.dwIdleDisconnectSeconds);
	printf("RedialCount: %u\nRedialPause: %u\n", e.dwRedialCount,
	       e.dwRedialPause);
	return 0;
}

static void usage(FILE *f)
{
	fprintf(f,
		"usage: rasdial [--relay kernel|direct|auto] [--trace] [--notifier 0|1|2] [--hold SECONDS] ENTRY [USER [PASSWORD|*]] [/PHONE:number] [/PHONEBOOK:dir]\n"
		"       rasdial --status ENTRY\n"
		"       rasdial [ENTRY] /DISCONNECT\n"
		"       rasdial            (lists the connections)\n"
		"       rasdial --devices\n"
		"       rasdial --delete ENTRY [/PHONEBOOK:dir]\n"
		"       rasdial --rename ENTRY NEWNAME [/PHONEBOOK:dir]\n"
		"       rasdial --new ENTRY /DEVICE:name [/PHONE:number] [/TYPE:type] [/PHONEBOOK:dir]\n"
		"       rasdial --show ENTRY [/PHONEBOOK:dir]\n"
		"Entries are files in /etc/ppp/peers (or in the /PHONEBOOK: directory).\n"
		"--relay: through rasdial.ko (kernel), without it (direct: this process's\n"
		"  links only; a dial stays attached) or whichever is there (auto, the\n"
		"  default; RASDIAL_RELAY sets it too); dialing prints the relay used;\n"
		"--trace prints every notifier call with the time since RasDial;\n"
		"--notifier dials with a RasDialFunc (0), RasDialFunc1 (1) or RasDialFunc2 (2);\n"
		"--hold SECONDS stays attached that long after Connected (tracing), prints the\n"
		"  status, hangs up and prints the callbacks up to Disconnected;\n"
		"--status ENTRY prints RasGetConnectStatus, RasGetProjectionInfo (IPv4, IPv6,\n"
		"  LCP) and RasGetConnectionStatistics of the link ENTRY, whoever dialed it;\n"
		"--devices lists what entries can dial through (RasEnumDevices: modems,\n"
		"  PPPoE, VPN), one \"TYPE NAME\" per line;\n"
		"--delete and --rename remove or rename an entry (RasDeleteEntry,\n"
		"  RasRenameEntry);\n"
		"--new creates an entry with Windows' defaults (RasSetEntryProperties):\n"
		"  /DEVICE: a device --devices lists or a /dev path, /PHONE: the number a\n"
		"  modem dials (a VPN: the xl2tpd LAC), /TYPE: modem, SERIAL, PPPoE or vpn\n"
		"  (default: the type --devices gives the device, else modem);\n"
		"--show prints an entry (RasGetEntryProperties).\n");
}

static bool opt_value(const char *arg, const char *name, const char **val)
{
	size_t n = strlen(name);

	if (strncasecmp(arg, name, n))
		return false;
	*val = arg + n;
	return true;
}

int main(int argc, char **argv)
{
	const char *pos[3] = { NULL, NULL, NULL };
	const char *phone = NULL, *phonebook = NULL;
	const char *status_entry = NULL;
	const char *delete_entry = NULL, *rename_entry = NULL, *new_name = NULL;
	const char *create = NULL, *show = NULL, *device = NULL, *type = NULL;
	bool disc = false, devices = false;
	long hold = -1;
	int npos = 0, i;
	char *password = NULL;
	int ret;

	for (i = 1; i < argc; i++) {
		const char *a = argv[i];

		if (!strcmp(a, "--trace")) {
			dial.trace = true;
		} else if (!strcmp(a, "--notifier") && i + 1 < argc &&
			   strchr("012", argv[i + 1][0]) && !argv[i + 1][1]) {
			dial.notifier = (DWORD)(argv[++i][0] - '0');
		} else if (!strcmp(a, "--status") && i + 1 < argc) {
			status_entry = argv[++i];
		} else if (!strcmp(a, "--devices")) {
			devices = true;
		} else if (!strcmp(a, "--delete") && i + 1 < argc) {
			delete_entry = argv[++i];
		} else if (!strcmp(a, "--new") && i + 1 < argc) {
			create = argv[++i];
		} else if (!strcmp(a, "--show") && i + 1 < argc) {
			show = argv[++i];
		} else if (!strcmp(a, "--rename") && i + 2 < argc) {
			rename_entry = argv[++i];
			new_name = argv[++i];
		} else if (!strcmp(a, "--relay") && i + 1 < argc) {
			const char *m = argv[++i];
			DWORD mode = !strcmp(m, "kernel") ? RASDIAL_RELAY_KERNEL :
				     !strcmp(m, "direct") ? RASDIAL_RELAY_DIRECT :
				     !strcmp(m, "auto") ? RASDIAL_RELAY_AUTO : 99;

			if (rasdial_set_relay_mode(mode)) {
				fprintf(stderr, "rasdial: --relay takes kernel, direct or auto\n");
				return 2;
			}
		} else if (!strcmp(a, "--hold") && i + 1 < argc) {
			char *end;

			errno = 0;
			hold = strtol(argv[++i], &end, 10);
			if (errno || *end || hold < 0 || hold > 86400) {
				fprintf(stderr, "rasdial: --hold takes 0..86400 seconds\n");
				return 2;
			}
			dial.trace = true;
		} else if (!strcmp(a, "--help") || !strcmp(a, "/?") ||
			   !strcmp(a, "-h")) {
			usage(stdout);
			return 0;
		} else if (!strcasecmp(a, "/DISCONNECT") || !strcasecmp(a, "/D")) {
			disc = true;
		} else if (opt_value(a, "/PHONEBOOK:", &phonebook) ||
			   opt_value(a, "/PHONE:", &phone) ||
			   opt_value(a, "/DEVICE:", &device) ||
			   opt_value(a, "/TYPE:", &type)) {
			/* taken */
		} else if (a[0] == '/' && a[1] && !strchr(a + 1, '/')) {
			fprintf(stderr, "rasdial: unknown option %s\n", a);
			usage(stderr);
			return 2;
		} else if (npos < 3) {
			if (npos == 2) {
				/* Keep the password out of ps output from now on. */
				password = strdup(a);
				memset(argv[i], 0, strlen(argv[i]));
				if (!password)
					return 1;
			}
			pos[npos++] = a;
		} else {
			usage(stderr);
			return 2;
		}
	}
	setvbuf(stdout, NULL, _IOLBF, 0);
	if ((device || type) && !create)
		return usage(stderr), 2;
	if (create || show) {
		if (npos || disc || status_entry || devices || delete_entry ||
		    rename_entry || (create && show) || (create && !device) ||
		    (show && phone))
			return usage(stderr), 2;
		if (show)
			return show_entry(phonebook, show);
		return new_entry(phonebook, create, device, phone, type);
	}
	if (devices || delete_entry || rename_entry) {
		if (npos || disc || status_entry || devices + !!delete_entry +
		    !!rename_entry > 1)
			return usage(stderr), 2;
		if (devices)
			return list_devices();
		return edit_entry(phonebook, delete_entry ? delete_entry
							  : rename_entry,
				  new_name);
	}
	if (status_entry)
		return npos || disc ? (usage(stderr), 2) : show_status(status_entry);
	if (disc)
		return npos > 1 ? (usage(stderr), 2) : disconnect(pos[0]);
	if (!npos)
		return list_connections();
	ret = do_dial(pos[0], pos[1], password, phone, phonebook, hold);
	if (password) {
		explicit_bzero(password, strlen(password));
		free(password);
	}
	return ret;
}
