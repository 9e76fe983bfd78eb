/** Whether dist/ was compiled from the sources as they are (bin/source-stamp.js): bin/lei.js then runs the compiled CLI. */
export declare function distIsCurrent(): boolean;
