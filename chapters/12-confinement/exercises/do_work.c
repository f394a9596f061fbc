// Exercise: finish doWork (chapter 12, "Preventing Goroutine Leaks").
// The goroutine ranges over strings, so it returns only when strings is
// closed. Its parent may hand it a nil channel, or one that is never closed,
// and then has no way to stop it; done is there for that, and nothing reads
// it yet. Make the goroutine return when done is closed, and still when
// strings is closed, having handled every string it was sent.
// expect: leak
#include "go.h"

#include "do_work.h"

GO_FUNC(work, go_chan *, done, go_chan *, strings, go_chan *, terminated) {
  (void)done; // not looked at yet
  const char *s;
  while (go_recv(strings, &s)) // for s := range strings
    handle(s);
  go_close(terminated); // defer close(terminated)
}

go_chan *doWork(go_chan *done, go_chan *strings) {
  go_chan *terminated = go_make_chan(char, 0);
  go(work, done, strings, terminated);
  return terminated;
}
