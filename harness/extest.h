/* extest.h: what an exercise's test (exercises/NAME_test.c) uses to check
 * the student's code and say what it checked (docs/EXERCISES.md).
 *
 *     int main(void) {
 *       ...drive the student's functions...
 *       ex_check(total == 300, "the three balances add up to 300 (got %d)",
 *                total);
 *       return ex_done();
 *     }
 *
 * Every check prints one line, `ok: WHAT` or `FAIL: WHAT`, so the sheet
 * shows what was checked and the harness sees a failure even when the test
 * goes on. ex_done prints the completion line the harness looks for (with
 * the run's nonce, $HX_NONCE) and returns main's exit status: 0 only if
 * every check passed. A test that never reaches ex_done is never `ok`. */
#ifndef EXTEST_H
#define EXTEST_H

#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static struct { int checks, failed; } ex_state_;

/* The run's nonce, taken from the environment before main and wiped there
 * (the variable and its bytes, which /proc/self/environ would show): the
 * student's code, which may not read the environment or run before main
 * (harness/refuse.c), cannot print the completion line itself. */
static char ex_nonce_[64];

__attribute__((constructor(101))) static void ex_take_nonce_(void) {
  int unsetenv(const char *name); /* POSIX; -std=c11 does not declare it */
  char *p = getenv("HX_NONCE");
  if (!p)
    return;
  snprintf(ex_nonce_, sizeof ex_nonce_, "%s", p);
  memset(p, '-', strlen(p));
  unsetenv("HX_NONCE");
}

__attribute__((format(printf, 2, 3))) static inline bool
ex_check(bool cond, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  fputs(cond ? "ok: " : "FAIL: ", stdout);
  vprintf(fmt, ap);
  putchar('\n');
  va_end(ap);
  ex_state_.checks++;
  ex_state_.failed += !cond;
  return cond;
}

/* The last thing main does: `return ex_done();`. */
static inline int ex_done(void) {
  const char *nonce = ex_nonce_;
  if (ex_state_.checks == 0)
    ex_check(false, "the test checked something");
  printf("extest: %d check(s), %d failed\n", ex_state_.checks,
         ex_state_.failed);
  fflush(stdout);
  if (ex_state_.failed)
    return 1;
  printf("extest: done %s\n", nonce && *nonce ? nonce : "-");
  fflush(stdout);
  return 0;
}

#endif /* EXTEST_H */
