"""A folder of real news as a new user would ingest it: incidents and movements found.

    .venv/bin/python bench/folder.py [--corpora ../shared/corpora] [--keep DIR]

Writes 150 real articles (75 from LGL: every 7th article from the first; 75 from GeoWebNews:
every 2nd from the first; the rule is fixed, not chosen by output) one per ``.txt`` file, as
plain text without any header, plus the seed, into a temporary folder outside the repository,
then runs ``geomap ingest`` on it into a temporary store through the command line, and prints
one line: documents, incidents, movements, and how many documents yield at least one incident
and at least one movement. The corpora are read in place and nothing is kept (unless
``--keep``). The code run is whatever ``geomap`` the interpreter imports: put another checkout
first on ``PYTHONPATH`` to measure it on the same folder.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_CORPORA = ROOT.parent / "shared" / "corpora"
if not DEFAULT_CORPORA.exists():
    DEFAULT_CORPORA = Path("/work/shared/corpora")


def articles(corpora: Path) -> list[tuple[str, str]]:
    """(file name, text) of the 150 articles the rule selects."""
    out: list[tuple[str, str]] = []
    lgl = ET.parse(corpora / "lgl" / "lgl.xml").getroot().findall("article")
    for i in range(0, 7 * 75, 7):
        out.append((f"lgl_{i:03d}.txt", lgl[i].findtext("text") or ""))
    gwn = ET.parse(corpora / "geowebnews" / "GWN.xml").getroot().findall("article")
    for i in range(0, 2 * 75, 2):
        out.append((f"gwn_{i:03d}.txt", gwn[i].findtext("text") or ""))
    return out


def run(folder: Path, work: Path) -> dict[str, int]:
    """Ingest ``folder`` into a fresh store under ``work``; the counts the line reports."""
    env = dict(os.environ)
    env["GEOMAP_STORE"] = str(work / "store.sqlite")
    env["GEOMAP_CACHE"] = str(work / "cache.sqlite")
    env.setdefault("GEOMAP_GAZETTEER", str(ROOT / "data" / "gazetteer.sqlite"))
    env.setdefault("GEOMAP_DATA_DIR", str(work))
    cli = [sys.executable, "-c", "import sys; from geomap.cli import main; sys.exit(main())"]
    # run from the work folder: a checkout's own geomap must not shadow PYTHONPATH's
    subprocess.run(
        [*cli, "ingest", str(folder)], env=env, check=False, capture_output=True, cwd=work
    )
    counts: dict[str, int] = {}
    docs: dict[str, set[str]] = {}
    for layer in ("incidents", "movements"):
        got = subprocess.run(
            [*cli, "export", "--layer", layer, "--format", "geojson", "-o", "-"],
            env=env,
            check=True,
            capture_output=True,
            cwd=work,
        )
        features = json.loads(got.stdout)["features"]
        counts[layer] = len(features)
        docs[layer] = {
            d for f in features for d in (f["properties"].get("document_ids") or "").split(";") if d
        }
    counts["docs_with_incident"] = len(docs["incidents"])
    counts["docs_with_movement"] = len(docs["movements"])
    return counts


def main() -> int:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--corpora", type=Path, default=DEFAULT_CORPORA)
    ap.add_argument("--keep", type=Path, help="write the folder here and keep it")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory(prefix="geomap-folder-") as tmp:
        folder = args.keep or Path(tmp) / "reports"
        folder.mkdir(parents=True, exist_ok=True)
        for name, text in articles(args.corpora):
            (folder / name).write_text(text, encoding="utf-8")
        for seed in sorted((ROOT / "seeds").glob("*.txt")):
            (folder / seed.name).write_bytes(seed.read_bytes())
        n_docs = len(list(folder.glob("*.txt")))
        c = run(folder, Path(tmp))
    import geomap

    code = Path(geomap.__file__).parent
    print(
        f"folder ({n_docs} reports: 150 LGL/GWN articles + seed; code {code})"
        f": {c['incidents']} incidents, {c['movements']} movements; "
        f"{c['docs_with_incident']} reports with an incident, "
        f"{c['docs_with_movement']} with a movement"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
