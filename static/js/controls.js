/**
 * controls.js: the only place that reads inputs, as three parts with one job each:
 * controls/form.js (layer settings -> store.setParams), controls/kernel-editor.js (typed
 * kernel values) and controls/transport.js (tabs, play/step/scrub/speed, keys, canvas hover
 * and click -> player / explorer). Nothing else listens to an input.
 *
 * createControls(doc, {store, player, explorer, scene, t}) -> {
 *   show(params)       write merged params (plan's normalised ⊕ the user's) into the form
 *   kernels(weight)    rebuild the kernel editor for weight (A, B, kH, kW)
 *   view(view)         tabs and view-only fields
 *   step(k, total)     scrub position and counter
 *   playing(on)        play button
 *   relabel()          texts built in JS (speed options, editor labels)
 * }
 */
import { createForm } from "./controls/form.js";
import { createKernelEditor } from "./controls/kernel-editor.js";
import { createTransport } from "./controls/transport.js";

export function createControls(doc, { store, player, explorer, scene, t }) {
  const editor = createKernelEditor(doc, { store, t });
  const form = createForm(doc, { store, editor });
  const transport = createTransport(doc, { store, player, explorer, scene, t });
  return {
    show: form.show,
    kernels: editor.set,
    view: transport.view,
    step: transport.step,
    playing: transport.playing,
    relabel() {
      transport.relabel();
      editor.relabel();
    },
  };
}
