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

/*
 * Writes the Unix path UNIX_PATH (UTF-8) as the program sees it (a DOS
 * path) into OUT: CHARS characters, in the ANSI code page or UTF-16
 * (WIDE).  0, or -1 (OUT unchanged) when Wine has no DOS name for it or
 * it does not fit.
 */
typedef int (*rasu_dos_path_fn)(const char *unix_path, int wide, void *out,
				uint32_t chars);

/* dlopen librasdial.so.1, manual dispatch mode; ANSI_CP: GetACP(). */
uint32_t rasu_init(uint32_t ansi_cp, rasu_notify_fn notify,
		   rasu_dos_path_fn dos_path);
/* librasdial's dispatch fd (-1 when there is none), then poll() on it. */
int rasu_get_fd(void);
int rasu_wait(const int *fds, int n, int timeout_ms);
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

/*
 * Devices, entries, saved credentials.  PBK as for rasu_dial; ENTRY, OLD,
 * NEW: strings of the program (ANSI code page, or UTF-16 when WIDE).
 */
uint32_t rasu_enum_devices(int wide, void *devs, uint32_t *cb,
			   uint32_t *count);
uint32_t rasu_get_entry_properties(int wide, const char *pbk,
				   const void *entry, void *buf, uint32_t *cb,
				   void *dev, uint32_t *dev_cb);
uint32_t rasu_set_entry_properties(int wide, const char *pbk,
				   const void *entry, const void *buf,
				   uint32_t cb, const void *dev,
				   uint32_t dev_cb);
uint32_t rasu_validate_entry_name(int wide, const char *pbk,
				  const void *entry);
uint32_t rasu_delete_entry(int wide, const char *pbk, const void *entry);
uint32_t rasu_rename_entry(int wide, const char *pbk, const void *old,
			   const void *new_name);
uint32_t rasu_get_credentials(int wide, const char *pbk, const void *entry,
			      void *creds);
uint32_t rasu_set_credentials(int wide, const char *pbk, const void *entry,
			      const void *creds, int clear);
/* PASSWORD: the program's BOOL *. */
uint32_t rasu_get_entry_dial_params(int wide, const char *pbk, void *params,
				    int32_t *password);
uint32_t rasu_set_entry_dial_params(int wide, const char *pbk,
				    const void *params, int remove_password);

/*
 * RasConnectionNotification: librasdial's events (eventfds) that
 * rasapi32.c mirrors into the program's Win32 events.  rasu_event_create:
 * a librasdial event (0 when none) and its fd.  rasu_event_reset: 1 when
 * the eventfd FD was set (now reset), else 0.  rasu_wake / rasu_wake_fd:
 * an eventfd that makes the dispatch thread's rasu_wait return (-1 when
 * there is none).  rasu_wait polls the N fds: 1 some is readable, 0
 * timeout, -1 error.
 */
uintptr_t rasu_event_create(int *fd);
void rasu_event_close(uintptr_t ev);
int rasu_event_reset(int fd);
int rasu_wake_fd(void);
void rasu_wake(void);
uint32_t rasu_connection_notification(int wide, uintptr_t h, uintptr_t ev,
				      uint32_t flags);

#endif /* RASAPI32_UNIXLIB_H */
