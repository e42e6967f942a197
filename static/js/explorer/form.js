/**
 * controls/form.js: the layer's settings fields -> store.setParams, and back (show).
 * Bounds come from the server's limits (data-limit); an impossible value is still sent, and the
 * server's sentence explains it. A number field commits DEBOUNCE ms after its own last
 * keystroke, or at once when it changes (Tab, Enter, blur): each field has its own timer, so an
 * edit in one field never cancels the pending edit of another.
 *
 * createForm(doc, {store, editor, t}) -> { show(params), relabel(), presets([{name}]) }   (params: plan's normalised ⊕ the user's)
 */
export const DEBOUNCE = 350;

export function createForm(doc, { store, editor, t }) {
  const $ = (id) => doc.getElementById(id);
  const form = $("controls");
  const fields = [...form.querySelectorAll("[data-param]")];
  const timers = new Map(); // field name -> its pending commit

  for (const el of form.querySelectorAll("[data-limit]")) {
    const max = store.limits[el.dataset.limit];
    if (max) el.max = String(max);
  }

  const pairOf = (name) => fields.filter((el) => el.dataset.param === name && /^[01]$/.test(el.dataset.part));

  function read(el) {
    const name = el.dataset.param;
    if (el.type === "checkbox") return { [name]: el.checked ? "true" : "false" };
    if (el.type === "radio") return el.checked ? { [name]: el.value } : {};
    if (name === "padding" && $("padding-kind").value !== "number") return { padding: $("padding-kind").value };
    if (el.dataset.part !== undefined) {
      const [a, b] = pairOf(name).map((e) => e.value.trim());
      if (a === "" || b === "") return {};
      return { [name]: a === b ? a : `${a},${b}` };
    }
    if (name === "kernel") return el.value === "values" ? { kernel: "values", weight_values: editor.json() } : { kernel: el.value, weight_values: null };
    if (name === "input" && el.value !== "values") return { input: el.value, input_values: null };
    return { [name]: el.value.trim() };
  }

  function reconcile(patch) {
    const p = store.get().params;
    const note = $("kernel-resized");
    if ("kernel_size" in patch && (p.kernel === "values" || patch.kernel === "values") && editor.weight) {
      // A hand-made kernel survives a new size: cropped or zero-extended from the top left.
      const [kH, kW = kH] = String(patch.kernel_size).split(",").map(Number);
      const weight = Number.isInteger(kH) && Number.isInteger(kW) && kH > 0 && kW > 0 ? editor.resized(kH, kW) : null;
      if (weight) {
        const [oH, oW] = [editor.weight[0][0].length, editor.weight[0][0][0].length];
        note.dataset.vars = JSON.stringify({ from: `${oH}×${oW}`, to: `${kH}×${kW}` });
        note.dataset.key = kH * kW < oH * oW ? "ctl.edit.cropped" : "ctl.edit.extended";
        note.textContent = t(note.dataset.key, JSON.parse(note.dataset.vars));
        note.hidden = false;
        return { ...patch, kernel: "values", weight_values: weight };
      }
    }
    if ("kernel" in patch) note.hidden = true;
    const shapeKeys = ["in_channels", "out_channels", "groups"];
    if (shapeKeys.some((k) => k in patch) && p.kernel === "values" && editor.weight) {
      return { ...patch, weight_values: JSON.stringify(editor.weight[0][0]) }; // (kH, kW): copied to all
    }
    return patch;
  }

  const commit = (el) => {
    clearTimeout(timers.get(el.dataset.param));
    timers.delete(el.dataset.param);
    store.setParams(reconcile(read(el)));
  };
  const isTyped = (el) => el.tagName === "INPUT" && !["checkbox", "radio"].includes(el.type);
  form.addEventListener("input", (e) => {
    const el = e.target;
    if (el.closest("#kernel-editor") || !el.dataset.param) return;
    if (!isTyped(el)) return commit(el);
    clearTimeout(timers.get(el.dataset.param));
    timers.set(el.dataset.param, setTimeout(() => commit(el), DEBOUNCE));
  });
  form.addEventListener("change", (e) => {
    const el = e.target;
    if (isTyped(el) && el.dataset.param && timers.has(el.dataset.param)) commit(el); // Tab, Enter, blur
    if (el.id === "padding-kind") syncPaddingInputs();
  });

  function syncPaddingInputs() {
    const number = $("padding-kind").value === "number";
    for (const el of pairOf("padding")) {
      el.disabled = !number;
      if (number && el.value === "") el.value = "1";
    }
  }

  function show(params) {
    for (const el of fields) {
      if (el === doc.activeElement && el.type !== "radio" && el.type !== "checkbox") continue;
      const name = el.dataset.param;
      if (params[name] === undefined) continue; // not this view's parameter: keep its default
      const v = params[name] === null || params[name] === undefined ? "" : String(params[name]);
      if (el.type === "checkbox") el.checked = v === "true";
      else if (el.type === "radio") el.checked = el.value === v;
      else if (el.dataset.part === "kind") el.value = v === "same" || v === "valid" ? v : "number";
      else if (el.dataset.part !== undefined) {
        if (name === "padding" && (v === "same" || v === "valid")) continue;
        const parts = v.split(",");
        el.value = parts[Number(el.dataset.part)] ?? parts[0];
      } else el.value = v;
    }
    $("input").querySelector('[value="values"]').hidden = params.input !== "values";
    syncPaddingInputs();
    form.classList.toggle("has-glyph", ["digit", "letter"].includes(params.input));
    form.classList.toggle("has-bias", String(params.bias) === "true");
  }

  function presets(list) {
    // Option lists come from the server's data: the names it knows, before random and values.
    const select = $("kernel");
    const fixed = [...select.options].filter((o) => ["random", "values"].includes(o.value));
    const named = list.map((p) => {
      const o = new Option(t(`kernel.${p.name}`), p.name);
      o.dataset.i18n = `kernel.${p.name}`;
      return o;
    });
    select.replaceChildren(...named, ...fixed);
  }

  function relabel() {
    const note = $("kernel-resized");
    if (!note.hidden) note.textContent = t(note.dataset.key, JSON.parse(note.dataset.vars));
  }

  return { show, relabel, presets };
}
