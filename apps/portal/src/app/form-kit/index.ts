/**
 * The portal's one way to build a form: react-hook-form with the domain's zod schemas, these fields, and one
 * reader of API problems. Sign-in, the first page many people open, keeps its state with the kit's light
 * `useCheckedForm` (imported from its own file, so no other page carries it) instead of react-hook-form:
 * the same behaviour at a fraction of the weight.
 */
export { Field, FormProblem, ProblemLine, type ControlProps, type FormProblemState } from './Field';
export { applyProblem, type ProblemTarget } from './apply-problem';
export { SubmitRow } from './SubmitRow';
export { couldNotFind, loadProblemMessage, readProblem, type Problem, type ReasonWords } from './read-problem';
export { LoadProblem } from './LoadProblem';
export { textOrNone, requiredText } from './text-rules';
