/*
 * test_uart.c — the ns16550a UART as a driver sees it: transmit through THR
 * (any access width, as on QEMU), the always-ready line status, the receive
 * queue and LSR.DR, the divisor latch behind LCR.DLAB, FIFO control, the
 * interrupt identification a polling driver reads, loopback mode, and
 * access faults past the eight registers.
 *
 * The machine is a stub: the hooks record what the UART asked for.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "../../machine/dev/dev.h"
#include "../../machine/hooks.h"

/* ---- stub machine -------------------------------------------------------- */

static uint8_t tx[8192];
static size_t ntx;

void mach_uart_tx(struct machine *m, uint8_t byte)
{
    (void)m;
    if (ntx < sizeof tx)
        tx[ntx++] = byte;
}

void mach_request_exit(struct machine *m, int code, const char *reason)
{
    (void)m;
    (void)code;
    (void)reason;
    fail_msg("the UART must never end the run");
}

void mach_trace(struct machine *m, uint32_t code, const uint32_t args[4])
{
    (void)m;
    (void)code;
    (void)args;
    fail_msg("the UART must never emit trace events");
}

void mach_set_guest(struct machine *m, uint32_t guest)
{
    (void)m;
    (void)guest;
    fail_msg("the UART must never set the guest");
}

/* ---- helpers ------------------------------------------------------------- */

enum { RBR = 0, THR = 0, DLL = 0, IER = 1, DLM = 1, IIR = 2, FCR = 2, LCR = 3, MCR = 4,
       LSR = 5, MSR = 6, SCR = 7 };

static struct uart16550 u;

static int setup(void **state)
{
    (void)state;
    ntx = 0;
    uart_init(&u, (struct machine *)&u);   /* any non-NULL token will do */
    return 0;
}

static uint32_t rd(uint32_t off)
{
    uint32_t v = 0xFFFFFFFFu;
    assert_int_equal(uart_ops.read(&u, off, 1, &v), 0);
    return v;
}

static void wr(uint32_t off, uint32_t v)
{
    assert_int_equal(uart_ops.write(&u, off, 1, v), 0);
}

/* ---- tests --------------------------------------------------------------- */

static void test_transmit(void **state)
{
    (void)state;
    wr(THR, 'h');
    wr(THR, 'i');
    /* A 32-bit store to THR sends its low byte (QEMU accepts it too). */
    assert_int_equal(uart_ops.write(&u, THR, 4, 0x1234560Au), 0);
    assert_int_equal(uart_ops.write(&u, THR, 2, 0x0021u), 0);
    assert_int_equal(ntx, 4);
    assert_memory_equal(tx, "hi\n!", 4);
    assert_true(u.tx_bytes == 4);
    /* Transmission is instant: the transmitter is always empty. */
    assert_int_equal(rd(LSR) & 0x60, 0x60);
}

static void test_receive(void **state)
{
    (void)state;
    assert_int_equal(rd(LSR) & 0x01, 0);   /* no data ready */
    assert_int_equal(rd(RBR), 0);          /* empty queue reads 0 */
    uart_push_input(&u, (const uint8_t *)"ok", 2);
    assert_int_equal(rd(LSR), 0x61);       /* DR | THRE | TEMT */
    assert_int_equal(rd(RBR), 'o');
    assert_int_equal(rd(LSR) & 0x01, 1);
    assert_int_equal(rd(RBR), 'k');
    assert_int_equal(rd(LSR), 0x60);
    /* A wide read returns the one register, zero-extended. */
    uart_push_input(&u, (const uint8_t *)"Z", 1);
    uint32_t v = 0;
    assert_int_equal(uart_ops.read(&u, RBR, 4, &v), 0);
    assert_int_equal(v, 'Z');
}

static void test_receive_overflow_and_wrap(void **state)
{
    (void)state;
    uint8_t chunk[1000];
    /* Push and drain across the ring's end several times. */
    for (int round = 0; round < 10; round++) {
        for (size_t i = 0; i < sizeof chunk; i++)
            chunk[i] = (uint8_t)(i + (size_t)round);
        uart_push_input(&u, chunk, sizeof chunk);
        for (size_t i = 0; i < sizeof chunk; i++)
            assert_int_equal(rd(RBR), (uint8_t)(i + (size_t)round));
    }
    /* Beyond UART_RX_QUEUE bytes the excess is dropped. */
    for (int i = 0; i < 5; i++)
        uart_push_input(&u, chunk, sizeof chunk);
    assert_int_equal(u.rx_count, UART_RX_QUEUE);
    for (unsigned i = 0; i < UART_RX_QUEUE; i++)
        rd(RBR);
    assert_int_equal(rd(LSR) & 0x01, 0);
}

static void test_divisor_latch(void **state)
{
    (void)state;
    wr(IER, 0x05);
    wr(LCR, 0x83);              /* DLAB on, 8N1 */
    wr(DLL, 0x0C);
    wr(DLM, 0x00);
    assert_int_equal(rd(DLL), 0x0C);
    assert_int_equal(rd(DLM), 0x00);
    assert_int_equal(ntx, 0);   /* DLL writes are not transmitted */
    wr(LCR, 0x03);              /* DLAB off */
    assert_int_equal(rd(LCR), 0x03);
    assert_int_equal(rd(IER), 0x05);   /* IER survived the divisor writes */
    wr(IER, 0xFF);
    assert_int_equal(rd(IER), 0x0F);   /* bits 7:4 are reserved */
    wr(THR, 'x');
    assert_int_equal(ntx, 1);
}

static void test_fifo_and_iir(void **state)
{
    (void)state;
    assert_int_equal(rd(IIR), 0x01);   /* no interrupt pending, FIFOs off */
    wr(FCR, 0x07);                     /* enable + clear both */
    assert_int_equal(rd(IIR), 0xC1);   /* FIFO-enabled bits */
    uart_push_input(&u, (const uint8_t *)"abc", 3);
    wr(IER, 0x01);                     /* received data interrupt */
    assert_int_equal(rd(IIR), 0xC4);
    wr(FCR, 0x03);                     /* clear the receive FIFO */
    assert_int_equal(rd(LSR) & 0x01, 0);
    assert_int_equal(rd(IIR), 0xC1);
    wr(IER, 0x02);                     /* THR empty interrupt */
    assert_int_equal(rd(IIR), 0xC2);
    uart_push_input(&u, (const uint8_t *)"d", 1);
    wr(IER, 0x03);                     /* received data takes priority */
    assert_int_equal(rd(IIR), 0xC4);
}

static void test_scratch_mcr_msr(void **state)
{
    (void)state;
    wr(SCR, 0x5A);
    assert_int_equal(rd(SCR), 0x5A);
    assert_int_equal(rd(MCR), 0x08);   /* OUT2 after reset, as on QEMU */
    assert_int_equal(rd(MSR), 0xB0);   /* DCD | DSR | CTS with nothing attached */
    wr(MCR, 0xFF);
    assert_int_equal(rd(MCR), 0x1F);
    /* Loopback: DTR->DSR, RTS->CTS, OUT1->RI, OUT2->DCD. */
    wr(MCR, 0x10 | 0x01 | 0x04);
    assert_int_equal(rd(MSR), 0x20 | 0x40);
    /* Loopback: transmitted bytes come back to the receiver, not out. */
    wr(THR, 'L');
    assert_int_equal(ntx, 0);
    assert_int_equal(rd(LSR) & 0x01, 1);
    assert_int_equal(rd(RBR), 'L');
    /* Status registers ignore writes. */
    wr(LSR, 0);
    wr(MSR, 0);
    assert_int_equal(rd(LSR) & 0x60, 0x60);
}

static void test_faults(void **state)
{
    (void)state;
    uint32_t v;
    assert_int_equal(uart_ops.read(&u, 8, 1, &v), -1);
    assert_int_equal(uart_ops.write(&u, 0xFF, 1, 0), -1);
    assert_int_equal(uart_ops.read(&u, 0, 8, &v), -1);
    assert_int_equal(ntx, 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup(test_transmit, setup),
        cmocka_unit_test_setup(test_receive, setup),
        cmocka_unit_test_setup(test_receive_overflow_and_wrap, setup),
        cmocka_unit_test_setup(test_divisor_latch, setup),
        cmocka_unit_test_setup(test_fifo_and_iir, setup),
        cmocka_unit_test_setup(test_scratch_mcr_msr, setup),
        cmocka_unit_test_setup(test_faults, setup),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
