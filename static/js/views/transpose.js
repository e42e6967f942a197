import { createForward } from "./forward.js";
export function createTranspose(plan, opts) {
  return createForward(plan, opts);
}
