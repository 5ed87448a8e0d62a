# SPDX-License-Identifier: GPL-2.0
#
# Helpers for the VM test scripts (bash): source it, don't run it.
#
#   . "$(dirname "$0")/lib.sh"
#   ktap_header; ktap_plan 3
#   ktap_ok "name" | ktap_fail "name" | ktap_skip "name" ["reason"]
#   ktap_test "name" CMD...        ok if CMD succeeds
#   ktap_msg "text"                "# text" diagnostic line
#   ktap_skip_all "reason"         "1..0 # SKIP reason", exit 4
#   ktap_finished                  totals, exit 0 / 1 (fail) / 4 (all skipped)
#   wait_for SECONDS CMD...        poll CMD every 0.1 s, bounded; 0 = it succeeded
#   wait_pid_exit SECONDS PID      wait for a child PID to end; its status in WAITED_STATUS
#   track_pid PID / untrack_pid PID   killed (by pid) by the EXIT trap
#   on_exit "shell code"           run by the EXIT trap (after tracked pids are killed)
#   peer_pppd_cmd LOCAL REMOTE [OPTION...]   an answering pppd command line for pty "..."
#   chap_peer_entry ENTRY DIR SECRET   peers/ENTRY dials a CHAP-demanding pppd on a pty
#   no_pppd / kill_pppds           no pppd runs / TERM every pppd (by pid)
#   greps FILE ERE...              every ERE matches a line of FILE
#   dump_file FILE [PREFIX]        a file as diagnostic lines
#
# Output is KTAP as kselftest prints it ("TAP version 13", "1..N",
# "ok N name", "not ok N name", "ok N name # SKIP reason"), which
# scripts/run-tests counts.

KTAP_TESTNUM=0
KTAP_PLAN=
KTAP_PASS=0
KTAP_FAIL=0
KTAP_SKIP=0

ktap_header() { echo "TAP version 13"; }
ktap_plan() { KTAP_PLAN=$1; echo "1..$1"; }
ktap_msg() { printf '# %s\n' "$*"; }

ktap_ok() {
	KTAP_TESTNUM=$((KTAP_TESTNUM + 1)); KTAP_PASS=$((KTAP_PASS + 1))
	echo "ok $KTAP_TESTNUM $1"
}

ktap_fail() {
	KTAP_TESTNUM=$((KTAP_TESTNUM + 1)); KTAP_FAIL=$((KTAP_FAIL + 1))
	echo "not ok $KTAP_TESTNUM $1"
}

ktap_skip() {
	KTAP_TESTNUM=$((KTAP_TESTNUM + 1)); KTAP_SKIP=$((KTAP_SKIP + 1))
	echo "ok $KTAP_TESTNUM $1 # SKIP${2:+ $2}"
}

# ktap_test NAME CMD...: one result from CMD's status.
ktap_test() {
	local name=$1
	shift
	if "$@"; then ktap_ok "$name"; else ktap_fail "$name"; fi
}

ktap_skip_all() {
	echo "1..0 # SKIP $*"
	exit 4
}

# kselftest exit codes: 0 pass, 1 fail, 4 skip.
ktap_finished() {
	local ran=$((KTAP_PASS + KTAP_FAIL + KTAP_SKIP)) rc=0
	echo "# Totals: pass:$KTAP_PASS fail:$KTAP_FAIL xfail:0 xpass:0 skip:$KTAP_SKIP error:0"
	echo "# Elapsed: ${SECONDS}s"
	if ((KTAP_FAIL > 0)); then
		rc=1
	elif [[ -n $KTAP_PLAN ]] && ((ran != KTAP_PLAN)); then
		echo "# Planned $KTAP_PLAN tests but ran $ran"
		rc=1
	elif ((KTAP_PASS == 0 && KTAP_SKIP > 0)); then
		rc=4
	fi
	exit "$rc"
}

# wait_for SECONDS CMD...: poll until CMD succeeds; 1 when the time is up.
wait_for() {
	local tries=$(($1 * 10))
	shift
	while ((tries-- > 0)); do
		"$@" && return 0
		sleep 0.1
	done
	"$@"
}

# wait_pid_exit SECONDS PID: PID must be our child (started with &).  0 and
# WAITED_STATUS=its exit status when it ended in time; 1 when it is still running.
WAITED_STATUS=
wait_pid_exit() {
	local secs=$1 pid=$2
	wait_for "$secs" _pid_gone "$pid" || return 1
	WAITED_STATUS=0
	wait "$pid" 2>/dev/null || WAITED_STATUS=$?
	untrack_pid "$pid"
	return 0
}

_pid_gone() {
	local st
	[[ -d /proc/$1 ]] || return 0
	# A child that exited stays a zombie until waited for.
	st=$(awk '/^State:/ { print $2 }' "/proc/$1/status" 2>/dev/null)
	[[ $st == Z || -z $st ]]
}

LIB_PIDS=()
LIB_ON_EXIT=()

track_pid() { LIB_PIDS+=("$1"); }

untrack_pid() {
	local i
	for i in "${!LIB_PIDS[@]}"; do
		[[ ${LIB_PIDS[$i]} == "$1" ]] && unset 'LIB_PIDS[i]'
	done
}

on_exit() { LIB_ON_EXIT+=("$1"); }

# EXIT trap: TERM each tracked pid, give it 5 s, then KILL it.
_lib_cleanup() {
	local rc=$? pid c
	for pid in "${LIB_PIDS[@]}"; do
		kill "$pid" 2>/dev/null
	done
	for pid in "${LIB_PIDS[@]}"; do
		wait_for 5 _pid_gone "$pid" || kill -KILL "$pid" 2>/dev/null
	done
	LIB_PIDS=()
	for c in "${LIB_ON_EXIT[@]}"; do
		eval "$c" || true
	done
	LIB_ON_EXIT=()
	return "$rc"
}
trap _lib_cleanup EXIT

# peer_pppd_cmd LOCAL REMOTE [OPTION...]: command line of an answering pppd
# that talks PPP on its stdin/stdout, for pppd's pty "..." option.  It reads
# /etc/ppp/options like any pppd; noauth/local/nodetach override what matters
# there.  Extra options (auth, require-chap, name, unit, logfile ...) follow.
peer_pppd_cmd() {
	local local_ip=$1 remote_ip=$2
	shift 2
	printf '%s' "/usr/sbin/pppd notty nodetach noauth local nodefaultroute noproxyarp nolock $local_ip:$remote_ip"
	(($#)) && printf ' %s' "$@"
	echo
}

# chap_peer_entry ENTRY DIR SECRET: /etc/ppp/peers/ENTRY dials, over a pty,
# an answering pppd (192.0.2.1, us 192.0.2.2) that demands CHAP as "server"
# from "client" with password SECRET (in /etc/ppp/chap-secrets).  The
# peer's log is DIR/peer.log, the dialing pppd's DIR/dial.log.
chap_peer_entry() {
	local entry=$1 dir=$2 secret=$3 peer
	peer=$(peer_pppd_cmd 192.0.2.1 192.0.2.2 auth require-chap name server \
		lcp-echo-interval 0 logfile "$dir/peer.log")
	cat >"/etc/ppp/peers/$entry" <<EOT
pty "$peer"
remotename server
noauth
local
nodefaultroute
noipdefault
lcp-echo-interval 0
logfile $dir/dial.log
EOT
	echo "client server $secret *" >/etc/ppp/chap-secrets
}

no_pppd() { ! pidof pppd >/dev/null; }

kill_pppds() {
	local p
	for p in $(pidof pppd); do kill "$p" 2>/dev/null; done
}

# greps FILE ERE...: 0 when each ERE matches some line of FILE.
greps() {
	local file=$1 re
	shift
	for re; do
		grep -qE -- "$re" "$file" || return 1
	done
}

# dump_file FILE [PREFIX]: show FILE as diagnostics (bounded).
dump_file() {
	[[ -r $1 ]] || return 0
	head -n 200 "$1" | sed "s|^|# ${2:-${1##*/}}: |"
}
