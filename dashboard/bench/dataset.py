"""A synthetic data set at sample or national scale, imported through the real import path.

The rows are the committed sample data (``sample_data/``, 22 councils x 6 years) spread over
more councils and years: target council *i* takes the rows of sample council *i mod 22*, target
year *y* the rows of a sample year shifted by whole years (dates move with it), each repeated
and thinned by a hash until the dataset has the rows asked for. Identifiers (person keys,
respondent ids, breakdown references) are made unique per copy, so the import's duplicate checks
pass. DuckDB writes the CSV files (``COPY ... PARTITION_BY``), one per year and group of councils
(at most ``FILE_ROWS`` rows each); every file is then checked and written by
``importers.prepare`` and ``batches.write`` exactly as ``python -m dashboard import`` does.

A data set is cached under ``data/bench/<scale>-<hash of its parameters>/`` with the import
timings, so a second run reuses it.
"""

from __future__ import annotations

import hashlib
import json
import math
import resource
import shutil
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path

from dashboard import config
from dashboard.data import reference

BENCH_DIR = config.PROJECT_ROOT / "data" / "bench"
GENERATOR_VERSION = 1
FILE_ROWS = 250_000  # rows per import file (a council group's year): keeps an import's memory bounded
KEY = "benchmark pseudonym key: synthetic data only 0123456789"
LAST_YEAR = 2024  # 2024-25
SAMPLE_FIRST_YEAR, SAMPLE_YEARS = 2019, 6

#: dataset name -> (sample file, table)
SOURCES = {
    "support": "support_records",
    "survey": "survey_responses",
    "dp_experience": "dp_experience",
    "breakdowns": "breakdowns",
    "coproduction": "coproduction_activities",
    "i_statements": "i_statement_checkins",
}


@dataclass(frozen=True)
class Scale:
    name: str
    areas: int
    years: int
    rows: dict[str, int] = field(default_factory=dict)  # dataset -> rows wanted (missing: as in the sample)

    def key(self) -> str:
        text = json.dumps({**asdict(self), "generator": GENERATOR_VERSION}, sort_keys=True)
        return f"{self.name}-{hashlib.sha256(text.encode()).hexdigest()[:10]}"


SCALES = {
    # the committed sample data as it is: 22 councils x 6 years (about 550,000 rows)
    "small": Scale("small", areas=22, years=6),
    # 153 councils x 10 years; the datasets the issue does not size are in proportion to the
    # support records (x30 the sample, as the support records are)
    "national": Scale("national", areas=153, years=10, rows={
        "support": 10_000_000, "survey": 2_000_000, "breakdowns": 500_000, "coproduction": 200_000,
        "dp_experience": 800_000, "i_statements": 430_000,
    }),
}


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def target_areas(count: int) -> list[str]:
    """The sample's councils first (so ``count=22`` is the sample itself), then the rest."""
    from dashboard.data.sample import SAMPLE_AREAS

    rest = sorted(set(reference.areas_frame()["area_code"]) - set(SAMPLE_AREAS))
    return (list(SAMPLE_AREAS) + rest)[:count]


# per dataset: the columns written, as SQL over the sample row ``s`` and the copy (t.area_code,
# t.year, t.shift years, r the repeat); ``uid`` makes an identifier unique per copy
_UID = "md5(concat_ws('|', s.src_row, t.area_code, t.year, r.rep))"
_PERIOD = "concat(t.period_year, substr(s.period, 8))"  # keeps a quarter suffix


def _shift(column: str) -> str:
    return f"strftime(try_cast(s.{column} as date) + to_years(t.shift), '%Y-%m-%d')"


COLUMNS = {
    "support": [f"substr({_UID}, 1, 20) as person_key", "t.area_code", f"{_PERIOD} as period", "s.age_band",
                "s.support_reason", "s.delivery_mechanism", "s.dp_use",
                f"{_shift('date_agreed')} as date_agreed", f"{_shift('date_first_paid')} as date_first_paid"],
    "survey": ["t.area_code", f"{_PERIOD} as period", "s.age_band", "s.support_reason", "s.support_setting",
               "s.delivery_mechanism", "s.q1_satisfaction", "s.q2c_choice", "s.q3a_control",
               "s.q8a_social_contact", "s.q12_information", "s.weight", f"substr({_UID}, 1, 16) as respondent_id"],
    "dp_experience": ["t.area_code", f"{_PERIOD} as period", "s.use_flexibly", "s.know_how_much", "s.paid_quickly",
                      "s.trusted_to_decide", "s.clawback_letters", "s.unauthorised_spend_letters",
                      f"substr({_UID}, 1, 16) as respondent_id"],
    # the reference is not stored, so the (editor-only) note carries the copy number: no two
    # stored rows are the same in every column
    "breakdowns": ["t.area_code", f"{_shift('breakdown_date')} as breakdown_date", f"{_PERIOD} as period",
                   "s.category", "s.days_delayed", "s.people_affected", f"{_shift('resolved_date')} as resolved_date",
                   "s.escalated", "case when r.rep = 0 then s.note else concat(s.note, ' (copy ', r.rep, ')') end as note",
                   f"substr({_UID}, 1, 16) as reference"],
    # no identifier column: the count of professionals carries the copy number so that no two
    # copies are the same in every column (the import refuses exact duplicates)
    "coproduction": ["t.area_code", f"{_shift('activity_date')} as activity_date", f"{_PERIOD} as period",
                     "s.activity", "s.self_advocates", "s.family_carers",
                     "(s.professionals::integer + r.rep)::varchar as professionals",
                     "s.level", "s.people_paid", "s.you_said", "s.we_did", "s.action_status"],
    "i_statements": ["t.area_code", f"{_PERIOD} as period", "s.theme", "s.statement", "s.answer", "s.answered_by",
                     f"substr({_UID}, 1, 16) as respondent_id"],
}


def write_files(scale: Scale, out_dir: Path, source_dir: Path = config.SAMPLE_DATA_DIR,
                datasets: list[str] | None = None) -> dict[str, list[Path]]:
    """Write the import files of every dataset (or of ``datasets``) for ``scale``; returns dataset -> files."""
    from dashboard.data.store import connect

    out_dir.mkdir(parents=True, exist_ok=True)
    con = connect(":memory:")
    areas = target_areas(scale.areas)
    first = LAST_YEAR - scale.years + 1
    targets = [
        (code, year, reference.financial_year(year),
         SAMPLE_FIRST_YEAR + (year - SAMPLE_FIRST_YEAR) % SAMPLE_YEARS, i)
        for i, code in enumerate(areas) for year in range(first, LAST_YEAR + 1)
    ]
    sample_areas = target_areas(22)
    con.execute("create table t (area_code varchar, year integer, period_year varchar, src_year integer,"
                " area_index integer, src_area varchar, shift integer)")
    con.executemany("insert into t values (?, ?, ?, ?, ?, ?, ?)",
                    [(c, y, p, sy, i, sample_areas[i % len(sample_areas)], y - sy) for c, y, p, sy, i in targets])
    files: dict[str, list[Path]] = {}
    for dataset, table in SOURCES.items():
        if datasets is not None and dataset not in datasets:
            continue
        path = source_dir / f"{table}.csv.gz"
        con.execute("create or replace table s as select *, row_number() over () as src_row,"
                    " substr(period, 1, 4)::integer as src_year"
                    " from read_csv(?, header = true, all_varchar = true)", [str(path)])
        base = con.execute("select count(*) from t join s on s.area_code = t.src_area and s.src_year = t.src_year"
                           ).fetchone()[0]
        wanted = scale.rows.get(dataset, base)
        reps = max(1, math.ceil(wanted / base))
        keep = wanted / (base * reps)  # share of the copies kept (by hash), so the total is about `wanted`
        chunks = max(1, math.ceil(wanted / scale.years / FILE_ROWS))
        folder = out_dir / dataset
        shutil.rmtree(folder, ignore_errors=True)
        con.execute(
            f"copy (select {', '.join(COLUMNS[dataset])}, t.year as file_year, t.area_index % {chunks} as file_group"
            " from t join s on s.area_code = t.src_area and s.src_year = t.src_year, range(?) r(rep)"
            f" where {'true' if keep >= 1 else f'hash(s.src_row, t.area_code, t.year, r.rep) % 1000000 < {int(keep * 1_000_000)}'}"
            f") to '{folder}' (format csv, header true, partition_by (file_year, file_group))",
            [reps],
        )
        files[dataset] = sorted(folder.rglob("*.csv"))
    con.close()
    return files


def ascof_file(source_dir: Path = config.SAMPLE_DATA_DIR) -> tuple[Path, str]:
    """The real published ASCOF 2020-21 slice (NHS Digital, OGL v3.0) and its year."""
    return source_dir / "reference" / "ascof_2020_21_slice.csv", "2020-21"


def new_database(path: Path) -> None:
    """An empty dashboard database: the schema and the reference tables (areas, periods)."""
    from dashboard.data.build import load_reference
    from dashboard.data.store import connect, migrate

    for leftover in (path, path.with_name(path.name + ".wal")):
        leftover.unlink(missing_ok=True)
    con = connect(path)
    try:
        migrate(con)
        load_reference(con)
        con.execute("checkpoint")
    finally:
        con.close()


def import_files(db: Path, dataset: str, files: list[Path], period: str | None = None, progress=None) -> dict:
    """Check and write each file as ``python -m dashboard import`` does; time the whole dataset."""
    from dashboard.data import importers
    from dashboard.data.importers import batches
    from dashboard.data.importers.reading import Source
    from dashboard.data.store import Store

    store = Store(db)
    rows = check = write = 0.0
    try:
        for i, path in enumerate(files, 1):
            t0 = time.perf_counter()
            try:
                plan = importers.prepare(dataset, [Source.from_path(path, limit_mb=10_000)], store=store,
                                         key=KEY, period=period)
            except importers.ImportRefused as refused:  # (the exception does not cross processes)
                raise RuntimeError(f"the generated {dataset} file {path} was refused:\n{str(refused)[:2000]}") from None
            t1 = time.perf_counter()
            # the release layer is built once after every dataset (``run.release_build``, timed
            # on its own), not after each of a dataset's files
            batches.write(store, plan, who="benchmark", replace=False, materialise=False)
            t2 = time.perf_counter()
            rows += plan.row_count
            check += t1 - t0
            write += t2 - t1
            if progress:
                progress(f"  {dataset}: file {i}/{len(files)}, {int(rows):,} rows, {check + write:.1f} s")
        store.sql("checkpoint")  # (a plain one: it refuses, rather than waits, if a transaction is left open)
    finally:
        store.close()
    seconds = check + write
    return {"dataset": dataset, "files": len(files), "rows": int(rows), "seconds": round(seconds, 2),
            "check_seconds": round(check, 2), "write_seconds": round(write, 2),
            "rows_per_second": round(rows / seconds) if seconds else None,
            "process_peak_memory_mb": round(_peak_mb())}


def _materialise(db: Path, only_if_stale: bool = False) -> None:
    """The release layer once, for the data version the imports made (``run.release_build``
    times it again on its own)."""
    from dashboard import release
    from dashboard.data.store import Store

    store = Store(db)
    try:
        if only_if_stale and release.is_current(store):
            return
        release.materialise(store)
        store.sql("checkpoint")
    finally:
        store.close()


def build(scale: Scale, db: Path, work: Path, progress=print) -> dict:
    """Generate the files for ``scale`` and import them all into a new database at ``db``.

    Each dataset's import figures are saved as it finishes (``imports.partial.json``): a build
    stopped part-way carries on with the datasets not yet imported."""
    partial = work / "imports.partial.json"
    done = {i["dataset"]: i for i in json.loads(partial.read_text())} if partial.exists() and db.exists() else {}
    todo = [d for d in SOURCES if d not in done]
    t = time.perf_counter()
    # in a process of its own: the import's peak memory is the import's, not the generator's
    files = _in_child(write_files, scale, work / "files", config.SAMPLE_DATA_DIR, todo)
    generated = time.perf_counter() - t
    progress(f"generated import files in {generated:.1f} s")
    if not done:
        new_database(db)
        path, period = ascof_file()
        done["ascof"] = import_files(db, "ascof", [path], period=period)
        partial.write_text(json.dumps(list(done.values()), indent=2))
    for dataset in todo:
        result = import_files(db, dataset, files[dataset], progress=progress)
        progress(f"imported {dataset}: {result['rows']:,} rows in {result['seconds']:.1f} s")
        done[dataset] = result
        partial.write_text(json.dumps(list(done.values()), indent=2))
    shutil.rmtree(work / "files", ignore_errors=True)
    _materialise(db)  # every benchmark database carries its release layer (the imports left it out)
    return {"scale": asdict(scale), "generate_seconds": round(generated, 1),
            "imports": [done[d] for d in ["ascof", *SOURCES]],
            "import_peak_memory_mb": max([round(_peak_mb())] + [i.get("process_peak_memory_mb") or 0 for i in done.values()]),
            "built_at": time.strftime("%Y-%m-%d %H:%M:%S")}


def ensure(scale: Scale, cache: Path = BENCH_DIR, progress=print) -> tuple[Path, dict]:
    """The database for ``scale`` (built once, then reused) and its import figures."""
    folder = cache / scale.key()
    db = folder / "bench.duckdb"
    meta = folder / "import.json"
    if db.exists() and meta.exists():
        _in_child(_materialise, db, True)  # a data set cached by an older run may lack its release layer
        info = json.loads(meta.read_text())
        info["cached"] = True
        return db, info
    folder.mkdir(parents=True, exist_ok=True)
    progress(f"building the {scale.name} data set in {folder} (once; later runs reuse it)")
    info = _in_child(build, scale, db, folder)
    meta.write_text(json.dumps(info, indent=2))
    info["cached"] = False
    return db, info


def _in_child(func, *args):
    """Run ``func`` in a fresh process: its peak memory is its own, and it holds no DuckDB lock after."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    with ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("spawn")) as pool:
        return pool.submit(func, *args).result()
