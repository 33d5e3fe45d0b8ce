"""One gazetteer entry by its id, without loading the index's name set."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from geomap.errors import GazetteerMissing
from geomap.model import Place


def entry(path: str | Path, gazetteer_id: str) -> Place | None:
    """The place with ``gazetteer_id`` in the index at ``path``, or None when there is none."""
    try:
        con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    except sqlite3.Error as exc:
        raise GazetteerMissing(
            f"cannot open the gazetteer index ({exc})", where=str(path)
        ) from None
    try:
        row = con.execute(
            "SELECT id, name, feature_type, country_code, admin1, lat, lon, population"
            " FROM places WHERE id=?",
            (gazetteer_id,),
        ).fetchone()
    except sqlite3.Error as exc:
        raise GazetteerMissing(
            f"cannot read the gazetteer index ({exc})", where=str(path)
        ) from None
    finally:
        con.close()
    if row is None:
        return None
    return Place(
        gazetteer_id=row[0],
        name=row[1],
        feature_type=row[2],
        country_code=row[3],
        admin1=row[4],
        lat=row[5],
        lon=row[6],
        population=row[7] or 0,
    )
