#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# The host suite tests/host/direct_relay.c again, on the VM's kernel (the
# distribution's 6.1): its file clock is coarse, so two writes to a peers
# file within one tick leave its times unchanged, which is what
# entry_rewritten_in_place is about.  A newer build machine's kernel
# (multigrain timestamps) would hide that.  The suite's KTAP is ours.
set -u
TOPDIR=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
exec "$TOPDIR/build/tests/host/direct_relay"
