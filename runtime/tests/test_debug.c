/* test_debug.c: Criterion unit tests of go_debug_stack (debug.c): the text
 * names the running goroutine and its callers with file and line, leaves the
 * runtime's own frames out, works in a goroutine other than main (with its
 * "created by" line), and can be called again and again. Scenarios run as
 * goroutine 1 of a child (this binary re-executed with
 * TEST_DEBUG_SCENARIO=name). */
#define SCENARIO_VAR "TEST_DEBUG_SCENARIO"
#define _GNU_SOURCE
#include "go.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "scenario.h"

/* noinline: the frame must exist for the stack to show it. */
__attribute__((noinline)) static char *inner_caller(void) {
  char *s = go_debug_stack();
  __asm__ volatile("" ::: "memory"); /* no tail call */
  return s;
}

static void sc_main_stack(void) {
  char *s = inner_caller();
  CHECK(s != NULL);
  printf("%s", s);
  CHECK(strncmp(s, "goroutine 1 [running]:\n", 23) == 0);
  CHECK(strstr(s, "inner_caller(...)\n\t") != NULL);
  CHECK(strstr(s, "test_debug.c:") != NULL);
  CHECK(strstr(s, "go_debug_stack") == NULL); /* the runtime's frame */
  CHECK(strstr(s, "created by") == NULL);     /* main was created by no one */
  free(s);
  pass();
}

GO_FUNC(worker, go_chan *, out) {
  char *s = inner_caller();
  go_send(out, &s);
}

static void sc_goroutine_stack(void) {
  go_chan *out = go_make_chan(char *, 0);
  go(worker, out);
  char *s;
  go_recv(out, &s);
  printf("%s", s);
  CHECK(strncmp(s, "goroutine 2 [running]:\n", 23) == 0);
  CHECK(strstr(s, "inner_caller(...)") != NULL);
  CHECK(strstr(s, "worker(...)") != NULL);
  CHECK(strstr(s, "created by sc_goroutine_stack in goroutine 1") != NULL);
  free(s);
  pass();
}

static void sc_repeated(void) {
  char *first = inner_caller();
  for (int i = 0; i < 20; i++) {
    char *s = inner_caller();
    CHECK(s != NULL && strstr(s, "inner_caller(...)") != NULL);
    free(s);
  }
  free(first);
  pass();
}

static const struct scenario scenarios[] = {
    {"main_stack", sc_main_stack},
    {"goroutine_stack", sc_goroutine_stack},
    {"repeated", sc_repeated},
};

Test(debug_stack, names_the_callers_of_main) { expect_pass(run("main_stack")); }
Test(debug_stack, in_a_goroutine_says_who_created_it) {
  expect_pass(run("goroutine_stack"));
}
Test(debug_stack, called_again_and_again) { expect_pass(run("repeated")); }

SCENARIO_MAIN(scenarios)
