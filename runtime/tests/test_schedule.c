/* test_schedule.c: Criterion unit tests of GO_JITTER (jitter.c): a sleep
 * stops being an ordering, goroutines yield at runtime calls, and without
 * GO_JITTER a seed's run is unchanged; and of the choice source (choice.c):
 * a GO_SCHEDULE list replays, a deviation changes the run, PCT is a function
 * of its seed, GO_SCHEDULE_LOG records the choice points. Scenarios run as
 * goroutine 1 of a child (this binary re-executed with
 * TEST_SCHED_SCENARIO=name). */
#define SCENARIO_VAR "TEST_SCHED_SCENARIO"
#define _GNU_SOURCE
#include "go.h"

#include "scenario.h"

/* ================================================================ scenarios */

GO_FUNC(mark_after_locks, go_mutex *, mu, int *, done) {
  for (int i = 0; i < 4; i++) {
    go_mutex_lock(mu);
    go_mutex_unlock(mu);
  }
  *done = 1;
}

/* main sleeps, then looks whether a goroutine that never blocks for long has
 * finished: on the exact virtual clock it always has. Prints how many of 200
 * tries it had not. */
static void sc_sleep_orders(void) {
  go_mutex mu = {0};
  int late = 0;
  for (int i = 0; i < 200; i++) {
    int done = 0;
    go(mark_after_locks, &mu, &done);
    go_sleep(GO_MILLISECOND);
    late += !done;
    while (!done)
      go_sleep(GO_MILLISECOND);
  }
  printf("late %d\n", late);
  pass();
}

GO_FUNC(count_turns, go_mutex *, mu, int *, turns, int, me) {
  for (int i = 0; i < 100; i++) {
    go_mutex_lock(mu);
    turns[i] = me;
    go_mutex_unlock(mu);
  }
}

/* Two goroutines that never block: without preemption the first runs all
 * its iterations in one go. Prints how often the turn changed hands. */
static void sc_preempt(void) {
  go_mutex mu = {0};
  int turns[100];
  go(count_turns, &mu, turns, 1);
  go(count_turns, &mu, turns, 2);
  go_sleep(GO_SECOND);
  int changes = 0;
  for (int i = 1; i < 100; i++)
    changes += turns[i] != turns[i - 1];
  printf("changes %d\n", changes);
  pass();
}

GO_FUNC(say, go_chan *, c, int, me) {
  for (int i = 0; i < 3; i++)
    go_send(c, &me);
}

/* Three senders on one channel: the order main receives in is the schedule. */
static void sc_interleave(void) {
  go_chan *c = go_make_chan(int, 0);
  for (int g = 1; g <= 3; g++)
    go(say, c, g);
  for (int i = 0; i < 9; i++) {
    int v;
    go_recv(c, &v);
    printf("%d", v);
  }
  printf("\n");
  pass();
}

static const struct scenario scenarios[] = {
    {"sleep_orders", sc_sleep_orders},
    {"preempt", sc_preempt},
    {"interleave", sc_interleave},
};

/* ==================================================================== tests */

static int printed(struct result r, const char *key) {
  expect_pass(r);
  const char *p = strstr(r.out, key);
  cr_assert(p, SHOW(r));
  return atoi(p + strlen(key));
}

Test(jitter, off_a_sleep_is_exact) {
  cr_assert_eq(printed(run("sleep_orders"), "late "), 0);
}
Test(jitter, on_a_sleep_orders_nothing) {
  int late = printed(run_in("sleep_orders", "virtual", "GO_JITTER=1"), "late ");
  cr_assert(late > 0 && late < 200, "late %d", late);
}
Test(jitter, off_no_preemption) {
  cr_assert_eq(printed(run("preempt"), "changes "), 0);
}
Test(jitter, on_preempts_at_lock_and_unlock) {
  int changes =
      printed(run_in("preempt", "virtual", "GO_JITTER=1"), "changes ");
  cr_assert(changes > 0, "changes %d", changes);
}

Test(schedule, a_list_replays) {
  struct result a = run_in("interleave", "virtual", "GO_SCHEDULE=none");
  struct result b = run_in("interleave", "virtual", "GO_SCHEDULE=none");
  expect_pass(a);
  cr_assert_str_eq(a.out, b.out);
}
Test(schedule, a_deviation_changes_the_run) {
  struct result a = run_in("interleave", "virtual", "GO_SCHEDULE=none");
  struct result b = run_in("interleave", "virtual", "GO_SCHEDULE=0:1");
  expect_pass(b);
  cr_assert_str_neq(a.out, b.out);
}
Test(schedule, pct_is_a_function_of_its_seed) {
  struct result a = run_in("interleave", "virtual", "GO_PCT=3,20");
  struct result b = run_in("interleave", "virtual", "GO_PCT=3,20");
  expect_pass(a);
  cr_assert_str_eq(a.out, b.out);
}
Test(schedule, the_log_names_choice_points) {
  char path[] = "/tmp/test_sched_log.XXXXXX", var[64];
  int fd = mkstemp(path);
  cr_assert(fd >= 0);
  snprintf(var, sizeof var, "GO_SCHEDULE_FD=%d", fd);
  setenv("GO_SCHEDULE", "none", 1); /* random runs log no choice points */
  struct result r = run_in("interleave", "virtual", var);
  expect_pass(r);
  char *log = slurp(fd);
  unlink(path);
  cr_assert(strstr(log, "\nc 0 "), "%s", log);
  cr_assert(strstr(log, "\nend "), "%s", log);
  free(log);
}

SCENARIO_MAIN(scenarios)
