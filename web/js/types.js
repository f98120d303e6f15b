// The API's shapes are generated from the contracts into contracts.js; the pages import them from there. What is left
// here: the names editor.js still uses for three of them, and the one shape the platform, not the API, gives.
export {};

/**
 * @typedef {import("app/contracts.js").FieldProblem} FieldProblem
 * @typedef {import("app/contracts.js").ManifestAccepted} ManifestAccepted
 * @typedef {import("app/contracts.js").ReelAnswer} ReelAnswer
 * @typedef {{ identityProvider: string, userId: string, userDetails: string, userRoles: string[] }} ClientPrincipal
 */
