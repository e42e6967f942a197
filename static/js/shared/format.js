/**
 * format.js: how numbers are printed, in one place.
 *
 * Every negative number is printed with a real minus sign (U+2212), which is wider and easier
 * to see from the back of a room than a hyphen, so the sign never depends on colour alone.
 *
 * Exports (all pure):
 *   MINUS                              the minus sign used everywhere
 *   fmt(v, digits = 4) -> string       up to `digits` significant digits, trailing zeros cut,
 *                                      integers as integers, exponent only for tiny/huge |v|
 *   fmtCell(v, cellPx) -> string       exactly fmt(v), the text's digits; only big numbers
 *                                      that would not fit become 156K / 2.1M
 *   fmtShort(v) -> string              156240 -> "156K" (legends, cells)
 *   fmtFactor(v, digits) -> string     as fmt, negatives in parentheses: "0.5·(−1)"
 *   fmtCount(n, lang) -> string        1234567 -> "1,234,567"
 *   parseShown(text) -> number         the inverse for tests and inputs ("−1.5" -> -1.5)
 */
export const MINUS = "\u2212";

export function fmt(v, digits = 4) {
  if (!Number.isFinite(v)) return String(v);
  if (Object.is(v, -0) || Math.abs(v) < 1e-12) return "0";
  const a = Math.abs(v);
  let s;
  if (Number.isInteger(v) && a < 1e9) s = String(a);
  else if (a >= 1e5 || a < 1e-3) s = a.toExponential(Math.max(0, digits - 2)).replace(/\.?0+e/, "e");
  else {
    s = a.toPrecision(digits);
    if (s.includes("e")) s = String(Number(s));
    if (s.includes(".")) s = s.replace(/0+$/, "").replace(/\.$/, "");
  }
  s = s.replace("e-", `e${MINUS}`).replace("e+", "e");
  return v < 0 ? MINUS + s : s;
}

const COMPACT = new Intl.NumberFormat("en", { notation: "compact", maximumSignificantDigits: 3 });

export function fmtCell(v, cellPx) {
  // The same digits as every text (a cell reading 35 beside a sum of 34.5 is a contradiction);
  // only a big number that cannot fit is abbreviated, and grid.js shrinks the font to fit.
  const s = fmt(v);
  const room = cellPx >= 40 ? 5 : 4; // characters that fit a cell at its font size
  if (s.replace(MINUS, "").length <= room || !(Math.abs(v) >= 1000)) return s;
  return fmtShort(v);
}

export function fmtShort(v) {
  const s = COMPACT.format(Math.abs(v)); // 156240 -> "156K": a big number stays in its box
  return v < 0 ? MINUS + s : s;
}

export function fmtFactor(v, digits = 4) {
  const s = fmt(v, digits);
  return s.startsWith(MINUS) ? `(${s})` : s;
}

export function fmtCount(n, lang = "en") {
  return Number(n).toLocaleString(lang === "zh" ? "zh-CN" : "en-US");
}

export function parseShown(text) {
  return Number(String(text).replaceAll(MINUS, "-").replace(/[()\s,]/g, ""));
}
