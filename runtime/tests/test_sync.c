/* test_sync.c: Criterion unit tests of the sync package (sync.c): Go's
 * misuse texts, wait reasons, starvation hand-off, FIFO Cond, RWMutex writer
 * preference, Once, Pool, WaitGroup. Each scenario runs as goroutine 1 of a
 * child process (this binary re-executed with TEST_SYNC_SCENARIO=name). */
#define SCENARIO_VAR "TEST_SYNC_SCENARIO"
#define _GNU_SOURCE
#include "go.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "scenario.h"

/* ================================================================ scenarios */

GO_FUNC(adder, go_mutex *, mu, long *, n, go_waitgroup *, wg) {
  for (int i = 0; i < 1000; i++) {
    go_mutex_lock(mu);
    long v = *n;
    if (i % 3 == 0)
      go_yield(); /* hold the lock across a switch */
    *n = v + 1;
    go_mutex_unlock(mu);
  }
  go_wg_done(wg);
}

static void sc_mutex_counter(void) {
  go_mutex mu = {0};
  go_waitgroup wg = {0};
  long n = 0;
  for (int i = 0; i < 100; i++) {
    go_wg_add(&wg, 1);
    go(adder, &mu, &n, &wg);
  }
  go_wg_wait(&wg);
  CHECK(n == 100000);
  CHECK(go_mutex_trylock(&mu));
  CHECK(!go_mutex_trylock(&mu));
  go_mutex_unlock(&mu);
  pass();
}

static void sc_unlock_unlocked(void) {
  go_mutex mu = {0};
  go_mutex_unlock(&mu);
}
static void sc_runlock_unlocked(void) {
  go_rwmutex rw = {0};
  go_rwmutex_runlock(&rw);
}
static void sc_rw_unlock_unlocked(void) {
  go_rwmutex rw = {0};
  go_rwmutex_unlock(&rw);
}
static void sc_wg_negative(void) {
  go_waitgroup wg = {0};
  go_wg_done(&wg);
}

static void sc_mutex_deadlock(void) {
  go_mutex mu = {0};
  go_mutex_lock(&mu);
  go_mutex_lock(&mu);
}
static void sc_wg_deadlock(void) {
  go_waitgroup wg = {0};
  go_wg_add(&wg, 1);
  go_wg_wait(&wg);
}
static void sc_cond_deadlock(void) {
  go_mutex mu = {0};
  go_cond c = go_cond_make(go_mutex_locker(&mu));
  go_mutex_lock(&mu);
  go_cond_wait(&c);
}
static void sc_rlock_deadlock(void) {
  go_rwmutex rw = {0};
  go_rwmutex_lock(&rw);
  go_rwmutex_rlock(&rw);
}
static void sc_wlock_deadlock(void) {
  go_rwmutex rw = {0};
  go_rwmutex_rlock(&rw);
  go_rwmutex_lock(&rw);
}

static void once_again(void *arg);
static void sc_once_recursive(void) {
  static go_once once;
  go_once_do(&once, once_again, &once);
}
static void once_again(void *arg) { go_once_do(arg, once_again, arg); }

static void count(void *arg) { ++*(int *)arg; }

GO_FUNC(once_user, go_once *, o, int *, n, go_waitgroup *, wg) {
  go_once_do(o, count, n);
  CHECK(*n == 1); /* fn has returned before any Do returns */
  go_wg_done(wg);
}

static void sc_once(void) {
  go_once o = {0};
  go_waitgroup wg = {0};
  int n = 0;
  for (int i = 0; i < 10; i++) {
    go_wg_add(&wg, 1);
    go(once_user, &o, &n, &wg);
  }
  go_wg_wait(&wg);
  CHECK(n == 1);
  pass();
}

GO_FUNC(cond_waiter, go_mutex *, mu, go_cond *, c, int, id, int *, order, int *,
        k, go_waitgroup *, wg) {
  go_mutex_lock(mu);
  go_cond_wait(c);
  order[(*k)++] = id;
  go_mutex_unlock(mu);
  go_wg_done(wg);
}

/* Waiters wake in the order they waited. */
static void sc_cond_fifo(void) {
  go_mutex mu = {0};
  go_cond c = go_cond_make(go_mutex_locker(&mu));
  go_waitgroup wg = {0};
  int order[5], k = 0;
  for (int i = 0; i < 5; i++) {
    go_wg_add(&wg, 1);
    go(cond_waiter, &mu, &c, i, order, &k, &wg);
    go_sleep(GO_MILLISECOND); /* let it reach Wait */
  }
  for (int i = 0; i < 5; i++) {
    go_cond_signal(&c);
    go_sleep(GO_MILLISECOND);
  }
  go_wg_wait(&wg);
  for (int i = 0; i < 5; i++)
    CHECK(order[i] == i);
  pass();
}

GO_FUNC(rw_writer, go_rwmutex *, rw, int *, stage) {
  go_rwmutex_lock(rw);
  *stage = 2;
  go_rwmutex_unlock(rw);
}

/* A pending writer blocks new readers; the RLocker is a Locker. */
static void sc_rw_writer_preference(void) {
  go_rwmutex rw = {0};
  int stage = 0;
  go_locker r = go_rwmutex_rlocker(&rw);
  go_lock(r);
  go(rw_writer, &rw, &stage);
  go_sleep(GO_MILLISECOND); /* the writer is now waiting for us */
  CHECK(!go_rwmutex_tryrlock(&rw));
  CHECK(!go_rwmutex_trylock(&rw));
  go_unlock(r);
  go_sleep(GO_MILLISECOND);
  CHECK(stage == 2);
  CHECK(go_rwmutex_tryrlock(&rw));
  go_rwmutex_runlock(&rw);
  pass();
}

static void spin_us(int us) {
  go_time t = go_now();
  while (go_since(t) < us * GO_MICROSECOND)
    ;
}

GO_FUNC(hog, go_mutex *, mu, int *, iter, bool *, done) {
  for (*iter = 0; *iter < 200 && !*done; ++*iter) {
    go_mutex_lock(mu);
    spin_us(100);
    go_yield(); /* the waiter runs, finds the lock held, queues again */
    go_mutex_unlock(mu);
  }
}

/* Real clock: a waiter blocked over 1 ms is handed the lock although the
 * holder re-locks at once every time (normal mode would let it barge). */
static void sc_mutex_starvation(void) {
  go_mutex mu = {0};
  int iter = 0;
  bool done = false;
  go(hog, &mu, &iter, &done);
  go_yield();
  go_mutex_lock(&mu);
  done = true;
  printf("acquired at iteration %d\n", iter);
  CHECK(iter < 100);
  go_mutex_unlock(&mu);
  pass();
}

static void *new_obj(void) { return malloc(16); }

static void sc_pool(void) {
  go_pool p = {.New = new_obj};
  void *a = go_pool_get(&p);
  CHECK(a != NULL);
  go_pool_put(&p, a);
  CHECK(go_pool_get(&p) == a); /* release build: nothing dropped */
  go_pool empty = {0};
  CHECK(go_pool_get(&empty) == NULL);
  for (long i = 0; i < 100000; i++)
    go_pool_put(&empty, (void *)(i + 1));
  for (long i = 100000; i > 0; i--)
    CHECK(go_pool_get(&empty) == (void *)i);
  pass();
}

static void sc_wg_reuse(void) {
  go_waitgroup wg = {0};
  for (int round = 0; round < 3; round++) {
    go_wg_add(&wg, 2);
    go_wg_done(&wg);
    go_wg_done(&wg);
    go_wg_wait(&wg);
  }
  pass();
}

#define SC(n)                                                                  \
  { #n, sc_##n }
static const struct scenario scenarios[] = {
    SC(mutex_counter),    SC(unlock_unlocked),
    SC(runlock_unlocked), SC(rw_unlock_unlocked),
    SC(wg_negative),      SC(mutex_deadlock),
    SC(wg_deadlock),      SC(cond_deadlock),
    SC(rlock_deadlock),   SC(wlock_deadlock),
    SC(once_recursive),   SC(once),
    SC(cond_fifo),        SC(rw_writer_preference),
    SC(mutex_starvation), SC(pool),
    SC(wg_reuse),
};

SCENARIO_MAIN(scenarios)

/* ================================================================ the tests */

Test(mutex, counter_and_trylock) { expect_pass(run("mutex_counter")); }
Test(mutex, starvation_handoff) {
  expect_pass(run_in("mutex_starvation", "real", NULL));
}
Test(misuse, unlock_of_unlocked_mutex) {
  expect_exit2(run("unlock_unlocked"),
               "fatal error: sync: unlock of unlocked mutex\n");
}
Test(misuse, runlock_of_unlocked_rwmutex) {
  expect_exit2(run("runlock_unlocked"),
               "fatal error: sync: RUnlock of unlocked RWMutex\n");
}
Test(misuse, unlock_of_unlocked_rwmutex) {
  expect_exit2(run("rw_unlock_unlocked"),
               "fatal error: sync: Unlock of unlocked RWMutex\n");
}
Test(misuse, negative_waitgroup_counter_panics) {
  expect_exit2(run("wg_negative"), "panic: sync: negative WaitGroup counter\n");
}
Test(reasons, mutex) {
  expect_deadlock(run("mutex_deadlock"), "sync.Mutex.Lock");
}
Test(reasons, waitgroup) {
  expect_deadlock(run("wg_deadlock"), "sync.WaitGroup.Wait");
}
Test(reasons, cond) { expect_deadlock(run("cond_deadlock"), "sync.Cond.Wait"); }
Test(reasons, rlock) {
  expect_deadlock(run("rlock_deadlock"), "sync.RWMutex.RLock");
}
Test(reasons, wlock) {
  expect_deadlock(run("wlock_deadlock"), "sync.RWMutex.Lock");
}
Test(once, recursive_do_deadlocks) {
  expect_deadlock(run("once_recursive"), "sync.Mutex.Lock");
}
Test(once, runs_fn_once) { expect_pass(run("once")); }
Test(cond, fifo_wakeup) { expect_pass(run("cond_fifo")); }
Test(rwmutex, writer_preference_and_rlocker) {
  expect_pass(run("rw_writer_preference"));
}
Test(pool, get_put_new) { expect_pass(run("pool")); }
Test(waitgroup, reuse) { expect_pass(run("wg_reuse")); }
