/* The network view (#network?category=…&from=…&to=…): the co-guidance network and how two bodies connect. */
import {query} from '../api.js';
import {$, clear, csvFile, el, fillSelect, offerFile, showError} from '../dom.js';
import {bodyLink, bodyName, facetByNotation, facetItems, facets, listMeasures, measuresAnchor} from '../data.js';
import {label, number, t, value} from '../i18n.js';
import {navigate} from '../router.js';
import {startRun, state} from '../state.js';

const SVG = 'http://www.w3.org/2000/svg';

export async function showNetwork(params) {
  await facets();
  const category = params.get('category') || '';
  const from = params.get('from') || 'SPC';
  const to = params.get('to') || 'MOF';
  fillSelect($('network-category'), facetItems('category'), {selected: category, any: t('network.allCategories')});
  fillSelect($('connection-from'), facetItems('body'), {selected: from});
  fillSelect($('connection-to'), facetItems('body'), {selected: to});
  if (!state.network || state.network.category !== category) {
    const categoryRow = category && facetByNotation('category', category);
    const rows = await query('explorer-network', {category: categoryRow ? value(categoryRow, 'value') : ''});
    drawNetwork(rows, category);
    await sayWhyEmpty(categoryRow);
  }
  // the graph may have been drawn while its view was hidden by a failed load
  state.network.cy.resize();
  clear($('connection-path'));
  state.network.cy.elements().removeClass('path');
  if (params.get('from') && params.get('to')) {
    await findConnection(from, to);
  }
}

function drawNetwork(rows, category) {
  const nodes = new Map();
  const edges = new Map();
  for (const row of rows) {
    if (value(row, 'b')) {
      edges.set(`${value(row, 'a')}|${value(row, 'b')}`, {a: value(row, 'a'), b: value(row, 'b'), weight: number(row, 'weight')});
    } else {
      nodes.set(value(row, 'a'), {weight: number(row, 'weight')});
    }
  }
  const maxWeight = Math.max(1, ...[...nodes.values()].map((n) => n.weight));
  const elements = [];
  // cose starts from where the nodes are: a circle in a fixed order (weight, then IRI) gives the
  // same picture on every load, where nodes all at one point would be pushed apart at random
  const order = [...nodes.keys()].sort((x, y) => nodes.get(y).weight - nodes.get(x).weight || (x < y ? -1 : 1));
  for (const [index, iri] of order.entries()) {
    const angle = 2 * Math.PI * index / order.length;
    elements.push({data: {id: iri, label: bodyName(iri), weight: nodes.get(iri).weight, size: 24 + 40 * nodes.get(iri).weight / maxWeight},
      position: {x: 300 * Math.cos(angle), y: 300 * Math.sin(angle)}});
  }
  for (const [id, edge] of edges) {
    elements.push({data: {id, source: edge.a, target: edge.b, weight: edge.weight}});
  }
  if (state.network) state.network.cy.destroy();
  const cy = cytoscape({
    container: $('network-graph'),
    elements,
    style: [
      {selector: 'node', style: {
        'background-color': '#2b6cb0', label: 'data(label)', width: 'data(size)', height: 'data(size)',
        'font-size': 12, color: '#1a202c', 'text-valign': 'bottom', 'text-margin-y': 4,
        'text-background-color': '#ffffff', 'text-background-opacity': 0.8, 'text-background-padding': 2}},
      {selector: 'edge', style: {
        width: 'mapData(weight, 1, 5, 1.5, 9)', 'line-color': '#a0aec0', 'curve-style': 'bezier',
        label: 'data(weight)', 'font-size': 10, color: '#4a5568'}},
      {selector: '.path', style: {'background-color': '#dd6b20', 'line-color': '#dd6b20', 'z-index': 10}},
      {selector: ':selected', style: {'border-width': 3, 'border-color': '#1a202c', 'line-color': '#2d3748'}},
    ],
    layout: {name: 'cose', animate: false, randomize: false, nodeDimensionsIncludeLabels: true,
      nodeRepulsion: () => 200000, idealEdgeLength: () => 100, padding: 20},
    wheelSensitivity: 0.3,
  });
  readable(cy);
  cy.on('tap', 'node', (event) => showNodeDetail(event.target.id()));
  cy.on('tap', 'edge', (event) => showEdgeDetail(event.target.id()));
  state.network = {cy, nodes, edges, category};
  const list = clear($('network-nodes'));
  for (const [iri, node] of [...nodes].sort((x, y) => y[1].weight - x[1].weight)) {
    list.append(el('li', {}, el('button', {type: 'button', class: 'link', onclick: () => {
      cy.elements().unselect();
      cy.getElementById(iri).select();
      showNodeDetail(iri);
    }}, `${bodyName(iri)} (${node.weight})`)));
  }
  clear($('network-detail'));
  clear($('network-detail-link'));
  clear($('network-partners'));
  $('network-detail-title').textContent = t('network.detail');
}

/**
 * Keeps names readable: on a narrow screen the fitted graph is small, so names are drawn larger
 * (at least 11 px on screen); then bodies whose boxes, names included, overlap are pushed apart.
 */
function readable(cy) {
  for (let round = 0; round < 3; round++) {
    cy.fit(undefined, 20);
    const fontSize = Math.max(12, 11 / cy.zoom());
    cy.style().selector('node').style('font-size', fontSize).selector('edge').style('font-size', fontSize * 0.85).update();
    separate(cy);
  }
  cy.fit(undefined, 20);
}

/** Pushes apart, along the axis they overlap least, every two bodies whose boxes (names included) overlap. */
function separate(cy) {
  const nodes = cy.nodes().toArray();
  for (let pass = 0; pass < 100; pass++) {
    let moved = false;
    for (let i = 0; i < nodes.length; i++) {
      for (let j = i + 1; j < nodes.length; j++) {
        const p = nodes[i].boundingBox({includeLabels: true});
        const q = nodes[j].boundingBox({includeLabels: true});
        const dx = Math.min(p.x2, q.x2) - Math.max(p.x1, q.x1);
        const dy = Math.min(p.y2, q.y2) - Math.max(p.y1, q.y1);
        if (dx <= 0 || dy <= 0) continue;
        moved = true;
        const [a, b] = nodes[i].position('x') + nodes[i].position('y') <= nodes[j].position('x') + nodes[j].position('y')
          ? [nodes[i], nodes[j]] : [nodes[j], nodes[i]];
        if (dx < dy) {
          const shift = dx / 2 + 4;
          const sign = a.position('x') <= b.position('x') ? 1 : -1;
          a.position('x', a.position('x') - sign * shift);
          b.position('x', b.position('x') + sign * shift);
        } else {
          const shift = dy / 2 + 4;
          const sign = a.position('y') <= b.position('y') ? 1 : -1;
          a.position('y', a.position('y') - sign * shift);
          b.position('y', b.position('y') + sign * shift);
        }
      }
    }
    if (!moved) return;
  }
}

/** An empty network says so, and why: a category the list declares measures for but holds none of. */
async function sayWhyEmpty(categoryRow) {
  const note = $('network-empty');
  note.hidden = state.network.nodes.size > 0;
  if (note.hidden) return;
  const section = categoryRow && (await query('explorer-dashboard')).find((row) => value(row, 'figure') === 'section'
    && value(row, 'zh') === value(categoryRow, 'zh'));
  note.textContent = section
    ? t('network.emptyCategory', {category: label(categoryRow), declared: value(section, 'declared'), present: value(section, 'present')})
    : t('network.empty');
}

/** The measures of a node (partner = the body itself) or an edge, within the network's category. */
function listDetailMeasures(list, anchor, body, partner) {
  const stale = startRun('detail');
  const categoryRow = state.network.category && facetByNotation('category', state.network.category);
  return listMeasures(list, anchor, 'explorer-shared-measures',
    {body, partner, category: categoryRow ? value(categoryRow, 'value') : ''}, null, stale);
}

function showNodeDetail(iri) {
  const node = state.network.nodes.get(iri);
  $('network-detail-title').textContent = t('network.nodeDetail', {body: bodyName(iri), count: node.weight});
  clear($('network-detail-link')).append(bodyLink(iri));
  const list = clear($('network-detail'));
  const anchor = measuresAnchor();
  list.append(anchor);
  // the node's edges as buttons, so the keyboard reaches what a click on an edge shows
  const partners = clear($('network-partners'));
  for (const [id, edge] of state.network.edges) {
    if (edge.a !== iri && edge.b !== iri) continue;
    const partner = edge.a === iri ? edge.b : edge.a;
    partners.append(el('li', {}, el('button', {type: 'button', class: 'link edge', onclick: () => {
      state.network.cy.elements().unselect();
      state.network.cy.getElementById(id).select();
      showEdgeDetail(id);
    }}, t('network.withPartner', {partner: bodyName(partner), count: edge.weight}))));
  }
  return listDetailMeasures(list, anchor, iri, iri).catch(showError);
}

function showEdgeDetail(id) {
  const edge = state.network.edges.get(id);
  $('network-detail-title').textContent = t('network.edgeDetail', {a: bodyName(edge.a), b: bodyName(edge.b), count: edge.weight});
  clear($('network-detail-link'));
  clear($('network-partners'));
  const list = clear($('network-detail'));
  const anchor = measuresAnchor();
  list.append(anchor);
  return listDetailMeasures(list, anchor, edge.a, edge.b).catch(showError);
}

/** The shortest chain between two bodies, within the network's category when one is chosen. */
async function findConnection(from, to) {
  const list = clear($('connection-path'));
  const cy = state.network.cy;
  cy.elements().removeClass('path');
  const categoryRow = state.network.category && facetByNotation('category', state.network.category);
  const category = categoryRow ? value(categoryRow, 'value') : '';
  if (from === to) {
    list.append(el('li', {class: 'plain'}, t('connection.same', {body: label(facetByNotation('body', from) || {zh: from})})));
    return;
  }
  // the named query asks about co-guidance overall; within a category the chain is found here, over
  // the category's network as drawn (its edges are the pairs that share a measure of the category)
  const steps = categoryRow ? chainWithin(cy, resolveBody(from), resolveBody(to))
    : (await query('body-connection', {from, to})).map((row) => ({row, a: resolveBody(value(row, 'from')),
      b: resolveBody(value(row, 'to'))}));
  if (steps.length === 0) {
    list.append(el('li', {class: 'plain'}, categoryRow ? t('connection.noneInCategory', {category: label(categoryRow)})
      : t('connection.none')));
    return;
  }
  const fromRow = facetByNotation('body', from);
  const toRow = facetByNotation('body', to);
  list.setAttribute('aria-label', t('connection.summary', {from: label(fromRow), to: label(toRow), links: steps.length}));
  // each step's measures as links: the two bodies' shared measures (within the category) give their numbers and IRIs
  const shared = await Promise.all(steps.map(({a, b}) => (a && b
    ? query('explorer-shared-measures', {body: a, partner: b, category, limit: 1000}) : [])));
  for (const [index, {row, a, b}] of steps.entries()) {
    const step = el('li', {class: 'step'}, t('connection.step', {
      from: a ? bodyName(a) : value(row, 'fromLabel'), to: b ? bodyName(b) : value(row, 'toLabel')}), ' ');
    list.append(step);
    const iris = new Map(shared[index].map((m) => [value(m, 'number'), value(m, 'measure')]));
    const numbers = row ? value(row, 'measures').split(/,\s*/) : [...iris.keys()];
    numbers.forEach((n, i) => step.append(i > 0 ? '、' : '', iris.has(n)
      ? el('a', {href: '#measure?iri=' + encodeURIComponent(iris.get(n)), 'data-number': n}, t('result.number', {number: n}))
      : t('result.number', {number: n})));
    if (a && b) {
      cy.getElementById(a).addClass('path');
      cy.getElementById(b).addClass('path');
      cy.getElementById(`${a}|${b}`).addClass('path');
      cy.getElementById(`${b}|${a}`).addClass('path');
    }
  }
}

/**
 * The shortest chain between two bodies over the network drawn (breadth-first, partners in IRI
 * order, as the named query picks among equally short chains), as steps {a, b}; none when either
 * body is not on it or nothing joins them.
 */
function chainWithin(cy, from, to) {
  if (!from || !to || cy.getElementById(from).empty() || cy.getElementById(to).empty()) return [];
  const previous = new Map([[from, null]]);
  const queue = [from];
  while (queue.length > 0 && !previous.has(to)) {
    const body = queue.shift();
    const partners = cy.getElementById(body).neighborhood('node').map((node) => node.id()).sort();
    for (const partner of partners) {
      if (!previous.has(partner)) {
        previous.set(partner, body);
        queue.push(partner);
      }
    }
  }
  if (!previous.has(to)) return [];
  const steps = [];
  for (let body = to; previous.get(body) !== null; body = previous.get(body)) steps.unshift({a: previous.get(body), b: body});
  return steps;
}

/** A body's IRI from what the connection query gives: its IRI, abbreviation or list name. */
function resolveBody(text) {
  const row = state.facets.body.find((b) => [value(b, 'value'), value(b, 'notation'), value(b, 'zh')].includes(text));
  return row ? value(row, 'value') : null;
}

/** The network's edges as a CSV file: the two bodies and the measures they guide together. */
function edgeList() {
  const rows = [[t('export.bodyA'), t('export.bodyB'), t('export.shared')]];
  for (const edge of state.network.edges.values()) rows.push([bodyName(edge.a), bodyName(edge.b), edge.weight]);
  return csvFile(rows);
}

/**
 * The network as drawn, as an SVG file: each body a circle at its place on the screen with its
 * name under it, each link a line with its count, in the drawing's colours.
 */
function networkSvg() {
  const {cy} = state.network;
  const box = cy.elements().boundingBox({includeLabels: true});
  const margin = 20;
  const svg = document.implementation.createDocument(SVG, 'svg', null);
  const element = (name, attributes, text) => {
    const made = svg.createElementNS(SVG, name);
    for (const [key, v] of Object.entries(attributes)) made.setAttribute(key, String(v));
    if (text !== undefined) made.textContent = text;
    return made;
  };
  const root = svg.documentElement;
  for (const [key, v] of Object.entries({width: Math.ceil(box.w + 2 * margin), height: Math.ceil(box.h + 2 * margin),
    viewBox: `${box.x1 - margin} ${box.y1 - margin} ${Math.ceil(box.w + 2 * margin)} ${Math.ceil(box.h + 2 * margin)}`,
    'font-family': 'sans-serif'})) root.setAttribute(key, String(v));
  for (const edge of cy.edges()) {
    const [a, b] = [edge.source().position(), edge.target().position()];
    root.append(element('line', {class: 'edge', x1: a.x, y1: a.y, x2: b.x, y2: b.y, stroke: '#a0aec0',
      'stroke-width': edge.numericStyle('width')}));
    root.append(element('text', {class: 'weight', x: (a.x + b.x) / 2, y: (a.y + b.y) / 2, 'text-anchor': 'middle',
      'font-size': edge.numericStyle('font-size'), fill: '#4a5568'}, edge.data('weight')));
  }
  for (const node of cy.nodes()) {
    const {x, y} = node.position();
    const radius = node.data('size') / 2;
    const fontSize = node.numericStyle('font-size');
    root.append(element('circle', {class: 'node', cx: x, cy: y, r: radius, fill: '#2b6cb0'}));
    root.append(element('text', {class: 'label', x, y: y + radius + 4 + fontSize, 'text-anchor': 'middle',
      'font-size': fontSize, fill: '#1a202c'}, node.data('label')));
  }
  return new Blob([new XMLSerializer().serializeToString(svg)], {type: 'image/svg+xml'});
}

function networkFileName(extension) {
  return `network${state.network.category ? '-' + state.network.category : ''}.${extension}`;
}

/** Wires the category filter, the connection form and the downloads. */
export function setUpNetwork() {
  $('network-png').addEventListener('click', () => {
    offerFile($('network-file'), networkFileName('png'), state.network.cy.png({output: 'blob', bg: '#ffffff', full: true, scale: 2})).click();
  });
  $('network-svg').addEventListener('click', () => offerFile($('network-file'), networkFileName('svg'), networkSvg()).click());
  $('network-edges').addEventListener('click', () => offerFile($('network-file'), networkFileName('csv'), edgeList()).click());
  $('network-category').addEventListener('change', () => {
    navigate('network', {category: $('network-category').value});
  });
  $('connection-form').addEventListener('submit', (event) => {
    event.preventDefault();
    navigate('network', {category: $('network-category').value, from: $('connection-from').value, to: $('connection-to').value});
  });
}
