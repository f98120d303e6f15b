// Builds DOM nodes from data. Text always goes in as text nodes (never innerHTML), so ids, notes and captions
// cannot become markup.

/**
 * @typedef {string | number | boolean | null | undefined | ((event: any) => void)} AttributeValue
 * @typedef {Node | string | number | null | undefined | false} Child
 */

/**
 * An element with attributes (on* names become listeners; false/null/undefined are left out) and children.
 * @template {keyof HTMLElementTagNameMap} K
 * @param {K} tag
 * @param {Record<string, AttributeValue>} [attributes]
 * @param {...(Child | Child[])} children
 * @returns {HTMLElementTagNameMap[K]}
 */
export function h(tag, attributes = {}, ...children) {
  return build(document.createElement(tag), attributes, children);
}

/**
 * An SVG element, as h() makes an HTML one (a chart drawn from data, no library).
 * @template {keyof SVGElementTagNameMap} K
 * @param {K} tag
 * @param {Record<string, AttributeValue>} [attributes]
 * @param {...(Child | Child[])} children
 * @returns {SVGElementTagNameMap[K]}
 */
export function svg(tag, attributes = {}, ...children) {
  return build(document.createElementNS("http://www.w3.org/2000/svg", tag), attributes, children);
}

/**
 * @template {Element} E
 * @param {E} element
 * @param {Record<string, AttributeValue>} attributes
 * @param {(Child | Child[])[]} children
 * @returns {E}
 */
function build(element, attributes, children) {
  for (const [name, value] of Object.entries(attributes)) {
    if (value === false || value === null || value === undefined) continue;
    if (typeof value === "function") element.addEventListener(name.slice(2).toLowerCase(), value);
    else if (value === true) element.setAttribute(name, "");
    else element.setAttribute(name, String(value));
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    element.append(typeof child === "object" ? child : String(child));
  }
  return element;
}

/**
 * Replaces the children of the element.
 * @param {Element} element
 * @param {...(Child | Child[])} children
 */
export function fill(element, ...children) {
  element.replaceChildren();
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    element.append(typeof child === "object" ? child : String(child));
  }
}

/**
 * Lets a video's box follow its recording once its size is known: a portrait recording (a phone held upright) is
 * shown upright at most 60 % of the screen high (CSS `video.portrait`), instead of small in a landscape box. The
 * shape is also `--ratio` (width over height), for a box that must fit the screen's height (Terugkijken).
 * @param {HTMLVideoElement} video
 */
export function fitVideo(video) {
  video.addEventListener("loadedmetadata", () => {
    const { videoWidth: width, videoHeight: height } = video;
    if (width > 0 && height > 0) {
      video.style.aspectRatio = `${width} / ${height}`;
      video.style.setProperty("--ratio", String(width / height));
    }
    video.classList.toggle("portrait", height > width);
  });
  return video;
}
