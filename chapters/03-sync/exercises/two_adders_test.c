// two_adders_test.c: the test of exercise 03-sync/two_adders (the student
// does not edit it; grading uses the instructor's copy).
// goal: Two adders put five items each into a queue of two; the queue must
//   never hold three, on any seed.
// hint: When Wait returns, what do you know about the queue? Only that
//   someone called Broadcast or Signal at some point.
// hint2: Between the Broadcast and the moment a woken adder holds the lock
//   again, the other adder may have taken the free slot.
// hint3: Check the condition again after every wake-up, and wait again if
//   it still does not hold: a loop, not an `if` (Signal instead of
//   Broadcast does not remove the need).
// explore: pct
#include <stdio.h>

#include "extest.h"
#include "go.h"
#include "two_adders.h"

enum { ITEMS = 5, ADDERS = 2 };

static int puts_, takes, overfull, underfull, unlocked, max_len;

static void check_locked(queue *q) {
  if (go_mutex_trylock(&q->mu)) { // free: the caller did not hold it
    unlocked++;
    go_mutex_unlock(&q->mu);
  }
}

void put_item(queue *q, const char *who) {
  check_locked(q);
  if (q->len >= QUEUE_CAP)
    overfull++;
  q->len++;
  puts_++;
  if (q->len > max_len)
    max_len = q->len;
  printf("%s: added, queue holds %d\n", who, q->len);
}

void take_item(queue *q) {
  check_locked(q);
  if (q->len <= 0)
    underfull++;
  q->len--;
  takes++;
  printf("removed, queue holds %d\n", q->len);
}

static go_waitgroup wg; // adders and removers

GO_FUNC(remover, queue *, q, go_duration, delay) {
  go_sleep(delay);
  remove_one(q);
  go_wg_done(&wg);
}

GO_FUNC(adder, queue *, q, const char *, who) {
  for (int i = 0; i < ITEMS; i++) {
    add(q, who);
    go_wg_add(&wg, 1);
    go(remover, q, 1 * GO_SECOND);
  }
  go_wg_done(&wg);
}

int main(void) {
  queue q = {0};
  q.c = go_cond_make(go_mutex_locker(&q.mu));
  go_wg_add(&wg, ADDERS);
  go(adder, &q, "A");
  go(adder, &q, "B");
  go_wg_wait(&wg);

  ex_check(overfull == 0 && max_len <= QUEUE_CAP,
           "the queue never held more than %d items (at most %d; %d put(s) "
           "into a full queue)",
           QUEUE_CAP, max_len, overfull);
  ex_check(puts_ == ADDERS * ITEMS && takes == ADDERS * ITEMS,
           "every item was added and removed (%d put(s), %d take(s), want %d)",
           puts_, takes, ADDERS * ITEMS);
  ex_check(unlocked == 0 && underfull == 0,
           "the queue was changed only under its lock (%d time(s) without)",
           unlocked);
  return ex_done();
}
