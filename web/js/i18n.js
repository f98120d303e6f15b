// All text the pages show comes from i18n/nl.json and i18n/en.json. Dutch first: the method's own words.

/** @typedef {"nl" | "en"} Language */

export const languages = /** @type {const} */ (["nl", "en"]);
const storageKey = "basictrust.language";

/** @type {Record<string, string>} */
let texts = {};
/** @type {Language} */
let current = "nl";

/**
 * The language to show: ?lang= in the address, else the one chosen before, else Dutch.
 * @returns {Language}
 */
export function chosenLanguage() {
  const asked = new URLSearchParams(location.search).get("lang") ?? localStorage.getItem(storageKey);
  return asked === "en" ? "en" : "nl";
}

/**
 * Loads the texts of a language and remembers the choice.
 * @param {Language} language
 */
export async function loadLanguage(language) {
  const response = await fetch(`/i18n/${language}.json`);
  if (!response.ok) throw new Error(`i18n/${language}.json: ${response.status}`);
  texts = await response.json();
  current = language;
  localStorage.setItem(storageKey, language);
  document.documentElement.lang = language;
}

/** @returns {Language} */
export function language() {
  return current;
}

/**
 * The text for a key, with {name} placeholders filled in. A missing key shows as itself, so it is seen. With a count
 * of 1, the key's singular form (key.one) is taken when the texts have one: "1 opmerking", "3 opmerkingen".
 * @param {string} key
 * @param {Record<string, string | number>} [values]
 */
export function t(key, values = {}) {
  const text = (values.count === 1 ? texts[`${key}.one`] : undefined) ?? texts[key] ?? key;
  return text.replace(/\{(\w+)\}/g, (whole, name) => (name in values ? String(values[name]) : whole));
}

/**
 * A sentence the API sent, in the page's language: its catalogue key with its values when these texts have the key,
 * else the API's own words (an API newer than these texts, or one from before sentences had keys).
 * @param {string | undefined} key
 * @param {Record<string, string> | undefined} args
 * @param {string | undefined} sent
 * @returns {string | undefined}
 */
export function said(key, args, sent) {
  return key !== undefined && key in texts ? t(key, args) : sent;
}

/**
 * Seconds as m:ss.cc (or h:mm:ss.cc), the way the reel's in/out times are read.
 * @param {number} seconds
 */
export function clock(seconds) {
  // Rounded to the hundredths shown before it is split, so 59.996 s is 1:00.00, not 0:60.00.
  const hundredths = Math.round(seconds * 100);
  const hours = Math.floor(hundredths / 360000);
  const minutes = Math.floor((hundredths % 360000) / 6000);
  const rest = ((hundredths % 6000) / 100).toFixed(2).padStart(5, "0");
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, "0")}:${rest}` : `${minutes}:${rest}`;
}

/**
 * A date and time in the page's language.
 * @param {string} iso
 */
export function dateTime(iso) {
  return new Intl.DateTimeFormat(current === "nl" ? "nl-NL" : "en-GB", { dateStyle: "full", timeStyle: "short" }).format(new Date(iso));
}

/**
 * Where the pipeline is with a session, in plain words ("Knippen 2/3" while it cuts).
 * @param {{ state: string, clipsDone: number, clipsTotal: number }} status
 */
export function stateText({ state, clipsDone, clipsTotal }) {
  return state === "cutting" ? t("state.cuttingOf", { done: clipsDone, total: clipsTotal }) : t(`state.${state}`);
}
