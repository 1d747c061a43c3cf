/* The ask view (#ask?query=NAME&…): every catalog query as a form, its answer as a table, chart and CSV. */
import {answer, catalog, csvLink} from '../api.js';
import {chartRows, destroyChart} from '../charts.js';
import {$, clear, csvFile, el, fillSelect, offerFile, renderTable, tableRows} from '../dom.js';
import {bodyLink, facetByIri, facets} from '../data.js';
import {bilingual, label, t, text, value} from '../i18n.js';
import {navigate} from '../router.js';
import {startRun, state, unlessStale} from '../state.js';

/** The options of a catalog parameter of a kind the data lists, or null. */
function parameterOptions(kind) {
  const rows = {category: state.facets.category, body: state.facets.body}[kind];
  if (rows) return rows.map((row) => ({value: value(row, 'notation'), label: label(row)}));
  if (kind === 'place') {
    return [...state.facets.province, ...state.facets.city].map((row) => ({value: value(row, 'notation'), label: value(row, 'zh')}));
  }
  return null;
}

export async function showAsk(params) {
  // a question asked since this one makes its late form, answer or error stale
  const stale = startRun('ask');
  await facets();
  const queries = await catalog();
  if (stale()) return;
  const list = clear($('ask-queries'));
  const selected = queries.find((q) => q.name === params.get('query')) || queries[0];
  for (const q of queries) {
    list.append(el('li', {}, el('a', {href: '#ask?query=' + encodeURIComponent(q.name),
      'aria-current': q === selected ? 'true' : null, 'data-query': q.name}, text(q.title) || q.name)));
  }
  if (!selected) return;
  $('ask-title').textContent = text(selected.title) || selected.name;
  $('ask-question').textContent = text(selected.question);
  const form = clear($('ask-form'));
  const values = {};
  for (const p of selected.parameters || []) {
    const id = 'ask-param-' + p.name;
    const current = params.get(p.name) ?? (p.default == null ? '' : String(p.default));
    values[p.name] = current;
    const options = parameterOptions(p.kind);
    let input;
    if (options) {
      input = el('select', {id, name: p.name});
      // a value given by name (a default such as 武汉) stays as given
      const given = current && !options.some((o) => o.value === current) ? [{value: current, label: current}] : [];
      fillSelect(input, [...given, ...options], {selected: current});
    } else {
      input = el('input', {id, name: p.name, type: p.kind === 'integer' ? 'number' : 'text', value: current});
    }
    form.append(el('label', {for: id}, bilingual(p.description || p.name), p.required ? ' ' + t('ask.required') : ''), input);
  }
  form.append(el('button', {type: 'submit'}, t('ask.run')));
  form.onsubmit = (event) => {
    event.preventDefault();
    const next = {query: selected.name};
    for (const p of selected.parameters || []) next[p.name] = form.elements[p.name].value;
    navigate('ask', next);
  };
  const details = el('details', {}, el('summary', {}, t('ask.showSparql')), el('pre', {class: 'sparql'}, selected.sparql || ''));
  form.append(details, el('button', {type: 'button', class: 'link', onclick: () => {
    // the editor opens the query with the values chosen in the form
    const chosen = {example: selected.name};
    for (const p of selected.parameters || []) chosen[p.name] = form.elements[p.name].value;
    navigate('sparql', chosen);
  }}, t('ask.openEditor')));
  clear($('ask-table'));
  $('ask-count').textContent = '';
  $('ask-downloads').hidden = true;
  destroyChart('ask');
  if (!params.get('query')) return;
  const result = await unlessStale(stale, answer(selected.name, values));
  if (stale()) return;
  const {columns, rows, hasMore, offset, limit} = result;
  // a paged query's answer is one page: say which rows these are, with buttons to the pages around it
  const page = (start) => () => navigate('ask', {...values, query: selected.name, offset: String(start)});
  const paged = limit !== undefined && (hasMore || offset > 0);
  $('ask-count').replaceChildren(
    paged && rows.length > 0 ? t('ask.rows', {first: offset + 1, last: offset + rows.length}) : t('ask.count', {count: rows.length}),
    hasMore ? ' ' + t('ask.more') : '');
  const pager = clear($('ask-pages'));
  if (offset > 0) {
    pager.append(el('button', {type: 'button', id: 'ask-previous', onclick: page(Math.max(0, offset - limit))}, t('ask.previous')));
  }
  if (hasMore) pager.append(el('button', {type: 'button', id: 'ask-next', onclick: page(offset + limit)}, t('ask.next')));
  const headings = columns.map((name) => {
    const column = (selected.columns || []).find((c) => c.name === name);
    return column ? bilingual(column.description) : name;
  });
  // a guiding body's IRI shows as its name, a link to its view
  renderTable($('ask-table'), columns, headings, rows, (v) => (facetByIri('body', v) ? bodyLink(v) : null));
  // the table as shown (headings and names in the page's language) for Excel; the API's CSV keeps its column names
  offerFile($('ask-excel'), `${selected.name}.csv`, csvFile(tableRows($('ask-table'))));
  $('ask-csv').href = csvLink(selected.name, values);
  $('ask-csv').download = `${selected.name}-api.csv`;
  $('ask-downloads').hidden = false;
  chartRows('ask', $('ask-chart'), columns, headings, rows);
}
