/* Routing: the part after # is the view and its state (#VIEW?key=value&…). */
import {setStatus, showError} from './dom.js';

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

export async function route() {
  const {view, params} = parseHash();
  const name = views[view] ? view : 'search';
  for (const section of document.querySelectorAll('.view')) {
    section.hidden = section.id !== 'view-' + name;
  }
  for (const link of document.querySelectorAll('#nav a')) {
    if (link.dataset.view === name) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  }
  setStatus('');
  try {
    await views[name](params);
  } catch (error) {
    showError(error);
  }
}
