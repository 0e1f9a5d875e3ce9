# vmm/build.mk — the trap-and-emulate VMM (RISC-V, M-mode) and its tests.
#
# Builds $(BUILD)/rv32/vmm/vmm.elf (+ .asm/.sym listings for reading traces)
# and the VMM's own test guests under vmm/tests/.

VMM_SRCS := $(wildcard vmm/*.c vmm/lib/*.c) vmm/entry.S
VMM_OBJS := $(patsubst %.S,$(BUILD)/rv32/%.o,$(patsubst %.c,$(BUILD)/rv32/%.o,$(VMM_SRCS)))
VMM_ELF := $(BUILD)/rv32/vmm/vmm.elf

$(VMM_ELF): $(VMM_OBJS) vmm/vmm.ld
	$(RV_CC) $(RV_LDFLAGS) -Wl,--no-warn-rwx-segments -T vmm/vmm.ld -o $@ $(VMM_OBJS) $(RV_LIBGCC)
	$(RV_OBJDUMP) -d $@ > $(@:.elf=.asm)
	$(RV_PREFIX)nm -n $@ > $(@:.elf=.sym)

RV_ALL += $(VMM_ELF)
