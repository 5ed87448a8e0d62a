// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * chat-cmd.c: where the chat of pppd's connect command starts (see
 * chat-cmd.h).  pppd runs the command with /bin/sh -c; only a plain first
 * word is taken for the program, so that nothing the shell would read
 * differently (quotes, $, globs, assignments) is rewritten.
 */
#include <string.h>

#include "chat-cmd.h"

static int chat_cmd_blank(char c)
{
	return c == ' ' || c == '\t';
}

static int chat_cmd_word_end(char c)
{
	return !c || c == ' ' || c == '\t' || c == '\n' || c == ';' ||
	       c == '&' || c == '|';
}

/* A character the shell takes as itself in an unquoted word. */
static int chat_cmd_plain(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	       (c >= '0' && c <= '9') || strchr("/._-+,:@%", c);
}

int rasdial_chat_cmd_offset(const char *cmd)
{
	const char *p = cmd, *w;
	size_t len;

	while (chat_cmd_blank(*p))
		p++;
	/* "exec chat ...": the shell replaces itself, chat is the command. */
	if (!strncmp(p, "exec", 4) && chat_cmd_blank(p[4])) {
		p += 4;
		while (chat_cmd_blank(*p))
			p++;
	}
	for (w = p; !chat_cmd_word_end(*w); w++)
		if (!chat_cmd_plain(*w))
			return -1;
	len = (size_t)(w - p);
	if (len < 4 || memcmp(w - 4, "chat", 4) || (len > 4 && w[-5] != '/'))
		return -1;
	return (int)(p - cmd);
}
