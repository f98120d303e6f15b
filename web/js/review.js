// A reel's review: each clip's comments with a form to add one, and the verdict (approved or sent back), by whom and
// when. The API names people as the reader may know them: the case's owner reads object ids, anyone else "you" or
// "colleague".
import { api } from "app/api.js";
import { h, fill } from "app/dom.js";
import { showProblems } from "app/form.js";
import { dateTime, t } from "app/i18n.js";

/**
 * @typedef {import("app/contracts.js").ReviewDocument} Review
 * @typedef {import("app/contracts.js").ClipDocument} ClipDocument
 * @typedef {{ path: string, self: string | undefined, signal: AbortSignal }} ReviewContext
 *   path: the reel's "reels/{caseId}/{sessionId}"; self: the reader's object id
 */

/**
 * Who wrote a comment or gave the verdict, readable: the reader is "you"; for the owner a reviewer is the start of
 * the object id that the case page lists in full.
 * @param {string} by
 * @param {string | undefined} self
 */
export function person(by, self) {
  if (by === "you" || by === self) return t("review.you");
  if (by === "colleague") return t("review.colleague");
  return t("review.supervisor", { id: by.slice(0, 8) });
}

/**
 * The verdict, when there is one.
 * @param {Review} review
 * @param {string | undefined} self
 */
export function verdict(review, self) {
  return review.decision && h("p", { id: "verdict", class: `verdict ${review.decision}` },
    t(`review.verdict.${review.decision}`, { who: person(review.decidedBy ?? "", self), when: review.decidedAt ? dateTime(review.decidedAt) : "" }));
}

/**
 * A clip's comments and a labelled form to add one; after posting, the clip's comments as the API answers them.
 * @param {ClipDocument} clip
 * @param {Review} review
 * @param {ReviewContext} context
 */
export function clipComments(clip, review, { path, self, signal }) {
  const id = `comment-${clip.clipId}`;
  const comments = h("div", { "aria-live": "polite" });
  /** @param {Review} current */
  const show = current => {
    const mine = current.comments.filter(c => c.clipId === clip.clipId);
    fill(comments, mine.length === 0
      ? h("p", { class: "muted" }, t("review.noComments"))
      : h("ul", { class: "comments" }, mine.map(c =>
          h("li", {}, h("p", { class: "text" }, c.text), h("p", { class: "muted" }, `— ${person(c.by, self)}, ${dateTime(c.at)}`)))));
  };
  show(review);
  const text = h("textarea", { id, name: "text", rows: 3, "aria-describedby": `${id}-problems` });
  const post = h("button", { type: "submit", "aria-label": t("review.postLabel", { index: clip.index + 1 }) }, t("review.post"));
  const problems = h("div", { id: `${id}-problems`, class: "problems", role: "alert" });
  const form = h("form", { class: "comment", novalidate: true, onsubmit: async (/** @type {SubmitEvent} */ e) => {
    e.preventDefault();
    post.disabled = true;
    try {
      show(await api(`${path}/comments`, { method: "POST", json: { clipId: clip.clipId, text: text.value }, signal }));
      text.value = "";
      fill(problems);
    } catch (error) {
      showProblems(problems, error);
    } finally {
      // Back to the field, for the problem's fix or the next comment (the button lost focus while disabled).
      post.disabled = false;
      text.focus();
    }
  } }, h("label", { for: id }, t("review.commentLabel", { index: clip.index + 1 })), text, post, problems);
  return h("div", { class: "review" }, h("h4", {}, t("review.comments")), comments, form);
}
