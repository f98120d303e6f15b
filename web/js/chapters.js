// Browsers do not expose an MP4's chapter atoms to pages, so the reel page gives the video a WebVTT
// kind="chapters" track, made here from reel.json's chapters (reel seconds, in showing order). And the one number a
// clip has on the page, its place in the reel, and where ← and → go from a moment of the reel (Terugkijken).

/**
 * @typedef {import("app/contracts.js").ReelChapter} ReelChapter
 * @typedef {import("app/contracts.js").ReelDocument} ReelDocument
 */

/**
 * The reel with its clips in the order it shows them, each clip's index its place in the reel (0-based), so the
 * chapter list, the clip cards, the goals and the comments all number a clip alike. reel.json's index is the clip's
 * place in the recording, which differs once strengths go first and which nobody watching the reel sees.
 * @param {ReelDocument} reel
 * @returns {ReelDocument}
 */
export function inReelOrder(reel) {
  const place = new Map(reel.chapters.map((c, i) => [c.clipId, i]));
  const at = (/** @type {{ clipId: string }} */ clip) => place.get(clip.clipId) ?? reel.chapters.length;
  const clips = [...reel.clips].sort((a, b) => at(a) - at(b) || a.index - b.index).map((clip, index) => ({ ...clip, index }));
  return { ...reel, clips };
}

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

/** A seek can land a hair before the time it asked for: this close before a chapter's start counts as in it. */
const seekSlack = 0.05;

/**
 * The chapter playing at a moment of the reel: the last one that has started, or -1 before the first.
 * @param {{ start: number }[]} chapters in showing order
 * @param {number} now reel seconds
 */
export function chapterAt(chapters, now) {
  let at = -1;
  chapters.forEach((c, i) => { if (c.start <= now + seekSlack) at = i; });
  return at;
}

/**
 * Where → goes: the start of the chapter after the one playing; undefined in the last.
 * @param {{ start: number }[]} chapters in showing order
 * @param {number} now reel seconds
 */
export function nextStart(chapters, now) {
  return chapters[chapterAt(chapters, now) + 1]?.start;
}

/**
 * Where ← goes: the start of the chapter before the one playing; in the first (or before it), the first's start.
 * Going back always goes a chapter back, wherever in the chapter one is: the moment itself is one button away.
 * @param {{ start: number }[]} chapters in showing order
 * @param {number} now reel seconds
 */
export function previousStart(chapters, now) {
  return chapters[Math.max(0, chapterAt(chapters, now) - 1)]?.start;
}
