/* service.h: the service the chapter's multiplexers talk to, shared by the
 * chapter's programs: not on the slides (the talk's Service is an
 * interface), and the same in every version, so it lives here and each
 * program keeps only its Mux. Define SERVICE_REPLIES_TWICE before including
 * it for the faulty service of 05-unexpected-reply. */
#ifndef MUX_SERVICE_H
#define MUX_SERVICE_H

#include "go.h"

typedef struct Msg {
  int64_t tag; /* the muxing identifier */
  int64_t val;
} Msg;

/* ---- the service (Go's Service interface; one fake implementation) ------
 * Requests go to a server goroutine over a channel; it answers each one from
 * a goroutine of its own after a random delay, so replies come out of order.
 * Recv reports false once the service is closed and every reply is out: the
 * slide's Recv has no such result, but without one recvLoop could never
 * exit. */
typedef struct Service {
  go_chan *req;       /* chan Msg */
  go_chan *rep;       /* chan Msg */
  int64_t order[100]; /* tags in the order Recv returned them */
  int n;
} Service;

GO_FUNC(answer, Msg, m, go_chan *, rep, go_waitgroup *, wg) {
  go_sleep((go_duration)(1 + go_rand() % 20) * GO_MILLISECOND);
  Msg reply = {m.tag, m.val * m.val};
  go_send(rep, &reply);
#ifdef SERVICE_REPLIES_TWICE
  go_send(rep, &reply); /* the faulty service's repeat */
#endif
  go_wg_done(wg);
}

GO_FUNC(serve, go_chan *, req, go_chan *, rep) {
  go_waitgroup wg = {0};
  Msg m;
  while (go_recv(req, &m)) {
    go_wg_add(&wg, 1);
    go(answer, m, rep, &wg);
  }
  go_wg_wait(&wg);
  go_close(rep);
}

static inline void ServiceInit(Service *s) {
  s->req = go_make_chan(Msg, 0);
  s->rep = go_make_chan(Msg, 0);
  go(serve, s->req, s->rep);
}

/* ReadTag returns the muxing identifier in the request or reply message. */
static inline int64_t ReadTag(Service *s, Msg m) {
  (void)s;
  return m.tag;
}

/* Send sends a request; it must not be called concurrently with itself. */
static inline void Send(Service *s, Msg m) { go_send(s->req, &m); }

/* No more requests: the service exits once it has sent every reply. */
static inline void CloseSend(Service *s) { go_close(s->req); }

/* Recv waits for a reply; it must not be called concurrently with itself. */
static inline bool Recv(Service *s, Msg *m) {
  if (!go_recv(s->rep, m))
    return false;
  if (s->n < 100)
    s->order[s->n++] = m->tag;
  return true;
}

#endif /* MUX_SERVICE_H */
