// Russ Cox, "Patterns and Hints for Concurrency in Go", prologue "Goroutines
// for State": the three quote parsers side by side, fed the same inputs. The
// state machine (data state), the straight-line parser (code state) and the
// goroutine-held parser (code state on a goroutine's stack, with the Close of
// exercise quoter_exit) must agree on every input: on the verdict and on how
// many characters it took to reach it. The inputs: fixed cases (valid,
// unterminated, escaped quotes, a bad first character) and random strings
// over the alphabet `"\ab` from a fixed seed, the same on every run.
// expect: ok
// hint: Convert data state into code state when it makes programs clearer.
#include "go.h"

#include <setjmp.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

typedef int32_t rune;

typedef enum { NeedMoreInput, BadInput, Success } Status;
static const char *const status_name[] = {"NeedMoreInput", "BadInput",
                                          "Success"};

// What a parser said about one input: its verdict and how many characters it
// read to get there (all of them if it still needs more).
typedef struct result {
  Status status;
  size_t used;
} result;

// ---- 1. data state: the state machine (data_state.c).
typedef struct dquoter {
  int state;
} dquoter;

static void dq_init(dquoter *q) { q->state = 0; }

static Status dq_write(dquoter *q, rune c) {
  switch (q->state) {
  case 0:
    if (c != '"')
      return BadInput;
    q->state = 1;
    break;
  case 1:
    if (c == '"')
      return Success;
    if (c == '\\')
      q->state = 2;
    else
      q->state = 1;
    break;
  case 2:
    q->state = 1;
    break;
  }
  return NeedMoreInput;
}

static result data_state(const char *s, size_t n) {
  dquoter q;
  dq_init(&q);
  result r = {NeedMoreInput, 0};
  while (r.status == NeedMoreInput && r.used < n)
    r.status = dq_write(&q, (rune)s[r.used++]);
  return r;
}

// ---- 2. code state: the straight-line parser (code_state.c). parse pulls
// characters; when the input runs out in the middle, read cannot return one,
// so it jumps out of parse altogether: straight-line code cannot stop halfway
// and wait for more, which is the reason for version 3.
typedef struct reader {
  const char *s;
  size_t n, i;
  jmp_buf out_of_input;
} reader;

static rune read_rune(reader *r) {
  if (r->i == r->n)
    longjmp(r->out_of_input, 1);
  return (rune)(unsigned char)r->s[r->i++];
}

static bool parse(reader *r) {
  if (read_rune(r) != '"')
    return false;
  rune c = 0;
  while (c != '"') {
    c = read_rune(r);
    if (c == '\\')
      read_rune(r);
  }
  return true;
}

static result code_state(const char *s, size_t n) {
  reader r = {.s = s, .n = n, .i = 0};
  if (setjmp(r.out_of_input))
    return (result){NeedMoreInput, n};
  bool ok = parse(&r);
  return (result){ok ? Success : BadInput, r.i};
}

// ---- 3. goroutine state: the parser held by a goroutine (goroutine_state.c
// with the Close of solutions/06-state/quoter_exit.c).
typedef struct gquoter {
  go_chan *char_;  // chan rune (`char` is a C keyword)
  go_chan *status; // chan Status
  Status final;    // NeedMoreInput until the parser has sent its verdict
} gquoter;

#define ABANDONED ((rune)-1) // no input character has this value

// Returns ABANDONED once Close has closed q->char_.
static rune gq_read(gquoter *q) {
  Status s = NeedMoreInput;
  go_send(q->status, &s);
  rune c;
  if (!go_recv(q->char_, &c))
    return ABANDONED;
  return c;
}

// On an abandoned input the parser returns without a verdict (nobody is
// listening for one) and closes q->status to tell Close it is gone.
GO_FUNC(gq_parse, gquoter *, q) {
  Status s;
  rune c = gq_read(q);
  if (c == ABANDONED) {
    go_close(q->status);
    return;
  }
  if (c != '"') {
    s = BadInput;
    go_send(q->status, &s);
    return; // the parser exits here ...
  }
  c = 0;
  while (c != '"') {
    c = gq_read(q);
    if (c == '\\' && gq_read(q) == ABANDONED)
      c = ABANDONED;
    if (c == ABANDONED) {
      go_close(q->status);
      return; // ... or here, when Close abandons the input ...
    }
  }
  s = Success;
  go_send(q->status, &s);
  // ... or here: after its verdict, never before.
}

static void gq_init(gquoter *q) {
  q->char_ = go_make_chan(rune, 0);
  q->status = go_make_chan(Status, 0);
  q->final = NeedMoreInput;
  go(gq_parse, q);
  go_recv(q->status, NULL); // always NeedMoreInput
}

static Status gq_write(gquoter *q, rune c) {
  if (q->final != NeedMoreInput) // the parser is gone: answer for it
    return q->final;
  go_send(q->char_, &c);
  Status s;
  go_recv(q->status, &s);
  if (s != NeedMoreInput)
    q->final = s;
  return s;
}

// Close ends the parse if it is still running and waits for the parser
// goroutine to return.
static void gq_close(gquoter *q) {
  if (q->final != NeedMoreInput)
    return; // the parser returned after sending its verdict
  go_close(q->char_);
  while (go_recv(q->status, NULL)) // returns false once the parser is gone
    ;
}

static result goroutine_state(const char *s, size_t n) {
  gquoter q;
  gq_init(&q);
  result r = {NeedMoreInput, 0};
  while (r.status == NeedMoreInput && r.used < n)
    r.status = gq_write(&q, (rune)s[r.used++]);
  gq_close(&q);
  return r;
}

// ---- the comparison.
static bool same(result a, result b) {
  return a.status == b.status && a.used == b.used;
}

// Checks one input; prints FAIL and returns false if the versions disagree
// (or, when want is given, all agree on the wrong answer).
static bool check(const char *s, size_t n, const result *want, bool show) {
  result d = data_state(s, n), c = code_state(s, n), g = goroutine_state(s, n);
  if (show)
    printf("%-16.*s %-13s after %zu of %zu\n", (int)n, s, status_name[d.status],
           d.used, n);
  if (!same(d, c) || !same(d, g)) {
    printf("FAIL: %.*s: data state %s/%zu, code state %s/%zu, goroutine "
           "%s/%zu\n",
           (int)n, s, status_name[d.status], d.used, status_name[c.status],
           c.used, status_name[g.status], g.used);
    return false;
  }
  if (want && !same(d, *want)) {
    printf("FAIL: %.*s: all say %s/%zu, want %s/%zu\n", (int)n, s,
           status_name[d.status], d.used, status_name[want->status],
           want->used);
    return false;
  }
  return true;
}

// A fixed-seed generator (xorshift64), so the random inputs are the same on
// every run whatever GO_SEED the scheduler uses.
static uint64_t next_rand(uint64_t *x) {
  *x ^= *x << 13;
  *x ^= *x >> 7;
  *x ^= *x << 17;
  return *x;
}

int main(void) {
  static const struct {
    const char *s;
    result want;
  } cases[] = {
      {"\"hello\"", {Success, 7}}, // valid
      {"\"\"", {Success, 2}},      // empty string
      {"\"\"tail", {Success, 2}},  // stops at the closing quote
      {"\"unterminated", {NeedMoreInput, 13}},
      {"\"ends in \\", {NeedMoreInput, 10}}, // inside an escape
      {"\"a\\\"b\"", {Success, 6}},          // escaped quote
      {"\"a\\\\\"", {Success, 5}},           // escaped backslash
      {"\"a\\\\\\\"b\"", {Success, 8}},      // both
      {"x\"", {BadInput, 1}},                // bad first character
      {"\\\"", {BadInput, 1}},
      {"", {NeedMoreInput, 0}},
  };
  for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
    if (!check(cases[i].s, strlen(cases[i].s), &cases[i].want, true))
      return 1;

  enum { RANDOM = 2000, MAXLEN = 12 };
  const char alphabet[] = "\"\\ab";
  uint64_t x = 0x5eed;
  int verdicts[3] = {0};
  for (int i = 0; i < RANDOM; i++) {
    char s[MAXLEN];
    size_t n = (size_t)(next_rand(&x) % (MAXLEN + 1));
    for (size_t j = 0; j < n; j++)
      s[j] = alphabet[next_rand(&x) % 4];
    if (n > 0 && next_rand(&x) % 4 != 0)
      s[0] = '"'; // mostly quoted strings, so most get past the first char
    if (!check(s, n, NULL, false))
      return 1;
    verdicts[data_state(s, n).status]++;
  }
  printf("%d random inputs: %d NeedMoreInput, %d BadInput, %d Success; the "
         "three versions agree on all\n",
         RANDOM, verdicts[NeedMoreInput], verdicts[BadInput],
         verdicts[Success]);
  return 0;
}
