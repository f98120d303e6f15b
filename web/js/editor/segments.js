// A preview made in segments (windows of the recording, each a fragmented MP4 with the recording's own times): the
// page appends them in order as they are made, so the therapist can start tagging once the first one is there.

/** @typedef {import("app/contracts.js").PreviewSegmentAnswer} PreviewSegmentAnswer */

/**
 * The segments to append next, in order, from the first not yet appended: those made and with a link in this
 * answer, up to the first that is not (the player cannot skip a window).
 * @param {PreviewSegmentAnswer[]} segments
 * @param {number} appended how many are appended already
 * @returns {{ index: number, link: string }[]}
 */
export function nextToAppend(segments, appended) {
  /** @type {{ index: number, link: string }[]} */
  const next = [];
  for (let index = appended; index < segments.length; index++) {
    const link = segments[index]?.ready ? segments[index]?.link : undefined;
    if (!link) break;
    next.push({ index, link });
  }
  return next;
}

/**
 * How far the preview plays without a gap: the end of the last of the first segments that are made (0 when the
 * first is not).
 * @param {PreviewSegmentAnswer[]} segments
 * @returns {number} seconds in the recording's time
 */
export function playableUntil(segments) {
  let until = 0;
  for (const segment of segments) {
    if (!segment.ready) break;
    until = segment.end;
  }
  return until;
}

/**
 * The recording's length, as the last segment ends.
 * @param {PreviewSegmentAnswer[]} segments
 */
export const length = segments => segments.at(-1)?.end ?? 0;
