// The editor's tags as plain data, and every rule on them: ids, order, times, the manifest they make and the one
// they come from. No DOM and no imports, so `node --test` checks it (tags.test.js); the views only show what it
// returns. Times are the recording's, in seconds; the functions return new values and never change their arguments.

/**
 * @typedef {{ code: string, nl: string, en: string, valence: string, actor: string, description: string, confirmed: boolean }} VocabularyLabel
 * @typedef {{ method: string, name: string, custom: boolean, labels: VocabularyLabel[], match?: { code: string, exact: boolean } }} Vocabulary
 * @typedef {{ id: string, start: number, end: number, label: string, valence?: string, keyMoment?: number,
 *   note?: string, caption?: string, concern?: boolean, select?: boolean, goal?: string, actor?: string, captionVoice?: string,
 *   emphasis?: string, emphasisSeconds?: number }} EditorTag
 * @typedef {Omit<EditorTag, "id"> & { id?: string }} TagFields a tag as the form or an import gives it, its id if it has one
 * @typedef {{ start?: number, end?: number, keyMoment?: number, label?: string }} Draft the tag being marked
 * @typedef {{ session: string, of: string, type: string }} CourseFields the course's fields as typed or chosen ("" when empty)
 * @typedef {{ id: string, role: string, ageBand?: string }} Person a person of the case, by pseudonym and role
 * @typedef {{ id: string, text?: string, code?: string }} Goal a treatment goal: one of the method's (code) or in the therapist's words
 * @typedef {{ caseId: string, sessionId: string, method: string, recording: string, course: CourseFields, order: string,
 *   nextSessionAt: string, kept: Record<string, unknown>, tags: EditorTag[], people: Person[], goals: Goal[] }} EditorSession
 *   what the editor holds of a session; nextSessionAt is the manifest's (a date and time with its offset), "" for none
 */

/** The kinds a tag can have, in the order the form offers them. */
export const kinds = /** @type {const} */ (["strength", "learning", "child"]);

/** The emphases a tag can have, in the order the form offers them and the U key steps through them: none, freeze, slow. */
export const emphases = /** @type {const} */ (["", "freeze", "slow"]);

/**
 * The emphasis after this one, as the U key steps through them (none, freeze, slow, none again).
 * @param {string | undefined} emphasis
 */
export const nextEmphasis = emphasis => emphases[(emphases.indexOf(/** @type {any} */ (emphasis ?? "")) + 1) % emphases.length];

/**
 * The emphasis fields the form saves: the kind (none is no field), and a length the tag came with (a manifest's
 * emphasisSeconds) only while the kind stays the one it was for: a freeze's 4 s is no half-window for slow motion.
 * @param {EditorTag | undefined} tag the tag as it was before the form changed it
 * @param {string} emphasis the form's choice, "" for none
 */
export const emphasisFields = (tag, emphasis) => ({
  emphasis: emphasis || undefined,
  emphasisSeconds: emphasis && emphasis === tag?.emphasis ? tag.emphasisSeconds : undefined,
});

/** The shortest a tag's edges can be dragged to, in seconds. */
const shortest = 0.1;

/**
 * Seconds from a time as the API, a manifest or an import gives it: a number of seconds, or a timecode
 * (m:ss.f, h:mm:ss.f, or .NET's TimeSpan [d.]hh:mm:ss.fffffff). Something else gives NaN, which the API then names.
 * @param {unknown} value
 */
export function seconds(value) {
  if (typeof value === "number") return value;
  // A TimeSpan of a day or more starts with its days: "1.02:03:04".
  const match = /^(-?)(?:(\d+)\.(?=\d+:\d+:))?(.+)$/.exec(String(value).trim());
  const parts = match?.[3].split(":") ?? [];
  if (!match || parts.length > 3 || parts.some(part => part.trim() === "")) return NaN;
  const total = Number(match[2] ?? 0) * 86400 + parts.reduce((sum, part) => sum * 60 + Number(part), 0);
  return match[1] === "-" ? -total : total;
}

/**
 * A time to the millisecond, as the editor keeps and sends it.
 * @param {number} value
 */
export const round = value => Math.round(value * 1000) / 1000;

/**
 * @param {number} value
 * @param {number} min
 * @param {number} max
 */
export const clamp = (value, min, max) => Math.max(min, Math.min(max, value));

/**
 * The time at a fraction of the recording's length (a point on the timeline), inside the recording.
 * @param {number} fraction
 * @param {number} duration
 */
export const timeAt = (fraction, duration) => round(clamp(fraction, 0, 1) * duration);

/**
 * The first free id of the form t{n}, counting on from the number of tags.
 * @param {EditorTag[]} tags
 */
export function nextId(tags) {
  for (let n = tags.length + 1; ; n++) if (!tags.some(tag => tag.id === `t${n}`)) return `t${n}`;
}

/**
 * The tags in the order of their starts (tags that start together keep their order).
 * @param {EditorTag[]} tags
 */
export const sortTags = tags => [...tags].sort((a, b) => a.start - b.start);

/**
 * Adds a tag (with the next free id unless it has one of its own) where its start puts it.
 * @param {EditorTag[]} tags
 * @param {TagFields} fields
 */
export const addTag = (tags, fields) => sortTags([...tags, { ...fields, id: fields.id ?? nextId(tags) }]);

/**
 * Changes the tag with the id: the fields given replace its own (one given as undefined is cleared), what is not
 * given (an imported tag's actor or captionVoice) stays. The tags are sorted again.
 * @param {EditorTag[]} tags
 * @param {string} id
 * @param {Partial<EditorTag>} fields
 */
export const editTag = (tags, id, fields) => sortTags(tags.map(tag => (tag.id === id ? { ...tag, ...fields, id } : tag)));

/**
 * What the form's save does: changes the tag with the id, or adds a new one (with the id, or the next free one for
 * none) when there is no such tag.
 * @param {EditorTag[]} tags
 * @param {string | null} id
 * @param {Omit<EditorTag, "id">} fields
 */
export const saveTag = (tags, id, fields) =>
  id !== null && tags.some(tag => tag.id === id) ? editTag(tags, id, fields) : addTag(tags, { ...fields, id: id ?? undefined });

/**
 * @param {EditorTag[]} tags
 * @param {string | null} id
 */
export const removeTag = (tags, id) => tags.filter(tag => tag.id !== id);

/**
 * Moves one edge of a tag (a dragged bar edge): the start stays inside the recording and before the end, the end
 * inside the recording and after the start (each at least 0.1 s from the other), and the key moment inside the tag.
 * The tags are not sorted again while the edge moves; sortTags when it is let go.
 * @param {EditorTag[]} tags
 * @param {string} id
 * @param {"start" | "end"} side
 * @param {number} value
 * @param {number} duration the recording's length
 */
export function moveEdge(tags, id, side, value, duration) {
  return tags.map(tag => {
    if (tag.id !== id) return tag;
    const moved = side === "start"
      ? { ...tag, start: round(clamp(value, 0, tag.end - shortest)) }
      : { ...tag, end: round(clamp(value, tag.start + shortest, duration)) };
    return moved.keyMoment === undefined ? moved : { ...moved, keyMoment: clamp(moved.keyMoment, moved.start, moved.end) };
  });
}

/**
 * What the tag being marked still lacks, as the text key of the form's message; null when it can be saved.
 * @param {Draft} draft
 * @returns {"editor.needIn" | "editor.needOut" | "editor.needLabel" | "editor.outBeforeIn" | null}
 */
export function draftProblem({ start, end, label }) {
  if (start === undefined) return "editor.needIn";
  if (end === undefined) return "editor.needOut";
  if (!label) return "editor.needLabel";
  return end <= start ? "editor.outBeforeIn" : null;
}

/**
 * Tags from a manifest or an import, after the tags there are: times in seconds, the next free id for a tag without
 * one, the label as text; every other field as it came.
 * @param {EditorTag[]} tags
 * @param {Record<string, any>[]} more
 */
export function importTags(tags, more) {
  const all = [...tags];
  for (const { start, end, keyMoment, ...rest } of more) {
    all.push({ ...rest, id: rest.id ?? nextId(all), start: seconds(start), end: seconds(end),
      keyMoment: keyMoment === undefined ? undefined : seconds(keyMoment), label: String(rest.label) });
  }
  return sortTags(all);
}

/**
 * What a manifest (one sent before, or a file) gives the editor. Fields the editor does not show (goals, recordedAt,
 * the course's and the reel's other settings…) are kept, to be sent back as they were; the recording it names counts
 * only when the editor has none yet; the method only when it names one.
 * @param {Record<string, any>} manifest
 * @param {string} recording the recording the editor has, or ""
 * @returns {Omit<EditorSession, "caseId" | "sessionId" | "method"> & { method?: string }}
 */
export function fromManifest(manifest, recording) {
  const { tags, method, recording: named, course, reel, nextSessionAt, people, goals, schema: _schema, caseId: _caseId, sessionId: _sessionId, ...rest } = manifest;
  return {
    kept: { ...rest, reel, course },
    recording: typeof named === "string" && !recording ? named : recording,
    method: typeof method === "string" ? method : undefined,
    course: { session: String(course?.session ?? ""), of: String(course?.of ?? ""), type: String(course?.type ?? "") },
    people: Array.isArray(people) ? people : [],
    goals: Array.isArray(goals) ? goals : [],
    order: reel?.order ?? "strengths-first",
    nextSessionAt: typeof nextSessionAt === "string" ? nextSessionAt : "",
    tags: importTags([], Array.isArray(tags) ? tags : []),
  };
}

/**
 * The manifest the session makes, with the fields a loaded one had and the editor does not show. The course counts
 * when any of its fields is filled in (the API names one that is missing); without a next session, people or goals
 * the manifest names none.
 * @param {EditorSession} session
 */
export function toManifest({ caseId, sessionId, method, recording, course, order, nextSessionAt, kept, tags, people, goals }) {
  return {
    ...kept,
    schema: "basictrust.session/v1", caseId, sessionId, method, recording, nextSessionAt: nextSessionAt || undefined,
    course: course.session || course.of || course.type
      ? { .../** @type {object} */ (kept.course ?? {}), session: course.session ? Number(course.session) : undefined,
          of: course.of ? Number(course.of) : undefined, type: course.type || undefined } : undefined,
    people: people.length > 0 ? people : undefined,
    goals: goals.length > 0 ? goals : undefined,
    reel: { .../** @type {object} */ (kept.reel ?? {}), order },
    tags: tags.map(tag => ({ ...tag, start: round(tag.start), end: round(tag.end) })),
  };
}

/**
 * A goal as the reader sees it: the therapist's words, else the method's goal's name.
 * @param {Goal} goal
 * @param {{ code: string, nl: string, en: string }[]} methodGoals
 * @param {string} language
 */
export function goalText(goal, methodGoals, language) {
  const own = methodGoals.find(g => g.code === goal.code);
  return goal.text ?? (own ? (language === "en" ? own.en : own.nl) : goal.id);
}

/**
 * The goals with the method's goal of this code taken in (its id is its code) or left out.
 * @param {Goal[]} goals
 * @param {string} code
 * @param {boolean} chosen
 */
export const chooseGoal = (goals, code, chosen) =>
  chosen ? (goals.some(g => g.code === code) ? goals : [...goals, { id: code, code }]) : goals.filter(g => g.code !== code);

/**
 * The goals with one in the therapist's own words added, under the first free id g1, g2, ….
 * @param {Goal[]} goals
 * @param {string} text
 */
export function addOwnGoal(goals, text) {
  let n = 1;
  while (goals.some(g => g.id === `g${n}`)) n++;
  return [...goals, { id: `g${n}`, text }];
}

/**
 * The people with one more of this role, under the role's name as pseudonym ("moeder"), numbered when the role is
 * there already ("kind-2").
 * @param {Person[]} people
 * @param {string} role
 */
export function addPerson(people, role) {
  let id = role;
  for (let n = 2; people.some(p => p.id === id); n++) id = `${role}-${n}`;
  return [...people, { id, role }];
}

/**
 * The import a file's name asks for: a session manifest (JSON), or ELAN, BORIS or CSV through the API.
 * @param {string} fileName
 */
export function importFormat(fileName) {
  if (/\.json$/i.test(fileName)) return "json";
  if (/\.eaf$/i.test(fileName)) return "elan";
  return /\.boris$/i.test(fileName) ? "boris" : "csv";
}

/**
 * @param {Vocabulary | undefined} vocabulary
 * @param {string} code
 */
export const labelOf = (vocabulary, code) => vocabulary?.labels.find(l => l.code === code);

/**
 * The tag's kind (strength, learning, child): its own, else its label's.
 * @param {Vocabulary | undefined} vocabulary
 * @param {EditorTag} tag
 */
export const kindOf = (vocabulary, tag) => tag.valence ?? labelOf(vocabulary, tag.label)?.valence ?? "";

/**
 * A label's name in the page's language.
 * @param {VocabularyLabel} label
 * @param {string} language
 */
export const labelName = (label, language) => (language === "en" ? label.en : label.nl);

/**
 * The labels whose code, Dutch or English name holds what was typed (all of them for nothing typed).
 * @param {Vocabulary | undefined} vocabulary
 * @param {string} typed
 */
export function filterLabels(vocabulary, typed) {
  const text = typed.trim().toLowerCase();
  const labels = vocabulary?.labels ?? [];
  return text === "" ? labels : labels.filter(l => [l.code, l.nl, l.en].some(name => name.toLowerCase().includes(text)));
}

/**
 * The id of the tag a problem's path points at ("tags[2].label" is the third tag's), its index when there is no such
 * tag, or undefined for a path that is not a tag's.
 * @param {string} path
 * @param {EditorTag[]} tags
 */
export function problemTag(path, tags) {
  const index = /^tags\[(\d+)\]/.exec(path);
  return index ? tags[Number(index[1])]?.id ?? index[1] : undefined;
}

/**
 * @typedef {{ id: string, text: string, by: string, round: number, at?: number, addressedAt?: string, reply: boolean }} TagComment
 *   a review comment as the editor shows it beside a tag: its round, its recording time, whether the therapist addressed it
 */

/**
 * The review's comments of every round by the ids of the tags they are about: the tag at the comment's recording
 * time (a comment at a moment; otherwise its clip's key moment), or the nearest tag when none covers it now; a reply
 * goes with the comment it answers.
 * @param {{ review: { number: number, comments: { id: string, text: string, by: string, recordingAt?: number, replyTo?: string, addressedAt?: string }[] },
 *   earlier: { number: number, comments: { id: string, text: string, by: string, recordingAt?: number, replyTo?: string, addressedAt?: string }[] }[] }} answer
 * @param {{ id: string, start: number, end: number }[]} tags
 */
export function commentsByTag(answer, tags) {
  /** @type {Record<string, TagComment[]>} */
  const byTag = {};
  /** @type {Record<string, string>} the tag each comment went to */
  const placed = {};
  /** @param {number} at @param {{ start: number, end: number }} tag */
  const distance = (at, tag) => Math.max(tag.start - at, at - tag.end, 0);
  /** @param {number} at */
  const nearest = at => tags.reduce((best, t) => distance(at, t) < distance(at, best) ? t : best, tags[0])?.id;
  for (const round of [...answer.earlier, answer.review]) {
    for (const comment of round.comments) {
      const at = comment.recordingAt;
      const tag = comment.replyTo ? placed[comment.replyTo] : at === undefined ? undefined : nearest(at);
      if (!tag) continue;
      placed[comment.id] = tag;
      (byTag[tag] ??= []).push({ id: comment.id, text: comment.text, by: comment.by, round: round.number, at, addressedAt: comment.addressedAt, reply: !!comment.replyTo });
    }
  }
  return byTag;
}
