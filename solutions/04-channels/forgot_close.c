// Solution of exercise 04-channels/forgot_close (Concurrency in Go, ch. 3,
// "Channels", ownership): the generator owns its channel, so it closes it
// after its last send (Go: defer close(out)); main's range loop then ends
// after the fifth word.
// expect: ok
// hint: The owner makes, writes and closes; `range` ends only on close.
#include "go.h"

#include <stdio.h>
#include <string.h>

static const char *const words[] = {"the", "owner", "closes", "the", "channel"};

GO_FUNC(generate, go_chan *, out) {
  for (size_t i = 0; i < sizeof words / sizeof words[0]; i++)
    go_send(out, &words[i]);
  go_close(out); // the owner is done writing: readers' range loops end
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
  printf("%zu letters\n", letters);
  if (letters != 24) {
    printf("FAIL: counted %zu letters, want 24\n", letters);
    return 1;
  }
  return 0;
}
