/* prefer.h: the interface of exercise 10-replicated-client/prefer, shared by
 * the student's prefer.c and the instructor's prefer_test.c. */
#ifndef PREFER_H
#define PREFER_H

#include "go.h"

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

typedef struct result {
  int serverID;
  Reply reply;
} result;

/* Written by the student (prefer.c). Init sets up a client of the given
 * servers; Call asks them in turn, each after a one-second timeout on the
 * one before, and returns the first reply. Many goroutines call Call at
 * once. */
void Init(Client *c, const char **servers, int nservers, CallOne callOne);
Reply Call(Client *c, Args args);

/* Supplied by the test: the slide's `go func() { done <- result{id,
 * c.callOne(c.servers[id], args)} }()`. It starts a goroutine that asks
 * server id and sends its result on done (which must have room for one
 * result per server). Call asks every server through Ask: the test sees
 * which one Call chose first. */
void Ask(Client *c, int id, Args args, go_chan *done);

#endif
