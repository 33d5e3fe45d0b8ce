/* geomap's map: incidents, movements and places layers, legend, time control.
 *
 * Written for geomap (MIT). Needs Leaflet and Leaflet.markercluster, loaded before it.
 * Article text (titles, quotes, actor and place names) reaches the DOM only through
 * textContent, setAttribute and Leaflet's text options, never through innerHTML; the only
 * markup built from strings is the SVG of icons, made of constants in this file and in the
 * page's style table.
 */
var geomap = (function () {
  "use strict";

  var DAY_MS = 86400000;
  var SVG_NS = "http://www.w3.org/2000/svg";
  var PRECISION = {
    1: "exact day",
    2: "within a few days",
    3: "week known",
    4: "month known",
    5: "year known",
  };
  var LOCATION_WORDS = {
    exact: "exact place",
    city: "city",
    "near city": "near a city",
    admin2: "district or county (approximate)",
    admin1: "province or state (approximate)",
    region: "wider region (approximate)",
    country: "country only (approximate)",
  };

  var state = {
    map: null,
    spec: null,
    incidents: null,
    movements: null,
    places: null,
    range: null,
    undated: true,
    clustered: true,
    pending: 0,
    clusterJobs: 0,
    readyAt: null,
    ready: false,
    listeners: [],
    filter: { type: "", actor: "", q: "" },
    heat: null,
    renderer: null,
    paneOptions: {},
  };

  /* ---------- small helpers ---------- */

  function has(obj, key) {
    return obj != null && Object.prototype.hasOwnProperty.call(obj, key);
  }

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text != null && text !== "") node.textContent = String(text);
    return node;
  }

  function asText(text) {
    // Leaflet writes string content of tooltips and popups as HTML; a function returning a
    // node is appended as it is, so article text stays text.
    return function () {
      return el("span", null, text);
    };
  }

  function isoDay(day) {
    return new Date(day * DAY_MS).toISOString().slice(0, 10);
  }

  function svgIcon(color, glyph, vague, size) {
    // Only constants reach this string: colours and glyph paths come from the style table.
    var fill = vague ? "#ffffff" : color;
    var ink = vague ? color : "#ffffff";
    var ring = vague
      ? ' stroke="' + color + '" stroke-width="2.5" stroke-dasharray="4 3" fill-opacity="0.85"'
      : ' stroke="#ffffff" stroke-width="1.5"';
    return (
      '<svg xmlns="' + SVG_NS + '" viewBox="0 0 28 28" width="' + size + '" height="' + size +
      '" aria-hidden="true"><circle cx="14" cy="14" r="11.5" fill="' + fill + '"' + ring +
      '/><path d="' + glyph + '" fill="none" stroke="' + ink +
      '" stroke-width="2" stroke-linecap="round" stroke-linejoin="round"/></svg>'
    );
  }

  function styleOf(table, key) {
    return has(table, key) ? table[key] : null;
  }

  function eventStyle(type) {
    return styleOf(state.spec.styles.events, type) || state.spec.styles.fallback_event;
  }

  function movementColor(type) {
    var s = styleOf(state.spec.styles.movements, type);
    return s ? s.color : state.spec.styles.fallback_movement.color;
  }

  var iconCache = {};
  function incidentIcon(type, vague) {
    var key = (vague ? "v|" : "s|") + type;
    if (!has(iconCache, key)) {
      var s = eventStyle(type);
      iconCache[key] = L.divIcon({
        html: svgIcon(s.color, s.glyph, vague, 26),
        className: "geomap-incident" + (vague ? " geomap-vague" : ""),
        iconSize: [26, 26],
        iconAnchor: [13, 13],
        popupAnchor: [0, -12],
        tooltipAnchor: [12, 0],
      });
    }
    return iconCache[key];
  }

  function dateText(p) {
    var start = p.date_start || p.event_date;
    var end = p.date_end;
    if (!start) return null;
    var text = end && end !== start ? start + " – " + end : start;
    if (has(PRECISION, p.time_precision)) text += " (" + PRECISION[p.time_precision] + ")";
    if (p.date_text) text += " — “" + p.date_text + "”";
    return text;
  }

  function shortDate(p) {
    return p.event_date || p.date_start || null;
  }

  function safeUrl(url) {
    // Only web links to an article; anything else (javascript:, data:) is dropped.
    return typeof url === "string" && /^https?:\/\/[^\s]+$/i.test(url) ? url : null;
  }

  function row(box, label, value) {
    if (value == null || value === "") return;
    var line = el("div", "geomap-row");
    line.appendChild(el("strong", null, label + ": "));
    line.appendChild(document.createTextNode(String(value)));
    box.appendChild(line);
  }

  function sourceBlock(box, p) {
    var src = el("div", "geomap-source");
    var head = [p.publisher, p.published].filter(Boolean).join(", ");
    if (p.title) {
      var url = safeUrl(p.url);
      var title = url ? el("a", null, p.title) : el("cite", null, p.title);
      if (url) {
        title.href = url;
        title.target = "_blank";
        title.rel = "noopener noreferrer nofollow";
      }
      src.appendChild(title);
    }
    if (head) src.appendChild(el("span", null, (p.title ? " — " : "") + head));
    if (p.n_sources > 1 && p.sources) {
      src.appendChild(el("div", "geomap-sources", p.n_sources + " reports: " + p.sources));
    }
    if (src.childNodes.length) box.appendChild(src);
  }

  function itemLink(box, layer, id) {
    if (id == null || !state.spec.item_base) return;
    var a = el("a", "geomap-item", "GeoJSON of this " + (layer === "incidents" ? "incident" : "movement"));
    a.href = state.spec.item_base + layer + "/items/" + encodeURIComponent(String(id));
    a.target = "_blank";
    a.rel = "noopener";
    box.appendChild(a);
  }

  /* ---------- incidents ---------- */

  function incidentTooltip(p) {
    var where = p.place_name || p.location;
    var when = shortDate(p);
    return (p.event_type || "incident") + (where ? " — " + where : "") + (when ? " (" + when + ")" : "");
  }

  function incidentPopup(item) {
    var p = item.p;
    var box = el("div", "geomap-popup");
    var head = el("div", "geomap-head");
    var s = eventStyle(p.event_type);
    var swatch = el("span", "geomap-swatch");
    swatch.innerHTML = svgIcon(s.color, s.glyph, item.v, 18); // constants only
    head.appendChild(swatch);
    head.appendChild(el("strong", null, p.event_type || "incident"));
    if (p.sub_event_type) head.appendChild(el("span", null, " · " + p.sub_event_type));
    box.appendChild(head);
    row(box, "Date", dateText(p) || "not stated");
    var actors = [p.actor1, p.actor2].filter(Boolean).join("; ");
    row(box, "Actors", actors);
    row(box, "Place as written", p.location);
    var resolved = [p.place_name, p.admin1, p.country_code].filter(Boolean).join(", ");
    var precision = has(LOCATION_WORDS, p.location_type) ? LOCATION_WORDS[p.location_type] : p.location_type;
    if (resolved) row(box, "Resolved to", resolved + (precision ? " (" + precision + ")" : ""));
    if (p.quote) box.appendChild(el("blockquote", "geomap-quote", p.quote));
    sourceBlock(box, p);
    if (p.status === "planned") row(box, "Status", "planned (announced, not yet happened)");
    if (p.place_inferred) row(box, "Place", "inferred from the report around the sentence");
    if (p.extraction_confidence != null) row(box, "Extraction confidence", p.extraction_confidence + "%");
    itemLink(box, "incidents", item.id);
    return box;
  }

  function incidentsLayer(data) {
    var items = data.items;
    var cluster = L.markerClusterGroup({
      chunkedLoading: true,
      chunkProgress: function (done, total) {
        if (done >= total && state.clusterJobs > 0) {
          state.clusterJobs -= 1;
          settle();
        }
      },
      showCoverageOnHover: false,
      spiderfyOnMaxZoom: true,
      maxClusterRadius: 45,
    });
    var flat = L.layerGroup();
    var group = L.layerGroup([cluster]);
    items.forEach(makeIncident);
    state.incidents = { items: items, group: group, cluster: cluster, flat: flat };
    return group;
  }

  function makeIncident(it) {
    var p = it.p;
    var marker = L.marker(it.ll, {
      icon: incidentIcon(p.event_type, it.v),
      title: incidentTooltip(p),
      alt: p.event_type || "incident",
      riseOnHover: true,
    });
    marker.geomapItem = it;
    marker.bindPopup(incidentPopup.bind(null, it), popupOptions());
    it.layer = marker;
    it.shown = false;
  }

  function popupOptions() {
    // keep clear of the panels at the corners when panning a popup into view
    return { maxWidth: 360, minWidth: 220, autoPanPaddingTopLeft: [60, 60],
      autoPanPaddingBottomRight: [60, 60] };
  }

  /* ---------- movements ---------- */

  function movementTooltip(p) {
    var route = (p.origin || "?") + " → " + (p.destination || "?");
    var extra = [p.movement_type, shortDate(p)].filter(Boolean).join(", ");
    return extra ? route + " (" + extra + ")" : route;
  }

  function movementPopup(item) {
    var p = item.p;
    var box = el("div", "geomap-popup");
    var head = el("div", "geomap-head");
    var line = el("span", "geomap-line");
    line.style.borderColor = movementColor(p.movement_type);
    head.appendChild(line);
    head.appendChild(el("strong", null, p.movement_type || "movement"));
    box.appendChild(head);
    var route = (p.origin || "?") + (p.via ? " → " + p.via.split(/\s*;\s*/).join(" → ") : "") + " → " + (p.destination || "?");
    row(box, "Route", route);
    row(box, "Actor", p.actor);
    row(box, "Date", dateText(p) || "not stated");
    if (p.length_km != null) row(box, "Distance", Math.round(p.length_km).toLocaleString("en") + " km");
    if (item.v) row(box, "Precision", "an end is a province or country (approximate)");
    var inferred = [p.origin_inferred ? "origin" : null, p.destination_inferred ? "destination" : null].filter(Boolean);
    if (inferred.length) row(box, "Inferred", inferred.join(" and ") + " not stated with the movement (taken from the report around it)");
    if (p.status === "planned") row(box, "Status", "planned (announced, not yet happened)");
    if (p.quote) box.appendChild(el("blockquote", "geomap-quote", p.quote));
    sourceBlock(box, p);
    itemLink(box, "movements", item.id);
    return box;
  }

  function arrowMarkers(svg) {
    // One SVG <marker> per colour, so each path gets an arrowhead at its destination.
    if (!svg || svg.querySelector("defs.geomap-arrows")) return;
    var defs = document.createElementNS(SVG_NS, "defs");
    defs.setAttribute("class", "geomap-arrows");
    var colors = state.spec.styles.movement_colors;
    for (var i = 0; i < colors.length; i++) {
      var marker = document.createElementNS(SVG_NS, "marker");
      marker.setAttribute("id", "geomap-arrow-" + i);
      marker.setAttribute("viewBox", "0 0 10 10");
      // The tip stops short of the destination (refX beyond the box) so that the marker of
      // the place or incident there does not hide it.
      marker.setAttribute("refX", "17");
      marker.setAttribute("overflow", "visible");
      marker.setAttribute("refY", "5");
      marker.setAttribute("markerWidth", "5");
      marker.setAttribute("markerHeight", "5");
      marker.setAttribute("orient", "auto");
      var path = document.createElementNS(SVG_NS, "path");
      path.setAttribute("d", "M0,0 L10,5 L0,10 L2.5,5 z");
      path.setAttribute("fill", colors[i]);
      marker.appendChild(path);
      defs.appendChild(marker);
    }
    // A hollow ring at an origin the report does not state (taken from the dateline, the
    // sentences around or the mover's home).
    var ring = document.createElementNS(SVG_NS, "marker");
    ring.setAttribute("id", "geomap-ring");
    ring.setAttribute("viewBox", "0 0 10 10");
    ring.setAttribute("refX", "5");
    ring.setAttribute("refY", "5");
    ring.setAttribute("markerWidth", "6");
    ring.setAttribute("markerHeight", "6");
    var circle = document.createElementNS(SVG_NS, "circle");
    circle.setAttribute("cx", "5");
    circle.setAttribute("cy", "5");
    circle.setAttribute("r", "3.5");
    circle.setAttribute("fill", "#ffffff");
    circle.setAttribute("stroke", "#3a3a3a");
    circle.setAttribute("stroke-width", "1.5");
    ring.appendChild(circle);
    defs.appendChild(ring);
    svg.insertBefore(defs, svg.firstChild);
  }

  function movementsLayer(data, options) {
    var items = data.items;
    state.renderer = L.svg({ pane: options.pane, padding: 0.5 });
    state.paneOptions.movements = options.pane;
    var group = L.featureGroup();
    items.forEach(makeMovement);
    state.movements = { items: items, group: group };
    return group;
  }

  var MIN_ARROW_PX = 14; // a line shorter than this on screen gets no arrowhead

  function setArrow(line) {
    // An arrowhead only where its whole line is drawn: lines are never clipped (noClip), so
    // the head sits at the real destination, and a line too short to see has none.
    var path = line._path;
    if (!path || !line._map) return;
    // its length on screen from the pixel points Leaflet projected it to (no parts: drawn as
    // "M0 0", out of view); reading it from the path would lay the page out once per line
    var length = 0;
    var parts = line._parts || [];
    for (var i = 0; i < parts.length; i++) {
      for (var j = 1; j < parts[i].length; j++) length += parts[i][j].distanceTo(parts[i][j - 1]);
    }
    if (length >= MIN_ARROW_PX) {
      path.setAttribute("marker-end", line.geomapArrow);
      // a hollow ring at an origin that is inferred, not stated
      if (line.geomapItem.p.origin_inferred) path.setAttribute("marker-start", "url(#geomap-ring)");
    } else {
      path.removeAttribute("marker-end");
      path.removeAttribute("marker-start");
    }
  }

  function refreshArrows() {
    if (!state.movements) return;
    state.movements.items.forEach(function (it) { if (it.shown) setArrow(it.layer); });
  }

  function makeMovement(it) {
    var colors = state.spec.styles.movement_colors;
    var renderer = state.renderer;
    var color = movementColor(it.p.movement_type);
    var line = L.polyline(it.ll, {
      renderer: renderer,
      pane: state.paneOptions.movements,
      color: color,
      weight: 3,
      opacity: 0.85,
      noClip: true,
      // dotted: an end is inferred, not stated; dashed: an end is a province or country
      dashArray: it.p.destination_inferred || it.p.origin_inferred ? "2 6" : it.v ? "7 5" : null,
      className: "geomap-movement" + (it.v ? " geomap-vague" : "") +
        (it.p.origin_inferred || it.p.destination_inferred ? " geomap-inferred" : ""),
    });
    line.geomapItem = it;
    line.geomapArrow = "url(#geomap-arrow-" + Math.max(colors.indexOf(color), 0) + ")";
    line.on("add", function (e) {
      arrowMarkers(renderer._container);
      if (!renderer.geomapArrows) {
        // after the renderer redraws its paths (every move and zoom), heads follow them
        renderer.geomapArrows = true;
        renderer.on("update", refreshArrows);
      }
      setArrow(e.target);
    });
    line.on("remove", function (e) {
      if (!e.target._path) return;
      e.target._path.removeAttribute("marker-end");
      e.target._path.removeAttribute("marker-start");
    });
    line.bindTooltip(asText(movementTooltip(it.p)), { sticky: true });
    line.bindPopup(movementPopup.bind(null, it), popupOptions());
    it.layer = line;
    it.shown = false;
  }

  /* ---------- places ---------- */

  function placesLayer(data, options) {
    var group = L.featureGroup();
    var items = data.items;
    state.paneOptions.places = options.pane;
    items.forEach(makePlace);
    state.places = { items: items, group: group };
    return group;
  }

  function makePlace(it) {
    var n = Math.max(1, Number(it.p.n_mentions) || 1);
    var circle = L.circleMarker(it.ll, {
      pane: state.paneOptions.places,
      radius: Math.min(4 + 2.5 * Math.sqrt(n), 22),
      color: state.spec.styles.place_color,
      weight: 1.5,
      dashArray: it.v ? "4 3" : null,
      fillColor: state.spec.styles.place_color,
      fillOpacity: it.v ? 0.1 : 0.45,
      className: "geomap-place" + (it.v ? " geomap-vague" : ""),
    });
    var label = (it.p.name || "place") + " (" + n + (n === 1 ? " mention" : " mentions") + ")";
    circle.bindTooltip(asText(label));
    circle.geomapItem = it;
    it.layer = circle;
    it.shown = false;
  }

  /* ---------- filtering by time ---------- */

  function inTime(it) {
    if (!it.t) return state.undated;
    var r = state.range;
    return !r || (it.t[0] <= r[1] && it.t[1] >= r[0]);
  }

  function fold(value) {
    return value == null ? "" : String(value).toLowerCase();
  }

  var TEXT_KEYS = ["quote", "title", "actor", "actor1", "actor2", "location", "place_name",
    "name", "origin", "via", "destination", "event_type", "sub_event_type", "movement_type"];

  function textOf(p) {
    var out = [];
    for (var i = 0; i < TEXT_KEYS.length; i++) if (p[TEXT_KEYS[i]]) out.push(fold(p[TEXT_KEYS[i]]));
    return out.join(" ");
  }

  function hasWords(p, words) {
    var hay = textOf(p);
    for (var i = 0; i < words.length; i++) if (hay.indexOf(words[i]) < 0) return false;
    return true;
  }

  function typeOf(p) {
    // an incident's type, or the event type a movement's kind belongs to
    if (p.event_type) return p.event_type;
    var map = state.spec.movement_event_types || {};
    return has(map, p.movement_type) ? map[p.movement_type] : null;
  }

  function words() {
    return fold(state.filter.q).split(/\s+/).filter(Boolean);
  }

  function passes(it) {
    // the filter panel's type, actor and words (the same rules as the server's filters)
    var f = state.filter;
    var p = it.p;
    if (f.type && fold(typeOf(p)) !== fold(f.type)) return false;
    if (f.actor) {
      var a = fold(f.actor);
      if ([p.actor, p.actor1, p.actor2].every(function (x) { return fold(x).indexOf(a) < 0; })) {
        return false;
      }
    }
    var w = words();
    return !w.length || hasWords(p, w);
  }

  function visible(it) {
    return inTime(it) && passes(it);
  }

  function narrowed() {
    // is any filter or the time range hiding something? (then places follow the events)
    var f = state.filter;
    if (f.type || f.actor || words().length) return true;
    var t = state.spec.time;
    if (!t) return false;
    var r = state.range;
    return !state.undated || (r && (r[0] > t.min || r[1] < t.max));
  }

  function busy() {
    // Work that ends with settle(): the page is ready once every piece has settled.
    state.pending += 1;
    state.ready = false;
    document.documentElement.removeAttribute("data-geomap-ready");
  }

  function settle() {
    state.pending = Math.max(0, state.pending - 1);
    if (state.pending === 0) {
      state.ready = true;
      if (state.readyAt == null) state.readyAt = performance.now();
      document.documentElement.setAttribute("data-geomap-ready", "1");
      notify();
    }
  }

  function notify() {
    for (var i = 0; i < state.listeners.length; i++) state.listeners[i](summary());
  }

  function addToCluster(layers) {
    var cluster = state.incidents.cluster;
    if (cluster._map) {
      // chunked: markercluster reports the end through chunkProgress
      busy();
      state.clusterJobs += 1;
    }
    cluster.addLayers(layers);
  }

  function applyPlaces() {
    var pl = state.places;
    if (!pl) return;
    var linked = null;
    if (narrowed()) {
      linked = {};
      [state.incidents, state.movements].forEach(function (layer) {
        if (!layer) return;
        layer.items.forEach(function (it) {
          if (!it.shown) return;
          (it.g || []).forEach(function (id) { linked[id] = true; });
        });
      });
    }
    var w = words();
    var byName = w.length && !state.filter.type && !state.filter.actor;
    for (var i = 0; i < pl.items.length; i++) {
      var it = pl.items[i];
      var show = !linked || has(linked, it.id) || (byName && hasWords(it.p, w));
      if (show !== it.shown) {
        if (show) pl.group.addLayer(it.layer);
        else pl.group.removeLayer(it.layer);
        it.shown = show;
      }
    }
  }

  function applyHeat() {
    if (!state.heat) return;
    var pts = [];
    state.incidents.items.forEach(function (it) {
      if (it.shown) pts.push([it.ll[0], it.ll[1], 1]);
    });
    state.heat.setLatLngs(pts);
  }

  function setHeat(on) {
    // the heat map stands in for the incident markers (the same incidents, filters included)
    var inc = state.incidents;
    if (!inc || !L.heatLayer || on === !!state.heat) return;
    busy();
    if (on) {
      state.heat = L.heatLayer([], { radius: 22, blur: 18, minOpacity: 0.35, maxZoom: 5 });
      inc.group.removeLayer(state.clustered ? inc.cluster : inc.flat);
      inc.group.addLayer(state.heat);
      applyHeat();
    } else {
      inc.group.removeLayer(state.heat);
      state.heat = null;
      inc.group.addLayer(state.clustered ? inc.cluster : inc.flat);
    }
    settle();
  }

  function apply() {
    var inc = state.incidents;
    var mov = state.movements;
    busy();
    if (mov) {
      for (var j = 0; j < mov.items.length; j++) {
        var m = mov.items[j];
        var show = visible(m);
        if (show !== m.shown) {
          if (show) mov.group.addLayer(m.layer);
          else mov.group.removeLayer(m.layer);
          m.shown = show;
        }
      }
    }
    if (inc) {
      var add = [];
      var remove = [];
      for (var i = 0; i < inc.items.length; i++) {
        var it = inc.items[i];
        var on = visible(it);
        if (on !== it.shown) {
          (on ? add : remove).push(it.layer);
          it.shown = on;
        }
      }
      if (remove.length) {
        if (state.clustered) inc.cluster.removeLayers(remove);
        else remove.forEach(function (l) { inc.flat.removeLayer(l); });
      }
      if (add.length) {
        if (state.clustered) {
          addToCluster(add);
        } else {
          add.forEach(function (l) { inc.flat.addLayer(l); });
        }
      }
    }
    applyPlaces();
    applyHeat();
    if (geomap.tiles) geomap.tiles.apply(); // map_tiles.js, on pages with tiled layers
    settle();
  }

  function setClustered(on) {
    var inc = state.incidents;
    if (!inc || on === state.clustered || state.heat) return;
    var shown = inc.items.filter(function (it) { return it.shown; }).map(function (it) { return it.layer; });
    state.clustered = on;
    busy();
    if (on) {
      inc.flat.clearLayers();
      inc.group.removeLayer(inc.flat);
      inc.group.addLayer(inc.cluster);
      inc.cluster.clearLayers();
      addToCluster(shown);
    } else {
      inc.cluster.clearLayers();
      inc.group.removeLayer(inc.cluster);
      inc.group.addLayer(inc.flat);
      shown.forEach(function (l) { inc.flat.addLayer(l); });
    }
    settle();
  }

  function summary() {
    function count(layer) {
      if (!layer) return { total: 0, shown: 0 };
      var shown = 0;
      for (var i = 0; i < layer.items.length; i++) if (layer.items[i].shown) shown++;
      return { total: layer.items.length, shown: shown };
    }
    return {
      incidents: count(state.incidents),
      movements: count(state.movements),
      places: count(state.places),
      heat: !!state.heat,
      filter: { type: state.filter.type, actor: state.filter.actor, q: state.filter.q },
      range: state.range ? [isoDay(state.range[0]), isoDay(state.range[1])] : null,
      undated: state.undated,
      clustered: state.clustered,
      tiles: geomap.tiles ? geomap.tiles.summary() : {},
      ready: state.ready,
      first_ready_ms: state.readyAt,
    };
  }

  function countText(s, layer) {
    // "12 of 40", or for a layer drawn from tiles "all 1,000,000 (tiles)"
    var t = s.tiles && s.tiles[layer];
    if (t) return "all " + Number(t.matched).toLocaleString("en") + " (tiles)";
    return s[layer].shown + " of " + s[layer].total;
  }

  /* ---------- controls ---------- */

  function noticeControl(spec) {
    // a line that stays in view: e.g. that the page holds a subset of a big layer (hidden
    // while there is nothing to say; a live refresh sets it again)
    var Notice = L.Control.extend({
      options: { position: "bottomleft" },
      onAdd: function () {
        var box = el("div", "geomap-notice leaflet-control");
        L.DomEvent.disableClickPropagation(box);
        this.box = box;
        this.set(spec.notice);
        return box;
      },
      set: function (text) {
        if (!this.box) return;
        this.box.textContent = text || "";
        this.box.style.display = text ? "" : "none";
      },
    });
    return new Notice();
  }

  function legendControl(spec) {
    var Legend = L.Control.extend({
      options: { position: "bottomright" },
      onAdd: function (map) {
        var box = el("div", "geomap-legend leaflet-control");
        var details = el("details");
        // open where there is room for it; a click on "Legend" opens or closes it
        var size = map.getSize();
        details.open = size.y >= 640 && size.x >= 800;
        details.appendChild(el("summary", null, "Legend"));
        box.appendChild(details);
        if (spec.filters && spec.filters.length) {
          var f = el("div", "geomap-filters");
          f.appendChild(el("strong", null, "Filtered: "));
          f.appendChild(document.createTextNode(spec.filters.join(" · ")));
          details.appendChild(f);
        }
        if (spec.legend.events.length) {
          details.appendChild(el("div", "geomap-legend-title", "Incidents"));
          spec.legend.events.forEach(function (entry) {
            var s = eventStyle(entry[0]);
            var line = el("div", "geomap-legend-row");
            var sw = el("span", "geomap-swatch");
            sw.innerHTML = svgIcon(s.color, s.glyph, false, 16); // constants only
            line.appendChild(sw);
            line.appendChild(el("span", null, entry[0] + (entry[1] == null ? "" : " (" + entry[1] + ")")));
            details.appendChild(line);
          });
        }
        details.appendChild(el("div", "geomap-legend-title", "Location precision"));
        var precision = el("div", "geomap-legend-row");
        var sw1 = el("span", "geomap-swatch");
        sw1.innerHTML = svgIcon("#555555", "", false, 16); // constants only
        precision.appendChild(sw1);
        precision.appendChild(el("span", null, "city or exact"));
        var sw2 = el("span", "geomap-swatch");
        sw2.innerHTML = svgIcon("#555555", "", true, 16); // constants only
        precision.appendChild(sw2);
        precision.appendChild(el("span", null, "province or country (approximate)"));
        details.appendChild(precision);
        if (spec.legend.movements.length) {
          details.appendChild(el("div", "geomap-legend-title", "Movements (arrow at destination)"));
          spec.legend.movements.forEach(function (entry) {
            var line = el("div", "geomap-legend-row");
            var sw = el("span", "geomap-line");
            sw.style.borderColor = movementColor(entry[0]);
            line.appendChild(sw);
            line.appendChild(el("span", null, entry[0] + (entry[1] == null ? "" : " (" + entry[1] + ")")));
            details.appendChild(line);
          });
          var dashed = el("div", "geomap-legend-row");
          var dsw = el("span", "geomap-line geomap-line-dashed");
          dashed.appendChild(dsw);
          dashed.appendChild(el("span", null, "dashed: an end is approximate"));
          details.appendChild(dashed);
        }
        if (spec.legend.places) {
          details.appendChild(el("div", "geomap-legend-title", "Places"));
          var pl = el("div", "geomap-legend-row");
          var psw = el("span", "geomap-dot");
          psw.style.background = spec.styles.place_color;
          pl.appendChild(psw);
          pl.appendChild(el("span", null, "size: number of mentions"));
          details.appendChild(pl);
        }
        var toggle = el("label", "geomap-legend-row geomap-cluster-toggle");
        var box2 = el("input");
        box2.type = "checkbox";
        box2.checked = state.clustered;
        box2.name = "geomap-cluster";
        box2.addEventListener("change", function () { setClustered(box2.checked); });
        toggle.appendChild(box2);
        toggle.appendChild(el("span", null, "group nearby incidents"));
        details.appendChild(toggle);
        L.DomEvent.disableClickPropagation(box);
        L.DomEvent.disableScrollPropagation(box);
        return box;
      },
    });
    return new Legend();
  }

  function timeControl(spec) {
    var t = spec.time;
    var Time = L.Control.extend({
      options: { position: "bottomleft" },
      onAdd: function () {
        var box = el("div", "geomap-time leaflet-control");
        box.setAttribute("role", "group");
        box.setAttribute("aria-label", "Filter by date");
        var head = el("div", "geomap-time-head");
        head.appendChild(el("strong", null, "Dates "));
        var out = el("output", "geomap-time-range");
        head.appendChild(out);
        box.appendChild(head);

        function slider(name, label, value) {
          var wrap = el("label", "geomap-time-slider");
          wrap.appendChild(el("span", null, label));
          var input = el("input");
          input.type = "range";
          input.name = name;
          input.min = String(t.min);
          input.max = String(t.max);
          input.step = "1";
          input.value = String(value);
          wrap.appendChild(input);
          box.appendChild(wrap);
          return input;
        }
        var from = slider("geomap-from", "from", t.min);
        var to = slider("geomap-to", "to", t.max);

        var line = el("div", "geomap-time-row");
        var play = el("button", "geomap-play", "▶ play");
        play.type = "button";
        line.appendChild(play);
        var undated = el("label");
        var check = el("input");
        check.type = "checkbox";
        check.name = "geomap-undated";
        check.checked = state.undated;
        undated.appendChild(check);
        undated.appendChild(el("span", null, " undated (" + t.undated + ")"));
        line.appendChild(undated);
        box.appendChild(line);
        var counts = el("div", "geomap-counts");
        counts.setAttribute("aria-live", "polite");
        box.appendChild(counts);

        var timer = null;
        var frame = null;
        function read() {
          var a = Number(from.value);
          var b = Number(to.value);
          if (a > b) {
            if (this === from) to.value = String(a);
            else from.value = String(b);
          }
          state.range = [Number(from.value), Number(to.value)];
          out.textContent = isoDay(state.range[0]) + " – " + isoDay(state.range[1]);
          if (frame) cancelAnimationFrame(frame);
          frame = requestAnimationFrame(function () { frame = null; apply(); });
        }
        from.addEventListener("input", read);
        to.addEventListener("input", read);
        check.addEventListener("change", function () {
          state.undated = check.checked;
          apply();
        });
        play.addEventListener("click", function () {
          if (timer) {
            clearInterval(timer);
            timer = null;
            play.textContent = "▶ play";
            return;
          }
          var width = Math.max(Number(to.value) - Number(from.value), Math.ceil((t.max - t.min) / 10), 1);
          var step = Math.max(1, Math.ceil((t.max - t.min) / 60));
          from.value = String(t.min);
          to.value = String(Math.min(t.min + width, t.max));
          read.call(from);
          play.textContent = "❚❚ pause";
          timer = setInterval(function () {
            if (Number(to.value) >= t.max) {
              clearInterval(timer);
              timer = null;
              play.textContent = "▶ play";
              return;
            }
            to.value = String(Math.min(Number(to.value) + step, t.max));
            from.value = String(Math.min(Number(from.value) + step, Number(to.value)));
            read.call(to);
          }, 700);
        });
        state.listeners.push(function (s) {
          counts.textContent =
            "showing " + countText(s, "incidents") + " incidents, " + countText(s, "movements") + " movements";
        });
        state.range = [t.min, t.max];
        out.textContent = isoDay(t.min) + " – " + isoDay(t.max);
        state.retime = function (nt) {
          // new data (live refresh): the sliders span it; a range that was whole stays whole
          var whole = Number(from.value) <= t.min && Number(to.value) >= t.max;
          t.min = nt.min;
          t.max = nt.max;
          t.undated = nt.undated;
          [from, to].forEach(function (input) {
            input.min = String(nt.min);
            input.max = String(nt.max);
          });
          if (whole) {
            from.value = String(nt.min);
            to.value = String(nt.max);
          }
          undated.lastChild.textContent = " undated (" + nt.undated + ")";
          state.range = [Number(from.value), Number(to.value)];
          out.textContent = isoDay(state.range[0]) + " – " + isoDay(state.range[1]);
        };
        L.DomEvent.disableClickPropagation(box);
        L.DomEvent.disableScrollPropagation(box);
        return box;
      },
    });
    return new Time();
  }

  /* ---------- entry points ---------- */

  function setup(map, spec) {
    state.map = map;
    state.spec = spec;
  }

  function fit(map, legend, panel) {
    // Fit the data's bounds at once (no animation, so nothing is drawn mid-zoom), keeping
    // clear of the legend (bottom right) and the time control (bottom left).
    var spec = state.spec;
    if (!spec.bounds) return;
    var right = legend ? legend.getContainer().offsetWidth + 20 : 20;
    var bottom = panel ? panel.getContainer().offsetHeight + 20 : 20;
    var size = map.getSize();
    map.fitBounds(spec.bounds, {
      paddingTopLeft: [40, 40],
      paddingBottomRight: [Math.min(right, size.x / 3), Math.min(bottom, size.y / 3)],
      maxZoom: spec.max_fit_zoom,
      animate: false,
    });
  }

  function finish(map) {
    var spec = state.spec;
    var legend = legendControl(spec).addTo(map);
    state.legend = legend;
    state.notice = noticeControl(spec).addTo(map);
    var panel;
    if (spec.time) panel = timeControl(spec).addTo(map);
    else {
      var Counts = L.Control.extend({
        options: { position: "bottomleft" },
        onAdd: function () {
          var box = el("div", "geomap-time leaflet-control");
          var counts = el("div", "geomap-counts");
          box.appendChild(counts);
          state.listeners.push(function (s) {
            counts.textContent =
              "showing " + s.incidents.shown + " incidents, " + s.movements.shown + " movements (none dated)";
          });
          return box;
        },
      });
      panel = new Counts().addTo(map);
    }
    fit(map, legend, panel);
    if (geomap.tiles) geomap.tiles.add(map);
    apply();
    for (var i = 0; i < extensions.length; i++) extensions[i](api);
  }

  /* ---------- for the workbench (filters, search, heat map, downloads, live data) ---------- */

  var extensions = [];

  function setFilter(filter) {
    // type, actor, q: each applies to every layer (places follow the events they hold)
    ["type", "actor", "q"].forEach(function (k) {
      if (filter && has(filter, k)) state.filter[k] = filter[k] == null ? "" : String(filter[k]);
    });
    apply();
  }

  function replaceData(data) {
    // New items for every layer (a report was ingested): the view, panels and filters stay;
    // the legend and the time control follow the new data.
    busy();
    if (data.legend && state.legend) {
      state.spec.legend = data.legend;
      var map = state.map;
      state.legend.remove();
      state.legend = legendControl(state.spec).addTo(map);
    }
    if (data.time && state.retime && state.spec.time) state.retime(data.time);
    if (state.notice && "notice" in data) {
      state.spec.notice = data.notice;
      state.notice.set(data.notice);
    }
    var inc = state.incidents;
    if (inc && data.incidents) {
      inc.cluster.clearLayers();
      inc.flat.clearLayers();
      data.incidents.forEach(makeIncident);
      inc.items = data.incidents;
    }
    var mov = state.movements;
    if (mov && data.movements) {
      mov.group.clearLayers();
      data.movements.forEach(makeMovement);
      mov.items = data.movements;
    }
    var pl = state.places;
    if (pl && data.places) {
      pl.group.clearLayers();
      data.places.forEach(makePlace);
      pl.items = data.places;
    }
    apply();
    settle();
  }

  function shownItems(layer) {
    var l = state[layer];
    return l ? l.items.filter(function (it) { return it.shown; }) : [];
  }

  var api = {
    state: state,
    apply: apply,
    setFilter: setFilter,
    setHeat: setHeat,
    replaceData: replaceData,
    shownItems: shownItems,
    typeOf: typeOf,
    textOf: textOf,
    busy: busy,
    settle: settle,
    el: el,
  };

  function setRange(start, end) {
    // For scripts and tests: the same as moving the sliders to these ISO dates.
    var a = Math.floor(Date.parse(start) / DAY_MS);
    var b = Math.floor(Date.parse(end) / DAY_MS);
    state.range = [a, b];
    var inputs = document.querySelectorAll(".geomap-time input[type=range]");
    if (inputs.length === 2) {
      inputs[0].value = String(a);
      inputs[1].value = String(b);
      var out = document.querySelector(".geomap-time-range");
      if (out) out.textContent = isoDay(a) + " – " + isoDay(b);
    }
    apply();
  }

  return {
    setup: setup,
    incidents: incidentsLayer,
    movements: movementsLayer,
    places: placesLayer,
    finish: finish,
    state: summary,
    setRange: setRange,
    setClustered: setClustered,
    setFilter: setFilter,
    setHeat: setHeat,
    replaceData: replaceData,
    extend: function (fn) { extensions.push(fn); },
    map: function () { return state.map; },
    // for map_tiles.js (layers too big to embed), which the page adds when it needs it
    internals: {
      state: state, has: has, el: el, isoDay: isoDay, eventStyle: eventStyle,
      movementColor: movementColor, incidentPopup: incidentPopup,
      movementPopup: movementPopup, busy: busy, settle: settle,
    },
  };
})();
