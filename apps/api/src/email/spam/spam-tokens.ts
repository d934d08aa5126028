export const SPAM_DECISIONS = Symbol('SpamDecisionStore');
export const SPAM_CHECK = Symbol('SpamCheckService');
