/* quoter_exit.h: the interface of exercise 06-state/quoter_exit, shared by
 * the student's quoter_exit.c and the instructor's quoter_exit_test.c. */
#ifndef QUOTER_EXIT_H
#define QUOTER_EXIT_H

#include "go.h"

#include <stdint.h>

typedef int32_t rune;

typedef enum { NeedMoreInput, BadInput, Success } Status;

/* A quoted-string validator run by a parser goroutine; its fields are the
 * student's (quoter_exit.c). */
typedef struct quoter quoter;

/* Written by the student. quoter_new starts the parser goroutine;
 * quoter_write feeds it one character and returns the parser's answer (after
 * the verdict, the verdict again); quoter_close ends an unfinished parse and
 * returns only once the parser goroutine has returned (or at once if it
 * already has). */
quoter *quoter_new(void);
Status quoter_write(quoter *q, rune c);
void quoter_close(quoter *q);

/* Supplied by the test: the parser goroutine calls it as the last thing it
 * does, on every way out. */
void parser_exited(void);

#endif
