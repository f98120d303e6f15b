// The privacy officer's page: purge a case whose consent was withdrawn (typed twice, so a slip cannot purge the wrong
// family), and read the audit log a day at a time.
import { api, idPattern } from "app/api.js";
import { h, fill } from "app/dom.js";
import { idField, showProblems } from "app/form.js";
import { dateTime, said, t } from "app/i18n.js";

/**
 * @typedef {import("app/contracts.js").AuditPart} AuditPart
 * @typedef {import("app/contracts.js").CasePurged} Purged
 */

/**
 * Who did it: a person's object id, or in words the pipeline and a request without a sign-in.
 * @param {string} id
 */
function who(id) {
  return id === "pipeline" || id === "anonymous" || id === "mail" ? said(`audit.who.${id}`, undefined, id) : h("code", {}, id);
}

/** @type {import("app/main.js").Page} */
export async function privacyPage({ main, signal }) {
  const purgeId = idField({ id: "purge-case", label: t("privacy.caseId"), hint: t("privacy.caseIdHint"), pattern: idPattern, invalid: t("id.invalid") });
  const confirm = idField({ id: "purge-confirm", label: t("privacy.confirm"), hint: t("privacy.confirmHint"), pattern: idPattern, invalid: t("id.invalid") });
  const purgeButton = h("button", { type: "submit", class: "danger", disabled: true }, t("privacy.purge"));
  // What the purge did is a status; what went wrong, an alert.
  const purgeResult = h("div", { id: "purge-result", role: "status" });
  const purgeProblems = h("div", { role: "alert", class: "problems" });
  // The button stays off until both fields hold the same valid id.
  const match = () => { purgeButton.disabled = !(purgeId.check() && confirm.input.value === purgeId.input.value); };
  purgeId.input.addEventListener("input", match);
  confirm.input.addEventListener("input", match);
  const purgeForm = h("form", { novalidate: true, onsubmit: async (/** @type {SubmitEvent} */ e) => {
    e.preventDefault();
    if (purgeButton.disabled) return;
    purgeButton.disabled = true;
    try {
      fill(purgeProblems);
      /** @type {Purged} */
      const purged = await api(`cases/${purgeId.input.value}`, { method: "DELETE", signal });
      fill(purgeResult, h("p", {}, purgedText(purged)));
      purgeId.input.value = confirm.input.value = "";
    } catch (error) {
      fill(purgeResult);
      showProblems(purgeProblems, error);
      match();
    }
  } }, purgeId.field, confirm.field, purgeButton, purgeResult, purgeProblems);

  const day = h("input", { id: "audit-day", type: "date", required: true, value: new Date().toISOString().slice(0, 10) });
  const log = h("div", { id: "audit-log", "aria-live": "polite" });
  /** @param {number} part */
  async function read(part) {
    try {
      /** @type {AuditPart} */
      const found = await api(`audit/${day.value}?part=${part}`, { signal });
      // The entries as written; a torn write (found.unreadable) has no cells to show.
      const entries = found.entries;
      fill(log, entries.length === 0 ? h("p", {}, t("privacy.noEntries")) : h("div", { class: "scroll" }, h("table", { class: "audit" },
        h("caption", {}, t("privacy.logCaption", { day: found.day, part: found.part + 1 })),
        h("thead", {}, h("tr", {}, ["at", "who", "action", "target"].map(c => h("th", { scope: "col" }, t(`privacy.col.${c}`))))),
        h("tbody", {}, entries.map(entry => h("tr", { "data-action": entry.action },
          h("td", {}, new Date(entry.at).toLocaleTimeString()), h("td", {}, who(entry.who)),
          h("td", {}, said(`audit.${entry.action}`, undefined, entry.action)), h("td", {}, h("code", {}, entry.target))))))),
        found.nextPart !== undefined && found.nextPart !== null && h("button", { type: "button", onclick: () => read(/** @type {number} */ (found.nextPart)) }, t("privacy.nextPart")));
    } catch (error) { showProblems(log, error); }
  }
  const auditForm = h("form", { novalidate: true, onsubmit: (/** @type {SubmitEvent} */ e) => { e.preventDefault(); void read(0); } },
    h("div", { class: "field" }, h("label", { for: "audit-day" }, t("privacy.day")), day),
    h("button", { type: "submit" }, t("privacy.read")));

  fill(main,
    h("h1", { tabindex: "-1" }, t("privacy.title")),
    h("section", { "aria-labelledby": "purge-title" }, h("h2", { id: "purge-title" }, t("privacy.purgeTitle")),
      h("p", {}, t("privacy.purgeIntro")), purgeForm),
    h("section", { "aria-labelledby": "audit-title" }, h("h2", { id: "audit-title" }, t("privacy.auditTitle")), auditForm, log));
}

/**
 * What a purge did. Run again on a purged case it says so, and when, rather than "purged: 0 files".
 * @param {Purged} purged
 */
function purgedText({ caseId, removed, purgedBefore }) {
  if (!purgedBefore) return t("privacy.purged", { caseId, ...removed });
  const when = dateTime(purgedBefore);
  return removed.blobs + removed.reviews + removed.messages === 0
    ? t("privacy.alreadyPurged", { caseId, when })
    : t("privacy.alreadyPurgedRest", { caseId, when, ...removed });
}
