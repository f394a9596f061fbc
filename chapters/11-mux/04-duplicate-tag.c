// Protocol multiplexer with callers that reuse each other's tags (Russ Cox,
// "Patterns and Hints for Concurrency in Go", pattern #4).
// Bug: callers 2i and 2i+1 send the same tags, so a second call with a tag
// that is still pending makes Call panic: a reply could not be routed.
// expect: panic
// hint: Use goroutines, channels, and mutexes together.
#include "go.h"

#include <stdio.h>

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

static void ServiceInit(Service *s) {
  s->req = go_make_chan(Msg, 0);
  s->rep = go_make_chan(Msg, 0);
  go(serve, s->req, s->rep);
}

/* ReadTag returns the muxing identifier in the request or reply message. */
static int64_t ReadTag(Service *s, Msg m) {
  (void)s;
  return m.tag;
}

/* Send sends a request; it must not be called concurrently with itself. */
static void Send(Service *s, Msg m) { go_send(s->req, &m); }

/* No more requests: the service exits once it has sent every reply. */
static void CloseSend(Service *s) { go_close(s->req); }

/* Recv waits for a reply; it must not be called concurrently with itself. */
static bool Recv(Service *s, Msg *m) {
  if (!go_recv(s->rep, m))
    return false;
  if (s->n < 100)
    s->order[s->n++] = m->tag;
  return true;
}

/* ---- pending calls: a small fixed table standing in for Go's
 * map[int64]chan<- Msg. A lookup scans every slot, as a map may touch any of
 * its buckets, so any unlocked access conflicts with a concurrent one. */
enum { PENDING_MAX = 64 };

typedef struct Pending {
  int count;
  struct {
    int64_t tag;
    go_chan *done; /* NULL: free slot */
  } slot[PENDING_MAX];
} Pending;

static go_chan *pending_get(Pending *p, int64_t tag) {
  go_chan *done = NULL;
  for (int i = 0; i < PENDING_MAX; i++)
    if (p->slot[i].done && p->slot[i].tag == tag)
      done = p->slot[i].done;
  return done;
}

static void pending_put(Pending *p, int64_t tag, go_chan *done) {
  for (int i = 0; i < PENDING_MAX; i++)
    if (!p->slot[i].done) {
      p->slot[i].tag = tag;
      p->slot[i].done = done;
      p->count++;
      return;
    }
  go_panic("mux: more than %d calls pending", PENDING_MAX);
}

static void pending_delete(Pending *p, int64_t tag) {
  for (int i = 0; i < PENDING_MAX; i++)
    if (p->slot[i].done && p->slot[i].tag == tag) {
      p->slot[i].done = NULL;
      p->count--;
    }
}

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
    go_mutex_unlock(&m->mu); /* the slide panics holding mu: same outcome */
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
    Msg args = {id / 2 + NCALLERS * k, 1000 * id + k}; /* tags collide */
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
