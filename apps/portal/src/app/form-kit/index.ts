/** The portal's one way to build a form: react-hook-form with the domain's zod schemas, these fields, and one reader of API problems. */
export { Field, FormProblem, ProblemLine, type ControlProps, type FormProblemState } from './Field';
export { applyProblem } from './apply-problem';
export { SubmitRow } from './SubmitRow';
export { couldNotFind, loadProblemMessage, readProblem, type Problem, type ReasonWords } from './read-problem';
export { textOrNone, requiredText } from './text-rules';
