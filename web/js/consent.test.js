import { test } from "node:test";
import assert from "node:assert/strict";
import { authorityByDefault, dueWithin, recordingsMissing, withPerson } from "./consent.js";

/** @param {Partial<import("./contracts.js").PrivacyAnswer>} more */
const privacy = more => ({ caseId: "fam-1", people: [], consents: [], recordings: [], retentionDays: 30, ...more });

test("birth and adoptive parents hold authority by default; foster parents and carers do not", () => {
  assert.deepEqual(["moeder", "vader", "ouder", "adoptieouder", "pleegouder", "opvoeder", "kind"].map(authorityByDefault),
    [true, true, true, true, false, false, false]);
});

test("a person added or changed replaces the one with the same id, keeping only what the API takes", () => {
  const people = [{ id: "moeder", role: "moeder", authority: true, consentFrom: ["moeder"], covered: [], noAuthority: false }];
  assert.deepEqual(withPerson(people, { id: "kind", role: "kind", ageBand: "2-3", authority: false }),
    [{ id: "moeder", role: "moeder", ageBand: undefined, authority: true }, { id: "kind", role: "kind", ageBand: "2-3", authority: false }]);
  assert.deepEqual(withPerson(people, { id: "moeder", role: "moeder", authority: false }), [{ id: "moeder", role: "moeder", authority: false }]);
});

test("recordings missing consent leave out erased ones", () => {
  const missing = [{ person: "kind", from: ["vader"], noAuthority: false }];
  const found = recordingsMissing(privacy({ recordings: [
    { sessionId: "s-1", onRecording: ["kind"], missingFeedback: missing, missingSupervision: [] },
    { sessionId: "s-2", onRecording: ["kind"], missingFeedback: missing, missingSupervision: [], erasedAt: "2026-12-01T00:00:00Z" },
    { sessionId: "s-3", onRecording: ["moeder"], missingFeedback: [], missingSupervision: missing },
  ] }), "missingFeedback");
  assert.deepEqual(found.map(r => r.sessionId), ["s-1"]);
});

test("a deletion is due within the window only when it has a date inside it", () => {
  const now = new Date("2026-12-07T12:00:00Z");
  assert.equal(dueWithin(privacy({ deleteAt: "2027-01-05T12:00:00Z" }), 30, now), true);
  assert.equal(dueWithin(privacy({ deleteAt: "2027-01-07T12:00:01Z" }), 30, now), false);
  assert.equal(dueWithin(privacy({}), 30, now), false);
});
