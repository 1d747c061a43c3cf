/* The search view (#search): keyword and filters, the counts beside them, the results a page at a time. */
import {answer, query} from '../api.js';
import {$, clear, csvFile, el, fillSelect, marked, offerFile, showError} from '../dom.js';
import {facetByIri, facetByNotation, facetItems, facets, bodyName} from '../data.js';
import {label, number, t, value} from '../i18n.js';
import {navigate, parseHash} from '../router.js';
import {startRun, state, unlessStale} from '../state.js';

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

/** The place filter's options: the provinces, then each province's cities. */
function placeItems(counts) {
  const item = (row, group) => ({value: value(row, 'notation'), label: value(row, 'zh'),
    count: counts.get(value(row, 'value')) || 0, group});
  const items = state.facets.province.map((row) => item(row, t('facet.provinces')));
  for (const province of state.facets.province) {
    for (const row of state.facets.city.filter((city) => value(city, 'parent') === value(province, 'value'))) {
      items.push(item(row, t('facet.cities', {province: value(province, 'zh')})));
    }
  }
  return items;
}

export async function showSearch(params) {
  await facets();
  const s = searchState(params);
  const keyword = $('keyword');
  if (document.activeElement !== keyword) keyword.value = s.q;
  const stale = startRun('search');
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
    query('explorer-dashboard'),
    query('explorer-list'),
  ]));
  if (stale()) return;
  const [page, total, byCategory, byBody, byScope, placeRows, figures, lists] = answers;
  showIntro(figures, lists);
  const any = t('facet.any');
  const known = (facet, notation) => (notation && facetByNotation(facet, notation) ? notation : '');
  const place = known('city', s.place) || known('province', s.place);
  fillSelect($('facet-category'), facetItems('category', countMap(byCategory)), {selected: known('category', s.category), any});
  fillSelect($('facet-body'), facetItems('body', countMap(byBody)), {selected: known('body', s.body), any});
  fillSelect($('facet-scope'), facetItems('scope', countMap(byScope)), {selected: known('scope', s.scope), any});
  const placeCounts = new Map(placeRows.map((row) => [value(row, 'place'), number(row, 'measures')]));
  fillSelect($('facet-place'), placeItems(placeCounts), {selected: place, any});
  fillPlaceNames(placeCounts, place);
  showCategoryCounts(countMap(byCategory), s);
  sayWhatTheSearchLeftOut(s, place);
  $('result-count').textContent = t('search.count', {count: countMap(total).get('*') || 0});
  await offerTheWords(s, countMap(total).get('*') || 0, stale);
  const list = clear($('results'));
  if (page.rows.length === 0) list.append(el('li', {class: 'empty'}, t('search.none')));
  appendResults(list, page.rows);
  offerMore(page, pageParameters, stale);
}

/**
 * What the list is and holds: who issued it, when and with which notice (when the data says, for a
 * single list), its sections, the measures declared and present, and why they differ.
 */
function showIntro(figures, lists) {
  const sections = figures.filter((row) => value(row, 'figure') === 'section');
  const sum = (column) => sections.reduce((total, row) => total + number(row, column), 0);
  const counts = {sections: sections.length, declared: sum('declared'), present: sum('present')};
  const intro = clear($('intro'));
  // the sentences carry their own spacing: none between Chinese ones
  const [list] = lists;
  if (lists.length === 1 && value(list, 'year')) {
    const inLanguage = (column) => value(list, column + (state.lang === 'en' ? 'En' : 'Zh'));
    intro.append(t('intro.published', {...counts, issuer: inLanguage('issuer'), notice: inLanguage('notice'), year: value(list, 'year')}));
  } else {
    intro.append(t('intro.text', counts));
  }
  for (const row of sections.filter((r) => number(r, 'present') === 0 && number(r, 'declared') > 0)) {
    intro.append(t('intro.gap', {category: label(row), declared: value(row, 'declared')}));
  }
  intro.append(t('intro.use'));
  intro.hidden = false;
}

/** The place names for typing ahead: a name typed or picked chooses that place in the filter. */
function fillPlaceNames(counts, selected) {
  const names = clear($('place-names'));
  for (const row of [...state.facets.province, ...state.facets.city]) {
    names.append(el('option', {value: value(row, 'zh')}, `${value(row, 'zh')} (${counts.get(value(row, 'value')) || 0})`));
  }
  const chosen = selected && (facetByNotation('city', selected) || facetByNotation('province', selected));
  if (document.activeElement !== $('place-name')) $('place-name').value = chosen ? value(chosen, 'zh') : '';
}

/** The categories with their counts beside the results, each a link that filters by it. */
function showCategoryCounts(counts, s) {
  const list = clear($('category-counts'));
  for (const row of state.facets.category) {
    const count = counts.get(value(row, 'value')) || 0;
    const notation = value(row, 'notation');
    const params = new URLSearchParams(Object.entries({...s, category: notation}).filter(([, v]) => v));
    list.append(el('li', {}, el('a', {href: '#search?' + params, 'aria-current': notation === s.category ? 'true' : null,
      'data-category': notation}, `${label(row)} ${count}`)));
  }
}

/** Says which filters of the URL name nothing (left out), and offers a keyword that names a place or body as a filter. */
function sayWhatTheSearchLeftOut(s, place) {
  const note = clear($('search-note'));
  const unknown = [];
  const names = {category: t('facet.category'), body: t('facet.body'), scope: t('facet.scope')};
  for (const facet of ['category', 'body', 'scope']) {
    if (s[facet] && !facetByNotation(facet, s[facet])) unknown.push(t('search.unknownFilter', {filter: names[facet], value: s[facet]}));
  }
  if (s.place && !place) unknown.push(t('search.unknownFilter', {filter: t('facet.place'), value: s.place}));
  if (unknown.length) note.append(el('span', {class: 'unknown'}, t('search.unknownFilters', {filters: unknown.join('；')})));
  // a keyword that is a place's or a body's name finds measures by the filter, not in their text
  const q = s.q.trim();
  const bare = (name) => name.replace(/(省|市|自治区|特别行政区)$/, '');
  const places = q ? [...state.facets.province, ...state.facets.city].filter((row) => value(row, 'zh') === q || bare(value(row, 'zh')) === q) : [];
  const bodies = q ? state.facets.body.filter((row) => [value(row, 'zh'), value(row, 'notation'), value(row, 'en')].includes(q)) : [];
  for (const [facet, rows] of [['place', places], ['body', bodies]]) {
    for (const row of rows.slice(0, 3)) {
      const next = {...s, q: '', [facet]: value(row, 'notation')};
      note.append(el('span', {class: 'hint'}, facet === 'place' ? t('search.placeHint', {keyword: q}) : t('search.bodyHint', {keyword: q}), ' ',
        el('a', {href: '#search?' + new URLSearchParams(Object.entries(next).filter(([, v]) => v)), class: 'filter-hint'},
          t('search.filterBy', {name: facet === 'place' ? value(row, 'zh') : label(row)}))));
    }
  }
  note.hidden = note.childNodes.length === 0;
}

/**
 * A keyword of several words finds the measures holding every word: when none holds them all,
 * each word alone is offered, with the measures it finds under the same filters.
 */
async function offerTheWords(s, found, stale) {
  const words = s.q.trim().split(/\s+/).filter(Boolean);
  if (found > 0 || words.length < 2) return;
  const counts = await unlessStale(stale, Promise.all(words.map((word) =>
    query('explorer-search-counts', {...searchParameters({...s, q: word}), facet: 'all'}))));
  if (stale()) return;
  const note = $('search-note');
  const hint = el('span', {class: 'hint'}, t('search.wordsHint', {keyword: s.q.trim()}));
  words.forEach((word, index) => {
    const next = new URLSearchParams(Object.entries({...s, q: word}).filter(([, v]) => v));
    hint.append(index > 0 ? '、' : ' ', el('a', {href: '#search?' + next, class: 'word-hint'},
      t('search.wordCount', {word, count: countMap(counts[index]).get('*') || 0})));
  });
  note.append(hint);
  note.hidden = false;
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
    // why the measure matched: the server marks the keyword in its content (or title)
    const snippet = value(row, 'snippet');
    list.append(el('li', {class: 'result', 'data-number': value(row, 'number')},
      el('a', {href: '#measure?iri=' + encodeURIComponent(value(row, 'measure')), class: 'result-title'},
        el('span', {class: 'number'}, t('result.number', {number: value(row, 'number')})), ' ', value(row, 'title')),
      el('p', {class: 'meta'},
        el('span', {class: 'tag'}, category ? label(category) : ''), ' ',
        el('span', {class: 'tag scope'}, scope ? label(scope) : ''), ' ',
        el('span', {}, t('result.bodies', {bodies}))),
      snippet ? el('p', {class: 'snippet'}, marked(snippet)) : null));
  }
}

/** Every result of the search in the URL as a CSV file, fetched a thousand rows at a time. */
async function exportResults() {
  const s = searchState(parseHash().params);
  const rows = [[t('export.number'), t('export.title'), t('facet.category'), t('facet.scope'), t('export.bodies'), 'IRI']];
  for (let offset = 0; ; offset += 1000) {
    const page = await answer('explorer-search', {...searchParameters(s), limit: 1000, offset});
    for (const row of page.rows) {
      const category = facetByIri('category', value(row, 'measureCategory'));
      const scope = facetByIri('scope', value(row, 'measureScope'));
      rows.push([value(row, 'number'), value(row, 'title'), category ? label(category) : '', scope ? label(scope) : '',
        guidingBodies(row).map(bodyName).join('、'), value(row, 'measure')]);
    }
    if (!page.hasMore) break;
  }
  offerFile($('search-csv'), 'search.csv', csvFile(rows)).click();
}

function searchFromForm(replace) {
  const form = $('search-form');
  const s = {q: $('keyword').value.trim()};
  for (const name of FILTERS) s[name] = form.elements[name].value;
  navigate('search', s, replace);
}

/** Wires the search form: typing searches after a pause, a filter at once, reset clears all. */
export function setUpSearch() {
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
  $('search-export').addEventListener('click', () => exportResults().catch(showError));
  $('place-name').addEventListener('change', () => {
    const name = $('place-name').value.trim();
    const row = [...state.facets.province, ...state.facets.city].find((candidate) => value(candidate, 'zh') === name);
    if (!row && name) return;
    $('facet-place').value = row ? value(row, 'notation') : '';
    searchFromForm(false);
  });
  $('search-form').addEventListener('reset', (event) => {
    event.preventDefault();
    $('keyword').value = '';
    $('place-name').value = '';
    navigate('search', {});
  });
}
