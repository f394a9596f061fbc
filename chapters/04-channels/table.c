// Concurrency in Go, ch. 3, "Channels": the table of what each channel
// operation does in each state of the channel (nil, open and empty, open and
// not empty, open and full, closed) x (read, write, close). Every cell is
// really performed, and the outcome printed is what happened, not what the
// table says: a cell that panics or blocks forever would end this program, so
// each cell runs in a child process (this same program, re-executed with the
// cell's name as its argument) and the parent reads the child's output and
// exit status. Each outcome is then checked against Go's table; a mismatch
// prints FAIL. The channel has capacity 2; "full" holds 7 and 8, "not empty"
// holds 7. The book's table also has three compile errors (reading a
// send-only channel, writing a receive-only one, closing a receive-only one);
// C has no directional channel types, so those three cells have no
// counterpart here.
// expect: ok
// hint: nil blocks; closed reads give zero; closed writes and closes panic.
#define _POSIX_C_SOURCE 200809L
#include "go.h"

#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

enum { NSTATES = 5, NOPS = 3 };
static const char *const states[NSTATES] = {
    "nil", "open empty", "open non-empty", "open full", "closed"};
static const char *const ops[NOPS] = {"read", "write", "close"};

// A cell that blocks forever is named with the wait reason from Go's
// deadlock dump ("goroutine 1 [chan receive (nil chan)]:").
#define BLOCKS(why) "blocks forever (deadlock) [" why "]"
// Go's answers, in our words. A close is followed by reads until one gives
// ok == false, to show what the readers of a closed channel see.
static const char *const expected[NSTATES][NOPS] = {
    {BLOCKS("chan receive (nil chan)"), BLOCKS("chan send (nil chan)"),
     "panic: close of nil channel"},
    {BLOCKS("chan receive"), "writes 9 (len 0 -> 1)",
     "closes; reads give 0 false"},
    {"reads 7 true", "writes 9 (len 1 -> 2)",
     "closes; reads give 7 true, 0 false"},
    {"reads 7 true", BLOCKS("chan send"),
     "closes; reads give 7 true, 8 true, 0 false"},
    {"reads 0 false", "panic: send on closed channel",
     "panic: close of closed channel"},
};

// ------------------------------------------------------------- child: one cell

static go_chan *make_in_state(int s) {
  if (s == 0)
    return NULL; // var c chan int
  go_chan *c = go_make_chan(int, 2);
  int vals[] = {7, 8};
  int n = s == 2 ? 1 : s == 3 ? 2 : 0;
  for (int i = 0; i < n; i++)
    go_send(c, &vals[i]);
  if (s == 4)
    go_close(c);
  return c;
}

// Performs one operation and prints its result on one line. If the operation
// blocks forever, the runtime ends the process with Go's deadlock error; if
// it panics, with Go's panic. Either way this line is never printed.
static int run_cell(int s, int op) {
  go_chan *c = make_in_state(s);
  int v = -1;
  switch (op) {
  case 0: { // v, ok := <-c
    bool ok = go_recv(c, &v);
    printf("reads %d %s\n", v, ok ? "true" : "false");
    break;
  }
  case 1: { // c <- 9
    long before = go_len(c);
    go_send(c, &(int){9});
    printf("writes 9 (len %ld -> %ld)\n", before, go_len(c));
    break;
  }
  case 2: { // close(c), then read until ok is false
    go_close(c);
    printf("closes; reads give");
    bool ok;
    do {
      ok = go_recv(c, &v);
      printf(" %d %s%s", v, ok ? "true" : "false", ok ? "," : "");
    } while (ok);
    printf("\n");
    break;
  }
  }
  return 0;
}

// ------------------------------------------------------ parent: run the cells

// Runs `self cell S OP` with stdout and stderr into a pipe; returns what the
// cell did: its printed line, its panic text, or that it blocked forever.
static void outcome(const char *self, int s, int op, char *out, size_t n) {
  int fd[2];
  if (pipe(fd) != 0) {
    perror("pipe");
    exit(1);
  }
  fflush(stdout);
  pid_t pid = fork();
  if (pid < 0) {
    perror("fork");
    exit(1);
  }
  if (pid == 0) {
    char sarg[8], oparg[8];
    snprintf(sarg, sizeof sarg, "%d", s);
    snprintf(oparg, sizeof oparg, "%d", op);
    dup2(fd[1], 1);
    dup2(fd[1], 2);
    close(fd[0]);
    close(fd[1]);
    alarm(5); // a cell that hangs without a deadlock report is killed
    // ThreadSanitizer sleeps 1 s in every exiting process unless told not to;
    // fifteen cells would spend 15 s doing nothing.
    char tsan[512];
    const char *user = getenv("TSAN_OPTIONS");
    snprintf(tsan, sizeof tsan, "%s atexit_sleep_ms=0", user ? user : "");
    setenv("TSAN_OPTIONS", tsan, 1);
    execl(self, self, "cell", sarg, oparg, (char *)NULL);
    _exit(127);
  }
  close(fd[1]);
  char buf[8192];
  size_t len = 0;
  ssize_t r;
  while ((r = read(fd[0], buf + len, sizeof buf - 1 - len)) > 0)
    len += (size_t)r;
  buf[len] = '\0';
  close(fd[0]);
  int status;
  waitpid(pid, &status, 0);

  // The child's report, read the way the harness reads a program's output.
  char *p = strstr(buf, "panic: ");
  if (p && (p == buf || p[-1] == '\n')) {
    p[strcspn(p, "\n")] = '\0';
    snprintf(out, n, "%s", p);
  } else if (strstr(buf, "all goroutines are asleep - deadlock!")) {
    const char *g = strstr(buf, "goroutine 1 [");
    const char *why = g ? g + strlen("goroutine 1 [") : "?]";
    snprintf(out, n, "blocks forever (deadlock) [%.*s]", (int)strcspn(why, "]"),
             why);
  } else if (WIFEXITED(status) && WEXITSTATUS(status) == 0) {
    buf[strcspn(buf, "\n")] = '\0';
    snprintf(out, n, "%s", buf);
  } else if (WIFSIGNALED(status)) {
    snprintf(out, n, "killed by signal %d", WTERMSIG(status));
  } else {
    snprintf(out, n, "exit status %d", WEXITSTATUS(status));
  }
}

int main(int argc, char **argv) {
  if (argc == 4 && strcmp(argv[1], "cell") == 0)
    return run_cell(atoi(argv[2]), atoi(argv[3]));

  int bad = 0;
  printf("%-15s %-6s %s\n", "channel", "op", "what Go does");
  for (int s = 0; s < NSTATES; s++) {
    for (int op = 0; op < NOPS; op++) {
      char got[512];
      outcome("/proc/self/exe", s, op, got, sizeof got);
      bool match = strcmp(got, expected[s][op]) == 0;
      printf("%-15s %-6s %s%s\n", states[s], ops[op], got,
             match ? "" : "   <- mismatch");
      if (!match) {
        printf("  expected: %s\n", expected[s][op]);
        bad++;
      }
    }
  }
  if (bad) {
    printf("FAIL: %d of %d cells differ from Go's table\n", bad,
           NSTATES * NOPS);
    return 1;
  }
  printf("all %d cells agree with Go's table\n", NSTATES * NOPS);
  return 0;
}
