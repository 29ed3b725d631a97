"""The example notebook runs top to bottom in a fresh kernel, so it can never rot."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]
NOTEBOOK = ROOT / "examples" / "asian_nato.ipynb"


def test_example_notebook_executes() -> None:
    nbformat = pytest.importorskip("nbformat")
    nbclient = pytest.importorskip("nbclient")
    from jupyter_client.kernelspec import KernelSpecManager

    nb = nbformat.read(NOTEBOOK, as_version=4)
    # Run on this interpreter's kernel (ipykernel in the venv), not whatever is installed globally.
    ksm = KernelSpecManager()
    ksm.kernel_dirs = []
    client = nbclient.NotebookClient(
        nb, timeout=120, kernel_name="python3", resources={"metadata": {"path": str(ROOT)}},
        kernel_manager_class="jupyter_client.manager.KernelManager",
    )
    client.km = client.kernel_manager_class(kernel_name="python3", kernel_spec_manager=ksm)
    client.km.kernel_cmd = [sys.executable, "-m", "ipykernel_launcher", "-f",
                            "{connection_file}"]
    client.execute()
    outputs = [o for c in nb.cells if c.cell_type == "code" for o in c.get("outputs", [])]
    assert not [o for o in outputs if o.output_type == "error"]
    text = "".join(str(o.get("data", {}).get("text/plain", "")) + str(o.get("text", ""))
                   for o in outputs)
    assert "<Corpus: 5 articles" in text and "Shigeru Ishiba" in text
    assert "shigeru-ishiba" in text  # the corpus-wide speakers
    assert "harbor-herald" in text and "capitol-wire" in text  # the outlet comparison
    html = "".join(str(o.get("data", {}).get("text/html", "")) for o in outputs)
    assert 'class="ql-quote"' in html  # the highlighted article
    assert any("image/png" in o.get("data", {}) for o in outputs)  # the heatmap
