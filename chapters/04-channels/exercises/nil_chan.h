/* nil_chan.h: the interface of exercise 04-channels/nil_chan. */
#ifndef NIL_CHAN_H
#define NIL_CHAN_H

#include "go.h"

typedef struct logger {
  go_chan *lines; // chan const char *: the caller writes and closes it
  go_chan *done;  // closed by the logger goroutine when it has exited
} logger;

/* The student's: sets up *l and starts the goroutine that passes every
 * line received on l->lines to log_line, until l->lines is closed. */
void logger_start(logger *l);

/* The test's: where a logged line goes. */
void log_line(const char *line);

#endif
