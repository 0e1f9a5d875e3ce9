# trapeze — top-level Makefile.
#
#   make          build everything into build/ (installs missing Debian packages first)
#   make run      run the default demo
#   make test     every test (normal build and ASan+UBSan build); ends "N passed, N failed"
#   make bench    benchmarks (print figures; never part of the tests)
#   make deps     install missing Debian packages listed in .ci/packages.txt
#   make clean
#
# Two compilers, two worlds: HOST_CC builds the simulator and tools (objects in
# build/host, sanitizer objects in build/san); RV_CC cross-compiles code that
# runs on the simulated machine (objects in build/rv32). The only header both
# include is machine/abi/trapeze_abi.h.

.DEFAULT_GOAL := all
SHELL := /bin/bash

BUILD := build

# ---- host toolchain ---------------------------------------------------------
HOST_CC ?= cc
OPT ?= -O2
HOST_WARN := -Wall -Wextra -Werror -Wshadow -Wstrict-prototypes -Wmissing-prototypes \
             -Wformat=2 -Wundef -Wno-unused-parameter
HOST_CFLAGS := -std=c11 $(OPT) -g $(HOST_WARN) -D_POSIX_C_SOURCE=200809L -MMD -MP
SAN_CFLAGS := -O1 -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer
HOST_LDLIBS := -lcjson -lm
CMOCKA_LIBS := -lcmocka

# ---- RISC-V cross toolchain -------------------------------------------------
RV_PREFIX ?= riscv64-unknown-elf-
RV_CC := $(RV_PREFIX)gcc
RV_OBJDUMP := $(RV_PREFIX)objdump
RV_OBJCOPY := $(RV_PREFIX)objcopy
RV_ARCH := -march=rv32ima_zicsr_zifencei -mabi=ilp32
# -march=rv32ima_zicsr_zifencei makes gcc's multilib fall back to the rv64
# libgcc; link the rv32 one explicitly (see docs/architecture.md, "Toolchain").
RV_LIBGCC = $(shell $(RV_CC) -march=rv32ima -mabi=ilp32 -print-libgcc-file-name 2>/dev/null)
RV_CFLAGS := $(RV_ARCH) -O2 -g -Wall -Wextra -Werror -ffreestanding -nostdlib -fno-common \
             -mcmodel=medany -fno-pie -fno-stack-protector -mno-relax -MMD -MP \
             -Imachine/abi
RV_ASFLAGS := $(RV_ARCH) -g -mno-relax -MMD -MP -Imachine/abi
# The images are loaded whole by a simulator or QEMU, and their code sets its
# own page permissions; ld's warning about one RWX load segment says nothing here.
RV_LDFLAGS := $(RV_ARCH) -nostdlib -nostartfiles -static -Wl,--no-relax -Wl,--build-id=none \
              -Wl,--no-warn-rwx-segments

QEMU_RV32 ?= qemu-system-riscv32

# ---- dependencies -----------------------------------------------------------
DEPS_STAMP := $(BUILD)/.deps-ok
$(DEPS_STAMP): .ci/packages.txt .ci/install-deps
	@sh .ci/install-deps
	@mkdir -p $(@D) && touch $@
.PHONY: deps
deps:
	@sh .ci/install-deps

# ---- host library, CLI and unit tests, built twice (normal and sanitized) --
ISA_SRCS := $(wildcard isa/*.c)
MACHINE_SRCS := $(wildcard machine/*.c machine/dev/*.c)
LIB_SRCS := $(ISA_SRCS) $(MACHINE_SRCS)
CLI_SRCS := $(wildcard machine/cli/*.c)
UNIT_SRCS := $(wildcard tests/unit/test_*.c)
UNIT_HELPERS := $(filter-out tests/unit/test_%,$(wildcard tests/unit/*.c))

# $(1) = variant dir, $(2) = extra compile+link flags
define HOST_VARIANT
$(1)/%.o: %.c | $(DEPS_STAMP)
	@mkdir -p $$(@D)
	$$(HOST_CC) $$(HOST_CFLAGS) $(2) -c $$< -o $$@

$(1)/libtrapeze.a: $(LIB_SRCS:%.c=$(1)/%.o)
	@rm -f $$@
	ar rcs $$@ $$^

$(1)/tests/unit/%: $(1)/tests/unit/%.o $(UNIT_HELPERS:%.c=$(1)/%.o) $(1)/libtrapeze.a
	$$(HOST_CC) $(2) -o $$@ $$^ $$(CMOCKA_LIBS) $$(HOST_LDLIBS)

-include $(LIB_SRCS:%.c=$(1)/%.d) $(CLI_SRCS:%.c=$(1)/%.d) $(UNIT_SRCS:%.c=$(1)/%.d)
endef

$(eval $(call HOST_VARIANT,$(BUILD)/host,))
$(eval $(call HOST_VARIANT,$(BUILD)/san,$(SAN_CFLAGS)))

$(BUILD)/trapeze: $(CLI_SRCS:%.c=$(BUILD)/host/%.o) $(BUILD)/host/libtrapeze.a
	$(HOST_CC) -o $@ $^ $(HOST_LDLIBS)
$(BUILD)/san/trapeze: $(CLI_SRCS:%.c=$(BUILD)/san/%.o) $(BUILD)/san/libtrapeze.a
	$(HOST_CC) $(SAN_CFLAGS) -o $@ $^ $(HOST_LDLIBS)

UNIT_BINS := $(UNIT_SRCS:%.c=$(BUILD)/host/%)
UNIT_BINS_SAN := $(UNIT_SRCS:%.c=$(BUILD)/san/%)
.SECONDARY:

HOST_ALL := $(BUILD)/trapeze $(BUILD)/san/trapeze $(UNIT_BINS) $(UNIT_BINS_SAN)

# ---- cross-compiled parts (each directory brings its own fragment) ---------
# A fragment appends to RV_ALL (things to build) and TEST_SUITES (test scripts
# run by tests/run-all, each printing TAP lines).
RV_ALL :=
TEST_SUITES :=
BENCH_SUITES :=
-include tests/isa/build.mk
-include tests/bad-input/build.mk
-include guests/build.mk
-include vmm/build.mk
-include bench/build.mk
-include gui/build.mk
-include labs/build.mk
# The `trapeze` command as a user meets it (help, exit statuses, JSON, traces, compare).
TEST_SUITES += tests/integration/cli.sh

# Generic cross-compile rules: build/rv32/<path>.o from <path>.c / <path>.S
$(BUILD)/rv32/%.o: %.c | $(DEPS_STAMP)
	@mkdir -p $(@D)
	$(RV_CC) $(RV_CFLAGS) -c $< -o $@
$(BUILD)/rv32/%.o: %.S | $(DEPS_STAMP)
	@mkdir -p $(@D)
	$(RV_CC) $(RV_ASFLAGS) -c $< -o $@
-include $(shell find $(BUILD)/rv32 -name '*.d' 2>/dev/null)

# ---- top-level targets ------------------------------------------------------
.PHONY: all host rv32 run test test-quick bench clean
all: host rv32
host: $(HOST_ALL)
rv32: $(RV_ALL)

# `make run`: what a newcomer sees first — the built-in default scenario
# (several guest kernels under the VMM) with the machine's statistics.
# RUN_ARGS picks something else, e.g. make run RUN_ARGS="run --kernel build/rv32/guests/hello/hello.elf --stats"
RUN_ARGS ?= --stats
run: all
	$(BUILD)/trapeze $(RUN_ARGS)

# Every suite, normal and sanitized; one closing line "N passed, N failed".
test: all
	@BUILD=$(BUILD) QEMU=$(QEMU_RV32) tests/run-all \
	    unit:$(BUILD)/host unit:$(BUILD)/san $(TEST_SUITES)

bench: all
	@BUILD=$(BUILD) QEMU=$(QEMU_RV32) bench/run-bench $(BENCH_SUITES)

clean:
	rm -rf $(BUILD)
