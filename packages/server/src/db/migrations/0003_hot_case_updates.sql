-- The SLA sweep raises the priority of thousands of cases at a time. Priority is not
-- indexed, so PostgreSQL can update such a row in place (a HOT update, touching none of
-- the nine indexes of cases) when its page has room for the new version. Leaving 15 % of
-- each new page free gives it that room.
ALTER TABLE cases SET (fillfactor = 85);
