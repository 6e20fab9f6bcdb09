import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/** The dashboard builds to dist/, which the service serves at `/` (hashed assets under /assets/ are cached long). */
export default defineConfig({
  plugins: [react()],
  base: '/',
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // ECharts (core and the chart types used) is the largest part; it loads with the first page that draws a chart.
    chunkSizeWarningLimit: 700,
    rolldownOptions: {
      output: { codeSplitting: { groups: [{ name: 'echarts', test: /node_modules[\\/](echarts|zrender)[\\/]/ }] } },
    },
  },
  server: { proxy: { '/api': 'http://127.0.0.1:8080' } },
});
