import react from '@vitejs/plugin-react'
import { defineConfig } from 'vite'

// The dev server forwards the API to a locally running `npm run dev` (port 3000); production serves
// web/dist from the Fastify server itself, so the browser only ever talks to one origin.
export default defineConfig({
  plugins: [react()],
  server: {
    proxy: { '/api': 'http://127.0.0.1:3000' },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // The entry chunk is React, Mantine, TanStack and @threshold/core (with zod), ≈ 210 kB gzipped; every
    // page behind sign-in is a lazy chunk of its own (router.tsx).
    chunkSizeWarningLimit: 750,
  },
})
