// The tagging editor: watch the recording and tag moments, keyboard first (every action also by mouse and touch).
// The page keeps the tags; the API does the rest: the method's vocabulary and its "did you mean …?", the imports
// (CSV, ELAN, BORIS), and the plan, a dry run of the pipeline's own planning. Times are the recording's, in seconds.
import { api, ApiError } from "app/api.js";
import { h, fill } from "app/dom.js";
import { showProblems } from "app/form.js";
import { clock, language, t } from "app/i18n.js";
import { person } from "app/review.js";

/**
 * @typedef {{ code: string, nl: string, en: string, valence: string, actor: string, description: string, confirmed: boolean }} VocabularyLabel
 * @typedef {{ method: string, name: string, custom: boolean, labels: VocabularyLabel[], match?: { code: string, exact: boolean } }} Vocabulary
 * @typedef {{ id: string, start: number, end: number, label: string, valence?: string, keyMoment?: number,
 *   note?: string, caption?: string, concern?: boolean, select?: boolean, goal?: string }} EditorTag
 * @typedef {{ clipId: string, index: number, in: string, out: string, valence: string, title: string, tags: { id: string }[] }} DryRunClip
 * @typedef {{ valid: boolean, duration?: string, clips?: DryRunClip[], errors: import("app/types.js").FieldProblem[], warnings: import("app/types.js").FieldProblem[] }} DryRun
 */

/** One frame at 25 fps: the step for , and . (the recording's own rate is not known to the page). */
const frame = 0.04;
const replanAfter = 400;

/**
 * Seconds from a manifest time: a number, or a timecode (m:ss.f, h:mm:ss.f, or .NET's hh:mm:ss.fffffff).
 * @param {unknown} value
 */
function seconds(value) {
  if (typeof value === "number") return value;
  return String(value).split(":").reduce((total, part) => total * 60 + Number(part), 0);
}

/** @param {number} value */
const round = value => Math.round(value * 1000) / 1000;

/**
 * @param {{ caseId: string, sessionId: string, signal: AbortSignal, onSubmitted: () => void }} options
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
  /** The id of the tag being edited, or null for a new one (positions change as tags are sorted). */
  /** @type {string | null} */
  let editing = null;
  /** @type {{ start?: number, end?: number, keyMoment?: number, label?: string }} */
  let draft = {};
  /** @type {Record<string, { text: string, by: string }[]>} */
  let commentsByTag = {};

  // The player.
  const video = h("video", { id: "editor-video", preload: "auto", playsinline: true, "aria-label": t("editor.video") });
  const time = h("p", { id: "editor-time", class: "time" }, clock(0));
  const playButton = h("button", { type: "button", "aria-keyshortcuts": "Space", onclick: () => playPause() }, t("editor.play"));
  /** @param {string} key @param {string} shortcut @param {() => void} action */
  const control = (key, shortcut, action) => h("button", { type: "button", "aria-keyshortcuts": shortcut, onclick: action }, t(key));
  const transport = h("div", { class: "transport" },
    control("editor.back5", "Shift+ArrowLeft", () => seek(-5)), control("editor.back1", "ArrowLeft", () => seek(-1)),
    control("editor.frameBack", ",", () => seek(-frame)), playButton,
    control("editor.frameForward", ".", () => seek(frame)), control("editor.forward1", "ArrowRight", () => seek(1)),
    control("editor.forward5", "Shift+ArrowRight", () => seek(5)));
  const marks = h("div", { class: "transport" },
    control("editor.setIn", "I", () => mark("start")), control("editor.setOut", "O", () => mark("end")),
    control("editor.setKey", "M", () => mark("keyMoment")));
  const timeline = h("div", { id: "timeline", class: "timeline", role: "group", "aria-label": t("editor.timeline"),
    onpointerdown: (/** @type {PointerEvent} */ e) => { if (e.target === timeline) video.currentTime = timeAt(e.clientX); } });
  const playhead = h("div", { class: "playhead", "aria-hidden": "true" });

  // The tag being made or changed.
  const inOut = h("p", { id: "tag-times", "aria-live": "polite" });
  const labelInput = h("input", { id: "tag-label", type: "text", role: "combobox", autocomplete: "off", spellcheck: "false", maxlength: 100,
    "aria-autocomplete": "list", "aria-expanded": "false", "aria-controls": "label-options", "aria-keyshortcuts": "L", "aria-describedby": "tag-label-hint" });
  const options = h("ul", { id: "label-options", role: "listbox", class: "options", "aria-label": t("editor.labels") });
  const suggestion = h("div", { id: "label-suggestion", "aria-live": "polite" });
  const valence = h("select", { id: "tag-valence" });
  const note = h("textarea", { id: "tag-note", rows: 2, maxlength: 2000 });
  const caption = h("input", { id: "tag-caption", type: "text", maxlength: 200, placeholder: "Jij bent boos, hè?" });
  const goal = h("select", { id: "tag-goal" });
  const concern = h("input", { id: "tag-concern", type: "checkbox" });
  const inReel = h("input", { id: "tag-select", type: "checkbox", checked: true });
  const formProblem = h("p", { class: "error", "aria-live": "polite" });
  const saveButton = h("button", { type: "submit", class: "primary" }, t("editor.add"));
  const removeButton = h("button", { type: "button", class: "danger", hidden: true, onclick: () => removeTag() }, t("editor.remove"));
  const form = h("form", { id: "tag-form", novalidate: true, onsubmit: (/** @type {SubmitEvent} */ e) => { e.preventDefault(); saveTag(); } },
    h("h3", { id: "tag-form-title" }, t("editor.newTag")),
    inOut,
    h("div", { class: "field combo" }, h("label", { for: "tag-label" }, t("editor.label")),
      h("p", { class: "hint", id: "tag-label-hint" }, t("editor.labelHint")), labelInput, options, suggestion),
    h("div", { class: "field" }, h("label", { for: "tag-valence" }, t("editor.valence")), valence),
    h("div", { class: "field" }, h("label", { for: "tag-caption" }, t("editor.caption")), h("p", { class: "hint" }, t("editor.captionHint")), caption),
    h("div", { class: "field" }, h("label", { for: "tag-note" }, t("editor.note")), h("p", { class: "hint" }, t("editor.noteHint")), note),
    h("div", { class: "field", id: "tag-goal-field", hidden: true }, h("label", { for: "tag-goal" }, t("editor.goal")), goal),
    h("div", { class: "field check" }, inReel, h("label", { for: "tag-select" }, t("editor.inReel"))),
    h("div", { class: "field check" }, concern, h("label", { for: "tag-concern" }, t("editor.concern"))),
    formProblem,
    h("div", { class: "controls" }, saveButton, h("button", { type: "button", onclick: () => edit(null) }, t("editor.clear")), removeButton));

  // The tags, the session's fields, the plan and sending.
  const list = h("div", { id: "tag-list" });
  const method = h("select", { id: "session-method", onchange: () => void loadVocabulary(method.value) });
  const courseSession = h("input", { id: "course-session", type: "number", min: 1, max: 100, inputmode: "numeric", onchange: () => replan() });
  const courseOf = h("input", { id: "course-of", type: "number", min: 1, max: 100, inputmode: "numeric", onchange: () => replan() });
  const order = h("select", { id: "reel-order", onchange: () => replan() },
    h("option", { value: "chronological" }, t("editor.order.chronological")), h("option", { value: "strengths-first" }, t("editor.order.strengthsFirst")));
  const plan = h("div", { id: "plan", "aria-live": "polite" }, h("p", { class: "muted" }, t("editor.planEmpty")));
  /** The import in progress: sending waits for it. */
  let importing = Promise.resolve();
  const importFile = h("input", { id: "tags-file", type: "file", accept: ".json,.csv,.txt,.eaf,.boris,application/json,text/csv",
    onchange: () => { importing = importTags(); } });
  const importProblems = h("div", { id: "import-problems", class: "problems", role: "alert" });
  const sendProblems = h("div", { id: "send-problems", class: "problems", role: "alert" });
  const sendButton = h("button", { type: "button", class: "primary", id: "send-tags", onclick: () => void send() }, t("session.send"));

  const player = h("div", { id: "editor", class: "editor-player", tabindex: 0, role: "region", "aria-label": t("editor.playerLabel"),
    "aria-describedby": "editor-keys" }, video, time, transport, marks, timeline);
  const element = h("div", { class: "editor" },
    h("div", { class: "editor-grid" },
      h("div", {}, player,
        h("details", { id: "editor-keys" }, h("summary", {}, t("editor.keys")), h("p", {}, t("editor.keysText")))),
      form),
    h("h3", {}, t("editor.tags")), list,
    h("div", { class: "field" }, h("label", { for: "tags-file" }, t("editor.import")), h("p", { class: "hint" }, t("editor.importHint")), importFile, importProblems),
    h("fieldset", { class: "session-fields" }, h("legend", {}, t("editor.session")),
      h("div", { class: "field" }, h("label", { for: "session-method" }, t("editor.method")), method),
      h("div", { class: "field pair" },
        h("div", {}, h("label", { for: "course-session" }, t("editor.courseSession")), courseSession),
        h("div", {}, h("label", { for: "course-of" }, t("editor.courseOf")), courseOf)),
      h("div", { class: "field" }, h("label", { for: "reel-order" }, t("editor.order")), order)),
    h("h3", {}, t("editor.plan")), plan,
    h("div", { class: "controls" }, sendButton), sendProblems);

  // Keyboard first. On the player itself: Space, the arrows and Enter; anywhere in the editor outside a text field
  // (so also right after a click on a button): the letters and digits.
  element.addEventListener("keydown", event => {
    const target = /** @type {HTMLElement} */ (event.target);
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    if (target.closest("input, textarea, select") || target.closest(".edge")) return;
    const onPlayer = target === player;
    const key = event.key;
    /** @type {Record<string, () => void>} */
    const anywhere = { k: playPause, ",": () => seek(-frame), ".": () => seek(frame), i: () => mark("start"), o: () => mark("end"),
      m: () => mark("keyMoment"), l: () => labelInput.focus() };
    /** @type {Record<string, () => void>} */
    const onThePlayer = { " ": playPause, ArrowLeft: () => seek(event.shiftKey ? -5 : -1), ArrowRight: () => seek(event.shiftKey ? 5 : 1), Enter: saveTag };
    const action = anywhere[key] ?? (onPlayer ? onThePlayer[key] : undefined) ?? (/^[1-9]$/.test(key) ? () => pickByNumber(Number(key)) : undefined);
    if (!action) return;
    event.preventDefault();
    action();
  });

  // The label picker: type to filter (code, Dutch or English), arrows and Enter to choose; what matches nothing goes
  // to the API, which names the label meant ("did you mean …?").
  let active = 0;
  labelInput.addEventListener("input", () => { draft.label = undefined; active = 0; showOptions(); });
  labelInput.addEventListener("focus", showOptions);
  labelInput.addEventListener("blur", () => setTimeout(() => { options.hidden = true; labelInput.setAttribute("aria-expanded", "false"); }, 150));
  labelInput.addEventListener("keydown", event => {
    const shown = filtered();
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      active = Math.max(0, Math.min(shown.length - 1, active + (event.key === "ArrowDown" ? 1 : -1)));
      showOptions();
    } else if (event.key === "Enter") {
      event.preventDefault();
      if (shown.length > 0 && labelInput.value.trim() !== "") choose(shown[active].code);
      else void lookUp(labelInput.value);
    } else if (event.key === "Escape") {
      options.hidden = true;
      labelInput.setAttribute("aria-expanded", "false");
      player.focus();
    }
  });

  function filtered() {
    const typed = labelInput.value.trim().toLowerCase();
    const labels = vocabulary?.labels ?? [];
    return typed === "" ? labels : labels.filter(l => [l.code, l.nl, l.en].some(text => text.toLowerCase().includes(typed)));
  }

  function showOptions() {
    const shown = filtered();
    const all = vocabulary?.labels ?? [];
    fill(options, shown.map((l, i) => h("li", {
      id: `label-option-${l.code}`, role: "option", "aria-selected": String(i === active), class: `option ${l.valence}`,
      onpointerdown: (/** @type {PointerEvent} */ e) => { e.preventDefault(); choose(l.code); },
    }, h("span", { class: "n" }, `${all.indexOf(l) + 1}`), ` ${name(l)} `, h("span", { class: "muted" }, `${l.code} · ${t(`valence.${l.valence}`)}`))));
    const open = document.activeElement === labelInput && shown.length > 0;
    options.hidden = !open;
    labelInput.setAttribute("aria-expanded", String(open));
    if (shown[active]) labelInput.setAttribute("aria-activedescendant", `label-option-${shown[active].code}`);
    else labelInput.removeAttribute("aria-activedescendant");
  }

  /** @param {string} typed */
  async function lookUp(typed) {
    if (!vocabulary || typed.trim() === "") return;
    if (vocabulary.custom) { choose(typed.trim()); return; }
    /** @type {Vocabulary} */
    let found;
    try { found = await api(`methods/${encodeURIComponent(vocabulary.method)}?match=${encodeURIComponent(typed)}`, { signal }); }
    catch (e) { showProblems(suggestion, e); return; }
    const match = found.match;
    const label = match && labelOf(match.code);
    if (match?.exact && label) { choose(label.code); return; }
    if (!label) { fill(suggestion, h("p", { class: "error" }, t("editor.noSuchLabel", { typed }))); return; }
    const accept = h("button", { type: "button", id: "accept-suggestion", onclick: () => { choose(label.code); } }, t("editor.didYouMean", { label: name(label) }));
    fill(suggestion, h("p", {}, t("editor.notInVocabulary", { typed }), " ", accept));
    accept.focus();
  }

  /** @param {number} n */
  function pickByNumber(n) {
    const label = vocabulary?.labels[n - 1];
    if (label) choose(label.code);
  }

  /** @param {string} code */
  function choose(code) {
    const picking = document.activeElement === labelInput || suggestion.contains(document.activeElement);
    draft.label = code;
    const label = labelOf(code);
    labelInput.value = label ? name(label) : code;
    labelInput.setAttribute("aria-invalid", "false");
    fill(suggestion);
    options.hidden = true;
    labelInput.setAttribute("aria-expanded", "false");
    fill(valence, h("option", { value: "" }, t("editor.valenceDefault", { valence: label ? t(`valence.${label.valence}`) : "–" })),
      ["strength", "learning", "child"].map(v => h("option", { value: v }, t(`valence.${v}`))));
    showDraft();
    // Back to the player: the next keys are its shortcuts.
    if (picking) player.focus();
  }

  /** @param {string} code */
  function labelOf(code) {
    return vocabulary?.labels.find(l => l.code === code);
  }

  /**
   * The tag's kind (strength, learning, child): its own, else its label's.
   * @param {EditorTag} tag
   */
  function kindOf(tag) {
    return tag.valence ?? labelOf(tag.label)?.valence ?? "";
  }

  /** @param {VocabularyLabel} label */
  function name(label) {
    return language() === "en" ? label.en : label.nl;
  }

  function playPause() {
    if (video.paused) void video.play().catch(() => {}); else video.pause();
  }

  /** @param {number} by */
  function seek(by) {
    video.pause();
    video.currentTime = Math.max(0, Math.min(duration(), video.currentTime + by));
  }

  function duration() {
    return Number.isFinite(video.duration) ? video.duration : 0;
  }

  /** @param {"start" | "end" | "keyMoment"} what */
  function mark(what) {
    draft[what] = round(video.currentTime);
    showDraft();
  }

  function showDraft() {
    const { start, end, keyMoment } = draft;
    inOut.textContent = t("editor.inOut", {
      in: start === undefined ? "–" : clock(start), out: end === undefined ? "–" : clock(end),
      key: keyMoment === undefined ? t("editor.keyDefault") : clock(keyMoment),
    });
    formProblem.textContent = "";
  }

  function saveTag() {
    const { start, end, label } = draft;
    const missing = start === undefined ? "editor.needIn" : end === undefined ? "editor.needOut" : !label ? "editor.needLabel" : null;
    if (missing) { formProblem.textContent = t(missing); if (missing === "editor.needLabel") labelInput.focus(); return; }
    if (/** @type {number} */ (end) <= /** @type {number} */ (start)) { formProblem.textContent = t("editor.outBeforeIn"); return; }
    const at = tags.findIndex(tag => tag.id === editing);
    // What the form does not show (an imported tag's actor or captionVoice) stays as it was.
    /** @type {EditorTag} */
    const tag = {
      ...tags[at], id: editing ?? nextId(), start: /** @type {number} */ (start), end: /** @type {number} */ (end), label: /** @type {string} */ (label),
      valence: valence.value || undefined, keyMoment: draft.keyMoment, note: note.value.trim() || undefined, caption: caption.value.trim() || undefined,
      concern: concern.checked || undefined, select: inReel.checked ? undefined : false, goal: goal.value || undefined,
    };
    if (at >= 0) tags[at] = tag; else tags.push(tag);
    tags.sort((a, b) => a.start - b.start);
    edit(null);
    changed();
    player.focus();
  }

  function nextId() {
    for (let n = tags.length + 1; ; n++) if (!tags.some(tag => tag.id === `t${n}`)) return `t${n}`;
  }

  /** @param {string | null} id the tag to load into the form, or null for a new one */
  function edit(id) {
    const tag = tags.find(tag => tag.id === id);
    editing = tag?.id ?? null;
    draft = tag ? { start: tag.start, end: tag.end, keyMoment: tag.keyMoment, label: tag.label } : {};
    if (tag) choose(tag.label); else { labelInput.value = ""; fill(valence, h("option", { value: "" }, t("editor.valenceDefault", { valence: "–" }))); }
    valence.value = tag?.valence ?? "";
    note.value = tag?.note ?? "";
    caption.value = tag?.caption ?? "";
    goal.value = tag?.goal ?? "";
    concern.checked = tag?.concern ?? false;
    inReel.checked = tag?.select !== false;
    saveButton.textContent = t(tag ? "editor.save" : "editor.add");
    removeButton.hidden = !tag;
    /** @type {HTMLElement} */ (form.querySelector("h3")).textContent = tag ? t("editor.editTag", { id: tag.id }) : t("editor.newTag");
    if (tag) video.currentTime = tag.start;
    showDraft();
  }

  function removeTag() {
    tags = tags.filter(tag => tag.id !== editing);
    edit(null);
    changed();
    player.focus();
  }

  function changed() {
    showTags();
    replan();
  }

  function showTags() {
    fill(list, tags.length === 0 ? h("p", { class: "muted" }, t("editor.noTags")) : h("div", { class: "scroll" }, h("table", { class: "tags" },
      h("caption", { class: "visually-hidden" }, t("editor.tags")),
      h("thead", {}, h("tr", {}, ["editor.col.id", "editor.col.in", "editor.col.out", "editor.col.label", "editor.col.caption", "editor.col.comments", "editor.col.edit"]
        .map(key => h("th", { scope: "col" }, t(key))))),
      h("tbody", {}, tags.map(tag => {
        const label = labelOf(tag.label);
        const comments = commentsByTag[tag.id] ?? [];
        return h("tr", { id: `tag-${tag.id}`, class: [kindOf(tag), tag.concern ? "concern" : "", tag.select === false ? "left-out" : ""].join(" ") },
          h("td", {}, tag.id), h("td", {}, clock(tag.start)), h("td", {}, clock(tag.end)),
          h("td", {}, label ? name(label) : tag.label, tag.concern ? ` (${t("editor.concernShort")})` : "", tag.select === false ? ` (${t("editor.leftOut")})` : ""),
          h("td", {}, tag.caption ?? ""),
          h("td", {}, comments.length > 0 && h("ul", { class: "comments" }, comments.map(c => h("li", {}, c.text, h("span", { class: "muted" }, ` – ${person(c.by, undefined)}`))))),
          h("td", {}, h("button", { type: "button", class: "link", "aria-label": t("editor.editLabel", { id: tag.id }), onclick: () => { edit(tag.id); labelInput.focus(); } }, t("editor.edit"))));
      })))));
    drawTimeline();
  }

  /** @param {number} clientX */
  function timeAt(clientX) {
    const box = timeline.getBoundingClientRect();
    return round(Math.max(0, Math.min(1, (clientX - box.left) / box.width)) * duration());
  }

  /** The tags as bars; each bar's edges are dragged (mouse, touch) or moved with the arrow keys to change its times. */
  function drawTimeline() {
    const total = duration();
    if (total <= 0) { fill(timeline); return; }
    fill(timeline, playhead, tags.map(tag => {
      const bar = h("div", { class: `bar ${kindOf(tag)}`, title: tag.id,
        onclick: () => edit(tag.id) }, edge(tag, "start"), edge(tag, "end"));
      place(bar, tag);
      return bar;
    }));
    movePlayhead();
  }

  /**
   * @param {EditorTag} tag
   * @param {"start" | "end"} side
   */
  function edge(tag, side) {
    const handle = h("button", { type: "button", class: `edge ${side}`,
      "aria-label": t(side === "start" ? "editor.edgeStart" : "editor.edgeEnd", { id: tag.id, time: clock(tag[side]) }) });
    /** @param {number} value */
    const move = value => {
      tag[side] = round(side === "start" ? Math.max(0, Math.min(value, tag.end - 0.1)) : Math.min(duration(), Math.max(value, tag.start + 0.1)));
      if (tag.keyMoment !== undefined) tag.keyMoment = Math.min(tag.end, Math.max(tag.start, tag.keyMoment));
      // The tag in the form follows, so saving it keeps the new times.
      if (tag.id === editing) { draft = { ...draft, start: tag.start, end: tag.end, keyMoment: tag.keyMoment }; showDraft(); }
      video.currentTime = tag[side];
    };
    handle.addEventListener("click", e => e.stopPropagation());
    handle.addEventListener("pointerdown", e => {
      e.stopPropagation();
      handle.setPointerCapture(e.pointerId);
      const follow = (/** @type {PointerEvent} */ m) => {
        move(timeAt(m.clientX));
        place(/** @type {HTMLElement} */ (handle.parentElement), tag);
      };
      const done = () => {
        handle.removeEventListener("pointermove", follow);
        handle.removeEventListener("pointerup", done);
        handle.removeEventListener("pointercancel", done);
        tags.sort((a, b) => a.start - b.start);
        changed();
      };
      handle.addEventListener("pointermove", follow);
      handle.addEventListener("pointerup", done);
      handle.addEventListener("pointercancel", done);
    });
    handle.addEventListener("keydown", e => {
      if (e.key !== "ArrowLeft" && e.key !== "ArrowRight") return;
      e.preventDefault();
      move(tag[side] + (e.key === "ArrowLeft" ? -1 : 1) * (e.shiftKey ? 1 : 0.1));
      changed();
      /** @type {HTMLElement | null} */ (timeline.querySelector(`.bar[title="${CSS.escape(tag.id)}"] .edge.${side}`))?.focus();
    });
    return handle;
  }

  /**
   * Positions a tag's bar (through the style object: the Content-Security-Policy refuses style attributes).
   * @param {HTMLElement} bar
   * @param {EditorTag} tag
   */
  function place(bar, tag) {
    const total = duration();
    bar.style.left = `${(tag.start / total) * 100}%`;
    bar.style.width = `${((tag.end - tag.start) / total) * 100}%`;
  }

  function movePlayhead() {
    const total = duration();
    playhead.style.left = total > 0 ? `${(video.currentTime / total) * 100}%` : "0";
  }

  video.addEventListener("timeupdate", () => { time.textContent = `${clock(video.currentTime)} / ${clock(duration())}`; movePlayhead(); });
  video.addEventListener("seeked", () => { time.textContent = `${clock(video.currentTime)} / ${clock(duration())}`; movePlayhead(); });
  video.addEventListener("play", () => { playButton.textContent = t("editor.pause"); });
  video.addEventListener("pause", () => { playButton.textContent = t("editor.play"); });
  video.addEventListener("loadedmetadata", () => { time.textContent = `${clock(0)} / ${clock(duration())}`; changed(); });

  /** A link that came while the recording played. */
  let waiting = "";
  /**
   * Plays another source (a renewed link, or a preview in place of the file) from where the therapist was.
   * @param {string} src
   */
  function swap(src) {
    waiting = "";
    const at = video.currentTime;
    video.src = src;
    if (at > 0) video.addEventListener("loadedmetadata", () => { video.currentTime = at; }, { once: true });
  }
  for (const event of ["pause", "error"]) video.addEventListener(event, () => { if (waiting) swap(waiting); });

  /** The manifest the tags make, with the fields a loaded one had and the editor does not show. */
  function manifest() {
    const course = courseSession.value && courseOf.value
      ? { .../** @type {object} */ (kept.course ?? {}), session: Number(courseSession.value), of: Number(courseOf.value) } : undefined;
    return {
      ...kept,
      schema: "basictrust.session/v1", caseId, sessionId, method: method.value, recording,
      course,
      reel: { .../** @type {object} */ (kept.reel ?? {}), order: order.value },
      tags: tags.map(tag => ({ ...tag, start: round(tag.start), end: round(tag.end) })),
    };
  }

  /** @type {ReturnType<typeof setTimeout> | undefined} */
  let planTimer;
  /** @type {AbortController | undefined} */
  let planning;
  /** Asks the API for the plan a moment after the last change (one request at a time). */
  function replan() {
    clearTimeout(planTimer);
    planTimer = setTimeout(async () => {
      planning?.abort();
      if (tags.length === 0 || duration() <= 0) { fill(plan, h("p", { class: "muted" }, t("editor.planEmpty"))); return; }
      planning = new AbortController();
      try {
        /** @type {DryRun} */
        const result = await api(`${base}/plan?duration=${duration().toFixed(3)}`, { method: "POST", json: manifest(), signal: AbortSignal.any([signal, planning.signal]) });
        showPlan(result);
      } catch (e) {
        if (!(e instanceof DOMException && e.name === "AbortError")) showProblems(plan, e);
      }
    }, replanAfter);
  }

  /** @param {DryRun} result */
  function showPlan(result) {
    const clips = result.clips ?? [];
    plan.dataset.valid = String(result.valid);
    fill(plan,
      h("p", { id: "plan-summary", class: result.valid ? "" : "error" }, result.valid
        ? t("editor.planSummary", { clips: clips.length, length: clock(seconds(result.duration ?? 0)) })
        : t("editor.planInvalid")),
      clips.length > 0 && h("ol", { class: "plan-clips" }, clips.map(c => h("li", { class: c.valence },
        h("strong", {}, c.title), " ", h("span", { class: "muted" },
          `${clock(seconds(c.in))}–${clock(seconds(c.out))} (${(seconds(c.out) - seconds(c.in)).toFixed(1)} s) · ${t(`valence.${c.valence}`)} · `,
          c.tags.map(tag => tag.id).join(", "))))),
      problemList("error", result.errors), problemList("notice", result.warnings));
  }

  /**
   * Problems in plain language: "tags[2].label" reads as the tag's id ("t3, label").
   * @param {string} kind
   * @param {import("app/types.js").FieldProblem[]} problems
   */
  function problemList(kind, problems) {
    return problems.length > 0 && h("ul", { class: `plan-problems ${kind}` }, problems.map(p => {
      const tagIndex = /^tags\[(\d+)\]/.exec(p.path);
      const where = tagIndex ? t("editor.problemTag", { id: tags[Number(tagIndex[1])]?.id ?? tagIndex[1] }) : p.path;
      return h("li", {}, h("strong", {}, `${where}: `), p.message);
    }));
  }

  async function send() {
    fill(sendProblems);
    await starting.catch(() => {});
    await importing;
    if (!recording) { fill(sendProblems, h("p", {}, t("editor.needRecording"))); return; }
    sendButton.disabled = true;
    try {
      /** @type {import("app/types.js").ManifestAccepted} */
      const accepted = await api(`${base}/manifest`, { method: "PUT", json: manifest(), signal });
      fill(sendProblems, h("p", { id: "tags-accepted" }, t("session.manifestAccepted")), problemList("notice", accepted.warnings));
      onSubmitted();
    } catch (error) {
      showProblems(sendProblems, error);
    } finally {
      sendButton.disabled = false;
    }
  }

  /** Tags from a file: a session manifest (JSON) fills the whole editor; CSV, ELAN and BORIS go through the API's import. */
  async function importTags() {
    // A file chosen while the editor still loads the methods and the manifest sent before is read after them.
    await starting.catch(() => {});
    const file = importFile.files?.[0];
    if (!file) return;
    fill(importProblems);
    try {
      const text = await file.text();
      if (/\.json$/i.test(file.name)) {
        /** @type {Record<string, unknown>} */
        let loaded;
        try { loaded = JSON.parse(text); } catch (e) { throw new Error(t("editor.notJson", { name: file.name })); }
        await load(loaded);
      } else {
        const format = /\.eaf$/i.test(file.name) ? "elan" : /\.boris$/i.test(file.name) ? "boris" : "csv";
        /** @type {{ tags: Record<string, unknown>[] }} */
        const imported = await api(`import/${format}`, { method: "POST", text, type: "text/plain", signal });
        addTags(imported.tags);
      }
      changed();
    } catch (e) {
      showProblems(importProblems, e);
    }
  }

  /** @param {Record<string, any>[]} more */
  function addTags(more) {
    for (const tag of more) {
      const { start, end, keyMoment, ...rest } = tag;
      tags.push({ ...rest, id: rest.id ?? nextId(), start: seconds(start), end: seconds(end), keyMoment: keyMoment === undefined ? undefined : seconds(keyMoment), label: String(rest.label) });
    }
    tags.sort((a, b) => a.start - b.start);
  }

  /**
   * Fills the editor from a manifest (one sent before, or a file).
   * @param {Record<string, any>} loaded
   */
  async function load(loaded) {
    const { tags: loadedTags, method: loadedMethod, recording: loadedRecording, course, reel, schema: _schema, caseId: _c, sessionId: _s, ...rest } = loaded;
    kept = { ...rest, reel, course };
    if (typeof loadedRecording === "string" && !recording) recording = loadedRecording;
    courseSession.value = course?.session ?? "";
    courseOf.value = course?.of ?? "";
    order.value = reel?.order ?? "chronological";
    if (typeof loadedMethod === "string") { method.value = loadedMethod; await loadVocabulary(loadedMethod); }
    tags = [];
    addTags(Array.isArray(loadedTags) ? loadedTags : []);
    const goals = Array.isArray(rest.goals) ? rest.goals : [];
    /** @type {HTMLElement} */ (form.querySelector("#tag-goal-field")).hidden = goals.length === 0;
    fill(goal, h("option", { value: "" }, t("editor.noGoal")), goals.map((/** @type {{ id: string, text: string }} */ g) => h("option", { value: g.id }, g.text)));
  }

  /** @param {string} code */
  async function loadVocabulary(code) {
    try { vocabulary = await api(`methods/${encodeURIComponent(code)}`, { signal }); }
    catch (e) { showProblems(sendProblems, e); return; }
    active = 0;
    labelInput.placeholder = vocabulary?.custom ? t("editor.customLabel") : t("editor.labelPlaceholder");
    changed();
  }

  /** Loading the methods and the manifest sent before: imports and sending wait for it. */
  let starting = Promise.resolve();
  function start() {
    starting = begin();
    return starting;
  }

  async function begin() {
    /** @type {{ method: string, name: string }[]} */
    const methods = await api("methods", { signal });
    fill(method, methods.map(m => h("option", { value: m.method }, m.name)));
    method.value = "basic-trust";
    /** @type {Record<string, any> | null} */
    let sent = null;
    try { sent = await api(`${base}/manifest`, { signal }); } catch (e) { if (!(e instanceof ApiError && e.status === 404)) throw e; }
    if (sent) { await load(sent); await loadComments(); } else await loadVocabulary(method.value);
    edit(null);
  }

  /** After a reviewer sent the reel back, their comments show beside the tags of the clip they commented on. */
  async function loadComments() {
    try {
      /** @type {import("app/types.js").ReelAnswer & { review?: { comments: { clipId: string, text: string, by: string }[] } }} */
      const answer = await api(`reels/${caseId}/${sessionId}`, { signal });
      commentsByTag = {};
      for (const comment of answer.review?.comments ?? []) {
        const clip = answer.reel.clips.find(c => c.clipId === comment.clipId);
        for (const tag of clip?.tags ?? []) (commentsByTag[tag.id] ??= []).push({ text: comment.text, by: comment.by });
      }
    } catch (e) {
      if (!(e instanceof ApiError && e.status === 404)) throw e;
    }
  }

  return {
    element,
    start,
    /**
     * Plays this source in the editor (the chosen file, the recording, or a preview with the recording's times).
     * @param {string} src
     * @param {string} name the recording's file name, as the manifest names it
     */
    show(src, name) {
      recording = name;
      if (video.src === src) return;
      // A renewed link waits while the recording plays (it plays on from its buffer) until a pause or an error.
      if (!video.paused && video.src.startsWith("http")) { waiting = src; return; }
      swap(src);
    },
    video,
    /** @returns {boolean} */
    hasSource: () => video.hasAttribute("src"),
  };
}
