/* steward.h: the interface of exercise 17-at-scale/steward, shared by the
 * student's steward.c and the instructor's steward_test.c: the book's
 * steward (the chapter's steward.h), which starts a ward, watches its
 * heartbeat and restarts it when no beat comes within the timeout. */
#ifndef EX_STEWARD_H
#define EX_STEWARD_H

#include "go.h"

/* Starts a ward that stops when `done` is closed; returns its heartbeat,
 * on which it beats about every pulseInterval while it is healthy. */
typedef go_chan *(*startWardFn)(go_chan *done, go_duration pulseInterval);

/* Written by the student (steward.c): starts the steward's goroutine and
 * returns the steward's own heartbeat, which it closes when done closes.
 * The steward gives each ward timeout/2 as its pulse interval and restarts
 * it when no beat came for `timeout`. */
go_chan *StartSteward(go_duration timeout, startWardFn startWard, go_chan *done,
                      go_duration pulseInterval);

/* Supplied by the test. orDone: a channel closed when a or b is closed (the
 * or-channel). restarting: the steward calls it each time it gives up on a
 * ward, just before it stops it. */
go_chan *orDone(go_chan *a, go_chan *b);
void restarting(void);

#endif
