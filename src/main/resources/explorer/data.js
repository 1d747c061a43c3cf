/* Data the views share: the filter values (explorer-facets), names and links of bodies and measures. */
import {answer, query} from './api.js';
import {clear, el, showError} from './dom.js';
import {label, t, value} from './i18n.js';
import {state, unlessStale} from './state.js';

export async function facets() {
  if (!state.facets) {
    const groups = {category: [], body: [], scope: [], province: [], city: []};
    for (const row of await query('explorer-facets')) {
      groups[value(row, 'facet')].push(row);
    }
    state.facets = groups;
  }
  return state.facets;
}

export function facetByNotation(facet, notation) {
  return state.facets[facet].find((row) => value(row, 'notation') === notation);
}

export function facetByIri(facet, iri) {
  return state.facets[facet].find((row) => value(row, 'value') === iri);
}

export function bodyName(iri) {
  const row = facetByIri('body', iri);
  if (!row) return iri;
  return state.lang === 'en' ? value(row, 'notation') : value(row, 'zh');
}

export function bodyLink(iri, text) {
  const row = facetByIri('body', iri);
  const id = row ? value(row, 'notation') : iri;
  return el('a', {href: '#body?id=' + encodeURIComponent(id)}, text || bodyName(iri));
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
export async function listMeasures(list, anchor, name, parameters, extra, stale = () => false) {
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
export function measuresAnchor() {
  const anchor = el('li', {class: 'plain'});
  anchor.hidden = true;
  return anchor;
}

/** Options for fillSelect: a facet's values by notation, labelled in the page's language, with their counts if given. */
export function facetItems(facet, counts) {
  return state.facets[facet].map((row) => ({value: value(row, 'notation'), label: label(row),
    count: counts ? counts.get(value(row, 'value')) || 0 : undefined}));
}
