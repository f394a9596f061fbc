// Concurrency in Go, ch. 3, "Channels" (buffered channels): the stdoutBuff
// example exactly as the book writes it. Bug: the producer and the consumer
// both append to one unsynchronised buffer (a bytes.Buffer in Go), so the
// appends race; `go run -race` reports the same race, on the runs where the
// two goroutines interleave (18 in 30 here, 2 CPUs): when they alternate in
// step, the accesses are ordered by the channel. Our producer always runs
// ahead and fills the buffer before the consumer runs, so every seed shows
// it. Fixed in buffered.c.
// expect: race
// hint: A channel orders the values it carries, not every other memory access.
#include "go.h"

#include <stdarg.h>
#include <stdio.h>

// bytes.Buffer, reduced to what the example needs: not safe for concurrent use.
typedef struct buffer {
  char data[2048];
  size_t len;
} buffer;

static void fprintf_buf(buffer *b, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  size_t room = sizeof b->data - b->len;
  int n = vsnprintf(b->data + b->len, room, fmt, ap);
  if (n > 0)
    b->len += (size_t)n < room ? (size_t)n : room - 1;
  va_end(ap);
}

GO_FUNC(producer, go_chan *, intStream, buffer *, stdoutBuff) {
  // Go defers close(intStream), then the "Producer Done." print; deferred
  // calls run last-in first-out, so the print comes first.
  for (int i = 0; i < 5; i++) {
    fprintf_buf(stdoutBuff, "Sending: %d\n", i);
    go_send(intStream, &i);
  }
  fprintf_buf(stdoutBuff, "Producer Done.\n");
  go_close(intStream);
}

int main(void) {
  static buffer stdoutBuff; // var stdoutBuff bytes.Buffer
  go_chan *intStream = go_make_chan(int, 4);
  go(producer, intStream, &stdoutBuff);

  int integer;
  while (go_recv(intStream, &integer)) // for integer := range intStream
    fprintf_buf(&stdoutBuff, "Received %d.\n", integer);
  // defer stdoutBuff.WriteTo(os.Stdout), run as main returns
  fwrite(stdoutBuff.data, 1, stdoutBuff.len, stdout);
  return 0;
}
