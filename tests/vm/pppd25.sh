#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# pppd 2.5: the plugin built from the same source against Debian trixie's
# ppp-dev 2.5.2 headers (plugin/Makefile's pppd25 target), then run by
# trixie's own pppd 2.5.2 inside a trixie root; the dial must show the same
# RASCONNSTATE sequence as with bookworm's pppd 2.4.9 in the same run.
#
# scripts/install-deps downloads trixie's ppp-dev into build/trixie (the
# headers) and makes build/trixie-root with debootstrap (minbase + ppp and
# libnl).  Here that root (read-only over 9p) is a chroot: /dev, /proc,
# /sys bound in; its /tmp is the VM's /tmp (so the plugin, the logs and
# the peers' paths are the same inside and out), /run a fresh tmpfs,
# /etc/ppp the VM's writable /etc/ppp (the shim reads the peers entry
# outside, pppd inside).  RasDial starts pppd through a wrapper that execs
# "chroot ROOT /usr/sbin/pppd": the pid and the open password pipe (fd 3)
# pass through exec and chroot.  The answering pppd of the pty "..." line
# is run by the chrooted pppd, so it is trixie's pppd 2.5.2 too.
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

TRIXIE=$TOPDIR/build/trixie
ROOT=$TOPDIR/build/trixie-root
PLUGIN25=$TOPDIR/build/pppd25/rasdial.so
PPPD25=$ROOT/usr/sbin/pppd
TOOL=$TOPDIR/tools/rasdial
DIR=/tmp/pppd25
LIB=$DIR/lib
ENTRY=p25
SECRET=s3cret-25
mkdir -p "$DIR"

ktap_header

[[ -s $TRIXIE/root/usr/share/pkgconfig/pppd.pc ]] ||
	ktap_skip_all "no trixie ppp-dev in build/trixie (scripts/install-deps could not download it)"
if [[ ! -x $PPPD25 ]]; then
	why=$(head -n 1 "$ROOT.skip" 2>/dev/null)
	ktap_skip_all "no trixie root in build/trixie-root: ${why:-not made (run scripts/install-deps as root)}"
fi

ktap_plan 8

# 1: the plugin was built against the 2.5.2 headers and is for that pppd
want=$(sed -n 's/^Version: //p' "$TRIXIE/root/usr/share/pkgconfig/pppd.pc")
if [[ -f $PLUGIN25 ]] && strings "$PLUGIN25" | grep -qx "$want" &&
	nm -D --undefined-only "$PLUGIN25" | grep -qw ppp_add_notify; then
	ktap_ok "plugin built against pppd $want headers (ppp_add_notify)"
else
	ktap_fail "plugin built against pppd $want headers (ppp_add_notify)"
fi

# 2: every pppd symbol it needs is exported by the root's pppd
missing=
nm -D --defined-only "$PPPD25" | awk '{ print $3 }' | sort -u >"$DIR/pppd.syms"
for s in $(nm -D --undefined-only "$PLUGIN25" 2>/dev/null | awk '$2 !~ /@|^_/ { print $2 }'); do
	case $s in nl_*|nla_*|nlmsg_*|genl*) continue ;; esac
	grep -qx "$s" "$DIR/pppd.syms" || missing+=" $s"
done
if [[ -f $PLUGIN25 && -z $missing ]]; then
	ktap_ok "plugin's pppd symbols exported by pppd $want"
else
	ktap_msg "not in pppd $want:$missing"
	ktap_fail "plugin's pppd symbols exported by pppd $want"
fi

T3="pppd $want runs in the trixie root"
T4="dial with pppd $want: connected"
T5="same RASCONNSTATE sequence as pppd 2.4.9"
T6="hang-up: pppd $want gone"
T7="wrong password: 691 with pppd $want"
T8="RasHangUp: Disconnected 631, same sequence as pppd 2.4.9"
reason=
[[ -c /dev/ppp ]] || reason="no /dev/ppp"
[[ -n $reason || -n ${RASDIAL_KO_LOADED:-} ]] || reason="rasdial.ko is not loaded"
[[ -n $reason || -x $TOOL ]] || reason="tools/rasdial is not built"
[[ -n $reason || -x $TOPDIR/plugin/rasdial-connect ]] || reason="plugin/rasdial-connect is not built"
skip_rest() {
	local t
	for t in "$T3" "$T4" "$T5" "$T6" "$T7" "$T8"; do
		ktap_skip "$t" "$reason"
	done
	ktap_finished
}
[[ -n $reason ]] && skip_rest

# The chroot.  Mounting on the read-only 9p tree needs no write access.
mounted=()
mnt() {
	mount "$@" && mounted=("${!#}" "${mounted[@]}")
}
unmount_root() {
	local m
	for m in "${mounted[@]}"; do umount -R "$m" 2>/dev/null; done
}
on_exit unmount_root
if ! { mnt --rbind /dev "$ROOT/dev" && mnt -t proc proc "$ROOT/proc" &&
	mnt -t sysfs sys "$ROOT/sys" && mnt --bind /tmp "$ROOT/tmp" &&
	mnt -t tmpfs -o mode=755 run "$ROOT/run" && mkdir -m 1777 "$ROOT/run/lock" &&
	mnt --bind /etc/ppp "$ROOT/etc/ppp"; }; then
	reason="cannot set up the chroot in build/trixie-root"
	skip_rest
fi
# The 2.5 plugin and its rasdial-connect, where the chrooted pppd sees them
# (the VM's /tmp is the root's /tmp: same path inside and out).
mkdir -p "$LIB"
cp "$PLUGIN25" "$TOPDIR/plugin/rasdial-connect" "$LIB/"
cat >"$DIR/pppd" <<EOF
#!/bin/sh
# LD_LIBRARY_PATH (run-in-vm's, for the shim) means nothing in the root.
unset LD_LIBRARY_PATH
exec chroot "$ROOT" /usr/sbin/pppd "\$@"
EOF
chmod +x "$DIR/pppd"

# 3
ver=$(timeout 20 "$DIR/pppd" --version 2>&1)
if [[ $ver == "pppd version $want" ]]; then
	ktap_ok "$T3"
else
	ktap_msg "$ver"; ktap_fail "$T3"
fi

chap_peer_entry "$ENTRY" "$DIR" "$SECRET"

# pppd25_running WORD: a pppd with WORD on its command line runs with the
# trixie root as its root.
pppd25_running() {
	local p r
	r=$(readlink -f "$ROOT")
	for p in $(pidof pppd); do
		[[ $(readlink -f "/proc/$p/root") == "$r" ]] &&
			tr '\0' ' ' <"/proc/$p/cmdline" | grep -qw -- "$1" && return 0
	done
	return 1
}
# states: the state names and errors of a --trace run, in order.
states() { sed -n 's/^+[0-9]* ms  \([A-Za-z]* ([0-9]*)\)  dwError=\([0-9]*\).*/\1 \2/p' "$1"; }
# dial OUTFILE PPPD PLUGIN PASSWORD [OPTION...]: tools/rasdial --trace, bounded.
dial() {
	local out=$1 pppd=$2 plugin=$3 pw=$4
	shift 4
	RASDIAL_PPPD=$pppd RASDIAL_PLUGIN=$plugin timeout 60 "$TOOL" --trace "$@" \
		"$ENTRY" client "$pw" >"$out" 2>&1
}
hangup() {
	timeout 60 "$TOOL" "$ENTRY" /DISCONNECT >"$DIR/drop.out" 2>&1
	wait_for 10 no_pppd && return 0
	dump_file "$DIR/drop.out" drop
	kill_pppds
	wait_for 10 no_pppd
	return 1
}

# 4: a dial through the chrooted pppd with the 2.5 plugin; both ends (the
# dialing pppd and the answering one it started) run in the trixie root
if dial "$DIR/t25" "$DIR/pppd" "$LIB/rasdial.so" "$SECRET" &&
	grep -q "Connected (8192)  dwError=0 " "$DIR/t25" &&
	pppd25_running rasdial-conn && pppd25_running require-chap; then
	ktap_ok "$T4"
else
	dump_file "$DIR/t25" rasdial; dump_file "$DIR/dial.log" dial
	dump_file "$DIR/peer.log" peer
	for p in $(pidof pppd); do
		ktap_msg "$p root=$(readlink "/proc/$p/root") $(tr '\0' ' ' <"/proc/$p/cmdline")"
	done
	ktap_fail "$T4"
fi
dump_file "$DIR/t25" "2.5"

# 6 (hang-up of the 2.5 link)
if hangup; then hung=1; else hung=0; fi

# 5: the same dial with bookworm's pppd 2.4.9 and the in-tree plugin
dial "$DIR/t24" /usr/sbin/pppd "$TOPDIR/plugin/rasdial.so" "$SECRET"
hangup >/dev/null
if [[ -n $(states "$DIR/t25") ]] && diff <(states "$DIR/t24") <(states "$DIR/t25") >"$DIR/diff"; then
	ktap_ok "$T5"
else
	dump_file "$DIR/diff" "2.4.9 vs 2.5"; dump_file "$DIR/t24" "2.4.9"
	ktap_fail "$T5"
fi

# 6
if ((hung)); then
	ktap_ok "$T6"
else
	ktap_fail "$T6"
fi

# 7: an authentication failure is told apart under 2.5 too.  The password
# pipe got through the wrapper and chroot: the plugin refuses
# "rasdial-passwd-fd 3" when fd 3 is not open (so 4 would fail), and here
# its wrong content is what reached the peer.
if ! dial "$DIR/t25w" "$DIR/pppd" "$LIB/rasdial.so" wrong-password &&
	grep -qE 'dwError=691 ' "$DIR/t25w" && wait_for 10 no_pppd; then
	ktap_ok "$T7"
else
	dump_file "$DIR/t25w" rasdial; dump_file "$DIR/dial.log" dial
	ktap_fail "$T7"
	kill_pppds
	wait_for 10 no_pppd
fi

# 8: RasHangUp by the dialing process (--hold): the notifier hears
# Disconnected with 631 last, with both pppds alike.
dial "$DIR/h25" "$DIR/pppd" "$LIB/rasdial.so" "$SECRET" --hold 1
rc25=$?
wait_for 10 no_pppd || kill_pppds
wait_for 10 no_pppd
dial "$DIR/h24" /usr/sbin/pppd "$TOPDIR/plugin/rasdial.so" "$SECRET" --hold 1
wait_for 10 no_pppd || kill_pppds
wait_for 10 no_pppd
if ((rc25 == 0)) &&
	[[ $(states "$DIR/h25" | tail -n 1) == "Disconnected (8193) 631" ]] &&
	diff <(states "$DIR/h24") <(states "$DIR/h25") >"$DIR/hdiff"; then
	ktap_ok "$T8"
else
	dump_file "$DIR/hdiff" "2.4.9 vs 2.5"; dump_file "$DIR/h24" "2.4.9 hold"
	ktap_fail "$T8"
fi
dump_file "$DIR/h25" "2.5 hold"

ktap_finished
