// rv32ui/sub.S — SUB: rs1 - rs2, wrapping (rv32.adoc, "Integer Register-Register Operations").
// Each case is numbered; a failing run exits with that number.
#include "riscv_test.h"
#include "test_macros.h"
RVTEST_RV32U
RVTEST_CODE_BEGIN
  // register-register cases
  TEST_RR_OP(2, sub, 0x00000000, 0x00000000, 0x00000000)
  TEST_RR_OP(3, sub, 0x00000000, 0x00000001, 0x00000001)
  TEST_RR_OP(4, sub, 0xfffffffc, 0x00000003, 0x00000007)
  TEST_RR_OP(5, sub, 0xfffffffe, 0xffffffff, 0x00000001)
  TEST_RR_OP(6, sub, 0x7ffffffe, 0x7fffffff, 0x00000001)
  TEST_RR_OP(7, sub, 0x80000001, 0x80000000, 0xffffffff)
  TEST_RR_OP(8, sub, 0x00000000, 0x80000000, 0x80000000)
  TEST_RR_OP(9, sub, 0x02468acf, 0x12345678, 0x0fedcba9)
  TEST_RR_OP(10, sub, 0xffff0001, 0xffff8000, 0x00007fff)
  TEST_RR_OP(11, sub, 0xdd8a7988, 0xdeadbeef, 0x01234567)
  TEST_RR_OP(12, sub, 0x00000000, 0x7fffffff, 0x7fffffff)
  TEST_RR_OP(13, sub, 0x00000001, 0xfffffffe, 0xfffffffd)
  TEST_RR_OP(14, sub, 0x0000000a, 0x00000005, 0xfffffffb)
  // destination equal to a source, x0 as source or destination
  TEST_RR_SRC1_EQ_DEST(15, sub, 0xfffffffe, 0xffffffff, 0x00000001)
  TEST_RR_SRC2_EQ_DEST(16, sub, 0xfffffffe, 0xffffffff, 0x00000001)
  TEST_RR_SRC12_EQ_DEST(17, sub, 0x00000000, 0xffffffff)
  TEST_RR_ZEROSRC1(18, sub, 0x789abcdf, 0x87654321)
  TEST_RR_ZEROSRC2(19, sub, 0x87654321, 0x87654321)
  TEST_CASE(20, x14, 0x00000000, sub x14, x0, x0)
  TEST_RR_ZERODEST(21, sub, 0xffffffff, 0x00000001)
  TEST_PASSFAIL
RVTEST_CODE_END
RVTEST_DATA_BEGIN
RVTEST_DATA_END
