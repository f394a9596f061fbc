/* counter.h: the interface of exercise 03-sync/counter. */
#ifndef COUNTER_H
#define COUNTER_H

/* The student's: called by many goroutines at once. */
void increment(void);
void decrement(void);
/* The count, read by the test once every goroutine has finished. */
int count_now(void);

#endif
