/** Housing vocabulary shared by the subgraphs' public schemas (registered GraphQL enums). */
export { Typology } from './typology';
export { CalDecisionType } from './cal-decision';
