/** The workspace-only export conditions (tsconfig.base.json `customConditions`), for Vite. */
export declare function sourceConditions(): string[]
