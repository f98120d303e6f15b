// The therapist's cases: those they own and those shared with them, and a form to create one.
import { api, idPattern } from "app/api.js";
import { h, fill } from "app/dom.js";
import { askForAddress } from "app/pages/notifications.js";
import { idField, showProblems } from "app/form.js";
import { t } from "app/i18n.js";

/** @typedef {import("app/contracts.js").CaseSummary} CaseSummary */

/** @type {import("app/main.js").Page} */
export async function casesPage({ main, signal, go, roles }) {
  const [cases, ask] = await Promise.all([/** @type {Promise<CaseSummary[]>} */ (api("cases", { signal })), askForAddress(signal)]);
  const { field, input, check } = idField({ id: "case-id", label: t("cases.newId"), hint: t("cases.newIdHint"),
    pattern: idPattern, invalid: t("id.invalid"), placeholder: "fam-0042" });
  const problems = h("div", { class: "problems", role: "alert" });
  const form = h("form", { class: "inline-form", novalidate: true, onsubmit: async (/** @type {SubmitEvent} */ e) => {
    e.preventDefault();
    if (!check()) { input.focus(); return; }
    try {
      await api("cases", { method: "POST", json: { caseId: input.value }, signal });
      go(`/cases/${input.value}`);
    } catch (error) {
      showProblems(problems, error);
    }
  } }, field, h("button", { type: "submit", class: "primary" }, t("cases.create")), problems);

  fill(main,
    h("h1", { tabindex: "-1" }, t("cases.title")),
    ask,
    cases.length === 0
      ? h("p", { role: "status" }, t("cases.empty"))
      : h("ul", { class: "list" }, cases.map(c => h("li", {},
          h("a", { href: `/cases/${c.caseId}` }, c.caseId), " ", h("span", { class: "muted" }, t(`role.${c.role}`))))),
    roles.includes("therapist") && h("section", { "aria-labelledby": "new-case" }, h("h2", { id: "new-case" }, t("cases.new")),
      h("p", { class: "hint" }, t("cases.pseudonym")), form));
}
