/* helper_exit.h: the interface of exercise 08-pubsub/helper_exit, shared by
 * the student's helper_exit.c and the instructor's
 * helper_exit_test.c. */
#ifndef HELPER_EXIT_H
#define HELPER_EXIT_H

#include "go.h"

typedef int Event;

enum {
  MAXQUEUE = 16
}; /* the most events a helper may hold for its
    * subscriber */

/* Written by the student: starts the helper goroutine of one subscriber. It
 * receives events from in and sends them on out, in the order they came,
 * never making the sender on in wait for the subscriber; when in is closed
 * it sends what it still holds, closes out and returns. */
void start_helper(go_chan *in, go_chan *out);

#endif
