// fakehttp.h: http.Get for the error-handling programs, without a network.
// The programs are about where an error goes, not about HTTP: a URL with no
// scheme fails as Go's net/http fails it, "https://badhost" fails its name
// lookup, and every other URL answers 200 OK. The texts are Go's (the lookup
// error without the resolver's address, which varies from host to host).
#ifndef FAKEHTTP_H
#define FAKEHTTP_H

#include "go.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct Response { // *http.Response, reduced to what is printed
  const char *Status;
} Response;

// resp, err := http.Get(url): exactly one of the two is non-nil.
static go_error httpGet(const char *url, Response **resp) {
  static Response ok = {"200 OK"};
  *resp = NULL;
  if (strstr(url, "://") == NULL) {
    char *err = malloc(strlen(url) + 64); // Go's collector would free it
    sprintf(err, "Get \"%s\": unsupported protocol scheme \"\"", url);
    return err;
  }
  if (strcmp(url, "https://badhost") == 0)
    return "Get \"https://badhost\": dial tcp: lookup badhost: no such host";
  *resp = &ok;
  return NULL;
}

#endif
