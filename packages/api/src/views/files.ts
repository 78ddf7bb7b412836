/** File names in HTTP answers: an ASCII name and the Content-Disposition header of a download. */

/** ASCII file name (folded Vietnamese, safe characters) for Content-Disposition. */
export function fileName(base: string): string {
  return (
    base
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/[đĐ]/g, (c) => (c === 'đ' ? 'd' : 'D'))
      .replace(/[^A-Za-z0-9.-]+/g, '-')
      .replace(/-+/g, '-')
      .replace(/^-|-$/g, '')
      .toLowerCase() || 'tai-lieu'
  );
}

/** `filename*` of RFC 6266 / RFC 5987: UTF-8, percent-encoded, with an ASCII fallback. */
export function contentDisposition(name: string): string {
  const ascii = fileName(name);
  const encoded = encodeURIComponent(name).replace(/['()*]/g, (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
