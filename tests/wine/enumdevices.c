// SPDX-License-Identifier: GPL-2.0
/*
 * enumdevices.exe: RasEnumDevicesA's buffer protocol, the checks Wine's
 * conformance test (dlls/rasapi32/tests/rasapi.c) makes, written here
 * against Windows' documentation: a NULL buffer or one too small is
 * ERROR_BUFFER_TOO_SMALL with *lpcb the size needed; a dwSize other than
 * sizeof(RASDEVINFOA) is ERROR_INVALID_SIZE; NULL lpcb or lpcDevices is
 * ERROR_INVALID_PARAMETER.  Found with GetProcAddress so that a DLL
 * without it reports a skip instead of a program that does not load.
 */
#include <windows.h>
#include <ras.h>
#include <raserror.h>
#include <stdlib.h>
#include "wtest.h"

typedef DWORD (WINAPI *enum_fn)(LPRASDEVINFOA, LPDWORD, LPDWORD);

int main(void)
{
	HMODULE mod = LoadLibraryA("rasapi32.dll");
	enum_fn fn = mod ? (enum_fn)(void *)GetProcAddress(mod, "RasEnumDevicesA") : NULL;
	DWORD need = 0, cb, n = 0, ret;
	RASDEVINFOA *buf;

	if (!fn) {
		wt_skip("RasEnumDevicesA", "not exported by this rasapi32.dll");
		return 0;
	}
	ret = fn(NULL, &need, &n);
	if (ret == 0) {
		wt_check(need == 0 && n == 0,
			 "RasEnumDevicesA: no devices, 0 bytes (%lu, %lu)", need, n);
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
