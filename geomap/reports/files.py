"""Files on disk, read and written without trusting them.

Reading: only regular files are read (a FIFO, a device such as ``/dev/zero``, a socket or a
folder is refused before anything is read); the size limit is checked with ``stat`` before
reading and reading stops one byte past it; a file whose name is not valid UTF-8 is refused
with its name escaped. Folders are walked in sorted order; a sub-folder that cannot be listed
and an entry that is not a regular file are reported, never skipped silently.

Writing: an output path is checked before any work is done (its folder exists and takes a
new file; it is not a folder), then written to a temporary file beside it that replaces it only
when complete, so a full disk or a read-only location leaves nothing half-written.
"""

from __future__ import annotations

import errno
import os
import shutil
import stat
import tempfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from glob import escape as glob_escape
from pathlib import Path

from geomap.errors import InputError, OutputError

MAX_BYTES = 5 * 1024 * 1024  # a news report larger than this is not a news report
TEXT_SUFFIXES = frozenset({".txt", ".text", ".md"})


def display(path: str | os.PathLike[str]) -> str:
    """``path`` as printable text: bytes that are not valid UTF-8 are shown as ``\\xNN``."""
    raw = os.fsencode(path)
    return raw.decode("utf-8", "backslashreplace")


def _valid_name(path: str | os.PathLike[str]) -> bool:
    try:
        os.fsencode(path).decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def _kind(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a FIFO"
    if stat.S_ISCHR(mode):
        return "a character device"
    if stat.S_ISBLK(mode):
        return "a block device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not a regular file"


def _not_regular(mode: int, where: str) -> InputError:
    if stat.S_ISDIR(mode):
        return InputError("is a directory", where=where)
    return InputError(f"not a regular file ({_kind(mode)})", where=where)


def _open_error(exc: OSError, where: str) -> InputError:
    if isinstance(exc, FileNotFoundError):
        return InputError("no such file", where=where)
    if isinstance(exc, PermissionError):
        return InputError("permission denied", where=where)
    if isinstance(exc, NotADirectoryError):
        return InputError("no such file (a part of the path is not a folder)", where=where)
    return InputError(f"cannot read ({exc.strerror or exc})", where=where)


def read_bytes(path: str | os.PathLike[str], limit: int = MAX_BYTES) -> bytes:
    """The bytes of a regular file of at most ``limit`` bytes; InputError naming the file and
    the reason otherwise. Never blocks on a FIFO, never reads a device, never reads more than
    ``limit + 1`` bytes."""
    where = display(path)
    if not _valid_name(path):
        raise InputError("file name is not valid UTF-8 (rename the file)", where=where)
    try:
        # O_NONBLOCK: opening a FIFO does not wait for a writer; fstat then refuses it
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_NOCTTY | os.O_CLOEXEC)
    except OSError as exc:
        if exc.errno == errno.ENXIO:  # a socket, or a FIFO's special case
            raise InputError("not a regular file (a socket)", where=where) from None
        raise _open_error(exc, where) from None
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            raise _not_regular(st.st_mode, where)
        if st.st_size > limit:
            raise InputError(f"file too large ({st.st_size:,} bytes, limit {limit:,})", where=where)
        chunks: list[bytes] = []
        size = 0
        while size <= limit:
            chunk = os.read(fd, min(1 << 20, limit + 1 - size))
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
    except OSError as exc:
        raise InputError(f"cannot read ({exc.strerror or exc})", where=where) from None
    finally:
        os.close(fd)
    if size > limit:  # it grew while it was read
        raise InputError(f"file too large (over {limit:,} bytes)", where=where)
    return b"".join(chunks)


def check_readable(path: str | os.PathLike[str]) -> None:
    """InputError naming ``path`` unless it is an existing regular file this process can open
    for reading (checked before a command starts work on it)."""
    read_bytes_head(path, 0)


def read_bytes_head(path: str | os.PathLike[str], n: int) -> bytes:
    """The first ``n`` bytes of a regular file (of any size); InputError as :func:`read_bytes`
    otherwise."""
    where = display(path)
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_NOCTTY | os.O_CLOEXEC)
    except OSError as exc:
        if exc.errno == errno.ENXIO:
            raise InputError("not a regular file (a socket)", where=where) from None
        raise _open_error(exc, where) from None
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            raise _not_regular(st.st_mode, where)
        return os.read(fd, n) if n else b""
    except OSError as exc:
        raise InputError(f"cannot read ({exc.strerror or exc})", where=where) from None
    finally:
        os.close(fd)


@dataclass(frozen=True, slots=True)
class Skipped:
    """A path found in a folder and not read: where (printable) and why, in one line."""

    where: str
    reason: str
    folder: bool = False

    def __str__(self) -> str:
        return f"{self.where}: {self.reason}"


def report_paths(paths: Iterable[str]) -> Iterator[str | Skipped]:
    """Paths to read: files as given (:func:`read_bytes` judges them) and, for folders, their
    text files (``TEXT_SUFFIXES``) in sorted order, recursively. A sub-folder that cannot be
    listed, and an entry with a text suffix that is not a regular file, come as Skipped.
    Symbolic links to folders are not followed (no loops); links to files are read."""
    for raw in paths:
        try:
            is_dir = stat.S_ISDIR(os.stat(raw).st_mode)
        except OSError:
            is_dir = False
        if is_dir:
            yield from _walk(raw)
        else:
            yield raw


def _walk(folder: str) -> Iterator[str | Skipped]:
    try:
        with os.scandir(folder) as it:
            entries = sorted(it, key=lambda e: os.fsencode(e.name))
    except OSError as exc:
        yield Skipped(display(folder), f"cannot list folder ({exc.strerror or exc})", True)
        return
    for entry in entries:
        path = os.path.join(folder, entry.name)
        try:
            if entry.is_dir(follow_symlinks=False):
                yield from _walk(path)
                continue
        except OSError:
            pass
        if Path(entry.name).suffix.lower() not in TEXT_SUFFIXES:
            continue
        try:
            mode = os.stat(path).st_mode  # follows a link to a file
        except OSError as exc:
            yield Skipped(display(path), f"cannot read ({exc.strerror or exc})")
            continue
        if stat.S_ISREG(mode):
            yield path
        elif not stat.S_ISDIR(mode):  # a link to a folder is not followed
            yield Skipped(display(path), f"not a regular file ({_kind(mode)})")


# ------------------------------------------------------------------------------------ writing

_REASONS = {
    errno.ENOSPC: "disk full",
    errno.EDQUOT: "disk quota exceeded",
    errno.EROFS: "read-only file system",
    errno.EACCES: "permission denied",
    errno.EPERM: "permission denied",
    errno.EFBIG: "file too large for this file system",
    errno.ENOENT: "no such folder",
    errno.ENOTDIR: "a part of the path is not a folder",
    errno.EISDIR: "is a directory",
}
# SQLite's result codes for the same conditions
_SQLITE_REASONS = {13: "disk full", 8: "read-only location", 14: "cannot open the file"}


def write_error(exc: BaseException, where: str) -> OutputError:
    """The one-line error for a failed write (an OSError, a sqlite3 error, a GDAL error):
    what the system said, in words, naming ``where``."""
    if isinstance(exc, OutputError):
        return exc
    if isinstance(exc, OSError) and exc.errno in _REASONS:
        reason = _REASONS[exc.errno]
    elif getattr(exc, "sqlite_errorcode", None) is not None:
        code = int(getattr(exc, "sqlite_errorcode", 0)) & 0xFF  # the primary result code
        reason = _SQLITE_REASONS.get(code, str(exc))
    elif isinstance(exc, OSError):
        reason = exc.strerror or str(exc)
    else:
        text = str(exc)
        reason = "disk full" if "No space left on device" in text else text
    return OutputError(f"cannot write ({reason})", where=where)


class Output:
    """A file being written: it goes to a temporary file beside ``path`` (:attr:`target`) that
    replaces ``path`` on :meth:`commit`; :meth:`discard` (or leaving a ``with`` block without
    committing) removes it, leaving ``path`` as it was. Opened by :func:`open_output`, which
    checks the path before any work is done. A path that exists and is not a regular file
    (``/dev/stdout``, ``/dev/full``, a FIFO) is written directly."""

    def __init__(self, path: Path, tmp: Path | None) -> None:
        self.path = path
        self.tmp = tmp
        self.where = display(path)
        self.done = False

    @property
    def target(self) -> Path:
        """Where a writer that takes a path writes (the temporary file, or ``path`` itself
        when it is written directly)."""
        return self.tmp or self.path

    def write_bytes(self, data: bytes) -> None:
        """Write the whole content to :attr:`target`; OutputError naming ``path`` if refused."""
        try:
            with open(self.target, "wb") as out:
                out.write(data)
        except OSError as exc:
            self.discard()
            raise write_error(exc, self.where) from None

    def failed(self, exc: BaseException) -> OutputError:
        """The OutputError for a writer's failure (a GDAL error says little: a full disk is
        told by the space left), after removing what it wrote."""
        error = write_error(exc, self.where)
        if not (isinstance(exc, OSError) and exc.errno in _REASONS):
            try:
                st = os.statvfs(self.target.parent)
                if st.f_bavail * st.f_frsize < 64 * 1024:
                    error = OutputError("cannot write (disk full)", where=self.where)
            except OSError:
                pass
        self.discard()
        return error

    def commit(self) -> Path:
        """Sync what was written to :attr:`target` and move it into place; OutputError (and
        ``path`` untouched) if the disk refuses."""
        if self.tmp is not None:
            try:
                fd = os.open(self.tmp, os.O_RDONLY)
                try:
                    os.fsync(fd)
                finally:
                    os.close(fd)
                os.replace(self.tmp, self.path)
            except OSError as exc:
                self.discard()
                raise write_error(exc, self.where) from None
            self.tmp = None
        self.done = True
        return self.path

    def discard(self) -> None:
        """Remove the temporary file; ``path`` keeps what it had."""
        if self.tmp is not None:
            for leftover in (self.tmp, *self.tmp.parent.glob(glob_escape(self.tmp.name) + "-*")):
                try:  # (and what a writer left beside it, e.g. a GeoPackage's journal)
                    if leftover.is_dir() and not leftover.is_symlink():
                        shutil.rmtree(leftover, ignore_errors=True)
                    else:
                        leftover.unlink()
                except OSError:
                    pass
            self.tmp = None

    def __enter__(self) -> Output:
        return self

    def __exit__(self, kind: object, value: object, tb: object) -> None:
        if not self.done:
            self.discard()


def check_output(path: str | os.PathLike[str]) -> Path:
    """``path`` as a Path if a file can be written there: OutputError naming it otherwise (no
    such folder, a folder, a read-only or full location, no permission)."""
    open_output(path).discard()
    return Path(path)


def open_output(path: str | os.PathLike[str], suffix: str | None = None) -> Output:
    """Start writing ``path`` (see :class:`Output`): the folder must exist and take a new file,
    and ``path`` must not be a folder; OutputError naming it otherwise. The temporary file ends
    in ``suffix`` (default: ``path``'s own), for writers that go by the extension."""
    where = display(path)
    target = Path(path)
    if not _valid_name(path):
        raise OutputError("file name is not valid UTF-8", where=where)
    try:
        st = target.stat()
    except FileNotFoundError:
        st = None
    except OSError as exc:
        raise write_error(exc, where) from None
    if st is not None and stat.S_ISDIR(st.st_mode):
        raise OutputError("is a directory; give a file name", where=where)
    if st is not None and not stat.S_ISREG(st.st_mode):
        return Output(target, None)  # /dev/stdout, /dev/full, a FIFO: written as they are
    folder = target.parent
    if not folder.is_dir():
        raise OutputError(f"cannot write (no such folder {display(folder)})", where=where)
    ending = target.suffix if suffix is None else suffix
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part" + ending, dir=folder)
    except OSError as exc:
        raise write_error(exc, where) from None
    # the mode a new file gets (mkstemp's is 0600), or the one the replaced file had
    mode = stat.S_IMODE(st.st_mode) if st is not None else 0o666 & ~_umask()
    try:
        os.fchmod(fd, mode)
    finally:
        os.close(fd)
    return Output(target, Path(tmp))


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask
