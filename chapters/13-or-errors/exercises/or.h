// or.h: the interface of the or exercise, shared by the student's or.c and
// the instructor's or_test.c.
#ifndef OR_H
#define OR_H

#include "go.h"

// Returns a channel (Go: <-chan interface{}) that closes as soon as any of
// the n channels closes, and only then; with n == 0, nil. The caller's array
// is its own: it may be changed once Or has returned. When the result has
// closed, no goroutine Or started may be left waiting.
go_chan *Or(go_chan **channels, int n);

#endif
