// rv32um/mul.S — MUL: low 32 bits of the product (m-st-ext.adoc, "Multiplication Operations").
// Each case is numbered; a failing run exits with that number.
#include "riscv_test.h"
#include "test_macros.h"
RVTEST_RV32U
RVTEST_CODE_BEGIN
  // register-register cases
  TEST_RR_OP(2, mul, 0x00000000, 0x00000000, 0x00000000)
  TEST_RR_OP(3, mul, 0x00000001, 0x00000001, 0x00000001)
  TEST_RR_OP(4, mul, 0x00000015, 0x00000003, 0x00000007)
  TEST_RR_OP(5, mul, 0xffffffff, 0xffffffff, 0x00000001)
  TEST_RR_OP(6, mul, 0x7fffffff, 0x7fffffff, 0x00000001)
  TEST_RR_OP(7, mul, 0x80000000, 0x80000000, 0xffffffff)
  TEST_RR_OP(8, mul, 0x00000000, 0x80000000, 0x80000000)
  TEST_RR_OP(9, mul, 0x9a363d38, 0x12345678, 0x0fedcba9)
  TEST_RR_OP(10, mul, 0xc0008000, 0xffff8000, 0x00007fff)
  TEST_RR_OP(11, mul, 0x760b3d29, 0xdeadbeef, 0x01234567)
  TEST_RR_OP(12, mul, 0x00000001, 0x7fffffff, 0x7fffffff)
  TEST_RR_OP(13, mul, 0x00000006, 0xfffffffe, 0xfffffffd)
  TEST_RR_OP(14, mul, 0xffffffe7, 0x00000005, 0xfffffffb)
  TEST_RR_OP(15, mul, 0x00000001, 0xffffffff, 0xffffffff)
  TEST_RR_OP(16, mul, 0x80000000, 0x80000000, 0x7fffffff)
  TEST_RR_OP(17, mul, 0x0000ff7f, 0xaaaaaaab, 0x0002fe7d)
  TEST_RR_OP(18, mul, 0x0000ff7f, 0x0002fe7d, 0xaaaaaaab)
  // destination equal to a source, x0 as source or destination
  TEST_RR_SRC1_EQ_DEST(19, mul, 0xffffffff, 0xffffffff, 0x00000001)
  TEST_RR_SRC2_EQ_DEST(20, mul, 0xffffffff, 0xffffffff, 0x00000001)
  TEST_RR_SRC12_EQ_DEST(21, mul, 0x00000001, 0xffffffff)
  TEST_RR_ZEROSRC1(22, mul, 0x00000000, 0x87654321)
  TEST_RR_ZEROSRC2(23, mul, 0x00000000, 0x87654321)
  TEST_CASE(24, x14, 0x00000000, mul x14, x0, x0)
  TEST_RR_ZERODEST(25, mul, 0xffffffff, 0x00000001)
  TEST_PASSFAIL
RVTEST_CODE_END
RVTEST_DATA_BEGIN
RVTEST_DATA_END
