/* chan.c: channels and select.
 *
 * As in libtask, every channel operation is a select: go_send and go_recv
 * build a one-case select, so there is one path that moves data and one that
 * parks. Everything runs on one thread, so an operation is atomic until it
 * parks, and a goroutine parked on several channels (a select) is taken off
 * all of them by whoever wakes it, in the same step: two partners can never
 * both fire one select, and a select can never meet itself.
 *
 * Happens-before for ThreadSanitizer follows Go's chan.go: an unbuffered send
 * and its receive synchronize both ways; the k-th receive from a buffered
 * channel happens before the (k+C)-th send completes, through a sync address
 * per buffer slot; close happens before a receive that sees it closed. */
#include "rt.h"

#include <stdlib.h>

/* A goroutine waiting on one channel, as one case of its select (Go's sudog).
 * It lives on the waiting goroutine's stack. */
typedef struct waiter waiter;
typedef struct sel sel;
struct waiter {
  waiter *prev, *next; /* in the channel's sendq or recvq */
  sel *s;
  go_chan *c;
  void *elem; /* where to take the value from, or put it */
  int index;  /* the case's position in the select */
  bool is_send;
  bool ok;     /* receive: false when woken by close */
  bool closed; /* send: woken by close, so it must panic */
};

struct sel {
  G *g;
  waiter *ws;
  int n;
};

typedef struct waitq {
  waiter *head, *tail;
} waitq;

struct go_chan {
  size_t elemsize;
  long cap;
  long count; /* elements in buf */
  long recvx; /* next slot to receive from */
  long sendx; /* next slot to send to */
  bool closed;
  waitq recvq, sendq;
  char race_addr;   /* send reads it and close writes it, as Go's c.raceaddr */
  char close_sync;  /* close releases; a receive that sees closed acquires */
  char *race_slots; /* one sync address per slot (race build) */
  char buf[];
};

/* ---- wait queues. */
static void q_push(waitq *q, waiter *w) {
  w->next = NULL;
  w->prev = q->tail;
  if (q->tail)
    q->tail->next = w;
  else
    q->head = w;
  q->tail = w;
}

static void q_unlink(waitq *q, waiter *w) {
  if (w->prev)
    w->prev->next = w->next;
  else
    q->head = w->next;
  if (w->next)
    w->next->prev = w->prev;
  else
    q->tail = w->prev;
  w->prev = w->next = NULL;
}

static waitq *queue_of(waiter *w) {
  return w->is_send ? &w->c->sendq : &w->c->recvq;
}

/* Takes the first waiter off q and every sibling case of its select off
 * their channels, then readies its goroutine. */
static waiter *q_take(waitq *q) {
  waiter *w = q->head;
  if (!w)
    return NULL;
  sel *s = w->s;
  for (int i = 0; i < s->n; i++)
    if (s->ws[i].c)
      q_unlink(queue_of(&s->ws[i]), &s->ws[i]);
  return w;
}

static void wake(waiter *w) { rt_ready(w->s->g, w); }

/* ---- race annotations. */
static void *slot_sync(go_chan *c, long i) {
  return c->race_slots ? c->race_slots + i : &c->race_addr;
}

/* An unbuffered send meets its receive: each side learns the other's past.
 * The address is the partner goroutine's own, so nothing from an earlier,
 * unrelated exchange on the same channel leaks into this one. */
static void race_sync(G *me, G *other) {
  rt_race_release(me, &other->race_sync);
  rt_race_acquire(other, &other->race_sync);
  rt_race_release(other, &other->race_sync);
  rt_race_acquire(me, &other->race_sync);
}

/* g passes through buffer slot i (Go's racenotify). */
static void race_slot(go_chan *c, long i, G *g) {
  rt_race_acquire(g, slot_sync(c, i));
  rt_race_release(g, slot_sync(c, i));
}

static char *slot(go_chan *c, long i) {
  return c->buf + (size_t)i * c->elemsize;
}

/* ---- making. */
go_chan *go_chan_make(size_t elem_size, long cap) {
  if (cap < 0)
    go_panic("makechan: size out of range");
  if (elem_size > (1 << 16))
    go_fatal("channel element type too large (>64kB)");
  size_t bytes = (size_t)cap * elem_size;
  if (cap > 0 && bytes / (size_t)cap != elem_size)
    go_panic("makechan: size out of range");
  go_chan *c = calloc(1, sizeof *c + bytes);
  if (!c)
    go_panic("makechan: out of memory");
  c->elemsize = elem_size;
  c->cap = cap;
#if defined(GO_RACE)
  if (cap > 0 && !(c->race_slots = calloc((size_t)cap, 1)))
    go_panic("makechan: out of memory");
#endif
  return c;
}

void go_chan_free(go_chan *c) {
  if (!c)
    return;
  free(c->race_slots);
  free(c);
}

long go_len(go_chan *c) { return c ? c->count : 0; }
long go_cap(go_chan *c) { return c ? c->cap : 0; }

/* ---- moving data. The caller has checked the case is ready. */

/* A send that can proceed: to a waiting receiver, else into the buffer. */
/* A sender and a receiver met on c: both sides of the trace's arrow. */
static void trace_meet(const G *sender, const G *receiver, go_chan *c) {
  rt_trace(RT_EV_SEND, sender, c, receiver->id, NULL);
  rt_trace(RT_EV_RECV, receiver, c, sender->id, NULL);
}

static void send_now(go_chan *c, const void *elem) {
  G *me = rt_cur();
  waiter *w = q_take(&c->recvq);
  if (w) {
    /* The receiver gets the value straight from us. With a buffer (then
     * empty), pretend it went through slot recvx, as Go does. */
    if (c->cap == 0) {
      race_sync(me, w->s->g);
    } else {
      race_slot(c, c->recvx, me);
      race_slot(c, c->recvx, w->s->g);
      c->recvx = (c->recvx + 1) % c->cap;
      c->sendx = c->recvx;
    }
    if (w->elem)
      rt_copy(w->elem, elem, c->elemsize);
    trace_meet(me, w->s->g, c);
    w->ok = true;
    wake(w);
    return;
  }
  rt_copy(slot(c, c->sendx), elem, c->elemsize);
  rt_trace(RT_EV_SEND, me, c, 0, NULL);
  race_slot(c, c->sendx, me);
  c->sendx = (c->sendx + 1) % c->cap;
  c->count++;
}

/* A receive that can proceed: from a waiting sender, the buffer, or closed. */
static bool recv_now(go_chan *c, void *elem) {
  G *me = rt_cur();
  waiter *w = q_take(&c->sendq);
  if (w) {
    if (c->cap == 0) {
      race_sync(me, w->s->g);
      if (elem)
        rt_copy(elem, w->elem, c->elemsize);
    } else {
      /* The buffer is full: take its head, and the sender's value goes to
       * the tail, which is the same slot. */
      race_slot(c, c->recvx, me);
      race_slot(c, c->recvx, w->s->g);
      if (elem)
        rt_copy(elem, slot(c, c->recvx), c->elemsize);
      rt_copy(slot(c, c->recvx), w->elem, c->elemsize);
      c->recvx = (c->recvx + 1) % c->cap;
      c->sendx = c->recvx;
    }
    trace_meet(w->s->g, me, c);
    wake(w);
    return true;
  }
  if (c->count > 0) {
    race_slot(c, c->recvx, me);
    if (elem)
      rt_copy(elem, slot(c, c->recvx), c->elemsize);
    c->recvx = (c->recvx + 1) % c->cap;
    c->count--;
    rt_trace(RT_EV_RECV, me, c, 0, NULL);
    return true;
  }
  rt_race_acquire(me, &c->close_sync);
  rt_trace(RT_EV_RECV_CLOSED, me, c, 0, NULL);
  if (elem)
    rt_zero(elem, c->elemsize);
  return false;
}

static bool send_ready(go_chan *c) {
  return c->recvq.head || c->count < c->cap;
}

static bool recv_ready(go_chan *c) {
  return c->sendq.head || c->count > 0 || c->closed;
}

/* ---- select. */

/* Tries case k; true if it was ready and has been done. */
static bool try_case(go_case *k, void *pc) {
  go_chan *c = k->chan;
  if (k->is_send) {
    /* Go's chansend and selectgo: a send reads the channel, as close
     * writes it, whenever the case is polled; so a send racing with close
     * is reported even if it then parks. */
    rt_race_read(&c->race_addr, pc);
    if (c->closed)
      go_panic("send on closed channel");
    if (!send_ready(c))
      return false;
    send_now(c, k->elem);
    return true;
  }
  if (!recv_ready(c))
    return false;
  bool ok = recv_now(c, k->elem);
  if (k->ok)
    *k->ok = ok;
  return true;
}

static const char *park_reason(go_case *cases, int n) {
  if (n == 0)
    return "select (no cases)";
  if (n > 1)
    return "select";
  if (!cases[0].chan)
    return cases[0].is_send ? "chan send (nil chan)"
                            : "chan receive (nil chan)";
  return cases[0].is_send ? "chan send" : "chan receive";
}

/* Selects up to SMALL_SELECT cases keep their bookkeeping on the stack;
 * Go allows 65536 cases, which no goroutine stack here would hold. */
enum { SMALL_SELECT = 32 };

static void *select_mem(void *small, size_t each, int n) {
  if (n <= SMALL_SELECT)
    return small;
  void *p = malloc(each * (size_t)n);
  if (!p)
    go_panic("select: out of memory for %d cases", n);
  return p;
}

/* Nothing was ready: wait on every channel at once. */
static int block(go_case *cases, int n) {
  waiter small[SMALL_SELECT];
  waiter *ws = select_mem(small, sizeof *ws, n);
  sel s = {rt_cur(), ws, n};
  for (int i = 0; i < n; i++) {
    ws[i] = (waiter){.s = &s,
                     .c = cases[i].chan,
                     .elem = cases[i].elem,
                     .index = i,
                     .is_send = cases[i].is_send};
    if (ws[i].c)
      q_push(queue_of(&ws[i]), &ws[i]);
    rt_trace(RT_EV_WAIT, s.g, ws[i].c, i, ws[i].is_send ? "send" : "recv");
  }
  rt_park(park_reason(cases, n));
  waiter *w = rt_cur()->param;
  if (w->is_send) {
    if (w->closed)
      go_panic("send on closed channel");
  } else if (cases[w->index].ok) {
    *cases[w->index].ok = w->ok;
  }
  int index = w->index;
  if (n > 1)
    rt_trace(RT_EV_SELECT, rt_cur(), w->c, index, NULL);
  if (ws != small)
    free(ws);
  return index;
}

static bool case_ready(const go_case *k) {
  if (!k->chan)
    return false;
  return k->is_send ? k->chan->closed || send_ready(k->chan)
                    : recv_ready(k->chan);
}

/* Go's selectgo polls the cases in a random order and takes the first ready
 * one, which makes the choice uniform among the ready cases. A systematic
 * schedule (choice.c) names the ready case instead: it is polled first. */
static void poll_order(go_case *cases, int n, int *order) {
  if (!rt_choice_systematic()) {
    for (int i = 0; i < n; i++) {
      int j = (int)rt_randn((uint64_t)i + 1);
      order[i] = order[j];
      order[j] = i;
    }
    return;
  }
  int ready = 0;
  for (int i = 0; i < n; i++)
    ready += case_ready(&cases[order[i] = i]);
  long pick = rt_choose_index(RT_CHOICE_CASE, ready);
  for (int i = 0; i < n; i++)
    if (case_ready(&cases[i]) && pick-- == 0) {
      order[i] = 0;
      order[0] = i;
      return;
    }
}

static int select_impl(go_case *cases, int n, bool has_default, void *pc) {
  for (int i = 1; i < n; i++)
    rt_choice_touch(cases[i].chan, pc);
  rt_preempt_point(n > 0 ? cases[0].chan : NULL, pc);
  int small[SMALL_SELECT];
  int *order = select_mem(small, sizeof *order, n);
  poll_order(cases, n, order);
  int chosen = -1;
  for (int i = 0; i < n && chosen < 0; i++) {
    go_case *k = &cases[order[i]];
    if (k->chan && try_case(k, pc))
      chosen = order[i];
  }
  if (order != small)
    free(order);
  if (chosen >= 0 && n > 1)
    rt_trace(RT_EV_SELECT, rt_cur(), cases[chosen].chan, chosen, NULL);
  if (chosen >= 0)
    return chosen;
  if (has_default)
    return GO_DEFAULT;
  return block(cases, n);
}

/* The element copies are the runtime's, uninstrumented: the goroutine's own
 * access to its variable is stated here, in its name, as Go's compiled code
 * reads x before `c <- x` and writes it after `x = <-c` (and selectgo for
 * the chosen case): a send reads the element, a receive writes it. */
static void element_access(go_case *k, void *pc) {
  if (!k->chan || !k->elem || !k->chan->elemsize)
    return;
  if (k->is_send)
    rt_race_read_range(k->elem, k->chan->elemsize, pc);
  else
    rt_race_write_range(k->elem, k->chan->elemsize, pc);
}

int go_select_(go_case *cases, int n, bool has_default) {
  if (n < 0 || n > 65536)
    go_panic("select: %d cases", n);
  void *pc = __builtin_return_address(0);
  int i = select_impl(cases, n, has_default, pc);
  if (i >= 0)
    element_access(&cases[i], pc);
  return i;
}

/* A single operation: no shuffle, same path otherwise. */
static void one_case(go_case *k, void *pc) {
  rt_preempt_point(k->chan, pc);
  if (!k->chan || !try_case(k, pc))
    block(k, 1);
}

void go_send(go_chan *c, const void *elem) {
  go_case k = go_send_case(c, elem);
  element_access(&k, __builtin_return_address(0));
  one_case(&k, __builtin_return_address(0));
}

bool go_recv(go_chan *c, void *elem) {
  bool ok = true;
  go_case k = go_recv_case_ok(c, elem, &ok);
  one_case(&k, __builtin_return_address(0));
  element_access(&k, __builtin_return_address(0));
  return ok;
}

void go_close(go_chan *c) {
  if (!c)
    go_panic("close of nil channel");
  if (c->closed)
    go_panic("close of closed channel");
  rt_preempt_point(c, __builtin_return_address(0));
  G *me = rt_cur();
  rt_race_write(&c->race_addr, __builtin_return_address(0));
  rt_race_release(me, &c->close_sync);
  c->closed = true;
  rt_trace(RT_EV_CLOSE, me, c, 0, NULL);
  waiter *w;
  while ((w = q_take(&c->recvq))) {
    if (w->elem)
      rt_zero(w->elem, c->elemsize);
    w->ok = false;
    rt_race_acquire(w->s->g, &c->close_sync);
    wake(w);
  }
  while ((w = q_take(&c->sendq))) {
    w->closed = true;
    rt_race_acquire(w->s->g, &c->close_sync);
    wake(w);
  }
}
