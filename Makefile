# SPDX-License-Identifier: LGPL-2.1-or-later
#
# rasdial for Linux: top-level build.
#   make          plugin, shim, tools and (when kernel headers exist) rasdial.ko
#   make check    install what is missing, build, run host and VM tests
#   make demo     dial a simulated modem through real pppd in the test VM

export CC ?= cc
export CROSS_COMPILE
export TOPDIR := $(CURDIR)
export BUILDDIR := $(CURDIR)/build
export WARNFLAGS := -Wall -Wextra -Werror
export CFLAGS ?= -O2 -g

KVER ?= $(shell $(CURDIR)/scripts/kver)
KDIR ?= $(if $(KVER),/lib/modules/$(KVER)/build)
export KVER KDIR

.PHONY: all plugin shim tools module tests check demo bench deps clean style

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

tests: all
	$(MAKE) -C tests
	$(MAKE) -C bench

deps:
	scripts/install-deps

check: deps
	$(MAKE) all
	$(MAKE) tests
	scripts/run-tests

demo: deps
	$(MAKE) all
	$(MAKE) -C tests helpers
	scripts/demo

# checkpatch.pl comes from Debian's kernel source (scripts/install-deps).
# Benchmarks run in the test VM; figures and ratios to baselines.
bench: deps
	$(MAKE) all
	$(MAKE) -C bench
	scripts/vm --timeout 900 tests/vm/run-in-vm bench/run

style: deps
	$(BUILDDIR)/checkpatch/scripts/checkpatch.pl --no-tree --strict --terse --show-types \
		-f $(filter-out %.mod.c,$(wildcard kernel/*.c)) kernel/*.h include/uapi/linux/rasdial.h

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
