// The terugkijkgesprek on the reel page: after watching the reel with the parent, the therapist records per clip what
// the parent saw and one practice point for next time; the case's reviewers read it. A professional record, like the
// notes: never in the video, and the page watched with the parent (pages/parent-view.js) neither asks for it nor shows
// it. The practice point of the session before is shown here and in the next session's editor.
import { api, ApiError } from "app/api.js";
import { conversationRequest, problemsByField, textsByClip } from "app/conversation-record.js";
import { h, fill } from "app/dom.js";
import { problemText } from "app/form.js";
import { clock, dateTime, said, t } from "app/i18n.js";

/**
 * @typedef {import("app/contracts.js").ConversationAnswer} ConversationAnswer
 * @typedef {import("app/contracts.js").ClipDocument} ClipDocument
 * @typedef {import("app/contracts.js").FieldProblem} FieldProblem
 */

/**
 * "Oefenpunt van vorige keer: …", when the session before this one in the course recorded one.
 * @param {ConversationAnswer} answer
 */
export function previousPracticePoint(answer) {
  return answer.previous && h("p", { class: "previous-practice" }, t("conversation.previous", { text: answer.previous.practicePoint }));
}

/**
 * The section: a form for the case's owner, the record to read for its reviewers.
 * @param {{ path: string, clips: ClipDocument[], answer: ConversationAnswer, signal: AbortSignal }} options
 *   path: the session's "sessions/{caseId}/{sessionId}"; clips: the reel's, in its order (numbered by their place)
 */
export function conversationSection({ path, clips, answer, signal }) {
  const saved = h("p", { id: "conversation-saved", class: "muted", role: "status" }, savedAt(answer));
  return h("section", { id: "conversation", "aria-labelledby": "conversation-title" },
    h("h2", { id: "conversation-title" }, t("conversation.title")),
    h("p", { class: "hint" }, t("conversation.intro")),
    previousPracticePoint(answer),
    ...(answer.mayRecord ? [form(path, clips, answer, saved, signal)] : [...record(clips, answer), saved]),
    unplaced(answer));
}

/**
 * When it was recorded, if it was.
 * @param {ConversationAnswer} answer
 */
function savedAt(answer) {
  return answer.record ? t("conversation.savedAt", { when: dateTime(answer.record.at) }) : "";
}

/**
 * The owner's form: per clip "wat de ouder zag", the practice point, and saving it.
 * @param {string} path
 * @param {ClipDocument[]} clips
 * @param {ConversationAnswer} answer
 * @param {HTMLElement} saved
 * @param {AbortSignal} signal
 */
function form(path, clips, answer, saved, signal) {
  const hint = h("p", { id: "conversation-max", class: "hint" }, t("conversation.maxLength", { max: answer.maxLength }));
  /** @param {string} id @param {string} value */
  const field = (id, value) => {
    const error = h("p", { id: `${id}-error`, class: "error", "aria-live": "polite" });
    const input = h("textarea", { id, rows: 2, maxlength: answer.maxLength, "aria-describedby": `conversation-max ${id}-error` });
    input.value = value;
    return { input, error };
  };
  const texts = textsByClip(answer);
  const fields = new Map(clips.map(clip => [clip.clipId, field(`saw-${clip.clipId}`, texts.get(clip.clipId) ?? "")]));
  const practice = field("practice-point", answer.record?.practicePoint ?? "");
  const problems = h("div", { class: "problems", role: "alert" });
  const save = h("button", { type: "submit", class: "primary" }, t("conversation.save"));

  /** @param {Map<string, FieldProblem[]>} byField */
  const showAtFields = byField => {
    /** @type {[string, { input: HTMLTextAreaElement, error: HTMLElement }][]} */
    const all = [...fields, ["practicePoint", practice]];
    for (const [id, { input, error }] of all) {
      const mine = byField.get(id) ?? [];
      input.setAttribute("aria-invalid", String(mine.length > 0));
      error.textContent = mine.map(problemText).join(" ");
    }
  };

  return h("form", { class: "conversation", novalidate: true, onsubmit: async (/** @type {SubmitEvent} */ e) => {
    e.preventDefault();
    const sent = [...fields.keys()];
    save.disabled = true;
    fill(problems);
    fill(saved);
    try {
      /** @type {ConversationAnswer} */
      const stored = await api(`${path}/conversation`, { method: "PUT", signal,
        json: conversationRequest(sent.map(id => [id, fields.get(id)?.input.value ?? ""]), practice.input.value) });
      // As stored: trimmed, and an emptied field empty.
      const now = textsByClip(stored);
      for (const [id, { input }] of fields) input.value = now.get(id) ?? "";
      practice.input.value = stored.record?.practicePoint ?? "";
      showAtFields(new Map());
      saved.className = "confirm";
      fill(saved, t("conversation.saved", { when: stored.record ? dateTime(stored.record.at) : "" }));
    } catch (error) {
      if (!(error instanceof ApiError)) { fill(problems, h("p", {}, error instanceof Error ? error.message : String(error))); return; }
      const byField = problemsByField(error.problem.errors ?? [], sent);
      showAtFields(byField);
      const general = byField.get("") ?? [];
      fill(problems, h("p", {}, said(error.problem.titleKey, error.problem.args, error.problem.title) ?? t("error.title")),
        general.length > 0 ? h("ul", {}, general.map(p => h("li", {}, problemText(p))))
          : h("p", {}, byField.size > 0 ? t("conversation.fixFields") : said(error.problem.detailKey, error.problem.args, error.problem.detail) ?? ""));
      // To the first field named (the summary above is an alert, read out either way).
      const first = [...fields.values(), practice].find(f => f.input.getAttribute("aria-invalid") === "true");
      first?.input.focus();
    } finally {
      save.disabled = false;
    }
  } },
  hint,
  h("ol", { class: "conversation-clips" }, clips.map(clip => {
    const { input, error } = /** @type {{ input: HTMLTextAreaElement, error: HTMLElement }} */ (fields.get(clip.clipId));
    return h("li", { "data-clip": clip.clipId },
      h("label", { for: input.id }, t("conversation.saw", { index: clip.index + 1, title: clip.title })), input, error);
  })),
  h("div", { class: "field" }, h("label", { for: practice.input.id }, t("conversation.practicePoint")), practice.input, practice.error),
  h("div", { class: "actions" }, save), saved, problems);
}

/**
 * The record to read (the case's reviewers).
 * @param {ClipDocument[]} clips
 * @param {ConversationAnswer} answer
 */
function record(clips, answer) {
  if (!answer.record) return [h("p", { id: "conversation-none" }, t("conversation.none"))];
  const texts = textsByClip(answer);
  return [
    h("dl", { class: "conversation-record" }, clips.flatMap(clip => [
      h("dt", {}, `${clip.index + 1}. ${clip.title}`),
      h("dd", { "data-clip": clip.clipId }, texts.get(clip.clipId) ?? h("span", { class: "muted" }, t("conversation.notSaid"))),
    ])),
    h("h3", {}, t("conversation.practicePoint")),
    h("p", { id: "practice-point" }, answer.record.practicePoint ?? h("span", { class: "muted" }, t("conversation.notSaid"))),
  ];
}

/**
 * What was recorded on an earlier reel of the session and has no clip in this one, with its time in the recording.
 * @param {ConversationAnswer} answer
 */
function unplaced(answer) {
  return answer.unplaced.length > 0 && h("div", { id: "conversation-earlier" },
    h("h3", {}, t("conversation.unplaced")),
    h("ul", {}, answer.unplaced.map(c => h("li", {}, h("span", { class: "at" }, `${t("conversation.at", { at: clock(c.recordingAt) })}: `), c.parentSaw))));
}
