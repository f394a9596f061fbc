/* replicas.h: the interface of exercise 17-at-scale/replicas, shared by
 * the student's replicas.c and the instructor's replicas_test.c: replicated
 * requests, as in the chapter's replicated.c. */
#ifndef REPLICAS_H
#define REPLICAS_H

#include "go.h"

/* Written by the student (replicas.c): sends one request to n replicas at
 * once and returns the id of the first to answer. When it returns, the
 * other replicas have been told to stop, and every goroutine it started
 * has finished. */
int FirstAnswer(int n);

/* Supplied by the test: replica `id` works on the request for a while
 * (each replica has its own load) and returns its answer, its id; if done
 * is closed first, it stops at once and returns -1. */
int handle(go_chan *done, int id);

#endif
