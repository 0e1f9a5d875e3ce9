# vmm/build.mk — the trap-and-emulate VMM (RISC-V, M-mode) and its tests.
#
# Builds $(BUILD)/rv32/vmm/vmm.elf (+ .asm/.sym listings for reading traces)
# and the VMM's own test guests under vmm/tests/.

VMM_SRCS := $(wildcard vmm/*.c vmm/lib/*.c) vmm/entry.S
VMM_OBJS := $(patsubst %.S,$(BUILD)/rv32/%.o,$(patsubst %.c,$(BUILD)/rv32/%.o,$(VMM_SRCS)))
VMM_ELF := $(BUILD)/rv32/vmm/vmm.elf

$(VMM_ELF): $(VMM_OBJS) vmm/vmm.ld
	$(RV_CC) $(RV_LDFLAGS) -T vmm/vmm.ld -o $@ $(VMM_OBJS) $(RV_LIBGCC)
	$(RV_OBJDUMP) -d $@ > $(@:.elf=.asm)
	$(RV_PREFIX)nm -n $@ > $(@:.elf=.sym)

RV_ALL += $(VMM_ELF)

# ---- test guests -----------------------------------------------------------
# vmmcheck: a conformance guest built on the guests/ runtime, run natively and
# under the VMM by tests/unit/test_scenario.c (outputs must be identical).
VMMCHECK_OBJS := $(patsubst %.c,$(BUILD)/rv32/%.o,$(wildcard vmm/tests/vmmcheck/*.c))
VMMCHECK_ELF := $(BUILD)/rv32/vmm/tests/vmmcheck.elf
$(BUILD)/rv32/vmm/tests/vmmcheck/%.o: RV_CFLAGS += -Iguests/lib
$(VMMCHECK_ELF): $(VMMCHECK_OBJS) $(GUEST_LIB_OBJS) guests/guest.ld
	@mkdir -p $(@D)
	$(RV_CC) $(RV_LDFLAGS) -T guests/guest.ld -o $@ $(VMMCHECK_OBJS) $(GUEST_LIB_OBJS) $(RV_LIBGCC)

# Misbehaving kernels, one .S each, for the containment tests.
VMM_BAD_KERNELS := $(patsubst vmm/tests/kernels/%.S,$(BUILD)/rv32/vmm/tests/%.elf,$(wildcard vmm/tests/kernels/*.S))
$(BUILD)/rv32/vmm/tests/%.elf: $(BUILD)/rv32/vmm/tests/kernels/%.o vmm/tests/kernels/kernel.ld
	@mkdir -p $(@D)
	$(RV_CC) $(RV_LDFLAGS) -T vmm/tests/kernels/kernel.ld -o $@ $<

RV_ALL += $(VMMCHECK_ELF) $(VMM_BAD_KERNELS)

# pvcheck: the hypercall interface checked from the guest's side (hypercall.c),
# a paravirtual kernel on the guests/ runtime (GUEST_LIB_PV_OBJS, guests/build.mk).
PVCHECK_OBJS := $(patsubst %.c,$(BUILD)/rv32/%.o,$(wildcard vmm/tests/pvcheck/*.c))
PVCHECK_ELF := $(BUILD)/rv32/vmm/tests/pvcheck-pv.elf
$(BUILD)/rv32/vmm/tests/pvcheck/%.o: RV_CFLAGS += -Iguests/lib
$(PVCHECK_ELF): $(PVCHECK_OBJS) $(GUEST_LIB_PV_OBJS) guests/guest.ld
	@mkdir -p $(@D)
	$(RV_CC) $(RV_LDFLAGS) -T guests/guest.ld -o $@ $(PVCHECK_OBJS) $(GUEST_LIB_PV_OBJS) $(RV_LIBGCC)

RV_ALL += $(PVCHECK_ELF)
TEST_SUITES += tests/integration/vmm-para.sh

TEST_SUITES += tests/integration/vmm-run.sh
# Emulated guests: interpreted by the VMM (vmm/interp.c).
TEST_SUITES += tests/integration/vmm-emulated.sh
