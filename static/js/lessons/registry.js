/**
 * lessons/registry.js: every lesson module by its slug (the page's URL, app/pages.py LESSONS).
 * Each module exports controls, defaults, notes, api(state), link(state, data),
 * question(data, state, ctx) and render(figure, data, state, ctx); lessons/main.js wires them.
 */
import * as convolution from "./convolution.js";
import * as correlation from "./correlation.js";
import * as equivariance from "./equivariance.js";
import * as kernelSize from "./kernel-size.js";
import * as outputSize from "./output-size.js";
import * as receptiveField from "./receptive-field.js";
import * as sharing from "./sharing.js";

export const LESSONS = {
  convolution,
  correlation,
  sharing,
  equivariance,
  "kernel-size": kernelSize,
  "output-size": outputSize,
  "receptive-field": receptiveField,
};
