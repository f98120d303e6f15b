// Prepares web/ for Azure Static Web Apps: a copy in OUT whose staticwebapp.config.json names the tenant people sign
// in with, and whose Content-Security-Policy lets the pages reach the one storage account of the deployment instead
// of any *.blob.core.windows.net and Azurite on 127.0.0.1 (which the copy in the repository allows, for local runs).
//   node scripts/web-release.mjs --tenant TENANT_ID --storage STORAGE_ACCOUNT --out DIR
import { cpSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join, resolve, sep } from "node:path";
import { parseArgs } from "node:util";

const { values } = parseArgs({ options: { tenant: { type: "string" }, storage: { type: "string" }, out: { type: "string" } } });
const guid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const problems = [
  !guid.test(values.tenant ?? "") && "--tenant must be the Entra tenant id (a GUID)",
  !/^[a-z0-9]{3,24}$/.test(values.storage ?? "") && "--storage must be the storage account's name (3 to 24 lower-case letters and digits)",
  !values.out && "--out must name the folder to write",
].filter(Boolean);
if (problems.length > 0) {
  console.error(`${problems.join("\n")}\nusage: node scripts/web-release.mjs --tenant TENANT_ID --storage STORAGE_ACCOUNT --out DIR`);
  process.exit(2);
}

const web = resolve(import.meta.dirname, "..", "web");
const out = resolve(values.out);
// The folder is emptied first: never web/ itself, a folder inside it, or one that holds it.
if (out === web || out.startsWith(web + sep) || web.startsWith(out + sep)) {
  console.error(`--out must be a folder of its own, not ${values.out} (it would remove web/)`);
  process.exit(2);
}
rmSync(out, { recursive: true, force: true });
// The type checker's settings and the unit tests (run by node --test in ./test.sh) are not part of the site.
cpSync(web, out, { recursive: true, filter: source => !source.endsWith("jsconfig.json") && !source.endsWith(".test.js") });

const file = join(out, "staticwebapp.config.json");
const config = JSON.parse(readFileSync(file, "utf8"));
const registration = config.auth.identityProviders.azureActiveDirectory.registration;
registration.openIdIssuer = registration.openIdIssuer.replace("ENTRA_TENANT_ID", values.tenant.toLowerCase());
const headers = config.globalHeaders;
headers["Content-Security-Policy"] = headers["Content-Security-Policy"]
  .replaceAll(" http://127.0.0.1:*", "")
  .replaceAll("https://*.blob.core.windows.net", `https://${values.storage}.blob.core.windows.net`);
writeFileSync(file, JSON.stringify(config, null, 2) + "\n");
console.log(`${values.out}: ready for swa deploy (tenant ${values.tenant}, storage ${values.storage})`);
