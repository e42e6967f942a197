/**
 * readout.js: every piece of text the explorer writes (not inputs: controls.js owns those).
 * Formula with the current numbers, cost, output size, notes under the views, the step's
 * arithmetic, the screen-reader description, the error banner and the greyed stale view.
 *
 * createReadout(doc, {t, getLang}) -> { plan(plan, view), step(k, sum, text, announce),
 *   waiting(), error(err), clear(), busy(on) }
 */
import { fmt, fmtCount } from "../shared/format.js";
import { renderArithmetic, renderUpdates } from "../render/arithmetic.js";
import { createErrorBanner } from "../shared/error-view.js";

const GENERIC = {
  forward: "H<sub>out</sub> = ⌊(H + 2p − d(k−1) − 1) / s⌋ + 1",
  backward: "H<sub>out</sub> = ⌊(H + 2p − d(k−1) − 1) / s⌋ + 1",
  transpose: "H<sub>out</sub> = (H − 1)·s − 2p + d(k−1) + op + 1",
};

export function createReadout(doc, { t, has, getLang }) {
  const $ = (id) => doc.getElementById(id);
  const stage = $("stage");
  const banner = createErrorBanner($("message"), stage, { t, has });

  const TITLES = {
    forward: ["view.input", "view.kernel", "view.output"],
    backward: ["view.dx", "view.dw", "view.dy"],
    transpose: ["view.x", "view.kernel", "view.output"],
  };

  function titles(view) {
    ["input-title", "kernel-title", "output-title"].forEach((id, i) => {
      $(id).dataset.i18n = TITLES[view][i];
      $(id).textContent = t(TITLES[view][i]);
    });
  }

  function notes(plan, view) {
    const S = plan.shape;
    const P = plan.params;
    $("output-note").textContent = "";
    if (view === "transpose") {
      // Here padding does not pad x: it crops the full output, and output_padding adds back
      // rows/columns at the bottom/right (issue 8, defect 5: it used to say "no padding").
      const [ph, pw = ph] = String(P.padding ?? 0).split(",").map(Number);
      const [oh, ow = oh] = String(P.output_padding ?? 0).split(",").map(Number);
      $("input-note").textContent = t("note.tp.input", { h: S.H, w: S.W });
      $("kernel-note").textContent = "";
      const full = { fh: S.H_out + 2 * ph - oh, fw: S.W_out + 2 * pw - ow };
      $("output-note").textContent =
        ph + pw + oh + ow === 0 ? "" : t("note.tp.crop", { ph, pw, oh, ow, ...full, h: S.H_out, w: S.W_out });
      $("output-note").dataset.crop = JSON.stringify({ ph, pw, oh, ow, ...full });
    } else {
      const pad = plan.padding;
      const any = pad.top + pad.bottom + pad.left + pad.right > 0;
      $("input-note").textContent =
        (any
          ? t("note.padding", { h: S.Hp, w: S.Wp, mode: t(`pm.${P.padding_mode}`), ...pad })
          : t("note.nopad", { h: S.Hp, w: S.Wp }));
      const op = P.operation === "convolution" ? t("note.flipped") : t("note.asis");
      const groups = S.groups > 1 ? ` · ${t("note.groups", { g: S.groups, cg: S.C_g, cin: S.C_in })}` : "";
      $("kernel-note").textContent = op + groups;
    }
    $("out-size").textContent = `${S.C_out} × ${S.H_out} × ${S.W_out}`;
    $("out-size").dataset.h = S.H_out;
    $("out-size").dataset.w = S.W_out;
  }

  return {
    plan(plan, view) {
      $("formula-generic").innerHTML = GENERIC[view];
      $("intro").dataset.i18n = view === "forward" ? "intro" : `intro.${view}`;
      $("intro").textContent = t($("intro").dataset.i18n);
      $("formula-h").textContent = `H_out = ${plan.formula.height.text}`;
      $("formula-w").textContent = `W_out = ${plan.formula.width.text}`;
      $("cost-params").textContent = fmtCount(plan.cost.params, getLang());
      $("cost-macs").textContent = fmtCount(plan.cost.macs, getLang());
      titles(view);
      notes(plan, view);
    },
    step(k, sum, text, announce) {
      if (sum.lines) renderUpdates($("arith"), sum.lines, { t });
      else renderArithmetic($("arith"), sum, { t });
      if (announce) $("desc").textContent = text;
      $("desc").dataset.k = String(k);
      $("arith").dataset.k = String(k);
    },
    waiting() {
      $("arith").innerHTML = `<p class="waiting">${t("arith.waiting")}</p>`;
    },
    error: (err) => banner.show(err),
    relabel: () => banner.relabel(),
    clear: () => banner.clear(),
    busy: (on) => banner.busy(on),
    number: fmt,
  };
}
