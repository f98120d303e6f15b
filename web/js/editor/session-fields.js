// The session's own fields under the tags: the method (its vocabulary), where the session is in the course and what
// kind of session it is, when the next feedback session is (the review queue's order), and the reel's order.
import { h, fill } from "app/dom.js";
import { said, t } from "app/i18n.js";
import { fromLocalInput, readersZone, toLocalInput } from "app/local-time.js";

/** @typedef {import("app/editor/tags.js").CourseFields} CourseFields */

/**
 * @param {{ onMethod: (method: string) => void, onChange: () => void }} actions
 */
export function sessionFields({ onMethod, onChange }) {
  const method = h("select", { id: "session-method", onchange: () => onMethod(method.value) });
  const courseSession = h("input", { id: "course-session", type: "number", min: 1, max: 100, inputmode: "numeric", onchange: onChange });
  const courseOf = h("input", { id: "course-of", type: "number", min: 1, max: 100, inputmode: "numeric", onchange: onChange });
  const type = h("select", { id: "session-type", onchange: onChange });
  // The browser's own date and time picker, on the reader's clock; the manifest gets the instant with its offset.
  const nextSession = h("input", { id: "next-session", type: "datetime-local", "aria-describedby": "next-session-hint", onchange: onChange });
  /** The next session as loaded: sent back as it was (its own offset) while the field still shows it. */
  let loadedNext = "";
  const order = h("select", { id: "reel-order", onchange: onChange },
    h("option", { value: "chronological" }, t("editor.order.chronological")), h("option", { value: "strengths-first" }, t("editor.order.strengthsFirst")));
  const element = h("fieldset", { class: "session-fields" }, h("legend", {}, t("editor.session")),
    h("div", { class: "field" }, h("label", { for: "session-method" }, t("editor.method")), method),
    h("div", { class: "field pair" },
      h("div", {}, h("label", { for: "course-session" }, t("editor.courseSession")), courseSession),
      h("div", {}, h("label", { for: "course-of" }, t("editor.courseOf")), courseOf)),
    h("div", { class: "field" }, h("label", { for: "session-type" }, t("editor.sessionType")), type),
    h("div", { class: "field" }, h("label", { for: "next-session" }, t("editor.nextSession")),
      h("p", { id: "next-session-hint", class: "hint" }, t("editor.nextSessionHint", { zone: readersZone() })), nextSession),
    h("div", { class: "field" }, h("label", { for: "reel-order" }, t("editor.order")), order));

  return {
    element,
    /**
     * The methods to choose from (named in the page's language), and the one chosen.
     * @param {{ method: string, name: string }[]} methods
     * @param {string} chosen
     */
    showMethods(methods, chosen) {
      fill(method, methods.map(m => h("option", { value: m.method }, said(`method.${m.method}`, undefined, m.name))));
      method.value = chosen;
    },
    /** @param {string} chosen */
    choose(chosen) { method.value = chosen; },
    /** @param {string[]} codes the kinds of session, named in the page's language */
    showSessionTypes(codes) {
      const chosen = type.value || type.dataset.loaded || "";
      fill(type, h("option", { value: "" }, t("editor.sessionTypeNone")), codes.map(c => h("option", { value: c }, t(`sessionType.${c}`))));
      type.value = chosen;
    },
    /** @returns {{ method: string, course: CourseFields, order: string, nextSessionAt: string }} */
    read: () => ({
      method: method.value, course: { session: courseSession.value, of: courseOf.value, type: type.value }, order: order.value,
      nextSessionAt: nextSession.value === toLocalInput(loadedNext) ? loadedNext : fromLocalInput(nextSession.value),
    }),
    /** @param {{ course: CourseFields, order: string, nextSessionAt: string }} loaded */
    show({ course, order: loadedOrder, nextSessionAt }) {
      courseSession.value = course.session;
      courseOf.value = course.of;
      // Kept until the kinds of session are there to choose from.
      type.dataset.loaded = course.type;
      type.value = course.type;
      order.value = loadedOrder;
      loadedNext = nextSessionAt;
      nextSession.value = toLocalInput(nextSessionAt);
    },
  };
}
