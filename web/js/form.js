// Small form helpers every page shares: a labelled input checked as it is typed, and problems shown by field, in the
// page's language (by their catalogue keys).
import { ApiError } from "app/api.js";
import { h, fill } from "app/dom.js";
import { said, t } from "app/i18n.js";

/**
 * A labelled text input with a hint, checked against a pattern as it is typed (the API checks again).
 * @param {{ id: string, label: string, hint: string, pattern: RegExp, invalid: string, placeholder?: string }} options
 */
export function idField({ id, label, hint, pattern, invalid, placeholder }) {
  const input = h("input", { id, name: id, type: "text", required: true, autocomplete: "off", spellcheck: "false",
    autocapitalize: "off", placeholder, "aria-describedby": `${id}-hint ${id}-error` });
  const error = h("p", { id: `${id}-error`, class: "error", "aria-live": "polite" });
  const check = () => {
    const ok = input.value === "" || pattern.test(input.value);
    input.setAttribute("aria-invalid", String(!ok));
    error.textContent = ok ? "" : invalid;
    return ok && input.value !== "";
  };
  input.addEventListener("input", check);
  const field = h("div", { class: "field" }, h("label", { for: id }, label), h("p", { id: `${id}-hint`, class: "hint" }, hint), input, error);
  return { field, input, check };
}

/**
 * A problem the API named, in the page's language.
 * @param {import("app/contracts.js").FieldProblem} problem
 * @returns {string}
 */
export function problemText(problem) {
  return said(problem.key, problem.args, problem.message) ?? problem.message;
}

/**
 * Shows what went wrong: the API's problems one per line (field and plain sentence), or the error's message (a
 * NetworkError's says the page is offline).
 * @param {HTMLElement} target
 * @param {unknown} error
 */
export function showProblems(target, error) {
  if (error instanceof ApiError) {
    const { problem } = error;
    const problems = problem.errors ?? [];
    fill(target,
      h("p", {}, said(problem.titleKey, problem.args, problem.title) ?? t("error.title")),
      problems.length > 0 && h("ul", {}, problems.map(p => h("li", {}, h("code", {}, p.path), ": ", problemText(p)))),
      problems.length === 0 && h("p", {}, said(problem.detailKey, problem.args, problem.detail) ?? t("error.status", { status: error.status })));
  } else {
    fill(target, h("p", {}, error instanceof Error ? error.message : String(error)));
  }
}
