/*
 * Reform KG Explorer, the entry module. Reads data only through the query API (/api/queries) and,
 * in the SPARQL editor, the endpoint /kg/sparql. Everything that comes from the data or the user
 * is put on the page as text (textContent, attributes), never as markup. See docs/explorer.md.
 *
 * Modules: state.js (the shared state), api.js (the query API), router.js (the URL is the view),
 * i18n.js (strings and labels), dom.js (DOM helpers), data.js (filter values, names, measure
 * lists), charts.js, and one module per view in views/.
 */
import {$, showError} from './dom.js';
import {loadLanguage} from './i18n.js';
import {registerViews, route} from './router.js';
import {state} from './state.js';
import {showAsk} from './views/ask.js';
import {showBody} from './views/body.js';
import {showDashboard} from './views/dashboard.js';
import {showMeasure} from './views/measure.js';
import {setUpNetwork, showNetwork} from './views/network.js';
import {setUpSearch, showSearch} from './views/search.js';
import {setUpSparql, showSparql} from './views/sparql.js';

const LANGUAGES = ['zh', 'en'];

registerViews({
  search: showSearch,
  measure: showMeasure,
  body: showBody,
  network: showNetwork,
  ask: showAsk,
  sparql: showSparql,
  dashboard: showDashboard,
});

async function switchLanguage() {
  const next = state.lang === 'zh' ? 'en' : 'zh';
  localStorage.setItem('reform-kg.lang', next);
  await loadLanguage(next);
  // labels of the data follow the language too
  if (state.network) state.network.category = null;
  await route();
}

async function start() {
  const stored = localStorage.getItem('reform-kg.lang');
  const requested = new URLSearchParams(location.search).get('lang');
  const lang = LANGUAGES.includes(requested) ? requested : LANGUAGES.includes(stored) ? stored : 'zh';
  const config = await fetch('/explorer/config.json');
  state.config = await config.json();
  await loadLanguage(lang);
  $('language').addEventListener('click', () => switchLanguage().catch(showError));
  setUpSearch();
  setUpNetwork();
  setUpSparql();
  window.addEventListener('hashchange', () => route());
  await route();
  document.body.dataset.ready = 'true';
}

start().catch(showError);
