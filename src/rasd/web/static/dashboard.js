// rasd dashboard map: the offline base map, then one circle per located incident from
// /api/incidents (same filters as the page). Every value from the data is put in the page as
// text (textContent, setAttribute), never as HTML.
(function () {
  'use strict';

  var GRADES = ['confirmed', 'fair', 'weak', 'contested', 'discounted'];
  var SYRIA = [[32.3, 35.6], [37.4, 42.4]];
  var mapElement = document.getElementById('map');
  if (!mapElement || typeof L === 'undefined') { return; }

  var map = L.map(mapElement, { zoomSnap: 0.25, minZoom: 2, maxZoom: 14 });
  map.attributionControl.setPrefix('Leaflet');
  map.attributionControl.addAttribution("Outlines: Who's On First");
  map.createPane('basemap');
  map.getPane('basemap').style.zIndex = 350;
  map.fitBounds(SYRIA);

  var markers = {};
  var regionBounds = null;  // the base map's extent, once drawn

  function getJSON(url) {
    return fetch(url, { credentials: 'same-origin' }).then(function (response) {
      if (!response.ok) { throw new Error(url + ': HTTP ' + response.status); }
      return response.json();
    });
  }

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) { node.className = className; }
    if (text !== undefined && text !== null) { node.textContent = String(text); }
    return node;
  }

  function incidentHref(id) {
    return '/incident/' + encodeURIComponent(id);
  }

  function figures(p, name) {
    var best = p[name + '_best'];
    if (best === null || best === undefined) { return '—'; }
    return p[name + '_low'] + ' / ' + best + ' / ' + p[name + '_high'];
  }

  function popup(p) {
    var box = element('div', 'popup');
    var link = element('a', 'popup-title', p.date_start + (p.location ? ' · ' + p.location : ''));
    link.setAttribute('href', incidentHref(p.incident_id));
    box.appendChild(link);
    var list = element('dl');
    [['Killed', figures(p, 'killed')], ['Civilians killed', figures(p, 'civilians_killed')],
     ['Injured', figures(p, 'injured')], ['Perpetrator', p.perpetrator || '—'],
     ['Grade', p.grade || '—']].forEach(function (pair) {
      list.appendChild(element('dt', null, pair[0]));
      list.appendChild(element('dd', null, pair[1]));
    });
    box.appendChild(list);
    return box;
  }

  // Governorate names of Syria and the neighbours' country names, shown once zoomed in enough
  // to read them (the CSS hides .place-label unless the map has .show-labels).
  function label(layer, feature) {
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

  function showLabels() {
    mapElement.classList.toggle('show-labels', map.getZoom() >= 6.5);
  }

  function drawBasemap(outlines) {
    var layer = L.geoJSON(outlines, {
      onEachFeature: function (feature, layer) { label(layer, feature); },
      pane: 'basemap',
      interactive: false,
      style: function (feature) {
        var type = feature.properties.placetype;
        var country = feature.properties.country === 'SY';
        return {
          className: 'outline outline-' + (type === 'country' || type === 'region' ? type : 'county'),
          weight: type === 'country' ? 1.6 : (type === 'region' ? 0.9 : 0.4),
          color: type === 'country' ? '#5b6470' : '#9aa3ad',
          fill: type === 'country',
          fillColor: country ? '#fbfaf6' : '#eef0f2',
          fillOpacity: 1
        };
      }
    }).addTo(map);
    regionBounds = layer.getBounds();
    map.on('zoomend', showLabels);
    showLabels();
  }

  function drawIncidents(collection) {
    var bounds = [];
    collection.features.forEach(function (feature) {
      var p = feature.properties;
      var lonlat = feature.geometry.coordinates;
      var latlng = [lonlat[1], lonlat[0]];
      var grade = GRADES.indexOf(p.grade) >= 0 ? p.grade : 'unknown';
      var killed = typeof p.killed_best === 'number' ? p.killed_best : 0;
      var marker = L.circleMarker(latlng, {
        radius: Math.min(28, 5 + 1.6 * Math.sqrt(killed)),
        className: 'incident-marker grade-' + grade,
        weight: 1.5,
        fillOpacity: 0.7
      }).bindPopup(popup(p)).addTo(map);
      var path = marker.getElement();
      path.setAttribute('data-marker-for', p.incident_id);
      path.setAttribute('aria-label', 'incident ' + p.incident_id);
      markers[p.incident_id] = marker;
      bounds.push(latlng);
    });
    // Open on the incidents inside the base map's region: one place coded far away (a capital
    // named in a report) must not zoom the map out to the whole world. No animation: the
    // markers are where they will stay once data-loaded is set.
    var inRegion = bounds.filter(function (latlng) { return regionBounds && regionBounds.contains(latlng); });
    var view = inRegion.length ? inRegion : bounds;
    if (view.length) { map.fitBounds(view, { padding: [30, 30], maxZoom: 9, animate: false }); }
    mapElement.setAttribute('data-loaded', String(bounds.length));
  }

  document.querySelectorAll('button.locate').forEach(function (button) {
    button.addEventListener('click', function () {
      var marker = markers[button.getAttribute('data-locate')];
      if (!marker) { return; }
      mapElement.scrollIntoView({ block: 'nearest' });
      map.setView(marker.getLatLng(), Math.max(map.getZoom(), 8));
      marker.openPopup();
    });
  });

  getJSON(mapElement.getAttribute('data-basemap'))
    .then(drawBasemap)
    .catch(function (error) { console.warn('base map not drawn:', error.message); })
    .then(function () { return getJSON(mapElement.getAttribute('data-api')); })
    .then(drawIncidents)
    .catch(function (error) {
      mapElement.setAttribute('data-loaded', 'error');
      mapElement.parentNode.appendChild(element('p', 'problem', 'Map data could not be loaded: ' + error.message));
    });
}());
