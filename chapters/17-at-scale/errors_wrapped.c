// Error propagation, the error wrapped at each boundary (the book's chapter
// 5, "Error Propagation", its second runJob): the intermediate module wraps
// the low-level error in its own type, with a message that says which job
// could not run and why, in words the user can act on. main finds the
// intermediate type and shows that message, logged with the whole chain
// (the os.Stat error, each wrapping's message and stack trace) under a log
// id the user can quote. The check at the end (not in the book) holds the
// message to that.
// expect: ok
// hint: Wrap an error at each module boundary, with what that module knows.
#define _GNU_SOURCE
#include "go.h"

#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include "wrapped.h"

/* ---- the "lowlevel" module */

/* os.Stat's *fs.PathError: "stat PATH: " and Go's lower-case errno text. */
static Error *pathError(const char *op, const char *path, int errnum) {
  char *text;
  if (asprintf(&text, "%s %s: %s", op, path, strerror(errnum)) < 0)
    return NULL;
  char *reason = text + strlen(op) + strlen(path) + 3;
  *reason = (char)tolower((unsigned char)*reason);
  return newError("*fs.PathError", NULL, text);
}

static Error *isGloballyExec(const char *path, bool *exec) {
  struct stat info;
  if (stat(path, &info) != 0) {
    Error *err = pathError("stat", path, errno);
    return newError("main.LowLevelErr", wrapError(err, "%s", Error_(err)),
                    NULL);
  }
  *exec = (info.st_mode & 0100) == 0100;
  return NULL;
}

/* ---- the "intermediate" module */

static Error *runJob(const char *id) {
  const char *jobBinPath = "/bad/job/binary";
  bool isExecutable = false;
  Error *err = isGloballyExec(jobBinPath, &isExecutable);
  if (err != NULL) {
    return newError("main.IntermediateErr",
                    wrapError(err, /* %q quotes: Go's format */
                              "cannot run job \"%s\": requisite binaries "
                              "not available",
                              id),
                    NULL);
  } else if (isExecutable == false) {
    return wrapError(NULL, "job binary is not executable");
  }
  /* exec.Command(jobBinPath, "--id="+id).Run(): never reached, there is no
   * such binary. */
  (void)id;
  return NULL;
}

static void handleError(int key, Error *err, const char *message) {
  /* log.SetPrefix(fmt.Sprintf("[logID: %v]: ", key)); log.Printf("%#v") */
  go_time now = go_now(); /* log.Ltime|log.LUTC */
  int64_t s = now.ns / GO_SECOND;
  printf("[logID: %d]: %02d:%02d:%02d ", key, (int)(s / 3600 % 24),
         (int)(s / 60 % 60), (int)(s % 60));
  GoString(stdout, err);
  printf("\n[%d] %s\n", key, message);
}

static const char *bugMessage =
    "There was an unexpected issue; please report this as a bug.";

int main(void) {
  const char *shown = NULL;
  Error *err = runJob("1");
  if (err != NULL) {
    const char *msg = bugMessage;
    if (strcmp(err->type, "main.IntermediateErr") == 0) /* err.(type) */
      msg = Error_(err);
    handleError(1, err, msg);
    shown = msg;
  }
  if (shown == NULL || /* not in the book */
      strcmp(shown, "cannot run job \"1\": requisite binaries not available") !=
          0) {
    printf("FAIL: the user did not learn which job failed and why\n");
    return 1;
  }
  return 0;
}
