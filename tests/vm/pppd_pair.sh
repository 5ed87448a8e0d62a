#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# A real pppd pair over a pty, both Debian's pppd, no rasdial involved: the
# test bed itself works (ppp modules, ptys, IPCP, traffic, termination).
# The answering pppd runs in its own network namespace so that the ping
# really crosses the PPP link instead of being delivered locally.
# shellcheck source=tests/vm/lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

NS=rasdial-peer
LOCAL=192.0.2.1
REMOTE=192.0.2.2
DIR=/tmp/pppd_pair
mkdir -p "$DIR"

ktap_header
ktap_plan 8

[[ -x /usr/sbin/pppd ]] || ktap_skip_all "no /usr/sbin/pppd"
[[ -c /dev/ppp ]] || modprobe ppp_generic 2>/dev/null
[[ -c /dev/ppp ]] || ktap_skip_all "no /dev/ppp (CONFIG_PPP)"

ip netns add "$NS" || ktap_skip_all "cannot create a network namespace"
on_exit "ip netns del $NS 2>/dev/null"
ip -n "$NS" link set lo up

# addr_is NS IFNAME LOCAL PEER: IFNAME is up with LOCAL peer PEER.
addr_is() {
	local out
	out=$(ip ${1:+-n "$1"} -o -4 addr show dev "$2" 2>/dev/null) || return 1
	[[ $out == *"inet $3 peer $4/32"* ]] &&
		ip ${1:+-n "$1"} -o link show dev "$2" 2>/dev/null | grep -q '[<,]UP[,>]'
}

peer_pid() { ip netns pids "$NS" 2>/dev/null | head -n 1; }

# unit 1 in the peer: distinct /run/pppN.pid files (/run is shared).
peer=$(peer_pppd_cmd "$REMOTE" "$LOCAL" unit 1 debug logfile "$DIR/peer.log")
/usr/sbin/pppd nodetach noauth local nodefaultroute noproxyarp nolock \
	"$LOCAL:$REMOTE" unit 0 debug logfile "$DIR/dial.log" \
	pty "ip netns exec $NS $peer" >"$DIR/dial.out" 2>&1 &
dial=$!
track_pid "$dial"

if wait_for 3 test -d "/proc/$dial" && ! _pid_gone "$dial"; then
	ktap_ok "dialing pppd runs"
else
	ktap_fail "dialing pppd runs"
fi

if wait_for 30 addr_is "" ppp0 "$LOCAL" "$REMOTE"; then
	ktap_ok "dialer: ppp0 up, $LOCAL peer $REMOTE"
else
	ktap_fail "dialer: ppp0 up, $LOCAL peer $REMOTE"
	ip addr show | sed 's/^/# /'
fi

if wait_for 10 addr_is "$NS" ppp1 "$REMOTE" "$LOCAL"; then
	ktap_ok "answerer: ppp1 up, $REMOTE peer $LOCAL"
else
	ktap_fail "answerer: ppp1 up, $REMOTE peer $LOCAL"
	ip -n "$NS" addr show | sed 's/^/# /'
fi

ppid=$(peer_pid)
ktap_msg "dialer pid $dial, answerer pid ${ppid:-?}"

if ping -c 3 -W 2 "$REMOTE" >"$DIR/ping.out" 2>&1; then
	ktap_ok "ping $REMOTE over the link"
else
	ktap_fail "ping $REMOTE over the link"
	dump_file "$DIR/ping.out"
fi

kill "$dial" 2>/dev/null
if wait_pid_exit 20 "$dial"; then
	ktap_ok "dialing pppd exits on SIGTERM"
	# EXIT_USER_REQUEST, or EXIT_HANGUP: pppd passes SIGTERM on to its
	# pty child, and when that end closes before LCP has finished
	# terminating, pppd's "Modem hangup" overwrites the status.
	if [[ $WAITED_STATUS == 5 || $WAITED_STATUS == 16 ]]; then
		ktap_ok "dialing pppd exit status 5 or 16 (got $WAITED_STATUS)"
	else
		ktap_fail "dialing pppd exit status 5 or 16 (got $WAITED_STATUS)"
	fi
else
	ktap_fail "dialing pppd exits on SIGTERM"
	ktap_fail "dialing pppd exit status 5 or 16 (still running)"
fi

if wait_for 20 test -z "$(peer_pid)"; then
	ktap_ok "answering pppd exits"
else
	ktap_fail "answering pppd exits"
	# Not our child: it lives in the namespace, kill it by pid.
	for p in $(ip netns pids "$NS" 2>/dev/null); do kill "$p"; done
fi

if wait_for 10 eval '! ip link show dev ppp0 >/dev/null 2>&1'; then
	ktap_ok "ppp0 is gone"
else
	ktap_fail "ppp0 is gone"
fi

if ((KTAP_FAIL > 0)); then
	dump_file "$DIR/dial.log" dial.log
	dump_file "$DIR/peer.log" peer.log
	dump_file "$DIR/dial.out" dial.out
fi
ktap_finished
