/* fgh_exit.h: the interface of exercise 07-exits/fgh_exit, shared by the
 * student's fgh_exit.c and the instructor's fgh_exit_test.c. */
#ifndef FGH_EXIT_H
#define FGH_EXIT_H

#include "go.h"

/* The goroutines of profile.c; the fields are the student's (fgh_exit.c). */
typedef struct Workers Workers;

/* Written by the student. start_workers starts n goroutines, each running
 * f -> g -> h, which sends 1 on c and calls f again; stop_workers tells them
 * all to stop and returns only once every one has returned. */
Workers *start_workers(go_chan *c, int n);
void stop_workers(Workers *w);

/* Supplied by the test: each goroutine calls it as the last thing it does. */
void worker_exited(void);

#endif
