// rv32um/mulh.S — MULH: high 32 bits of signed x signed (m-st-ext.adoc).
// Each case is numbered; a failing run exits with that number.
#include "riscv_test.h"
#include "test_macros.h"
RVTEST_RV32U
RVTEST_CODE_BEGIN
  // register-register cases
  TEST_RR_OP(2, mulh, 0x00000000, 0x00000000, 0x00000000)
  TEST_RR_OP(3, mulh, 0x00000000, 0x00000001, 0x00000001)
  TEST_RR_OP(4, mulh, 0x00000000, 0x00000003, 0x00000007)
  TEST_RR_OP(5, mulh, 0xffffffff, 0xffffffff, 0x00000001)
  TEST_RR_OP(6, mulh, 0x00000000, 0x7fffffff, 0x00000001)
  TEST_RR_OP(7, mulh, 0x00000000, 0x80000000, 0xffffffff)
  TEST_RR_OP(8, mulh, 0x40000000, 0x80000000, 0x80000000)
  TEST_RR_OP(9, mulh, 0x0121fa00, 0x12345678, 0x0fedcba9)
  TEST_RR_OP(10, mulh, 0xffffffff, 0xffff8000, 0x00007fff)
  TEST_RR_OP(11, mulh, 0xffda1677, 0xdeadbeef, 0x01234567)
  TEST_RR_OP(12, mulh, 0x3fffffff, 0x7fffffff, 0x7fffffff)
  TEST_RR_OP(13, mulh, 0x00000000, 0xfffffffe, 0xfffffffd)
  TEST_RR_OP(14, mulh, 0xffffffff, 0x00000005, 0xfffffffb)
  TEST_RR_OP(15, mulh, 0x00000000, 0xffffffff, 0xffffffff)
  TEST_RR_OP(16, mulh, 0xc0000000, 0x80000000, 0x7fffffff)
  TEST_RR_OP(17, mulh, 0xffff0081, 0xaaaaaaab, 0x0002fe7d)
  TEST_RR_OP(18, mulh, 0xffff0081, 0x0002fe7d, 0xaaaaaaab)
  // destination equal to a source, x0 as source or destination
  TEST_RR_SRC1_EQ_DEST(19, mulh, 0xffffffff, 0xffffffff, 0x00000001)
  TEST_RR_SRC2_EQ_DEST(20, mulh, 0xffffffff, 0xffffffff, 0x00000001)
  TEST_RR_SRC12_EQ_DEST(21, mulh, 0x00000000, 0xffffffff)
  TEST_RR_ZEROSRC1(22, mulh, 0x00000000, 0x87654321)
  TEST_RR_ZEROSRC2(23, mulh, 0x00000000, 0x87654321)
  TEST_CASE(24, x14, 0x00000000, mulh x14, x0, x0)
  TEST_RR_ZERODEST(25, mulh, 0xffffffff, 0x00000001)
  TEST_PASSFAIL
RVTEST_CODE_END
RVTEST_DATA_BEGIN
RVTEST_DATA_END
