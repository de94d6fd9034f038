// Lint: typescript-eslint's recommended rules, plus Nx module boundaries, which enforce the
// dependency direction of design.md: apps → libs; adapters and media → core; core → nothing of ours,
// and never Nest, TypeORM or anything from apps/.
import nx from '@nx/eslint-plugin';
import tseslint from 'typescript-eslint';

export default [
  { ignores: ['**/node_modules/**', 'dist/**', 'tmp/**', '.nx/**', 'apps/admin/dist/**', 'apps/admin/src/generated/**', '**/*.js', '**/*.mjs', '**/*.cjs'] },
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts', '**/*.tsx'],
    plugins: { '@nx': nx },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@nx/enforce-module-boundaries': [
        'error',
        {
          // The signalling protocol is plain TypeScript shared by the API and the web app (no mediasoup, no Node).
          allow: ['@maillage/seed-data', '@maillage/media/protocol'],
          depConstraints: [
            { sourceTag: 'scope:core', onlyDependOnLibsWithTags: ['scope:core'], bannedExternalImports: ['@nestjs/*', 'typeorm', 'pg', 'express', 'mediasoup'] },
            { sourceTag: 'scope:adapters', onlyDependOnLibsWithTags: ['scope:core', 'scope:adapters'], bannedExternalImports: ['@nestjs/*', 'typeorm'] },
            { sourceTag: 'scope:media', onlyDependOnLibsWithTags: ['scope:core', 'scope:media'], bannedExternalImports: ['@nestjs/*', 'typeorm'] },
            { sourceTag: 'scope:app', onlyDependOnLibsWithTags: ['scope:core', 'scope:adapters', 'scope:media', 'scope:tools'] },
            // The web app talks to the API over HTTP (and the meeting signalling WebSocket) only; its types are generated
            // from the committed schema into apps/admin/src/generated/ (inside the project), so it depends on nothing
            // else of ours but the signalling protocol's types (`allow` above).
            { sourceTag: 'scope:admin', onlyDependOnLibsWithTags: [], bannedExternalImports: ['@nestjs/*', 'typeorm', 'pg', 'express', 'mediasoup', '@maillage/*'] },
          ],
        },
      ],
    },
  },
  {
    files: ['libs/core/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'error' },
  },
];
