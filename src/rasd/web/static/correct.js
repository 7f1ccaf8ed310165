// rasd incident page: the correction form (only on a dashboard served with
// `rasd serve --allow-corrections`). It posts JSON to the write API with the page's token
// (X-Rasd-Token), then reloads the page to show the corrected incident; errors are shown as text.
(function () {
  'use strict';

  var form = document.getElementById('correction-form');
  if (!form) { return; }
  var kind = form.elements.kind;
  var status = form.querySelector('.form-status');
  var groups = Array.prototype.slice.call(form.querySelectorAll('fieldset[data-kinds]'));

  function show() {
    groups.forEach(function (group) {
      var on = group.getAttribute('data-kinds').split(' ').indexOf(kind.value) >= 0;
      group.hidden = !on;
      group.disabled = !on;
    });
  }

  function value(name) { return form.elements[name].value.trim(); }
  function figure(name) { var v = value(name); return v === '' ? null : v; }

  // The API path and JSON body of the chosen correction.
  function request() {
    var signed = { who: value('who'), why: value('why') };
    var k = kind.value;
    if (k === 'move') { signed.doc_id = form.elements.doc_id.value; return ['/move', signed]; }
    if (k === 'merge') { signed.other_id = value('other_id'); return ['/merge', signed]; }
    signed.field = k;
    if (k === 'grade') {
      signed.value = form.elements.grade.value;
    } else if (k === 'perpetrator') {
      signed.value = value('perpetrator').split(',').map(function (a) { return a.trim(); })
        .filter(function (a) { return a !== ''; });
    } else if (k === 'location') {
      signed.value = value('location');
    } else {
      signed.value = { low: figure('low'), best: figure('best'), high: figure('high') };
    }
    return ['/corrections', signed];
  }

  // FastAPI's detail: a sentence, or a list of {loc, msg} from request validation.
  function message(detail) {
    if (typeof detail === 'string') { return detail; }
    if (Array.isArray(detail)) {
      return detail.map(function (e) {
        var where = (e.loc || []).filter(function (p) { return p !== 'body'; }).join('.');
        return (where ? where + ': ' : '') + e.msg;
      }).join('; ');
    }
    return 'the correction was refused';
  }

  function say(text, problem) {
    status.textContent = text;
    status.className = 'form-status' + (problem ? ' problem' : '');
  }

  form.addEventListener('submit', function (event) {
    event.preventDefault();
    var parts = request();
    say('Saving…', false);
    fetch(form.getAttribute('data-api') + parts[0], {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json', 'X-Rasd-Token': form.getAttribute('data-token') },
      body: JSON.stringify(parts[1])
    }).then(function (response) {
      return response.json().catch(function () { return {}; }).then(function (body) {
        if (!response.ok) { throw new Error(message(body.detail) + ' (' + response.status + ')'); }
        say('Saved.', false);
        window.location.reload();
      });
    }).catch(function (error) { say(error.message, true); });
  });

  kind.addEventListener('change', show);
  show();
}());
