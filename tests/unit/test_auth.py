"""Named users with bcrypt hashes; the CLI prints a hash, never the password."""

import subprocess
import sys

from dashboard.app import auth
from tests.conftest import ROOT


def test_hash_and_check():
    hashed = auth.hash_password("correct horse battery")
    assert hashed.startswith("$2b$") and "correct" not in hashed
    assert auth.check_password("correct horse battery", hashed)
    assert not auth.check_password("wrong", hashed)
    assert not auth.check_password("anything", "not a hash")


def test_cli_prints_a_secrets_entry():
    result = subprocess.run(
        [sys.executable, "-m", "dashboard", "user", "hash", "asha", "--role", "editor", "--area", "E08000035"],
        input="a long enough password\n", capture_output=True, text=True, cwd=ROOT,
    )
    assert result.returncode == 0, result.stderr
    assert "[dashboard.users.asha]" in result.stdout and 'role = "editor"' in result.stdout
    assert 'areas = ["E08000035"]' in result.stdout
    assert "a long enough password" not in result.stdout
    hashed = result.stdout.split('password_hash = "')[1].split('"')[0]
    assert auth.check_password("a long enough password", hashed)


def test_cli_refuses_a_short_password():
    result = subprocess.run(
        [sys.executable, "-m", "dashboard", "user", "hash", "asha", "--area", "E08000035"], input="short\n",
        capture_output=True, text=True, cwd=ROOT,
    )
    assert result.returncode == 2 and "at least 10" in result.stderr
