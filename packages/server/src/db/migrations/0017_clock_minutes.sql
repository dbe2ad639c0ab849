-- A clock's minutes are open time between two instants, which need not fall on whole
-- minutes: a case opened at 10:00:30 in office hours has a business-day budget of so many
-- minutes and a half. Integer columns refused such clocks (the case could not be opened).
ALTER TABLE case_clocks
  ALTER COLUMN budget_minutes TYPE double precision,
  ALTER COLUMN remaining_minutes TYPE double precision;
