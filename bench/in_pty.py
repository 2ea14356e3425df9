#!/usr/bin/env python3
"""Runs one command in an 80x24 pseudo-terminal, reads its output for WAIT seconds
(default 0.1), types `q`, and waits for it to end. For measuring a whole start and quit
of a terminal program from outside, e.g. its CPU time (issue 11's start-up figures):

  for i in $(seq 21); do
    bench/in_pty.py perf stat -x, -e task-clock,page-faults -o readout.csv --append target/release/readout
    bench/in_pty.py perf stat -x, -e task-clock,page-faults -o less.csv --append less /tmp/articles.txt
  done
"""
import fcntl, os, select, struct, sys, termios, time


def drain(fd, seconds):
    """Reads whatever `fd` gives for `seconds`; False once it has ended."""
    start = time.monotonic()
    while time.monotonic() - start < seconds:
        ready, _, _ = select.select([fd], [], [], 0.05)
        if ready:
            try:
                if not os.read(fd, 65536):
                    return False
            except OSError:
                return False
    return True


def spawn(cmd):
    """Starts `cmd` on a new 80x24 pseudo-terminal, its size set before the child
    exists so it never sees a 0x0 terminal. Returns the child's pid and the terminal's
    master side."""
    fd, tty = os.openpty()
    fcntl.ioctl(tty, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
    pid = os.fork()
    if pid == 0:
        try:
            os.close(fd)
            os.setsid()
            fcntl.ioctl(tty, termios.TIOCSCTTY, 0)
            for n in (0, 1, 2):
                os.dup2(tty, n)
            os.environ["TERM"] = "xterm-256color"
            os.execvp(cmd[0], cmd)
        finally:
            os._exit(127)
    os.close(tty)
    return pid, fd


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    pid, fd = spawn(sys.argv[1:])
    if drain(fd, float(os.environ.get("WAIT", "0.1"))):
        os.write(fd, b"q")
        drain(fd, 1)
    os.waitpid(pid, 0)
    os.close(fd)


if __name__ == "__main__":
    main()
