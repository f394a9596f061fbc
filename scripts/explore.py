"""explore.py: schedule search behind `scripts/workbook explore --pct/--all`.

Every scheduling choice of the runtime comes from its choice source
(runtime/choice.c), so a schedule is data: GO_SCHEDULE="K:A,..." runs the
default order (the goroutine runnable longest, the first ready case, the
earliest timer, no preemption) except that choice point K takes alternative A;
GO_PCT="D,K" runs the PCT scheduler; GO_SCHEDULE_LOG=FILE records every choice
point. This module runs programs under those and searches:

- pct(): Burckhardt et al.'s randomized scheduler (ASPLOS 2010), whose chance
  of hitting a bug of depth d is at least 1/(n k^(d-1)) per run for n
  goroutines and k steps;
- exhaustive(): every schedule with at most K deviations from the default
  order, breadth first (so the first bug found has the fewest), skipping a
  deviation that only swaps two steps on different objects (a partial-order
  reduction in the spirit of DPOR: the runtime logs which channel, lock,
  WaitGroup or Cond each step acts on; plain memory it cannot see, but two
  unsynchronized accesses are a race whichever runs first).
"""
import os
import sys
import subprocess
import tempfile
from concurrent.futures import ThreadPoolExecutor


class Trace:
    """A GO_SCHEDULE_LOG: the choice points and what each goroutine did."""

    def __init__(self, text):
        self.exe, self.bias, self.steps, self.goroutines = None, 0, 0, 0
        self.points = []   # dicts: k kind n chosen gid alts=[(gid, pc)]
        self.events = []   # ("t", gid, obj, pc) and ("c", point index)
        for line in text.splitlines():
            f = line.split()
            if not f:
                continue
            if f[0] == "exe":
                self.exe = line[4:]
            elif f[0] == "bias" and len(f) > 1:
                self.bias = int(f[1], 16)
            elif f[0] == "c" and len(f) >= 6:
                self.points.append({"k": int(f[1]), "kind": f[2],
                                    "n": int(f[3]), "chosen": int(f[4]),
                                    "gid": int(f[5]), "alts": []})
                self.events.append(("c", len(self.points) - 1))
            elif f[0] == "a" and len(f) >= 3 and self.points:
                self.points[-1]["alts"].append((int(f[1]), int(f[2], 16)))
            elif f[0] == "t" and len(f) >= 4:
                self.events.append(("t", int(f[1]), int(f[2], 16),
                                    int(f[3], 16)))
            elif f[0] == "end" and len(f) >= 3:
                self.steps, self.goroutines = int(f[1]), int(f[2])
        self.where = {}  # event index of each point
        for i, e in enumerate(self.events):
            if e[0] == "c":
                self.where[e[1]] = i

    def footprint(self, gid, point):
        """Objects goroutine gid acts on around choice point `point`: the
        one it stopped at before it, and those of its next step after it
        (up to its next choice point); None if it never runs again."""
        start = self.where[point]
        objs = set()
        for e in reversed(self.events[:start]):
            if e[0] == "t" and e[1] == gid:
                objs.add(e[2])
                break
        ran = False
        for e in self.events[start + 1:]:
            if e[0] == "c":
                if self.points[e[1]]["gid"] == gid and ran:
                    return objs
                continue
            if e[1] == gid:
                objs.add(e[2])
                ran = True
        return objs if ran else None

    def independent(self, point, alt):
        """True if deviating at `point` only reorders steps that act on
        different objects, so the default order covers it."""
        p = self.points[point]
        if p["kind"] not in ("goroutine", "preempt") or not p["alts"]:
            return False
        if p["kind"] == "goroutine":
            first = [p["alts"][0][0]]
            others = [p["alts"][alt][0]]
        else:  # the running goroutine against whoever would run instead
            first = [p["gid"]]
            others = [g for g, _ in p["alts"]]
        mine = set()
        for g in first:
            f = self.footprint(g, point)
            if f is None:
                return False
            mine |= f
        for g in others:
            f = self.footprint(g, point)
            if f is None or f & mine:
                return False
        return True


def schedule_text(devs):
    return ",".join("%d:%d" % d for d in devs) or "none"


def parse_schedule(text):
    if text in ("", "none"):
        return ()
    out = []
    for part in text.split(","):
        k, _, a = part.partition(":")
        out.append((int(k), int(a)))
    return tuple(out)


class Runner:
    """Runs one program under a schedule through run-one, with its log."""

    def __init__(self, wb, prog, timeout=None):
        self.wb, self.prog, self.timeout = wb, prog, timeout
        self.runs = 0

    def run(self, env, seed=1):
        # An inherited descriptor, not a path: the harness's sandbox gives
        # the program a /tmp of its own.
        with tempfile.TemporaryFile(prefix="explore.") as log:
            fd = log.fileno()
            r = self.wb.run_json(self.prog.path, seed, timeout=self.timeout,
                                 jitter=True, pass_fds=(fd,),
                                 env=dict(env, GO_SCHEDULE_FD=str(fd)))
            log.seek(0)
            trace = Trace(log.read().decode(errors="replace"))
        self.runs += 1
        return r, trace

    def schedule(self, devs):
        return self.run({"GO_SCHEDULE": schedule_text(devs)})

    def is_bug(self, verdict):
        want = self.prog.expect
        if want and want != "ok":
            return verdict == want
        return verdict != "ok"


def deviations_of(trace):
    """The schedule that replays a run: its non-default choices."""
    return tuple((p["k"], p["chosen"]) for p in trace.points if p["chosen"])


def pct(runner, depth, runs, jobs):
    """PCT runs on seeds 1..runs; returns (n, k, [(seed, result, trace)])."""
    base, t0 = runner.schedule(())
    n, k = max(t0.goroutines, 1), max(t0.steps, 1)
    spec = "%d,%d" % (depth, k)

    def one(seed):
        r, t = runner.run({"GO_PCT": spec}, seed)
        return seed, r, t
    with ThreadPoolExecutor(jobs) as pool:
        out = list(pool.map(one, range(1, runs + 1)))
    return n, k, out


def children(trace, devs, bound):
    """Schedules one deviation longer, deviating after the last one."""
    if len(devs) >= bound:
        return [], 0
    last = devs[-1][0] if devs else -1
    kids, pruned = [], 0
    for i, p in enumerate(trace.points):
        if p["k"] <= last:
            continue
        for alt in range(1, p["n"]):
            if trace.independent(i, alt):
                pruned += 1
            else:
                kids.append(devs + ((p["k"], alt),))
    return kids, pruned


def exhaustive(runner, bound, budget, jobs, first=False):
    """Breadth first over deviation count (first: stop at the first level
    that shows a bug). Returns a dict: explored, bugs (schedules, fewest
    deviations first), pruned, complete, witness (schedule, result, trace)."""
    frontier, explored, bugs, pruned = [()], 0, [], 0
    witness = None
    complete = True
    with ThreadPoolExecutor(jobs) as pool:
        while frontier:
            if explored + len(frontier) > budget:
                frontier = frontier[:budget - explored]
                complete = False
            results = list(pool.map(runner.schedule, frontier))
            nxt = []
            for devs, (r, t) in zip(frontier, results):
                explored += 1
                if runner.is_bug(r["verdict"]):
                    bugs.append(devs)
                    if witness is None:
                        witness = (devs, r, t)
                kids, p = children(t, devs, bound)
                nxt += kids
                pruned += p
            if not complete or (first and bugs):
                break
            frontier = nxt
    return {"explored": explored, "bugs": bugs, "pruned": pruned,
            "complete": complete, "witness": witness}


# ------------------------------------------------------------- the story

def symbolize(trace, pcs):
    """file:line (function) of each return address, via the binary."""
    if not trace.exe or not os.path.exists(trace.exe) or not pcs:
        return {pc: "%#x" % pc for pc in pcs}
    addrs = ["%#x" % (pc - 1 - trace.bias) for pc in pcs]
    try:
        out = subprocess.run(["addr2line", "-f", "-e", trace.exe] + addrs,
                             stdout=subprocess.PIPE, text=True,
                             stderr=subprocess.DEVNULL).stdout.splitlines()
    except OSError:
        out = []
    names = {}
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    for i, pc in enumerate(pcs):
        if 2 * i + 1 < len(out):
            fn, loc = out[2 * i], out[2 * i + 1].split(" (")[0]
            loc = os.path.relpath(loc, root) if loc.startswith("/") else loc
            names[pc] = "%s (%s)" % (loc, fn)
        else:
            names[pc] = "%#x" % pc
    return names


def last_pc(trace, gid, point):
    """Where goroutine gid had last called the runtime before `point`."""
    start = trace.where[point]
    for e in reversed(trace.events[:start]):
        if e[0] == "t" and e[1] == gid:
            return e[3]
    return None


def story(trace, devs):
    """One line per deviation: who ran, and where it had stopped."""
    by_k = {p["k"]: i for i, p in enumerate(trace.points)}
    wanted = []
    for k, alt in devs:
        i = by_k.get(k)
        if i is None:
            continue
        p = trace.points[i]
        gids = [p["gid"]]
        if p["kind"] == "goroutine" and alt < len(p["alts"]):
            gids = [p["alts"][alt][0], p["alts"][0][0]]
        wanted.append((k, alt, i, p, [(g, last_pc(trace, g, i)) for g in gids]))
    names = symbolize(trace, sorted({pc for w in wanted for _, pc in w[4]
                                     if pc}))

    def at(pc):
        return names.get(pc, "its start") if pc else "its start"
    lines = []
    for k, alt, i, p, gs in wanted:
        if p["kind"] == "goroutine":
            (g, pc), (h, hpc) = gs[0], gs[1]
            lines.append("choice %d: goroutine %d ran (stopped at %s), not "
                         "goroutine %d (at %s)" % (k, g, at(pc), h, at(hpc)))
        elif p["kind"] == "preempt":
            g, pc = gs[0]
            lines.append("choice %d: goroutine %d was preempted at %s" %
                         (k, g, at(pc)))
        elif p["kind"] == "early":
            g, pc = gs[0]
            lines.append("choice %d: the next timer fired early, while "
                         "goroutine %d was at %s" % (k, g, at(pc)))
        elif p["kind"] == "late":
            g, pc = gs[0]
            lines.append("choice %d: the deadline goroutine %d set at %s "
                         "came late" % (k, g, at(pc)))
        else:
            g, pc = gs[0]
            lines.append("choice %d: %s %d of %d (goroutine %d at %s)" %
                         (k, "ready case" if p["kind"] == "case" else
                          "simultaneous timer", alt + 1, p["n"], g, at(pc)))
    return lines


# ------------------------------------------------------------- commands

def replay_line(prog, devs):
    return "replay: scripts/workbook run %s --schedule %s" % (
        prog.id, schedule_text(devs))


def print_witness(runner, devs, r, t):
    n = len(devs)
    print("smallest witness: %d deviation%s from the default order, %s" %
          (n, "" if n == 1 else "s", r["verdict"]))
    for line in story(t, devs):
        print("  " + line)
    print(replay_line(runner.prog, devs))


def main_pct(wb, prog, args, runner):
    if args.depth < 1 or args.runs < 1:
        sys.exit("workbook: --depth and --runs must be at least 1")
    n, k, out = pct(runner, args.depth, args.runs, wb.JOBS)
    hits = [(s, r, t) for s, r, t in out if runner.is_bug(r["verdict"])]
    counts = {}
    for s, r, _ in out:
        counts.setdefault(r["verdict"], []).append(s)
    print("%s: PCT at depth %d, %d runs (seeds 1..%d); %d goroutines, "
          "%d steps" % (prog.id, args.depth, args.runs, args.runs, n, k))
    for v, ss in sorted(counts.items(), key=lambda kv: -len(kv[1])):
        print("  %-8s %3d/%d  (first run %d)" % (v, len(ss), args.runs, ss[0]))
    bound = n * k ** (args.depth - 1)
    print("the paper's bound: a bug of depth %d shows with probability at "
          "least 1/(n*k^(d-1)) = 1/%d = %.3g%% per run" %
          (args.depth, bound, 100.0 / bound))
    if not hits:
        print("no run shows a bug")
        return 0
    s, r, t = hits[0]
    print("%s shows on %d of %d runs; first run %d" % (
        r["verdict"], len(hits), args.runs, s))
    print(replay_line(prog, deviations_of(t)))
    return 0


def main_all(wb, prog, args, runner):
    if args.bound < 0 or args.budget < 1:
        sys.exit("workbook: --bound must be >= 0 and --budget >= 1")
    res = exhaustive(runner, args.bound, args.budget, wb.JOBS, args.first)
    n, bugs = res["explored"], len(res["bugs"])
    print("%s: schedules with at most %d deviation%s from the default order "
          "(%d deviations skipped: they only reorder steps on different "
          "objects)" % (prog.id, args.bound, "" if args.bound == 1 else "s",
                        res["pruned"]))
    if args.first and bugs:
        print("stopped at the first bug, after {:,} schedules".format(n))
    elif res["complete"]:
        if bugs:
            print("explored all {:,} schedules within bound {}: bug in {:,}"
                  .format(n, args.bound, bugs))
        else:
            print("explored all {:,} schedules within bound {}".format(
                n, args.bound))
            print("no schedule within bound %d shows a bug" % args.bound)
    else:
        print("stopped at the budget of {:,} schedules (not all within bound "
              "{}): bug in {:,}".format(n, args.bound, bugs))
    if res["witness"]:
        print_witness(runner, *res["witness"])
    return 0


def main(wb, prog, args):
    runner = Runner(wb, prog)
    if args.pct:
        return main_pct(wb, prog, args, runner)
    return main_all(wb, prog, args, runner)


def grade_search(runner, kind, params, jobs):
    """The grading sweep's search (`// explore: pct|all` in an exercise's
    test): (bug result or None, its schedule, one line for the sheet). A
    search stopped at its budget is a result too: verdict `budget`."""
    if kind == "pct":
        depth, runs = params
        _, _, out = pct(runner, depth, runs, jobs)
        hits = [(s, r, t) for s, r, t in out if runner.is_bug(r["verdict"])]
        note = "search: PCT depth %d, %d runs" % (depth, runs)
        if not hits:
            return None, None, note + ": no run shows a bug"
        s, r, t = hits[0]
        return r, deviations_of(t), note + ": %s on %d/%d, first run %d" % (
            r["verdict"], len(hits), runs, s)
    bound, budget = params
    res = exhaustive(runner, bound, budget, jobs, first=True)
    note = "search: every schedule within bound %d" % bound
    if res["witness"]:
        devs, r, _ = res["witness"]
        return r, devs, note + ": %s after {:,} schedules".format(
            res["explored"]) % r["verdict"]
    if not res["complete"]:
        over = {"verdict": "budget", "message": "the search stopped at its "
                "budget of {:,} schedules: not a pass".format(budget)}
        return over, None, note + ": over budget ({:,} schedules)".format(
            budget)
    return None, None, note + ": {:,} schedules, no bug".format(
        res["explored"])
