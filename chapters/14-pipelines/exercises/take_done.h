/* take_done.h: the interface of exercise 14-pipelines/take_done, shared by
 * the student's take_done.c and the instructor's take_done_test.c. */
#ifndef TAKE_DONE_H
#define TAKE_DONE_H

#include "go.h"

/* Written by the student (take_done.c): returns a chan int carrying the
 * first num values of valueStream (a chan int), closed after them, or
 * earlier: as soon as done is closed, or when valueStream is closed. */
go_chan *take(go_chan *done, go_chan *valueStream, int num);

#endif
