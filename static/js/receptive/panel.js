/**
 * receptive/panel.js: everything this page says in words and numbers: the headline, the
 * legend's range, the formula with the server's numbers, the region of output y, the
 * per-layer table and the error message. Every number shown is one the server sent
 * (layers[].k_eff, rf, stride; size, stride, padding, region, visible, maps); the page only
 * places them into the formula, it never computes a receptive field itself.
 *
 *   createPanel(doc, {t, has, fmt}) -> panel
 *     panel.show(field, y)      fill everything in for the server's answer
 *     panel.error(err)          the server's sentence (and its 中文 reading); the last good
 *                               view stays, greyed
 *     panel.clear()             hide the message, un-grey
 *     panel.busy(on)
 *     panel.relabel()           after a language switch
 */
import { createErrorBanner } from "../shared/error-view.js";
import { rampGradient } from "./ramp.js";

const esc = (s) => String(s).replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c]);

export function createPanel(doc, { t, has, fmt }) {
  const $ = (id) => doc.getElementById(id);
  const stage = $("stage");
  let shown = null;
  const banner = createErrorBanner($("message"), stage, { t, has });
  $("legend-ramp").style.background = rampGradient();

  const num = (v) => `<span class="n">${esc(fmt(v))}</span>`;
  const val = (v) => (v === null ? "–" : fmt(v)); // null: no single value once a convT is in
  const kindOf = (la) => (la.kind === "conv" ? "" : ` (${t(`rf.kind.${la.kind}`)}${la.ceil_mode ? ", ceil" : ""})`);
  const range = ([a, b]) => (a === b ? fmt(a) : `${fmt(a)} … ${fmt(b)}`);

  function summary(field, y) {
    $("summary-text").textContent = t("rf.summary", { y: fmt(y), r: fmt(field.size) });
    $("summary-sub").textContent =
      field.stride === null
        ? t("rf.summary.transposed")
        : t("rf.summary.sub", { r: fmt(field.size), s: fmt(field.stride), p: fmt(field.padding) });
    const rf = $("rf-size");
    rf.textContent = fmt(field.size);
    rf.dataset.value = String(field.size);
  }

  function formula(field, y) {
    if (field.stride === null) {
      // a transposed layer: the field depends on y, so there is no r0 formula to show
      $("formula-numbers").textContent = t("rf.formula.transposed");
      for (const id of ["formula-stride", "region-u", "region-v"]) $(id).textContent = "";
      return;
    }
    // r0 = sum over l of (k_eff,l - 1) * jump before l, + 1; the jump before layer 1 is 1 and
    // before layer l it is the server's stride after layer l - 1.
    const terms = field.layers.map((layer, l) => {
      const jump = l === 0 ? 1 : field.layers[l - 1].stride;
      return `<span class="term">(${num(layer.k_eff)} − 1)·${num(jump)}</span>`;
    });
    $("formula-numbers").innerHTML =
      `r₀ = ${terms.join(" + ")} + 1 = <strong id="formula-total">${esc(fmt(field.size))}</strong>`;
    const strides = field.layers.map((layer) => num(layer.s)).join("·");
    $("formula-stride").innerHTML = `S₀ = Π s = ${strides} = <strong>${esc(fmt(field.stride))}</strong>`;
    const [u, v] = field.region;
    $("region-u").innerHTML = `u = y·S₀ − P₀ = ${num(y)}·${num(field.stride)} − ${num(field.padding)} = <strong>${esc(fmt(u))}</strong>`;
    $("region-v").innerHTML = `v = u + r₀ − 1 = ${num(u)} + ${num(field.size)} − 1 = <strong>${esc(fmt(v))}</strong>`;
  }

  function region(field) {
    const [u, v] = field.region;
    const n = field.maps[0];
    $("region-interval").textContent = `[u, v] = [${fmt(u)}, ${fmt(v)}]`;
    const [a, b] = field.visible || [null, null];
    $("region-in").textContent = a === null ? "" : t("rf.region.in", { a: fmt(a), b: fmt(b) });
    // Which parts of [u, v] are not pixels: below 0 or past the input's end (display only).
    const pads = [];
    if (u < 0) pads.push([u, Math.min(v, -1)]);
    if (v > n - 1) pads.push([Math.max(u, n), v]);
    const padEl = $("region-pad");
    padEl.textContent = pads.length ? t("rf.region.pad", { parts: pads.map(range).join(", ") }) : t("rf.region.nopad");
    padEl.classList.toggle("has-pad", pads.length > 0);
    const cut = [];
    if (a !== null && Math.max(u, 0) < a) cut.push([Math.max(u, 0), a - 1]);
    if (b !== null && b < Math.min(v, n - 1)) cut.push([b + 1, Math.min(v, n - 1)]);
    $("region-cut").textContent = cut.length ? t("rf.region.cut", { parts: cut.map(range).join(", ") }) : "";
    $("region-cut").hidden = cut.length === 0;
  }

  function table(field) {
    const rows = [
      `<tr data-layer="0"><th scope="row">${esc(t("rf.table.input"))}</th><td>–</td><td>–</td><td>–</td><td>–</td><td>–</td>` +
        `<td data-col="rf">1</td><td data-col="jump">1</td><td data-col="map">${esc(fmt(field.maps[0]))}</td></tr>`,
      ...field.layers.map((la, l) => {
        const cells = ["k", "s", "p", "d", "k_eff"].map((key) => `<td data-col="${key}">${esc(fmt(la[key]))}</td>`);
        return (
          `<tr data-layer="${l + 1}"><th scope="row">${esc(t("rf.layer", { n: l + 1 }) + kindOf(la))}</th>${cells.join("")}` +
          `<td data-col="rf">${esc(val(la.rf))}</td><td data-col="jump">${esc(val(la.stride))}</td>` +
          `<td data-col="map">${esc(fmt(field.maps[l + 1]))}</td></tr>`
        );
      }),
    ];
    $("layer-rows").innerHTML = rows.join("");
  }

  function legend(field) {
    const max = Math.max(1, ...field.paths) ** 2; // the largest cell of the outer product
    $("legend-range").textContent = t("rf.legend.ramp", { lo: fmt(1), hi: fmt(max) });
    $("legend-lo").textContent = fmt(1);
    $("legend-hi").textContent = fmt(max);
  }

  const panel = {
    show(field, y) {
      shown = [field, y];
      summary(field, y);
      formula(field, y);
      region(field);
      table(field);
      legend(field);
      $("strip-title").textContent = t("rf.view.strip", { n: fmt(field.maps[field.maps.length - 1]) });
      $("field-title").textContent = t("rf.view.field", { n: fmt(field.maps[0]), y: fmt(y) });
    },
    error: (err) => banner.show(err, shown !== null),
    clear: () => banner.clear(),
    busy: (on) => banner.busy(on),
    relabel() {
      if (shown) panel.show(...shown);
      banner.relabel();
    },
  };
  return panel;
}
