import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

/** The API the dev server (`npm run dev:web`) proxies to: the service started with `npm start`. */
const api = process.env.CONSOLE_API ?? 'http://127.0.0.1:3000';

export default defineConfig({
  plugins: [react()],
  build: {
    // Ant Design and React are one vendor chunk shared by every page; ECharts stays in the stats page's chunk.
    chunkSizeWarningLimit: 1200,
  },
  server: {
    proxy: Object.fromEntries(['/v1', '/docs', '/openapi.json'].map((prefix) => [prefix, { target: api }])),
  },
});
