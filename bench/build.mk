# bench/build.mk — workload images and host tools for `make bench`.
#
# Included by the top-level Makefile. Builds:
#   $(BUILD)/rv32/bench/{int,int-user,trap,exit}.elf     full-size workloads
#   $(BUILD)/rv32/bench/quick/{int,int-user,trap,exit}.elf  small ones (BENCH_QUICK=1)
#   $(BUILD)/bench/benchtime   times whole processes (median of N runs)
#   $(BUILD)/bench/benchjson   reads figures out of `trapeze --stats --json` files
#   $(BUILD)/bench/vmmcost     cost of each kind of VMM exit (machine/vmm_cost.h)
# lists the sections bench/run-bench prints in BENCH_SUITES, and adds
# bench/test-workloads (trapeze and QEMU agree on every quick image) to
# TEST_SUITES.
#
# The quick images come from the same sources compiled with -DBENCH_QUICK
# (see bench/work/sizes.h), into their own object directory.

BENCH_DIR := $(BUILD)/rv32/bench
BENCH_QDIR := $(BUILD)/rv32/bench-quick

BENCH_RT := bench/rt/start.o bench/rt/rt.o
BENCH_OBJS_int := $(BENCH_RT) bench/work/intwork.o bench/int.o
BENCH_OBJS_int-user := $(BENCH_RT) bench/work/intwork.o bench/int_user.o bench/int_user_entry.o
BENCH_OBJS_trap := $(BENCH_RT) bench/trap.o bench/trap_entry.o
BENCH_OBJS_exit := $(BENCH_RT) bench/exit.o
BENCH_WORKLOADS := int int-user trap exit

BENCH_IMAGES := $(BENCH_WORKLOADS:%=$(BENCH_DIR)/%.elf) \
                $(BENCH_WORKLOADS:%=$(BENCH_DIR)/quick/%.elf)
BENCH_LDSCRIPT := bench/rt/bench.ld

# $(1) = workload name
define BENCH_IMAGE_RULES
$(BENCH_DIR)/$(1).elf: $(addprefix $(BUILD)/rv32/,$(BENCH_OBJS_$(1))) $(BENCH_LDSCRIPT)
	@mkdir -p $$(@D)
	$$(RV_CC) $$(RV_LDFLAGS) -T $(BENCH_LDSCRIPT) -o $$@ \
	    $(addprefix $(BUILD)/rv32/,$(BENCH_OBJS_$(1))) $$(RV_LIBGCC)
$(BENCH_DIR)/quick/$(1).elf: $(addprefix $(BENCH_QDIR)/,$(BENCH_OBJS_$(1))) $(BENCH_LDSCRIPT)
	@mkdir -p $$(@D)
	$$(RV_CC) $$(RV_LDFLAGS) -T $(BENCH_LDSCRIPT) -o $$@ \
	    $(addprefix $(BENCH_QDIR)/,$(BENCH_OBJS_$(1))) $$(RV_LIBGCC)
endef
$(foreach w,$(BENCH_WORKLOADS),$(eval $(call BENCH_IMAGE_RULES,$(w))))

$(BENCH_QDIR)/%.o: %.c | $(DEPS_STAMP)
	@mkdir -p $(@D)
	$(RV_CC) $(RV_CFLAGS) -DBENCH_QUICK -c $< -o $@
$(BENCH_QDIR)/%.o: %.S | $(DEPS_STAMP)
	@mkdir -p $(@D)
	$(RV_CC) $(RV_ASFLAGS) -DBENCH_QUICK -c $< -o $@

# Host tools: plain C11 with the project's warnings. benchjson needs cJSON;
# vmmcost runs scenarios on the machine library.
BENCH_TOOLS := $(BUILD)/bench/benchtime $(BUILD)/bench/benchjson $(BUILD)/bench/vmmcost
$(BUILD)/bench/benchtime: bench/benchtime.c | $(DEPS_STAMP)
	@mkdir -p $(@D)
	$(HOST_CC) $(HOST_CFLAGS) -o $@ $<
$(BUILD)/bench/benchjson: bench/benchjson.c | $(DEPS_STAMP)
	@mkdir -p $(@D)
	$(HOST_CC) $(HOST_CFLAGS) -o $@ $< -lcjson
$(BUILD)/bench/vmmcost: bench/vmmcost.c $(BUILD)/host/libtrapeze.a | $(DEPS_STAMP)
	@mkdir -p $(@D)
	$(HOST_CC) $(HOST_CFLAGS) -o $@ $< $(BUILD)/host/libtrapeze.a $(HOST_LDLIBS)
-include $(BENCH_TOOLS:%=%.d)

# The host tools are built with everything else (`make`): bench/test-workloads,
# part of `make test`, reads figures files with benchjson.
RV_ALL += $(BENCH_IMAGES) $(BENCH_TOOLS)
bench: $(BENCH_IMAGES) $(BENCH_TOOLS)

# Differential test: the quick images give the same checksums on trapeze and QEMU.
TEST_SUITES += bench/test-workloads

# Sections of the report: the workload table, then one baseline per guest
# kernel (guests/build.mk lists them in GUEST_ELFS), then the VMM's
# efficiency (exit costs, each guest's overhead, host speed under the VMM).
BENCH_SUITES += workloads $(addprefix guest:,$(GUEST_ELFS)) vmm
