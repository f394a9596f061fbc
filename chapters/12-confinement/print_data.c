// Concurrency in Go, ch. 4, "Confinement": printData. Two goroutines each
// get their own part of one array ("gol" and "ang": Go's data[:3] and
// data[3:], two slices that share no element) and build their line in a
// buffer local to the call. Nothing is shared that anyone writes, so no lock
// is needed; which line comes first is the scheduler's choice.
// print_data_shared.c is the same with one buffer for both.
// expect: ok
// hint: Give each goroutine its own data and its own buffer: nothing to lock.
#include "go.h"

#include <stdio.h>

GO_FUNC(printData, go_waitgroup *, wg, const char *, data, int, n) {
  char buff[16]; // var buff bytes.Buffer: one per call, on this goroutine's
                 // stack
  int len = 0;
  for (int i = 0; i < n; i++) // for _, b := range data
    len += snprintf(buff + len, sizeof buff - (size_t)len, "%c", data[i]);
  printf("%s\n", buff);
  go_wg_done(wg); // defer wg.Done()
}

int main(void) {
  go_waitgroup wg = {0};
  go_wg_add(&wg, 2);
  const char data[] = "golang";    // data := []byte("golang")
  go(printData, &wg, data, 3);     // go printData(&wg, data[:3])
  go(printData, &wg, data + 3, 3); // go printData(&wg, data[3:])

  go_wg_wait(&wg);
  return 0;
}
