/**
 * chrome.js: the header every page shares: language switch and projector large-type mode.
 * Loaded by templates/base.html on every page. Both choices are remembered in localStorage;
 * large type sets <html class="large"> and fires a "convscope:large" event so canvases can
 * re-layout. While shared/http.js waits out a busy server's 503, a notice says so.
 */
import { getLang, onLangChange, setLang, t, translate } from "./i18n.js";

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

// One notice for every page while the HTTP client waits to retry a 503 (shared/http.js).
const busy = document.createElement("p");
busy.className = "busy-notice";
busy.setAttribute("role", "status");
busy.hidden = true;
document.body.append(busy);
let waiting = 0;
window.addEventListener("convscope:busy", (e) => {
  waiting += 1;
  busy.textContent = t("error.busy", { seconds: e.detail.seconds });
  busy.hidden = false;
});
window.addEventListener("convscope:busy-end", () => {
  waiting = Math.max(0, waiting - 1);
  busy.hidden = waiting > 0 ? busy.hidden : true;
});
