/* helper_select.h: the interface of exercise 08-pubsub/helper_select, shared by
 * the student's helper_select.c and the instructor's
 * helper_select_test.c. */
#ifndef HELPER_SELECT_H
#define HELPER_SELECT_H

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
