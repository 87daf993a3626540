"""SymPy side of the "Networks" bench row "all partials" (bench/sections/networks.ts).

Every partial of one expanded network expression, with the activation an undefined function
(sympy.Function('sigma')), as SymPy's diff gives them. Started by bench/run-sympy-partials.ts,
which kills this process (by its pid) when the diffs or the extras take longer than its limits,
so results are streamed: one JSON object per line on stdout, flushed as soon as it is known.

Reads one JSON object on stdin:
    {"expr": "...", "names": ["x1", ...], "functions": ["sigma"], "wrt": ["W1_1_1", ...],
     "cse": true}
and writes JSON lines:
    {"type": "ready", "sympy": "1.14.0", "python": "3.11.2", "parse_ms": 812.3}
    {"type": "progress", "done": 17, "ms": 2310.5}         (after each partial)
    {"type": "diffed", "diff_ms": 15234.1, "count": 153}
    {"type": "chars", "chars": 749705, "str_ms": 5123.4}
    {"type": "cse", "cse_chars": 10162, "cse_defs": 104, "cse_ms": 3533.7}   (when "cse")
    {"type": "done"}
or {"type": "error", "message": "..."} (exit code 3 when SymPy cannot be imported).

Definitions:
  - The expression is parsed once (untimed) with sympy.sympify(expr, locals=...) where every
    name in "names" is a Symbol and every name in "functions" an undefined sympy.Function.
  - diff_ms: wall time (time.perf_counter_ns) of [sympy.diff(expr, p) for p in wrt], all of
    them, in one run; sympy.core.cache.clear_cache() is called once before it (untimed), so the
    run is not served from an earlier one. One run only: it takes seconds.
  - chars: the sum over the partials of len(str(d)), d as diff returns it (no simplify).
    str_ms is the time of printing them, for information.
  - cse_chars: len(str(sympy.cse(list_of_partials))): the printed (replacements, reduced) pair,
    "([(x0, ...), ...], [...])" with its brackets, commas and xK names: bench/sympy_bench.py's
    definition, applied to the list of all partials at once. cse_defs: the number of xK.
"""
import json
import platform
import sys
import time


def emit(obj) -> None:
    sys.stdout.write(json.dumps(obj) + "\n")
    sys.stdout.flush()


def ms_since(t0: int) -> float:
    return (time.perf_counter_ns() - t0) / 1e6


def main() -> int:
    try:
        import sympy
        from sympy.core.cache import clear_cache
    except Exception as e:  # ImportError, or a broken install
        emit({"type": "error", "message": f"cannot import sympy: {e}"})
        return 3

    job = json.load(sys.stdin)
    t0 = time.perf_counter_ns()
    names = {name: sympy.Symbol(name) for name in job["names"]}
    local = dict(names)
    for f in job.get("functions", []):
        local[f] = sympy.Function(f)
    expr = sympy.sympify(job["expr"], locals=local)
    wrt = [names[p] for p in job["wrt"]]
    emit({"type": "ready", "sympy": sympy.__version__, "python": platform.python_version(), "parse_ms": ms_since(t0)})

    clear_cache()
    partials = []
    t0 = time.perf_counter_ns()
    for p in wrt:
        partials.append(sympy.diff(expr, p))
        emit({"type": "progress", "done": len(partials), "ms": ms_since(t0)})
    # The progress lines are written inside the timed loop; each is one short write, microseconds
    # against a diff of tens of milliseconds. diff_ms is the loop's total.
    emit({"type": "diffed", "diff_ms": ms_since(t0), "count": len(partials)})

    t0 = time.perf_counter_ns()
    chars = sum(len(str(d)) for d in partials)
    emit({"type": "chars", "chars": chars, "str_ms": ms_since(t0)})

    if job.get("cse", False):
        t0 = time.perf_counter_ns()
        replacements, reduced = sympy.cse(partials)
        cse_ms = ms_since(t0)
        emit({"type": "cse", "cse_chars": len(str((replacements, reduced))), "cse_defs": len(replacements), "cse_ms": cse_ms})
    emit({"type": "done"})
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except Exception as e:  # report, do not crash without a word
        emit({"type": "error", "message": f"{type(e).__name__}: {e}"})
        sys.exit(1)
