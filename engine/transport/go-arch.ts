/** Maps Node's or the kernel's architecture names to GOARCH spelling. */
export function goArch(name: string): string {
  const n = name.trim().toLowerCase();
  const table: Record<string, string> = {
    x64: 'amd64',
    x86_64: 'amd64',
    amd64: 'amd64',
    arm64: 'arm64',
    aarch64: 'arm64',
    ia32: '386',
    x86: '386',
    i386: '386',
    i686: '386',
    '386': '386',
    arm: 'arm',
    armv7l: 'arm',
    armv6l: 'arm',
    armhf: 'arm',
    ppc64: 'ppc64',
    ppc64le: 'ppc64le',
    s390x: 's390x',
    riscv64: 'riscv64',
    loong64: 'loong64',
    loongarch64: 'loong64',
    mips64el: 'mips64le',
    mips64le: 'mips64le',
  };
  return table[n] ?? n;
}
