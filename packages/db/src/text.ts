/** Vietnamese text helpers for stored names: the one definition lives in the language package. */
export { fold, normalize } from '@hoctap/criteria-dsl';
