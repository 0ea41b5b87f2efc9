"""Import speed and memory: prints figures (not a test).

    python benchmarks/bench_import.py [--rows 200000]

Writes a support-records file (person-level: pseudonymised at import) and a survey file of the
given size into a temporary folder, imports each into a fresh copy of a database built from
tests/fixtures/data, and prints rows per second for checking and for writing, and the peak
memory of the process. Then the real published ASCOF 2020-21 slice, CSV and XLSX.
"""

from __future__ import annotations

import argparse
import resource
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from dashboard.data import importers  # noqa: E402
from dashboard.data.build import build_database  # noqa: E402
from dashboard.data.importers import Source, batches  # noqa: E402
from dashboard.data.store import Store  # noqa: E402

KEY = "benchmark pseudonym key 0123456789"
AREAS = ["E08000035", "E08000034", "E08000036", "E06000014", "E08000012", "E10000020", "E10000025", "E06000038"]


def support_file(path: Path, rows: int) -> None:
    mechanisms = ["Direct Payment", "Part Direct Payment", "Council-managed personal budget",
                  "Individual Service Fund", "Council-commissioned support"]
    with open(path, "w") as out:
        out.write("Person ID,LA Code,Period,Age Band,PSR,Delivery Mechanism,DP use,Date Agreed,Date First Paid\n")
        for i in range(rows):
            mech = mechanisms[i % 5]
            dp = i % 5 < 2
            out.write(f"MOS-{1_000_000 + i},{AREAS[i % len(AREAS)]},2024-25,{'18-64' if i % 2 else '65 and over'},"
                      f"Learning Disability Support,{mech},{'PA' if dp else ''},"
                      f"{f'{1 + i % 28:02d}/05/2024' if dp else ''},{f'{1 + i % 28:02d}/06/2024' if dp else ''}\n")


def survey_file(path: Path, rows: int) -> None:
    with open(path, "w") as out:
        out.write("Area Code,Year,Age band,Primary Support Reason,Setting,Mechanism of delivery,Q1,Q2c,Q3a,Q8a,Q12,Weight\n")
        for i in range(rows):
            out.write(f"{AREAS[i % len(AREAS)]},2024/25,{'18-64' if i % 2 else '65+'},Physical Support,community,"
                      f"{1 + i % 4},{1 + i % 7},{1 + i % 3},{1 + i % 4},{1 + i % 4},{1 + i % 5},1.0\n")


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def bench(db: Path, dataset: str, path: Path, **options) -> None:
    store = Store(db)
    try:
        t0 = time.perf_counter()
        plan = importers.prepare(dataset, [Source.from_path(path)], store=store, key=KEY, **options)
        t1 = time.perf_counter()
        batches.write(store, plan, who="benchmark", replace=True)
        t2 = time.perf_counter()
    finally:
        store.close()
    rows = plan.row_count
    size = path.stat().st_size / 1024 / 1024
    print(f"{dataset:<8} {path.name:<34} {size:7.1f} MB {rows:>9,} rows | check {t1 - t0:6.2f} s "
          f"({rows / (t1 - t0):>9,.0f} rows/s) | write {t2 - t1:5.2f} s ({rows / (t2 - t1):>9,.0f} rows/s) | "
          f"total {rows / (t2 - t0):>9,.0f} rows/s | peak memory {peak_mb():,.0f} MB")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=200_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        db = tmp / "bench.duckdb"
        build_database(db, source_dir=ROOT / "tests" / "fixtures" / "data")
        print(f"Import benchmark ({args.rows:,} rows), peak memory before: {peak_mb():,.0f} MB")
        support_file(tmp / f"support_{args.rows}.csv", args.rows)
        bench(db, "support", tmp / f"support_{args.rows}.csv")
        survey_file(tmp / f"survey_{args.rows}.csv", args.rows)
        bench(db, "survey", tmp / f"survey_{args.rows}.csv")
        imports = ROOT / "tests" / "fixtures" / "imports"
        bench(db, "ascof", imports / "ascof-2020-21-slice.csv")
        bench(db, "ascof", imports / "good" / "ascof-2020-21-slice.xlsx")


if __name__ == "__main__":
    main()
