/* wrap.h: the interface of exercise 17-at-scale/wrap, shared by the
 * student's wrap.c and the instructor's wrap_test.c: the book's errors
 * that cross module boundaries (the chapter's wrapped.h). One struct
 * stands for every Go error type; `type` names it. */
#ifndef WRAP_H
#define WRAP_H

#include "go.h"

typedef struct Error Error;
struct Error {
  const char *type; /* "main.MyError", "main.LowLevelErr", ... */
  Error *inner;     /* MyError's Inner, or the error a module type embeds */
  char *message;    /* MyError's Message (NULL for a module type) */
  char *stackTrace; /* MyError's StackTrace */
};

/* Written by the student (wrap.c): the intermediate module's runJob. Runs
 * job `id`'s binary if isGloballyExec says it may; returns NULL or an
 * error of the intermediate module's type, "main.IntermediateErr". */
Error *runJob(const char *id);

/* Supplied by the test. newError makes an error of a type (a module type
 * embeds `inner` and has no message of its own); wrapError makes a
 * main.MyError around err, with a printf-style message and the stack trace
 * of the caller; Error_ is err.Error(). isGloballyExec is the low-level
 * module: it fails, with a main.LowLevelErr, for a binary it cannot stat. */
Error *newError(const char *type, Error *inner, char *message);
__attribute__((format(printf, 2, 3))) Error *
wrapError(Error *err, const char *messagef, ...);
const char *Error_(const Error *err);
Error *isGloballyExec(const char *path, bool *exec);

#endif
