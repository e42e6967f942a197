/**
 * receptive/main.js: wiring only. state (URL hash) -> api -> views (canvases) + panel (words);
 * controls edit the state; hovering the strip previews another y "as if" it were chosen, from
 * the same code path, without touching the URL.
 */
import { errorText } from "../shared/error-view.js";
import { fmt } from "../shared/format.js";
import { getLang, has, onLangChange, t, translate } from "../shared/i18n.js";
import { fetchErf, fetchField, resolveField } from "./api.js";
import { createControls } from "./controls.js";
import { createErf } from "./erf.js";
import { createPanel } from "./panel.js";
import { PRESETS } from "./presets.js";
import { createStore, readInitial } from "./state.js";
import { createViews } from "./views.js";

const $ = (id) => document.getElementById(id);
const initial = readInitial();
const store = createStore(initial);
const panel = createPanel(document, { t, has, fmt });
const views = createViews(document, { t, fmt, onPickY: (y) => store.set({ y }, { source: "strip" }), onPreviewY: preview });
const controls = createControls($("rf-form"), {
  bounds: initial.bounds,
  presets: PRESETS,
  t,
  onEdit: (patch) => store.set(patch, { source: "controls" }),
});

const erf = createErf(document, { t, fmt, onEdit: (patch) => store.set(patch, { source: "erf" }) });
let good = null; // the last answer shown for the state: {field, y}
let loads = 0; // a newer load makes an older one's answer stale
let previews = 0; // likewise for hover previews; a finished load also ends them

function render(field, y) {
  views.show(field, y, good ? good.y : y);
  panel.show(field, y);
}

async function load(state) {
  const mine = ++loads;
  panel.busy(true);
  try {
    const { field, y } = await resolveField(state.layers, state.size, state.y);
    if (mine !== loads) return;
    previews++;
    if (y !== store.get().y) store.set({ y }, { source: "server", quiet: true });
    good = { field, y };
    controls.setLast(field.maps[field.maps.length - 1]);
    controls.show(store.get());
    panel.clear();
    render(field, y);
    loadErf(state, mine);
  } catch (err) {
    if (mine === loads) panel.error(err);
  } finally {
    if (mine === loads) {
      panel.busy(false);
      document.body.dataset.rfReady = "true";
    }
  }
}

async function loadErf(state, mine) {
  erf.busy(true);
  try {
    const answer = await fetchErf(state.layers, state.size, state);
    if (mine === loads) erf.show(answer);
  } catch (err) {
    if (mine === loads) erf.error(errorText(err, t, has));
  } finally {
    if (mine === loads) {
      erf.busy(false);
      document.body.dataset.erfReady = "true";
    }
  }
}

async function preview(y) {
  if (!good || $("stage").classList.contains("stale")) return;
  const mine = ++previews;
  const during = loads;
  if (y === null) return render(good.field, good.y);
  const { layers, size } = store.get();
  const field = await fetchField(layers, size, y).catch(() => null);
  if (field && mine === previews && during === loads) render(field, y);
}

store.subscribe((state) => {
  controls.show(state);
  erf.controls(state);
  load(state);
});

onLangChange(() => {
  document.title = `${t("rf.title")} · ConvScope`;
  controls.relabel();
  panel.relabel();
  views.relayout();
  erf.relayout();
});
window.addEventListener("convscope:large", () => {
  views.relayout();
  erf.relayout();
});
let width = 0; // only a new width re-lays out: drawing changes the height, not the width
new ResizeObserver(([entry]) => {
  if (Math.round(entry.contentRect.width) === width) return;
  width = Math.round(entry.contentRect.width);
  views.relayout();
  erf.relayout();
}).observe($("figure"));

translate(); // chrome.js translated the page before this page's strings were registered
document.title = `${t("rf.title")} · ConvScope`;
controls.relabel();
controls.show(store.get());
erf.controls(store.get());
load(store.get());
