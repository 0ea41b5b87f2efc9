"""National-scale benchmark: 153 councils x 10 years, 10 million support records.

    python benchmarks/bench_scale.py [--support-rows 10000000] [--db /tmp/bench.duckdb]

Builds a synthetic database at national scale straight in DuckDB (SQL, not pandas), then times
what the dashboard does: working out every indicator's figures (build_figures) and the named
queries behind it. Prints figures; asserts nothing (speed and memory targets live here, not in
timed tests).
"""

from __future__ import annotations

import argparse
import resource
import time
from pathlib import Path

import sys

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from dashboard.data import reference  # noqa: E402
from dashboard.data.build import load_reference  # noqa: E402
from dashboard.figures.catalogue import load  # noqa: E402
from dashboard.figures.indicators import build_figures  # noqa: E402
from dashboard.data.store import Store, connect, migrate  # noqa: E402


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def build(path: Path, support_rows: int, years: int) -> None:
    path.unlink(missing_ok=True)
    con = connect(path)
    migrate(con)
    load_reference(con)
    first = 2025 - years
    con.execute("create temp table yrs as select range as y from range(?, 2025)", [first])
    con.execute(
        "create temp table area_list as select area_code, row_number() over (order by area_code) as n from areas"
    )
    per_area_year = support_rows // (153 * years)
    t = time.perf_counter()
    con.execute(
        """
        insert into support_records
        select 1, md5(a.area_code || y || i), a.area_code, y || '-' || lpad(((y + 1) % 100)::varchar, 2, '0'),
               case when i % 2 = 0 then '18-64' else '65 and over' end,
               'Physical Support',
               case when hash(i, a.n) % 100 < 25 then 'Direct Payment'
                    when hash(i, a.n) % 100 < 28 then 'Part Direct Payment'
                    when hash(i, a.n) % 100 < 80 then 'Council-managed personal budget'
                    when hash(i, a.n) % 100 < 85 then 'Individual Service Fund'
                    else 'Council-commissioned support' end,
               null,
               make_date(y, 5, 1),
               make_date(y, 5, 1) + (10 + hash(i) % 60)::integer
        from area_list a, yrs, range(?) r(i)
        """,
        [per_area_year],
    )
    print(f"support records: {con.execute('select count(*) from support_records').fetchone()[0]:,} in {time.perf_counter() - t:.1f} s")
    t = time.perf_counter()
    con.execute(
        """
        insert into survey_responses
        select 1, a.area_code, y || '-' || lpad(((y + 1) % 100)::varchar, 2, '0'), '18-64', 'Physical Support', 'community',
               1 + hash(i, 1) % 4, 1 + hash(i, 2) % 7, 1 + hash(i, 3) % 3, 1 + hash(i, 4) % 4, 1 + hash(i, 5) % 4,
               1 + hash(i, 6) % 5, 1.0
        from area_list a, yrs, range(500) r(i)
        """
    )
    con.execute(
        """
        insert into breakdowns
        select 1, a.area_code, make_date(y, 6, 1), y || '-' || lpad(((y + 1) % 100)::varchar, 2, '0'), 'housing',
               (hash(i) % 90)::integer, 1, null, hash(i) % 5 = 0, null
        from area_list a, yrs, range(60) r(i)
        """
    )
    con.execute(
        """
        insert into coproduction_activities
        select 1, a.area_code, make_date(y, 7, 1), y || '-' || lpad(((y + 1) % 100)::varchar, 2, '0'),
               'choosing providers', (hash(i) % 6)::integer, 2, 5,
               case hash(i) % 5 when 0 then 'informed' when 1 then 'consulted' when 2 then 'engaged'
                    when 3 then 'co-designed' else 'co-produced' end,
               1, null, null, case hash(i) % 3 when 0 then 'open' when 1 then 'completed' else 'none' end
        from area_list a, yrs, range(60) r(i)
        """
    )
    con.execute(
        """
        insert into dp_experience
        select 1, a.area_code, y || '-' || lpad(((y + 1) % 100)::varchar, 2, '0'),
               1 + hash(i, 1) % 5, 1 + hash(i, 2) % 5, 1 + hash(i, 3) % 5, 1 + hash(i, 4) % 5,
               (hash(i) % 10 = 0)::integer, 0
        from area_list a, yrs, range(200) r(i)
        """
    )
    con.execute(
        """
        insert into i_statement_checkins
        select 1, a.area_code, y || '-' || lpad(((y + 1) % 100)::varchar, 2, '0'), 'workforce', 'statement',
               case hash(i) % 3 when 0 then 'yes' when 1 then 'sometimes' else 'no' end, 'person'
        from area_list a, yrs, range(150) r(i)
        """
    )
    con.execute(
        "insert into import_batches (batch_id, dataset, file_name, content_hash, row_count, imported_by)"
        " values (1, 'benchmark', 'generated', 'none', 0, 'benchmark')"
    )
    con.execute("checkpoint")
    con.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--support-rows", type=int, default=10_000_000)
    parser.add_argument("--years", type=int, default=10)
    parser.add_argument("--db", type=Path, default=Path("/tmp/good-lives-bench.duckdb"))
    args = parser.parse_args()
    t = time.perf_counter()
    build(args.db, args.support_rows, args.years)
    print(f"built {args.db} ({args.db.stat().st_size / 1e6:,.0f} MB) in {time.perf_counter() - t:.1f} s")

    store = Store(args.db, read_only=True)
    timings = []
    for ind in load().indicators:
        t = time.perf_counter()
        rows = len(store.query(ind.query))
        timings.append((time.perf_counter() - t, ind.query, rows))
    for seconds, name, rows in sorted(timings, reverse=True)[:5]:
        print(f"query {name}: {seconds * 1000:,.0f} ms, {rows:,} rows")
    t = time.perf_counter()
    figures = build_figures(store)
    first = time.perf_counter() - t
    print(f"build_figures (every indicator, every area and year): {first:.2f} s, {len(figures.frame):,} figures")
    t = time.perf_counter()
    figures.areas_for("control", figures.latest_period())
    print(f"areas_for one indicator and year: {(time.perf_counter() - t) * 1000:.1f} ms")
    print(f"peak memory (RSS) of this process: {peak_rss_mb():,.0f} MB")
    print(f"periods covered: {reference.financial_year(2025 - args.years)} to 2024-25")


if __name__ == "__main__":
    main()
