/**
 * explorer/controls.js: the only place that reads inputs, as three parts with one job each:
 * form.js (layer settings -> store.setParams), kernel-slices.js (typed kernel values) and
 * transport.js (tabs, play/step/scrub/speed, keys, canvas hover
 * and click -> player / explorer). Nothing else listens to an input.
 *
 * createControls(doc, {store, player, explorer, scene, t}) -> {
 *   show(params)       write merged params (plan's normalised ⊕ the user's) into the form
 *   presets(list)      the kernel preset options, from the server
 *   kernels(weight)    rebuild the kernel editor for weight (A, B, kH, kW)
 *   view(view)         tabs and view-only fields
 *   step(k, total)     scrub position and counter
 *   playing(on)        play button
 *   relabel()          texts built in JS (speed options, editor labels)
 * }
 */
import { createForm } from "./form.js";
import { createKernelSlices } from "./kernel-slices.js";
import { createTransport } from "./transport.js";

export function createControls(doc, { store, player, explorer, scene, t }) {
  const editor = createKernelSlices(doc, { store, t });
  const form = createForm(doc, { store, editor, t });
  const transport = createTransport(doc, { store, player, explorer, scene, t });
  return {
    show: form.show,
    presets: form.presets,
    kernels: editor.set,
    view: transport.view,
    step: transport.step,
    playing: transport.playing,
    relabel() {
      transport.relabel();
      editor.relabel();
      form.relabel();
    },
  };
}
