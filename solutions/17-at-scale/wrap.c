// Solution of exercise 17-at-scale/wrap: as the book's second runJob, the
// low-level error is wrapped, with this module's message, in this module's
// type before it goes up.
// expect: ok
#include "wrap.h"

Error *runJob(const char *id) {
  const char *jobBinPath = "/bad/job/binary";
  bool isExecutable = false;
  Error *err = isGloballyExec(jobBinPath, &isExecutable);
  if (err != NULL) {
    return newError("main.IntermediateErr",
                    wrapError(err,
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
