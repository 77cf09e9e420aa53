/**
 * Roles of the people enrolled in the course: shared by the `trainees` function, the permission rule
 * (core/access) and the pages that show a person's role. Runtime values here stay dependency-free.
 */

export const ROLES = ['trainee', 'leader', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  trainee: '学员',
  leader: '组长',
  admin: '管理员',
};

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}
