/* wrapped.h: the book's error type for errors that cross module boundaries
 * (chapter 5, "Error Propagation"), shared by the two versions of its
 * program: MyError carries the error it wraps, a message, the stack trace
 * of where it was made and a map for anything else, and wrapError makes one.
 *
 * C has no error interface, so Error is one struct for every error type,
 * and `type` names the Go type it stands for: "main.MyError", a module's
 * "main.LowLevelErr", which the book makes by embedding an error
 * (LowLevelErr{error}: `inner` is the embedded error), or "*fs.PathError",
 * what os.Stat returns. GoString prints an error as Go's %#v would. */
#ifndef AT_SCALE_WRAPPED_H
#define AT_SCALE_WRAPPED_H

#include "go.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct Error Error;
struct Error {
  const char *type; /* the Go type this error stands for */
  Error *inner;     /* MyError's Inner, or the error a module type embeds */
  char *message;    /* MyError's Message, or a plain error's text */
  char *stackTrace; /* MyError's StackTrace: where it was wrapped */
  /* Misc map[string]interface{}: the book makes it and never fills it. */
};

static inline Error *newError(const char *type, Error *inner, char *message) {
  Error *e = calloc(1, sizeof *e);
  e->type = type;
  e->inner = inner;
  e->message = message;
  return e;
}

/* err.Error(): MyError and plain errors say their message; a module's type
 * says what the error it embeds says. */
static inline const char *Error_(const Error *err) {
  return err->message ? err->message : Error_(err->inner);
}

__attribute__((format(printf, 2, 3))) static inline Error *
wrapError(Error *err, const char *messagef, ...) {
  va_list ap;
  char *message;
  va_start(ap, messagef);
  if (vasprintf(&message, messagef, ap) < 0)
    message = NULL;
  va_end(ap);
  Error *e = newError("main.MyError", err, message);
  e->stackTrace = go_debug_stack(); /* string(debug.Stack()) */
  return e;
}

/* A Go string literal, as %#v quotes one. */
static inline void quote(FILE *f, const char *s) {
  fputc('"', f);
  for (; *s; s++)
    if (*s == '\n')
      fputs("\\n", f);
    else if (*s == '\t')
      fputs("\\t", f);
    else if (*s == '"' || *s == '\\')
      fprintf(f, "\\%c", *s);
    else
      fputc(*s, f);
  fputc('"', f);
}

/* fmt.Printf("%#v", err), one line; a pointer prints as Go's does, without
 * the address, which differs from run to run in Go. */
static inline void GoString(FILE *f, const Error *err) {
  if (err == NULL) {
    fputs("error(nil)", f);
  } else if (err->type[0] == '*') {
    fprintf(f, "(%s)(0xc000...)", err->type);
  } else if (err->stackTrace == NULL && err->inner) {
    fprintf(f, "%s{error:", err->type);
    GoString(f, err->inner);
    fputc('}', f);
  } else {
    fprintf(f, "%s{Inner:", err->type);
    GoString(f, err->inner);
    fputs(", Message:", f);
    quote(f, err->message);
    fputs(", StackTrace:", f);
    quote(f, err->stackTrace);
    fputs(", Misc:map[string]interface {}{}}", f);
  }
}

#endif /* AT_SCALE_WRAPPED_H */
