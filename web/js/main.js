// The web app's shell: who is signed in, the language, the navigation, and which page the address shows.
import { me, NetworkError } from "app/api.js";
import { h, fill } from "app/dom.js";
import { showProblems } from "app/form.js";
import { chosenLanguage, languages, language, loadLanguage, t } from "app/i18n.js";

/**
 * @typedef {{ main: HTMLElement, roles: string[], signal: AbortSignal, go: (path: string, notice?: string) => void }} PageContext
 *   go: to another page; its notice (a confirmation of what was just done) is shown under that page's title
 * @typedef {(context: PageContext, ...ids: string[]) => Promise<void>} Page
 */

// Each page's module is loaded when it is first shown: a reviewer's phone never downloads the tagging editor. A page
// for one role says so to anyone without it, and whom to ask (the API refuses them its data all the same). A page
// watched together with a parent (Terugkijken) is shown without the menu, across the whole width.
/** @typedef {{ role?: string, together?: boolean }} RouteOptions */
/** @type {[RegExp, () => Promise<Page>, RouteOptions?][]} */
const routes = [
  [/^\/reviews$/, async () => (await import("app/pages/reviews.js")).reviewsPage],
  [/^\/reels\/([a-z0-9-]+)\/([a-z0-9-]+)$/, async () => (await import("app/pages/reel.js")).reelPage],
  [/^\/reels\/([a-z0-9-]+)\/([a-z0-9-]+)\/terugkijken$/, async () => (await import("app/pages/parent-view.js")).parentViewPage, { together: true }],
  [/^\/cases$/, async () => (await import("app/pages/cases.js")).casesPage, { role: "therapist" }],
  [/^\/cases\/([a-z0-9-]+)$/, async () => (await import("app/pages/case.js")).casePage, { role: "therapist" }],
  [/^\/cases\/([a-z0-9-]+)\/sessions\/([a-z0-9-]+)$/, async () => (await import("app/pages/session.js")).sessionPage, { role: "therapist" }],
  [/^\/privacy$/, async () => (await import("app/pages/privacy.js")).privacyPage, { role: "privacy-officer" }],
  [/^\/notifications$/, async () => (await import("app/pages/notifications.js")).notificationsPage],
];

const main = /** @type {HTMLElement} */ (document.getElementById("main"));
const nav = /** @type {HTMLElement} */ (document.getElementById("nav"));
const header = /** @type {HTMLElement} */ (document.querySelector("header.top"));
/** @type {string[]} */
let roles = [];
/** @type {AbortController | undefined} */
let leaving;
/** The path of the page on screen. */
let shown = "";
/** Counts the pages asked for: a page whose code arrives after a later one was asked for is not shown. */
let asked = 0;

/**
 * @param {string} path
 * @param {string} [notice]
 */
function go(path, notice) {
  history.pushState(notice ? { notice } : null, "", path);
  void show();
}

async function show() {
  const mine = ++asked;
  const path = location.pathname === "/" ? (roles.includes("therapist") ? "/cases" : "/reviews") : location.pathname;
  if (path !== location.pathname) history.replaceState(null, "", path);
  const found = routes.map(([pattern, page, options]) => /** @type {const} */ ([pattern.exec(path), page, options ?? {}])).find(([m]) => m);
  // A page for another role is not even loaded: it says so, and whom to ask.
  const role = found?.[2].role;
  const refused = role && !roles.includes(role) ? role : undefined;
  /** @type {Page | undefined} */
  let page;
  try {
    page = found && !refused ? await found[1]() : undefined;
  } catch (e) {
    if (mine !== asked) return;
    // The page's code did not arrive (a failed import is a TypeError): offline. The page on screen stays, and what
    // was typed in it; the address goes back to it.
    const offline = e instanceof TypeError;
    if (offline && shown !== "") {
      history.replaceState(null, "", shown);
      sayOffline();
    } else {
      fail(offline ? new NetworkError() : e);
    }
    return;
  }
  if (mine !== asked) return;
  // Only now is the page on screen left: its requests and timers stop.
  leaving?.abort();
  leaving = new AbortController();
  shown = path;
  renderNav(path);
  together(found?.[2].together === true);
  if (refused) {
    fill(main, h("h1", { tabindex: "-1" }, t("noAccess.title")),
      h("p", { id: "no-access" }, t(`noAccess.${refused}`)), h("p", {}, t("noAccess.whom", { role: t(`noAccess.role.${refused}`) })),
      h("p", {}, h("a", { href: "/reviews" }, t("noAccess.back"))));
    main.querySelector("h1")?.focus();
    return;
  }
  if (!found || !page) { fill(main, h("h1", { tabindex: "-1" }, t("notFound.title")), h("p", {}, t("notFound.text"))); return; }
  fill(main, h("p", { class: "muted", role: "status" }, t("loading")));
  try {
    await page({ main, roles, signal: leaving.signal, go }, ...(found[0] ?? []).slice(1));
    const notice = history.state?.notice;
    if (typeof notice === "string") main.querySelector("h1")?.after(h("p", { id: "notice", class: "confirm", role: "status" }, notice));
  } catch (e) {
    if (e instanceof DOMException && e.name === "AbortError") return;
    fail(e);
  }
  // Focus the page's heading, so a screen reader and the keyboard start at the new page.
  main.querySelector("h1")?.focus();
}

/**
 * The page could not be shown: why, in the page's language.
 * @param {unknown} error
 */
function fail(error) {
  // With the menu back: a page that could not be shown offers nothing to go on from.
  together(false);
  const why = h("div", { role: "alert" });
  fill(main, h("h1", { tabindex: "-1" }, t("error.title")), why);
  showProblems(why, error);
}

/** Says, above the page on screen, that the network is gone; the page stays as it is. */
function sayOffline() {
  main.querySelector("#offline")?.remove();
  main.prepend(h("p", { id: "offline", class: "notice", role: "alert" }, t("error.offline")));
}

/**
 * A page watched together with a parent shows only itself: no menu, no account, the whole width.
 * @param {boolean} on
 */
function together(on) {
  header.hidden = on;
  main.classList.toggle("together", on);
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
      onclick: async () => {
        try { await loadLanguage(other); } catch { sayOffline(); return; }
        document.title = t("app.title");
        void show();
      },
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
