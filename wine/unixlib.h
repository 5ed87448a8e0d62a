/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * unixlib.h: the seam between rasapi32's two halves.
 *
 * rasapi32.c is built with winegcc under Wine's <windows.h> (WINAPI is
 * ms_abi there); unixlib.c is built with plain gcc against <rasdial/...>
 * (WINAPI is empty: System V).  Only plain C types cross this header, and
 * none of its functions is WINAPI, so both halves agree on System V calls.
 * Buffers are the Windows program's own: librasdial's layouts match the
 * SDK's field for field, so they are passed through as they are.
 *
 * Every function returns ERROR_SUCCESS or a RAS error; 711
 * (ERROR_RASMAN_CANNOT_INITIALIZE) when librasdial.so.1 is not loaded or
 * lacks the function.  WIDE selects the W function of librasdial (UTF-16
 * strings) instead of the A one (strings in the ANSI code page given to
 * rasu_init, converted to and from librasdial's UTF-8 here).
 */
#ifndef RASAPI32_UNIXLIB_H
#define RASAPI32_UNIXLIB_H

#include <stdint.h>

/* Called from rasu_dispatch() for each notifier call of a dial. */
typedef void (*rasu_notify_fn)(uintptr_t h, uint32_t state, uint32_t error,
			       uint32_t ext_error);

/* dlopen librasdial.so.1, manual dispatch mode; ANSI_CP: GetACP(). */
uint32_t rasu_init(uint32_t ansi_cp, rasu_notify_fn notify);
/* librasdial's dispatch fd (-1 when there is none), then poll() on it. */
int rasu_get_fd(void);
int rasu_wait(int fd, int timeout_ms);
uint32_t rasu_dispatch(void);

/* RASDIALPARAMS' dwCallbackId (0 when its dwSize has none). */
uintptr_t rasu_callback_id(int wide, const void *params);
/* PBK: a Unix path in UTF-8 or NULL; NOTIFY: pass a notifier at all. */
uint32_t rasu_dial(int wide, const void *ext, const char *pbk, void *params,
		   int notify, uintptr_t *h);
uint32_t rasu_hang_up(int wide, uintptr_t h);
uint32_t rasu_get_connect_status(int wide, uintptr_t h, void *status);
uint32_t rasu_enum_connections(int wide, void *conns, uint32_t *cb,
			       uint32_t *count);
/* RESERVED: the program's, only tested for NULL. */
uint32_t rasu_enum_entries(int wide, const void *reserved, const char *pbk,
			   void *names, uint32_t *cb, uint32_t *count);
uint32_t rasu_get_error_string(int wide, uint32_t code, void *buf,
			       uint32_t cch);
uint32_t rasu_get_projection_info(int wide, uintptr_t h, uint32_t proj,
				  void *buf, uint32_t *cb);
uint32_t rasu_get_connection_statistics(uintptr_t h, void *stats);
uint32_t rasu_get_link_statistics(uintptr_t h, uint32_t subentry,
				  void *stats);

#endif /* RASAPI32_UNIXLIB_H */
