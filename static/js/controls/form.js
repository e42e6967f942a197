/**
 * controls/form.js: the layer's settings fields -> store.setParams, and back (show).
 * Bounds come from the server's limits (data-limit); an impossible value is still sent, and the
 * server's sentence explains it. Number fields wait DEBOUNCE ms after the last keystroke.
 *
 * createForm(doc, {store, editor}) -> { show(params) }   (params: plan's normalised ⊕ the user's)
 */
export const DEBOUNCE = 350;

export function createForm(doc, { store, editor }) {
  const $ = (id) => doc.getElementById(id);
  const form = $("controls");
  const fields = [...form.querySelectorAll("[data-param]")];
  let timer = 0;

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
    // A hand-made kernel of the old size cannot fit a new kernel size: fall back to random.
    const p = store.get().params;
    if ("kernel_size" in patch && (p.kernel === "values" || patch.kernel === "values")) {
      return { ...patch, kernel: "random", weight_values: null };
    }
    const shapeKeys = ["in_channels", "out_channels", "groups"];
    if (shapeKeys.some((k) => k in patch) && p.kernel === "values" && editor.weight) {
      return { ...patch, weight_values: JSON.stringify(editor.weight[0][0]) }; // (kH, kW): copied to all
    }
    return patch;
  }

  form.addEventListener("input", (e) => {
    const el = e.target;
    if (el.closest("#kernel-editor")) return;
    if (!el.dataset.param) return;
    const typed = el.tagName === "INPUT" && !["checkbox", "radio"].includes(el.type);
    clearTimeout(timer);
    const send = () => store.setParams(reconcile(read(el)));
    if (typed) timer = setTimeout(send, DEBOUNCE);
    else send();
  });
  form.addEventListener("change", (e) => {
    if (e.target.id === "padding-kind") syncPaddingInputs();
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

  return { show };
}
