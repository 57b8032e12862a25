#!/usr/bin/env python3
"""Keystroke echo round trip through a pty-attached command, for bench/ide.sh: the method of the project's shared
echo_rtt.py (one key at a time, wait for its echo, 5 ms pause), but it also prints every sample, so that the bench can
pool interleaved blocks of both paths into one p50/p99 each.
Usage: ide_echo_rtt.py N -- command...   Prints "p50 X ms  p99 Y ms  n=N", then "samples: ..." (ms)."""
import os, pty, select, sys, time


def main():
    n = int(sys.argv[1])
    cmd = sys.argv[sys.argv.index('--') + 1:]
    pid, fd = pty.fork()
    if pid == 0:
        os.execvp(cmd[0], cmd)
    time.sleep(1.5)
    while select.select([fd], [], [], 0.2)[0]:
        os.read(fd, 65536)  # drain banners
    rtts = []
    for i in range(n):
        ch = bytes([97 + i % 26])
        t = time.perf_counter()
        os.write(fd, ch)
        got = b''
        while ch not in got:
            r, _, _ = select.select([fd], [], [], 5)
            if not r:
                sys.exit('no echo within 5 s')
            got += os.read(fd, 4096)
        rtts.append((time.perf_counter() - t) * 1000)
        time.sleep(0.005)
    os.kill(pid, 9)
    ordered = sorted(rtts)
    print(f"p50 {ordered[len(ordered) // 2]:.3f} ms  p99 {ordered[int(len(ordered) * 0.99) - 1]:.3f} ms  n={n}")
    print("samples: " + " ".join(f"{x:.3f}" for x in rtts))


main()
