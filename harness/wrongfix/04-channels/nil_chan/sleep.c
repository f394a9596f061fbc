// Wrong fix of exercise 04-channels/nil_chan: the logger makes the channel, and
// logger_start sleeps until it has: a sleep orders nothing
// wrong: the logger makes the channel, and logger_start sleeps until it has
// expect: race
#include "go.h"

#include "nil_chan.h"

GO_FUNC(logger_run, logger *, l) {
  l->lines = go_make_chan(const char *, 0);
  const char *line;
  while (go_recv(l->lines, &line)) // for line := range l.lines
    log_line(line);
  go_close(l->done);
}

void logger_start(logger *l) {
  l->done = go_make_chan(char, 0);
  go(logger_run, l);
  go_sleep(GO_MILLISECOND); // until the logger has made l->lines
}
