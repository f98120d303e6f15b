// Whether this browser plays a recording as it is, asked of the browser itself: Safari, and Chrome or Edge where the
// system decodes HEVC, play a phone's recording, so the server makes a preview only for a browser that cannot.

/**
 * The media type's video part (`video/mp4; codecs="hvc1.1.6.L120.B0"`), which is what decodingInfo accepts: one codec.
 * @param {string} type a media type with its codecs, e.g. `video/mp4; codecs="hvc1.1.6.L120.B0,mp4a.40.2"`
 * @returns {{ video: string, audio?: string }}
 */
export function splitType(type) {
  const [container = "", ...parameters] = type.split(";").map(part => part.trim());
  const codecs = parameters.find(p => p.startsWith("codecs="))?.slice("codecs=".length).replace(/"/g, "").split(",").map(c => c.trim()) ?? [];
  const audio = codecs.find(c => c.startsWith("mp4a."));
  const video = codecs.find(c => !c.startsWith("mp4a.")) ?? "";
  return { video: `${container}; codecs="${video}"`, ...(audio ? { audio: `${container.replace("video/", "audio/")}; codecs="${audio}"` } : {}) };
}

/**
 * True when the browser says it decodes the recording's type: MediaCapabilities.decodingInfo where there is one
 * (a size and rate typical of a phone's recording; the codec string's level bounds them), else canPlayType.
 * @param {string | undefined} type
 * @param {{ decodingInfo?: (config: MediaDecodingConfiguration) => Promise<{ supported: boolean }> } | undefined} capabilities navigator.mediaCapabilities
 * @param {(type: string) => string} canPlayType a video element's canPlayType
 * @returns {Promise<boolean>}
 */
export async function playsAsItIs(type, capabilities, canPlayType) {
  if (!type) return false;
  const { video, audio } = splitType(type);
  if (capabilities?.decodingInfo) {
    try {
      const config = /** @type {MediaDecodingConfiguration} */ ({
        type: "file",
        video: { contentType: video, width: 1920, height: 1080, bitrate: 10_000_000, framerate: 30 },
        ...(audio ? { audio: { contentType: audio } } : {}),
      });
      return (await capabilities.decodingInfo(config)).supported;
    } catch {
      // A type the browser does not parse: it cannot play it either.
      return false;
    }
  }
  return canPlayType(type) !== "";
}
