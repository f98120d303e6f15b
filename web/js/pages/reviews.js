// The review queue: ready reels of my cases not yet reviewed, the next feedback session first.
import { api } from "app/api.js";
import { h, fill } from "app/dom.js";
import { clock, dateTime, t } from "app/i18n.js";

/** @typedef {import("app/contracts.js").ReviewItem} ReviewItem */

/** @type {import("app/main.js").Page} */
export async function reviewsPage({ main, signal }) {
  /** @type {ReviewItem[]} */
  const items = await api("reviews", { signal });
  fill(main,
    h("h1", { tabindex: "-1" }, t("reviews.title")),
    h("p", { class: "muted" }, t("reviews.intro")),
    items.length === 0
      ? h("p", { role: "status" }, t("reviews.empty"))
      : h("ol", { class: "cards", "aria-label": t("reviews.title") }, items.map((item, i) => card(item, i === 0))));
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
    h("dl", { class: "facts" },
      item.course && [h("dt", {}, t("reviews.course")),
        h("dd", {}, item.courseSession && item.courseOf ? t("course.label", { session: item.courseSession, of: item.courseOf }) : item.course)],
      h("dt", {}, t("reviews.nextSession")), h("dd", {}, item.nextSessionAt ? dateTime(item.nextSessionAt) : t("reviews.noDate")),
      h("dt", {}, t("reviews.clips")), h("dd", {}, String(item.clips)),
      h("dt", {}, t("reviews.length")), h("dd", {}, clock(item.duration))));
}
