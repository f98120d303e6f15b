// Plays a preview made in segments while the rest is being made: Media Source Extensions, one SourceBuffer the
// segments (fragmented MP4, each with its own header and the recording's times) are appended to in order.

/**
 * @param {HTMLVideoElement} video the player's element, for the time when the browser's buffer is full
 * @param {string} type the segments' media type with codecs (`video/mp4; codecs="avc1.640028,mp4a.40.2"`)
 * @param {number} duration the recording's length in seconds: the timeline is the whole recording from the start
 */
export function previewStream(video, type, duration) {
  const source = new MediaSource();
  const url = URL.createObjectURL(source);
  const opened = new Promise(resolve => source.addEventListener("sourceopen", resolve, { once: true }));
  /** @type {SourceBuffer | undefined} */
  let buffer;

  /** @param {() => void} change */
  const done = change => new Promise((resolve, reject) => {
    const target = /** @type {SourceBuffer} */ (buffer);
    target.addEventListener("updateend", resolve, { once: true });
    target.addEventListener("error", reject, { once: true });
    change();
  });

  return {
    /** The player's source (an object URL of the MediaSource). */
    url,
    /**
     * Appends one segment's bytes; when the browser's buffer is full, what lies more than half a minute behind the
     * playhead is let go first (it is fetched again only on a reload).
     * @param {ArrayBuffer} bytes
     */
    async append(bytes) {
      await opened;
      if (!buffer) {
        buffer = source.addSourceBuffer(type);
        source.duration = duration;
      }
      const target = buffer;
      try {
        await done(() => target.appendBuffer(bytes));
      } catch (e) {
        if (!(e instanceof DOMException && e.name === "QuotaExceededError") || video.currentTime < 30) throw e;
        await done(() => target.remove(0, video.currentTime - 30));
        await done(() => target.appendBuffer(bytes));
      }
    },
    /** Every segment is appended: the player knows the preview ends here. */
    end() {
      if (source.readyState === "open" && !buffer?.updating) source.endOfStream();
    },
    /** Lets go of the MediaSource (a new recording, or the page left). */
    close() { URL.revokeObjectURL(url); },
  };
}
