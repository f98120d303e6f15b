// The terugkijkgesprek as data: what the reel page's fields send, and where the API's problems with it belong. The
// section itself is conversation.js.

/**
 * @typedef {import("app/contracts.js").ConversationRequest} ConversationRequest
 * @typedef {import("app/contracts.js").ConversationAnswer} ConversationAnswer
 * @typedef {import("app/contracts.js").FieldProblem} FieldProblem
 */

/**
 * The body of PUT …/conversation: every clip's text, in the order given (an empty one clears it), and the practice point.
 * @param {[string, string][]} texts clip id and what the parent saw
 * @param {string} practicePoint
 * @returns {ConversationRequest}
 */
export function conversationRequest(texts, practicePoint) {
  return { clips: texts.map(([clipId, parentSaw]) => ({ clipId, parentSaw })), practicePoint };
}

/**
 * What the parent saw per clip, as recorded (on the reel shown now).
 * @param {ConversationAnswer} answer
 * @returns {Map<string, string>}
 */
export function textsByClip(answer) {
  return new Map((answer.record?.clips ?? []).map(c => [c.clipId, c.parentSaw]));
}

/**
 * The API's problems by the field they name: a clip's (clips[i].…, the i-th clip sent) under its clip id, the practice
 * point's under "practicePoint", any other (the body, the list as a whole) under "".
 * @param {FieldProblem[]} problems
 * @param {string[]} sent the clip ids in the order they were sent
 * @returns {Map<string, FieldProblem[]>}
 */
export function problemsByField(problems, sent) {
  /** @type {Map<string, FieldProblem[]>} */
  const fields = new Map();
  for (const problem of problems) {
    const clip = /^clips\[(\d+)\]\./.exec(problem.path);
    const field = clip ? sent[Number(clip[1])] ?? "" : problem.path === "practicePoint" ? "practicePoint" : "";
    fields.set(field, [...(fields.get(field) ?? []), problem]);
  }
  return fields;
}
