// Consent per person and purpose, as the case page and the privacy page show it: pure functions over the API's
// privacy answer (the rule of who consents for whom is the server's; these only arrange what it says).

/** The uses consent is given for, in the order the pages show them (the API's codes). */
export const scopes = ["terugkijken", "supervisie", "scholing"];

/** How a consent was given (the API's codes). */
export const means = ["formulier", "mondeling"];

/**
 * Whether a person of this role holds parental authority unless the therapist says otherwise (the API's default).
 * @param {string} role
 */
export function authorityByDefault(role) {
  return ["moeder", "vader", "ouder", "adoptieouder"].includes(role);
}

/**
 * The case's people as the API takes them back, with one more (or one changed, by id).
 * @param {import("app/contracts.js").PrivacyPerson[]} people
 * @param {{ id: string, role: string, ageBand?: string, authority: boolean }} person
 */
export function withPerson(people, person) {
  const rest = people.filter(p => p.id !== person.id).map(({ id, role, ageBand, authority }) => ({ id, role, ageBand, authority }));
  return [...rest, person];
}

/**
 * The recordings that lack consent for a use: not erased, someone on them missing it.
 * @param {import("app/contracts.js").PrivacyAnswer} privacy
 * @param {"missingFeedback" | "missingSupervision"} which
 */
export function recordingsMissing(privacy, which) {
  return privacy.recordings.filter(r => !r.erasedAt && r[which].length > 0);
}

/**
 * Whether the case's recordings are due to be deleted within <days> of <now> (and not yet deleted or held).
 * @param {import("app/contracts.js").PrivacyAnswer} privacy
 * @param {number} days
 * @param {Date} now
 */
export function dueWithin(privacy, days, now) {
  return privacy.deleteAt !== undefined && Date.parse(privacy.deleteAt) - now.getTime() <= days * 86_400_000;
}
