/* locale.h: the interface of exercise 16-context/locale, shared by the
 * student's locale.c and the instructor's locale_test.c. */
#ifndef LOCALE_H
#define LOCALE_H

#include "go.h"

/* Written by the student (locale.c): asks the locale service, which takes
 * a minute, and returns "EN/US" with *err = NULL; or, if ctx is done first
 * (cancelled, or its deadline passed), returns NULL at once with *err set
 * to ctx's error. */
const char *locale(go_context *ctx, go_error *err);

#endif
