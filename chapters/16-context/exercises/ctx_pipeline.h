/* ctx_pipeline.h: the interface of exercise 16-context/ctx_pipeline, shared
 * by the student's ctx_pipeline.c and the instructor's ctx_pipeline_test.c.
 * Every stage returns an unbuffered chan int that it owns and closes, and
 * stops as soon as ctx is cancelled. */
#ifndef CTX_PIPELINE_H
#define CTX_PIPELINE_H

#include "go.h"

go_chan *generate(go_context *ctx);                 /* 1, 2, 3, ... */
go_chan *square(go_context *ctx, go_chan *in);      /* v * v */
go_chan *plus(go_context *ctx, go_chan *in, int k); /* v + k */

#endif
