/** Limits only the `training` function applies; no page shows them (ids and reads come from the server itself). */
export const TRAINING_LIMITS = {
  /** Longest document id accepted in a request (CloudBase ids are 32 chars; hand-made ids may be longer). */
  maxIdLength: 64,
  /** Most sessions read for one overview (the SDK caps a read at 1000). */
  maxSessions: 500,
  /** Most materials read for one list. */
  maxMaterials: 500,
  /** Most day tabs an overview builds from a course's start and end (guards against a mistyped end year). */
  maxCourseDays: 31,
  /** Lifetime of a temporary download address, in seconds. */
  downloadUrlMaxAgeSeconds: 2 * 60 * 60,
} as const;
