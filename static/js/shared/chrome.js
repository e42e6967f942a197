/**
 * chrome.js: the header every page shares: language switch and projector large-type mode.
 * Loaded by templates/base.html on every page. Both choices are remembered in localStorage;
 * large type sets <html class="large"> and fires a "convscope:large" event so canvases can
 * re-layout.
 */
import { getLang, onLangChange, setLang, translate } from "./i18n.js";

const LARGE = "convscope.large";

function remembered() {
  try {
    return localStorage.getItem(LARGE) === "1";
  } catch {
    return false;
  }
}

function applyLarge(on) {
  document.documentElement.classList.toggle("large", on);
  const btn = document.getElementById("large-toggle");
  if (btn) btn.setAttribute("aria-pressed", String(on));
  try {
    localStorage.setItem(LARGE, on ? "1" : "0");
  } catch {
    /* not remembered, still applied */
  }
  window.dispatchEvent(new CustomEvent("convscope:large", { detail: on }));
}

function labelLangButton(lang) {
  // The button names the *other* language, in that language.
  document.getElementById("lang-toggle")?.setAttribute("lang", lang === "en" ? "zh" : "en");
}

applyLarge(remembered());
translate();
labelLangButton(getLang());
onLangChange(labelLangButton);
document.getElementById("lang-toggle")?.addEventListener("click", () => {
  setLang(getLang() === "en" ? "zh" : "en");
});
document.getElementById("large-toggle")?.addEventListener("click", () => {
  applyLarge(!document.documentElement.classList.contains("large"));
});
