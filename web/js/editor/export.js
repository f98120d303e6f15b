// Exporting the tags as another tool's file: ELAN (.eaf), a BORIS tabular events export, or our CSV. The API writes
// it (the writers bt manifest export uses, which the imports read back); the page offers it as a download link.
import { api } from "app/api.js";
import { h, fill } from "app/dom.js";
import { showProblems } from "app/form.js";
import { t } from "app/i18n.js";

/** @typedef {import("app/contracts.js").TagFile} TagFile */

const formats = /** @type {const} */ ([["elan", "editor.exportElan"], ["boris", "editor.exportBoris"], ["csv", "editor.exportCsv"]]);

/**
 * @param {{ path: string, signal: AbortSignal, manifest: () => Record<string, unknown>, ready: () => Promise<void> }} options
 *   path: the session's "sessions/{caseId}/{sessionId}"; ready: waits for what the editor is still loading
 */
export function exportView({ path, signal, manifest, ready }) {
  const problems = h("div", { id: "export-problems", class: "problems", role: "alert" });
  const saved = h("div", { id: "export-saved", role: "status" });
  /** The file offered last: its link is the page's until another replaces it or the page is left. */
  let offered = "";
  signal.addEventListener("abort", () => URL.revokeObjectURL(offered), { once: true });

  /** @param {string} format */
  async function save(format) {
    fill(problems);
    await ready();
    try {
      /** @type {TagFile} */
      const file = await api(`${path}/export/${format}`, { method: "POST", json: manifest(), signal });
      URL.revokeObjectURL(offered);
      offered = URL.createObjectURL(new Blob([file.text], { type: file.contentType }));
      const link = h("a", { id: "export-link", href: offered, download: file.fileName }, t("editor.exportSave", { name: file.fileName }));
      fill(saved, h("p", {}, link));
      link.click();
    } catch (error) {
      fill(saved);
      showProblems(problems, error);
    }
  }

  return h("div", { class: "field" },
    h("h3", { id: "export-title" }, t("editor.export")),
    h("p", { class: "hint" }, t("editor.exportHint")),
    h("div", { class: "controls", role: "group", "aria-labelledby": "export-title" },
      formats.map(([format, key]) => h("button", { type: "button", "data-format": format, onclick: () => void save(format) }, t(key)))),
    saved, problems);
}
