/* parked.h: the interface of exercise 02-goroutines/parked. */
#ifndef PARKED_H
#define PARKED_H

#include "go.h"

typedef struct crowd {
  go_chan *gate;        // the parked goroutines wait on it
  go_waitgroup started; // each goroutine is Done once it is about to park
  go_waitgroup exited;  // and Done again as it exits
} crowd;

/* The student's: crowd_park starts n goroutines that park on the gate and
 * returns once all have started; crowd_release lets every one of them go
 * and returns once they have all exited. */
void crowd_park(crowd *c, int n);
void crowd_release(crowd *c);

#endif
