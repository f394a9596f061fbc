/* or_done_stop.h: the interface of exercise 15-or-done-tee-bridge/or_done_stop,
 * shared by the student's or_done_stop.c and the instructor's
 * or_done_stop_test.c. */
#ifndef OR_DONE_STOP_H
#define OR_DONE_STOP_H

#include "go.h"

/* Written by the student (or_done_stop.c): returns an unbuffered chan int that
 * carries the values of c (a chan int) in order, and is closed when c is
 * closed or as soon as done is closed, whatever orDone is waiting for. */
go_chan *orDone(go_chan *done, go_chan *c);

#endif
