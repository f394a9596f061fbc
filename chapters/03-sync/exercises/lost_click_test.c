// lost_click_test.c: the test of exercise 03-sync/lost_click (the student
// does not edit it; grading uses the instructor's copy).
// goal: Every handler runs once the button is clicked, however late it
//   starts waiting: even one subscribed after the click.
// hint: A Broadcast wakes the goroutines waiting at that moment, and is
//   then forgotten. Who remembers that the button was clicked?
// hint2: Wait for a condition on data guarded by the Cond's lock, not for
//   the Broadcast itself: something a late handler can look at.
// hint3: Give the button a `clicked` flag, set under Clicked.L before the
//   Broadcast; a handler waits only while it is false, in a loop. A sleep
//   before the Broadcast orders nothing.
#include <stdio.h>

#include "extest.h"
#include "go.h"
#include "lost_click.h"

static go_waitgroup clickRegistered;
static int loads, ran[4]; // guarded by count_mu
static go_mutex count_mu;

void load_resources(void) {
  go_mutex_lock(&count_mu);
  loads++;
  go_mutex_unlock(&count_mu);
  go_sleep(1 * GO_MILLISECOND); // reading the handler's resources
}

static void ran_one(int i, const char *what) {
  go_mutex_lock(&count_mu);
  ran[i]++;
  go_mutex_unlock(&count_mu);
  printf("%s\n", what);
  go_wg_done(&clickRegistered);
}

static void maximize(void) { ran_one(0, "Maximizing window."); }
static void dialog(void) { ran_one(1, "Displaying annoying dialog box!"); }
static void mouse(void) { ran_one(2, "Mouse clicked."); }
static void late(void) { ran_one(3, "Late handler saw the click."); }

int main(void) {
  Button *button = button_new();
  go_wg_add(&clickRegistered, 4);
  subscribe(button, maximize);
  subscribe(button, dialog);
  subscribe(button, mouse);
  click(button);
  subscribe(button, late); // a handler that starts after the click

  go_wg_wait(&clickRegistered);
  go_mutex_lock(&count_mu);
  ex_check(ran[0] == 1 && ran[1] == 1 && ran[2] == 1,
           "the three handlers subscribed before the click ran once each");
  ex_check(ran[3] == 1, "the handler subscribed after the click ran once");
  ex_check(loads == 4, "each handler loaded its resources (%d loads)", loads);
  go_mutex_unlock(&count_mu);
  return ex_done();
}
