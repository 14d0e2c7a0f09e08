"""Running the app's code snippets as a user would: each one as __main__ in a fresh interpreter.

All of a test module's snippets share one interpreter, run one after the other, so torch is imported once.
"""

from pathlib import Path
import subprocess
import sys
import textwrap

MARK = "=====SNIPPET====="
_ERROR_LINES = {
    "first_line": 'print("RAISED:", str(exc).strip().splitlines()[0])',  # torch's message, first line
    "last_traceback_line": 'print(f"{type(exc).__name__}: {exc}")',  # what a traceback's last line says
}


def run_snippets(folder: Path, scripts: dict, error_line: str = "first_line") -> dict:
    """What each script prints, by the same keys; a script that raises prints one line about it instead."""
    driver = textwrap.dedent(
        f"""
        import runpy, sys, warnings
        warnings.simplefilter("ignore")
        for path in sys.argv[1:]:
            print({MARK!r}, path, flush=True)
            try:
                runpy.run_path(path, run_name="__main__")
            except Exception as exc:
                {_ERROR_LINES[error_line]}
            sys.stdout.flush()
        """
    )
    paths = []
    for i, code in enumerate(scripts.values()):
        path = Path(folder) / f"snippet_{i}.py"
        path.write_text(code, encoding="utf-8")
        paths.append(str(path))
    done = subprocess.run([sys.executable, "-c", driver, *paths], capture_output=True, text=True, timeout=300, cwd=folder)
    assert done.returncode == 0, done.stderr
    chunks = done.stdout.split(MARK + " ")[1:]
    assert len(chunks) == len(scripts), done.stdout
    return {name: chunk.partition("\n")[2] for name, chunk in zip(scripts, chunks)}
