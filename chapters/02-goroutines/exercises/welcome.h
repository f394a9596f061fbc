/* welcome.h: the interface of exercise 02-goroutines/welcome. */
#ifndef WELCOME_H
#define WELCOME_H

/* The student's: starts a goroutine that sets *salutation to greeting(),
 * waits for it, and returns. */
void welcome(const char **salutation);

/* The test's: the word the goroutine fetches (it records who called it). */
const char *greeting(void);

#endif
