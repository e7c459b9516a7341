import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

// `npm run dev` and `vite preview` forward /graphql to a running server.
const api = process.env.CHANNELBOARD_URL ?? 'http://127.0.0.1:8080';

// The build is committed and CI rebuilds it and compares byte for byte, so the
// output must depend only on the sources: content-hashed names, no timestamps.
export default defineConfig({
  base: '/',
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: false,
    reportCompressedSize: false,
    chunkSizeWarningLimit: 400,
  },
  // ws: the live board's subscription runs over a websocket on /graphql.
  server: {
    proxy: { '/graphql': { target: api, ws: true } },
  },
  preview: {
    proxy: { '/graphql': { target: api, ws: true } },
  },
  test: {
    include: ['src/**/*.test.ts'],
    environment: 'node',
  },
});
