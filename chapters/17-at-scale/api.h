/* api.h: what the book's rate-limiting programs share around their
 * APIConnection. Each program defines the struct, Open, ReadFile and
 * ResolveAddress (the part that changes from version to version); this
 * header has the book's main, the ten goroutines calling ReadFile and the
 * ten calling ResolveAddress (run_clients), admitted(), which the methods
 * call where the book says "Pretend we do work here" and which records when
 * the API let a call through, and check_terms, which checks that record
 * against a token bucket's terms (n requests per d, burst b) on the virtual
 * clock (not in the book).
 *
 * The check: a bucket that starts full with b tokens and gains one per
 * `every` can admit requests i..j (in time order) only if
 * j - i + 1 <= b + (t_j - t_i) / every. Every pair is checked, so any
 * window that admitted too many is named. */
#ifndef AT_SCALE_API_H
#define AT_SCALE_API_H

#include "go.h"

#include <stdio.h>
#include <string.h>

enum { MAX_CALLS = 64 };

typedef struct CallLog {
  go_mutex mu;
  go_time start;
  go_duration at[MAX_CALLS]; /* when each call was admitted, since start */
  const char *what[MAX_CALLS];
  int n;
} CallLog;

static CallLog calls;

/* The work a call does once the limiter let it through. */
static inline void admitted(const char *what) {
  go_mutex_lock(&calls.mu);
  go_duration at = go_since(calls.start);
  if (calls.n < MAX_CALLS) {
    calls.what[calls.n] = what;
    calls.at[calls.n++] = at;
  }
  go_mutex_unlock(&calls.mu);
  printf("%6s %s\n", GO_DUR(at), what); /* log.Printf(what), with its time */
}

/* Prints FAIL and returns false when the admissions of the calls named
 * `what` (NULL: every call) break the terms. */
static inline bool check_terms_of(const char *what, const char *terms,
                                  go_duration every, int burst) {
  go_duration at[MAX_CALLS];
  int n = 0;
  /* calls.at is in time order: admitted() appends as the clock moves on. */
  for (int i = 0; i < calls.n; i++)
    if (what == NULL || strcmp(calls.what[i], what) == 0)
      at[n++] = calls.at[i];
  for (int i = 0; i < n; i++)
    for (int j = i + burst; j < n; j++)
      if (j - i + 1 > burst + (at[j] - at[i]) / every) {
        printf("FAIL: %d %s%scalls from %s to %s break %s\n", j - i + 1,
               what ? what : "", what ? " " : "", GO_DUR(at[i]), GO_DUR(at[j]),
               terms);
        return false;
      }
  printf("checked: %d %s%scalls keep to %s\n", n, what ? what : "",
         what ? " " : "", terms);
  return true;
}

static inline bool check_terms(const char *terms, go_duration every,
                               int burst) {
  return check_terms_of(NULL, terms, every, burst);
}

/* ---- the book's main (a program with clients of its own defines
 * API_OWN_CLIENTS) ---- */
#ifndef API_OWN_CLIENTS
typedef struct APIConnection APIConnection;
static APIConnection *Open(void);
static go_error ReadFile(APIConnection *a, go_context *ctx);
static go_error ResolveAddress(APIConnection *a, go_context *ctx);

GO_FUNC(read_file, APIConnection *, apiConnection, go_waitgroup *, wg) {
  go_error err = ReadFile(apiConnection, go_background());
  if (err != NULL)
    printf("cannot ReadFile: %s\n", err);
  go_wg_done(wg); /* defer wg.Done() */
}

GO_FUNC(resolve_address, APIConnection *, apiConnection, go_waitgroup *, wg) {
  go_error err = ResolveAddress(apiConnection, go_background());
  if (err != NULL)
    printf("cannot ResolveAddress: %s\n", err);
  go_wg_done(wg); /* defer wg.Done() */
}

/* main's body up to its deferred log.Printf("Done."). */
static inline void run_clients(void) {
  calls.start = go_now(); /* log.SetFlags(log.Ltime|log.LUTC): times below */
  APIConnection *apiConnection = Open();
  go_waitgroup wg = {0};
  go_wg_add(&wg, 20);
  for (int i = 0; i < 10; i++)
    go(read_file, apiConnection, &wg);
  for (int i = 0; i < 10; i++)
    go(resolve_address, apiConnection, &wg);
  go_wg_wait(&wg);
  printf("%6s Done.\n", GO_DUR(go_since(calls.start))); /* the defer */
}

/* Not the book's order: the two kinds of call started alternately, so the
 * first calls mix both kinds whatever the scheduler does first. */
static inline void run_clients_alternating(void) {
  calls.start = go_now();
  APIConnection *apiConnection = Open();
  go_waitgroup wg = {0};
  go_wg_add(&wg, 20);
  for (int i = 0; i < 10; i++) {
    go(read_file, apiConnection, &wg);
    go(resolve_address, apiConnection, &wg);
  }
  go_wg_wait(&wg);
  printf("%6s Done.\n", GO_DUR(go_since(calls.start)));
}

#endif /* API_OWN_CLIENTS */

#endif /* AT_SCALE_API_H */
