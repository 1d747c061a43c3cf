/* The interface's strings (i18n/zh.json, i18n/en.json) and the data's labels in the page's language. */
import {state} from './state.js';

export function t(key, values) {
  const template = state.messages[key] ?? key;
  return template.replace(/\{(\w+)\}/g, (match, name) => (values && name in values ? String(values[name]) : match));
}

/** A row value as a string ('' for an unbound one). */
export function value(row, column) {
  const v = row[column];
  return v === undefined || v === null ? '' : String(v);
}

export function number(row, column) {
  return Number(value(row, column) || 0);
}

/** A row's label in the page's language: its zh and en columns. */
export function label(row) {
  return state.lang === 'en' ? value(row, 'en') || value(row, 'zh') : value(row, 'zh') || value(row, 'en');
}

/** The part of a "中文 / English" description in the page's language. */
export function bilingual(description) {
  const parts = String(description).split(/\s*\/\s+/);
  return parts.length === 2 ? parts[state.lang === 'en' ? 1 : 0].trim() : description;
}

/** A catalog text ({zh, en} or a string) in the page's language. */
export function text(pair) {
  if (!pair) return '';
  if (typeof pair === 'string') return pair;
  return pair[state.lang] || pair.zh || pair.en || '';
}

export async function loadLanguage(lang) {
  const response = await fetch(`/explorer/i18n/${lang}.json`);
  if (!response.ok) throw new Error(`i18n/${lang}.json: ${response.status}`);
  state.messages = await response.json();
  state.lang = lang;
  document.documentElement.lang = lang;
  for (const node of document.querySelectorAll('[data-i18n]')) {
    node.textContent = t(node.dataset.i18n);
  }
  for (const node of document.querySelectorAll('[data-i18n-placeholder]')) {
    node.setAttribute('placeholder', t(node.dataset.i18nPlaceholder));
  }
  for (const node of document.querySelectorAll('[data-i18n-label]')) {
    node.setAttribute('aria-label', t(node.dataset.i18nLabel));
  }
  document.title = t('app.title');
  document.getElementById('language').setAttribute('lang', lang === 'zh' ? 'en' : 'zh');
}
