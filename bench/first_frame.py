#!/usr/bin/env python3
"""Time from start to the first complete frame of terminal programs, interleaved.

  bench/first_frame.py N NAME=COMMAND [NAME=COMMAND ...]

Runs each COMMAND N times in turn in an 80x24 pseudo-terminal and notes when the screen
(pyte) first has its top and bottom rows drawn: a program that draws row by row has
then drawn a whole frame, even if another follows at once. The time reported is when
the chunk of output that completed the frame was *read* from the pty: every chunk is
stamped as it is read, and the screen is parsed only once the output has been quiet for
QUIET seconds, so pyte's own parsing (slower for a larger or more colourful frame) is
not charged to the program. The pty has its size before the program starts. Prints
the median, minimum and maximum per program, in ms. The harness's own fork and exec add
the same few ms to every program. Example (issue 11's start-up figures):

  bench/first_frame.py 101 readout=target/release/readout "less=less /tmp/articles.txt"
"""
import os, select, signal, statistics, sys, time

import pyte

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from in_pty import spawn  # noqa: E402  (beside this script)

# How long the output must be quiet before the harness stops reading and parses it.
QUIET = 0.15


def first_frame(cmd):
    t0 = time.monotonic()
    pid, fd = spawn(cmd)
    # While the program starts, the harness only reads and stamps each chunk as it
    # arrives; the chunks are parsed once the output has been quiet for QUIET seconds,
    # so parsing one chunk never delays the stamp of the next.
    chunks = []
    while time.monotonic() - t0 < 5:
        ready, _, _ = select.select([fd], [], [], QUIET if chunks else 2)
        if not ready:
            break
        try:
            data = os.read(fd, 65536)
        except OSError:
            break
        arrived = time.monotonic()
        if not data:
            break
        chunks.append((arrived, data))
    screen = pyte.Screen(80, 24)
    stream = pyte.ByteStream(screen)
    done = None
    for arrived, data in chunks:
        stream.feed(data)
        if screen.display[0].strip() and screen.display[23].strip():
            done = (arrived - t0) * 1000
            break
    os.write(fd, b"q")
    time.sleep(0.05)
    try:
        os.kill(pid, signal.SIGTERM)
    except ProcessLookupError:
        pass
    os.waitpid(pid, 0)
    os.close(fd)
    return done


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    runs = int(sys.argv[1])
    programs = [arg.split("=", 1) for arg in sys.argv[2:]]
    times = {name: [] for name, _ in programs}
    for _ in range(runs):
        for name, command in programs:
            t = first_frame(command.split())
            if t is not None:
                times[name].append(t)
    for name, ts in times.items():
        if ts:
            print(f"{name}: n={len(ts)} median {statistics.median(ts):.2f} ms, "
                  f"min {min(ts):.2f}, max {max(ts):.2f}")
        else:
            print(f"{name}: no complete frame")


if __name__ == "__main__":
    main()
