"""Every page timed two ways: its server-side run (Streamlit AppTest) and its time to rendered in
Chromium, against an empty Streamlit page served the same way.

Server side, in a fresh process: a first run builds what every page shares (the figures for the
data version); then for each page its first run (``cold``: that page's own caches empty) and the
median of ``repeat`` reruns (``warm``).

In Chromium (/usr/bin/chromium through Playwright) against a real ``streamlit run`` server: each
page's first visit, then the median of ``repeat`` visits, each a fresh load of the URL, timed
from the request until the app has run its script and is idle again
(``[data-testid="stApp"][data-test-script-state="notRunning"]`` after it was seen ``running``).
The empty page is a script that only imports streamlit, on its own server.
"""

from __future__ import annotations

import os
import statistics
import tempfile
import time
from pathlib import Path

from dashboard import config
from dashboard.bench.server import StreamlitServer

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
READY = '[data-testid="stApp"][data-test-script-state="notRunning"]'
SORRY = "Sorry, something went wrong"

#: notes whether the app's script was seen running since the page loaded (a page that has not
#: started its script yet is "notRunning" too)
_WATCH_SCRIPT = """
window.__benchRan = false;
new MutationObserver((records) => {
  for (const r of records) {
    const now = r.target.getAttribute && r.target.getAttribute('data-test-script-state');
    if (now === 'running' || r.oldValue === 'running') window.__benchRan = true;
  }
}).observe(document, {subtree: true, attributes: true, attributeOldValue: true,
                      attributeFilter: ['data-test-script-state']});
"""
_DONE = f"window.__benchRan && document.querySelector('{READY}') !== null"


def page_list(only: list[str] | None = None) -> list[dict]:
    """The app's pages (url path and title), optionally only some of them."""
    from dashboard.app.ui import page_specs

    specs = [{"url": s["url"], "title": s["title"], "file": Path(s["path"]).name} for s in page_specs()]
    if only:
        unknown = set(only) - {s["url"] for s in specs}
        if unknown:
            raise ValueError(f"unknown page(s) {', '.join(sorted(unknown))}: choose from "
                             + ", ".join(s["url"] for s in specs))
        specs = [s for s in specs if s["url"] in only]
    return specs


# ------------------------------------------------------------------ server side (AppTest)


def _sorry(at) -> bool:
    return any(SORRY in str(e.value) for e in at.error) or bool(at.exception)


def server_runs(db: str, pages: list[dict], repeat: int) -> dict:
    """Run in its own process: AppTest timings of every page, cold and warm."""
    import resource

    os.environ["DASHBOARD_DB"] = db
    from streamlit.testing.v1 import AppTest

    app = str(config.PROJECT_ROOT / "streamlit_app.py")

    def open_page(file: str):
        at = AppTest.from_file(app, default_timeout=900)
        at.switch_page(f"pages/{file}")
        return at

    at = open_page(pages[0]["file"])
    t = time.perf_counter()
    at.run()
    first = time.perf_counter() - t
    results = []
    for page in pages:
        at = open_page(page["file"])
        t = time.perf_counter()
        at.run()
        cold = time.perf_counter() - t
        ok = not _sorry(at)
        warm = []
        for _ in range(repeat):
            t = time.perf_counter()
            at.run()
            warm.append(time.perf_counter() - t)
            ok = ok and not _sorry(at)
        results.append({"url": page["url"], "cold": round(cold, 3), "warm": round(statistics.median(warm), 3),
                        "ok": ok})
    return {"first_run_seconds": round(first, 3), "pages": results,
            "peak_memory_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)}


# ------------------------------------------------------------------ Chromium


def _visit(browser, url: str, timeout_s: float) -> tuple[float, bool]:
    """Seconds from asking for ``url`` until its script has run and the app is idle; and whether
    the page showed no error."""
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    try:
        page = context.new_page()
        page.add_init_script(_WATCH_SCRIPT)
        t = time.perf_counter()
        page.goto(url, wait_until="commit")
        page.wait_for_function(_DONE, polling="raf", timeout=timeout_s * 1000)
        seconds = time.perf_counter() - t
        ok = page.get_by_text(SORRY).count() == 0
        return seconds, ok
    finally:
        context.close()


def browser_runs(servers: dict[str, tuple[Path, str | None]], pages_by_server: dict[str, list[dict]],
                 repeat: int, log_dir: Path, timeout_s: float = 600) -> dict:
    """Time pages in Chromium, one server at a time. ``servers``: name -> (script, database)."""
    from playwright.sync_api import sync_playwright

    if not Path(CHROMIUM).exists():
        raise FileNotFoundError(f"{CHROMIUM} is missing: install Debian's chromium to time pages in a browser")
    out = {}
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            for name, (script, db) in servers.items():
                server = StreamlitServer(db, log_dir / f"bench-streamlit-{name}.log", script=script)
                try:
                    first, _ = _visit(browser, server.url + "/", timeout_s)  # the server's first visitor
                    rows = []
                    for page in pages_by_server[name]:
                        url = f"{server.url}/{page['url']}" if page["url"] else server.url + "/"
                        cold, ok = _visit(browser, url, timeout_s)
                        warm = []
                        for _ in range(repeat):
                            seconds, fine = _visit(browser, url, timeout_s)
                            warm.append(seconds)
                            ok = ok and fine
                        rows.append({"url": page["url"], "cold": round(cold, 3),
                                     "warm": round(statistics.median(warm), 3), "ok": ok})
                    out[name] = {"first_visit_seconds": round(first, 3), "pages": rows,
                                 "server_peak_memory_mb": server.peak_memory_mb()}
                finally:
                    server.stop()
        finally:
            browser.close()
    return out


def empty_app(folder: Path) -> Path:
    """An empty Streamlit page: the floor every page is measured against."""
    path = folder / "empty_page.py"
    path.write_text("import streamlit as st  # noqa: F401  (an empty page: the floor)\n")
    return path


def app_script() -> Path:
    return config.PROJECT_ROOT / "streamlit_app.py"


def temp_dir() -> Path:
    return Path(tempfile.mkdtemp(prefix="good-lives-bench-"))
