/**
 * The draft the person has just created from the list: its page puts the keyboard in the body, where
 * the next keystroke belongs (it fell to the page's start, a whole header of Tabs away). Taken once.
 */
let created: number | null = null;

export function markJustCreated(id: number): void {
  created = id;
}

export function takeJustCreated(id: number): boolean {
  const was = created === id;
  if (was) created = null;
  return was;
}
