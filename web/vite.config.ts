import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// Paths relative to this file, so the build works from any working directory.
const here = (path: string) => decodeURIComponent(new URL(path, import.meta.url).pathname);
const api = 'http://127.0.0.1:8080';

export default defineConfig({
  root: here('.'),
  plugins: [react()],
  build: {
    outDir: here('../dist/web'),
    emptyOutDir: true,
    // antd is one large vendor chunk by nature and changes less often than the app; admin pages load on demand
    chunkSizeWarningLimit: 1200,
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            // charts only for the dashboard, which loads on demand: kept out of the chunk every page needs
            { name: 'echarts', test: /node_modules[\\/](echarts|zrender)[\\/]/, priority: 3 },
            { name: 'react', test: /node_modules[\\/](react|react-dom|react-router|scheduler|cookie)[\\/]/, priority: 2 },
            { name: 'antd', test: /node_modules[\\/]/, priority: 1 },
          ],
        },
      },
    },
  },
  server: {
    proxy: { '/api': api, '/healthz': api },
  },
});
