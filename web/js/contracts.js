// Generated from web/contracts/schema.json, which the contracts (src/BasicTrust.Contracts) emit; do not edit.
// Regenerate both: BT_WRITE_CONTRACTS=1 dotnet test tests/BasicTrust.Contracts.Tests --filter WebContracts
export {};

/**
 * @typedef {"parent" | "child" | "dyad"} Actor
 */

/**
 * @typedef {object} ApiProblem
 * @property {string} [type]
 * @property {string} [title]
 * @property {number} [status]
 * @property {string} [detail]
 * @property {FieldProblem[]} [errors]
 */

/**
 * @typedef {object} AudioStreamInfo
 * @property {string} codec
 * @property {number} channels
 * @property {string} [channelLayout]
 * @property {number} sampleRate
 */

/**
 * @typedef {object} AuditEntry
 * @property {string} at
 * @property {string} who
 * @property {string} action
 * @property {string} target
 * @property {string} [expiresAt]
 * @property {unknown} details
 */

/**
 * @typedef {object} AuditPart
 * @property {string} day
 * @property {number} part
 * @property {unknown[]} entries
 * @property {number} [nextPart]
 */

/**
 * @typedef {object} CaptionCue
 * @property {string} tagId
 * @property {number} start
 * @property {number} end
 * @property {string} text
 */

/**
 * @typedef {"therapist" | "child"} CaptionVoice
 */

/**
 * @typedef {object} CaseDetails
 * @property {string} caseId
 * @property {CaseRole} role
 * @property {string} createdAt
 * @property {string} [owner]
 * @property {string[]} [reviewers]
 */

/**
 * @typedef {object} CasePurged
 * @property {string} caseId
 * @property {PurgeCounts} removed
 */

/**
 * @typedef {object} CaseRequest
 * @property {string} [caseId]
 */

/**
 * @typedef {"none" | "owner" | "reviewer"} CaseRole
 */

/**
 * @typedef {object} CaseShares
 * @property {string} caseId
 * @property {string} owner
 * @property {string[]} reviewers
 */

/**
 * @typedef {object} CaseSummary
 * @property {string} caseId
 * @property {CaseRole} role
 */

/**
 * @typedef {object} Chapter
 * @property {string} clipId
 * @property {string} title
 * @property {number} start
 * @property {number} end
 */

/**
 * @typedef {object} ClipDocument
 * @property {string} clipId
 * @property {string} planId
 * @property {number} index
 * @property {Valence} valence
 * @property {string} title
 * @property {PlannedTag[]} tags
 * @property {ClipTiming} timing
 * @property {string} video
 * @property {string} still
 * @property {CutMethod} cut
 */

/**
 * @typedef {object} ClipEncoding
 * @property {number} width
 * @property {number} height
 * @property {string} frameRate
 * @property {string} preset
 * @property {number} crf
 * @property {X264Match} [match]
 * @property {number} framesPerSecond
 */

/**
 * @typedef {object} ClipJob
 * @property {string} caseId
 * @property {string} sessionId
 * @property {string} planId
 * @property {string} clipId
 */

/**
 * @typedef {object} ClipLinks
 * @property {string} clipId
 * @property {string} video
 * @property {string} still
 */

/**
 * @typedef {"precise" | "draft"} ClipQuality
 */

/**
 * @typedef {object} ClipTiming
 * @property {number} requestedIn
 * @property {number} requestedOut
 * @property {number} actualIn
 * @property {number} actualOut
 * @property {number} inOffsetFrames
 * @property {number} outOffsetFrames
 * @property {number} duration
 */

/**
 * @typedef {object} CommentRequest
 * @property {string} [clipId]
 * @property {string} [text]
 */

/**
 * @typedef {object} Course
 * @property {number} session
 * @property {number} of
 * @property {string} [theme]
 */

/**
 * @typedef {"re-encode" | "smart-cut" | "stream-copy"} CutMethod
 */

/**
 * @typedef {object} DecisionRequest
 * @property {string} [decision]
 */

/**
 * @typedef {object} FieldProblem
 * @property {string} path
 * @property {string} rule
 * @property {string} message
 */

/**
 * @typedef {object} Goal
 * @property {string} id
 * @property {string} text
 */

/**
 * @typedef {object} ImportedTags
 * @property {unknown[]} tags
 */

/**
 * @typedef {object} LabelAlias
 * @property {string} oldCode
 * @property {string} newCode
 * @property {string} why
 */

/**
 * @typedef {object} LabelInfo
 * @property {string} code
 * @property {string} nl
 * @property {string} en
 * @property {Valence} valence
 * @property {Actor} actor
 * @property {string} description
 * @property {boolean} confirmed
 */

/**
 * @typedef {object} LabelMatch
 * @property {string} code
 * @property {boolean} exact
 */

/**
 * @typedef {object} ManifestAccepted
 * @property {string} status
 * @property {FieldProblem[]} warnings
 */

/**
 * @typedef {object} MarkedReviewed
 * @property {string} caseId
 * @property {string} sessionId
 * @property {string} planId
 * @property {boolean} reviewed
 */

/**
 * @typedef {object} MediaInfo
 * @property {string} formatName
 * @property {number} duration
 * @property {number} [bitRate]
 * @property {VideoStreamInfo} video
 * @property {AudioStreamInfo} [audio]
 */

/**
 * @typedef {object} MethodDetails
 * @property {string} method
 * @property {string} name
 * @property {boolean} custom
 * @property {LabelInfo[]} labels
 * @property {LabelAlias[]} aliases
 * @property {string} [customRule]
 * @property {LabelMatch} [match]
 */

/**
 * @typedef {object} MethodSummary
 * @property {string} method
 * @property {string} name
 * @property {boolean} custom
 */

/**
 * @typedef {object} PlanDocument
 * @property {string} planId
 * @property {string} caseId
 * @property {string} sessionId
 * @property {string} method
 * @property {string} recording
 * @property {string} recordingETag
 * @property {string} [nextSessionAt]
 * @property {ClipQuality} quality
 * @property {string} language
 * @property {MediaInfo} media
 * @property {ClipEncoding} encoding
 * @property {PlannedClip[]} clips
 * @property {Chapter[]} chapters
 * @property {CaptionCue[]} cues
 * @property {number} duration
 * @property {Course} [course]
 * @property {Goal[]} [goals]
 * @property {PlannedTag[]} [considered]
 * @property {PlannedTag[]} [concerns]
 * @property {string} [cutReason]
 */

/**
 * @typedef {object} PlanPreview
 * @property {boolean} valid
 * @property {FieldProblem[]} errors
 * @property {FieldProblem[]} warnings
 * @property {unknown} duration
 * @property {PlannedClip[]} [clips]
 * @property {Chapter[]} [chapters]
 */

/**
 * @typedef {object} PlannedClip
 * @property {string} clipId
 * @property {number} index
 * @property {number} in
 * @property {number} out
 * @property {number} stillAt
 * @property {Valence} valence
 * @property {string} title
 * @property {string} comment
 * @property {PlannedTag[]} tags
 */

/**
 * @typedef {object} PlannedTag
 * @property {string} id
 * @property {string} label
 * @property {string} displayName
 * @property {Valence} valence
 * @property {Actor} actor
 * @property {number} start
 * @property {number} end
 * @property {number} keyMoment
 * @property {string} [note]
 * @property {string} [caption]
 * @property {boolean} select
 * @property {boolean} concern
 * @property {string} [goal]
 * @property {CaptionVoice} captionVoice
 */

/**
 * @typedef {object} PreviewAnswer
 * @property {string} recording
 * @property {PreviewState} state
 * @property {PreviewNeed} need
 * @property {string} [reason]
 * @property {string} [link]
 * @property {string} [expiresAt]
 */

/**
 * @typedef {object} PreviewDocument
 * @property {string} recording
 * @property {string} recordingETag
 * @property {PreviewState} state
 * @property {PreviewNeed} need
 * @property {string} [reason]
 * @property {string} [blob]
 * @property {string} [since]
 */

/**
 * @typedef {"none" | "remux" | "transcode"} PreviewNeed
 */

/**
 * @typedef {"making" | "ready" | "not-needed" | "failed"} PreviewState
 */

/**
 * @typedef {object} PurgeCounts
 * @property {number} blobs
 * @property {number} reviews
 * @property {number} messages
 */

/**
 * @typedef {object} ReelAnswer
 * @property {ReelDocument} reel
 * @property {ReelLinks} links
 * @property {string} expiresAt
 * @property {ReviewDocument} review
 * @property {boolean} givesVerdict
 */

/**
 * @typedef {object} ReelChapter
 * @property {string} clipId
 * @property {string} title
 * @property {number} start
 * @property {number} end
 */

/**
 * @typedef {object} ReelConcern
 * @property {string} tagId
 * @property {number} start
 * @property {number} end
 */

/**
 * @typedef {object} ReelCourse
 * @property {number} session
 * @property {number} of
 * @property {string} [theme]
 * @property {string} label
 */

/**
 * @typedef {object} ReelDocument
 * @property {string} caseId
 * @property {string} sessionId
 * @property {string} planId
 * @property {string} method
 * @property {string} [nextSessionAt]
 * @property {number} duration
 * @property {string} reel
 * @property {string} captions
 * @property {ReelChapter[]} chapters
 * @property {ClipDocument[]} clips
 * @property {string} createdAt
 * @property {ReelCourse} [course]
 * @property {ReelGoal[]} [goals]
 * @property {PlannedTag[]} [considered]
 * @property {ReelConcern[]} [concerns]
 */

/**
 * @typedef {object} ReelGoal
 * @property {string} id
 * @property {string} text
 * @property {string[]} clipIds
 */

/**
 * @typedef {object} ReelJob
 * @property {string} caseId
 * @property {string} sessionId
 * @property {string} planId
 */

/**
 * @typedef {object} ReelLinks
 * @property {string} reel
 * @property {string} captions
 * @property {ClipLinks[]} clips
 */

/**
 * @typedef {object} ReelReady
 * @property {string} caseId
 * @property {string} sessionId
 * @property {string} planId
 * @property {string} [nextSessionAt]
 * @property {string} reel
 * @property {string[]} clips
 */

/**
 * @typedef {object} ReviewComment
 * @property {string} clipId
 * @property {string} text
 * @property {string} by
 * @property {string} at
 */

/**
 * @typedef {"approve" | "send-back"} ReviewDecision
 */

/**
 * @typedef {object} ReviewDocument
 * @property {ReviewComment[]} comments
 * @property {ReviewDecision} [decision]
 * @property {string} [decidedBy]
 * @property {string} [decidedAt]
 */

/**
 * @typedef {object} ReviewItem
 * @property {string} caseId
 * @property {string} sessionId
 * @property {string} planId
 * @property {string} [nextSessionAt]
 * @property {number} clips
 * @property {number} duration
 * @property {string} [course]
 * @property {number} [courseSession]
 * @property {number} [courseOf]
 */

/**
 * @typedef {"received" | "planned" | "cutting" | "assembling" | "ready" | "failed"} SessionState
 */

/**
 * @typedef {object} SessionStatus
 * @property {string} caseId
 * @property {string} sessionId
 * @property {string} [planId]
 * @property {SessionState} state
 * @property {number} clipsDone
 * @property {number} clipsTotal
 * @property {FieldProblem[]} warnings
 * @property {FieldProblem[]} errors
 * @property {StatusConcern[]} concerns
 * @property {string} createdAt
 * @property {string} updatedAt
 * @property {string} [readyAt]
 * @property {string} [progress]
 */

/**
 * @typedef {object} SessionSummary
 * @property {string} sessionId
 * @property {SessionState} state
 * @property {number} clipsDone
 * @property {number} clipsTotal
 * @property {string} updatedAt
 * @property {ReviewDecision} [decision]
 * @property {number} [comments]
 */

/**
 * @typedef {object} SignIn
 * @property {string} [identityProvider]
 * @property {string} [userId]
 * @property {string} [userDetails]
 * @property {SignInClaim[]} [claims]
 */

/**
 * @typedef {object} SignInClaim
 * @property {string} [typ]
 * @property {string} [val]
 */

/**
 * @typedef {object} SignInRoles
 * @property {string[]} roles
 */

/**
 * @typedef {object} StagedBlock
 * @property {string} id
 * @property {number} size
 */

/**
 * @typedef {object} StatusConcern
 * @property {string} tagId
 * @property {number} start
 * @property {number} end
 */

/**
 * @typedef {object} Tombstone
 * @property {string} caseId
 * @property {string} purgedAt
 */

/**
 * @typedef {object} UploadLink
 * @property {string} uploadUrl
 * @property {string} blob
 * @property {string} expiresAt
 * @property {number} size
 */

/**
 * @typedef {object} UploadRequest
 * @property {string} [fileName]
 * @property {number} [size]
 */

/**
 * @typedef {object} UploadedBlocks
 * @property {string} blob
 * @property {boolean} committed
 * @property {number} size
 * @property {StagedBlock[]} blocks
 */

/**
 * @typedef {"strength" | "learning" | "child"} Valence
 */

/**
 * @typedef {object} VideoStreamInfo
 * @property {string} codec
 * @property {string} [profile]
 * @property {string} [pixelFormat]
 * @property {number} width
 * @property {number} height
 * @property {number} averageFrameRate
 * @property {number} realFrameRate
 * @property {number} rotation
 * @property {boolean} isVariableFrameRate
 * @property {Record<string, unknown>} displaySize
 */

/**
 * @typedef {object} X264Match
 * @property {string} profile
 * @property {number} level
 * @property {number} refs
 * @property {number} bFrames
 * @property {number} bPyramid
 * @property {boolean} cabac
 * @property {boolean} transform8x8
 * @property {boolean} weightP
 * @property {boolean} weightB
 * @property {number} picInitQp
 * @property {number} chromaQpOffset
 * @property {boolean} constrainedIntra
 */
