/* result_chan.h: the interface of exercise 10-replicated-client/result_chan,
 * shared by the student's result_chan.c and the instructor's
 * result_chan_test.c. */
#ifndef RESULT_CHAN_H
#define RESULT_CHAN_H

#include "go.h"

typedef int Args;
typedef struct Reply {
  const char *from; /* which server answered */
  Args args;        /* the request it answers */
} Reply;

/* Go's callOne is a func value, a closure: a function plus its environment. */
typedef struct CallOne {
  Reply (*fn)(void *env, const char *srv, Args args);
  void *env;
} CallOne;

/* Written by the student (result_chan.c): asks servers[0], then, each time
 * a one-second timeout passes without a reply, the next one too; returns the
 * first reply. Every goroutine it starts returns once its server answers. */
Reply Call(const char **servers, int nservers, CallOne callOne, Args args);

/* Supplied by the test: each goroutine that asks a server calls it as the
 * last thing it does. */
void asker_exited(void);

#endif
