export declare const BUNDLE_DIR: string;
export declare const BUNDLE_ENTRY: string;
export declare const SOURCES_FILE: string;
export declare function currentBundle(root: string): string | null;
