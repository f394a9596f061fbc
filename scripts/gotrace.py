"""gotrace: reads the runtime's GO_TRACE event log (runtime/trace.c) and
draws it: Chrome trace-event JSON (Perfetto, chrome://tracing) and an SVG
timeline of the project's own making.

A log is one event a line, `SEQ NS EVENT G OBJ ARG [TEXT]`; a line cut short
by a crash or a kill is left out, so a truncated log still converts.
Objects (channels, locks, WaitGroups, timers) are named in the order they
first appear (ch1, mu1, ...), never by address, so two runs of one schedule
draw the same picture.

On the virtual clock many events share one instant; the pictures then give
every event a step of its own (1 us in the JSON), on top of the clock."""
import json
import os
import re
from xml.sax.saxutils import escape

KIND = {  # event -> the kind of object it acts on
    "send": "ch", "recv": "ch", "recv-closed": "ch", "close": "ch",
    "select": "ch", "lock": "mu", "unlock": "mu", "wg-add": "wg",
    "wg-wait": "wg", "signal": "cond", "broadcast": "cond", "timer": "timer",
}
WAIT_KIND = {"send": "ch", "recv": "ch", "mutex": "mu", "waitgroup": "wg",
             "cond": "cond"}


class Event:
    __slots__ = ("seq", "ns", "ev", "g", "obj", "arg", "text", "step")

    def __init__(self, f, text):
        self.seq, self.ns = int(f[0]), int(f[1])
        self.ev, self.g, self.obj, self.arg = f[2], int(f[3]), f[4], int(f[5])
        self.text = text


class Trace:
    def __init__(self, lines):
        self.header, self.events, self.names = "", [], {}
        self.limited = self.deadlock = False
        for line in lines:
            if line.startswith("#"):
                self.header = line.strip()
                continue
            if not line.endswith("\n"):
                break  # cut short: the process died writing it
            f = line.rstrip("\n").split(" ", 6)
            try:
                e = Event(f, f[6] if len(f) > 6 else "")
            except (ValueError, IndexError):
                continue
            self.events.append(e)
        self.virtual = "clock=virtual" in self.header
        self.reports = []  # race_reports of the run's stderr
        self.objects = {}
        counts = {}
        for i, e in enumerate(self.events):
            e.step = i
            kind = KIND.get(e.ev) or (WAIT_KIND.get(e.text)
                                      if e.ev == "wait" else None)
            if kind and e.obj not in self.objects and e.obj != "0x0":
                counts[kind] = counts.get(kind, 0) + 1
                self.objects[e.obj] = "%s%d" % (kind, counts[kind])
            if e.ev == "go":
                self.names[e.g] = e.text or "?"
            self.limited |= e.ev == "limit"
            self.deadlock |= e.ev == "deadlock"
        self.gs = sorted(self.names)

    def obj(self, e):
        return self.objects.get(e.obj, "")

    def intervals(self):
        """Per goroutine: (start step, end step, state, reason)."""
        state, out = {}, {g: [] for g in self.gs}
        last = len(self.events)

        def enter(g, step, st, why=""):
            if g not in out:
                return
            if g in state:
                s0, st0, why0 = state.pop(g)
                if step > s0 or st0 != st:
                    out[g].append((s0, step, st0, why0))
            if st != "dead":
                state[g] = (step, st, why)

        for e in self.events:
            st = {"go": "runnable", "ready": "runnable", "run": "running",
                  "block": "blocked", "exit": "dead"}.get(e.ev)
            if st:
                enter(e.g, e.step, st, e.text if st == "blocked" else "")
            if e.ev == "run":  # whoever ran before is no longer running
                for g, (s0, st0, why0) in list(state.items()):
                    if st0 == "running" and g != e.g:
                        enter(g, e.step, "runnable")
        for g, (s0, st0, why0) in state.items():
            out[g].append((s0, last, st0, why0))
        return out

    def flows(self):
        """(send event, receive event) pairs: a channel is FIFO, so the k-th
        value sent is the k-th received."""
        queues, pairs = {}, []
        for e in self.events:
            if e.ev == "send":
                queues.setdefault(e.obj, []).append(e)
            elif e.ev == "recv" and queues.get(e.obj):
                pairs.append((queues[e.obj].pop(0), e))
        return pairs

    def us(self, e):
        return e.ns / 1000.0 + (e.step if self.virtual else 0)


RACE = re.compile(
    r"^(Read|Write) at 0x[0-9a-f]+ by (?:goroutine (\d+)|(main) goroutine):"
    r"\n.*?\n\s+(\S+:\d+)\n\nPrevious (read|write) at 0x[0-9a-f]+ by "
    r"(?:goroutine (\d+)|(main) goroutine):\n.*?\n\s+(\S+:\d+)", re.M)


def race_reports(stderr):
    """The two accesses of each race report, in order: ((op, g, where),
    (previous op, g, where))."""
    out = []
    for m in RACE.finditer(stderr or ""):
        g1 = 1 if m.group(3) else int(m.group(2))
        g2 = 1 if m.group(7) else int(m.group(6))
        out.append(((m.group(1).lower(), g1, os.path.basename(m.group(4))),
                    (m.group(5), g2, os.path.basename(m.group(8)))))
    return out


def read(path):
    with open(path, errors="replace") as f:
        return Trace(f.readlines())


# -------------------------------------------------------- wait-for graph

def waits(t):
    """At the end of the log (a deadlock, a leak at exit, a SIGQUIT dump):
    each goroutine still blocked, with its reason and the objects it waits
    on; which goroutine holds each mutex; who used each channel."""
    waiting, pending, reason, alive = {}, {}, {}, set()
    holder, used, added = {}, {}, {}
    for e in t.events:
        if e.ev == "wg-add" and e.arg > 0:
            added.setdefault(e.g, set()).add(e.obj)
        if e.ev == "go":
            alive.add(e.g)
            for wg in added.get(e.arg, ()):  # created after its creator's Add
                used.setdefault((wg, "done"), set()).add(e.g)
        elif e.ev == "exit":
            alive.discard(e.g)
        elif e.ev == "wait":
            pending.setdefault(e.g, []).append((e.obj, e.text))
        elif e.ev == "block":
            waiting[e.g] = pending.pop(e.g, [])
            reason[e.g] = e.text
        elif e.ev in ("ready", "run"):
            waiting.pop(e.g, None)
            pending.pop(e.g, None)
        elif e.ev == "lock":
            holder[e.obj] = e.g
        elif e.ev == "unlock":
            holder.pop(e.obj, None)
        if e.ev in ("send", "recv"):
            used.setdefault((e.obj, e.ev), set()).add(e.g)
    waiting = {g: w for g, w in waiting.items() if g in alive}
    return waiting, reason, holder, used, alive


def waitfor_edges(t):
    """(from, to, label, certain) over nodes "gN" and object names. A
    channel's partners are a guess: the live goroutines that did the other
    operation on it before (dashed); so are a WaitGroup's: the live
    goroutines started by one that called Add on it, after that Add."""
    waiting, reason, holder, used, alive = waits(t)
    edges = []
    for g, objs in sorted(waiting.items()):
        for obj, what in objs:
            name = t.objects.get(obj)
            if not name:
                continue
            edges.append(("g%d" % g, name, "waits for (%s)" % what, True))
            if what == "mutex" and obj in holder:
                edges.append((name, "g%d" % holder[obj], "held by", True))
            if what in ("send", "recv", "waitgroup"):
                other = {"send": "recv", "recv": "send"}.get(what, "done")
                for h in sorted(used.get((obj, other), ())):
                    if h != g and h in alive:
                        edges.append((name, "g%d" % h, "could " + (
                            "Done" if other == "done" else other),
                                      False))
    return edges, waiting, reason, holder


def cycle_edges(edges):
    """The edges that lie on some cycle."""
    succ = {}
    for a, b, _, _ in edges:
        succ.setdefault(a, set()).add(b)

    def reaches(a, b):
        seen, todo = set(), [a]
        while todo:
            n = todo.pop()
            if n == b:
                return True
            if n not in seen:
                seen.add(n)
                todo += succ.get(n, ())
        return False

    return {(a, b) for a, b, _, _ in edges if reaches(b, a)}


def dot(t, title=""):
    edges, waiting, reason, holder = waitfor_edges(t)
    red = cycle_edges(edges)
    nodes = set()
    for a, b, _, _ in edges:
        nodes |= {a, b}
    for g in waiting:
        nodes.add("g%d" % g)
    o = ["digraph waitfor {",
         '  graph [label="%s", labelloc=t, fontname="sans-serif", '
         'rankdir=LR];' % dot_escape(title),
         '  node [fontname="sans-serif", fontsize=11];',
         '  edge [fontname="sans-serif", fontsize=9];']
    for n in sorted(nodes):
        if n.startswith("g") and n[1:].isdigit():
            g = int(n[1:])
            lab = "%s\\n[%s]" % (dot_escape(label(t, g)),
                                 dot_escape(reason.get(g, "running")))
            o.append('  %s [shape=box, style="rounded,filled", '
                     'fillcolor="%s", label="%s"];'
                     % (n, "#f6d0cf" if g in waiting else "#d6ecd9", lab))
        else:
            o.append('  %s [shape=ellipse, label="%s"];' % (n, n))
    for a, b, lab, certain in edges:
        o.append('  %s -> %s [label="%s"%s%s];'
                 % (a, b, lab, "" if certain else ", style=dashed",
                    ', color=red, fontcolor=red, penwidth=2'
                    if (a, b) in red else ""))
    o.append("}")
    return "\n".join(o) + "\n"


def dot_escape(s):
    return s.replace("\\", "\\\\").replace('"', '\\"')


# ------------------------------------------------------------ Chrome JSON

def label(t, g):
    return "g%d %s" % (g, t.names.get(g, ""))


def chrome(t):
    ev = [{"ph": "M", "name": "process_name", "ts": 0, "pid": 1, "tid": 0,
           "args": {"name": t.header or "GO_TRACE"}}]
    for g in t.gs:
        ev.append({"ph": "M", "name": "thread_name", "ts": 0, "pid": 1,
                   "tid": g, "args": {"name": label(t, g)}})
    at = [t.us(e) for e in t.events] + [t.us(t.events[-1]) + 1
                                        if t.events else 0]
    for g, spans in t.intervals().items():
        for s0, s1, st, why in spans:
            ev.append({"ph": "X", "name": st + (": " + why if why else ""),
                       "cat": "state", "ts": at[s0],
                       "dur": max(at[s1] - at[s0], 0.001), "pid": 1,
                       "tid": g})
    for e in t.events:
        if e.ev in KIND or e.ev in ("deadlock", "limit", "wait"):
            ev.append({"ph": "i", "s": "t" if e.g else "p",
                       "name": (e.ev + " " + t.obj(e)).strip(),
                       "cat": "op", "ts": at[e.step], "pid": 1,
                       "tid": e.g, "args": {"arg": e.arg, "seq": e.seq}})
    for i, (s, r) in enumerate(t.flows()):
        name = "send " + t.obj(s)
        ev.append({"ph": "s", "id": i + 1, "name": name, "cat": "chan",
                   "ts": at[s.step], "pid": 1, "tid": s.g})
        ev.append({"ph": "f", "bp": "e", "id": i + 1, "name": name,
                   "cat": "chan", "ts": at[r.step], "pid": 1, "tid": r.g})
    return {"traceEvents": ev, "displayTimeUnit": "ns"}


REQUIRED = ("ph", "ts", "pid", "tid", "name")


def check_chrome(doc):
    """The trace-event format's required fields; a list of problems."""
    bad = []
    evs = doc.get("traceEvents") if isinstance(doc, dict) else None
    if not isinstance(evs, list) or not evs:
        return ["no traceEvents"]
    for i, e in enumerate(evs):
        for k in REQUIRED:
            if k not in e:
                bad.append("event %d has no %s" % (i, k))
        if e.get("ph") == "X" and not isinstance(e.get("dur"), (int, float)):
            bad.append("event %d (X) has no dur" % i)
        if e.get("ph") in ("s", "f") and "id" not in e:
            bad.append("event %d (flow) has no id" % i)
    return bad


# ------------------------------------------------------------------- SVG

def line_of(e):
    return "%d %d %s %d %s %d %s\n" % (e.seq, e.ns, e.ev, e.g, e.obj, e.arg,
                                     e.text)


COLOUR = {"running": "#3a9d4a", "runnable": "#e8c547", "blocked": "#d9534f"}
LANE, TOP, LEFT = 28, 54, 150


def fmt_ns(ns):
    for unit, n in (("s", 10**9), ("ms", 10**6), ("us", 10**3)):
        if ns >= n:
            v = ns / n
            return ("%d%s" if v == int(v) else "%.1f%s") % (v, unit)
    return "%dns" % ns


MAX_DRAWN = 500  # events a timeline shows; the JSON has them all


def svg(t, title=""):
    total, reports = len(t.events), t.reports
    if total > MAX_DRAWN:
        t = Trace([t.header + "\n"] + [line_of(e) for e in
                                          t.events[:MAX_DRAWN]])
        t.reports = reports
        title += " (the first %d of %d events)" % (MAX_DRAWN, total)
    n = max(len(t.events), 1)
    dx = max(2.0, min(22.0, 900.0 / n))
    width = int(LEFT + dx * n + 40 + (200 if t.reports else 0))
    height = TOP + LANE * len(t.gs) + 50
    lane = {g: i for i, g in enumerate(t.gs)}
    x = lambda step: LEFT + dx * step
    y = lambda g: TOP + LANE * lane[g]
    o = ['<svg xmlns="http://www.w3.org/2000/svg" width="%d" height="%d" '
         'viewBox="0 0 %d %d" font-family="sans-serif" font-size="11">'
         % (width, height, width, height),
         '<defs><marker id="arr" markerWidth="8" markerHeight="8" refX="7" '
         'refY="4" orient="auto"><path d="M0,0 L8,4 L0,8 z" '
         'fill="#2c5aa0"/></marker></defs>',
         '<rect width="100%" height="100%" fill="white"/>',
         '<text x="8" y="16" font-size="13" font-weight="bold">%s</text>'
         % escape(title)]
    lx = 8
    for st, c in list(COLOUR.items()) + [("send \u2192 receive", "#2c5aa0")]:
        o.append('<rect x="%d" y="26" width="12" height="10" fill="%s"/>'
                 '<text x="%d" y="35">%s</text>' % (lx, c, lx + 16, st))
        lx += 30 + 7 * len(st)
    for g in t.gs:
        o.append('<text x="8" y="%d">%s</text>'
                 % (y(g) + 15, escape(label(t, g))[:22]))
        o.append('<line x1="%d" y1="%d" x2="%d" y2="%d" stroke="#ddd"/>'
                 % (LEFT, y(g) + 10, width - 30, y(g) + 10))
    for g, spans in t.intervals().items():
        for s0, s1, st, why in spans:
            w = max(dx * (s1 - s0), 1)
            o.append('<rect x="%.1f" y="%d" width="%.1f" height="18" '
                     'fill="%s"><title>%s</title></rect>'
                     % (x(s0), y(g) + 1, w, COLOUR[st],
                        escape(label(t, g) + ": " + st +
                               (" (" + why + ")" if why else ""))))
            if why and w > 7 * len(why):
                o.append('<text x="%.1f" y="%d" fill="white">%s</text>'
                         % (x(s0) + 3, y(g) + 14, escape(why)))
    for e in t.events:
        if e.ev in ("close", "lock", "unlock", "wg-add", "wg-wait",
                    "signal", "broadcast") and e.g in lane:
            o.append('<text x="%.1f" y="%d" font-size="9" fill="#333">'
                     '%s<title>%s</title></text>'
                     % (x(e.step), y(e.g) - 1, escape(short(e.ev)),
                        escape(e.ev + " " + t.obj(e))))
    for s, r in t.flows():
        if s.g in lane and r.g in lane:
            o.append('<line x1="%.1f" y1="%d" x2="%.1f" y2="%d" '
                     'stroke="#2c5aa0" stroke-width="1.5" '
                     'marker-end="url(#arr)"><title>%s</title></line>'
                     % (x(s.step) + dx / 2, y(s.g) + 10,
                        x(r.step) + dx / 2, y(r.g) + 10,
                        escape("send %s: g%d \u2192 g%d"
                               % (t.obj(s), s.g, r.g))))
    o += races(t, x, y, lane, dx)
    o += axis(t, x, TOP + LANE * len(t.gs) + 6, width)
    o.append("</svg>")
    return "\n".join(o) + "\n"


def races(t, x, y, lane, dx):
    """Each race's two accesses: the reported one where TSan caught it, the
    previous one at the end of its goroutine's last run before that."""
    o, spans = [], t.intervals()
    reported = [e for e in t.events if e.ev == "race"]
    for e, ((op, g, where), (pop, pg, pwhere)) in zip(reported, t.reports):
        if g not in lane or pg not in lane:
            continue
        runs = [s1 for s0, s1, st, _ in spans[pg]
                if st == "running" and s0 < e.step]
        px = x(runs[-1]) - dx / 2 if runs and pg != g else x(e.step) - dx
        ax = x(e.step) + dx / 2
        o.append('<line x1="%.1f" y1="%d" x2="%.1f" y2="%d" stroke="#7b2d8e" '
                 'stroke-width="2" stroke-dasharray="4,3"/>'
                 % (px, y(pg) + 10, ax, y(g) + 10))
        for cx, cy, text in ((ax, y(g), "%s %s" % (op, where)),
                             (px, y(pg), "previous %s %s" % (pop, pwhere))):
            o.append('<path d="M%.1f,%d l6,6 l-6,6 l-6,-6 z" fill="#7b2d8e"/>'
                     '<text x="%.1f" y="%d" fill="#7b2d8e" font-size="10">'
                     'race: %s</text>' % (cx, cy + 4, cx + 8, cy - 1,
                                          escape(text)))
    return o


def short(ev):
    return {"close": "close", "lock": "L", "unlock": "U", "wg-add": "Add",
            "wg-wait": "Wait", "signal": "sig", "broadcast": "bc"}[ev]


def axis(t, x, y0, width):
    """The clock under the lanes: a tick wherever it moved on."""
    o = ['<line x1="%d" y1="%d" x2="%d" y2="%d" stroke="#000"/>'
         % (LEFT, y0, width - 30, y0),
         '<text x="8" y="%d">%s clock</text>'
         % (y0 + 14, "virtual" if t.virtual else "real")]
    last, lastx = None, -100
    for e in t.events:
        if e.ns != last and x(e.step) - lastx > 40:
            o.append('<line x1="%.1f" y1="%d" x2="%.1f" y2="%d" '
                     'stroke="#000"/><text x="%.1f" y="%d">%s</text>'
                     % (x(e.step), y0, x(e.step), y0 + 4, x(e.step),
                        y0 + 16, fmt_ns(e.ns)))
            last, lastx = e.ns, x(e.step)
    if t.limited:
        o.append('<text x="%d" y="%d" fill="#d9534f">recording stopped at '
                 'the size limit</text>' % (LEFT, y0 + 30))
    return o


def write_json(t, path):
    with open(path, "w") as f:
        json.dump(chrome(t), f, separators=(",", ":"))
        f.write("\n")
