/**
 * The page shell the accessible HTML documents share (the SOP web page and both posters): the SWV colour as custom
 * properties, the body's type, the centred column, the coloured header with the logo, and visible links and focus.
 * One string, so the three documents look like one family and a fix to the shell reaches all three.
 */
export function htmlShellCss(options: { brand: string; onBrand: string; lineHeight: string; maxWidth: string; titleSize: string }): string {
  return `:root{--brand:${options.brand};--on-brand:${options.onBrand}}
    body{margin:0;font-family:system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;font-size:1.0625rem;line-height:${options.lineHeight};color:#1a1a1a;background:#fff}
    main{max-width:${options.maxWidth};margin:0 auto;padding:1rem}
    header{display:flex;justify-content:space-between;align-items:center;gap:1rem;background:var(--brand);color:var(--on-brand);padding:1rem 1.25rem;border-radius:.5rem}
    header h1{margin:0;font-size:${options.titleSize};line-height:1.2}
    header p{margin:.25rem 0 0}
    header img{background:#fff;border-radius:.25rem;padding:.25rem}
    a{color:#0b4f8a}
    a:focus{outline:3px solid #ffbf47;outline-offset:2px}`;
}

/** What the two posters add to the shell: box sizing, a small footer, and an A4 page when printed. */
export const POSTER_PAGE_CSS = `*{box-sizing:border-box}
    footer{font-size:.85rem;color:#555}
    @media print{@page{size:A4;margin:12mm}main{padding:0}body{font-size:10pt}}`;
