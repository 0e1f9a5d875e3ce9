# guests/build.mk — the tiny SBI firmware and the guest kernels (RISC-V,
# cross-compiled); included by the top-level Makefile.
#
#   $(BUILD)/rv32/guests/firmware/firmware.elf    M-mode SBI for native runs
#   $(BUILD)/rv32/guests/<name>/<name>.elf        one S-mode kernel per folder
#
# A kernel is every .c/.S file in guests/<name>/ plus the runtime in
# guests/lib/, linked at 0x80200000 with guests/guest.ld. Each ELF gets a
# .asm (objdump -S) and .sym (nm) next to it, for reading traces.

GUEST_NAMES := hello tasks pager compute chatty rogue privcheck

# The runtime, and the arch backend it is built with (native: plain CSR
# instructions; the paravirtual build below swaps ARCH_NATIVE and trap.S).
GUEST_LIB_SRCS := guests/lib/start.S guests/lib/trap.S guests/lib/runtime.c \
                  guests/lib/console.c guests/lib/sbi.c guests/lib/string.c \
                  guests/lib/palloc.c guests/lib/pt.c guests/lib/uart.c
GUEST_ARCH_NATIVE := guests/lib/arch_native.c
GUEST_LIB_OBJS := $(patsubst %,$(BUILD)/rv32/%.o,$(basename $(GUEST_LIB_SRCS) $(GUEST_ARCH_NATIVE)))

GUEST_FIRMWARE := $(BUILD)/rv32/guests/firmware/firmware.elf
GUEST_ELFS := $(foreach g,$(GUEST_NAMES),$(BUILD)/rv32/guests/$(g)/$(g).elf)

# Guest and firmware sources include the runtime's headers by name.
$(BUILD)/rv32/guests/%.o: RV_CFLAGS += -Iguests/lib
$(BUILD)/rv32/guests/%.o: RV_ASFLAGS += -Iguests/lib

FIRMWARE_OBJS := $(BUILD)/rv32/guests/firmware/entry.o $(BUILD)/rv32/guests/firmware/firmware.o
$(GUEST_FIRMWARE): $(FIRMWARE_OBJS) guests/firmware/firmware.ld
	$(RV_CC) $(RV_LDFLAGS) -T guests/firmware/firmware.ld -o $@ $(FIRMWARE_OBJS) $(RV_LIBGCC)
	$(RV_OBJDUMP) -S $@ > $(@:.elf=.asm)
	$(RV_PREFIX)nm -n $@ > $(@:.elf=.sym)

# $(1) = kernel name
define GUEST_KERNEL
GUEST_OBJS_$(1) := $$(patsubst %,$$(BUILD)/rv32/%.o,$$(basename $$(wildcard guests/$(1)/*.c guests/$(1)/*.S)))
$$(BUILD)/rv32/guests/$(1)/$(1).elf: $$(GUEST_OBJS_$(1)) $$(GUEST_LIB_OBJS) guests/guest.ld
	$$(RV_CC) $$(RV_LDFLAGS) -T guests/guest.ld -o $$@ $$(GUEST_OBJS_$(1)) $$(GUEST_LIB_OBJS) $$(RV_LIBGCC)
	$$(RV_OBJDUMP) -S $$@ > $$(@:.elf=.asm)
	$$(RV_PREFIX)nm -n $$@ > $$(@:.elf=.sym)
endef
$(foreach g,$(GUEST_NAMES),$(eval $(call GUEST_KERNEL,$(g))))

RV_ALL += $(GUEST_FIRMWARE) $(GUEST_ELFS)

# ---- paravirtual builds -------------------------------------------------------
#   $(BUILD)/rv32/guests/<name>/<name>-pv.elf   the same kernel objects, linked
#   with the paravirtual arch backend and trap entry (hypercalls to the trapeze
#   VMM; a scenario runs it with "mode": "para"). privcheck is left out: it
#   probes the raw CSR instructions on purpose.
GUEST_PV_NAMES := hello tasks pager compute chatty rogue
GUEST_ARCH_PARAVIRT := guests/lib/arch_paravirt.c guests/lib/trap_paravirt.S
GUEST_LIB_PV_OBJS := $(patsubst %,$(BUILD)/rv32/%.o,$(basename \
                       $(filter-out guests/lib/trap.S,$(GUEST_LIB_SRCS)) $(GUEST_ARCH_PARAVIRT)))
GUEST_PV_ELFS := $(foreach g,$(GUEST_PV_NAMES),$(BUILD)/rv32/guests/$(g)/$(g)-pv.elf)

# $(1) = kernel name
define GUEST_KERNEL_PV
$$(BUILD)/rv32/guests/$(1)/$(1)-pv.elf: $$(GUEST_OBJS_$(1)) $$(GUEST_LIB_PV_OBJS) guests/guest.ld
	$$(RV_CC) $$(RV_LDFLAGS) -T guests/guest.ld -o $$@ $$(GUEST_OBJS_$(1)) $$(GUEST_LIB_PV_OBJS) $$(RV_LIBGCC)
	$$(RV_OBJDUMP) -S $$@ > $$(@:.elf=.asm)
	$$(RV_PREFIX)nm -n $$@ > $$(@:.elf=.sym)
endef
$(foreach g,$(GUEST_PV_NAMES),$(eval $(call GUEST_KERNEL_PV,$(g))))

RV_ALL += $(GUEST_PV_ELFS)
TEST_SUITES += tests/integration/guests-native.sh tests/integration/privcheck-vmm.sh

