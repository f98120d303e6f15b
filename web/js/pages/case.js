// One case: its sessions (where the pipeline is, the review's outcome, the reel), who it is shared with (share with a
// reviewer by Entra object id, or take it back), and a new session.
import { api, idPattern, objectIdPattern } from "app/api.js";
import { h, fill } from "app/dom.js";
import { idField, showProblems } from "app/form.js";
import { dateTime, stateText, t } from "app/i18n.js";

/**
 * @typedef {import("app/contracts.js").CaseDetails} CaseDetails
 * @typedef {import("app/contracts.js").SessionSummary} SessionSummary
 */

/** @type {import("app/main.js").Page} */
export async function casePage(context, caseId) {
  const { main, signal, go } = context;
  /** @type {[CaseDetails, SessionSummary[]]} */
  const [found, sessions] = await Promise.all([api(`cases/${caseId}`, { signal }), api(`cases/${caseId}/sessions`, { signal })]);
  const owner = found.role === "owner";
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
    owner && h("section", { "aria-labelledby": "new-session" }, h("h2", { id: "new-session" }, t("case.newSession")), sessionForm),
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
