# SPDX-License-Identifier: LGPL-2.1-or-later
#
# rasdial for Linux: top-level build.
#   make          plugin, shim, tools and (when kernel headers exist) rasdial.ko
#   make check    install what is missing, build, run host and VM tests
#   make demo     dial a simulated modem through real pppd in the test VM
#   make soak     10,000 dial/hang-up cycles in the test VM (SOAK_COUNT), leak figures
#   make fuzz     long fuzzing runs (FUZZ_TIME s per libFuzzer harness, FUZZ_NLMSGS
#                 netlink messages in the VM); make check runs short ones
#   make install  (DESTDIR, PREFIX) shim, headers, rasdial.pc, tool, plugin in
#                 pppd's plugin directory, module source for DKMS; make uninstall
#   Cross builds: make CROSS_COMPILE=aarch64-linux-gnu- [ARCH=arm64 KDIR=...]

# CROSS_COMPILE picks $(CROSS_COMPILE)gcc unless CC was given; both reach
# the sub-makes (and Kbuild, which reads CROSS_COMPILE and ARCH itself).
ifneq ($(CROSS_COMPILE),)
ifeq ($(origin CC),default)
CC := $(CROSS_COMPILE)gcc
endif
endif
export CC
export CROSS_COMPILE ARCH
export PREFIX ?= /usr/local
export TOPDIR := $(CURDIR)
export BUILDDIR := $(CURDIR)/build
export WARNFLAGS := -Wall -Wextra -Werror
export CFLAGS ?= -O2 -g

KVER ?= $(shell $(CURDIR)/scripts/kver)
KDIR ?= $(if $(KVER),/lib/modules/$(KVER)/build)
export KVER KDIR

.PHONY: all plugin shim tools module tests check demo bench deps clean style \
	install uninstall install-dkms uninstall-dkms wine

all: plugin shim tools module

plugin:
	$(MAKE) -C plugin

shim:
	$(MAKE) -C shim

tools: shim
	$(MAKE) -C tools

module:
ifneq ($(wildcard $(KDIR)/Makefile),)
	$(MAKE) -C $(KDIR) M=$(CURDIR) modules
else
	@echo "module: skipped (no kernel headers with a matching /boot/vmlinuz; run scripts/install-deps)"
endif

# plugin pppd25: the plugin built again against Debian trixie's pppd 2.5
# headers (extracted by scripts/install-deps; skipped without them).
tests: all
	$(MAKE) -C plugin pppd25
	$(MAKE) -C tests
	$(MAKE) -C bench

deps:
	scripts/install-deps

check: deps
	$(MAKE) all
	$(MAKE) tests
	$(MAKE) check-man
	debian/gen-symbols --check
	DEB_BUILD_OPTIONS=nocheck scripts/build-debs
	scripts/run-tests

demo: deps
	$(MAKE) all
	$(MAKE) -C tests helpers
	scripts/demo

# checkpatch.pl comes from Debian's kernel source (scripts/install-deps).
# Benchmarks run in the test VM; figures and ratios to baselines.  2 GB:
# bench/scale.c runs 512 pppds (256 links), ~900 MB at peak.  The storm
# rows (bench/storm-run) alone take 15-20 minutes in TCG.
bench: deps
	$(MAKE) all
	$(MAKE) -C bench
	bench/footprint --fetch
	scripts/vm --timeout 3600 --mem 2048 tests/vm/run-in-vm bench/run

# Soak: SOAK_COUNT dial -> Connected -> hang-up cycles (make check runs
# 500) in the test VM, SOAK_PARALLEL in flight, under ASan/LSan; prints
# cycles, time, cycles/s and the fd/thread/heap/registry/slab deltas.
# The VM's timeout allows 1 cycle/s (measured: 4.3-4.6 with 8 in flight).
SOAK_COUNT ?= 10000
SOAK_PARALLEL ?= 8
SOAK_TIMEOUT ?= $(shell echo $$(($(SOAK_COUNT) + 600)))
.PHONY: soak
soak: deps
	$(MAKE) all
	$(MAKE) tests
	RASDIAL_SOAK_COUNT=$(SOAK_COUNT) RASDIAL_SOAK_PARALLEL=$(SOAK_PARALLEL) \
		scripts/vm --timeout $(SOAK_TIMEOUT) tests/vm/run-in-vm build/tests/vm/soak

# Fuzz: each libFuzzer harness (tests/fuzz) for FUZZ_TIME seconds (make
# check runs 15 s each), then the netlink fuzzer in the VM with
# FUZZ_NLMSGS messages (make check sends 10^6; measured ~60000/s in TCG).
# Prints execs, exec/s, coverage, crashes; messages, msgs/s, errnos.
FUZZ_TIME ?= 600
FUZZ_NLMSGS ?= 10000000
FUZZ_NL_TIMEOUT ?= $(shell echo $$(($(FUZZ_NLMSGS) / 10000 + 600)))
.PHONY: fuzz
fuzz: deps
	$(MAKE) all
	$(MAKE) tests
	tests/fuzz/run --time $(FUZZ_TIME)
	RASDIAL_NLFUZZ_COUNT=$(FUZZ_NLMSGS) \
		scripts/vm --timeout $(FUZZ_NL_TIMEOUT) tests/vm/run-in-vm build/tests/vm/nlfuzz

style: deps
	$(BUILDDIR)/checkpatch/scripts/checkpatch.pl --no-tree --strict --terse --show-types \
		-f $(filter-out %.mod.c,$(wildcard kernel/*.c)) kernel/*.h include/uapi/linux/rasdial.h

# ------------------------------------------------------------- install
# Everything goes under $(DESTDIR); PREFIX (default /usr/local) places the
# library, headers, rasdial.pc and the tool.  The plugin goes where pppd
# looks for it (pkg-config pppd's plugindir on 2.5, /usr/lib/pppd/VERSION
# on 2.4) whatever PREFIX is.  The module is installed as DKMS source:
# dkms builds it for each installed kernel.
DKMS_NAME := rasdial
DKMS_VERSION := $(shell sed -n 's/^PACKAGE_VERSION="\(.*\)"/\1/p' dkms.conf)
DKMS_SRC ?= /usr/src/$(DKMS_NAME)-$(DKMS_VERSION)
DKMS_FILES := dkms.conf Kbuild kernel/Kbuild \
	$(filter-out %.mod.c,$(wildcard kernel/*.c)) $(wildcard kernel/*.h) \
	include/uapi/linux/rasdial.h

install: install-dkms install-man
	$(MAKE) -C shim install
	$(MAKE) -C tools install
	$(MAKE) -C plugin install

install-dkms:
	install -d $(DESTDIR)$(DKMS_SRC)/kernel $(DESTDIR)$(DKMS_SRC)/include/uapi/linux
	for f in $(DKMS_FILES); do install -m 0644 $$f $(DESTDIR)$(DKMS_SRC)/$$f || exit 1; done

uninstall: uninstall-dkms uninstall-man
	$(MAKE) -C shim uninstall
	$(MAKE) -C tools uninstall
	$(MAKE) -C plugin uninstall

uninstall-dkms:
	rm -f $(addprefix $(DESTDIR)$(DKMS_SRC)/,$(DKMS_FILES))
	rmdir $(DESTDIR)$(DKMS_SRC)/include/uapi/linux $(DESTDIR)$(DKMS_SRC)/include/uapi \
		$(DESTDIR)$(DKMS_SRC)/include $(DESTDIR)$(DKMS_SRC)/kernel $(DESTDIR)$(DKMS_SRC) 2>/dev/null || true

# ------------------------------------------------------ man pages, .debs
# Every man/NAME.S is installed in $(MANDIR)/manS, whoever added it.
# check-man: mandoc's lint (warnings and worse fail) over all of them.
# check also compares debian/librasdial1.symbols with shim/librasdial.map.
# debs: the Debian packages of the committed and working-tree sources,
# built in a copy under build/deb (scripts/build-debs; reused while the
# sources are unchanged).
MANDIR ?= $(PREFIX)/share/man
MAN_PAGES := $(wildcard man/*.[1-8])
.PHONY: install-man uninstall-man check-man debs
install-man:
	for p in $(MAN_PAGES); do s=$${p##*.}; \
		install -d $(DESTDIR)$(MANDIR)/man$$s && \
		install -m 0644 $$p $(DESTDIR)$(MANDIR)/man$$s/ || exit 1; done

uninstall-man:
	for p in $(MAN_PAGES); do s=$${p##*.}; \
		rm -f $(DESTDIR)$(MANDIR)/man$$s/$${p#man/}; \
		rmdir $(DESTDIR)$(MANDIR)/man$$s 2>/dev/null; done; \
	rmdir $(DESTDIR)$(MANDIR) 2>/dev/null || true

check-man:
	mandoc -T lint -W warning $(MAN_PAGES)

debs:
	scripts/build-debs

# Not "make -C $(KDIR) M=... clean": that sweeps *.o from the whole tree.
clean:
	$(MAKE) -C plugin clean
	$(MAKE) -C shim clean
	$(MAKE) -C tools clean
	$(MAKE) -C tests clean
	$(MAKE) -C bench clean
	rm -f kernel/*.o kernel/*.ko kernel/*.mod kernel/*.mod.c kernel/.*.cmd \
	      kernel/modules.order .*.cmd Module.symvers modules.order
	rm -rf $(BUILDDIR)

# ---------------------------------------------------------------- wine
# rasapi32.dll.so for Wine (wine/; skipped without winegcc), installed
# with the rest.
all: wine
wine: shim
	$(MAKE) -C wine
install: install-wine
uninstall: uninstall-wine
# bench/run's Wine row needs a prefix, made on the host (faster than TCG).
bench: wine-prefix
.PHONY: install-wine uninstall-wine wine-prefix
wine-prefix: deps
	@if [ -x /usr/lib/wine/wine64 ]; then mkdir -p build/wine && \
		scripts/wine-prefix build/wine/prefix.tar; \
	else echo "wine-prefix: skipped (no wine64)"; fi
install-wine:
	$(MAKE) -C wine install
uninstall-wine:
	$(MAKE) -C wine uninstall

# ------------------------------------------------------------- arm64
# The arm64 router build (scripts/arm64; scripts/install-deps sets up
# Debian's arm64 kernel and an arm64 bookworm root in build/arm64):
# check-arm64 cross-builds plugin, shim, tools, rasdial.ko and the VM test
# programs with aarch64-linux-gnu- in build/arm64/src, then runs
# ARM64_SUITES in qemu-system-aarch64 -M virt (TCG); ARM64_SUITES=vm/ runs
# every VM suite.  make check runs the cross build and a smoke dial
# (scripts/run-tests' arm64/build and arm64/smoke).
ARM64_SUITES ?= vm/pppd_pair vm/seed_callback vm/failures vm/ras_api vm/rasdial_tool.sh
.PHONY: check-arm64 arm64
arm64: deps
	scripts/arm64 build
check-arm64: deps
	scripts/arm64 check $(ARM64_SUITES)
