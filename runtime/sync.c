/* sync.c: Go's sync package: Mutex, RWMutex, WaitGroup, Cond, Once, Pool.
 *
 * One OS thread runs every goroutine, so the state needs no atomics: a
 * goroutine runs until it parks. What the code must get right is Go's
 * behaviour (who gets the lock next, the wait reasons a dump shows, the
 * misuse texts) and Go's happens-before edges, which ThreadSanitizer only
 * sees because we state them with rt_race_release / rt_race_acquire on
 * addresses inside the sync object, at the points Go's sync package calls
 * race.Release / race.Acquire. */
#define _GNU_SOURCE
#include "rt.h"

#include <sys/mman.h>
#include <sys/syscall.h>
#include <unistd.h>

#define PC() __builtin_return_address(0)

#if defined(GO_RACE)
#include <sanitizer/tsan_interface_atomic.h>
/* Go's Lock is an atomic compare-and-swap on the mutex, an access the race
 * detector sees: overwriting a mutex that another goroutine locks is a race
 * (TestRaceMutexOverwrite). A relaxed atomic load is such an access and
 * orders nothing. */
static void race_touch(go_mutex *m) {
  __tsan_atomic32_load((const volatile __tsan_atomic32 *)&m->state,
                       __tsan_memory_order_relaxed);
}
#else
static void race_touch(go_mutex *m) { (void)m; }
#endif

/* ------------------------------------------------------------------ Mutex
 *
 * Normal mode: an unlocked mutex goes to whoever asks first, so a woken
 * waiter competes with newcomers and, losing, goes back to the front of the
 * queue. Starvation mode (some waiter waited over 1 ms): Unlock hands the
 * lock straight to the first waiter and newcomers queue at the back. */

enum { MUTEX_LOCKED = 1, MUTEX_WOKEN = 2 };
static char handoff; /* g->param of a waiter handed the lock directly */
#define STARVATION_NS (1000 * 1000)

/* The woken waiter in starvation mode owns the lock; it leaves the mode if
 * it is the last waiter or did not itself wait long. */
static void mutex_take_handoff(go_mutex *m, bool starving) {
  m->waiters--;
  if (!starving || m->waiters == 0)
    m->starving = false;
}

static void mutex_lock_slow(go_mutex *m) {
  int64_t wait_start = 0;
  bool starving = false, awoke = false;
  for (;;) {
    if (!(m->state & MUTEX_LOCKED) && !m->starving) {
      m->state |= MUTEX_LOCKED;
      if (awoke)
        m->state &= ~MUTEX_WOKEN;
      return;
    }
    if (starving && (m->state & MUTEX_LOCKED))
      m->starving = true;
    if (awoke)
      m->state &= ~MUTEX_WOKEN;
    rt_qnode n = {.g = rt_cur()};
    bool lifo = wait_start != 0; /* woken before: keep its place */
    if (!lifo)
      wait_start = rt_nanotime();
    m->waiters++;
    if (lifo)
      rt_waitq_push_front(&m->q, &n);
    else
      rt_waitq_push(&m->q, &n);
    rt_trace(RT_EV_WAIT, n.g, m, 0, "mutex");
    rt_park("sync.Mutex.Lock");
    starving = starving || rt_nanotime() - wait_start > STARVATION_NS;
    if (rt_cur()->param == &handoff) {
      mutex_take_handoff(m, starving);
      return;
    }
    awoke = true;
  }
}

void go_mutex_lock(go_mutex *m) {
  rt_preempt_point(m, PC());
  race_touch(m);
  if (m->state == 0 && !m->starving)
    m->state = MUTEX_LOCKED;
  else
    mutex_lock_slow(m);
  rt_trace(RT_EV_LOCK, rt_cur(), m, 0, NULL);
  rt_race_acquire(rt_cur(), m); /* the previous Unlock happens before */
}

bool go_mutex_trylock(go_mutex *m) {
  if ((m->state & MUTEX_LOCKED) || m->starving)
    return false;
  m->state |= MUTEX_LOCKED;
  rt_trace(RT_EV_LOCK, rt_cur(), m, 0, "trylock");
  rt_race_acquire(rt_cur(), m);
  return true;
}

void go_mutex_unlock(go_mutex *m) {
  if (!(m->state & MUTEX_LOCKED))
    go_fatal("sync: unlock of unlocked mutex");
  rt_preempt_point(m, PC());
  rt_trace(RT_EV_UNLOCK, rt_cur(), m, 0, NULL);
  rt_race_release(rt_cur(), m);
  if (m->starving) {
    /* Hand-off: the lock stays locked and passes to the first waiter, which
     * accounts for itself (mutex_take_handoff). */
    rt_ready(rt_waitq_pop(&m->q)->g, &handoff);
    return;
  }
  m->state &= ~MUTEX_LOCKED;
  if (m->waiters == 0 || (m->state & MUTEX_WOKEN))
    return; /* nobody to wake, or one woken waiter is already on its way */
  m->waiters--;
  m->state |= MUTEX_WOKEN;
  rt_ready(rt_waitq_pop(&m->q)->g, NULL);
}

/* ---------------------------------------------------------------- RWMutex
 *
 * writer: 0 none, 1 a writer holds the writers' lock and waits for the
 * readers to leave (it is then the head of wq), 2 a writer holds it. A
 * pending or active writer blocks new readers, as Go. Writers queued behind
 * another writer wait on Go's inner Mutex, so a dump shows them as
 * "sync.Mutex.Lock". Go's sync addresses: readerSem is &rw->rq, writerSem
 * is &rw->wq. */

void go_rwmutex_rlock(go_rwmutex *rw) {
  rt_preempt_point(rw, PC());
  if (rw->writer == 0) {
    rw->readers++;
  } else {
    rt_qnode n = {.g = rt_cur()};
    rt_waitq_push(&rw->rq, &n);
    rt_park("sync.RWMutex.RLock"); /* Unlock counted us as a reader */
  }
  rt_race_acquire(rt_cur(), &rw->rq);
}

bool go_rwmutex_tryrlock(go_rwmutex *rw) {
  if (rw->writer != 0)
    return false;
  rw->readers++;
  rt_race_acquire(rt_cur(), &rw->rq);
  return true;
}

void go_rwmutex_runlock(go_rwmutex *rw) {
  rt_preempt_point(rw, PC());
  if (rw->readers <= 0)
    go_fatal("sync: RUnlock of unlocked RWMutex");
  rt_race_release(rt_cur(), &rw->wq); /* Go: ReleaseMerge(&writerSem) */
  if (--rw->readers == 0 && rw->writer == 1) {
    rw->writer = 2; /* the last reader lets the pending writer in */
    rt_ready(rt_waitq_pop(&rw->wq)->g, NULL);
  }
}

void go_rwmutex_lock(go_rwmutex *rw) {
  rt_preempt_point(rw, PC());
  rt_qnode n = {.g = rt_cur()};
  if (rw->writer != 0) {
    rw->writers_waiting++;
    rt_waitq_push(&rw->wq, &n);
    rt_park("sync.Mutex.Lock"); /* woken holding the lock (writer == 2) */
  } else if (rw->readers > 0) {
    rw->writer = 1;
    rt_waitq_push_front(&rw->wq, &n);
    rt_park("sync.RWMutex.Lock"); /* the last RUnlock sets writer = 2 */
  } else {
    rw->writer = 2;
  }
  rt_race_acquire(rt_cur(), &rw->rq);
  rt_race_acquire(rt_cur(), &rw->wq);
}

bool go_rwmutex_trylock(go_rwmutex *rw) {
  if (rw->writer != 0 || rw->readers > 0)
    return false;
  rw->writer = 2;
  rt_race_acquire(rt_cur(), &rw->rq);
  rt_race_acquire(rt_cur(), &rw->wq);
  return true;
}

/* Passes the writers' lock to the next queued writer: it holds the RWMutex
 * at once, or waits for the readers just let in (now as RWMutex.Lock). */
static void rwmutex_next_writer(go_rwmutex *rw) {
  rt_qnode *n = rt_waitq_pop(&rw->wq);
  rw->writers_waiting--;
  if (rw->readers == 0) {
    rw->writer = 2;
    rt_ready(n->g, NULL);
    return;
  }
  rw->writer = 1;
  n->g->wait_reason = "sync.RWMutex.Lock";
  rt_waitq_push_front(&rw->wq, n);
}

void go_rwmutex_unlock(go_rwmutex *rw) {
  rt_preempt_point(rw, PC());
  if (rw->writer != 2)
    go_fatal("sync: Unlock of unlocked RWMutex");
  rt_race_release(rt_cur(), &rw->rq);
  rw->writer = 0;
  /* As Go: readers that queued during the write go first. */
  for (rt_qnode *n; (n = rt_waitq_pop(&rw->rq)) != NULL;) {
    rw->readers++;
    rt_ready(n->g, NULL);
  }
  if (rw->writers_waiting > 0)
    rwmutex_next_writer(rw);
}

/* ----------------------------------------------------------------- Locker */

static void mutex_lock_(void *m) { go_mutex_lock(m); }
static void mutex_unlock_(void *m) { go_mutex_unlock(m); }
static void rw_lock_(void *rw) { go_rwmutex_lock(rw); }
static void rw_unlock_(void *rw) { go_rwmutex_unlock(rw); }
static void rw_rlock_(void *rw) { go_rwmutex_rlock(rw); }
static void rw_runlock_(void *rw) { go_rwmutex_runlock(rw); }

go_locker go_mutex_locker(go_mutex *m) {
  return (go_locker){m, mutex_lock_, mutex_unlock_};
}
go_locker go_rwmutex_locker(go_rwmutex *rw) {
  return (go_locker){rw, rw_lock_, rw_unlock_};
}
go_locker go_rwmutex_rlocker(go_rwmutex *rw) {
  return (go_locker){rw, rw_rlock_, rw_runlock_};
}
void go_lock(go_locker l) { l.lock(l.self); }
void go_unlock(go_locker l) { l.unlock(l.self); }
void go_defer_unlock_(go_mutex **m) { go_mutex_unlock(*m); }

/* -------------------------------------------------------------- WaitGroup
 *
 * Go's race annotations: a decrement releases to the WaitGroup and Wait
 * acquires it; the first Add (counter from 0) is modelled as a read of the
 * semaphore and the first waiter as a write of it, so an Add racing with
 * Wait is reported as a race, as Go's race detector reports it. */

static void wg_add(go_waitgroup *wg, long delta, void *pc) {
  rt_preempt_point(wg, pc);
  if (delta < 0)
    rt_race_release(rt_cur(), wg);
  wg->count += delta;
  rt_trace(RT_EV_WG_ADD, rt_cur(), wg, delta, NULL);
  if (delta > 0 && wg->count == delta)
    rt_race_read(&wg->q, pc);
  if (wg->count < 0)
    go_panic("sync: negative WaitGroup counter");
  if (wg->count > 0)
    return;
  for (rt_qnode *n; (n = rt_waitq_pop(&wg->q)) != NULL;)
    rt_ready(n->g, NULL);
}

void go_wg_add(go_waitgroup *wg, long delta) { wg_add(wg, delta, PC()); }
void go_wg_done(go_waitgroup *wg) { wg_add(wg, -1, PC()); }

void go_wg_wait(go_waitgroup *wg) {
  rt_preempt_point(wg, PC());
  rt_trace(RT_EV_WG_WAIT, rt_cur(), wg, wg->count, NULL);
  if (wg->count == 0) {
    rt_race_acquire(rt_cur(), wg);
    return;
  }
  if (rt_waitq_empty(&wg->q))
    rt_race_write(&wg->q, PC());
  rt_qnode n = {.g = rt_cur()};
  rt_waitq_push(&wg->q, &n);
  rt_trace(RT_EV_WAIT, n.g, wg, wg->count, "waitgroup");
  rt_park("sync.WaitGroup.Wait");
  if (wg->count != 0 || !rt_waitq_empty(&wg->q))
    go_panic("sync: WaitGroup is reused before previous Wait has returned");
  rt_race_acquire(rt_cur(), wg);
}

/* ------------------------------------------------------------------- Cond
 *
 * Waiters queue FIFO; Signal wakes the longest waiting. A signal happens
 * before the Wait it wakes returns (the address is the queue). */

void go_cond_wait(go_cond *c) {
  rt_preempt_point(c, PC());
  rt_qnode n = {.g = rt_cur()};
  rt_waitq_push(&c->q, &n); /* before unlocking: no wake-up is lost */
  rt_trace(RT_EV_WAIT, n.g, c, 0, "cond");
  rt_preempt_disable(); /* queued: it must park before anyone runs */
  go_unlock(c->L);
  rt_preempt_enable();
  rt_park("sync.Cond.Wait");
  rt_race_acquire(rt_cur(), &c->q);
  go_lock(c->L);
}

void go_cond_signal(go_cond *c) {
  rt_preempt_point(c, PC());
  rt_race_release(rt_cur(), &c->q);
  rt_trace(RT_EV_SIGNAL, rt_cur(), c, 0, NULL);
  rt_qnode *n = rt_waitq_pop(&c->q);
  if (n != NULL)
    rt_ready(n->g, NULL);
}

void go_cond_broadcast(go_cond *c) {
  rt_preempt_point(c, PC());
  rt_race_release(rt_cur(), &c->q);
  rt_trace(RT_EV_BROADCAST, rt_cur(), c, 0, NULL);
  for (rt_qnode *n; (n = rt_waitq_pop(&c->q)) != NULL;)
    rt_ready(n->g, NULL);
}

/* ------------------------------------------------------------------- Once
 *
 * As Go's: the slow path holds the mutex while fn runs, so a concurrent Do
 * waits for fn, and a recursive Do blocks on the mutex for ever (a deadlock
 * the detector reports). fn's return happens before every Do returns. */

void go_once_do(go_once *o, void (*fn)(void *arg), void *arg) {
  if (o->done) {
    rt_race_acquire(rt_cur(), &o->done);
    return;
  }
  go_mutex_lock(&o->m);
  if (!o->done) {
    fn(arg);
    rt_race_release(rt_cur(), &o->done);
    o->done = 1;
  }
  go_mutex_unlock(&o->m);
}

/* ------------------------------------------------------------------- Pool
 *
 * A LIFO stack. Under the race detector, as Go's, Put drops one object in
 * four to shake out code that relies on getting its object back, and a Put
 * happens before the Get that returns the same object (through one of 128
 * addresses picked by hashing the object, Go's poolRaceAddr). */

#if defined(GO_RACE)
static char pool_race_hash[128];

static void *pool_race_addr(void *x) {
  uintptr_t p = (uintptr_t)x;
  return &pool_race_hash[(p * 0x9E3779B97F4A7C15ull >> 57) % 128];
}
#endif

/* The stack lives in memory mapped through syscall(2), grown with mremap:
 * malloc, realloc and free are ThreadSanitizer-intercepted, and freeing
 * memory another goroutine wrote would be reported as a race inside the
 * runtime. */
static void pool_grow(go_pool *p) {
  size_t old = (size_t)p->cap * sizeof(void *);
  size_t len = old ? 2 * old : 4096;
  void *m =
      p->items == NULL
          ? (void *)syscall(SYS_mmap, NULL, len, PROT_READ | PROT_WRITE,
                            MAP_PRIVATE | MAP_ANONYMOUS, -1, 0)
          : (void *)syscall(SYS_mremap, p->items, old, len, MREMAP_MAYMOVE);
  if (m == MAP_FAILED)
    go_fatal("sync: out of memory growing a Pool");
  p->items = m;
  p->cap = (long)(len / sizeof(void *));
}

void go_pool_put(go_pool *p, void *x) {
  if (x == NULL)
    return;
#if defined(GO_RACE)
  if (rt_randn(4) == 0)
    return;
  rt_race_release(rt_cur(), pool_race_addr(x));
#endif
  if (p->n == p->cap)
    pool_grow(p);
  p->items[p->n++] = x;
}

void *go_pool_get(go_pool *p) {
  if (p->n == 0)
    return p->New ? p->New() : NULL;
  void *x = p->items[--p->n];
#if defined(GO_RACE)
  rt_race_acquire(rt_cur(), pool_race_addr(x));
#endif
  return x;
}
