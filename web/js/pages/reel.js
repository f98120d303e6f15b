// The reel page: the reel with its chapters (a list to jump, and a kind="chapters" track) and captions, markers for the
// comments pinned to a moment, each clip with its still, requested versus actual in/out, the therapist's private notes
// and this round's comments, the earlier rounds, downloads, and the verdict: approve, send back with the comments, or
// only "reviewed". While a newer reel is being made this one is shown to watch, and says so. "Terugkijken met de
// ouder" opens the reel to watch with the parent (pages/parent-view.js), without any of this; after it, the
// terugkijkgesprek is recorded here (conversation.js).
import { api } from "app/api.js";
import { chaptersVtt, inReelOrder } from "app/chapters.js";
import { fitVideo, h, fill } from "app/dom.js";
import { problemText, showProblems } from "app/form.js";
import { conversationSection } from "app/conversation.js";
import { clock, dateTime, language, t } from "app/i18n.js";
import { keepLinksFresh } from "app/reel-links.js";
import { clipComments, earlierRounds, verdict } from "app/review.js";

/**
 * @typedef {import("app/contracts.js").ReelAnswer} ReelAnswer
 * @typedef {import("app/contracts.js").ClipDocument} ClipDocument
 * @typedef {import("app/contracts.js").ClipLinks} ClipLinks
 * @typedef {import("app/contracts.js").ReviewRound} ReviewRound
 * @typedef {import("app/review.js").ReviewContext} ReviewContext
 */

/** @type {import("app/main.js").Page} */
export async function reelPage({ main, roles, signal, go }, caseId, sessionId) {
  const path = `reels/${caseId}/${sessionId}`;
  /** @type {[ReelAnswer, import("app/contracts.js").ConversationAnswer]} */
  const [{ reel: made, links, expiresAt, review, earlier, givesVerdict, newerInProgress }, conversation] =
    await Promise.all([api(path, { signal }), api(`sessions/${caseId}/${sessionId}/conversation`, { signal })]);
  // One number per clip everywhere on the page (chapters, cards, goals, comments): its place in the reel.
  const reel = inReelOrder(made);
  /** @type {ReviewContext} */
  const reviewing = { path, self: roles.find(r => r.startsWith("oid-"))?.slice(4).toLowerCase(), signal, open: !newerInProgress, onChange: round => show(round) };
  const commentsOf = new Map(reel.clips.map(clip => [clip.clipId, clipComments(clip, clip.index + 1, reviewing)]));
  const chapters = URL.createObjectURL(new Blob([chaptersVtt(reel.chapters)], { type: "text/vtt" }));
  signal.addEventListener("abort", () => URL.revokeObjectURL(chapters), { once: true });

  const video = fitVideo(h("video", { id: "reel", controls: true, preload: "metadata", crossorigin: "anonymous", playsinline: true, src: links.reel },
    h("track", { kind: "chapters", src: chapters, srclang: language(), label: t("reel.chapters"), default: true }),
    h("track", { id: "captions", kind: "captions", src: links.captions, label: t("reel.captions"), default: true })));
  const chapterButtons = reel.chapters.map((c, i) =>
    h("button", { type: "button", class: "chapter", "data-start": c.start, onclick: () => { video.currentTime = c.start; } },
      h("span", { class: "n" }, `${i + 1}.`), ` ${c.title} `, h("span", { class: "muted" }, `${clock(c.start)}–${clock(c.end)}`)));
  video.addEventListener("timeupdate", () => {
    const now = video.currentTime;
    reel.chapters.forEach((c, i) => chapterButtons[i].setAttribute("aria-current", String(now >= c.start && now < c.end)));
  });

  const captionsToggle = h("button", { type: "button", "aria-pressed": "true", onclick: () => {
    const track = [...video.textTracks].find(tt => tt.kind === "captions");
    if (!track) return;
    const on = track.mode !== "showing";
    // "hidden" keeps the cues loaded (so they stay readable), "showing" draws them.
    track.mode = on ? "showing" : "hidden";
    captionsToggle.setAttribute("aria-pressed", String(on));
  } }, t("reel.captionsToggle"));

  // Comments pinned to a moment: markers on the reel's timeline that seek there, and "comment at this moment".
  const markers = h("div", { class: "markers", role: "group", "aria-label": t("review.markers") });
  const verdictLine = h("div", {});
  /** @param {ReviewRound} round */
  function show(round) {
    for (const comments of commentsOf.values()) comments.show(round);
    fill(verdictLine, verdict(round, reviewing.self));
    fill(markers, round.comments.filter(c => c.offset !== undefined && c.planId === round.planId).flatMap(c => {
      const chapter = reel.chapters.find(ch => ch.clipId === c.clipId);
      if (!chapter || c.offset === undefined) return [];
      const at = chapter.start + c.offset;
      const marker = h("button", { type: "button", class: "marker", title: c.text, "aria-label": t("review.markerLabel", { at: clock(at), text: c.text.slice(0, 60) }),
        onclick: () => { video.currentTime = at; video.pause(); } });
      // Through the CSSOM: the site's Content-Security-Policy refuses style attributes.
      marker.style.left = `${(100 * at / reel.duration).toFixed(2)}%`;
      return [marker];
    }));
  }
  const pinHere = !newerInProgress && h("button", { type: "button", id: "comment-here", onclick: () => {
    video.pause();
    const now = video.currentTime;
    const chapter = reel.chapters.find(c => now >= c.start && now < c.end) ?? reel.chapters.at(-1);
    if (chapter) commentsOf.get(chapter.clipId)?.pin(Math.max(0, Math.min(now, chapter.end) - chapter.start));
  } }, t("review.commentHere"));

  const problems = h("div", { class: "problems", role: "alert" });
  /**
   * Each of these takes the reel off the review queue, so after it the page goes back to the queue, which confirms it.
   * @param {string} label
   * @param {"decision" | "reviewed"} action
   * @param {{ decision: import("app/contracts.js").ReviewDecision }} [json]
   */
  const finish = (label, action, json) => {
    const button = h("button", { type: "button", class: json?.decision === "approve" && "primary", onclick: async () => {
      button.disabled = true;
      try {
        await api(`${path}/${action}`, { method: "POST", json, signal });
        go("/reviews", t(`review.done.${json?.decision ?? "reviewed"}`, { caseId, sessionId }));
      } catch (error) {
        button.disabled = false;
        showProblems(problems, error);
      }
    } }, t(label));
    return button;
  };

  const concerns = reel.concerns ?? [];
  fill(main,
    h("h1", { tabindex: "-1" }, t("reel.title", { caseId, sessionId })),
    h("p", { class: "muted" },
      reel.course ? `${t("course.label", { session: reel.course.session, of: reel.course.of })} · ` : "",
      reel.course?.type ? `${t(`sessionType.${reel.course.type}`)} · ` : "",
      reel.nextSessionAt ? t("reel.nextSession", { when: dateTime(reel.nextSessionAt) }) : t("reviews.noDate"),
      " · ", t("reel.length", { length: clock(reel.duration) })),
    newerInProgress && h("p", { id: "newer-reel", class: "notice", role: "status" }, t("reel.newerInProgress")),
    verdictLine,
    concerns.length > 0 && h("p", { class: "notice" }, t("reel.concerns", { count: concerns.length })),
    (reel.warnings ?? []).length > 0 && h("ul", { id: "reel-warnings", class: "notice" }, (reel.warnings ?? []).map(w => h("li", {}, problemText(w)))),
    h("div", { class: "player" },
      h("div", { class: "screen" }, video, markers,
        h("div", { class: "controls" },
          h("a", { id: "parent-view", class: "button", href: `/reels/${caseId}/${sessionId}/terugkijken` }, t("reel.parentView")),
          captionsToggle, pinHere,
          h("a", { href: links.reel, "data-link": "reel", download: `${caseId}-${sessionId}.mp4` }, t("reel.downloadReel")),
          h("a", { href: links.captions, "data-link": "captions", download: `${caseId}-${sessionId}.vtt` }, t("reel.downloadCaptions")))),
      h("nav", { class: "chapters", "aria-labelledby": "chapters-title" },
        h("h2", { id: "chapters-title" }, t("reel.chapters")),
        h("ol", {}, chapterButtons.map(b => h("li", {}, b))))),
    conversationSection({ path: `sessions/${caseId}/${sessionId}`, clips: reel.clips, answer: conversation, signal }),
    (reel.goals?.length ?? 0) > 0 && h("section", { "aria-labelledby": "goals-title" },
      h("h2", { id: "goals-title" }, t("reel.goals")),
      h("ul", { class: "list" }, (reel.goals ?? []).map(goal => h("li", {}, goal.text, " ",
        goal.clipIds.length === 0
          ? h("span", { class: "muted" }, t("reel.goalNoClips"))
          : goal.clipIds.flatMap(id => {
            const clip = reel.clips.find(c => c.clipId === id);
            return clip ? [" ", h("a", { href: `#clip-${id}` }, t("reel.clipNumber", { index: clip.index + 1 }))] : [];
          }))))),
    h("section", { "aria-labelledby": "clips-title" },
      h("h2", { id: "clips-title" }, t("reel.clips")),
      h("ol", { class: "clips" }, reel.clips.map(clip =>
        clipCard(clip, links.clips.find(l => l.clipId === clip.clipId), commentsOf.get(clip.clipId)?.element)))),
    earlierRounds(earlier, reviewing),
    h("div", { class: "actions verdict-bar" },
      // A case's reviewer gives the verdict; its therapist only while nobody else reviews it.
      !newerInProgress && givesVerdict && finish("review.approve", "decision", { decision: "approve" }),
      !newerInProgress && givesVerdict && finish("review.sendBack", "decision", { decision: "send-back" }),
      !newerInProgress && givesVerdict && finish("reel.markReviewed", "reviewed")),
    problems);
  show(review);
  keepLinksFresh(video, path, expiresAt, signal, links => swapLinks(main, links));
}

/**
 * Swaps a reel's fresh links into the page: downloads and stills.
 * @param {HTMLElement} main
 * @param {import("app/contracts.js").ReelLinks} links
 */
function swapLinks(main, links) {
  /** @type {Record<string, string>} */
  const byName = { reel: links.reel, captions: links.captions };
  for (const c of links.clips) byName[`clip:${c.clipId}`] = c.video;
  for (const element of main.querySelectorAll("[data-link]")) {
    const link = byName[element.getAttribute("data-link") ?? ""];
    if (link) element.setAttribute("href", link);
  }
  for (const c of links.clips) {
    const image = main.querySelector(`img[data-still="${c.clipId}"]`);
    if (image) for (const [name, value] of Object.entries(stillSources(c))) if (value) image.setAttribute(name, value);
  }
}

/**
 * @param {ClipDocument} clip
 * @param {ClipLinks | undefined} links
 * @param {HTMLElement | undefined} comments the review's comments on the clip, next to its tags and notes
 */
function clipCard(clip, links, comments) {
  const timing = clip.timing;
  const notes = clip.tags.filter(tag => tag.note);
  const captions = clip.tags.filter(tag => tag.caption);
  return h("li", { class: `clip ${clip.valence}`, id: `clip-${clip.clipId}` },
    links && h("img", { class: "still", ...stillSources(links), sizes: "320px", "data-still": clip.clipId, alt: t("reel.still", { title: clip.title }), width: 320, height: 180 }),
    h("div", {},
      h("h3", {}, `${clip.index + 1}. ${clip.title}`),
      h("p", { class: "valence" }, t(`valence.${clip.valence}`), " · ", clip.tags.map(tag => tag.displayName).join(", ")),
      h("table", { class: "timing" },
        h("caption", { class: "visually-hidden" }, t("reel.timingCaption", { title: clip.title })),
        h("thead", {}, h("tr", {}, h("td", {}), h("th", { scope: "col" }, t("reel.in")), h("th", { scope: "col" }, t("reel.out")))),
        h("tbody", {},
          h("tr", {}, h("th", { scope: "row" }, t("reel.requested")), h("td", {}, clock(timing.requestedIn)), h("td", {}, clock(timing.requestedOut))),
          h("tr", {}, h("th", { scope: "row" }, t("reel.actual")), h("td", {}, clock(timing.actualIn)), h("td", {}, clock(timing.actualOut))),
          h("tr", {}, h("th", { scope: "row" }, t("reel.frames")), h("td", {}, String(timing.inOffsetFrames)), h("td", {}, String(timing.outOffsetFrames))))),
      captions.length > 0 && h("div", {}, h("h4", {}, t("reel.captionsOfClip")), h("ul", {}, captions.map(tag => h("li", {}, `“${tag.caption}”`)))),
      notes.length > 0 && h("div", { class: "private" },
        h("h4", {}, t("reel.notes")),
        h("ul", {}, notes.map(tag => h("li", {}, h("strong", {}, `${tag.displayName}: `), tag.note ?? "")))),
      comments,
      links && h("p", {}, h("a", { href: links.video, "data-link": `clip:${clip.clipId}`, download: `${clip.clipId}.mp4` }, t("reel.downloadClip", { index: clip.index + 1 })))));
}

/**
 * The still as the page loads it: the small one (320 px wide, as shown) and the full one for screens with twice the
 * pixels; clips cut before small stills existed have only the full one.
 * @param {ClipLinks} links
 */
function stillSources(links) {
  return { src: links.smallStill ?? links.still, srcset: links.smallStill ? `${links.smallStill} 1x, ${links.still} 2x` : undefined };
}
