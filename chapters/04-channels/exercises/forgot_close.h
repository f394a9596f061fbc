/* forgot_close.h: the interface of exercise 04-channels/forgot_close. */
#ifndef FORGOT_CLOSE_H
#define FORGOT_CLOSE_H

#include "go.h"

/* The student's: returns the read side of a channel (chan const char *) on
 * which a goroutine it starts sends words[0..n-1]; the caller reads it with
 * `for w := range c` and never writes to it or closes it. */
go_chan *word_stream(const char *const *words, int n);

#endif
