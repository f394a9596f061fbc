// Solution of exercise 04-channels/forgot_close (Concurrency in Go, ch. 3,
// "Channels", ownership): the generator owns the channel, so it closes it
// once it has sent its last word, the C form of `defer close(out)`; the
// reader's range loop ends there.
// expect: ok
#include "go.h"

#include "forgot_close.h"

GO_FUNC(generate, const char *const *, words, int, n, go_chan *, out) {
  for (int i = 0; i < n; i++)
    go_send(out, &words[i]);
  go_close(out); // Go: defer close(out)
}

go_chan *word_stream(const char *const *words, int n) {
  go_chan *out = go_make_chan(const char *, 0);
  go(generate, words, n, out);
  return out;
}
