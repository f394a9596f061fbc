/* context.c: Go's context package.
 *
 * A tree of contexts: cancelling one closes its done channel and cancels
 * every descendant; a child of an already cancelled parent is cancelled at
 * creation. Deadlines are timers whose expiry runs the cancel in a goroutine
 * of its own, as Go's time.AfterFunc does. Contexts are never freed (Go's
 * garbage collector would), but a cancelled context unlinks itself from its
 * parent and stops its timer, so nothing keeps running or keeps it alive. */
#include "rt.h"

#include <stdlib.h>

const char *const go_canceled = "context canceled";
const char *const go_deadline_exceeded = "context deadline exceeded";

enum ctx_kind { CTX_EMPTY, CTX_CANCEL, CTX_VALUE };

struct go_context {
  enum ctx_kind kind;
  go_context *parent;
  /* CTX_CANCEL */
  go_chan *done;
  go_error err;
  bool has_deadline;
  go_time deadline;
  go_timer *timer;
  go_context *children;     /* first child still linked */
  go_context *prev, *next;  /* siblings under the parent canceller */
  go_context *canceller;    /* the parent this one is linked under, or NULL */
  /* CTX_VALUE */
  const void *key;
  void *val;
};

static go_context background_ctx = {.kind = CTX_EMPTY};
static go_context todo_ctx = {.kind = CTX_EMPTY};

go_context *go_background(void) { return &background_ctx; }
go_context *go_todo(void) { return &todo_ctx; }

/* The nearest cancellable ancestor-or-self (value contexts pass through). */
static go_context *cancel_ctx_of(go_context *c) {
  while (c != NULL && c->kind == CTX_VALUE)
    c = c->parent;
  return c != NULL && c->kind == CTX_CANCEL ? c : NULL;
}

static void unlink_child(go_context *c) {
  go_context *p = c->canceller;
  if (p == NULL)
    return;
  if (c->prev != NULL)
    c->prev->next = c->next;
  else
    p->children = c->next;
  if (c->next != NULL)
    c->next->prev = c->prev;
  c->prev = c->next = NULL;
  c->canceller = NULL;
}

/* Go's cancelCtx.cancel. The error is published before the channel closes:
 * Err() after <-Done() sees it (Go guards both with one mutex). */
static void cancel_with(go_context *c, go_error err, bool unlink) {
  if (c->err != NULL)
    return;
  rt_race_release(rt_cur(), &c->err);
  c->err = err;
  rt_preempt_disable(); /* Go holds the context's mutex here */
  go_close(c->done);
  rt_preempt_enable();
  while (c->children != NULL) {
    go_context *child = c->children;
    unlink_child(child);
    cancel_with(child, err, false);
  }
  if (unlink)
    unlink_child(c);
  if (c->timer != NULL)
    go_timer_stop(c->timer);
}

static void check_parent(go_context *parent) {
  if (parent == NULL)
    go_panic("cannot create context from nil parent");
}

/* Go's propagateCancel: link under the parent canceller, or cancel now if
 * the parent already is. */
static go_context *new_cancel_ctx(go_context *parent) {
  check_parent(parent);
  go_context *c = calloc(1, sizeof *c);
  c->kind = CTX_CANCEL;
  c->parent = parent;
  c->done = go_chan_make(0, 0);
  go_context *p = cancel_ctx_of(parent);
  if (p == NULL)
    return c;
  if (p->err != NULL) {
    rt_race_acquire(rt_cur(), &p->err);
    cancel_with(c, p->err, false);
    return c;
  }
  c->canceller = p;
  c->next = p->children;
  if (p->children != NULL)
    p->children->prev = c;
  p->children = c;
  return c;
}

go_context *go_with_cancel(go_context *parent) {
  return new_cancel_ctx(parent);
}

/* The goroutine a deadline's timer starts (Go: time.AfterFunc). */
static void deadline_expired(void *arg) {
  cancel_with(arg, go_deadline_exceeded, true);
}

go_context *go_with_deadline(go_context *parent, go_time deadline) {
  check_parent(parent);
  go_time cur;
  if (go_ctx_deadline(parent, &cur) && cur.ns < deadline.ns)
    return go_with_cancel(parent); /* the parent's deadline comes first */
  go_context *c = new_cancel_ctx(parent);
  c->has_deadline = true;
  c->deadline = deadline;
  go_duration d = go_time_sub(deadline, go_now());
  if (d <= 0) {
    cancel_with(c, go_deadline_exceeded, true);
    return c;
  }
  if (c->err == NULL)
    c->timer = go_after_func(d, deadline_expired, c);
  return c;
}

go_context *go_with_timeout(go_context *parent, go_duration d) {
  check_parent(parent);
  /* Saturate rather than overflow on a huge timeout. */
  go_time now = go_now();
  go_time dl = d > INT64_MAX - now.ns ? (go_time){INT64_MAX}
                                      : go_time_add(now, d);
  return go_with_deadline(parent, dl);
}

go_context *go_with_value(go_context *parent, const void *key, void *val) {
  check_parent(parent);
  if (key == NULL)
    go_panic("nil key");
  go_context *c = calloc(1, sizeof *c);
  c->kind = CTX_VALUE;
  c->parent = parent;
  c->key = key;
  c->val = val;
  return c;
}

/* The CancelFunc; a no-op on contexts that have none. */
void go_cancel(go_context *ctx) {
  if (ctx != NULL && ctx->kind == CTX_CANCEL)
    cancel_with(ctx, go_canceled, true);
}

go_chan *go_ctx_done(go_context *ctx) {
  go_context *c = cancel_ctx_of(ctx);
  return c ? c->done : NULL;
}

go_error go_ctx_err(go_context *ctx) {
  go_context *c = cancel_ctx_of(ctx);
  if (c == NULL || c->err == NULL)
    return NULL;
  rt_race_acquire(rt_cur(), &c->err);
  return c->err;
}

bool go_ctx_deadline(go_context *ctx, go_time *deadline) {
  for (go_context *c = ctx; c != NULL; c = c->parent) {
    if (c->kind == CTX_CANCEL && c->has_deadline) {
      if (deadline != NULL)
        *deadline = c->deadline;
      return true;
    }
  }
  return false;
}

void *go_ctx_value(go_context *ctx, const void *key) {
  for (go_context *c = ctx; c != NULL; c = c->parent)
    if (c->kind == CTX_VALUE && c->key == key)
      return c->val;
  return NULL;
}
