// A reel's review, in rounds: each clip's comments (at a moment of the clip, with replies) with a form to add one, the
// verdict (approved or sent back), by whom and when, and the earlier rounds with what the therapist addressed. The
// API names people as the reader may know them: the case's owner reads object ids, anyone else "you" or "colleague".
import { api } from "app/api.js";
import { h, fill } from "app/dom.js";
import { showProblems } from "app/form.js";
import { clock, dateTime, t } from "app/i18n.js";

/**
 * @typedef {import("app/contracts.js").ReviewRound} Round
 * @typedef {import("app/contracts.js").ReviewComment} Comment
 * @typedef {import("app/contracts.js").ClipDocument} ClipDocument
 * @typedef {{ path: string, self: string | undefined, signal: AbortSignal, open: boolean, onChange: (round: Round) => void }} ReviewContext
 *   path: the reel's "reels/{caseId}/{sessionId}"; self: the reader's object id; open: comments can be added (the
 *   reel is the newest); onChange: the round as the API answered a change
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
 * @param {Round} round
 * @param {string | undefined} self
 * @param {string | null} [id] the element's id (none for an earlier round's)
 */
export function verdict(round, self, id = "verdict") {
  return round.decision && h("p", { id, class: `verdict ${round.decision}` },
    round.number > 1 && `${t("review.round", { number: round.number })} · `,
    t(`review.verdict.${round.decision}`, { who: person(round.decidedBy ?? "", self), when: round.decidedAt ? dateTime(round.decidedAt) : "" }));
}

/**
 * One comment with its replies: the text, who and when, the moment it is pinned to, and what became of it.
 * @param {Comment} comment
 * @param {Comment[]} all the round's comments (for the replies)
 * @param {ReviewContext} context
 */
function thread(comment, all, context) {
  const replies = all.filter(c => c.replyTo === comment.id);
  const resolve = !comment.resolvedAt && context.open && h("button", { type: "button", class: "link", onclick: async () => {
    context.onChange(await api(`${context.path}/comments/${comment.id}/resolved`, { method: "POST", signal: context.signal }));
  } }, t("review.resolve"));
  // On the reel a comment's moment is its time in the clip; an earlier round's reel is gone, so there it is the recording's time.
  const at = context.open ? comment.offset : comment.recordingAt;
  return h("li", { "data-comment": comment.id },
    h("p", { class: "text" }, at !== undefined && h("span", { class: "at" }, `${clock(at)} `), comment.text),
    h("p", { class: "muted" }, `— ${person(comment.by, context.self)}, ${dateTime(comment.at)}`, marks(comment, context.self)),
    replies.length > 0 && h("ul", { class: "replies" }, replies.map(r =>
      h("li", {}, h("p", { class: "text" }, r.text), h("p", { class: "muted" }, `— ${person(r.by, context.self)}, ${dateTime(r.at)}`)))),
    context.open && !comment.resolvedAt && replyForm(comment, context), resolve);
}

/**
 * "Addressed" (by the therapist) and "resolved" (by whom), when they are.
 * @param {Comment} comment
 * @param {string | undefined} self
 */
export function marks(comment, self) {
  return [
    comment.addressedAt && h("span", { class: "badge addressed" }, t("review.addressed", { when: dateTime(comment.addressedAt) })),
    comment.resolvedAt && h("span", { class: "badge resolved" }, t("review.resolved", { who: person(comment.resolvedBy ?? "", self) })),
  ];
}

/**
 * @param {Comment} comment
 * @param {ReviewContext} context
 */
function replyForm(comment, { path, signal, onChange }) {
  const id = `reply-${comment.id}`;
  const text = h("textarea", { id, name: "text", rows: 2, "aria-describedby": `${id}-problems` });
  const problems = h("div", { id: `${id}-problems`, class: "problems", role: "alert" });
  return h("details", { class: "reply" }, h("summary", {}, t("review.reply")),
    h("form", { novalidate: true, onsubmit: async (/** @type {SubmitEvent} */ e) => {
      e.preventDefault();
      try { onChange(await api(`${path}/comments`, { method: "POST", json: { replyTo: comment.id, text: text.value }, signal })); }
      catch (error) { showProblems(problems, error); }
    } }, h("label", { for: id }, t("review.replyLabel")), text, h("button", { type: "submit" }, t("review.post")), problems));
}

/**
 * A clip's comments in this round and a labelled form to add one, pinned to a moment of the clip when `pin` was set
 * (the reel's "comment at this moment"); after a change, the round as the API answers it.
 * @param {ClipDocument} clip
 * @param {number} number the clip's number in the reel
 * @param {ReviewContext} context
 */
export function clipComments(clip, number, context) {
  const id = `comment-${clip.clipId}`;
  const list = h("div", { "aria-live": "polite" });
  /** @param {Round} round */
  const show = round => {
    const mine = round.comments.filter(c => c.clipId === clip.clipId && round.planId === c.planId && !c.replyTo);
    fill(list, mine.length === 0
      ? h("p", { class: "muted" }, t("review.noComments"))
      : h("ul", { class: "comments" }, mine.map(c => thread(c, round.comments, context))));
  };
  /** @type {number | undefined} */
  let offset;
  const pinned = h("p", { class: "hint", hidden: true });
  const unpin = h("button", { type: "button", class: "link", hidden: true, onclick: () => pin(undefined) }, t("review.unpin"));
  /** @param {number | undefined} at seconds into the clip */
  const pin = at => {
    offset = at;
    pinned.hidden = unpin.hidden = at === undefined;
    pinned.textContent = at === undefined ? "" : t("review.pinnedAt", { at: clock(at) });
    if (at !== undefined) { form.scrollIntoView({ block: "center" }); text.focus(); }
  };
  const text = h("textarea", { id, name: "text", rows: 3, "aria-describedby": `${id}-problems` });
  const post = h("button", { type: "submit", "aria-label": t("review.postLabel", { index: number }) }, t("review.post"));
  const problems = h("div", { id: `${id}-problems`, class: "problems", role: "alert" });
  const form = h("form", { class: "comment", novalidate: true, onsubmit: async (/** @type {SubmitEvent} */ e) => {
    e.preventDefault();
    post.disabled = true;
    try {
      context.onChange(await api(`${context.path}/comments`, { method: "POST", json: { clipId: clip.clipId, text: text.value, offset }, signal: context.signal }));
      text.value = "";
      pin(undefined);
      fill(problems);
    } catch (error) {
      showProblems(problems, error);
    } finally {
      // Back to the field, for the problem's fix or the next comment (the button lost focus while disabled).
      post.disabled = false;
      text.focus();
    }
  } }, h("label", { for: id }, t("review.commentLabel", { index: number })), pinned, unpin, text, post, problems);
  return { element: h("div", { class: "review" }, h("h4", {}, t("review.comments")), list, context.open && form), show, pin };
}

/**
 * The rounds before this reel's: each one's verdict and comments, with what the therapist addressed.
 * @param {Round[]} rounds
 * @param {ReviewContext} context
 */
export function earlierRounds(rounds, context) {
  return rounds.length > 0 && h("section", { id: "earlier-rounds", "aria-labelledby": "earlier-title" },
    h("h2", { id: "earlier-title" }, t("review.earlier")),
    rounds.map(round => h("div", { class: "round", "data-round": round.number },
      h("h3", {}, t("review.round", { number: round.number })),
      verdict(round, context.self, null),
      h("ul", { class: "comments" }, round.comments.filter(c => !c.replyTo).map(c => thread(c, round.comments, { ...context, open: false }))))));
}
