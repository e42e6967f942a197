/**
 * lab/session.js: one image through the filters, and one inspected pixel. Keeps the last
 * answer so a language switch or a resize redraws without asking the server again.
 *
 *   createLabSession({el, limits, t, has, read, getPresets}) -> {run(source), relabel(), redrawPick()}
 *     el          the page's elements (main.js finds them)
 *     read()      the current settings (controls.js)
 *     getPresets() the kernel presets at the current size (to tell one-signed maps)
 *   run(source {blob, name}): newest run wins (abort); a click on a map -> pick(); newest pick wins.
 */
import { showError } from "../shared/error-view.js";
import { dataUrlToBlob, filterImage, inspectWindow } from "./api.js";
import { clearInput, drawWindowOnInput, renderInspect } from "./inspect.js";
import { mapName, markPixel, renderMaps } from "./maps.js";

export function createLabSession({ el, limits, t, has, read, getPresets }) {
  const CHANNEL = { R: 0, G: 1, B: 2 };

  let last = null; // {settings, result, inputBlob: Promise<Blob>}
  let picked = null; // {map, row, col, win}
  let running = null; // AbortController of the request in flight

  let lastError = null;
  function showLabError(err) {
    if (err.name === "AbortError") return;
    lastError = err;
    if (err.status === 413 && err.kind !== "server") {
      el.error.textContent = t("lab.error.size", { mb: Math.round(limits.max_upload_bytes / 2 ** 20) });
      el.error.hidden = false;
    } else showError(el.error, err, { t, has });
    el.status.textContent = "";
  }

  function drawInput(result, source) {
    const { input } = result;
    el.inputImage.src = input.image;
    el.inputImage.width = input.width;
    el.inputImage.height = input.height;
    el.inputImage.alt = source ? source.name : "";
    el.inputCaption.textContent = input.scaled
      ? t("lab.input.scaled", { w: input.width, h: input.height, ow: input.original_width, oh: input.original_height })
      : t("lab.input", { w: input.width, h: input.height });
    el.inputFigure.hidden = false;
  }

  /** A map with one sign: every weight >= 0 on a non-negative image, or the gradient magnitude. */
  function oneSigned(map) {
    if (map.filter === "magnitude") return true;
    const k = map.filter === "custom" ? last.settings.kernel : getPresets().find((p) => p.name === map.filter)?.kernel;
    const w = (k || []).flat();
    return w.length > 0 && w.every((v) => v >= 0) && w.some((v) => v > 0);
  }

  function drawResult() {
    drawInput(last.result, last.source);
    renderMaps(el.maps, last.result, { t, onPick: pick, oneSigned });
    el.hint.hidden = false;
    drawStatus();
  }

  function drawStatus() {
    const ms = Object.values(last.result.timing_ms).reduce((a, b) => a + b, 0);
    el.status.textContent = t("lab.status.done", { n: last.result.maps.length, ms: Math.round(ms) });
  }

  function drawPicked() {
    const { map, row, col, win } = picked;
    renderInspect(el.inspect, win, { t, name: mapName(map, t), paddingMode: last.settings.padding_mode });
    markPixel(el.maps, map.index, row, col);
    if (el.inputImage.complete) drawWindowOnInput(el.inputOverlay, el.inputImage, win);
  }

  let asked = null; // {source, key} of the newest request: the same question is not asked twice
  async function run(source) {
    if (!source) return;
    const key = JSON.stringify(read());
    // A settings timer firing after an upload already ran with the same settings would redraw
    // every map and drop the pixel being inspected: an identical request is skipped.
    if (asked && asked.source === source && asked.key === key && el.error.hidden) return;
    asked = { source, key };
    running?.abort();
    const ctrl = new AbortController();
    running = ctrl;
    const settings = read();
    el.error.hidden = true;
    if (settings.filters.length === 0 && !settings.magnitude) {
      // Nothing ticked means nothing shown (the server would fall back to its default filter).
      running = null;
      last = null;
      picked = null;
      el.maps.replaceChildren();
      el.inspect.hidden = true;
      el.status.textContent = t("lab.filters.none");
      return;
    }
    el.status.textContent = t("lab.status.loading", { name: source.name });
    el.form.setAttribute("aria-busy", "true");
    try {
      const result = await filterImage(source.blob, source.name, settings, { signal: ctrl.signal });
      if (running !== ctrl) return;
      // The pixels to send back on a click; converted off the critical path, awaited by pick().
      last = { source, settings, result, inputBlob: dataUrlToBlob(result.input.image) };
      picked = null;
      el.inspect.hidden = true;
      clearInput(el.inputOverlay);
      drawResult();
    } catch (err) {
      if (running === ctrl) showLabError(err);
    } finally {
      if (running === ctrl) el.form.removeAttribute("aria-busy");
    }
  }

  let pickGen = 0; // a newer click or arrow key wins over an answer still on its way
  async function pick(map, row, col) {
    if (!last) return;
    const run = last;
    const my = ++pickGen;
    el.status.textContent = t("lab.status.inspecting");
    try {
      const target = { filter: map.filter, channel: CHANNEL[map.channel] ?? 0, row, col };
      const win = await inspectWindow(await run.inputBlob, run.settings, target);
      if (last !== run || my !== pickGen) return; // the maps changed, or a newer pixel was picked
      picked = { map, row, col, win };
      el.error.hidden = true;
      drawPicked();
      drawStatus();
      el.inspect.scrollIntoView({ block: "nearest", behavior: "smooth" });
    } catch (err) {
      if (my === pickGen) showLabError(err);
    }
  }

  return {
    run,
    relabel() {
      if (last) drawResult();
      if (picked) drawPicked();
      if (lastError && !el.error.hidden) showLabError(lastError);
    },
    redrawPick: () => picked && drawPicked(),
  };
}
