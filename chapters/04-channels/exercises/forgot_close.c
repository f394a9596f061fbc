// Exercise (Concurrency in Go, ch. 3, "Channels", ownership): a generator
// owns its channel and hands main the read side, as chanOwner does. Bug: the
// generator never closes the channel, so main's range loop waits for a sixth
// word that never comes; every goroutine is blocked and the runtime reports
// a deadlock.
// expect: deadlock
// hint: The owner makes, writes and closes; `range` ends only on close.
#include "go.h"

#include <stdio.h>
#include <string.h>

static const char *const words[] = {"the", "owner", "closes", "the", "channel"};

GO_FUNC(generate, go_chan *, out) {
  for (size_t i = 0; i < sizeof words / sizeof words[0]; i++)
    go_send(out, &words[i]);
  // TODO: the owner is done writing: tell the readers.
}

// Returns the read side of a channel of words (Go: <-chan string).
static go_chan *wordStream(void) {
  go_chan *out = go_make_chan(const char *, 0);
  go(generate, out);
  return out;
}

int main(void) {
  go_chan *words_in = wordStream();
  const char *w;
  size_t letters = 0;
  while (go_recv(words_in, &w)) // for w := range words_in
    letters += strlen(w);
  // TODO: nothing to change in main: a consumer only reads.
  printf("%zu letters\n", letters);
  if (letters != 24) {
    printf("FAIL: counted %zu letters, want 24\n", letters);
    return 1;
  }
  return 0;
}
