// rv32ui/add.S — ADD: two's-complement addition; overflow wraps (rv32.adoc, "Integer Register-Register Operations").
// Each case is numbered; a failing run exits with that number.
#include "riscv_test.h"
#include "test_macros.h"
RVTEST_RV32U
RVTEST_CODE_BEGIN
  // register-register cases
  TEST_RR_OP(2, add, 0x00000000, 0x00000000, 0x00000000)
  TEST_RR_OP(3, add, 0x00000002, 0x00000001, 0x00000001)
  TEST_RR_OP(4, add, 0x0000000a, 0x00000003, 0x00000007)
  TEST_RR_OP(5, add, 0x00000000, 0xffffffff, 0x00000001)
  TEST_RR_OP(6, add, 0x80000000, 0x7fffffff, 0x00000001)
  TEST_RR_OP(7, add, 0x7fffffff, 0x80000000, 0xffffffff)
  TEST_RR_OP(8, add, 0x00000000, 0x80000000, 0x80000000)
  TEST_RR_OP(9, add, 0x22222221, 0x12345678, 0x0fedcba9)
  TEST_RR_OP(10, add, 0xffffffff, 0xffff8000, 0x00007fff)
  TEST_RR_OP(11, add, 0xdfd10456, 0xdeadbeef, 0x01234567)
  TEST_RR_OP(12, add, 0xfffffffe, 0x7fffffff, 0x7fffffff)
  TEST_RR_OP(13, add, 0xfffffffb, 0xfffffffe, 0xfffffffd)
  TEST_RR_OP(14, add, 0x00000000, 0x00000005, 0xfffffffb)
  // destination equal to a source, x0 as source or destination
  TEST_RR_SRC1_EQ_DEST(15, add, 0x00000000, 0xffffffff, 0x00000001)
  TEST_RR_SRC2_EQ_DEST(16, add, 0x00000000, 0xffffffff, 0x00000001)
  TEST_RR_SRC12_EQ_DEST(17, add, 0xfffffffe, 0xffffffff)
  TEST_RR_ZEROSRC1(18, add, 0x87654321, 0x87654321)
  TEST_RR_ZEROSRC2(19, add, 0x87654321, 0x87654321)
  TEST_CASE(20, x14, 0x00000000, add x14, x0, x0)
  TEST_RR_ZERODEST(21, add, 0xffffffff, 0x00000001)
  TEST_PASSFAIL
RVTEST_CODE_END
RVTEST_DATA_BEGIN
RVTEST_DATA_END
