// rasd dashboard map: the offline base map (basemap.js), then one circle per located incident
// from /api/incidents (same filters as the page). Data goes in the page only as text.
(function () {
  'use strict';

  var mapElement = document.getElementById('map');
  if (!mapElement || typeof L === 'undefined' || !window.rasdBasemap) { return; }
  var B = window.rasdBasemap;
  var element = B.element;
  var markers = {};
  var map = null;

  function figures(p, name) {
    var best = p[name + '_best'];
    if (best === null || best === undefined) { return '—'; }
    return p[name + '_low'] + ' / ' + best + ' / ' + p[name + '_high'];
  }

  function popup(p) {
    var box = element('div', 'popup');
    var link = element('a', 'popup-title', p.date_start + (p.location ? ' · ' + p.location : ''));
    link.setAttribute('href', '/incident/' + encodeURIComponent(p.incident_id));
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

  function drawIncidents(base, collection) {
    var points = [];
    collection.features.forEach(function (feature) {
      var p = feature.properties;
      var lonlat = feature.geometry.coordinates;
      var latlng = [lonlat[1], lonlat[0]];
      var killed = typeof p.killed_best === 'number' ? p.killed_best : 0;
      var marker = L.circleMarker(latlng, {
        radius: Math.min(28, 5 + 1.6 * Math.sqrt(killed)),
        className: 'incident-marker ' + B.gradeClass(p.grade),
        weight: 1.5,
        fillOpacity: 0.7
      }).bindPopup(popup(p)).addTo(base.map);
      var path = marker.getElement();
      path.setAttribute('data-marker-for', p.incident_id);
      path.setAttribute('aria-label', 'incident ' + p.incident_id);
      markers[p.incident_id] = marker;
      points.push(latlng);
    });
    B.fitRegion(base, points, 9);
    mapElement.setAttribute('data-loaded', String(points.length));
  }

  document.querySelectorAll('button.locate').forEach(function (button) {
    button.addEventListener('click', function () {
      var marker = markers[button.getAttribute('data-locate')];
      if (!marker || !map) { return; }
      mapElement.scrollIntoView({ block: 'nearest' });
      map.setView(marker.getLatLng(), Math.max(map.getZoom(), 8));
      marker.openPopup();
    });
  });

  B.create(mapElement).then(function (base) {
    map = base.map;
    return B.getJSON(mapElement.getAttribute('data-api')).then(function (collection) {
      drawIncidents(base, collection);
    });
  }).catch(function (error) { B.fail(mapElement, error); });
}());
