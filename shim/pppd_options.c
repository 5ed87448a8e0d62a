// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * pppd_options.c: what pppd's options files say that RasDialA must know
 * before it starts pppd: whether they load rasdial.so, and a peers
 * entry's rasdial-l2tp- settings.  Each answer is kept with the stat of
 * every file read for it and read again only when one of them changes:
 * parsing Debian's 348-line /etc/ppp/options and the peers file on every
 * call was half of an asynchronous RasDialA's time, on the caller's
 * thread.
 */
#include <errno.h>
#include <limits.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "internal.h"
#include "phonebook.h"

#define WALK_MAX_FILES		8
#define ENTRY_CACHE_SLOTS	64
/* A file changed this recently may change again within the same tick of
 * the kernel's coarse clock without its times moving: not trusted yet. */
#define RACY_NS			100000000LL

struct options_file {
	char *path;
	bool exists;
	dev_t dev;
	ino_t ino;
	off_t size;
	struct timespec mtime, ctime;
};

/* The files one walk read, as stat saw them before reading. */
struct options_walk {
	struct options_file files[WALK_MAX_FILES];
	int nfiles;
	bool untrusted;		/* too many files, no memory, or racy */
	struct timespec started;
};

static long long ts_ns(struct timespec t)
{
	return (long long)t.tv_sec * 1000000000LL + t.tv_nsec;
}

static bool ts_same(struct timespec a, struct timespec b)
{
	return a.tv_sec == b.tv_sec && a.tv_nsec == b.tv_nsec;
}

static void file_stat(struct options_file *of, const char *path)
{
	struct stat st;

	of->exists = stat(path, &st) == 0;
	if (!of->exists)
		return;
	of->dev = st.st_dev;
	of->ino = st.st_ino;
	of->size = st.st_size;
	of->mtime = st.st_mtim;
	of->ctime = st.st_ctim;
}

static bool file_unchanged(const struct options_file *was)
{
	struct options_file now;

	file_stat(&now, was->path);
	return now.exists == was->exists &&
	       (!now.exists ||
		(now.dev == was->dev && now.ino == was->ino &&
		 now.size == was->size && ts_same(now.mtime, was->mtime) &&
		 ts_same(now.ctime, was->ctime)));
}

static void walk_begin(struct options_walk *walk)
{
	memset(walk, 0, sizeof(*walk));
	clock_gettime(CLOCK_REALTIME, &walk->started);
}

static void walk_clear(struct options_walk *walk)
{
	for (int i = 0; i < walk->nfiles; i++)
		free(walk->files[i].path);
	memset(walk, 0, sizeof(*walk));
	walk->untrusted = true;
}

/* Notes PATH in WALK, stat taken before it is read: a change after that
 * shows at the next check. */
static void walk_add(struct options_walk *walk, const char *path)
{
	struct options_file *of;
	long long recent = ts_ns(walk->started) - RACY_NS;

	if (walk->nfiles == WALK_MAX_FILES) {
		walk->untrusted = true;
		return;
	}
	of = &walk->files[walk->nfiles];
	of->path = strdup(path);
	if (!of->path) {
		walk->untrusted = true;
		return;
	}
	walk->nfiles++;
	file_stat(of, path);
	if (of->exists &&
	    (ts_ns(of->mtime) >= recent || ts_ns(of->ctime) >= recent))
		walk->untrusted = true;
}

static bool walk_unchanged(const struct options_walk *walk)
{
	if (walk->untrusted)
		return false;
	for (int i = 0; i < walk->nfiles; i++)
		if (!file_unchanged(&walk->files[i]))
			return false;
	return true;
}

/*
 * Whether the options file PATH loads rasdial.so itself ("plugin X", X
 * ending in rasdial.so), following its "file"/"call" lines DEPTH deep.
 * pppd takes "plugin" only from root: from /etc/ppp/options, a peers
 * file or root's command line.  pppd would also load it twice (two
 * reporters) if we passed it again.  Best effort, as pppd's words are
 * written in practice: no escapes, quotes only around a whole word.
 * WALK gets every file read.
 */
static bool options_load_plugin(const char *path, int depth,
				struct options_walk *walk);

/* options_load_plugin's reading of the open file F. */
static bool options_file_loads_plugin(FILE *f, int depth,
				      struct options_walk *walk)
{
	char line[1024], w1[PATH_MAX], w2[PATH_MAX];
	bool found = false;

	while (!found && fgets(line, sizeof(line), f)) {
		char *hash = strchr(line, '#');
		const char *base;
		size_t len;

		if (hash)
			*hash = '\0';
		if (sscanf(line, " %4095s %4095s", w1, w2) != 2)
			continue;
		len = strlen(w2);
		if (len >= 2 && (w2[0] == '"' || w2[0] == '\'') &&
		    w2[len - 1] == w2[0]) {
			w2[len - 1] = '\0';
			memmove(w2, w2 + 1, len - 1);
		}
		base = strrchr(w2, '/');
		base = base ? base + 1 : w2;
		if (!strcmp(w1, "plugin")) {
			found = !strcmp(base, "rasdial.so");
		} else if (!strcmp(w1, "file")) {
			found = options_load_plugin(w2, depth - 1, walk);
		} else if (!strcmp(w1, "call") && !strchr(w2, '/')) {
			char peer[PATH_MAX];

			snprintf(peer, sizeof(peer), "%s/%s", RASDIAL_PEERS_DIR,
				 w2);
			found = options_load_plugin(peer, depth - 1, walk);
		}
	}
	return found;
}

/* PATH opened for reading, its stat in WALK first; NULL when DEPTH is
 * spent or it cannot be read. */
static FILE *options_open(const char *path, int depth,
			  struct options_walk *walk)
{
	if (depth < 0)
		return NULL;
	walk_add(walk, path);
	return fopen(path, "re");
}

static bool options_load_plugin(const char *path, int depth,
				struct options_walk *walk)
{
	FILE *f = options_open(path, depth, walk);
	bool found;

	if (!f)
		return false;
	found = options_file_loads_plugin(f, depth, walk);
	fclose(f);
	return found;
}

static pthread_mutex_t options_lock = PTHREAD_MUTEX_INITIALIZER;

/* Under options_lock. */
static struct options_walk system_walk = { .untrusted = true };
static bool system_loads_plugin;

bool rasdial_system_options_load_plugin(void)
{
	bool found;

	pthread_mutex_lock(&options_lock);
	if (!walk_unchanged(&system_walk)) {
		walk_clear(&system_walk);
		walk_begin(&system_walk);
		system_loads_plugin = options_load_plugin("/etc/ppp/options",
							  3, &system_walk);
	}
	found = system_loads_plugin;
	pthread_mutex_unlock(&options_lock);
	return found;
}

/* One peers file's answers; walk.files[0] is the peers file. */
struct entry_slot {
	struct options_walk walk;
	struct rasdial_peers_entry facts;
};

static struct entry_slot entry_cache[ENTRY_CACHE_SLOTS]; /* options_lock */
static unsigned int entry_next_slot;

static struct entry_slot *entry_slot_find(const char *path)
{
	for (int i = 0; i < ENTRY_CACHE_SLOTS; i++) {
		struct entry_slot *s = &entry_cache[i];

		if (s->walk.nfiles && !strcmp(s->walk.files[0].path, path))
			return s;
	}
	return NULL;
}

DWORD rasdial_peers_entry_read(const char *path,
			       struct rasdial_peers_entry *facts)
{
	struct entry_slot *s;
	DWORD ret;
	FILE *f;

	pthread_mutex_lock(&options_lock);
	s = entry_slot_find(path);
	if (s && walk_unchanged(&s->walk)) {
		*facts = s->facts;
		pthread_mutex_unlock(&options_lock);
		return ERROR_SUCCESS;
	}
	if (!s) {
		s = &entry_cache[entry_next_slot];
		entry_next_slot = (entry_next_slot + 1) % ENTRY_CACHE_SLOTS;
	}
	walk_clear(&s->walk);
	walk_begin(&s->walk);
	/* One read of the peers file for both questions: in a storm each
	 * RasDial names a file not read yet. */
	f = options_open(path, 3, &s->walk);
	facts->loads_plugin = f && options_file_loads_plugin(f, 3, &s->walk);
	if (f)
		rewind(f);
	ret = rasdial_l2tp_entry(f, path, &facts->l2tp, &facts->is_l2tp);
	if (f)
		fclose(f);
	if (ret)
		walk_clear(&s->walk);	/* errors are read again, detail too */
	else
		s->facts = *facts;
	pthread_mutex_unlock(&options_lock);
	return ret;
}
