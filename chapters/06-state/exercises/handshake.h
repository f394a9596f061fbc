/* handshake.h: the interface of exercise 06-state/handshake, shared by
 * the student's handshake.c and the instructor's handshake_test.c. */
#ifndef HANDSHAKE_H
#define HANDSHAKE_H

#include "go.h"

#include <stdint.h>

typedef int32_t rune;

typedef enum { NeedMoreInput, BadInput, Success } Status;

/* A quoted-string validator run by a parser goroutine; its fields are the
 * student's (handshake.c). */
typedef struct quoter quoter;

/* Written by the student. quoter_new starts the parser goroutine;
 * quoter_write feeds it one character and returns its status: NeedMoreInput
 * until the verdict, then the verdict. No Write follows the verdict. */
quoter *quoter_new(void);
Status quoter_write(quoter *q, rune c);

#endif
