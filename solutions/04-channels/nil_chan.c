// Solution of exercise 04-channels/nil_chan (Concurrency in Go, ch. 3,
// "Channels", the nil rows of the table): logger_start makes the lines
// channel before it starts the logger and returns, so the caller's sends
// reach the logger; the caller owns the channel and closes it.
// expect: ok
#include "go.h"

#include "nil_chan.h"

GO_FUNC(logger_run, logger *, l) {
  const char *line;
  while (go_recv(l->lines, &line)) // for line := range l.lines
    log_line(line);
  go_close(l->done);
}

void logger_start(logger *l) {
  l->lines = go_make_chan(const char *, 0);
  l->done = go_make_chan(char, 0);
  go(logger_run, l);
}
