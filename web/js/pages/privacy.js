// The privacy officer's page: consent and deletions across the cases (privacy-overview.js), purge a case whose consent was withdrawn (typed twice, so a slip cannot purge the wrong
// family), and read the audit log a day at a time.
import { api, idPattern } from "app/api.js";
import { h, fill } from "app/dom.js";
import { idField, showProblems } from "app/form.js";
import { dateTime, said, t } from "app/i18n.js";
import { privacyOverview } from "app/pages/privacy-overview.js";

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

/** The audit log's actions, for the filter (the catalogue says each as audit.{action}). */
const actions = ["create-case", "share", "unshare", "upload-link", "read-link", "preview-made", "safety-concern", "review-decision",
  "reviewed", "refused", "read-audit", "purge-requested", "purge-case", "notification-settings", "mail-undeliverable", "conversation-recorded",
  "set-people", "consent-given", "consent-withdrawn", "erase-requested", "erase-recording", "guidance-ended", "hold-set", "hold-lifted", "read-privacy-overview"];

/**
 * A time of day in UTC, as the day is: 09:04:12 UTC.
 * @param {string} iso
 */
function utcTime(iso) {
  return `${new Date(iso).toISOString().slice(11, 19)} UTC`;
}

/**
 * The case and session a link's target lies in: reels/fam-1/s-1/… gives fam-1/s-1.
 * @param {string} target
 */
function sessionOf(target) {
  return target.split("/").slice(1, 3).join("/");
}

/**
 * The entries as rows: the read links one person was handed for one session's page within a minute are one row,
 * which lists them (a reel page asks for a link to every clip, still and caption at once).
 * @param {AuditPart["entries"]} entries
 */
function grouped(entries) {
  /** @type {{ entry: AuditPart["entries"][number], targets: string[] }[]} */
  const rows = [];
  for (const entry of entries) {
    const last = rows.at(-1);
    if (last && entry.action === "read-link" && last.entry.action === "read-link" && last.entry.who === entry.who
      && sessionOf(last.entry.target) === sessionOf(entry.target) && Date.parse(entry.at) - Date.parse(last.entry.at) < 60_000)
      last.targets.push(entry.target);
    else rows.push({ entry, targets: [entry.target] });
  }
  return rows;
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
  const caseFilter = idField({ id: "audit-case", label: t("privacy.filterCase"), hint: t("privacy.filterHint"), pattern: idPattern, invalid: t("id.invalid") });
  const person = h("input", { id: "audit-who", type: "text", autocomplete: "off", spellcheck: "false" });
  const action = h("select", { id: "audit-action" }, h("option", { value: "" }, t("privacy.allActions")),
    actions.map(a => h("option", { value: a }, t(`audit.${a}`))));
  const download = h("a", { id: "audit-csv", download: "" }, t("privacy.csv"));
  const log = h("div", { id: "audit-log", "aria-live": "polite" });
  /** The filters as the API's query; the CSV link follows them. */
  const query = () => {
    const q = new URLSearchParams();
    if (caseFilter.input.value) q.set("case", caseFilter.input.value);
    if (person.value.trim()) q.set("who", person.value.trim());
    if (action.value) q.set("action", action.value);
    return q;
  };
  const follow = () => {
    const q = query();
    q.set("format", "csv");
    download.setAttribute("href", `/api/audit/${day.value}?${q}`);
  };
  for (const input of [day, caseFilter.input, person, action]) input.addEventListener("input", follow);
  follow();
  /** @param {number} part */
  async function read(part) {
    try {
      const q = query();
      q.set("part", String(part));
      /** @type {AuditPart} */
      const found = await api(`audit/${day.value}?${q}`, { signal });
      // The entries as written; a torn write (found.unreadable) has no cells to show.
      const rows = grouped(found.entries);
      fill(log, rows.length === 0 ? h("p", {}, t(q.has("case") || q.has("who") || q.has("action") ? "privacy.noMatches" : "privacy.noEntries")) : h("div", { class: "scroll" }, h("table", { class: "audit" },
        h("caption", {}, t("privacy.logCaption", { day: found.day, part: found.part + 1 })),
        h("thead", {}, h("tr", {}, ["at", "who", "action", "target"].map(c => h("th", { scope: "col" }, t(`privacy.col.${c}`))))),
        h("tbody", {}, rows.map(({ entry, targets }) => h("tr", { "data-action": entry.action, "data-count": String(targets.length) },
          h("td", {}, h("time", { datetime: entry.at }, utcTime(entry.at))), h("td", {}, who(entry.who)),
          h("td", {}, said(`audit.${entry.action}`, undefined, entry.action), targets.length > 1 && ` (${t("privacy.times", { count: targets.length })})`),
          h("td", {}, targets.length === 1 ? h("code", {}, entry.target)
            : h("details", {}, h("summary", {}, t("privacy.links", { count: targets.length, session: sessionOf(entry.target) })),
              h("ul", {}, targets.map(target => h("li", {}, h("code", {}, target))))))))))),
        found.nextPart !== undefined && found.nextPart !== null && h("button", { type: "button", onclick: () => read(/** @type {number} */ (found.nextPart)) }, t("privacy.nextPart")));
    } catch (error) { showProblems(log, error); }
  }
  const auditForm = h("form", { novalidate: true, onsubmit: (/** @type {SubmitEvent} */ e) => {
    e.preventDefault();
    if (caseFilter.input.value && !caseFilter.check()) return;
    void read(0);
  } },
    h("div", { class: "field" }, h("label", { for: "audit-day" }, t("privacy.day")), day),
    caseFilter.field,
    h("div", { class: "field" }, h("label", { for: "audit-who" }, t("privacy.filterWho")), person),
    h("div", { class: "field" }, h("label", { for: "audit-action" }, t("privacy.filterAction")), action),
    h("div", { class: "actions" }, h("button", { type: "submit" }, t("privacy.read")), download));

  fill(main,
    h("h1", { tabindex: "-1" }, t("privacy.title")),
    h("section", { "aria-labelledby": "consent-title" }, h("h2", { id: "consent-title" }, t("privacy.overviewTitle")), privacyOverview({ signal })),
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
