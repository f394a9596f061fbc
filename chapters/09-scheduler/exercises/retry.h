/* retry.h: the interface of exercise 09-scheduler/retry, shared by the
 * student's retry.c and the instructor's retry_test.c. */
#ifndef RETRY_H
#define RETRY_H

#include "go.h"

/* Go's call is a func value, a closure; C spells it as a function plus the
 * environment it closes over. It reports whether the task succeeded. */
typedef struct Call {
  bool (*fn)(void *env, const char *srv, int task);
  void *env;
} Call;

/* Written by the student (retry.c): runs tasks 0..numTask-1 on servers
 * taken from servers (a channel nobody closes), each until it succeeds
 * once, a failed task given to whichever server is free next; returns when
 * every task has succeeded, and every goroutine it started returns too. */
void Schedule(go_chan *servers, int numTask, Call call);

#endif
