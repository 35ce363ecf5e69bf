import { PermissionFlagsBits } from 'discord.js';
import { describe, expect, it, test } from 'vitest';
import { MODERATOR_COMMAND_PERMISSIONS, isModerator } from '../../src/pins/moderators.js';

const MOD_ROLE = '444444444444444444';
const OTHER_ROLE = '555555555555555555';

describe('GIVEN a member’s permissions and roles', () => {
  test.each([
    ['Manage Messages', String(1n << 13n), [], true],
    ['Pin Messages (bit 51, beyond 2^53 precision as a string)', (1n << 51n).toString(), [], true],
    ['Pin Messages as a bigint', 1n << 51n, [], true],
    ['Administrator', String(1n << 3n), [], true],
    ['Manage Messages among other bits', ((1n << 13n) | (1n << 10n) | (1n << 11n)).toString(), [], true],
    ['a role listed in MOD_ROLE_IDS', '0', [OTHER_ROLE, MOD_ROLE], true],
    ['send/read only and an unlisted role', ((1n << 10n) | (1n << 11n)).toString(), [OTHER_ROLE], false],
    ['no permissions and no roles', '0', [], false],
    ['permissions missing (null)', null, [], false],
    ['permissions missing (undefined)', undefined, [], false],
    ['a garbage permission string', 'not-a-number', [], false],
    ['a negative-looking garbage string', '-x', [], false],
    ['a negative number (every high bit set in two’s complement)', '-1', [], false],
    ['a negative bigint', -8192n, [], false],
    ['a garbage permission string but a mod role', 'garbage', [MOD_ROLE], true],
    ['a bit next to Pin Messages (bit 50)', (1n << 50n).toString(), [], false],
    ['a bit next to Manage Messages (bit 14)', (1n << 14n).toString(), [], false],
  ] as const)('WHEN the member has %s THEN isModerator is %s', (_name, permissions, roleIds, expected) => {
    expect(isModerator({ permissions, roleIds }, [MOD_ROLE])).toBe(expected);
  });

  it('WHEN no moderator roles are configured THEN roles alone never make a moderator', () => {
    expect(isModerator({ permissions: '0', roleIds: [MOD_ROLE] }, [])).toBe(false);
  });

  it('THEN the bits match discord.js’ own flags', () => {
    expect(MODERATOR_COMMAND_PERMISSIONS).toBe(PermissionFlagsBits.ManageMessages.toString());
    expect(isModerator({ permissions: PermissionFlagsBits.PinMessages, roleIds: [] }, [])).toBe(true);
    expect(isModerator({ permissions: PermissionFlagsBits.Administrator.toString(), roleIds: [] }, [])).toBe(
      true,
    );
  });
});
