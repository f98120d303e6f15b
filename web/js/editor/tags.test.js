// The editor's tag model, in Node: node --test (./test.sh runs it from web/). Not part of the site: the release
// copy leaves *.test.js out.
import { test } from "node:test";
import assert from "node:assert/strict";
import {
  addOwnGoal, addPerson, addTag, chooseGoal, commentsByTag, draftProblem, editTag, emphasisFields, filterLabels, fromManifest, goalText,
  importFormat, importTags, kindOf, labelName, labelOf, moveEdge, nextEmphasis, nextId, problemTag, removeTag, round, saveTag, seconds,
  sortTags, timeAt, toManifest,
} from "./tags.js";

/** @typedef {import("./tags.js").EditorTag} EditorTag */

/** @param {string} id @param {number} start @param {number} end @param {Partial<EditorTag>} [more] @returns {EditorTag} */
const tag = (id, start, end, more = {}) => ({ id, start, end, label: "benoemen", ...more });

const vocabulary = {
  method: "basic-trust", name: "Basic Trust", custom: false,
  labels: [
    { code: "benoemen", nl: "Benoemen", en: "Naming", valence: "strength", actor: "parent", description: "", confirmed: true },
    { code: "verwarringscheppend-gedrag", nl: "Verwarringscheppend opvoedgedrag", en: "Confusing parenting", valence: "learning",
      actor: "parent", description: "", confirmed: true },
  ],
};

test("seconds reads a number of seconds as it is", () => {
  assert.equal(seconds(12.5), 12.5);
  assert.equal(seconds(0), 0);
});

test("seconds reads the API's old TimeSpan strings", () => {
  assert.equal(seconds("00:00:03.5000000"), 3.5);
  assert.equal(seconds("01:02:03.2500000"), 3723.25);
  assert.equal(seconds("1.02:03:04"), 93784);
  assert.equal(seconds("-00:00:01.5"), -1.5);
});

test("seconds reads the timecodes people write in a manifest", () => {
  assert.equal(seconds("1:05.5"), 65.5);
  assert.equal(seconds("1:00:00"), 3600);
  assert.equal(seconds("7.25"), 7.25);
});

test("seconds gives NaN for what is not a time, so the API names it", () => {
  for (const value of ["", "soon", "1::2", "1:2:3:4", undefined, null]) assert.ok(Number.isNaN(seconds(value)), String(value));
});

test("round keeps a time to the millisecond", () => {
  assert.equal(round(1.23456), 1.235);
  assert.equal(round(0.1 + 0.2), 0.3);
});

test("timeAt places a point of the timeline inside the recording", () => {
  assert.equal(timeAt(0.5, 20), 10);
  assert.equal(timeAt(-0.2, 20), 0);
  assert.equal(timeAt(1.5, 20), 20);
  assert.equal(timeAt(1 / 3, 10), 3.333);
});

test("nextId counts on from the number of tags and skips ids taken", () => {
  assert.equal(nextId([]), "t1");
  assert.equal(nextId([tag("t1", 0, 1), tag("t2", 2, 3)]), "t3");
  assert.equal(nextId([tag("t2", 0, 1)]), "t3");
  assert.equal(nextId([tag("t1", 0, 1), tag("t3", 2, 3)]), "t4");
  assert.equal(nextId([tag("t3", 0, 1), tag("x", 2, 3)]), "t4");
});

test("addTag assigns the next free id", () => {
  const tags = addTag([tag("t1", 0, 1)], { start: 2, end: 3, label: "benoemen" });
  assert.deepEqual(tags.map(t => t.id), ["t1", "t2"]);
});

test("addTag keeps an id the tag has", () => {
  assert.equal(addTag([], { id: "eigen", start: 2, end: 3, label: "benoemen" })[0].id, "eigen");
});

test("addTag puts the tag where its start belongs and leaves the list it was given alone", () => {
  const before = [tag("t1", 0, 1), tag("t2", 5, 6)];
  const after = addTag(before, { start: 2, end: 3, label: "benoemen" });
  assert.deepEqual(after.map(t => t.id), ["t1", "t3", "t2"]);
  assert.deepEqual(before.map(t => t.id), ["t1", "t2"]);
});

test("sortTags orders by start and keeps tags that start together in their order", () => {
  const tags = [tag("a", 5, 6), tag("b", 1, 2), tag("c", 5, 7), tag("d", 1, 3)];
  assert.deepEqual(sortTags(tags).map(t => t.id), ["b", "d", "a", "c"]);
});

test("editTag replaces the fields given and keeps what the form does not show", () => {
  const tags = [tag("t1", 0, 1, { note: "oud", caption: "Kijk eens", actor: "parent" })];
  const [edited] = editTag(tags, "t1", { start: 0.5, end: 2, label: "verwarringscheppend-gedrag", note: undefined });
  assert.deepEqual(edited, { id: "t1", start: 0.5, end: 2, label: "verwarringscheppend-gedrag", note: undefined, caption: "Kijk eens", actor: "parent" });
});

test("editTag sorts the tags again when a start moves", () => {
  const tags = editTag([tag("t1", 0, 1), tag("t2", 3, 4)], "t1", { start: 5, end: 6 });
  assert.deepEqual(tags.map(t => t.id), ["t2", "t1"]);
});

test("saveTag changes the tag being edited", () => {
  const tags = saveTag([tag("t1", 0, 1), tag("t2", 3, 4)], "t2", { start: 3, end: 5, label: "benoemen" });
  assert.deepEqual(tags.map(t => [t.id, t.end]), [["t1", 1], ["t2", 5]]);
});

test("saveTag adds a new tag with the next free id", () => {
  const tags = saveTag([tag("t1", 0, 1)], null, { start: 3, end: 5, label: "benoemen" });
  assert.deepEqual(tags.map(t => t.id), ["t1", "t2"]);
});

test("saveTag keeps the id of a tag that was being edited but is gone (a manifest loaded meanwhile)", () => {
  assert.deepEqual(saveTag([tag("t1", 0, 1)], "t7", { start: 3, end: 5, label: "benoemen" }).map(t => t.id), ["t1", "t7"]);
});

test("removeTag removes only the tag with the id", () => {
  assert.deepEqual(removeTag([tag("t1", 0, 1), tag("t2", 3, 4)], "t1").map(t => t.id), ["t2"]);
  assert.deepEqual(removeTag([tag("t1", 0, 1)], null).map(t => t.id), ["t1"]);
});

test("moveEdge keeps the start inside the recording and at least 0.1 s before the end", () => {
  assert.equal(moveEdge([tag("t1", 2, 4)], "t1", "start", -3, 10)[0].start, 0);
  assert.equal(moveEdge([tag("t1", 2, 4)], "t1", "start", 9, 10)[0].start, 3.9);
  assert.equal(moveEdge([tag("t1", 2, 4)], "t1", "start", 1.23456, 10)[0].start, 1.235);
});

test("moveEdge keeps the end inside the recording and at least 0.1 s after the start", () => {
  assert.equal(moveEdge([tag("t1", 2, 4)], "t1", "end", 12, 10)[0].end, 10);
  assert.equal(moveEdge([tag("t1", 2, 4)], "t1", "end", 1, 10)[0].end, 2.1);
});

test("moveEdge keeps the key moment inside the tag", () => {
  const tags = [tag("t1", 2, 6, { keyMoment: 5 })];
  assert.equal(moveEdge(tags, "t1", "end", 4, 10)[0].keyMoment, 4);
  assert.equal(moveEdge(tags, "t1", "start", 5.5, 10)[0].keyMoment, 5.5);
  assert.equal(moveEdge(tags, "t1", "end", 8, 10)[0].keyMoment, 5);
  assert.equal("keyMoment" in moveEdge([tag("t1", 2, 6)], "t1", "end", 8, 10)[0], false);
});

test("moveEdge moves only the tag with the id and does not sort while the edge moves", () => {
  const before = [tag("t1", 2, 4), tag("t2", 3, 5)];
  const after = moveEdge(before, "t2", "start", 1, 10);
  assert.deepEqual(after.map(t => [t.id, t.start]), [["t1", 2], ["t2", 1]]);
  assert.equal(after[0], before[0]);
  assert.equal(before[1].start, 3);
});

test("draftProblem names what the tag being marked still lacks, in order", () => {
  assert.equal(draftProblem({}), "editor.needIn");
  assert.equal(draftProblem({ start: 1 }), "editor.needOut");
  assert.equal(draftProblem({ start: 1, end: 2 }), "editor.needLabel");
  assert.equal(draftProblem({ start: 2, end: 2, label: "benoemen" }), "editor.outBeforeIn");
  assert.equal(draftProblem({ start: 0, end: 2, label: "benoemen" }), null);
});

test("importTags reads times in either form, gives ids to tags without one and sorts them in", () => {
  const tags = importTags([tag("t1", 5, 6)], [
    { start: "00:00:01", end: "00:00:02.5000000", label: "benoemen", keyMoment: "0:02" },
    { id: "mine", start: 3, end: 4, label: 7, actor: "child" },
  ]);
  assert.deepEqual(tags, [
    { id: "t2", start: 1, end: 2.5, keyMoment: 2, label: "benoemen" },
    { id: "mine", start: 3, end: 4, keyMoment: undefined, label: "7", actor: "child" },
    tag("t1", 5, 6),
  ]);
});

const sent = {
  schema: "basictrust.session/v1", caseId: "c1", sessionId: "s1", method: "basic-trust", recording: "recording.mp4",
  recordedAt: "2026-11-27T10:00:00Z", nextSessionAt: "2026-12-04T10:00:00+01:00", goals: [{ id: "g1", text: "Benoemen wat het kind doet" }],
  people: [{ id: "moeder", role: "moeder" }, { id: "kind", role: "kind", ageBand: "4-6" }],
  course: { session: 2, of: 6, name: "VIPP" }, reel: { order: "strengths-first", preRoll: 1 },
  tags: [{ id: "t2", start: 4, end: 5, label: "benoemen" }, { id: "t1", start: "00:00:01", end: 3.5, label: "benoemen", goal: "g1" }],
};

test("fromManifest reads the tags, the course, people, goals and the order, and keeps the fields the editor does not show", () => {
  const loaded = fromManifest(sent, "");
  assert.deepEqual(loaded.tags.map(t => [t.id, t.start, t.end]), [["t1", 1, 3.5], ["t2", 4, 5]]);
  assert.deepEqual(loaded.course, { session: "2", of: "6", type: "" });
  assert.deepEqual([loaded.people, loaded.goals], [sent.people, sent.goals]);
  assert.equal(loaded.order, "strengths-first");
  assert.equal(loaded.nextSessionAt, "2026-12-04T10:00:00+01:00");
  assert.equal(loaded.method, "basic-trust");
  assert.deepEqual(loaded.kept, { recordedAt: sent.recordedAt, course: sent.course, reel: sent.reel });
});

test("fromManifest takes the recording it names only when the editor has none", () => {
  assert.equal(fromManifest(sent, "").recording, "recording.mp4");
  assert.equal(fromManifest(sent, "chosen.mp4").recording, "chosen.mp4");
});

test("fromManifest of a bare manifest gives no method, an empty course, strengths first and no tags, people or goals", () => {
  const loaded = fromManifest({}, "");
  assert.deepEqual([loaded.method, loaded.course, loaded.order, loaded.nextSessionAt, loaded.tags, loaded.people, loaded.goals],
    [undefined, { session: "", of: "", type: "" }, "strengths-first", "", [], [], []]);
});

test("toManifest sends back what a loaded manifest had, with the editor's changes", () => {
  const loaded = fromManifest(sent, "");
  const manifest = toManifest({ caseId: "c1", sessionId: "s1", ...loaded, method: "basic-trust", course: { session: "3", of: "6", type: "" },
    tags: loaded.tags.map(t => ({ ...t, end: t.end + 0.00049 })) });
  assert.deepEqual(JSON.parse(JSON.stringify(manifest)), {
    ...sent, course: { session: 3, of: 6, name: "VIPP" },
    tags: [{ id: "t1", start: 1, end: 3.5, label: "benoemen", goal: "g1" }, { id: "t2", start: 4, end: 5, label: "benoemen" }],
  });
});

test("toManifest names the next session as the editor holds it, and none when it holds none", () => {
  const loaded = fromManifest(sent, "");
  const manifest = (/** @type {string} */ nextSessionAt) =>
    toManifest({ caseId: "c1", sessionId: "s1", ...loaded, method: "basic-trust", nextSessionAt });
  assert.equal(manifest("2026-12-11T09:30:00+01:00").nextSessionAt, "2026-12-11T09:30:00+01:00");
  assert.equal(JSON.parse(JSON.stringify(manifest(""))).nextSessionAt, undefined);
});

test("toManifest sends the course when any of its fields is filled in, so the API can name one that is missing", () => {
  const session = { caseId: "c1", sessionId: "s1", method: "basic-trust", recording: "r.mp4", order: "chronological", nextSessionAt: "", tags: [],
    kept: { course: { session: 1, of: 4 } }, people: [], goals: [] };
  const course = (/** @type {import("./tags.js").CourseFields} */ fields) => JSON.parse(JSON.stringify(toManifest({ ...session, course: fields }))).course;
  assert.equal(course({ session: "", of: "", type: "" }), undefined);
  assert.deepEqual(course({ session: "2", of: "", type: "" }), { session: 2 });
  assert.deepEqual(course({ session: "2", of: "5", type: "video-feedback" }), { session: 2, of: 5, type: "video-feedback" });
});

test("toManifest names people and goals only when there are some", () => {
  const session = { caseId: "c1", sessionId: "s1", method: "basic-trust", recording: "r.mp4", order: "chronological", nextSessionAt: "", tags: [],
    kept: {}, course: { session: "", of: "", type: "" } };
  const none = toManifest({ ...session, people: [], goals: [] });
  assert.deepEqual([none.people, none.goals], [undefined, undefined]);
  const some = toManifest({ ...session, people: [{ id: "kind", role: "kind" }], goals: [{ id: "g1", text: "Rust" }] });
  assert.deepEqual([some.people, some.goals], [[{ id: "kind", role: "kind" }], [{ id: "g1", text: "Rust" }]]);
});

test("addPerson names a person after the role, numbered when the role is there already", () => {
  const people = addPerson(addPerson(addPerson([], "moeder"), "kind"), "kind");
  assert.deepEqual(people.map(p => p.id), ["moeder", "kind", "kind-2"]);
});

test("chooseGoal takes a method's goal in once under its code and leaves it out again; addOwnGoal numbers own goals", () => {
  const chosen = chooseGoal(chooseGoal([], "sensitiviteit", true), "sensitiviteit", true);
  assert.deepEqual(chosen, [{ id: "sensitiviteit", code: "sensitiviteit" }]);
  assert.deepEqual(chooseGoal(chosen, "sensitiviteit", false), []);
  assert.deepEqual(addOwnGoal(addOwnGoal([], "Rust"), "Slapen").map(g => g.id), ["g1", "g2"]);
});

test("goalText is the therapist's words, else the method goal's name in the page's language, else the id", () => {
  const methodGoals = [{ code: "sensitiviteit", nl: "Betere sensitiviteit", en: "Better sensitivity" }];
  assert.equal(goalText({ id: "g1", text: "Rust" }, methodGoals, "nl"), "Rust");
  assert.equal(goalText({ id: "sensitiviteit", code: "sensitiviteit" }, methodGoals, "en"), "Better sensitivity");
  assert.equal(goalText({ id: "x", code: "onbekend" }, methodGoals, "nl"), "x");
});

test("importFormat goes by the file's extension, CSV for anything else", () => {
  assert.deepEqual(["s.JSON", "a.eaf", "b.boris", "c.csv", "d.txt"].map(importFormat), ["json", "elan", "boris", "csv", "csv"]);
});

test("labelOf and labelName find a label and name it in the page's language", () => {
  const label = labelOf(vocabulary, "benoemen");
  assert.equal(label && labelName(label, "nl"), "Benoemen");
  assert.equal(label && labelName(label, "en"), "Naming");
  assert.equal(labelOf(vocabulary, "onbekend"), undefined);
  assert.equal(labelOf(undefined, "benoemen"), undefined);
});

test("kindOf is the tag's own kind, else its label's, else none", () => {
  assert.equal(kindOf(vocabulary, tag("t1", 0, 1, { valence: "child" })), "child");
  assert.equal(kindOf(vocabulary, tag("t1", 0, 1, { label: "verwarringscheppend-gedrag" })), "learning");
  assert.equal(kindOf(vocabulary, tag("t1", 0, 1, { label: "eigen" })), "");
  assert.equal(kindOf(undefined, tag("t1", 0, 1)), "");
});

test("filterLabels matches the code, the Dutch or the English name, whatever the case", () => {
  const codes = (/** @type {string} */ typed) => filterLabels(vocabulary, typed).map(l => l.code);
  assert.deepEqual(codes(""), ["benoemen", "verwarringscheppend-gedrag"]);
  assert.deepEqual(codes("  NAM "), ["benoemen"]);
  assert.deepEqual(codes("confusing"), ["verwarringscheppend-gedrag"]);
  assert.deepEqual(codes("verwarringscheppend-g"), ["verwarringscheppend-gedrag"]);
  assert.deepEqual(codes("xyz"), []);
  assert.deepEqual(filterLabels(undefined, "be"), []);
});

test("problemTag names the tag a problem's path points at", () => {
  const tags = [tag("t1", 0, 1), tag("t7", 2, 3)];
  assert.equal(problemTag("tags[1].label", tags), "t7");
  assert.equal(problemTag("tags[5].start", tags), "5");
  assert.equal(problemTag("method", tags), undefined);
});

test("commentsByTag puts each comment beside the tag at its recording time, the nearest one when none covers it", () => {
  const tags = [tag("t1", 2, 4), tag("t2", 10, 12)];
  const answer = {
    earlier: [{ number: 1, comments: [{ id: "c1", text: "Mooi", by: "colleague", recordingAt: 3, addressedAt: "2026-12-07T10:00:00Z" },
      { id: "c2", text: "Ja", by: "you", replyTo: "c1" }, { id: "c3", text: "Later", by: "colleague", recordingAt: 9 }]}],
    review: { number: 2, comments: [{ id: "c4", text: "Korter?", by: "colleague", recordingAt: 11.5 }, { id: "c5", text: "?", by: "you" }] },
  };
  assert.deepEqual(commentsByTag(answer, tags), {
    t1: [{ id: "c1", text: "Mooi", by: "colleague", round: 1, at: 3, addressedAt: "2026-12-07T10:00:00Z", reply: false },
      { id: "c2", text: "Ja", by: "you", round: 1, at: undefined, addressedAt: undefined, reply: true }],
    t2: [{ id: "c3", text: "Later", by: "colleague", round: 1, at: 9, addressedAt: undefined, reply: false },
      { id: "c4", text: "Korter?", by: "colleague", round: 2, at: 11.5, addressedAt: undefined, reply: false }],
  });
  assert.deepEqual(commentsByTag({ earlier: [], review: { number: 1, comments: [] } }, tags), {});
});

test("the U key steps through the emphases and back to none", () => {
  assert.deepEqual([undefined, "freeze", "slow"].map(nextEmphasis), ["freeze", "slow", ""]);
  assert.equal(nextEmphasis(""), "freeze");
});

test("a saved emphasis keeps its own length only while its kind stays", () => {
  const frozen = tag("t1", 10, 20, { emphasis: "freeze", emphasisSeconds: 4 });
  assert.deepEqual(emphasisFields(frozen, "freeze"), { emphasis: "freeze", emphasisSeconds: 4 });
  assert.deepEqual(emphasisFields(frozen, "slow"), { emphasis: "slow", emphasisSeconds: undefined });
  assert.deepEqual(emphasisFields(frozen, ""), { emphasis: undefined, emphasisSeconds: undefined });
  assert.deepEqual(emphasisFields(undefined, "slow"), { emphasis: "slow", emphasisSeconds: undefined });
});

test("an emphasis goes to the manifest and comes back from it", () => {
  const session = fromManifest({ tags: [{ id: "t1", start: 10, end: 20, label: "benoemen", emphasis: "slow", emphasisSeconds: 2 }] }, "r.mp4");
  assert.deepEqual([session.tags[0].emphasis, session.tags[0].emphasisSeconds], ["slow", 2]);
  const saved = saveTag(session.tags, "t1", { start: 10, end: 20, label: "benoemen", ...emphasisFields(session.tags[0], "") });
  const manifest = toManifest({ ...session, caseId: "fam-0042", sessionId: "s1", method: "basic-trust", tags: saved });
  assert.equal(JSON.stringify(manifest.tags[0]).includes("emphasis"), false);
});
