// Exercise (Concurrency in Go, ch. 3, "Channels", the nil rows of the
// table): a logger goroutine writes out the lines its caller sends it. The
// caller starts it with logger_start, sends, closes l.lines when done and
// waits on l.done.
// Bug: the first line never arrives: the caller's send and the logger's
// receive both wait forever, and the runtime reports a deadlock.
// expect: deadlock
#include "go.h"

#include "nil_chan.h"

GO_FUNC(logger_run, logger *, l) {
  const char *line;
  while (go_recv(l->lines, &line)) // for line := range l.lines
    log_line(line);
  go_close(l->done);
}

void logger_start(logger *l) {
  l->done = go_make_chan(char, 0);
  go(logger_run, l);
}
