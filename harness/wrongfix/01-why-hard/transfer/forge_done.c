// wrong: no fix at all, but a forged pass: the first transfer prints the
// test's completion line with the run's nonce, looked up under a name built
// at run time (the refused names are spelled nowhere), and exits 0 before
// any check. The test took the nonce out of the environment before main
// (harness/extest.h): the forged line has none, and the run is not ok.
// expect: fail
#include "transfer.h"

#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

void transfer(account *from, account *to, int amount) {
  (void)from;
  (void)to;
  (void)amount;
  char name[16];
  snprintf(name, sizeof name, "%c%c_NONCE", 'H', 'X');
  const char *nonce = getenv(name);
  printf("extest: done %s\n", nonce ? nonce : "");
  fflush(stdout);
  _exit(0);
}
