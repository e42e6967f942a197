/**
 * network/views.js: the page's drawing surfaces in one object, so main.js only wires:
 * the 8x8 counts, the answer (digit, bars, sentence), the layer maps, the unit panel (with its
 * window outlined in the source layer) and the committed model's accuracy sentence.
 *
 *   createViews(doc, {t, fmt, onHover(text), onPick(unit)}) -> views
 *     views.answer(prediction)    counts, probabilities, digit and every layer's maps
 *     views.unit(unit | null)     the unit's computation, or none
 *     views.model(model)          the accuracy sentence; the layers' padding for outlines
 *     views.relayout()            after a width, language or type-size change
 */
import { createMaps } from "./maps.js";
import { drawCounts, drawProbs } from "./results.js";
import { createUnitView } from "./unit-view.js";

// The width a child may use: the element's inner width without its padding.
function inner(el) {
  const cs = getComputedStyle(el);
  return Math.floor(el.clientWidth - parseFloat(cs.paddingLeft) - parseFloat(cs.paddingRight));
}

export function createViews(doc, { t, fmt, onHover, onPick }) {
  const $ = (id) => doc.getElementById(id);
  const maps = createMaps($("layers"), { t, fmt, onHover, onPick });
  const unitView = createUnitView(doc, { t, fmt });
  let last = null;
  let model = null;

  function drawAnswer() {
    if (!last) return;
    drawCounts($("counts"), last.image, inner($("counts").parentElement));
    drawProbs($("probs"), last.probabilities, last.logits, last.prediction, { width: inner($("probs").parentElement), fmt, t });
    const d = last.prediction;
    $("guess").textContent = String(d);
    $("guess").dataset.value = String(d);
    $("guess-text").textContent = t("network.guess.text", { digit: d, p: fmt(last.probabilities[d] * 100, 3) });
  }

  function drawModel() {
    if (!model) return;
    const { accuracy: a, split } = model;
    $("model-accuracy").textContent = t("network.accuracy", { test: fmt(a.test * 100, 3), train: fmt(a.train * 100, 3), n: split.test });
  }

  return {
    answer(prediction, unit) {
      last = prediction;
      drawAnswer();
      maps.show(prediction.activations, unit);
    },
    unit(u) {
      if (!u) return unitView.hide();
      unitView.show(u);
      const layer = model && model.layers.find((la) => la.name === u.layer);
      const pad = u.kind === "conv2d" && layer ? layer.padding : 0;
      const channels = u.kind === "conv2d" ? u.window.map((_, c) => c) : [u.channel];
      maps.select(u, { source: u.source, rows: u.rows, cols: u.cols, pad, channels });
    },
    model(m) {
      model = m;
      drawModel();
    },
    relayout() {
      drawAnswer();
      drawModel();
      maps.relayout();
      unitView.relabel();
    },
  };
}
