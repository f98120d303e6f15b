// Uploads a recording straight to Blob storage through the write-only link the API hands out: Put Block for each
// block (a few at a time), then Put Block List. Large files never pass through the API, and the page shows progress
// as the bytes leave. A link that runs out (30 minutes) is renewed by asking the API again.
//
// Blocks are named as bt names them (src/BasicTrust.Storage/ResumableUpload.cs): 8 MiB, the id is base64 of
// "{index:6 digits}-{first 16 hex digits of the block's SHA-256}". One blob's block ids must all have one length, so
// an upload begun with bt can be finished here and the other way round, and a block staged before with the same
// bytes has the same name. A write-only link cannot list the blocks storage holds, so, like bt, the page keeps a
// journal of the blocks it staged (in localStorage): after a dropped connection, a reload or a closed laptop the same
// file goes on from there. Storage keeps uncommitted blocks for a week; a journal older than that fails the commit,
// and the upload starts over once.

export const blockSize = 8 * 1024 * 1024;
const parallel = 3;
const attempts = 3;

/**
 * The id of block n holding these bytes.
 * @param {number} n
 * @param {ArrayBuffer} bytes
 */
export async function blockId(n, bytes) {
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", bytes));
  const hex = [...digest.slice(0, 8)].map(b => b.toString(16).padStart(2, "0")).join("");
  return btoa(`${String(n).padStart(6, "0")}-${hex}`);
}

/**
 * @param {string} url a link with a query (the SAS)
 * @param {Record<string, string>} params
 */
function withQuery(url, params) {
  const u = new URL(url);
  for (const [k, v] of Object.entries(params)) u.searchParams.set(k, v);
  return u.toString();
}

/**
 * One PUT with upload progress (fetch reports none).
 * @param {string} url
 * @param {ArrayBuffer | string} body
 * @param {Record<string, string>} headers
 * @param {(loaded: number) => void} onProgress
 * @param {AbortSignal} [signal]
 * @returns {Promise<number>} the status
 */
function put(url, body, headers, onProgress, signal) {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open("PUT", url);
    for (const [k, v] of Object.entries(headers)) xhr.setRequestHeader(k, v);
    xhr.upload.onprogress = e => onProgress(e.loaded);
    xhr.onload = () => resolve(xhr.status);
    xhr.onerror = () => reject(new Error("network"));
    xhr.onabort = () => reject(new DOMException("aborted", "AbortError"));
    signal?.addEventListener("abort", () => xhr.abort(), { once: true });
    xhr.send(body);
  });
}

/**
 * The blocks staged for one upload, kept in localStorage. The key is a hash of the session and the file: a journal
 * left on a shared laptop shows neither the case nor the file's name.
 * @param {string} key
 */
export async function journal(key) {
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", new TextEncoder().encode(key)));
  const name = `basictrust.upload.${[...digest].map(b => b.toString(16).padStart(2, "0")).join("")}`;
  /** @type {Set<string>} */
  const staged = new Set(JSON.parse(localStorage.getItem(name) ?? "[]"));
  return {
    /** @param {string} id */
    has: id => staged.has(id),
    /** @param {...string} ids */
    add: (...ids) => { for (const id of ids) staged.add(id); localStorage.setItem(name, JSON.stringify([...staged])); },
    clear: () => { staged.clear(); localStorage.removeItem(name); },
  };
}

/** @typedef {Awaited<ReturnType<typeof journal>>} Journal */

/**
 * Uploads the file in blocks, skipping those the journal says are staged, and commits them.
 * @param {{
 *   file: File,
 *   link: string,
 *   renew: () => Promise<string>,
 *   onProgress: (sent: number, total: number) => void,
 *   journal: Journal,
 *   signal?: AbortSignal,
 * }} options
 */
export async function uploadInBlocks(options) {
  try {
    await upload(options);
  } catch (e) {
    if (!(e instanceof CommitRefused)) throw e;
    // Blocks the journal remembers are gone (older than a week, or the blob was replaced): start over, once.
    options.journal.clear();
    await upload(options);
  }
}

class CommitRefused extends Error {}

/** @param {Parameters<typeof uploadInBlocks>[0]} options */
async function upload({ file, link, renew, onProgress, journal, signal }) {
  const count = Math.max(1, Math.ceil(file.size / blockSize));
  const sent = new Array(count).fill(0);
  /** @type {string[]} */
  const ids = new Array(count);
  const report = () => onProgress(sent.reduce((a, b) => a + b, 0), file.size);
  let url = link;

  /** @param {(current: string) => Promise<number>} send */
  async function withRetries(send) {
    for (let attempt = 1; ; attempt++) {
      let status;
      try { status = await send(url); } catch (e) {
        if (e instanceof DOMException && e.name === "AbortError") throw e;
        if (attempt >= attempts) throw e;
        continue;
      }
      if (status >= 200 && status < 300) return;
      // 403: the link ran out; ask the API for a fresh one and go on.
      if (status === 403 && attempt < attempts) { url = await renew(); continue; }
      if (status >= 500 && attempt < attempts) continue;
      throw new StorageRefused(status);
    }
  }

  let next = 0;
  async function worker() {
    while (next < count) {
      const n = next++;
      const bytes = await file.slice(n * blockSize, Math.min(file.size, (n + 1) * blockSize)).arrayBuffer();
      const id = ids[n] = await blockId(n, bytes);
      if (journal.has(id)) { sent[n] = bytes.byteLength; report(); continue; }
      await withRetries(current => put(withQuery(current, { comp: "block", blockid: id }), bytes, {},
        loaded => { sent[n] = loaded; report(); }, signal));
      journal.add(id);
      sent[n] = bytes.byteLength;
      report();
    }
  }
  await Promise.all(Array.from({ length: Math.min(parallel, count) }, worker));

  const list = `<?xml version="1.0" encoding="utf-8"?><BlockList>${ids.map(id => `<Latest>${id}</Latest>`).join("")}</BlockList>`;
  try {
    await withRetries(current => put(withQuery(current, { comp: "blocklist" }), list,
      { "content-type": "application/xml", "x-ms-blob-content-type": file.type || "application/octet-stream" }, () => {}, signal));
  } catch (e) {
    if (e instanceof StorageRefused && e.status === 400) throw new CommitRefused();
    throw e;
  }
  journal.clear();
}

class StorageRefused extends Error {
  /** @param {number} status */
  constructor(status) {
    super(`Blob storage answered ${status}`);
    this.status = status;
  }
}
