import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

// The dev server forwards API calls to a running backend so the refresh cookie stays same-origin.
const backendUrl = process.env.WORKSPACE_URL ?? 'http://127.0.0.1:9080';

export default defineConfig({
  base: '/',
  plugins: [react()],
  resolve: {
    alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    // Inlined assets would become data: URLs, which the server's CSP does not allow.
    assetsInlineLimit: 0,
  },
  server: {
    proxy: { '/api': { target: backendUrl, changeOrigin: false } },
  },
  test: {
    environment: 'jsdom',
    setupFiles: ['src/testing/setup-tests.ts'],
    include: ['src/**/*.test.{ts,tsx}'],
    restoreMocks: true,
    unstubGlobals: true,
    // jsdom renders slowly on a busy 2-core CI machine; a slow test is not a failing one.
    testTimeout: 30_000,
  },
});
