/* dump.c: what the runtime says when things go wrong, in Go's words.
 *
 * Goroutine dumps (deadlock, fatal error, SIGQUIT, leaks), panics, and the
 * tracebacks in them. A parked goroutine's stack is walked through its frame
 * pointers (everything is built with -fno-omit-frame-pointer) starting from
 * the registers rt_ctx_switch saved; addresses become "function" and
 * "file:line" through llvm-symbolizer (or addr2line), run once per dump
 * for every address not seen before. Frames inside the
 * runtime are left out, as Go leaves out runtime.gopark. */
#define _GNU_SOURCE
#include "rt.h"

#include <link.h>
#include <signal.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <ucontext.h>
#include <unistd.h>

#define MAX_FRAMES 64

typedef struct frame {
  uintptr_t pc;
  char func[128];
  char file[256];
  int line;
} frame;

/* ---- collecting return addresses. */
static int walk_fp(uintptr_t fp, uintptr_t lo, uintptr_t hi, uintptr_t *pcs,
                   int n, int max) {
  while (fp && n < max && fp >= lo && fp + 16 <= hi && fp % 8 == 0) {
    uintptr_t *f = (uintptr_t *)fp;
    if (!f[1])
      break;
    pcs[n++] = f[1];
    if (f[0] <= fp)
      break;
    fp = f[0];
  }
  return n;
}

static void g_bounds(G *g, uintptr_t sp, uintptr_t *lo, uintptr_t *hi) {
  if (g->map_base) {
    *lo = (uintptr_t)g->map_base;
    *hi = (uintptr_t)g->stack_hi;
  } else { /* goroutine 1, on the thread's stack */
    *lo = sp;
    *hi = sp + (64u << 20);
  }
}

/* A parked goroutine: rt_ctx_switch pushed rbp, rbx, r12-r15 and left its
 * return address above them. */
static int parked_pcs(G *g, uintptr_t *pcs, int max) {
  uintptr_t *sp = g->sp, lo, hi;
  g_bounds(g, (uintptr_t)sp, &lo, &hi);
  pcs[0] = sp[6];
  return walk_fp(sp[5], lo, hi, pcs, 1, max);
}

static int running_pcs(uintptr_t pc, uintptr_t fp, uintptr_t *pcs, int max) {
  uintptr_t lo, hi;
  g_bounds(rt_cur(), fp, &lo, &hi);
  if (fp < lo)
    lo = fp;
  int n = 0;
  if (pc)
    pcs[n++] = pc;
  return walk_fp(fp, lo, hi, pcs, n, max);
}

/* ---- symbolizing, with addr2line. */
static void set_str(char *dst, size_t cap, const char *src) {
  size_t n = strlen(src);
  if (n >= cap)
    n = cap - 1;
  memcpy(dst, src, n);
  dst[n] = 0;
}

/* The main program is the first object dl_iterate_phdr reports; its
 * dlpi_addr is what addr2line's addresses are offset by (0 unless PIE). */
static int first_object(struct dl_phdr_info *info, size_t size, void *out) {
  (void)size;
  *(uintptr_t *)out = (uintptr_t)info->dlpi_addr;
  return 1;
}

static uintptr_t load_bias(void) {
  uintptr_t bias = 0;
  dl_iterate_phdr(first_object, &bias);
  return bias;
}

uintptr_t rt_load_bias(void) { return load_bias(); }

/* The program's own code, the executable segments of the main object:
 * frames elsewhere (the C library) are not the program's, and a symbolizer
 * asked about them names whatever symbol of the program is nearest. */
static int own_text(struct dl_phdr_info *info, size_t size, void *out) {
  uintptr_t *range = out; /* [lo, hi) */
  (void)size;
  for (int i = 0; i < info->dlpi_phnum; i++) {
    const ElfW(Phdr) *ph = &info->dlpi_phdr[i];
    if (ph->p_type == PT_LOAD && (ph->p_flags & PF_X)) {
      range[0] = info->dlpi_addr + ph->p_vaddr;
      range[1] = range[0] + ph->p_memsz;
    }
  }
  return 1;
}

static bool in_program(uintptr_t pc) {
  static uintptr_t text[2];
  if (!text[1])
    dl_iterate_phdr(own_text, text);
  return pc > text[0] && pc <= text[1];
}

static void parse_loc(frame *f, char *loc) {
  char *d = strstr(loc, " (discriminator");
  if (d)
    *d = 0;
  char *colon = strrchr(loc, ':');
  f->line = colon ? atoi(colon + 1) : 0;
  if (colon)
    *colon = 0;
  char cwd[256];
  size_t cl = getcwd(cwd, sizeof cwd) ? strlen(cwd) : 0;
  const char *p = loc;
  if (cl && strncmp(p, cwd, cl) == 0 && p[cl] == '/')
    p += cl + 1;
  set_str(f->file, sizeof f->file, p);
}

/* When the compiler merged two calls into one (tail merging), the call
 * instruction has line 0; the nearest line before it is the call's. */
static int line_before(uintptr_t addr) {
  char cmd[64 + 24 * 20];
  int len =
      snprintf(cmd, sizeof cmd, "addr2line -e /proc/%d/exe", (int)getpid());
  for (int k = 1; k <= 24; k++)
    len += snprintf(cmd + len, sizeof cmd - (size_t)len, " %#lx",
                    (unsigned long)(addr - (uintptr_t)k));
  FILE *p = popen(cmd, "r");
  char line[512];
  int found = 0;
  while (p && fgets(line, sizeof line, p))
    if (!found) {
      char *colon = strrchr(line, ':');
      found = colon ? atoi(colon + 1) : 0;
    }
  if (p)
    pclose(p);
  return found;
}

/* ---- the symbol cache: a dump of many goroutines asks the symbolizer once
 * for every address it has not seen, not once per goroutine (a hundred
 * symbolizer starts took over ten seconds on a busy machine). */
typedef struct sym {
  uintptr_t pc;     /* a return address */
  int first, count; /* its frames (more than one when calls were inlined) */
} sym;

static struct {
  sym *syms;
  int nsyms, capsyms;
  frame *frames;
  int nframes, capframes;
} cache;

static sym *cache_find(uintptr_t pc) {
  for (int i = 0; i < cache.nsyms; i++)
    if (cache.syms[i].pc == pc)
      return &cache.syms[i];
  return NULL;
}

/* rt_grow, not realloc: the cache is shared by every goroutine that dumps,
 * and ThreadSanitizer would see a realloc by one and a read by another as a
 * race in the user's program (found by explore --all on 17-at-scale/wrap). */
static bool grow(void **p, int *cap, int need, size_t size) {
  if (need <= *cap)
    return true;
  int c = *cap ? *cap * 2 : 64;
  while (c < need)
    c *= 2;
  *p = rt_grow(*p, (size_t)*cap * size, (size_t)c * size);
  *cap = c;
  return true;
}

static sym *cache_add(uintptr_t pc) {
  if (!grow((void **)&cache.syms, &cache.capsyms, cache.nsyms + 1, sizeof(sym)))
    return NULL;
  sym *s = &cache.syms[cache.nsyms++];
  *s = (sym){.pc = pc, .first = cache.nframes};
  return s;
}

static void cache_frame(sym *s, const char *func, char *loc) {
  if (!grow((void **)&cache.frames, &cache.capframes, cache.nframes + 1,
            sizeof(frame)))
    return;
  frame *f = &cache.frames[cache.nframes++];
  f->pc = s->pc;
  set_str(f->func, sizeof f->func, func);
  parse_loc(f, loc);
  s->count++;
}

/* Runs the symbolizer on up to BATCH addresses; each pc is a return
 * address, so the call is at pc - 1. Inlined calls come as frames of their
 * own, innermost first. */
#define BATCH 128
static void symbolize_batch(const uintptr_t *pcs, int n, uintptr_t bias) {
  char addrs[BATCH * 20] = "", cmd[256 + 2 * sizeof addrs];
  int len = 0;
  for (int i = 0; i < n; i++)
    len += snprintf(addrs + len, sizeof addrs - (size_t)len, " %#lx",
                    (unsigned long)(pcs[i] - 1 - bias));
  /* llvm-symbolizer reads clang's inlining information, which binutils'
   * addr2line misses; both print the same format. */
  snprintf(cmd, sizeof cmd,
           "{ llvm-symbolizer --output-style=GNU -a -f -i --obj=/proc/%d/exe"
           "%s || addr2line -a -f -i -e /proc/%d/exe%s; } 2>/dev/null",
           (int)getpid(), addrs, (int)getpid(), addrs);
  /* Every address gets an entry, found or not, so none is asked twice. */
  for (int i = 0; i < n; i++)
    cache_add(pcs[i]);
  fflush(NULL);
  FILE *p = popen(cmd, "r");
  char func[512], loc[512];
  sym *cur = NULL;
  while (p && fgets(func, sizeof func, p)) {
    func[strcspn(func, "\n")] = 0;
    if (strncmp(func, "0x", 2) == 0) {
      cur = cache_find(strtoul(func, NULL, 16) + 1 + bias);
      if (cur && cur->count == 0)
        cur->first = cache.nframes;
      else
        cur = NULL; /* asked twice: keep the first answer */
      continue;
    }
    if (!fgets(loc, sizeof loc, p))
      break;
    loc[strcspn(loc, "\n")] = 0;
    if (cur)
      cache_frame(cur, func, loc);
  }
  if (p)
    pclose(p);
}

/* Symbolizes every pc not yet in the cache. */
static void prefetch(const uintptr_t *pcs, int n) {
  uintptr_t todo[BATCH], bias = load_bias();
  int k = 0;
  for (int i = 0; i < n; i++) {
    bool seen = cache_find(pcs[i]) != NULL;
    for (int j = 0; j < k && !seen; j++)
      seen = todo[j] == pcs[i];
    if (!seen)
      todo[k++] = pcs[i];
    if (k == BATCH || (i == n - 1 && k > 0)) {
      symbolize_batch(todo, k, bias);
      k = 0;
    }
  }
}

/* Fills func/file/line of the frames of n return addresses. */
static int symbolize(const uintptr_t *pcs, int n, frame *out, int max) {
  prefetch(pcs, n);
  uintptr_t bias = load_bias();
  int m = 0;
  for (int i = 0; i < n; i++) {
    sym *s = cache_find(pcs[i]);
    for (int j = 0; s && j < s->count && m < max; j++) {
      rt_copy(&out[m], &cache.frames[s->first + j], sizeof out[m]);
      /* line_before is as slow as a symbolizer start: once per frame */
      if (out[m].line == 0 && strcmp(out[m].file, "??") != 0)
        out[m].line = cache.frames[s->first + j].line =
            line_before(out[m].pc - 1 - bias);
      m++;
    }
  }
  if (m == 0) /* no addr2line: raw addresses are better than nothing */
    for (; m < n && m < max; m++)
      out[m] = (frame){.pc = pcs[m], .func = "??", .file = "??"};
  return m;
}

/* The runtime's own frames: anything compiled from runtime/NAME.c. */
static bool runtime_frame(const frame *f) {
  const char *slash = strrchr(f->file, '/');
  if (strcmp(f->func, "rt_ctx_start") == 0)
    return true;
  if (!slash)
    return false;
  size_t dl = (size_t)(slash - f->file);
  bool in_rt = dl >= 7 && strncmp(slash - 7, "runtime", 7) == 0 &&
               (dl == 7 || slash[-8] == '/');
  return in_rt;
}

/* GO_FUNC's thunk calls the goroutine's function; when the compiler inlined
 * that function into it, the thunk's frame stands for the function. */
static bool thunk_frame(frame *f, const char *prev) {
  char *t = strstr(f->func, "_gothunk_");
  if (!t)
    return false;
  *t = 0;
  return strcmp(f->func, prev) == 0;
}

static void print_frames(FILE *out, const uintptr_t *pcs, int n) {
  frame fs[MAX_FRAMES];
  int m = symbolize(pcs, n, fs, MAX_FRAMES);
  const char *prev = "";
  for (int i = 0; i < m; i++) {
    /* "??" is code without symbols (the C library): Go shows no such
     * frames either. */
    if (thunk_frame(&fs[i], prev) || runtime_frame(&fs[i]) ||
        strcmp(fs[i].func, "??") == 0 || !in_program(fs[i].pc))
      continue;
    fprintf(out, "%s(...)\n\t%s:%d\n", fs[i].func, fs[i].file, fs[i].line);
    prev = fs[i].func;
    if (strcmp(fs[i].func, "main") == 0)
      break;
  }
  if (n == MAX_FRAMES)
    fputs("...additional frames elided...\n", out);
}

/* ---- one goroutine. */

/* Where the running goroutine was when a signal arrived: the handler's own
 * frames lead back through the kernel's signal frame, not to the program. */
static uintptr_t sig_pc, sig_fp;
const char *rt_status_name(G *g) {
  switch (g->status) {
  case G_RUNNABLE:
    return "runnable";
  case G_RUNNING:
    return "running";
  case G_WAITING:
    return g->wait_reason ? g->wait_reason : "waiting";
  default:
    return "dead";
  }
}

static void print_created_by(FILE *out, G *g) {
  if (g->id == 1)
    return;
  fprintf(out, "created by %s in goroutine %lld\n\t%s:%d\n", g->creator,
          (long long)g->creator_id, g->created_file, g->created_line);
}

static bool not_started(G *g) {
  return g->status == G_RUNNABLE && g->sp && g->fn && g->id != 1 &&
         ((void **)g->sp)[6] == (void *)rt_ctx_start;
}

/* g's return addresses, innermost first. */
static int g_pcs(G *g, uintptr_t *pcs) {
  if (g == rt_cur()) /* maybe parked, but still on its own stack */
    return sig_fp ? running_pcs(sig_pc + 1, sig_fp, pcs, MAX_FRAMES)
                  : running_pcs(0, (uintptr_t)__builtin_frame_address(0), pcs,
                                MAX_FRAMES);
  return not_started(g) ? 0 : parked_pcs(g, pcs, MAX_FRAMES);
}

void rt_dump_g(FILE *out, G *g) {
  uintptr_t pcs[MAX_FRAMES];
  fprintf(out, "goroutine %lld [%s]:\n", (long long)g->id, rt_status_name(g));
  if (not_started(g) && g != rt_cur())
    fprintf(out, "%s(...)\n", g->fn_name);
  else
    print_frames(out, pcs, g_pcs(g, pcs));
  print_created_by(out, g);
}

void rt_traceback_here(FILE *out) { rt_dump_g(out, rt_cur()); }

static int by_id(const void *a, const void *b) {
  int64_t x = (*(G *const *)a)->id, y = (*(G *const *)b)->id;
  return (x > y) - (x < y);
}

/* One symbolizer run for every goroutine's addresses. */
static void prefetch_all(G **gs, int n, G *first) {
  uintptr_t *all = malloc(sizeof *all * (size_t)(n + 1) * MAX_FRAMES);
  int k = 0;
  if (!all)
    return;
  for (int i = -1; i < n; i++) {
    G *g = i < 0 ? first : gs[i];
    if (g)
      k += g_pcs(g, all + k);
  }
  prefetch(all, k);
  free(all);
}

/* Every goroutine, `first` leading, the rest by number. */
void rt_dump_all(FILE *out, G *first) {
  int n = 0;
  G **gs = malloc(sizeof *gs * (size_t)(rt_gcount() + 1));
  if (!gs)
    return;
  for (G *g = rt_allg_first(); g; g = g->all_next)
    if (g != first)
      gs[n++] = g;
  qsort(gs, (size_t)n, sizeof *gs, by_id);
  prefetch_all(gs, n, first);
  if (first) {
    rt_dump_g(out, first);
    fputc('\n', out);
  }
  for (int i = 0; i < n; i++) {
    rt_dump_g(out, gs[i]);
    fputc('\n', out);
  }
  free(gs);
}

void go_dump(void) { rt_dump_all(stderr, rt_cur()); }

/* ---- ending the program. */
void rt_exit_now(int status) {
  fflush(NULL);
  rt_choice_exit();
  rt_race_exit();
  _exit(status);
}

void go_fatal(const char *fmt, ...) {
  va_list ap;
  fflush(stdout);
  fputs("fatal error: ", stderr);
  va_start(ap, fmt);
  vfprintf(stderr, fmt, ap);
  va_end(ap);
  fputs("\n\n", stderr);
  rt_dump_all(stderr, rt_cur()->status == G_RUNNING ? rt_cur() : NULL);
  rt_exit_now(2);
}

/* A fatal error where dumping every goroutine would bury the message. */
void rt_fatal_single(const char *fmt, ...) {
  va_list ap;
  fflush(stdout);
  fputs("fatal error: ", stderr);
  va_start(ap, fmt);
  vfprintf(stderr, fmt, ap);
  va_end(ap);
  fputs("\n\n", stderr);
  rt_dump_g(stderr, rt_cur());
  rt_exit_now(2);
}

void rt_deadlock(void) {
  fflush(stdout);
  rt_trace(RT_EV_DEADLOCK, NULL, NULL, 0, NULL);
  fputs("fatal error: all goroutines are asleep - deadlock!\n\n", stderr);
  rt_dump_all(stderr, NULL);
  rt_exit_now(2);
}

/* A leak is a goroutine blocked for good. One that is runnable is on its
 * way somewhere (finishing after a last wg.Done, say); running it after main
 * has returned would run it on main's dead locals, so it is not judged. */
static bool leaked(G *g) {
  return g->id != 1 && !g->system && g->status == G_WAITING;
}

void rt_leak_report(void) {
  int n = 0;
  for (G *g = rt_allg_first(); g; g = g->all_next)
    n += leaked(g);
  if (n == 0)
    return;
  fflush(stdout);
  fprintf(stderr, "leak: %d goroutine%s still alive when main returned\n\n", n,
          n == 1 ? "" : "s");
  for (G *g = rt_allg_first(); g; g = g->all_next)
    if (leaked(g)) {
      rt_dump_g(stderr, g);
      fputc('\n', stderr);
    }
  fflush(stderr);
}

/* ---- signals. */
static void on_sigquit(int sig, siginfo_t *si, void *ucv) {
  ucontext_t *uc = ucv;
  (void)sig, (void)si;
  sig_pc = (uintptr_t)uc->uc_mcontext.gregs[REG_RIP];
  sig_fp = (uintptr_t)uc->uc_mcontext.gregs[REG_RBP];
  fflush(stdout);
  fputs("SIGQUIT: quit\n\n", stderr);
  rt_dump_all(stderr, rt_cur());
  rt_exit_now(2);
}

/* A fault just below a goroutine's stack is an overflow; anything else is
 * Go's nil-dereference panic. */
static void on_fault(int sig, siginfo_t *si, void *ucv) {
  ucontext_t *uc = ucv;
  G *g = rt_cur();
  uintptr_t addr = (uintptr_t)si->si_addr;
  uintptr_t pc = (uintptr_t)uc->uc_mcontext.gregs[REG_RIP];
  uintptr_t fp = (uintptr_t)uc->uc_mcontext.gregs[REG_RBP];
  uintptr_t pcs[MAX_FRAMES];
  fflush(stdout);
  if (g->map_base && addr >= (uintptr_t)g->map_base &&
      addr < (uintptr_t)g->stack_lo) {
    fprintf(stderr,
            "runtime: goroutine %lld (%s) stack exceeds %zu-byte "
            "limit (set GO_STACKSIZE in KiB)\nfatal error: stack overflow\n\n",
            (long long)g->id, g->fn_name, g->map_size);
    fprintf(stderr, "goroutine %lld [running]:\n", (long long)g->id);
    print_frames(stderr, pcs, running_pcs(pc + 1, fp, pcs, 12));
    rt_exit_now(2);
  }
  if (si->si_code != SEGV_MAPERR && si->si_code != SEGV_ACCERR &&
      sig == SIGSEGV) {
    /* Not a bad address: a general protection fault (abort's hlt when
     * SIGABRT is ignored, as by pid 1 of a sandbox), or a signal sent.
     * Go throws there too. */
    fprintf(stderr,
            "fatal error: unexpected signal during runtime execution\n"
            "[signal SIGSEGV: segmentation violation code=%#x addr=%#lx "
            "pc=%#lx]\n\n",
            (unsigned)si->si_code, (unsigned long)addr, (unsigned long)pc);
    fprintf(stderr, "goroutine %lld [running]:\n", (long long)g->id);
    print_frames(stderr, pcs, running_pcs(pc + 1, fp, pcs, MAX_FRAMES));
    rt_exit_now(2);
  }
  fprintf(stderr,
          "panic: runtime error: invalid memory address or nil "
          "pointer dereference\n[signal %s: %s addr=%#lx pc=%#lx]\n\n",
          sig == SIGBUS ? "SIGBUS" : "SIGSEGV",
          sig == SIGBUS ? "bus error" : "segmentation violation",
          (unsigned long)addr, (unsigned long)pc);
  fprintf(stderr, "goroutine %lld [running]:\n", (long long)g->id);
  print_frames(stderr, pcs, running_pcs(pc + 1, fp, pcs, MAX_FRAMES));
  print_created_by(stderr, g);
  rt_exit_now(2);
}

void rt_signals_init(void) {
  static char altstack[64 * 1024];
  stack_t ss = {.ss_sp = altstack, .ss_size = sizeof altstack};
  sigaltstack(&ss, NULL);
  struct sigaction sa = {.sa_flags = SA_SIGINFO | SA_ONSTACK};
  sigemptyset(&sa.sa_mask);
  sa.sa_sigaction = on_sigquit;
  sigaction(SIGQUIT, &sa, NULL);
  sa.sa_sigaction = on_fault;
  sigaction(SIGSEGV, &sa, NULL);
  sigaction(SIGBUS, &sa, NULL);
}
