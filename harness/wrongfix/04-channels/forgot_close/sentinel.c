// Wrong fix of exercise 04-channels/forgot_close: a NULL sent after the last
// word as an end marker: a range loop knows only close
// wrong: a NULL sent after the last word as an end marker
// expect: deadlock
#include "go.h"

#include "forgot_close.h"

GO_FUNC(generate, const char *const *, words, int, n, go_chan *, out) {
  for (int i = 0; i < n; i++)
    go_send(out, &words[i]);
  const char *end = NULL;
  go_send(out, &end);
}

go_chan *word_stream(const char *const *words, int n) {
  go_chan *out = go_make_chan(const char *, 0);
  go(generate, words, n, out);
  return out;
}
