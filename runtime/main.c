/* main.c: the program's entry, for programs linked with -Wl,--wrap=main
 * (the harness links them so): the C library calls __wrap_main, and the
 * runtime decides where main runs (sched.c, rt_main). This file is taken
 * from the library only by such a link, since nothing else names it. */
#include "rt.h"

int __real_main(int argc, char **argv, char **envp);
int __wrap_main(int argc, char **argv, char **envp);

int __wrap_main(int argc, char **argv, char **envp) {
  return rt_main(argc, argv, envp, __real_main);
}
