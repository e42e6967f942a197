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

/**
 * Terms joined by `sep`. Beyond `max` a toggle button follows the last visible term, so every
 * term is reachable and no separator stands next to the button; the hidden terms are not
 * rendered until asked for, so a frame costs the same at 64 steps/s. el.dataset.expanded
 * keeps the reader's choice across steps.
 */
function termList(el, html, sep, max, t) {
  const plus = `<span class="plus">${sep}</span>`;
  if (html.length <= max) return html.join(plus);
  const open = el.dataset.expanded === "1";
  const rest = html.length - (max - 1);
  return (
    (open ? html : html.slice(0, max - 1)).join(plus) +
    `<button type="button" class="more" aria-expanded="${open}" data-n="${rest}">` +
    `${esc(t(open ? "arith.less" : "arith.more", { n: rest }))}</button>`
  );
}

/** Render, and re-render the same sum when the reader expands or collapses the terms. */
function paint(el, html, again) {
  el.innerHTML = html;
  el.onclick = (e) => {
    if (!e.target.closest("button.more")) return;
    el.dataset.expanded = el.dataset.expanded === "1" ? "" : "1";
    again();
    el.querySelector("button.more")?.focus();
  };
}

export function renderArithmetic(el, sum, opts = {}) {
  const { t } = opts;
  const max = opts.maxTerms ?? 12;
  const digits = opts.digits ?? 4;
  const rows = sum.channels.map((ch, c) => {
    const terms = ch.x.map((x, i) => term(x, ch.w[i], ch.pad && ch.pad[i], digits, t));
    return (
      `<div class="arith-row" data-channel="${c}"><span class="arith-label">${esc(ch.label)}</span>` +
      `<span class="terms">${termList(el, terms, " + ", max, t)}</span>` +
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
  paint(el, rows.join("") + total, () => renderArithmetic(el, sum, opts));
}

export function renderUpdates(el, lines, opts = {}) {
  const { t } = opts;
  const max = opts.maxTerms ?? 12;
  const digits = opts.digits ?? 4;
  const html = lines
    .map((line) => {
      const body = (line.terms || []).map((x) => term(x.a, x.b, x.pad, digits, t));
      // "label = value" when there is nothing in between: one "=", never "db =  = 16"
      const eq = body.length ? '<span class="eq"> = </span>' : " ";
      const value = line.value === undefined ? "" : `${eq}${num(line.value, "sub", digits, line.role || "")}`;
      return (
        `<div class="arith-row"><span class="arith-label">${esc(line.label)}</span>` +
        `<span class="terms">${termList(el, body, ", ", max, t)}</span>${value}</div>`
      );
    })
    .join("");
  paint(el, html, () => renderUpdates(el, lines, opts));
}
