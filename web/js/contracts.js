// Generated from web/contracts/schema.json, which the contracts (src/BasicTrust.Contracts) emit; do not edit.
// Regenerate both: BT_WRITE_CONTRACTS=1 dotnet test tests/BasicTrust.Contracts.Tests --filter WebContracts
export {};

/** @typedef {"parent" | "child" | "dyad"} Actor */
/** @typedef {{ type?: string, title?: string, status?: number, detail?: string, errors?: FieldProblem[], titleKey?: string, detailKey?: string, args?: Record<string, string> }} ApiProblem */
/** @typedef {{ codec: string, channels: number, channelLayout?: string, sampleRate: number }} AudioStreamInfo */
/** @typedef {{ at: string, who: string, action: string, target: string, expiresAt?: string, details: unknown }} AuditEntry */
/** @typedef {{ day: string, part: number, entries: AuditEntry[], unreadable: string[], nextPart?: number }} AuditPart */
/** @typedef {{ tagId: string, start: number, end: number, text: string, voice?: string, childWords: boolean }} CaptionCue */
/** @typedef {"therapist" | "child" | "parent"} CaptionVoice */
/** @typedef {{ caseId: string, role: CaseRole, createdAt: string, owner?: string, reviewers?: string[] }} CaseDetails */
/** @typedef {{ people?: CasePersonRequest[] }} CasePeopleRequest */
/** @typedef {{ id?: string, role?: string, ageBand?: string, authority?: boolean }} CasePersonRequest */
/** @typedef {{ caseId: string, removed: PurgeCounts, purgedBefore?: string }} CasePurged */
/** @typedef {{ caseId?: string }} CaseRequest */
/** @typedef {"none" | "owner" | "reviewer"} CaseRole */
/** @typedef {{ caseId: string, owner: string, reviewers: string[] }} CaseShares */
/** @typedef {{ caseId: string, role: CaseRole }} CaseSummary */
/** @typedef {{ clipId: string, title: string, start: number, end: number }} Chapter */
/** @typedef {{ clipId: string, tagIds: string[], recordingAt: number, parentSaw: string }} ClipConversation */
/** @typedef {{ clipId?: string, parentSaw?: string }} ClipConversationRequest */
/** @typedef {{ clipId: string, planId: string, index: number, valence: Valence, title: string, tags: PlannedTag[], timing: ClipTiming, video: string, still: string, cut: CutMethod, smallStill?: string, cutReason?: string, reusedFrom?: string }} ClipDocument */
/** @typedef {{ tagId: string, kind: EmphasisKind, keyMoment: number, from: number, count: number, added: number }} ClipEmphasis */
/** @typedef {{ width: number, height: number, frameRate: string, preset: string, crf: number, match?: X264Match, framesPerSecond: number }} ClipEncoding */
/** @typedef {{ caseId: string, sessionId: string, planId: string, clipId: string, traceParent?: string }} ClipJob */
/** @typedef {{ clipId: string, video: string, still: string, smallStill?: string }} ClipLinks */
/** @typedef {"precise" | "draft"} ClipQuality */
/** @typedef {{ requestedIn: number, requestedOut: number, actualIn: number, actualOut: number, inOffsetFrames: number, outOffsetFrames: number, duration: number }} ClipTiming */
/** @typedef {{ clipId?: string, text?: string, offset?: number, replyTo?: string }} CommentRequest */
/** @typedef {{ id: string, person: string, scopes: string[], means: string, givenAt: string, withdrawnAt?: string }} ConsentEntry */
/** @typedef {{ person?: string, scopes?: string[], means?: string, givenAt?: string }} ConsentRequest */
/** @typedef {{ privacy: PrivacyAnswer, erased: ErasedRecording[] }} ConsentWithdrawn */
/** @typedef {{ record?: ConversationRecord, unplaced: ClipConversation[], maxLength: number, mayRecord: boolean, previous?: PreviousPracticePoint }} ConversationAnswer */
/** @typedef {{ planId: string, clips: ClipConversation[], practicePoint?: string, by: string, at: string }} ConversationRecord */
/** @typedef {{ clips?: ClipConversationRequest[], practicePoint?: string }} ConversationRequest */
/** @typedef {{ session: number, of: number, theme?: string, type?: string }} Course */
/** @typedef {{ goals: Goal[], sessions: SessionInCourse[] }} CourseAnswer */
/** @typedef {"re-encode" | "smart-cut" | "stream-copy"} CutMethod */
/** @typedef {{ decision?: string }} DecisionRequest */
/** @typedef {{ reason: string, by: string, at: string }} DeletionHold */
/** @typedef {{ profile: number, compatibility: number }} DolbyVision */
/** @typedef {"freeze" | "slow"} EmphasisKind */
/** @typedef {{ clipId: string, tagId: string, kind: EmphasisKind, start: number, end: number, keyMoment: number }} EmphasisSpan */
/** @typedef {{ sessionId: string, blobs: number, reviews: number, messages: number }} ErasedRecording */
/** @typedef {{ path: string, rule: string, message: string, key?: string, args?: Record<string, string> }} FieldProblem */
/** @typedef {{ id: string, text: string, code?: string }} Goal */
/** @typedef {"carer" | "child"} GoalFor */
/** @typedef {{ code: string, nl: string, en: string, for: GoalFor, source: string }} GoalInfo */
/** @typedef {{ goalId: string, strengths: number, learning: number }} GoalMoments */
/** @typedef {{ transfer: HdrTransfer, primaries?: string, matrix?: string, bitDepth: number, dolbyVision?: DolbyVision }} HdrInfo */
/** @typedef {"hlg" | "pq"} HdrTransfer */
/** @typedef {{ reason?: string }} HoldRequest */
/** @typedef {{ tags: unknown[] }} ImportedTags */
/** @typedef {{ oldCode: string, newCode: string, why: string }} LabelAlias */
/** @typedef {{ code: string, nl: string, en: string, valence: Valence, actor: Actor, description: string, confirmed: boolean }} LabelInfo */
/** @typedef {{ code: string, exact: boolean }} LabelMatch */
/** @typedef {{ kind: MailKind, recipient: string, caseId: string, sessionId: string, planId: string, queuedAt: string, attempt: number }} MailJob */
/** @typedef {"reel-waiting" | "reel-ready" | "sent-back" | "approved"} MailKind */
/** @typedef {{ status: string, warnings: FieldProblem[], version?: string }} ManifestAccepted */
/** @typedef {{ caseId: string, sessionId: string, planId: string, reviewed: boolean }} MarkedReviewed */
/** @typedef {{ formatName: string, duration: number, bitRate?: number, video: VideoStreamInfo, audio?: AudioStreamInfo }} MediaInfo */
/** @typedef {{ method: string, name: string, custom: boolean, labels: LabelInfo[], aliases: LabelAlias[], customRule?: string, match?: LabelMatch, goals?: GoalInfo[], targetAges?: TargetAges, roles?: RoleInfo[], ageBands?: string[], sessionTypes?: string[] }} MethodDetails */
/** @typedef {{ method: string, name: string, custom: boolean }} MethodSummary */
/** @typedef {{ person: string, from: string[], noAuthority: boolean }} MissingConsentEntry */
/** @typedef {{ enabled: boolean, address?: string, language: string, fromSignIn: boolean }} NotificationSettings */
/** @typedef {{ enabled?: boolean, address?: string, language?: string }} NotificationSettingsRequest */
/** @typedef {{ planId: string, caseId: string, sessionId: string, method: string, recording: string, recordingETag: string, nextSessionAt?: string, quality: ClipQuality, language: string, media: MediaInfo, encoding: ClipEncoding, clips: PlannedClip[], chapters: Chapter[], cues: CaptionCue[], duration: number, course?: Course, goals?: Goal[], considered?: PlannedTag[], concerns?: PlannedTag[], cutReason?: string, people?: PlannedPerson[], warnings?: FieldProblem[], emphases?: EmphasisSpan[], cutsFrom?: string }} PlanDocument */
/** @typedef {{ valid: boolean, errors: FieldProblem[], warnings: FieldProblem[], duration: unknown, clips?: PlannedClip[], chapters?: Chapter[] }} PlanPreview */
/** @typedef {{ clipId: string, index: number, in: number, out: number, stillAt: number, valence: Valence, title: string, comment: string, tags: PlannedTag[], emphases?: ClipEmphasis[] }} PlannedClip */
/** @typedef {{ id: string, role: string, roleName: string, ageBand?: string }} PlannedPerson */
/** @typedef {{ id: string, label: string, displayName: string, valence: Valence, actor: Actor, start: number, end: number, keyMoment: number, note?: string, caption?: string, select: boolean, concern: boolean, goal?: string, captionVoice: CaptionVoice, person?: string, speaker?: string, emphasis?: EmphasisKind, emphasisSeconds?: number }} PlannedTag */
/** @typedef {{ recording: string, state: PreviewState, need: PreviewNeed, reason?: string, link?: string, expiresAt?: string, type?: string, segments?: PreviewSegmentAnswer[] }} PreviewAnswer */
/** @typedef {{ recording: string, recordingETag: string, state: PreviewState, need: PreviewNeed, reason?: string, blob?: string, since?: string, reasonKey?: string, reasonArgs?: Record<string, string>, type?: string, segments?: PreviewSegment[], segmentsReady?: number[], media?: MediaInfo }} PreviewDocument */
/** @typedef {{ caseId: string, sessionId: string }} PreviewJob */
/** @typedef {"none" | "remux" | "transcode"} PreviewNeed */
/** @typedef {{ start: number, end: number }} PreviewSegment */
/** @typedef {{ start: number, end: number, ready: boolean, link?: string }} PreviewSegmentAnswer */
/** @typedef {{ caseId: string, sessionId: string, recordingETag: string, segment: number }} PreviewSegmentJob */
/** @typedef {"making" | "ready" | "not-needed" | "failed" | "offered"} PreviewState */
/** @typedef {{ sessionId: string, practicePoint: string, courseSession?: number }} PreviousPracticePoint */
/** @typedef {{ caseId: string, people: PrivacyPerson[], consents: ConsentEntry[], recordings: RecordingConsent[], retentionDays: number, closedAt?: string, deleteAt?: string, hold?: DeletionHold, mediaDeletedAt?: string }} PrivacyAnswer */
/** @typedef {{ cases: PrivacyAnswer[], retentionDays: number }} PrivacyOverview */
/** @typedef {{ id: string, role: string, ageBand?: string, authority: boolean, consentFrom: string[], covered: string[], noAuthority: boolean }} PrivacyPerson */
/** @typedef {{ blobs: number, reviews: number, messages: number }} PurgeCounts */
/** @typedef {{ sessionId: string, onRecording: string[], missingFeedback: MissingConsentEntry[], missingSupervision: MissingConsentEntry[], erasedAt?: string, erasedBecause?: string }} RecordingConsent */
/** @typedef {{ fileName: string, size: number, stored: boolean, received: number, storedAt?: string, startedAt?: string }} RecordingUpload */
/** @typedef {{ reel: ReelDocument, links: ReelLinks, expiresAt: string, review: ReviewRound, earlier: ReviewRound[], givesVerdict: boolean, newerInProgress: boolean }} ReelAnswer */
/** @typedef {{ clipId: string, title: string, start: number, end: number }} ReelChapter */
/** @typedef {{ tagId: string, start: number, end: number }} ReelConcern */
/** @typedef {{ session: number, of: number, theme?: string, label: string, type?: string, typeName?: string }} ReelCourse */
/** @typedef {{ caseId: string, sessionId: string, planId: string, method: string, nextSessionAt?: string, duration: number, reel: string, captions: string, chapters: ReelChapter[], clips: ClipDocument[], createdAt: string, course?: ReelCourse, goals?: ReelGoal[], considered?: PlannedTag[], concerns?: ReelConcern[], people?: PlannedPerson[], warnings?: FieldProblem[], emphases?: ReelEmphasis[], hdr?: HdrInfo }} ReelDocument */
/** @typedef {{ clipId: string, tagId: string, kind: EmphasisKind, start: number, end: number, keyMoment: number }} ReelEmphasis */
/** @typedef {{ id: string, text: string, clipIds: string[] }} ReelGoal */
/** @typedef {{ caseId: string, sessionId: string, planId: string, traceParent?: string }} ReelJob */
/** @typedef {{ reel: string, captions: string, clips: ClipLinks[] }} ReelLinks */
/** @typedef {{ caseId: string, sessionId: string, planId: string, nextSessionAt?: string, reel: string, clips: string[], traceParent?: string }} ReelReady */
/** @typedef {{ id: string, planId: string, clipId: string, text: string, by: string, at: string, offset?: number, recordingAt?: number, replyTo?: string, addressedAt?: string, resolvedAt?: string, resolvedBy?: string }} ReviewComment */
/** @typedef {"approve" | "send-back"} ReviewDecision */
/** @typedef {{ rounds: ReviewRound[] }} ReviewDocument */
/** @typedef {{ caseId: string, sessionId: string, planId: string, nextSessionAt?: string, clips: number, duration: number, course?: string, courseSession?: number, courseOf?: number, round: number, sentBack: boolean }} ReviewItem */
/** @typedef {{ number: number, planId: string, comments: ReviewComment[], decision?: ReviewDecision, decidedBy?: string, decidedAt?: string }} ReviewRound */
/** @typedef {{ code: string, actor: Actor }} RoleInfo */
/** @typedef {{ sessionId: string, number: number, createdAt: string, goals: GoalMoments[], course?: Course, practicePoint?: string }} SessionInCourse */
/** @typedef {"received" | "planned" | "cutting" | "assembling" | "ready" | "failed" | "erased"} SessionState */
/** @typedef {{ caseId: string, sessionId: string, planId?: string, state: SessionState, clipsDone: number, clipsTotal: number, warnings: FieldProblem[], errors: FieldProblem[], concerns: StatusConcern[], createdAt: string, updatedAt: string, readyAt?: string, reelPlanId?: string, manifest?: string, progress?: string }} SessionStatus */
/** @typedef {{ sessionId: string, state: SessionState, clipsDone: number, clipsTotal: number, updatedAt: string, decision?: ReviewDecision, comments?: number, nextSessionAt?: string, round?: number }} SessionSummary */
/** @typedef {{ identityProvider?: string, userId?: string, userDetails?: string, claims?: SignInClaim[] }} SignIn */
/** @typedef {{ typ?: string, val?: string }} SignInClaim */
/** @typedef {{ roles: string[] }} SignInRoles */
/** @typedef {{ id: string, size: number }} StagedBlock */
/** @typedef {{ tagId: string, start: number, end: number }} StatusConcern */
/** @typedef {{ fileName: string, contentType: string, text: string }} TagFile */
/** @typedef {{ min: number, max: number, source: string }} TargetAges */
/** @typedef {{ caseId: string, purgedAt: string }} Tombstone */
/** @typedef {{ fileName: string, size: number, at: string }} UploadDocument */
/** @typedef {{ uploadUrl: string, blob: string, expiresAt: string, size: number }} UploadLink */
/** @typedef {{ fileName?: string, size?: number }} UploadRequest */
/** @typedef {{ blob: string, committed: boolean, size: number, blocks: StagedBlock[] }} UploadedBlocks */
/** @typedef {"strength" | "learning" | "child"} Valence */
/** @typedef {{ codec: string, profile?: string, pixelFormat?: string, width: number, height: number, averageFrameRate: number, realFrameRate: number, rotation: number, isVariableFrameRate: boolean, displaySize: Record<string, unknown>, hdr?: HdrInfo }} VideoStreamInfo */
/** @typedef {{ profile: string, level: number, refs: number, bFrames: number, bPyramid: number, cabac: boolean, transform8x8: boolean, weightP: boolean, weightB: boolean, picInitQp: number, chromaQpOffset: number, constrainedIntra: boolean }} X264Match */
