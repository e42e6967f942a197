/**
 * receptive/erf.js: the effective receptive field (Luo et al. 2016) beside the theoretical one:
 * a heat map of |dy_center/dx| inside the theoretical field's outline, its width sigma, and a
 * plot over depth n = 1..L of sigma against r0. Its own three inputs (weights, ReLU, seeds)
 * ride in the page's state; every number is the server's.
 *
 *   createErf(doc, {t, fmt, onEdit(patch)}) -> erf
 *     erf.show(answer, state)   draw GET /api/receptive-field/erf's answer
 *     erf.busy(on) / erf.error(err, text) / erf.controls(state) / erf.relayout()
 * Test hooks on #erf: data-std (sigma_rows), data-center, data-x0/data-y0/data-cell.
 */
import { fitCanvas } from "../shared/canvas.js";
import { rgbAt } from "../render/colors.js";

const rem = () => parseFloat(getComputedStyle(document.documentElement).fontSize) || 16;

function drawHeat(canvas, r, width) {
  const n = r.erf.length;
  const cell = Math.max(2, Math.min(18, Math.floor(width / n)));
  const ctx = fitCanvas(canvas, cell * n, cell * n);
  const top = Math.max(...r.erf.map((row) => Math.max(...row))) || 1;
  r.erf.forEach((row, i) =>
    row.forEach((v, j) => {
      const [R, G, B] = rgbAt(v / top); // 0 white, the peak deep red
      ctx.fillStyle = `rgb(${R},${G},${B})`;
      ctx.fillRect(j * cell, i * cell, cell, cell);
    }),
  );
  ctx.setLineDash([5, 3]);
  ctx.strokeStyle = "#1f5fbf";
  ctx.lineWidth = 2;
  const [u, v] = r.region;
  ctx.strokeRect(u * cell, u * cell, (v - u + 1) * cell, (v - u + 1) * cell);
  ctx.setLineDash([]);
  const [ci, cj] = r.mean;
  const [si, sj] = r.std;
  ctx.strokeStyle = "#111";
  ctx.beginPath();
  ctx.ellipse((cj + 0.5) * cell, (ci + 0.5) * cell, sj * cell, si * cell, 0, 0, 2 * Math.PI);
  ctx.stroke();
  Object.assign(canvas.dataset, { std: String(r.std[0]), center: r.center.join(","), cell: String(cell) });
}

function drawDepth(canvas, depth, width, { t, fmt }) {
  const R = rem();
  const h = Math.round(Math.max(9 * R, Math.min(14 * R, width * 0.5)));
  const ctx = fitCanvas(canvas, width, h);
  const pad = { l: 2.6 * R, r: 0.8 * R, t: 0.8 * R, b: 2.2 * R };
  const W = width - pad.l - pad.r;
  const H = h - pad.t - pad.b;
  const L = depth.length;
  const top = Math.max(...depth.map((p) => p.rf));
  const x = (n) => pad.l + (L === 1 ? W / 2 : (W * (n - 1)) / (L - 1));
  const y = (v) => pad.t + H * (1 - v / top);
  ctx.font = `${0.72 * R}px system-ui, sans-serif`;
  ctx.fillStyle = "#555";
  ctx.textAlign = "right";
  ctx.textBaseline = "middle";
  for (const v of [0, top / 2, top]) ctx.fillText(fmt(v, 3), pad.l - 0.3 * R, y(v));
  ctx.textAlign = "center";
  ctx.textBaseline = "top";
  for (const p of depth) ctx.fillText(String(p.n), x(p.n), pad.t + H + 0.3 * R);
  ctx.fillText(t("rf.erf.depth.x"), pad.l + W / 2, pad.t + H + 1.1 * R);
  const line = (key, color, dash) => {
    ctx.strokeStyle = color;
    ctx.setLineDash(dash);
    ctx.lineWidth = 2.5;
    ctx.beginPath();
    depth.forEach((p, i) => (i ? ctx.lineTo(x(p.n), y(p[key])) : ctx.moveTo(x(p.n), y(p[key]))));
    ctx.stroke();
    ctx.fillStyle = color;
    for (const p of depth) ctx.fillRect(x(p.n) - 3, y(p[key]) - 3, 6, 6);
  };
  line("rf", "#1f5fbf", []);
  line("linear_std", "#888", [6, 4]);
  line("std", "#c0392b", []);
  ctx.setLineDash([]);
}

export function createErf(doc, { t, fmt, onEdit }) {
  const $ = (id) => doc.getElementById(id);
  let last = null;
  const width = (id) => Math.max(160, $(id).parentElement.clientWidth);

  $("erf-form").addEventListener("change", () => {
    const seeds = Number($("erf-seeds").value);
    const patch = { weights: $("erf-weights").value, relu: $("erf-relu").checked };
    if (Number.isInteger(seeds) && seeds >= 1 && seeds <= Number($("erf-seeds").max)) patch.seeds = seeds;
    onEdit(patch);
  });

  function words(r) {
    $("erf-facts").textContent = t("rf.erf.facts", {
      sr: fmt(r.std[0], 3), sc: fmt(r.std[1], 3), rf: r.rf, lin: fmt(r.linear_std, 3),
      c: r.center.join(", "),
    });
    $("erf-depth-table").replaceChildren(
      ...r.depth.map((p) => {
        const tr = doc.createElement("tr");
        for (const v of [p.n, p.rf, fmt(p.std, 3), fmt(p.linear_std, 3)]) {
          tr.append(Object.assign(doc.createElement("td"), { textContent: String(v) }));
        }
        return tr;
      }),
    );
  }

  return {
    controls(state) {
      $("erf-weights").value = state.weights;
      $("erf-relu").checked = state.relu;
      $("erf-seeds").value = String(state.seeds);
      $("erf-seeds").disabled = state.weights !== "random";
    },
    show(r) {
      last = r;
      $("erf-message").hidden = true;
      $("erf-views").hidden = false;
      drawHeat($("erf"), r, Math.min(width("erf"), 30 * rem()));
      drawDepth($("erf-depth"), r.depth, width("erf-depth"), { t, fmt });
      words(r);
    },
    busy(on) {
      $("erf-box").setAttribute("aria-busy", String(on));
    },
    error(text) {
      $("erf-message-text").textContent = text;
      $("erf-message").hidden = false;
      $("erf-views").hidden = true;
      $("erf-facts").textContent = "";
      $("erf-depth-table").replaceChildren();
      last = null;
    },
    relayout() {
      if (last) this.show(last);
    },
  };
}
