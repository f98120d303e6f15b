// The course across a case's sessions, as the case page draws it: per treatment goal a small bar chart (the sessions
// along, a bar for the strengths and one for the moments to look at together), the same numbers as a table, and the
// practice points in order. Plain data in, plain data out; the page (pages/case.js) turns it into SVG and HTML.

/**
 * @typedef {import("app/contracts.js").CourseAnswer} CourseAnswer
 * @typedef {import("app/contracts.js").SessionInCourse} SessionInCourse
 * @typedef {"strength" | "learning"} Kind
 * @typedef {{ kind: Kind, sessionId: string, count: number, x: number, y: number, width: number, height: number }} Mark
 * @typedef {{ width: number, height: number, baseline: number, marks: Mark[], labels: { x: number, text: string }[] }} Chart
 */

/** The chart's measures, in SVG units: a group of two bars per session, the bars' height for the highest count. */
export const measures = { group: 56, bar: 18, gap: 4, plot: 96, top: 18, bottom: 22, side: 8 };

/**
 * A session's number as the therapist knows it: the manifest's course number, else its place in the course.
 * @param {SessionInCourse} session
 */
export const sessionNumber = session => session.course?.session ?? session.number;

/**
 * A goal's moments in each session, in course order (0 where the session has none).
 * @param {CourseAnswer} course
 * @param {string} goalId
 * @returns {{ session: SessionInCourse, strengths: number, learning: number }[]}
 */
export function goalRows(course, goalId) {
  return course.sessions.map(session => {
    const moments = session.goals.find(g => g.goalId === goalId);
    return { session, strengths: moments?.strengths ?? 0, learning: moments?.learning ?? 0 };
  });
}

/**
 * The highest count of any goal in any session, at least 1: every goal's chart has the same scale, so they compare.
 * @param {CourseAnswer} course
 */
export function highest(course) {
  return Math.max(1, ...course.sessions.flatMap(s => s.goals.flatMap(g => [g.strengths, g.learning])));
}

/**
 * One goal's chart: a mark per count above 0 (a bar from the baseline, its height the count on the course's scale),
 * and each session's number under its pair of bars.
 * @param {CourseAnswer} course
 * @param {string} goalId
 * @returns {Chart}
 */
export function goalChart(course, goalId) {
  const { group, bar, gap, plot, top, bottom, side } = measures;
  const scale = plot / highest(course);
  const baseline = top + plot;
  /** @type {Mark[]} */
  const marks = [];
  goalRows(course, goalId).forEach(({ session, strengths, learning }, i) => {
    const left = side + i * group + (group - 2 * bar - gap) / 2;
    /** @type {[Kind, number][]} */
    const counts = [["strength", strengths], ["learning", learning]];
    counts.forEach(([kind, count], k) => {
      if (count === 0) return;
      const height = round(count * scale);
      marks.push({ kind, sessionId: session.sessionId, count, x: left + k * (bar + gap), y: round(baseline - height), width: bar, height });
    });
  });
  const labels = course.sessions.map((s, i) => ({ x: side + i * group + group / 2, text: String(sessionNumber(s)) }));
  return { width: 2 * side + group * Math.max(1, course.sessions.length), height: baseline + bottom, baseline, marks, labels };
}

/**
 * The practice points recorded after the sessions, in course order, each with its session's number.
 * @param {CourseAnswer} course
 * @returns {{ number: number, sessionId: string, text: string }[]}
 */
export function practicePoints(course) {
  return course.sessions.flatMap(s => (s.practicePoint ? [{ number: sessionNumber(s), sessionId: s.sessionId, text: s.practicePoint }] : []));
}

/** @param {number} value */
const round = value => Math.round(value * 10) / 10;
