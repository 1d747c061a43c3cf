/* Routing: the part after # is the view and its state (#VIEW?key=value&…). */
import {$, setStatus, showError} from './dom.js';
import {t} from './i18n.js';

const views = {};

/** Registers the views by name: each shows itself from its URL parameters. */
export function registerViews(named) {
  Object.assign(views, named);
}

export function parseHash() {
  // the SPARQL editor's share link (YASGUI's) holds its query in the hash: #query=…&endpoint=…
  const raw = location.hash.replace(/^#/, '');
  if (/^[^?]*=/.test(raw)) return {view: 'sparql', params: new URLSearchParams(raw)};
  const hash = decodeURIComponent(location.hash.replace(/^#/, '').split('?')[0]) || 'search';
  const queryPart = location.hash.includes('?') ? location.hash.substring(location.hash.indexOf('?') + 1) : '';
  return {view: hash, params: new URLSearchParams(queryPart)};
}

/** Shows a view with its state in the URL; replace = no new history entry (typing a keyword). */
export function navigate(view, params, replace) {
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

let routes = 0; // routes started: a route's late end is dropped once another has started
let current = null; // the view shown and its URL
let origin = null; // the one shown before it: where "back" goes

/** The back link's text for the view it leads to. */
function backText(view) {
  const texts = {search: t('back.search'), network: t('back.network'), ask: t('back.ask'), dashboard: t('back.dashboard'),
    measure: t('back.measure'), body: t('back.body'), sparql: t('back.sparql')};
  return texts[view];
}

/** A measure's or body's back link leads to the view the analyst came from (else its default). */
function pointBack(section) {
  const link = section.querySelector('a.back');
  if (!link) return;
  const to = origin && origin.hash !== current.hash ? origin : {view: link.dataset.back, hash: '#' + link.dataset.back};
  link.href = to.hash;
  link.textContent = backText(to.view);
}

/**
 * Shows the view the URL names. While it loads, its status line says so and its old content is
 * hidden (the search's is dimmed, so typing does not blank it); if it fails, the content goes
 * and the status line says why, in the view, by its form.
 */
export async function route() {
  const run = ++routes;
  const {view, params} = parseHash();
  const name = views[view] ? view : 'search';
  // a new URL (not the same one shown again, as on a language switch) moves "back" along
  const moved = !current || current.hash !== location.hash;
  if (moved) {
    origin = current;
    current = {view: name, hash: location.hash || '#search'};
  }
  const newView = moved && origin !== null && origin.view !== name;
  let shown;
  for (const section of document.querySelectorAll('.view')) {
    section.hidden = section.id !== 'view-' + name;
    if (!section.hidden) shown = section;
  }
  shown.querySelector('.status-slot').append($('status'));
  pointBack(shown);
  shown.classList.remove('failed');
  shown.classList.add('loading');
  shown.setAttribute('aria-busy', 'true');
  for (const link of document.querySelectorAll('#nav a')) {
    if (link.dataset.view === name) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  }
  setStatus(t('loading'));
  try {
    await views[name](params);
    if (run !== routes) return;
    setStatus('');
    shown.classList.remove('loading');
    // another view: focus goes to its heading, so a screen reader starts there (typing a keyword keeps it)
    if (newView) shown.querySelector('h2').focus();
  } catch (error) {
    if (run !== routes) return;
    shown.classList.add('failed');
    showError(error);
  } finally {
    if (run === routes) {
      shown.classList.remove('loading');
      shown.removeAttribute('aria-busy');
    }
  }
}
