#!/usr/bin/env python3
"""Helpers for bench/run.sh: drive programs in pseudo-terminals and sum up what they did.

  measure.py probe [--rows R] [--cols C] [--keys K] [--settle S] [--timeout T]
                   [--env K=V ...] -- CMD ...
      A stand-in for /work/shared/tools/termprobe when it is missing: the same keys
      and the same JSON lines (start, one step per key, exit), without --screen.
  measure.py crowd --n N [--keys K] [--env K=V ...] -- CMD ...
      N instances at once, each in its own pseudo-terminal, each typing the keys, then
      quitting; prints one JSON object: start-up times under load, and memory (peak
      RSS, RSS and PSS of each, sampled from /proc while all of them run).
  measure.py rss DIR OUT
      An RSS 2.0 feed of the articles in DIR (front matter and Markdown body), for
      newsboat.
  measure.py frame FILE ...
      Median, min and max of the first frame (start step) over probe outputs.
  measure.py keys FILE TOKEN [SKIP]
      Latency (to the last byte of the redraw) and bytes of every TOKEN step after the
      first SKIP steps of a probe output.
  measure.py step FILE INDEX
      One step of a probe output (0 is the start), as JSON.
  measure.py cputime FILE ...
      Median, min and max CPU time (task-clock, ms) over `perf stat -x,` outputs.
  measure.py maxrss FILE
      Maximum resident set size in KiB from `/usr/bin/time -v` output.
  measure.py report DIR
      The figures bench/run.sh left in DIR as Markdown tables, and the targets.

Only the standard library; nothing here writes outside the paths it is given.
"""
import argparse, datetime, email.utils, fcntl, html, json, os, pty, re, select, signal, statistics, struct
import sys, termios, time, tomllib

NAMED = {
    "Up": "\x1b[A", "Down": "\x1b[B", "Right": "\x1b[C", "Left": "\x1b[D",
    "PgUp": "\x1b[5~", "PgDn": "\x1b[6~", "Home": "\x1b[H", "End": "\x1b[F",
    "Tab": "\t", "BackTab": "\x1b[Z", "Enter": "\r", "Esc": "\x1b", "BS": "\x7f",
    "Space": " ", "F1": "\x1bOP",
}
for _c in "abcdefghijklmnopqrstuvwxyz":
    NAMED["C-" + _c] = chr(ord(_c) - 96)


def key_bytes(tok):
    if tok.startswith("<") and tok.endswith(">") and tok[1:-1] in NAMED:
        return NAMED[tok[1:-1]].encode()
    return tok.encode()


def winsize(fd, rows, cols):
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))


def spawn(cmd, env, rows, cols):
    """Fork CMD on a new pseudo-terminal already sized rows x cols (set in the child
    before exec, so the program never sees 0x0)."""
    pid, fd = pty.fork()
    if pid == 0:
        try:
            winsize(0, rows, cols)
            os.execvpe(cmd[0], cmd, env)
        except Exception as e:  # noqa: BLE001 - report and leave the child
            os.write(2, f"measure: cannot start {cmd[0]}: {e}\n".encode())
        os._exit(127)
    return pid, fd


def program_env(pairs, rows, cols):
    env = dict(os.environ, TERM=os.environ.get("TERM_PROBE", "xterm-256color"),
               COLUMNS=str(cols), LINES=str(rows))
    for kv in pairs:
        k, _, v = kv.partition("=")
        env[k] = v
    return env


class Screen:
    """What the terminal shows, through the pyte emulator, to wait for a text on screen
    (`--until`, `--mark`); without pyte, nothing ever matches and only quiet counts."""

    def __init__(self, rows, cols):
        try:
            import pyte
        except ImportError:
            self.stream = None
            return
        self.screen = pyte.Screen(cols, rows)
        self.stream = pyte.ByteStream(self.screen)

    def feed(self, data):
        if self.stream is not None:
            self.stream.feed(data)

    def resize(self, rows, cols):
        if self.stream is not None:
            self.screen.resize(rows, cols)

    def matches(self, pattern):
        return self.stream is not None and pattern.search("\n".join(self.screen.display)) is not None


def read_step(fd, settle, timeout, screen=None, until=None, mark=None, burst_gap=0.01):
    """Read until no byte arrives for `settle` seconds (and, with `until`, not before the
    screen matches it), or until `timeout`. Times are seconds from the call: the first
    and last byte, the end of the first burst (the last byte before a gap of
    `burst_gap`: one frame), when `mark` and `until` first matched (the arrival of the
    chunk that made the screen match).

    The screen is only brought up to date while the program is quiet, from the chunks
    kept with their arrival times: the emulator is slow, and feeding it on every read
    would delay the reads that follow, and so the times measured."""
    t0 = time.monotonic()
    r = {"data": bytearray(), "first": None, "last": None, "burst": None, "mark": None,
         "until": None, "eof": False}
    pending = []

    def catch_up():
        for t, chunk in pending:
            screen.feed(chunk)
            if mark is not None and r["mark"] is None and screen.matches(mark):
                r["mark"] = t
            if until is not None and r["until"] is None and screen.matches(until):
                r["until"] = t
        pending.clear()

    while True:
        now = time.monotonic()
        quiet = r["last"] is not None and now - t0 - r["last"] >= settle
        if quiet or now - t0 > timeout or r["eof"]:
            if screen is not None:
                catch_up()
            if until is None or r["until"] is not None or now - t0 > timeout or r["eof"]:
                return r
        if r["last"] is None:
            wait = timeout - (now - t0)
        else:
            wait = settle - (now - t0 - r["last"])
        ready, _, _ = select.select([fd], [], [], max(0.0, min(wait, settle)))
        if not ready:
            continue
        try:
            chunk = os.read(fd, 65536)
        except OSError:
            chunk = b""
        t = time.monotonic() - t0
        if not chunk:
            r["eof"] = True
            continue
        if r["first"] is None:
            r["first"] = t
        if r["burst"] is None or t - r["last"] < burst_gap and r["burst"] == r["last"]:
            r["burst"] = t
        r["last"] = t
        r["data"] += chunk
        if screen is not None:
            pending.append((t, chunk))


def ms(t):
    return None if t is None else round(t * 1000, 2)


def probe(a):
    env = program_env(a.env, a.rows, a.cols)
    until = re.compile(a.until) if a.until else None
    mark = re.compile(a.mark) if a.mark else None
    # Only the start step watches the screen.
    screen = Screen(a.rows, a.cols) if until or mark else None
    pid, fd = spawn(a.cmd, env, a.rows, a.cols)
    total = 0

    def emit(step, r, extra=False):
        nonlocal total
        total += len(r["data"])
        rec = {"step": step, "bytes": len(r["data"]), "first_ms": ms(r["first"]),
               "last_ms": ms(r["last"])}
        if extra:
            rec.update({"frame_ms": ms(r["burst"]), "mark_ms": ms(r["mark"]),
                        "until_ms": ms(r["until"])})
        print(json.dumps(rec), flush=True)

    r = read_step(fd, a.settle, a.timeout, screen, until, mark)
    emit("start", r, extra=True)
    eof = r["eof"]
    for tok in a.keys.split():
        if eof:
            break
        if tok.startswith("<sleep:"):
            time.sleep(int(tok[7:-1]) / 1000)
            continue
        if tok.startswith("<resize:"):
            rows, cols = tok[8:-1].split("x")
            winsize(fd, int(rows), int(cols))
            os.kill(pid, signal.SIGWINCH)
        else:
            os.write(fd, key_bytes(tok))
        r = read_step(fd, a.settle, a.timeout)
        eof = r["eof"]
        emit(tok, r)
    if not eof:
        r = read_step(fd, a.settle, min(a.timeout, 3.0))
        if r["data"]:
            emit("tail", r)
    status = None
    for _ in range(100):
        p, st = os.waitpid(pid, os.WNOHANG)
        if p:
            status = os.waitstatus_to_exitcode(st)
            break
        time.sleep(0.05)
    if status is None:
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        status = "killed: still running after the keys"
    os.close(fd)
    print(json.dumps({"step": "exit", "status": status, "total_bytes": total}), flush=True)


def proc_kib(pid, path, key):
    try:
        with open(f"/proc/{pid}/{path}") as f:
            for line in f:
                if line.startswith(key + ":"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def crowd(a):
    env = program_env(a.env, a.rows, a.cols)
    until = re.compile(a.until) if a.until else None
    kids = []
    t_all = time.monotonic()
    for _ in range(a.n):
        pid, fd = spawn(a.cmd, env, a.rows, a.cols)
        kids.append({"pid": pid, "fd": fd, "start": time.monotonic(), "first": None,
                     "last": None, "ready": None, "eof": False, "bytes": 0, "pending": [],
                     "screen": Screen(a.rows, a.cols) if until else None})

    def pump(settle, timeout, wait_until=False, since=None):
        """Read from every child until each has answered (output after `since`, and the
        screen matching --until when asked) and all have been quiet for `settle`."""
        t0 = time.monotonic()
        quiet_since = t0
        while time.monotonic() - t0 < timeout:
            live = [k for k in kids if not k["eof"]]
            if not live:
                return
            ready, _, _ = select.select([k["fd"] for k in live], [], [], 0.02)
            now = time.monotonic()
            if not ready:
                # Quiet: bring the screens up to date (slow, so never while output flows).
                for k in kids:
                    for t, chunk in k["pending"]:
                        if k["ready"] is None:
                            k["screen"].feed(chunk)
                            if k["screen"].matches(until):
                                k["ready"] = t
                    k["pending"].clear()
            for k in live:
                if k["fd"] not in ready:
                    continue
                try:
                    chunk = os.read(k["fd"], 65536)
                except OSError:
                    chunk = b""
                if not chunk:
                    k["eof"] = True
                    continue
                k["bytes"] += len(chunk)
                k["first"] = k["first"] if k["first"] is not None else now - k["start"]
                k["last"] = now
                quiet_since = now
                if k["screen"] is not None and k["ready"] is None:
                    k["pending"].append((now, chunk))
            answered = all(k["eof"] or (k["last"] is not None and (since is None or k["last"] > since)
                                        and (not wait_until or k["ready"] is not None))
                           for k in kids)
            if answered and now - quiet_since >= settle:
                return

    pump(a.settle, a.timeout, wait_until=until is not None)
    first_frames = [k["first"] * 1000 for k in kids if k["first"] is not None]
    loaded = [(k["ready"] - k["start"]) * 1000 for k in kids if k["ready"] is not None]
    for tok in a.keys.split():
        sent = time.monotonic()
        for k in kids:
            if not k["eof"]:
                os.write(k["fd"], key_bytes(tok))
        pump(a.settle, a.timeout, since=sent)
    # All of them alive, after the keys: what they hold at once, and their peaks so far
    # (VmHWM, reset at exec, so it is the reader's own).
    alive = sum(1 for k in kids if not k["eof"])
    rss = [proc_kib(k["pid"], "status", "VmRSS") for k in kids]
    hwm = [proc_kib(k["pid"], "status", "VmHWM") for k in kids]
    pss = [proc_kib(k["pid"], "smaps_rollup", "Pss") for k in kids]
    for k in kids:
        if not k["eof"]:
            os.write(k["fd"], b"q")
    statuses = []
    deadline = time.monotonic() + a.timeout
    for k in kids:
        got = None
        while time.monotonic() < deadline:
            p, st, ru = os.wait4(k["pid"], os.WNOHANG)
            if p:
                got = (st, ru)
                break
            # Keep every pty drained, so nobody blocks writing its last frame.
            ready, _, _ = select.select([x["fd"] for x in kids if not x["eof"]] or [], [], [], 0.02)
            for x in kids:
                if x["fd"] in ready:
                    try:
                        if not os.read(x["fd"], 65536):
                            x["eof"] = True
                    except OSError:
                        x["eof"] = True
        if got is None:
            os.kill(k["pid"], signal.SIGKILL)
            _, st, ru = os.wait4(k["pid"], 0)
            got = (st, ru)
        # Not got[1].ru_maxrss: it counts this driver's own image, forked before exec.
        statuses.append(os.waitstatus_to_exitcode(got[0]))
    for k in kids:
        os.close(k["fd"])
    print(json.dumps({
        "n": a.n,
        "alive_after_keys": alive,
        "exit_ok": sum(1 for s in statuses if s == 0),
        "first_frame_ms_median": round(statistics.median(first_frames), 1) if first_frames else None,
        "first_frame_ms_max": round(max(first_frames), 1) if first_frames else None,
        "loaded_ms_median": round(statistics.median(loaded), 1) if loaded else None,
        "loaded_ms_max": round(max(loaded), 1) if loaded else None,
        "all_ready_ms": round((max(k["last"] for k in kids if k["last"]) - t_all) * 1000, 1),
        "hwm_kib_sum": sum(hwm),
        "hwm_kib_max": max(hwm),
        "rss_kib_sum": sum(rss),
        "pss_kib_sum": sum(pss),
    }), flush=True)


def markdown_body_html(body):
    """Blank-line blocks of the Markdown body as simple HTML: headings, list items,
    quotations and paragraphs, comments dropped."""
    out = []
    for block in re.split(r"\n\s*\n", body):
        lines = [l for l in block.splitlines() if not l.strip().startswith("<!--")]
        if not lines:
            continue
        text = "\n".join(lines).strip()
        if text.startswith("#"):
            out.append(f"<h2>{html.escape(text.lstrip('#').strip())}</h2>")
        elif all(re.match(r"\s*([-*+]|\d+\.)\s", l) for l in lines):
            bullet = re.compile(r"^\s*([-*+]|\d+\.)\s+")
            items = "".join("<li>" + html.escape(bullet.sub("", l)) + "</li>" for l in lines)
            out.append(f"<ul>{items}</ul>")
        elif text.startswith(">"):
            q = " ".join(l.lstrip("> ").strip() for l in lines)
            out.append(f"<blockquote><p>{html.escape(q)}</p></blockquote>")
        else:
            out.append(f"<p>{html.escape(' '.join(l.strip() for l in lines))}</p>")
    return "\n".join(out)


def rss(a):
    items = []
    for name in sorted(os.listdir(a.dir)):
        if not name.endswith(".md"):
            continue
        with open(os.path.join(a.dir, name), encoding="utf-8") as f:
            text = f.read()
        m = re.match(r"\+\+\+\n(.*?)\n\+\+\+\n(.*)", text, re.S)
        if not m:
            continue
        meta = tomllib.loads(m.group(1))
        d = meta["published"]
        pub = email.utils.format_datetime(
            datetime.datetime(d.year, d.month, d.day, 12, tzinfo=datetime.timezone.utc))
        items.append(
            "<item>"
            f"<title>{html.escape(meta['title'])}</title>"
            f"<link>{html.escape(meta.get('url', 'https://example.org/' + meta['id']))}</link>"
            f"<guid isPermaLink=\"false\">{html.escape(meta['id'])}</guid>"
            f"<author>{html.escape(meta['author'])}</author>"
            f"<category>{html.escape(meta['outlet'])}</category>"
            f"<pubDate>{pub}</pubDate>"
            f"<description>{html.escape(markdown_body_html(m.group(2)))}</description>"
            "</item>")
    with open(a.out, "w", encoding="utf-8") as f:
        f.write('<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0"><channel>'
                "<title>readout corpus</title><link>https://example.org/</link>"
                "<description>The readout corpus as a feed</description>\n")
        f.write("\n".join(items))
        f.write("\n</channel></rss>\n")
    print(len(items))


def load_steps(path):
    with open(path) as f:
        return [json.loads(l) for l in f if l.strip().startswith("{")]


def stats(values):
    values = [v for v in values if v is not None]
    if not values:
        return {"n": 0}
    ordered = sorted(values)
    return {"n": len(values), "median": round(statistics.median(values), 2),
            "p90": round(ordered[min(len(ordered) - 1, int(0.9 * len(ordered)))], 2),
            "min": round(min(values), 2), "max": round(max(values), 2)}


def frame(a):
    starts = [load_steps(p)[0] for p in a.files]
    out = {k: stats([s.get(k) for s in starts])
           for k in ("first_ms", "frame_ms", "mark_ms", "until_ms", "last_ms", "bytes")}
    print(json.dumps(out))


def keys(a):
    steps = load_steps(a.file)[1 + a.skip:]
    hits = [s for s in steps if s["step"] == a.token]
    print(json.dumps({"token": a.token, "last_ms": stats([s["last_ms"] for s in hits]),
                      "first_ms": stats([s["first_ms"] for s in hits]),
                      "bytes": stats([s["bytes"] for s in hits])}))


def step(a):
    print(json.dumps(load_steps(a.file)[a.index]))


def cputime(a):
    values = []
    for path in a.files:
        with open(path) as f:
            for line in f:
                fields = line.strip().split(",")
                if len(fields) > 2 and fields[2].startswith("task-clock"):
                    values.append(float(fields[0]))
    print(json.dumps({"task_clock_ms": stats(values)}))


def maxrss(a):
    with open(a.file) as f:
        for line in f:
            if "Maximum resident set size" in line:
                print(int(line.rsplit(":", 1)[1]))
                return
    sys.exit("measure: no maximum resident set size in " + a.file)


def report(a):
    fig = {}
    for name in os.listdir(a.dir):
        path = os.path.join(a.dir, name)
        if name.endswith(".jsonl"):
            fig[name[:-6]] = load_steps(path)
        elif name.endswith(".json"):
            with open(path) as f:
                fig[name[:-5]] = json.load(f)
        else:
            with open(path) as f:
                fig[name] = f.read()

    def get(key, *path, default=None):
        v = fig.get(key)
        for p in path:
            if v is None:
                return default
            v = v.get(p) if isinstance(v, dict) else None
        return default if v is None else v

    def step_bytes(key, token, nth=0):
        hits = [s for s in fig.get(key, []) if s.get("step") == token]
        return hits[nth]["bytes"] if len(hits) > nth else None

    def num(v, unit=""):
        if v is None:
            return "–"
        if isinstance(v, float):
            v = f"{v:,.1f}" if v < 100 else f"{v:,.0f}"
        else:
            v = f"{v:,}"
        return v + unit

    m = fig.get("machine", {})
    print(f"# readout whole-program figures, {m.get('date')}\n")
    print(f"- machine: {m.get('nproc')} cores, {m.get('cpu')}; {m.get('rustc')}")
    print(f"- tree: {m.get('commit')} with {m.get('dirty_files')} uncommitted paths; "
          f"pty driver: {m.get('probe')}")
    print(f"- {m.get('less')}; {m.get('newsboat')}; {m.get('hyperfine')}\n")

    print("## Corpora\n\n| corpus | files | on disk (du -sb) | `readout check` clean |\n|---|---:|---:|---|")
    for c in ("bundled", "1k", "10k"):
        d = fig.get(f"disk.{c}", {})
        print(f"| {c} | {num(d.get('files'))} | {num(d.get('bytes'))} B | {d.get('check_clean')} |")

    print("\n## Time to the first frame, 80x24 (ms from the start of the process; median of "
          "the runs, min–max)\n")
    print("Readout reads a directory in the background: its first frame comes before any "
          "article is loaded, the list then fills in. *first frame* is the end of the first "
          "burst of output; *first articles* and *whole corpus* are when the screen first shows "
          "`Articles 1..` and `Articles N` (pyte); *settled* is the last byte before a quiet "
          "spell.\n")
    print("| program | first byte | first frame | first articles | whole corpus | settled | "
          "bytes |\n|---|---:|---:|---:|---:|---:|---:|")
    rows = [(f"readout, {c}", f"ff.readout.{c}") for c in ("bundled", "1k", "10k")]
    rows += [("less, one article (plain text)", "ff.less")]
    rows += [(f"newsboat, {c} as a feed (until its feed list)", f"ff.newsboat.{c}") for c in ("bundled", "1k")]
    rows += [("termprobe check: readout, bundled", "ff.termprobe.readout"),
             ("termprobe check: less", "ff.termprobe.less")]

    def cell(key, field):
        med = get(key, field, "median")
        if med is None:
            return "–"
        return f"{num(med)} ({num(get(key, field, 'min'))}–{num(get(key, field, 'max'))})"

    for label, key in rows:
        if key not in fig:
            continue
        print(f"| {label} | {num(get(key, 'first_ms', 'median'))} | {cell(key, 'frame_ms')} "
              f"| {cell(key, 'mark_ms')} | {cell(key, 'until_ms')} | {num(get(key, 'last_ms', 'median'))} "
              f"| {num(get(key, 'bytes', 'median'))} |")

    if "cpu.readout.bundled" in fig:
        r, l = fig["cpu.readout.bundled"]["task_clock_ms"], fig["cpu.less"]["task_clock_ms"]
        print(f"\nCPU time of a start-and-quit (perf stat task-clock, median, min–max): readout "
              f"on the bundled corpus {num(r.get('median'))} ms ({num(r.get('min'))}–{num(r.get('max'))}), "
              f"less on one article {num(l.get('median'))} ms ({num(l.get('min'))}–{num(l.get('max'))}).")

    print("\n## Keypress to redraw in a pseudo-terminal, 80x24 (ms from the key written to "
          "the last byte of the frame)\n")
    print("| corpus | key | n | median | p90 | max | bytes (median) |\n|---|---|---:|---:|---:|---:|---:|")
    keys_rows = []
    for c in ("bundled", "10k"):
        for k, label in (("list-j", "`j` in the list"), ("reader-j", "`j` in the reader"),
                         ("reader-space", "`Space` in the reader"), ("reader-b", "`b` in the reader"),
                         ("compare-c", "`c` into comparison"), ("compare-esc", "`Esc` out of it")):
            keys_rows.append((c, label, f"key.{c}.{k}"))
    keys_rows += [("less", "`j`", "key.less.j"), ("less", "`Space`", "key.less.space")]
    for c, label, key in keys_rows:
        print(f"| {c} | {label} | {get(key, 'last_ms', 'n', default=0)} | {num(get(key, 'last_ms', 'median'))} "
              f"| {num(get(key, 'last_ms', 'p90'))} | {num(get(key, 'last_ms', 'max'))} "
              f"| {num(get(key, 'bytes', 'median'))} |")

    print("\n## Bytes written to the terminal per step, 80x24 (bundled corpus, first article)\n")
    print("| step | readout | readout zoomed (`z`) | less | newsboat |\n|---|---:|---:|---:|---:|")
    print(f"| first frame | {num(step_bytes('bytes.readout', 'start'))} | – | {num(step_bytes('bytes.less', 'start'))} "
          f"| {num(step_bytes('bytes.newsboat', 'start'))} |")
    print(f"| open the article (`Enter`) | {num(step_bytes('bytes.readout', '<Enter>'))} "
          f"| {num(step_bytes('bytes.readout-zoomed', '<Enter>'))} | – "
          f"| {num(step_bytes('bytes.newsboat', '<Enter>', 1))} |")
    print(f"| one line (`j`) | {num(step_bytes('bytes.readout', 'j'))} | {num(step_bytes('bytes.readout-zoomed', 'j'))} "
          f"| {num(step_bytes('bytes.less', 'j'))} | {num(step_bytes('bytes.newsboat', 'j'))} |")
    print(f"| a page (`Space`) | {num(step_bytes('bytes.readout', '<Space>'))} "
          f"| {num(step_bytes('bytes.readout-zoomed', '<Space>'))} | {num(step_bytes('bytes.less', '<Space>'))} "
          f"| {num(step_bytes('bytes.newsboat', '<Space>'))} |")
    print(f"| into comparison (`c`) | {num(step_bytes('bytes.readout', 'c'))} | – | – | – |")
    print(f"| back (`Esc`) | {num(step_bytes('bytes.readout', '<Esc>'))} | – | – | – |")
    print(f"| resize to 100x40 | {num(step_bytes('bytes.readout', '<resize:40x100>'))} | – "
          f"| {num(step_bytes('bytes.less', '<resize:40x100>'))} | – |")

    print("\n## Peak memory (max RSS from `/usr/bin/time -v`; the reader loads the whole corpus, "
          "opens an article, pages, compares, quits)\n")
    base = get("mem.readout.empty", "maxrss_kib")
    print("| program | corpus on disk | max RSS | RSS ÷ corpus | (RSS − empty) ÷ corpus |")
    print("|---|---:|---:|---:|---:|")
    print(f"| readout, empty directory | 0 B | {num(base)} KiB | – | – |")
    ratios = {}
    for c in ("bundled", "1k", "10k"):
        disk = get(f"disk.{c}", "bytes")
        rss = get(f"mem.readout.{c}", "maxrss_kib")
        ratio = rss * 1024 / disk if rss and disk else None
        marginal = (rss - base) * 1024 / disk if rss and disk and base else None
        ratios[c] = (ratio, marginal)
        print(f"| readout, {c} | {num(disk)} B | {num(rss)} KiB | {num(ratio)}× | {num(marginal)}× |")
    print(f"| less, one article | – | {num(get('mem.less', 'maxrss_kib'))} KiB | – | – |")
    for c in ("bundled", "1k"):
        print(f"| newsboat, {c} | – | {num(get(f'mem.newsboat.{c}', 'maxrss_kib'))} KiB | – | – |")
    crowds = [c for c in ("bundled", "1k", "10k") if f"crowd.{c}" in fig]
    if crowds:
        print("\nMany readers at once, each in its own pseudo-terminal, all started together; "
              "memory sampled from /proc while all run, after their keys: peak RSS (VmHWM), "
              "RSS, and PSS (shared pages — the binary, the bundled corpus in it — divided among "
              "the readers).\n")
        print("| readers | corpus | alive after keys / exited cleanly | sum of peak RSS "
              "| peak RSS (largest) | sum of RSS | sum of PSS | first byte, median / max "
              "| whole corpus listed, median / max |")
        print("|---:|---|---:|---:|---:|---:|---:|---:|---:|")
        for c in crowds:
            x = fig[f"crowd.{c}"]
            if "skipped" in x:
                print(f"| – | {c} | skipped: {x['skipped']} | | | | | | |")
                continue
            print(f"| {x['n']} | {c} | {x['alive_after_keys']} / {x['exit_ok']} | {num(x['hwm_kib_sum'])} KiB "
                  f"| {num(x['hwm_kib_max'])} KiB | {num(x['rss_kib_sum'])} KiB | {num(x['pss_kib_sum'])} KiB "
                  f"| {num(x['first_frame_ms_median'])} / {num(x['first_frame_ms_max'])} ms "
                  f"| {num(x['loaded_ms_median'])} / {num(x['loaded_ms_max'])} ms |")

    print("\n## Time to align (hyperfine: `readout [--articles DIR] align --json`, and `list` for "
          "loading alone)\n")
    print("| corpus | align --json, mean ± sd | min | list, mean | align − list |\n|---|---:|---:|---:|---:|")
    for c in ("bundled", "1k", "10k"):
        hf = fig.get(f"hyperfine.{c}")
        if not hf:
            continue
        r = {x["command"]: x for x in hf["results"]}
        al, li = r.get("align"), r.get("list")
        print(f"| {c} | {num(al['mean'] * 1000)} ± {num(al['stddev'] * 1000)} ms | {num(al['min'] * 1000)} ms "
              f"| {num(li['mean'] * 1000)} ms | {num((al['mean'] - li['mean']) * 1000)} ms |")

    print("\n## Targets\n")
    print("| target | figure | verdict |\n|---|---|---|")

    def verdict(ok, by):
        return ("met" if ok else "MISSED") + f" ({by})"

    rb, rl = get("ff.readout.bundled", "frame_ms", "median"), get("ff.less", "frame_ms", "median")
    if rb is not None and rl is not None:
        more = (f"; min {num(get('ff.readout.bundled', 'frame_ms', 'min'))} vs "
                f"{num(get('ff.less', 'frame_ms', 'min'))} ms")
        tb, tl = get("ff.termprobe.readout", "last_ms", "median"), get("ff.termprobe.less", "last_ms", "median")
        if tb is not None and tl is not None:
            more += f"; termprobe {num(tb)} vs {num(tl)} ms"
        cb, cl = get("cpu.readout.bundled", "task_clock_ms", "median"), get("cpu.less", "task_clock_ms", "median")
        if cb is not None and cl is not None:
            more += f"; CPU {num(cb)} vs {num(cl)} ms"
        print(f"| first frame, bundled ≤ less's first frame | median {num(rb)} vs {num(rl)} ms{more} "
              f"| {verdict(rb <= rl, f'{rb / rl:.2f}× less')} |")
    for field, what in (("frame_ms", "first frame (no article yet)"),
                        ("mark_ms", "first articles listed"),
                        ("until_ms", "whole corpus listed")):
        v = get("ff.readout.10k", field, "median")
        if v is not None:
            print(f"| 10,000 articles < 150 ms: {what} | {num(v)} ms "
                  f"| {verdict(v < 150, f'{v - 150:+,.0f} ms, {v / 150:.2f}× the budget')} |")
    worst = None
    for c, label, key in keys_rows:
        if c == "less":
            continue
        v = get(key, "last_ms", "max")
        if v is not None and (worst is None or v > worst[0]):
            worst = (v, f"{label}, {c}")
    meds = [get(k, "last_ms", "median") for c, _, k in keys_rows if c != "less"]
    meds = [v for v in meds if v is not None]
    if worst:
        print(f"| every keypress drawn within 2 ms at 80x24 (pty, incl. driver) | slowest median "
              f"{num(max(meds))} ms; worst single {num(worst[0])} ms ({worst[1]}) "
              f"| {verdict(worst[0] <= 2, f'worst {worst[0] / 2:.1f}× the budget')} |")
    lp = step_bytes("bytes.less", "<Space>")
    for label, key in (("browse", "bytes.readout"), ("zoomed", "bytes.readout-zoomed")):
        rp = step_bytes(key, "<Space>")
        if rp and lp:
            print(f"| a page ≤ 1.2× less's bytes ({label}) | {num(rp)} B vs {num(lp)} B "
                  f"| {verdict(rp <= 1.2 * lp, f'{rp / lp:.2f}× less')} |")
    for c, (ratio, marginal) in ratios.items():
        if ratio is not None:
            extra = f"; {marginal:.1f}× above an empty reader" if marginal is not None else ""
            print(f"| memory < 3× corpus on disk ({c}) | {ratio:.1f}×{extra} "
                  f"| {verdict(ratio < 3, f'{ratio / 3:.1f}× the budget')} |")

    order = ["start", "first-frame", "keys", "memory", "align", "end"]
    loads = [(k, fig[f"load.{k}"]["loadavg"]) for k in order if f"load.{k}" in fig]
    if loads:
        print("\nLoad average (1, 5, 15 min) after each part: "
              + "; ".join(f"{k} {v}" for k, v in loads) + ".")

    if "profile.txt" in fig:
        print("\n## Profile: 10k start-up, then `c` (perf, self time, flat; by thread, then by symbol)\n")
        print("```\n" + fig["profile.txt"].rstrip() + "\n```")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="what", required=True)
    for name in ("probe", "crowd"):
        p = sub.add_parser(name)
        p.add_argument("--rows", type=int, default=24)
        p.add_argument("--cols", type=int, default=80)
        p.add_argument("--keys", default="")
        p.add_argument("--settle", type=float, default=0.15)
        p.add_argument("--timeout", type=float, default=30.0)
        p.add_argument("--env", action="append", default=[])
        p.add_argument("--until", help="(start) also wait until the screen matches this regex")
        if name == "probe":
            p.add_argument("--mark", help="(start) note when the screen first matches this regex")
        if name == "crowd":
            p.add_argument("--n", type=int, default=50)
        p.add_argument("cmd", nargs=argparse.REMAINDER)
    p = sub.add_parser("rss"); p.add_argument("dir"); p.add_argument("out")
    p = sub.add_parser("frame"); p.add_argument("files", nargs="+")
    p = sub.add_parser("keys"); p.add_argument("file"); p.add_argument("token")
    p.add_argument("skip", type=int, nargs="?", default=0)
    p = sub.add_parser("step"); p.add_argument("file"); p.add_argument("index", type=int)
    p = sub.add_parser("cputime"); p.add_argument("files", nargs="+")
    p = sub.add_parser("maxrss"); p.add_argument("file")
    p = sub.add_parser("report"); p.add_argument("dir")
    a = ap.parse_args()
    if a.what in ("probe", "crowd"):
        a.cmd = a.cmd[1:] if a.cmd[:1] == ["--"] else a.cmd
        if not a.cmd:
            ap.error("no command")
    {"probe": probe, "crowd": crowd, "rss": rss, "frame": frame, "keys": keys,
     "step": step, "cputime": cputime, "maxrss": maxrss, "report": report}[a.what](a)


if __name__ == "__main__":
    main()
