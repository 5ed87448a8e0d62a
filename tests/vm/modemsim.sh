#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# modemsim against peers nobody here wrote: Debian's chat and pppd.
#
#   chat ──▶ /dev/ttyRAS0 ─▶ pty slave ═ master ─ modemsim (one run per RESULT)
#
#   pppd (dialer, root netns)                         pppd notty (answer, netns msim-ans)
#     192.0.2.2 ─▶ /dev/ttyRAS0 ═ pty ═ modemsim ─ stdin/stdout ─▶ 192.0.2.1
#
# The answering pppd lives in its own network namespace: in one namespace
# 192.0.2.1 would be a local address and ping would go over lo, not the line.
#
# Runs in the test VM (scripts/vm tests/vm/run-in-vm tests/vm/modemsim.sh).
# Elsewhere the chat part runs on a link under /tmp and the pppd part is
# skipped (it needs /dev/ppp and the VM's throwaway /etc/ppp).
#
# Env: MODEMSIM (binary, default build/tests/modemsim).
#
# shellcheck disable=SC2317  # the test functions run through ktap_test

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
TOP=$(cd "$HERE/../.." && pwd)
# shellcheck source=tests/vm/lib.sh
. "$HERE/lib.sh"

MODEMSIM=${MODEMSIM:-$TOP/build/tests/modemsim}
NUMBER=5551234
NS=msim-ans
W=$(mktemp -d /tmp/modemsim-test.XXXXXX) || exit 1
on_exit "rm -rf '$W'"

# /etc/ppp is a tmpfs only inside the VM: never touch the host's secrets.
in_vm() { [[ $(findmnt -n -o FSTYPE /etc/ppp 2>/dev/null) == tmpfs && $(id -u) == 0 ]]; }
if in_vm; then LINK=/dev/ttyRAS0; else LINK=$W/ttyRAS0; fi

MS_PID=
# start_modemsim RESULT [OPTION...]: in the background, ready to be dialed.
start_modemsim() {
	local result=$1
	shift
	: >"$W/log"
	: >"$W/out"
	"$MODEMSIM" --link "$LINK" --result "$result" --log "$W/log" \
		--pidfile "$W/pid" --delay 50 "$@" >"$W/out" 2>"$W/err" &
	MS_PID=$!
	track_pid "$MS_PID"
	wait_for 10 grep -q '^ready /dev/pts/' "$W/out"
}

# stop_modemsim: it should be gone by itself (--calls); TERM it if not.
# 0 when it exited 0 on its own.
stop_modemsim() {
	local rc=0
	[[ -n $MS_PID ]] || return 1
	if ! wait_pid_exit 10 "$MS_PID"; then
		ktap_msg "modemsim $MS_PID still running: SIGTERM"
		kill "$MS_PID" 2>/dev/null
		wait_pid_exit 10 "$MS_PID" || { kill -KILL "$MS_PID"; wait_pid_exit 5 "$MS_PID"; }
		rc=1
	fi
	((WAITED_STATUS == 0)) || rc=1
	MS_PID=
	return "$rc"
}

dump_diag() {
	local f
	for f in "$@"; do dump_file "$W/$f"; done
}

# ---------------------------------------------------------------- AT dialogue

# expect_reply SEND WANT: write SEND on fd 3, read as many bytes as WANT
# has (5 s at most: TCG is slow).  Not bash's read: on a tty it switches
# on ICRNL itself.  A surplus byte shows up in the next reply.
expect_reply() {
	local got
	printf '%s' "$1" >&3
	got=$(timeout 5 head -c "${#2}" <&3; echo x)
	got=${got%x}
	if [[ $got != "$2" ]]; then
		ktap_msg "sent $(printf '%q' "$1"): want $(printf '%q' "$2"), got $(printf '%q' "$got")"
		return 1
	fi
}

dialogue() {
	local ok=0
	start_modemsim BUSY --calls 1 || return 1
	exec 3<>"$LINK" || return 1
	expect_reply $'AT\r' $'AT\r\r\nOK\r\n' || ok=1
	# CR LF is one terminator; echo is already off when the LF comes.
	expect_reply $'ATE0\r\n' $'ATE0\r\r\nOK\r\n' || ok=1
	expect_reply $'hello\r' $'\r\nERROR\r\n' || ok=1
	expect_reply $'ATM0L0X3S0=0\r' $'\r\nOK\r\n' || ok=1
	expect_reply $'AT&F\r' $'\r\nOK\r\n' || ok=1
	expect_reply $'AT\r' $'AT\r\r\nOK\r\n' || ok=1
	expect_reply $'ATDP 555-1234\r' $'ATDP 555-1234\r\r\nBUSY\r\n' || ok=1
	exec 3>&-
	stop_modemsim || ok=1
	grep -q "dial $NUMBER " "$W/log" || ok=1
	((ok == 0)) || dump_diag log err
	return "$ok"
}

# ---------------------------------------------------------------- chat

# chat_result RESULT WANT: chat's exit status for a modem answering RESULT.
# chat(8): 0 CONNECT, 3 timeout, 4 + n for the nth ABORT string.
chat_result() {
	local result=$1 want=$2 rc=0 ok=0
	start_modemsim "$result" --calls 1 || { dump_diag err; return 1; }
	rm -f "$W/report"
	# shellcheck disable=SC2094  # the tty is both stdin and stdout
	timeout 30 chat -v -s -t 5 -r "$W/report" REPORT CONNECT \
		ABORT BUSY ABORT 'NO CARRIER' ABORT 'NO DIALTONE' ABORT 'NO ANSWER' ABORT ERROR \
		'' ATZ OK "ATDT$NUMBER" CONNECT <"$LINK" >"$LINK" 2>"$W/chat.err" || rc=$?
	if ((rc != want)); then
		ktap_msg "$result: chat exit $rc, want $want"
		ok=1
	fi
	if ! grep -q "dial $NUMBER " "$W/log"; then
		ktap_msg "$result: no 'dial $NUMBER' in the log"
		ok=1
	fi
	if [[ $result == CONNECT ]] && ! grep -q "CONNECT 115200" "$W/report" 2>/dev/null; then
		ktap_msg "$result: chat report: $(cat "$W/report" 2>/dev/null)"
		ok=1
	fi
	stop_modemsim || { ktap_msg "$result: modemsim did not exit 0 after its call"; ok=1; }
	if [[ -e $LINK || -L $LINK ]]; then
		ktap_msg "$result: $LINK left behind"
		ok=1
	fi
	((ok == 0)) || dump_diag log chat.err err
	return "$ok"
}

# ---------------------------------------------------------------- rasdial-connect

CONNECT_HELPER=${CONNECT_HELPER:-$TOP/plugin/rasdial-connect}

# children_of PID: the pids whose parent is PID.
children_of() {
	local d rest
	for d in /proc/[0-9]*; do
		read -r rest 2>/dev/null <"$d/stat" || continue
		rest=${rest##*) }
		rest=${rest#* }
		[[ ${rest%% *} == "$1" ]] && echo "${d#/proc/}"
	done
}

# now_ms: CLOCK_REALTIME in ms, as modemsim stamps its log.
now_ms() { local t=$EPOCHREALTIME; echo $((${t%.*} * 1000 + 10#${t#*.} / 1000)); }

# helper_hangup SIGNAL: pppd's connect script (rasdial-connect running
# chat, as the plugin arms it) is dialing when it gets SIGNAL, as pppd
# sends it on RasHangUp (TERM; nodetach: to its own child only) or the
# kernel kills it (KILL).  The modem must see the line dropped within 1 s,
# not when chat's own 30 s timeout ends.
helper_hangup() {
	local sig=$1 ok=0 pid chat t0 t
	start_modemsim SILENT --calls 1 || { dump_diag err; return 1; }
	# shellcheck disable=SC2094  # the tty is both stdin and stdout
	RASDIAL_CONNECT_FD=3 "$CONNECT_HELPER" chat -v -t 30 '' AT OK "ATDT$NUMBER" CONNECT \
		<"$LINK" >"$LINK" 2>"$W/chat.err" 3>"$W/report" &
	pid=$!
	track_pid "$pid"
	if ! wait_for 20 grep -q "dial $NUMBER " "$W/log"; then
		ktap_msg "chat never dialed"
		ok=1
	fi
	chat=$(children_of "$pid")
	[[ -n $chat ]] && track_pid "$chat"
	t0=$(now_ms)
	kill "-$sig" "$pid"
	# Bounded: 3 s, to say how late a late drop is.
	wait_for 3 grep -q 'hangup: dialer closed the line' "$W/log"
	t=$(sed -n 's/^\([0-9]*\)\.\([0-9]*\) hangup: dialer closed the line.*/\1\2/p' "$W/log" | head -n 1)
	if [[ -z $t ]]; then
		ktap_msg "SIG$sig: modem line still held 3 s later (chat ${chat:-?} alive: $([[ -n $chat && -d /proc/$chat ]] && echo yes || echo no))"
		ok=1
	else
		ktap_msg "SIG$sig: line dropped $((t - t0)) ms after the signal"
		((t - t0 <= 1000)) || ok=1
	fi
	[[ -n $chat ]] && kill "$chat" 2>/dev/null
	wait_pid_exit 5 "$pid"
	if [[ $sig == TERM ]] && ! grep -q '^chat [0-9]' "$W/report"; then
		ktap_msg "no report from rasdial-connect: $(cat "$W/report")"
		ok=1
	fi
	stop_modemsim || ok=1
	((ok == 0)) || dump_diag log chat.err err
	return "$ok"
}

# ---------------------------------------------------------------- pppd

ppp_up() {
	ip -o -4 addr show | grep -Eq '^[0-9]+: ppp[0-9]+ +inet 192\.0\.2\.2 peer 192\.0\.2\.1/32'
}

PPPD_NAMES=(
	"IPCP up, 192.0.2.2 on a ppp interface"
	"ping 192.0.2.1 across the line"
	"modemsim saw the dialer hang up"
	"answering pppd exited"
	"modemsim exits 0 after --calls 1, link removed"
	"far end dies: NO CARRIER, carrier drop, dialing pppd exits 16 (hangup)"
)
PPPD_TESTS=${#PPPD_NAMES[@]}

pppd_skip() {
	local i
	for ((i = 0; i < PPPD_TESTS; i++)); do ktap_skip "pppd: ${PPPD_NAMES[i]}" "$1"; done
}

DIAL_PID=
ANSWER_PID=
# call_up: modemsim answering with a pppd in netns $NS, a dialing pppd on
# $LINK; 0 when IPCP came up.  DIAL_PID, ANSWER_PID (from modemsim's log).
call_up() {
	local answer

	# exec: the answering command's pid is pppd's own.
	answer="exec ip netns exec $NS /usr/sbin/pppd notty auth require-chap name server local"
	answer+=" nodefaultroute 192.0.2.1:192.0.2.2 lcp-echo-interval 0 debug logfile $W/answer.log"
	: >"$W/answer.log"
	: >"$W/dial.log"
	start_modemsim CONNECT --calls 1 --answer "$answer" || { dump_diag err; return 1; }

	# /etc/ppp/options says auth, lock, crtscts, modem, lcp-echo-interval 30:
	# override what a pty cannot do or we do not want.
	/usr/sbin/pppd "$LINK" 115200 nodetach noauth local nocrtscts nolock \
		nodefaultroute noipdefault lcp-echo-interval 0 \
		connect "chat -v '' AT OK ATDT$NUMBER CONNECT" \
		192.0.2.2:192.0.2.1 user client remotename server \
		debug logfile "$W/dial.log" >"$W/dial.out" 2>&1 &
	DIAL_PID=$!
	track_pid "$DIAL_PID"

	wait_for 90 ppp_up || return 1
	ANSWER_PID=$(sed -n 's/.*answer: pid \([0-9]*\) started.*/\1/p' "$W/log" | head -n 1)
	[[ -n $ANSWER_PID ]]
}

# dial_exit SIGNAL: stop the dialing pppd unless it is gone; its status.
dial_exit() {
	[[ -n $1 ]] && kill "-$1" "$DIAL_PID" 2>/dev/null
	if ! wait_pid_exit 30 "$DIAL_PID"; then
		ktap_msg "dialing pppd $DIAL_PID still running: SIGKILL"
		kill -KILL "$DIAL_PID" 2>/dev/null
		wait_pid_exit 5 "$DIAL_PID"
	fi
	ktap_msg "dialing pppd exit status $WAITED_STATUS"
}

pppd_call() {
	local st

	in_vm || { pppd_skip "not in the test VM"; return; }
	[[ -e /dev/ppp ]] || modprobe ppp_async 2>/dev/null
	[[ -e /dev/ppp ]] || { pppd_skip "no /dev/ppp"; return; }
	ip netns add "$NS" 2>"$W/netns.err" || { dump_diag netns.err; pppd_skip "ip netns add failed"; return; }
	on_exit "ip netns del '$NS' 2>/dev/null"

	printf 'client\tserver\tsecret\t*\n' >>/etc/ppp/chap-secrets

	# 1. The dialer hangs up (SIGTERM to the dialing pppd).
	if call_up; then
		ktap_ok "pppd: ${PPPD_NAMES[0]}"
		ip -o -4 addr show | grep ' ppp' | sed 's/^/# /'
	else
		ktap_fail "pppd: ${PPPD_NAMES[0]}"
		dump_diag log dial.log dial.out answer.log err
	fi

	if ppp_up && timeout 20 ping -c 2 -W 2 192.0.2.1 >"$W/ping.out" 2>&1; then
		ktap_ok "pppd: ${PPPD_NAMES[1]}"
	else
		ktap_fail "pppd: ${PPPD_NAMES[1]}"
		dump_diag ping.out
	fi

	dial_exit TERM
	# modemsim ends the call when the line closes, then exits (--calls 1).
	st=0
	stop_modemsim || st=1

	if grep -q 'hangup: dialer closed the line' "$W/log"; then
		ktap_ok "pppd: ${PPPD_NAMES[2]}"
	else
		ktap_fail "pppd: ${PPPD_NAMES[2]}"
	fi

	if [[ -n $ANSWER_PID ]] && grep -q "answer: pid $ANSWER_PID exited" "$W/log" &&
			[[ ! -d /proc/$ANSWER_PID ]]; then
		ktap_ok "pppd: ${PPPD_NAMES[3]}"
	else
		ktap_fail "pppd: ${PPPD_NAMES[3]}"
		dump_diag answer.log
	fi

	if ((st == 0)) && [[ ! -e $LINK && ! -L $LINK ]]; then
		ktap_ok "pppd: ${PPPD_NAMES[4]}"
	else
		ktap_fail "pppd: ${PPPD_NAMES[4]}"
		dump_diag err
	fi
	dump_diag log

	# 2. The far end dies without a word (SIGKILL to the answering pppd):
	# modemsim says NO CARRIER and hangs the tty up, as a modem losing
	# carrier would; the dialing pppd sees "Modem hangup" (EXIT_HANGUP 16).
	st=1
	if call_up; then
		kill -KILL "$ANSWER_PID"
		dial_exit ""
		((WAITED_STATUS == 16)) && grep -q 'carrier dropped' "$W/log" && st=0
	fi
	stop_modemsim || st=1
	if ((st == 0)); then
		ktap_ok "pppd: ${PPPD_NAMES[5]}"
	else
		ktap_fail "pppd: ${PPPD_NAMES[5]}"
		dump_diag dial.log
	fi
	dump_diag log
}

# ---------------------------------------------------------------- main

ktap_header
ktap_plan $((1 + 7 + 2 + PPPD_TESTS))
if [[ ! -x $MODEMSIM ]]; then
	ktap_msg "$MODEMSIM not built"
fi
command -v chat >/dev/null || ktap_skip_all "no chat (package ppp)"
ktap_msg "modemsim link $LINK"

ktap_test "AT dialogue: echo, ATE0, CR LF, ERROR, AT&F, ATDP" dialogue
ktap_test "chat: CONNECT -> exit 0" chat_result CONNECT 0
ktap_test "chat: BUSY -> exit 4" chat_result BUSY 4
ktap_test "chat: NO CARRIER -> exit 5" chat_result NO_CARRIER 5
ktap_test "chat: NO DIALTONE -> exit 6" chat_result 'NO DIALTONE' 6
ktap_test "chat: NO ANSWER -> exit 7" chat_result NO_ANSWER 7
ktap_test "chat: ERROR -> exit 8" chat_result ERROR 8
ktap_test "chat: SILENT -> exit 3 (timeout)" chat_result SILENT 3
ktap_test "rasdial-connect: SIGTERM while dialing drops the line within 1 s" helper_hangup TERM
ktap_test "rasdial-connect: SIGKILL while dialing drops the line within 1 s" helper_hangup KILL
pppd_call

ktap_finished
