// A session of a case: upload the recording straight to Blob storage (in blocks, with progress), tag its moments in
// the editor and send them (the session manifest), then follow the pipeline: planned, cutting n/m, assembling, ready,
// or failed with each problem.
import { api, ApiError } from "app/api.js";
import { journal, uploadInBlocks } from "app/block-upload.js";
import { h, fill } from "app/dom.js";
import { tagEditor } from "app/editor.js";
import { playsAsItIs } from "app/editor/playback.js";
import { previewStream } from "app/editor/preview-stream.js";
import { length, nextToAppend, playableUntil } from "app/editor/segments.js";
import { problemText, showProblems } from "app/form.js";
import { clock, dateTime, language, stateText, t } from "app/i18n.js";

/**
 * @typedef {import("app/contracts.js").UploadLink} UploadLink
 * @typedef {import("app/contracts.js").SessionStatus} SessionStatus
 * @typedef {import("app/contracts.js").PreviewAnswer} PreviewAnswer
 * @typedef {import("app/contracts.js").RecordingUpload} RecordingUpload
 * @typedef {ReturnType<typeof tagEditor>} TagEditor
 */

const pollEvery = 2000;

/** @type {import("app/main.js").Page} */
export async function sessionPage({ main, signal }, caseId, sessionId) {
  const base = `sessions/${caseId}/${sessionId}`;

  // 1. The recording.
  const file = h("input", { id: "recording", type: "file", accept: "video/*,.mp4,.mov,.m4v,.mkv,.webm,.avi", required: true });
  const editor = tagEditor({ caseId, sessionId, signal, onSubmitted: version => {
    sent = true;
    awaited = version;
    // At once, not after the next poll: the state on screen belongs to the tags sent before.
    fill(progress, h("p", { id: "pipeline-state", class: "state received", "data-state": "received" }, t("state.received")));
    void follow();
  } });
  const editorProblems = h("div", { class: "problems", role: "alert" });
  const cannotShow = h("p", { id: "preview-note", class: "notice", hidden: true }, t("session.cannotShow"));
  file.addEventListener("change", () => playChosen(editor, cannotShow, file.files?.[0], signal));
  const bar = h("progress", { id: "upload-progress", max: 100, value: 0, "aria-labelledby": "upload-progress-label" });
  const barText = h("span", { id: "upload-progress-text", "aria-live": "polite" });
  const uploadProblems = h("div", { class: "problems", role: "alert" });
  const uploadButton = h("button", { type: "submit", class: "primary" }, t("session.upload"));
  const uploadForm = h("form", { novalidate: true, onsubmit: async (/** @type {SubmitEvent} */ e) => {
    e.preventDefault();
    const chosen = file.files?.[0];
    if (!chosen) { uploadProblems.textContent = t("session.chooseFile"); file.focus(); return; }
    uploadButton.disabled = true;
    fill(uploadProblems);
    try {
      const ask = async () => /** @type {UploadLink} */ (await api(`${base}/upload`, { method: "POST", json: { fileName: chosen.name, size: chosen.size }, signal }));
      const link = await ask();
      const staged = await journal(`${caseId}/${sessionId}/${chosen.name}/${chosen.size}/${chosen.lastModified}`);
      // What storage already holds (from another browser, or bt): blocks are named by their bytes, so they are skipped too.
      /** @type {import("app/contracts.js").UploadedBlocks} */
      const held = await api(`${base}/upload?fileName=${encodeURIComponent(chosen.name)}`, { signal });
      staged.add(...held.blocks.map(block => block.id));
      await uploadInBlocks({
        file: chosen, link: link.uploadUrl, signal,
        journal: staged,
        renew: async () => (await ask()).uploadUrl,
        onProgress: (sent, total) => {
          const percent = Math.floor((sent / total) * 100);
          bar.value = percent;
          barText.textContent = t("session.progress", { sent: megabytes(sent), total: megabytes(total), percent });
        },
      });
      barText.textContent = t("session.uploaded", { name: chosen.name });
      void showRecording(stored, base, signal);
      void followPreview(served, editor, base, signal);
    } catch (error) {
      if (error instanceof ApiError) showProblems(uploadProblems, error);
      else fill(uploadProblems, h("p", {}, t("session.uploadInterrupted")));
    } finally {
      uploadButton.disabled = false;
    }
  } },
  h("div", { class: "field" }, h("label", { for: "recording" }, t("session.recording")), h("p", { class: "hint" }, t("session.recordingHint")), file),
  cannotShow,
  uploadButton,
  h("div", { class: "progress" }, h("span", { id: "upload-progress-label", class: "visually-hidden" }, t("session.uploadProgress")), bar, barText),
  uploadProblems);

  // What storage holds of the recording, after a reload too: stored (name, size, when), or where an upload stopped.
  const stored = h("div", { id: "recording-stored", role: "status" });
  // What the pipeline made of the upload: the recording plays as it is, or a preview is made for the browser.
  const served = h("div", { id: "served-preview", "aria-live": "polite" });
  const uploadStep = h("div", {}, uploadForm);

  // 3. Where the pipeline is.
  const progress = h("div", { id: "pipeline", "aria-live": "polite" }, h("p", { class: "muted" }, t("session.noStatus")));
  let following = false;
  let sent = false;
  /** @type {string | undefined} the version of the manifest just sent: until the status answers it, it is "received" */
  let awaited;
  /**
   * Polls the status until ready or failed; while nothing was sent (404), once, unless a manifest was just accepted.
   * After a send the status answers the previous manifest (a reel "ready" that is about to be replaced) until the
   * pipeline takes the new one up: until then the page says "received" and goes on following.
   */
  async function follow() {
    if (following) return;
    following = true;
    try {
      while (!signal.aborted) {
        /** @type {SessionStatus | null} */
        let status = null;
        try { status = await api(base, { signal }); } catch (e) { if (!(e instanceof ApiError && e.status === 404)) throw e; }
        const answered = !awaited || status?.manifest === awaited;
        if (status && !answered) fill(progress, describe({ ...status, state: "received", errors: [], warnings: [] }, caseId, sessionId));
        if (status && answered) {
          fill(progress, describe(status, caseId, sessionId));
          // The editor's "received" gives way to the state of the tags sent.
          if (sent) editor.showState(stateText(status));
          // Once tags were accepted the recording is what the plan was made from: it can no longer change.
          fill(uploadStep, h("p", {}, t("session.recordingFinal")));
        }
        if (status && answered && (status.state === "ready" || status.state === "failed")) return;
        if (!status && !sent) return;
        await new Promise(resolve => setTimeout(resolve, pollEvery));
      }
    } catch (e) {
      if (!(e instanceof DOMException && e.name === "AbortError")) showProblems(progress, e);
    } finally {
      following = false;
    }
  }

  fill(main,
    h("p", {}, h("a", { href: `/cases/${caseId}` }, t("session.back", { caseId }))),
    h("h1", { tabindex: "-1" }, t("session.title", { caseId, sessionId })),
    h("section", { "aria-labelledby": "step-upload" }, h("h2", { id: "step-upload" }, t("session.step1")), stored, uploadStep, served),
    h("section", { "aria-labelledby": "step-tags" }, h("h2", { id: "step-tags" }, t("session.step2")), editorProblems, editor.element),
    h("section", { "aria-labelledby": "step-progress" }, h("h2", { id: "step-progress" }, t("session.step3")), progress));
  // The editor not starting (the network, the API) is said there; the upload and the progress still work.
  try { await editor.start(); } catch (e) { if (!(e instanceof DOMException && e.name === "AbortError")) showProblems(editorProblems, e); }
  void showRecording(stored, base, signal);
  void follow();
  void followPreview(served, editor, base, signal);
}

/**
 * What storage holds of the session's recording, said in step 1 (a reload forgets what this page uploaded): stored,
 * with its name, size and when; or an upload begun and how far it got, and how to go on. Nothing before an upload.
 * @param {HTMLElement} target
 * @param {string} base
 * @param {AbortSignal} signal
 */
async function showRecording(target, base, signal) {
  /** @type {RecordingUpload | null} */
  let recording = null;
  try { recording = await api(`${base}/recording`, { signal }); }
  catch (e) { if (!(e instanceof ApiError && e.status === 404) && !(e instanceof DOMException && e.name === "AbortError")) showProblems(target, e); return; }
  if (!recording) return;
  const { fileName: name, size, stored, received, storedAt } = recording;
  if (stored) {
    fill(target, h("p", { class: "stored" }, t("session.stored", { name, size: megabytes(size), when: storedAt ? dateTime(storedAt) : "" })));
    return;
  }
  const percent = size > 0 ? Math.floor((Math.min(received, size) / size) * 100) : 0;
  fill(target, h("p", { class: "notice" }, t("session.interrupted", { name, size: megabytes(size), percent }), " ", t("session.interruptedHow", { name })));
}

/**
 * After an upload the pipeline checks whether browsers can play the recording and, only when not, makes a preview
 * with the same timeline, which the editor then plays. A recording some browsers play (HEVC from a phone) is offered
 * as it is: this page asks its own browser, and asks the server for a preview only when the browser cannot play it.
 * A preview made in segments plays as soon as its first segment is made (playSegments). Polls until it is known; nothing is shown before a recording
 * was uploaded (404). The links last 15 minutes: the editor gets a fresh one shortly before.
 * @param {HTMLElement} target
 * @param {TagEditor} editor
 * @param {string} base
 * @param {AbortSignal} signal
 */
async function followPreview(target, editor, base, signal) {
  try {
    for (let waited = 0; !signal.aborted; waited++) {
      /** @type {PreviewAnswer | null} */
      let preview = null;
      try { preview = await api(`${base}/preview`, { signal }); } catch (e) { if (!(e instanceof ApiError && e.status === 404)) throw e; }
      // Right after an upload the check may not have started yet: a little patience before giving up on a 404.
      if (!preview && waited > 5) return;
      if (preview) {
        target.dataset.state = preview.state;
        const { link, expiresAt } = preview;
        if (preview.segments && (preview.state === "making" || preview.state === "ready") && await playSegments(target, editor, base, signal, preview)) return;
        if (preview.state === "ready" && link) {
          fill(target, h("p", { id: "preview-ready" }, t("session.previewReady")));
          editor.show(link, preview.recording);
        }
        // Offered as it is: this browser is asked whether it plays it; when not, a preview is asked for and followed.
        if (preview.state === "offered" && !(await playsAsItIs(preview.type, navigator.mediaCapabilities, type => editor.video.canPlayType(type)))) {
          /** @type {PreviewAnswer} */
          const asked = await api(`${base}/preview`, { method: "POST", signal });
          target.dataset.state = asked.state;
          fill(target, h("p", { class: "notice" }, t("session.previewMaking", { reason: asked.reason ?? "" })));
          await new Promise(resolve => setTimeout(resolve, pollEvery));
          continue;
        }
        // The recording plays as it is: the editor plays it from storage unless the file chosen here already plays.
        if ((preview.state === "not-needed" || preview.state === "offered") && link) {
          fill(target);
          if (!editor.hasSource() || editor.video.src.startsWith("http")) editor.show(link, preview.recording);
        }
        if (link && expiresAt) {
          await new Promise(resolve => setTimeout(resolve, Math.max(30_000, Date.parse(expiresAt) - Date.now() - 60_000)));
          continue;
        }
        const failed = preview.state === "failed";
        fill(target, h("p", { class: "notice" }, t(failed ? "session.previewFailed" : "session.previewMaking", { reason: preview.reason ?? "" })));
        if (failed) return;
      }
      await new Promise(resolve => setTimeout(resolve, pollEvery));
    }
  } catch (e) {
    if (!(e instanceof DOMException && e.name === "AbortError")) showProblems(target, e);
  }
}

/**
 * Plays a preview made in segments from its first one on, while the others are made: appends each made segment in
 * order (Media Source Extensions), says how far it plays, and asks for the next ones' links until every one is
 * appended. False when the answer stops listing segments (the recording was uploaded again): the caller goes on.
 * @param {HTMLElement} target
 * @param {TagEditor} editor
 * @param {string} base
 * @param {AbortSignal} signal
 * @param {PreviewAnswer} first an answer with segments
 * @returns {Promise<boolean>}
 */
async function playSegments(target, editor, base, signal, first) {
  const stream = previewStream(editor.video, first.type ?? "", length(first.segments ?? []));
  signal.addEventListener("abort", () => stream.close(), { once: true });
  editor.show(stream.url, first.recording);
  let appended = 0;
  for (let answer = first; answer.segments; answer = await api(`${base}/preview?from=${appended}`, { signal })) {
    const before = appended;
    for (const { index, link } of nextToAppend(answer.segments, appended)) {
      const response = await fetch(link, { signal });
      if (!response.ok) break; // a link that ran out: asked for again
      await stream.append(await response.arrayBuffer());
      appended = index + 1;
    }
    const count = answer.segments.length;
    target.dataset.state = appended === count ? "ready" : answer.state === "failed" ? "failed" : "making";
    if (appended === count) {
      stream.end();
      fill(target, h("p", { id: "preview-ready" }, t("session.previewReady")));
      return true;
    }
    if (answer.state === "failed") {
      fill(target, h("p", { class: "notice" }, t("session.previewFailed", { reason: answer.reason ?? "" })));
      return true;
    }
    const until = playableUntil(answer.segments);
    fill(target, h("p", { class: "notice" }, until > 0 ? t("session.previewPlayable", { until: clock(until) }) : t("session.previewMaking", { reason: answer.reason ?? "" })));
    if (appended === before) await new Promise(resolve => setTimeout(resolve, pollEvery));
  }
  return false;
}

/**
 * Plays the chosen file from the disk in the editor, before it is uploaded (tagging can start at once), and says when
 * this browser cannot show its picture: HEVC from an iPhone plays only its sound in Chromium, with videoWidth 0 and
 * no error. Once uploaded, the pipeline makes a preview that the editor plays instead.
 * @param {TagEditor} editor
 * @param {HTMLElement} note
 * @param {File | undefined} chosen
 * @param {AbortSignal} signal
 */
function playChosen(editor, note, chosen, signal) {
  note.hidden = true;
  if (!chosen) return;
  const url = URL.createObjectURL(chosen);
  signal.addEventListener("abort", () => URL.revokeObjectURL(url), { once: true });
  const old = editor.video.src;
  const cannot = () => { if (editor.video.src === url) note.hidden = false; };
  editor.video.addEventListener("loadedmetadata", () => { if (editor.video.videoWidth === 0) cannot(); }, { once: true });
  editor.video.addEventListener("error", cannot, { once: true });
  editor.show(url, chosen.name);
  if (old.startsWith("blob:")) URL.revokeObjectURL(old);
}

/**
 * Megabytes with one decimal, as the page's language writes them (7,3 in Dutch).
 * @param {number} bytes
 */
function megabytes(bytes) {
  return new Intl.NumberFormat(language() === "nl" ? "nl-NL" : "en-GB", { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(bytes / 1_000_000);
}

/**
 * The status in plain words, the steps done ticked off.
 * @param {SessionStatus} status
 * @param {string} caseId
 * @param {string} sessionId
 */
function describe(status, caseId, sessionId) {
  const order = ["received", "planned", "cutting", "assembling", "ready"];
  const reached = order.indexOf(status.state);
  /** @param {string} step */
  const label = step => stateText({ ...status, state: step });
  return [
    h("p", { id: "pipeline-state", class: `state ${status.state}`, "data-state": status.state }, stateText(status)),
    status.state !== "failed" && h("ol", { class: "steps" }, order.slice(1).map((step, i) =>
      h("li", { class: i + 1 < reached ? "done" : i + 1 === reached ? "now" : "" , "aria-current": i + 1 === reached ? "step" : false }, label(step)))),
    status.state === "failed" && h("ul", { class: "error" }, status.errors.map(p => h("li", {}, h("code", {}, p.path), ": ", problemText(p)))),
    status.warnings.length > 0 && h("details", {}, h("summary", {}, t("session.warnings", { count: status.warnings.length })),
      h("ul", {}, status.warnings.map(p => h("li", {}, h("code", {}, p.path), ": ", problemText(p))))),
    (status.concerns?.length ?? 0) > 0 && h("p", { class: "notice" }, t("reel.concerns", { count: status.concerns?.length ?? 0 })),
    status.state === "ready" && h("p", {}, h("a", { class: "button primary", href: `/reels/${caseId}/${sessionId}` }, t("session.openReel"))),
  ];
}
