// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * win_dial.exe N DIR: the Windows side of bench/wine_dial.c, built with
 * mingw-w64 against its own <ras.h>, run under wine64 with wine/'s
 * rasapi32.dll.  Creates DIR\ready; then for each run I waits for
 * DIR\go-I, times a synchronous RasDialA to Connected (the same dial as
 * the native side), hangs up, waits for the handle to go and writes the
 * microseconds to DIR\done-I ("-1" when the dial failed).
 * DIR is a Unix path (Wine's Z: drive).
 */
#include <windows.h>
#include <ras.h>
#include <raserror.h>
#include <stdio.h>
#include <stdlib.h>

static void path(char *buf, size_t size, const char *dir, const char *name,
		 int i)
{
	snprintf(buf, size, "Z:%s\\%s", dir, name);
	if (i >= 0)
		snprintf(buf + strlen(buf), size - strlen(buf), "-%d", i);
	for (char *p = buf; *p; p++)
		if (*p == '/')
			*p = '\\';
}

static int put(const char *file, long long value)
{
	FILE *f = fopen(file, "w");

	if (!f)
		return -1;
	fprintf(f, "%lld\n", value);
	return fclose(f);
}

static long long dial(void)
{
	RASDIALPARAMSA p = { .dwSize = sizeof(p) };
	RASCONNSTATUSA st = { .dwSize = sizeof(st) };
	LARGE_INTEGER f, t0, t1;
	HRASCONN h = NULL;
	DWORD ret;
	int i;

	strcpy(p.szEntryName, "bench-wine");
	strcpy(p.szUserName, "client");
	strcpy(p.szPassword, "s3cret-chap");
	QueryPerformanceFrequency(&f);
	QueryPerformanceCounter(&t0);
	ret = RasDialA(NULL, NULL, &p, 0, NULL, &h);
	QueryPerformanceCounter(&t1);
	if (h)
		RasHangUpA(h);
	for (i = 0; h && i < 3000; i++) {
		if (RasGetConnectStatusA(h, &st) == ERROR_INVALID_HANDLE)
			break;
		Sleep(10);
	}
	if (ret) {
		fprintf(stderr, "win_dial: RasDialA %lu\n", ret);
		return -1;
	}
	return (t1.QuadPart - t0.QuadPart) * 1000000 / f.QuadPart;
}

int main(int argc, char **argv)
{
	char file[MAX_PATH];
	int n, i, w;

	if (argc != 3 || (n = atoi(argv[1])) < 1) {
		fprintf(stderr, "usage: win_dial N DIR\n");
		return 2;
	}
	path(file, sizeof(file), argv[2], "ready", -1);
	if (put(file, 0))
		return 1;
	for (i = 0; i < n; i++) {
		path(file, sizeof(file), argv[2], "go", i);
		/* Bounded: the native side's run and settling take seconds. */
		for (w = 0; w < 30000; w++) {
			if (GetFileAttributesA(file) != INVALID_FILE_ATTRIBUTES)
				break;
			Sleep(10);
		}
		if (w == 30000)
			return 1;
		path(file, sizeof(file), argv[2], "done", i);
		if (put(file, dial()))
			return 1;
	}
	return 0;
}
