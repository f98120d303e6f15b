// The privacy officer's overview: per case the consent per person and use, the recordings missing consent, the
// deletions due in the next 30 days and the legal holds, with a hold set or lifted here.
import { api, idPattern } from "app/api.js";
import { dueWithin, recordingsMissing, scopes } from "app/consent.js";
import { h, fill } from "app/dom.js";
import { idField, showProblems } from "app/form.js";
import { dateTime, t } from "app/i18n.js";

/** @typedef {import("app/contracts.js").PrivacyAnswer} PrivacyAnswer */

/** The window of deletions the overview calls due. */
const dueDays = 30;

/** @param {{ signal: AbortSignal }} options */
export function privacyOverview({ signal }) {
  const table = h("div", { id: "privacy-overview", "aria-live": "polite" });
  const problems = h("div", { class: "problems", role: "alert" });
  const holdCase = idField({ id: "hold-case", label: t("privacy.holdCaseId"), hint: t("privacy.holdCaseHint"), pattern: idPattern, invalid: t("id.invalid") });
  const reason = h("input", { id: "hold-reason", type: "text", maxlength: "300", autocomplete: "off" });
  const holdForm = h("form", { id: "hold-form", novalidate: true, onsubmit: async (/** @type {SubmitEvent} */ e) => {
    e.preventDefault();
    if (!holdCase.check()) { holdCase.input.focus(); return; }
    await act(`cases/${holdCase.input.value}/hold`, { method: "PUT", json: { reason: reason.value } });
  } }, holdCase.field, h("div", { class: "field" }, h("label", { for: "hold-reason" }, t("privacy.holdReason")), reason),
    h("button", { type: "submit" }, t("privacy.setHold")));

  /** @param {string} path @param {RequestInit & { json?: unknown }} init */
  async function act(path, init) {
    fill(problems);
    try { await api(path, { ...init, signal }); await load(); } catch (error) { showProblems(problems, error); }
  }

  async function load() {
    try {
      /** @type {import("app/contracts.js").PrivacyOverview} */
      const overview = await api("privacy/cases", { signal });
      fill(table, overview.cases.length === 0 ? h("p", {}, t("privacy.noCases")) : h("div", { class: "scroll" }, h("table", {},
        h("caption", {}, t("privacy.overviewCaption", { days: overview.retentionDays })),
        h("thead", {}, h("tr", {}, ["case", "consent", "missing", "deletion", "hold"].map(c => h("th", { scope: "col" }, t(`privacy.overview.${c}`))))),
        h("tbody", {}, overview.cases.map(row)))));
    } catch (error) { showProblems(problems, error); }
  }

  /** @param {PrivacyAnswer} c */
  function row(c) {
    const missing = recordingsMissing(c, "missingFeedback");
    return h("tr", { "data-case": c.caseId },
      h("th", { scope: "row" }, h("code", {}, c.caseId)),
      h("td", {}, c.people.length === 0 ? t("privacy.noPeople") : h("ul", { class: "plain" }, c.people.map(p => h("li", { "data-person": p.id },
        h("code", {}, p.id), ": ", scopes.filter(s => p.covered.includes(s)).map(s => t(`consent.scope.${s}`)).join(", ") || t("privacy.noConsent"))))),
      h("td", { "data-missing": String(missing.length) }, missing.length === 0 ? "—" : missing.map(r => r.sessionId).join(", ")),
      h("td", {}, c.mediaDeletedAt ? t("privacy.mediaDeleted", { when: dateTime(c.mediaDeletedAt) })
        : c.deleteAt && dueWithin(c, dueDays, new Date()) ? h("strong", { "data-due": c.deleteAt }, t("privacy.deleteOn", { when: dateTime(c.deleteAt) }))
        : c.closedAt ? t("privacy.closedOn", { when: dateTime(c.closedAt) }) : "—"),
      h("td", {}, c.hold ? [h("span", { "data-hold": c.caseId }, t("privacy.heldNote", { reason: c.hold.reason })), " ",
        h("button", { type: "button", class: "link", onclick: () => act(`cases/${c.caseId}/hold`, { method: "DELETE" }) }, t("privacy.liftHold"))] : "—"));
  }

  void load();
  return [table, h("h3", {}, t("privacy.holdTitle")), h("p", { class: "hint" }, t("privacy.holdIntro")), holdForm, problems];
}
