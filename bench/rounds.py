#!/usr/bin/env python3
"""Prints one row of bench/run's table from several wrk runs of each server: the median
requests per second, p50 and p99 of each, the ratio of the medians, and the range of the
ratio over the rounds (each Vigía run against the nginx run right after it).

    rounds.py LABEL "RPS P50 P99;RPS P50 P99;..." "RPS P50 P99;..."

Latencies come as wrk prints them (850.00us, 1.21ms, 1.05s)."""

import statistics
import sys

UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0}


def milliseconds(text):
    for suffix in ("us", "ms", "s"):
        if text.endswith(suffix):
            return float(text[: -len(suffix)]) * UNITS[suffix]
    raise ValueError(f"unknown latency {text!r}")


def runs(joined):
    rows = [line.split() for line in joined.split(";") if line.strip()]
    return [(float(rps), milliseconds(p50), milliseconds(p99)) for rps, p50, p99 in rows]


def latency(ms):
    return f"{ms * 1000:.0f}us" if ms < 1 else f"{ms:.2f}ms"


label, vigia, nginx = sys.argv[1], runs(sys.argv[2]), runs(sys.argv[3])
medians = [[statistics.median(column) for column in zip(*server)] for server in (vigia, nginx)]
ratios = [v[0] / n[0] for v, n in zip(vigia, nginx)]
(v_rps, v_p50, v_p99), (n_rps, n_p50, n_p99) = medians
print(
    f"{label:<22} {v_rps:12.0f} {latency(v_p50):>9} {latency(v_p99):>9}   "
    f"{n_rps:12.0f} {latency(n_p50):>9} {latency(n_p99):>9}   "
    f"{v_rps / n_rps:.2f} ({min(ratios):.2f}-{max(ratios):.2f})"
)
