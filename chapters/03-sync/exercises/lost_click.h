/* lost_click.h: the interface of exercise 03-sync/lost_click, shared by the
 * student's lost_click.c and the instructor's lost_click_test.c. */
#ifndef LOST_CLICK_H
#define LOST_CLICK_H

#include "go.h"

typedef void (*handler_fn)(void);

/* A button; its fields are the student's (lost_click.c). */
typedef struct Button Button;

/* Written by the student. button_new makes a button nobody has clicked;
 * subscribe starts a goroutine that, once the button is clicked, runs fn
 * (it returns when that goroutine is running); click presses the button:
 * every handler subscribed, before or after, runs once. */
Button *button_new(void);
void subscribe(Button *b, handler_fn fn);
void click(Button *b);

/* Supplied by the test: a handler loads its resources with
 * load_resources() after it reports that it is running and before it waits
 * for the click; it takes a while. */
void load_resources(void);

#endif
