/**
 * shared/error-view.js: how every page words an HttpError, in the reader's language.
 *
 * A server error is translated by its code: t("err." + code, args) when the reader's catalog
 * has that key, else the server's own English sentence. Args that name a field ("height")
 * are translated too (field.<name>). Nothing reads the English text itself.
 *
 *   errorText(err, t, has) -> string
 *   showError(box, err, {t, has}) -> void   fills box's [data-error-text] (or box itself),
 *       keeps the server's sentence in box.dataset.detail and its code in dataset.code
 *   createErrorBanner(box, stage, {t, has}) -> {show(err, stale = true), clear(), busy(on),
 *       relabel()}   the banner of a page whose last good view stays on screen, greyed
 */
export function errorText(err, t, has) {
  const detail = err.detail || err.message || String(err);
  if (err.kind === "network") return t("error.network", { text: detail });
  if (err.kind !== "server") return t("error.http", { status: err.status, text: detail });
  const key = `err.${err.code}`;
  if (!err.code || !has(key)) return detail;
  const args = {};
  for (const [name, v] of Object.entries(err.args || {})) {
    if (Array.isArray(v)) args[name] = v.join(", ");
    else if (typeof v === "string" && has(`field.${v}`)) args[name] = t(`field.${v}`); // "height" -> 高度
    else args[name] = v;
  }
  return t(key, args);
}

export function showError(box, err, { t, has }) {
  const target = box.querySelector("[data-error-text]") || box;
  target.textContent = errorText(err, t, has);
  box.dataset.detail = err.detail || err.message || String(err);
  box.dataset.code = err.code || "";
  box.hidden = false;
}

export function createErrorBanner(box, stage, { t, has }) {
  let last = null;
  const banner = {
    show(err, stale = true) {
      last = err;
      showError(box, err, { t, has });
      stage.classList.toggle("stale", stale);
    },
    clear() {
      last = null;
      box.hidden = true;
      stage.classList.remove("stale");
    },
    busy(on) {
      stage.setAttribute("aria-busy", String(on));
    },
    relabel() {
      if (last) banner.show(last, stage.classList.contains("stale"));
    },
  };
  return banner;
}
