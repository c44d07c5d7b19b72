"""Measuring: the machine's and the load generator's CPU, percentiles, and wrk runs."""

import json
import math
import os
import resource
import subprocess
import time
from pathlib import Path

from benchmarks.load import CORES, LUA, log
from benchmarks.load.server import drain


def machine_busy() -> tuple[float, float]:
    """(busy, total) CPU seconds of the whole machine so far, from /proc/stat."""
    fields = [int(x) for x in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]]
    tick = os.sysconf("SC_CLK_TCK")
    idle = fields[3] + fields[4]
    return (sum(fields) - idle) / tick, sum(fields) / tick


def children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def self_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def busy_share(seconds: float = 3.0) -> float:
    busy0, total0 = machine_busy()
    time.sleep(seconds)
    busy1, total1 = machine_busy()
    return (busy1 - busy0) / max(1e-9, total1 - total0)


def wait_for_quiet(limit: float) -> float:
    """The machine's CPU use before the run (others' work skews every number); waits up to `limit` s for < 15 %."""
    deadline = time.monotonic() + limit
    share = busy_share()
    while share > 0.15 and time.monotonic() < deadline:
        log(f"  the machine is {share:.0%} busy with other work; waiting …")
        time.sleep(10)
        share = busy_share()
    return share


def percentile(samples: list[float], p: float) -> float:
    ordered = sorted(samples)
    if not ordered:
        return float("nan")
    k = max(0, min(len(ordered) - 1, math.ceil(p / 100 * len(ordered)) - 1))  # nearest rank
    return ordered[k]


def wrk(port: int, file: Path, duration: float, limit: int, connections: int, timeout: int = 60) -> dict:
    env = dict(os.environ, MV_REQUESTS=str(file), MV_MAX=str(limit), MV_THREADS="1")
    command = [
        "wrk",
        "-t1",
        f"-c{connections}",
        f"-d{int(duration)}s",
        f"--timeout={timeout}s",
        "-s",
        str(LUA),
        f"http://127.0.0.1:{port}",
    ]
    output = subprocess.run(command, env=env, capture_output=True, text=True, check=True).stdout
    line = next((x for x in output.splitlines() if x.startswith("MVRESULT ")), None)
    if line is None:
        raise RuntimeError(f"wrk printed no result:\n{output}")
    return json.loads(line.removeprefix("MVRESULT "))


def warm_up(port: int, workdir: Path, args) -> None:
    """Every worker builds its caches (question catalogue, suggestion index, fonts) before measuring."""
    log("  warming up …")
    wrk(port, workdir / "warm.tsv", args.warmup, 2000, 10)
    wrk(port, workdir / "pdf.tsv", 30, 10, 5)
    drain(port)


def measure_wrk(port: int, file: Path, duration: float, limit: int, args) -> dict:
    cpu0, (busy0, total0) = children_cpu(), machine_busy()
    raw = wrk(port, file, duration, limit, args.connections)
    cpu1, (busy1, total1) = children_cpu(), machine_busy()
    seconds = raw["duration_us"] / 1e6
    errors = raw["not_200"] + raw["connect"] + raw["read"] + raw["write"] + raw["timeout"]
    return {
        "requests": raw["requests"],
        "seconds": seconds,
        "rps": raw["requests"] / seconds,
        "p50": raw["p50"] / 1000,
        "p95": raw["p95"] / 1000,
        "p99": raw["p99"] / 1000,
        "max": raw["max"] / 1000,
        "errors": errors,
        "codes": raw["codes"],
        "generator_cpu": (cpu1 - cpu0) / (seconds * CORES),
        "machine_cpu": (busy1 - busy0) / max(1e-9, total1 - total0),
    }
