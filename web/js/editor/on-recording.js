// Who is visible or audible on the recording: the case's people (kept on the case page, under Privacy and consent)
// and anyone else. Consent is checked for exactly these people, so everyone of the case is ticked until the therapist
// says otherwise: a slip then asks for more consent, never less.
import { h, fill } from "app/dom.js";
import { t } from "app/i18n.js";

/** The id that stands for anyone else on a recording (a bystander): the API's own. */
export const someoneElse = "iemand-anders";

/**
 * The ids to tick: those the manifest named, or else every person of the case (not someone else).
 * @param {string[]} caseIds
 * @param {unknown} named the manifest's onRecording, if any
 */
export function chosenOnRecording(caseIds, named) {
  return Array.isArray(named) ? named.filter(id => typeof id === "string") : [...caseIds];
}

/** @param {{ caseId: string }} options */
export function onRecordingFields({ caseId }) {
  const list = h("div", { id: "on-recording", class: "checks" });
  const element = h("fieldset", { class: "on-recording" }, h("legend", {}, t("editor.onRecording")),
    h("p", { class: "hint" }, t("editor.onRecordingHint")), list);
  return {
    element,
    /**
     * @param {{ id: string, role: string }[]} people the case's people
     * @param {unknown} named the manifest's onRecording, if any
     */
    show(people, named) {
      const chosen = chosenOnRecording(people.map(p => p.id), named);
      const box = (/** @type {string} */ id, /** @type {any} */ label) => h("label", { class: "check" },
        h("input", { type: "checkbox", value: id, checked: chosen.includes(id), "data-on-recording": id }), " ", label);
      fill(list,
        people.length === 0 && h("p", { id: "no-case-people" }, t("editor.noCasePeople"), " ", h("a", { href: `/cases/${caseId}#privacy` }, t("editor.toCasePrivacy"))),
        people.map(p => box(p.id, [h("code", {}, p.id), " · ", t(`person.role.${p.role}`)])),
        box(someoneElse, t("editor.someoneElse")));
    },
    /** The ticked ids, in the order shown. */
    read: () => [...list.querySelectorAll("input:checked")].map(input => /** @type {HTMLInputElement} */ (input).value),
  };
}
