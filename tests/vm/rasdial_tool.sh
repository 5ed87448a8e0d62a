#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# vm-timeout: 600
#
# tools/rasdial against a real answering pppd (CHAP) on a pty, in the VM:
#
#   rasdial (tool) --RasDial--> librasdial --fork--> pppd call tooltest
#        |                                             | pty
#        +-- rasdial.ko registry                   pppd notty auth require-chap
#                                                  name server 192.0.2.1:192.0.2.2
#
# It lists, dials (states printed, --trace times), disconnects by entry
# name, and fails cleanly on a wrong password or a missing entry; --new
# creates a modem entry (RasSetEntryProperties) that dials the modem
# simulator, --show prints it; --relay direct dials without the module's
# registry and stays attached.
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

TOOL=$TOPDIR/tools/rasdial
ENTRY=tooltest
DIR=/tmp/rasdial_tool
SECRET=s3cret-tool
OUT=$DIR/out
mkdir -p "$DIR"

ktap_header
ktap_plan 37

[[ -x /usr/sbin/pppd ]] || ktap_skip_all "no /usr/sbin/pppd"
[[ -c /dev/ppp ]] || ktap_skip_all "no /dev/ppp (CONFIG_PPP)"
[[ -n ${RASDIAL_KO_LOADED:-} ]] || ktap_skip_all "rasdial.ko is not loaded"
[[ -x $TOOL ]] || ktap_skip_all "tools/rasdial is not built"
[[ -f ${RASDIAL_PLUGIN:-} ]] || ktap_skip_all "plugin not built: ${RASDIAL_PLUGIN:-unset}"

chap_peer_entry "$ENTRY" "$DIR" "$SECRET"

# Every tool run is bounded; output (stdout and stderr) goes to $OUT.
tool() { timeout 60 "$TOOL" "$@" >"$OUT" 2>&1; }
show() { dump_file "$OUT" "rasdial"; }
out_has() { grep -qF -- "$1" "$OUT"; }
on_exit kill_pppds

# pppd_has_secret: does any running pppd carry the password in argv or env?
pppd_has_secret() {
	local p
	for p in $(pidof pppd); do
		tr '\0' '\n' <"/proc/$p/cmdline" | grep -qF "$SECRET" && return 0
		tr '\0' '\n' <"/proc/$p/environ" | grep -qF "$SECRET" && return 0
	done
	return 1
}

ppp_up() { ip -o -4 addr show 2>/dev/null | grep -q "inet 192.0.2.2 peer 192.0.2.1/32"; }

# 1: nothing is connected yet
if tool && out_has "No connections" && out_has "Command completed successfully."; then
	ktap_ok "list: no connections"
else
	show; ktap_fail "list: no connections"
fi

# 2-3: dial, with the states as Windows' rasdial.exe prints them
if tool "$ENTRY" client "$SECRET"; then
	ktap_ok "dial: exit 0"
else
	show; dump_file "$DIR/dial.log"; ktap_fail "dial: exit 0"
fi
if out_has "Connecting to $ENTRY..." && out_has "Verifying username and password..." &&
	out_has "Registering your computer on the network..." &&
	out_has "Connected to $ENTRY." && out_has "Command completed successfully."; then
	ktap_ok "dial: states printed"
else
	show; ktap_fail "dial: states printed"
fi

# 4: the link is up and outlives the tool
if wait_for 10 ppp_up && pidof pppd >/dev/null; then
	ktap_ok "link up after the tool exited"
else
	ip -o addr show | sed 's/^/# /'; ktap_fail "link up after the tool exited"
fi

# 5: the password went through the pipe, not argv or the environment
if pidof pppd >/dev/null && ! pppd_has_secret; then
	ktap_ok "password not in pppd's argv or environment"
else
	ktap_fail "password not in pppd's argv or environment"
fi

# 6: another process lists it
if tool && out_has "Connected to" && grep -qx "$ENTRY" "$OUT"; then
	ktap_ok "list: $ENTRY"
else
	show; ktap_fail "list: $ENTRY"
fi

# 7-8: hang up by entry name, from another process
if tool "$ENTRY" /DISCONNECT && out_has "Command completed successfully."; then
	ktap_ok "disconnect $ENTRY"
else
	show; ktap_fail "disconnect $ENTRY"
fi
if wait_for 10 no_pppd && tool && out_has "No connections"; then
	ktap_ok "disconnect: pppd gone, nothing listed"
else
	show; ps | grep pppd | sed 's/^/# /'; ktap_fail "disconnect: pppd gone, nothing listed"
	kill_pppds
	wait_for 10 no_pppd
fi

# 9: nothing left to disconnect
if ! tool "$ENTRY" /DISCONNECT && out_has "You are not connected to $ENTRY."; then
	ktap_ok "disconnect when not connected fails"
else
	show; ktap_fail "disconnect when not connected fails"
fi

# 10: wrong password: 691 and its text, no pppd left behind
if ! tool "$ENTRY" client wrong-password && out_has "Remote Access error 691 - " &&
	wait_for 10 no_pppd; then
	ktap_ok "wrong password: error 691"
else
	show; ktap_fail "wrong password: error 691"
	kill_pppds
	wait_for 10 no_pppd
fi

# 11: missing entry
if ! tool no-such-entry client "$SECRET" && out_has "Remote Access error 623 - "; then
	ktap_ok "missing entry: error 623"
else
	show; ktap_fail "missing entry: error 623"
fi

# 12-13: --trace prints every notifier call with its time
trace_ok() {
	grep -qE '^\+[0-9]+ ms  OpenPort \(0\)  dwError=0 dwExtendedError=0$' "$OUT" &&
		grep -qE '^\+[0-9]+ ms  Authenticate \(5\)  dwError=0 dwExtendedError=0$' "$OUT" &&
		grep -qE '^\+[0-9]+ ms  Connected \(8192\)  dwError=0 dwExtendedError=0$' "$OUT"
}
if tool --trace "$ENTRY" client "$SECRET" && trace_ok; then
	ktap_ok "--trace: every call, timed"
else
	show; ktap_fail "--trace: every call, timed"
fi
show
if tool /DISCONNECT && wait_for 10 no_pppd; then
	ktap_ok "disconnect all"
else
	show; ktap_fail "disconnect all"
	kill_pppds
	wait_for 10 no_pppd
fi

# 14: --trace of a failure shows the error and its text
if ! tool --trace "$ENTRY" client wrong-password &&
	grep -qE '^\+[0-9]+ ms  [A-Za-z]+ \([0-9]+\)  dwError=691 dwExtendedError=[0-9]+  .+' "$OUT"; then
	ktap_ok "--trace: failure with error text"
else
	show; ktap_fail "--trace: failure with error text"
fi
wait_for 10 no_pppd || kill_pppds

# 15-16: "*" asks for the password (no tty here: read from stdin)
if echo "$SECRET" | timeout 60 "$TOOL" "$ENTRY" client '*' >"$OUT" 2>&1 &&
	out_has "Connected to $ENTRY."; then
	ktap_ok "password prompt"
else
	show; ktap_fail "password prompt"
fi
if tool "$ENTRY" /DISCONNECT && wait_for 10 no_pppd; then
	ktap_ok "disconnect after prompt dial"
else
	show; ktap_fail "disconnect after prompt dial"
fi

# drop NAME: hang NAME up (another process) and wait until pppd is gone.
drop() {
	timeout 60 "$TOOL" "$1" /DISCONNECT >"$DIR/drop.out" 2>&1 && wait_for 10 no_pppd && return 0
	dump_file "$DIR/drop.out" drop
	kill_pppds
	wait_for 10 no_pppd
	return 1
}

# pppd_argv_has WORD...: the running pppd's argv holds these words in a row.
pppd_argv_has() {
	local p want="$*"
	for p in $(pidof pppd); do
		tr '\0' ' ' <"/proc/$p/cmdline" | grep -qF -- " $want " && return 0
	done
	return 1
}

# 17-18: RasDialFunc and RasDialFunc2 notifiers
for n in 0 2; do
	if tool --trace --notifier $n "$ENTRY" client "$SECRET" &&
		grep -qE '^\+[0-9]+ ms  Connected \(8192\)  dwError=0 dwExtendedError=0$' "$OUT" &&
		! out_has "rasdial: " && drop "$ENTRY"; then
		ktap_ok "notifier type $n"
	else
		show; ktap_fail "notifier type $n"
	fi
done

# 19: another peers directory as the phone book: pppd reads it with "file"
mkdir -p "$DIR/pb"
cp /etc/ppp/peers/$ENTRY "$DIR/pb/pbentry"
if tool pbentry client "$SECRET" /PHONEBOOK:"$DIR/pb" && out_has "Connected to pbentry." &&
	pppd_argv_has file "$DIR/pb/pbentry" nodetach && drop pbentry; then
	ktap_ok "/PHONEBOOK: a peers directory"
else
	show; ktap_fail "/PHONEBOOK: a peers directory"
fi

# 20: /PHONE: reaches pppd as remotenumber (chat's \T)
if tool "$ENTRY" client "$SECRET" /PHONE:5551234 && out_has "Connected to $ENTRY." &&
	pppd_argv_has remotenumber 5551234 && drop "$ENTRY"; then
	ktap_ok "/PHONE: number passed to pppd"
else
	show; ktap_fail "/PHONE: number passed to pppd"
fi

# 21: pppd cannot be started: RAS's "connection manager" error, at once
if ! RASDIAL_PPPD=/nonexistent/pppd tool "$ENTRY" client "$SECRET" &&
	out_has "Remote Access error 711 - "; then
	ktap_ok "pppd missing: error 711"
else
	show; ktap_fail "pppd missing: error 711"
fi

# 22: pppd exits before its plugin runs (bad option): the shim tells the
# failure from the exit status (EXIT_OPTION_ERROR 2; dwExtendedError 0 as the seed says)
cp /etc/ppp/peers/$ENTRY /etc/ppp/peers/badopt
echo "this-is-not-a-pppd-option" >>/etc/ppp/peers/badopt
if ! tool --trace badopt client "$SECRET" &&
	grep -qE '^\+[0-9]+ ms  OpenPort \(0\)  dwError=0 dwExtendedError=0$' "$OUT" &&
	grep -qE '^\+[0-9]+ ms  OpenPort \(0\)  dwError=635 dwExtendedError=0  .+' "$OUT"; then
	ktap_ok "pppd option error: failure from its exit status"
else
	show; ktap_fail "pppd option error: failure from its exit status"
fi
show

# 23: the failed dials left no connection behind
if wait_for 10 no_pppd && tool && out_has "No connections"; then
	ktap_ok "list: nothing left after failures"
else
	show; ktap_fail "list: nothing left after failures"
fi

# 24: the Linux extensions are in the usage text (scripts/demo looks)
if tool --help && out_has "--status ENTRY" && out_has "--hold SECONDS"; then
	ktap_ok "usage mentions --status and --hold"
else
	show; ktap_fail "usage mentions --status and --hold"
fi

# 25: --status from another process: state, projections, statistics
status_ok() {
	out_has "Status of $ENTRY (handle " &&
		out_has "State:              Connected (8192), dwError 0" &&
		out_has "IPv4 (PppIp):       192.0.2.2, server 192.0.2.1" &&
		out_has "LCP (PppLcp):       dwError 0, bundled no, multilink no" &&
		grep -qE '^  IPv6 \(PppIpv6\): +(interface id|none \(731 - )' "$OUT" &&
		grep -qE '^  Bytes sent/recv: +[0-9]+ / [0-9]+$' "$OUT" &&
		grep -qE '^  Connected for: +0:00:[0-9]{2}\.[0-9]{3} \([0-9]+ ms\)$' "$OUT"
}
if tool "$ENTRY" client "$SECRET" && tool --status "$ENTRY" && status_ok; then
	ktap_ok "--status: status, projection, statistics"
else
	show; ktap_fail "--status: status, projection, statistics"
fi
show
drop "$ENTRY" || true

# 26: --hold: attached, status printed, hung up, Disconnected 631 seen
if tool --hold 2 "$ENTRY" client "$SECRET" &&
	grep -qE '^\+[0-9]+ ms  Connected \(8192\)  dwError=0 dwExtendedError=0$' "$OUT" &&
	status_ok &&
	grep -qE '^\+[0-9]+ ms  Disconnected \(8193\)  dwError=631 dwExtendedError=0  .+' "$OUT" &&
	out_has "Command completed successfully." && wait_for 10 no_pppd; then
	ktap_ok "--hold: status, hang-up, Disconnected 631"
else
	show; ktap_fail "--hold: status, hang-up, Disconnected 631"
	kill_pppds
	wait_for 10 no_pppd
fi
show

# 27: --status of an entry that is not connected
if ! tool --status "$ENTRY" && out_has "You are not connected to $ENTRY."; then
	ktap_ok "--status when not connected fails"
else
	show; ktap_fail "--status when not connected fails"
fi

# 28: --devices lists the simulated modem's tty (a /dev link to a pty)
MSIM=$TOPDIR/build/tests/modemsim
ms_pid=
if [[ -x $MSIM ]]; then
	"$MSIM" --link /dev/ttyRASTOOL0 --result BUSY --pidfile "$DIR/ms.pid" \
		>"$DIR/ms.out" 2>&1 &
	ms_pid=$!
	track_pid "$ms_pid"
	wait_for 10 grep -q '^ready /dev/pts/' "$DIR/ms.out"
fi
if tool --devices && out_has "modem ttyRASTOOL0" &&
		! grep -qvE '^(modem|PPPoE|vpn) .' "$OUT"; then
	ktap_ok "--devices: the simulated modem's tty"
else
	show; ktap_fail "--devices: the simulated modem's tty"
fi
show
[[ -n $ms_pid ]] && { kill "$ms_pid" 2>/dev/null; wait_pid_exit 10 "$ms_pid"; }

# 29-31: --rename, --rename onto an entry, --delete (twice)
cp "/etc/ppp/peers/$ENTRY" "/etc/ppp/peers/$ENTRY-copy"
if tool --rename "$ENTRY-copy" "$ENTRY-moved" && [[ -f /etc/ppp/peers/$ENTRY-moved ]] &&
		[[ ! -e /etc/ppp/peers/$ENTRY-copy ]]; then
	ktap_ok "--rename"
else
	show; ktap_fail "--rename"
fi
if ! tool --rename "$ENTRY-moved" "$ENTRY" && out_has "error 183" &&
		[[ -f /etc/ppp/peers/$ENTRY-moved ]]; then
	ktap_ok "--rename onto an entry: 183"
else
	show; ktap_fail "--rename onto an entry: 183"
fi
if tool --delete "$ENTRY-moved" && [[ ! -e /etc/ppp/peers/$ENTRY-moved ]] &&
		! tool --delete "$ENTRY-moved" && out_has "error 623"; then
	ktap_ok "--delete, then 623"
else
	show; ktap_fail "--delete, then 623"
fi

# 32-35: --new writes a modem entry for the simulator, --show reads it,
# it dials through the simulated modem (chat script, ATDT), errors.
NEW=/etc/ppp/peers/toolmodem
ms_pid=
if [[ -x $MSIM ]]; then
	"$MSIM" --link /dev/ttyRASTOOL0 --result CONNECT --calls 1 --log "$DIR/ms.log" \
		--answer "exec /usr/sbin/pppd notty name server local nodefaultroute noipdefault lcp-echo-interval 0 192.0.2.1:192.0.2.2 noauth" \
		--pidfile "$DIR/ms.pid" >"$DIR/ms.out" 2>&1 &
	ms_pid=$!
	track_pid "$ms_pid"
	wait_for 10 grep -q '^ready /dev/pts/' "$DIR/ms.out"
fi
if tool --new toolmodem /DEVICE:ttyRASTOOL0 /PHONE:5551234 && out_has "toolmodem created." &&
		grep -q '^/dev/ttyRASTOOL0$' "$NEW" && grep -qF "ABORT 'NO DIALTONE'" "$NEW" &&
		grep -qF -- "-T '5551234'" "$NEW" && grep -qF "'ATDT\\\\T'" "$NEW"; then
	ktap_ok "--new: a modem entry with its chat script"
else
	show; dump_file "$NEW" "toolmodem"; ktap_fail "--new: a modem entry with its chat script"
fi
if tool --show toolmodem && out_has "Device: modem ttyRASTOOL0" && out_has "Phone: 5551234"; then
	ktap_ok "--show: what --new wrote"
else
	show; ktap_fail "--show: what --new wrote"
fi
if [[ -n $ms_pid ]] && tool toolmodem && out_has "Connected to toolmodem." &&
		grep -q 'ATDT5551234' "$DIR/ms.log" && tool toolmodem /DISCONNECT &&
		wait_for 10 no_pppd; then
	ktap_ok "the new entry dials the simulated modem"
else
	show; dump_file "$DIR/ms.log" "modemsim"; ktap_fail "the new entry dials the simulated modem"
	kill_pppds
	wait_for 10 no_pppd
fi
[[ -n $ms_pid ]] && { kill "$ms_pid" 2>/dev/null; wait_pid_exit 10 "$ms_pid"; }
if ! tool --new toolmodem /DEVICE:ttyS0 /PHONE:1 && out_has "error 183" &&
		{ tool --new nodevice /PHONE:1; [[ $? == 2 ]]; } &&
		! tool --show nope && out_has "error 623" &&
		tool --delete toolmodem && [[ ! -e $NEW ]]; then
	ktap_ok "--new of an entry that exists: 183; --show of none: 623"
else
	show; ktap_fail "--new of an entry that exists: 183; --show of none: 623"
fi

# 36-37: --relay direct: says so, stays attached, the link is nobody
# else's (another rasdial lists nothing), Ctrl-C hangs up.  Each dial
# also says which relay it used.
DOUT=$DIR/direct.out
timeout 60 "$TOOL" --relay direct "$ENTRY" client "$SECRET" >"$DOUT" 2>&1 &
direct_pid=$!
track_pid "$direct_pid"
if wait_for 30 grep -qF "Connected to $ENTRY." "$DOUT" &&
		grep -qF "Relay: direct" "$DOUT" && kill -0 "$direct_pid" &&
		tool && out_has "No connections" && ! tool "$ENTRY" /DISCONNECT &&
		ppp_up; then
	ktap_ok "--relay direct: connected, attached, invisible to others"
else
	show; dump_file "$DOUT" "rasdial --relay direct"; ktap_fail "--relay direct: connected, attached, invisible to others"
fi
kill -INT "$direct_pid" 2>/dev/null
if wait_pid_exit 20 "$direct_pid" && wait_for 10 no_pppd &&
		grep -qF "Disconnected" "$DOUT" && tool "$ENTRY" client "$SECRET" &&
		out_has "Relay: kernel" && tool "$ENTRY" /DISCONNECT && wait_for 10 no_pppd; then
	ktap_ok "--relay direct: Ctrl-C hangs up; a plain dial uses the kernel"
else
	dump_file "$DOUT" "rasdial --relay direct"; show
	ktap_fail "--relay direct: Ctrl-C hangs up; a plain dial uses the kernel"
	kill_pppds
	wait_for 10 no_pppd
fi
ktap_finished
