export declare const DEFAULT_CHROMIUM: string;
export declare const CHROMIUM_ARGS: string[];
export declare function chromiumPath(env?: NodeJS.ProcessEnv): string;
export declare function hasChromium(env?: NodeJS.ProcessEnv): boolean;
export declare const CHROMIUM_INSTALL_HINT: string;
