// Browsers do not expose an MP4's chapter atoms to pages, so the reel page gives the video a WebVTT
// kind="chapters" track, made here from reel.json's chapters (reel seconds, in showing order).

/** @typedef {import("app/contracts.js").ReelChapter} ReelChapter */

/**
 * A WebVTT timestamp, hh:mm:ss.mmm.
 * @param {number} seconds
 */
export function vttTime(seconds) {
  const millis = Math.round(seconds * 1000);
  const h = Math.floor(millis / 3_600_000);
  const m = Math.floor((millis % 3_600_000) / 60_000);
  const s = Math.floor((millis % 60_000) / 1000);
  const ms = millis % 1000;
  return `${String(h).padStart(2, "0")}:${String(m).padStart(2, "0")}:${String(s).padStart(2, "0")}.${String(ms).padStart(3, "0")}`;
}

/**
 * Cue text as WebVTT reads it: &, < and > escaped, one line (a blank line would end the cue).
 * @param {string} text
 */
export function vttText(text) {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/\s*[\r\n]+\s*/g, " ").trim();
}

/**
 * The chapters as a WebVTT file, one cue per chapter, its id the clip id.
 * @param {ReelChapter[]} chapters
 */
export function chaptersVtt(chapters) {
  const cues = chapters.map(c => `${c.clipId.replace(/-->|[\r\n]/g, "")}\n${vttTime(c.start)} --> ${vttTime(c.end)}\n${vttText(c.title)}`);
  return ["WEBVTT", ...cues].join("\n\n") + "\n";
}
