"""Time the meeting slides and the four packs for one area (prints figures; not a test).

    python tools/benchmark_packs.py --db data/dashboard.duckdb --area E08000035 --period 2024-25
"""

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from dashboard.meeting import packs, slides  # noqa: E402
from dashboard.figures.indicators import build_figures  # noqa: E402
from dashboard.data.store import Store  # noqa: E402

parser = argparse.ArgumentParser()
parser.add_argument("--db", required=True)
parser.add_argument("--area", default="E08000035")
parser.add_argument("--period", default="2024-25")
args = parser.parse_args()

store = Store(args.db, read_only=True)
started = time.perf_counter()
figs = build_figures(store)
print(f"figures: {time.perf_counter() - started:.2f} s")
started = time.perf_counter()
meeting = slides.build_meeting(store, figs, args.area, args.period)
print(f"slides: {len(meeting.slides)} in {time.perf_counter() - started:.2f} s")
for easy in (False, True):
    started = time.perf_counter()
    pictures = packs.render_pictures(meeting, easy)
    drawn = time.perf_counter() - started
    count = sum(len(p) for p in pictures)
    for fmt, build in (("pptx", packs.build_pptx), ("pdf", packs.build_pdf)):
        t = time.perf_counter()
        data = build(meeting, easy, pictures)
        print(f"{'easy-read' if easy else 'standard'} {fmt}: {len(data) / 1024:,.0f} KB, "
              f"{count} pictures drawn in {drawn:.1f} s (one kaleido browser), written in {time.perf_counter() - t:.1f} s")
store.close()
