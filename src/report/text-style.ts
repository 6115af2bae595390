/**
 * What text renderers need of colour. The CLI passes its chalk-backed Style (which has these
 * methods); tests and files use PLAIN_STYLE. Keeps chalk out of the pure core.
 */
export interface TextStyle {
  warning(text: string): string;
  ok(text: string): string;
  dim(text: string): string;
  bold(text: string): string;
}

/** No colour: every method returns its text unchanged. */
export const PLAIN_STYLE: TextStyle = {
  warning: (t) => t,
  ok: (t) => t,
  dim: (t) => t,
  bold: (t) => t,
};
