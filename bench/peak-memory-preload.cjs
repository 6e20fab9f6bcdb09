// Preloaded into a benchmarked child process (node --require): reports its peak resident memory on exit.
process.on('exit', () => {
  process.stderr.write(`\nBOTHUB_MAX_RSS_KB=${process.resourceUsage().maxRSS}\n`);
});
