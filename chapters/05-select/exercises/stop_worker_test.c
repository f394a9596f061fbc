// Test of exercise 05-select/stop_worker: done is closed 10ms after the
// first unit of work has begun, then 25ms after; each time the worker must
// have counted its units and stopped within a unit or two of the close.
// goal: Make work_until work until done is closed, and stop soon after.
// hint: When does a select with one case return? And one with a default?
// hint2: The select should look at done and go on at once if it is open.
// hint3: A select with a default case only looks: it never waits.
#include "go.h"

#include <stdlib.h>

#include "extest.h"
#include "stop_worker.h"

static atomic_int units;          // calls of work
static atomic_int after;          // of them, begun after done was closed
static atomic_bool closed;        // done has been closed
static _Atomic go_time closed_at; // when
static go_chan *working;          // closed when the first unit begins

void work(void) {
  if (atomic_fetch_add(&units, 1) == 0)
    go_close(working);
  if (atomic_load(&closed) && atomic_fetch_add(&after, 1) == 50) {
    ex_check(false, "work_until stops within 50 units after done is closed");
    exit(ex_done());
  }
  go_sleep(GO_MILLISECOND);
}

GO_FUNC(closer, go_chan *, started, go_chan *, done, go_duration, after_d) {
  go_recv(started, NULL); // a deadlock here: work was never called
  go_sleep(after_d);
  atomic_store(&closed_at, go_now());
  atomic_store(&closed, true);
  go_close(done);
}

static void run(int ms) {
  go_chan *done = go_make_chan(char, 0);
  working = go_make_chan(char, 0);
  atomic_store(&units, 0);
  atomic_store(&after, 0);
  atomic_store(&closed, false);
  go(closer, working, done, ms * GO_MILLISECOND);
  int got = work_until(done);
  go_duration late = go_since(atomic_load(&closed_at));
  ex_check(got == atomic_load(&units),
           "work_until reports the units it did (%d, work was called %d "
           "times)",
           got, atomic_load(&units));
  ex_check(atomic_load(&closed) && late <= 3 * GO_MILLISECOND,
           "done closed %dms into the work: work_until returned within 3ms "
           "of the close (%s, %lldus after it)",
           ms, atomic_load(&closed) ? "closed" : "not closed yet",
           (long long)(late / GO_MICROSECOND));
}

int main(void) {
  run(10);
  run(25);
  return ex_done();
}
