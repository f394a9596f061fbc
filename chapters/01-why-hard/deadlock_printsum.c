// Translates "Concurrency in Go", chapter 1, "Deadlock": printSum, which
// locks two values to add them, called as printSum(&a, &b) and printSum(&b,
// &a) at the same time.
// Bug: the two calls take the same two locks in opposite orders, so each
// ends up holding one lock and waiting forever for the other.
// Not in the book: an observer goroutine that, once both calls are stuck,
// prints from what they recorded which of the four Coffman conditions hold.
// expect: deadlock
// hint: Deadlock needs all four Coffman conditions: take locks in one order.
#include <stdatomic.h>
#include <stdio.h>

#include "go.h"

typedef struct value {
  go_mutex mu;
  int value;
  const char *name;
  _Atomic(const char *) holder; // bookkeeping for the observer, not in Go
} value;

typedef struct call { // what one printSum call is doing, for the observer
  const char *name;
  _Atomic(value *) holds, waits_for;
} call;

GO_FUNC(print_sum, value *, v1, value *, v2, call *, me, go_waitgroup *, wg) {
  go_mutex_lock(&v1->mu); // Go: v1.mu.Lock(); defer v1.mu.Unlock()
  atomic_store(&v1->holder, me->name);
  atomic_store(&me->holds, v1);

  go_sleep(2 * GO_SECOND); // Go: time.Sleep(2*time.Second): the other call
                           // takes its first lock meanwhile
  atomic_store(&me->waits_for, v2);
  go_mutex_lock(&v2->mu); // Go: v2.mu.Lock(); defer v2.mu.Unlock()

  printf("sum=%d\n", v1->value + v2->value);
  go_mutex_unlock(&v2->mu); // Go's deferred unlocks, in reverse order
  go_mutex_unlock(&v1->mu);
  go_wg_done(wg); // Go: defer wg.Done()
}

static call *find_call(call *calls, int n, const char *name) {
  for (int i = 0; i < n; i++)
    if (name != NULL && calls[i].name == name)
      return &calls[i];
  return NULL;
}

// Walks "call waits for a value, the value is held by a call, ..." from
// `start`; true if the walk comes back to `start`.
static bool circular_wait(call *calls, int n, call *start) {
  call *c = start;
  printf("  circular wait: %s", c->name);
  for (int steps = 0; steps < n && c != NULL; steps++) {
    value *v = atomic_load(&c->waits_for);
    if (v == NULL)
      break;
    const char *holder = atomic_load(&v->holder);
    printf(" waits for %s, held by %s", v->name, holder ? holder : "nobody");
    c = find_call(calls, n, holder);
    if (c == start) {
      printf(": a cycle\n");
      return true;
    }
  }
  printf(": no cycle\n");
  return false;
}

GO_FUNC(observer, call *, calls, int, n) {
  go_sleep(3 * GO_SECOND); // by now both calls have reached their second Lock
  printf("Coffman conditions:\n");
  printf("  mutual exclusion: yes, a sync.Mutex has one holder at a time\n");
  bool hold_and_wait = true;
  for (int i = 0; i < n; i++) {
    value *h = atomic_load(&calls[i].holds),
          *w = atomic_load(&calls[i].waits_for);
    printf("  hold and wait: %s holds %s and waits for %s\n", calls[i].name,
           h ? h->name : "nothing", w ? w->name : "nothing");
    hold_and_wait = hold_and_wait && h != NULL && w != NULL;
  }
  printf("  no preemption: yes, only the holder can unlock a sync.Mutex\n");
  bool cycle = circular_wait(calls, n, &calls[0]);
  if (hold_and_wait && cycle)
    printf("all four hold: nobody can ever proceed\n");
}

int main(void) {
  go_waitgroup wg = {0};                      // Go: var wg sync.WaitGroup
  value a = {.name = "a"}, b = {.name = "b"}; // Go: var a, b value
  call calls[2] = {{.name = "printSum(a, b)"}, {.name = "printSum(b, a)"}};
  go(observer, calls, 2);
  go_wg_add(&wg, 2);
  go(print_sum, &a, &b, &calls[0], &wg);
  go(print_sum, &b, &a, &calls[1], &wg);
  go_wg_wait(&wg);
  return 0;
}
