// do_work.h: the interface of the do_work exercise, shared by the student's
// do_work.c and the instructor's do_work_test.c.
#ifndef DO_WORK_H
#define DO_WORK_H

#include "go.h"

// Starts a goroutine that calls handle(s) for every string received on
// strings (a channel of const char *; it may be nil), and returns a channel
// (Go: <-chan interface{}) that the goroutine closes as it returns. It
// returns when strings is closed and drained, or when done is closed.
go_chan *doWork(go_chan *done, go_chan *strings);

// Supplied by the test: the book's "Do something interesting".
void handle(const char *s);

#endif
