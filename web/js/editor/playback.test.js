import { test } from "node:test";
import assert from "node:assert/strict";
import { playsAsItIs, splitType } from "./playback.js";

const hevc = 'video/mp4; codecs="hvc1.1.6.L120.B0,mp4a.40.2"';

test("splitType gives decodingInfo one codec per part", () => {
  assert.deepEqual(splitType(hevc), { video: 'video/mp4; codecs="hvc1.1.6.L120.B0"', audio: 'audio/mp4; codecs="mp4a.40.2"' });
  assert.deepEqual(splitType('video/mp4; codecs="hvc1.2.4.L153.B0"'), { video: 'video/mp4; codecs="hvc1.2.4.L153.B0"' });
});

test("playsAsItIs asks decodingInfo with the video and audio parts, and follows its answer", async () => {
  /** @type {MediaDecodingConfiguration[]} */
  const asked = [];
  const says = (/** @type {boolean} */ supported) => ({ decodingInfo: async (/** @type {MediaDecodingConfiguration} */ c) => { asked.push(c); return { supported }; } });
  assert.equal(await playsAsItIs(hevc, says(true), () => ""), true);
  assert.equal(await playsAsItIs(hevc, says(false), () => "probably"), false);
  assert.equal(asked[0]?.video?.contentType, 'video/mp4; codecs="hvc1.1.6.L120.B0"');
  assert.equal(asked[0]?.audio?.contentType, 'audio/mp4; codecs="mp4a.40.2"');
});

test("playsAsItIs falls back to canPlayType, and says no for no type or a type decodingInfo refuses", async () => {
  assert.equal(await playsAsItIs(hevc, undefined, () => "maybe"), true);
  assert.equal(await playsAsItIs(hevc, undefined, () => ""), false);
  assert.equal(await playsAsItIs(undefined, undefined, () => "probably"), false);
  assert.equal(await playsAsItIs(hevc, { decodingInfo: async () => { throw new TypeError("bad type"); } }, () => "probably"), false);
});
