import { addYears, type CalendarDate } from '@passerelle/shared/dates';

/** CCH L442-5-2: in tight areas, the CALEOL reviews a tenancy's occupancy every three years. */
export const OCCUPANCY_REVIEW_YEARS = 3;
export const nextOccupancyReview = (reviewedOn: CalendarDate) => addYears(reviewedOn, OCCUPANCY_REVIEW_YEARS);
