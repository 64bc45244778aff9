import { createRequire as __slipwayCreateRequire } from 'node:module'; const require = __slipwayCreateRequire(import.meta.url);

// src/core/text/controls.ts
var CONTROLS = /[\x00-\x08\x0b-\x1f\x7f-\x9f]/g;
function stripControls(text) {
  return text.replace(CONTROLS, "");
}

export {
  stripControls
};
