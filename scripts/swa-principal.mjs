// The Static Web Apps CLI's sign-in cookie (StaticWebAppsAuthCookie) for a local person: base64 of the principal,
// with the roles the role-mapping function (POST /api/auth/roles) gives at a real sign-in, which the CLI's mock
// login never calls: the app roles and oid-{object id}.
//   node scripts/swa-principal.mjs OBJECTID ROLE[,ROLE]
const [objectId, roles] = process.argv.slice(2);
if (!/^[0-9a-f-]{36}$/.test(objectId ?? "") || !roles) {
  console.error("usage: node scripts/swa-principal.mjs OBJECTID ROLE[,ROLE]");
  process.exit(2);
}
const principal = {
  identityProvider: "aad",
  userId: objectId.replace(/-/g, ""),
  userDetails: objectId,
  userRoles: ["anonymous", "authenticated", ...roles.split(","), `oid-${objectId}`],
};
console.log(Buffer.from(JSON.stringify(principal)).toString("base64"));
