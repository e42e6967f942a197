/**
 * arithmetic.js: write one dot product out in full, `x·w + x·w + … = subtotal` per input
 * channel, then `subtotals + b = y`. Pure: the DOM it writes is a function of its arguments.
 * Large type comes from CSS (.arith); negatives carry a minus sign, parentheses and signed ink.
 *
 *   renderArithmetic(el, sum, opts) -> void   (replaces el's content)
 *     el    a container element
 *     sum   {
 *       channels: [{ label, x: number[], w: number[], p?: number[], pad?: boolean[],
 *                    subtotal: number }]      one entry per input channel in the window;
 *                                             x, w (and p = x*w, pad = tap reads padding)
 *                                             flattened in the same order
 *       bias: number | null                  null when the layer has no bias
 *       value: number                        the output y
 *     }
 *     opts  { t: (key, vars) -> string  (i18n; keys arith.channel, arith.more, arith.bias,
 *                                         arith.pad), maxTerms?: number (per channel, 12),
 *             digits?: number (4) }
 *   Elements carry data-value (full precision) so tests can compare with the API.
 *
 *   renderUpdates(el, lines, opts) -> void   (replaces el's content)
 *     For passes that scatter instead of sum (backward, transposed): one line per update,
 *     lines = [{ label: string, terms?: [{a, b, pad?}] (printed a·b), value?: number }]
 *     opts as above (maxTerms, digits, t for arith.more).
 */
import { fmt, fmtFactor } from "../shared/format.js";
import { signInk } from "./colors.js";

const esc = (s) =>
  String(s).replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c]);

function num(v, cls, digits, role = "") {
  const neg = v < 0 ? " neg" : "";
  return (
    `<span class="num ${cls}${neg}"${role ? ` data-role="${role}"` : ""} data-value="${v}"` +
    ` style="color:${signInk(v)}">${esc(fmt(v, digits))}</span>`
  );
}

function term(x, w, pad, digits, t) {
  const cls = pad ? "term pad" : "term";
  const title = pad ? ` title="${esc(t("arith.pad"))}"` : "";
  return (
    `<span class="${cls}"${title} data-x="${x}" data-w="${w}">` +
    `<span class="fx">${esc(fmtFactor(x, digits))}</span><span class="op">·</span>` +
    `<span class="fw">${esc(fmtFactor(w, digits))}</span></span>`
  );
}

export function renderArithmetic(el, sum, opts = {}) {
  const { t } = opts;
  const max = opts.maxTerms ?? 12;
  const digits = opts.digits ?? 4;
  const rows = sum.channels.map((ch, c) => {
    const n = ch.x.length;
    const shown = n > max ? max - 1 : n;
    const terms = [];
    for (let i = 0; i < shown; i++) terms.push(term(ch.x[i], ch.w[i], ch.pad && ch.pad[i], digits, t));
    if (shown < n) terms.push(`<span class="more">${esc(t("arith.more", { n: n - shown }))}</span>`);
    return (
      `<div class="arith-row" data-channel="${c}"><span class="arith-label">${esc(ch.label)}</span>` +
      `<span class="terms">${terms.join('<span class="plus"> + </span>')}</span>` +
      `<span class="eq"> = </span>${num(ch.subtotal, "sub", digits, "subtotal")}</div>`
    );
  });
  const parts = sum.channels.map((ch) => num(ch.subtotal, "sub", digits));
  if (sum.bias !== null && sum.bias !== undefined) {
    parts.push(`<span class="arith-label">${esc(t("arith.bias"))}</span>${num(sum.bias, "bias", digits, "bias")}`);
  }
  // y = s0 + s1 + … + b = value; a lone subtotal without bias is already y
  const middle = parts.length > 1 ? `${parts.join('<span class="plus"> + </span>')}<span class="eq"> = </span>` : "";
  const total =
    `<div class="arith-total"><strong class="y">y</strong><span class="eq"> = </span>${middle}` +
    `<strong class="y">${num(sum.value, "result", digits, "result")}</strong></div>`;
  el.innerHTML = rows.join("") + total;
}

export function renderUpdates(el, lines, opts = {}) {
  const { t } = opts;
  const max = opts.maxTerms ?? 12;
  const digits = opts.digits ?? 4;
  el.innerHTML = lines
    .map((line) => {
      const terms = line.terms || [];
      const shown = terms.length > max ? max - 1 : terms.length;
      const body = terms.slice(0, shown).map((x) => term(x.a, x.b, x.pad, digits, t));
      if (shown < terms.length) body.push(`<span class="more">${esc(t("arith.more", { n: terms.length - shown }))}</span>`);
      const value = line.value === undefined ? "" : `<span class="eq"> = </span>${num(line.value, "sub", digits, line.role || "")}`;
      return (
        `<div class="arith-row"><span class="arith-label">${esc(line.label)}</span>` +
        `<span class="terms">${body.join('<span class="plus">, </span>')}</span>${value}</div>`
      );
    })
    .join("");
}
