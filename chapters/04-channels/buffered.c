// Concurrency in Go, ch. 3, "Channels" (buffered channels): the stdoutBuff
// example, fixed (the book's version is buffered_race.c). A producer sends five
// integers into a channel of capacity 4 and a consumer ranges over it; both log
// what they do into one in-memory buffer that is written to stdout at the end
// (Go: `defer stdoutBuff.WriteTo(os.Stdout)`). Two changes from the book, both
// so that the output means something:
//  - the book's goroutines append to one bytes.Buffer with no lock, a data
//    race (buffered_race.c); here the buffer has a mutex;
//  - each log line carries the channel's length, so the output shows the
//    buffer filling up and draining rather than just an order of lines.
// Our scheduler only switches goroutines when one blocks, so the output is
// the same on every seed: the producer fills the 4 slots (one value goes
// straight to the waiting consumer), then the consumer drains them.
// expect: ok
// hint: A buffered channel lets the sender run ahead by up to cap(c) values.
#include "go.h"

#include <stdarg.h>
#include <stdio.h>

// bytes.Buffer, reduced to what the example needs, with the lock the book
// left out.
typedef struct buffer {
  go_mutex mu;
  char data[2048];
  size_t len;
} buffer;

static void fprintf_buf(buffer *b, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  go_mutex_lock(&b->mu);
  size_t room = sizeof b->data - b->len;
  int n = vsnprintf(b->data + b->len, room, fmt, ap);
  if (n > 0)
    b->len += (size_t)n < room ? (size_t)n : room - 1;
  go_mutex_unlock(&b->mu);
  va_end(ap);
}

static void write_to_stdout(buffer *b) {
  go_mutex_lock(&b->mu);
  fwrite(b->data, 1, b->len, stdout);
  go_mutex_unlock(&b->mu);
}

GO_FUNC(producer, go_chan *, intStream, buffer *, stdoutBuff) {
  // Go defers, in this order: close(intStream), then the "Producer Done."
  // print; deferred calls run last-in first-out, so the print comes first.
  for (int i = 0; i < 5; i++) {
    fprintf_buf(stdoutBuff, "Sending: %d (len %ld)\n", i, go_len(intStream));
    go_send(intStream, &i);
  }
  fprintf_buf(stdoutBuff, "Producer Done.\n");
  go_close(intStream);
}

int main(void) {
  static buffer stdoutBuff; // zero value: empty buffer, unlocked mutex
  go_chan *intStream = go_make_chan(int, 4);
  go(producer, intStream, &stdoutBuff);

  int integer;
  while (go_recv(intStream, &integer)) // for integer := range intStream
    fprintf_buf(&stdoutBuff, "Received %d (len %ld).\n", integer,
                go_len(intStream));
  write_to_stdout(&stdoutBuff); // the deferred WriteTo, at main's return
  return 0;
}
