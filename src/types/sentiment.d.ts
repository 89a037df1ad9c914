// The part of the `sentiment` package (AFINN-165) that rel uses; the package ships no types.
declare module 'sentiment' {
  interface AnalyzeOptions {
    /** Words to add to (or override in) the AFINN list, each with a score from -5 to 5. */
    extras?: Record<string, number>;
  }
  interface AnalyzeResult {
    score: number;
    comparative: number;
    tokens: string[];
    words: string[];
  }
  export default class Sentiment {
    analyze(phrase: string, options?: AnalyzeOptions): AnalyzeResult;
  }
}
