// miniprogram-compiler ships no types; this is the part the preview uses.
declare module 'miniprogram-compiler' {
  export function wxmlToJs(
    rootPath: string,
    options?: { maxBuffer?: number; wxmlList?: string[]; wxsList?: string[] },
  ): string;
}
