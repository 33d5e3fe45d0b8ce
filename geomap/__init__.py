"""geomap: turn news reports into places, incidents and movements on a map.

Pipeline stages, one module each: read -> recognise -> resolve -> events -> features -> store,
with render (Folium) and the CLI as edges. The core knows nothing of HTTP.
"""

from geomap.errors import GeomapError

__all__ = ["GeomapError", "__version__"]
__version__ = "0.1.0"
