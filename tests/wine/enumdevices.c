// SPDX-License-Identifier: GPL-2.0
/*
 * enumdevices.exe: RasEnumDevicesA's buffer protocol, the checks Wine's
 * conformance test (dlls/rasapi32/tests/rasapi.c) makes, written here
 * against Windows' documentation: a NULL buffer or one too small is
 * ERROR_BUFFER_TOO_SMALL with *lpcb the size needed; a dwSize other than
 * sizeof(RASDEVINFOA) is ERROR_INVALID_SIZE; NULL lpcb or lpcDevices is
 * ERROR_INVALID_PARAMETER.  Found with GetProcAddress so that a DLL
 * without it reports a skip instead of a program that does not load.
 *
 * enumdevices.exe [DEVICE]: DEVICE (tests/vm/wine.sh's modem simulator
 * link) must be listed as a modem, by RasEnumDevicesA and W alike; with
 * DEVICE a machine without devices is a failure, not a skip.
 */
#include <windows.h>
#include <ras.h>
#include <raserror.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>
#include "wtest.h"

typedef DWORD (WINAPI *enum_fn)(LPRASDEVINFOA, LPDWORD, LPDWORD);

/* RasEnumDevicesW lists the same devices, DEVICE among them. */
static void check_w(DWORD count, const RASDEVINFOA *a, const char *device)
{
	DWORD cb = 0, n = 0, ret, i, same = 0, found = 0;
	RASDEVINFOW *w;
	WCHAR dev[RAS_MaxDeviceName + 1];

	ret = RasEnumDevicesW(NULL, &cb, &n);
	w = ret == ERROR_BUFFER_TOO_SMALL ? calloc(1, cb) : NULL;
	if (!wt_check(w && n == count && cb == count * sizeof(*w),
		      "RasEnumDevicesW(NULL): the same count, its size (%lu, %lu, %lu)",
		      ret, n, cb))
		return;
	MultiByteToWideChar(CP_ACP, 0, device ? device : "", -1, dev,
			    ARRAYSIZE(dev));
	w[0].dwSize = sizeof(*w);
	ret = RasEnumDevicesW(w, &cb, &n);
	for (i = 0; !ret && i < n && i < count; i++) {
		WCHAR t[RAS_MaxDeviceType + 1], nm[RAS_MaxDeviceName + 1];

		MultiByteToWideChar(CP_ACP, 0, a[i].szDeviceType, -1, t, ARRAYSIZE(t));
		MultiByteToWideChar(CP_ACP, 0, a[i].szDeviceName, -1, nm, ARRAYSIZE(nm));
		same += !wcscmp(t, w[i].szDeviceType) && !wcscmp(nm, w[i].szDeviceName);
		found += !wcscmp(w[i].szDeviceName, dev) &&
			 !wcscmp(w[i].szDeviceType, L"modem");
	}
	wt_check(ret == 0 && same == count && (!device || found == 1),
		 "RasEnumDevicesW: the devices of RasEnumDevicesA, in UTF-16 (%lu, %lu/%lu)",
		 ret, same, count);
	free(w);
}

int main(int argc, char **argv)
{
	HMODULE mod = LoadLibraryA("rasapi32.dll");
	enum_fn fn = mod ? (enum_fn)(void *)GetProcAddress(mod, "RasEnumDevicesA") : NULL;
	const char *device = argc > 1 ? argv[1] : NULL;
	DWORD need = 0, cb, n = 0, ret, found = 0;
	RASDEVINFOA *buf;

	if (!fn) {
		wt_check(0, "RasEnumDevicesA is exported by rasapi32.dll");
		return 1;
	}
	ret = fn(NULL, &need, &n);
	if (ret == 0) {
		wt_check(need == 0 && n == 0,
			 "RasEnumDevicesA: no devices, 0 bytes (%lu, %lu)", need, n);
		if (device)
			wt_check(0, "RasEnumDevicesA lists %s", device);
		else
			wt_skip("RasEnumDevicesA buffer protocol", "no devices to list");
		return wt_failed;
	}
	if (!wt_check(ret == ERROR_BUFFER_TOO_SMALL && need >= sizeof(*buf) &&
		      need % sizeof(*buf) == 0,
		      "NULL buffer: ERROR_BUFFER_TOO_SMALL, size of N entries (%lu, %lu)",
		      ret, need))
		return 1;
	buf = calloc(1, need + sizeof(*buf));
	if (!buf)
		return 1;
	wt_diag("%lu bytes, %lu devices", need, need / sizeof(*buf));

	cb = need;
	ret = fn(NULL, &cb, &n);
	wt_check(ret == ERROR_BUFFER_TOO_SMALL,
		 "NULL buffer with the size: ERROR_BUFFER_TOO_SMALL (%lu)", ret);
	for (int i = 0; i < 3; i++) {
		static const DWORD sizes[] = {
			0, sizeof(RASDEVINFOA) - 1, sizeof(RASDEVINFOA) + 1,
		};

		buf->dwSize = sizes[i];
		cb = need;
		ret = fn(buf, &cb, &n);
		wt_check(ret == ERROR_INVALID_SIZE,
			 "dwSize %lu: ERROR_INVALID_SIZE (%lu)", buf->dwSize, ret);
	}
	buf->dwSize = sizeof(*buf);
	ret = fn(buf, NULL, &n);
	wt_check(ret == ERROR_INVALID_PARAMETER,
		 "NULL lpcb: ERROR_INVALID_PARAMETER (%lu)", ret);
	cb = 0;
	ret = fn(buf, &cb, &n);
	wt_check((ret == ERROR_BUFFER_TOO_SMALL && cb == need) ||
		 ret == ERROR_INVALID_SIZE,
		 "lpcb 0: ERROR_BUFFER_TOO_SMALL with the size, or ERROR_INVALID_SIZE (%lu, %lu)",
		 ret, cb);
	cb = need - 1;
	ret = fn(buf, &cb, &n);
	wt_check(ret == ERROR_BUFFER_TOO_SMALL && cb == need,
		 "one byte short: ERROR_BUFFER_TOO_SMALL, lpcb the size (%lu, %lu)",
		 ret, cb);
	cb = need + 1;
	n = 0;
	ret = fn(buf, &cb, &n);
	wt_check(ret == 0 && n == need / sizeof(*buf) && buf[0].szDeviceType[0] &&
		 buf[0].szDeviceName[0],
		 "enough room: 0, every device with type and name (%lu, %lu: %s %s)",
		 ret, n, buf[0].szDeviceType, buf[0].szDeviceName);
	for (DWORD i = 0; ret == 0 && device && i < n; i++) {
		wt_diag("device %s %s", buf[i].szDeviceType, buf[i].szDeviceName);
		found += !strcmp(buf[i].szDeviceName, device) &&
			 !strcmp(buf[i].szDeviceType, "modem");
	}
	if (device)
		wt_check(found == 1, "RasEnumDevicesA lists %s as a modem", device);
	if (ret == 0)
		check_w(n, buf, device);
	cb = need;
	ret = fn(buf, &cb, NULL);
	wt_check(ret == ERROR_INVALID_PARAMETER,
		 "NULL lpcDevices: ERROR_INVALID_PARAMETER (%lu)", ret);
	ret = fn(NULL, NULL, &n);
	wt_check(ret == ERROR_INVALID_PARAMETER,
		 "NULL buffer and lpcb: ERROR_INVALID_PARAMETER (%lu)", ret);
	ret = fn(NULL, &cb, NULL);
	wt_check(ret == ERROR_INVALID_PARAMETER,
		 "NULL buffer and lpcDevices: ERROR_INVALID_PARAMETER (%lu)", ret);
	cb = 0;
	buf->dwSize = 0;
	ret = fn(buf, &cb, &n);
	wt_check(ret == ERROR_INVALID_SIZE,
		 "dwSize 0 and lpcb 0: ERROR_INVALID_SIZE (%lu)", ret);
	free(buf);
	return wt_failed;
}
