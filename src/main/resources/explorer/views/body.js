/* The body view (#body?id=ABBREVIATION). */
import {query} from '../api.js';
import {$, ViewError, clear, el, fact, rdfLinks} from '../dom.js';
import {bodyLink, facetByNotation, facets, listMeasures, measuresAnchor} from '../data.js';
import {number, t, value} from '../i18n.js';
import {state} from '../state.js';

export async function showBody(params) {
  await facets();
  const row = facetByNotation('body', params.get('id') || '');
  if (!row) throw new ViewError('error.noBody', {id: params.get('id') || ''});
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
