"""watch.py: `scripts/workbook watch`, as rustlings does it. It goes through
the exercises in chapter order and stops at the first one not done; shows
its goal; grades it (every seed of the sweep) each time its file is saved;
and when it turns green, shows a success screen and waits for `n` before
the next one. Keys: h hint (again for the next step), l list, r re-check,
n next, q quit.

Progress is recomputed, never only read: an exercise counts as done when
its recorded verdict (build/status.json) is for the file and the test as
they are now, else it is graded again, so `make clean` loses nothing but
time. Only the current exercise's own file is watched: an editor's backup
(`NAME.c~`, `.#NAME.c`, `NAME.c.orig`) changes nothing."""
import os
import select
import sys
import time

POLL_S = 0.5
BACKUP = ("~", ".orig", ".rej", ".swp")  # never exercises


class Keys:
    """Single key presses from a terminal, or lines from a pipe (a test
    feeds `n` and `q` that way); q once the input has ended."""

    def __enter__(self):
        self.old = None
        self.ended = False
        if sys.stdin.isatty():
            import termios
            import tty
            self.old = termios.tcgetattr(sys.stdin)
            tty.setcbreak(sys.stdin.fileno())
        return self

    def __exit__(self, *exc):
        if self.old is not None:
            import termios
            termios.tcsetattr(sys.stdin, termios.TCSADRAIN, self.old)

    def get(self, timeout):
        if self.ended:
            time.sleep(timeout)
            return None
        try:
            ready, _, _ = select.select([sys.stdin], [], [], timeout)
        except (OSError, ValueError):  # no usable stdin
            self.ended = True
            return None
        if not ready:
            return None
        key = os.read(sys.stdin.fileno(), 1).decode(errors="replace")
        if key == "":
            self.ended = True
            return "q"  # input closed: nobody can press n any more
        return key if key.strip() else None


def is_backup(path):
    name = os.path.basename(path)
    return name.startswith((".#", "#")) or name.endswith(BACKUP)


def exercises(wb):
    """Every exercise, in chapter order (NN-topic sorts by its number)."""
    ex = [p for p in wb.all_programs() if p.role == "exercise"
          and not is_backup(p.path)]
    return sorted(ex, key=lambda p: p.rel)


def mtime(p):
    try:
        return os.path.getmtime(p.path)
    except OSError:  # deleted, or mid-save by an editor that renames
        return None


def known_done(wb, p):
    return wb.status_of(p, wb.load_status()) == "done"


def first_todo(wb, after=None):
    """The first exercise not done, from after on, in chapter order; each
    one without a verdict for its current file is graded on the way (it
    stops at the first seed that fails: only done or not matters here)."""
    todo = exercises(wb)
    if after is not None:
        ids = [p.id for p in todo]
        todo = todo[ids.index(after.id) + 1:] if after.id in ids else todo
    for p in todo:
        if known_done(wb, p):
            continue
        if mtime(p) is None:
            return p
        print("checking %s ..." % p.id, flush=True)
        r = wb.grade_one(p.path, p.rel, fail_fast=True)
        if r["verdict"] != "ok":
            return p
        wb.save_status([r])
    return None


def progress_bar(wb):
    ex = exercises(wb)
    done = [p for p in ex if known_done(wb, p)]
    return wb.bar(len(done), len(ex))


def check(wb, p):
    """Grades p over the sweep, records it, shows its output and sheet line;
    True if it is done."""
    print("\033[2J\033[H", end="")
    print("checking %s ..." % p.id, flush=True)
    r = wb.grade_one(p.path, p.rel)
    wb.save_status([r])
    print(wb.first_lines(r.get("output"), 30))
    print("-" * 60)
    print("%s: verdict %s" % (p.id, r["verdict"]))
    if r["message"]:
        print(r["message"])
    return r["verdict"] == "ok"


def show(wb, current):
    print("\nprogress %s" % progress_bar(wb))
    if current:
        print("current: %s  (%s)" % (current.id, current.rel))
        goal = current.header.get("goal")
        if goal:
            print("goal: %s" % goal)
        print("edit it and save; keys: h hint, l list, r re-check, "
              "n next, q quit")
    else:
        print("every exercise is done.")


def success(wb, p, keys):
    """The green screen: stays until n (next) or q (quit); returns the
    key."""
    print("\033[2J\033[H", end="")
    print("=" * 60)
    print("  %s is done: ok on every seed." % p.id)
    print("=" * 60)
    print("progress %s" % progress_bar(wb))
    print("\nA solution to compare with: solutions/%s.c" %
          p.id.replace("/exercises/", "/"))
    print("press n for the next exercise, q to quit", flush=True)
    while True:
        key = keys.get(POLL_S)
        if key in ("n", "q"):
            return key


class Hints:
    """h shows the next step of the current exercise's hint each time."""

    def __init__(self):
        self.shown = {}

    def next(self, p):
        steps = p.hints()
        if not steps:
            return "hint: (none)"
        n = min(self.shown.get(p.id, 0) + 1, len(steps))
        self.shown[p.id] = n
        return "hint %d/%d: %s" % (n, len(steps), steps[n - 1])


def react(wb, key, current, hints):
    """Handles a key; returns False to quit, 'next' to move on."""
    if key == "q":
        return False
    if key == "h" and current:
        print(hints.next(current))
    elif key == "l":
        status = wb.load_status()
        for p in exercises(wb):
            print("  %-40s %s" % (p.id, wb.status_of(p, status)))
    elif key == "n":
        return "next"
    elif key == "r":
        return "recheck"
    return True


def wait_for_change(wb, keys, current, seen, hints):
    """Until a save, r, n or q: 'recheck', 'next' or False."""
    while True:
        act = react(wb, keys.get(POLL_S), current, hints)
        if act is False or act in ("next", "recheck"):
            return act
        now = mtime(current)
        if now is not None and now != seen:
            return "recheck"


def loop(wb):
    hints = Hints()
    with Keys() as keys:
        current = first_todo(wb)
        while current:
            seen = mtime(current)  # before the check: a save during it counts
            if seen is not None and check(wb, current):
                if success(wb, current, keys) == "q":
                    return 0
                current = first_todo(wb, after=current) or first_todo(wb)
                continue
            show(wb, current)
            if seen is None:
                print("%s is missing: restore it (git checkout -- %s) or "
                      "press n for the next exercise" % (current.rel,
                                                         current.rel))
            act = wait_for_change(wb, keys, current, seen, hints)
            if act is False:
                return 0
            if act == "next":
                current = first_todo(wb, after=current) or first_todo(wb)
    show(wb, None)
    return 0
