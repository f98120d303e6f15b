// The HTTP API, through the static web app's /api (it adds the signed-in person's principal), asked in the page's
// language. Errors are RFC 9457 problem details; they surface as ApiError with every problem the API named, each with
// its catalogue key. A request that never reached the API (offline) is a NetworkError.
import { language, t } from "app/i18n.js";

/** @typedef {import("app/contracts.js").ApiProblem} ProblemDetails */

/** A request or a page's code that did not arrive: the network is gone. Its message says so in the page's language. */
export class NetworkError extends Error {
  constructor() {
    super(t("error.offline"));
  }
}

export class ApiError extends Error {
  /**
   * @param {number} status
   * @param {ProblemDetails} problem
   */
  constructor(status, problem) {
    super(problem.detail ?? problem.title ?? `HTTP ${status}`);
    this.status = status;
    this.problem = problem;
  }
}

/**
 * Calls the API and returns its JSON answer (undefined for an empty one).
 * @template T
 * @param {string} path under /api/, e.g. "cases"
 * @param {{ method?: string, json?: unknown, text?: string, type?: string, signal?: AbortSignal }} [options] text is sent as
 *   `type` (JSON unless said otherwise)
 * @returns {Promise<T>}
 */
export async function api(path, { method = "GET", json, text, type = "application/json", signal } = {}) {
  /** @type {Record<string, string>} */
  const headers = { accept: "application/json", "accept-language": language() };
  let body;
  if (json !== undefined) { headers["content-type"] = "application/json"; body = JSON.stringify(json); }
  else if (text !== undefined) { headers["content-type"] = type; body = text; }
  let response;
  try {
    response = await fetch(`/api/${path}`, { method, headers, body, signal, credentials: "same-origin" });
  } catch (e) {
    // fetch rejects with a TypeError when the request cannot be made ("Failed to fetch"); an abort is a DOMException.
    throw e instanceof TypeError ? new NetworkError() : e;
  }
  // Signed out (or the sign-in ran out): Static Web Apps redirects to its login page instead of answering 401.
  if (response.redirected && new URL(response.url).pathname.startsWith("/.auth/")) {
    location.assign("/.auth/login/aad?post_login_redirect_uri=" + encodeURIComponent(location.pathname));
    throw new ApiError(401, { titleKey: "api.sign-in.title", title: t("api.sign-in.title") });
  }
  const answer = (response.headers.get("content-type") ?? "").includes("json") ? await response.json() : undefined;
  if (!response.ok) throw new ApiError(response.status, answer ?? {});
  return answer;
}

/**
 * The person signed in at the static web app, or null.
 * @returns {Promise<import("app/types.js").ClientPrincipal | null>}
 */
export async function me() {
  const response = await fetch("/.auth/me", { credentials: "same-origin" });
  if (!response.ok) return null;
  const body = await response.json();
  return body?.clientPrincipal ?? null;
}

/** Ids as the API checks them (docs/api.md): lower case letters, digits and hyphens. */
export const idPattern = /^[a-z0-9][a-z0-9-]{0,62}$/;

/** Entra object ids, as the API keys people. */
export const objectIdPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
