/**
 * variants/backward.js: the backward pass explained. The three formulas with this layer's
 * numbers; the input window that feeds the current dW += g·x beside the running dW (every
 * term names the cell it updates); dL/dX as a transposed conv of dy with the padding's share
 * discarded (zeros) or folded back (reflect, replicate, circular); the backward pass's cost.
 * Every number is from /api/variants/backward (the engine); this module only lays them out.
 */
import { fmt, fmtFactor } from "../shared/format.js";
import { load } from "./api.js";
import { cells, el, list, matrix } from "./matrix.js";
import { createSection } from "./section.js";
import { createStepper } from "./stepper.js";

export function createBackward(root, { t, has, store }) {
  let transposedWay = false;
  const newStepper = () => createStepper({ t, label: t("variants.step"), onStep: (k) => store.setStep("backward", k) });
  const section = createSection(root, {
    t,
    has,
    key: (s) => `${JSON.stringify(s.params)}|${s.steps.backward || 0}`,
    fetch: (s, opts) => load("backward", s.params, { step: s.steps.backward || 0 }, opts),
    render,
  });

  function render(body, b) {
    const stepper = newStepper(); // re-made per render: its labels follow the language
    const st = b.step;
    const [n, f, oh, ow] = st.out;
    const c = st.ch[0];
    stepper.set(st.k, b.steps);
    body.append(formulas(b, n, f, c), stepper.node);

    const win = cells(st.rows, st.cols);
    const x = matrix(b.padded[n][c], {
      title: t("variants.bk.x", { n, c }),
      cls: (i, j) => `${isPad(b, i, j) ? "pad " : ""}${win.has(`${i},${j}`) ? "hit" : ""}`,
      id: "bk-x",
    });
    const dy = matrix(b.dy[n][f], { title: t("variants.bk.dy", { n, f }), cls: (i, j) => (i === oh && j === ow ? "hit" : ""), id: "bk-dy" });
    const dw = matrix(st.dw[0], { title: t("variants.bk.dw_running", { f, c }), cls: () => "hit", id: "bk-dw" });
    body.append(el("div", { cls: "vr-row" }, [x, dy, dw]));

    const terms = [];
    st.dw_add[0].forEach((row, i) =>
      row.forEach((add, j) => {
        const xv = b.padded[n][c][st.rows[i]][st.cols[j]];
        terms.push(`dW[${f},${c},${i},${j}] += ${fmtFactor(st.g)}·${fmtFactor(xv)} = ${fmt(add)}   (x_pad[${n},${c},${st.rows[i]},${st.cols[j]}])`);
      }),
    );
    body.append(el("p", { text: t("variants.bk.terms", { g: fmt(st.g), n, f, oh, ow }) }), list(terms, "vr-terms mono"));
    body.append(el("p", { cls: "small", text: t("variants.bk.db_step", { f, db: fmt(st.db) }) }));

    const toggle = el("button", {
      cls: "vr-button",
      text: t(transposedWay ? "variants.bk.hide_way" : "variants.bk.show_way"),
      attrs: { type: "button", "aria-pressed": String(transposedWay), id: "bk-toggle" },
    });
    toggle.addEventListener("click", () => {
      transposedWay = !transposedWay;
      section.rerender();
    });
    body.append(toggle);
    if (transposedWay) body.append(secondWay(b, n, c));
    body.append(costs(b));
  }

  function formulas(b, n, f, c) {
    const dw = b.dw[f][c];
    return el("div", { cls: "vr-card vr-formulas" }, [
      el("div", {}, [
        el("p", { cls: "vr-math", text: "dL/dW = X ⋆ dL/dY" }),
        el("p", { cls: "small", text: t("variants.bk.f_dw") }),
        matrix(dw, { title: t("variants.bk.dw", { f, c }), id: "bk-dw-final" }),
      ]),
      el("div", {}, [
        el("p", { cls: "vr-math", text: "dL/dX = conv_transpose2d(dL/dY, W)" }),
        el("p", { cls: "small", text: t("variants.bk.f_dx") }),
        matrix(b.dx[n][c], { title: t("variants.bk.dx", { n, c }), id: "bk-dx" }),
      ]),
      el("div", {}, [
        el("p", { cls: "vr-math", text: "dL/db = Σ dL/dY" }),
        el("p", { cls: "vr-math", text: `dL/db[${f}] = ${fmt(b.db[f])}`, attrs: { id: "bk-db", "data-v": String(b.db[f]) } }),
      ]),
    ]);
  }

  function secondWay(b, n, c) {
    const folded = b.padding_mode !== "zeros";
    const grid = b.dx_padded[n][c];
    const padded = matrix(grid, {
      title: t("variants.bk.dx_padded", { n, c }),
      cls: (i, j) => (isPad(b, i, j) ? "padgrad" : ""),
      note: (i, j) => (isPad(b, i, j) && !folded ? "✕" : ""),
      id: "bk-dx-padded",
    });
    const result = matrix(b.dx_transposed[n][c], { title: t(folded ? "variants.bk.folded" : "variants.bk.cropped"), id: "bk-dx-way" });
    const same = matrix(b.dx[n][c], { title: t("variants.bk.dx", { n, c }) });
    return el("div", { cls: "vr-card", attrs: { id: "bk-way" } }, [
      el("p", { text: t(folded ? "variants.bk.fold" : "variants.bk.discard", { mode: b.padding_mode }) }),
      el("div", { cls: "vr-row" }, [padded, result, same]),
      folded ? list(folds(b, grid, b.dx_transposed[n][c]), "vr-terms mono vr-folds") : null,
      el("p", { cls: "vr-equal", attrs: { id: "bk-diff", "data-v": String(b.max_difference) }, text: t("variants.bk.equal", { d: fmt(b.max_difference) }) }),
    ]);
  }

  /** One line per real cell that receives gradient from padding: its own share, each padded
   * cell's share (the engine's `source` says where each came from) and the engine's total. */
  function folds(b, grid, total) {
    const W = b.x[0][0][0].length;
    const own = new Map();
    const from = new Map();
    grid.forEach((row, i) => row.forEach((v, j) => {
      const s = b.source[i][j];
      if (!isPad(b, i, j)) own.set(s, v);
      else if (s >= 0) from.set(s, [...(from.get(s) || []), `${fmtFactor(v)} ← (${i},${j})`]);
    }));
    return [...from.keys()].sort((a, z) => a - z).map((s) => {
      const [h, w] = [Math.floor(s / W), s % W]; // the engine's cell number, written as (h, w)
      return `dX[${h},${w}] = ${fmtFactor(own.get(s))} + ${from.get(s).join(" + ")} = ${fmt(total[h][w])}`;
    });
  }

  function costs(b) {
    const rows = [
      [t("variants.bk.cost_dw"), b.macs_dw],
      [t("variants.bk.cost_dx"), b.macs_dx],
      [t("variants.bk.cost_db"), b.adds_db],
      [t("variants.bk.cost_fwd"), b.macs_forward],
    ];
    const tbody = el("tbody", {}, rows.map(([name, v]) => el("tr", {}, [el("th", { text: name, attrs: { scope: "row" } }), el("td", { text: fmt(v), attrs: { "data-v": String(v) } })])));
    return el("div", { cls: "vr-card", attrs: { id: "bk-cost" } }, [
      el("h3", { text: t("variants.bk.cost") }),
      el("div", { cls: "vm-scroll" }, [el("table", { cls: "vr-table" }, [tbody])]),
      el("p", { cls: "small", text: t("variants.bk.cost_note") }),
    ]);
  }

  return section;
}

function isPad(b, i, j) {
  return b.pad_mask[i][j];
}
