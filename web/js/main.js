// The web app's shell: who is signed in, the language, the navigation, and which page the address shows.
import { me } from "app/api.js";
import { h, fill } from "app/dom.js";
import { chosenLanguage, languages, language, loadLanguage, t } from "app/i18n.js";

/**
 * @typedef {{ main: HTMLElement, roles: string[], signal: AbortSignal, go: (path: string, notice?: string) => void }} PageContext
 *   go: to another page; its notice (a confirmation of what was just done) is shown under that page's title
 * @typedef {(context: PageContext, ...ids: string[]) => Promise<void>} Page
 */

// Each page's module is loaded when it is first shown: a reviewer's phone never downloads the tagging editor.
/** @type {[RegExp, () => Promise<Page>][]} */
const routes = [
  [/^\/reviews$/, async () => (await import("app/pages/reviews.js")).reviewsPage],
  [/^\/reels\/([a-z0-9-]+)\/([a-z0-9-]+)$/, async () => (await import("app/pages/reel.js")).reelPage],
  [/^\/cases$/, async () => (await import("app/pages/cases.js")).casesPage],
  [/^\/cases\/([a-z0-9-]+)$/, async () => (await import("app/pages/case.js")).casePage],
  [/^\/cases\/([a-z0-9-]+)\/sessions\/([a-z0-9-]+)$/, async () => (await import("app/pages/session.js")).sessionPage],
  [/^\/privacy$/, async () => (await import("app/pages/privacy.js")).privacyPage],
  [/^\/notifications$/, async () => (await import("app/pages/notifications.js")).notificationsPage],
];

const main = /** @type {HTMLElement} */ (document.getElementById("main"));
const nav = /** @type {HTMLElement} */ (document.getElementById("nav"));
/** @type {string[]} */
let roles = [];
/** @type {AbortController | undefined} */
let leaving;
/** The path of the page on screen. */
let shown = "";

/**
 * @param {string} path
 * @param {string} [notice]
 */
function go(path, notice) {
  history.pushState(notice ? { notice } : null, "", path);
  void show();
}

async function show() {
  leaving?.abort();
  leaving = new AbortController();
  const path = location.pathname === "/" ? (roles.includes("therapist") ? "/cases" : "/reviews") : location.pathname;
  if (path !== location.pathname) history.replaceState(null, "", path);
  shown = path;
  renderNav(path);
  const found = routes.map(([pattern, page]) => /** @type {const} */ ([pattern.exec(path), page])).find(([m]) => m);
  fill(main, h("p", { class: "muted", role: "status" }, t("loading")));
  if (!found) { fill(main, h("h1", { tabindex: "-1" }, t("notFound.title")), h("p", {}, t("notFound.text"))); return; }
  const [match, load] = found;
  try {
    const page = await load();
    await page({ main, roles, signal: leaving.signal, go }, ...(match ?? []).slice(1));
    const notice = history.state?.notice;
    if (typeof notice === "string") main.querySelector("h1")?.after(h("p", { id: "notice", class: "confirm", role: "status" }, notice));
  } catch (e) {
    if (e instanceof DOMException && e.name === "AbortError") return;
    fill(main, h("h1", { tabindex: "-1" }, t("error.title")), h("p", { role: "alert" }, e instanceof Error ? e.message : String(e)));
  }
  // Focus the page's heading, so a screen reader and the keyboard start at the new page.
  main.querySelector("h1")?.focus();
}

/** @param {string} path */
function renderNav(path) {
  /** @param {string} href @param {string} key */
  const link = (href, key) => h("a", { href, "aria-current": path.startsWith(href) ? "page" : false }, t(key));
  nav.setAttribute("aria-label", t("nav.label"));
  const other = languages.find(l => l !== language()) ?? "nl";
  fill(nav,
    h("ul", {},
      roles.includes("therapist") && h("li", {}, link("/cases", "nav.cases")),
      h("li", {}, link("/reviews", "nav.reviews")),
      roles.includes("privacy-officer") && h("li", {}, link("/privacy", "nav.privacy")),
      h("li", {}, link("/notifications", "nav.notifications"))),
    h("button", {
      type: "button", class: "link", lang: other,
      onclick: async () => { await loadLanguage(other); document.title = t("app.title"); void show(); },
    }, t("nav.otherLanguage")));
}

// Links inside the app change the page without a reload.
document.addEventListener("click", event => {
  const a = event.target instanceof Element ? event.target.closest("a") : null;
  if (!a || a.origin !== location.origin || a.target || a.hasAttribute("download") || event.ctrlKey || event.metaKey || event.shiftKey) return;
  if (a.pathname.startsWith("/.auth/") || a.pathname.startsWith("/api/")) return;
  // A link within the page (a clip of a goal) is the browser's to follow.
  if (a.hash && a.pathname === location.pathname) return;
  event.preventDefault();
  go(a.pathname);
});
// Back and forward; a jump within the page (only the #hash changed) keeps the page as it is.
addEventListener("popstate", () => { if (location.pathname !== shown) void show(); });

await loadLanguage(chosenLanguage());
document.title = t("app.title");
const principal = await me();
roles = principal?.userRoles ?? [];
const signOut = /** @type {HTMLElement} */ (document.getElementById("account"));
fill(signOut, principal ? h("a", { href: "/.auth/logout" }, t("nav.signOut")) : h("a", { href: "/.auth/login/aad" }, t("nav.signIn")));
/** @type {HTMLElement} */ (document.getElementById("skip")).textContent = t("skip");
await show();
