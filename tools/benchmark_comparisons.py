"""Time the comparison views' computations on the sample database (prints figures; not a test).

    python tools/benchmark_comparisons.py [--db /tmp/sample.duckdb]

Builds the sample database first if the file does not exist.
"""

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from dashboard import charts  # noqa: E402
from dashboard.charts import hexmap
from dashboard.figures import comparison, groups
from dashboard.data.build import build_database  # noqa: E402
from dashboard.config import SAMPLE_DATA_DIR  # noqa: E402
from dashboard.figures.indicators import build_figures  # noqa: E402
from dashboard.data.store import Store  # noqa: E402


def timed(label, func, repeat=3):
    best = None
    for _ in range(repeat):
        start = time.perf_counter()
        result = func()
        took = time.perf_counter() - start
        best = took if best is None else min(best, took)
    print(f"{label:<55} {best * 1000:8.0f} ms")
    return result


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--db", default=str(Path(tempfile.gettempdir()) / "benchmark_comparisons.duckdb"))
    args = parser.parse_args()
    path = Path(args.db)
    if not path.exists():
        build_database(path, source_dir=SAMPLE_DATA_DIR)
    store = Store(path, read_only=True)
    figs = timed("build_figures (26 indicators)", lambda: build_figures(store), repeat=1)
    codes = tuple(figs.areas["area_code"])
    period = figs.latest_period()
    area = codes[0]
    print(f"{len(codes)} areas, latest year {period}")
    everyone = groups.Group("all", "All areas in the data", codes)
    choice = comparison.Choice(comparison.GROUP, everyone)
    timed("compared: one indicator, England benchmark", lambda: comparison.compared(figs, store, "control", period, comparison.Choice()))
    timed("compared: one indicator, region benchmark", lambda: comparison.compared(figs, store, "control", period, comparison.Choice(comparison.REGION)))
    timed("compared: one median indicator, group benchmark", lambda: comparison.compared(figs, store, "days_to_first_payment", period, choice))
    timed("profile: 26 indicators for one area", lambda: comparison.profile(figs, store, area, period, comparison.Choice(), codes))
    timed("grid: 26 indicators x all areas", lambda: [comparison.compared(figs, store, i.id, period, comparison.Choice()) for i in figs.catalogue.indicators])
    found = timed("worse and getting worse: all indicators", lambda: comparison.worse_and_worsening(figs, store, period, comparison.Choice(), codes))
    print(f"  areas and indicators worse and getting worse: {len(found)}")
    timed("splits by group (control, all areas)", lambda: comparison.splits(store, "control", list(codes), period))
    frame = comparison.compared(figs, store, "control", period, comparison.Choice())
    timed("hex map figure (153 hexes)", lambda: hexmap.hex_map(hexmap.categorise(frame, "significance", "comparison_95"), figs.catalogue["control"], period, "significance", area, "England"))
    bench = figs.benchmark("control", period)
    timed("funnel plot figure", lambda: charts.funnel_plot(frame, figs.catalogue["control"], period, area, bench.value, bench.label))
    store.close()


if __name__ == "__main__":
    main()
