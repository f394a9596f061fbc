/* wg_add.h: the interface of exercise 07-exits/wg_add, shared by the
 * student's wg_add.c and the instructor's wg_add_test.c. */
#ifndef WG_ADD_H
#define WG_ADD_H

#include "go.h"

/* Written by the student. run_workers starts n goroutines, worker i
 * calling work(i), and returns only once every one of them has finished
 * its work. */
void run_workers(int n);

/* Supplied by the test: one worker's job; it takes a while. */
void work(int i);

#endif
