export declare const SYSTEM_BROWSER_PATHS: string[];
export declare const SYSTEM_BROWSER_COMMANDS: string[];
export declare const NO_BROWSER_MESSAGE: string;
export interface BrowserProbes {
  playwrightExecutable: () => string | undefined;
  exists: (file: string) => boolean;
  pathVariable?: string;
  installPlaywrightChromium: () => boolean;
}
export declare function findBrowser(probes: BrowserProbes): { kind: "playwright" | "system" | "installed"; path: string } | null;
