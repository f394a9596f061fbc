/* idle_servers.h: the interface of exercise 09-scheduler/idle_servers,
 * shared by the student's idle_servers.c and the instructor's
 * idle_servers_test.c. */
#ifndef IDLE_SERVERS_H
#define IDLE_SERVERS_H

#include "go.h"

/* Go's call is a func value, a closure; C spells it as a function plus the
 * environment it closes over. */
typedef struct Call {
  void (*fn)(void *env, const char *srv, int task);
  void *env;
} Call;

/* Written by the student (idle_servers.c): runs tasks 0..numTask-1, each
 * exactly once, on the nservers servers (a server runs one task at a
 * time), and returns when all are done. */
void Schedule(const char **servers, int nservers, int numTask, Call call);

#endif
