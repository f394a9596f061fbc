// Concurrency in Go, ch. 4, "Pipelines": the first pipeline, two batch
// stages. multiply and add each take a whole slice and return a new one, so
// a stage's input is never changed and stages combine like functions:
// add(multiply(ints, 2), 1). Batch stages need memory for the whole batch
// at every stage, and nothing leaves the pipeline before the last stage has
// seen every value.
// expect: ok
// hint: A stage consumes and returns the same type, so stages compose.
#include "go.h"

#include <stdio.h>
#include <stdlib.h>

// multiply := func(values []int, multiplier int) []int
static int *multiply(const int *values, int n, int multiplier) {
  int *multipliedValues = malloc(sizeof(int) * (size_t)n);
  for (int i = 0; i < n; i++)
    multipliedValues[i] = values[i] * multiplier;
  return multipliedValues;
}

// add := func(values []int, additive int) []int
static int *add(const int *values, int n, int additive) {
  int *addedValues = malloc(sizeof(int) * (size_t)n);
  for (int i = 0; i < n; i++)
    addedValues[i] = values[i] + additive;
  return addedValues;
}

int main(void) {
  int ints[] = {1, 2, 3, 4};
  int n = 4; // a Go slice knows its length; a C array is passed with it
  int *doubled = multiply(ints, n, 2);
  int *result = add(doubled, n, 1);
  for (int i = 0; i < n; i++) // for _, v := range add(multiply(ints, 2), 1)
    printf("%d\n", result[i]);
  free(doubled); // Go's garbage collector frees the intermediate slices
  free(result);
  return 0;
}
