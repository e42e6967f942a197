/**
 * i18n.js: English and 中文 for every label, explanation and error. One instance per page
 * (ES modules are singletons), shared by the explorer, the image lab and the header.
 *
 * Markup: an element with data-i18n="key" gets t(key) as its text; data-i18n-attr=
 * "aria-label:key1;title:key2" sets attributes. Call translate() after adding such elements.
 *
 * Exports:
 *   LANGS                          ["en", "zh"]
 *   register({en: {...}, zh: {...}})   add or override keys (pages register their own)
 *   t(key, vars?) -> string        "{name}" placeholders filled from vars; falls back to
 *                                  English, then to the key itself
 *   has(key) -> bool               the key exists in English
 *   getLang() / setLang(lang)      current language; setLang remembers it in localStorage,
 *                                  sets <html lang>, re-translates the page, notifies
 *   onLangChange(fn) -> unsubscribe   fn(lang) after every switch
 *   translate(root = document)     apply data-i18n / data-i18n-attr under root
 */
export const LANGS = ["en", "zh"];
const KEY = "convscope.lang";
const dicts = { en: {}, zh: {} };
const listeners = new Set();

register({
  en: {
    "nav.explorer": "Explorer",
    "nav.lab": "Image lab",
    "nav.receptive": "Receptive field",
    "nav.label": "Pages",
    "skip": "Skip to content",
    "lang.switch": "中文",
    "lang.switch.label": "Switch language to Chinese",
    "large.toggle": "Large type",
    "large.label": "Large type for projectors",
    "error.http": "The server answered {status}: {text}",
    "error.network": "Could not reach the server: {text}",
    "error.prefix": "This combination is not possible:",
  },
  zh: {
    "nav.explorer": "演示",
    "nav.lab": "图像实验室",
    "nav.receptive": "感受野",
    "nav.label": "页面",
    "skip": "跳到正文",
    "lang.switch": "English",
    "lang.switch.label": "切换为英文界面",
    "large.toggle": "大字模式",
    "large.label": "投影用大字模式",
    "error.http": "服务器返回 {status}：{text}",
    "error.network": "无法连接服务器：{text}",
    "error.prefix": "这种参数组合无法计算：",
  },
});

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

export function register(extra) {
  for (const l of LANGS) Object.assign(dicts[l], extra[l] || {});
}

export function has(key) {
  return key in dicts.en;
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
