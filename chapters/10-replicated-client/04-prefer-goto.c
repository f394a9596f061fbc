// Replicated service client that remembers the server that answered (Russ
// Cox, "Patterns and Hints for Concurrency in Go", pattern #3, the last
// slide): Call starts with the preferred server, read and updated under the
// mutex because many goroutines call Call at once, and a goto joins the two
// places a reply can arrive.
// expect: ok
// hint: Use a goto if that is the clearest way to write the code.
#include "go.h"

#include <stdio.h>

typedef int Args;
typedef struct Reply {
  const char *from; /* which server answered */
  Args args;        /* the request it answers */
} Reply;

/* Go's callOne is a func value, a closure; C spells it as a function plus the
 * environment it closes over. */
typedef struct CallOne {
  Reply (*fn)(void *env, const char *srv, Args args);
  void *env;
} CallOne;

typedef struct Client {
  const char **servers;
  int nservers;
  CallOne callOne;

  go_mutex mu;
  int prefer;
} Client;

static void Init(Client *c, const char **servers, int nservers,
                 CallOne callOne) {
  c->servers = servers;
  c->nservers = nservers;
  c->callOne = callOne;
}

typedef struct result {
  int serverID;
  Reply reply;
} result;

/* The slide's `go func() { done <- result{id, c.callOne(c.servers[id], args)}
 * }()`: the closure's captured variables are the parameters. */
GO_FUNC(ask, Client *, c, int, id, Args, args, go_chan *, done) {
  result r = {id, c->callOne.fn(c->callOne.env, c->servers[id], args)};
  go_send(done, &r);
}

static Reply Call(Client *c, Args args) {
  const go_duration timeout = 1 * GO_SECOND;
  go_timer *t = go_timer_new(timeout);

  go_chan *done = go_make_chan(result, c->nservers);

  go_mutex_lock(&c->mu);
  int prefer = c->prefer;
  go_mutex_unlock(&c->mu);

  result r;
  for (int off = 0; off < c->nservers; off++) {
    int id = (prefer + off) % c->nservers;
    go(ask, c, id, args, done);

    switch (go_select(go_recv_case(done, &r), go_recv_case(t->C, NULL))) {
    case 0:
      goto Done;
    case 1:
      /* timeout */
      go_timer_reset(t, timeout);
    }
  }

  go_recv(done, &r);
Done:
  go_mutex_lock(&c->mu);
  c->prefer = r.serverID;
  go_mutex_unlock(&c->mu);
  go_timer_stop(t); /* defer t.Stop() */
  return r.reply;
}

/* ---- test fixture: servers whose latencies are fixed -------------------- */
enum { NSERVERS = 3 };

typedef struct Cluster {
  const char *servers[NSERVERS];
  go_duration latency[NSERVERS];
  go_time start;
} Cluster;

/* The virtual time since the test started, as text. */
#define since(cl) GO_DUR(go_since((cl)->start))

/* callOne(srv, args): answers after the server's latency. */
static Reply fake_callOne(void *env, const char *srv, Args args) {
  Cluster *cl = env;
  int s = srv[1] - '0';
  printf("%6s: %s asked for %d\n", since(cl), srv, args);
  go_sleep(cl->latency[s]);
  printf("%6s: %s answers %d\n", since(cl), srv, args);
  return (Reply){srv, args};
}

enum { NCALLERS = 3 };

/* One of several goroutines calling Call at once. */
GO_FUNC(caller, Client *, c, Cluster *, cl, Args, args, go_waitgroup *, wg,
        bool *, ok) {
  go_time begin = go_now();
  Reply r = Call(c, args);
  go_duration took = go_since(begin);
  printf("%6s: Call(%d) returns the reply of %s after %s\n", since(cl), args,
         r.from, GO_DUR(took));
  *ok = r.args == args && took == 200 * GO_MILLISECOND;
  go_wg_done(wg);
}

int main(void) {
  Cluster cl = {
      .servers = {"s0", "s1", "s2"},
      .latency = {3 * GO_SECOND, 2500 * GO_MILLISECOND, 200 * GO_MILLISECOND},
      .start = go_now()};
  Client c = {0};
  Init(&c, cl.servers, NSERVERS, (CallOne){fake_callOne, &cl});

  bool bad = false;
  Reply r = Call(&c, 1);
  printf("%6s: Call(1) returns the reply of %s\n", since(&cl), r.from);
  if (r.args != 1 || go_since(cl.start) != 2200 * GO_MILLISECOND) {
    printf("FAIL: want the reply to 1 from s2 at 2.2s\n");
    bad = true;
  }

  /* Now every caller should go to s2 first and have its reply in 200ms. */
  go_sleep(GO_SECOND);
  go_waitgroup wg = {0};
  bool ok[NCALLERS] = {false};
  for (int i = 0; i < NCALLERS; i++) {
    go_wg_add(&wg, 1);
    go(caller, &c, &cl, 2 + i, &wg, &ok[i]);
  }
  go_wg_wait(&wg);
  for (int i = 0; i < NCALLERS; i++)
    if (!ok[i]) {
      printf("FAIL: Call(%d) did not get its reply from s2 in 200ms\n", 2 + i);
      bad = true;
    }

  go_sleep(10 * GO_SECOND); /* every server has answered by then */
  return bad ? 1 : 0;
}
