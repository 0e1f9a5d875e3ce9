# tests/isa/build.mk — builds the ISA test programs and the `make run` demo.
#
# Every tests/isa/<group>/<name>.S becomes $(BUILD)/rv32/tests/isa/<group>/<name>.elf
# (linked at 0x80000000 with tests/isa/env/link.ld) plus a .dump disassembly
# next to it for debugging. The programs run on trapeze and on QEMU; the suite
# tests/isa/suite.sh compares the two.

ISA_TEST_GROUPS := rv32ui rv32um rv32ua rv32mi rv32si rv32vm
ISA_TEST_SRCS := $(sort $(wildcard $(foreach g,$(ISA_TEST_GROUPS),tests/isa/$(g)/*.S)))
ISA_DEMO_SRCS := tests/isa/demo/hello.S
ISA_ELFS := $(patsubst %.S,$(BUILD)/rv32/%.elf,$(ISA_TEST_SRCS) $(ISA_DEMO_SRCS))
ISA_DUMPS := $(ISA_ELFS:.elf=.dump)
ISA_LD := tests/isa/env/link.ld

# The harness headers live in tests/isa/env.
$(BUILD)/rv32/tests/isa/%.o: RV_ASFLAGS += -Itests/isa/env

# The test programs write their own code (self-modifying-code tests) and keep
# code and data in one RWX image, as bare-metal test programs do.
$(BUILD)/rv32/tests/isa/%.elf: $(BUILD)/rv32/tests/isa/%.o $(ISA_LD)
	$(RV_CC) $(RV_LDFLAGS) -T $(ISA_LD) $< -o $@

$(BUILD)/rv32/tests/isa/%.dump: $(BUILD)/rv32/tests/isa/%.elf
	$(RV_OBJDUMP) -d -M no-aliases,numeric $< > $@

RV_ALL += $(ISA_ELFS) $(ISA_DUMPS)
TEST_SUITES += tests/isa/suite.sh
