// SPDX-License-Identifier: GPL-2.0
/*
 * errtext CODE...: librasdial's own RasGetErrorStringA text of each CODE,
 * one "CODE TEXT" line each: what tests/vm/wine.sh expects the Windows
 * program to get through rasapi32.dll.  A native Linux program.
 */
#include <stdio.h>
#include <stdlib.h>
#include <rasdial/ras.h>

int main(int argc, char **argv)
{
	char text[512];

	for (int i = 1; i < argc; i++) {
		UINT code = strtoul(argv[i], NULL, 0);

		if (RasGetErrorStringA(code, text, sizeof(text)))
			return 1;
		printf("%u %s\n", code, text);
	}
	return 0;
}
