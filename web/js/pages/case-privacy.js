// Privacy and consent on the case page (its owner): the case's people with who holds parental authority, the consents
// per person and use, the recordings that miss one, and the end of the guidance with when the recordings are deleted.
import { api, idPattern } from "app/api.js";
import { authorityByDefault, means, recordingsMissing, scopes, withPerson } from "app/consent.js";
import { h, fill } from "app/dom.js";
import { idField, showProblems } from "app/form.js";
import { dateTime, t } from "app/i18n.js";
import { someoneElse } from "app/editor/on-recording.js";

/** @typedef {import("app/contracts.js").PrivacyAnswer} PrivacyAnswer */

/**
 * @param {{ caseId: string, signal: AbortSignal, roles: { code: string, actor: string }[], ageBands: string[] }} options
 * @param {PrivacyAnswer} start
 */
export function casePrivacy({ caseId, signal, roles, ageBands }, start) {
  const section = h("section", { id: "privacy", "aria-labelledby": "privacy-title" });
  const problems = h("div", { class: "problems", role: "alert", id: "privacy-problems" });
  const result = h("div", { role: "status", id: "privacy-result" });

  /** @param {string} path @param {RequestInit & { json?: unknown }} init */
  async function change(path, init) {
    fill(problems);
    try { show(await api(`cases/${caseId}/${path}`, { ...init, signal })); return true; }
    catch (error) { showProblems(problems, error); return false; }
  }

  /** @param {PrivacyAnswer} privacy */
  function show(privacy) {
    const person = idField({ id: "person-id", label: t("privacy.personId"), hint: t("privacy.personIdHint"), pattern: idPattern, invalid: t("id.invalid") });
    const role = h("select", { id: "person-role-case" }, roles.map(r => h("option", { value: r.code }, t(`person.role.${r.code}`))));
    const band = h("select", { id: "person-age-band" }, h("option", { value: "" }, t("privacy.noAgeBand")), ageBands.map(b => h("option", { value: b }, t("editor.ageBand", { band: b }))));
    const authority = h("input", { type: "checkbox", id: "person-authority", checked: authorityByDefault(role.value) });
    role.addEventListener("change", () => { authority.checked = authorityByDefault(role.value); });
    const addPerson = h("form", { id: "add-case-person", class: "inline-form", novalidate: true, onsubmit: async (/** @type {SubmitEvent} */ e) => {
      e.preventDefault();
      if (!person.check()) { person.input.focus(); return; }
      const people = withPerson(privacy.people, { id: person.input.value, role: role.value, ageBand: band.value || undefined, authority: authority.checked });
      await change("people", { method: "PUT", json: { people } });
    } }, person.field,
      h("div", { class: "field" }, h("label", { for: "person-role-case" }, t("editor.personRole")), role),
      h("div", { class: "field" }, h("label", { for: "person-age-band" }, t("privacy.ageBand")), band),
      h("label", { class: "check" }, authority, " ", t("privacy.authority")),
      h("button", { type: "submit" }, t("privacy.addPerson")));

    const giver = h("select", { id: "consent-person" }, [...privacy.people.map(p => p.id), someoneElse].map(id =>
      h("option", { value: id }, id === someoneElse ? t("editor.someoneElse") : id)));
    const scopeBoxes = scopes.map(s => h("label", { class: "check" }, h("input", { type: "checkbox", value: s, "data-scope": s }), " ", t(`consent.scope.${s}`)));
    const how = h("select", { id: "consent-means" }, means.map(m => h("option", { value: m }, t(`consent.means.${m}`))));
    const giveConsent = h("form", { id: "give-consent", novalidate: true, onsubmit: async (/** @type {SubmitEvent} */ e) => {
      e.preventDefault();
      const chosen = scopeBoxes.map(l => /** @type {HTMLInputElement} */ (l.firstChild)).filter(i => i.checked).map(i => i.value);
      await change("consents", { method: "POST", json: { person: giver.value, scopes: chosen, means: how.value } });
    } },
      h("div", { class: "field" }, h("label", { for: "consent-person" }, t("privacy.consentBy")), giver),
      h("fieldset", {}, h("legend", {}, t("privacy.consentFor")), scopeBoxes),
      h("div", { class: "field" }, h("label", { for: "consent-means" }, t("privacy.means")), how),
      h("button", { type: "submit" }, t("privacy.giveConsent")));

    fill(section,
      h("h2", { id: "privacy-title" }, t("privacy.caseTitle")),
      h("p", { class: "hint" }, t("privacy.caseIntro")),
      peopleTable(privacy),
      addPerson,
      h("h3", {}, t("privacy.consents")),
      consentList(privacy),
      giveConsent,
      h("h3", {}, t("privacy.recordings")),
      recordingList(privacy),
      h("h3", {}, t("privacy.endTitle")),
      endOfGuidance(privacy),
      result, problems);
  }

  /** @param {PrivacyAnswer} privacy */
  function consentList(privacy) {
    if (privacy.consents.length === 0) return h("p", { id: "consents" }, t("privacy.noConsents"));
    return h("ul", { id: "consents", class: "list" }, privacy.consents.map(c => h("li", { "data-consent": c.id, "data-person": c.person },
      c.person === someoneElse ? t("editor.someoneElse") : h("code", {}, c.person), " · ", c.scopes.map(s => t(`consent.scope.${s}`)).join(", "),
      " · ", t(`consent.means.${c.means}`), " · ", dateTime(c.givenAt),
      c.withdrawnAt ? [" · ", h("strong", {}, t("privacy.withdrawnOn", { when: dateTime(c.withdrawnAt) }))]
        : [" ", h("button", { type: "button", class: "link", "data-withdraw": c.id, onclick: async () => {
            if (!window.confirm(t("privacy.withdrawConfirm", { person: c.person }))) return;
            fill(problems);
            try {
              /** @type {import("app/contracts.js").ConsentWithdrawn} */
              const done = await api(`cases/${caseId}/consents/${c.id}/withdraw`, { method: "POST", signal });
              show(done.privacy);
              fill(result, h("p", { id: "withdrawn" }, t("privacy.withdrawn", { count: done.erased.length,
                sessions: done.erased.map(r => r.sessionId).join(", ") || "—" })));
            } catch (error) { showProblems(problems, error); }
          } }, t("privacy.withdraw"))])));
  }

  /** @param {PrivacyAnswer} privacy */
  function endOfGuidance(privacy) {
    if (privacy.mediaDeletedAt) return h("p", { id: "guidance-end" }, t("privacy.mediaDeleted", { when: dateTime(privacy.mediaDeletedAt) }));
    if (privacy.closedAt) return h("p", { id: "guidance-end" }, t("privacy.closedOn", { when: dateTime(privacy.closedAt) }), " ",
      privacy.hold ? t("privacy.heldNote", { reason: privacy.hold.reason }) : privacy.deleteAt && t("privacy.deleteOn", { when: dateTime(privacy.deleteAt) }));
    return h("div", { id: "guidance-end" }, h("p", {}, t("privacy.closeIntro", { days: privacy.retentionDays })),
      h("button", { type: "button", id: "close-guidance", onclick: async () => {
        if (window.confirm(t("privacy.closeConfirm", { days: privacy.retentionDays }))) await change("close", { method: "POST" });
      } }, t("privacy.close")));
  }

  show(start);
  return section;
}

/**
 * Per person: role, age band, authority, whose consent counts for them, and per use whether it is covered.
 * @param {PrivacyAnswer} privacy
 */
export function peopleTable(privacy) {
  if (privacy.people.length === 0) return h("p", { id: "case-people" }, t("privacy.noPeople"));
  return h("div", { class: "scroll" }, h("table", { id: "case-people" },
    h("caption", { class: "visually-hidden" }, t("privacy.peopleCaption", { caseId: privacy.caseId })),
    h("thead", {}, h("tr", {}, h("th", { scope: "col" }, t("privacy.col.person")), h("th", { scope: "col" }, t("privacy.col.authority")),
      h("th", { scope: "col" }, t("privacy.col.consentFrom")), scopes.map(s => h("th", { scope: "col" }, t(`consent.scope.${s}`))))),
    h("tbody", {}, privacy.people.map(p => h("tr", { "data-person": p.id },
      h("th", { scope: "row" }, h("code", {}, p.id), " · ", t(`person.role.${p.role}`), p.ageBand && ` (${t("editor.ageBand", { band: p.ageBand })})`),
      h("td", {}, t(p.authority ? "privacy.yes" : "privacy.no")),
      h("td", {}, p.noAuthority ? t("privacy.nobodyWithAuthority") : p.consentFrom.join(", ")),
      scopes.map(s => h("td", { "data-scope": s, "data-covered": String(p.covered.includes(s)) }, t(p.covered.includes(s) ? "privacy.given" : "privacy.missing"))))))));
}

/**
 * The recordings with who is on them and whom a use still needs, or when and why they were deleted.
 * @param {PrivacyAnswer} privacy
 */
export function recordingList(privacy) {
  if (privacy.recordings.length === 0) return h("p", { id: "privacy-recordings" }, t("privacy.noRecordings"));
  const missingFeedback = new Set(recordingsMissing(privacy, "missingFeedback").map(r => r.sessionId));
  return h("ul", { id: "privacy-recordings", class: "list" }, privacy.recordings.map(r => h("li", { "data-recording": r.sessionId },
    h("code", {}, r.sessionId), " · ", t("privacy.onRecording", { people: r.onRecording.map(id => id === someoneElse ? t("editor.someoneElse") : id).join(", ") }),
    r.erasedAt && " · ", r.erasedAt && h("strong", {}, t(`privacy.erased.${r.erasedBecause ?? "withdrawn"}`, { when: dateTime(r.erasedAt) })),
    missingFeedback.has(r.sessionId) && " · ",
    missingFeedback.has(r.sessionId) && h("strong", { "data-missing": "terugkijken" }, t("privacy.missingFeedback", { people: r.missingFeedback.map(m => m.person).join(", ") })),
    !r.erasedAt && r.missingSupervision.length > 0 && " · ",
    !r.erasedAt && r.missingSupervision.length > 0 && h("span", { "data-missing": "supervisie" }, t("privacy.missingSupervision", { people: r.missingSupervision.map(m => m.person).join(", ") })))));
}
