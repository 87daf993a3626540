// Puppeteer drives Debian's Chromium and never downloads a browser of its own.
module.exports = {
  executablePath: process.env.PUPPETEER_EXECUTABLE_PATH || '/usr/bin/chromium',
  skipDownload: true,
};
