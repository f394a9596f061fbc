/* test_service.h: the service the tests of the chapter's exercises supply
 * (the instructor's; included by a test only, once per program). It answers
 * each request after a random delay, so replies come out of order, and
 * counts how many requests are in flight at once: a mux that serializes its
 * calls shows up as most == 1. */
#ifndef MUX_TEST_SERVICE_H
#define MUX_TEST_SERVICE_H

#include <stdatomic.h>
#include <stdio.h>

#include "go.h"

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

/* Starts NCALLERS goroutines that make NCALLS calls each at once; returns,
 * when all have finished, how many calls got a reply not their own. */
static int call_all(Mux *m) {
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
  return wrong;
}

#endif
