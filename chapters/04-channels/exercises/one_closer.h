/* one_closer.h: the interface of exercise 04-channels/one_closer. */
#ifndef ONE_CLOSER_H
#define ONE_CLOSER_H

#include "go.h"

/* The student's: starts one worker per job in jobs[0..n-1]; each sends
 * work(job) on the returned channel (chan int), which is closed once every
 * worker has sent. The caller only reads it, with a range loop. */
go_chan *run_workers(const int *jobs, int n);

/* The test's: one worker's work. */
int work(int job);

#endif
