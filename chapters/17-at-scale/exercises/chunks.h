/* chunks.h: the interface of exercise 17-at-scale/chunks, shared by the
 * student's chunks.c and the instructor's chunks_test.c: a pipeline stage
 * with a long calculation, as in the chapter's cancel_long_calc.c. */
#ifndef CHUNKS_H
#define CHUNKS_H

#include "go.h"

/* Written by the student (chunks.c): starts a stage that, for each value v
 * it receives from valueStream (chan int), sends the calculation's result
 * v + 5 on the channel it returns (chan int), and that stops soon after
 * done is closed, closing that channel as it goes. */
go_chan *Stage(go_chan *done, go_chan *valueStream);

/* Supplied by the test: one chunk of the calculation, 500ms of work that
 * adds 1. The calculation is five chunks. */
int longCalculation(int value);

#endif
