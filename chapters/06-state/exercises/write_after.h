/* write_after.h: the interface of exercise 06-state/write_after, shared by
 * the student's write_after.c and the instructor's write_after_test.c. */
#ifndef WRITE_AFTER_H
#define WRITE_AFTER_H

#include "go.h"

#include <stdint.h>

typedef int32_t rune;

typedef enum { NeedMoreInput, BadInput, Success } Status;

/* A quoted-string validator run by a parser goroutine; its fields are the
 * student's (write_after.c). */
typedef struct quoter quoter;

/* Written by the student. quoter_new starts the parser goroutine;
 * quoter_write feeds it one character and returns its status: NeedMoreInput
 * until the verdict, then the verdict, for every character written after
 * it too. */
quoter *quoter_new(void);
Status quoter_write(quoter *q, rune c);

#endif
