/* find_leak.h: the interface of exercise 05-select/find_leak. */
#ifndef FIND_LEAK_H
#define FIND_LEAK_H

#include <stdatomic.h>

#include "go.h"

typedef struct service {
  go_chan *done;       // closed by service_stop: every goroutine must exit
  go_chan *requests;   // chan int: the server answers n with n*n on replies
  go_chan *replies;    // chan int
  go_chan *events;     // chan int: 1, 2, 3, ... for whoever listens
  go_waitgroup exited; // Done by each goroutine as it exits
  atomic_int ticks;    // the ticker's count, one every 10ms
} service;

/* The student's: service_start makes the channels and starts the service's
 * three goroutines; service_stop tells them all to exit and returns once
 * they have. */
void service_start(service *s);
void service_stop(service *s);

#endif
