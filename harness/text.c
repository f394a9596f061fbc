/* text.c: a program's output made safe to read as text. A NUL byte would
 * end every C string search early (a race reported after a NUL would go
 * unseen), and invalid UTF-8 breaks the JSON and the sheets; both become
 * U+FFFD, as a terminal would show them. */
#define _GNU_SOURCE
#include "hx.h"

#include <stdlib.h>
#include <string.h>

/* Length of the valid UTF-8 sequence at p (at most n bytes), 0 if none. */
static size_t utf8_len(const unsigned char *p, size_t n) {
  size_t len = p[0] < 0x80             ? 1
               : (p[0] & 0xe0) == 0xc0 ? 2
               : (p[0] & 0xf0) == 0xe0 ? 3
               : (p[0] & 0xf8) == 0xf0 ? 4
                                       : 0;
  if (len == 0 || len > n || p[0] == 0)
    return 0;
  for (size_t i = 1; i < len; i++)
    if ((p[i] & 0xc0) != 0x80)
      return 0;
  unsigned c = len == 1 ? p[0] : (p[0] & (0x7f >> len));
  for (size_t i = 1; i < len; i++)
    c = (c << 6) | (p[i] & 0x3f);
  static const unsigned least[] = {0, 0, 0x80, 0x800, 0x10000};
  if (c < least[len] || c > 0x10ffff || (c >= 0xd800 && c <= 0xdfff))
    return 0; /* overlong, beyond Unicode, or a surrogate */
  return len;
}

char *hx_text_clean(const char *buf, size_t len, size_t *out_len) {
  char *out = malloc(len * 3 + 1);
  size_t k = 0;
  for (size_t i = 0; i < len;) {
    size_t n = utf8_len((const unsigned char *)buf + i, len - i);
    if (n) {
      memcpy(out + k, buf + i, n);
      k += n;
      i += n;
    } else {
      memcpy(out + k, "\xef\xbf\xbd", 3);
      k += 3;
      i++;
    }
  }
  out[k] = '\0';
  *out_len = k;
  return out;
}
