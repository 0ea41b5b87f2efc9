"""Screenshot pages of a running dashboard with Chromium, for people to look at.

    python tools/screenshot.py http://localhost:8501 overview "compare?indicator=choice" --out shots/ --size 1280x900
"""

import argparse
from pathlib import Path

from playwright.sync_api import sync_playwright

parser = argparse.ArgumentParser()
parser.add_argument("base")
parser.add_argument("paths", nargs="+")
parser.add_argument("--out", default="shots")
parser.add_argument("--size", default="1280x900")
args = parser.parse_args()
width, height = (int(v) for v in args.size.split("x"))
out = Path(args.out)
out.mkdir(parents=True, exist_ok=True)
with sync_playwright() as p:
    browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"])
    page = browser.new_page(viewport={"width": width, "height": height})
    for path in args.paths:
        page.goto(f"{args.base.rstrip('/')}/{path}")
        page.wait_for_selector('[data-testid="stApp"][data-test-script-state="notRunning"]', timeout=60000)
        page.wait_for_timeout(1500)
        name = path.replace("?", "_").replace("&", "_").replace("=", "-").replace("/", "_") or "root"
        page.screenshot(path=str(out / f"{name}_{args.size}.png"), full_page=True)
        print("saved", out / f"{name}_{args.size}.png")
    browser.close()
