// bucket_test.c: the test of exercise 17-at-scale/bucket (the student does
// not edit it; grading uses the instructor's copy).
// goal: Make Wait let requests through at the bucket's pace however many
//   wait at once, refuse at once a request that would miss its deadline,
//   and never make Allow wait.
// hint: Look at the times the test prints: how many requests went out at
//   500ms, and how many tokens had the bucket earned by then?
// hint2: Between looking at the bucket and taking the token, Wait waits;
//   every caller that looked in the meantime saw the same empty bucket and
//   is waiting for the same token.
// hint3: Take the token before waiting for it (credit may go below zero:
//   that is a promise); the next caller then sees it gone and waits for
//   the one after. Waiting must not hold the lock.
// time: exact
// timeout: 10
#include "bucket.h"
#include "extest.h"
#include "go.h"

#include <stdio.h>

enum { NCLIENTS = 12, BURST = 3 };
#define EVERY (500 * GO_MILLISECOND)

void advance(Limiter *l, go_time now) {
  l->credit += go_time_sub(now, l->last);
  if (l->credit > l->burst * l->every)
    l->credit = l->burst * l->every;
  l->last = now;
}

bool Allow(Limiter *l) {
  go_mutex_lock(&l->mu);
  advance(l, go_now());
  bool ok = l->credit >= l->every;
  if (ok)
    l->credit -= l->every;
  go_mutex_unlock(&l->mu);
  return ok;
}

static go_time start;
static go_mutex mu; /* guards the record below */
static go_duration at[NCLIENTS];
static int n, errors;

GO_FUNC(client, Limiter *, l, go_waitgroup *, wg) {
  go_error err = Wait(l, go_background());
  go_mutex_lock(&mu);
  if (err != NULL)
    errors++;
  else
    at[n++] = go_since(start);
  go_mutex_unlock(&mu);
  go_wg_done(wg);
}

/* Another part of the program asks Allow while the clients wait. */
GO_FUNC(asker, Limiter *, l, go_duration *, answered, bool *, allowed,
        go_waitgroup *, wg) {
  go_sleep(1250 * GO_MILLISECOND);
  *allowed = Allow(l);
  *answered = go_since(start) - 1250 * GO_MILLISECOND;
  go_wg_done(wg);
}

/* A request that gives up after 1s, arriving behind the twelve. */
GO_FUNC(hurried, Limiter *, l, go_duration *, took, go_error *, err,
        go_waitgroup *, wg) {
  go_sleep(100 * GO_MILLISECOND);
  go_context *ctx = go_with_timeout(go_background(), GO_SECOND);
  go_time t0 = go_now();
  *err = Wait(l, ctx);
  *took = go_since(t0);
  go_cancel(ctx);
  go_wg_done(wg);
}

static bool keeps_pace(void) {
  for (int i = 0; i < n; i++) {
    go_duration want = i < BURST ? 0 : (i - BURST + 1) * EVERY;
    if (at[i] != want)
      return false;
  }
  return n == NCLIENTS;
}

int main(void) {
  start = go_now();
  Limiter l = {
      .every = EVERY, .burst = BURST, .credit = BURST * EVERY, .last = start};
  go_waitgroup wg = {0};
  go_duration answered = -1, took = -1;
  bool allowed = true;
  go_error hurriedErr = NULL;
  go_wg_add(&wg, NCLIENTS + 2);
  for (int i = 0; i < NCLIENTS; i++)
    go(client, &l, &wg);
  go(asker, &l, &answered, &allowed, &wg);
  go(hurried, &l, &took, &hurriedErr, &wg);
  go_wg_wait(&wg);

  printf("requests went out at:");
  for (int i = 0; i < n; i++)
    printf(" %s", GO_DUR(at[i]));
  printf("\n");
  ex_check(errors == 0 && n == NCLIENTS,
           "all %d requests went out (%d did, %d errors)", NCLIENTS, n, errors);
  ex_check(keeps_pace(), "three at once, then one every 500ms, the last at "
                         "4.5s");
  ex_check(answered == 0 && !allowed,
           "Allow at 1.25s said no at once (waited %s, said %s)",
           GO_DUR(answered), allowed ? "yes" : "no");
  ex_check(hurriedErr != NULL && took == 0,
           "a request with 1s to spare, behind the twelve, was refused at "
           "once (after %s, error %s)",
           GO_DUR(took), hurriedErr ? hurriedErr : "none");
  return ex_done();
}
