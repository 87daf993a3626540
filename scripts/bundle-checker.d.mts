/** Types of scripts/bundle-checker.mjs, for the tests that build the bundle from the current sources. */
export declare const DEFAULT_OUTFILE: string;
export declare function bundleChecker(): Promise<{ text: string; sizes: Record<string, number> }>;
export declare function writeCheckerBundle(outfile?: string): Promise<{ outfile: string; bytes: number; sizes: Record<string, number> }>;
