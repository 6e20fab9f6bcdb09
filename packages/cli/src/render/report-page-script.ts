import { BAR_INTERVAL_RENDERER } from './chart-options.js';

/**
 * The page's only script besides ECharts (plain ES2017, inlined as is): draws each chart placeholder when it
 * scrolls into view, sorts and filters the columns table. Chart options come from the `chart-options` JSON element.
 */
export const REPORT_PAGE_SCRIPT = String.raw`(function () {
  'use strict';
  var FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif';
  var options = JSON.parse(document.getElementById('chart-options').textContent);
  var drawn = [];

  // Bars with confidence-interval whiskers. Data: [categoryIndex, value, lower, upper]; payload: offset and width as
  // fractions of the category band, optional colours per category.
  echarts.registerCustomSeries('${BAR_INTERVAL_RENDERER}', function (params, api) {
    var p = params.itemPayload || {};
    var cat = api.value(0), v = api.value(1), lo = api.value(2), hi = api.value(3);
    var band = api.size([1, 0])[0];
    var width = band * (p.width || 0.6);
    var zero = api.coord([cat, 0]);
    var x = zero[0] + band * (p.offset || 0);
    var color = (p.colors && p.colors[cat]) || api.visual('color');
    var children = [];
    if (isFinite(v)) {
      var top = api.coord([cat, v])[1];
      children.push({ type: 'rect', shape: { x: x - width / 2, y: Math.min(top, zero[1]), width: width, height: Math.abs(zero[1] - top) }, style: { fill: color } });
    }
    if (isFinite(lo) && isFinite(hi)) {
      var yl = api.coord([cat, lo])[1], yh = api.coord([cat, hi])[1], cap = Math.max(3, width * 0.25);
      var stroke = { stroke: '#111827', lineWidth: 1.5 };
      children.push({ type: 'line', shape: { x1: x, y1: yl, x2: x, y2: yh }, style: stroke });
      children.push({ type: 'line', shape: { x1: x - cap, y1: yl, x2: x + cap, y2: yl }, style: stroke });
      children.push({ type: 'line', shape: { x1: x - cap, y1: yh, x2: x + cap, y2: yh }, style: stroke });
    }
    return { type: 'group', children: children };
  });

  function draw(el) {
    if (el.getAttribute('data-drawn') === 'true') return;
    var option = options[el.getAttribute('data-chart')];
    if (!option) return;
    el.setAttribute('data-drawn', 'true');
    option.animation = false;
    option.textStyle = { fontFamily: FONT };
    var chart = echarts.init(el, null, { renderer: 'canvas' });
    chart.setOption(option);
    drawn.push(chart);
  }

  var placeholders = Array.prototype.slice.call(document.querySelectorAll('[data-chart]'));
  if ('IntersectionObserver' in window) {
    var observer = new IntersectionObserver(function (entries) {
      entries.forEach(function (entry) {
        if (!entry.isIntersecting) return;
        observer.unobserve(entry.target);
        draw(entry.target);
      });
    }, { rootMargin: '400px 0px' });
    placeholders.forEach(function (el) { observer.observe(el); });
  } else {
    placeholders.forEach(draw);
  }
  window.addEventListener('beforeprint', function () { placeholders.forEach(draw); });
  var resizing = 0;
  window.addEventListener('resize', function () {
    cancelAnimationFrame(resizing);
    resizing = requestAnimationFrame(function () { drawn.forEach(function (chart) { chart.resize(); }); });
  });

  var table = document.getElementById('columns-table');
  if (!table) return;
  var headers = Array.prototype.slice.call(table.tHead.rows[0].cells);
  var collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });
  table.tHead.addEventListener('click', function (event) {
    var button = event.target.closest('button.sort');
    if (!button) return;
    var th = button.parentElement;
    var index = Number(button.getAttribute('data-column'));
    var numeric = th.getAttribute('data-sort-type') === 'number';
    var direction = th.getAttribute('aria-sort') === 'ascending' ? 'descending' : 'ascending';
    headers.forEach(function (h) { if (h.hasAttribute('aria-sort')) h.setAttribute('aria-sort', 'none'); });
    th.setAttribute('aria-sort', direction);
    var sign = direction === 'ascending' ? 1 : -1;
    var groups = Array.prototype.map.call(table.tBodies, function (group, i) {
      var key = group.rows[0].cells[index].getAttribute('data-sort');
      return { group: group, i: i, key: key === null || key === '' ? null : key };
    });
    groups.sort(function (a, b) {
      // Cells without a value (test not run) stay last in both directions.
      if (a.key === null || b.key === null) return a.key === b.key ? a.i - b.i : a.key === null ? 1 : -1;
      var c = numeric ? Number(a.key) - Number(b.key) : collator.compare(a.key, b.key);
      return c !== 0 ? sign * c : a.i - b.i;
    });
    var fragment = document.createDocumentFragment();
    groups.forEach(function (g) { fragment.appendChild(g.group); });
    table.appendChild(fragment);
  });

  table.addEventListener('click', function (event) {
    var toggle = event.target.closest('button.details-toggle');
    if (!toggle) return;
    var details = document.getElementById(toggle.getAttribute('aria-controls'));
    var open = toggle.getAttribute('aria-expanded') !== 'true';
    toggle.setAttribute('aria-expanded', open ? 'true' : 'false');
    details.hidden = !open;
  });

  var filter = document.getElementById('column-filter');
  var driftedOnly = document.getElementById('drifted-only');
  var count = document.getElementById('column-count');
  var total = table.tBodies.length;
  function applyFilter() {
    var query = filter.value.trim().toLowerCase();
    var shown = 0;
    Array.prototype.forEach.call(table.tBodies, function (group) {
      var visible = group.getAttribute('data-name').indexOf(query) !== -1 && (!driftedOnly.checked || group.getAttribute('data-drifted') === 'true');
      group.hidden = !visible;
      if (visible) shown++;
    });
    count.textContent = shown === total ? total + ' columns' : shown + ' of ' + total + ' columns';
  }
  filter.addEventListener('input', applyFilter);
  driftedOnly.addEventListener('change', applyFilter);
})();
`;
