/**
 * receptive/layer-rows.js: the layer-stack editor's rows as pure functions of the layers:
 * the row markup (numbers, the layer's kind and, for pooling, ceil_mode), the whole list, and
 * how a typed number is checked or clamped into bounds.
 *
 *   renderRows(form, layers, bounds, t)     rebuild #layers, the add button and the count
 *   checked(input, [lo, hi], t) -> v | null  marks aria-invalid and a title when out of bounds
 *   clampInto(input, range, t) -> v          the nearest value in range, written back
 */
import { KINDS } from "./state.js";

const FIELDS = ["k", "s", "p", "d"];

export function checked(input, [lo, hi], t) {
  const v = input.value.trim() === "" ? NaN : Number(input.value);
  const ok = Number.isInteger(v) && v >= lo && v <= hi;
  input.setAttribute("aria-invalid", String(!ok));
  input.title = ok ? "" : t("rf.bounds", { name: input.dataset.name || "", lo, hi });
  return ok ? v : null;
}

export function clampInto(input, range, t) {
  const v = Math.round(Number(input.value));
  input.value = String(Math.min(range[1], Math.max(range[0], Number.isFinite(v) ? v : range[0])));
  return checked(input, range, t);
}

function rowHtml(i, bounds, t) {
  const n = i + 1;
  const cells = FIELDS.map(
    (f) =>
      `<input type="number" inputmode="numeric" step="1" data-field="${f}" min="${bounds[f][0]}" max="${bounds[f][1]}" aria-label="${t(`rf.in.${f}`, { n })}">`,
  ).join("");
  const kinds = KINDS.map((k) => `<option value="${k}">${t(`rf.kind.${k}`)}</option>`).join("");
  const kind = `<span class="rf-layer-kind"><select data-field="kind" aria-label="${t("rf.in.kind", { n })}">${kinds}</select>
    <label class="rf-ceil"><input type="checkbox" data-field="ceil" aria-label="${t("rf.in.ceil", { n })}"> <span>${t("rf.ceil")}</span></label></span>`;
  return `<span class="rf-layer-name">${t("rf.layer", { n })}</span>${cells}
    <span class="rf-layer-tools">
      <button type="button" data-act="up" aria-label="${t("rf.up", { n })}" title="${t("rf.up", { n })}">↑</button>
      <button type="button" data-act="down" aria-label="${t("rf.down", { n })}" title="${t("rf.down", { n })}">↓</button>
      <button type="button" data-act="remove" aria-label="${t("rf.remove", { n })}" title="${t("rf.remove", { n })}">×</button>
    </span>${kind}`;
}

export function renderRows(form, layers, bounds, t) {
  const $ = (id) => form.querySelector(`#${id}`);
  $("layers").replaceChildren(
    ...layers.map((layer, i) => {
      const li = document.createElement("li");
      li.className = "rf-layer";
      li.dataset.index = String(i);
      li.innerHTML = rowHtml(i, bounds, t);
      for (const input of li.querySelectorAll("input[type=number]")) {
        input.value = String(layer[input.dataset.field]);
        input.dataset.name = t(`rf.col.${input.dataset.field}`);
      }
      li.querySelector("[data-field=kind]").value = layer.kind || "conv";
      li.querySelector("[data-field=ceil]").checked = Boolean(layer.ceil);
      li.querySelector(".rf-ceil").hidden = layer.kind !== "pool";
      li.querySelector('[data-act="up"]').disabled = i === 0;
      li.querySelector('[data-act="down"]').disabled = i === layers.length - 1;
      li.querySelector('[data-act="remove"]').disabled = layers.length === 1;
      return li;
    }),
  );
  $("add-layer").disabled = layers.length >= bounds.layers;
  $("layer-count").textContent = t("rf.count", { n: layers.length, max: bounds.layers });
}

