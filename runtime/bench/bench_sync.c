/* bench_sync.c: the sync package's costs, beside bench_sync.go (Go's).
 * Prints `bench NAME VALUE ns/op` lines for runtime/bench/run. The RWMutex
 * rows are the book's table: n readers each take the read lock while one
 * writer runs, with RWMutex and with a plain Mutex. */
#include "go.h"

#include <stdio.h>

static void report(const char *name, go_time t0, long ops) {
  printf("bench %s %.1f ns/op\n", name, (double)go_since(t0) / (double)ops);
}

static void uncontended(void) {
  go_mutex mu = {0};
  long n = 10 * 1000 * 1000;
  go_time t0 = go_now();
  for (long i = 0; i < n; i++) {
    go_mutex_lock(&mu);
    go_mutex_unlock(&mu);
  }
  report("MutexUncontended", t0, n);
}

GO_FUNC(locker, go_mutex *, mu, long, n, go_waitgroup *, wg) {
  for (long i = 0; i < n; i++) {
    go_mutex_lock(mu);
    go_yield(); /* hold it across a switch: the others queue */
    go_mutex_unlock(mu);
  }
  go_wg_done(wg);
}

static void contended(void) {
  go_mutex mu = {0};
  go_waitgroup wg = {0};
  long per = 100000, g = 8;
  go_time t0 = go_now();
  for (long i = 0; i < g; i++) {
    go_wg_add(&wg, 1);
    go(locker, &mu, per, &wg);
  }
  go_wg_wait(&wg);
  report("MutexContended8", t0, per * g);
}

GO_FUNC(reader, go_locker, l, go_waitgroup *, wg) {
  go_lock(l);
  go_yield();
  go_unlock(l);
  go_wg_done(wg);
}

GO_FUNC(writer, go_locker, l, go_waitgroup *, wg) {
  go_lock(l);
  go_unlock(l);
  go_wg_done(wg);
}

static go_time readers_once(go_locker w, go_locker r, long n) {
  go_waitgroup wg = {0};
  go_time t0 = go_now();
  go_wg_add(&wg, n + 1);
  go(writer, w, &wg);
  for (long i = 0; i < n; i++)
    go(reader, r, &wg);
  go_wg_wait(&wg);
  return t0;
}

/* An untimed round first, in both languages: the first time n goroutines
 * are alive at once their stacks are new, and the row would measure page
 * faults rather than the lock (whichever of the two rows came first). */
static void readers(const char *kind, go_locker w, go_locker r, long n) {
  readers_once(w, r, n);
  go_time t0 = readers_once(w, r, n);
  char name[64];
  snprintf(name, sizeof name, "%sReaders%ld", kind, n);
  report(name, t0, n);
}

GO_FUNC(done, go_waitgroup *, wg) { go_wg_done(wg); }

static void fanout(void) {
  go_waitgroup wg = {0};
  long n = 100000;
  go_time t0 = go_now();
  for (long i = 0; i < n; i++) {
    go_wg_add(&wg, 1);
    go(done, &wg);
  }
  go_wg_wait(&wg);
  report("WaitGroupFanOut100k", t0, n);
}

int main(void) {
  uncontended();
  contended();
  for (long n = 1; n <= 65536; n *= 16) {
    go_rwmutex rw = {0};
    go_mutex mu = {0};
    readers("RWMutex", go_rwmutex_locker(&rw), go_rwmutex_rlocker(&rw), n);
    readers("Mutex", go_mutex_locker(&mu), go_mutex_locker(&mu), n);
  }
  fanout();
  return 0;
}
