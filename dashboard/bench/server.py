"""A Streamlit server on a free loopback port, for the benchmark's page timings and the browser
tests (tests/browser/conftest.py builds its ``Server`` on this one)."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from dashboard import config


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class StreamlitServer:
    """``streamlit run`` (streamlit_app.py by default) on a free loopback port, its output in
    ``log``; waits until healthy (or fails naming the log); stopped by ``stop``."""

    def __init__(self, db: str | Path | None, log: Path, *, port: int | None = None, extra_env: dict | None = None,
                 extra_args: tuple | list = (), python: str = sys.executable, script: Path | None = None,
                 start_timeout: float = 120):
        self.port = port or free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.log = log
        env = {**os.environ, **({"DASHBOARD_DB": str(db)} if db else {}), **(extra_env or {})}
        script = script or config.PROJECT_ROOT / "streamlit_app.py"
        self.proc = subprocess.Popen(
            [python, "-m", "streamlit", "run", str(script), "--server.port", str(self.port),
             "--server.address", "127.0.0.1", "--server.headless", "true", "--browser.gatherUsageStats", "false",
             *extra_args],
            cwd=config.PROJECT_ROOT, env=env, stdout=open(log, "w"), stderr=subprocess.STDOUT,
        )
        deadline = time.time() + start_timeout
        while time.time() < deadline:
            try:
                with urllib.request.urlopen(f"{self.url}/_stcore/health", timeout=2) as response:
                    if response.status == 200:
                        return
            except OSError:
                if self.proc.poll() is not None:
                    break
                time.sleep(0.3)
        self.stop()
        raise RuntimeError(f"Streamlit did not start; see {log}")

    def peak_memory_mb(self) -> float | None:
        try:
            for line in Path(f"/proc/{self.proc.pid}/status").read_text().splitlines():
                if line.startswith("VmHWM:"):
                    return round(int(line.split()[1]) / 1024)
        except OSError:
            return None
        return None

    def stop(self) -> None:
        self.proc.terminate()
        try:
            self.proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
