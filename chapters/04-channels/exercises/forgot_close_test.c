// Test of exercise 04-channels/forgot_close: two streams of words, each read
// to its end with a range loop, as a consumer that owns nothing reads.
// goal: Make the range over a word stream end after its last word.
// hint: A range loop over a channel stops on one thing only. What is it?
// hint2: Who is the only one who knows that no more words will come?
// hint3: The owner makes, writes and closes; the reader only reads.
#include "go.h"

#include <string.h>

#include "extest.h"
#include "forgot_close.h"

static void count_letters(const char *const *words, int n, size_t want) {
  go_chan *stream = word_stream(words, n);
  const char *w;
  size_t letters = 0;
  int got = 0;
  bool all_words = true;
  while (go_recv(stream, &w)) { // for w := range stream
    if (!w) {
      all_words = false;
      continue;
    }
    letters += strlen(w);
    got++;
  }
  ex_check(all_words, "every value received is a word, never NULL");
  ex_check(got == n && letters == want,
           "%d words, %zu letters, then the range ends (got %d, %zu)", n, want,
           got, letters);
}

int main(void) {
  static const char *const owner[] = {"the", "owner", "closes", "the",
                                      "channel"};
  static const char *const readers[] = {"readers", "only", "read"};
  count_letters(owner, 5, 24);
  count_letters(readers, 3, 15);
  count_letters(readers, 0, 0);
  return ex_done();
}
