// Error propagation, the error that slips through (the book's chapter 5,
// "Error Propagation"): the low-level module wraps os.Stat's error in its
// own type, but the intermediate module hands it up as it is. At the top,
// main shows the user an error's message only if it is of the
// intermediate module's type, which an error that crossed a boundary
// unwrapped is not: all the user learns is "please report this as a bug",
// and the log holds a low-level message that says nothing of which job
// failed. Go prints the same and exits 0; the check at the end (not in the
// book) fails the program when the user's message is the bug message.
// expect: fail
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
    return err; /* the bug: a lowlevel error leaves this module as it is */
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
  if (shown == bugMessage) { /* not in the book */
    printf("FAIL: the user got no message to act on\n");
    return 1;
  }
  return 0;
}
