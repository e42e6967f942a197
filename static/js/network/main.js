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
import { createPad } from "./pad.js";
import { createSession } from "./session.js";
import { createStore } from "./state.js";
import { createTrainControls } from "./train-controls.js";
import { createTrainView } from "./train-view.js";
import { createViews } from "./views.js";

const $ = (id) => document.getElementById(id);
const initial = readInitial();
const store = createStore();
const message = $("message");
const fail = (err) => showError(message, err, { t, has });
const ready = () => {
  message.hidden = true;
  document.body.dataset.netReady = "true";
};

const readout = (text) => ($("readout").textContent = text || "\u00a0");
const views = createViews(document, { t, fmt, onHover: readout, onPick: (unit) => store.set({ unit }) });
const session = createSession({ api, views, onError: fail, onShown: ready });
const pad = createPad($("pad"), {
  onStroke: (counts) => session.preview(counts),
  onDone: (counts) => store.set({ image: counts, test: null, unit: null }),
});
const trainView = createTrainView(document, { t, fmt });
createTrainControls(document, { initial: initial.train, api, view: trainView, t, fmt, onError: fail });

async function pickTest(k, unit = null) {
  const index = Math.max(0, Math.min(initial.test_last, Number.isFinite(k) ? Math.round(k) : 0));
  try {
    const got = await api.getTestImage(index);
    pad.ghost(got.image);
    store.set({ image: got.image, test: index, unit });
  } catch (err) {
    fail(err);
  }
}

function testLabel({ test: k }) {
  $("test-label").textContent = k === null ? "" : t("network.test.label", { k, n: 1200 + k });
  if (k !== null) $("test-index").value = String(k);
}

store.subscribe((state, source, changed) => {
  testLabel(state);
  if (source === "hash" && state.image) pad.ghost(state.image);
  if (changed.has("image") || changed.has("unit")) session.show(state.image, state.unit);
});

$("clear").addEventListener("click", () => {
  pad.clear();
  store.set({ image: Array.from({ length: 8 }, () => new Array(8).fill(0)), test: null, unit: null });
});
$("pick").addEventListener("click", () => pickTest(Number($("test-index").value)));
$("random").addEventListener("click", () => pickTest(Math.floor(Math.random() * (initial.test_last + 1))));
$("test-index").max = String(initial.test_last);

function relayout() {
  pad.relayout($("pad").parentElement.clientWidth);
  views.relayout();
  trainView.relayout();
}
onLangChange(() => {
  document.title = `${t("network.title")} · ConvScope`;
  relayout();
  testLabel(store.get());
});
window.addEventListener("convscope:large", relayout);
let width = 0; // only a new width re-lays out
new ResizeObserver(([e]) => {
  if (Math.round(e.contentRect.width) === width) return;
  width = Math.round(e.contentRect.width);
  relayout();
}).observe($("net"));

translate(); // chrome.js translated the page before this page's strings were registered
document.title = `${t("network.title")} · ConvScope`;
api.getModel().then((model) => {
  views.model(model);
  trainView.committed(model.weights["conv1.weight"].map((k) => k[0])); // (16, 1, 3, 3) -> (16, 3, 3)
  const s = store.get();
  if (!s.image) return pickTest(s.test ?? 0, s.unit);
  pad.ghost(s.image);
  testLabel(s);
  session.show(s.image, s.unit);
}, fail);
