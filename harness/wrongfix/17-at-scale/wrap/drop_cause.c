// wrong: a fresh error of the right type with a good message, but the
// low-level error is dropped: the user's message is fine, and the log no
// longer says what actually went wrong.
// expect: fail
#include "wrap.h"

Error *runJob(const char *id) {
  const char *jobBinPath = "/bad/job/binary";
  bool isExecutable = false;
  Error *err = isGloballyExec(jobBinPath, &isExecutable);
  if (err != NULL) {
    return newError("main.IntermediateErr",
                    wrapError(NULL,
                              "cannot run job \"%s\": requisite binaries "
                              "not available",
                              id),
                    NULL);
  } else if (!isExecutable) {
    return newError("main.IntermediateErr",
                    wrapError(NULL, "job %s: binary is not executable", id),
                    NULL);
  }
  return NULL; /* exec.Command(jobBinPath, "--id="+id).Run() */
}
