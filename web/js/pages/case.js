// One case: its sessions (where the pipeline is, the review's outcome, the reel), its course across them (Verloop: per
// treatment goal the strengths and moments to look at together per session, and the practice points in order), who it
// is shared with (share with a reviewer by Entra object id, or take it back), a new session, and for its owner privacy
// and consent (case-privacy.js).
import { api, idPattern, objectIdPattern } from "app/api.js";
import { goalChart, goalRows, practicePoints, sessionNumber } from "app/course.js";
import { casePrivacy } from "app/pages/case-privacy.js";
import { h, fill, svg } from "app/dom.js";
import { idField, showProblems } from "app/form.js";
import { dateTime, stateText, t } from "app/i18n.js";

/**
 * @typedef {import("app/contracts.js").CaseDetails} CaseDetails
 * @typedef {import("app/contracts.js").SessionSummary} SessionSummary
 * @typedef {import("app/contracts.js").CourseAnswer} CourseAnswer
 */

/** @type {import("app/main.js").Page} */
export async function casePage(context, caseId) {
  const { main, signal, go } = context;
  /** @type {[CaseDetails, SessionSummary[], CourseAnswer]} */
  const [found, sessions, course] = await Promise.all([api(`cases/${caseId}`, { signal }), api(`cases/${caseId}/sessions`, { signal }),
    api(`cases/${caseId}/course`, { signal })]);
  const owner = found.role === "owner";
  // Privacy and consent are the owner's (and the privacy officer's): a reviewer's page asks for none of it.
  /** @type {[import("app/contracts.js").PrivacyAnswer, import("app/contracts.js").MethodDetails] | null} */
  const privacy = owner ? await Promise.all([api(`cases/${caseId}/privacy`, { signal }), api("methods/basic-trust", { signal })]) : null;
  const problems = h("div", { class: "problems", role: "alert" });

  const share = idField({ id: "reviewer-id", label: t("case.reviewerId"), hint: t("case.reviewerIdHint"),
    pattern: objectIdPattern, invalid: t("case.reviewerIdInvalid"), placeholder: "22222222-2222-4222-8222-222222222222" });
  const shareForm = h("form", { class: "inline-form", novalidate: true, onsubmit: async (/** @type {SubmitEvent} */ e) => {
    e.preventDefault();
    if (!share.check()) { share.input.focus(); return; }
    try {
      await api(`cases/${caseId}/reviewers/${share.input.value.toLowerCase()}`, { method: "PUT", signal });
      await casePage(context, caseId);
      /** @type {HTMLElement | null} */ (main.querySelector("#reviewers"))?.focus();
    } catch (error) { showProblems(problems, error); }
  } }, share.field, h("button", { type: "submit" }, t("case.share")));

  const session = idField({ id: "session-id", label: t("case.sessionId"), hint: t("case.sessionIdHint"),
    pattern: idPattern, invalid: t("id.invalid") });
  const sessionForm = h("form", { class: "inline-form", novalidate: true, onsubmit: (/** @type {SubmitEvent} */ e) => {
    e.preventDefault();
    if (!session.check()) { session.input.focus(); return; }
    go(`/cases/${caseId}/sessions/${session.input.value}`);
  } }, session.field, h("button", { type: "submit", class: "primary" }, t("case.openSession")));

  fill(main,
    h("p", {}, h("a", { href: "/cases" }, t("case.back"))),
    h("h1", { tabindex: "-1" }, t("case.title", { caseId })),
    h("p", { class: "muted" }, t(`role.${found.role}`), " · ", t("case.created", { when: dateTime(found.createdAt) })),
    h("section", { "aria-labelledby": "sessions-title" },
      h("h2", { id: "sessions-title" }, t("case.sessions")),
      sessions.length === 0
        ? h("p", { id: "sessions" }, t("case.noSessions"))
        : h("ul", { id: "sessions", class: "list" }, sessions.map(s => sessionItem(caseId, s, owner)))),
    (course.goals.length > 0 || practicePoints(course).length > 0) && courseSection(course),
    owner && h("section", { "aria-labelledby": "new-session" }, h("h2", { id: "new-session" }, t("case.newSession")), sessionForm),
    privacy && casePrivacy({ caseId, signal, roles: privacy[1].roles ?? [], ageBands: privacy[1].ageBands ?? [] }, privacy[0]),
    h("section", { "aria-labelledby": "reviewers-title" },
      h("h2", { id: "reviewers-title" }, t("case.reviewers")),
      (found.reviewers ?? []).length === 0
        ? h("p", { id: "reviewers", tabindex: "-1" }, t("case.noReviewers"))
        : h("ul", { id: "reviewers", class: "list", tabindex: "-1" }, (found.reviewers ?? []).map(oid => h("li", {},
            h("code", {}, oid), " ",
            owner && h("button", { type: "button", class: "link", "aria-label": t("case.unshareLabel", { oid }), onclick: async () => {
              try { await api(`cases/${caseId}/reviewers/${oid}`, { method: "DELETE", signal }); await casePage(context, caseId); }
              catch (error) { showProblems(problems, error); }
            } }, t("case.unshare"))))),
      owner && shareForm,
      problems));
}

/**
 * A session in one line: its id (for the owner a link to it), where the pipeline is, the review's outcome, the next
 * feedback session (in the reader's language and time zone), the reel.
 * @param {string} caseId
 * @param {SessionSummary} session
 * @param {boolean} owner
 */
function sessionItem(caseId, session, owner) {
  const { sessionId, state, decision, comments = 0, nextSessionAt } = session;
  const review = decision ? t(`case.decision.${decision}`, { count: comments }) : comments > 0 && t("case.comments", { count: comments });
  return h("li", { "data-session": sessionId },
    owner ? h("a", { href: `/cases/${caseId}/sessions/${sessionId}` }, sessionId) : sessionId,
    " · ", stateText(session),
    review && [" · ", review],
    nextSessionAt && [" · ", h("span", { class: "next-session" }, t("case.nextSession", { when: dateTime(nextSessionAt) }))],
    state === "ready" && [" · ", h("a", { href: `/reels/${caseId}/${sessionId}` }, t("case.openReel"))]);
}

/**
 * Verloop: per treatment goal a small chart of the sessions' strengths and moments to look at together (one scale for
 * every goal), the same numbers as a table for screen readers and anyone who wants them, and the practice points in
 * course order.
 * @param {CourseAnswer} course
 */
function courseSection(course) {
  const points = practicePoints(course);
  return h("section", { id: "course", "aria-labelledby": "course-title" },
    h("h2", { id: "course-title" }, t("course.title")),
    course.goals.length === 0
      ? h("p", { id: "course-no-goals" }, t("course.noGoals"))
      : [h("p", { class: "legend", "aria-hidden": "true" },
          h("span", { class: "key strength" }), t("course.strengths"), " ", h("span", { class: "key learning" }), t("course.learning")),
        ...course.goals.map(goal => goalFigure(course, goal))],
    h("h3", {}, t("course.practicePoints")),
    points.length === 0
      ? h("p", { id: "practice-points" }, t("course.noPracticePoints"))
      : h("ol", { id: "practice-points", class: "practice-points" }, points.map(p =>
        h("li", { "data-session": p.sessionId }, h("strong", {}, `${t("course.session", { number: p.number })}: `), p.text))));
}

/**
 * One goal: its chart (an image to assistive technology, named by what it shows) and its table.
 * @param {CourseAnswer} course
 * @param {import("app/contracts.js").Goal} goal
 */
function goalFigure(course, goal) {
  const chart = goalChart(course, goal.id);
  const label = t("course.chartLabel", { goal: goal.text });
  return h("figure", { class: "course-goal", "data-goal": goal.id },
    h("figcaption", {}, goal.text),
    // Drawn half as large again as its units: a few sessions make a small chart.
    svg("svg", { class: "course-chart", role: "img", "aria-label": label, viewBox: `0 0 ${chart.width} ${chart.height}`, width: 1.5 * chart.width, height: 1.5 * chart.height },
      svg("line", { class: "baseline", x1: 0, x2: chart.width, y1: chart.baseline, y2: chart.baseline }),
      chart.marks.flatMap(m => [
        svg("rect", { class: `mark ${m.kind}`, x: m.x, y: m.y, width: m.width, height: m.height, "data-session": m.sessionId, "data-count": m.count }),
        svg("text", { class: "count", x: m.x + m.width / 2, y: m.y - 4, "text-anchor": "middle" }, String(m.count)),
      ]),
      chart.labels.map(l => svg("text", { class: "session", x: l.x, y: chart.height - 6, "text-anchor": "middle" }, l.text))),
    h("details", {},
      h("summary", {}, t("course.table")),
      h("table", { class: "course-table" },
        h("caption", { class: "visually-hidden" }, t("course.tableCaption", { goal: goal.text })),
        h("thead", {}, h("tr", {},
          h("th", { scope: "col" }, t("course.sessionColumn")), h("th", { scope: "col" }, t("course.strengths")), h("th", { scope: "col" }, t("course.learning")))),
        h("tbody", {}, goalRows(course, goal.id).map(row => h("tr", { "data-session": row.session.sessionId },
          h("th", { scope: "row" }, t("course.session", { number: sessionNumber(row.session) }),
            row.session.course?.type && h("span", { class: "muted" }, ` · ${t(`sessionType.${row.session.course.type}`)}`)),
          h("td", {}, String(row.strengths)), h("td", {}, String(row.learning))))))));
}
