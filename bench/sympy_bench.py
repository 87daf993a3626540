"""SymPy side of `npm run bench` (bench/sections/network.ts's counterpart to ours and mathjs).

Reads one JSON object on stdin:
    {"wrt": "W1_1_1", "warmups": 1, "runs": 7, "text_for_n": 2 | null,
     "cases": [{"n": 2, "expr": "...", "names": ["x1", ...], "point": {"x1": 0.3, ...}}, ...]}
and writes one JSON object on stdout:
    {"sympy": "1.14.0", "python": "3.11.2",
     "cases": [{"n": 2, "diff_ms": [...], "diff_chars": 601, "cse_chars": 321,
                "cse_defs": 9, "cse_ms": 12.3, "value": 0.0123, "diff_text": null}, ...]}
or {"error": "..."} when SymPy cannot be imported (exit code 3).

Definitions:
  - The expression is parsed once (untimed) with sympy.sympify(expr, locals={name: Symbol(name)})
    for every name in "names", so every identifier is a plain Symbol.
  - diff_ms: wall time (time.perf_counter_ns) of sympy.diff(expr, wrt) alone. Before every run,
    warm-up or timed, sympy.core.cache.clear_cache() is called (untimed), so no run is served
    from SymPy's global cache of earlier runs: each one does the whole differentiation.
  - diff_chars: len(str(d)) of the derivative as diff returns it (no simplify).
  - cse_chars: len(str(sympy.cse(d))): the printed (replacements, reduced_expressions) pair, i.e.
    "([(x0, ...), (x1, ...)], [...])" with its brackets, commas and the xK names included.
  - cse_defs: the number of replacements xK = ... that cse introduced.
  - cse_ms: the time of that one cse call, for information only.
  - value: float(d) with every name replaced by its value in "point" (an untimed sanity check).
  - diff_text: str(d) for the case n == text_for_n, else null.
"""
import json
import platform
import sys
import time


def main() -> int:
    try:
        import sympy
        from sympy.core.cache import clear_cache
    except Exception as e:  # ImportError, or a broken install
        json.dump({"error": f"cannot import sympy: {e}"}, sys.stdout)
        return 3

    job = json.load(sys.stdin)
    wrt_name = job["wrt"]
    warmups = int(job.get("warmups", 1))
    runs = int(job.get("runs", 7))
    out_cases = []
    for case in job["cases"]:
        names = {name: sympy.Symbol(name) for name in case["names"]}
        expr = sympy.sympify(case["expr"], locals=names)
        wrt = names[wrt_name]
        for _ in range(warmups):
            clear_cache()
            sympy.diff(expr, wrt)
        samples = []
        d = None
        for _ in range(runs):
            clear_cache()
            t0 = time.perf_counter_ns()
            d = sympy.diff(expr, wrt)
            t1 = time.perf_counter_ns()
            samples.append((t1 - t0) / 1e6)
        t0 = time.perf_counter_ns()
        replacements, reduced = sympy.cse(d)
        t1 = time.perf_counter_ns()
        value = float(d.xreplace({names[k]: sympy.Float(v) for k, v in case["point"].items()}))
        out_cases.append({
            "n": case["n"],
            "diff_ms": samples,
            "diff_chars": len(str(d)),
            "cse_chars": len(str((replacements, reduced))),
            "cse_defs": len(replacements),
            "cse_ms": (t1 - t0) / 1e6,
            "value": value,
            "diff_text": str(d) if job.get("text_for_n") == case["n"] else None,
        })
    json.dump({"sympy": sympy.__version__, "python": platform.python_version(), "cases": out_cases}, sys.stdout)
    return 0


if __name__ == "__main__":
    sys.exit(main())
