/* no_timeout.h: the interface of exercise 05-select/no_timeout. */
#ifndef NO_TIMEOUT_H
#define NO_TIMEOUT_H

#include <stdbool.h>

#include "go.h"

typedef struct request {
  int n;
  go_chan *reply; // chan int, made by the client: the server sends n*n on it
} request;

/* The student's: sends request n on requests (chan request) and waits for
 * its answer, at most 100ms. True and *square set if it was answered in
 * time; false if it timed out. */
bool ask(go_chan *requests, int n, int *square);

#endif
