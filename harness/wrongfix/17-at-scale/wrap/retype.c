// wrong: the low-level error put in the intermediate type as it is, with
// no message of this module's: main now shows the user the low-level text,
// which says nothing of the job.
// expect: fail
#include "wrap.h"

Error *runJob(const char *id) {
  const char *jobBinPath = "/bad/job/binary";
  bool isExecutable = false;
  Error *err = isGloballyExec(jobBinPath, &isExecutable);
  if (err != NULL) {
    return newError("main.IntermediateErr", err, NULL);
  } else if (!isExecutable) {
    return newError("main.IntermediateErr",
                    wrapError(NULL, "job %s: binary is not executable", id),
                    NULL);
  }
  return NULL; /* exec.Command(jobBinPath, "--id="+id).Run() */
}
