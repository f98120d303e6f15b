// The editor's player: the recording, its time, the transport (play, seek by 5 s, 1 s or a frame) and the buttons
// that mark a tag's in, out and key moment. The keys for the same actions are the editor's (editor.js).
import { fitVideo, h } from "app/dom.js";
import { clock, t } from "app/i18n.js";
import { clamp } from "app/editor/tags.js";

/** One frame at 25 fps: the step for , and . (the recording's own rate is not known to the page). */
export const frame = 0.04;

/**
 * @param {{ onMark: (what: "start" | "end" | "keyMoment", at: number) => void }} actions onMark: a mark at the player's time
 */
export function player({ onMark }) {
  const video = fitVideo(h("video", { id: "editor-video", preload: "auto", playsinline: true, "aria-label": t("editor.video") }));
  const time = h("p", { id: "editor-time", class: "time" }, clock(0));
  const playButton = h("button", { type: "button", "aria-keyshortcuts": "Space", onclick: () => playPause() }, t("editor.play"));
  /** @param {string} key @param {string} shortcut @param {() => void} action */
  const control = (key, shortcut, action) => h("button", { type: "button", "aria-keyshortcuts": shortcut, onclick: action }, t(key));
  const transport = h("div", { class: "transport" },
    control("editor.back5", "Shift+ArrowLeft", () => seek(-5)), control("editor.back1", "ArrowLeft", () => seek(-1)),
    control("editor.frameBack", ",", () => seek(-frame)), playButton,
    control("editor.frameForward", ".", () => seek(frame)), control("editor.forward1", "ArrowRight", () => seek(1)),
    control("editor.forward5", "Shift+ArrowRight", () => seek(5)));
  const marks = h("div", { class: "transport" },
    control("editor.setIn", "I", () => mark("start")), control("editor.setOut", "O", () => mark("end")),
    control("editor.setKey", "M", () => mark("keyMoment")));
  const element = h("div", { id: "editor", class: "editor-player", tabindex: 0, role: "region", "aria-label": t("editor.playerLabel"),
    "aria-describedby": "editor-keys" }, video, time, transport, marks);

  function playPause() {
    if (video.paused) void video.play().catch(() => {}); else video.pause();
  }

  /** @param {number} by seconds, back when negative */
  function seek(by) {
    video.pause();
    video.currentTime = clamp(video.currentTime + by, 0, duration());
  }

  /** @param {"start" | "end" | "keyMoment"} what */
  function mark(what) {
    onMark(what, video.currentTime);
  }

  /** The recording's length, 0 until it is known. */
  function duration() {
    return Number.isFinite(video.duration) ? video.duration : 0;
  }

  const showTime = () => { time.textContent = `${clock(video.currentTime)} / ${clock(duration())}`; };
  video.addEventListener("timeupdate", showTime);
  video.addEventListener("seeked", showTime);
  video.addEventListener("play", () => { playButton.textContent = t("editor.pause"); });
  video.addEventListener("pause", () => { playButton.textContent = t("editor.play"); });
  video.addEventListener("loadedmetadata", () => { time.textContent = `${clock(0)} / ${clock(duration())}`; });

  /** A link that came while the recording played. */
  let waiting = "";
  /**
   * Plays another source (a renewed link, or a preview in place of the file) from where the therapist was.
   * @param {string} src
   */
  function swap(src) {
    waiting = "";
    const at = video.currentTime;
    video.src = src;
    if (at > 0) video.addEventListener("loadedmetadata", () => { video.currentTime = at; }, { once: true });
  }
  for (const event of ["pause", "error"]) video.addEventListener(event, () => { if (waiting) swap(waiting); });

  return {
    element,
    video,
    playPause,
    seek,
    mark,
    duration,
    /** @param {number} at seconds */
    seekTo(at) { video.currentTime = at; },
    /**
     * Plays this source; a renewed link waits while the recording plays (it plays on from its buffer) until a pause
     * or an error.
     * @param {string} src
     */
    show(src) {
      if (video.src === src) return;
      if (!video.paused && video.src.startsWith("http")) { waiting = src; return; }
      swap(src);
    },
  };
}
