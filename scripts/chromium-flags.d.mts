/** The flags every headless Chromium run of the project uses. */
export const CHROMIUM_FLAGS: readonly string[];
