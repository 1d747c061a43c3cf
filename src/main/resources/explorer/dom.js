/* DOM helpers: everything from the data or the user goes on the page as text, never as markup. */
import {ApiError} from './api.js';
import {t, value} from './i18n.js';
import {state} from './state.js';

export function $(id) {
  return document.getElementById(id);
}

/** An element with attributes and children; strings become text nodes, never markup. */
export function el(tag, attributes, ...children) {
  const node = document.createElement(tag);
  for (const [name, v] of Object.entries(attributes || {})) {
    if (v === undefined || v === null || v === false) continue;
    if (name === 'onclick') node.addEventListener('click', v);
    else node.setAttribute(name, v === true ? '' : String(v));
  }
  for (const child of children.flat()) {
    if (child === undefined || child === null) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

export function clear(node) {
  node.replaceChildren();
  return node;
}

/**
 * Fills a drop-down: `any` (a text) first as the empty value if given, then `items`
 * ({value, label, count, group}): a count is shown after the label and kept in data-count; items
 * with a group go into an optgroup of that name, in the order the groups first appear. `selected`,
 * if given, becomes the value (one no option has leaves none chosen).
 */
export function fillSelect(select, items, {selected, any} = {}) {
  clear(select);
  if (any !== undefined) select.append(el('option', {value: ''}, any));
  const groups = new Map();
  for (const item of items) {
    const option = el('option', {value: item.value, 'data-count': item.count},
      item.count === undefined ? item.label : `${item.label} (${item.count})`);
    if (item.group === undefined) {
      select.append(option);
      continue;
    }
    if (!groups.has(item.group)) {
      groups.set(item.group, el('optgroup', {label: item.group}));
      select.append(groups.get(item.group));
    }
    groups.get(item.group).append(option);
  }
  if (selected !== undefined) select.value = selected;
}

/** A term and its description in a <dl>. */
export function fact(list, term, ...description) {
  list.append(el('dt', {}, term), el('dd', {}, ...description));
}

/** What a view cannot show, said in the page's language: `key` names the message, `values` fill it. */
export class ViewError extends Error {
  constructor(key, values) {
    super(key);
    this.key = key;
    this.values = values;
  }
}

/** The status line (loading, an error) of the view shown; it sits in the view, by its form. */
export function setStatus(message, detail) {
  const status = clear($('status'));
  status.classList.remove('error');
  if (message) status.append(message);
  if (detail) status.append(el('span', {class: 'detail'}, detail));
}

/** Says in the status line, in the page's language, what went wrong; the server's words follow. */
export function showError(error) {
  console.warn(error);
  if (error instanceof ViewError) {
    setStatus(t(error.key, error.values));
  } else if (error instanceof ApiError) {
    if (error.status === 0) setStatus(t('error.network'));
    else if (error.status === 503) setStatus(t('error.timeout'), error.detail && t('error.detail', {detail: error.detail}));
    else if (error.status >= 400 && error.status < 500) setStatus(t('error.refused'), error.detail && t('error.detail', {detail: error.detail}));
    else setStatus(t('error.server', {status: error.status}), error.detail && t('error.detail', {detail: error.detail}));
  } else {
    setStatus(t('error', {message: error.message || String(error)}));
  }
  $('status').classList.add('error');
}

/** The path of an IRI on this server (the linked-data servlets answer it), or null. */
function localPath(iri) {
  const base = state.config && state.config.base;
  return base && iri.startsWith(base) ? '/' + iri.substring(base.length) : null;
}

/** A link to the linked-data page of an IRI of this server, in the page's language; the text alone for another IRI. */
export function pageLink(iri, text) {
  const path = localPath(iri);
  return path ? el('a', {href: `${path}.html?lang=${state.lang}`}, text) : text;
}

/** The IRI and links to its linked-data documents on this server. */
export function rdfLinks(target, iri) {
  clear(target);
  const path = localPath(iri);
  target.append(el('span', {class: 'iri'}, iri));
  if (!path) return;
  for (const [format, name] of [['html', 'HTML'], ['ttl', 'Turtle'], ['jsonld', 'JSON-LD'], ['rdf', 'RDF/XML'], ['nt', 'N-Triples']]) {
    const href = format === 'html' ? `${path}.html?lang=${state.lang}` : `${path}.${format}`;
    target.append(' ', el('a', {href, class: 'rdf-link', 'data-format': format}, name));
  }
}

/**
 * A table of a query's rows; an IRI on this server becomes a link to its page, unless `cell` makes
 * something of the value (it returns a node, or null to leave it to the table).
 */
export function renderTable(table, columns, headings, rows, cell = () => null) {
  clear(table);
  table.append(el('thead', {}, el('tr', {}, columns.map((c, i) => el('th', {scope: 'col', 'data-column': c}, headings[i])))));
  const body = el('tbody');
  for (const row of rows) {
    body.append(el('tr', {}, columns.map((c) => {
      const v = value(row, c);
      if (c === 'snippet') return el('td', {}, marked(v));
      // a relevance score ranks rows; two decimals say as much as its sixteen digits
      if (c === 'score' && typeof row[c] === 'number') return el('td', {class: 'num'}, row[c].toFixed(2));
      const made = v && cell(v);
      if (made) return el('td', {}, made);
      return el('td', {}, /^https?:\/\//.test(v) ? pageLink(v, v) : v);
    })));
  }
  table.append(body);
}

/**
 * A search snippet's text with its matches marked: the server wraps them in <em>…</em>; only those
 * two tags become <mark> elements, everything else stays text.
 */
export function marked(snippet) {
  return snippet.split(/(<em>.*?<\/em>)/).filter(Boolean)
    .map((part) => (part.startsWith('<em>') && part.endsWith('</em>') ? el('mark', {}, part.slice(4, -5)) : part));
}

/**
 * A CSV file of rows of cells (RFC 4180 quoting) that Excel opens as it is: a UTF-8 byte order
 * mark first (Excel on Chinese Windows reads a file without one as GBK), CRLF line ends.
 */
export function csvFile(rows) {
  const quote = (cell) => {
    const text = cell === undefined || cell === null ? '' : String(cell);
    return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
  };
  return new Blob(['\uFEFF' + rows.map((row) => row.map(quote).join(',')).join('\r\n') + '\r\n'],
    {type: 'text/csv;charset=utf-8'});
}

/** A table's header and body cells as rows of text, as shown. */
export function tableRows(table) {
  return [...table.querySelectorAll('tr')].map((tr) => [...tr.children].map((cell) => cell.textContent.trim()));
}

/** Points a download link at a file made here (a blob URL; the link's earlier one is released). */
export function offerFile(link, fileName, file) {
  if (link.href.startsWith('blob:')) URL.revokeObjectURL(link.href);
  link.href = URL.createObjectURL(file);
  link.download = fileName;
  return link;
}

/** A table of figures: text in the first column, numbers after it. */
export function figureTable(table, headings, rows) {
  clear(table);
  table.append(el('thead', {}, el('tr', {}, headings.map((h) => el('th', {scope: 'col'}, h)))),
    el('tbody', {}, rows.map((cells) => el('tr', {}, cells.map((c, i) => el('td', {class: i > 0 ? 'num' : null}, c))))));
}
