// Concurrency in Go, ch. 3, "The sync Package", Once: initA calls
// onceB.Do(initB), initB calls onceA.Do(initA), and main starts it with
// onceA.Do(initA).
// Bug: the inner onceA.Do waits for the outer onceA.Do to finish, which
// waits for initA to return: a circular reference, a deadlock.
// expect: deadlock
// hint: Once.Do waits for its function to return; a Do inside that Do waits forever.
#include "go.h"

static go_once onceA, onceB;

static void initA(void *arg);
// initB = func() { onceA.Do(initA) }
static void initB(void *arg) { go_once_do(&onceA, initA, arg); }
// initA := func() { onceB.Do(initB) }
static void initA(void *arg) { go_once_do(&onceB, initB, arg); }

int main(void) {
  go_once_do(&onceA, initA, NULL); // blocks forever, in the nested Do
  return 0;
}
