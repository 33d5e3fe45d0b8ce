/* geomap's map, the layers drawn from vector tiles (added to the page only when a layer is too
 * big to embed). Written for geomap (MIT). Needs Leaflet, Leaflet.VectorGrid and map.js (its
 * geomap.internals), loaded before it. Article text reaches the DOM through map.js's popups,
 * as text only.
 */
geomap.tiles = (function (g) {
  "use strict";

  var state = g.state;
  var has = g.has;
  var el = g.el;
  var isoDay = g.isoDay;
  var eventStyle = g.eventStyle;
  var movementColor = g.movementColor;
  var incidentPopup = g.incidentPopup;
  var movementPopup = g.movementPopup;
  var busy = g.busy;
  var settle = g.settle;

  /* Layers too big to embed
   * The server names such layers in spec.tiles ({url, params, items, matched}); they are drawn
   * from its vector tiles (Leaflet.VectorGrid) instead of embedded features. The time
   * control and the page's filters go into the tile URL (the server filters the tiles); a
   * click asks the server for the features under the pointer and opens the same popup, with
   * the source quote, as an embedded feature would. */

  var TILE_CLICK_PX = 7;

  function tileQuery(entry, extra) {
    var parts = [];
    var params = entry.params || {};
    Object.keys(params).forEach(function (k) {
      if (has(extra || {}, k)) return; // the time control's datetime replaces the page's
      if (params[k] != null && params[k] !== "") parts.push(encodeURIComponent(k) + "=" + encodeURIComponent(params[k]));
    });
    Object.keys(extra || {}).forEach(function (k) {
      parts.push(encodeURIComponent(k) + "=" + encodeURIComponent(extra[k]));
    });
    return parts.length ? "?" + parts.join("&") : "";
  }

  function tileTime() {
    // the time control's range as a datetime parameter; none while it spans everything and
    // undated features are shown
    var t = state.spec.time;
    var r = state.range;
    if (!r || !t || (r[0] <= t.min && r[1] >= t.max && state.undated)) return {};
    return { datetime: isoDay(r[0]) + "/" + isoDay(r[1]) };
  }

  function clusterRadius(p) {
    // a zoomed-out tile of a very large layer holds one point per small cell with a count
    // (the server's aggregate): the circle grows with it
    var n = Number(p.count);
    return n > 1 ? Math.min(14, 3 + 1.6 * Math.log(n) / Math.LN2) : null;
  }

  function tileStyle(layer) {
    if (layer === "movements") {
      return function (p) {
        return { color: movementColor(p.movement_type), weight: 2.5, opacity: 0.8, dashArray: Number(p.geo_precision) > 1 ? "6 4" : null };
      };
    }
    if (layer === "places") {
      return function (p) {
        var c = state.spec.styles.place_color;
        return { radius: clusterRadius(p) || 4, weight: 1, color: c, fill: true, fillColor: c, fillOpacity: 0.45 };
      };
    }
    return function (p) {
      var s = eventStyle(p.event_type);
      var r = clusterRadius(p);
      if (r) return { radius: r, weight: 1, color: "#ffffff", fill: true, fillColor: s.color, fillOpacity: 0.75 };
      var vague = Number(p.geo_precision) > 1;
      return { radius: vague ? 4 : 5, weight: 1, color: vague ? s.color : "#ffffff", fill: true, fillColor: s.color, fillOpacity: vague ? 0.35 : 0.9 };
    };
  }

  function tileLayer(map, layer, entry) {
    var styles = {};
    styles[layer] = tileStyle(layer);
    var options = {
      rendererFactory: L.canvas.tile,
      vectorTileLayerStyles: styles,
      interactive: false,
      maxNativeZoom: 14,
      maxZoom: 18,
      // drawn once, as the embedded layers are: a view wider than the world asked each tile
      // again for every copy of the world it shows
      noWrap: true,
      bounds: L.latLngBounds([-85.0511287798066, -180], [85.0511287798066, 180]),
      pane: layer === "incidents" ? "overlayPane" : layer === "movements" ? "geomap-movements" : "geomap-places",
    };
    var grid = L.vectorGrid.protobuf(entry.url + tileQuery(entry, tileTime()), options);
    grid.on("loading", function () { busy(); entry.loading = (entry.loading || 0) + 1; });
    grid.on("load", function () {
      while (entry.loading > 0) { entry.loading -= 1; settle(); }
      entry.loaded = (entry.loaded || 0) + 1;
    });
    entry.grid = grid;
    entry.time = JSON.stringify(tileTime());
    grid.addTo(map);
    return grid;
  }

  function tileItem(layer, f) {
    var p = f.properties || {};
    return { id: f.id, p: p, v: Number(p.geo_precision) > 1 };
  }

  function tileClick(map, e) {
    var tiled = state.spec.tiles || {};
    var order = ["incidents", "movements", "places"].filter(function (k) { return has(tiled, k) && tiled[k].grid && map.hasLayer(tiled[k].grid); });
    if (!order.length) return;
    var p = map.latLngToContainerPoint(e.latlng);
    var sw = map.containerPointToLatLng([p.x - TILE_CLICK_PX, p.y + TILE_CLICK_PX]);
    var ne = map.containerPointToLatLng([p.x + TILE_CLICK_PX, p.y - TILE_CLICK_PX]);
    var bbox = [sw.lng, sw.lat, ne.lng, ne.lat].map(function (v) { return v.toFixed(6); }).join(",");
    var ask = function (i) {
      if (i >= order.length) return;
      var layer = order[i];
      var entry = tiled[layer];
      var extra = tileTime();
      extra.bbox = bbox;
      extra.limit = "10";
      busy();
      fetch(entry.items + tileQuery(entry, extra), { headers: { Accept: "application/geo+json" } })
        .then(function (r) { return r.ok ? r.json() : { features: [] }; })
        .then(function (fc) {
          var features = fc.features || [];
          if (!features.length) { ask(i + 1); return; }
          var item = tileItem(layer, features[0]);
          var box = layer === "movements" ? movementPopup(item) : layer === "places" ? el("div", "geomap-popup", item.p.name || "place") : incidentPopup(item);
          if (features.length > 1) {
            var more = fc.numberMatched || features.length;
            box.appendChild(el("div", "geomap-row geomap-more", (more - 1) + " more here: zoom in to tell them apart"));
          }
          L.popup({ maxWidth: 360, minWidth: 220 }).setLatLng(e.latlng).setContent(box).openOn(map);
        })
        .catch(function () {})
        .then(settle, settle);
    };
    ask(0);
  }

  function applyTiles() {
    // the time control moved: new tile URLs for the tiled layers
    var tiled = state.spec && state.spec.tiles;
    if (!tiled) return;
    var time = JSON.stringify(tileTime());
    Object.keys(tiled).forEach(function (layer) {
      var entry = tiled[layer];
      if (!entry.grid || entry.time === time) return;
      // a new layer rather than setUrl: VectorGrid's redraw asks for fractional zooms
      var map = entry.grid._map;
      while (entry.loading > 0) { entry.loading -= 1; settle(); }
      map.removeLayer(entry.grid);
      tileLayer(map, layer, entry);
    });
  }

  function addTileLayers(map) {
    var tiled = state.spec.tiles;
    if (!tiled || !Object.keys(tiled).length) return;
    Object.keys(tiled).forEach(function (layer) { tileLayer(map, layer, tiled[layer]); });
    map.on("click", function (e) { tileClick(map, e); });
  }

  function tileSummary() {
    var out = {};
    var tiled = (state.spec && state.spec.tiles) || {};
    Object.keys(tiled).forEach(function (layer) {
      var e = tiled[layer];
      out[layer] = { matched: e.matched, url: e.grid ? e.grid._url : null, loaded: e.loaded || 0 };
    });
    return out;
  }

  return { add: addTileLayers, apply: applyTiles, summary: tileSummary };
})(geomap.internals);
