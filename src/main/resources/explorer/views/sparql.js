/* The SPARQL editor (#sparql?example=NAME): YASGUI against the endpoint, the catalog's queries as examples. */
import {API, ApiError, ENDPOINT, catalog} from '../api.js';
import {$, fillSelect} from '../dom.js';
import {t, text} from '../i18n.js';
import {navigate} from '../router.js';
import {state} from '../state.js';

export async function showSparql(params) {
  const queries = await catalog();
  const select = $('sparql-examples');
  // a shared query shows as the example it is, or as a query of the analyst's own
  const shared = params.get('query');
  const matching = shared && queries.find((q) => q.sparql.trim() === shared.trim());
  const selected = shared ? (matching ? matching.name : '') : (params.get('example') || select.value || undefined);
  fillSelect(select, queries.map((q) => ({value: q.name, label: text(q.title) || q.name})),
    {selected, any: shared && !matching ? t('sparql.custom') : undefined});
  if (!state.yasgui) {
    // no completions that fetch prefixes or vocabularies from the internet
    Yasgui.Yasqe.defaults.autocompleters = Yasgui.Yasqe.defaults.autocompleters.filter((name) => name === 'variables');
    state.yasgui = new Yasgui($('yasgui'), {
      requestConfig: {endpoint: new URL(ENDPOINT, location.href).href, method: 'POST'},
      copyEndpointOnNewTab: true,
      persistenceId: null,
      populateFromUrl: false,
    });
  }
  const tab = state.yasgui.getTab();
  const example = params.get('example');
  if (params.get('query')) {
    tab.setQuery(params.get('query'));
    tab.query();
  } else if (example) {
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
  if (!response.ok) throw new ApiError(name, response.status, (await response.text()).trim());
  return response.text();
}

/** Wires the examples form. */
export function setUpSparql() {
  $('sparql-examples-form').addEventListener('submit', (event) => {
    event.preventDefault();
    if ($('sparql-examples').value) navigate('sparql', {example: $('sparql-examples').value}, true);
  });
}
