// Cancellation with the update made at the end (the book's advice for
// "Modifying Global State"): fulfil still checks each item at the warehouse,
// and still looks at done before each one, but it only notes what it will
// take. The inventory changes once, after the last check, under one lock and
// with no cancellation point inside: cancelled at 500ms, fulfil leaves the
// inventory as it was; left alone, it takes the whole order. The check at
// the end holds both to all or nothing.
// time: exact
// expect: ok
// hint: Make a change to shared state all at once, or roll it back on cancel.
#include "go.h"

#include <stdio.h>

enum { NITEMS = 3 };

typedef struct Inventory {
  go_mutex mu;
  int stock[NITEMS];
} Inventory;

static void checkWarehouse(int item) {
  (void)item;
  go_sleep(300 * GO_MILLISECOND);
}

GO_FUNC(fulfil, go_chan *, done, Inventory *, inv, const int *, order,
        go_waitgroup *, wg) {
  int take[NITEMS] = {0}; /* the changes to make, made at the end */
  for (int item = 0; item < NITEMS; item++) {
    switch (go_select_default(go_recv_case(done, NULL))) {
    case 0:
      printf("fulfil: cancelled before item %d\n", item);
      go_wg_done(wg);
      return;
    default:
      break;
    }
    checkWarehouse(item);
    take[item] = order[item];
  }
  go_mutex_lock(&inv->mu); /* every change at once */
  for (int item = 0; item < NITEMS; item++)
    inv->stock[item] -= take[item];
  go_mutex_unlock(&inv->mu);
  printf("fulfil: order taken\n");
  go_wg_done(wg);
}

int main(void) {
  Inventory inv = {.stock = {10, 10, 10}};
  static const int order[NITEMS] = {1, 2, 3};
  go_chan *done = go_chan_make(0, 0);
  go_waitgroup wg = {0};
  go_wg_add(&wg, 1);
  go(fulfil, done, &inv, order, &wg);
  go_sleep(500 * GO_MILLISECOND); /* the customer gives up */
  go_close(done);
  go_wg_wait(&wg);

  int taken = 0; /* the check: all of the order or none of it */
  for (int item = 0; item < NITEMS; item++) {
    printf("item %d: %d left\n", item, inv.stock[item]);
    taken += inv.stock[item] != 10;
  }
  if (taken != 0 && taken != NITEMS) {
    printf("FAIL: %d of %d items taken: the order is half done\n", taken,
           NITEMS);
    return 1;
  }
  return 0;
}
