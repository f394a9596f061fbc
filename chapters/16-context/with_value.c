// Concurrency in Go, ch. 4, "The context Package": request-scoped values.
// ProcessRequest puts the user's id and token into the context;
// HandleResponse, further down the call graph, reads them back. The keys
// are of a private type (Go: `type ctxKey int`), so no other package can
// make a key equal to them and read or overwrite the values: here each key
// is the address of an object private to this file, which no other file can
// name. The accessors are the only way in, and they say what type comes out.
// expect: ok
// hint: Context keys of an unexported type cannot collide with anyone else's.
#include "go.h"

#include <stdio.h>

// type ctxKey int; const (ctxUserID ctxKey = iota; ctxAuthToken)
static const char ctxUserID, ctxAuthToken;

static const char *UserID(go_context *c) { return go_ctx_value(c, &ctxUserID); }

static const char *AuthToken(go_context *c) {
  return go_ctx_value(c, &ctxAuthToken);
}

static void HandleResponse(go_context *ctx) {
  printf("handling response for %s (auth: %s)\n", UserID(ctx), AuthToken(ctx));
}

static void ProcessRequest(const char *userID, const char *authToken) {
  go_context *ctx = go_with_value(go_background(), &ctxUserID, (void *)userID);
  ctx = go_with_value(ctx, &ctxAuthToken, (void *)authToken);
  HandleResponse(ctx);
}

int main(void) {
  ProcessRequest("jane", "abc123");
  return 0;
}
