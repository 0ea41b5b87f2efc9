"""Load: many browser sessions on one real Streamlit server while an import and an undo publish
new snapshots. Run in a process of its own (it uses Playwright's async API and ``asyncio.run``):

    python -m dashboard.bench.load --db FILE --dataset survey --files A.csv B.csv [--sessions 25] [--json OUT]

It starts ``streamlit run`` on a free loopback port over ``--db`` (the file is written: give it a
copy), opens one Chromium (/usr/bin/chromium) with one context per session, and:

1. opens the sessions, five at a time, each on one of ``PAGES`` (different pages and filters),
   then reruns each once (what the page shows before any write);
2. while every session keeps rerunning its page (the session's next run, in the same Streamlit
   session: the R key, as a reader asks for a rerun; a second's pause between), runs
   ``python -m dashboard import DATASET FILES --db FILE`` (the files land as batches in one
   transaction), then reruns every session once more; then the same with
   ``python -m dashboard undo <last batch>``.

A run counts as shown once the app has run its script, is idle with no stale element, and the
page has stayed the same for ``STABLE_SECONDS``. What a page shows is read as text: its tables,
tiles, sentences and metrics (not the charts' drawing, nor a collapsed expander). The first view
of each session is timed and checked for errors but not compared: a fresh browser page loads the
chart code lazily and may draw what follows a chart seconds later (reruns in the same session do
not). It prints (and writes with ``--json``) the figures and what it saw: page errors ("Sorry,
something went wrong" or an exception box); pages that were not a whole state (in each write's
phase every text must be the page before or after that write, and on the pages listing every
area, the number of areas must be the one before or after the write: never one file's council
without the other's); sessions whose next rerun after a write did not show what every other
session on that page showed, with the right councils; and p50/p95 page time (from the request
until the app has run its script and is idle). Bounded: ``--sessions`` contexts, loopback only,
each page wait at most ``--page-timeout`` seconds and the whole run ``--deadline``.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import re
import statistics
import sys
import tempfile
import time
from pathlib import Path

from dashboard import config
from dashboard.bench.pages import _DONE, _WATCH_SCRIPT, CHROMIUM, CHROMIUM_ARGS, READY, SORRY
from dashboard.bench.server import StreamlitServer

LEEDS, PERIOD = "E08000035", "2024-25"
PAGES = [
    f"compare?area={LEEDS}&period={PERIOD}&indicator=control",
    f"grid?area={LEEDS}&period={PERIOD}",
    f"overview?area={LEEDS}&period={PERIOD}",
    f"profile?area={LEEDS}&period={PERIOD}",
    f"compare?area={LEEDS}&period={PERIOD}&indicator=satisfaction",
    f"worse-and-worsening?area={LEEDS}&period={PERIOD}",
    f"by-group?area={LEEDS}&period={PERIOD}&indicator=control",
    f"map?area={LEEDS}&period={PERIOD}&indicator=choice",
]
#: pages whose figures the import and the undo change (they count or compare with every area in
#: the data); the others (Leeds's own trends and splits) may stay the same
CHANGING = [PAGES[i] for i in (0, 1, 2, 3, 4, 7)]
MAIN = "[data-testid='stMain']"
EXCEPTION = "[data-testid='stException']"
PUBLISHED = re.compile(r"Published the new snapshot in ([\d.]+) s \(copy ([\d.]+) s, write ([\d.]+) s, "
                       r"verify and swap ([\d.]+) s\); the swap took ([\d.]+) ms and the writer lock was held "
                       r"([\d.]+) s")


def _text(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


_T0 = time.perf_counter()
THINK_SECONDS = 1.0  # a person's pause between one rerun and the next while a write runs


def _progress(message: str, sessions=()) -> None:
    """A line on standard error per step, with the page times so far (to see where time goes)."""
    times = sorted(t for s in sessions for t in s.times)
    so_far = f" ({len(times)} page runs, p50 {statistics.median(times):.1f} s, max {times[-1]:.1f} s)" if times else ""
    print(f"[{time.perf_counter() - _T0:6.1f} s] {message}{so_far}", file=sys.stderr, flush=True)


#: every figure a page shows as text: its tables, tiles, sentences and metrics, cell by cell; not
#: the charts (their drawing may lag the run), the page's CSS, nor what is inside a collapsed
#: expander (drawn only when opened, so sometimes there and sometimes not)
_FIGURES_JS = """() => Array.from(document.querySelectorAll(
    "[data-testid='stMain'] [data-testid='stMarkdown'], [data-testid='stMain'] [data-testid='stMetric']"))
    .map(e => {
      const walk = document.createTreeWalker(e, NodeFilter.SHOW_TEXT, {acceptNode: n =>
        n.parentElement && n.parentElement.closest('style, script, [data-testid="stExpander"]')
          ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT});
      let text = '';
      while (walk.nextNode()) text += walk.currentNode.nodeValue + ' ';
      return text.trim();
    }).filter(t => t).join(' | ')"""
#: (changes to the page so far, runs started so far, idle): the page is settled when these stay
#: the same; idle is the app's script not running and no element left over (stale) from before
#: the run. Cheap to ask often (the page's text is read once, when it has settled).
_LOOK_JS = f"""() => [window.__glChanges || 0, window.__glRuns || 0,
    document.querySelector('{READY}') !== null && document.querySelector('[data-stale="true"]') === null]"""
#: a rerun the session asked for has run (one more run than before it) and the app is idle again
_RERUN_DONE = "(before) => (window.__glRuns || 0) > before && document.querySelector('" + READY + "') !== null"
#: the R key reruns the app in the same session (focus off any widget, where it would type)
_BLUR = "() => { if (document.activeElement && document.activeElement.blur) document.activeElement.blur(); }"
RETRY_PRESS_SECONDS = 60.0  # no run started this long after the key (a busy or reconnecting page): press again
#: counts the app's script runs (every change of the script state to running)
_COUNT_RUNS = """
window.__glRuns = 0;
new MutationObserver((records) => {
  for (const r of records) {
    if (r.target.getAttribute && r.target.getAttribute('data-test-script-state') === 'running'
        && r.oldValue !== 'running') window.__glRuns += 1;
  }
}).observe(document, {subtree: true, attributes: true, attributeOldValue: true,
                      attributeFilter: ['data-test-script-state']});
window.__glChanges = 0;  // every element added or removed and every text changed: the page is drawing
new MutationObserver((records) => { window.__glChanges += records.length; })
  .observe(document, {subtree: true, childList: true, characterData: true});
"""
STABLE_SECONDS = 2.0
POLL_MS = 300

#: the number of areas a page's chart sentence counts ("... in 2024-25 for 4 areas"): the import
#: adds two councils (two files, one transaction) and the undo takes one away, so one more area
#: than before during the import would be half an import
AREAS = re.compile(r"for (\d+) areas")
PROBE_PAGES = PAGES[:2]  # pages whose sentence counts every area in the data
ADDED = {"before": 0, "import": 2, "undo": 1}


def _differences(text: str, states: set[str], most: int = 4) -> list[str]:
    """Where ``text`` differs from the nearest of ``states`` (for the report)."""
    import difflib

    nearest = max(states, key=lambda state: difflib.SequenceMatcher(None, text, state, autojunk=False).ratio())
    matcher = difflib.SequenceMatcher(None, nearest, text, autojunk=False)
    out = [f"{op}: {nearest[max(0, i1 - 60):i2 + 60]!r} -> {text[max(0, j1 - 60):j2 + 60]!r}"
           for op, i1, i2, j1, j2 in matcher.get_opcodes() if op != "equal"]
    return out[:most]


def probe(text: str) -> int | None:
    """The number of areas the page's first sentence that counts them says."""
    found = AREAS.search(text)
    return int(found.group(1)) if found else None


class Session:
    """One browser context on one page; every page time and every text it showed (by phase)."""

    phase = "before"  # "before", "import" (from the import's start to every session's next rerun), "undo"

    def __init__(self, number: int, context, url: str, page_timeout: float):
        self.number, self.context, self.url = number, context, url
        self.page = None
        self.timeout_ms = page_timeout * 1000
        self.seen: list[tuple[str, str]] = []
        self.times: list[float] = []
        self.spans: list[tuple[float, float]] = []  # each rerun: asked for, settled (perf_counter)
        self.errors: list[str] = []

    async def _look(self) -> tuple[int, int, bool]:
        return tuple(await self.page.evaluate(_LOOK_JS))

    async def _settle(self, started: float, phase: str | None) -> str:
        """Wait until the run has finished and the page has stayed the same (no element or text
        changed, no new run, idle) for ``STABLE_SECONDS``: a page may run twice (a rerun it asks
        for itself) and a busy browser may still be drawing. The page time runs until the last
        change seen. ``phase`` None: timed and checked for errors, not compared (a first view)."""
        look = await self._look()
        changed = steady = time.perf_counter()
        while time.perf_counter() - steady < STABLE_SECONDS:
            if time.perf_counter() - started > self.timeout_ms / 1000:
                raise TimeoutError(f"session {self.number} ({self.url}) never settled")
            await self.page.wait_for_timeout(POLL_MS)
            now = await self._look()
            if now != look or not now[2]:
                if now[0] != look[0]:
                    changed = time.perf_counter()
                look = now
                steady = time.perf_counter()
        seconds = changed - started
        text = _text(await self.page.evaluate(_FIGURES_JS))
        shown = await self.page.inner_text(MAIN)
        if SORRY in shown or await self.page.locator(EXCEPTION).count():
            self.errors.append(f"session {self.number} ({self.url}): {_text(shown)[:300]}")
        self.times.append(seconds)
        if phase is not None:
            self.seen.append((phase, text))
            self.spans.append((started, time.perf_counter()))
        return text

    async def open(self, base: str) -> str:
        self.page = await self.context.new_page()
        started = time.perf_counter()
        await self.page.goto(f"{base}/{self.url}", wait_until="commit", timeout=self.timeout_ms)
        await self.page.wait_for_function(_DONE, polling=200, timeout=self.timeout_ms)
        return await self._settle(started, None)

    async def rerun(self) -> str:
        """The session's next run, in the same Streamlit session (its pinned snapshot, its caches):
        the R key, as a reader asks the app to rerun. The phase is the one the run started in."""
        phase = Session.phase
        before = (await self._look())[1]
        started = time.perf_counter()
        while True:
            await self.page.evaluate(_BLUR)
            await self.page.keyboard.press("r")
            try:
                await self.page.wait_for_function(_RERUN_DONE, arg=before, polling=200,
                                                  timeout=RETRY_PRESS_SECONDS * 1000)
                break
            except Exception:  # Playwright's TimeoutError: no run yet (the key came while busy)
                if time.perf_counter() - started > self.timeout_ms / 1000:
                    raise TimeoutError(f"session {self.number} ({self.url}) did not rerun") from None
                if (await self._look())[1] > before:  # it ran, and is still running: wait on
                    await self.page.wait_for_function(f"() => document.querySelector('{READY}') !== null",
                                                      polling=200, timeout=self.timeout_ms)
                    break
        return await self._settle(started, phase)


async def _command(*args: str, env: dict, timeout: float) -> dict:
    started = time.perf_counter()
    proc = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "dashboard", *args, cwd=str(config.PROJECT_ROOT), env=env,
        stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE)
    try:
        out, err = await asyncio.wait_for(proc.communicate(), timeout=timeout)
    except asyncio.TimeoutError:
        proc.kill()
        await proc.wait()
        raise
    result = {"args": list(args), "code": proc.returncode, "stdout": out.decode(), "stderr": err.decode(),
              "seconds": round(time.perf_counter() - started, 3), "span": (started, time.perf_counter())}
    found = PUBLISHED.search(result["stderr"])
    if found:
        result["publish"] = dict(zip(["total", "copy", "write", "verify_and_swap", "swap_ms", "lock_held"],
                                     map(float, found.groups())))
    return result


async def _write_while_rerunning(sessions, args, env, timeout) -> tuple[dict, list[str]]:
    """Run a write while every session keeps rerunning; then each session's next rerun (the first
    it starts after the write has finished). Returns the write and what each next rerun showed."""
    done = asyncio.Event()

    async def keep_rerunning(session):
        while not done.is_set():
            await session.rerun()
            if not done.is_set():
                await asyncio.sleep(THINK_SECONDS)
        return await session.rerun()  # started after the write finished: its next rerun

    reruns = [asyncio.create_task(keep_rerunning(s)) for s in sessions]
    try:
        await asyncio.sleep(1.0)
        _progress(f"{args[0]} started while the sessions rerun", sessions)
        result = await _command(*args, env=env, timeout=timeout)
        _progress(f"{args[0]} finished (exit {result['code']}, {result['seconds']:.1f} s)", sessions)
    finally:
        done.set()
    next_runs = await asyncio.gather(*reruns)
    return result, next_runs


async def scenario(base: str, db: Path, dataset: str, files: list[Path], sessions_count: int,
                   page_timeout: float, command_timeout: float) -> dict:
    from playwright.async_api import async_playwright

    env = dict(os.environ)
    async with async_playwright() as p:
        browser = await p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            sessions = []
            for n in range(sessions_count):
                context = await browser.new_context(viewport={"width": 1400, "height": 1000})
                context.set_default_timeout(page_timeout * 1000)
                await context.add_init_script(_WATCH_SCRIPT)
                await context.add_init_script(_COUNT_RUNS)
                sessions.append(Session(n, context, PAGES[n % len(PAGES)], page_timeout))
            started = time.perf_counter()
            for wave in range(0, sessions_count, 5):  # they arrive five at a time, then all stay busy together
                await asyncio.gather(*(s.open(base) for s in sessions[wave:wave + 5]))
                _progress(f"opened {min(wave + 5, sessions_count)} sessions", sessions)
            first_load = time.perf_counter() - started
            before = await asyncio.gather(*(s.rerun() for s in sessions))
            _progress("every session reran once before the writes", sessions)

            Session.phase = "import"
            imported, at_next_rerun = await _write_while_rerunning(
                sessions, ["import", dataset, *map(str, files), "--db", str(db)], env, command_timeout)
            if imported["code"] != 0:
                raise RuntimeError(f"the import failed (exit {imported['code']}): {imported['stderr'][-2000:]}")
            batches = [int(b) for b in re.search(r"batch(?:es)? ([\d, ]+) into", imported["stdout"]).group(1).split(", ")]
            _progress("every session reran once after the import", sessions)

            Session.phase = "undo"
            undone, after_undo_rerun = await _write_while_rerunning(
                sessions, ["undo", str(batches[-1]), "--db", str(db)], env, command_timeout)
            if undone["code"] != 0:
                raise RuntimeError(f"the undo failed (exit {undone['code']}): {undone['stderr'][-2000:]}")
            _progress("every session reran once after the undo", sessions)
        finally:
            await browser.close()

    def state(texts) -> dict[str, str]:
        """Per page, the one text every session on it showed (the sessions must agree)."""
        by_url: dict[str, set[str]] = {}
        for s, text in zip(sessions, texts):
            by_url.setdefault(s.url, set()).add(text)
        for url, found in by_url.items():
            if len(found) != 1:
                disagree.append({"url": url, "texts": len(found)})
        return {url: sorted(found)[0] for url, found in by_url.items()}

    disagree: list[dict] = []
    before_by_url, after_import, after_undo = state(before), state(at_next_rerun), state(after_undo_rerun)
    # each session shows the new figures at its next rerun: the whole page, and the import's councils
    base = {url: probe(text) for url, text in before_by_url.items()}

    def expected(url: str, phase: str) -> int | None:
        return None if base.get(url) is None else base[url] + ADDED[phase]

    not_updated = [{"session": s.number, "url": s.url, "after": phase, "shown": probe(text),
                    "expected": expected(s.url, phase)}
                   for phase, texts in (("import", at_next_rerun), ("undo", after_undo_rerun))
                   for s, text in zip(sessions, texts)
                   if s.url in PROBE_PAGES and probe(text) != expected(s.url, phase)]
    # never half an import: in each phase every text is the state before or after that write
    half, errors = [], []
    allowed = {"before": lambda u: {before_by_url[u]}, "import": lambda u: {before_by_url[u], after_import[u]},
               "undo": lambda u: {after_import[u], after_undo[u]}}
    allowed_probe = {"before": ("before",), "import": ("before", "import"), "undo": ("import", "undo")}
    for s in sessions:
        for phase, text in s.seen:
            whole = text in allowed[phase](s.url)
            councils = s.url not in PROBE_PAGES or probe(text) in {expected(s.url, p) for p in allowed_probe[phase]}
            if not (whole and councils):
                half.append({"session": s.number, "url": s.url, "phase": phase, "councils": probe(text),
                             "differs": _differences(text, allowed[phase](s.url))})
        errors += s.errors
    def updated(phase, texts, agreed, previous) -> int:
        """Sessions whose next rerun showed the page as every session did, with the right councils,
        and (a page the write changes) not as before the write."""
        odd = {d["url"] for d in disagree}
        return sum(1 for s, text in zip(sessions, texts) if s.url not in odd and text == agreed[s.url]
                   and (s.url not in CHANGING or text != previous[s.url])
                   and (s.url not in PROBE_PAGES or probe(text) == expected(s.url, phase)))

    times = sorted(t for s in sessions for t in s.times)
    changed = {url: {"by_import": after_import[url] != before_by_url[url],
                     "by_undo": after_undo[url] != after_import[url]} for url in before_by_url}
    return {
        "sessions": sessions_count,
        "pages": PAGES,
        "pages_changing": CHANGING,
        "page_runs": len(times),
        # reruns that were under way while the import or the undo command ran
        "reruns_during_writes": sum(1 for s in sessions for start, end in s.spans
                                    if any(start < w_end and end > w_start
                                           for w_start, w_end in (imported["span"], undone["span"]))),
        # sessions with a rerun under way while the import ran, and while the undo ran
        "sessions_rerunning_during_both_writes": sum(
            1 for s in sessions if all(any(start < w_end and end > w_start for start, end in s.spans)
                                       for w_start, w_end in (imported["span"], undone["span"]))),
        "sessions_disagreeing": disagree,
        "page_seconds": {"p50": round(statistics.median(times), 3),
                         "p95": round(times[int(round(0.95 * (len(times) - 1)))], 3),
                         "max": round(times[-1], 3)},
        "page_seconds_by_page": {url: round(statistics.median([t for s in sessions if s.url == url for t in s.times]), 3)
                                 for url in PAGES[:sessions_count]},
        "first_load_seconds": round(first_load, 3),
        "import": {k: imported[k] for k in ("seconds", "publish") if k in imported} | {"batches": batches},
        "undo": {k: undone[k] for k in ("seconds", "publish") if k in undone},
        "changed": changed,
        "errors": errors,
        "half_states": half,
        "not_updated": not_updated,
        "sessions_updated_after_import": updated("import", at_next_rerun, after_import, before_by_url),
        "sessions_updated_after_undo": updated("undo", after_undo_rerun, after_undo, after_import),
    }


def run(db: Path, dataset: str, files: list[Path], sessions: int = 25, page_timeout: float = 120.0,
        command_timeout: float = 300.0, deadline: float = 600.0, log_dir: Path | None = None) -> dict:
    """Start a server over ``db``, run the scenario (at most ``deadline`` seconds), stop the server."""
    log_dir = log_dir or Path(tempfile.mkdtemp(prefix="good-lives-load-"))
    log = log_dir / "load-streamlit.log"
    started = time.perf_counter()
    # as a deployment runs it: no watching of the source files (docs/deploy.md)
    server = StreamlitServer(db, log, extra_args=["--server.fileWatcherType", "none"])
    try:
        result = asyncio.run(asyncio.wait_for(
            scenario(server.url, Path(db), dataset, files, sessions, page_timeout, command_timeout), deadline))
    finally:
        server.stop()
    text = log.read_text(errors="replace")
    result["server_tracebacks"] = text.count("Traceback")
    result["server_log"] = str(log)
    result["seconds"] = round(time.perf_counter() - started, 1)
    return result


def summary(result: dict) -> str:
    p, i, u = result["page_seconds"], result["import"], result["undo"]
    nan = float("nan")
    publish = i.get("publish", {})
    return (f"Load: {result['sessions']} sessions, {result['page_runs']} page runs "
            f"({result['reruns_during_writes']} during the import and the undo); page time p50 {p['p50']:.2f} s, "
            f"p95 {p['p95']:.2f} s, max {p['max']:.2f} s; first load of all sessions {result['first_load_seconds']:.1f} s; "
            f"import command {i['seconds']:.1f} s (publish {publish.get('total', nan):.2f} s, swap "
            f"{publish.get('swap_ms', nan):.1f} ms, writer lock held {publish.get('lock_held', nan):.2f} s); "
            f"undo command {u['seconds']:.1f} s; "
            f"errors {len(result['errors'])}, half-imported pages {len(result['half_states'])}, sessions showing the "
            f"new figures at their next rerun {result['sessions_updated_after_import']}/{result['sessions']} "
            f"(import), {result['sessions_updated_after_undo']}/{result['sessions']} (undo); whole run {result['seconds']:.0f} s")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m dashboard.bench.load", description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", type=Path, required=True, help="database file to serve and write (give it a copy)")
    parser.add_argument("--dataset", required=True, help="dataset of the import (survey, support, ...)")
    parser.add_argument("--files", type=Path, nargs="+", required=True, help="files imported together")
    parser.add_argument("--sessions", type=int, default=25)
    parser.add_argument("--page-timeout", type=float, default=120.0, help="seconds one page may take")
    parser.add_argument("--deadline", type=float, default=600.0, help="seconds the whole scenario may take")
    parser.add_argument("--json", type=Path, default=None, help="write the result here as JSON")
    parser.add_argument("--log-dir", type=Path, default=None, help="folder for the server's log")
    args = parser.parse_args(argv)
    try:
        result = run(args.db, args.dataset, args.files, args.sessions, args.page_timeout, deadline=args.deadline,
                     log_dir=args.log_dir)
    except Exception as exc:  # a page or a command that did not finish in time, a failed write
        if args.json:
            args.json.write_text(json.dumps({"failed": f"{type(exc).__name__}: {exc}"}))
        raise
    if args.json:
        args.json.write_text(json.dumps(result, indent=1))
    print(summary(result))
    return 0 if not (result["errors"] or result["half_states"] or result["not_updated"]
                     or result["server_tracebacks"]) else 1


if __name__ == "__main__":
    sys.exit(main())
