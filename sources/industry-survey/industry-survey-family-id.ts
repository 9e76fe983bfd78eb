// The industry survey family's id (its inbox folder and config file name), apart from its config schema: the reading
// code names the family without building the schema (zod's work), which only a config file not checked before needs.
export const INDUSTRY_SURVEY_FAMILY = 'industry-survey';
