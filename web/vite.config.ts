import { defineConfig } from "vite";
import solid from "vite-plugin-solid";

/*
 * The API runs on the same origin in every stage; in development Vite
 * passes /api on to the local server (`npm start`).
 */
export default defineConfig({
  plugins: [solid()],
  server: {
    proxy: { "/api": "http://localhost:3000" },
  },
  build: {
    outDir: "dist",
    emptyOutDir: true,
    target: "es2022",
    // Every browser we support preloads modules itself; the polyfill would only add bytes.
    modulePreload: { polyfill: false },
    // Never turn assets into data: URLs or inline code, whatever their size.
    assetsInlineLimit: 0,
    rolldownOptions: {
      output: {
        // Solid and its router in one chunk of their own: without it, a lazy screen that imports
        // solid-js/store (as the router does) scatters the first screen's code over eight files.
        codeSplitting: {
          groups: [{ name: "solid", test: /node_modules[\\/](solid-js|@solidjs)[\\/]/ }],
        },
      },
    },
  },
});
