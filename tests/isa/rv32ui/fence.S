// rv32ui/fence.S — FENCE orders memory accesses between harts and devices;
// on one hart it must behave as a no-op that changes no register and no
// memory (rv32.adoc, "Memory Ordering Instructions"). Also checks that the
// encodings with every predecessor/successor set, and FENCE.TSO, are accepted.
// Each case is numbered; a failing run exits with that number.
#include "riscv_test.h"
#include "test_macros.h"
RVTEST_RV32U
RVTEST_CODE_BEGIN
  TEST_CASE(2, x14, 0x11223344, la x11, fdat; li x12, 0x11223344; sw x12, 0(x11); fence rw, rw; lw x14, 0(x11))
  TEST_CASE(3, x14, 0x55667788, la x11, fdat; li x12, 0x55667788; sw x12, 0(x11); fence w, r; lw x14, 0(x11))
  TEST_CASE(4, x14, 0x99aabbcc, la x11, fdat; li x12, 0x99aabbcc; sw x12, 0(x11); fence iorw, iorw; lw x14, 0(x11))
  TEST_CASE(5, x14, 0x0f0f0f0f, la x11, fdat; li x12, 0x0f0f0f0f; sw x12, 0(x11); fence.tso; lw x14, 0(x11))
  TEST_CASE(6, x14, 0x12345678, li x14, 0x12345678; fence i, o; fence o, i; fence r, w)
  TEST_PASSFAIL
RVTEST_CODE_END
RVTEST_DATA_BEGIN
fdat: .word 0
RVTEST_DATA_END
