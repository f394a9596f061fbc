/* stop_worker.h: the interface of exercise 05-select/stop_worker. */
#ifndef STOP_WORKER_H
#define STOP_WORKER_H

#include "go.h"

/* The student's: calls work() over and over until done is closed, looking
 * at done between two units without waiting on it; returns how many units
 * it did. */
int work_until(go_chan *done);

/* The test's: one unit of work; it takes a millisecond. */
void work(void);

#endif
