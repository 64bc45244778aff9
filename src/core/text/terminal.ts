/**
 * Text from commits, manifests and config on its way to a terminal. An escape sequence in a
 * commit subject could otherwise recolour, move the cursor, retitle the window (OSC) or rewrite
 * what the approver reads at the y/N prompt; only newline and tab survive.
 */

// CSI (ESC [ … final byte), OSC (ESC ] … BEL or ESC \), other ESC sequences, and their 8-bit C1 forms.
// eslint-disable-next-line no-control-regex -- control sequences are exactly what is removed
const SEQUENCES = /\x1b\[[0-?]*[ -/]*[@-~]|\x9b[0-?]*[ -/]*[@-~]|(?:\x1b\]|\x9d)[^\x07\x1b\x9c]*(?:\x07|\x1b\\|\x9c)?|\x1b[PX^_][^\x1b\x9c]*(?:\x1b\\|\x9c)?|\x1b[ -/]*[0-~]?/g;
// eslint-disable-next-line no-control-regex -- C0 (but \t and \n), DEL and C1 controls
const CONTROLS = /[\x00-\x08\x0b-\x1f\x7f-\x9f]/g;

/** `text` with every terminal control sequence and control character removed (newline and tab kept). */
export function terminalSafe(text: string): string {
  return text.replace(SEQUENCES, '').replace(CONTROLS, '');
}
