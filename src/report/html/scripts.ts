// Client scripts inlined in the reports (allowed by hash in the CSP). Plain ES2020, no library:
// they read the page's own DOM and the JSON data island, never the network.

/** Per-source report: select a finding to highlight every span of it, filter by severity/family/accepted. */
export const REPORT_SCRIPT = `(function () {
  'use strict';
  var dataEl = document.getElementById('credence-data');
  var data = dataEl ? JSON.parse(dataEl.textContent || '{}') : {};
  var findings = data.findings || {};
  var reduced = window.matchMedia && window.matchMedia('(prefers-reduced-motion: reduce)').matches;
  var behavior = reduced ? 'auto' : 'smooth';
  var status = document.getElementById('selection-status');
  var form = document.getElementById('filters');
  var filterStatus = document.getElementById('filter-status');
  var selected = null;

  function byId(id) { return id ? document.getElementById(id) : null; }
  function each(selector, fn) { Array.prototype.forEach.call(document.querySelectorAll(selector), fn); }

  // A long document is folded into sections (<details>): open the one an element sits in before going to it.
  function unfold(el) {
    for (var d = el ? el.closest('details') : null; d; d = d.parentElement ? d.parentElement.closest('details') : null) {
      if (!d.open) d.open = true;
    }
  }

  function clearSelection() {
    each('mark.hl.active', function (el) { el.classList.remove('active'); });
    each('li.finding.selected', function (el) { el.classList.remove('selected'); });
    each('.finding-btn[aria-pressed="true"]', function (el) { el.setAttribute('aria-pressed', 'false'); });
    selected = null;
  }

  // A finding hidden by the filters is revealed when the reader follows a highlight to it.
  function reveal(id) {
    var card = byId(id);
    if (!card || !card.hidden || !form) return;
    ['severity', 'family'].forEach(function (name) {
      var value = card.getAttribute('data-' + name);
      Array.prototype.forEach.call(form.querySelectorAll('input[name="' + name + '"]'), function (input) {
        if (input.value === value) input.checked = true;
      });
    });
    if (card.getAttribute('data-accepted') === 'true') {
      var acc = form.querySelector('input[name="accepted"]');
      if (acc) acc.checked = true;
    }
    applyFilters();
  }

  function select(id, markId, scrollTo) {
    var f = findings[id];
    var card = byId(id);
    if (!f || !card) return;
    clearSelection();
    selected = id;
    var marks = f.marks.map(byId).filter(Boolean);
    marks.forEach(function (m) { m.classList.add('active'); });
    card.classList.add('selected');
    var btn = card.querySelector('.finding-btn');
    if (btn) btn.setAttribute('aria-pressed', 'true');
    if (status) {
      status.textContent = marks.length
        ? 'Finding ' + f.number + ': ' + marks.length + ' highlighted passage' + (marks.length === 1 ? '' : 's') + ' in the document.'
        : 'Finding ' + f.number + ' has no passage in the document view.';
    }
    if (scrollTo === 'document') {
      var first = byId(markId) || marks[0];
      if (first) {
        unfold(first);
        first.scrollIntoView({ block: 'center', behavior: behavior });
        var link = first.querySelector('a');
        if (link) link.focus({ preventScroll: true });
      }
    } else if (scrollTo === 'finding') {
      // Instant, after stopping any smooth scroll still running (which would carry the page on past
      // the card): the card may sit in a scrolling pane inside the scrolling page.
      window.scrollTo(window.scrollX, window.scrollY);
      card.scrollIntoView({ block: 'nearest', behavior: 'auto' });
      if (btn) btn.focus({ preventScroll: true });
    }
  }

  document.addEventListener('click', function (event) {
    var target = event.target instanceof Element ? event.target : null;
    if (!target) return;
    var anchor = target.closest('a[href^="#"]');
    if (anchor) unfold(byId((anchor.getAttribute('href') || '').slice(1)));
    var show = target.closest('[data-show]');
    if (show) {
      event.preventDefault();
      select(show.getAttribute('data-show'), show.getAttribute('data-mark'), 'document');
      return;
    }
    var back = target.closest('mark.hl > a, a.pin');
    if (back) {
      var id = (back.getAttribute('href') || '').slice(1);
      // A margin pin stands for all the block's findings: go to the first one not filtered out.
      (back.getAttribute('data-f') || '').split(' ').some(function (candidate) {
        var c = byId(candidate);
        if (c && !c.hidden) { id = candidate; return true; }
        return false;
      });
      if (findings[id]) {
        event.preventDefault();
        reveal(id);
        select(id, null, 'finding');
        if (history.replaceState) history.replaceState(null, '', '#' + id);
      }
    }
  });

  document.addEventListener('keydown', function (event) {
    if (event.key === 'Escape' && selected) {
      clearSelection();
      if (status) status.textContent = 'Selection cleared.';
    }
  });

  function checkedValues(name) {
    var out = {};
    Array.prototype.forEach.call(form.querySelectorAll('input[name="' + name + '"]:checked'), function (input) { out[input.value] = true; });
    return out;
  }

  function applyFilters() {
    if (!form) return;
    var severity = checkedValues('severity');
    var family = checkedValues('family');
    var accepted = form.querySelector('input[name="accepted"]');
    var showAccepted = !accepted || accepted.checked;
    var visible = {};
    var shown = 0;
    var total = 0;
    each('li.finding', function (card) {
      total++;
      var ok = severity[card.getAttribute('data-severity')] && family[card.getAttribute('data-family')] &&
        (showAccepted || card.getAttribute('data-accepted') !== 'true');
      card.hidden = !ok;
      if (ok) { visible[card.id] = true; shown++; }
    });
    each('.rule-group, .family', function (group) { group.hidden = !group.querySelector('li.finding:not([hidden])'); });
    each('mark.hl', function (mark) {
      var ids = (mark.getAttribute('data-f') || '').split(' ');
      mark.classList.toggle('muted', !ids.some(function (id) { return visible[id]; }));
    });
    each('a.pin', function (pin) {
      var ids = (pin.getAttribute('data-f') || '').split(' ');
      pin.hidden = !ids.some(function (id) { return visible[id]; });
    });
    if (filterStatus) filterStatus.textContent = 'Showing ' + shown + ' of ' + total + ' finding' + (total === 1 ? '' : 's') + '.';
    if (selected && !visible[selected]) clearSelection();
  }

  if (form) {
    form.addEventListener('change', applyFilters);
    form.addEventListener('submit', function (event) { event.preventDefault(); });
    applyFilters();
  }
  var initial = location.hash.slice(1);
  if (findings[initial]) select(initial, null, 'finding');
  else if (initial) {
    var at = byId(initial);
    if (at && at.closest('details') && !at.closest('details').open) { unfold(at); at.scrollIntoView({ block: 'start' }); }
  }
  window.addEventListener('hashchange', function () { unfold(byId(location.hash.slice(1))); });
})();
`;

/** Index: sort the sources table (and the publishers table) by any column, filter sources by text and by rule. */
export const INDEX_SCRIPT = `(function () {
  'use strict';

  // Click a column header to sort its table; returns sortBy(column, direction) for other controls.
  function sortable(table, onSorted) {
    var body = table.tBodies[0];
    var heads = Array.prototype.slice.call(table.tHead.rows[0].cells);
    function keyOf(row, col, numeric) {
      var cell = row.cells[col];
      var raw = cell.hasAttribute('data-sort') ? cell.getAttribute('data-sort') : cell.textContent.trim();
      if (numeric) {
        var n = parseFloat(raw);
        return isFinite(n) ? n : null;
      }
      return raw ? raw.toLowerCase() : null;
    }
    function sortBy(col, direction) {
      var numeric = heads[col].getAttribute('data-type') === 'number';
      var sign = direction === 'descending' ? -1 : 1;
      var sorted = Array.prototype.slice.call(body.rows).sort(function (a, b) {
        var x = keyOf(a, col, numeric);
        var y = keyOf(b, col, numeric);
        // Missing values (failed sources) stay last whichever way the column is sorted.
        if (x === null || y === null) return x === y ? 0 : x === null ? 1 : -1;
        var c = numeric ? x - y : x.localeCompare(y);
        return sign * c;
      });
      sorted.forEach(function (row) { body.appendChild(row); });
      heads.forEach(function (th) { th.removeAttribute('aria-sort'); });
      heads[col].setAttribute('aria-sort', direction);
      if (onSorted) onSorted(col, direction);
    }
    heads.forEach(function (th, col) {
      var button = th.querySelector('button.sort');
      if (!button) return;
      button.addEventListener('click', function () {
        sortBy(col, th.getAttribute('aria-sort') === 'ascending' ? 'descending' : 'ascending');
      });
    });
    return sortBy;
  }

  Array.prototype.slice.call(document.querySelectorAll('table.sortable')).forEach(function (t) {
    if (t.tBodies[0] && t.tHead) sortable(t, null);
  });

  var table = document.getElementById('sources');
  if (!table || !table.tBodies[0]) return;
  var rows = Array.prototype.slice.call(table.tBodies[0].rows);
  var text = document.getElementById('filter-text');
  var rule = document.getElementById('filter-rule');
  var sortSelect = document.getElementById('sort-select');
  var status = document.getElementById('filter-status');
  var sortBy = sortable(table, function (col, direction) {
    if (sortSelect) sortSelect.value = col + ':' + direction;
  });
  if (sortSelect) {
    sortSelect.addEventListener('change', function () {
      var parts = sortSelect.value.split(':');
      if (parts.length === 2) sortBy(Number(parts[0]), parts[1]);
    });
  }

  function applyFilter() {
    var needle = text ? text.value.trim().toLowerCase() : '';
    var wanted = rule ? rule.value : '';
    var shown = 0;
    rows.forEach(function (row) {
      var okText = !needle || row.textContent.toLowerCase().indexOf(needle) >= 0;
      var okRule = !wanted || (row.getAttribute('data-rules') || '').split(' ').indexOf(wanted) >= 0;
      row.hidden = !(okText && okRule);
      if (!row.hidden) shown++;
    });
    if (status) status.textContent = 'Showing ' + shown + ' of ' + rows.length + ' source' + (rows.length === 1 ? '' : 's') + '.';
  }
  if (text) text.addEventListener('input', applyFilter);
  if (rule) rule.addEventListener('change', applyFilter);
  var form = document.getElementById('filters');
  if (form) form.addEventListener('submit', function (event) { event.preventDefault(); });
  applyFilter();
})();
`;
