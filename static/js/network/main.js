/**
 * network/main.js: wiring only. The pad or a test image sets the state (URL hash); the session
 * asks the server and the views draw; a click on a unit opens its computation; the train form
 * streams a live run.
 */
import { fmt } from "../shared/format.js";
import { has, onLangChange, t, translate } from "../shared/i18n.js";
import { readInitial } from "../shared/hash-store.js";
import { showError } from "../shared/error-view.js";
import * as api from "./api.js";
import { createMaps } from "./maps.js";
import { createPad } from "./pad.js";
import { drawCounts, drawProbs } from "./results.js";
import { createSession } from "./session.js";
import { createStore } from "./state.js";
import { createTrainControls } from "./train-controls.js";
import { createTrainView } from "./train-view.js";
import { createUnitView } from "./unit-view.js";

const $ = (id) => document.getElementById(id);
const initial = readInitial();
const store = createStore();
const message = $("message");
const fail = (err) => showError(message, err, { t, has });
let model = null;

const unitView = createUnitView(document, { t, fmt });
const maps = createMaps($("layers"), { t, fmt, onHover: (text) => ($("readout").textContent = text || "\u00a0"), onPick: (unit) => store.set({ unit }) });
const views = {
  counts: (image) => drawCounts($("counts"), image, $("counts").parentElement.clientWidth),
  probs: (a) => {
    drawProbs($("probs"), a.probabilities, a.logits, a.prediction, { width: $("probs").parentElement.clientWidth, fmt, t });
    $("guess").textContent = String(a.prediction);
    $("guess").dataset.value = String(a.prediction);
    $("guess-text").textContent = t("network.guess.text", { digit: a.prediction, p: fmt(a.probabilities[a.prediction] * 100, 3) });
  },
  maps: (acts, unit) => maps.show(acts, unit),
  unit: (u) => {
    if (!u) return unitView.hide();
    unitView.show(u);
    const pad = u.kind === "conv2d" ? model.layers.find((la) => la.name === u.layer).padding : 0;
    const channels = u.kind === "conv2d" ? u.window.map((_, c) => c) : [u.channel];
    maps.select(u, { source: u.source, rows: u.rows, cols: u.cols, pad, channels });
  },
};
const session = createSession({ api, views, onError: fail, onShown: () => (message.hidden = true, document.body.dataset.netReady = "true") }); // prettier-ignore
const pad = createPad($("pad"), {
  onStroke: (counts) => session.preview(counts),
  onDone: (counts) => store.set({ image: counts, test: null, unit: null }),
});

async function pickTest(k) {
  const last = initial.test_last;
  const index = Math.max(0, Math.min(last, Number.isFinite(k) ? Math.round(k) : 0));
  try {
    const got = await api.getTestImage(index);
    pad.ghost(got.image);
    store.set({ image: got.image, test: index, unit: null });
  } catch (err) {
    fail(err);
  }
}

function testLabel(state) {
  const k = state.test;
  $("test-label").textContent = k === null ? "" : t("network.test.label", { k, n: 1200 + k });
  if (k !== null) $("test-index").value = String(k);
}

store.subscribe((state, source, changed) => {
  testLabel(state);
  if (changed.has("image") || changed.has("unit") || source === "hash") session.show(state.image, state.unit);
});

$("clear").addEventListener("click", () => {
  pad.clear();
  store.set({ image: null, test: null, unit: null }, { quiet: true });
  session.show(Array.from({ length: 8 }, () => new Array(8).fill(0)), null);
});
$("pick").addEventListener("click", () => pickTest(Number($("test-index").value)));
$("random").addEventListener("click", () => pickTest(Math.floor(Math.random() * (initial.test_last + 1))));
$("test-index").max = String(initial.test_last);
const trainView = createTrainView(document, { t, fmt });
createTrainControls(document, { initial: initial.train, api, view: trainView, t, fmt, onError: fail });

function relayout() {
  pad.relayout($("pad").parentElement.clientWidth);
  const last = session.last();
  if (last) {
    views.counts(last.image);
    views.probs(last);
  }
  maps.relayout();
  trainView.relayout();
}
onLangChange(() => {
  document.title = `${t("network.title")} · ConvScope`;
  relayout();
  unitView.relabel();
  testLabel(store.get());
});
window.addEventListener("convscope:large", relayout);
let width = 0;
new ResizeObserver(([e]) => {
  if (Math.round(e.contentRect.width) !== width) (width = Math.round(e.contentRect.width)), relayout();
}).observe($("net"));

translate();
document.title = `${t("network.title")} · ConvScope`;
api.getModel().then((m) => {
  model = m;
  $("model-accuracy").textContent = t("network.accuracy", { test: fmt(m.accuracy.test * 100, 3), train: fmt(m.accuracy.train * 100, 3), n: m.split.test });
  const s = store.get();
  if (s.image) {
    pad.ghost(s.image);
    session.show(s.image, s.unit);
    testLabel(s);
  } else pickTest(s.test ?? 0);
}, fail);
