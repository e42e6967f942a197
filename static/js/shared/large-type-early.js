/*
 * shared/large-type-early.js: a classic (non-module) script in <head>, so projector mode is
 * applied before first paint and never flashes small type. Not inline: the CSP forbids
 * inline scripts. chrome.js owns the toggle itself.
 */
try {
  if (localStorage.getItem("convscope.large") === "1") document.documentElement.classList.add("large");
} catch (e) {
  /* storage blocked: small type */
}
