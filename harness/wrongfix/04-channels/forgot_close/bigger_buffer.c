// Wrong fix of exercise 04-channels/forgot_close: a buffer as big as the batch:
// the generator never waits, but the reader still waits for a word after the
// last
// wrong: a buffer as big as the batch
// expect: deadlock
#include "go.h"

#include "forgot_close.h"

GO_FUNC(generate, const char *const *, words, int, n, go_chan *, out) {
  for (int i = 0; i < n; i++)
    go_send(out, &words[i]);
}

go_chan *word_stream(const char *const *words, int n) {
  go_chan *out = go_make_chan(const char *, n);
  go(generate, words, n, out);
  return out;
}
