/** Manage Messages (1 << 13) and Pin Messages (1 << 51, split from Manage Messages in 2025). */
const MANAGE_MESSAGES = 1n << 13n;
const PIN_MESSAGES = 1n << 51n;
const ADMINISTRATOR = 1n << 3n;

export interface MemberRights {
  /** The member's permission bit string as Discord sends it (`member.permissions`). */
  readonly permissions: string | bigint | null | undefined;
  readonly roleIds: readonly string[];
}

/** Moderators: Manage Messages or Pin Messages (Administrator implies both), or a role in MOD_ROLE_IDS. */
export function isModerator(member: MemberRights, modRoleIds: readonly string[]): boolean {
  let bits = 0n;
  try {
    bits = typeof member.permissions === 'bigint' ? member.permissions : BigInt(member.permissions ?? '0');
  } catch {
    bits = 0n;
  }
  // Discord's bit strings are never negative; a negative BigInt would have every high bit set.
  if (bits < 0n) bits = 0n;
  if ((bits & (MANAGE_MESSAGES | PIN_MESSAGES | ADMINISTRATOR)) !== 0n) return true;
  return member.roleIds.some((role) => modRoleIds.includes(role));
}

/** `default_member_permissions` for moderator commands: Manage Messages (Discord shows them to mods). */
export const MODERATOR_COMMAND_PERMISSIONS = MANAGE_MESSAGES.toString();
