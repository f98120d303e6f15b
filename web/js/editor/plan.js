// The plan: the API's dry run of the pipeline's own planning on the tags as they are, asked for a moment after the
// last change, with its clips and every problem it names.
import { api } from "app/api.js";
import { h, fill } from "app/dom.js";
import { problemText, showProblems } from "app/form.js";
import { clock, t } from "app/i18n.js";
import { problemTag, seconds } from "app/editor/tags.js";

/**
 * Times are seconds, or the TimeSpan strings ("hh:mm:ss.fffffff") an older API sends: seconds() reads both.
 * @typedef {{ clipId: string, index: number, in: number | string, out: number | string, valence: string, title: string, tags: { id: string }[] }} DryRunClip
 * @typedef {{ valid: boolean, duration?: number | string, clips?: DryRunClip[], errors: FieldProblem[], warnings: FieldProblem[] }} DryRun
 * @typedef {import("app/contracts.js").FieldProblem} FieldProblem
 * @typedef {import("app/editor/tags.js").EditorTag} EditorTag
 */

const replanAfter = 400;

/**
 * Problems in plain language: "tags[2].label" reads as the tag's id ("t3, label").
 * @param {string} kind
 * @param {FieldProblem[]} problems
 * @param {EditorTag[]} tags
 */
export function problemList(kind, problems, tags) {
  return problems.length > 0 && h("ul", { class: `plan-problems ${kind}` }, problems.map(p => {
    const id = problemTag(p.path, tags);
    return h("li", {}, h("strong", {}, `${id === undefined ? p.path : t("editor.problemTag", { id })}: `), problemText(p));
  }));
}

/**
 * @param {{ path: string, signal: AbortSignal, session: () => { manifest: object, tags: EditorTag[] }, duration: () => number }} source
 *   path: the session's "sessions/{caseId}/{sessionId}"; session: the manifest the tags make, read when it is asked
 *   for; duration: the recording's length, 0 while unknown
 */
export function planView({ path, signal, session, duration }) {
  const element = h("div", { id: "plan", "aria-live": "polite" }, h("p", { class: "muted" }, t("editor.planEmpty")));
  /** @type {ReturnType<typeof setTimeout> | undefined} */
  let timer;
  /** @type {AbortController | undefined} */
  let planning;

  /** Asks the API for the plan a moment after the last change (one request at a time). */
  function replan() {
    clearTimeout(timer);
    timer = setTimeout(async () => {
      planning?.abort();
      const { manifest, tags } = session();
      if (tags.length === 0 || duration() <= 0) { fill(element, h("p", { class: "muted" }, t("editor.planEmpty"))); return; }
      planning = new AbortController();
      try {
        /** @type {DryRun} */
        const result = await api(`${path}/plan?duration=${duration().toFixed(3)}`, { method: "POST", json: manifest, signal: AbortSignal.any([signal, planning.signal]) });
        show(result, tags);
      } catch (e) {
        if (!(e instanceof DOMException && e.name === "AbortError")) showProblems(element, e);
      }
    }, replanAfter);
  }

  /**
   * @param {DryRun} result
   * @param {EditorTag[]} tags
   */
  function show(result, tags) {
    const clips = result.clips ?? [];
    element.dataset.valid = String(result.valid);
    fill(element,
      h("p", { id: "plan-summary", class: result.valid ? "" : "error" }, result.valid
        ? t("editor.planSummary", { count: clips.length, length: clock(seconds(result.duration ?? 0)) })
        : t("editor.planInvalid")),
      clips.length > 0 && h("ol", { class: "plan-clips" }, clips.map(c => h("li", { class: c.valence },
        h("strong", {}, c.title), " ", h("span", { class: "muted" },
          `${clock(seconds(c.in))}–${clock(seconds(c.out))} (${(seconds(c.out) - seconds(c.in)).toFixed(1)} s) · ${t(`valence.${c.valence}`)} · `,
          c.tags.map(tag => tag.id).join(", "))))),
      problemList("error", result.errors, tags), problemList("notice", result.warnings, tags));
  }

  return { element, replan };
}
