/* jobs.h: the interface of exercise 02-goroutines/jobs. */
#ifndef JOBS_H
#define JOBS_H

/* The student's: starts one worker goroutine per job, all at once; each
 * worker calls square(job) and sends the result back; returns the sum. */
int sum_of_squares(const int *jobs, int n);

/* The test's: the work a worker does. It returns job * job once every
 * worker of the batch has arrived, so workers must run at the same time. */
int square(int job);

#endif
