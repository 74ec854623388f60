import { highlightParts } from '../../../shared/search';

/** Text with the places a search matched marked. */
export function Highlight({ text, query }: { text: string; query: string }): React.JSX.Element {
  if (!query.trim()) return <>{text}</>;
  return (
    <>
      {highlightParts(text, query).map((part, i) => (part.match ? <mark key={i}>{part.text}</mark> : <span key={i}>{part.text}</span>))}
    </>
  );
}
