// Exercise (Concurrency in Go, ch. 3, "Channels", the nil rows of the table):
// a logger goroutine prints the lines sent on its channel. Bug: logger_start
// fills in the struct but never makes the channel, so `lines` is nil: main's
// send and the logger's receive both block forever on a nil channel, and the
// runtime reports a deadlock with the wait reasons "chan send (nil chan)"
// and "chan receive (nil chan)".
// expect: deadlock
// hint: A nil channel blocks forever: the owner must make it before use.
#include "go.h"

#include <stdio.h>

typedef struct logger {
  go_chan *lines; // chan const char *: owned by main, which writes and closes
  go_chan *done;  // closed by the logger goroutine when it has exited
  int printed;
} logger;

GO_FUNC(logger_run, logger *, l) {
  const char *line;
  while (go_recv(l->lines, &line)) { // for line := range l.lines
    printf("log: %s\n", line);
    l->printed++;
  }
  go_close(l->done);
}

static void logger_start(logger *l) {
  // TODO: make the lines channel (unbuffered is fine); a nil channel
  // blocks every send and receive forever.
  l->done = go_make_chan(char, 0);
  go(logger_run, l);
}

int main(void) {
  logger l = {0};
  logger_start(&l);
  const char *msgs[] = {"starting", "working", "stopping"};
  for (int i = 0; i < 3; i++)
    go_send(l.lines, &msgs[i]);
  go_close(l.lines);     // main owns lines: it closes it when done writing
  go_recv(l.done, NULL); // and waits for the logger to exit
  if (l.printed != 3) {
    printf("FAIL: logged %d lines, want 3\n", l.printed);
    return 1;
  }
  return 0;
}
