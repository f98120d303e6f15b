import { test } from "node:test";
import assert from "node:assert/strict";
import { length, nextToAppend, playableUntil } from "./segments.js";

const segments = [
  { start: 0, end: 10.01, ready: true, link: "https://s/0" },
  { start: 10.01, end: 20, ready: true, link: "https://s/1" },
  { start: 20, end: 30, ready: false },
  { start: 30, end: 42.5, ready: true, link: "https://s/3" },
];

test("nextToAppend gives the made segments in order from the first not appended, up to a gap", () => {
  assert.deepEqual(nextToAppend(segments, 0), [{ index: 0, link: "https://s/0" }, { index: 1, link: "https://s/1" }]);
  assert.deepEqual(nextToAppend(segments, 2), []);
  assert.deepEqual(nextToAppend(segments, 3), [{ index: 3, link: "https://s/3" }]);
  assert.deepEqual(nextToAppend(segments, 4), []);
});

test("nextToAppend stops at a made segment whose link this answer does not carry", () => {
  assert.deepEqual(nextToAppend([{ start: 0, end: 1, ready: true }, { start: 1, end: 2, ready: true, link: "https://s/1" }], 0), []);
});

test("playableUntil is the end of the first made segments, and length the last one's end", () => {
  assert.equal(playableUntil(segments), 20);
  assert.equal(playableUntil([{ start: 0, end: 5, ready: false }]), 0);
  assert.equal(length(segments), 42.5);
  assert.equal(length([]), 0);
});
