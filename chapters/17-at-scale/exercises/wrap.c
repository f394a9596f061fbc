// Exercise (after "Concurrency in Go", chapter 5, "Error Propagation"): the
// intermediate module's runJob (the test, wrap_test.c, runs a job whose
// binary is missing and looks at the error that comes back, as main would
// before it shows the user a message).
// Bug: runJob hands the low-level module's error up as it is. At the top,
// an error that is not the intermediate module's type is taken for a bug,
// and the user is told to report one; the log says the binary was not
// found, but not which job needed it.
// Goal: every error runJob returns is of the intermediate module's type,
// with a message a user can act on (which job, and what went wrong), and
// keeps the low-level error inside it for the log.
// expect: fail
#include "wrap.h"

Error *runJob(const char *id) {
  const char *jobBinPath = "/bad/job/binary";
  bool isExecutable = false;
  Error *err = isGloballyExec(jobBinPath, &isExecutable);
  if (err != NULL) {
    return err; // TODO: this error crosses a module boundary as it is.
  } else if (!isExecutable) {
    return newError("main.IntermediateErr",
                    wrapError(NULL, "job %s: binary is not executable", id),
                    NULL);
  }
  return NULL; /* exec.Command(jobBinPath, "--id="+id).Run() */
}
