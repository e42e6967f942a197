/**
 * learn/views.js: draws one step of a run; every number shown is the server's, via fmt.
 *
 *   createViews(doc, {t, fmt}) -> views
 *     views.plan(plan)          the fixed parts: target kernel, target map, image, curvature
 *     views.step(plan, steps, k, done)   step k: kernel, loss, output, the update
 *     views.clear()
 */
import { fitCanvas } from "../shared/canvas.js";
import { colorize, maxAbsOf } from "../render/colors.js";
import { drawLoss } from "./chart.js";

function matrix(table, rows, fmt) {
  table.replaceChildren(
    ...rows.map((row) => {
      const tr = document.createElement("tr");
      for (const v of row) {
        const td = document.createElement("td");
        td.textContent = fmt(v);
        td.dataset.value = String(v);
        tr.append(td);
      }
      return tr;
    }),
  );
  return table;
}

function drawMap(canvas, rows, maxAbs, px) {
  const H = rows.length;
  const W = rows[0].length;
  const cell = Math.max(2, Math.floor(px / Math.max(H, W)));
  const ctx = fitCanvas(canvas, cell * W, cell * H);
  const img = new ImageData(W, H);
  colorize(rows.flat(), maxAbs, img.data);
  const off = document.createElement("canvas");
  off.width = W;
  off.height = H;
  off.getContext("2d").putImageData(img, 0, 0);
  ctx.imageSmoothingEnabled = false;
  ctx.drawImage(off, 0, 0, cell * W, cell * H);
}

export function createViews(doc, { t, fmt }) {
  const $ = (id) => doc.getElementById(id);
  const mapPx = () => Math.min(200, Math.max(110, ($("ln").clientWidth - 60) / 3.4));

  function plan(p) {
    matrix($("w-target"), p.target, fmt);
    const tmax = maxAbsOf(p.target_map);
    drawMap($("tmap"), p.target_map, tmax, mapPx());
    drawMap($("ximg"), p.image, maxAbsOf(p.image), mapPx());
    $("curv-facts").textContent = t("learn.curv.facts", {
      lmax: fmt(p.lambda_max), lmin: fmt(p.lambda_min), cond: fmt(p.condition, 3), lrmax: fmt(p.lr_max),
    });
  }

  function step(p, steps, k, done) {
    const st = steps[k];
    if (!st) return;
    $("w-title").textContent = t("learn.w.now", { i: st.iteration });
    matrix($("w-now"), st.kernel, fmt);
    let err = 0;
    st.kernel.forEach((row, i) => row.forEach((v, j) => (err = Math.max(err, Math.abs(v - p.target[i][j])))));
    $("w-error").textContent = fmt(err, 3); // a display of two server numbers' distance
    $("loss-now").textContent = fmt(st.loss);
    $("loss-now").dataset.value = String(st.loss);
    let o = k;
    while (o > 0 && !steps[o].output) o--;
    if (steps[o].output) {
      $("out-title").textContent = t("learn.out.now", { i: steps[o].iteration });
      drawMap($("out"), steps[o].output, maxAbsOf(p.target_map), mapPx());
    }
    const width = $("loss").parentElement.clientWidth - 26;
    drawLoss($("loss"), {
      losses: steps.map((s) => s.loss), upto: k, total: p.iterations, width, fmt,
      labels: { x: t("learn.iteration") },
    });
    update(p, st, steps[k + 1]);
    const last = done && k === steps.length - 1;
    $("counter").textContent = t("learn.counter", { i: st.iteration, n: p.iterations });
    $("counter").dataset.final = last ? "true" : "false";
  }

  function update(p, st, next) {
    const box = $("update");
    const op = (s) => Object.assign(doc.createElement("span"), { className: "ln-op", textContent: s });
    const tbl = (rows, label) => {
      const wrap = doc.createElement("div");
      const h = Object.assign(doc.createElement("div"), { className: "small", textContent: label });
      wrap.append(h, matrix(Object.assign(doc.createElement("table"), { className: "ln-matrix" }), rows, fmt));
      return wrap;
    };
    const parts = [
      tbl(st.kernel, t("learn.w.now", { i: st.iteration })), op("−"),
      Object.assign(doc.createElement("span"), { className: "ln-eta", textContent: `η = ${fmt(p.lr)}` }),
      op("·"), tbl(st.dW, "dW"),
    ];
    if (next) parts.push(op("="), tbl(next.kernel, t("learn.w.now", { i: next.iteration })));
    box.replaceChildren(...parts);
  }

  return {
    plan,
    step,
    clear() {
      for (const id of ["w-now", "update"]) $(id).replaceChildren();
      $("loss-now").textContent = "";
    },
  };
}
