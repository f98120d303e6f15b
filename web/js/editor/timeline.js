// The timeline under the player: the recording's length, the playhead, and the tags as bars. A click on it seeks; a
// click on a bar edits its tag; each bar's edges are dragged (mouse, touch) or moved with the arrow keys to change
// the tag's times.
import { h, fill } from "app/dom.js";
import { clock, t } from "app/i18n.js";
import { timeAt } from "app/editor/tags.js";

/** @typedef {import("app/editor/tags.js").EditorTag} EditorTag */

/**
 * @param {ReturnType<typeof import("app/editor/player.js").player>} player
 * @param {{ kindOf: (tag: EditorTag) => string, onEdit: (id: string) => void,
 *   onMove: (id: string, side: "start" | "end", value: number) => EditorTag, onMoved: () => void }} actions
 *   onMove changes an edge and returns the tag as it is now; onMoved comes when the edge is let go
 */
export function timeline(player, { kindOf, onEdit, onMove, onMoved }) {
  const { video, duration } = player;
  const element = h("div", { id: "timeline", class: "timeline", role: "group", "aria-label": t("editor.timeline"),
    onpointerdown: (/** @type {PointerEvent} */ e) => { if (e.target === element) player.seekTo(at(e.clientX)); } });
  const playhead = h("div", { class: "playhead", "aria-hidden": "true" });

  /** @param {number} clientX */
  function at(clientX) {
    const box = element.getBoundingClientRect();
    return timeAt((clientX - box.left) / box.width, duration());
  }

  /** @param {EditorTag[]} tags */
  function draw(tags) {
    if (duration() <= 0) { fill(element); return; }
    fill(element, playhead, tags.map(tag => {
      const bar = h("div", { class: `bar ${kindOf(tag)}`, title: tag.id, onclick: () => onEdit(tag.id) }, edge(tag, "start"), edge(tag, "end"));
      place(bar, tag);
      return bar;
    }));
    movePlayhead();
  }

  /**
   * @param {EditorTag} tag
   * @param {"start" | "end"} side
   */
  function edge(tag, side) {
    const handle = h("button", { type: "button", class: `edge ${side}`,
      "aria-label": t(side === "start" ? "editor.edgeStart" : "editor.edgeEnd", { id: tag.id, time: clock(tag[side]) }) });
    /** @param {number} value */
    const move = value => {
      const moved = onMove(tag.id, side, value);
      player.seekTo(moved[side]);
      return moved;
    };
    handle.addEventListener("click", e => e.stopPropagation());
    handle.addEventListener("pointerdown", e => {
      e.stopPropagation();
      handle.setPointerCapture(e.pointerId);
      const follow = (/** @type {PointerEvent} */ m) => place(/** @type {HTMLElement} */ (handle.parentElement), move(at(m.clientX)));
      const done = () => {
        handle.removeEventListener("pointermove", follow);
        handle.removeEventListener("pointerup", done);
        handle.removeEventListener("pointercancel", done);
        onMoved();
      };
      handle.addEventListener("pointermove", follow);
      handle.addEventListener("pointerup", done);
      handle.addEventListener("pointercancel", done);
    });
    handle.addEventListener("keydown", e => {
      if (e.key !== "ArrowLeft" && e.key !== "ArrowRight") return;
      e.preventDefault();
      move(tag[side] + (e.key === "ArrowLeft" ? -1 : 1) * (e.shiftKey ? 1 : 0.1));
      onMoved();
      /** @type {HTMLElement | null} */ (element.querySelector(`.bar[title="${CSS.escape(tag.id)}"] .edge.${side}`))?.focus();
    });
    return handle;
  }

  /**
   * Positions a tag's bar (through the style object: the Content-Security-Policy refuses style attributes).
   * @param {HTMLElement} bar
   * @param {EditorTag} tag
   */
  function place(bar, tag) {
    const total = duration();
    bar.style.left = `${(tag.start / total) * 100}%`;
    bar.style.width = `${((tag.end - tag.start) / total) * 100}%`;
  }

  function movePlayhead() {
    const total = duration();
    playhead.style.left = total > 0 ? `${(video.currentTime / total) * 100}%` : "0";
  }
  video.addEventListener("timeupdate", movePlayhead);
  video.addEventListener("seeked", movePlayhead);

  return { element, draw };
}
