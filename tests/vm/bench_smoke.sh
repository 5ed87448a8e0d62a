#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# The benchmarks work (tiny counts: figures are for "make bench", not here).
set -u
TOPDIR=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
. "$TOPDIR/tests/vm/lib.sh"

ktap_header
ktap_plan 2
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
ktap_finished
