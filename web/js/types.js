// The shapes the HTTP API answers with (docs/api.md), for the type checker only.
export {};

/**
 * @typedef {{ path: string, rule: string, message: string }} FieldProblem
 * @typedef {{ title?: string, detail?: string, status?: number, errors?: FieldProblem[] }} ProblemDetails
 * @typedef {{ caseId: string, role: "owner" | "reviewer" | string }} CaseSummary
 * @typedef {{ caseId: string, role: string, owner: string, reviewers: string[], createdAt: string }} CaseDetails
 * @typedef {{ caseId: string, sessionId: string, planId: string, nextSessionAt?: string, clips: number, duration: number, course?: string, courseSession?: number, courseOf?: number }} ReviewItem
 * @typedef {{ uploadUrl: string, blob: string, expiresAt: string, size: number }} UploadLink
 * @typedef {{ status: string, warnings: FieldProblem[] }} ManifestAccepted
 * @typedef {{ recording: string, state: "making" | "ready" | "not-needed" | "failed", need?: string, reason?: string, link?: string, expiresAt?: string }} PreviewAnswer
 * @typedef {{ tagId: string, start: number, end: number }} Concern
 * @typedef {{
 *   caseId: string, sessionId: string, planId?: string,
 *   state: "received" | "planned" | "cutting" | "assembling" | "ready" | "failed",
 *   clipsDone: number, clipsTotal: number, progress: string,
 *   warnings: FieldProblem[], errors: FieldProblem[], concerns?: Concern[], updatedAt: string
 * }} SessionStatus
 * @typedef {{
 *   id: string, label: string, displayName: string, valence: string, actor: string,
 *   start: string, end: string, keyMoment: string, note?: string, caption?: string, goal?: string
 * }} PlannedTag
 * @typedef {{
 *   requestedIn: number, requestedOut: number, actualIn: number, actualOut: number,
 *   inOffsetFrames: number, outOffsetFrames: number, duration: number
 * }} ClipTiming
 * @typedef {{ clipId: string, planId: string, index: number, valence: string, title: string, tags: PlannedTag[], timing: ClipTiming, video: string, still: string }} ClipDocument
 * @typedef {{ clipId: string, title: string, start: number, end: number }} ReelChapter
 * @typedef {{ session: number, of: number, theme?: string, label: string }} ReelCourse
 * @typedef {{ id: string, text: string, clipIds: string[] }} ReelGoal
 * @typedef {{
 *   caseId: string, sessionId: string, planId: string, method: string, nextSessionAt?: string, duration: number,
 *   reel: string, captions: string, chapters: ReelChapter[], clips: ClipDocument[], createdAt: string,
 *   course?: ReelCourse, goals?: ReelGoal[], concerns?: Concern[]
 * }} ReelDocument
 * @typedef {{ clipId: string, video: string, still: string }} ClipLinks
 * @typedef {{ reel: ReelDocument, links: { reel: string, captions: string, clips: ClipLinks[] }, expiresAt: string, review: Review }} ReelAnswer
 * @typedef {{ identityProvider: string, userId: string, userDetails: string, userRoles: string[] }} ClientPrincipal
 */

/**
 * A reel's review. `by` and `decidedBy` are object ids for the case's owner; anyone else reads "you" or "colleague".
 * @typedef {"approve" | "send-back"} Decision
 * @typedef {{ clipId: string, text: string, by: string, at: string }} ReviewComment
 * @typedef {{ comments: ReviewComment[], decision?: Decision, decidedBy?: string, decidedAt?: string }} Review
 * @typedef {{
 *   sessionId: string, state: SessionStatus["state"], clipsDone: number, clipsTotal: number, updatedAt: string,
 *   decision?: Decision, comments?: number
 * }} SessionSummary
 */
