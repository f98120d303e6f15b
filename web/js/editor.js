// The tagging editor: watch the recording and tag moments, keyboard first (every action also by mouse and touch).
// The page keeps the tags (editor/tags.js holds the rules on them); the API does the rest: the method's vocabulary
// and its "did you mean …?", the imports (CSV, ELAN, BORIS), and the plan, a dry run of the pipeline's own planning.
// This module holds the session the editor shows, wires the views in editor/ (player, timeline, tag form, list,
// plan) to it, and loads and sends it. Above it, the practice point of the session before (from its terugkijkgesprek),
// so the moments to look for are in sight while tagging.
import { api, ApiError } from "app/api.js";
import { previousPracticePoint } from "app/conversation.js";
import { h, fill } from "app/dom.js";
import { showProblems } from "app/form.js";
import { language, t } from "app/i18n.js";
import { exportView } from "app/editor/export.js";
import { listenForKeys } from "app/editor/keys.js";
import { player } from "app/editor/player.js";
import { planView, problemList } from "app/editor/plan.js";
import { goalFields } from "app/editor/goals.js";
import { peopleFields } from "app/editor/people.js";
import { onRecordingFields } from "app/editor/on-recording.js";
import { sessionFields } from "app/editor/session-fields.js";
import { tagForm } from "app/editor/tag-form.js";
import { tagList } from "app/editor/tag-list.js";
import { timeline } from "app/editor/timeline.js";
import { commentsByTag, fromManifest, goalText, importFormat, importTags, kindOf, labelOf, moveEdge, removeTag, saveTag, sortTags,
  toManifest } from "app/editor/tags.js";

/**
 * @typedef {import("app/editor/tags.js").EditorTag} EditorTag
 * @typedef {import("app/editor/tags.js").Vocabulary} Vocabulary
 */

/**
 * @param {{ caseId: string, sessionId: string, signal: AbortSignal, onSubmitted: (version: string | undefined) => void }} options
 *   onSubmitted: the manifest was accepted, in this version (the status names it once it answers it)
 */
export function tagEditor({ caseId, sessionId, signal, onSubmitted }) {
  const base = `sessions/${caseId}/${sessionId}`;
  /** Fields of a loaded manifest the editor does not show (goals, recordedAt, reel settings…): sent back as they were. */
  /** @type {Record<string, unknown>} */
  let kept = {};
  /** @type {EditorTag[]} */
  let tags = [];
  /** @type {Vocabulary | undefined} */
  let vocabulary;
  let recording = "";
  /** The reel's review (every round), once there is a reel: its comments show beside the tags they are about. */
  /** @type {import("app/contracts.js").ReelAnswer | undefined} */
  let reviewed;

  /** @param {EditorTag} tag */
  const kind = tag => kindOf(vocabulary, tag);
  const play = player({ onMark: (what, at) => form.mark(what, at) });
  const line = timeline(play, { kindOf: kind, onEdit: edit, onMoved: () => { tags = sortTags(tags); changed(); },
    onMove: (id, side, value) => {
      tags = moveEdge(tags, id, side, value, play.duration());
      const moved = /** @type {EditorTag} */ (tags.find(tag => tag.id === id));
      form.follow(moved);
      return moved;
    } });
  play.element.append(line.element);
  const form = tagForm({ signal, vocabulary: () => vocabulary, onPicked: () => play.element.focus(),
    onSave: (id, fields) => { tags = saveTag(tags, id, fields); edit(null); changed(); play.element.focus(); },
    onRemove: id => { tags = removeTag(tags, id); edit(null); changed(); play.element.focus(); } });
  const list = tagList({ labelOf: code => labelOf(vocabulary, code), kindOf: kind, onEdit: id => { edit(id); form.labelInput.focus(); },
    onAddressed: async id => { await api(`reels/${caseId}/${sessionId}/comments/${id}/addressed`, { method: "POST", signal }); await loadComments(); changed(); } });
  const plan = planView({ path: base, signal, session: () => ({ manifest: manifest(), tags }), duration: play.duration });
  play.video.addEventListener("loadedmetadata", changed);

  // The session's fields, the import and sending.
  const fields = sessionFields({ onMethod: code => void loadVocabulary(code), onChange: () => plan.replan() });
  const people = peopleFields({ onChange: chosen => { form.showPeople(chosen); plan.replan(); } });
  const onRecording = onRecordingFields({ caseId });
  /** @type {{ id: string, role: string, ageBand?: string }[]} the case's people (Privacy and consent), for who is on the recording */
  let casePeople = [];
  const goals = goalFields({ onChange: () => { showGoals(); plan.replan(); } });
  /** The case's goals in the tag form, each named as the reader sees it. */
  const showGoals = () => form.showGoals(goals.read().map(g => ({ id: g.id, text: goalText(g, goals.methodGoals(), language()) })));
  /** The import in progress: sending waits for it. */
  let importing = Promise.resolve();
  const importFile = h("input", { id: "tags-file", type: "file", accept: ".json,.csv,.txt,.eaf,.boris,application/json,text/csv",
    onchange: () => { importing = importChosen(); } });
  const importProblems = h("div", { id: "import-problems", class: "problems", role: "alert" });
  const sendProblems = h("div", { id: "send-problems", class: "problems", role: "alert" });
  // What became of the tags sent: a status, not a problem, and replaced as the pipeline goes on (showState).
  const sendStatus = h("div", { id: "send-status", role: "status" });
  const exporting = exportView({ path: base, signal, manifest: () => manifest(), ready: async () => { await starting.catch(() => {}); await importing; } });
  const sendButton = h("button", { type: "button", class: "primary", id: "send-tags", onclick: () => void send() }, t("session.send"));

  const previous = h("div", { id: "previous-practice" });
  const element = h("div", { class: "editor" },
    previous,
    h("div", { class: "editor-grid" },
      h("div", {}, play.element,
        h("details", { id: "editor-keys" }, h("summary", {}, t("editor.keys")), h("p", {}, t("editor.keysText")))),
      form.element),
    h("h3", {}, t("editor.tags")), list.element,
    h("div", { class: "field" }, h("label", { for: "tags-file" }, t("editor.import")), h("p", { class: "hint" }, t("editor.importHint")), importFile, importProblems),
    exporting,
    fields.element, onRecording.element, people.element, goals.element,
    h("h3", {}, t("editor.plan")), plan.element,
    h("div", { class: "controls" }, sendButton), sendStatus, sendProblems);

  listenForKeys(element, play, form);

  /** @param {string | null} id the tag to load into the form, or null for a new one */
  function edit(id) {
    const tag = tags.find(tag => tag.id === id);
    form.edit(tag);
    if (tag) play.seekTo(tag.start);
  }

  function changed() {
    list.show(tags, reviewed ? commentsByTag(reviewed, tags) : {});
    line.draw(tags);
    plan.replan();
  }

  /** The manifest the tags make, with the fields a loaded one had and the editor does not show. */
  function manifest() {
    const chosen = onRecording.read();
    return { ...toManifest({ caseId, sessionId, recording, kept, tags, ...fields.read(), people: people.read(), goals: goals.read() }),
      onRecording: chosen.length > 0 ? chosen : undefined };
  }

  async function send() {
    fill(sendProblems);
    fill(sendStatus);
    await starting.catch(() => {});
    await importing;
    if (!recording) { fill(sendProblems, h("p", {}, t("editor.needRecording"))); return; }
    sendButton.disabled = true;
    try {
      /** @type {import("app/contracts.js").ManifestAccepted} */
      const accepted = await api(`${base}/manifest`, { method: "PUT", json: manifest(), signal });
      fill(sendStatus, h("p", { id: "tags-accepted" }, t("session.manifestAccepted")), problemList("notice", accepted.warnings, tags));
      onSubmitted(accepted.version);
    } catch (error) {
      showProblems(sendProblems, error);
    } finally {
      sendButton.disabled = false;
    }
  }

  /** Tags from a file: a session manifest (JSON) fills the whole editor; CSV, ELAN and BORIS go through the API's import. */
  async function importChosen() {
    // A file chosen while the editor still loads the methods and the manifest sent before is read after them.
    await starting.catch(() => {});
    const file = importFile.files?.[0];
    if (!file) return;
    fill(importProblems);
    try {
      const text = await file.text();
      const format = importFormat(file.name);
      if (format === "json") {
        /** @type {Record<string, unknown>} */
        let loaded;
        try { loaded = JSON.parse(text); } catch (e) { throw new Error(t("editor.notJson", { name: file.name })); }
        await load(loaded);
      } else {
        /** @type {{ tags: Record<string, unknown>[] }} */
        const imported = await api(`import/${format}`, { method: "POST", text, type: "text/plain", signal });
        tags = importTags(tags, imported.tags);
      }
      changed();
    } catch (e) {
      showProblems(importProblems, e);
    }
  }

  /**
   * Fills the editor from a manifest (one sent before, or a file).
   * @param {Record<string, any>} sent
   */
  async function load(sent) {
    const loaded = fromManifest(sent, recording);
    ({ kept, recording, tags } = loaded);
    fields.show(loaded);
    people.show(loaded.people);
    form.showPeople(loaded.people);
    onRecording.show(casePeople, sent.onRecording);
    goals.show(loaded.goals);
    showGoals();
    if (loaded.method !== undefined) { fields.choose(loaded.method); await loadVocabulary(loaded.method); }
  }

  /** @param {string} code */
  async function loadVocabulary(code) {
    try { vocabulary = await api(`methods/${encodeURIComponent(code)}`, { signal }); }
    catch (e) { showProblems(sendProblems, e); return; }
    const details = /** @type {import("app/contracts.js").MethodDetails} */ (/** @type {unknown} */ (vocabulary));
    people.showCodes(details);
    fields.showSessionTypes(details.sessionTypes ?? []);
    goals.showMethodGoals(details.goals ?? []);
    showGoals();
    form.reset();
    changed();
  }

  /** Loading the methods and the manifest sent before: imports and sending wait for it. */
  let starting = Promise.resolve();
  async function begin() {
    /** @type {[{ method: string, name: string }[], void, void]} */
    const [methods] = await Promise.all([api("methods", { signal }), showPrevious(), loadCasePeople()]);
    fields.showMethods(methods, "basic-trust");
    /** @type {Record<string, any> | null} */
    let sent = null;
    try { sent = await api(`${base}/manifest`, { signal }); } catch (e) { if (!(e instanceof ApiError && e.status === 404)) throw e; }
    if (sent) { await load(sent); await loadComments(); changed(); }
    else {
      const before = await sessionBefore();
      // The first session starts with the case's people as the moments' actors.
      if (before) await load({ method: before.method, people: before.people, goals: before.goals });
      else await load({ method: fields.read().method, people: casePeople.map(({ id, role, ageBand }) => ({ id, role, ageBand })) });
    }
    edit(null);
  }

  /**
   * The manifest of the session before this one in the course: a new session starts with the case's method, people
   * and goals as they were last. Undefined for the case's first session (or when it cannot be read).
   * @returns {Promise<Record<string, any> | undefined>}
   */
  async function sessionBefore() {
    try {
      /** @type {import("app/contracts.js").CourseAnswer} */
      const course = await api(`cases/${caseId}/course`, { signal });
      const before = course.sessions.filter(s => s.sessionId !== sessionId).at(-1);
      return before && await api(`sessions/${caseId}/${before.sessionId}/manifest`, { signal });
    } catch (e) {
      if (e instanceof ApiError) return undefined;
      throw e;
    }
  }

  /** The case's people, as its privacy page keeps them; none when they cannot be read (the API then names who is missing). */
  async function loadCasePeople() {
    try {
      /** @type {import("app/contracts.js").PrivacyAnswer} */
      const privacy = await api(`cases/${caseId}/privacy`, { signal });
      casePeople = privacy.people;
    } catch (e) { if (!(e instanceof ApiError)) throw e; }
    onRecording.show(casePeople, undefined);
  }

  /** "Oefenpunt van vorige keer: …", when the session before this one recorded one; the editor works without it. */
  async function showPrevious() {
    try { fill(previous, previousPracticePoint(await api(`${base}/conversation`, { signal }))); }
    catch (e) { if (!(e instanceof ApiError)) throw e; }
  }

  /** After a review, its comments (every round) show beside the tags at their recording times. */
  async function loadComments() {
    try { reviewed = await api(`reels/${caseId}/${sessionId}`, { signal }); }
    catch (e) { if (!(e instanceof ApiError && e.status === 404)) throw e; }
  }

  return {
    element,
    start() {
      starting = begin();
      return starting;
    },
    /**
     * Plays this source in the editor (the chosen file, the recording, or a preview with the recording's times).
     * @param {string} src
     * @param {string} name the recording's file name, as the manifest names it
     */
    show(src, name) {
      recording = name;
      play.show(src);
    },
    video: play.video,
    /**
     * Where the pipeline is with the tags sent from this page ("Knippen 2/3", "Klaar"): replaces what sending said.
     * Nothing before anything was sent here.
     * @param {string} text
     */
    showState(text) {
      if (sendStatus.hasChildNodes()) fill(sendStatus, h("p", { id: "tags-state" }, text));
    },
    /** @returns {boolean} */
    hasSource: () => play.video.hasAttribute("src"),
  };
}
