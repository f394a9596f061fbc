/* join.h: the interface of exercise 01-why-hard/join. */
#ifndef JOIN_H
#define JOIN_H

/* The student's: starts a goroutine that sets *data = add_one(*data), and
 * returns *data as it is after that goroutine's write. */
int incremented(int *data);

/* The test's: the goroutine's work (it also records who did it). */
int add_one(int x);

#endif
