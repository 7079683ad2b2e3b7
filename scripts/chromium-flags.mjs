// The flags every headless Chromium run of the project uses (the browser test and the README pictures):
// no sandbox (root in CI), no GPU, and none of the background connections a closed network refuses.
export const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
