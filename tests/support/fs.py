"""Real file-system conditions for tests, as root (CI) or not: a full disk, a read-only
location, a folder nobody may read.

- A full disk or a read-only location is a real tmpfs of a few KB, mounted in a private mount
  namespace (``unshare``: as root, or as a user mapped to root in a user namespace), so nothing
  is mounted outside the command and nothing is left behind.
- Root ignores permission bits; :func:`without_override` runs a command as the same user but
  without the capabilities that let root ignore them (``setpriv``), so ``chmod 000`` holds.
"""

from __future__ import annotations

import os
import shlex
import subprocess
from collections.abc import Sequence
from pathlib import Path


def without_override() -> list[str]:
    """A command prefix under which permission bits apply (as root: root without
    CAP_DAC_OVERRIDE and CAP_DAC_READ_SEARCH; otherwise nothing)."""
    if os.geteuid() != 0:
        return []
    return ["setpriv", "--bounding-set=-dac_override,-dac_read_search", "--"]


def assert_unreadable(folder: Path) -> None:
    """Fail unless ``folder`` cannot be listed under :func:`without_override` (the condition
    a test relies on)."""
    probe = subprocess.run(
        [*without_override(), "ls", str(folder)], capture_output=True, text=True, timeout=30
    )
    assert probe.returncode != 0, f"{folder} is still readable: cannot test an unreadable folder"


def run_on_tmpfs(
    mount: Path,
    script: str,
    *,
    size_kb: int,
    env: dict[str, str],
    read_only: bool = False,
    setup: str = "",
    timeout: float = 600,
) -> subprocess.CompletedProcess[str]:
    """Run the shell ``script`` with a fresh tmpfs of ``size_kb`` KB mounted at ``mount`` (an
    existing empty folder), in a private mount namespace: ``setup`` runs first, then the
    tmpfs is made read-only if asked. Whatever the script leaves on the tmpfs is gone after;
    copy out what the test must inspect."""
    mount.mkdir(parents=True, exist_ok=True)
    body = (
        f"set -e; mount -t tmpfs -o size={size_kb}k tmpfs {shlex.quote(str(mount))}; "
        f"{setup}\n"
        + (f"mount -o remount,ro {shlex.quote(str(mount))}\n" if read_only else "")
        + "set +e\n"
        + script
    )
    unshare: Sequence[str] = ["unshare", "--mount", "--propagation", "private"]
    if os.geteuid() != 0:
        unshare = ["unshare", "--map-root-user", "--mount", "--propagation", "private"]
    out = subprocess.run(
        [*unshare, "sh", "-c", body], capture_output=True, text=True, env=env, timeout=timeout
    )
    assert "mount:" not in out.stderr and "unshare:" not in out.stderr, (
        "this test needs a private tmpfs (unshare --mount and mount -t tmpfs, as root or in a"
        f" user namespace): {out.stderr}"
    )
    return out
