// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * libFuzzer harness: the Windows phone book parser (rasdial_pbk_parse)
 * and what RasDial makes of each entry (rasdial_pbk_args).  Besides
 * ASan/UBSan, it checks the parser's promises: an error leaves the book
 * empty with a reason, every entry is found again by its name, every
 * string ends inside its field, and the pppd options carry no control
 * character but TAB and only /dev devices.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "phonebook.h"

#define CHECK(cond)							\
	do {								\
		if (!(cond)) {						\
			fprintf(stderr, "pbk fuzz: %s:%d: %s\n",	\
				__FILE__, __LINE__, #cond);		\
			abort();					\
		}							\
	} while (0)

#define TERMINATED(field) CHECK(strnlen(field, sizeof(field)) < sizeof(field))

static void check_args(const struct rasdial_pbk_entry *e, const char *phone)
{
	struct rasdial_pbk_args a;
	char detail[256] = "";
	DWORD ret;
	int i;

	ret = rasdial_pbk_args(e, phone, &a, detail, sizeof(detail));
	CHECK(ret == ERROR_SUCCESS || ret == ERROR_BAD_PHONE_NUMBER ||
	      ret == ERROR_DEVICETYPE_DOES_NOT_EXIST ||
	      ret == ERROR_DEVICE_DOES_NOT_EXIST ||
	      ret == ERROR_CORRUPT_PHONEBOOK);
	if (ret)
		return;
	if (a.is_l2tp) {
		/* xl2tpd starts pppd: no argv, a LAC name instead. */
		CHECK(a.argc == 0);
		TERMINATED(a.l2tp.lac);
		CHECK(a.l2tp.lac[0] != '\0');
		return;
	}
	CHECK(a.argc > 0 && a.argc <= RASDIAL_PBK_MAX_ARGS);
	CHECK(a.argv[a.argc] == NULL);
	CHECK(!strncmp(a.device, "/dev/", 5));
	CHECK(!strstr(a.device, "/../") && !strstr(a.device, "/./"));
	for (i = 0; i < a.argc; i++) {
		const unsigned char *s = (const unsigned char *)a.argv[i];

		CHECK(s != NULL);
		/* TAB is whitespace in LinuxConnect's shell command. */
		for (; *s; s++)
			CHECK((*s >= 0x20 || *s == '\t') && *s != 0x7f);
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct rasdial_pbk pbk;
	char detail[256] = "";
	DWORD ret;
	size_t i;

	ret = rasdial_pbk_parse((const char *)data, size, "fuzz.pbk", &pbk,
				detail, sizeof(detail));
	CHECK(ret == ERROR_SUCCESS || ret == ERROR_CORRUPT_PHONEBOOK ||
	      ret == ERROR_NOT_ENOUGH_MEMORY);
	if (ret) {
		CHECK(pbk.v == NULL && pbk.n == 0);
		CHECK(detail[0] != '\0');
		return 0;
	}
	CHECK(pbk.n <= RASDIAL_PBK_MAX_SECTIONS);
	for (i = 0; i < pbk.n; i++) {
		const struct rasdial_pbk_entry *e = &pbk.v[i];

		TERMINATED(e->name);
		TERMINATED(e->media);
		TERMINATED(e->device_type);
		TERMINATED(e->port);
		TERMINATED(e->device);
		TERMINATED(e->preferred_port);
		TERMINATED(e->phone);
		TERMINATED(e->ip_address);
		TERMINATED(e->connect);
		CHECK(e->name[0] != '\0');
		/* Names are unique without case: each finds itself. */
		CHECK(rasdial_pbk_find(&pbk, e->name) == e);
		check_args(e, NULL);
		check_args(e, "555-1234");
		/* A name is no phone number, mostly: must not get through. */
		check_args(e, e->name);
	}
	rasdial_pbk_free(&pbk);
	return 0;
}
