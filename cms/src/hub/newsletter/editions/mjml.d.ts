// mjml 5 ships without types; only the call the newsletter makes is declared.
declare module 'mjml' {
  interface MjmlError {
    message: string;
    line: number;
    tagName: string;
  }
  interface MjmlResult {
    html: string;
    errors: MjmlError[];
  }
  interface MjmlOptions {
    validationLevel?: 'strict' | 'soft' | 'skip';
    fonts?: Record<string, string>;
    keepComments?: boolean;
    minify?: boolean;
  }
  function mjml2html(input: string, options?: MjmlOptions): Promise<MjmlResult>;
  export = mjml2html;
}
