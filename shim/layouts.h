/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * layouts.h: the dwSize values librasdial accepts.  A program tells which
 * WINVER it was built with through dwSize; every layout from WINVER 0x400
 * on is a prefix of the next (the SDK only appends fields), so those are
 * read and written as prefixes of the newest one (the library is built
 * with WINVER 0x0A00).  The NT 3.5 layouts (WINVER < 0x400) have shorter
 * strings and are spelled out here.
 */
#ifndef RASDIAL_LAYOUTS_H
#define RASDIAL_LAYOUTS_H

#include <stddef.h>
#include <string.h>
#include "internal.h"

#if WINVER < 0x0A00
#error "librasdial is built with WINVER 0x0A00 (the newest layouts)"
#endif

/* Size of a pack(4) structure that ends with FIELD. */
#define RASDIAL_END(type, field) \
	((offsetof(type, field) + sizeof(((type *)0)->field) + 3) & ~(size_t)3)

/* The NT 3.5 layouts, in CHAR (the A functions) and in WCHAR (SUFFIX w,
 * the W functions, wide.c).
 */
#define RASDIAL_NT35_LAYOUTS(CH, suffix)				\
struct rasdial_dialparams_nt35##suffix {				\
	DWORD dwSize;							\
	CH szEntryName[20 + 1];						\
	CH szPhoneNumber[RAS_MaxPhoneNumber + 1];			\
	CH szCallbackNumber[48 + 1];					\
	CH szUserName[UNLEN + 1];					\
	CH szPassword[PWLEN + 1];					\
	CH szDomain[DNLEN + 1];						\
};									\
									\
struct rasdial_conn_nt35##suffix {					\
	DWORD dwSize;							\
	HRASCONN hrasconn;						\
	CH szEntryName[20 + 1];						\
};									\
									\
struct rasdial_connstatus_nt35##suffix {				\
	DWORD dwSize;							\
	RASCONNSTATE rasconnstate;					\
	DWORD dwError;							\
	CH szDeviceType[RAS_MaxDeviceType + 1];				\
	CH szDeviceName[32 + 1];					\
};

#pragma pack(push, 4)
RASDIAL_NT35_LAYOUTS(CHAR, )
RASDIAL_NT35_LAYOUTS(WCHAR, w)
#pragma pack(pop)

#define RASDIAL_DIALPARAMS_SIZES {					\
	sizeof(struct rasdial_dialparams_nt35),				\
	RASDIAL_END(RASDIALPARAMSA, szDomain),		/* 0x400 */	\
	RASDIAL_END(RASDIALPARAMSA, dwCallbackId),	/* 0x401 */	\
	RASDIAL_END(RASDIALPARAMSA, dwIfIndex),		/* 0x601 */	\
	sizeof(RASDIALPARAMSA),				/* 0x602 */	\
}

#define RASDIAL_DIALEXT_SIZES {						\
	RASDIAL_END(RASDIALEXTENSIONS, reserved),	/* < 0x500 */	\
	RASDIAL_END(RASDIALEXTENSIONS, RasEapInfo),	/* 0x500 */	\
	sizeof(RASDIALEXTENSIONS),			/* 0x601 */	\
}

#define RASDIAL_CONN_SIZES {						\
	sizeof(struct rasdial_conn_nt35),				\
	RASDIAL_END(RASCONNA, szDeviceName),		/* 0x400 */	\
	RASDIAL_END(RASCONNA, dwSubEntry),		/* 0x401 */	\
	RASDIAL_END(RASCONNA, guidEntry),		/* 0x500 */	\
	RASDIAL_END(RASCONNA, luid),			/* 0x501 */	\
	sizeof(RASCONNA),				/* 0x600 */	\
}

#define RASDIAL_CONNSTATUS_SIZES {					\
	sizeof(struct rasdial_connstatus_nt35),				\
	RASDIAL_END(RASCONNSTATUSA, szDeviceName),	/* 0x400 */	\
	RASDIAL_END(RASCONNSTATUSA, szPhoneNumber),	/* 0x401 */	\
	sizeof(RASCONNSTATUSA),				/* 0x601 */	\
}

/* The W structures' sizes, WINVER for WINVER as the A ones above. */
#define RASDIAL_DIALPARAMSW_SIZES {					\
	sizeof(struct rasdial_dialparams_nt35w),			\
	RASDIAL_END(RASDIALPARAMSW, szDomain),		/* 0x400 */	\
	RASDIAL_END(RASDIALPARAMSW, dwCallbackId),	/* 0x401 */	\
	RASDIAL_END(RASDIALPARAMSW, dwIfIndex),		/* 0x601 */	\
	sizeof(RASDIALPARAMSW),				/* 0x602 */	\
}

#define RASDIAL_CONNW_SIZES {						\
	sizeof(struct rasdial_conn_nt35w),				\
	RASDIAL_END(RASCONNW, szDeviceName),		/* 0x400 */	\
	RASDIAL_END(RASCONNW, dwSubEntry),		/* 0x401 */	\
	RASDIAL_END(RASCONNW, guidEntry),		/* 0x500 */	\
	RASDIAL_END(RASCONNW, luid),			/* 0x501 */	\
	sizeof(RASCONNW),				/* 0x600 */	\
}

#define RASDIAL_CONNSTATUSW_SIZES {					\
	sizeof(struct rasdial_connstatus_nt35w),			\
	RASDIAL_END(RASCONNSTATUSW, szDeviceName),	/* 0x400 */	\
	RASDIAL_END(RASCONNSTATUSW, szPhoneNumber),	/* 0x401 */	\
	sizeof(RASCONNSTATUSW),				/* 0x601 */	\
}

/* As RasEnumEntriesA: no NT 3.5 layout. */
#define RASDIAL_ENTRYNAMEW_SIZES {					\
	RASDIAL_END(RASENTRYNAMEW, szEntryName),	/* 0x400 */	\
	sizeof(RASENTRYNAMEW),				/* 0x500 */	\
}

#define RASDIAL_PPPIPW_SIZES {						\
	RASDIAL_END(RASPPPIPW, szIpAddress),		/* WINNT35COMPATIBLE */ \
	RASDIAL_END(RASPPPIPW, szServerIpAddress),	/* < 0x500 */	\
	sizeof(RASPPPIPW),				/* 0x500 */	\
}

#define RASDIAL_PPPLCPW_SIZES {						\
	RASDIAL_END(RASPPPLCPW, fBundled),		/* < 0x500 */	\
	sizeof(RASPPPLCPW),				/* 0x500 */	\
}

static inline bool rasdial_size_in(const size_t *sizes, size_t n, DWORD size)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (sizes[i] == size)
			return true;
	return false;
}

/* Copies a string into a fixed field, always terminated. */
static inline void rasdial_strlcpy(char *dst, const char *src, size_t size)
{
	size_t n = strnlen(src, size - 1);

	memcpy(dst, src, n);
	dst[n] = '\0';
}

#endif /* RASDIAL_LAYOUTS_H */
