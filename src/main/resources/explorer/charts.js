/* Chart.js charts, one per key, replaced when drawn again. */
import {value} from './i18n.js';
import {state} from './state.js';

// a chart keeps the size it was drawn at: printing redraws them at the printed page's width
window.addEventListener('beforeprint', () => Object.values(state.charts).forEach((chart) => chart.resize()));
window.addEventListener('afterprint', () => Object.values(state.charts).forEach((chart) => chart.resize()));

export function destroyChart(key) {
  if (state.charts[key]) {
    state.charts[key].destroy();
    delete state.charts[key];
  }
}

export function drawChart(key, canvas, config) {
  destroyChart(key);
  config.options = Object.assign({responsive: true, maintainAspectRatio: false, animation: false}, config.options || {});
  state.charts[key] = new Chart(canvas, config);
}

/**
 * The catalog's numeric columns that name or order rows (a measure's number, a body's position,
 * a search's relevance score): labels or ranks, not figures to draw as bars.
 */
const ORDINAL_COLUMNS = new Set(['number', 'position', 'step', 'sourceLine', 'score']);

/** A bar chart of a result: labels from the first non-numeric column, bars for the numeric ones. */
export function chartRows(key, canvas, columns, headings, rows) {
  destroyChart(key);
  // numbers come from the API as JSON numbers; digits in text are labels, and so are ordinals
  const numeric = columns.filter((c) => !ORDINAL_COLUMNS.has(c) && rows.length > 0
    && rows.every((r) => typeof r[c] === 'number'));
  canvas.parentElement.hidden = numeric.length === 0 || rows.length === 0;
  if (canvas.parentElement.hidden) return;
  // bars are labelled by the row's text columns; an IRI counts by its last segment
  const labels = rows.map((r) => columns.filter((c) => !numeric.includes(c) && value(r, c) !== '')
    .map((c) => value(r, c).replace(/^https?:\/\/.*\//, '')).join(' – '));
  const horizontal = rows.length > 8;
  canvas.parentElement.style.height = horizontal ? `${Math.max(320, rows.length * 22 + 60)}px` : '';
  state.charts[key] = new Chart(canvas, {
    type: 'bar',
    data: {labels, datasets: numeric.map((c) => ({label: headings[columns.indexOf(c)], data: rows.map((r) => Number(value(r, c)))}))},
    options: {responsive: true, maintainAspectRatio: false, animation: false, indexAxis: horizontal ? 'y' : 'x'},
  });
}
