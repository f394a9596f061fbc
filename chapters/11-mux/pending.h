/* pending.h: the mux's table of pending calls, Go's map[int64]chan<- Msg,
 * shared by the chapter's programs (the exercise builds its own). */
#ifndef MUX_PENDING_H
#define MUX_PENDING_H

#include "go.h"

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

static inline go_chan *pending_get(Pending *p, int64_t tag) {
  go_chan *done = NULL;
  for (int i = 0; i < PENDING_MAX; i++)
    if (p->slot[i].done && p->slot[i].tag == tag)
      done = p->slot[i].done;
  return done;
}

static inline void pending_put(Pending *p, int64_t tag, go_chan *done) {
  for (int i = 0; i < PENDING_MAX; i++)
    if (!p->slot[i].done) {
      p->slot[i].tag = tag;
      p->slot[i].done = done;
      p->count++;
      return;
    }
  go_panic("mux: more than %d calls pending", PENDING_MAX);
}

static inline void pending_delete(Pending *p, int64_t tag) {
  for (int i = 0; i < PENDING_MAX; i++)
    if (p->slot[i].done && p->slot[i].tag == tag) {
      p->slot[i].done = NULL;
      p->count--;
    }
}

#endif /* MUX_PENDING_H */
