// rasd incident page map: the incident's coded location (a circle in its grade's colour) and
// every place the reports mention (small dots), each named in a tooltip, over the offline
// base map (basemap.js). Data from /api/incidents/ID, put in the page only as text.
(function () {
  'use strict';

  var container = document.getElementById('incident-map');
  if (!container || typeof L === 'undefined' || !window.rasdBasemap) { return; }
  var B = window.rasdBasemap;

  function located(place) {
    return place && typeof place.lat === 'number' && typeof place.lon === 'number';
  }

  function tooltip(prefix, english, arabic) {
    var box = B.element('span', null, prefix + (english || ''));
    if (arabic) {
      var bdi = B.element('bdi', null, arabic);
      bdi.setAttribute('lang', 'ar');
      bdi.setAttribute('dir', 'rtl');
      box.appendChild(document.createTextNode(' '));
      box.appendChild(bdi);
    }
    return box;
  }

  B.create(container).then(function (base) {
    return B.getJSON(container.getAttribute('data-api')).then(function (incident) {
      var points = [];
      (incident.places || []).filter(located).forEach(function (place) {
        L.circleMarker([place.lat, place.lon], { radius: 4, className: 'place-marker', weight: 1, fillOpacity: 0.9 })
          .bindTooltip(tooltip('', place.name_en, place.text)).addTo(base.map);
        points.push([place.lat, place.lon]);
      });
      var location = incident.location;
      if (located(location)) {
        var marker = L.circleMarker([location.lat, location.lon], {
          radius: 9, className: 'incident-marker ' + B.gradeClass(incident.grade), weight: 2, fillOpacity: 0.75
        }).bindTooltip(tooltip('Coded location: ', location.name_en, location.name_ar)).addTo(base.map);
        marker.getElement().setAttribute('data-location', 'coded');
        points.push([location.lat, location.lon]);
      }
      B.fitRegion(base, points, 10);
      container.setAttribute('data-loaded', String(points.length));
    });
  }).catch(function (error) { B.fail(container, error); });
}());
