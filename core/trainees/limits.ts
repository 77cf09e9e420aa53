/**
 * Limits only the `trainees` function applies. The window they count in stays in the contract
 * (TRAINEES_LIMITS.wrongCodeWindowMinutes): the RATE_LIMITED message tells the person how long to wait.
 */

/** Wrong 班级口令 / 认领码 one WeChat user may send in the window before RATE_LIMITED. */
export const WRONG_CODES_ALLOWED = 5;
