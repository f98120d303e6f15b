// The tags as a table: times, label, caption, and a reviewer's comments beside the moments of the clip they are about.
import { h, fill } from "app/dom.js";
import { clock, language, t } from "app/i18n.js";
import { person } from "app/review.js";
import { labelName } from "app/editor/tags.js";

/**
 * @typedef {import("app/editor/tags.js").EditorTag} EditorTag
 * @typedef {import("app/editor/tags.js").VocabularyLabel} VocabularyLabel
 */

/**
 * @param {{ labelOf: (code: string) => VocabularyLabel | undefined, kindOf: (tag: EditorTag) => string, onEdit: (id: string) => void }} actions
 */
export function tagList({ labelOf, kindOf, onEdit }) {
  const element = h("div", { id: "tag-list" });
  const columns = ["editor.col.id", "editor.col.in", "editor.col.out", "editor.col.label", "editor.col.caption", "editor.col.comments", "editor.col.edit"];

  /**
   * @param {EditorTag[]} tags
   * @param {Record<string, { text: string, by: string }[]>} comments by tag id
   */
  function show(tags, comments) {
    fill(element, tags.length === 0 ? h("p", { class: "muted" }, t("editor.noTags")) : h("div", { class: "scroll" }, h("table", { class: "tags" },
      h("caption", { class: "visually-hidden" }, t("editor.tags")),
      h("thead", {}, h("tr", {}, columns.map(key => h("th", { scope: "col" }, t(key))))),
      h("tbody", {}, tags.map(tag => row(tag, comments[tag.id] ?? []))))));
  }

  /**
   * @param {EditorTag} tag
   * @param {{ text: string, by: string }[]} comments
   */
  function row(tag, comments) {
    const label = labelOf(tag.label);
    return h("tr", { id: `tag-${tag.id}`, class: [kindOf(tag), tag.concern ? "concern" : "", tag.select === false ? "left-out" : ""].join(" ") },
      h("td", {}, tag.id), h("td", {}, clock(tag.start)), h("td", {}, clock(tag.end)),
      h("td", {}, label ? labelName(label, language()) : tag.label, tag.concern ? ` (${t("editor.concernShort")})` : "", tag.select === false ? ` (${t("editor.leftOut")})` : ""),
      h("td", {}, tag.caption ?? ""),
      h("td", {}, comments.length > 0 && h("ul", { class: "comments" }, comments.map(c => h("li", {}, c.text, h("span", { class: "muted" }, ` – ${person(c.by, undefined)}`))))),
      h("td", {}, h("button", { type: "button", class: "link", "aria-label": t("editor.editLabel", { id: tag.id }), onclick: () => onEdit(tag.id) }, t("editor.edit"))));
  }

  return { element, show };
}
