// wrong: a lock around the whole call: with one request in flight at a
// time the oldest waiting call is the right one, and every caller gets its
// own reply, but the mux no longer multiplexes anything.
// expect: fail
#include <stdlib.h>

#include "pending.h"

enum { MAXWAIT = 64 };

struct Mux {
  Service *srv;
  go_chan *send; /* chan Msg */
  go_mutex mu;
  go_mutex call;             /* held for a whole call */
  go_chan *waiting[MAXWAIT]; /* channels of the calls waiting, oldest first */
  int head, n;
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
    go_mutex_lock(&m->mu);
    go_chan *done = NULL;
    if (m->n > 0) {
      done = m->waiting[m->head];
      m->head = (m->head + 1) % MAXWAIT;
      m->n--;
    }
    go_mutex_unlock(&m->mu);

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
  go_chan *done = go_make_chan(Msg, 1);

  go_mutex_lock(&m->call); /* one call at a time: replies come in order */
  go_mutex_lock(&m->mu);
  if (m->n == MAXWAIT)
    go_panic("mux: more than %d calls pending", MAXWAIT);
  m->waiting[(m->head + m->n) % MAXWAIT] = done;
  m->n++;
  go_mutex_unlock(&m->mu);

  go_send(m->send, &args);
  Msg reply;
  go_recv(done, &reply);
  go_mutex_unlock(&m->call);
  return reply;
}

/* Not on the slides. After the last call has returned: sendLoop ends when
 * send is closed and closes the service's requests; the service ends its
 * replies once every reply is out; then recvLoop's Recv reports false. */
void mux_close(Mux *m) { go_close(m->send); }
