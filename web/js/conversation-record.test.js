// The terugkijkgesprek's data, in Node: node --test (./test.sh runs it from web/). Not part of the site.
import { test } from "node:test";
import assert from "node:assert/strict";
import { conversationRequest, problemsByField, textsByClip } from "./conversation-record.js";

test("conversationRequest sends every clip's text in order, empty ones too (they clear it), and the practice point", () => {
  assert.deepEqual(conversationRequest([["p-02", "Dat hij keek"], ["p-01", ""]], "Benoemen"),
    { clips: [{ clipId: "p-02", parentSaw: "Dat hij keek" }, { clipId: "p-01", parentSaw: "" }], practicePoint: "Benoemen" });
});

test("textsByClip reads the record's texts by clip, and nothing before one was recorded", () => {
  const answer = /** @type {any} */ ({ record: { clips: [{ clipId: "p-01", parentSaw: "Een" }] }, unplaced: [], maxLength: 500 });
  assert.deepEqual([...textsByClip(answer)], [["p-01", "Een"]]);
  assert.equal(textsByClip(/** @type {any} */ ({ unplaced: [], maxLength: 500 })).size, 0);
});

test("problemsByField puts each problem at the field it names", () => {
  /** @param {string} path */
  const problem = path => ({ path, rule: "length", message: path });
  const fields = problemsByField([problem("clips[1].parentSaw"), problem("practicePoint"), problem("clips[0].clipId"), problem("clips"), problem("$"), problem("clips[7].parentSaw")],
    ["p-02", "p-01"]);
  assert.deepEqual([...fields].map(([field, problems]) => [field, problems.map(p => p.path)]), [
    ["p-01", ["clips[1].parentSaw"]], ["practicePoint", ["practicePoint"]], ["p-02", ["clips[0].clipId"]], ["", ["clips", "$", "clips[7].parentSaw"]],
  ]);
});
