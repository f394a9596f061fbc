/* schedule.h: the interface of exercise 09-scheduler/schedule, shared by
 * the student's schedule.c and the instructor's schedule_test.c. */
#ifndef SCHEDULE_H
#define SCHEDULE_H

#include "go.h"

/* Go's call is a func value, a closure; C spells it as a function plus the
 * environment it closes over. */
typedef struct Call {
  void (*fn)(void *env, const char *srv, int task);
  void *env;
} Call;

/* Written by the student (schedule.c): runs tasks 0..numTask-1, each
 * exactly once, each on a server taken from servers (a server runs one
 * task at a time); returns when all are done, every goroutine it started
 * on its way out. */
void Schedule(go_chan *servers, int numTask, Call call);

/* Supplied by the test: Schedule shows it the work and done channels it
 * made, once, before it starts the servers. The test checks them: the
 * exercise is to make Schedule finish without a buffer as big as the task
 * list, the unbounded queue that only hides a missing receiver. */
void show_channels(go_chan *work, go_chan *done);

#endif
