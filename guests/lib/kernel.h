/*
 * kernel.h — everything a guest kernel includes: the runtime (klib.h), the
 * arch layer for privileged operations, traps, SBI, console, page tables and
 * the page allocator.
 */
#ifndef GUEST_KERNEL_H
#define GUEST_KERNEL_H

#include <stdint.h>

#include "trapeze_abi.h"
#include "riscv.h"
#include "klib.h"
#include "arch.h"
#include "trap.h"
#include "sbi.h"
#include "console.h"
#include "palloc.h"
#include "pt.h"
#include "uart.h"

#endif
