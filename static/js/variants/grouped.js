/**
 * variants/grouped.js: grouped, depthwise and separable convolution. Which input channels each
 * filter reads (one band per group); depthwise-separable as its two stages (each input channel
 * its own k×k kernel, then a 1×1 mix); a table standard / grouped / depthwise-separable with
 * MobileNet's ratio 1/C_out + 1/k². Numbers: /api/variants/grouped (separable_conv2d, conv_cost).
 */
import { fmt, fmtCount } from "../shared/format.js";
import { getLang } from "../shared/i18n.js";
import { load } from "./api.js";
import { el, matrix } from "./matrix.js";
import { createSection } from "./section.js";
import { createStepper } from "./stepper.js";

export function createGrouped(root, { t, has, store }) {
  const newStepper = () => createStepper({ t, label: t("variants.step"), onStep: (k) => store.setStep("grouped", k) });
  const section = createSection(root, {
    t,
    has,
    key: (s) => `${JSON.stringify(s.params)}|${s.steps.grouped || 0}`,
    fetch: (s, opts) => load("grouped", s.params, {}, opts),
    render,
  });

  function render(body, g, s) {
    const stepper = newStepper(); // re-made per render: its labels follow the language
    body.append(bands(g), table(g));
    const total = g.C_in + g.C_out;
    const k = Math.min(s.steps.grouped || 0, total - 1);
    stepper.set(k, total);
    body.append(el("h3", { text: t("variants.gr.stages") }), stepper.node, k < g.C_in ? depthwise(g, k) : pointwise(g, k - g.C_in));
  }

  function bands(g) {
    const head = el("tr", {}, [el("th", { text: t("variants.gr.filter") }), ...Array.from({ length: g.C_in }, (_, c) => el("th", { text: `c${c}`, attrs: { scope: "col" } }))]);
    const rows = g.bands.map(([lo, hi], f) => el("tr", {}, [
      el("th", { text: `f${f}`, attrs: { scope: "row" } }),
      ...Array.from({ length: g.C_in }, (_, c) => {
        const reads = c >= lo && c < hi;
        return el("td", { cls: reads ? `band b${(lo / (hi - lo)) % 4}` : "", text: reads ? "●" : "", attrs: { "data-reads": String(reads) } });
      }),
    ]));
    return el("div", { cls: "vr-card", attrs: { id: "gr-bands" } }, [
      el("p", { text: t("variants.gr.bands", { G: g.groups, Cg: g.C_g }) }),
      el("div", { cls: "vm-scroll" }, [el("table", { cls: "vr-table vr-bands" }, [el("thead", {}, [head]), el("tbody", {}, rows)])]),
    ]);
  }

  function table(g) {
    const lang = getLang();
    const names = { standard: t("variants.gr.standard"), grouped: t("variants.gr.grouped", { G: g.groups }), separable: t("variants.gr.separable") };
    const rows = g.costs.map((r) => el("tr", { attrs: { "data-name": r.name } }, [
      el("th", { text: names[r.name], attrs: { scope: "row" } }),
      el("td", { text: fmtCount(r.params, lang), attrs: { "data-v": String(r.params) } }),
      el("td", { text: fmtCount(r.macs, lang), attrs: { "data-v": String(r.macs) } }),
    ]));
    const head = el("tr", {}, ["", t("variants.gr.params"), t("variants.gr.macs")].map((text) => el("th", { text, attrs: { scope: "col" } })));
    return el("div", { cls: "vr-card", attrs: { id: "gr-costs" } }, [
      el("div", { cls: "vm-scroll" }, [el("table", { cls: "vr-table" }, [el("thead", {}, [head]), el("tbody", {}, rows)])]),
      el("p", { cls: "vr-math", attrs: { id: "gr-ratio", "data-v": String(g.ratio) },
        text: `${t("variants.gr.ratio")} = 1/C_out + 1/k² = ${fmt(g.inv_c_out)} + ${fmt(g.inv_k2)} = ${fmt(g.mobilenet)}` }),
      el("p", { cls: "small", text: t("variants.gr.bias_note") }),
    ]);
  }

  function depthwise(g, c) {
    return el("div", { cls: "vr-card" }, [
      el("p", { text: t("variants.gr.stage1", { c }) }),
      el("div", { cls: "vr-row" }, [
        matrix(g.x[0][c], { title: `x[0, ${c}]` }),
        matrix(g.depthwise[c][0], { title: t("variants.gr.dwk", { c }) }),
        matrix(g.mid[0][c], { title: t("variants.gr.mid", { c }), id: "gr-mid" }),
      ]),
    ]);
  }

  function pointwise(g, f) {
    const weights = g.pointwise[f].map((w) => w[0][0]);
    return el("div", { cls: "vr-card" }, [
      el("p", { text: t("variants.gr.stage2", { f }) }),
      el("p", { cls: "vr-math mono", text: `y[0, ${f}] = ${weights.map((w, c) => `${fmt(w)}·mid[${c}]`).join(" + ")}` }),
      el("div", { cls: "vr-row" }, [
        ...g.mid[0].map((m, c) => matrix(m, { title: t("variants.gr.mid", { c }) })),
        matrix(g.output[0][f], { title: t("variants.gr.out", { f }), id: "gr-out" }),
      ]),
    ]);
  }

  return section;
}
