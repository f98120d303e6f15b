// The person's own mail settings: whether they get mail, at which address, in which language (GET/PUT /api/me/notifications).
import { api } from "app/api.js";
import { h, fill } from "app/dom.js";
import { showProblems } from "app/form.js";
import { language, languages, t } from "app/i18n.js";

/** @typedef {import("app/contracts.js").NotificationSettings} NotificationSettings */

/** A plain address, as the API takes it (it checks again). */
const addressPattern = /^[^\s@<>,;]+@[^\s@<>,;]+\.[^\s@<>,;]+$/;

/** @type {import("app/main.js").Page} */
export async function notificationsPage({ main, signal }) {
  /** @type {NotificationSettings} */
  const settings = await api("me/notifications", { signal });
  const enabled = h("input", { id: "mail-enabled", type: "checkbox", checked: settings.enabled });
  const address = h("input", { id: "mail-address", name: "mail-address", type: "email", autocomplete: "email", spellcheck: "false",
    value: settings.address ?? "", "aria-describedby": "mail-address-hint mail-address-error" });
  const addressError = h("p", { id: "mail-address-error", class: "error", "aria-live": "polite" });
  const mailLanguage = h("select", { id: "mail-language" },
    languages.map(l => h("option", { value: l, selected: l === (settings.address ? settings.language : language()) }, t(`notifications.language.${l}`))));
  const status = h("p", { role: "status" });
  const problems = h("div", { class: "problems", role: "alert" });
  const form = h("form", { novalidate: true, onsubmit: async (/** @type {SubmitEvent} */ e) => {
    e.preventDefault();
    fill(status);
    fill(problems);
    const typed = address.value.trim();
    const ok = typed === "" || addressPattern.test(typed);
    address.setAttribute("aria-invalid", String(!ok));
    addressError.textContent = ok ? "" : t("notifications.addressInvalid");
    if (!ok) { address.focus(); return; }
    try {
      /** @type {NotificationSettings} */
      const saved = await api("me/notifications", { method: "PUT", signal,
        json: { enabled: enabled.checked, address: typed, language: mailLanguage.value } });
      fill(status, t(!saved.enabled ? "notifications.savedOff" : saved.address ? "notifications.saved" : "notifications.savedNoAddress"));
    } catch (error) {
      showProblems(problems, error);
    }
  } },
    h("div", { class: "field" }, h("label", {}, enabled, " ", t("notifications.enabled"))),
    h("div", { class: "field" },
      h("label", { for: "mail-address" }, t("notifications.address")),
      h("p", { id: "mail-address-hint", class: "hint" }, t(settings.fromSignIn ? "notifications.addressFromSignIn" : "notifications.addressHint")),
      address, addressError),
    h("div", { class: "field" }, h("label", { for: "mail-language" }, t("notifications.language")), mailLanguage),
    h("button", { type: "submit", class: "primary" }, t("notifications.save")), status, problems);

  fill(main,
    h("h1", { tabindex: "-1" }, t("notifications.title")),
    h("p", {}, t("notifications.intro")),
    h("p", { class: "hint" }, t("notifications.privacy")),
    form);
}

/**
 * On the pages a person opens first: a word that mail waits for an address, while mail is on and none is set (the
 * pages' sign-in carries none); nothing when it is set, off, or cannot be read now.
 * @param {AbortSignal} signal
 * @returns {Promise<HTMLElement | false>}
 */
export async function askForAddress(signal) {
  try {
    /** @type {NotificationSettings} */
    const settings = await api("me/notifications", { signal });
    return settings.enabled && !settings.address
      && h("p", { id: "ask-address", class: "notice" }, t("notifications.ask"), " ", h("a", { href: "/notifications" }, t("notifications.askLink")));
  } catch {
    return false;
  }
}
