"""Installing like a user: the wheel (abi3, built by maturin) runs without a Rust toolchain,
and the sdist carries what a build from source needs."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tarfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]
MATURIN = shutil.which("maturin", path=str(Path(sys.executable).parent))

pytestmark = pytest.mark.skipif(MATURIN is None, reason="maturin is not installed")


def test_wheel_runs_the_cli_without_rust(tmp_path: Path) -> None:
    assert MATURIN is not None
    dist = tmp_path / "dist"
    subprocess.run([MATURIN, "build", "--release", "--quiet", "-o", str(dist)], cwd=ROOT,
                   check=True, timeout=1800, capture_output=True)
    wheel = next(dist.glob("quotelens-*-abi3-*.whl"))
    site = tmp_path / "site"
    subprocess.run([sys.executable, "-m", "pip", "install", "--quiet", "--no-deps",
                    "--target", str(site), str(wheel)], check=True, timeout=600)
    # Only the wheel's quotelens, the venv's numpy/pandas, and no cargo or rustc on PATH.
    path = os.pathsep.join(p for p in ("/usr/bin", "/bin") if Path(p).is_dir())
    assert shutil.which("cargo", path=path) is None and shutil.which("rustc", path=path) is None
    env = {"PATH": path, "PYTHONPATH": str(site), "HOME": str(tmp_path), "LANG": "C.UTF-8"}
    code = ("import quotelens, sys; assert quotelens.__file__.startswith(sys.argv[1]), "
            "quotelens.__file__; from quotelens.cli import main; "
            "raise SystemExit(main(['quotes', sys.argv[2], '--format', 'csv']))")
    r = subprocess.run([sys.executable, "-c", code, str(site), str(ROOT / "seeds")], env=env,
                       capture_output=True, text=True, timeout=300)
    assert r.returncode == 0, r.stderr
    assert r.stdout.startswith("article,") and "Kritenbrink" in r.stdout


def test_sdist_has_the_sources(tmp_path: Path) -> None:
    assert MATURIN is not None
    subprocess.run([MATURIN, "sdist", "-o", str(tmp_path)], cwd=ROOT, check=True,
                   timeout=600, capture_output=True)
    sdist = next(tmp_path.glob("quotelens-*.tar.gz"))
    with tarfile.open(sdist) as t:
        names = {n.split("/", 1)[1] for n in t.getnames() if "/" in n}
    assert {"Cargo.toml", "Cargo.lock", "pyproject.toml", "src/lib.rs",
            "python/quotelens/__init__.py", "src/lexicon/verbs.tsv"} <= names
