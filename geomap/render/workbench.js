/* geomap's workbench on the map: filters, search, heat map, "download what I see", popups
 * kept clear of the panels, and layers that refresh when the store changes.
 *
 * Written for geomap (MIT). Loaded after map.js; it plugs in through geomap.extend. Like
 * map.js, it writes article text only with textContent and never uses inline event handlers
 * or eval, so the page runs under a strict Content-Security-Policy.
 */
(function () {
  "use strict";

  var MAX_RESULTS = 8;
  var CSV_RISKY = /^[=+\-@\t\r]/; // spreadsheet formula starts (OWASP CSV injection)

  function debounce(fn, ms) {
    var timer = null;
    return function () {
      var args = arguments;
      var self = this;
      clearTimeout(timer);
      timer = setTimeout(function () { fn.apply(self, args); }, ms);
    };
  }

  /* ---------- what is shown, as GeoJSON and CSV ---------- */

  function wrapLon(lon) {
    var x = ((((lon + 180) % 360) + 360) % 360) - 180;
    return x === -180 && lon > 0 ? 180 : Math.round(x * 1e5) / 1e5;
  }

  function lineParts(ll) {
    // [[lat, lon], ...] (longitudes unwrapped past ±180) -> GeoJSON parts in [-180, 180],
    // split where the line crosses the antimeridian
    var lines = Array.isArray(ll[0][0]) ? ll : [ll];
    var parts = [];
    lines.forEach(function (line) {
      var part = [];
      for (var i = 0; i < line.length; i++) {
        var p = [wrapLon(line[i][1]), line[i][0]];
        if (part.length && Math.abs(p[0] - part[part.length - 1][0]) > 180) {
          if (part.length > 1) parts.push(part);
          part = [];
        }
        part.push(p);
      }
      if (part.length > 1) parts.push(part);
    });
    return parts;
  }

  function geometryOf(it) {
    if (typeof it.ll[0] === "number") {
      return { type: "Point", coordinates: [wrapLon(it.ll[1]), it.ll[0]] };
    }
    var parts = lineParts(it.ll);
    return parts.length === 1
      ? { type: "LineString", coordinates: parts[0] }
      : { type: "MultiLineString", coordinates: parts };
  }

  function inView(it, bounds) {
    if (typeof it.ll[0] === "number") return bounds.contains(it.ll);
    var lines = Array.isArray(it.ll[0][0]) ? it.ll : [it.ll];
    return lines.some(function (line) { return bounds.intersects(L.latLngBounds(line)); });
  }

  function seenFeatures(wb) {
    // the features every filter lets through that lie in the map's current view
    var bounds = wb.state.map.getBounds();
    var out = [];
    ["incidents", "movements", "places"].forEach(function (layer) {
      wb.shownItems(layer).forEach(function (it) {
        if (!inView(it, bounds)) return;
        var props = { layer: layer, id: it.id };
        Object.keys(it.p).forEach(function (k) { props[k] = it.p[k]; });
        props.corrected = !!it.c;
        out.push({ type: "Feature", id: it.id, geometry: geometryOf(it), properties: props });
      });
    });
    return out;
  }

  function wkt(g) {
    function pos(c) { return c[0] + " " + c[1]; }
    if (g.type === "Point") return "POINT (" + pos(g.coordinates) + ")";
    if (g.type === "LineString") return "LINESTRING (" + g.coordinates.map(pos).join(", ") + ")";
    return "MULTILINESTRING (" + g.coordinates.map(function (part) {
      return "(" + part.map(pos).join(", ") + ")";
    }).join(", ") + ")";
  }

  function csvCell(value) {
    if (value == null) return "";
    var text = String(value);
    if (CSV_RISKY.test(text)) text = "'" + text;
    return /[",\n\r]/.test(text) ? '"' + text.replace(/"/g, '""') + '"' : text;
  }

  function toCsv(features) {
    var keys = ["layer", "id"];
    features.forEach(function (f) {
      Object.keys(f.properties).forEach(function (k) { if (keys.indexOf(k) < 0) keys.push(k); });
    });
    keys.push("wkt");
    var lines = [keys.join(",")];
    features.forEach(function (f) {
      lines.push(keys.map(function (k) {
        return csvCell(k === "wkt" ? wkt(f.geometry) : f.properties[k]);
      }).join(","));
    });
    return lines.join("\r\n") + "\r\n";
  }

  function download(name, type, text) {
    var url = URL.createObjectURL(new Blob([text], { type: type }));
    var a = document.createElement("a");
    a.href = url;
    a.download = name;
    a.style.display = "none";
    document.body.appendChild(a);
    a.click();
    setTimeout(function () { URL.revokeObjectURL(url); a.remove(); }, 1000);
  }

  function stamp() {
    return new Date().toISOString().slice(0, 10);
  }

  /* ---------- search ---------- */

  function label(layer, p) {
    if (layer === "places") return (p.name || "place") + " — place";
    if (layer === "movements") {
      return (p.origin || "?") + " → " + (p.destination || "?") + " — " +
        (p.movement_type || "movement") + (p.event_date ? " (" + p.event_date + ")" : "");
    }
    return (p.event_type || "incident") + " — " + (p.place_name || p.location || "?") +
      (p.event_date ? " (" + p.event_date + ")" : "");
  }

  function search(wb, text) {
    var words = String(text || "").toLowerCase().split(/\s+/).filter(Boolean);
    if (!words.length) return [];
    var out = [];
    ["places", "incidents", "movements"].forEach(function (layer) {
      wb.shownItems(layer).forEach(function (it) {
        if (out.length >= 200) return;
        var hay = wb.textOf(it.p);
        for (var i = 0; i < words.length; i++) if (hay.indexOf(words[i]) < 0) return;
        out.push({ layer: layer, item: it });
      });
    });
    return out;
  }

  function reveal(wb, hit) {
    var map = wb.state.map;
    var it = hit.item;
    var layer = it.layer;
    if (hit.layer === "places") {
      map.setView(it.ll, Math.max(map.getZoom(), 6), { animate: false });
      layer.openTooltip();
    } else if (hit.layer === "incidents" && wb.state.clustered && !wb.state.heat) {
      // a city's zoom, then the cluster holding it fans out (no zooming to the street)
      var cluster = wb.state.incidents.cluster;
      var open = function () {
        var parent = cluster.getVisibleParent(layer);
        if (parent === layer) {
          layer.openPopup();
        } else if (parent && parent.spiderfy) {
          cluster.once("spiderfied", function () { layer.openPopup(); });
          parent.spiderfy();
        } else {
          cluster.zoomToShowLayer(layer, function () { layer.openPopup(); });
        }
      };
      var zoom = Math.max(map.getZoom(), 8);
      if (zoom === map.getZoom()) {
        map.setView(it.ll, zoom, { animate: false });
        open();
      } else {
        // the clusters are redrawn after a zoom; then the one holding it fans out
        var done = false;
        var once = function () { if (!done) { done = true; open(); } };
        cluster.once("animationend", once);
        setTimeout(once, 700);
        map.setView(it.ll, zoom, { animate: false });
      }
    } else if (hit.layer === "incidents") {
      map.setView(it.ll, Math.max(map.getZoom(), 7), { animate: false });
      if (!wb.state.heat) layer.openPopup();
    } else {
      map.fitBounds(layer.getBounds(), { maxZoom: 8, animate: false, padding: [60, 60] });
      layer.openPopup(layer.getCenter());
    }
  }

  /* ---------- popups above the panels ---------- */

  function overlaps(a, b) {
    return a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
  }

  function keepPopupOnTop(map) {
    // Leaflet draws controls above popups; while a popup is open, the panels it would be
    // hidden under step aside, so the popup is what the reader sees (and can click).
    var open = null;
    function check() {
      var controls = map.getContainer().querySelectorAll(".leaflet-control");
      var box = open && open.getElement() ? open.getElement().getBoundingClientRect() : null;
      for (var i = 0; i < controls.length; i++) {
        var c = controls[i];
        c.classList.remove("geomap-under-popup");
        if (box && overlaps(box, c.getBoundingClientRect())) c.classList.add("geomap-under-popup");
      }
    }
    map.on("popupopen", function (e) { open = e.popup; check(); });
    map.on("popupclose", function () { open = null; check(); });
    map.on("moveend zoomend", function () { if (open) check(); });
  }

  /* ---------- the panel ---------- */

  function panel(wb) {
    var el = wb.el;
    var spec = wb.state.spec;
    var Panel = L.Control.extend({
      options: { position: "topleft" },
      onAdd: function (map) {
        var box = el("div", "geomap-panel leaflet-control");
        var details = el("details");
        details.open = map.getSize().x >= 700;
        details.appendChild(el("summary", null, "Search and filter"));
        box.appendChild(details);

        var find = el("input");
        find.type = "search";
        find.name = "geomap-search";
        find.placeholder = "Find a place, actor or words";
        find.setAttribute("aria-label", "Find a place, an actor or words of a quote");
        details.appendChild(find);
        var results = el("ul", "geomap-results");
        results.setAttribute("role", "listbox");
        details.appendChild(results);
        find.addEventListener("input", debounce(function () {
          results.textContent = "";
          var hits = search(wb, find.value);
          hits.slice(0, MAX_RESULTS).forEach(function (hit) {
            var li = el("li");
            var b = el("button", "geomap-result", label(hit.layer, hit.item.p));
            b.type = "button";
            b.addEventListener("click", function () { reveal(wb, hit); });
            li.appendChild(b);
            results.appendChild(li);
          });
          if (find.value.trim() && !hits.length) results.appendChild(el("li", "geomap-none", "nothing found"));
          else if (hits.length > MAX_RESULTS) {
            results.appendChild(el("li", "geomap-none", (hits.length - MAX_RESULTS) + " more: type more words"));
          }
        }, 150));

        var form = el("div", "geomap-filter");
        form.appendChild(el("div", "geomap-legend-title", "Show only"));
        var type = el("select");
        type.name = "geomap-type";
        type.setAttribute("aria-label", "Event type");
        var any = el("option", null, "every type");
        any.value = "";
        type.appendChild(any);
        (spec.event_types || []).forEach(function (t) {
          var o = el("option", null, t);
          o.value = t;
          type.appendChild(o);
        });
        form.appendChild(type);
        var actor = el("input");
        actor.type = "text";
        actor.name = "geomap-actor";
        actor.placeholder = "actor contains…";
        actor.setAttribute("aria-label", "Actor contains");
        form.appendChild(actor);
        var words = el("input");
        words.type = "text";
        words.name = "geomap-q";
        words.placeholder = "words in quote, place, actor…";
        words.setAttribute("aria-label", "Words");
        form.appendChild(words);
        var initial = spec.initial_filter || {};
        type.value = initial.type || "";
        actor.value = initial.actor || "";
        words.value = initial.q || "";
        var update = debounce(function () {
          wb.setFilter({ type: type.value, actor: actor.value, q: words.value });
        }, 150);
        type.addEventListener("change", update);
        actor.addEventListener("input", update);
        words.addEventListener("input", update);
        details.appendChild(form);

        var heat = el("label", "geomap-legend-row");
        var heatBox = el("input");
        heatBox.type = "checkbox";
        heatBox.name = "geomap-heat";
        heatBox.disabled = !L.heatLayer;
        heatBox.addEventListener("change", function () { wb.setHeat(heatBox.checked); });
        heat.appendChild(heatBox);
        heat.appendChild(el("span", null, "heat map of incidents"));
        details.appendChild(heat);

        var dl = el("div", "geomap-download");
        dl.appendChild(el("span", null, "Download what I see: "));
        [["GeoJSON", "geojson", "application/geo+json"], ["CSV", "csv", "text/csv"]].forEach(function (f) {
          var b = el("button", "geomap-download-" + f[1], f[0]);
          b.type = "button";
          b.addEventListener("click", function () {
            var features = seenFeatures(wb);
            var text = f[1] === "csv" ? toCsv(features)
              : JSON.stringify({ type: "FeatureCollection", features: features });
            download("geomap-" + stamp() + "." + f[1], f[2], text);
          });
          dl.appendChild(b);
        });
        details.appendChild(dl);
        var live = el("div", "geomap-live");
        live.setAttribute("aria-live", "polite");
        details.appendChild(live);
        wb.liveNote = live;

        L.DomEvent.disableClickPropagation(box);
        L.DomEvent.disableScrollPropagation(box);
        return box;
      },
    });
    return new Panel();
  }

  /* ---------- live refresh ---------- */

  function poll(wb) {
    var live = wb.state.spec.live;
    if (!live || !window.fetch) return;
    var current = live.current;
    var busy = false;
    function check() {
      if (busy || document.hidden) return;
      busy = true;
      fetch(live.version, { headers: { Accept: "application/json" }, cache: "no-store" })
        .then(function (r) { return r.ok ? r.json() : null; })
        .then(function (v) {
          if (!v || v.version === current) return null;
          return fetch(live.layers, { headers: { Accept: "application/json" }, cache: "no-store" })
            .then(function (r) { return r.ok ? r.json() : null; })
            .then(function (data) {
              if (!data) return;
              current = data.version;
              wb.replaceData(data);
              if (wb.liveNote) {
                wb.liveNote.textContent = "updated " + new Date().toLocaleTimeString() + ": " +
                  data.incidents.length + " incidents, " + data.movements.length + " movements";
              }
              document.documentElement.setAttribute("data-geomap-version", current);
            });
        })
        .catch(function () { /* the server is away: try again at the next tick */ })
        .then(function () { busy = false; });
    }
    document.documentElement.setAttribute("data-geomap-version", current || "");
    setInterval(check, Math.max(1000, live.every || 10000));
  }

  geomap.extend(function (wb) {
    var map = wb.state.map;
    panel(wb).addTo(map);
    keepPopupOnTop(map);
    var initial = wb.state.spec.initial_filter;
    if (initial && (initial.type || initial.actor || initial.q)) wb.setFilter(initial);
    poll(wb);
    geomap.seen = function () { return seenFeatures(wb); };
    geomap.search = function (text) {
      return search(wb, text).map(function (h) { return { layer: h.layer, id: h.item.id }; });
    };
  });
})();
