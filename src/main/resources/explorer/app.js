/*
 * Reform KG Explorer. Reads data only through the query API (/api/queries) and, in the SPARQL
 * editor, the endpoint /kg/sparql. Everything that comes from the data or the user is put on the
 * page as text (textContent, attributes), never as markup. See docs/explorer.md.
 */
'use strict';

const API = '/api/queries';
const ENDPOINT = '/kg/sparql';
const LANGUAGES = ['zh', 'en'];

const state = {
  lang: 'zh',
  messages: {},
  config: null,
  catalog: [],
  facets: null,        // {category: [...], body: [...], scope: [...], province: [...], city: [...]}
  network: null,       // {cy, nodes: Map, edges: Map, category}
  charts: {},
  yasgui: null,
  runs: {search: 0, detail: 0, ask: 0}, // loads each view part has started (startRun)
  searchPageSize: 50,  // rows per "more" (the browser tests shrink it to page the 16-measure list)
  listPageSize: 100,   // measures per "more" in the body and network views (shrunk the same way)
};

// ---------- small helpers ----------

function $(id) {
  return document.getElementById(id);
}

/** An element with attributes and children; strings become text nodes, never markup. */
function el(tag, attributes, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes || {})) {
    if (value === undefined || value === null || value === false) continue;
    if (name === 'onclick') node.addEventListener('click', value);
    else node.setAttribute(name, value === true ? '' : String(value));
  }
  for (const child of children.flat()) {
    if (child === undefined || child === null) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

function clear(node) {
  node.replaceChildren();
  return node;
}

function t(key, values) {
  const template = state.messages[key] ?? key;
  return template.replace(/\{(\w+)\}/g, (match, name) => (values && name in values ? String(values[name]) : match));
}

/** A row value as a string ('' for an unbound one). */
function value(row, column) {
  const v = row[column];
  return v === undefined || v === null ? '' : String(v);
}

function number(row, column) {
  return Number(value(row, column) || 0);
}

function label(row) {
  return state.lang === 'en' ? value(row, 'en') || value(row, 'zh') : value(row, 'zh') || value(row, 'en');
}

function setStatus(message) {
  $('status').textContent = message || '';
}

/**
 * Starts a load of a view part (the search, the network's detail panel, the ask view) and returns
 * `stale`: true once a newer load of that part has started, so this one's late results are dropped.
 */
function startRun(part) {
  const run = ++state.runs[part];
  return () => run !== state.runs[part];
}

/**
 * Awaits `promise`, a load of a run `stale` belongs to: its value, or undefined once the run is
 * stale, whose late error is dropped with its late value. Callers return when `stale()`.
 */
async function unlessStale(stale, promise) {
  try {
    const value = await promise;
    return stale() ? undefined : value;
  } catch (error) {
    if (stale()) return undefined;
    throw error;
  }
}

function showError(error) {
  console.warn(error);
  setStatus(t('error', {message: error.message || String(error)}));
}

/** Runs a catalog query with bound parameters; resolves to its rows. */
async function query(name, parameters) {
  return (await answer(name, parameters)).rows;
}

/** Runs a catalog query with bound parameters; resolves to {columns, rows, count}. */
async function answer(name, parameters) {
  const search = new URLSearchParams();
  for (const [key, v] of Object.entries(parameters || {})) {
    if (v !== undefined && v !== null && v !== '') search.set(key, v);
  }
  search.set('format', 'json');
  search.set('lang', state.lang);
  const response = await fetch(`${API}/${encodeURIComponent(name)}?${search}`, {headers: {Accept: 'application/json'}});
  if (!response.ok) {
    throw new Error(`${name}: ${response.status} ${(await response.text()).trim()}`);
  }
  return response.json();
}

function csvLink(name, parameters) {
  const search = new URLSearchParams();
  for (const [key, v] of Object.entries(parameters)) {
    if (v !== '') search.set(key, v);
  }
  search.set('format', 'csv');
  search.set('lang', state.lang);
  return `${API}/${encodeURIComponent(name)}?${search}`;
}

/** The path of an IRI on this server (the linked-data servlets answer it), or null. */
function localPath(iri) {
  const base = state.config && state.config.base;
  return base && iri.startsWith(base) ? '/' + iri.substring(base.length) : null;
}

function rdfLinks(target, iri) {
  clear(target);
  const path = localPath(iri);
  target.append(el('span', {class: 'iri'}, iri));
  if (!path) return;
  for (const [format, name] of [['html', 'HTML'], ['ttl', 'Turtle'], ['jsonld', 'JSON-LD'], ['rdf', 'RDF/XML'], ['nt', 'N-Triples']]) {
    target.append(' ', el('a', {href: `${path}.${format}`, class: 'rdf-link', 'data-format': format}, name));
  }
}

// ---------- routing: the hash keeps the view and its state ----------

function parseHash() {
  // the SPARQL editor's share link (YASGUI's) holds its query in the hash: #query=…&endpoint=…
  const raw = location.hash.replace(/^#/, '');
  if (/^[^?]*=/.test(raw)) return {view: 'sparql', params: new URLSearchParams(raw)};
  const hash = decodeURIComponent(location.hash.replace(/^#/, '').split('?')[0]) || 'search';
  const queryPart = location.hash.includes('?') ? location.hash.substring(location.hash.indexOf('?') + 1) : '';
  return {view: hash, params: new URLSearchParams(queryPart)};
}

/** Shows a view with its state in the URL; replace = no new history entry (typing a keyword). */
function navigate(view, params, replace) {
  const search = new URLSearchParams();
  for (const [key, v] of Object.entries(params)) {
    if (v) search.set(key, v);
  }
  const text = search.toString();
  const hash = '#' + view + (text ? '?' + text : '');
  if (location.hash === hash) {
    route();
  } else if (replace) {
    history.replaceState(null, '', hash);
    route();
  } else {
    location.hash = hash; // the hashchange event routes
  }
}

const views = {
  search: showSearch,
  measure: showMeasure,
  body: showBody,
  network: showNetwork,
  ask: showAsk,
  sparql: showSparql,
  dashboard: showDashboard,
};

async function route() {
  const {view, params} = parseHash();
  const name = views[view] ? view : 'search';
  for (const section of document.querySelectorAll('.view')) {
    section.hidden = section.id !== 'view-' + name;
  }
  for (const link of document.querySelectorAll('#nav a')) {
    if (link.dataset.view === name) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  }
  setStatus('');
  try {
    await views[name](params);
  } catch (error) {
    showError(error);
  }
}

// ---------- language ----------

async function loadLanguage(lang) {
  const response = await fetch(`/explorer/i18n/${lang}.json`);
  if (!response.ok) throw new Error(`i18n/${lang}.json: ${response.status}`);
  state.messages = await response.json();
  state.lang = lang;
  document.documentElement.lang = lang;
  for (const node of document.querySelectorAll('[data-i18n]')) {
    node.textContent = t(node.dataset.i18n);
  }
  for (const node of document.querySelectorAll('[data-i18n-placeholder]')) {
    node.setAttribute('placeholder', t(node.dataset.i18nPlaceholder));
  }
  for (const node of document.querySelectorAll('[data-i18n-label]')) {
    node.setAttribute('aria-label', t(node.dataset.i18nLabel));
  }
  document.title = t('app.title');
  $('language').setAttribute('lang', lang === 'zh' ? 'en' : 'zh');
}

async function switchLanguage() {
  const next = state.lang === 'zh' ? 'en' : 'zh';
  localStorage.setItem('reform-kg.lang', next);
  await loadLanguage(next);
  // labels of the data follow the language too
  if (state.network) state.network.category = null;
  await route();
}

// ---------- shared data ----------

async function facets() {
  if (!state.facets) {
    const groups = {category: [], body: [], scope: [], province: [], city: []};
    for (const row of await query('explorer-facets')) {
      groups[value(row, 'facet')].push(row);
    }
    state.facets = groups;
  }
  return state.facets;
}

function facetByNotation(facet, notation) {
  return state.facets[facet].find((row) => value(row, 'notation') === notation);
}

function facetByIri(facet, iri) {
  return state.facets[facet].find((row) => value(row, 'value') === iri);
}

function bodyName(iri) {
  const row = facetByIri('body', iri);
  if (!row) return iri;
  return state.lang === 'en' ? value(row, 'notation') : value(row, 'zh');
}

/** A link to a measure, from a row with its IRI, number and title. */
function measureLink(row) {
  return el('a', {href: '#measure?iri=' + encodeURIComponent(value(row, 'measure'))},
    `${t('result.number', {number: value(row, 'number')})} ${value(row, 'title')}`);
}

/**
 * Lists a paged query's measures (rows of measure, number, title) in `list`, before `anchor`, a
 * page at a time: the anchor holds a "more" button while pages follow. `extra` adds to each
 * item; `stale` says the view has moved on, so a late page or error is dropped.
 */
async function listMeasures(list, anchor, name, parameters, extra, stale = () => false) {
  const page = await unlessStale(stale, answer(name, {limit: state.listPageSize, ...parameters}));
  if (stale()) return;
  for (const row of page.rows) {
    list.insertBefore(el('li', {}, measureLink(row), ...(extra ? extra(row) : [])), anchor);
  }
  clear(anchor);
  anchor.hidden = !page.hasMore;
  if (!page.hasMore) return;
  const more = el('button', {type: 'button', class: 'link more'}, t('search.more'));
  more.onclick = async () => {
    more.disabled = true;
    try {
      await listMeasures(list, anchor, name, {...parameters, offset: page.offset + page.limit}, extra, stale);
    } catch (error) {
      showError(error);
    } finally {
      more.disabled = false;
    }
  };
  anchor.append(more);
}

/** An empty item that marks where listMeasures puts a list's measures. */
function measuresAnchor() {
  const anchor = el('li', {class: 'plain'});
  anchor.hidden = true;
  return anchor;
}

function bodyLink(iri, text) {
  const row = facetByIri('body', iri);
  const id = row ? value(row, 'notation') : iri;
  return el('a', {href: '#body?id=' + encodeURIComponent(id)}, text || bodyName(iri));
}

// ---------- search ----------

const FILTERS = ['category', 'body', 'scope', 'place'];

function searchState(params) {
  return {
    q: params.get('q') || '',
    category: params.get('category') || '',
    body: params.get('body') || '',
    scope: params.get('scope') || '',
    place: params.get('place') || '',
  };
}

/** The query API's parameters for a search state (IRIs), leaving out one filter if asked. */
function searchParameters(s, without) {
  const iri = (facet, notation) => {
    const row = notation && facetByNotation(facet, notation);
    return row ? value(row, 'value') : '';
  };
  const place = s.place && (facetByNotation('city', s.place) || facetByNotation('province', s.place));
  const parameters = {
    keyword: s.q,
    category: iri('category', s.category),
    body: iri('body', s.body),
    scope: iri('scope', s.scope),
    place: place ? value(place, 'value') : '',
  };
  if (without) parameters[without] = '';
  return parameters;
}

/** The guiding bodies of a search row, lead first: the column holds "position=IRI" pairs. */
function guidingBodies(row) {
  return value(row, 'bodies').split(' ').filter(Boolean)
    .map((pair) => [Number(pair.substring(0, pair.indexOf('='))), pair.substring(pair.indexOf('=') + 1)])
    .sort((x, y) => x[0] - y[0])
    .map((pair) => pair[1]);
}

/** explorer-search-counts rows as a map from value (IRI, or * for the total) to count. */
function countMap(rows) {
  return new Map(rows.map((row) => [value(row, 'value'), number(row, 'measures')]));
}

function fillFacet(select, rows, counts, selected, labelOf) {
  clear(select);
  select.append(el('option', {value: ''}, t('facet.any')));
  for (const row of rows) {
    const count = counts.get(value(row, 'value')) || 0;
    const notation = value(row, 'notation');
    select.append(el('option', {value: notation, selected: notation === selected, 'data-count': count},
      `${labelOf(row)} (${count})`));
  }
  select.value = selected;
}

function fillPlaces(select, counts, selected) {
  clear(select);
  select.append(el('option', {value: ''}, t('facet.any')));
  const provinces = el('optgroup', {label: t('facet.provinces')});
  for (const row of state.facets.province) {
    const count = counts.get(value(row, 'value')) || 0;
    provinces.append(el('option', {value: value(row, 'notation'), 'data-count': count}, `${value(row, 'zh')} (${count})`));
  }
  select.append(provinces);
  const byProvince = new Map();
  for (const row of state.facets.city) {
    const parent = value(row, 'parent');
    if (!byProvince.has(parent)) byProvince.set(parent, []);
    byProvince.get(parent).push(row);
  }
  for (const province of state.facets.province) {
    const cities = byProvince.get(value(province, 'value'));
    if (!cities) continue;
    const group = el('optgroup', {label: t('facet.cities', {province: value(province, 'zh')})});
    for (const row of cities) {
      const count = counts.get(value(row, 'value')) || 0;
      group.append(el('option', {value: value(row, 'notation'), 'data-count': count}, `${value(row, 'zh')} (${count})`));
    }
    select.append(group);
  }
  select.value = selected;
}

async function showSearch(params) {
  await facets();
  const s = searchState(params);
  const keyword = $('keyword');
  if (document.activeElement !== keyword) keyword.value = s.q;
  const stale = startRun('search');
  setStatus(t('loading'));
  // the first page of results; the total and each filter's counts come from counting queries
  const pageParameters = {...searchParameters(s), limit: state.searchPageSize};
  const counts = (facet) => query('explorer-search-counts', {...searchParameters(s, facet === 'all' ? null : facet), facet});
  const answers = await unlessStale(stale, Promise.all([
    answer('explorer-search', pageParameters),
    counts('all'),
    counts('category'),
    counts('body'),
    counts('scope'),
    query('explorer-place-counts', searchParameters(s, 'place')),
  ]));
  if (stale()) return;
  const [page, total, byCategory, byBody, byScope, placeRows] = answers;
  setStatus('');
  fillFacet($('facet-category'), state.facets.category, countMap(byCategory), s.category, label);
  fillFacet($('facet-body'), state.facets.body, countMap(byBody), s.body, label);
  fillFacet($('facet-scope'), state.facets.scope, countMap(byScope), s.scope, label);
  fillPlaces($('facet-place'), new Map(placeRows.map((row) => [value(row, 'place'), number(row, 'measures')])), s.place);
  $('result-count').textContent = t('search.count', {count: countMap(total).get('*') || 0});
  const list = clear($('results'));
  if (page.rows.length === 0) list.append(el('li', {class: 'empty'}, t('search.none')));
  appendResults(list, page.rows);
  offerMore(page, pageParameters, stale);
}

/** Shows the "more" button while rows follow the page; a click appends the next page. */
function offerMore(page, parameters, stale) {
  const more = $('results-more');
  more.hidden = !page.hasMore;
  more.onclick = async () => {
    more.disabled = true;
    try {
      const next = await unlessStale(stale, answer('explorer-search', {...parameters, offset: page.offset + page.limit}));
      if (stale()) return;
      appendResults($('results'), next.rows);
      offerMore(next, parameters, stale);
    } catch (error) {
      showError(error);
    } finally {
      more.disabled = false;
    }
  };
}

function appendResults(list, rows) {
  for (const row of rows) {
    const category = facetByIri('category', value(row, 'measureCategory'));
    const scope = facetByIri('scope', value(row, 'measureScope'));
    const bodies = guidingBodies(row).map(bodyName).join('、');
    list.append(el('li', {class: 'result', 'data-number': value(row, 'number')},
      el('a', {href: '#measure?iri=' + encodeURIComponent(value(row, 'measure')), class: 'result-title'},
        el('span', {class: 'number'}, t('result.number', {number: value(row, 'number')})), ' ', value(row, 'title')),
      el('p', {class: 'meta'},
        el('span', {class: 'tag'}, category ? label(category) : ''), ' ',
        el('span', {class: 'tag scope'}, scope ? label(scope) : ''), ' ',
        el('span', {}, t('result.bodies', {bodies})))));
  }
}

function searchFromForm(replace) {
  const form = $('search-form');
  const s = {q: $('keyword').value.trim()};
  for (const name of FILTERS) s[name] = form.elements[name].value;
  navigate('search', s, replace);
}

// ---------- measure ----------

function fact(list, term, ...description) {
  list.append(el('dt', {}, term), el('dd', {}, ...description));
}

async function showMeasure(params) {
  await facets();
  const iri = params.get('iri') || '';
  const [rows, bodies, places] = await Promise.all([
    query('explorer-measure', {measure: iri}),
    query('explorer-measure-bodies', {measure: iri}),
    query('explorer-measure-places', {measure: iri}),
  ]);
  if (rows.length === 0) throw new Error(`no measure ${iri}`);
  const m = rows[0];
  $('measure-title').textContent = t('measure.heading', {number: value(m, 'number'), title: value(m, 'title')});
  const facts = clear($('measure-facts'));
  fact(facts, t('measure.list'), value(m, 'listTitle'));
  fact(facts, t('measure.section'), value(m, 'sectionLabel'));
  fact(facts, t('measure.category'), el('a', {href: '#search?category=' + encodeURIComponent(
    value(facetByIri('category', value(m, 'category')) || {}, 'notation'))},
  state.lang === 'en' ? value(m, 'categoryEn') : value(m, 'categoryZh')));
  fact(facts, t('measure.scope'), state.lang === 'en' ? value(m, 'scopeEn') : value(m, 'scopeZh'));
  fact(facts, t('measure.source'), t('measure.sourceLine', {file: value(m, 'sourceFile'), line: value(m, 'sourceLine')}));
  $('measure-content').textContent = value(m, 'content');
  const list = clear($('measure-bodies'));
  for (const row of bodies) {
    const name = state.lang === 'en' ? value(row, 'en') : `${value(row, 'listName')}（${value(row, 'zh')}）`;
    list.append(el('li', {}, bodyLink(value(row, 'body'), name),
      number(row, 'position') === 1 ? [' ', el('span', {class: 'tag lead'}, t('measure.lead'))] : null));
  }
  const placeList = clear($('measure-places'));
  for (const row of places) {
    const members = value(row, 'members');
    placeList.append(el('li', {}, label(row), members ? `：${members}` : ''));
  }
  rdfLinks($('measure-rdf'), iri);
}

// ---------- body ----------

async function showBody(params) {
  await facets();
  const row = facetByNotation('body', params.get('id') || '');
  if (!row) throw new Error(`no guiding body ${params.get('id')}`);
  const iri = value(row, 'value');
  const [details, partners] = await Promise.all([
    query('explorer-body', {body: iri}),
    query('explorer-body-partners', {body: iri}),
  ]);
  const b = details[0];
  $('body-title').textContent = state.lang === 'en' ? value(b, 'en') : value(b, 'zh');
  const facts = clear($('body-facts'));
  fact(facts, t('body.officialName'), value(b, 'zh'));
  fact(facts, t('body.shortName'), value(b, 'listName'));
  fact(facts, t('body.englishName'), value(b, 'en'));
  fact(facts, t('body.abbreviation'), value(b, 'notation'));
  if (value(b, 'kindZh')) fact(facts, t('body.kind'), state.lang === 'en' ? value(b, 'kindEn') : value(b, 'kindZh'));
  if (value(b, 'successor')) {
    const successor = state.lang === 'en' ? value(b, 'successorEn') : value(b, 'successorZh');
    fact(facts, t('body.successor'), t('body.successorText', {successor, date: value(b, 'changed')}));
  }
  const table = clear($('body-partners'));
  table.append(el('thead', {}, el('tr', {}, el('th', {scope: 'col'}, t('body.partner')),
    el('th', {scope: 'col'}, t('body.shared')), el('th', {scope: 'col'}, t('body.sharedMeasures')))));
  const body = el('tbody');
  for (const p of partners) {
    // the shared measures are listed on demand, a page at a time: a partner may share thousands
    const shared = el('ul', {class: 'shared'});
    const show = el('button', {type: 'button', class: 'link'}, t('body.showShared'));
    show.onclick = async () => {
      show.remove();
      const anchor = measuresAnchor();
      shared.append(anchor);
      await listMeasures(shared, anchor, 'explorer-shared-measures', {body: iri, partner: value(p, 'partner')});
    };
    body.append(el('tr', {},
      el('td', {}, bodyLink(value(p, 'partner'))),
      el('td', {class: 'num'}, value(p, 'shared')),
      el('td', {}, show, shared)));
  }
  table.append(body);
  rdfLinks($('body-rdf'), iri);
  const list = clear($('body-measures'));
  const anchor = measuresAnchor();
  list.append(anchor);
  await listMeasures(list, anchor, 'explorer-body-measures', {body: iri}, (m) => [' ',
    el('span', {class: 'tag'}, number(m, 'position') === 1 ? t('measure.lead') : t('body.position', {position: value(m, 'position')}))]);
}

// ---------- network ----------

function fillBodySelect(select, selected) {
  clear(select);
  for (const row of state.facets.body) {
    select.append(el('option', {value: value(row, 'notation')}, label(row)));
  }
  if (selected) select.value = selected;
}

function fillCategorySelect(select, selected, anyText) {
  clear(select);
  select.append(el('option', {value: ''}, anyText));
  for (const row of state.facets.category) {
    select.append(el('option', {value: value(row, 'notation')}, label(row)));
  }
  select.value = selected;
}

async function showNetwork(params) {
  await facets();
  const category = params.get('category') || '';
  const from = params.get('from') || 'SPC';
  const to = params.get('to') || 'MOF';
  fillCategorySelect($('network-category'), category, t('network.allCategories'));
  fillBodySelect($('connection-from'), from);
  fillBodySelect($('connection-to'), to);
  if (!state.network || state.network.category !== category) {
    const categoryRow = category && facetByNotation('category', category);
    const rows = await query('explorer-network', {category: categoryRow ? value(categoryRow, 'value') : ''});
    drawNetwork(rows, category);
  }
  clear($('connection-path'));
  state.network.cy.elements().removeClass('path');
  if (params.get('from') && params.get('to')) {
    await findConnection(from, to);
  }
}

function drawNetwork(rows, category) {
  const nodes = new Map();
  const edges = new Map();
  for (const row of rows) {
    if (value(row, 'b')) {
      edges.set(`${value(row, 'a')}|${value(row, 'b')}`, {a: value(row, 'a'), b: value(row, 'b'), weight: number(row, 'weight')});
    } else {
      nodes.set(value(row, 'a'), {weight: number(row, 'weight')});
    }
  }
  const maxWeight = Math.max(1, ...[...nodes.values()].map((n) => n.weight));
  const elements = [];
  for (const [iri, node] of nodes) {
    elements.push({data: {id: iri, label: bodyName(iri), weight: node.weight, size: 24 + 40 * node.weight / maxWeight}});
  }
  for (const [id, edge] of edges) {
    elements.push({data: {id, source: edge.a, target: edge.b, weight: edge.weight}});
  }
  if (state.network) state.network.cy.destroy();
  const cy = cytoscape({
    container: $('network-graph'),
    elements,
    style: [
      {selector: 'node', style: {
        'background-color': '#2b6cb0', label: 'data(label)', width: 'data(size)', height: 'data(size)',
        'font-size': 12, color: '#1a202c', 'text-valign': 'bottom', 'text-margin-y': 4,
        'text-background-color': '#ffffff', 'text-background-opacity': 0.8, 'text-background-padding': 2}},
      {selector: 'edge', style: {
        width: 'mapData(weight, 1, 5, 1.5, 9)', 'line-color': '#a0aec0', 'curve-style': 'bezier',
        label: 'data(weight)', 'font-size': 10, color: '#4a5568'}},
      {selector: '.path', style: {'background-color': '#dd6b20', 'line-color': '#dd6b20', 'z-index': 10}},
      {selector: ':selected', style: {'border-width': 3, 'border-color': '#1a202c', 'line-color': '#2d3748'}},
    ],
    layout: {name: 'cose', animate: false, randomize: false, nodeRepulsion: () => 60000, idealEdgeLength: () => 90, padding: 20},
    wheelSensitivity: 0.3,
  });
  cy.on('tap', 'node', (event) => showNodeDetail(event.target.id()));
  cy.on('tap', 'edge', (event) => showEdgeDetail(event.target.id()));
  state.network = {cy, nodes, edges, category};
  window.reformNetwork = cy; // for tests and the console
  const list = clear($('network-nodes'));
  for (const [iri, node] of [...nodes].sort((x, y) => y[1].weight - x[1].weight)) {
    list.append(el('li', {}, el('button', {type: 'button', class: 'link', onclick: () => {
      cy.elements().unselect();
      cy.getElementById(iri).select();
      showNodeDetail(iri);
    }}, `${bodyName(iri)} (${node.weight})`)));
  }
  clear($('network-detail'));
  $('network-detail-title').textContent = t('network.detail');
}

/** The measures of a node (partner = the body itself) or an edge, within the network's category. */
function listDetailMeasures(list, anchor, body, partner) {
  const stale = startRun('detail');
  const categoryRow = state.network.category && facetByNotation('category', state.network.category);
  return listMeasures(list, anchor, 'explorer-shared-measures',
    {body, partner, category: categoryRow ? value(categoryRow, 'value') : ''}, null, stale);
}

function showNodeDetail(iri) {
  const node = state.network.nodes.get(iri);
  $('network-detail-title').textContent = t('network.nodeDetail', {body: bodyName(iri), count: node.weight});
  const list = clear($('network-detail'));
  list.append(el('li', {class: 'plain'}, bodyLink(iri)));
  const anchor = measuresAnchor();
  list.append(anchor);
  // the node's edges as buttons, so the keyboard reaches what a click on an edge shows
  for (const [id, edge] of state.network.edges) {
    if (edge.a !== iri && edge.b !== iri) continue;
    const partner = edge.a === iri ? edge.b : edge.a;
    list.append(el('li', {class: 'plain'}, el('button', {type: 'button', class: 'link edge', onclick: () => {
      state.network.cy.elements().unselect();
      state.network.cy.getElementById(id).select();
      showEdgeDetail(id);
    }}, t('network.withPartner', {partner: bodyName(partner), count: edge.weight}))));
  }
  return listDetailMeasures(list, anchor, iri, iri).catch(showError);
}

function showEdgeDetail(id) {
  const edge = state.network.edges.get(id);
  $('network-detail-title').textContent = t('network.edgeDetail', {a: bodyName(edge.a), b: bodyName(edge.b), count: edge.weight});
  const list = clear($('network-detail'));
  const anchor = measuresAnchor();
  list.append(anchor);
  return listDetailMeasures(list, anchor, edge.a, edge.b).catch(showError);
}

async function findConnection(from, to) {
  const rows = await query('body-connection', {from, to});
  const list = clear($('connection-path'));
  const cy = state.network.cy;
  cy.elements().removeClass('path');
  if (rows.length === 0) {
    list.append(el('li', {class: 'plain'}, t('connection.none')));
    return;
  }
  const fromRow = facetByNotation('body', from);
  const toRow = facetByNotation('body', to);
  list.setAttribute('aria-label', t('connection.summary', {from: label(fromRow), to: label(toRow), links: rows.length}));
  for (const row of rows) {
    const a = resolveBody(value(row, 'from'));
    const b = resolveBody(value(row, 'to'));
    const measures = value(row, 'measures');
    list.append(el('li', {class: 'step'}, t('connection.step', {
      from: a ? bodyName(a) : value(row, 'fromLabel'), to: b ? bodyName(b) : value(row, 'toLabel'), measures})));
    if (a && b) {
      cy.getElementById(a).addClass('path');
      cy.getElementById(b).addClass('path');
      cy.getElementById(`${a}|${b}`).addClass('path');
      cy.getElementById(`${b}|${a}`).addClass('path');
    }
  }
}

/** A body's IRI from what the connection query gives: its IRI, abbreviation or list name. */
function resolveBody(text) {
  const row = state.facets.body.find((b) => [value(b, 'value'), value(b, 'notation'), value(b, 'zh')].includes(text));
  return row ? value(row, 'value') : null;
}

// ---------- ask without SPARQL ----------

async function catalog() {
  if (state.catalog.length === 0) {
    const response = await fetch(API, {headers: {Accept: 'application/json'}});
    if (!response.ok) throw new Error(`${API}: ${response.status}`);
    state.catalog = (await response.json()).queries;
  }
  return state.catalog;
}

function text(pair) {
  if (!pair) return '';
  if (typeof pair === 'string') return pair;
  return pair[state.lang] || pair.zh || pair.en || '';
}

/** The options of a catalog parameter of a kind the data lists: [value, label]. */
function parameterOptions(kind) {
  const rows = {category: state.facets.category, body: state.facets.body}[kind];
  if (rows) return rows.map((row) => [value(row, 'notation'), label(row)]);
  if (kind === 'place') {
    return [...state.facets.province, ...state.facets.city].map((row) => [value(row, 'notation'), value(row, 'zh')]);
  }
  return null;
}

async function showAsk(params) {
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
      if (current && !options.some(([v]) => v === current)) input.append(el('option', {value: current}, current));
      for (const [v, name] of options) input.append(el('option', {value: v}, name));
      input.value = current;
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
  destroyChart('ask');
  if (!params.get('query')) return;
  const result = await unlessStale(stale, answer(selected.name, values));
  if (stale()) return;
  const {columns, rows, hasMore, offset, limit} = result;
  // a paged query's answer is one page: say where the next starts
  $('ask-count').replaceChildren(t('ask.count', {count: rows.length}),
    hasMore ? ' ' + t('ask.more', {offset: offset + limit}) : '', ' ',
    el('a', {href: csvLink(selected.name, values), download: `${selected.name}.csv`, id: 'ask-csv'}, t('ask.csv')));
  const headings = columns.map((name) => {
    const column = (selected.columns || []).find((c) => c.name === name);
    return column ? bilingual(column.description) : name;
  });
  renderTable($('ask-table'), columns, headings, rows);
  chartRows('ask', $('ask-chart'), columns, headings, rows);
}

/** The part of a "中文 / English" description in the page's language. */
function bilingual(description) {
  const parts = String(description).split(/\s*\/\s+/);
  return parts.length === 2 ? parts[state.lang === 'en' ? 1 : 0].trim() : description;
}

function renderTable(table, columns, headings, rows) {
  clear(table);
  table.append(el('thead', {}, el('tr', {}, columns.map((c, i) => el('th', {scope: 'col', 'data-column': c}, headings[i])))));
  const body = el('tbody');
  for (const row of rows) {
    body.append(el('tr', {}, columns.map((c) => {
      const v = value(row, c);
      const path = /^https?:\/\//.test(v) ? localPath(v) : null;
      return el('td', {}, path ? el('a', {href: path + '.html'}, v) : v);
    })));
  }
  table.append(body);
}

function destroyChart(key) {
  if (state.charts[key]) {
    state.charts[key].destroy();
    delete state.charts[key];
  }
}

/** The catalog's integer columns that name or order rows (a measure's number, a body's position): labels, not bars. */
const ORDINAL_COLUMNS = new Set(['number', 'position', 'step', 'sourceLine']);

/** A bar chart of a result: labels from the first non-numeric column, bars for the numeric ones. */
function chartRows(key, canvas, columns, headings, rows) {
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

// ---------- SPARQL editor ----------

async function showSparql(params) {
  const queries = await catalog();
  const select = $('sparql-examples');
  const chosen = select.value;
  clear(select);
  for (const q of queries) select.append(el('option', {value: q.name}, text(q.title) || q.name));
  if (chosen) select.value = chosen;
  if (!state.yasgui) {
    // no completions that fetch prefixes or vocabularies from the internet
    Yasgui.Yasqe.defaults.autocompleters = Yasgui.Yasqe.defaults.autocompleters.filter((name) => name === 'variables');
    state.yasgui = new Yasgui($('yasgui'), {
      requestConfig: {endpoint: new URL(ENDPOINT, location.href).href, method: 'POST'},
      copyEndpointOnNewTab: true,
      persistenceId: null,
      populateFromUrl: false,
    });
    window.reformYasgui = state.yasgui; // for tests and the console
  }
  const tab = state.yasgui.getTab();
  const example = params.get('example');
  if (params.get('query')) {
    tab.setQuery(params.get('query'));
    tab.query();
  } else if (example) {
    select.value = example;
    tab.setQuery(await exampleText(example, params));
    tab.query();
  }
}

/** A catalog query's text: as the file gives it (its defaults), or with the values in params bound by the server. */
async function exampleText(name, params) {
  const q = state.catalog.find((candidate) => candidate.name === name);
  const values = new URLSearchParams([...params].filter(([key]) => key !== 'example'));
  if (q && [...values].length === 0) return q.sparql;
  values.set('format', 'sparql');
  values.set('lang', state.lang);
  const response = await fetch(`${API}/${encodeURIComponent(name)}?${values}`);
  if (!response.ok) throw new Error(`${name}: ${response.status} ${(await response.text()).trim()}`);
  return response.text();
}

// ---------- dashboard ----------

async function showDashboard() {
  await facets();
  const [figures, network] = await Promise.all([query('explorer-dashboard'), query('explorer-network', {category: ''})]);
  const sections = figures.filter((row) => value(row, 'figure') === 'section');
  const scopes = figures.filter((row) => value(row, 'figure') === 'scope');
  const declared = sections.reduce((sum, row) => sum + number(row, 'declared'), 0);
  const present = sections.reduce((sum, row) => sum + number(row, 'present'), 0);
  const totals = clear($('dashboard-totals'));
  totals.append(el('li', {}, t('dashboard.totalDeclared', {count: declared})),
    el('li', {}, t('dashboard.totalPresent', {count: present})),
    el('li', {}, t('dashboard.totalBodies', {count: state.facets.body.length})),
    el('li', {}, t('dashboard.totalCategories', {count: state.facets.category.length})));
  for (const row of sections.filter((r) => number(r, 'present') < number(r, 'declared'))) {
    totals.append(el('li', {class: 'gap'}, t('dashboard.gap', {category: label(row), declared: value(row, 'declared'), present: value(row, 'present')})));
  }
  const sectionLabels = sections.map(label);
  figureTable($('table-sections'), [t('dashboard.category'), t('dashboard.declared'), t('dashboard.present')],
    sections.map((row) => [label(row), value(row, 'declared'), value(row, 'present')]));
  drawChart('sections', $('chart-sections'), {
    type: 'bar',
    data: {labels: sectionLabels, datasets: [
      {label: t('dashboard.declared'), data: sections.map((r) => number(r, 'declared')), backgroundColor: '#a0aec0'},
      {label: t('dashboard.present'), data: sections.map((r) => number(r, 'present')), backgroundColor: '#2b6cb0'}]},
  });
  figureTable($('table-scopes'), [t('dashboard.scope'), t('dashboard.measures')],
    scopes.map((row) => [label(row), value(row, 'present')]));
  drawChart('scopes', $('chart-scopes'), {
    type: 'doughnut',
    data: {labels: scopes.map(label), datasets: [{data: scopes.map((r) => number(r, 'present')), backgroundColor: ['#2b6cb0', '#dd6b20', '#38a169']}]},
  });
  const partners = new Map();
  const measures = new Map();
  for (const row of network) {
    if (value(row, 'b')) {
      for (const body of [value(row, 'a'), value(row, 'b')]) partners.set(body, (partners.get(body) || 0) + 1);
    } else {
      measures.set(value(row, 'a'), number(row, 'weight'));
    }
  }
  const ranked = [...measures.keys()].sort((x, y) => (partners.get(y) || 0) - (partners.get(x) || 0)
    || measures.get(y) - measures.get(x)).slice(0, 8);
  figureTable($('table-bodies'), [t('dashboard.body'), t('dashboard.partners'), t('dashboard.measures')],
    ranked.map((iri) => [bodyName(iri), partners.get(iri) || 0, measures.get(iri)]));
  drawChart('bodies', $('chart-bodies'), {
    type: 'bar',
    data: {labels: ranked.map(bodyName), datasets: [
      {label: t('dashboard.partners'), data: ranked.map((iri) => partners.get(iri) || 0), backgroundColor: '#dd6b20'},
      {label: t('dashboard.measures'), data: ranked.map((iri) => measures.get(iri)), backgroundColor: '#2b6cb0'}]},
    options: {indexAxis: 'y'},
  });
}

function figureTable(table, headings, rows) {
  clear(table);
  table.append(el('thead', {}, el('tr', {}, headings.map((h) => el('th', {scope: 'col'}, h)))),
    el('tbody', {}, rows.map((cells) => el('tr', {}, cells.map((c, i) => el('td', {class: i > 0 ? 'num' : null}, c))))));
}

function drawChart(key, canvas, config) {
  destroyChart(key);
  config.options = Object.assign({responsive: true, maintainAspectRatio: false, animation: false}, config.options || {});
  state.charts[key] = new Chart(canvas, config);
}

// ---------- start ----------

async function start() {
  const stored = localStorage.getItem('reform-kg.lang');
  const requested = new URLSearchParams(location.search).get('lang');
  const lang = LANGUAGES.includes(requested) ? requested : LANGUAGES.includes(stored) ? stored : 'zh';
  const config = await fetch('/explorer/config.json');
  state.config = await config.json();
  await loadLanguage(lang);
  $('language').addEventListener('click', () => switchLanguage().catch(showError));
  let typing;
  $('keyword').addEventListener('input', () => {
    clearTimeout(typing);
    typing = setTimeout(() => searchFromForm(true), 250);
  });
  $('search-form').addEventListener('submit', (event) => {
    event.preventDefault();
    searchFromForm(false);
  });
  for (const name of FILTERS) {
    $('facet-' + name).addEventListener('change', () => searchFromForm(false));
  }
  $('search-form').addEventListener('reset', (event) => {
    event.preventDefault();
    $('keyword').value = '';
    navigate('search', {});
  });
  $('network-category').addEventListener('change', () => {
    navigate('network', {category: $('network-category').value});
  });
  $('connection-form').addEventListener('submit', (event) => {
    event.preventDefault();
    navigate('network', {category: $('network-category').value, from: $('connection-from').value, to: $('connection-to').value});
  });
  $('sparql-examples-form').addEventListener('submit', (event) => {
    event.preventDefault();
    navigate('sparql', {example: $('sparql-examples').value}, true);
  });
  window.addEventListener('hashchange', () => route());
  await route();
  document.body.dataset.ready = 'true';
}

start().catch(showError);
