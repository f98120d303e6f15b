// The course chart's data, in Node: node --test (./test.sh runs it from web/). Not part of the site.
import { test } from "node:test";
import assert from "node:assert/strict";
import { goalChart, goalRows, highest, measures, practicePoints, sessionNumber } from "./course.js";

/** @param {string} sessionId @param {number} number @param {[string, number, number][]} goals @param {object} [more] */
const session = (sessionId, number, goals, more = {}) =>
  /** @type {any} */ ({ sessionId, number, createdAt: "2026-11-01T09:00:00Z", goals: goals.map(([goalId, strengths, learning]) => ({ goalId, strengths, learning })), ...more });

const course = /** @type {any} */ ({
  goals: [{ id: "g1", text: "Benoemt gevoelens" }, { id: "g2", text: "Volgt het kind" }],
  sessions: [
    session("visit-1", 1, [["g1", 1, 2], ["g2", 0, 0]], { course: { session: 3, of: 8 }, practicePoint: "Benoemen" }),
    session("visit-2", 2, [["g1", 4, 0], ["g2", 1, 1]]),
    session("visit-3", 3, [["g1", 0, 0], ["g2", 0, 0]], { practicePoint: "Ruimte laten" }),
  ],
});

test("sessionNumber is the manifest's course number, else the place in the course", () => {
  assert.deepEqual(course.sessions.map(sessionNumber), [3, 2, 3]);
});

test("goalRows gives every session's counts for one goal, 0 where it has none", () => {
  assert.deepEqual(goalRows(course, "g2").map(r => [r.session.sessionId, r.strengths, r.learning]), [["visit-1", 0, 0], ["visit-2", 1, 1], ["visit-3", 0, 0]]);
  assert.deepEqual(goalRows(course, "unknown").map(r => r.strengths + r.learning), [0, 0, 0]);
});

test("goalChart draws a mark per count above 0, on one scale for every goal", () => {
  const chart = goalChart(course, "g1");
  assert.deepEqual(chart.marks.map(m => [m.sessionId, m.kind, m.count]), [["visit-1", "strength", 1], ["visit-1", "learning", 2], ["visit-2", "strength", 4]]);
  // The highest count (4) reaches the top of the plot; the others in proportion, all standing on the baseline.
  assert.equal(highest(course), 4);
  assert.equal(chart.marks[2].height, measures.plot);
  assert.equal(chart.marks[0].height, measures.plot / 4);
  for (const mark of chart.marks) assert.equal(mark.y + mark.height, chart.baseline);
  // Side by side within a session, sessions left to right.
  assert.ok(chart.marks[0].x + chart.marks[0].width <= chart.marks[1].x);
  assert.ok(chart.marks[1].x + chart.marks[1].width <= chart.marks[2].x);
  assert.deepEqual(chart.labels.map(l => l.text), ["3", "2", "3"]);
  assert.equal(goalChart(course, "g2").marks.length, 2);
});

test("goalChart of a course without moments has a scale and no marks", () => {
  const empty = /** @type {any} */ ({ goals: [], sessions: [session("s1", 1, [["g1", 0, 0]])] });
  assert.equal(highest(empty), 1);
  assert.deepEqual(goalChart(empty, "g1").marks, []);
  assert.ok(goalChart(/** @type {any} */ ({ goals: [], sessions: [] }), "g1").width > 0);
});

test("practicePoints lists the sessions' practice points in course order, with their numbers", () => {
  assert.deepEqual(practicePoints(course), [{ number: 3, sessionId: "visit-1", text: "Benoemen" }, { number: 3, sessionId: "visit-3", text: "Ruimte laten" }]);
});
