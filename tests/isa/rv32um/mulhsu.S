// rv32um/mulhsu.S — MULHSU: high 32 bits of signed rs1 x unsigned rs2 (m-st-ext.adoc).
// Each case is numbered; a failing run exits with that number.
#include "riscv_test.h"
#include "test_macros.h"
RVTEST_RV32U
RVTEST_CODE_BEGIN
  // register-register cases
  TEST_RR_OP(2, mulhsu, 0x00000000, 0x00000000, 0x00000000)
  TEST_RR_OP(3, mulhsu, 0x00000000, 0x00000001, 0x00000001)
  TEST_RR_OP(4, mulhsu, 0x00000000, 0x00000003, 0x00000007)
  TEST_RR_OP(5, mulhsu, 0xffffffff, 0xffffffff, 0x00000001)
  TEST_RR_OP(6, mulhsu, 0x00000000, 0x7fffffff, 0x00000001)
  TEST_RR_OP(7, mulhsu, 0x80000000, 0x80000000, 0xffffffff)
  TEST_RR_OP(8, mulhsu, 0xc0000000, 0x80000000, 0x80000000)
  TEST_RR_OP(9, mulhsu, 0x0121fa00, 0x12345678, 0x0fedcba9)
  TEST_RR_OP(10, mulhsu, 0xffffffff, 0xffff8000, 0x00007fff)
  TEST_RR_OP(11, mulhsu, 0xffda1677, 0xdeadbeef, 0x01234567)
  TEST_RR_OP(12, mulhsu, 0x3fffffff, 0x7fffffff, 0x7fffffff)
  TEST_RR_OP(13, mulhsu, 0xfffffffe, 0xfffffffe, 0xfffffffd)
  TEST_RR_OP(14, mulhsu, 0x00000004, 0x00000005, 0xfffffffb)
  TEST_RR_OP(15, mulhsu, 0xffffffff, 0xffffffff, 0xffffffff)
  TEST_RR_OP(16, mulhsu, 0xc0000000, 0x80000000, 0x7fffffff)
  TEST_RR_OP(17, mulhsu, 0xffff0081, 0xaaaaaaab, 0x0002fe7d)
  TEST_RR_OP(18, mulhsu, 0x0001fefe, 0x0002fe7d, 0xaaaaaaab)
  // destination equal to a source, x0 as source or destination
  TEST_RR_SRC1_EQ_DEST(19, mulhsu, 0xffffffff, 0xffffffff, 0x00000001)
  TEST_RR_SRC2_EQ_DEST(20, mulhsu, 0xffffffff, 0xffffffff, 0x00000001)
  TEST_RR_SRC12_EQ_DEST(21, mulhsu, 0xffffffff, 0xffffffff)
  TEST_RR_ZEROSRC1(22, mulhsu, 0x00000000, 0x87654321)
  TEST_RR_ZEROSRC2(23, mulhsu, 0x00000000, 0x87654321)
  TEST_CASE(24, x14, 0x00000000, mulhsu x14, x0, x0)
  TEST_RR_ZERODEST(25, mulhsu, 0xffffffff, 0x00000001)
  TEST_PASSFAIL
RVTEST_CODE_END
RVTEST_DATA_BEGIN
RVTEST_DATA_END
