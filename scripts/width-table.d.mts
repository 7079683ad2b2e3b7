/** [first, last, columns alone, columns followed by U+FE0F] for each run of code points with the same widths. */
export function widthRanges(): [number, number, number, number][];
/** The TypeScript source of src/ui/width-table.ts. */
export function widthTableSource(): string;
