"""A small HTML page that says what was wrong with a map request, for people, not programs."""

from __future__ import annotations

from html import escape


def error_page(
    message: str, *, title: str = "geomap: cannot draw this map", back: str = "/map"
) -> str:
    """A self-contained page (no script, no external asset) naming the problem; ``message``
    is escaped, so text from a query string stays text."""
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{escape(title)}</title>
<style>
body {{ font: 15px/1.5 system-ui, sans-serif; margin: 3em auto; max-width: 40em; color: #222;
  padding: 0 1em; }}
h1 {{ font-size: 1.3em; }}
.geomap-error {{ background: #fff3f0; border-left: 4px solid #c0392b; padding: .6em .9em;
  overflow-wrap: anywhere; }}
</style></head>
<body><main>
<h1>{escape(title)}</h1>
<p class="geomap-error" role="alert">{escape(message)}</p>
<p>Dates are <code>YYYY-MM-DD</code>; <code>bbox</code> is <code>minx,miny,maxx,maxy</code>
in degrees of longitude and latitude; <code>event_type</code>, <code>actor</code> and
<code>q</code> are text.</p>
<p><a href="{escape(back, quote=True)}">Show the whole map</a></p>
</main></body></html>
"""
