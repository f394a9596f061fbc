// Wrong fix of exercise 04-channels/nil_chan: done made with a buffer: the nil
// lines channel still blocks both sides
// wrong: done made with a buffer
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
  l->done = go_make_chan(char, 1);
  go(logger_run, l);
}
