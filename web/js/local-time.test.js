import { test } from "node:test";
import assert from "node:assert/strict";
import { fromLocalInput, toLocalInput } from "./local-time.js";

/** Amsterdam's offset: +1 h, +2 h from 29 March 2026 01:00 UTC to 25 October 2026 01:00 UTC. */
const amsterdam = (/** @type {Date} */ instant) =>
  instant >= new Date("2026-03-29T01:00:00Z") && instant < new Date("2026-10-25T01:00:00Z") ? 120 : 60;
const newYork = () => -300;
const kolkata = () => 330;

test("fromLocalInput writes the wall clock with the zone's offset then, winter or summer", () => {
  assert.equal(fromLocalInput("2026-11-27T10:00", amsterdam), "2026-11-27T10:00:00+01:00");
  assert.equal(fromLocalInput("2026-06-05T09:30", amsterdam), "2026-06-05T09:30:00+02:00");
  assert.equal(fromLocalInput("2026-11-27T10:00", newYork), "2026-11-27T10:00:00-05:00");
  assert.equal(fromLocalInput("2026-11-27T10:00", kolkata), "2026-11-27T10:00:00+05:30");
});

test("fromLocalInput of nothing, or of something else, is nothing", () => {
  assert.equal(fromLocalInput("", amsterdam), "");
  assert.equal(fromLocalInput("volgende week", amsterdam), "");
});

test("toLocalInput shows an instant on the reader's own clock", () => {
  assert.equal(toLocalInput("2026-11-27T10:00:00+01:00", amsterdam), "2026-11-27T10:00");
  assert.equal(toLocalInput("2026-11-27T10:00:00+01:00", newYork), "2026-11-27T04:00");
  assert.equal(toLocalInput("2026-06-05T07:30:00Z", amsterdam), "2026-06-05T09:30");
  assert.equal(toLocalInput(undefined, amsterdam), "");
  assert.equal(toLocalInput("nooit", amsterdam), "");
});

test("toLocalInput and fromLocalInput give back the same instant", () => {
  for (const iso of ["2026-01-15T08:05:00+01:00", "2026-07-01T23:59:00+02:00", "2026-10-25T03:30:00+01:00"]) {
    assert.equal(Date.parse(fromLocalInput(toLocalInput(iso, amsterdam), amsterdam)), Date.parse(iso));
  }
});
