/* The query API client: named queries with bound parameters, never SPARQL pasted together. */
import {state} from './state.js';

export const API = '/api/queries';
export const ENDPOINT = '/kg/sparql';

/**
 * A query the server did not answer: `status` is its HTTP status, 0 when no reply came (the
 * network is down); `detail` the server's own words, `query` the query's name.
 */
export class ApiError extends Error {
  constructor(query, status, detail) {
    super(`${query}: ${status || 'no reply'} ${detail}`.trim());
    this.query = query;
    this.status = status;
    this.detail = detail;
  }
}

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
  let response;
  try {
    response = await fetch(`${API}/${encodeURIComponent(name)}?${search}`, {headers: {Accept: 'application/json'}});
  } catch (unreachable) {
    throw new ApiError(name, 0, unreachable.message || '');
  }
  if (!response.ok) {
    throw new ApiError(name, response.status, (await response.text()).trim());
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
    let response;
    try {
      response = await fetch(API, {headers: {Accept: 'application/json'}});
    } catch (unreachable) {
      throw new ApiError('catalog', 0, unreachable.message || '');
    }
    if (!response.ok) throw new ApiError('catalog', response.status, (await response.text()).trim());
    state.catalog = (await response.json()).queries;
  }
  return state.catalog;
}
