/** How every browser test starts Debian's Chromium (see chromium.js). */
export declare const CHROMIUM_LAUNCH_ARGS: string[]
