"""The core never imports streamlit: it is plain Python that the tests and any other front end can use."""

import json
from pathlib import Path
import re
import subprocess
import sys
import textwrap

ROOT = Path(__file__).resolve().parent.parent
CORE = ROOT / "core"
STREAMLIT_IMPORT = re.compile(
    r"^[ \t]*(?:from[ \t]+streamlit\b|import[ \t]+(?:[\w.]+(?:[ \t]+as[ \t]+\w+)?[ \t]*,[ \t]*)*streamlit\b)"
    r"|import_module\([\"']streamlit|__import__\([\"']streamlit",
    re.MULTILINE,
)


def test_pattern_catches_the_usual_spellings():
    """The scan's pattern matches every way of writing the import, and not a mention in words."""
    for line in ("import streamlit as st", "from streamlit import session_state", "  import streamlit",
                 "import os, streamlit", "from streamlit.runtime import x", "importlib.import_module('streamlit')"):
        assert STREAMLIT_IMPORT.search(line), line
    for line in ("# never streamlit", "import streamlit_extras_like", '"""pure core: never imports streamlit"""'):
        assert not STREAMLIT_IMPORT.search(line), line


def test_no_core_source_imports_streamlit():
    """No file under core/ has an import of streamlit in its text."""
    files = sorted(CORE.rglob("*.py"))
    assert len(files) >= 15  # the scan really looked at the core
    offenders = [str(f.relative_to(ROOT)) for f in files if STREAMLIT_IMPORT.search(f.read_text(encoding="utf-8"))]
    assert offenders == []


def test_importing_every_core_module_does_not_load_streamlit():
    """In a fresh interpreter, importing every module under core/ leaves streamlit out of sys.modules."""
    script = textwrap.dedent(
        """
        import importlib, json, pkgutil, sys
        import core
        names = sorted(m.name for m in pkgutil.walk_packages(core.__path__, "core."))
        for name in names:
            importlib.import_module(name)
        loaded = sorted(m for m in sys.modules if m == "streamlit" or m.startswith("streamlit."))
        print(json.dumps({"imported": names, "streamlit": loaded}))
        """
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, cwd=ROOT, timeout=300)
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout.strip().splitlines()[-1])
    assert {"core.grid", "core.figures", "core.url_state", "core.ops.catalog", "core.codegen"} <= set(
        report["imported"]
    )
    assert report["streamlit"] == []


def test_the_subprocess_check_would_see_streamlit():
    """Sanity check of the method: importing streamlit itself does show up in sys.modules."""
    script = "import sys, streamlit; print('streamlit' in sys.modules)"
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, cwd=ROOT, timeout=300)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip().splitlines()[-1] == "True"
