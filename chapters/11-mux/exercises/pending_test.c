// pending_test.c: the test of exercise 11-mux/pending (the student does not
// edit it; grading uses the instructor's copy). Its service answers each
// request after a random delay and counts how many are in flight at once.
// goal: Every call gets the reply with its own tag, while the calls still
//   run at the same time.
// hint: Use goroutines, channels, and mutexes together. What, in a reply,
//   says which call it belongs to?
// hint2: The oldest waiting call is not the one the reply is for: replies
//   come back in any order.
// hint3: Keep the waiting calls by tag (Go's map[int64]chan<- Msg; a small
//   array of {tag, done} does), filled by mux_call, emptied by recvLoop.
// hint4: Both loops and every caller touch that table: each access under
//   the mutex, but never the whole call, or the calls no longer overlap.
#include <stdatomic.h>
#include <stdio.h>

#include "extest.h"
#include "go.h"
#include "pending.h"

struct Service {
  go_chan *rep;    /* chan Msg */
  go_waitgroup wg; /* the answers not yet sent */
  atomic_int fly;  /* requests sent, reply not yet received */
  atomic_int most; /* the largest fly seen */
};

int64_t ReadTag(Service *s, Msg m) {
  (void)s;
  return m.tag;
}

GO_FUNC(answer, Service *, s, Msg, m) {
  go_sleep((go_duration)(1 + go_rand() % 20) * GO_MILLISECOND);
  Msg reply = {m.tag, m.val * m.val};
  go_send(s->rep, &reply);
  go_wg_done(&s->wg);
}

void Send(Service *s, Msg m) {
  int fly = atomic_fetch_add(&s->fly, 1) + 1;
  int most = atomic_load(&s->most);
  while (fly > most && !atomic_compare_exchange_weak(&s->most, &most, fly))
    ;
  go_wg_add(&s->wg, 1);
  go(answer, s, m);
}

GO_FUNC(close_replies, Service *, s) {
  go_wg_wait(&s->wg);
  go_close(s->rep);
}

void CloseSend(Service *s) { go(close_replies, s); }

bool Recv(Service *s, Msg *m) {
  if (!go_recv(s->rep, m))
    return false;
  atomic_fetch_sub(&s->fly, 1);
  return true;
}

enum { NCALLERS = 20, NCALLS = 3 };

GO_FUNC(caller, Mux *, m, int, id, int *, bad, go_waitgroup *, wg) {
  for (int k = 0; k < NCALLS; k++) {
    Msg args = {id + NCALLERS * k, 1000 * id + k};
    Msg reply = mux_call(m, args);
    if (reply.tag != args.tag || reply.val != args.val * args.val) {
      if (*bad == 0)
        printf("caller %d sent {tag %lld, val %lld} and got {tag %lld, val "
               "%lld}\n",
               id, (long long)args.tag, (long long)args.val,
               (long long)reply.tag, (long long)reply.val);
      ++*bad;
    }
  }
  go_wg_done(wg);
}

int main(void) {
  Service srv = {.rep = go_make_chan(Msg, 0)};
  Mux *m = mux_new(&srv);
  go_waitgroup wg = {0};
  int bad[NCALLERS] = {0};
  for (int id = 0; id < NCALLERS; id++) {
    go_wg_add(&wg, 1);
    go(caller, m, id, &bad[id], &wg);
  }
  go_wg_wait(&wg);
  int wrong = 0;
  for (int id = 0; id < NCALLERS; id++)
    wrong += bad[id];
  ex_check(wrong == 0, "every call got its own reply (%d of %d did not)", wrong,
           NCALLERS * NCALLS);
  int most = atomic_load(&srv.most);
  ex_check(most > 1,
           "the calls overlapped: up to %d requests in flight at once", most);
  mux_close(m);
  go_synctest_wait(); /* the loops end: nothing is left to wait for */
  ex_check(go_num_goroutine() == 1,
           "after mux_close both loops returned (%d goroutines left)",
           go_num_goroutine());
  return ex_done();
}
