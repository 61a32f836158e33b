"""Without Chromium the suite still passes, and says once how to enable the browser tests."""

import os
import re
import subprocess
import sys
from pathlib import Path

from tests.browser.conftest import HOW_TO_ENABLE

PROJECT = Path(__file__).resolve().parents[2]
SKIPPED_WITHOUT_CHROMIUM = [
    "tests/browser/test_accessibility_gate.py",
    "tests/browser/test_portal_pages.py::test_keyboard_reader_skips_straight_to_the_content",
]


def test_developer_without_chromium_gets_a_passing_run_and_one_plain_hint(tmp_path):
    environment = {
        name: value
        for name, value in os.environ.items()
        # SQLite in memory: the inner run must never touch the outer run's test databases.
        if name not in {"DATABASE_URL", "REDIS_URL", "CACHE_KEY_PREFIX", "PYTEST_ADDOPTS"}
    }
    environment["PLAYWRIGHT_CHROMIUM_PATH"] = str(tmp_path / "no-chromium-here")
    command = [sys.executable, "-m", "pytest", "-p", "no:cacheprovider", *SKIPPED_WITHOUT_CHROMIUM]
    run = subprocess.run(
        command,
        cwd=PROJECT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=300,
    )
    output = run.stdout + run.stderr
    assert run.returncode == 0, output
    assert output.count(HOW_TO_ENABLE) == 1, output
    hint = re.search(rf"^(\d+) {re.escape(HOW_TO_ENABLE)}$", output, re.MULTILINE)
    assert hint, output
    assert re.search(rf"= {hint[1]} skipped in ", output), output
    assert int(hint[1]) > len(SKIPPED_WITHOUT_CHROMIUM)
    assert "passed" not in output and "error" not in output.lower()
