/*
 * The page's state, shared by the modules. Tests and the console reach it with
 * `await import('/explorer/state.js')`: nothing of the app is put on window.
 */
export const state = {
  lang: 'zh',
  messages: {},
  config: null,
  catalog: [],
  facets: null,        // {category: [...], body: [...], scope: [...], province: [...], city: [...]}
  network: null,       // {cy, nodes: Map, edges: Map, category}
  charts: {},
  yasgui: null,
  runs: {search: 0, detail: 0, ask: 0}, // loads each view part has started (startRun)
  searchPageSize: 50,  // rows per "more" (the browser tests shrink it to page the 16-measure list)
  listPageSize: 100,   // measures per "more" in the body and network views (shrunk the same way)
};

/**
 * Starts a load of a view part (the search, the network's detail panel, the ask view) and returns
 * `stale`: true once a newer load of that part has started, so this one's late results are dropped.
 */
export function startRun(part) {
  const run = ++state.runs[part];
  return () => run !== state.runs[part];
}

/**
 * Awaits `promise`, a load of a run `stale` belongs to: its value, or undefined once the run is
 * stale, whose late error is dropped with its late value. Callers return when `stale()`.
 */
export async function unlessStale(stale, promise) {
  try {
    const value = await promise;
    return stale() ? undefined : value;
  } catch (error) {
    if (stale()) return undefined;
    throw error;
  }
}
