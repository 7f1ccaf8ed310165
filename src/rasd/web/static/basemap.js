// rasd base map, shared by the dashboard's maps: a Leaflet map with no tile layer, drawn from
// the outlines shipped with the package, and helpers that put data in the page only as text
// (textContent, setAttribute), never as HTML.
(function () {
  'use strict';

  var SYRIA = [[32.3, 35.6], [37.4, 42.4]];
  var GRADES = ['confirmed', 'fair', 'weak', 'contested', 'discounted'];

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) { node.className = className; }
    if (text !== undefined && text !== null) { node.textContent = String(text); }
    return node;
  }

  function getJSON(url) {
    return fetch(url, { credentials: 'same-origin' }).then(function (response) {
      if (!response.ok) { throw new Error(url + ': HTTP ' + response.status); }
      return response.json();
    });
  }

  function gradeClass(grade) {
    return 'grade-' + (GRADES.indexOf(grade) >= 0 ? grade : 'unknown');
  }

  // Governorate names of Syria and the neighbours' country names, shown once zoomed in enough
  // to read them (the CSS hides .place-label unless the map has .show-labels).
  function label(map, layer, feature) {
    var p = feature.properties;
    var wanted = (p.country === 'SY' && p.placetype === 'region') || (p.country !== 'SY' && p.placetype === 'country');
    if (!wanted) { return; }
    var box = element('span', null, p.name);
    if (p.name_ar) {
      var arabic = element('bdi', null, p.name_ar);
      arabic.setAttribute('lang', 'ar');
      arabic.setAttribute('dir', 'rtl');
      box.appendChild(document.createElement('br'));
      box.appendChild(arabic);
    }
    map.openTooltip(L.tooltip({ permanent: true, direction: 'center', interactive: false,
                                className: 'place-label place-label-' + p.placetype })
      .setLatLng(layer.getBounds().getCenter()).setContent(box));
  }

  function outlineStyle(feature) {
    var type = feature.properties.placetype;
    return {
      className: 'outline outline-' + (type === 'country' || type === 'region' ? type : 'county'),
      weight: type === 'country' ? 1.6 : (type === 'region' ? 0.9 : 0.4),
      color: type === 'country' ? '#5b6470' : '#9aa3ad',
      fill: type === 'country',
      fillColor: feature.properties.country === 'SY' ? '#fbfaf6' : '#eef0f2',
      fillOpacity: 1
    };
  }

  // A map in `container` (whose data-basemap names the outlines file). Resolves to
  // {map, regionBounds}; regionBounds is null when the outlines could not be drawn.
  function create(container) {
    var map = L.map(container, { zoomSnap: 0.25, minZoom: 2, maxZoom: 14 });
    map.attributionControl.setPrefix('Leaflet');
    map.attributionControl.addAttribution("Outlines: Who's On First");
    map.createPane('basemap');
    map.getPane('basemap').style.zIndex = 350;
    map.fitBounds(SYRIA);
    function showLabels() {
      container.classList.toggle('show-labels', map.getZoom() >= 6.5);
    }
    return getJSON(container.getAttribute('data-basemap')).then(function (outlines) {
      var layer = L.geoJSON(outlines, {
        onEachFeature: function (feature, layer) { label(map, layer, feature); },
        pane: 'basemap',
        interactive: false,
        style: outlineStyle
      }).addTo(map);
      map.on('zoomend', showLabels);
      showLabels();
      return { map: map, regionBounds: layer.getBounds() };
    }, function (error) {
      console.warn('base map not drawn:', error.message);
      return { map: map, regionBounds: null };
    });
  }

  // Fit the map to the points inside the base map's region (one place coded far away, such as
  // a capital named in a report, must not zoom the map out to the whole world), or to all of
  // them when none is. No animation: markers are where they stay once the map says it loaded.
  function fitRegion(base, points, maxZoom) {
    var inRegion = points.filter(function (latlng) { return base.regionBounds && base.regionBounds.contains(latlng); });
    var view = inRegion.length ? inRegion : points;
    if (view.length) { base.map.fitBounds(view, { padding: [30, 30], maxZoom: maxZoom, animate: false }); }
  }

  function fail(container, error) {
    container.setAttribute('data-loaded', 'error');
    container.parentNode.appendChild(element('p', 'problem', 'Map data could not be loaded: ' + error.message));
  }

  window.rasdBasemap = { create: create, element: element, getJSON: getJSON, gradeClass: gradeClass,
                         fitRegion: fitRegion, fail: fail };
}());
