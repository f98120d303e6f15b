// The API's shapes are generated from the contracts into contracts.js; the pages import them from there. What is left
// here is the one shape the platform, not the API, gives.
export {};

/**
 * @typedef {{ identityProvider: string, userId: string, userDetails: string, userRoles: string[] }} ClientPrincipal
 */
