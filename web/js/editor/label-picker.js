// The label picker: type to filter (code, Dutch or English), arrows and Enter to choose; what matches nothing goes
// to the API, which names the label meant ("did you mean …?"). A custom vocabulary takes what is typed.
import { api } from "app/api.js";
import { h, fill } from "app/dom.js";
import { showProblems } from "app/form.js";
import { language, t } from "app/i18n.js";
import { filterLabels, labelName, labelOf } from "app/editor/tags.js";

/** @typedef {import("app/editor/tags.js").Vocabulary} Vocabulary */

/**
 * @param {{ signal: AbortSignal, vocabulary: () => Vocabulary | undefined,
 *   onChoose: (code: string, picking: boolean) => void, onTyping: () => void, onEscape: () => void }} actions
 *   onChoose: picking says the choice was made in the picker (not by a digit key or by editing a tag)
 */
export function labelPicker({ signal, vocabulary, onChoose, onTyping, onEscape }) {
  const input = h("input", { id: "tag-label", type: "text", role: "combobox", autocomplete: "off", spellcheck: "false", maxlength: 100,
    "aria-autocomplete": "list", "aria-expanded": "false", "aria-controls": "label-options", "aria-keyshortcuts": "L", "aria-describedby": "tag-label-hint" });
  const options = h("ul", { id: "label-options", role: "listbox", class: "options", "aria-label": t("editor.labels") });
  const suggestion = h("div", { id: "label-suggestion", "aria-live": "polite" });
  const element = h("div", { class: "field combo" }, h("label", { for: "tag-label" }, t("editor.label")),
    h("p", { class: "hint", id: "tag-label-hint" }, t("editor.labelHint")), input, options, suggestion);

  let active = 0;
  const shown = () => filterLabels(vocabulary(), input.value);
  input.addEventListener("input", () => { onTyping(); active = 0; showOptions(); });
  input.addEventListener("focus", showOptions);
  input.addEventListener("blur", () => setTimeout(close, 150));
  input.addEventListener("keydown", event => {
    const labels = shown();
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      active = Math.max(0, Math.min(labels.length - 1, active + (event.key === "ArrowDown" ? 1 : -1)));
      showOptions();
    } else if (event.key === "Enter") {
      event.preventDefault();
      if (labels.length > 0 && input.value.trim() !== "") choose(labels[active].code);
      else void lookUp(input.value);
    } else if (event.key === "Escape") {
      close();
      onEscape();
    }
  });

  function close() {
    options.hidden = true;
    input.setAttribute("aria-expanded", "false");
  }

  function showOptions() {
    const labels = shown();
    const all = vocabulary()?.labels ?? [];
    fill(options, labels.map((l, i) => h("li", {
      id: `label-option-${l.code}`, role: "option", "aria-selected": String(i === active), class: `option ${l.valence}`,
      onpointerdown: (/** @type {PointerEvent} */ e) => { e.preventDefault(); choose(l.code); },
    }, h("span", { class: "n" }, `${all.indexOf(l) + 1}`), ` ${labelName(l, language())} `, h("span", { class: "muted" }, `${l.code} · ${t(`valence.${l.valence}`)}`))));
    const open = document.activeElement === input && labels.length > 0;
    options.hidden = !open;
    input.setAttribute("aria-expanded", String(open));
    if (labels[active]) input.setAttribute("aria-activedescendant", `label-option-${labels[active].code}`);
    else input.removeAttribute("aria-activedescendant");
  }

  /** @param {string} typed */
  async function lookUp(typed) {
    const known = vocabulary();
    if (!known || typed.trim() === "") return;
    if (known.custom) { choose(typed.trim()); return; }
    /** @type {Vocabulary} */
    let found;
    try { found = await api(`methods/${encodeURIComponent(known.method)}?match=${encodeURIComponent(typed)}`, { signal }); }
    catch (e) { showProblems(suggestion, e); return; }
    const match = found.match;
    const label = match && labelOf(vocabulary(), match.code);
    if (match?.exact && label) { choose(label.code); return; }
    if (!label) { fill(suggestion, h("p", { class: "error" }, t("editor.noSuchLabel", { typed }))); return; }
    const accept = h("button", { type: "button", id: "accept-suggestion", onclick: () => { choose(label.code); } },
      t("editor.didYouMean", { label: labelName(label, language()) }));
    fill(suggestion, h("p", {}, t("editor.notInVocabulary", { typed }), " ", accept));
    accept.focus();
  }

  /** @param {string} code */
  function choose(code) {
    const picking = document.activeElement === input || suggestion.contains(document.activeElement);
    const label = labelOf(vocabulary(), code);
    input.value = label ? labelName(label, language()) : code;
    input.setAttribute("aria-invalid", "false");
    fill(suggestion);
    close();
    onChoose(code, picking);
  }

  return {
    element,
    input,
    choose,
    clear() { input.value = ""; },
    /** A new vocabulary: the options start at its first label. */
    reset() {
      active = 0;
      input.placeholder = vocabulary()?.custom ? t("editor.customLabel") : t("editor.labelPlaceholder");
    },
  };
}
