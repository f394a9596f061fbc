// Concurrency in Go, ch. 4, "The context Package": the book's starting
// point, with a done channel. Two goroutines print a greeting and a
// farewell; each asks locale, which takes a minute (time.After, on the
// virtual clock here) unless done closes first. Both print after one
// minute. A done channel can say "stop", but not why, and not "stop in a
// second": the context versions add both.
// expect: ok
// hint: A done channel cancels; it cannot carry a reason or a deadline.
#include "go.h"

#include <stdio.h>
#include <string.h>

typedef const char *error; // Go's error: NULL is nil

static error locale(go_chan *done, const char **out) {
  switch (go_select(go_recv_case(done, NULL),
                    go_recv_case(go_after(GO_MINUTE), NULL))) {
  case 0:
    return "canceled"; // fmt.Errorf("canceled")
  }
  *out = "EN/US";
  return NULL;
}

static error genGreeting(go_chan *done, const char **out) {
  const char *loc;
  error err = locale(done, &loc);
  if (err) // switch locale, err := locale(done); { case err != nil:
    return err;
  if (strcmp(loc, "EN/US") == 0) {
    *out = "hello";
    return NULL;
  }
  return "unsupported locale";
}

static error genFarewell(go_chan *done, const char **out) {
  const char *loc;
  error err = locale(done, &loc);
  if (err)
    return err;
  if (strcmp(loc, "EN/US") == 0) {
    *out = "goodbye";
    return NULL;
  }
  return "unsupported locale";
}

static error printGreeting(go_chan *done) {
  const char *greeting;
  error err = genGreeting(done, &greeting);
  if (err)
    return err;
  printf("%s world!\n", greeting);
  return NULL;
}

static error printFarewell(go_chan *done) {
  const char *farewell;
  error err = genFarewell(done, &farewell);
  if (err)
    return err;
  printf("%s world!\n", farewell);
  return NULL;
}

GO_FUNC(greet, go_chan *, done, go_waitgroup *, wg) {
  error err = printGreeting(done);
  if (err)
    printf("%s", err);
  go_wg_done(wg); // defer wg.Done()
}

GO_FUNC(farewell, go_chan *, done, go_waitgroup *, wg) {
  error err = printFarewell(done);
  if (err)
    printf("%s", err);
  go_wg_done(wg); // defer wg.Done()
}

int main(void) {
  go_waitgroup wg = {0};
  go_chan *done = go_make_chan(char, 0);
  go_wg_add(&wg, 1);
  go(greet, done, &wg);
  go_wg_add(&wg, 1);
  go(farewell, done, &wg);
  go_wg_wait(&wg);
  go_close(done); // defer close(done)
  return 0;
}
