/**
 * shared/i18n.js: English and 中文 for every label, explanation and error, from the one catalog
 * per language (strings/en.js, strings/zh.js). One instance per page (ES modules are singletons).
 *
 * Markup: an element with data-i18n="key" gets t(key) as its text; data-i18n-attr=
 * "aria-label:key1;title:key2" sets attributes. Call translate() after adding such elements.
 *
 * Exports:
 *   LANGS                          ["en", "zh"]
 *   t(key, vars?) -> string        "{name}" placeholders filled from vars; falls back to
 *                                  English, then to the key itself
 *   has(key) -> bool               the key exists in the current language (err.<code> is
 *                                  only in zh: English shows the server's own sentence)
 *   getLang() / setLang(lang)      current language; setLang remembers it in localStorage,
 *                                  sets <html lang>, re-translates the page, notifies
 *   onLangChange(fn) -> unsubscribe   fn(lang) after every switch
 *   translate(root = document)     apply data-i18n / data-i18n-attr under root
 */
import en from "../strings/en.js";
import zh from "../strings/zh.js";

export const LANGS = ["en", "zh"];
const KEY = "convscope.lang";
const dicts = { en, zh };
const listeners = new Set();

let lang = initialLang();

function initialLang() {
  let saved = null;
  try {
    saved = localStorage.getItem(KEY);
  } catch {
    /* storage can be blocked; fall through to the browser's language */
  }
  if (LANGS.includes(saved)) return saved;
  return (navigator.language || "en").toLowerCase().startsWith("zh") ? "zh" : "en";
}

export function has(key) {
  return key in dicts[lang];
}

export function t(key, vars = {}) {
  const s = dicts[lang][key] ?? dicts.en[key] ?? key;
  return s.replace(/\{(\w+)\}/g, (m, k) => (k in vars ? String(vars[k]) : m));
}

export function getLang() {
  return lang;
}

export function setLang(next) {
  if (!LANGS.includes(next)) return;
  lang = next;
  try {
    localStorage.setItem(KEY, next);
  } catch {
    /* not remembered, still switched */
  }
  translate();
  for (const fn of listeners) fn(lang);
}

export function onLangChange(fn) {
  listeners.add(fn);
  return () => listeners.delete(fn);
}

export function translate(root = document) {
  if (root === document) document.documentElement.lang = lang === "zh" ? "zh-CN" : "en";
  for (const el of root.querySelectorAll("[data-i18n]")) el.textContent = t(el.dataset.i18n);
  for (const el of root.querySelectorAll("[data-i18n-attr]")) {
    for (const pair of el.dataset.i18nAttr.split(";")) {
      const [attr, key] = pair.split(":").map((s) => s.trim());
      if (attr && key) el.setAttribute(attr, t(key));
    }
  }
}
