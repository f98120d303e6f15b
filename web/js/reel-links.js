// A reel's read links last 15 minutes; a review, or a terugkijkgesprek with a parent, often takes longer. The reel
// page and Terugkijken both keep theirs fresh here.
import { api } from "app/api.js";

/**
 * @typedef {import("app/contracts.js").ReelAnswer} ReelAnswer
 * @typedef {import("app/contracts.js").ReelLinks} ReelLinks
 */

/**
 * Shortly before the links run out, asks the API again and hands the new links to `renewed` (the page's downloads,
 * stills). The video keeps its link while it plays from its buffer; when it stops with a network error after the old
 * link ran out, it gets the new one and goes on where it was.
 * @param {HTMLVideoElement} video
 * @param {string} path the reel's API path, reels/{caseId}/{sessionId}
 * @param {string} expiresAt
 * @param {AbortSignal} signal
 * @param {(links: ReelLinks) => void} [renewed]
 */
export function keepLinksFresh(video, path, expiresAt, signal, renewed = () => {}) {
  let expires = Date.parse(expiresAt);
  let videoExpires = expires;
  /** @type {ReturnType<typeof setTimeout> | undefined} */
  let timer;
  // At least 30 s apart, so a browser whose clock is far off cannot ask again and again.
  const schedule = (delay = expires - Date.now() - 60_000) => {
    timer = setTimeout(() => renew(false).catch(() => { if (!signal.aborted) schedule(30_000); }), Math.max(30_000, delay));
  };
  /** @param {boolean} resumeVideo */
  async function renew(resumeVideo) {
    clearTimeout(timer);
    /** @type {ReelAnswer} */
    const fresh = await api(path, { signal });
    expires = Date.parse(fresh.expiresAt);
    renewed(fresh.links);
    if (resumeVideo) {
      const at = video.currentTime;
      const playing = !video.paused;
      video.src = fresh.links.reel;
      videoExpires = expires;
      video.addEventListener("loadedmetadata", () => { video.currentTime = at; if (playing) void video.play(); }, { once: true });
    }
    schedule();
  }
  video.addEventListener("error", () => {
    if (Date.now() > videoExpires - 60_000) void renew(true).catch(() => {});
  });
  signal.addEventListener("abort", () => clearTimeout(timer), { once: true });
  schedule();
}
