/* two_adders.h: the interface of exercise 03-sync/two_adders, shared by the
 * student's two_adders.c and the instructor's two_adders_test.c. */
#ifndef TWO_ADDERS_H
#define TWO_ADDERS_H

#include "go.h"

enum { QUEUE_CAP = 2 }; /* the queue holds at most two items */

typedef struct queue {
  go_mutex mu;
  go_cond c; /* c.L is &mu: "the queue changed" */
  int len;
} queue;

/* Written by the student (two_adders.c). add waits until the queue has
 * room, then puts one item in it; remove_one takes one item out and tells
 * the waiting adders. Both hold q->c.L while they touch the queue. */
void add(queue *q, const char *who);
void remove_one(queue *q);

/* Supplied by the test: put_item and take_item change q->len and check
 * that the caller holds the lock and that the queue has room (or an item). */
void put_item(queue *q, const char *who);
void take_item(queue *q);

#endif
