// The form of the tag being made or changed: its in, out and key moment (marked from the player), its label (the
// picker), kind, emphasis, who it is about, its caption and who speaks it, note, goal, and whether it is in the reel or
// a concern.
import { h, fill } from "app/dom.js";
import { clock, t } from "app/i18n.js";
import { labelPicker } from "app/editor/label-picker.js";
import { draftProblem, emphases, emphasisFields, kinds, labelOf, nextEmphasis, round } from "app/editor/tags.js";

/**
 * @typedef {import("app/editor/tags.js").EditorTag} EditorTag
 * @typedef {import("app/editor/tags.js").Draft} Draft
 */

/**
 * @param {{ signal: AbortSignal, vocabulary: () => import("app/editor/tags.js").Vocabulary | undefined,
 *   onSave: (id: string | null, fields: Omit<EditorTag, "id">) => void, onRemove: (id: string | null) => void,
 *   onPicked: () => void }} actions
 *   onSave gets the id of the tag being changed (null for a new one); onPicked comes after a label was picked
 */
export function tagForm({ signal, vocabulary, onSave, onRemove, onPicked }) {
  /** The id of the tag being edited, or null for a new one (positions change as tags are sorted). */
  /** @type {string | null} */
  let editing = null;
  /** The tag as it was loaded, for the fields the form does not show (an emphasis's own length). */
  /** @type {EditorTag | undefined} */
  let loaded;
  /** @type {Draft} */
  let draft = {};

  const picker = labelPicker({ signal, vocabulary, onTyping: () => { draft.label = undefined; }, onEscape: onPicked,
    onChoose: (code, picking) => {
      draft.label = code;
      const label = labelOf(vocabulary(), code);
      showKinds(label ? t(`valence.${label.valence}`) : "–");
      showDraft();
      // Back to the player: the next keys are its shortcuts.
      if (picking) onPicked();
    } });
  const inOut = h("p", { id: "tag-times", "aria-live": "polite" });
  const valence = h("select", { id: "tag-valence" });
  const emphasis = h("select", { id: "tag-emphasis", "aria-keyshortcuts": "U" },
    emphases.map(e => h("option", { value: e }, t(`editor.emphasis.${e || "none"}`))));
  const note = h("textarea", { id: "tag-note", rows: 2, maxlength: 2000 });
  const caption = h("input", { id: "tag-caption", type: "text", maxlength: 200, placeholder: "Jij bent boos, hè?" });
  const goal = h("select", { id: "tag-goal" });
  const actor = h("select", { id: "tag-actor" });
  const voice = h("select", { id: "tag-voice" });
  const goalField = h("div", { class: "field", id: "tag-goal-field", hidden: true }, h("label", { for: "tag-goal" }, t("editor.goal")), goal);
  const concern = h("input", { id: "tag-concern", type: "checkbox" });
  const inReel = h("input", { id: "tag-select", type: "checkbox", checked: true });
  const title = h("h3", { id: "tag-form-title" }, t("editor.newTag"));
  const formProblem = h("p", { class: "error", "aria-live": "polite" });
  const saveButton = h("button", { type: "submit", class: "primary" }, t("editor.add"));
  const removeButton = h("button", { type: "button", class: "danger", hidden: true, onclick: () => onRemove(editing) }, t("editor.remove"));
  const element = h("form", { id: "tag-form", novalidate: true, onsubmit: (/** @type {SubmitEvent} */ e) => { e.preventDefault(); save(); } },
    title, inOut, picker.element,
    h("div", { class: "field" }, h("label", { for: "tag-valence" }, t("editor.valence")), valence),
    h("div", { class: "field" }, h("label", { for: "tag-actor" }, t("editor.actor")), actor),
    h("div", { class: "field" }, h("label", { for: "tag-emphasis" }, t("editor.emphasis")), h("p", { class: "hint" }, t("editor.emphasisHint")), emphasis),
    h("div", { class: "field" }, h("label", { for: "tag-caption" }, t("editor.caption")), h("p", { class: "hint" }, t("editor.captionHint")), caption),
    h("div", { class: "field" }, h("label", { for: "tag-voice" }, t("editor.voice")), voice),
    h("div", { class: "field" }, h("label", { for: "tag-note" }, t("editor.note")), h("p", { class: "hint" }, t("editor.noteHint")), note),
    goalField,
    h("div", { class: "field check" }, inReel, h("label", { for: "tag-select" }, t("editor.inReel"))),
    h("div", { class: "field check" }, concern, h("label", { for: "tag-concern" }, t("editor.concern"))),
    formProblem,
    h("div", { class: "controls" }, saveButton, h("button", { type: "button", onclick: () => edit(undefined) }, t("editor.clear")), removeButton));

  /** @param {string} labelKind the label's own kind, named in the first option ("as the label: …") */
  function showKinds(labelKind) {
    fill(valence, h("option", { value: "" }, t("editor.valenceDefault", { valence: labelKind })), kinds.map(v => h("option", { value: v }, t(`valence.${v}`))));
  }

  function showDraft() {
    const { start, end, keyMoment } = draft;
    inOut.textContent = t("editor.inOut", {
      in: start === undefined ? "–" : clock(start), out: end === undefined ? "–" : clock(end),
      key: keyMoment === undefined ? t("editor.keyDefault") : clock(keyMoment),
    });
    formProblem.textContent = "";
  }

  /** @param {EditorTag | undefined} tag the tag to load into the form, or undefined for a new one */
  function edit(tag) {
    editing = tag?.id ?? null;
    loaded = tag;
    draft = tag ? { start: tag.start, end: tag.end, keyMoment: tag.keyMoment, label: tag.label } : {};
    if (tag) picker.choose(tag.label); else { picker.clear(); fill(valence, h("option", { value: "" }, t("editor.valenceDefault", { valence: "–" }))); }
    valence.value = tag?.valence ?? "";
    emphasis.value = tag?.emphasis ?? "";
    note.value = tag?.note ?? "";
    caption.value = tag?.caption ?? "";
    goal.value = tag?.goal ?? "";
    actor.value = tag?.actor ?? "";
    voice.value = tag?.captionVoice ?? "";
    concern.checked = tag?.concern ?? false;
    inReel.checked = tag?.select !== false;
    saveButton.textContent = t(tag ? "editor.save" : "editor.add");
    removeButton.hidden = !tag;
    title.textContent = tag ? t("editor.editTag", { id: tag.id }) : t("editor.newTag");
    showDraft();
  }

  function save() {
    const problem = draftProblem(draft);
    if (problem) { formProblem.textContent = t(problem); if (problem === "editor.needLabel") picker.input.focus(); return; }
    onSave(editing, {
      start: /** @type {number} */ (draft.start), end: /** @type {number} */ (draft.end), label: /** @type {string} */ (draft.label),
      valence: valence.value || undefined, keyMoment: draft.keyMoment, note: note.value.trim() || undefined, caption: caption.value.trim() || undefined,
      concern: concern.checked || undefined, select: inReel.checked ? undefined : false, goal: goal.value || undefined,
      actor: actor.value || undefined, captionVoice: voice.value || undefined,
      ...emphasisFields(loaded, emphasis.value),
    });
  }

  return {
    element,
    /** The label's field, for the L key. */
    labelInput: picker.input,
    edit,
    save,
    /** The next emphasis for the tag in the form (the U key): none, freeze, slow motion. */
    cycleEmphasis() {
      emphasis.value = nextEmphasis(emphasis.value);
    },
    /** @param {number} n the label's place in the vocabulary, from 1 (a digit key) */
    pickByNumber(n) {
      const label = vocabulary()?.labels[n - 1];
      if (label) picker.choose(label.code);
    },
    /**
     * Marks the tag's in, out or key moment at the player's time.
     * @param {"start" | "end" | "keyMoment"} what
     * @param {number} at
     */
    mark(what, at) {
      draft[what] = round(at);
      showDraft();
    },
    /**
     * The tag in the form follows its bar's edges, so saving it keeps the new times.
     * @param {EditorTag} tag
     */
    follow(tag) {
      if (tag.id !== editing) return;
      draft = { ...draft, start: tag.start, end: tag.end, keyMoment: tag.keyMoment };
      showDraft();
    },
    /** @param {{ id: string, text: string }[]} goals the case's goals (named in the page's language), for a tag to serve */
    showGoals(goals) {
      const chosen = goal.value;
      goalField.hidden = goals.length === 0;
      fill(goal, h("option", { value: "" }, t("editor.noGoal")), goals.map(g => h("option", { value: g.id }, g.text)));
      goal.value = chosen;
    },
    /**
     * The people a moment can be about and a caption spoken by, after the parent, the child or both.
     * @param {import("app/editor/tags.js").Person[]} people
     */
    showPeople(people) {
      const [chosenActor, chosenVoice] = [actor.value, voice.value];
      const person = (/** @type {import("app/editor/tags.js").Person} */ p) => h("option", { value: p.id }, `${t(`person.role.${p.role}`)} (${p.id})`);
      fill(actor, h("option", { value: "" }, t("editor.actorDefault")),
        ["parent", "child", "dyad"].map(a => h("option", { value: a }, t(`editor.actor.${a}`))), people.map(person));
      fill(voice, h("option", { value: "" }, t("editor.voice.therapist")), h("option", { value: "child" }, t("editor.voice.child")), people.map(person));
      [actor.value, voice.value] = [chosenActor, chosenVoice];
    },
    /** A new vocabulary. */
    reset: picker.reset,
  };
}
