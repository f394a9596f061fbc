// Test of exercise 03-sync/readers: first, pairs of readers that must be
// looking at the table at the same time (each waits in reading() for the
// other); then two writers and four readers at once, checked for races and
// for what they read.
// goal: Let readers look at the table together, writers alone, with no race.
// hint: The dump shows a reader waiting in reading() and another waiting for
//   the lock. Who holds the lock, and what is that one waiting for?
// hint2: A Mutex lets one goroutine in at a time, whatever it does there.
// hint3: chapter 03's readers table: a lock with a shared mode for readers.
#include "go.h"

#include "extest.h"
#include "readers.h"

static atomic_bool pairing; // readers wait for each other only while set
static atomic_int inside;   // readers now in reading()
static go_chan *both_in;    // closed when two readers are in

void reading(void) {
  if (!atomic_load(&pairing))
    return;
  if (atomic_fetch_add(&inside, 1) + 1 == 2)
    go_close(both_in);
  // A deadlock here: the other reader could not get in while this one held
  // the table.
  go_recv(both_in, NULL);
}

GO_FUNC(reader, table *, t, int, key, int *, got, go_waitgroup *, wg) {
  if (!table_get(t, key, got))
    *got = -1;
  go_wg_done(wg);
}

GO_FUNC(writer, table *, t, int, key, int, value, go_waitgroup *, wg) {
  table_put(t, key, value);
  go_wg_done(wg);
}

static void pair_of_readers(table *t, int key, int want) {
  atomic_store(&inside, 0);
  both_in = go_make_chan(char, 0);
  atomic_store(&pairing, true);
  int got[2] = {0, 0};
  go_waitgroup wg = {0};
  go_wg_add(&wg, 2);
  go(reader, t, key, &got[0], &wg);
  go(reader, t, key, &got[1], &wg);
  go_wg_wait(&wg);
  atomic_store(&pairing, false);
  ex_check(got[0] == want && got[1] == want,
           "two readers of key %d, looking together, both read %d (got %d, "
           "%d)",
           key, want, got[0], got[1]);
}

int main(void) {
  static table t;
  table_put(&t, 1, 10);
  table_put(&t, 2, 20);
  pair_of_readers(&t, 1, 10);
  pair_of_readers(&t, 3, -1);

  go_waitgroup wg = {0};
  int got[4] = {0};
  go_wg_add(&wg, 6);
  go(writer, &t, 2, 21, &wg);
  go(writer, &t, 3, 30, &wg);
  for (int i = 0; i < 4; i++)
    go(reader, &t, 1 + i % 3, &got[i], &wg);
  go_wg_wait(&wg);
  ex_check(got[0] == 10 && got[3] == 10,
           "readers of key 1, next to the writers, read 10 (got %d, %d)",
           got[0], got[3]);
  ex_check((got[1] == 20 || got[1] == 21) && (got[2] == -1 || got[2] == 30),
           "readers of keys 2 and 3 read the old or the new value (got %d, "
           "%d)",
           got[1], got[2]);
  int v2 = 0, v3 = 0;
  ex_check(table_get(&t, 2, &v2) && v2 == 21 && table_get(&t, 3, &v3) &&
               v3 == 30,
           "afterwards key 2 holds 21 and key 3 holds 30 (got %d, %d)", v2, v3);
  return ex_done();
}
