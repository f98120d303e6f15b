import { test } from "node:test";
import assert from "node:assert/strict";
import { chapterAt, chaptersVtt, inReelOrder, nextStart, previousStart } from "./chapters.js";

/** @param {string} clipId @param {number} index */
const clip = (clipId, index) => /** @type {any} */ ({ clipId, index });

test("inReelOrder numbers clips by their place in the reel, as the chapters do, when strengths go first", () => {
  // In the recording: a learning moment (p-01), then two strengths; the reel shows the strengths first.
  const reel = /** @type {any} */ ({
    chapters: [{ clipId: "p-02", title: "Benoemen", start: 0, end: 5 }, { clipId: "p-03", title: "Spiegelen", start: 5, end: 9 },
      { clipId: "p-01", title: "Om samen naar te kijken", start: 9, end: 14 }],
    clips: [clip("p-02", 1), clip("p-03", 2), clip("p-01", 0)],
  });
  const numbered = inReelOrder(reel);
  assert.deepEqual(numbered.clips.map(c => [c.clipId, c.index + 1]), [["p-02", 1], ["p-03", 2], ["p-01", 3]]);
  assert.deepEqual(numbered.chapters.map((c, i) => [c.clipId, i + 1]), numbered.clips.map(c => [c.clipId, c.index + 1]));
  assert.equal(reel.clips[2].index, 0, "the reel given is left as it was");
});

test("inReelOrder puts a clip without a chapter last", () => {
  const reel = /** @type {any} */ ({ chapters: [{ clipId: "b", title: "B", start: 0, end: 1 }], clips: [clip("a", 0), clip("b", 1)] });
  assert.deepEqual(inReelOrder(reel).clips.map(c => [c.clipId, c.index]), [["b", 0], ["a", 1]]);
});

test("chaptersVtt writes one cue per chapter, its id the clip and its text on one line", () => {
  assert.equal(chaptersVtt([{ clipId: "p-01", title: "Jij <b>\nboos", start: 1.5, end: 3661 }]),
    "WEBVTT\n\np-01\n00:00:01.500 --> 01:01:01.000\nJij &lt;b&gt; boos\n");
});

const moments = [{ start: 0 }, { start: 4.5 }, { start: 9.25 }];

test("chapterAt is the last chapter started, a seek landing just before a start included, and -1 before the first", () => {
  assert.deepEqual([0, 4.49, 4.5, 9, 9.24, 30].map(now => chapterAt(moments, now)), [0, 1, 1, 1, 2, 2]);
  assert.equal(chapterAt([{ start: 2 }], 1), -1);
  assert.equal(chapterAt([], 1), -1);
});

test("nextStart goes to the next chapter's start, and nowhere from the last", () => {
  assert.deepEqual([0, 2, 4.5, 7, 9.25, 12].map(now => nextStart(moments, now)), [4.5, 4.5, 9.25, 9.25, undefined, undefined]);
  assert.equal(nextStart([{ start: 2 }], 1), 2, "before the first chapter, → goes to it");
});

test("previousStart goes a chapter back from anywhere in a chapter, and to the first's start from the first", () => {
  assert.deepEqual([0, 2, 4.5, 7, 9.25, 12].map(now => previousStart(moments, now)), [0, 0, 0, 0, 4.5, 4.5]);
  assert.equal(previousStart([], 3), undefined);
});
