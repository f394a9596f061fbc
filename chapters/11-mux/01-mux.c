// Protocol multiplexer (Russ Cox, "Patterns and Hints for Concurrency in Go",
// pattern #4): many goroutines Call one service at once; a send loop owns
// Send, a receive loop owns Recv, and a table of pending calls keyed by tag,
// under a mutex, routes each reply to the caller waiting for it, whatever
// order the replies come in. Close, not on the slides, lets both loops exit.
// expect: ok
// hint: Use goroutines, channels, and mutexes together.
#include "go.h"

#include <stdio.h>

#include "pending.h"
#include "service.h"

/* ---- the mux ------------------------------------------------------------ */
typedef struct Mux {
  Service *srv;
  go_chan *send; /* chan Msg */

  go_mutex mu;
  Pending pending; /* tag -> channel of the call waiting for that reply */
} Mux;

GO_FUNC(sendLoop, Mux *, m) {
  Msg args;
  while (go_recv(m->send, &args)) /* for args := range m.send */
    Send(m->srv, args);
  CloseSend(m->srv); /* not on the slide: see Close */
}

GO_FUNC(recvLoop, Mux *, m) {
  Msg reply;
  while (Recv(m->srv, &reply)) { /* the slide's for { reply := m.srv.Recv() */
    int64_t tag = ReadTag(m->srv, reply);

    go_mutex_lock(&m->mu);
    go_chan *done = pending_get(&m->pending, tag);
    pending_delete(&m->pending, tag);
    go_mutex_unlock(&m->mu);

    if (done == NULL)
      go_panic("unexpected reply");
    go_send(done, &reply);
  }
}

static void Init(Mux *m, Service *srv) {
  m->srv = srv;
  m->send = go_make_chan(Msg, 0);
  /* m.pending = make(map...): the zero Pending is an empty table */
  go(sendLoop, m);
  go(recvLoop, m);
}

static Msg Call(Mux *m, Msg args) {
  int64_t tag = ReadTag(m->srv, args);
  go_chan *done = go_make_chan(Msg, 1);

  go_mutex_lock(&m->mu);
  if (pending_get(&m->pending, tag) != NULL) {
    go_mutex_unlock(&m->mu);
    go_panic("mux: duplicate call tag");
  }
  pending_put(&m->pending, tag, done);
  go_mutex_unlock(&m->mu);

  go_send(m->send, &args);
  Msg reply;
  go_recv(done, &reply);
  return reply;
}

/* Not on the slides. After the last Call has returned: sendLoop ends when
 * send is closed and closes the service's requests; the service closes its
 * replies once every reply is out; then recvLoop's Recv reports false. */
static void Close(Mux *m) { go_close(m->send); }

/* ---- test: many callers at once, each must get its own replies ---------- */
enum { NCALLERS = 20, NCALLS = 3 };

GO_FUNC(caller, Mux *, m, int, id, bool *, ok, go_waitgroup *, wg) {
  *ok = true;
  for (int k = 0; k < NCALLS; k++) {
    Msg args = {id + NCALLERS * k, 1000 * id + k};
    Msg reply = Call(m, args);
    if (reply.tag != args.tag || reply.val != args.val * args.val) {
      printf("FAIL: caller %d sent {tag %lld, val %lld} and got {tag %lld, "
             "val %lld}\n",
             id, (long long)args.tag, (long long)args.val, (long long)reply.tag,
             (long long)reply.val);
      *ok = false;
    }
  }
  go_wg_done(wg);
}

int main(void) {
  Service srv = {0};
  ServiceInit(&srv);
  Mux m = {0};
  Init(&m, &srv);

  go_time start = go_now();
  go_waitgroup wg = {0};
  bool ok[NCALLERS];
  for (int id = 0; id < NCALLERS; id++) {
    go_wg_add(&wg, 1);
    go(caller, &m, id, &ok[id], &wg);
  }
  go_wg_wait(&wg);

  printf("%d callers made %d calls in %s; the first replies came for tags",
         NCALLERS, NCALLERS * NCALLS, GO_DUR(go_since(start)));
  for (int i = 0; i < 10; i++)
    printf(" %lld", (long long)srv.order[i]);
  printf(" ...\n");
  int bad = 0;
  for (int id = 0; id < NCALLERS; id++)
    bad += !ok[id];
  if (bad == 0)
    printf("every caller got its own replies\n");

  Close(&m);
  go_sleep(GO_SECOND); /* let the loops and the service finish */
  return bad ? 1 : 0;
}
