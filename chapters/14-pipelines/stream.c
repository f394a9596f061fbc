// Concurrency in Go, ch. 4, "Pipelines": the same stages as batch.c made
// stream stages. Each takes one value and returns one, so the loop feeds
// the values through one at a time: no stage holds more than a value. The
// price: the loop body calls the whole pipeline once per value, and the
// stages still run one after the other, never at the same time.
// expect: ok
// hint: A stream stage handles one element at a time.
#include "go.h"

#include <stdio.h>

// multiply := func(value, multiplier int) int
static int multiply(int value, int multiplier) { return value * multiplier; }

// add := func(value, additive int) int
static int add(int value, int additive) { return value + additive; }

int main(void) {
  int ints[] = {1, 2, 3, 4};
  for (int i = 0; i < 4; i++) // for _, v := range ints
    printf("%d\n", multiply(add(multiply(ints[i], 2), 1), 2));
  return 0;
}
