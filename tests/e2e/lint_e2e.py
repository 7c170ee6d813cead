"""What the end-to-end tests share: the binary under test and a way to run it."""
import os
import subprocess
from pathlib import Path

LINT = os.environ.get("LINT_BIN") or str(Path(__file__).resolve().parents[2] / "build" / "lint")


def run(*args, cwd=None, input=None, env=None, timeout=60, **popen):
    """Runs lint with `args`, capturing its output; colour settings of the caller's environment
    are dropped, `env` is added. Other keywords go to subprocess.run."""
    full_env = dict(os.environ)
    full_env.pop("NO_COLOR", None)
    full_env.pop("FORCE_COLOR", None)
    full_env.update(env or {})
    return subprocess.run([LINT, *args], cwd=cwd, input=input, capture_output=True, env=full_env, timeout=timeout,
                          **popen)
