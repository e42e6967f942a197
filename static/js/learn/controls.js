/**
 * learn/controls.js: the only module that reads this page's inputs.
 *
 *   createControls(form, {choices, t, fmt, onEdit(patch)}) -> controls
 *     controls.show(state)          inputs follow the state
 *     controls.lr(plan)             the learning-rate line: η, the largest stable η, a warning
 *     controls.relabel()            option labels in the current language
 *   choices (from #initial-state): {targets: [{name, sizes}], images, iterations: [lo, hi]}
 */
export function createControls(form, { choices, t, fmt, onEdit }) {
  const $ = (id) => form.querySelector(`#${id}`);
  const option = (value, label) => Object.assign(document.createElement("option"), { value, textContent: label });

  function fill(state) {
    const sizes = choices.targets.find((c) => c.name === state.target)?.sizes ?? [3];
    $("target").replaceChildren(...choices.targets.map((c) => option(c.name, t(`kernel.${c.name}`))));
    $("kernel_size").replaceChildren(...sizes.map((k) => option(String(k), `${k} × ${k}`)));
    $("image").replaceChildren(...choices.images.map((n) => option(n, t(`learn.image.${n}`))));
  }

  function show(state) {
    fill(state);
    for (const k of ["target", "kernel_size", "image", "init", "lr_scale", "iterations", "seed"]) {
      $(k).value = String(state[k]);
    }
    $("iterations").max = String(choices.iterations[1]);
    $("lr-scale-out").textContent = `${fmt(state.lr_scale)} ×`;
  }

  const read = (id) => {
    const el = $(id);
    return el.type === "number" || el.type === "range" || id === "kernel_size" ? Number(el.value) : el.value;
  };
  form.addEventListener("change", (e) => {
    const id = e.target.id;
    if (!id) return;
    const v = read(id);
    if (typeof v === "number" && !Number.isFinite(v)) return;
    const patch = { [id]: v };
    if (id === "target") {
      const sizes = choices.targets.find((c) => c.name === v)?.sizes ?? [3];
      if (!sizes.includes(Number($("kernel_size").value))) patch.kernel_size = sizes.includes(3) ? 3 : sizes[0];
    }
    onEdit(patch);
  });
  $("lr_scale").addEventListener("input", () => ($("lr-scale-out").textContent = `${fmt(read("lr_scale"))} ×`));

  return {
    show,
    lr(plan) {
      const el = $("lr-value");
      el.textContent = t("learn.lr.value", { lr: fmt(plan.lr), max: fmt(plan.lr_max) });
      el.classList.toggle("over", plan.lr > plan.lr_max);
    },
    relabel() {
      for (const o of $("target").options) o.textContent = t(`kernel.${o.value}`);
      for (const o of $("image").options) o.textContent = t(`learn.image.${o.value}`);
    },
  };
}
