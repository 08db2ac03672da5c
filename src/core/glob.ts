// Glob patterns as VS Code settings write them (**, *, ?, {a,b}) turned into regular expressions.

export function globToRegExp(glob: string): RegExp {
  let re = '';
  let inBraces = 0;
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (c === '*') {
      if (glob[i + 1] === '*') {
        // "**/" matches zero or more folders; a trailing "**" matches anything.
        if (glob[i + 2] === '/') {
          re += '(?:.*/)?';
          i += 2;
        } else {
          re += '.*';
          i += 1;
        }
      } else {
        re += '[^/]*';
      }
    } else if (c === '?') re += '[^/]';
    else if (c === '{') {
      inBraces++;
      re += '(?:';
    } else if (c === '}' && inBraces) {
      inBraces--;
      re += ')';
    } else if (c === ',' && inBraces) re += '|';
    else re += c.replace(/[.+^$()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${re}$`);
}

// isArticle runs on every edit event: compile each glob once.
const compiled = new Map<string, RegExp>();

/** True when a slash-separated path (relative or absolute) matches any of the globs. */
export function matchesAny(path: string, globs: readonly string[]): boolean {
  const p = path.replace(/\\/g, '/');
  return globs.some((g) => {
    let re = compiled.get(g);
    if (!re) {
      re = globToRegExp(g);
      compiled.set(g, re);
    }
    // A relative glob such as "**/seeds/**/*.txt" should also match an absolute path.
    return re.test(p) || re.test(p.replace(/^\/+/, ''));
  });
}
