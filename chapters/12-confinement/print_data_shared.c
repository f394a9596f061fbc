// Concurrency in Go, ch. 4, "Confinement": printData without confinement
// (not in the book: the version it argues against). The two goroutines append
// to one buffer declared outside them, and main prints it once both are done.
// The appends are unordered: a data race on every seed, which `go run -race`
// reports on the Go original too (bytes.Buffer.Write, both goroutines).
// print_data.c confines a buffer to each call.
// expect: race
// hint: Give each goroutine its own data and its own buffer: nothing to lock.
#include "go.h"

#include <stdio.h>

// var buff bytes.Buffer, shared by both goroutines.
typedef struct buffer {
  char data[16];
  int len;
} buffer;

GO_FUNC(printData, go_waitgroup *, wg, buffer *, buff, const char *, data, int,
        n) {
  for (int i = 0; i < n; i++) // for _, b := range data
    buff->len += snprintf(buff->data + buff->len,
                          sizeof buff->data - (size_t)buff->len, "%c", data[i]);
  go_wg_done(wg); // defer wg.Done()
}

int main(void) {
  static buffer buff;
  go_waitgroup wg = {0};
  go_wg_add(&wg, 2);
  const char data[] = "golang";
  go(printData, &wg, &buff, data, 3);     // go printData(&wg, data[:3])
  go(printData, &wg, &buff, data + 3, 3); // go printData(&wg, data[3:])

  go_wg_wait(&wg);
  printf("%s\n", buff.data);
  return 0;
}
