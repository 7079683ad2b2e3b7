// remark's own parse of a file, nothing else: the reference the benchmark compares a first load to.
import { readFileSync } from 'node:fs';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';

unified()
  .use(remarkParse)
  .use(remarkGfm)
  .parse(readFileSync(process.argv[2] ?? '', 'utf8'));
