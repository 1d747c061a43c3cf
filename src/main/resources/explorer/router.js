/* Routing: the part after # is the view and its state (#VIEW?key=value&…). */
import {$, setStatus, showError} from './dom.js';
import {t} from './i18n.js';

const views = {};

/** Registers the views by name: each shows itself from its URL parameters. */
export function registerViews(named) {
  Object.assign(views, named);
}

export function parseHash() {
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

/**
 * Shows the view the URL names. While it loads, its status line says so and its old content is
 * hidden (the search's is dimmed, so typing does not blank it); if it fails, the content goes
 * and the status line says why, in the view, by its form.
 */
export async function route() {
  const run = ++routes;
  const {view, params} = parseHash();
  const name = views[view] ? view : 'search';
  let shown;
  for (const section of document.querySelectorAll('.view')) {
    section.hidden = section.id !== 'view-' + name;
    if (!section.hidden) shown = section;
  }
  shown.querySelector('.status-slot').append($('status'));
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
