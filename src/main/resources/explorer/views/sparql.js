/* The SPARQL editor (#sparql?example=NAME): YASGUI against the endpoint, the catalog's queries as examples. */
import {ENDPOINT, catalog} from '../api.js';
import {$, fillSelect} from '../dom.js';
import {text} from '../i18n.js';
import {navigate} from '../router.js';
import {state} from '../state.js';

export async function showSparql(params) {
  const queries = await catalog();
  const select = $('sparql-examples');
  fillSelect(select, queries.map((q) => ({value: q.name, label: text(q.title) || q.name})), {selected: select.value || undefined});
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
  const example = params.get('example');
  if (example) {
    select.value = example;
    loadExample(example, true);
  }
}

function loadExample(name, run) {
  const q = state.catalog.find((candidate) => candidate.name === name);
  if (!q) return;
  const tab = state.yasgui.getTab();
  tab.setQuery(q.sparql);
  if (run) tab.query();
}

/** Wires the examples form. */
export function setUpSparql() {
  $('sparql-examples-form').addEventListener('submit', (event) => {
    event.preventDefault();
    navigate('sparql', {example: $('sparql-examples').value}, true);
  });
}
