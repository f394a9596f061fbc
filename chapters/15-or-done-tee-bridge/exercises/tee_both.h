/* tee_both.h: the interface of exercise 15-or-done-tee-bridge/tee_both, shared
 * by the student's tee_both.c and the instructor's tee_both_test.c. */
#ifndef TEE_BOTH_H
#define TEE_BOTH_H

#include "go.h"

/* Written by the student (tee_both.c): makes *out1 and *out2 (unbuffered chans
 * of int) and starts a goroutine that sends every value of in to both, in
 * either order, before reading the next; closes both when in closes or
 * done closes. */
void tee(go_chan *done, go_chan *in, go_chan **out1, go_chan **out2);

#endif
