import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';
import type { Plugin } from 'vite';

// `npm run dev` and `vite preview` forward /graphql, /auth (sign-in),
// /export and /import to a running server.
const api = process.env.CHANNELBOARD_URL ?? 'http://127.0.0.1:8080';

// GraphiQL's stylesheet embeds its web fonts as data: URLs, which the server's
// CSP refuses (font-src falls back to default-src 'self') with a console error
// each; drop those @font-face rules (most of the file's 400 kB) and let the
// console use the app's system fonts (screens/console/console.css).
function stripGraphiqlFonts(): Plugin {
  return {
    name: 'strip-graphiql-fonts',
    enforce: 'pre',
    transform(code, id) {
      if (!/[\\/]graphiql[\\/]dist[\\/]style\.css$/.test(id.split('?')[0])) return null;
      return { code: code.replace(/@font-face\s*\{[^}]*\}/g, ''), map: null };
    },
  };
}

// The build is committed and CI rebuilds it and compares byte for byte, so the
// output must depend only on the sources: content-hashed names, no timestamps.
export default defineConfig({
  base: '/',
  plugins: [react(), stripGraphiqlFonts()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: false,
    reportCompressedSize: false,
    chunkSizeWarningLimit: 400,
  },
  // ws: the live board's subscription runs over a websocket on /graphql.
  server: {
    proxy: { '/graphql': { target: api, ws: true }, '/auth': { target: api }, '/export': { target: api }, '/import': { target: api } },
  },
  preview: {
    proxy: { '/graphql': { target: api, ws: true }, '/auth': { target: api }, '/export': { target: api }, '/import': { target: api } },
  },
  test: {
    include: ['src/**/*.test.ts'],
    environment: 'node',
  },
});
