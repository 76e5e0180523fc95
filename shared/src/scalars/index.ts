import { GraphQLError, GraphQLScalarType } from 'graphql';
import { DateTimeResolver, LocalDateResolver as LooseLocalDate } from 'graphql-scalars';
import { FIRST_YEAR, isCalendarDate, LAST_YEAR } from '../dates';
import { ErrorCode } from '../errors';

/**
 * `LocalDate` (YYYY-MM-DD) as graphql-scalars defines it, plus the calendar's bounds
 * (`isCalendarDate`: years 1900 to 2999): a year 0 would otherwise pass the scalar and fail in
 * PostgreSQL as an internal error. Same name and description, so every subgraph's `LocalDate`
 * composes as one scalar.
 */
export const LocalDateResolver = new GraphQLScalarType<string, string>({
  ...LooseLocalDate.toConfig(),
  parseValue(value) {
    return checked(LooseLocalDate.parseValue(value) as string);
  },
  parseLiteral(ast, variables) {
    return checked(LooseLocalDate.parseLiteral(ast, variables) as string);
  },
});

function checked(date: string): string {
  if (!isCalendarDate(date)) {
    throw new GraphQLError(`"${date}" is not a calendar date between ${FIRST_YEAR}-01-01 and ${LAST_YEAR}-12-31.`, {
      extensions: { code: ErrorCode.BAD_USER_INPUT },
    });
  }
  return date;
}

export { DateTimeResolver };
