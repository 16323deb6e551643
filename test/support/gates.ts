/** The five checks (五关) all confirmed, as an approver sends them with `sign_off`. */
export const FIVE_GATES = { political: true, policy: true, secrecy: true, wording: true, standards: true } as const;
