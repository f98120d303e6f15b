// The tags as a table: times, label, caption, and the review's comments (every round) beside the moments they are
// about, each marked with its round, and "addressed" once the therapist marked it so.
import { h, fill } from "app/dom.js";
import { clock, dateTime, language, t } from "app/i18n.js";
import { person } from "app/review.js";
import { labelName } from "app/editor/tags.js";

/**
 * @typedef {import("app/editor/tags.js").EditorTag} EditorTag
 * @typedef {import("app/editor/tags.js").VocabularyLabel} VocabularyLabel
 * @typedef {import("app/editor/tags.js").TagComment} TagComment
 */

/**
 * @param {{ labelOf: (code: string) => VocabularyLabel | undefined, kindOf: (tag: EditorTag) => string, onEdit: (id: string) => void,
 *   onAddressed: (commentId: string) => Promise<void> }} actions
 */
export function tagList({ labelOf, kindOf, onEdit, onAddressed }) {
  const element = h("div", { id: "tag-list" });
  const columns = ["editor.col.id", "editor.col.in", "editor.col.out", "editor.col.label", "editor.col.caption", "editor.col.comments", "editor.col.edit"];

  /**
   * @param {EditorTag[]} tags
   * @param {Record<string, TagComment[]>} comments by tag id
   */
  function show(tags, comments) {
    fill(element, tags.length === 0 ? h("p", { class: "muted" }, t("editor.noTags")) : h("div", { class: "scroll" }, h("table", { class: "tags" },
      h("caption", { class: "visually-hidden" }, t("editor.tags")),
      h("thead", {}, h("tr", {}, columns.map(key => h("th", { scope: "col" }, t(key))))),
      h("tbody", {}, tags.map(tag => row(tag, comments[tag.id] ?? []))))));
  }

  /**
   * @param {EditorTag} tag
   * @param {TagComment[]} comments
   */
  function row(tag, comments) {
    const label = labelOf(tag.label);
    return h("tr", { id: `tag-${tag.id}`, class: [kindOf(tag), tag.concern ? "concern" : "", tag.select === false ? "left-out" : ""].join(" ") },
      h("td", {}, tag.id), h("td", {}, clock(tag.start)), h("td", {}, clock(tag.end)),
      h("td", {}, label ? labelName(label, language()) : tag.label, tag.concern ? ` (${t("editor.concernShort")})` : "", tag.select === false ? ` (${t("editor.leftOut")})` : "",
        tag.emphasis ? ` (${t(`editor.emphasis.${tag.emphasis}`)})` : ""),
      h("td", {}, tag.caption ?? ""),
      h("td", {}, comments.length > 0 && h("ul", { class: "comments" }, comments.map(comment))),
      h("td", {}, h("button", { type: "button", class: "link", "aria-label": t("editor.editLabel", { id: tag.id }), onclick: () => onEdit(tag.id) }, t("editor.edit"))));
  }

  /**
   * A comment with its round and moment; the therapist marks it addressed (a reply is read with its comment).
   * @param {TagComment} c
   */
  function comment(c) {
    const addressed = c.addressedAt
      ? h("span", { class: "badge addressed" }, t("review.addressed", { when: dateTime(c.addressedAt) }))
      : !c.reply && h("button", { type: "button", class: "link", "data-address": c.id, onclick: (/** @type {MouseEvent} */ e) => {
        const button = /** @type {HTMLButtonElement} */ (e.currentTarget);
        button.disabled = true;
        // Offline or refused: the button comes back, to try again.
        onAddressed(c.id).catch(() => { button.disabled = false; });
      } }, t("review.markAddressed"));
    return h("li", { class: c.reply ? "reply" : "", "data-comment": c.id },
      h("span", { class: "muted" }, `${t("review.round", { number: c.round })}${c.at !== undefined && !c.reply ? ` · ${clock(c.at)}` : ""}: `),
      c.text, h("span", { class: "muted" }, ` – ${person(c.by, undefined)}`), " ", addressed);
  }

  return { element, show };
}
