"""The files in deploy/ are what production runs: their own programs must accept them."""

import os
import shutil
import subprocess
from pathlib import Path

import pytest

DEPLOY = Path(__file__).resolve().parent.parent.parent / "deploy"


def program(name):
    found = shutil.which(name) or next(
        (str(path) for path in (Path("/usr/sbin") / name,) if path.exists()), None
    )
    if found is None:
        if os.environ.get("CI"):
            pytest.fail(f"{name} is not installed: CI checks the deploy files for real")
        pytest.skip(f"{name} is not installed")
    return found


def test_varnish_compiles_the_portal_vcl(tmp_path):
    result = subprocess.run(
        [program("varnishd"), "-C", "-f", str(DEPLOY / "varnish" / "portal.vcl")],
        cwd=tmp_path,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr


def test_every_systemd_unit_names_its_program_and_environment():
    units = sorted((DEPLOY / "systemd").glob("portal-*"))
    assert {unit.name for unit in units} >= {
        "portal-gunicorn@.service",
        "portal-worker.service",
        "portal-publish.service",
        "portal-publish.timer",
        "portal-check-links.service",
        "portal-check-links.timer",
    }
    for unit in units:
        text = unit.read_text()
        if unit.suffix == ".service":
            assert "EnvironmentFile=/etc/portal/portal.env" in text, unit.name
            assert "ExecStart=/srv/portal/.venv/bin/" in text, unit.name
        else:
            assert "OnCalendar=" in text, unit.name
