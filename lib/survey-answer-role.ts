// A respondent's standing in one question, as the wave ingester stores it (one byte per respondent) and the
// estimates read it.
export const Role = { Answer: 0, NoAnswer: 1, NotApplicable: 2, Invalid: 3 } as const;
