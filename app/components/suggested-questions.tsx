/** A criterion's suggested questions and follow-ups, as the interview kit and the read-only rubric show them. */
export function SuggestedQuestions({ questions }: { questions: readonly string[] }) {
  if (questions.length === 0) return <p className="text-sm text-slate-500">No suggested questions for this criterion.</p>;
  return (
    <ul className="list-disc space-y-1 pl-5 text-sm text-slate-800">
      {questions.map((question, index) => (
        <li key={index}>{question}</li>
      ))}
    </ul>
  );
}
