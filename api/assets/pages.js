/* geomap's OGC HTML pages: draws the page's small map from its JSON data block
 * (#geomap-page-data: basemap URL, features as GeoJSON, boxes as [minx, miny, maxx, maxy]).
 * No inline script and no markup from data: labels go in as text only. */
(function () {
  "use strict";
  var block = document.getElementById("geomap-page-data");
  var holder = document.getElementById("geomap-page-map");
  if (!block || !holder || typeof L === "undefined") return;
  var data = JSON.parse(block.textContent);
  var map = L.map(holder, { maxZoom: 18, worldCopyJump: false }).setView([20, 0], 1);
  var pane = map.createPane("geomap-basemap");
  pane.style.zIndex = 250;
  pane.style.pointerEvents = "none";

  // world-atlas rings may cross the antimeridian or circle a pole; unwrap their longitudes
  function unwrap(ring) {
    var out = [], shift = 0;
    ring.forEach(function (p, i) {
      var d = i ? p[0] - ring[i - 1][0] : 0;
      shift += d > 180 ? -360 : d < -180 ? 360 : 0;
      out.push([p[0] + shift, p[1]]);
    });
    var first = out[0], last = out[out.length - 1];
    if (Math.abs(last[0] - first[0]) > 180) {
      var pole = first[1] < 0 ? -90 : 90;
      out.push([last[0], pole], [first[0], pole]);
    }
    // keep the ring where most of it lies (a ring starting east of the antimeridian would
    // otherwise be drawn a world away)
    var sum = 0;
    out.forEach(function (p) { sum += p[0]; });
    var mean = sum / out.length, move = mean > 180 ? -360 : mean < -180 ? 360 : 0;
    if (move) out.forEach(function (p) { p[0] += move; });
    return out;
  }
  if (data.basemap && typeof topojson !== "undefined") {
    fetch(data.basemap)
      .then(function (r) { return r.json(); })
      .then(function (topo) {
        var name = Object.keys(topo.objects)[0];
        var fc = topojson.feature(topo, topo.objects[name]);
        (fc.features || [fc]).forEach(function (f) {
          var g = f.geometry;
          var polys = !g ? [] : g.type === "Polygon" ? [g.coordinates]
            : g.type === "MultiPolygon" ? g.coordinates : [];
          polys.forEach(function (poly) {
            for (var i = 0; i < poly.length; i++) poly[i] = unwrap(poly[i]);
          });
        });
        L.geoJSON(fc, {
          pane: "geomap-basemap", interactive: false,
          style: { color: "#7d8a96", weight: 0.8, fillColor: "#f4f1ea", fillOpacity: 1 }
        }).addTo(map);
        holder.setAttribute("data-basemap", "1");
      })
      .catch(function (e) { console.warn("geomap: no base map", e); });
  }

  function label(feature) {
    var p = feature.properties || {};
    var text = [feature.id, p.name || p.event_type || p.movement_type, p.location || p.actor]
      .filter(function (v) { return v !== undefined && v !== null && v !== ""; })
      .join(" · ");
    var el = document.createElement("span");
    el.textContent = text;
    return el;
  }
  var drawn = L.featureGroup().addTo(map);
  var count = 0;
  if (data.features) {
    L.geoJSON(data.features, {
      pointToLayer: function (f, ll) {
        return L.circleMarker(ll, { radius: 5, color: "#8e2b1f", weight: 1.5, fillOpacity: 0.7 });
      },
      style: { color: "#2c3e91", weight: 2.5 },
      onEachFeature: function (f, layer) {
        count += 1;
        layer.bindTooltip(label(f));
        if (f.links && f.links.html) {
          layer.on("click", function () { window.location.href = f.links.html; });
        }
      }
    }).addTo(drawn);
  }
  (data.boxes || []).forEach(function (b) {
    count += 1;
    L.rectangle([[b[1], b[0]], [b[3], b[2]]], { color: "#2c3e91", weight: 1.5, fillOpacity: 0.08 })
      .addTo(drawn);
  });
  var bounds = drawn.getBounds();
  if (bounds.isValid()) map.fitBounds(bounds.pad(0.2), { maxZoom: 8 });
  holder.setAttribute("data-drawn", String(count));
  holder.setAttribute("data-ready", "1");
})();
