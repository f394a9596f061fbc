/* fanin_once.h: the interface of exercise 14-pipelines/fanin_once, shared by
 * the student's fanin_once.c and the instructor's fanin_once_test.c. */
#ifndef FANIN_ONCE_H
#define FANIN_ONCE_H

#include "go.h"

/* Written by the student (fanin_once.c): returns a channel of ints that
 * carries every value of the n input channels (each a chan int) and is
 * closed exactly once, after every input is drained, or as soon as done is
 * closed. No goroutine of fanIn's may outlive that. */
go_chan *fanIn(go_chan *done, go_chan **channels, int n);

#endif
