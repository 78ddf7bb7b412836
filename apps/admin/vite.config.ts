/**
 * Vite config of the admin portal. Workspace packages (@hoctap/criteria-dsl, @hoctap/core) are
 * resolved to their TypeScript sources through the custom condition `@hoctap/source`, as in
 * `vitest.shared.ts`, so the portal runs the same parser and checker as the CLI without a build.
 */
import { defaultClientConditions, defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

export default defineConfig({
  plugins: [react()],
  resolve: {
    conditions: ['@hoctap/source', ...defaultClientConditions],
  },
  server: {
    host: '127.0.0.1',
    port: 5173,
    proxy: {
      '/api': { target: 'http://127.0.0.1:3000', changeOrigin: false },
    },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: true,
    chunkSizeWarningLimit: 1500,
  },
});
