/**
 * lab/main.js: wiring only. Image source + settings -> /api/images/filter -> map cards;
 * a click on a map -> /api/images/window -> the inspect view. The last answer is kept so a
 * language switch redraws without asking the server again.
 */
import { has, onLangChange, t, translate } from "../shared/i18n.js";
import { presetKernels } from "./api.js";
import { createControls } from "./controls.js";
import { createLabSession } from "./session.js";
import { watchSources } from "./source.js";

const $ = (id) => document.getElementById(id);
const { limits } = JSON.parse($("initial-state").textContent);
const el = {
  form: $("lab-form"),
  status: $("lab-status"),
  error: $("lab-error"),
  inputFigure: $("input-figure"),
  inputImage: $("input-image"),
  inputOverlay: $("input-overlay"),
  inputCaption: $("input-caption"),
  maps: $("maps"),
  hint: $("maps-hint"),
  inspect: $("inspect"),
};
let source = null; // {blob, name}
let timer = 0;
let presets = await presetKernels(3);
let size = "3";
const controls = createControls(el.form, {
  limits,
  presets,
  t,
  onChange: async (settings) => {
    if (settings.size !== size) {
      size = settings.size;
      presets = await presetKernels(size).catch(() => presets);
      controls.setPresets(presets);
    }
    clearTimeout(timer);
    timer = setTimeout(() => session.run(source), 250);
  },
});
const session = createLabSession({ el, limits, t, has, read: controls.read, getPresets: () => presets });
el.form.addEventListener("submit", (e) => {
  e.preventDefault();
  clearTimeout(timer);
  session.run(source);
});
watchSources({ input: $("file-input"), zone: $("drop-zone"), sample: $("sample") }, (blob, name) => {
  source = { blob, name };
  session.run(source);
});
onLangChange(() => {
  document.title = `${t("lab.title")} · ConvScope`;
  controls.relabel();
  session.relabel();
});
window.addEventListener("convscope:large", session.redrawPick);
window.addEventListener("resize", session.redrawPick);
translate(el.form); // the filter list was built after chrome.js translated the page
document.title = `${t("lab.title")} · ConvScope`;
controls.relabel();

// Start with a sample on screen, as a student would expect from an "image kernels" page.
const sample = $("sample");
if (!source && !sample.value) {
  sample.value = "house";
  sample.dispatchEvent(new Event("change"));
}
document.body.dataset.labReady = "true";
