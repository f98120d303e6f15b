// Terugkijken: the reel to watch with the parent in the terugkijkgesprek, on the therapist's laptop or a tablet. The
// reel large, its captions (written for the parent), its moments as "Moment 1", "Moment 2", and big controls; Space
// plays and pauses, ← and → go to the previous and next moment. The reel's answer also holds the labels, their kind,
// the private notes and the review: none of it is taken from the answer, so none of it can reach the page, not even
// hidden.
import { api } from "app/api.js";
import { chapterAt, nextStart, previousStart } from "app/chapters.js";
import { fitVideo, h, fill } from "app/dom.js";
import { t } from "app/i18n.js";
import { keepLinksFresh } from "app/reel-links.js";

/** @type {import("app/main.js").Page} */
export async function parentViewPage({ main, signal }, caseId, sessionId) {
  const path = `reels/${caseId}/${sessionId}`;
  const { links, chapters, expiresAt } = watchable(await api(path, { signal }));

  const video = fitVideo(h("video", { id: "reel", controls: true, controlslist: "nodownload", preload: "auto", crossorigin: "anonymous", playsinline: true, src: links.reel },
    h("track", { kind: "captions", src: links.captions, label: t("reel.captions"), default: true })));
  /** @param {number | undefined} start */
  const seek = start => { if (start !== undefined) video.currentTime = start; };
  // play() is refused without a person's gesture and interrupted by a pause; either way the button says what is so.
  const toggle = () => { if (video.paused) video.play().catch(() => {}); else video.pause(); };

  const play = h("button", { type: "button", class: "primary", "aria-keyshortcuts": "Space", onclick: toggle }, t("parentView.play"));
  const sayPlaying = () => { play.textContent = t(video.paused ? "parentView.play" : "parentView.pause"); };
  video.addEventListener("play", sayPlaying);
  video.addEventListener("pause", sayPlaying);

  const moments = chapters.map((chapter, i) =>
    h("button", { type: "button", class: "moment", onclick: () => seek(chapter.start) }, t("parentView.moment", { number: i + 1 })));
  const sayMoment = () => {
    const now = chapterAt(chapters, video.currentTime);
    moments.forEach((button, i) => button.setAttribute("aria-current", String(i === now)));
  };
  video.addEventListener("timeupdate", sayMoment);
  video.addEventListener("seeked", sayMoment);

  /** @type {Record<string, () => void>} */
  const keys = {
    " ": toggle,
    ArrowLeft: () => seek(previousStart(chapters, video.currentTime)),
    ArrowRight: () => seek(nextStart(chapters, video.currentTime)),
  };
  // These keys mean the same wherever the focus is on this page, so they are taken before the focused element sees
  // them: a focused player would otherwise also seek on ← → and play or pause on Space's keyup, a button click.
  document.addEventListener("keydown", event => {
    const act = keys[event.key];
    // Alt+← is the browser's Back.
    if (!act || event.altKey || event.ctrlKey || event.metaKey) return;
    event.preventDefault();
    event.stopPropagation();
    // A held Space would play and pause on and on.
    if (!(event.repeat && event.key === " ")) act();
  }, { capture: true, signal });
  document.addEventListener("keyup", event => {
    if (event.key !== " " || event.altKey || event.ctrlKey || event.metaKey) return;
    event.preventDefault();
    event.stopPropagation();
  }, { capture: true, signal });

  fill(main,
    h("div", { class: "together-head" },
      h("h1", { tabindex: "-1" }, t("parentView.title")),
      h("a", { class: "button", href: `/reels/${caseId}/${sessionId}` }, t("parentView.back"))),
    video,
    h("div", { class: "together-controls", role: "group", "aria-label": t("parentView.controls") },
      h("button", { type: "button", "aria-keyshortcuts": "ArrowLeft", onclick: keys.ArrowLeft }, t("parentView.previous")),
      play,
      h("button", { type: "button", "aria-keyshortcuts": "ArrowRight", onclick: keys.ArrowRight }, t("parentView.next"))),
    h("ol", { class: "moments", "aria-label": t("parentView.moments") }, moments.map(b => h("li", {}, b))),
    h("p", { class: "muted together-keys" }, t("parentView.keys")));
  sayMoment();
  keepLinksFresh(video, path, expiresAt, signal);
}

/**
 * What of the reel's answer this page uses: the links to the reel and its captions, and where each moment starts.
 * @param {import("app/contracts.js").ReelAnswer} answer
 */
function watchable({ links, reel, expiresAt }) {
  return { links: { reel: links.reel, captions: links.captions }, chapters: reel.chapters.map(c => ({ start: c.start })), expiresAt };
}
