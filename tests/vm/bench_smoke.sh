#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# The benchmarks work (tiny counts: figures are for "make bench", not here).
set -u
TOPDIR=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
. "$TOPDIR/tests/vm/lib.sh"

ktap_header
ktap_plan 5
out=$(mktemp)
if "$TOPDIR/build/bench/relay_latency" 200 >"$out" 2>&1; then
	ktap_ok "relay_latency runs 200 events through the real relay"
else
	sed 's/^/# /' "$out"; ktap_fail "relay_latency runs 200 events through the real relay"
fi
sed 's/^/# /' "$out"
if grep -qE '^  rasdial relay +p50 +[0-9.]+ us +p99 +[0-9.]+ us$' "$out" &&
   grep -qE '^  AF_UNIX datagram hop \(baseline\) +p50 +[0-9.]+ us' "$out" &&
   grep -qE '^  ratio +p50 +[0-9.]+x +p99 +[0-9.]+x$' "$out"; then
	ktap_ok "relay_latency prints p50/p99 and the ratio to the AF_UNIX baseline"
else
	ktap_fail "relay_latency prints p50/p99 and the ratio to the AF_UNIX baseline"
fi
rm -f "$out"
out=$(mktemp)
if "$TOPDIR/build/bench/dial_overhead" 2 >"$out" 2>&1 &&
   grep -qE '^ +RasDial \(sync\) -> Connected +median +[0-9.]+ ms$' "$out" &&
   grep -qE '^ +pppd call updetach \(baseline\) +median +[0-9.]+ ms$' "$out" &&
   grep -qE '^ +ratio( of medians)? +[0-9.]+x$' "$out"; then
	sed 's/^/# /' "$out"
	ktap_ok "dial_overhead dials twice each way and prints medians and the ratio"
else
	sed 's/^/# /' "$out"
	ktap_fail "dial_overhead dials twice each way and prints medians and the ratio"
fi
rm -f "$out"
out=$(mktemp)
if "$TOPDIR/bench/footprint" >"$out" 2>&1 &&
   grep -qE '^  plugin/rasdial\.so +[0-9.]+ KiB  target <= +16 KiB  (ok|OVER)$' "$out" &&
   grep -qE '^  shim/librasdial\.so\.1 +[0-9.]+ KiB  target <= +64 KiB  (ok|OVER)$' "$out" &&
   grep -qE '^  kernel/rasdial\.ko +[0-9.]+ KiB  target <= +32 KiB  (ok|OVER)$' "$out" &&
   grep -qE '^  rasdial\.so \+ libnl-3 \+ libnl-genl-3 +[0-9.]+ KiB$' "$out"; then
	sed 's/^/# /' "$out"
	ktap_ok "footprint prints stripped sizes against their targets"
else
	sed 's/^/# /' "$out"
	ktap_fail "footprint prints stripped sizes against their targets"
fi
rm -f "$out"
out=$(mktemp)
# 8 simultaneous links (make bench: 256), 20 listings.
if "$TOPDIR/build/bench/scale" 8 20 >"$out" 2>&1 &&
   grep -qE '^  links up at once +8 of 8; ppp units with 192\.0\.2\.2: 8, with 192\.0\.2\.1: 8$' "$out" &&
   grep -qE '^  RasEnumConnectionsA first call +[0-9.]+ us +\(full dump; sizing: ERROR_BUFFER_TOO_SMALL, 8 conns\)$' "$out" &&
   grep -qE '^  RasEnumConnectionsA, +8 conns +p50 +[0-9.]+ us +p99 +[0-9.]+ us .*target <= 1000 us +(ok|OVER)$' "$out" &&
   grep -qE '^  events lost / reordered +0 / 0 .*target 0 +ok$' "$out" &&
   [ "$(grep -cE '^  (shim (heap|RSS) per conn|same \+ RasEnumConnections. copy) .*target <= 4096 B +(ok|OVER)$' "$out")" = 3 ] &&
   grep -qE '^  after hang-up +registry empty, pppds gone$' "$out" &&
   [ "$(grep -c '^verdict: ' "$out")" = 3 ]; then
	sed 's/^/# /' "$out"
	ktap_ok "scale dials 8 links at once, lists them, loses no event, and empties the registry"
else
	sed 's/^/# /' "$out"
	ktap_fail "scale dials 8 links at once, lists them, loses no event, and empties the registry"
fi
rm -f "$out"
ktap_finished
