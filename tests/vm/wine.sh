#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# vm-timeout: 600
#
# Windows programs (tests/wine, built with mingw-w64 against its own ras.h)
# under wine64, dialing through the project's rasapi32.dll.so
# (wine/) and librasdial, against real pppd peers:
#
#   dial_a.exe --RasDialA--> rasapi32.dll.so --> librasdial --> pppd call winetest
#                                                                | pty
#                                                 pppd notty auth require-chap
#
#   (a) dial_a: RasDialA + RasDialFunc1 to Connected, RasEnumConnectionsA,
#       RasGetConnectStatusA, RasGetProjectionInfoA, RasHangUpA
#   (b) dial_w: RasDialW with a window, WM_RASDIALEVENT in a message loop
#   (c) dial_a: wrong password -> 691; a busy modem (modemsim) -> 676
#   (d) errstr: RasGetErrorStringA/W texts = librasdial's
#   (e) enumdevices: RasEnumDevicesA's buffer protocol (what Wine's
#       conformance test checks), the modem simulator's link listed, W too
#   (f) entries: a .pbk and a peers directory in the prefix named by
#       Windows paths (enumerate, validate, rename, delete), saved
#       credentials, then a dial with the saved password:
#       RasConnectionNotification set on connect and on RasHangUp
#
# The Wine prefix comes as a tar made on the host (scripts/wine-prefix; TCG
# would take minutes), unpacked into /tmp.  All programs run in one Wine
# session (wineserver -p): the first Wine process under TCG costs 60-125 s.
# Each program prints "ok - X" / "not ok - X" / "skip - X: why"; this
# script numbers them.  Env: RASDIAL_WINE_PREFIX_TAR (the tar).
# shellcheck source=tests/vm/lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

WINE_DIR=/usr/lib/wine
EXES=$TOPDIR/build/tests/wine
DLL=$TOPDIR/wine/rasapi32.dll.so
TAR=${RASDIAL_WINE_PREFIX_TAR:-$TOPDIR/build/wine/prefix.tar}
D=/tmp/winetest
SECRET=s3cret-wine
MODEMSIM=$TOPDIR/build/tests/modemsim
LINK=/dev/ttyRASW

ktap_header

[[ -x $WINE_DIR/wine64 ]] || ktap_skip_all "no $WINE_DIR/wine64 (package wine64)"
[[ -f $DLL ]] || ktap_skip_all "wine/rasapi32.dll.so is not built (no winegcc?)"
[[ -f $EXES/dial_a.exe ]] || ktap_skip_all "tests/wine programs are not built (no mingw-w64?)"
[[ -f $TAR ]] || ktap_skip_all "no Wine prefix $TAR (scripts/wine-prefix)"
[[ -x /usr/sbin/pppd && -c /dev/ppp ]] || ktap_skip_all "no pppd or /dev/ppp"
[[ -n ${RASDIAL_KO_LOADED:-} ]] || ktap_skip_all "rasdial.ko is not loaded"

mkdir -p "$D"
t0=$SECONDS
tar -C "$D" -xf "$TAR" || ktap_skip_all "cannot unpack $TAR"
ktap_msg "prefix unpacked in $((SECONDS - t0)) s ($(du -sh "$D/prefix" | cut -f1))"
# Debian's copy of Wine's stub in system32 -> ours (design.md: the loader
# takes a non-PE rasapi32.dll there; WINEDLLPATH comes after Wine's own).
ln -sf "$DLL" "$D/prefix/drive_c/windows/system32/rasapi32.dll"
export WINEPREFIX=$D/prefix WINEDEBUG=-all WINEDLLOVERRIDES="mscoree,mshtml="

on_exit kill_pppds
"$WINE_DIR/wineserver" -p
on_exit "'$WINE_DIR/wineserver' -k"

# The CHAP peer of the VM suites (tests/vm/lib.sh chap_peer_entry).
chap_peer_entry winetest "$D" "$SECRET"
# A modem answering BUSY (tests/vm/failures.c's entry).
cat >/etc/ppp/peers/winebusy <<EOT
$LINK 115200
connect "/usr/sbin/chat -v -t 3 ABORT BUSY ABORT 'NO CARRIER' ABORT 'NO DIALTONE' ABORT 'NO ANSWER' ABORT ERROR '' ATZ OK 'ATDT\\\\T' CONNECT"
local
nocrtscts
lock
noauth
nodefaultroute
noipdefault
lcp-echo-interval 0
logfile $D/busy.log
EOT

# run_win NAME EXE ARGS...: one Windows program; its checks become KTAP
# lines "NAME: check".  Output to a file, not a pipe: Wine's services
# inherit it and would hold a pipe open.
run_win() {
	local name=$1 exe=$2 rc=0 line t=$SECONDS
	shift 2
	timeout -k 10 240 "$WINE_DIR/wine64" "$EXES/$exe" "$@" \
		>"$D/$name.out" 2>"$D/$name.err" </dev/null || rc=$?
	ktap_msg "$name: exit $rc, $((SECONDS - t)) s"
	while IFS= read -r line; do
		line=${line%$'\r'}
		case $line in
		"ok - "*) ktap_ok "$name: ${line#ok - }" ;;
		"not ok - "*) ktap_fail "$name: ${line#not ok - }" ;;
		"skip - "*) line=${line#skip - }; ktap_skip "$name: ${line%%: *}" "${line#*: }" ;;
		"# "*) echo "$line" ;;
		esac
	done <"$D/$name.out"
	if ((rc != 0)) && ! grep -q '^not ok' "$D/$name.out"; then
		dump_file "$D/$name.err" "$name stderr"
		ktap_fail "$name: exits 0 (exit $rc)"
	fi
	return "$rc"
}

# librasdial's W functions (RasDialW ...) come with the W edge of the shim.
if nm -D "$TOPDIR/shim/librasdial.so.1" 2>/dev/null | grep -qw RasDialW; then
	VARIANTS=(A W); no_w=
else
	VARIANTS=(A); no_w="librasdial has no W functions yet"
fi

# (d) first: it needs no link, and pays for the session's start.
CODES=(691 676 631 600)
"$TOPDIR/build/tests/wine/errtext" "${CODES[@]}" >"$D/errtext" ||
	ktap_fail "errtext: librasdial's texts"
run_win errstr errstr.exe "$(IFS=; echo "${VARIANTS[*]}")" "${CODES[@]}"
for c in "${CODES[@]}"; do
	want=$(sed -n "s/^$c //p" "$D/errtext")
	for k in "${VARIANTS[@]}"; do
		got=$(sed -n "s/^text $k $c //p" "$D/errstr.out" | tr -d '\r')
		if [[ -n $want && $got == "$want" ]]; then
			ktap_ok "errstr: RasGetErrorString$k($c) is librasdial's text"
		else
			ktap_msg "want: $want"; ktap_msg "got:  $got"
			ktap_fail "errstr: RasGetErrorString$k($c) is librasdial's text"
		fi
	done
done

# Without librasdial the program still starts and gets 711.
LD_LIBRARY_PATH='' timeout -k 10 240 "$WINE_DIR/wine64" "$EXES/errstr.exe" A 691 \
	>"$D/nolib.out" 2>&1 </dev/null
if grep -q '^not ok - RasGetErrorStringA(691) (711)' "$D/nolib.out"; then
	ktap_ok "no librasdial.so.1: the program runs, RAS calls give 711"
else
	dump_file "$D/nolib.out"; ktap_fail "no librasdial.so.1: the program runs, RAS calls give 711"
fi

# (a)
run_win dial_a dial_a.exe winetest client "$SECRET" 0 || dump_file "$D/dial.log"
wait_for 20 no_pppd || kill_pppds

# (c)
run_win dial_a_691 dial_a.exe winetest client wrong-password 691 || dump_file "$D/dial.log"
wait_for 20 no_pppd || kill_pppds
"$MODEMSIM" --link "$LINK" --result BUSY --calls 1 --log "$D/modemsim.log" \
	--delay 50 >"$D/modemsim.out" 2>&1 &
ms=$!
track_pid "$ms"
if wait_for 10 grep -q '^ready /dev/pts/' "$D/modemsim.out"; then
	# (e) while the simulator's link exists: a modem RasEnumDevices lists.
	run_win enumdevices enumdevices.exe "${LINK#/dev/}"
	run_win dial_a_676 dial_a.exe winebusy client "$SECRET" 676 5551234 ||
		dump_file "$D/busy.log"
else
	dump_file "$D/modemsim.out"; ktap_fail "dial_a_676: modemsim ready"
fi
wait_pid_exit 10 "$ms" || kill "$ms" 2>/dev/null
wait_for 20 no_pppd || kill_pppds

# (b)
if [[ -z $no_w ]]; then
	run_win dial_w dial_w.exe winetest client "$SECRET" || dump_file "$D/dial.log"
	wait_for 20 no_pppd || kill_pppds
else
	ktap_skip "dial_w: RasDialW with a window" "$no_w"
	ktap_skip "errstr: RasGetErrorStringW" "$no_w"
fi

# (f) C:\rasdial in the prefix: book.pbk and the peers directory peers\.
WD=$WINEPREFIX/drive_c/rasdial
mkdir -p "$WD/peers"
printf '%s\r\n' '[Wine Modem]' 'DEVICE=modem' "Port=$LINK" 'PhoneNumber=5551234' \
	'' '[Other]' 'DEVICE=modem' 'Port=COM1' 'PhoneNumber=5550000' >"$WD/book.pbk"
cp /etc/ppp/peers/winetest "$WD/peers/winetest"
echo noauth >"$WD/peers/scratch"
# Saved credentials go to a store of this run, checked below.
export XDG_CONFIG_HOME=$D/config
mkdir -m 0700 "$XDG_CONFIG_HOME"
run_win entries entries.exe 'C:\rasdial' winetest client "$SECRET" ||
	dump_file "$D/dial.log"
wait_for 20 no_pppd || kill_pppds
store=$XDG_CONFIG_HOME/rasdial/credentials
if [[ $(stat -c %a "$store" 2>/dev/null) == 600 ]] && ! grep -q "$SECRET" "$store"; then
	ktap_ok "entries: the credentials store is 0600, no password in clear"
else
	ktap_fail "entries: the credentials store is 0600, no password in clear"
fi

echo "1..$KTAP_TESTNUM"
ktap_finished
