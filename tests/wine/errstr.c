// SPDX-License-Identifier: GPL-2.0
/*
 * errstr.exe A|AW CODE...: RasGetErrorStringA (and RasGetErrorStringW
 * with AW) through rasapi32.dll.  Prints "text A CODE TEXT" and "text W CODE TEXT" (the W
 * text as UTF-8) for tests/vm/wine.sh to compare with librasdial's own
 * texts, and checks the buffer protocol Windows documents.
 */
#include <windows.h>
#include <ras.h>
#include <raserror.h>
#include <stdlib.h>
#include <string.h>
#include "wtest.h"

int main(int argc, char **argv)
{
	char a[512], w8[1024];
	WCHAR w[512];
	DWORD ret;
	int wide = argc > 1 && !strcmp(argv[1], "AW");

	for (int i = 2; i < argc; i++) {
		UINT code = strtoul(argv[i], NULL, 0);

		ret = RasGetErrorStringA(code, a, sizeof(a));
		wt_check(ret == 0 && a[0], "RasGetErrorStringA(%u) (%lu)", code,
			 ret);
		printf("text A %u %s\n", code, ret ? "" : a);
		if (!wide)
			continue;
		ret = RasGetErrorStringW(code, w, ARRAYSIZE(w));
		wt_check(ret == 0 && w[0], "RasGetErrorStringW(%u) (%lu)", code,
			 ret);
		if (ret || !WideCharToMultiByte(CP_UTF8, 0, w, -1, w8,
						sizeof(w8), NULL, NULL))
			w8[0] = 0;
		printf("text W %u %s\n", code, w8);
	}
	ret = RasGetErrorStringA(ERROR_AUTHENTICATION_FAILURE, a, 4);
	wt_check(ret == ERROR_INSUFFICIENT_BUFFER,
		 "RasGetErrorStringA: 4 chars -> ERROR_INSUFFICIENT_BUFFER (%lu)",
		 ret);
	if (wide) {
		ret = RasGetErrorStringW(ERROR_AUTHENTICATION_FAILURE, w, 4);
		wt_check(ret == ERROR_INSUFFICIENT_BUFFER,
			 "RasGetErrorStringW: 4 chars -> ERROR_INSUFFICIENT_BUFFER (%lu)",
			 ret);
	}
	ret = RasGetErrorStringA(ERROR_AUTHENTICATION_FAILURE, NULL, 512);
	wt_check(ret == ERROR_INVALID_PARAMETER,
		 "RasGetErrorStringA: NULL buffer -> ERROR_INVALID_PARAMETER (%lu)",
		 ret);
	ret = RasGetErrorStringA(12345, a, sizeof(a));
	wt_check(ret == ERROR_INVALID_PARAMETER,
		 "RasGetErrorStringA(12345) -> ERROR_INVALID_PARAMETER (%lu)",
		 ret);
	fflush(stdout);
	return wt_failed;
}
