// Test of exercise 04-channels/nil_chan: two loggers, started one after the
// other; three lines through the first, two through the second, each in
// order, and each logger exits once its lines channel is closed.
// goal: Make the lines reach the logger, in order, with no race.
// hint: Read the wait reasons in the dump. What does (nil chan) say?
// hint2: A nil channel blocks every send and receive forever.
// hint3: The channel exists only once somebody makes it: who should, when?
#include "go.h"

#include <string.h>

#include "extest.h"
#include "nil_chan.h"

static const char *logged[8];
static int nlogged;

void log_line(const char *line) {
  if (nlogged < 8)
    logged[nlogged] = line;
  nlogged++;
}

static void log_through(const char *const *lines, int n) {
  logger l = {0};
  nlogged = 0;
  logger_start(&l);
  for (int i = 0; i < n; i++)
    go_send(l.lines, &lines[i]);
  go_close(l.lines);     // the caller owns lines: it closes it when done
  go_recv(l.done, NULL); // and waits for the logger to exit
  bool in_order = nlogged == n;
  for (int i = 0; in_order && i < n; i++)
    in_order = strcmp(logged[i], lines[i]) == 0;
  ex_check(in_order, "%d lines logged, in the order sent (got %d)", n, nlogged);
}

int main(void) {
  log_through((const char *[]){"starting", "working", "stopping"}, 3);
  log_through((const char *[]){"again", "done"}, 2);
  return ex_done();
}
