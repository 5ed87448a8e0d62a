#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# The benchmarks work (tiny counts: figures are for "make bench", not here).
set -u
TOPDIR=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
. "$TOPDIR/tests/vm/lib.sh"

OUT=$(mktemp)
on_exit 'rm -f "$OUT"'

# bench_run CMD...: CMD's output (stdout and stderr) into $OUT.
bench_run() { "$@" >"$OUT" 2>&1; }

# bench_test NAME CMD [ARG...] -- ERE...: ok when CMD succeeds and each ERE
# matches a line of its output; the output is shown either way.
bench_test() {
	local name=$1 cmd=() rc=0
	shift
	while (($#)) && [[ $1 != -- ]]; do
		cmd+=("$1")
		shift
	done
	shift
	bench_run "${cmd[@]}" && greps "$OUT" "$@" || rc=1
	dump_file "$OUT" bench
	if ((rc == 0)); then ktap_ok "$name"; else ktap_fail "$name"; fi
}

# count_is N ERE: exactly N lines of $OUT match ERE.
count_is() { [[ $(grep -cE -- "$2" "$OUT") == "$1" ]]; }

ktap_header
ktap_plan 8

T="relay_latency runs 200 events through the real relay"
if bench_run "$TOPDIR/build/bench/relay_latency" 200; then
	ktap_ok "$T"
else
	dump_file "$OUT" bench; ktap_fail "$T"
fi
dump_file "$OUT" bench
ktap_test "relay_latency prints p50/p99 of both relays and the ratios" \
	greps "$OUT" \
	'^  rasdial relay +p50 +[0-9.]+ us +p99 +[0-9.]+ us$' \
	'^  rasdial relay, direct +p50 +[0-9.]+ us +p99 +[0-9.]+ us$' \
	'^  ratio direct / kernel +p50 +[0-9.]+x +p99 +[0-9.]+x$' \
	'^  AF_UNIX datagram hop \(baseline\) +p50 +[0-9.]+ us' \
	'^  ratio +p50 +[0-9.]+x +p99 +[0-9.]+x$'

bench_test "dial_overhead dials twice each way and prints medians and the ratio" \
	"$TOPDIR/build/bench/dial_overhead" 2 -- \
	'^ +RasDial \(sync\) -> Connected +median +[0-9.]+ ms$' \
	'^ +RasDial \(sync\) -> Connected, direct +median +[0-9.]+ ms$' \
	'^ +direct / kernel, ratio of medians +[0-9.]+x$' \
	'^ +pppd call updetach \(baseline\) +median +[0-9.]+ ms$' \
	'^ +ratio( of medians)? +[0-9.]+x$'

bench_test "footprint prints stripped sizes against their targets" \
	"$TOPDIR/bench/footprint" -- \
	'^  plugin/rasdial\.so +[0-9.]+ KiB  target <= +16 KiB  (ok|OVER)$' \
	'^  shim/librasdial\.so\.1 +[0-9.]+ KiB  target <= +64 KiB  (ok|OVER)$' \
	'^  kernel/rasdial\.ko +[0-9.]+ KiB  target <= +32 KiB  (ok|OVER)$' \
	'^  rasdial\.so \+ libnl-3 +[0-9.]+ KiB$'

# 8 simultaneous links (make bench: 256), 20 listings.
T="scale dials 8 links at once, lists them, loses no event, and empties the registry"
if bench_run "$TOPDIR/build/bench/scale" 8 20 &&
   greps "$OUT" \
	'^  links up at once +8 of 8; ppp units with 192\.0\.2\.2: 8, with 192\.0\.2\.1: 8$' \
	'^  RasEnumConnectionsA first call +[0-9.]+ us +\(full dump; sizing: ERROR_BUFFER_TOO_SMALL, 8 conns\)$' \
	'^  RasEnumConnectionsA, +8 conns +p50 +[0-9.]+ us +p99 +[0-9.]+ us .*target <= 1000 us +(ok|OVER)$' \
	'^  events lost / reordered +0 / 0 .*target 0 +ok$' \
	'^  after hang-up +registry empty, pppds gone$' &&
   count_is 3 '^  (shim (heap|RSS) per conn|same \+ RasEnumConnections. copy) .*target <= 4096 B +(ok|OVER)$' &&
   count_is 3 '^verdict: '; then
	ktap_ok "$T"
else
	ktap_fail "$T"
fi
dump_file "$OUT" bench

# The storm rows (make bench: 16/64/256 at once, 32/64, 31 rounds).
bench_test "storm return times 4 asynchronous RasDials at once and says which were preempted" \
	"$TOPDIR/build/bench/storm" return 4 -- \
	'^  first RasDialA of the process \(starts the library\): +[0-9.]+ ms$' \
	'^ +4 dials: RasDialA returned p50 +[0-9.]+ ms  p99 +[0-9.]+ ms  max +[0-9.]+ ms  \(0 did not connect\)  target p99 <= 5 ms  (met|missed)$' \
	'^ +calls preempted [0-9]+, slept [0-9]+ \(of 4\); slowest call that did neither [0-9.]+ ms \(call -?[0-9]+, [0-9]+ page faults\)$'

bench_test "storm fail starts 2 RasDials and 2 plain pppds at once and compares their failures" \
	"$TOPDIR/build/bench/storm" fail 2 -- \
	'^ +2 at once: RasDial failed +[0-9]+ \( *[0-9.]+%\)  plain pppd failed +[0-9]+ \( *[0-9.]+%\)  target RasDial <= plain  (met|missed)$'

bench_test "storm load dials RasDial, pppd and pppd with the plugin under two busy loops" \
	"$TOPDIR/build/bench/storm" load 1 -- \
	'^storm: one dial under load \(2 busy processes, nice 0, one per vCPU\), CHAP, IPv4 only, ASLR (on|off), 1 interleaved rounds$' \
	'^  RasDial \(sync\) -> Connected: median +[0-9.]+ ms, pppd updetach +[0-9.]+ ms \([0-9.]+x\); median of the rounds. ratios [0-9.]+x  target <= 1\.05x  (met|missed)$' \
	'^  pppd updetach with the plugin \(no shim\): median +[0-9.]+ ms \([0-9.]+x\); median of the rounds. ratios [0-9.]+x$' \
	'^  rounds. ratios, quartiles: RasDial/pppd [0-9.]+x-[0-9.]+x, plugin/pppd [0-9.]+x-[0-9.]+x$'
ktap_finished
