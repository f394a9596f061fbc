// Solution of exercise 01-why-hard/join (Concurrency in Go, chapter 1, "Race
// Conditions", and race_join.c): a WaitGroup joins the goroutine before the
// read. Done happens before Wait returns, so the increment comes before the
// read on every run: no data race and no race condition.
// expect: ok
#include "go.h"

#include "join.h"

GO_FUNC(increment, int *, data, go_waitgroup *, wg) {
  *data = add_one(*data);
  go_wg_done(wg); // Go: defer wg.Done()
}

int incremented(int *data) {
  go_waitgroup wg = {0};
  go_wg_add(&wg, 1);
  go(increment, data, &wg);
  go_wg_wait(&wg); // the join
  return *data;
}
