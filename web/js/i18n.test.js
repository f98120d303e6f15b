import { test } from "node:test";
import assert from "node:assert/strict";
import { clock } from "./i18n.js";

test("clock shows minutes and hundredths under an hour", () => {
  assert.equal(clock(0), "0:00.00");
  assert.equal(clock(75.5), "1:15.50");
});

test("clock carries a rounded-up second into the minute", () => {
  assert.equal(clock(59.996), "1:00.00");
  assert.equal(clock(3599.999), "1:00:00.00");
});

test("clock shows hours past a day instead of wrapping", () => {
  assert.equal(clock(25 * 3600 + 61.25), "25:01:01.25");
});
