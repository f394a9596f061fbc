// Russ Cox, "Patterns and Hints for Concurrency in Go", "Know why and when
// each goroutine will exit": 100 goroutines run f -> g -> h, and h sends on
// a channel nobody ever receives from, so all 100 block forever, while main
// serves the debug endpoint. Bug (on purpose, to have something to look at):
// nothing ever lets the 100 goroutines exit. The Go program serves forever
// and you look with a browser; this one asks itself for its goroutine
// profile over loopback, checks that it shows the 100 goroutines grouped by
// their stack h <- g <- f, then returns, leaving them blocked: the verdict
// names the leak.
// expect: leak
// hint: Use the HTTP server's /debug/pprof/goroutine to inspect live goroutine stacks.
#include "go.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

// Go's `var c = make(chan int)` is a package-level variable; here main makes
// the channel and passes it down. noinline keeps f, g and h three frames, as
// in Go's stacks, and the empty asm after a call keeps it from becoming a
// tail call that would replace the caller's frame.
__attribute__((noinline)) static void f(go_chan *c, int x);
__attribute__((noinline)) static void g(go_chan *c, int x);
__attribute__((noinline)) static void h(go_chan *c, int x);

GO_FUNC(f, go_chan *, c, int, x) {
  g(c, x + 1);
  __asm__ volatile("" ::: "memory");
}

static void g(go_chan *c, int x) {
  h(c, x + 1);
  __asm__ volatile("" ::: "memory");
}

static void h(go_chan *c, int x) {
  int one = 1;
  go_send(c, &one); // c <- 1: nobody ever receives
  f(c, x + 1);
}

// GET path from 127.0.0.1:port; what curl or a browser does for the Go
// program. Returns the length of the reply read into buf.
static size_t http_get(int port, const char *path, char *buf, size_t cap) {
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  struct sockaddr_in a = {.sin_family = AF_INET,
                          .sin_port = htons((uint16_t)port),
                          .sin_addr.s_addr = htonl(INADDR_LOOPBACK)};
  if (fd < 0 || go_connect(fd, &a, sizeof a) != 0)
    return 0;
  char req[256];
  int n = snprintf(req, sizeof req, "GET %s HTTP/1.0\r\n\r\n", path);
  go_write(fd, req, (size_t)n);
  size_t len = 0;
  for (long r;
       len + 1 < cap && (r = go_read(fd, buf + len, cap - 1 - len)) > 0;)
    len += (size_t)r;
  buf[len] = 0;
  close(fd);
  return len;
}

int main(void) {
  go_chan *c = go_make_chan(int, 0);
  for (int i = 0; i < 100; i++)
    go(f, c, 0x10 * i);
  // Go's http.ListenAndServe("localhost:8080", nil) serves and never
  // returns; go_debug_serve starts the server goroutine and returns its port.
  int port = go_debug_serve(0);
  if (port <= 0) {
    printf("FAIL: go_debug_serve failed\n");
    return 1;
  }

  static char resp[1 << 16];
  http_get(port, "/debug/pprof/goroutine?debug=1", resp, sizeof resp);
  const char *body = strstr(resp, "\r\n\r\n");
  body = body ? body + 4 : resp;
  fputs(body, stdout);

  // main, the 100, the server and the connection it is serving.
  if (!strstr(body, "goroutine profile: total 103\n")) {
    printf("FAIL: want \"goroutine profile: total 103\"\n");
    return 1;
  }
  const char *group = strstr(body, "\n100 @ ");
  const char *ph = group ? strstr(group, "#\th(") : NULL;
  const char *pg = ph ? strstr(ph, "#\tg(") : NULL;
  const char *pf = pg ? strstr(pg, "#\tf(") : NULL;
  if (!pf) {
    printf("FAIL: want a group \"100 @\" with the stack h <- g <- f\n");
    return 1;
  }
  printf("profile checked: 100 goroutines blocked in h <- g <- f\n");
  return 0; // and they are still blocked: the leak check lists them
}
