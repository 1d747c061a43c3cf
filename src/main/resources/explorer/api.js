/* The query API client: named queries with bound parameters, never SPARQL pasted together. */
import {state} from './state.js';

export const API = '/api/queries';
export const ENDPOINT = '/kg/sparql';

/** Runs a catalog query with bound parameters; resolves to its rows. */
export async function query(name, parameters) {
  return (await answer(name, parameters)).rows;
}

/** Runs a catalog query with bound parameters; resolves to {columns, rows, count, hasMore, ...}. */
export async function answer(name, parameters) {
  const search = new URLSearchParams();
  for (const [key, v] of Object.entries(parameters || {})) {
    if (v !== undefined && v !== null && v !== '') search.set(key, v);
  }
  search.set('format', 'json');
  search.set('lang', state.lang);
  const response = await fetch(`${API}/${encodeURIComponent(name)}?${search}`, {headers: {Accept: 'application/json'}});
  if (!response.ok) {
    throw new Error(`${name}: ${response.status} ${(await response.text()).trim()}`);
  }
  return response.json();
}

export function csvLink(name, parameters) {
  const search = new URLSearchParams();
  for (const [key, v] of Object.entries(parameters)) {
    if (v !== '') search.set(key, v);
  }
  search.set('format', 'csv');
  search.set('lang', state.lang);
  return `${API}/${encodeURIComponent(name)}?${search}`;
}

/** The catalog: the analysts' questions first, then the queries the explorer's own views run. */
export async function catalog() {
  if (state.catalog.length === 0) {
    const response = await fetch(API, {headers: {Accept: 'application/json'}});
    if (!response.ok) throw new Error(`${API}: ${response.status}`);
    const internal = (q) => q.name.startsWith('explorer-');
    state.catalog = (await response.json()).queries.sort((a, b) => internal(a) - internal(b));
  }
  return state.catalog;
}
