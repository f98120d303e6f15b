// The review queue: ready reels of my cases not yet reviewed, the next feedback session first (a reel sent again after
// a verdict marked with its round), and below them the reels sent back and waiting for their therapist.
import { api } from "app/api.js";
import { h, fill } from "app/dom.js";
import { askForAddress } from "app/pages/notifications.js";
import { clock, dateTime, t } from "app/i18n.js";

/** @typedef {import("app/contracts.js").ReviewItem} ReviewItem */

/** @type {import("app/main.js").Page} */
export async function reviewsPage({ main, signal }) {
  const [items, ask] = await Promise.all([/** @type {Promise<ReviewItem[]>} */ (api("reviews", { signal })), askForAddress(signal)]);
  const waiting = items.filter(i => !i.sentBack);
  const sentBack = items.filter(i => i.sentBack);
  fill(main,
    h("h1", { tabindex: "-1" }, t("reviews.title")),
    ask,
    h("p", { class: "muted" }, t("reviews.intro")),
    waiting.length === 0
      ? h("p", { role: "status" }, t("reviews.empty"))
      : h("ol", { class: "cards", "aria-label": t("reviews.title") }, waiting.map((item, i) => card(item, i === 0))),
    sentBack.length > 0 && h("section", { "aria-labelledby": "sent-back-title" },
      h("h2", { id: "sent-back-title" }, t("reviews.sentBack")),
      h("p", { class: "muted" }, t("reviews.sentBackIntro")),
      h("ol", { id: "sent-back", class: "cards", "aria-labelledby": "sent-back-title" }, sentBack.map(item => card(item, false)))));
}

/**
 * @param {ReviewItem} item
 * @param {boolean} next
 */
function card(item, next) {
  const href = `/reels/${item.caseId}/${item.sessionId}`;
  return h("li", { class: next ? "card next" : "card" },
    h("h2", {}, h("a", { href }, `${item.caseId} · ${item.sessionId}`)),
    next && h("p", { class: "badge" }, t("reviews.next")),
    item.round > 1 && !item.sentBack && h("p", { class: "badge resubmitted" }, t("reviews.resubmitted", { round: item.round })),
    h("dl", { class: "facts" },
      item.course && [h("dt", {}, t("reviews.course")),
        h("dd", {}, item.courseSession && item.courseOf ? t("course.label", { session: item.courseSession, of: item.courseOf }) : item.course)],
      h("dt", {}, t("reviews.nextSession")), h("dd", {}, item.nextSessionAt ? dateTime(item.nextSessionAt) : t("reviews.noDate")),
      h("dt", {}, t("reviews.clips")), h("dd", {}, String(item.clips)),
      h("dt", {}, t("reviews.length")), h("dd", {}, clock(item.duration))));
}
