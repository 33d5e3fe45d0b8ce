"""Well-known regions, country name variants and country points.

For: the gazetteer index. Entries: general geographic knowledge, written by hand.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Region:
    """A well-known region that is not an administrative unit, at an approximate centre."""

    name: str
    lat: float
    lon: float
    country_code: str | None = None
    aliases: tuple[str, ...] = ()


# Well-known regions, seas and oceans with approximate centres (general geographic knowledge).
REGIONS: tuple[Region, ...] = (
    Region("European Union", 49.84, 9.90, None, ("EU", "E.U.")),  # its geographic centre
    Region("Middle East", 29.0, 42.0, None, ("Mideast",)),
    Region("West Bank", 31.95, 35.25, "PS"),
    Region("Gaza Strip", 31.42, 34.36, "PS"),
    Region("Darfur", 13.5, 24.0, "SD"),
    Region("South Ossetia", 42.3, 44.0, "GE"),
    Region("Kurdistan", 36.5, 44.0),
    Region("Kashmir", 34.0, 76.0),
    Region("Siberia", 60.0, 105.0, "RU"),
    Region("Caucasus", 42.5, 44.5),
    Region("Balkans", 42.5, 21.0),
    Region("Scandinavia", 62.0, 14.0),
    Region("Caribbean", 15.0, -73.0),
    Region("Central America", 13.5, -86.0),
    Region("Latin America", -4.0, -60.0),
    Region("Southeast Asia", 5.0, 110.0),
    Region("East Asia", 35.0, 115.0),
    Region("Central Asia", 43.0, 65.0),
    Region("South Asia", 22.0, 78.0),
    Region("North Africa", 27.0, 14.0),
    Region("West Africa", 12.0, -2.0),
    Region("East Africa", -1.0, 36.0),
    Region("Southern Africa", -23.0, 25.0),
    Region("Sub-Saharan Africa", 2.0, 20.0),
    Region("Horn of Africa", 8.0, 45.0),
    Region("Sahel", 15.0, 5.0),
    Region("Western Europe", 48.0, 5.0),
    Region("Eastern Europe", 50.0, 30.0),
    Region("Korean Peninsula", 38.0, 127.5),
    Region("Arabian Peninsula", 23.0, 46.0),
    Region("Sinai", 29.5, 33.8, "EG", ("Sinai Peninsula",)),
    Region("Golan Heights", 33.0, 35.8),
    Region("Persian Gulf", 26.5, 52.0, None, ("Arabian Gulf",)),
    Region("Mediterranean", 35.0, 18.0, None, ("Mediterranean Sea",)),
    Region("Atlantic Ocean", 10.0, -30.0, None, ("Atlantic",)),
    Region("Pacific Ocean", 0.0, -160.0, None, ("Pacific",)),
    Region("Indian Ocean", -20.0, 80.0),
    Region("Arctic", 85.0, 0.0, None, ("Arctic Ocean",)),
    Region("Black Sea", 43.4, 34.3),
    Region("Caspian Sea", 41.7, 50.7),
    Region("Red Sea", 20.0, 38.5),
    Region("South China Sea", 12.0, 113.0),
    Region("Baltic Sea", 58.0, 20.0),
    Region("North Sea", 56.0, 3.0),
    Region("Gulf of Mexico", 25.0, -90.0),
    Region("New England", 44.0, -71.5, "US"),
    Region("Midwest", 41.5, -90.0, "US"),
    Region("Pacific Northwest", 46.0, -121.0, "US"),
    Region("Great Lakes", 45.0, -84.0),
    Region("Appalachia", 38.0, -81.0, "US"),
    Region("Bay Area", 37.8, -122.3, "US", ("San Francisco Bay Area",)),
    Region("Silicon Valley", 37.4, -122.05, "US"),
    Region("Gulf Coast", 29.5, -90.0, "US"),
    Region("West Coast", 40.0, -122.0, "US"),
    Region("East Coast", 38.0, -76.0, "US"),
)

# Country points that replace the data set's: the United States as a whole at the geographic
# centre of the contiguous states (near Lebanon, Kansas), not at a point in Oklahoma.
COUNTRY_POINTS: dict[str, tuple[float, float]] = {"US": (39.83, -98.58)}


# Common English names of countries that the data sets spell differently (general knowledge).
COUNTRY_ALIASES: dict[str, tuple[str, ...]] = {
    "US": (
        "United States of America",
        "USA",
        "U.S.",
        "U.S.A.",
        "America",
        "the United States",
        "United States",
    ),
    "GB": ("Britain", "Great Britain", "UK", "U.K.", "United Kingdom"),
    "KP": ("DPRK", "Democratic People's Republic of Korea", "N. Korea"),
    "KR": ("Republic of Korea", "S. Korea"),
    "RU": ("Russian Federation",),
    "CN": ("People's Republic of China", "PRC", "Mainland China"),
    "MM": ("Burma",),
    "CI": ("Cote d'Ivoire", "Côte d'Ivoire"),
    "CZ": ("Czechia", "Czech Republic"),
    "CD": ("DR Congo", "DRC", "Congo-Kinshasa", "Democratic Republic of Congo"),
    "CG": ("Republic of the Congo", "Congo-Brazzaville"),
    "AE": ("UAE", "U.A.E."),
    "NL": ("Holland", "The Netherlands"),
    "VA": ("Vatican", "Vatican City", "Holy See"),
    "PS": ("Palestine", "Palestinian Territories"),
    "IR": ("Persia",),
    "SY": ("Syrian Arab Republic",),
    "TL": ("East Timor",),
    "SZ": ("Swaziland",),
    "MK": ("Macedonia",),
    "BS": ("Bahamas",),
    "GM": ("Gambia",),
    "HK": ("Hong Kong",),
    "MO": ("Macau", "Macao"),
    "FJ": ("Fiji",),
    "IM": ("Isle of Man",),
    "VN": ("Viet Nam",),
    "LA": ("Lao PDR",),
    "TR": ("Türkiye", "Turkiye"),
    "BA": ("Bosnia",),
    "TT": ("Trinidad",),
}
