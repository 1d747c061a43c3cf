/* The dashboard (#dashboard): measures per category, the scope split, the most connected bodies. */
import {query} from '../api.js';
import {drawChart} from '../charts.js';
import {$, clear, csvFile, el, figureTable, offerFile, tableRows} from '../dom.js';
import {bodyName, facets} from '../data.js';
import {label, number, t, value} from '../i18n.js';
import {state} from '../state.js';

export async function showDashboard() {
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
  // the eight with most partners, and any that tie with the eighth
  const sorted = [...measures.keys()].sort((x, y) => (partners.get(y) || 0) - (partners.get(x) || 0)
    || measures.get(y) - measures.get(x));
  const cut = sorted.length > 8 ? partners.get(sorted[7]) || 0 : 0;
  const ranked = sorted.filter((iri, index) => index < 8 || (partners.get(iri) || 0) === cut && cut > 0);
  figureTable($('table-bodies'), [t('dashboard.body'), t('dashboard.partners'), t('dashboard.measures')],
    ranked.map((iri) => [bodyName(iri), partners.get(iri) || 0, measures.get(iri)]));
  drawChart('bodies', $('chart-bodies'), {
    type: 'bar',
    data: {labels: ranked.map(bodyName), datasets: [
      {label: t('dashboard.partners'), data: ranked.map((iri) => partners.get(iri) || 0), backgroundColor: '#dd6b20'},
      {label: t('dashboard.measures'), data: ranked.map((iri) => measures.get(iri)), backgroundColor: '#2b6cb0'}]},
    options: {indexAxis: 'y'},
  });
  for (const name of ['sections', 'scopes', 'bodies']) {
    offerFile($('csv-' + name), `dashboard-${name}.csv`, csvFile(tableRows($('table-' + name))));
  }
}
