#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# pppd 2.5: the plugin built from the same source against Debian trixie's
# ppp-dev 2.5.2 headers (plugin/Makefile's pppd25 target), then run by
# trixie's own pppd 2.5.2 in the VM; the dial must show the same
# RASCONNSTATE sequence as with bookworm's pppd 2.4.9.
#
# scripts/install-deps downloads trixie's ppp, ppp-dev and the libraries
# pppd needs (libc 2.41 ...) with apt-get into build/trixie, never installed.
# pppd 2.5.2 runs under trixie's loader with trixie's libraries first, and
# bookworm's for the rest (libnl for the plugin, libcap ...), not in a full
# debootstrap root: no root is made on the test machine.
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

TRIXIE=$TOPDIR/build/trixie
PLUGIN25=$TOPDIR/build/pppd25/rasdial.so
PPPD25=$TRIXIE/ppp/usr/sbin/pppd
SYSROOT=$TRIXIE/sysroot
LDSO=$SYSROOT/usr/lib/x86_64-linux-gnu/ld-linux-x86-64.so.2
TOOL=$TOPDIR/tools/rasdial
DIR=/tmp/pppd25
ENTRY=p25
SECRET=s3cret-25
OUT=$DIR/out
mkdir -p "$DIR"

ktap_header
ktap_plan 7

[[ -s $TRIXIE/root/usr/share/pkgconfig/pppd.pc ]] ||
	ktap_skip_all "no trixie ppp-dev in build/trixie (scripts/install-deps could not download it)"

# 1: the plugin was built against the 2.5.2 headers and is for that pppd
want=$(sed -n 's/^Version: //p' "$TRIXIE/root/usr/share/pkgconfig/pppd.pc")
if [[ -f $PLUGIN25 ]] && strings "$PLUGIN25" | grep -qx "$want" &&
	nm -D --undefined-only "$PLUGIN25" | grep -qw ppp_add_notify; then
	ktap_ok "plugin built against pppd $want headers (ppp_add_notify)"
else
	ktap_fail "plugin built against pppd $want headers (ppp_add_notify)"
fi

# 2: every pppd symbol it needs is exported by trixie's pppd
missing=
if [[ -x $PPPD25 ]]; then
	nm -D --defined-only "$PPPD25" | awk '{ print $3 }' | sort -u >"$DIR/pppd.syms"
	for s in $(nm -D --undefined-only "$PLUGIN25" | awk '$2 !~ /@|^_/ { print $2 }'); do
		case $s in nl_*|nla_*|nlmsg_*|genl*) continue ;; esac
		grep -qx "$s" "$DIR/pppd.syms" || missing+=" $s"
	done
fi
if [[ ! -x $PPPD25 ]]; then
	ktap_skip "plugin's pppd symbols exported by pppd $want" "no trixie pppd in build/trixie"
elif [[ -z $missing ]]; then
	ktap_ok "plugin's pppd symbols exported by pppd $want"
else
	ktap_msg "not in pppd $want:$missing"
	ktap_fail "plugin's pppd symbols exported by pppd $want"
fi

reason=
[[ -x $PPPD25 && -e $LDSO ]] || reason="no trixie pppd and libc in build/trixie"
[[ -z $reason && -c /dev/ppp ]] || reason=${reason:-"no /dev/ppp"}
[[ -n $reason || -n ${RASDIAL_KO_LOADED:-} ]] || reason="rasdial.ko is not loaded"
[[ -n $reason || -x $TOOL ]] || reason="tools/rasdial is not built"
if [[ -n $reason ]]; then
	for t in "pppd $want runs" "dial with pppd $want: connected" \
		"same RASCONNSTATE sequence as pppd 2.4.9" "wrong password: 691 with pppd $want" \
		"hang-up: pppd $want gone"; do
		ktap_skip "$t" "$reason"
	done
	ktap_finished
fi

# trixie's loader, trixie's libraries before bookworm's; children (chat,
# the answering pppd) are ordinary bookworm programs again.
LP=$SYSROOT/usr/lib/x86_64-linux-gnu:/usr/lib/x86_64-linux-gnu:/lib/x86_64-linux-gnu
cat >"$DIR/pppd" <<EOF
#!/bin/sh
exec "$LDSO" --library-path "$LP" "$PPPD25" "\$@"
EOF
chmod +x "$DIR/pppd"

# 3
ver=$("$DIR/pppd" --version 2>&1)
if [[ $ver == "pppd version $want" ]]; then
	ktap_ok "pppd $want runs"
else
	ktap_msg "$ver"; ktap_fail "pppd $want runs"
fi

peer=$(peer_pppd_cmd 192.0.2.1 192.0.2.2 auth require-chap name server \
	lcp-echo-interval 0 logfile "$DIR/peer.log")
cat >/etc/ppp/peers/$ENTRY <<EOT
pty "$peer"
remotename server
noauth
local
nodefaultroute
noipdefault
lcp-echo-interval 0
logfile $DIR/dial.log
EOT
echo "client server $SECRET *" >/etc/ppp/chap-secrets

# Run by the loader, pppd 2.5's process is ld-linux-x86-64.so.2 (its exe
# and comm); it is found by its exe, bookworm's pppd by pidof.
pppd25_pids() {
	local d ldso
	ldso=$(readlink -f "$LDSO")
	for d in /proc/[0-9]*; do
		[[ $(readlink -f "$d/exe" 2>/dev/null) == "$ldso" ]] && echo "${d#/proc/}"
	done
}
no_pppd() { ! pidof pppd >/dev/null && [[ -z $(pppd25_pids) ]]; }
kill_pppds() {
	local p
	for p in $(pidof pppd) $(pppd25_pids); do kill "$p" 2>/dev/null; done
}
pppd25_running() {
	local p
	for p in $(pppd25_pids); do
		tr '\0' ' ' <"/proc/$p/cmdline" | grep -qF "$PPPD25" && return 0
	done
	return 1
}
# states: the state names and errors of a --trace run, in order.
states() { sed -n 's/^+[0-9]* ms  \([A-Za-z]* ([0-9]*)\)  dwError=\([0-9]*\).*/\1 \2/p' "$1"; }
# dial OUTFILE PPPD PLUGIN PASSWORD: tools/rasdial --trace, bounded.
dial() {
	RASDIAL_PPPD=$2 RASDIAL_PLUGIN=$3 timeout 60 "$TOOL" --trace "$ENTRY" client "$4" >"$1" 2>&1
}
hangup() {
	timeout 60 "$TOOL" "$ENTRY" /DISCONNECT >"$DIR/drop.out" 2>&1
	wait_for 10 no_pppd && return 0
	dump_file "$DIR/drop.out" drop
	kill_pppds
	wait_for 10 no_pppd
	return 1
}

# 4: a dial through trixie's pppd with the 2.5 plugin
if dial "$DIR/t25" "$DIR/pppd" "$PLUGIN25" "$SECRET" &&
	grep -q "Connected (8192)  dwError=0 " "$DIR/t25" && pppd25_running; then
	ktap_ok "dial with pppd $want: connected"
else
	dump_file "$DIR/t25" rasdial; dump_file "$DIR/dial.log" dial
	for d in /proc/[0-9]*; do
		c=$(tr '\0' ' ' <"$d/cmdline" 2>/dev/null)
		[[ $c == *pppd* ]] && ktap_msg "${d#/proc/} exe=$(readlink "$d/exe") $c"
	done
	ktap_fail "dial with pppd $want: connected"
fi
dump_file "$DIR/t25" "2.5"

# 6 (hang-up of the 2.5 link)
if hangup; then hung=1; else hung=0; fi

# 5: the same dial with bookworm's pppd 2.4.9 and the in-tree plugin
dial "$DIR/t24" /usr/sbin/pppd "$TOPDIR/plugin/rasdial.so" "$SECRET"
hangup >/dev/null
if [[ -n $(states "$DIR/t25") ]] && diff <(states "$DIR/t24") <(states "$DIR/t25") >"$DIR/diff"; then
	ktap_ok "same RASCONNSTATE sequence as pppd 2.4.9"
else
	dump_file "$DIR/diff" "2.4.9 vs 2.5"; dump_file "$DIR/t24" "2.4.9"
	ktap_fail "same RASCONNSTATE sequence as pppd 2.4.9"
fi

# 6
if ((hung)); then
	ktap_ok "hang-up: pppd $want gone"
else
	ktap_fail "hang-up: pppd $want gone"
fi

# 7: an authentication failure is told apart under 2.5 too
if ! dial "$DIR/t25w" "$DIR/pppd" "$PLUGIN25" wrong-password &&
	grep -qE 'dwError=691 ' "$DIR/t25w" && wait_for 10 no_pppd; then
	ktap_ok "wrong password: 691 with pppd $want"
else
	dump_file "$DIR/t25w" rasdial; dump_file "$DIR/dial.log" dial
	ktap_fail "wrong password: 691 with pppd $want"
	kill_pppds
fi

ktap_finished
