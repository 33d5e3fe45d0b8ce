"""A throwaway PostgreSQL + PostGIS cluster for tests and benchmarks.

Debian's ``postgresql-15`` and ``postgresql-15-postgis-3`` provide the binaries; the cluster
lives in a temporary folder, listens on a free loopback port only (and on a socket in that
folder), trusts local connections and is stopped and removed by :meth:`PostgresCluster.stop`.
PostgreSQL refuses to run as root, so under root (CI) the server runs as the unprivileged
``postgres`` user the Debian package creates (``runuser -u postgres --``).

Durability is switched off (``fsync``, ``synchronous_commit``, ``full_page_writes``): nothing in
this cluster outlives the process that made it.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import tempfile
import time
from pathlib import Path

INSTALL_HINT = "Debian: apt-get install postgresql-15 postgresql-15-postgis-3"
DEFAULT_BINDIRS = ("/usr/lib/postgresql/15/bin",)
TEMPLATE = "geomap_template"  # a database with PostGIS; new databases copy it


class PostgresUnavailable(RuntimeError):
    """PostgreSQL or PostGIS is not installed here (the message says what to install)."""


def find_bindir() -> Path:
    """The folder with ``initdb``, ``pg_ctl`` and ``pg_config`` of a PostgreSQL that has the
    PostGIS extension: ``$GEOMAP_PG_BINDIR``, else Debian's PostgreSQL 15."""
    candidates = [os.environ["GEOMAP_PG_BINDIR"]] if os.environ.get("GEOMAP_PG_BINDIR") else []
    candidates += DEFAULT_BINDIRS
    for folder in map(Path, candidates):
        if not all((folder / exe).exists() for exe in ("initdb", "pg_ctl", "pg_config")):
            continue
        share = subprocess.run(
            [str(folder / "pg_config"), "--sharedir"], capture_output=True, text=True, check=True
        ).stdout.strip()
        if not (Path(share) / "extension" / "postgis.control").exists():
            raise PostgresUnavailable(f"PostgreSQL in {folder} has no PostGIS ({INSTALL_HINT})")
        return folder
    where = ", ".join(candidates)
    raise PostgresUnavailable(f"no PostgreSQL 15 binaries in {where} ({INSTALL_HINT})")


def free_port() -> int:
    """A TCP port free on the loopback interface right now."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class PostgresCluster:
    """One PostgreSQL server in a temporary folder; :meth:`start`, :meth:`stop`.

    With ``folder`` (benchmarks) the cluster lives there and is kept: started again as it was
    left, stopped without being removed. ``settings`` are more ``-c name=value`` options.
    """

    def __init__(
        self,
        bindir: Path | None = None,
        *,
        folder: Path | None = None,
        settings: dict[str, str] | None = None,
    ) -> None:
        self.bindir = bindir or find_bindir()
        self.as_postgres = os.geteuid() == 0
        self.keep = folder is not None
        if folder is not None:
            folder.mkdir(parents=True, exist_ok=True)
        self.dir = folder or Path(tempfile.mkdtemp(prefix="geomap-pg-"))
        self.settings = dict(settings or {})
        self.data = self.dir / "db"
        self.log = self.dir / "log"
        self.port = 0
        self.user = "postgres"
        self._counter = 0
        self.attached = False  # a kept cluster found running: used as it is, never stopped

    def _run(self, *argv: str, timeout: float = 120) -> subprocess.CompletedProcess[str]:
        command = [str(self.bindir / argv[0]), *argv[1:]]
        if self.as_postgres:
            command = ["runuser", "-u", "postgres", "--", *command]
        # run from the cluster's folder: the checkout may be in a home postgres cannot enter
        out = subprocess.run(command, capture_output=True, text=True, timeout=timeout, cwd=self.dir)
        if out.returncode != 0:
            log = self.log.read_text(errors="replace")[-2000:] if self.log.exists() else ""
            raise RuntimeError(f"{argv[0]} failed: {out.stderr.strip()[-2000:]}\n{log}")
        return out

    def start(self) -> PostgresCluster:
        """initdb, then start on a free loopback port (a few tries if the port is taken), with
        a template database that has PostGIS. On failure nothing is left running."""
        try:
            self._start()
        except BaseException:
            self.stop()
            raise
        return self

    def _running_port(self) -> int:
        """The port of a kept cluster's server already running (0 when none answers)."""
        pid_file = self.data / "postmaster.pid"
        if not self.keep or not pid_file.exists():
            return 0
        lines = pid_file.read_text(errors="replace").splitlines()
        if len(lines) < 4 or not lines[0].strip().isdigit() or not lines[3].strip().isdigit():
            return 0
        try:
            os.kill(int(lines[0]), 0)
        except ProcessLookupError:
            return 0
        except PermissionError:  # alive, another user's
            pass
        try:
            with socket.create_connection(("127.0.0.1", int(lines[3])), timeout=2):
                return int(lines[3])
        except OSError:
            return 0

    def _start(self) -> None:
        # a kept cluster someone else started (another benchmark, by hand) is shared as it is
        running = self._running_port()
        if running:
            self.port, self.attached = running, True
            return
        if self.as_postgres:
            shutil.chown(self.dir, "postgres")
        fresh = not (self.data / "PG_VERSION").exists()
        if fresh:
            self._run("initdb", "-D", str(self.data), "-A", "trust", "-U", self.user, "-E", "UTF8")
        extra = "".join(f" -c {k}={v}" for k, v in self.settings.items())
        for attempt in range(5):
            self.port = free_port()
            options = (
                f"-p {self.port} -k {self.dir} -c listen_addresses=127.0.0.1"
                " -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
                " -c max_connections=200" + extra
            )
            try:
                self._run("pg_ctl", "-D", str(self.data), "-o", options, "-l", str(self.log),
                          "-w", "-t", "60", "start")  # fmt: skip
                break
            except RuntimeError:
                if attempt == 4:
                    raise
                time.sleep(0.2)
        if fresh:
            self._admin(f"CREATE DATABASE {TEMPLATE}")
            self._admin("CREATE EXTENSION postgis", dbname=TEMPLATE)

    def url(self, dbname: str = "postgres") -> str:
        """A libpq URL of ``dbname`` over TCP on loopback."""
        return f"postgresql://{self.user}@127.0.0.1:{self.port}/{dbname}"

    def _admin(self, sql: str, dbname: str = "postgres") -> None:
        import psycopg

        with psycopg.connect(self.url(dbname), autocommit=True) as con:
            con.execute(sql)  # type: ignore[arg-type]

    def create_database(self, name: str | None = None, *, postgis: bool = True) -> str:
        """A new empty database (with the PostGIS extension unless ``postgis=False``); its URL."""
        self._counter += 1
        if name is not None:
            self.drop_database(name)
        name = name or f"test_{os.getpid()}_{self._counter}"
        template = TEMPLATE if postgis else "template0"
        self._admin(f'CREATE DATABASE "{name}" TEMPLATE {template}')
        return self.url(name)

    def drop_database(self, name: str) -> None:
        """Drop ``name``, closing whatever is still connected to it."""
        self._admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

    def stop(self) -> None:
        """Stop the server (fast shutdown) and remove its folder (unless it is kept); a kept
        cluster that was found running is left running."""
        if self.attached:
            return
        try:
            if (self.data / "postmaster.pid").exists():
                self._run("pg_ctl", "-D", str(self.data), "-m", "fast", "-w", "stop")
        finally:
            if not self.keep:
                shutil.rmtree(self.dir, ignore_errors=True)

    def has_database(self, name: str) -> bool:
        import psycopg

        with psycopg.connect(self.url(), autocommit=True) as con:
            row = con.execute("SELECT 1 FROM pg_database WHERE datname = %s", (name,)).fetchone()
        return row is not None

    def __enter__(self) -> PostgresCluster:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()
