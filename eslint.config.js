import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/**
 * The direction of dependencies (see DESIGN.md). Each folder of src/ may import only the folders listed
 * for it; every other folder or top-level module of src/ is refused by the linter.
 */
const LAYERS = {
  text: [],
  knowledge: ['text'],
  store: ['text'],
  engine: ['knowledge', 'text'],
  safety: ['knowledge', 'text'],
  pins: ['engine', 'knowledge', 'store', 'text'],
  answer: ['engine', 'knowledge', 'pins', 'safety', 'store', 'text'],
  moderation: ['answer', 'engine', 'knowledge', 'pins', 'safety', 'store', 'text'],
  health: [],
};
/** Folders and top-level modules of src/ (files as `name.ts`). */
const SRC_PARTS = [...Object.keys(LAYERS), 'discord', 'cli', 'app', 'config', 'core', 'index', 'logger'];

/** An import that climbs out of a folder of src/ into `part` ("../discord/bot.js", "../../core.js"). */
const importOf = (part) => `^(\\.\\./)+${part}(/|\\.js$)`;
/** The same from a top-level module of src/ ("./discord/bot.js"). */
const topLevelImportOf = (part) => `^\\./${part}(/|\\.js$)`;

const DISCORD_ON_TOP =
  'Only src/app.ts, src/index.ts and src/discord/ import Discord code (DESIGN.md: layers).';

const layerRules = Object.entries(LAYERS).map(([layer, allowed]) => ({
  files: [`src/${layer}/**/*.ts`],
  rules: {
    'no-restricted-imports': [
      'error',
      {
        patterns: SRC_PARTS.filter((part) => part !== layer && !allowed.includes(part)).map((part) => ({
          regex: importOf(part),
          message: `src/${layer}/ may import only ${allowed.length > 0 ? allowed.map((name) => `src/${name}/`).join(', ') : 'nothing else of src/'} (DESIGN.md: layers).`,
        })),
      },
    ],
  },
}));

export default tseslint.config(
  { ignores: ['node_modules/', 'data/', 'coverage/', '.scratch/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      // The CLI and scripts write to the terminal on purpose; everything else logs through pino.
      'no-console': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  ...layerRules,
  {
    // Discord code sits on top: nothing but the composition root (app.ts) and Discord code imports it.
    files: ['src/cli/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ regex: importOf('discord'), message: DISCORD_ON_TOP }] },
      ],
    },
  },
  {
    files: ['src/config.ts', 'src/core.ts', 'src/logger.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ regex: topLevelImportOf('discord'), message: DISCORD_ON_TOP }] },
      ],
    },
  },
  {
    files: ['src/cli/**', 'scripts/**', 'src/discord/deploy-commands.ts'],
    rules: { 'no-console': 'off' },
  },
);
