/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * chat.h: chat's result, which pppd drops ("connect script failed"),
 * recovered through the plugin's rasdial-connect helper (see chat.c).
 */
#ifndef RASDIAL_PLUGIN_CHAT_H
#define RASDIAL_PLUGIN_CHAT_H

/* Entering SERIALCONN: chat will run under rasdial-connect, reporting. */
void rasdial_chat_arm(void);

/* The connect script is over: read what rasdial-connect said. */
void rasdial_chat_collect(void);

/*
 * What rasdial-connect reported in this attempt: chat's exit status (-1
 * unknown), with *ABORT the ABORT string that matched ("" for none).
 */
int rasdial_chat_result(const char **abort);

/* A new attempt: nothing reported yet. */
void rasdial_chat_forget(void);

#endif /* RASDIAL_PLUGIN_CHAT_H */
