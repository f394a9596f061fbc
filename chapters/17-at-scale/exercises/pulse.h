/* pulse.h: the interface of exercise 17-at-scale/pulse, shared by the
 * student's pulse.c and the instructor's pulse_test.c: the book's DoWork
 * with a heartbeat at the start of each unit of work (the chapter's
 * heartbeat_per_unit.c and heartbeat_test.c). */
#ifndef PULSE_H
#define PULSE_H

#include "go.h"

typedef struct Streams {
  go_chan *heartbeat; /* chan struct{} (element size 0) */
  go_chan *results;   /* chan int */
} Streams;

/* Written by the student (pulse.c): starts a goroutine that sends nums[0],
 * nums[1], ... on results, beating on heartbeat as it starts each one, and
 * closes both channels when it is done or when done is closed. Whoever
 * reads results may read the heartbeat as often as it likes, or not at
 * all. */
Streams DoWork(go_chan *done, const int *nums, int n);

#endif
