/* json.c: writes a run as one JSON object, for scripts/workbook. */
#define _GNU_SOURCE
#include "json.h"

#include <stdio.h>
#include <string.h>

#define JSON_OUTPUT_MAX (64 << 10) /* enough to show; the rest is cut */

static void json_str(FILE *f, const char *s, size_t max) {
  fputc('"', f);
  size_t i = 0;
  for (; s && s[i] && i < max; i++) {
    unsigned char c = (unsigned char)s[i];
    if (c == '"' || c == '\\')
      fprintf(f, "\\%c", c);
    else if (c == '\n')
      fputs("\\n", f);
    else if (c == '\t')
      fputs("\\t", f);
    else if (c < 0x20 || c == 0x7f)
      fprintf(f, "\\u%04x", c);
    else
      fputc(c, f);
  }
  if (s && s[i])
    fputs("\\n[... output cut]", f);
  fputc('"', f);
}

void hx_json_write(FILE *f, const char *src, const hx_meta *m, const hx_opts *o,
                   const hx_result *r, const hx_graded *g) {
  fputs("{\"src\": ", f);
  json_str(f, src, 4096);
  fprintf(f,
          ", \"verdict\": \"%s\", \"expect\": ", hx_verdict_name(r->verdict));
  if (m->has_expect)
    fprintf(f, "\"%s\"", hx_verdict_name(m->expect));
  else
    fputs("null", f);
  fprintf(f, ", \"seeds_some\": %s, \"seed\": %ld, \"clock\": \"%s\"",
          m->seeds_some ? "true" : "false", o->seed, o->clock);
  fprintf(f, ", \"seconds\": %.3f, \"exit_code\": %d, \"signal\": %d",
          r->seconds, r->exit_code, r->signal);
  fputs(", \"hint\": ", f);
  json_str(f, m->hint, sizeof m->hint);
  fputs(", \"goal\": ", f);
  json_str(f, m->goal, sizeof m->goal);
  fputs(", \"hints\": [", f);
  for (int i = 0; i < m->nhints; i++) {
    fputs(i ? ", " : "", f);
    json_str(f, m->hints[i], sizeof m->hints[i]);
  }
  fprintf(f, "], \"exercise\": %s, \"jitter\": %s, \"explore\": ",
          m->exercise ? "true" : "false", o->jitter ? "true" : "false");
  json_str(f, m->explore, sizeof m->explore);
  if (g) {
    fprintf(f,
            ", \"runs\": %d, \"failed\": %d, \"first_failed_seed\": %ld, "
            "\"stopped\": %s, \"verdicts\": {",
            g->runs, g->failed, g->first_failed, g->stopped ? "true" : "false");
    for (int v = 0, n = 0; v < HX_NVERDICTS; v++)
      if (g->counts[v])
        fprintf(f, "%s\"%s\": %d", n++ ? ", " : "",
                hx_verdict_name((hx_verdict)v), g->counts[v]);
    fputc('}', f);
  }
  fputs(", \"header_error\": ", f);
  json_str(f, m->error, sizeof m->error);
  fputs(", \"message\": ", f);
  json_str(f, r->message, sizeof r->message);
  fputs(", \"output\": ", f);
  json_str(f, r->output, JSON_OUTPUT_MAX);
  fputs("}\n", f);
}
