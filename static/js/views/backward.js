import { createForward } from "./forward.js";
export function createBackward(plan, opts) {
  return createForward(plan, opts);
}
