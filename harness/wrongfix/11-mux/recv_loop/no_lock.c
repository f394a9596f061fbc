// wrong: recvLoop takes from the table without the mutex ("only recvLoop
// deletes"): callers add to the table at the same time, a data race.
// expect: race
#include <stdlib.h>

#include "recv_loop.h"

enum { MAXWAIT = 64 };

/* Go's map[int64]chan<- Msg, as a small array; guarded by Mux.mu. */
typedef struct Pending {
  struct {
    int64_t tag;
    go_chan *done; /* NULL: free slot */
  } slot[MAXWAIT];
} Pending;

static int pending_find(Pending *p, int64_t tag) {
  for (int i = 0; i < MAXWAIT; i++)
    if (p->slot[i].done && p->slot[i].tag == tag)
      return i;
  return -1;
}

static void pending_put(Pending *p, int64_t tag, go_chan *done) {
  if (pending_find(p, tag) >= 0)
    go_panic("mux: duplicate call tag");
  int i;
  for (i = 0; i < MAXWAIT && p->slot[i].done; i++)
    ;
  if (i == MAXWAIT)
    go_panic("mux: more than %d calls pending", MAXWAIT);
  p->slot[i].tag = tag;
  p->slot[i].done = done;
}

/* Removes the call waiting for tag and returns its channel, or NULL. */
static go_chan *pending_take(Pending *p, int64_t tag) {
  int i = pending_find(p, tag);
  if (i < 0)
    return NULL;
  go_chan *done = p->slot[i].done;
  p->slot[i].done = NULL;
  return done;
}

struct Mux {
  Service *srv;
  go_chan *send; /* chan Msg */
  go_mutex mu;
  Pending pending; /* tag -> channel of the call waiting for that reply */
};

GO_FUNC(sendLoop, Mux *, m) {
  Msg args;
  while (go_recv(m->send, &args)) /* for args := range m.send */
    Send(m->srv, args);
  CloseSend(m->srv); /* not on the slide: see mux_close */
}

GO_FUNC(recvLoop, Mux *, m) {
  Msg reply;
  while (Recv(m->srv, &reply)) { /* the slide's for { reply := m.srv.Recv() */
    int64_t tag = ReadTag(m->srv, reply);
    go_chan *done = pending_take(&m->pending, tag);

    if (done == NULL)
      go_panic("unexpected reply");
    go_send(done, &reply);
  }
}

Mux *mux_new(Service *srv) {
  Mux *m = calloc(1, sizeof *m);
  m->srv = srv;
  m->send = go_make_chan(Msg, 0);
  go(sendLoop, m);
  go(recvLoop, m);
  return m;
}

Msg mux_call(Mux *m, Msg args) {
  int64_t tag = ReadTag(m->srv, args);
  go_chan *done = go_make_chan(Msg, 1);

  go_mutex_lock(&m->mu);
  pending_put(&m->pending, tag, done);
  go_mutex_unlock(&m->mu);

  go_send(m->send, &args);
  Msg reply;
  go_recv(done, &reply);
  return reply;
}

/* Not on the slides. After the last call has returned: sendLoop ends when
 * send is closed and closes the service's requests; the service ends its
 * replies once every reply is out; then recvLoop's Recv reports false. */
void mux_close(Mux *m) { go_close(m->send); }
