// Lets the web app's pages call Azurite's Blob service from ORIGIN (browser uploads, captions and chapters read
// through links): the same CORS rule infra/modules/storage.bicep declares for Azure.
//   node scripts/azurite-cors.mjs ORIGIN [ORIGIN...]     (BASICTRUST_STORAGE = Azurite's connection string)
// Azurite answers 400 to a Set Blob Service Properties that holds only <Cors>, so this reads the properties, swaps
// the <Cors> element and writes all of them back.
import { createHmac } from "node:crypto";

const origins = process.argv.slice(2);
const connection = Object.fromEntries((process.env.BASICTRUST_STORAGE ?? "").split(";").filter(Boolean)
  .map(part => [part.slice(0, part.indexOf("=")), part.slice(part.indexOf("=") + 1)]));
if (origins.length === 0 || !connection.BlobEndpoint || !connection.AccountName || !connection.AccountKey) {
  console.error("usage: BASICTRUST_STORAGE=<Azurite connection string> node scripts/azurite-cors.mjs ORIGIN [ORIGIN...]");
  process.exit(2);
}

const url = new URL(connection.BlobEndpoint.replace(/\/?$/, "/") + "?restype=service&comp=properties");

/** One Shared Key signed request to the Blob service (https://learn.microsoft.com/rest/api/storageservices/authorize-with-shared-key). */
async function send(method, body = "") {
  const headers = { "x-ms-date": new Date().toUTCString(), "x-ms-version": "2021-10-04" };
  const length = Buffer.byteLength(body);
  const type = body ? "application/xml" : "";
  const canonicalHeaders = Object.keys(headers).sort().map(k => `${k}:${headers[k]}\n`).join("");
  const canonicalResource = `/${connection.AccountName}${url.pathname}\ncomp:properties\nrestype:service`;
  const toSign = [method, "", "", length ? String(length) : "", "", type, "", "", "", "", "", ""].join("\n") + "\n" + canonicalHeaders + canonicalResource;
  const signature = createHmac("sha256", Buffer.from(connection.AccountKey, "base64")).update(toSign, "utf8").digest("base64");
  const response = await fetch(url, {
    method, body: body || undefined,
    headers: { ...headers, ...(type ? { "content-type": type } : {}), authorization: `SharedKey ${connection.AccountName}:${signature}` },
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} blob service properties answered ${response.status}: ${text.slice(0, 300)}`);
  return text;
}

const rule = `<Cors><CorsRule><AllowedOrigins>${origins.join(",")}</AllowedOrigins>` +
  "<AllowedMethods>PUT,GET,HEAD,OPTIONS</AllowedMethods><AllowedHeaders>content-type,content-md5,range,x-ms-*</AllowedHeaders>" +
  "<ExposedHeaders>x-ms-*,etag,content-range</ExposedHeaders><MaxAgeInSeconds>3600</MaxAgeInSeconds></CorsRule></Cors>";
const properties = await send("GET");
const updated = /<Cors\s*\/>|<Cors>[\s\S]*?<\/Cors>/.test(properties)
  ? properties.replace(/<Cors\s*\/>|<Cors>[\s\S]*?<\/Cors>/, rule)
  : properties.replace("</StorageServiceProperties>", rule + "</StorageServiceProperties>");
await send("PUT", updated);
