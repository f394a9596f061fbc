/* json.h: a run as JSON (see json.c); g, if not NULL, is the sweep the
 * run was the first failure (or the first run) of. */
#ifndef HX_JSON_H
#define HX_JSON_H

#include "hx.h"
#include "sweep.h"

#include <stdio.h>

void hx_json_write(FILE *f, const char *src, const hx_meta *m, const hx_opts *o,
                   const hx_result *r, const hx_graded *g);

#endif
