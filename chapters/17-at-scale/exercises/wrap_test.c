// wrap_test.c: the test of exercise 17-at-scale/wrap (the student does not
// edit it; grading uses the instructor's copy).
// goal: Make runJob return only errors of the intermediate module's type,
//   with a message that names the job and the problem, and the low-level
//   error inside.
// hint: What type is the error main receives, and what does main do with
//   an error of a type it does not expect?
// hint2: Each module owns the errors it returns: one from the module below
//   has to become one of this module's own before it goes up.
// hint3: Wrap it: a MyError with this module's message (the job's id, what
//   was missing) around the low-level error, inside an IntermediateErr.
// timeout: 10
#define _GNU_SOURCE
#include "extest.h"
#include "go.h"
#include "wrap.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

Error *newError(const char *type, Error *inner, char *message) {
  Error *e = calloc(1, sizeof *e);
  e->type = type;
  e->inner = inner;
  e->message = message;
  return e;
}

Error *wrapError(Error *err, const char *messagef, ...) {
  va_list ap;
  char *message;
  va_start(ap, messagef);
  if (vasprintf(&message, messagef, ap) < 0)
    message = NULL;
  va_end(ap);
  Error *e = newError("main.MyError", err, message);
  e->stackTrace = go_debug_stack();
  return e;
}

const char *Error_(const Error *err) {
  return err->message ? err->message : Error_(err->inner);
}

Error *isGloballyExec(const char *path, bool *exec) {
  struct stat info;
  if (stat(path, &info) != 0) {
    char *text;
    if (asprintf(&text, "stat %s: no such file or directory", path) < 0)
      return NULL;
    Error *err = newError("*fs.PathError", NULL, text);
    return newError("main.LowLevelErr", wrapError(err, "%s", text), NULL);
  }
  *exec = (info.st_mode & 0100) == 0100;
  return NULL;
}

static bool holds(const Error *err, const char *type) {
  for (; err; err = err->inner)
    if (strcmp(err->type, type) == 0)
      return true;
  return false;
}

static bool trace_names(const Error *err, const char *func) {
  for (; err; err = err->inner)
    if (err->stackTrace && strstr(err->stackTrace, func))
      return true;
  return false;
}

/* The ids run in goroutines of their own, as jobs would. */
GO_FUNC(job, const char *, id, Error **, err, go_waitgroup *, wg) {
  *err = runJob(id);
  go_wg_done(wg);
}

int main(void) {
  static const char *ids[] = {"7", "42"};
  Error *errs[2] = {NULL, NULL};
  go_waitgroup wg = {0};
  go_wg_add(&wg, 2);
  for (int i = 0; i < 2; i++)
    go(job, ids[i], &errs[i], &wg);
  go_wg_wait(&wg);

  for (int i = 0; i < 2; i++) {
    Error *err = errs[i];
    ex_check(err != NULL, "job %s failed, as its binary is missing", ids[i]);
    if (err == NULL)
      continue;
    printf("job %s: %s: %s\n", ids[i], err->type, Error_(err));
    ex_check(strcmp(err->type, "main.IntermediateErr") == 0,
             "job %s's error is the intermediate module's (got %s)", ids[i],
             err->type);
    ex_check(strstr(Error_(err), ids[i]) != NULL &&
                 strstr(Error_(err), "stat ") == NULL,
             "its message names job %s in the module's own words", ids[i]);
    ex_check(holds(err, "main.LowLevelErr") && holds(err, "*fs.PathError"),
             "the low-level error is inside it, for the log");
    ex_check(trace_names(err, "runJob(...)\n"),
             "it carries a stack trace of where runJob wrapped it");
  }
  return ex_done();
}
