// rand_stream.h: the interface of the rand_stream exercise, shared by the
// student's rand_stream.c and the instructor's rand_stream_test.c.
#ifndef RAND_STREAM_H
#define RAND_STREAM_H

#include "go.h"

// Returns a channel of long (Go: <-chan int) on which a goroutine sends
// randInt() values, one after another, until done is closed; then that
// goroutine closes the channel, calls randStreamExited() and returns.
go_chan *newRandStream(go_chan *done);

// Supplied by the test: rand.Int(), and the book's deferred
// fmt.Println("newRandStream closure exited.").
long randInt(void);
void randStreamExited(void);

#endif
