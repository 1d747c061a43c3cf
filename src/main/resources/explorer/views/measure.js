/* The measure view (#measure?iri=IRI). */
import {ApiError, query} from '../api.js';
import {$, ViewError, clear, el, fact, pageLink, rdfLinks} from '../dom.js';
import {bodyLink, facetByIri, facets} from '../data.js';
import {label, number, t, value} from '../i18n.js';
import {state} from '../state.js';

export async function showMeasure(params) {
  await facets();
  const iri = params.get('iri') || '';
  let rows, bodies, places;
  try {
    [rows, bodies, places] = await Promise.all([
      query('explorer-measure', {measure: iri}),
      query('explorer-measure-bodies', {measure: iri}),
      query('explorer-measure-places', {measure: iri}),
    ]);
  } catch (failure) {
    // the view's one parameter is the IRI: a 400 means it names no measure of the graph
    if (failure instanceof ApiError && failure.status === 400) throw new ViewError('error.noMeasure', {iri});
    throw failure;
  }
  if (rows.length === 0) throw new ViewError('error.noMeasure', {iri});
  const m = rows[0];
  $('measure-title').textContent = t('measure.heading', {number: value(m, 'number'), title: value(m, 'title')});
  const facts = clear($('measure-facts'));
  fact(facts, t('measure.list'), value(m, 'listTitle'));
  fact(facts, t('measure.section'), value(m, 'sectionLabel'));
  fact(facts, t('measure.category'), el('a', {href: '#search?category=' + encodeURIComponent(
    value(facetByIri('category', value(m, 'category')) || {}, 'notation'))},
  state.lang === 'en' ? value(m, 'categoryEn') : value(m, 'categoryZh')));
  fact(facts, t('measure.scope'), state.lang === 'en' ? value(m, 'scopeEn') : value(m, 'scopeZh'));
  // the source document is an entity of the graph: its page says what the file is
  fact(facts, t('measure.source'), pageLink(value(m, 'source'),
    t('measure.sourceLine', {file: value(m, 'sourceFile'), line: value(m, 'sourceLine')})));
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
