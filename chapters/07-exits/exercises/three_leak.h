/* three_leak.h: the interface of exercise 07-exits/three_leak, shared by
 * the student's three_leak.c and the instructor's three_leak_test.c. */
#ifndef THREE_LEAK_H
#define THREE_LEAK_H

#include "go.h"

/* Three goroutines; the fields are the student's (three_leak.c). */
typedef struct Pipeline Pipeline;

/* Written by the student. pipeline_start starts a producer of 1..n, a
 * squarer that sends their squares on the channel it returns in *squares
 * (closed after the last), and a logger that writes a line for each number
 * produced and each square sent, and one when the producer is done.
 * pipeline_stop, called once *squares is closed, returns when all three
 * goroutines have returned and every line is written. */
Pipeline *pipeline_start(int n, go_chan **squares);
void pipeline_stop(Pipeline *p);

/* Supplied by the test: the logger writes each line with log_line; each
 * goroutine calls exited(its name) as the last thing it does. */
void log_line(const char *what, int v);
void exited(const char *who);

#endif
