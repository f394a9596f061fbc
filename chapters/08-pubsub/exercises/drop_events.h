/* drop_events.h: the interface of exercise 08-pubsub/drop_events, shared by
 * the student's drop_events.c and the instructor's drop_events_test.c. */
#ifndef DROP_EVENTS_H
#define DROP_EVENTS_H

#include "go.h"

typedef int Event;

enum {
  MAXQUEUE = 16
}; /* the most events a helper may hold for its
    * subscriber */

/* Written by the student: starts the helper goroutine of one subscriber. It
 * receives events from in and sends them on out, in the order they came,
 * never making the sender on in wait for the subscriber; when in is closed
 * it sends what it still holds, stores in *dropped how many events it
 * dropped, and closes out. */
void start_helper(go_chan *in, go_chan *out, long *dropped);

#endif
