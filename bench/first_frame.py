#!/usr/bin/env python3
"""Time from start to the first complete frame of terminal programs, interleaved.

  bench/first_frame.py N NAME=COMMAND [NAME=COMMAND ...]

Runs each COMMAND N times in turn in an 80x24 pseudo-terminal and notes when the screen
(pyte) first has its top and bottom rows drawn: a program that draws row by row has
then drawn a whole frame, even if another follows at once. Prints the median, minimum
and maximum per program, in ms. The harness's own fork and exec add the same few ms to
every program. Example (issue 11's start-up figures):

  bench/first_frame.py 101 readout=target/release/readout "less=less /tmp/articles.txt"
"""
import fcntl, os, pty, select, signal, statistics, struct, sys, termios, time

import pyte


def first_frame(cmd):
    pid, fd = pty.fork()
    if pid == 0:
        os.environ["TERM"] = "xterm-256color"
        os.execvp(cmd[0], cmd)
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
    t0 = time.monotonic()
    screen = pyte.Screen(80, 24)
    stream = pyte.ByteStream(screen)
    done = None
    while time.monotonic() - t0 < 5:
        ready, _, _ = select.select([fd], [], [], 0.5)
        if not ready:
            break
        try:
            data = os.read(fd, 65536)
        except OSError:
            break
        if not data:
            break
        stream.feed(data)
        if screen.display[0].strip() and screen.display[23].strip():
            done = (time.monotonic() - t0) * 1000
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
