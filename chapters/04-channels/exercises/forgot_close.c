// Exercise (Concurrency in Go, ch. 3, "Channels", ownership): a generator
// owns its channel and hands the caller the read side, as chanOwner does in
// owner.c. The caller ranges over the words and counts their letters.
// Bug: after the last word the caller's range loop waits for another, and
// the runtime reports that all goroutines are asleep.
// expect: deadlock
#include "go.h"

#include "forgot_close.h"

GO_FUNC(generate, const char *const *, words, int, n, go_chan *, out) {
  for (int i = 0; i < n; i++)
    go_send(out, &words[i]);
}

go_chan *word_stream(const char *const *words, int n) {
  go_chan *out = go_make_chan(const char *, 0);
  go(generate, words, n, out);
  return out;
}
