"""Load: many browser sessions on one real Streamlit server while an import and an undo publish
new snapshots. Run in a process of its own (it uses Playwright's async API and ``asyncio.run``):

    python -m dashboard.bench.load --db FILE --dataset survey --files A.csv B.csv [--sessions 25] [--json OUT]

It starts ``streamlit run`` on a free loopback port over ``--db`` (the file is written: give it a
copy), opens one Chromium (/usr/bin/chromium) with one context per session, and:

1. opens the sessions, five at a time, each on one of ``PAGES`` (different pages and filters);
2. while every session keeps rerunning its page (a reload: the session's next run), runs
   ``python -m dashboard import DATASET FILES --db FILE`` (the files land as batches in one
   transaction) and then ``python -m dashboard undo <last batch>``;
3. after each write, opens every page in a fresh session (the reference for the new state) and
   reruns every session once more.

It prints (and writes with ``--json``) the figures and what it saw: page errors ("Sorry,
something went wrong" or an exception box), pages that matched no whole state (half an import),
sessions that did not show the new figures at their next rerun, and p50/p95 page time (from the
request until the app has run its script and is idle). Bounded: ``--sessions`` contexts, loopback
only, each page wait at most ``--page-timeout`` seconds and the whole run ``--deadline``.
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
from dashboard.bench.pages import _DONE, _WATCH_SCRIPT, CHROMIUM, CHROMIUM_ARGS, SORRY, Server, app_script

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


class Session:
    """One browser context on one page; every page time and every text it showed."""

    def __init__(self, number: int, context, url: str, page_timeout: float):
        self.number, self.context, self.url = number, context, url
        self.page = None
        self.timeout_ms = page_timeout * 1000
        self.seen: list[str] = []
        self.times: list[float] = []
        self.errors: list[str] = []

    async def _settle(self, started: float) -> str:
        await self.page.wait_for_function(_DONE, polling=100, timeout=self.timeout_ms)
        seconds = time.perf_counter() - started
        text = _text(await self.page.inner_text(MAIN))
        if SORRY in text or await self.page.locator(EXCEPTION).count():
            self.errors.append(f"session {self.number} ({self.url}): {text[:300]}")
        self.times.append(seconds)
        self.seen.append(text)
        return text

    async def open(self, base: str) -> str:
        self.page = await self.context.new_page()
        started = time.perf_counter()
        await self.page.goto(f"{base}/{self.url}", wait_until="commit", timeout=self.timeout_ms)
        return await self._settle(started)

    async def rerun(self) -> str:
        """The session's next run: the browser reloads its page, as a board member would (F5)."""
        started = time.perf_counter()
        await self.page.reload(wait_until="commit", timeout=self.timeout_ms)
        return await self._settle(started)


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
              "seconds": round(time.perf_counter() - started, 3)}
    found = PUBLISHED.search(result["stderr"])
    if found:
        result["publish"] = dict(zip(["total", "copy", "write", "verify_and_swap", "swap_ms", "lock_held"],
                                     map(float, found.groups())))
    return result


async def _write_while_rerunning(sessions, args, env, timeout) -> dict:
    """Run a write while every session keeps rerunning; a little load stays on after it."""
    done = asyncio.Event()

    async def keep_rerunning(session):
        while not done.is_set():
            await session.rerun()
            await asyncio.sleep(THINK_SECONDS)

    reruns = [asyncio.create_task(keep_rerunning(s)) for s in sessions]
    try:
        await asyncio.sleep(1.0)
        _progress(f"{args[0]} started while the sessions rerun", sessions)
        result = await _command(*args, env=env, timeout=timeout)
        _progress(f"{args[0]} finished (exit {result['code']}, {result['seconds']:.1f} s)", sessions)
        await asyncio.sleep(1.0)
    finally:
        done.set()
    await asyncio.gather(*reruns)
    return result


async def _fresh(browser, base: str, page_timeout: float) -> dict[str, str]:
    """What a new session sees now, per page: the reference for the new state."""
    context = await browser.new_context(viewport={"width": 1400, "height": 1000})
    await context.add_init_script(_WATCH_SCRIPT)
    try:
        refs = [Session(-1 - i, context, url, page_timeout) for i, url in enumerate(PAGES)]
        texts = await asyncio.gather(*(r.open(base) for r in refs))
        errors = [e for r in refs for e in r.errors]
        if errors:
            raise RuntimeError(f"a fresh session showed an error: {errors[0]}")
        return dict(zip(PAGES, texts))
    finally:
        await context.close()


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
                await context.add_init_script(_WATCH_SCRIPT)
                sessions.append(Session(n, context, PAGES[n % len(PAGES)], page_timeout))
            started = time.perf_counter()
            before = []
            for wave in range(0, sessions_count, 5):  # they arrive five at a time, then all stay busy together
                before += await asyncio.gather(*(s.open(base) for s in sessions[wave:wave + 5]))
                _progress(f"opened {min(wave + 5, sessions_count)} sessions", sessions)
            first_load = time.perf_counter() - started
            before_by_url = {}
            for s, text in zip(sessions, before):
                before_by_url.setdefault(s.url, text)

            imported = await _write_while_rerunning(
                sessions, ["import", dataset, *map(str, files), "--db", str(db)], env, command_timeout)
            if imported["code"] != 0:
                raise RuntimeError(f"the import failed (exit {imported['code']}): {imported['stderr'][-2000:]}")
            batches = [int(b) for b in re.search(r"batch(?:es)? ([\d, ]+) into", imported["stdout"]).group(1).split(", ")]
            after_import = await _fresh(browser, base, page_timeout)
            _progress("fresh sessions read the imported figures", sessions)
            at_next_rerun = await asyncio.gather(*(s.rerun() for s in sessions))
            _progress("every session reran once after the import", sessions)

            undone = await _write_while_rerunning(sessions, ["undo", str(batches[-1]), "--db", str(db)], env,
                                                  command_timeout)
            if undone["code"] != 0:
                raise RuntimeError(f"the undo failed (exit {undone['code']}): {undone['stderr'][-2000:]}")
            after_undo = await _fresh(browser, base, page_timeout)
            after_undo_rerun = await asyncio.gather(*(s.rerun() for s in sessions))
            _progress("every session reran once after the undo", sessions)
        finally:
            await browser.close()

    not_updated, half, errors = [], [], []
    for s, text in zip(sessions, at_next_rerun):
        if text != after_import[s.url]:
            not_updated.append({"session": s.number, "url": s.url, "after": "import", "shown": text[:400]})
    for s, text in zip(sessions, after_undo_rerun):
        if text != after_undo[s.url]:
            not_updated.append({"session": s.number, "url": s.url, "after": "undo", "shown": text[:400]})
    for s in sessions:
        states = {before_by_url[s.url], after_import[s.url], after_undo[s.url]}
        half += [{"session": s.number, "url": s.url, "shown": text[:600]} for text in s.seen if text not in states]
        errors += s.errors
    times = sorted(t for s in sessions for t in s.times)
    changed = {url: {"by_import": after_import[url] != before_by_url[url],
                     "by_undo": after_undo[url] != after_import[url]} for url in PAGES}
    return {
        "sessions": sessions_count,
        "pages": PAGES,
        "page_runs": len(times),
        "reruns_during_writes": sum(len(s.seen) for s in sessions) - 3 * sessions_count,
        "page_seconds": {"p50": round(statistics.median(times), 3),
                         "p95": round(times[int(round(0.95 * (len(times) - 1)))], 3),
                         "max": round(times[-1], 3)},
        "first_load_seconds": round(first_load, 3),
        "import": {k: imported[k] for k in ("seconds", "publish") if k in imported} | {"batches": batches},
        "undo": {k: undone[k] for k in ("seconds", "publish") if k in undone},
        "changed": changed,
        "errors": errors,
        "half_states": half,
        "not_updated": not_updated,
        "sessions_updated_after_import": sessions_count - sum(1 for n in not_updated if n["after"] == "import"),
        "sessions_updated_after_undo": sessions_count - sum(1 for n in not_updated if n["after"] == "undo"),
    }


def run(db: Path, dataset: str, files: list[Path], sessions: int = 25, page_timeout: float = 120.0,
        command_timeout: float = 300.0, deadline: float = 600.0, log_dir: Path | None = None) -> dict:
    """Start a server over ``db``, run the scenario (at most ``deadline`` seconds), stop the server."""
    log_dir = log_dir or Path(tempfile.mkdtemp(prefix="good-lives-load-"))
    log = log_dir / "load-streamlit.log"
    started = time.perf_counter()
    server = Server(app_script(), str(db), log)
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
