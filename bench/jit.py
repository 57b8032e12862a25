"""What the benches share about the app server's JIT: the CPU its compiler threads have used, to warm up until they
are quiet rather than for a fixed count."""
import os


def compiler_cpu_ms(pids):
    """CPU time used so far by the JIT compiler threads of these JVMs (from /proc/PID/task/*/schedstat)."""
    total = 0
    for pid in pids:
        try:
            tasks = os.listdir(f"/proc/{pid}/task")
        except OSError:
            continue
        for tid in tasks:
            try:
                with open(f"/proc/{pid}/task/{tid}/comm") as f:
                    if "CompilerThre" not in f.read():
                        continue
                with open(f"/proc/{pid}/task/{tid}/schedstat") as f:
                    total += int(f.read().split()[0])
            except OSError:
                continue
    return total / 1e6
