"""watch.py: `scripts/workbook watch`, as rustlings does it: checks the
current exercise (the first one not done), re-checks it every time its file
is saved, shows a progress bar over all exercises, and moves on when it is
`ok`. Keys: h hint, l list, r re-check, n next, q quit."""
import os
import select
import sys
import time

POLL_S = 0.5


class Keys:
    """Single key presses from a terminal (none when stdin is not one)."""

    def __enter__(self):
        self.old = None
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
        if self.old is None:
            time.sleep(timeout)
            return None
        ready, _, _ = select.select([sys.stdin], [], [], timeout)
        return sys.stdin.read(1) if ready else None


def exercises(wb):
    return [p for p in wb.all_programs() if p.role == "exercise"]


def progress(wb, status):
    ex = exercises(wb)
    done = [p for p in ex if wb.status_of(p, status) == "done"]
    todo = [p for p in ex if p not in done]
    return ex, done, todo


def mtime(p):
    try:
        return os.path.getmtime(p.path)
    except OSError:  # deleted, or mid-save by an editor that renames
        return None


def check(wb, p):
    """Grades p, records it, and shows the sheet line and the output."""
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
    ex, done, todo = progress(wb, wb.load_status())
    print("\nprogress %s" % wb.bar(len(done), len(ex)))
    if current:
        print("current: %s  (%s)" % (current.id, current.rel))
        print("edit it and save; keys: h hint, l list, r re-check, "
              "n next, q quit")
    else:
        print("every exercise is done.")


def react(wb, key, current):
    """Handles a key; returns False to quit, 'next' to move on."""
    if key == "q":
        return False
    if key == "h" and current:
        print("hint: " + (current.header.get("hint") or "(none)"))
    elif key == "l":
        status = wb.load_status()
        for p in exercises(wb):
            print("  %-40s %s" % (p.id, wb.status_of(p, status)))
    elif key == "n":
        return "next"
    elif key == "r":
        return "recheck"
    return True


def pick(wb, skip):
    _, _, todo = progress(wb, wb.load_status())
    todo = [p for p in todo if p.id not in skip] or todo
    return todo[0] if todo else None


def loop(wb):
    skip = set()
    current = pick(wb, skip)
    with Keys() as keys:
        while current:
            seen = mtime(current)  # before the check: a save during it counts
            if check(wb, current):
                current = pick(wb, skip)
                if not current:
                    break
                continue
            show(wb, current)
            if seen is None:
                print("%s is missing: restore it (git checkout -- %s) or "
                      "press n for the next exercise" % (current.rel,
                                                         current.rel))
            while True:
                act = react(wb, keys.get(POLL_S), current)
                if act is False:
                    return 0
                if act == "next":
                    skip.add(current.id)
                    current = pick(wb, skip)
                    break
                now = mtime(current)
                if act == "recheck" or (now is not None and now != seen):
                    break
    show(wb, None)
    return 0
