// The case's treatment goals: picked from the method's own goals (from its sources), or in the therapist's words.
// A moment can then name the goal it shows, and the case page follows each goal across the sessions.
import { h, fill } from "app/dom.js";
import { language, t } from "app/i18n.js";
import { addOwnGoal, chooseGoal } from "app/editor/tags.js";

/**
 * @typedef {import("app/editor/tags.js").Goal} Goal
 * @typedef {{ code: string, nl: string, en: string, for: string, source: string }} MethodGoal
 */

/**
 * @param {{ onChange: (goals: Goal[]) => void }} actions
 */
export function goalFields({ onChange }) {
  /** @type {Goal[]} */
  let goals = [];
  /** @type {MethodGoal[]} */
  let methodGoals = [];
  const offered = h("div", { id: "method-goals" });
  const own = h("ul", { id: "own-goals", class: "list" });
  const text = h("input", { id: "own-goal", type: "text", maxlength: 200 });
  const element = h("fieldset", { class: "goal-fields" }, h("legend", {}, t("editor.goals")),
    h("p", { class: "hint" }, t("editor.goalsHint")), offered, own,
    h("div", { class: "field inline-form" }, h("label", { for: "own-goal" }, t("editor.ownGoal")), text,
      h("button", { type: "button", id: "add-goal", onclick: () => {
        if (!text.value.trim()) { text.focus(); return; }
        change(addOwnGoal(goals, text.value.trim()));
        text.value = "";
      } }, t("editor.addGoal"))));

  /** @param {Goal[]} next */
  function change(next) {
    goals = next;
    show();
    onChange(goals);
  }

  function show() {
    const name = (/** @type {MethodGoal} */ g) => (language() === "en" ? g.en : g.nl);
    fill(offered, ["carer", "child"].map(side => {
      const ofSide = methodGoals.filter(g => g.for === side);
      return ofSide.length > 0 && h("fieldset", {}, h("legend", {}, t(`editor.goalsFor.${side}`)),
        ofSide.map(g => {
          const box = h("input", { type: "checkbox", id: `goal-${g.code}`, checked: goals.some(c => c.code === g.code),
            onchange: () => change(chooseGoal(goals, g.code, box.checked)) });
          return h("div", { class: "field check" }, box, h("label", { for: `goal-${g.code}` }, name(g)));
        }));
    }));
    fill(own, goals.filter(g => !g.code).map(g => h("li", { "data-goal": g.id }, g.text ?? g.id, " ",
      h("button", { type: "button", class: "link", "aria-label": t("editor.removeGoalLabel", { text: g.text ?? g.id }),
        onclick: () => change(goals.filter(x => x.id !== g.id)) }, t("editor.removeGoal")))));
  }

  return {
    element,
    /** @param {MethodGoal[]} goalsOfMethod the method's goals */
    showMethodGoals(goalsOfMethod) { methodGoals = goalsOfMethod; show(); },
    /** @param {Goal[]} loaded */
    show(loaded) { goals = loaded; show(); },
    read: () => goals,
    /** The method's goals, for naming a goal chosen by code. */
    methodGoals: () => methodGoals,
  };
}
