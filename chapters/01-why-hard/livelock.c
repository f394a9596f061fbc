// Translates "Concurrency in Go", chapter 1, "Livelock": Alice and Barbara
// meet in a hallway. Each steps aside (left, then right) to let the other
// pass, on the beat of a shared cadence, and gives up after 5 tries.
// Bug: both move at the same moments and by the same rule, so every time one
// steps aside the other steps the same way: both stay busy, neither passes.
// The program measures who got through and fails unless both did.
// expect: fail
// time: exact
// hint: A livelock is busy but makes no progress: break the symmetry.
#include <stdatomic.h>
#include <stdio.h>
#include <string.h>

#include "go.h"

typedef struct buffer { // Go: bytes.Buffer, enough of it for one walker
  char s[512];
} buffer;

static void buffer_add(buffer *out, const char *s) {
  strncat(out->s, s, sizeof out->s - strlen(out->s) - 1);
}

// The cadence: a Cond every walker waits on, broadcast every millisecond.
// Go: go func() { for range time.Tick(1 * time.Millisecond) { ... } }().
// Go never stops it; we stop it when `done` closes so the leak check passes.
GO_FUNC(cadence_ticker, go_cond *, cadence, go_chan *, done, go_chan *,
        stopped) {
  go_ticker *tick = go_ticker_new(GO_MILLISECOND);
  for (;;) {
    switch (go_select(go_recv_case(tick->C, NULL), go_recv_case(done, NULL))) {
    case 0:
      go_cond_broadcast(cadence); // Go: cadence.Broadcast()
      continue;
    case 1:
      go_ticker_stop(tick);
      go_close(stopped);
      return;
    }
  }
}

static void take_step(go_cond *cadence) {
  go_lock(cadence->L); // Go: cadence.L.Lock()
  go_cond_wait(cadence);
  go_unlock(cadence->L);
}

// Go: tryDir(dirName, dir, out): step into a direction, wait one beat, and
// stay if nobody else is there; else step back after another beat.
static bool try_dir(go_cond *cadence, const char *dir_name, atomic_int *dir,
                    buffer *out) {
  buffer_add(out, " ");
  buffer_add(out, dir_name);
  atomic_fetch_add(dir, 1); // Go: atomic.AddInt32(dir, 1)
  take_step(cadence);
  if (atomic_load(dir) == 1) {
    buffer_add(out, ". Success!");
    return true;
  }
  take_step(cadence);
  atomic_fetch_sub(dir, 1); // Go: atomic.AddInt32(dir, -1)
  return false;
}

typedef struct hallway {
  go_cond *cadence;
  atomic_int left, right; // Go: var left, right int32
  go_waitgroup walking;   // Go: var peopleInHallway sync.WaitGroup
} hallway;

GO_FUNC(walk, hallway *, h, const char *, name, bool *, got_through) {
  buffer out = {{0}}; // Go: var out bytes.Buffer
  buffer_add(&out, name);
  buffer_add(&out, " is trying to scoot:");
  *got_through = false;
  for (int i = 0; i < 5 && !*got_through; i++) {
    *got_through = try_dir(h->cadence, "left", &h->left, &out) ||
                   try_dir(h->cadence, "right", &h->right, &out);
  }
  if (!*got_through) {
    buffer_add(&out, "\n");
    buffer_add(&out, name);
    buffer_add(&out, " tosses her hands up in exasperation!");
  }
  // Go defers both; deferred calls run last-in first-out, so Go calls Done
  // before Println and main may return before the last line is printed. We
  // print first so that both walkers' lines always appear.
  printf("%s\n", out.s);   // Go: defer fmt.Println(out.String())
  go_wg_done(&h->walking); // Go: defer walking.Done()
}

int main(void) {
  go_mutex mu = {0};
  go_cond cadence = go_cond_make(go_mutex_locker(&mu)); // sync.NewCond
  go_chan *done = go_make_chan(char, 0), *stopped = go_make_chan(char, 0);
  go(cadence_ticker, &cadence, done, stopped);

  hallway h = {.cadence = &cadence};
  bool alice = false, barbara = false;
  go_wg_add(&h.walking, 2);
  go(walk, &h, "Alice", &alice);
  go(walk, &h, "Barbara", &barbara);
  go_wg_wait(&h.walking);

  go_close(done); // not in Go: stop the cadence and wait until it has
  go_recv(stopped, NULL);

  // Not in Go: measure the outcome instead of trusting the story.
  int through = alice + barbara;
  printf("got through: %s\n", through == 2 ? "Alice and Barbara"
                              : alice      ? "Alice"
                              : barbara    ? "Barbara"
                                           : "nobody");
  if (through < 2) {
    printf("FAIL: %d of 2 got through after 5 tries each\n", through);
    return 1;
  }
  return 0;
}
