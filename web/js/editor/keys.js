// Keyboard first. On the player itself: Space, the arrows and Enter; anywhere in the editor outside a text field
// (so also right after a click on a button): the letters and digits. The buttons name the same keys
// (aria-keyshortcuts) and the editor's "keys" section lists them.
import { frame } from "app/editor/player.js";

/**
 * @param {HTMLElement} editor the whole editor
 * @param {ReturnType<typeof import("app/editor/player.js").player>} player
 * @param {ReturnType<typeof import("app/editor/tag-form.js").tagForm>} form
 */
export function listenForKeys(editor, player, form) {
  /** @type {Record<string, () => void>} */
  const anywhere = { k: player.playPause, ",": () => player.seek(-frame), ".": () => player.seek(frame), i: () => player.mark("start"),
    o: () => player.mark("end"), m: () => player.mark("keyMoment"), l: () => form.labelInput.focus(), u: form.cycleEmphasis };
  editor.addEventListener("keydown", event => {
    const target = /** @type {HTMLElement} */ (event.target);
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    if (target.closest("input, textarea, select") || target.closest(".edge")) return;
    const key = event.key;
    /** @type {Record<string, () => void>} */
    const onThePlayer = { " ": player.playPause, ArrowLeft: () => player.seek(event.shiftKey ? -5 : -1),
      ArrowRight: () => player.seek(event.shiftKey ? 5 : 1), Enter: form.save };
    const action = anywhere[key] ?? (target === player.element ? onThePlayer[key] : undefined)
      ?? (/^[1-9]$/.test(key) ? () => form.pickByNumber(Number(key)) : undefined);
    if (!action) return;
    event.preventDefault();
    action();
  });
}
