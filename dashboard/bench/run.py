"""One benchmark run: data set, values (three ways), release layer, pages (server and Chromium),
memory and database size; then the targets, a printed table and the JSON."""

from __future__ import annotations

import json
import os
import time
from pathlib import Path

from dashboard.bench import dataset, pages as page_bench, values
from dashboard.bench.dataset import SCALES, _in_child

#: issue 13's targets at national scale (reported, never asserted in tests)
TARGETS = {
    "browser_vs_empty": ("every page in Chromium within 2x of the empty page (warm)", 2.0),
    "server_warm_seconds": ("every page's server run <= 0.3 s warm", 0.3),
    "national_vs_sample": ("every page in Chromium at national scale within 1.1x of sample scale", 1.1),
    "values_vs_pandas": ("indicator values >= 20x faster than the pandas baseline", 20.0),
    "support_import_seconds": ("import of 10 million support records <= 60 s", 60.0),
    "release_build_seconds": ("release layer build <= 30 s", 30.0),
    "peak_memory_mb": ("peak memory <= 2 GB", 2048.0),
}


def _materialise(db: str) -> dict:
    """In its own process: build the release layer once for the database's data version."""
    import resource

    from dashboard import release
    from dashboard.data.store import Store

    store = Store(db)
    try:
        t = time.perf_counter()
        release.materialise(store)
        seconds = time.perf_counter() - t
        store.sql("checkpoint")
    finally:
        store.close()
    return {"available": True, "seconds": round(seconds, 2),
            "peak_memory_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)}


def release_build(db: Path) -> dict:
    """The release layer's build time per data version (``release.materialise``), where it exists."""
    import importlib.util

    if importlib.util.find_spec("dashboard.release") is None:
        return {"available": False, "note": "no release layer in this version (dashboard/release/ not on main yet)"}
    return _in_child(_materialise, str(db))


def _size_mb(db: Path) -> float:
    wal = db.with_name(db.name + ".wal")
    return round((db.stat().st_size + (wal.stat().st_size if wal.exists() else 0)) / 1e6, 1)


def run(scale_name: str = "small", only_pages: list[str] | None = None, repeat: int = 5,
        cache: Path = dataset.BENCH_DIR, compare_sample: bool | None = None, browser: bool = True,
        progress=print, checkpoint=None) -> dict:
    """The whole benchmark; ``checkpoint(result)``, if given, is called after each step with what
    is measured so far (a long national run keeps its figures if a later step fails)."""
    checkpoint = checkpoint or (lambda partial: None)
    scale = SCALES[scale_name]
    started = time.time()
    load_before = os.getloadavg()
    db, imports = dataset.ensure(scale, cache, progress=progress)
    result: dict = {
        "scale": scale_name, "started": time.strftime("%Y-%m-%d %H:%M:%S", time.localtime(started)),
        "machine": {"cpus": os.cpu_count(), "load_average_before": [round(x, 2) for x in load_before]},
        "repeat": repeat, "database": str(db), "database_mb": _size_mb(db), "imports": imports,
    }
    progress("building the release layer…")
    result["release"] = release_build(db)
    checkpoint(result)
    progress("checking indicator values three ways (dashboard, pandas, DuckDB raw)…")
    result["values"] = _in_child(values.measure, str(db), repeat)
    checkpoint(result)
    if not result["values"]["agree"]:
        result["error"] = "indicator values disagree between methods: no time is reported"
        return finish(result, started)
    pages = page_bench.page_list(only_pages)
    progress(f"server-side runs of {len(pages)} pages (AppTest)…")
    result["server"] = {scale_name: _in_child(page_bench.server_runs, str(db), pages, repeat)}
    checkpoint(result)
    compare_sample = scale_name != "small" if compare_sample is None else compare_sample
    sample_db = None
    if compare_sample:
        sample_db, _ = dataset.ensure(SCALES["small"], cache, progress=progress)
        progress("server-side runs at sample scale…")
        result["server"]["small"] = _in_child(page_bench.server_runs, str(sample_db), pages, repeat)
        checkpoint(result)
    if browser:
        work = page_bench.temp_dir()
        servers = {"empty": (page_bench.empty_app(work), None), scale_name: (page_bench.app_script(), str(db))}
        by_server = {"empty": [{"url": ""}], scale_name: pages}
        if sample_db is not None:
            servers["small"] = (page_bench.app_script(), str(sample_db))
            by_server["small"] = pages
        progress("pages in Chromium…")
        result["browser"] = page_bench.browser_runs(servers, by_server, repeat, work)
    return finish(result, started)


def finish(result: dict, started: float) -> dict:
    result["machine"]["load_average_after"] = [round(x, 2) for x in os.getloadavg()]
    result["seconds"] = round(time.time() - started, 1)
    result["targets"] = targets(result)
    return result


def _target(key: str, value, ok: bool | None, detail: str = "") -> dict:
    text, limit = TARGETS[key]
    return {"target": text, "limit": limit, "value": value, "met": ok, "detail": detail}


def targets(result: dict) -> dict:
    """Each target with the run's figure and whether it is met (None: not measured in this run)."""
    scale = result["scale"]
    out = {}
    browser = result.get("browser") or {}
    if scale in browser and "empty" in browser:
        floor = browser["empty"]["pages"][0]["warm"]
        worst = max(browser[scale]["pages"], key=lambda p: p["warm"])
        ratio = round(worst["warm"] / floor, 2)
        out["browser_vs_empty"] = _target("browser_vs_empty", ratio, ratio <= 2.0,
                                          f"slowest {worst['url']} {worst['warm']:.2f} s vs empty {floor:.2f} s")
    server = (result.get("server") or {}).get(scale)
    if server:
        worst = max(server["pages"], key=lambda p: p["warm"])
        out["server_warm_seconds"] = _target("server_warm_seconds", worst["warm"], worst["warm"] <= 0.3,
                                             f"slowest {worst['url']}")
    if scale != "small" and "small" in browser and scale in browser:
        small = {p["url"]: p["warm"] for p in browser["small"]["pages"]}
        ratios = [(p["warm"] / small[p["url"]], p["url"]) for p in browser[scale]["pages"] if small.get(p["url"])]
        if ratios:
            worst = max(ratios)
            out["national_vs_sample"] = _target("national_vs_sample", round(worst[0], 2), worst[0] <= 1.1,
                                                f"worst {worst[1]}")
    vals = result.get("values") or {}
    if "pandas_over_dashboard" in vals:
        out["values_vs_pandas"] = _target("values_vs_pandas", vals["pandas_over_dashboard"],
                                          vals["pandas_over_dashboard"] >= 20)
    support = next((i for i in result["imports"]["imports"] if i["dataset"] == "support"), None)
    if support:
        scaled = support["seconds"] * 10_000_000 / support["rows"]
        out["support_import_seconds"] = _target(
            "support_import_seconds", support["seconds"], scaled <= 60 if scale == "national" else None,
            f"{support['rows']:,} rows at {support['rows_per_second']:,} rows/s"
            + ("" if scale == "national" else f" (10 million at this rate: {scaled:.0f} s)"))
    release = result.get("release") or {}
    if release.get("available"):
        out["release_build_seconds"] = _target("release_build_seconds", release["seconds"], release["seconds"] <= 30)
    else:
        out["release_build_seconds"] = _target("release_build_seconds", None, None, release.get("note", ""))
    peaks = {"import": result["imports"].get("import_peak_memory_mb"),
             "figures": vals.get("dashboard_peak_memory_mb"), "release build": release.get("peak_memory_mb")}
    for name, run in (result.get("server") or {}).items():
        peaks[f"apptest {name}"] = run.get("peak_memory_mb")
    for name, run in browser.items():
        if name != "empty":
            peaks[f"server {name}"] = run.get("server_peak_memory_mb")
    peaks = {k: v for k, v in peaks.items() if v}
    if peaks:
        worst = max(peaks, key=peaks.get)
        out["peak_memory_mb"] = _target("peak_memory_mb", peaks[worst], peaks[worst] <= 2048,
                                        ", ".join(f"{k} {v:,} MB" for k, v in peaks.items()))
    return out


def table(result: dict) -> str:
    """The printed report."""
    lines = [f"Good Lives benchmark: {result['scale']} scale, {result['started']}, "
             f"{result['machine']['cpus']} CPUs, load average {result['machine']['load_average_before'][0]} before / "
             f"{result['machine']['load_average_after'][0]} after, median of {result['repeat']}",
             f"database {result['database_mb']:,} MB"
             + (" (reused from an earlier run)" if result["imports"].get("cached") else "")]
    lines.append("")
    lines.append(f"{'import':<16}{'rows':>12}{'files':>7}{'seconds':>10}{'rows/s':>12}")
    for i in result["imports"]["imports"]:
        seconds = "–" if i.get("seconds") is None else f"{i['seconds']:.1f}"
        rate = "–" if i.get("rows_per_second") is None else f"{i['rows_per_second']:,}"
        lines.append(f"{i['dataset']:<16}{i['rows']:>12,}{i['files']:>7}{seconds:>10}{rate:>12}")
    vals = result.get("values") or {}
    lines.append("")
    lines.append(f"indicator values, {len(vals.get('indicators', []))} indicators, {vals.get('period')}: "
                 + ("agree three ways" if vals.get("agree") else "DISAGREE: " + "; ".join(vals.get("problems", []))))
    if "seconds_per_request" in vals:
        s = vals["seconds_per_request"]
        lines.append(f"  per request: dashboard {s['dashboard'] * 1000:.2f} ms, pandas {s['pandas'] * 1000:.1f} ms "
                     f"({vals['pandas_over_dashboard']}x), DuckDB raw {s['duckdb_raw'] * 1000:.1f} ms "
                     f"({vals['duckdb_raw_over_dashboard']}x)")
        lines.append(f"  figures built once per data version in {vals['figures_build_seconds']:.1f} s; first request "
                     f"for an indicator and year {vals['dashboard_first_request_seconds'] * 1000:.1f} ms; "
                     f"pandas tables loaded in {vals['pandas_load_seconds']:.1f} s ({vals['pandas_tables_mb']} MB)")
    if result.get("release"):
        rel = result["release"]
        lines.append("release layer: " + (f"built in {rel['seconds']:.1f} s" if rel.get("available") else rel["note"]))
    server = result.get("server") or {}
    browser = result.get("browser") or {}
    if server or browser:
        lines.append("")
        floor = browser.get("empty", {}).get("pages", [{}])[0].get("warm")
        names = [n for n in server] or [n for n in browser if n != "empty"]
        header = f"{'page':<22}"
        for n in names:
            header += f"{n + ' server cold/warm':>26}"
            if n in browser:
                header += f"{n + ' Chromium warm':>24}{'x empty':>9}"
        lines.append(header)
        urls = [p["url"] for p in (server.get(names[0]) or browser.get(names[0]))["pages"]]
        for url in urls:
            row = f"{url:<22}"
            for n in names:
                sp = next((p for p in server.get(n, {}).get("pages", []) if p["url"] == url), None)
                cell = "{:.2f} / {:.2f} s".format(sp["cold"], sp["warm"]) if sp else ""
                row += f"{cell:>26}"
                bp = None
                if n in browser:
                    bp = next((p for p in browser[n]["pages"] if p["url"] == url), None)
                    cell = "{:.2f} s".format(bp["warm"]) if bp else ""
                    ratio = "{:.1f}".format(bp["warm"] / floor) if bp and floor else ""
                    row += f"{cell:>24}{ratio:>9}"
                if (sp and not sp["ok"]) or (bp and not bp["ok"]):
                    row += "  ERROR SHOWN"
            lines.append(row)
        if floor:
            lines.append(f"{'empty page':<22}{'':>26}{floor:>22.2f} s")
    lines.append("")
    for t in result.get("targets", {}).values():
        mark = {True: "met", False: "NOT MET", None: "not measured"}[t["met"]]
        value = "" if t["value"] is None else f": {t['value']}"
        lines.append(f"[{mark:>12}] {t['target']}{value}" + (f" ({t['detail']})" if t["detail"] else ""))
    if result.get("error"):
        lines.append("ERROR: " + result["error"])
    return "\n".join(lines)


def write_json(result: dict, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(result, indent=2, default=str))


def markdown(result: dict) -> str:
    """The figures as a Markdown table (for the README's Speed section)."""
    scale = result["scale"]
    server = result.get("server") or {}
    browser = result.get("browser") or {}
    floor = browser.get("empty", {}).get("pages", [{}])[0].get("warm")
    names = [scale] + (["small"] if "small" in server and scale != "small" else [])
    head = "| page |" + "".join(f" {n}: server first / warm | {n}: Chromium warm (x empty) |" for n in names)
    lines = [head, "|---|" + "---|---|" * len(names)]
    for page in server[scale]["pages"]:
        row = f"| {page['url']} |"
        for n in names:
            sp = next(p for p in server[n]["pages"] if p["url"] == page["url"])
            row += f" {sp['cold']:.2f} / {sp['warm']:.2f} s |"
            bp = next((p for p in browser.get(n, {}).get("pages", []) if p["url"] == page["url"]), None)
            row += (f" {bp['warm']:.2f} s ({bp['warm'] / floor:.1f}x) |" if bp and floor else " – |")
        lines.append(row)
    if floor:
        lines.append("| empty Streamlit page |" + "".join(f" | {floor:.2f} s |" for _ in names))
    return "\n".join(lines)
