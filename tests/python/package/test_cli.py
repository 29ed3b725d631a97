"""The command line: ``quotelens quotes`` and ``quotelens report``."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from quotelens.cli import main

ROOT = Path(__file__).resolve().parents[3]
SEEDS = ROOT / "seeds"


def test_quotes_json(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["quotes", str(SEEDS), "--format", "json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert {"article", "kind", "speaker", "cue", "side", "text"} <= set(rows[0])
    assert any(r["speaker"] == "Daniel Kritenbrink" for r in rows)


def test_quotes_table_and_csv(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["quotes", str(SEEDS / "003_bbba42a2f2c02afc.txt")]) == 0
    assert "Daniel Kritenbrink" in capsys.readouterr().out
    assert main(["quotes", str(SEEDS), "--format", "csv"]) == 0
    import csv
    import io

    import quotelens

    header = next(csv.reader(io.StringIO(capsys.readouterr().out)))
    # The CSV carries the columns of Corpus.quotes(), in its order.
    columns = list(quotelens.Corpus.from_dir(SEEDS, progress=False).quotes().columns)
    assert header == columns


def test_version_and_a_closed_pipe(tmp_path: Path) -> None:
    exe = Path(sys.executable).with_name("quotelens")
    r = subprocess.run([str(exe), "--version"], capture_output=True, text=True, timeout=60)
    assert r.returncode == 0 and r.stdout.startswith("quotelens ")
    # `quotelens quotes DIR --format csv | head -1`: the reader goes away after one line,
    # long before the output (far more than a pipe's buffer) is written.
    for i in range(40):
        for f in SEEDS.glob("*.txt"):
            (tmp_path / f"{i:02d}_{f.name}").write_text(f.read_text(encoding="utf-8"),
                                                       encoding="utf-8")
    p = subprocess.Popen([str(exe), "quotes", str(tmp_path), "--format", "csv"],
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert p.stdout is not None and p.stdout.readline().startswith(b"article,")
    p.stdout.close()
    _, err = p.communicate(timeout=120)
    assert p.returncode == 0, err
    assert b"Traceback" not in err and b"BrokenPipe" not in err


def test_report_command_writes_one_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "report.html"
    assert main(["report", str(SEEDS), "-o", str(out), "--no-progress"]) == 0
    printed = capsys.readouterr().out
    assert str(out.resolve()) in printed and "5 articles" in printed
    assert out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


def test_report_names_bad_files_and_paths(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "good.txt").write_text("“No,” U.S. Defense Secretary Lloyd Austin said.",
                                       encoding="utf-8")
    (tmp_path / "bad.txt").write_bytes(b"\xff\xfe\x81")
    assert main(["report", str(tmp_path), "-o", str(tmp_path / "r.html")]) == 0
    assert "bad.txt" in capsys.readouterr().err
    with pytest.raises(SystemExit, match="does not exist"):
        main(["report", str(tmp_path / "nowhere"), "-o", str(tmp_path / "r.html")])


def test_console_script_runs() -> None:
    exe = Path(sys.executable).with_name("quotelens")
    r = subprocess.run([str(exe), "report", str(SEEDS), "-o", "/dev/null", "--no-progress"],
                       capture_output=True, text=True, timeout=120)
    assert r.returncode == 0, r.stderr
    assert "report written to" in r.stdout
