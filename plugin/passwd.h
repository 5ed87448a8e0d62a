/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * passwd.h: the password librasdial hands pppd through an inherited pipe
 * (rasdial-passwd-fd), never argv, environment, netlink or logs.
 */
#ifndef RASDIAL_PLUGIN_PASSWD_H
#define RASDIAL_PLUGIN_PASSWD_H

/* Takes FD (checked open, above 2) and answers pppd's PAP/CHAP from it. */
void rasdial_passwd_use(int fd);

/*
 * Wipes the password from memory; CLOSE_FD also closes the descriptor
 * (pppd's forked child).  Safe in signal context.
 */
void rasdial_passwd_forget(int close_fd);

#endif /* RASDIAL_PLUGIN_PASSWD_H */
