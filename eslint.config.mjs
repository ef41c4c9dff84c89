import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTs from 'eslint-config-next/typescript';

const config = [
  ...nextVitals,
  ...nextTs,
  {
    ignores: [
      'node_modules/**',
      '.next/**',
      '.next-test/**',
      '.next-test-*/**',
      '.next-bench/**',
      '.data/**',
      'next-env.d.ts',
    ],
  },
];

export default config;
