#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# "make install" / "make uninstall" into a DESTDIR, as a distro package
# build does it.  In the VM the tree is read-only, so this also shows that
# installing writes nothing into the tree.  Then a small program is built
# with "pkg-config --cflags --libs rasdial" against the installed copy and
# run against the installed library.
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

DIR=/tmp/install-test
DEST=$DIR/dest
DEST2=$DIR/dest-default
OUT=$DIR/out
mkdir -p "$DIR"

ktap_header
ktap_plan 14

command -v make >/dev/null || ktap_skip_all "no make"
command -v cc >/dev/null || ktap_skip_all "no cc"
command -v pkg-config >/dev/null || ktap_skip_all "no pkg-config"
[[ -f $TOPDIR/shim/librasdial.so.1 && -f $TOPDIR/plugin/rasdial.so ]] ||
	ktap_skip_all "tree not built (make)"

show() { dump_file "$OUT" "${1:-make}"; }
# Bounded; no -j: the sub-makes run one after another anyway.
mk() { timeout 120 make -s -C "$TOPDIR" "$@" >"$OUT" 2>&1; }

# Where pppd looks for plugins: pppd.pc on 2.5, /usr/lib/pppd/VERSION on 2.4.
PPPD_VER=$(/usr/sbin/pppd --version 2>&1 | sed -n 's/.*version \([0-9.]*\).*/\1/p')
PLUGIN_DIR=$(pkg-config --variable=plugindir pppd 2>/dev/null)
PLUGIN_DIR=${PLUGIN_DIR:-/usr/lib/pppd/$PPPD_VER}
ktap_msg "pppd $PPPD_VER, plugin dir $PLUGIN_DIR"

# 1
if mk install DESTDIR="$DEST" PREFIX=/usr; then
	ktap_ok "make install DESTDIR PREFIX=/usr"
else
	show; ktap_fail "make install DESTDIR PREFIX=/usr"
fi
find "$DEST" \( -type f -o -type l \) | sort | sed "s|^$DEST|# installed: |"

# 2: the real file, the soname link and the development link
L=$DEST/usr/lib
if [[ -f $L/librasdial.so.1.0.0 && ! -L $L/librasdial.so.1.0.0 ]] &&
	[[ $(readlink "$L/librasdial.so.1") == librasdial.so.1.0.0 ]] &&
	[[ $(readlink "$L/librasdial.so") == librasdial.so.1 ]] &&
	readelf -d "$L/librasdial.so.1.0.0" | grep -q 'SONAME.*\[librasdial\.so\.1\]'; then
	ktap_ok "shim: librasdial.so.1.0.0, soname librasdial.so.1, symlinks"
else
	ls -l "$L" | sed 's/^/# /'; ktap_fail "shim: librasdial.so.1.0.0, soname librasdial.so.1, symlinks"
fi

# 3
I=$DEST/usr/include/rasdial
if [[ -f $I/ras.h && -f $I/raserror.h && -f $I/rasdial.h ]]; then
	ktap_ok "headers under include/rasdial/"
else
	ktap_fail "headers under include/rasdial/"
fi

# 4: rasdial.pc for the PREFIX given at install time
PC=$L/pkgconfig/rasdial.pc
if [[ -f $PC ]] && grep -qx 'prefix=/usr' "$PC" && grep -qx 'libdir=/usr/lib' "$PC" &&
	PKG_CONFIG_LIBDIR=$L/pkgconfig pkg-config --exists rasdial; then
	ktap_ok "rasdial.pc for PREFIX=/usr"
else
	dump_file "$PC"; ktap_fail "rasdial.pc for PREFIX=/usr"
fi

# 5: the plugin where pppd looks, built for this pppd
P=$DEST$PLUGIN_DIR/rasdial.so
if [[ -f $P ]] && [[ -n $PPPD_VER ]] && strings "$P" | grep -qx "$PPPD_VER" &&
	nm -D --defined-only "$P" | grep -qw plugin_init; then
	ktap_ok "plugin in pppd's plugin directory ($PLUGIN_DIR)"
else
	ktap_fail "plugin in pppd's plugin directory ($PLUGIN_DIR)"
fi

# 6: the tool, without an rpath into the build tree
T=$DEST/usr/bin/rasdial
if [[ -x $T ]] && ! readelf -d "$T" | grep -qE 'RPATH|RUNPATH'; then
	ktap_ok "tool in bin/, no rpath"
else
	readelf -d "$T" 2>&1 | grep -E 'RPATH|RUNPATH' | sed 's/^/# /'; ktap_fail "tool in bin/, no rpath"
fi

# 7: it runs against the installed library
if [[ -z ${RASDIAL_KO_LOADED:-} ]]; then
	ktap_skip "installed tool lists connections" "rasdial.ko is not loaded"
elif LD_LIBRARY_PATH=$L ldd "$T" | grep -q "librasdial.so.1 => $L/librasdial.so.1" &&
	LD_LIBRARY_PATH=$L timeout 30 "$T" >"$OUT" 2>&1 && grep -q "No connections" "$OUT"; then
	ktap_ok "installed tool lists connections"
else
	show rasdial; ktap_fail "installed tool lists connections"
fi

# 8: dkms.conf and the module source it builds from
S=$(find "$DEST/usr/src" -maxdepth 1 -name 'rasdial-*' 2>/dev/null | head -n 1)
ver=$(sed -n 's/^PACKAGE_VERSION="\(.*\)"/\1/p' "$S/dkms.conf" 2>/dev/null)
if [[ -n $S && $S == "$DEST/usr/src/rasdial-$ver" ]] && grep -q '^PACKAGE_NAME="rasdial"' "$S/dkms.conf" &&
	grep -q '^BUILT_MODULE_LOCATION\[0\]="kernel/"' "$S/dkms.conf" &&
	[[ -f $S/Kbuild && -f $S/kernel/Kbuild && -f $S/kernel/main.c &&
		-f $S/include/uapi/linux/rasdial.h ]] && ! ls "$S"/kernel/*.mod.c >/dev/null 2>&1; then
	ktap_ok "dkms.conf and module source in /usr/src/rasdial-$ver"
else
	ktap_fail "dkms.conf and module source in /usr/src/rasdial-$ver"
fi

# 9-10: a program built with pkg-config --cflags --libs rasdial
cat >"$DIR/prog.c" <<'EOF'
#include <stdio.h>
#include <string.h>
#include <rasdial/rasdial.h>

int main(void)
{
	char text[512] = "";
	RASCONNA conns[4];
	DWORD cb = sizeof(conns), n = 99, rc;

	if (RasGetErrorStringA(ERROR_AUTHENTICATION_FAILURE, text, sizeof(text)) || !*text)
		return 2;
	printf("691: %s\n", text);
	memset(conns, 0, sizeof(conns));
	conns[0].dwSize = sizeof(RASCONNA);
	rc = RasEnumConnectionsA(conns, &cb, &n);
	printf("RasEnumConnections: %lu, %lu connections\n", (unsigned long)rc, (unsigned long)n);
	return 0;
}
EOF
# SYSROOT_DIR: the .pc says /usr, the files are under $DEST.
pc() { PKG_CONFIG_LIBDIR=$L/pkgconfig PKG_CONFIG_SYSROOT_DIR=$DEST pkg-config "$@"; }
flags=$(pc --cflags --libs rasdial)
ktap_msg "pkg-config --cflags --libs rasdial: $flags"
# shellcheck disable=SC2086 # word splitting of the flags is meant
if [[ $flags == *"-I$DEST/usr/include"* ]] &&
	cc -Wall -Wextra -Werror -o "$DIR/prog" "$DIR/prog.c" $flags >"$OUT" 2>&1; then
	ktap_ok "program builds with pkg-config --cflags --libs rasdial"
else
	show cc; ktap_fail "program builds with pkg-config --cflags --libs rasdial"
fi
if LD_LIBRARY_PATH=$L ldd "$DIR/prog" 2>&1 | grep -q "librasdial.so.1 => $L/librasdial.so.1" &&
	LD_LIBRARY_PATH=$L timeout 30 "$DIR/prog" >"$OUT" 2>&1 && grep -q '^691: .' "$OUT" &&
	{ [[ -z ${RASDIAL_KO_LOADED:-} ]] || grep -q '^RasEnumConnections: 0, 0 connections$' "$OUT"; }; then
	show prog; ktap_ok "program runs against the installed librasdial"
else
	show prog; ktap_fail "program runs against the installed librasdial"
fi

# 11: make uninstall leaves no file or link behind
left() { find "$1" \( -type f -o -type l \) | sed "s|^|# left: |"; }
if mk uninstall DESTDIR="$DEST" PREFIX=/usr && [[ -z $(find "$DEST" \( -type f -o -type l \)) ]] &&
	[[ ! -e $DEST/usr/include/rasdial && ! -e $S ]]; then
	ktap_ok "make uninstall removes everything"
else
	show; left "$DEST"; ktap_fail "make uninstall removes everything"
fi

# 12-14: PREFIX defaults to /usr/local; the plugin still goes to pppd's dir
if mk install DESTDIR="$DEST2" && [[ -f $DEST2/usr/local/lib/librasdial.so.1.0.0 &&
	-x $DEST2/usr/local/bin/rasdial && -f $DEST2/usr/local/include/rasdial/ras.h ]] &&
	grep -qx 'prefix=/usr/local' "$DEST2/usr/local/lib/pkgconfig/rasdial.pc"; then
	ktap_ok "default PREFIX /usr/local"
else
	show; ktap_fail "default PREFIX /usr/local"
fi
if [[ -f $DEST2$PLUGIN_DIR/rasdial.so ]]; then
	ktap_ok "plugin in pppd's directory whatever PREFIX is"
else
	ktap_fail "plugin in pppd's directory whatever PREFIX is"
fi
if mk uninstall DESTDIR="$DEST2" && [[ -z $(find "$DEST2" \( -type f -o -type l \)) ]]; then
	ktap_ok "make uninstall with default PREFIX"
else
	show; left "$DEST2"; ktap_fail "make uninstall with default PREFIX"
fi

ktap_finished
