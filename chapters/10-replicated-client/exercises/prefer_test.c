// prefer_test.c: the test of exercise 10-replicated-client/prefer (the
// student does not edit it; grading uses the instructor's copy).
// goal: Make Call start with the server that answered last, so a caller
//   asks the fast server first, even with many callers at once.
// hint: Call needs to remember something from one call to the next, and
//   many goroutines call it at once.
// hint2: The Client has a prefer field and a mutex for it: read it when a
//   Call starts, set it when a reply arrives, both under the mutex.
// hint3: Try the servers from prefer on, wrapping round; a reply can
//   arrive in two places, so a goto to one common ending (which records
//   who answered) may be the clearest.
// hint4: Use a mutex if that is the clearest way to write the code.
#include <stdio.h>
#include <string.h>

#include "extest.h"
#include "go.h"
#include "prefer.h"

enum { NSERVERS = 3, NCALLS = 8 };

/* Servers whose latencies the test sets; what they were asked, in order. */
typedef struct Cluster {
  const char *servers[NSERVERS];
  go_mutex mu; /* guards the rest: servers answer from many goroutines */
  go_duration latency[NSERVERS];
  int first[NCALLS]; /* the first server asked for each request, or -1 */
  go_time start;
} Cluster;

/* callOne(srv, args): answers after the server's latency. */
static Reply fake_callOne(void *env, const char *srv, Args args) {
  Cluster *cl = env;
  int s = srv[1] - '0';
  go_mutex_lock(&cl->mu);
  if (args >= 0 && args < NCALLS && cl->first[args] < 0)
    cl->first[args] = s;
  go_duration latency = cl->latency[s];
  go_mutex_unlock(&cl->mu);
  go_sleep(latency);
  return (Reply){srv, args};
}

static int first_asked(Cluster *cl, Args args) {
  go_mutex_lock(&cl->mu);
  int s = cl->first[args];
  go_mutex_unlock(&cl->mu);
  return s;
}

static void set_fast(Cluster *cl, int fast) {
  go_mutex_lock(&cl->mu);
  for (int s = 0; s < NSERVERS; s++)
    cl->latency[s] = s == fast ? 200 * GO_MILLISECOND : 3 * GO_SECOND;
  go_mutex_unlock(&cl->mu);
}

typedef struct outcome {
  Args args;
  const char *from;
  int first;
} outcome;

/* One of several goroutines calling Call at once. */
GO_FUNC(caller, Client *, c, Args, args, outcome *, out, go_waitgroup *, wg) {
  Reply r = Call(c, args);
  *out = (outcome){r.args, r.from, -1};
  go_wg_done(wg);
}

/* Calls from n goroutines at once, requests first.., and checks each was
 * answered by srv, asked first when ask_first. */
static void calls(Client *c, Cluster *cl, Args first, int n, const char *srv,
                  bool ask_first) {
  go_waitgroup wg = {0};
  outcome out[NCALLS] = {{0}};
  for (int i = 0; i < n; i++) {
    go_wg_add(&wg, 1);
    go(caller, c, first + i, &out[i], &wg);
  }
  go_wg_wait(&wg);
  for (int i = 0; i < n; i++) {
    int f = first_asked(cl, first + i);
    ex_check(out[i].args == first + i && out[i].from &&
                 strcmp(out[i].from, srv) == 0,
             "Call(%d) returns the reply of %s (got %s)", first + i, srv,
             out[i].from ? out[i].from : "none");
    if (ask_first)
      ex_check(f >= 0 && strcmp(cl->servers[f], srv) == 0,
               "Call(%d) asked %s first (asked s%d)", first + i, srv, f);
  }
}

int main(void) {
  Cluster cl = {.servers = {"s0", "s1", "s2"}, .start = go_now()};
  for (int i = 0; i < NCALLS; i++)
    cl.first[i] = -1;
  set_fast(&cl, 2);
  Client c = {0};
  Init(&c, cl.servers, NSERVERS, (CallOne){fake_callOne, &cl});

  calls(&c, &cl, 1, 1, "s2", false); /* finds s2 after two timeouts */
  calls(&c, &cl, 2, 3, "s2", true);  /* three callers at once: s2 first */
  go_sleep(10 * GO_SECOND);          /* every server has answered */
  set_fast(&cl, 0);                  /* now s0 is the fast one */
  calls(&c, &cl, 5, 1, "s0", false); /* s2 first, then finds s0 */
  calls(&c, &cl, 6, 2, "s0", true);  /* and remembers it */
  go_sleep(10 * GO_SECOND);
  return ex_done();
}
