"""The geocoding chain: cache -> embedded gazetteer -> optional online geopy services.

Online services are off by default and chosen by name from geopy's registry
(``get_geocoder_for_service``: nominatim, photon, arcgis, ...). They are asked only about
mentions the gazetteer cannot place confidently, and their answers must fit the document's
countries. Each service sits behind geopy's ``RateLimiter`` (its minimum delay between
requests) and this module's own handling: timeouts, bounded retries with exponential backoff,
``Retry-After`` honoured on 429, and a breaker that stops asking a service that keeps failing.
A failure never raises out of the chain and is never cached: the mention falls back to the
gazetteer's answer or is reported unresolved with the reason. Answers, empty ones included
(as negatives with a TTL), are cached with the provider's raw payload and timestamp.
"""

from __future__ import annotations

import hashlib
import inspect
import time
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from functools import lru_cache, partial
from importlib import metadata
from typing import Any
from urllib.parse import urlsplit

from geopy import exc as geopy_exc
from geopy.distance import geodesic
from geopy.extra.rate_limiter import RateLimiter
from geopy.geocoders import SERVICE_TO_GEOCODER, get_geocoder_for_service
from geopy.geocoders.base import Geocoder
from geopy.location import Location

from geomap.errors import InvalidParameter
from geomap.gazetteer.cache import Entry, GeocodeCache
from geomap.geoparse.propose import Proposal
from geomap.model import Place, Toponym, Unresolved
from geomap.names.normalise import name_key

# Seconds between two requests to a service unless configured: the public Nominatim and Photon
# ask for at most one request a second.
DEFAULT_MIN_DELAY = {"nominatim": 1.0, "photon": 1.0}
OTHER_MIN_DELAY = 0.2
MEMO_SIZE = 100_000  # gazetteer answers kept in memory per process
BREAKER_FAILURES = 3  # lookups failing in a row before a service is skipped for the run
ANCHOR_KM = 500.0  # an answer without a country must lie this close to a place of the document
NO_PROVIDER = "no online geocoder configured"
NOT_PLACE_HINTS = frozenset({"demonym"})  # recogniser marks for mentions that are not places

_ADMIN1_TYPES = frozenset(
    "state province region state_district county district governorate oblast prefecture".split()
)


def _version() -> str:
    try:
        return metadata.version("geomap")
    except metadata.PackageNotFoundError:  # pragma: no cover - running from a bare checkout
        return "0"


def iso_time(ts: float) -> str:
    """A Unix time as ISO 8601 UTC, to the second."""
    second = int(ts)
    if 0 <= ts - second < 0.999:  # (not where rounding to microseconds reaches the next one)
        return _iso_second(second)  # answer times differ, their seconds repeat
    return _iso_second_of(ts)


@lru_cache(maxsize=4096)
def _iso_second(second: int) -> str:
    return _iso_second_of(second)


def _iso_second_of(ts: float) -> str:
    return datetime.fromtimestamp(ts, UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


@dataclass(frozen=True, slots=True)
class ProviderConfig:
    """How to reach and pace one online service."""

    name: str
    url: str | None = None
    user_agent: str | None = None
    min_delay: float = 1.0
    timeout: float = 10.0
    retries: int = 2
    backoff: float = 1.0
    max_wait: float = 60.0
    options: Mapping[str, Any] = field(default_factory=dict)


def provider_configs(settings: Any) -> list[ProviderConfig]:
    """The online services named in ``settings`` (a :class:`geomap.settings.Settings`), in order.

    ``geocoder_url`` applies to the first; ``geocoder_options[name]`` may set ``min_delay``,
    ``timeout``, ``retries`` for one service and passes its other keys to the geopy class.
    """
    out = []
    for i, name in enumerate(settings.geocoders):
        options = dict(settings.geocoder_options.get(name, {}))
        delay = settings.geocoder_min_delay
        if delay is None:
            delay = DEFAULT_MIN_DELAY.get(name, OTHER_MIN_DELAY)
        out.append(
            ProviderConfig(
                name=name,
                url=settings.geocoder_url if i == 0 else options.pop("url", None),
                user_agent=settings.user_agent,
                min_delay=float(options.pop("min_delay", delay)),
                timeout=float(options.pop("timeout", settings.geocoder_timeout)),
                retries=int(options.pop("retries", settings.geocoder_retries)),
                backoff=float(options.pop("backoff", settings.geocoder_backoff)),
                max_wait=float(options.pop("max_wait", settings.geocoder_max_wait)),
                options=options,
            )
        )
    return out


def make_geocoder(config: ProviderConfig) -> Geocoder:
    """The geopy geocoder for ``config``; InvalidParameter names a bad name, URL or option."""
    if config.name not in SERVICE_TO_GEOCODER:
        raise InvalidParameter(
            f"unknown geocoder {config.name!r}; geopy knows "
            + ", ".join(sorted(SERVICE_TO_GEOCODER))
        )
    cls = get_geocoder_for_service(config.name)
    params = inspect.signature(cls.__init__).parameters
    kwargs: dict[str, Any] = dict(config.options)
    if config.url:
        parts = urlsplit(config.url if "://" in config.url else "https://" + config.url)
        if parts.scheme not in ("http", "https") or not parts.netloc:
            raise InvalidParameter(f"bad geocoder URL {config.url!r}: want http(s)://host[:port]")
        if "domain" not in params:
            raise InvalidParameter(f"geocoder {config.name!r} does not take a URL")
        kwargs["domain"] = parts.netloc + parts.path.rstrip("/")
        if "scheme" in params:
            kwargs["scheme"] = parts.scheme
    user_agent = config.user_agent
    if not user_agent:
        if not config.url:
            raise InvalidParameter(
                f"geocoder {config.name!r} is a public service and needs a user agent naming"
                " you: pass --user-agent or set GEOMAP_USER_AGENT"
            )
        user_agent = f"geomap/{_version()}"
    kwargs["user_agent"] = user_agent
    kwargs["timeout"] = config.timeout
    if "adapter_factory" in params and "adapter_factory" not in kwargs:
        kwargs["adapter_factory"] = _adapter_factory()
    try:
        return cls(**kwargs)  # type: ignore[no-any-return]
    except (geopy_exc.ConfigurationError, TypeError, ValueError) as exc:
        raise InvalidParameter(f"cannot configure geocoder {config.name!r}: {exc}") from None


def _adapter_factory() -> Callable[..., Any] | None:
    """geopy's HTTP adapter without its own hidden retries (urllib3 would retry refused
    connections and 429s itself), so every request is paced and counted here."""
    from geopy.adapters import RequestsAdapter, URLLibAdapter

    if RequestsAdapter.is_available:
        return partial(RequestsAdapter, max_retries=0)
    return URLLibAdapter


@dataclass(frozen=True, slots=True)
class Failure:
    """Why a service gave no usable answer."""

    reason: str
    retryable: bool
    fatal: bool = False  # the service will not work this run (credentials, quota)
    wait: float | None = None  # seconds the service asked us to wait (Retry-After)


def _status(error: Exception) -> str:
    """The HTTP status in geopy's "Non-successful status code 500" messages, or ''."""
    text = str(error)
    return text.rsplit(" ", 1)[-1] if "status code" in text else ""


def classify(error: Exception) -> Failure:
    """What a geopy (or parsing) exception means for retrying."""
    if isinstance(error, geopy_exc.GeocoderRateLimited):
        return Failure("rate limited (HTTP 429)", True, wait=error.retry_after)
    if isinstance(error, geopy_exc.GeocoderQuotaExceeded):
        return Failure("quota exceeded", False, fatal=True)
    if isinstance(
        error,
        geopy_exc.GeocoderAuthenticationFailure | geopy_exc.GeocoderInsufficientPrivileges,
    ):
        return Failure("credentials refused", False, fatal=True)
    if isinstance(error, geopy_exc.GeocoderTimedOut):
        code = _status(error)  # geopy reports 503 and 504 as timeouts too
        return Failure(f"unavailable (HTTP {code})" if code else "timed out", True)
    if isinstance(error, geopy_exc.GeocoderUnavailable):
        text = str(error).lower()
        return Failure("connection refused" if "refused" in text else "unavailable", True)
    if isinstance(error, geopy_exc.GeocoderParseError):
        return Failure("malformed response (not JSON)", False)
    if isinstance(error, geopy_exc.GeocoderQueryError):
        return Failure("query rejected (HTTP 4xx)", False)
    if isinstance(error, geopy_exc.GeocoderServiceError):
        code = _status(error)
        return Failure(f"server error (HTTP {code})" if code else f"service error: {error}", True)
    return Failure(f"malformed response ({type(error).__name__})", False)


@dataclass(slots=True)
class ProviderStats:
    requests: int = 0
    answers: int = 0
    failures: Counter[str] = field(default_factory=Counter)


class OnlineProvider:
    """One geopy service, paced by geopy's RateLimiter, with retries, backoff and a breaker.

    :meth:`geocode` never raises for a service fault: it returns the answer or a
    :class:`Failure`.
    """

    def __init__(
        self,
        config: ProviderConfig,
        geocoder: Geocoder | None = None,
        *,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self.config = config
        self.name = config.name
        self.geocoder = geocoder or make_geocoder(config)
        self._sleep = sleep
        # the RateLimiter spaces every request (retries included); retrying is ours, so that
        # waits can back off and follow Retry-After, and errors are never swallowed into None
        self._limited = RateLimiter(
            self.geocoder.geocode,
            min_delay_seconds=config.min_delay,
            max_retries=0,
            error_wait_seconds=max(config.backoff, config.min_delay),
            swallow_exceptions=False,
        )
        params = inspect.signature(self.geocoder.geocode).parameters
        self._kwargs: dict[str, Any] = {"exactly_one": False}
        if "addressdetails" in params:
            self._kwargs["addressdetails"] = True
        if "limit" in params:
            self._kwargs["limit"] = 5
        self.takes_countries = "country_codes" in params
        self.stats = ProviderStats()
        self._failures_in_a_row = 0
        self.disabled: str | None = None  # the reason, once the breaker is open

    def hint(self, countries: Iterable[str]) -> str:
        """The cache hint for a query asked with ``countries`` as context."""
        if not self.takes_countries:
            return ""
        codes = sorted({c.lower() for c in countries if c})
        return "cc=" + ",".join(codes) if codes else ""

    def geocode(self, query: str, countries: Iterable[str] = ()) -> list[Location] | Failure:
        """Candidates for ``query`` (possibly none), or the Failure after bounded retries."""
        if self.disabled:
            return Failure(self.disabled, False)
        kwargs = dict(self._kwargs)
        codes = sorted({c.lower() for c in countries if c})
        if self.takes_countries and codes:
            kwargs["country_codes"] = codes
        attempt = 0
        while True:
            self.stats.requests += 1
            try:
                answer = self._limited(query, **kwargs)
                found = (
                    [] if answer is None else [answer] if isinstance(answer, Location) else answer
                )
                for loc in found:  # a record without coordinates comes back as (0, 0)
                    if loc.latitude == 0 and loc.longitude == 0:
                        raise ValueError(f"no coordinates in {loc.raw!r:.80}")
            except Exception as error:  # noqa: BLE001 - every fault becomes a Failure
                failure = classify(error)
                self.stats.failures[failure.reason] += 1
                if failure.retryable and attempt < self.config.retries:
                    wait = self.config.backoff * 2**attempt
                    if failure.wait is not None:
                        if failure.wait > self.config.max_wait:
                            return self._failed(
                                Failure(
                                    f"{failure.reason}; Retry-After {failure.wait:g} s is over"
                                    f" the {self.config.max_wait:g} s limit",
                                    False,
                                )
                            )
                        wait = failure.wait
                    self._sleep(min(wait, self.config.max_wait))
                    attempt += 1
                    continue
                tries = attempt + 1
                return self._failed(
                    replace(
                        failure,
                        reason=f"{failure.reason} ({tries} tr{'ies' if tries > 1 else 'y'})",
                    )
                )
            self.stats.answers += 1
            self._failures_in_a_row = 0
            return list(found)

    def _failed(self, failure: Failure) -> Failure:
        self._failures_in_a_row += 1
        if failure.fatal or self._failures_in_a_row >= BREAKER_FAILURES:
            self.disabled = (
                f"skipped after {self._failures_in_a_row} failed lookups in a row"
                f" (last: {failure.reason})"
            )
        return failure


def _country_of(raw: Mapping[str, Any]) -> str | None:
    """The ISO country code in a provider's raw record, when it gives one."""
    address = raw.get("address")
    if isinstance(address, Mapping) and address.get("country_code"):
        return str(address["country_code"]).upper()
    props = raw.get("properties")
    if isinstance(props, Mapping) and props.get("countrycode"):
        return str(props["countrycode"]).upper()
    for key in ("country_code", "countryCode"):
        if raw.get(key):
            return str(raw[key]).upper()
    return None


def _mapping(value: Any) -> Mapping[str, Any]:
    return value if isinstance(value, Mapping) else {}


def place_from_location(provider: str, loc: Location, answered: float) -> Place:
    """A Place from an online answer, recording the provider and when it answered."""
    raw = _mapping(loc.raw)
    props, address = _mapping(raw.get("properties")), _mapping(raw.get("address"))
    osm_type = raw.get("osm_type") or props.get("osm_type")
    osm_id = raw.get("osm_id") or props.get("osm_id")
    if osm_type and osm_id:
        kind = {"N": "node", "W": "way", "R": "relation"}.get(str(osm_type), str(osm_type))
        gid = f"osm:{kind}/{osm_id}"
    else:
        digest = f"{loc.address}|{loc.latitude:.5f}|{loc.longitude:.5f}".encode()
        gid = f"{provider}:{hashlib.sha1(digest).hexdigest()[:12]}"
    kind_word = str(raw.get("addresstype") or raw.get("type") or props.get("type") or "")
    feature_type = (
        "country" if kind_word == "country" else "admin1" if kind_word in _ADMIN1_TYPES else "city"
    )
    name = raw.get("name") or props.get("name") or str(loc.address).split(",")[0]
    admin1 = address.get("state") or props.get("state")
    population = str(_mapping(raw.get("extratags")).get("population") or "")
    return Place(
        gazetteer_id=gid,
        name=str(name),
        feature_type=feature_type,
        country_code=_country_of(raw),
        lat=float(loc.latitude),
        lon=float(loc.longitude),
        admin1=str(admin1) if admin1 else None,
        population=int(population) if population.isdigit() else 0,
        provider=provider,
        geocoded_at=iso_time(answered),
    )


def fits_context(place: Place, countries: set[str], anchors: Sequence[Place]) -> bool:
    """True when an online answer agrees with the document: inside one of its countries, or
    (when the answer names no country) near one of its places; anything goes without context."""
    if place.country_code:
        return not countries or place.country_code in countries
    if not anchors:
        return True
    return any(geodesic((place.lat, place.lon), (a.lat, a.lon)).km <= ANCHOR_KM for a in anchors)


def confident(place: Place, countries: set[str]) -> bool:
    """Whether a gazetteer answer needs no second opinion: a country or region, a place inside
    the document's countries, or any place when the document names no country."""
    if place.feature_type != "city" or not countries:
        return True
    return place.country_code in countries


@dataclass(slots=True)
class ChainStats:
    online_placed: int = 0
    fallbacks: int = 0
    unresolved: Counter[str] = field(default_factory=Counter)


class GeocoderChain:
    """Cache -> gazetteer -> online services, with the document's context as the judge."""

    def __init__(
        self,
        cache: GeocodeCache,
        gazetteer: Geocoder,
        providers: Sequence[OnlineProvider] = (),
        *,
        gazetteer_built: float = 0.0,
    ) -> None:
        self.cache = cache
        self.gazetteer = gazetteer
        self.providers = list(providers)
        self.gazetteer_built = gazetteer_built  # cached answers older than the index are stale
        self._answered: dict[str, float] = {}
        # the gazetteer's answers never change within a run: keep them in memory too, with
        # the gazetteer ids of their places
        self._memo: dict[tuple[str, str], tuple[Entry, tuple[str, ...]]] = {}
        self.stats = ChainStats()

    @property
    def online(self) -> bool:
        return bool(self.providers)

    def gazetteer_geocode(self, query: str, **kwargs: Any) -> list[Location]:
        """Gazetteer candidates for ``query``, best first, from the cache when it has them."""
        hint = repr(sorted(kwargs.items())) if kwargs else ""
        key = (name_key(query), hint)
        memo = self._memo.get(key)
        if memo is None:
            entry = self.cache.lookup("gazetteer", query, hint, not_before=self.gazetteer_built)
            if entry is None:
                answer = self.gazetteer.geocode(query, exactly_one=False, **kwargs)
                # written with the document's other answers when it is done (Pipeline.extract)
                entry = self.cache.put("gazetteer", query, answer, hint, defer=True)
            if len(self._memo) >= MEMO_SIZE:
                self._memo.clear()
            raw_ids = (
                loc.raw.get("gazetteer_id") if isinstance(loc.raw, Mapping) else None
                for loc in entry.locations
            )
            memo = self._memo[key] = (entry, tuple(str(gid) for gid in raw_ids if gid))
        entry, ids = memo
        answered = self._answered
        for gid in ids:
            answered[gid] = entry.answered
        return list(entry.locations)

    def stamp(self, toponyms: Iterable[Toponym]) -> list[Toponym]:
        """The toponyms with ``geocoded_at`` set on gazetteer places: when the gazetteer answered
        for the place (for a street or building, for its town), as the cache recorded it."""
        out = []
        stamped: dict[int, Place] = {}  # one stamped copy per place, however often it is named
        for t in toponyms:
            p = t.place
            if p is not None and p.geocoded_at is None:
                q = stamped.get(id(p))
                if q is None:
                    # a street or building placed at its town ("<town id>/street:...") was
                    # answered when its town was: the same stamp in every run over one cache
                    when = self._answered.get(p.gazetteer_id) or self._answered.get(
                        p.gazetteer_id.partition("/")[0], time.time()
                    )
                    q = stamped[id(p)] = replace(p, geocoded_at=iso_time(when))
                t = replace(t, place=q)
            out.append(t)
        return out

    def ask_online(self, query: str, countries: set[str], anchors: Sequence[Place]) -> Place | str:
        """The first online answer that fits the document, or why there is none."""
        if not self.providers:
            return NO_PROVIDER
        reasons = []
        for provider in self.providers:
            hint = provider.hint(countries)
            entry: Entry | None = self.cache.lookup(provider.name, query, hint)
            if entry is None:
                found = provider.geocode(query, countries)
                if isinstance(found, Failure):
                    reasons.append(f"{provider.name}: {found.reason}")
                    continue
                entry = self.cache.put(provider.name, query, found, hint)
            if entry.negative:
                reasons.append(f"{provider.name}: no result")
                continue
            places = [
                place_from_location(provider.name, loc, entry.answered) for loc in entry.locations
            ]
            for place in places:
                if fits_context(place, countries, anchors):
                    return place
            where = ", ".join(sorted(countries)) if countries else "the document's area"
            reasons.append(f"{provider.name}: {len(places)} result(s), none in {where}")
        return "; ".join(reasons)

    def refine(
        self,
        toponyms: Sequence[Toponym],
        proposals: Sequence[Proposal],
        context_countries: Iterable[str] = (),
    ) -> tuple[list[Toponym], list[Unresolved]]:
        """Second opinions: online answers for mentions the gazetteer could not place or placed
        outside the document's countries, and for proposed names the gazetteer lacks.

        Returns every toponym (proposals placed online added, in text order) and the mentions
        left unresolved, each with its reason.
        """
        countries = {c.upper() for c in context_countries if isinstance(c, str) and c}
        anchors: list[Place] = []
        for t in toponyms:
            if t.place is None:
                continue
            if t.place.feature_type in ("country", "admin1") and t.place.country_code:
                countries.add(t.place.country_code)
            if t.place.feature_type != "country":
                anchors.append(t.place)
        memo: dict[str, Place | str] = {}

        def ask(query: str) -> Place | str:
            key = name_key(query)
            if key not in memo:
                memo[key] = self.ask_online(query, countries, anchors)
            return memo[key]

        out: list[Toponym] = []
        unresolved: list[Unresolved] = []
        for t in toponyms:
            if t.place is None and t.kind_hint in NOT_PLACE_HINTS:
                out.append(t)  # "Chinese": context for the resolver, not a place to look up
            elif t.place is None:
                got = ask(t.span.text)
                if isinstance(got, Place):
                    out.append(replace(t, place=got))
                    self.stats.online_placed += 1
                    continue
                out.append(t)
                unresolved.append(Unresolved(t.span, f"not placed by the gazetteer; {got}"))
                self.stats.unresolved[_reason_kind(got)] += 1
            elif self.online and not confident(t.place, countries):
                got = ask(t.span.text)
                if isinstance(got, Place):
                    out.append(replace(t, place=got))
                    self.stats.online_placed += 1
                else:
                    out.append(t)  # fall back to the gazetteer's answer
                    self.stats.fallbacks += 1
            else:
                out.append(t)
        for p in proposals:
            got = ask(p.query)
            if isinstance(got, Place):
                out.append(Toponym(p.span, got, p.kind_hint))
                self.stats.online_placed += 1
            else:
                unresolved.append(Unresolved(p.span, f"not in the gazetteer; {got}"))
                self.stats.unresolved[_reason_kind(got)] += 1
        out.sort(key=lambda t: t.span.start)
        unresolved.sort(key=lambda u: u.span.start)
        return out, unresolved

    def summary(self) -> str:
        """One line: what the online services did and what stayed unresolved."""
        return summary_line(
            [(p.name, p.stats, bool(p.disabled)) for p in self.providers], self.stats
        )


def summary_line(providers: Sequence[tuple[str, ProviderStats, bool]], stats: ChainStats) -> str:
    """One line from the services' (name, stats, disabled) and the chain's stats (also added up
    across the workers of a parallel ingest)."""
    parts = []
    for name, pstats, disabled in providers:
        failed = sum(pstats.failures.values())
        text = f"{name} {pstats.requests} requests, {pstats.answers} answers"
        if failed:
            detail = ", ".join(f"{r} ×{n}" for r, n in pstats.failures.most_common())
            text += f", {failed} failed ({detail})"
        if disabled:
            text += ", then skipped"
        parts.append(text)
    if providers:
        parts.append(
            f"{stats.online_placed} placed online, {stats.fallbacks} kept the gazetteer's answer"
        )
    n = sum(stats.unresolved.values())
    line = f"{n} unresolved"
    if n:
        line += " (" + ", ".join(f"{r} ×{k}" for r, k in stats.unresolved.most_common()) + ")"
    parts.append(line)
    return "geocoding: " + "; ".join(parts)


def _reason_kind(reason: str) -> str:
    """A short bucket for a reason, for one-line summaries (drops counts of tries)."""
    first = reason.split("; ")[-1]
    return first.split(" (")[0] if ": " in first else first


def build_providers(settings: Any) -> list[OnlineProvider]:
    """The online services ``settings`` names (none by default)."""
    return [OnlineProvider(config) for config in provider_configs(settings)]
