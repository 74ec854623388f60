/** Vite's `?url` import: the built file's address, relative to the page (./assets/…), as a string. */
declare module '*?url' {
  const url: string;
  export default url;
}
