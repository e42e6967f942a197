/**
 * lessons/controls.js: the lesson's settings form, built once from its `controls` list.
 *
 *   control = {key, kind: "number" | "range" | "select" | "check" | "text", min, max, step,
 *              options, pattern, when(state) -> shown?}; its label is t("lessons.ctl.<key>"), a choice's label
 *              t("lessons.opt.<value>") when the catalog has it, else the value itself
 *   buildControls(form, controls, {t, has, onEdit(patch)}) -> {show(state), relabel()}
 *   An edit that is out of bounds is not sent; the field shows the state again.
 */
import { valid } from "./state.js";

function field(doc, c) {
  if (c.kind === "select") {
    const el = doc.createElement("select");
    for (const o of c.options) el.append(new Option(String(o), String(o)));
    return el;
  }
  const el = doc.createElement("input");
  el.type = { number: "number", range: "range", check: "checkbox", text: "text" }[c.kind];
  if (c.kind === "number" || c.kind === "range") Object.assign(el, { min: c.min, max: c.max, step: c.step ?? 1 });
  if (c.kind === "number") el.inputMode = "numeric";
  return el;
}

export function buildControls(form, controls, { t, has, onEdit }) {
  const doc = form.ownerDocument;
  const inputs = new Map();
  const outputs = new Map();
  const shownWhen = new Map(); // label -> when(state): a setting that only matters sometimes
  for (const c of controls) {
    const label = doc.createElement("label");
    label.className = `lesson-field lesson-${c.kind}`;
    const name = doc.createElement("span");
    name.dataset.ctl = c.key;
    const el = field(doc, c);
    el.id = `ctl-${c.key}`;
    el.name = c.key;
    label.append(name, el);
    if (c.kind === "range") {
      const out = doc.createElement("output");
      outputs.set(c.key, out);
      label.append(out);
    }
    const read = () => (c.kind === "check" ? String(el.checked) : el.value.trim());
    el.addEventListener(c.kind === "range" ? "input" : "change", () => {
      const v = read();
      if (valid(c, v)) onEdit({ [c.key]: v });
      else show(current);
    });
    inputs.set(c.key, el);
    if (c.when) shownWhen.set(label, c.when);
    form.append(label);
  }
  let current = {};
  function show(state) {
    current = state;
    for (const [key, el] of inputs) {
      if (el.type === "checkbox") el.checked = state[key] === "true";
      else if (el.value !== state[key]) el.value = state[key];
      if (outputs.has(key)) outputs.get(key).textContent = state[key].replace("-", "\u2212"); // format.js's minus
    }
    for (const [label, when] of shownWhen) label.hidden = !when(state);
  }
  function relabel() {
    for (const span of form.querySelectorAll("span[data-ctl]")) span.textContent = t(`lessons.ctl.${span.dataset.ctl}`);
    for (const c of controls) {
      if (c.kind !== "select") continue;
      for (const opt of inputs.get(c.key).options) {
        const key = `lessons.opt.${opt.value}`;
        opt.textContent = has(key) ? t(key) : opt.value;
      }
    }
  }
  form.addEventListener("submit", (e) => e.preventDefault());
  relabel();
  return { show, relabel };
}
