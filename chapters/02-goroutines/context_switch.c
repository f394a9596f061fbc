// Translates "Concurrency in Go", chapter 3, "Goroutines": the cost of a
// context switch, goroutines against OS threads. The book measures OS
// threads with `perf bench sched pipe` (two threads pass a token back and
// forth through pipes) and goroutines with BenchmarkContextSwitch (one
// goroutine sends on an unbuffered channel, another receives). This program
// runs both side by side, plus a goroutine ping-pong shaped like perf's, and
// prints nanoseconds per switch. Numbers depend on the machine and the build:
// ThreadSanitizer slows both, the thread side most (it intercepts read and
// write). The harness runs it briefly and checks nothing but that it runs.
// expect: ok
// clock: real
// hint: Switching goroutines costs far less than switching OS threads.
#define _POSIX_C_SOURCE 200809L
#include <pthread.h>
#include <stdio.h>
#include <unistd.h>

#include "go.h"

enum { ROUND_TRIPS = 20000, MESSAGES = 40000 };

// ---- goroutines: the book's BenchmarkContextSwitch, one way.

GO_FUNC(sender, go_chan *, begin, go_chan *, c, go_waitgroup *, wg) {
  go_recv(begin, NULL); // Go: <-begin
  for (int i = 0; i < MESSAGES; i++)
    go_send(c, NULL); // Go: c <- token (a struct{}: no data to copy)
  go_wg_done(wg);     // Go: defer wg.Done()
}

GO_FUNC(receiver, go_chan *, begin, go_chan *, c, go_waitgroup *, wg) {
  go_recv(begin, NULL);
  for (int i = 0; i < MESSAGES; i++)
    go_recv(c, NULL); // Go: <-c
  go_wg_done(wg);
}

static double goroutines_one_way(void) {
  go_waitgroup wg = {0};
  go_chan *begin = go_chan_make(0, 0), *c = go_chan_make(0, 0);
  go_wg_add(&wg, 2);
  go(sender, begin, c, &wg);
  go(receiver, begin, c, &wg);
  go_time start = go_now(); // Go: b.StartTimer()
  go_close(begin);
  go_wg_wait(&wg);
  return (double)go_since(start) / MESSAGES; // Go's ns/op
}

// ---- goroutines: ping-pong over two unbuffered channels, as perf's pipes.

GO_FUNC(ponger, go_chan *, ping, go_chan *, pong, go_waitgroup *, wg) {
  for (int i = 0; i < ROUND_TRIPS; i++) {
    go_recv(ping, NULL);
    go_send(pong, NULL);
  }
  go_wg_done(wg);
}

static double goroutines_ping_pong(void) {
  go_waitgroup wg = {0};
  go_chan *ping = go_chan_make(0, 0), *pong = go_chan_make(0, 0);
  go_wg_add(&wg, 1);
  go(ponger, ping, pong, &wg);
  go_time start = go_now();
  for (int i = 0; i < ROUND_TRIPS; i++) {
    go_send(ping, NULL);
    go_recv(pong, NULL);
  }
  go_duration d = go_since(start);
  go_wg_wait(&wg);
  return (double)d / (2.0 * ROUND_TRIPS); // two switches per round trip
}

// ---- OS threads: perf bench sched pipe, in a few lines. Plain pthreads
// that never call the runtime; each blocking read puts a thread to sleep in
// the kernel, which then switches to the other thread.

typedef struct pipes {
  int ping[2], pong[2]; // [0] read end, [1] write end
} pipes;

static void *thread_ponger(void *arg) {
  pipes *p = arg;
  char token;
  for (int i = 0; i < ROUND_TRIPS; i++) {
    if (read(p->ping[0], &token, 1) != 1 || write(p->pong[1], &token, 1) != 1)
      break;
  }
  return NULL;
}

static double threads_ping_pong(void) {
  pipes p;
  if (pipe(p.ping) != 0 || pipe(p.pong) != 0)
    return -1;
  pthread_t t;
  if (pthread_create(&t, NULL, thread_ponger, &p) != 0)
    return -1;
  go_time start = go_now();
  char token = 'x';
  for (int i = 0; i < ROUND_TRIPS; i++) {
    if (write(p.ping[1], &token, 1) != 1 || read(p.pong[0], &token, 1) != 1)
      break;
  }
  go_duration d = go_since(start);
  pthread_join(t, NULL);
  for (int i = 0; i < 2; i++) {
    close(p.ping[i]);
    close(p.pong[i]);
  }
  return (double)d / (2.0 * ROUND_TRIPS);
}

int main(void) {
  if (go_virtual_clock()) {
    printf("FAIL: a benchmark needs the real clock (GO_CLOCK=real)\n");
    return 1;
  }
  double os = threads_ping_pong();
  double pp = goroutines_ping_pong();
  double ow = goroutines_one_way();
  if (os < 0) {
    printf("FAIL: cannot create the pipes or the thread\n");
    return 1;
  }
  printf("ns per context switch (%d round trips):\n", ROUND_TRIPS);
  printf("  OS threads, pipe ping-pong:          %8.0f\n", os);
  printf("  goroutines, channel ping-pong:       %8.0f\n", pp);
  printf("  goroutines, BenchmarkContextSwitch:  %8.0f ns/op (%d messages)\n",
         ow, MESSAGES);
  printf("threads / goroutines: %.1fx\n", pp > 0 ? os / pp : 0.0);
  return 0;
}
