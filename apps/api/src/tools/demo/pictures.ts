import sharp from 'sharp';

export type ImageKind = 'code' | 'chart' | 'diagram' | 'sunset' | 'desk' | 'notebook';

// Pictures are drawn here (SVG rendered by sharp), so the demo needs no network and no files.

const render = (svg: string): Promise<Buffer> => sharp(Buffer.from(svg)).png().toBuffer();

/** A person silhouette on the person's colour, with a pattern chosen by the key. */
export function avatar(colour: string, key: string): Promise<Buffer> {
  const h = hash(key);
  const pattern =
    h % 3 === 0
      ? `<circle cx="40" cy="40" r="70" fill="#fff" opacity="0.12"/><circle cx="230" cy="220" r="60" fill="#000" opacity="0.08"/>`
      : h % 3 === 1
        ? `<rect x="-40" y="150" width="360" height="60" fill="#fff" opacity="0.12" transform="rotate(-25 128 128)"/>`
        : `<circle cx="210" cy="50" r="36" fill="#fff" opacity="0.16"/>`;
  return render(`<svg xmlns="http://www.w3.org/2000/svg" width="256" height="256">
  <rect width="256" height="256" fill="${colour}"/>${pattern}
  <circle cx="128" cy="104" r="46" fill="#fff" opacity="0.92"/>
  <path d="M40 256 C40 186 82 160 128 160 C174 160 216 186 216 256 Z" fill="#fff" opacity="0.92"/>
</svg>`);
}

export function picture(kind: ImageKind, seed: number): Promise<Buffer> {
  const rnd = random(seed + 1);
  const W = 960;
  const H = 640;
  const svg = (body: string, bg: string) =>
    `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}"><rect width="${W}" height="${H}" fill="${bg}"/>${body}</svg>`;
  switch (kind) {
    case 'code': {
      const colours = ['#c678dd', '#61afef', '#98c379', '#e5c07b', '#e06c75', '#abb2bf'];
      let lines = '';
      let indent = 0;
      for (let i = 0; i < 16; i++) {
        const y = 90 + i * 32;
        indent = Math.max(0, Math.min(3, indent + Math.floor(rnd() * 3) - 1));
        let x = 90 + indent * 36;
        lines += `<rect x="40" y="${y}" width="24" height="12" rx="3" fill="#4b5263"/>`;
        for (let t = 0, n = 1 + Math.floor(rnd() * 4); t < n; t++) {
          const w = 40 + Math.floor(rnd() * 140);
          lines += `<rect x="${x}" y="${y}" width="${w}" height="14" rx="4" fill="${colours[Math.floor(rnd() * colours.length)]}"/>`;
          x += w + 14;
        }
      }
      return render(
        svg(
          `<rect width="${W}" height="48" fill="#21252b"/><circle cx="28" cy="24" r="8" fill="#ff5f56"/><circle cx="54" cy="24" r="8" fill="#ffbd2e"/><circle cx="80" cy="24" r="8" fill="#27c93f"/><rect x="120" y="14" width="160" height="20" rx="6" fill="#2c313a"/>${lines}`,
          '#282c34',
        ),
      );
    }
    case 'chart': {
      let bars = '';
      const n = 6;
      for (let i = 0; i < n; i++) {
        const before = 120 + Math.floor(rnd() * 320);
        const after = 16 + Math.floor(rnd() * 50);
        const x = 120 + i * 130;
        bars += `<rect x="${x}" y="${560 - before}" width="44" height="${before}" rx="4" fill="#f08c3a"/>`;
        bars += `<rect x="${x + 50}" y="${560 - after}" width="44" height="${after}" rx="4" fill="#4f6df5"/>`;
      }
      let grid = '';
      for (let y = 160; y < 560; y += 80)
        grid += `<line x1="90" y1="${y}" x2="900" y2="${y}" stroke="#e6e8ef" stroke-width="2"/>`;
      return render(
        svg(
          `${grid}<line x1="90" y1="560" x2="900" y2="560" stroke="#8a90a2" stroke-width="3"/><line x1="90" y1="80" x2="90" y2="560" stroke="#8a90a2" stroke-width="3"/>${bars}<rect x="700" y="70" width="22" height="22" rx="4" fill="#f08c3a"/><rect x="700" y="104" width="22" height="22" rx="4" fill="#4f6df5"/><rect x="732" y="76" width="120" height="10" rx="5" fill="#c9cdd8"/><rect x="732" y="110" width="90" height="10" rx="5" fill="#c9cdd8"/>`,
          '#ffffff',
        ),
      );
    }
    case 'diagram': {
      const box = (x: number, y: number, fill: string) =>
        `<rect x="${x}" y="${y}" width="180" height="110" rx="18" fill="${fill}"/><rect x="${x + 30}" y="${y + 48}" width="120" height="14" rx="7" fill="#fff" opacity="0.85"/>`;
      const arrow = (x1: number, y1: number, x2: number, y2: number) =>
        `<line x1="${x1}" y1="${y1}" x2="${x2}" y2="${y2}" stroke="#5c6478" stroke-width="6" marker-end="url(#a)"/>`;
      return render(
        svg(
          `<defs><marker id="a" markerWidth="10" markerHeight="10" refX="6" refY="5" orient="auto"><path d="M0 0 L10 5 L0 10 z" fill="#5c6478"/></marker></defs>${box(60, 265, '#8a90a2')}${box(390, 120, '#4f6df5')}${box(390, 410, '#4f6df5')}${box(720, 120, '#e5533d')}${box(720, 410, '#2f9e78')}${arrow(240, 300, 380, 190)}${arrow(240, 340, 380, 460)}${arrow(570, 175, 710, 175)}${arrow(570, 465, 710, 465)}${arrow(570, 200, 710, 440)}`,
          '#f4f6fb',
        ),
      );
    }
    case 'sunset':
      return render(
        svg(
          `<defs><linearGradient id="s" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="#3a3f8f"/><stop offset="0.55" stop-color="#f08c3a"/><stop offset="1" stop-color="#ffd27a"/></linearGradient></defs><rect width="${W}" height="${H}" fill="url(#s)"/><circle cx="${420 + Math.floor(rnd() * 160)}" cy="400" r="90" fill="#ffe6a8"/><path d="M0 470 Q240 400 480 460 T960 440 V640 H0 Z" fill="#5b3a6b"/><path d="M0 540 Q300 480 620 540 T960 520 V640 H0 Z" fill="#3d2850"/>`,
          '#3a3f8f',
        ),
      );
    case 'desk':
      return render(
        svg(
          `<rect y="440" width="${W}" height="200" fill="#b88a5a"/><rect x="250" y="150" width="420" height="270" rx="16" fill="#30343f"/><rect x="270" y="170" width="380" height="230" rx="6" fill="#4f6df5"/><rect x="290" y="195" width="${140 + Math.floor(rnd() * 180)}" height="14" rx="7" fill="#fff" opacity="0.8"/><rect x="290" y="225" width="200" height="14" rx="7" fill="#fff" opacity="0.6"/><rect x="290" y="255" width="260" height="14" rx="7" fill="#fff" opacity="0.6"/><path d="M200 440 L720 440 L690 470 L230 470 Z" fill="#8a90a2"/><rect x="770" y="360" width="80" height="90" rx="10" fill="#fff"/><path d="M850 380 q34 0 34 28 q0 28 -34 28" stroke="#fff" stroke-width="10" fill="none"/><rect x="780" y="370" width="60" height="16" rx="6" fill="#6b4226"/>`,
          '#f3e6d3',
        ),
      );
    case 'notebook': {
      let rows = '';
      for (let i = 0; i < 9; i++) {
        const y = 140 + i * 48;
        const done = i < 4 + Math.floor(rnd() * 3);
        rows += `<rect x="270" y="${y - 14}" width="26" height="26" rx="6" fill="none" stroke="#4f6df5" stroke-width="4"/>`;
        if (done)
          rows += `<path d="M275 ${y} l8 8 l14 -16" stroke="#2f9e78" stroke-width="5" fill="none"/>`;
        rows += `<rect x="320" y="${y - 6}" width="${160 + Math.floor(rnd() * 240)}" height="12" rx="6" fill="#c9cdd8"/>`;
      }
      return render(
        svg(
          `<rect x="220" y="60" width="520" height="540" rx="20" fill="#fffdf6"/><rect x="220" y="60" width="520" height="50" rx="20" fill="#e5533d"/>${rows}`,
          '#dfe7f5',
        ),
      );
    }
  }
}

function hash(text: string): number {
  let h = 2166136261;
  for (const ch of text) h = Math.imul(h ^ ch.charCodeAt(0), 16777619) >>> 0;
  return h;
}

/** A small deterministic generator: the same demo draws the same pictures. */
function random(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}
