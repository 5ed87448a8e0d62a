/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * chat-cmd.h: whether pppd's connect command runs chat (the plugin puts
 * its rasdial-connect in front of chat only then).  Pure, no pppd header:
 * tests/host/chat_cmd.c includes chat-cmd.c.
 */
#ifndef RASDIAL_CHAT_CMD_H
#define RASDIAL_CHAT_CMD_H

/*
 * The offset in CMD (a /bin/sh -c command line) of the chat word when
 * chat is the command: its first word, after blanks and an optional
 * "exec", is "chat" or a path ending in "/chat", unquoted, ending at a
 * blank, a newline, ';', '&', '|' or the end.  -1 otherwise: chat inside
 * quotes, as another program's argument, or no chat at all.
 */
int rasdial_chat_cmd_offset(const char *cmd);

#endif /* RASDIAL_CHAT_CMD_H */
