/* recv_loop.h: the interface of exercise 11-mux/recv_loop, shared
 * by the student's recv_loop.c and the instructor's recv_loop_test.c. The
 * service is the test's: it counts the requests in flight. */
#ifndef MUX_EXERCISE_RECV_LOOP_H
#define MUX_EXERCISE_RECV_LOOP_H

#include "go.h"

typedef struct Msg {
  int64_t tag; /* the muxing identifier */
  int64_t val;
} Msg;

/* Supplied by the test: the talk's Service. Replies come out of order;
 * Send must not be called concurrently with itself, nor Recv; Recv reports
 * false once CloseSend was called and every reply is out. */
typedef struct Service Service;
int64_t ReadTag(Service *s, Msg m);
void Send(Service *s, Msg m);
void CloseSend(Service *s);
bool Recv(Service *s, Msg *m);

/* Written by the student: the mux. mux_call may be called from many
 * goroutines at once and returns the reply whose tag is that of args;
 * mux_close, after the last call has returned, makes both loops end. */
typedef struct Mux Mux;
Mux *mux_new(Service *srv);
Msg mux_call(Mux *m, Msg args);
void mux_close(Mux *m);

#endif
