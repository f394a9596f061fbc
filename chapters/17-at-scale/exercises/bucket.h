/* bucket.h: the interface of exercise 17-at-scale/bucket, shared by the
 * student's bucket.c and the instructor's bucket_test.c: a token bucket as
 * in the chapter's rate.h (golang.org/x/time/rate's shape). */
#ifndef BUCKET_H
#define BUCKET_H

#include "go.h"

/* Holds up to `burst` tokens, starts full, gains one token per `every`.
 * The tokens held are credit / every; credit may go below zero, which
 * means tokens already promised to callers still waiting for them. */
typedef struct Limiter {
  go_mutex mu;
  go_duration every;
  int burst;
  go_duration credit;
  go_time last; /* when credit was brought up to date */
} Limiter;

/* Written by the student (bucket.c): blocks until the caller has a token
 * (NULL), or returns an error at once if the token would come after ctx's
 * deadline, or ctx's error if ctx ends while waiting. */
go_error Wait(Limiter *l, go_context *ctx);

/* Supplied by the test. advance brings credit up to `now` (call it with mu
 * held); Allow takes a token if one is there now and never waits. */
void advance(Limiter *l, go_time now);
bool Allow(Limiter *l);

#endif
