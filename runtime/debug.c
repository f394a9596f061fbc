/* debug.c: Go's runtime/debug.Stack: the calling goroutine's stack as text.
 *
 * go_debug_stack formats the running goroutine exactly as a panic or a
 * goroutine dump shows it ("goroutine N [running]:", then one function and
 * file:line pair per frame, then "created by ..."), into a string the caller
 * owns and frees. Frames inside the runtime are left out, as in dumps, so the
 * first frame is the caller's. It symbolizes through dump.c, which runs the
 * symbolizer once per call: meant for errors and reports, not for hot loops. */
#define _GNU_SOURCE
#include "rt.h"

#include <stdio.h>
#include <stdlib.h>

char *go_debug_stack(void) {
  char *text = NULL;
  size_t len = 0;
  FILE *f = open_memstream(&text, &len);
  if (f == NULL)
    return NULL;
  rt_traceback_here(f);
  if (fclose(f) != 0) {
    free(text);
    return NULL;
  }
  return text;
}
