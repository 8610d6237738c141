/** The widgets' XLIFF files (locales/*.xlf), bundled as text by esbuild (`--loader:.xlf=text`). */
declare module '*.xlf' {
  const text: string;
  export default text;
}
