/* readers.h: the interface of exercise 03-sync/readers. */
#ifndef READERS_H
#define READERS_H

#include <stdbool.h>

#include "go.h"

enum { TABLE_SIZE = 8 };

typedef struct table {
  go_mutex mu; // the student's choice: one of these two guards the table
  go_rwmutex rw;
  int keys[TABLE_SIZE], values[TABLE_SIZE];
  int n;
} table;

/* The student's: table_get looks key up (true and *value if found);
 * table_put stores or replaces it. Called by many goroutines at once. */
bool table_get(table *t, int key, int *value);
void table_put(table *t, int key, int value);

/* The test's: table_get calls it once it holds the table, before it looks.
 * While the test says so, it waits until another reader is looking too. */
void reading(void);

#endif
