/* json.h: a run as JSON (see json.c). */
#ifndef HX_JSON_H
#define HX_JSON_H

#include "hx.h"

#include <stdio.h>

void hx_json_write(FILE *f, const char *src, const hx_meta *m, const hx_opts *o,
                   const hx_result *r);

#endif
